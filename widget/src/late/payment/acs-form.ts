// The classic 3-D Secure hand-off: a form POST of MD, PaReq and TermUrl to the bank's ACS page.
import type { PaymentId, PayThreeDs } from "../../../../server/contract.ts";

/**
 * POSTs the challenge to `acsUrl` in `target` (an iframe's name, or "_top" for a full-page
 * redirect). The form lives only for the submit. Field names are case-sensitive at the ACS.
 */
export function postToAcs(challenge: Pick<PayThreeDs<PaymentId>, "transactionId" | "acsUrl" | "paReq" | "termUrl">, target: string, doc: Document = document): void {
  const form = doc.createElement("form");
  form.method = "POST";
  form.action = challenge.acsUrl;
  form.target = target;
  form.hidden = true;
  const fields: Array<[string, string]> = [
    ["MD", String(challenge.transactionId)],
    ["PaReq", challenge.paReq],
    ["TermUrl", challenge.termUrl],
  ];
  for (const [name, value] of fields) {
    const input = doc.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  doc.body.appendChild(form);
  try {
    form.submit();
  } finally {
    form.remove();
  }
}
