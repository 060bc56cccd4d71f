// Static files of the hosted card page, served from the sandbox's own origin so its strict CSP
// (script-src 'self'; style-src 'self') allows them. The page works without the script: the
// server checks every field again and answers the form with its errors.

/**
 * Checks the card form before it is sent (errors shown and announced without a round trip) and
 * keeps a form from being sent twice. Reads its messages from the form's data-msg-* attributes;
 * never writes a typed value anywhere but the field itself.
 */
export const HOSTED_PAGE_JS = `"use strict";
(function () {
  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    return sum % 10 === 0;
  }
  function problemOf(name, value) {
    if (name === "cardNumber") {
      var digits = value.replace(/[\\s-]/g, "");
      return /^\\d{12,19}$/.test(digits) && luhn(digits) ? "" : "numberInvalid";
    }
    if (name === "expiry") {
      var m = /^(\\d{1,2})\\s*[\\/.-]?\\s*(\\d{2}|\\d{4})$/.exec(value.trim());
      return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? "" : "expiryInvalid";
    }
    if (name === "cvc") return /^\\d{3,4}$/.test(value.trim()) ? "" : "cvcInvalid";
    if (name === "holder") return value.trim().length <= 100 ? "" : "holderInvalid";
    if (name === "code") return value.trim() !== "" ? "" : "codeInvalid";
    return "";
  }
  function showProblem(form, input, problem) {
    var error = document.getElementById("error-" + input.name);
    if (problem) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (error) {
      error.textContent = problem ? form.getAttribute("data-msg-" + problem) || "" : "";
      error.hidden = !problem;
    }
  }
  function check(form) {
    var inputs = form.querySelectorAll("input[data-check]");
    var first = null;
    var messages = [];
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var problem = problemOf(input.name, input.value);
      showProblem(form, input, problem);
      if (problem) {
        messages.push(form.getAttribute("data-msg-" + problem) || "");
        if (!first) first = input;
      }
    }
    var summary = document.getElementById("error-summary");
    if (summary) {
      // The live region stays in place; only its content changes, so it is announced.
      summary.textContent = "";
      if (messages.length) {
        var box = document.createElement("div");
        box.className = "summary";
        var lead = document.createElement("p");
        lead.textContent = form.getAttribute("data-msg-summary") || "";
        box.appendChild(lead);
        var list = document.createElement("ul");
        for (var j = 0; j < messages.length; j++) {
          var item = document.createElement("li");
          item.textContent = messages[j];
          list.appendChild(item);
        }
        box.appendChild(list);
        summary.appendChild(box);
      }
    }
    if (first) first.focus();
    return !first;
  }
  // A page brought back from the back-forward cache may be sent again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    var sent = document.querySelectorAll("form[data-sent]");
    for (var i = 0; i < sent.length; i++) {
      sent[i].removeAttribute("data-sent");
      sent[i].removeAttribute("aria-busy");
      var button = sent[i].querySelector("button[data-label]");
      if (button) button.textContent = button.getAttribute("data-label");
    }
  });
  var forms = document.querySelectorAll("form[data-hosted]");
  for (var k = 0; k < forms.length; k++) {
    forms[k].addEventListener("submit", function (event) {
      var form = event.currentTarget;
      var submitter = event.submitter;
      var skipCheck = submitter && submitter.hasAttribute("formnovalidate");
      if (form.getAttribute("data-sent") === "true") { event.preventDefault(); return; }
      if (!skipCheck && !check(form)) { event.preventDefault(); return; }
      form.setAttribute("data-sent", "true");
      form.setAttribute("aria-busy", "true");
      var busy = form.getAttribute("data-msg-busy");
      var pay = form.querySelector("button[data-busy-label]");
      if (pay && busy && !skipCheck) {
        pay.setAttribute("data-label", pay.textContent);
        pay.textContent = busy;
      }
    });
  }
})();
`;

export const HOSTED_PAGE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:440px;margin:0 auto;padding:20px 16px 32px}
.top{display:flex;justify-content:space-between;align-items:baseline;gap:12px;margin:0 0 12px}
.gateway{font-weight:600;color:#0b5cad;margin:0}
.top a{color:#0b5cad;font-size:.95rem}
h1{font-size:1.35rem;margin:0 0 8px}
.note{color:#4a5563;font-size:.9rem;margin:0 0 12px}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0 0 16px;padding:12px;background:#fff;border:1px solid #d5dbe3;border-radius:8px}
dt{color:#4a5563}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.field{margin:0 0 14px}
.row{display:grid;grid-template-columns:1fr 1fr;gap:12px}
label{display:block;font-weight:600;margin:0 0 4px}
label .opt{font-weight:400;color:#4a5563}
input{width:100%;font:inherit;font-size:1.1rem;padding:10px 12px;border:1px solid #8792a2;border-radius:6px;background:#fff;color:inherit;min-height:44px}
input[aria-invalid="true"]{border-color:#a4161a;box-shadow:0 0 0 1px #a4161a}
.hint{color:#4a5563;font-size:.85rem;margin:4px 0 0}
.error{color:#a4161a;font-size:.9rem;margin:4px 0 0}
.summary{color:#a4161a;background:#fff5f5;border:1px solid #e3a3a5;border-radius:8px;padding:8px 12px;margin:0 0 14px}
.summary p{margin:0;font-weight:600}.summary ul{margin:4px 0 0;padding-left:20px}
.actions{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0 0}
button{font:inherit;padding:10px 18px;border-radius:6px;border:1px solid #0b5cad;cursor:pointer;min-height:44px}
button.primary{background:#0b5cad;color:#fff;flex:1 1 100%}
button.secondary{background:#fff;color:#0b5cad}
form.leave{margin:12px 0 0}
form.leave button{width:100%}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.outcome{padding:12px;border-radius:8px;background:#fff;border:1px solid #d5dbe3}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
[hidden]{display:none!important}
@media (max-width:360px){.row{grid-template-columns:1fr}}
`;
