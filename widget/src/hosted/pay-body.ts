// The body of a payment on the gateway's page (\`POST {endpoint}/pay\`): one builder for the flow's
// Pay and for hosted-saved/'s Pay with "Save this card" ticked, which bundles its own copy.
import type { HostedPayRequestBody } from "../../../server/contract.ts";
import { resolveLanguage } from "../shared/index.ts";
import type { HostedOptions } from "../shared/index.ts";

/** \`save\`: the shopper ticked the widget's "Save this card" (the \`saveCard\` option says the same from the shop's own box). */
export function hostedPayBody(options: HostedOptions, save?: boolean): HostedPayRequestBody {
  const body: HostedPayRequestBody = { invoiceId: options.invoiceId, language: resolveLanguage(options.language) };
  if (options.email) body.email = options.email;
  if (save || options.saveCard) body.saveCard = true;
  return body;
}
