// The page threeDsReturn answers, and the external script it loads (served by the
// same handler at `?script=1`), so that the page works under `script-src 'self'`.
import type { HostedOutcome, HostedResultMessage, PaymentId, ThreeDsOutcome, ThreeDsResultMessage } from "../contract.ts";

export const SCRIPT_QUERY_PARAM = "script";
const DATA_ELEMENT_ID = "checkout-widget-3ds";

/** Data the script reads from the page's JSON data block (not executed, so CSP-safe). */
interface PageData {
  message: ThreeDsResultMessage<PaymentId> | HostedResultMessage;
  targets: string[];
  redirect: string;
}

export function resultMessage(transactionId: PaymentId, result: ThreeDsOutcome<PaymentId>): ThreeDsResultMessage<PaymentId> {
  return { type: "checkout-widget:3ds-result", version: 1, transactionId, result };
}

export function hostedResultMessage(paymentId: string, result: HostedOutcome): HostedResultMessage {
  return { type: "checkout-widget:hosted-result", version: 2, paymentId, result };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function jsonForScriptBlock(value: unknown): string {
  // Inside <script type="application/json"> only "</script" could end the block early.
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

export function pageSecurityHeaders(allowedOrigins: Iterable<string>): Record<string, string> {
  const ancestors = ["'self'", ...allowedOrigins].join(" ");
  return {
    "Content-Security-Policy": `default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
  };
}

/** `message`: what the framing widget is told; `redirect`: the signed returnUrl with the outcome (return-query.ts). */
export function resultPage(message: PageData["message"], allowedOrigins: Iterable<string>, redirect: string): string {
  const data: PageData = {
    message,
    targets: [...allowedOrigins],
    redirect,
  };
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Payment</title>
<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScriptBlock(data)}</script>
<script src="?${SCRIPT_QUERY_PARAM}=1" defer></script>
</head><body>
<p><a href="${escapeHtml(data.redirect)}" target="_top">Continue / Продолжить</a></p>
</body></html>
`;
}

export function errorPage(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Payment</title></head>
<body><p>Bad request / Неверный запрос</p></body></html>
`;
}

/**
 * Framed: post the result to the parent, once per allowed origin, each with an explicit
 * targetOrigin (the browser delivers only to the matching one). Top level: go to returnUrl.
 */
export const RESULT_SCRIPT = `(function () {
  "use strict";
  var node = document.getElementById(${JSON.stringify(DATA_ELEMENT_ID)});
  if (!node) return;
  var data;
  try { data = JSON.parse(node.textContent || ""); } catch (e) { return; }
  if (window.parent !== window) {
    var targets = data.targets;
    var ancestors = window.location.ancestorOrigins;
    if (ancestors && ancestors.length > 0) {
      var parentOrigin = ancestors[0];
      targets = targets.filter(function (origin) { return origin === parentOrigin; });
    }
    for (var i = 0; i < targets.length; i++) {
      try { window.parent.postMessage(data.message, targets[i]); } catch (e) { /* next */ }
    }
  } else if (data.redirect) {
    window.location.replace(data.redirect);
  }
})();
`;
