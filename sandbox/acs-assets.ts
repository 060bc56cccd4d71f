// Static files of the ACS page, served from the sandbox's own origin so a strict CSP
// (script-src 'self'; style-src 'self') allows them.

/** Sends the shopper's browser on to TermUrl with MD and PaRes; the form's button does the same without script. */
export const ACS_SUBMIT_JS = `"use strict";
(function () {
  var form = document.getElementById("acs-return");
  if (form) form.submit();
})();
`;

export const ACS_CSS = `*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:420px;margin:0 auto;padding:24px 20px}
.bank{font-weight:600;color:#0b5cad;margin:0 0 12px}
h1{font-size:1.35rem;margin:0 0 8px}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:16px 0;padding:12px;background:#fff;border:1px solid #d5dbe3;border-radius:8px}
dt{color:#4a5563}dd{margin:0;font-weight:600}
label{display:block;font-weight:600;margin:16px 0 6px}
input{width:100%;font:inherit;font-size:1.2rem;letter-spacing:.2em;padding:10px 12px;border:1px solid #8792a2;border-radius:6px}
.hint{color:#4a5563;font-size:.9rem;margin:6px 0 16px}
.actions{display:flex;gap:12px;flex-wrap:wrap}
button{font:inherit;padding:10px 18px;border-radius:6px;border:1px solid #0b5cad;cursor:pointer}
button.primary{background:#0b5cad;color:#fff}
button.secondary{background:#fff;color:#0b5cad}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.problem{color:#a4161a}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`;
