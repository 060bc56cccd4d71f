// The Invoice and RBS shops' settings against a running sandbox: its credentials, and an Invoice
// terminal to take payments from (made once, found again by its alias).
import type { Sandbox } from "../../sandbox/index.ts";
import { InvoiceClient } from "../../server/index.ts";
import type { InvoiceShopConfig, RbsShopConfig } from "./shops.ts";

const TERMINAL_ALIAS = "demo-shop";

export async function sandboxShops(sandbox: Sandbox): Promise<{ invoice: InvoiceShopConfig; rbs: RbsShopConfig }> {
  const baseUrl = `${sandbox.url}/api/v2`;
  const client = new InvoiceClient({ baseUrl, merchantId: sandbox.invoice.merchantId, apiKey: sandbox.invoice.apiKey });
  const found = await client.terminals.get({ alias: TERMINAL_ALIAS });
  const terminal = found.ok ? found : await client.terminals.create({ name: "Демо-магазин", alias: TERMINAL_ALIAS, description: "Tea and mugs", type: "dynamic" });
  if (!terminal.ok) throw new Error(`the sandbox refused the demo's Invoice terminal: ${terminal.error.message}`);
  return {
    invoice: { baseUrl, merchantId: sandbox.invoice.merchantId, apiKey: sandbox.invoice.apiKey, terminalId: terminal.value.id },
    rbs: { restUrl: sandbox.rbs.restUrl, userName: sandbox.rbs.userName, password: sandbox.rbs.password, callbackSecret: sandbox.rbs.callbackSecret },
  };
}
