// The widget: renders the payment controller's state (form, 3-D Secure dialog, results) and
// hands the card to controller.submit. One live region, always present, speaks for all of it.
import { Component } from "preact";
import { cardDigits, detectBrand } from "../card/index.ts";
import { createTranslator, formatAmount, resolveLanguage } from "../i18n/index.ts";
import type { Translator } from "../i18n/index.ts";
import type { ChangePayload, CheckoutOptions, Language } from "../options.ts";
import type { CardInput, PaymentController, PaymentState } from "../payment/index.ts";
import { CardFields, EMPTY_VALUES, formErrors } from "./CardFields.tsx";
import type { FieldErrors, FieldKey, FieldValues } from "./CardFields.tsx";
import { ApprovedScreen, DeclinedScreen, ThreeDsDialog, declinedText } from "./late-views.ts";
import { FailedScreen, failedText } from "./ResultScreens.tsx";
import { afterPaint, elementOf, holdStyles, nextInstanceId, themeAttributes } from "./widget-root.ts";
import type { HeldStyles } from "./widget-root.ts";

export interface CardFormProps {
  options: CheckoutOptions;
  /** The payment flow (createPaymentController); a test may pass a fake. */
  controller: PaymentController;
}

function statusText(state: PaymentState, t: Translator, options: CheckoutOptions): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "submitting":
      return t("Status_Submitting");
    case "threeDs":
      return t(state.mode === "iframe" ? "Status_ThreeDs" : "Status_Redirect");
    case "approved":
      return t("Status_Approved");
    case "declined":
      return t("Status_Declined", { message: declinedText(state, t, options.texts) });
    case "failed":
      return t("Status_Failed", { message: failedText(state, t) });
  }
}

interface CardFormState {
  payment: PaymentState;
  values: FieldValues;
  /** The live region's text. */
  status: string;
  /** Between the click and the controller's "submitting". */
  pendingView: boolean;
  /** The formatted amount for the Pay button, "" until formatted. */
  amountText: string;
}

// Field initializers are literals or `this` reads only; anything else goes in the constructor
// (Safari 15 throws on initializers that name outer bindings; see class-fields.test.ts).
export class CardForm extends Component<CardFormProps, CardFormState> {
  readonly #id: string;
  #styles: HeldStyles | undefined;
  #unsubscribe: (() => void) | undefined;
  #subscribed: PaymentController | undefined;
  /** Cancel the pending amount formatting and the pending onReady (both wait for a paint). */
  #cancelAmount: (() => void) | undefined;
  #cancelReady: (() => void) | undefined;
  #amountFor = "";
  /** The values as of the last event, ahead of the next render. */
  #latestValues: FieldValues;
  /** Errors the fields show now (for onChange). */
  #shownErrors: FieldErrors = {};
  #lastChange = "";
  // Between the click and the controller's "submitting", a second click must not pay again.
  #pending = false;
  /** The payment state's kind at the last commit: coming back from a result focuses the form. */
  #previousKind: PaymentState["kind"];

  constructor(props: CardFormProps) {
    super(props);
    this.#id = nextInstanceId();
    const values = { ...EMPTY_VALUES, email: props.options.email ?? "" };
    const payment = props.controller.getState();
    this.#latestValues = values;
    this.#previousKind = payment.kind;
    this.state = { payment, values, status: "", pendingView: false, amountText: "" };
  }

  override componentDidMount(): void {
    this.#styles = holdStyles(elementOf(this), this.props.options.nonce);
    this.#subscribe();
    this.#paymentChanged();
    this.#scheduleAmount();
    this.#previousKind = this.state.payment.kind;
    // After the first paint, as an effect would: never inside mount() or connectedCallback, so the
    // caller holds its handle and has added its listeners by then.
    this.#cancelReady = afterPaint(() => this.props.options.onReady?.());
  }

  override componentDidUpdate(_props: CardFormProps, previous: CardFormState): void {
    this.#styles = holdStyles(elementOf(this), this.props.options.nonce, this.#styles);
    if (this.#subscribed !== this.props.controller) this.#subscribe();
    if (previous.payment !== this.state.payment) this.#paymentChanged();
    this.#scheduleAmount();
    this.#previousKind = this.state.payment.kind;
  }

  override componentWillUnmount(): void {
    this.#unsubscribe?.();
    this.#cancelAmount?.();
    this.#cancelReady?.();
    this.#styles?.release();
  }

  #lang = (): Language => {
    return resolveLanguage(this.props.options.language);
  };

  #subscribe = (): void => {
    const { controller } = this.props;
    this.#unsubscribe?.();
    this.#subscribed = controller;
    const payment = controller.getState();
    if (payment !== this.state.payment) this.setState({ payment });
    this.#unsubscribe = controller.subscribe((payment) => this.setState({ payment }));
  };

  // The same text twice would not be spoken again; a trailing no-break space makes it new.
  readonly #announce = (text: string) =>
    this.setState((previous) => ({ status: previous.status === text ? `${text}\u00a0` : text }));

  #paymentChanged = (): void => {
    const { payment } = this.state;
    const { options } = this.props;
    const text = statusText(payment, createTranslator(this.#lang(), options.texts), options);
    if (text) this.#announce(text);
    // Card data is kept no longer than it can be useful: gone after success, CVC gone after a decline.
    if (payment.kind === "approved") this.setState(({ values }) => ({ values: { ...EMPTY_VALUES, email: values.email } }));
    if (payment.kind === "declined") this.setState(({ values }) => ({ values: { ...values, cvv: "" } }));
  };

  // A page's first Intl.NumberFormat costs Chromium 30-90 ms (ICU start-up): the form is painted
  // and usable first, and the amount joins the button label a task later.
  #scheduleAmount = (): void => {
    const { amount, currency } = this.props.options;
    const lang = this.#lang();
    const key = `${amount} ${currency} ${lang}`;
    if (key === this.#amountFor) return;
    this.#amountFor = key;
    this.#cancelAmount?.();
    this.#cancelAmount = afterPaint(() => this.setState({ amountText: formatAmount(amount, currency, lang) }));
  };

  #fields = (): FieldKey[] => {
    const fields: FieldKey[] = ["cardNumber", "expDateMonthYear", "cvv", "name"];
    if (this.props.options.requireEmail) fields.push("email");
    return fields;
  };

  #reportChange = (next: FieldValues, shown: FieldErrors): void => {
    const { onChange } = this.props.options;
    if (!onChange) return;
    const change: ChangePayload = {
      brand: detectBrand(next.cardNumber),
      complete: Object.keys(formErrors(this.#fields(), next)).length === 0,
      errors: shown as Record<string, string>,
    };
    const key = JSON.stringify(change);
    if (key === this.#lastChange) return;
    this.#lastChange = key;
    onChange(change);
  };

  readonly #pay = (v: FieldValues) => {
    const { controller, options } = this.props;
    if (this.#pending || controller.getState().kind !== "idle") return;
    this.#pending = true;
    this.setState({ pendingView: true });
    const card: CardInput = {
      cardNumber: cardDigits(v.cardNumber),
      expDateMonthYear: v.expDateMonthYear,
      cvv: v.cvv,
      // Shown in capitals (as embossed on cards), so sent that way too.
      name: v.name.trim().toUpperCase(),
    };
    if (options.requireEmail) card.email = v.email.trim();
    void controller.submit(card).finally(() => {
      this.#pending = false;
      this.setState({ pendingView: false });
    });
  };

  override render({ options, controller }: CardFormProps, { payment: state, values, status, pendingView, amountText }: CardFormState) {
    const lang = this.#lang();
    const t = createTranslator(lang, options.texts);
    const backFromResult = this.#previousKind === "declined" || this.#previousKind === "failed";
    // What the fields show now; events between renders move it ahead (onValues).
    this.#latestValues = values;

    let screen;
    if (state.kind === "approved") screen = <ApprovedScreen state={state} t={t} />;
    else if (state.kind === "declined")
      screen = <DeclinedScreen state={state} t={t} texts={options.texts} onRetry={() => void controller.retry()} />;
    else if (state.kind === "failed") screen = <FailedScreen state={state} t={t} onRetry={() => void controller.retry()} />;
    else
      screen = (
        <CardFields
          id={this.#id}
          t={t}
          values={values}
          onValues={(next) => {
            this.#latestValues = next;
            this.setState({ values: next });
            this.#reportChange(next, this.#shownErrors);
          }}
          onErrors={(errs) => {
            this.#shownErrors = errs;
            this.#reportChange(this.#latestValues, errs);
          }}
          requireEmail={Boolean(options.requireEmail)}
          payLabel={t("pay", { amount: amountText }).trim()}
          busy={pendingView || state.kind !== "idle"}
          onPay={this.#pay}
          announce={this.#announce}
          autoFocus={backFromResult}
        />
      );

    return (
      <div class="cw" lang={lang} {...themeAttributes(options.appearance)}>
        {screen}
        {state.kind === "threeDs" && state.mode === "iframe" && (
          <ThreeDsDialog
            state={state}
            t={t}
            onCancel={() => controller.cancelThreeDs()}
            appearance={options.appearance}
            nonce={options.nonce}
          />
        )}
        <div class="cw-sr" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </div>
      </div>
    );
  }
}
