// The rules only the late screens use (the approved screen's amount and card, 3-D Secure's frame and
// its spinner): they come with the late code, so the critical path does not carry them. Each screen
// adds them to the widget's sheet as it is constructed (shared/ui/styles.ts explains `&`).
import { extendStyles, scoped } from "../../shared/index.ts";

const LATE_CSS = scoped(`\
& .cw-card{display:inline-flex;align-items:center;gap:8px}\
& .cw-card>svg{width:32px;height:20px}\
& .cw-muted{font-size:14px;color:var(--cw-color-muted)}\
& .cw-amount{font-size:28px;font-weight:700}\
& .cw-ok{color:var(--cw-color-success)}\
& .cw-ok::after{content:"";position:absolute;left:14px;top:7px;width:11px;height:20px;border:solid currentColor;border-width:0 3px 3px 0;transform:rotate(45deg)}\
& .cw-frames{position:relative;display:flex;flex-direction:column;flex:1}\
& .cw-frame{display:block;width:var(--cw-frame-w,500px);height:var(--cw-frame-h,600px);max-width:100%;border:0;background:#fff}\
& .cw-loading{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;color:var(--cw-color-muted);background:var(--cw-color-background)}\
& .cw-loading .cw-spin{width:28px;height:28px;border-width:3px}\
@media (max-width:600px){& .cw-frame{width:100%;height:auto;flex:1}}\
`);

/** Puts the late rules into the widget's sheet (once; later sheets get them too). */
export function addLateStyles(): void {
  extendStyles(LATE_CSS);
}
