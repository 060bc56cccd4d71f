// The saved cards' rules: they come with the saved-cards file and join the widget's one sheet
// (shared/ui/styles.ts explains `&`), so neither the critical path nor a guest carries them.
import { extendStyles, scoped } from "../shared/index.ts";

const SAVED_CSS = scoped(`\
& :is(fieldset,legend){all:revert;box-sizing:border-box}\
& .cw-saved{margin:0 0 var(--cw-spacing,12px);padding:0;border:0;min-width:0}\
& .cw-saved legend{padding:0;margin:0 0 8px;font-size:14px;font-weight:600}\
& .cw-saved ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}\
& .cw-scard{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:8px 12px;border:1px solid var(--cw-color-border);border-radius:var(--cw-border-radius,8px)}\
& .cw-scard.cw-on{border-color:var(--cw-color-primary);box-shadow:inset 0 0 0 1px var(--cw-color-primary)}\
& .cw-scard label{flex:1 1 auto;display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;min-height:32px;cursor:pointer;min-width:0}\
& .cw-scard svg+span{white-space:nowrap}\
& .cw-scard>.cw-link{margin-left:auto}\
& .cw-scard input{margin:0;width:18px;height:18px;accent-color:var(--cw-color-primary)}\
& .cw-scard input:focus-visible,& .cw-save input:focus-visible{outline:2px solid var(--cw-color-primary);outline-offset:2px}\
& .cw-scard input:disabled+svg,& .cw-scard input:disabled~span{opacity:.6}\
& .cw-scard label:has(:disabled){cursor:default}\
& .cw-scard svg{flex:none;width:32px;height:20px}\
& .cw-scard .cw-hint{margin-left:auto}\
& .cw-ask{flex-basis:100%;display:flex;flex-wrap:wrap;align-items:center;gap:8px;font-size:14px}\
& .cw-link{min-height:32px;margin:0;padding:0 8px;font:inherit;font-size:14px;color:var(--cw-color-primary);background:none;border:0;border-radius:4px;text-decoration:underline;cursor:pointer}\
& .cw-link:focus-visible{outline:2px solid var(--cw-color-primary);outline-offset:1px}\
& .cw-back{margin:0 0 8px -8px}\
& .cw-another{width:100%;margin-top:8px}\
& .cw-save{display:flex;align-items:center;gap:8px;margin:0 0 var(--cw-spacing,12px);font-size:14px;cursor:pointer}\
& .cw-save input{margin:0;width:18px;height:18px;accent-color:var(--cw-color-primary)}\
& .cw-snote{margin:0 0 8px}\
`);

/** Puts the saved cards' rules into the widget's sheet (once; later sheets get them too). */
export function addSavedStyles(): void {
  extendStyles(SAVED_CSS);
}
