// ISO 4217 numeric codes the sandbox accepts (the platform speaks numbers; the ACS page letters).
export const RBS_CURRENCIES: Readonly<Record<string, string>> = {
  "643": "RUB",
  "840": "USD",
  "978": "EUR",
  "826": "GBP",
};

export const DEFAULT_RBS_CURRENCY = "643";

export function currencyLetters(numeric: string): string {
  return RBS_CURRENCIES[numeric] ?? "RUB";
}
