// Hosted mode's options, checked before anything renders: a missing or wrong one is named in the
// console (for the developer; HostedOptions and the README say what each takes) and the shopper
// sees one localised line instead of a Pay button that cannot pay. A card-form option (publicId,
// publicKey…) is a mix-up of the two modes: named as such. Types catch the rest at build time.
import { isRecord } from "../shared/index.ts";
import type { HostedOptions } from "../shared/index.ts";

/** The card form's options: never valid in hosted mode. */
const CARD_OPTIONS: readonly (keyof HostedOptions)[] = ["publicId", "publicKey", "publicKeyUrl", "threeDs", "requireEmail", "requireName", "showBrands", "scheme", "accountId", "onChange"];

/** The problems of `input` as console lines (empty: the options can be used). */
export function hostedOptionProblems(input: unknown): string[] {
  if (!isRecord(input)) return ["checkout-widget: hosted mode needs an options object"];
  const { mode, endpoint, invoiceId, amount, currency, paymentPage } = input;
  const wrong: string[] = [];
  const bad = " is missing or invalid";
  if (mode !== "hosted") wrong.push(`mode${bad} ("hosted")`);
  if (typeof endpoint !== "string" || !endpoint) wrong.push(`endpoint${bad}`);
  if (typeof invoiceId !== "string" || !invoiceId.trim()) wrong.push(`invoiceId${bad}`);
  if (!(typeof amount === "number" && amount > 0 && amount < Infinity)) wrong.push(`amount${bad} (a positive number)`);
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) wrong.push(`currency${bad} (ISO 4217, e.g. "RUB")`);
  if (paymentPage !== undefined && paymentPage !== "iframe" && paymentPage !== "redirect") wrong.push(`paymentPage${bad} ("iframe" or "redirect")`);
  for (const name of CARD_OPTIONS) if (input[name] !== undefined) wrong.push(`${name} is a card-form option (checkout-widget.js): hosted mode takes none, the card is typed on the gateway's page`);
  return wrong.map((problem) => `checkout-widget: option ${problem}`);
}
