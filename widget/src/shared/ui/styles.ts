// The widget's one stylesheet, injected once per document (or shadow root) and removed with the
// last widget. Everything a merchant may theme is a `--cw-*` custom property on `.cw`.
// Colours keep text at >= 4.5:1 and input borders at >= 3:1 on their backgrounds.
// Each line ends in `\` (a line continuation): the rules are one line in the bundle, not sixty.

const CSS = `\
.cw{--cw-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--cw-bg:#fff;--cw-text:#1b1b1f;--cw-muted:#55565c;--cw-border:#83848b;--cw-input-bg:#fff;--cw-primary:#0b57d0;--cw-on-primary:#fff;--cw-error:#b3261e;--cw-success:#146c2e;--cw-radius:8px;--cw-gap:12px;\
font:16px/1.4 var(--cw-font);color:var(--cw-text);background:var(--cw-bg);padding:var(--cw-pad,16px);border-radius:var(--cw-radius);min-width:0;max-width:100%}\
.cw[data-theme=dark]{--cw-bg:#1c1c21;--cw-text:#f2f2f5;--cw-muted:#b4b5bc;--cw-border:#8f9099;--cw-input-bg:#26262c;--cw-primary:#a8c7fa;--cw-on-primary:#062e6f;--cw-error:#ffb4ab;--cw-success:#7fd88f}\
@media (prefers-color-scheme:dark){.cw[data-theme=auto]{--cw-bg:#1c1c21;--cw-text:#f2f2f5;--cw-muted:#b4b5bc;--cw-border:#8f9099;--cw-input-bg:#26262c;--cw-primary:#a8c7fa;--cw-on-primary:#062e6f;--cw-error:#ffb4ab;--cw-success:#7fd88f}}\
.cw *,.cw *::before,.cw *::after{box-sizing:border-box}\
.cw form{margin:0}\
.cw-field{display:flex;flex-direction:column;gap:4px;margin:0 0 var(--cw-gap);min-width:0}\
.cw-row{display:grid;grid-template-columns:1fr 1fr;gap:var(--cw-gap)}\
.cw-label{font-size:14px;font-weight:600}\
.cw-box{position:relative}\
.cw-input{display:block;width:100%;min-height:44px;margin:0;padding:10px 12px;font:inherit;font-size:16px;color:var(--cw-text);background:var(--cw-input-bg);border:1px solid var(--cw-border);border-radius:var(--cw-radius);transition:border-color .15s,box-shadow .15s}\
.cw-input::placeholder{color:var(--cw-muted);opacity:1}\
.cw-input:focus{outline:2px solid var(--cw-primary);outline-offset:0;border-color:var(--cw-primary)}\
.cw-input[aria-invalid=true]{border-color:var(--cw-error);box-shadow:inset 0 0 0 1px var(--cw-error)}\
.cw-input[readonly]{opacity:.8}\
.cw-num{padding-right:64px;font-variant-numeric:tabular-nums;letter-spacing:.02em}\
.cw-name{text-transform:uppercase}\
.cw-msg{margin:0;font-size:14px;color:var(--cw-error)}\
.cw-hint{margin:0;font-size:13px;color:var(--cw-muted)}\
.cw-brand{position:absolute;right:8px;top:50%;transform:translateY(-50%);display:flex;align-items:center;justify-content:center;min-width:44px;height:28px;padding:0 6px;border-radius:4px;font:700 11px/1 var(--cw-font);letter-spacing:.04em;color:#fff;background:#3c3d44}\
.cw-brand[data-icon=visa]{background:#1a1f71;font-style:italic;font-size:13px}\
.cw-brand[data-icon=visa]::after{content:"VISA"}\
.cw-brand[data-icon=mir]::after{content:"MIR"}\
.cw-brand[data-icon=amex]::after{content:"AMEX"}\
.cw-brand[data-icon=unionpay]::after{content:"UP"}\
.cw-brand[data-icon=jcb]::after{content:"JCB"}\
.cw-brand[data-icon=discover]::after{content:"DISC"}\
.cw-brand[data-icon=diners]::after{content:"DC"}\
.cw-brand[data-icon=mir]{background:#0f754e}\
.cw-brand[data-icon=amex]{background:#006fcf}\
.cw-brand[data-icon=mastercard],.cw-brand[data-icon=maestro]{background:radial-gradient(circle at 36% 50%,#eb001b 0 9px,transparent 10px),radial-gradient(circle at 64% 50%,#f79e1b 0 9px,transparent 10px),#1b1b1f}\
.cw-btn{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:48px;padding:0 20px;font:inherit;font-weight:600;color:var(--cw-on-primary);background:var(--cw-primary);border:0;border-radius:var(--cw-radius);cursor:pointer}\
.cw-btn:focus-visible{outline:2px solid var(--cw-text);outline-offset:2px}\
.cw-btn:disabled{cursor:progress}\
.cw-pay{width:100%;margin-top:4px}\
.cw-alt{color:var(--cw-primary);background:transparent;border:1px solid currentColor}\
.cw-spin{width:18px;height:18px;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;animation:cw-spin .8s linear infinite}\
@keyframes cw-spin{to{transform:rotate(360deg)}}\
.cw-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}\
.cw-result{display:flex;flex-direction:column;align-items:center;gap:8px;padding:16px 0;text-align:center}\
.cw-result:focus{outline:none}\
.cw-result h2{margin:0;font-size:20px}\
.cw-result p{margin:0}\
.cw-result .cw-btn{margin-top:8px}\
.cw-amount{font-size:28px;font-weight:700}\
.cw-mark{width:48px;height:48px;border-radius:50%;border:3px solid currentColor;position:relative}\
.cw-ok{color:var(--cw-success)}\
.cw-ok::after{content:"";position:absolute;left:14px;top:7px;width:11px;height:20px;border:solid currentColor;border-width:0 3px 3px 0;transform:rotate(45deg)}\
.cw-bad{color:var(--cw-error)}\
.cw-bad::after{content:"!";position:absolute;inset:0;display:grid;place-items:center;font:700 26px/1 var(--cw-font)}\
.cw-overlay{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:center;justify-content:center;padding:16px;background:rgba(0,0,0,.55)}\
.cw-dialog{position:relative;padding:0;display:flex;flex-direction:column;min-width:min(400px,100%);max-width:100%;max-height:100%;overflow:auto;background:var(--cw-bg);color:var(--cw-text);border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.35);animation:cw-in .2s ease-out}\
.cw-dialog:focus{outline:none}\
@keyframes cw-in{from{opacity:0;transform:translateY(8px)}}\
.cw-head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:8px 8px 8px 16px;border-bottom:1px solid var(--cw-border)}\
.cw-head h2{margin:0;font-size:16px}\
.cw-head .cw-btn{min-height:40px;padding:0 12px}\
.cw-frame{display:block;width:var(--cw-frame-w,500px);height:var(--cw-frame-h,600px);max-width:100%;border:0;background:#fff}\
@media (max-width:600px){.cw-overlay{padding:0}.cw-dialog{width:100%;height:100%;border-radius:0}.cw-frame{width:100%;height:auto;flex:1}.cw-row{gap:8px}}\
@media (prefers-reduced-motion:reduce){.cw *,.cw-dialog{animation:none!important;transition:none!important}.cw-spin{border-right-color:currentColor;opacity:.6}}\
`;

interface Injected {
  el: HTMLStyleElement;
  count: number;
}

const injected = new WeakMap<Document | ShadowRoot, Injected>();

/** The stylesheet text, for a server-rendered page or a test. */
export const STYLES = CSS;

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
    el.textContent = CSS;
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
