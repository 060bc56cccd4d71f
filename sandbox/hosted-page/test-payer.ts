// For tests: pays on a hosted card page the way a browser without script would (plain form
// posts), and says where the page sent the shopper.
export interface HostedPayment {
  cardNumber: string;
  expiry?: string;
  cvc?: string;
  holder?: string;
  /** The 3-D Secure code to type if the page asks; "cancel" presses Cancel. Default 123456. */
  code?: string | "cancel";
}

export interface HostedPaymentResult {
  /** The HTTP status of the last answer (303 when the page redirected). */
  status: number;
  /** Where the page sent the shopper (the success or fail URL), or null when it answered a page. */
  location: string | null;
  /** Whether the page asked for a 3-D Secure code. */
  askedForCode: boolean;
  /** The last page's HTML when it did not redirect. */
  html: string | null;
}

const post = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

async function resultOf(response: Response, askedForCode: boolean): Promise<HostedPaymentResult> {
  const location = response.headers.get("location");
  return { status: response.status, location, askedForCode, html: location === null ? await response.text() : null };
}

export async function payOnHostedPage(pageUrl: string, payment: HostedPayment): Promise<HostedPaymentResult> {
  const url = pageUrl.replace(/[?#].*$/, "");
  const first = await post(`${url}/card`, {
    cardNumber: payment.cardNumber,
    expiry: payment.expiry ?? "12/30",
    cvc: payment.cvc ?? "123",
    holder: payment.holder ?? "",
  });
  if (first.status !== 200) return resultOf(first, false);
  const html = await first.text();
  const attempt = /name="attempt" value="([^"]+)"/.exec(html)?.[1];
  if (attempt === undefined) return { status: first.status, location: null, askedForCode: false, html };
  const code = payment.code ?? "123456";
  const second = await post(`${url}/code`, code === "cancel" ? { attempt, action: "cancel" } : { attempt, code, action: "confirm" });
  return resultOf(second, true);
}
