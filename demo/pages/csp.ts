// Strict CSP page: same as the script tag, plus the nonce the widget needs for its <style>.
import { startCheckout, widgetOptions } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";

// The server puts a fresh nonce on our script tag; `.nonce` is readable, the attribute is hidden.
const nonce = document.currentScript instanceof HTMLScriptElement ? document.currentScript.nonce : "";

const violations: string[] = [];
document.addEventListener("securitypolicyviolation", (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  document.documentElement.dataset.cspViolations = String(violations.length);
});

void startCheckout((config, order) => {
  widgetGlobal().mount("#checkout", widgetOptions(config, order, nonce ? { nonce } : {}));
});
