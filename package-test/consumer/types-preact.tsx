/** @jsxImportSource preact */
// Type tests, as a merchant's editor sees the package from Preact: each `@ts-expect-error` line
// must stay an error and everything else must compile, so a type that loosens or breaks fails tsc.
// Typechecked (never run) against Preact 10 and Preact 11.
import {
  CardForm,
  CardValidationError,
  CryptogramError,
  createCryptogram,
  type CardErrorCode,
  type CheckoutOptions,
  type CheckoutWidgetElement,
  type CompletePayload,
  type CryptogramErrorCode,
  type Texts,
} from "checkout-widget";

const options: CheckoutOptions = { publicId: "pk", endpoint: "/api", invoiceId: "1001", amount: 1500, currency: "RUB" };

export const form = <CardForm {...options} onSuccess={(paid) => paid.transactionId.toFixed()} onComplete={(done: CompletePayload) => done.status} />;
// @ts-expect-error amount is a number
export const textAmount = <CardForm {...options} amount="1500" />;
// @ts-expect-error an option that does not exist (a typo)
export const typo = <CardForm {...options} invoiceID="1" />;
// @ts-expect-error the payload carries no card number
export const noCard = <CardForm {...options} onSuccess={(paid) => paid.cardNumber} />;

export const element = (
  <checkout-widget
    public-id="pk"
    endpoint="/api"
    invoice-id="1001"
    amount={1500}
    currency="RUB"
    public-key-url="/api/publickey"
    require-email
    language="en"
    texts='{"pay":"Pay {amount}"}'
    class="checkout"
    oncheckout-success={(event) => event.detail.transactionId.toFixed()}
    oncheckout-fail={(event) => event.detail.message.trim()}
  />
);
// @ts-expect-error attributes are kebab case
export const camel = <checkout-widget publicId="pk" />;
// @ts-expect-error a language the widget does not have
export const german = <checkout-widget language="de" />;
// @ts-expect-error callbacks are events on the element
export const callback = <checkout-widget onSuccess={() => undefined} />;
// @ts-expect-error the fail event's detail is a FailPayload
export const wrongDetail = <checkout-widget oncheckout-fail={(event) => event.detail.transactionIdd} />;

export const texts: Texts = { pay: "Pay {amount} now", approvedTitle: "Thank you", R_Funds: "Not enough money", R_5051: "Top up the card" };
// @ts-expect-error a text key the widget does not have
export const badKey: Texts = { payy: "Pay" };
// @ts-expect-error texts are strings
export const badText: Texts = { pay: 1 };

export async function errors(): Promise<string> {
  try {
    return await createCryptogram({ cardNumber: "4242424242424242", expDateMonthYear: "12/30", cvv: "123" }, { publicId: "pk", publicKeyPem: "", keyVersion: 1 });
  } catch (error) {
    if (error instanceof CardValidationError) {
      const code: CardErrorCode | undefined = error.errors.cardNumber;
      return code ?? "";
    }
    if (error instanceof CryptogramError) {
      const code: CryptogramErrorCode = error.code;
      // @ts-expect-error a code the error does not have
      const wrong: typeof error.code = "Card_Invalid";
      return code + wrong;
    }
    throw error;
  }
}

export function listen(): void {
  const el: CheckoutWidgetElement | null = document.querySelector("checkout-widget");
  el?.addEventListener("checkout-success", (event) => console.log(event.detail.transactionId.toFixed()));
  el?.addEventListener("checkout-change", (event) => console.log(event.detail.complete === true));
  // @ts-expect-error checkout-ready has no detail
  el?.addEventListener("checkout-ready", (event) => console.log(event.detail.brand));
  el?.submit();
}
