// The widget's one stylesheet, injected once per document (or shadow root) and removed with the
// last widget. Everything a merchant may theme is an appearance variable (shared/ui/appearance.ts),
// a `--cw-*` custom property on a widget root. Colours keep text at >= 4.5:1 and input borders at
// >= 3:1 on their backgrounds.
//
// Isolation from the host page, without a shadow root (card autofill and password managers do not
// reliably see inputs in one, Safari's least of all): every widget root (`.cw`, the modal's
// `.cw-overlay`) resets what the page could have set on it and every element inside it back to the
// browser's own styles (`all: initial` / `all: revert`), and every rule is scoped under the root
// with an id's weight (`&` below is `.cw:not(#_)`: one class and one id), so a shop's `button {…}`,
// `.page input {…}` or `#app div {…}` does not reach in. Only `!important` rules and inherited
// custom properties can. SVG internals are left out of the reset (it would drop their presentation
// attributes); the marks set their colours through CSSOM instead.
// Each line ends in `\` (a line continuation): the rules are one line in the bundle.

const LIGHT =
  "--cw-color-background:#fff;--cw-color-text:#1b1b1f;--cw-color-muted:#55565c;--cw-color-border:#83848b;--cw-color-input-background:#fff;--cw-color-primary:#0b57d0;--cw-color-on-primary:#fff;--cw-color-error:#b3261e;--cw-color-success:#146c2e";
const DARK =
  "--cw-color-background:#1c1c21;--cw-color-text:#f2f2f5;--cw-color-muted:#b4b5bc;--cw-color-border:#8f9099;--cw-color-input-background:#26262c;--cw-color-primary:#a8c7fa;--cw-color-on-primary:#062e6f;--cw-color-error:#ffb4ab;--cw-color-success:#7fd88f";

const SOURCE = `\
.cw.cw:not(#_),.cw-overlay.cw-overlay:not(#_){all:initial;display:block;box-sizing:border-box;font:16px/1.4 var(--cw-font-family,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--cw-color-text);text-align:left;-webkit-text-size-adjust:100%}\
& :is(div,span,p,h2,ul,li,form,label,input,button,a,iframe,svg){all:revert;box-sizing:border-box}\
.cw.cw:not(#_){${LIGHT};background:var(--cw-color-background);padding:var(--cw-padding,16px);border-radius:var(--cw-border-radius,8px);min-width:0;max-width:100%}\
.cw.cw[data-theme=dark]:not(#_){${DARK}}\
@media (prefers-color-scheme:dark){.cw.cw[data-theme=auto]:not(#_){${DARK}}}\
& :is(form,p,h2,ul){margin:0}\
& .cw-brands{display:flex;flex-wrap:wrap;gap:4px;margin:0 0 10px}\
& .cw-brands span{display:block;width:26px;height:16px;transition:opacity .15s}\
& .cw-brands .cw-dim{opacity:.3}\
& .cw-mark-svg{display:block;width:100%;height:100%;stroke-linecap:round;stroke-linejoin:round;overflow:visible}\
& .cw-field{display:flex;flex-direction:column;gap:4px;margin:0 0 var(--cw-spacing,12px);min-width:0}\
& .cw-row{display:grid;grid-template-columns:1fr 1fr;column-gap:var(--cw-spacing,12px);row-gap:4px;margin:0 0 var(--cw-spacing,12px)}\
& .cw-row>.cw-field{display:grid;grid-row:span 4;grid-template-rows:subgrid;gap:inherit;margin:0}\
& .cw-label{font-size:14px;font-weight:600;line-height:1.3}\
& .cw-row .cw-label{align-self:end}\
& .cw-box{position:relative}\
& .cw-input{display:block;width:100%;min-height:44px;margin:0;padding:10px 12px;font:inherit;font-size:16px;line-height:1.4;color:var(--cw-color-text);background:var(--cw-color-input-background);border:1px solid var(--cw-color-border);border-radius:var(--cw-border-radius,8px);outline:0;box-shadow:none;-webkit-appearance:none;appearance:none;transition:border-color .15s,box-shadow .15s}\
& .cw-input::placeholder{color:var(--cw-color-muted);opacity:1}\
& .cw-input:hover{border-color:var(--cw-color-text)}\
& .cw-input:focus{outline:2px solid var(--cw-color-primary);outline-offset:0;border-color:var(--cw-color-primary)}\
& .cw-input[aria-invalid=true]{border-color:var(--cw-color-error);box-shadow:inset 0 0 0 1px var(--cw-color-error)}\
& .cw-input[aria-invalid=true]:focus{outline-color:var(--cw-color-error)}\
& .cw-input[readonly]{opacity:.75}\
& .cw-num{padding-right:48px;font-variant-numeric:tabular-nums}\
& .cw-name{text-transform:uppercase}\
& .cw-name::placeholder{text-transform:none}\
& .cw-msg{font-size:14px;color:var(--cw-color-error)}\
& .cw-hint{font-size:13px;color:var(--cw-color-muted)}\
& .cw-brand{position:absolute;right:8px;top:50%;width:32px;height:20px;margin-top:-10px;color:var(--cw-color-muted);pointer-events:none}\
& .cw-btn{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:48px;margin:0;padding:0 16px;font:inherit;font-weight:600;line-height:1.2;text-align:center;text-decoration:none;white-space:nowrap;color:var(--cw-color-on-primary);background:var(--cw-color-primary);border:0;border-radius:var(--cw-border-radius,8px);cursor:pointer;opacity:1}\
& .cw-btn:hover{background-image:linear-gradient(#0000001f,#0000001f)}\
& .cw-btn:focus-visible{outline:2px solid var(--cw-color-text);outline-offset:2px}\
& .cw-btn[aria-disabled=true]{cursor:progress;background-image:none}\
& .cw-alt{color:var(--cw-color-primary);background:none;border:1px solid currentColor}\
& .cw-alt:hover{background-image:linear-gradient(#7f7f7f24,#7f7f7f24)}\
& .cw-bar{margin-top:4px}\
& .cw-pay{display:flex;width:100%;overflow:hidden}\
& .cw-pay>span:last-child{overflow:hidden;text-overflow:ellipsis}\
& .cw-wait{display:flex;align-items:center;justify-content:center;gap:8px;margin-top:8px;font-size:14px;color:var(--cw-color-muted)}\
& .cw-spin{flex:none;display:block;width:18px;height:18px;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;animation:cw-spin .8s linear infinite}\
@keyframes cw-spin{to{transform:rotate(1turn)}}\
& .cw-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}\
& .cw-skel{display:block;height:44px;margin:0 0 var(--cw-spacing,12px);border-radius:var(--cw-border-radius,8px);background:var(--cw-color-border);opacity:.25;animation:cw-pulse 1.2s ease-in-out infinite alternate}\
& .cw-row>.cw-skel{margin:0}\
@keyframes cw-pulse{to{opacity:.1}}\
& .cw-result{display:flex;flex-direction:column;align-items:center;gap:8px;padding:16px 0;text-align:center}\
& .cw-result:focus{outline:0}\
& .cw-result h2{font-size:20px;font-weight:700}\
& .cw-result .cw-btn{width:100%;margin-top:4px}\
& .cw-result .cw-btn+.cw-btn{margin-top:0}\
& .cw-mark{display:block;width:48px;height:48px;border-radius:50%;border:3px solid currentColor;position:relative}\
& .cw-bad{color:var(--cw-color-error)}\
& .cw-bad::after{content:"!";position:absolute;inset:0;display:grid;place-items:center;font-weight:700;font-size:26px;line-height:1}\
.cw-overlay.cw-overlay:not(#_){position:fixed;inset:0;z-index:2147483000;display:flex;align-items:center;justify-content:center;padding:16px;background:#0000008c}\
.cw.cw-dialog.cw-dialog:not(#_){position:relative;padding:0;display:flex;flex-direction:column;min-width:min(420px,100%);max-width:100%;max-height:100%;overflow:auto;border-radius:12px;box-shadow:0 12px 40px #00000059;animation:cw-in .2s ease-out}\
.cw.cw-dialog:focus:not(#_){outline:0}\
@keyframes cw-in{from{opacity:0;transform:translateY(8px)}}\
& .cw-head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:8px 8px 8px 16px;border-bottom:1px solid var(--cw-color-border)}\
& .cw-head>div{min-width:0}\
& .cw-head h2{font-size:16px;font-weight:700}\
& .cw-head p{font-size:14px;color:var(--cw-color-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\
& .cw-head .cw-btn{flex:none;min-height:44px;min-width:44px;padding:0 12px}\
@media (max-width:600px){.cw-overlay.cw-overlay:not(#_){padding:0}.cw.cw-dialog.cw-dialog:not(#_){width:100%;height:100%;border-radius:0}& .cw-row{column-gap:8px}.cw.cw-dialog:not(#_)>.cw{padding:16px}.cw.cw-dialog:not(#_)>.cw,.cw.cw-dialog:not(#_) form{flex:1;display:flex;flex-direction:column}.cw.cw-dialog:not(#_) .cw-bar{position:sticky;bottom:0;margin:auto -16px -16px;padding:12px 16px 16px;background:var(--cw-color-background);box-shadow:0 -1px 0 var(--cw-color-border)}}\
@media (max-width:360px){.cw.cw:not(#_){padding:var(--cw-padding,12px)}}\
@media (prefers-reduced-motion:reduce){& *,.cw.cw-dialog:not(#_){animation:none!important;transition:none!important}& .cw-spin{border-right-color:currentColor;opacity:.6}}\
`;

/** `&` is the scope: one class and one id's weight (see above). */
export const scoped = (source: string): string => source.replace(/&/g, ".cw:not(#_)");

const CSS = scoped(SOURCE);

interface Injected {
  el: HTMLStyleElement;
  count: number;
}

const injected = new Map<Document | ShadowRoot, Injected>();

/** Rules the late code adds (its screens' and 3-D Secure's), kept off the critical path. */
let extra = "";

export const STYLES = CSS;

/** Adds `css` (once) to every injected sheet and to those injected later. */
export function extendStyles(css: string): void {
  if (extra.includes(css)) return;
  extra += css;
  for (const { el } of injected.values()) el.textContent = CSS + extra;
}

/**
 * Puts `<style data-checkout-widget>` into the document head (or the shadow root) unless it is there,
 * with `nonce` for a strict Content-Security-Policy. Returns release(): the last release removes it.
 */
export function acquireStyles(root: Document | ShadowRoot, nonce?: string): () => void {
  let entry = injected.get(root);
  if (!entry) {
    const doc = "createElement" in root ? root : root.ownerDocument;
    const el = doc.createElement("style");
    el.setAttribute("data-checkout-widget", "");
    if (nonce) el.setAttribute("nonce", nonce);
    el.textContent = CSS + extra;
    ("head" in root ? (root.head ?? root.documentElement) : root).appendChild(el);
    entry = { el, count: 0 };
    injected.set(root, entry);
  }
  entry.count++;
  let released = false;
  const held = entry;
  return () => {
    if (released) return;
    released = true;
    if (--held.count === 0) {
      held.el.remove();
      injected.delete(root);
    }
  };
}
