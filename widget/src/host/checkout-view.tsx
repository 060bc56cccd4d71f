// The widget: renders the payment controller's state — the card form (form/), a failure, and,
// through late(), the 3-D Secure dialog and the answers — and hands the card to controller.submit.
// One live region, always present, speaks for all of it.
import { Component } from "preact";
import { CardFields, changeOf, createFormModel, formFields } from "../form/index.ts";
import type { FormModel, FormState, FormValues } from "../form/index.ts";
import { afterPaint, cardDigits, createTranslator, elementOf, formatAmount, holdStyles, nextInstanceId, resolveLanguage, RetryScreen, themeAttributes } from "../shared/index.ts";
import type { CardInput, CheckoutOptions, FormTranslator, HeldStyles, Language, PaymentController, PaymentState, TextOverrides } from "../shared/index.ts";
import { late } from "./late.ts";

export interface CheckoutViewProps {
  options: CheckoutOptions;
  /** The payment flow (the stand-in of host/lazy-controller.ts); a test may pass a fake. */
  controller: PaymentController;
}

type Failed = Extract<PaymentState, { kind: "failed" }>;

/**
 * A failure's text: the flow's key in any dictionary once the late code is there; before that
 * (the late code did not load: Error_Network) the form's own, else a generic text.
 */
function failedText(state: Failed, t: FormTranslator, texts: TextOverrides | undefined): string {
  const text = late()?.messageText(state.messageKey, t.lang, texts);
  if (text != null) return text;
  return t(t.has(state.messageKey) ? state.messageKey : "Error_Unknown");
}

function statusText(state: PaymentState, t: FormTranslator, texts: TextOverrides | undefined): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "submitting":
      return t("Status_Submitting");
    case "failed":
      return t("Status_Failed", { message: failedText(state, t, texts) });
    default:
      // 3-D Secure and the answers come from the late code, which is there by then.
      return late()?.paymentStatusText(state, t.lang, texts) ?? "";
  }
}

interface CheckoutViewState {
  payment: PaymentState;
  form: FormState;
  /** The live region's text. */
  status: string;
  /** Between the click and the controller's "submitting". */
  pendingView: boolean;
  /** The formatted amount for the Pay button, "" until formatted. */
  amountText: string;
}

// Field initializers are literals or `this` reads only; anything else goes in the constructor
// (Safari 15 throws on initializers that name outer bindings; see class-fields.test.ts).
export class CheckoutView extends Component<CheckoutViewProps, CheckoutViewState> {
  readonly #id: string;
  readonly #model: FormModel;
  #styles: HeldStyles | undefined;
  #unsubscribe: (() => void) | undefined;
  #subscribed: PaymentController | undefined;
  readonly #stopForm: () => void;
  /** Cancel the pending amount formatting and the pending onReady (both wait for a paint). */
  #cancelAmount: (() => void) | undefined;
  #cancelReady: (() => void) | undefined;
  #amountFor = "";
  #lastChange = "";
  // Between the click and the controller's "submitting", a second click must not pay again.
  #pending = false;
  /** The payment state's kind at the last commit: coming back from a result focuses the form. */
  #previousKind: PaymentState["kind"];

  constructor(props: CheckoutViewProps) {
    super(props);
    this.#id = nextInstanceId();
    this.#model = createFormModel(formFields(Boolean(props.options.requireEmail)), { email: props.options.email ?? "" });
    const payment = props.controller.getState();
    this.#previousKind = payment.kind;
    this.state = { payment, form: this.#model.snapshot(), status: "", pendingView: false, amountText: "" };
    this.#stopForm = this.#model.subscribe((form) => {
      this.setState({ form });
      this.#reportChange(form);
    });
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

  override componentDidUpdate(_props: CheckoutViewProps, previous: CheckoutViewState): void {
    this.#styles = holdStyles(elementOf(this), this.props.options.nonce, this.#styles);
    this.#model.setFields(formFields(Boolean(this.props.options.requireEmail)));
    if (this.#subscribed !== this.props.controller) this.#subscribe();
    if (previous.payment !== this.state.payment) this.#paymentChanged();
    this.#scheduleAmount();
    this.#previousKind = this.state.payment.kind;
  }

  override componentWillUnmount(): void {
    this.#stopForm();
    this.#unsubscribe?.();
    this.#cancelAmount?.();
    this.#cancelReady?.();
    this.#styles?.release();
  }

  #lang = (): Language => resolveLanguage(this.props.options.language);

  #subscribe = (): void => {
    const { controller } = this.props;
    this.#unsubscribe?.();
    this.#subscribed = controller;
    const payment = controller.getState();
    if (payment !== this.state.payment) this.setState({ payment });
    this.#unsubscribe = controller.subscribe((payment) => this.setState({ payment }));
  };

  // The same text twice would not be spoken again; a trailing no-break space makes it new.
  readonly #announce = (text: string) => this.setState((previous) => ({ status: previous.status === text ? `${text}\u00a0` : text }));

  #paymentChanged = (): void => {
    const { payment } = this.state;
    const { options } = this.props;
    const text = statusText(payment, createTranslator(this.#lang(), options.texts), options.texts);
    if (text) this.#announce(text);
    // Card data is kept no longer than it can be useful: gone after success, CVC gone after a decline.
    const { values } = this.#model.snapshot();
    if (payment.kind === "approved") this.#model.reset({ email: values.email });
    if (payment.kind === "declined") this.#model.reset({ ...values, cvv: "" });
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

  #reportChange = (form: FormState): void => {
    const { onChange } = this.props.options;
    if (!onChange) return;
    const change = changeOf(form);
    const key = JSON.stringify(change);
    if (key === this.#lastChange) return;
    this.#lastChange = key;
    onChange(change);
  };

  readonly #pay = (v: Readonly<FormValues>) => {
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

  override render({ options, controller }: CheckoutViewProps, { payment: state, form, status, pendingView, amountText }: CheckoutViewState) {
    const lang = this.#lang();
    const t = createTranslator(lang, options.texts);
    const backFromResult = this.#previousKind === "declined" || this.#previousKind === "failed";
    const retry = () => void controller.retry();
    const api = late();

    let screen;
    if (state.kind === "approved") screen = api && <api.ApprovedScreen state={state} lang={lang} texts={options.texts} />;
    else if (state.kind === "declined") screen = api && <api.DeclinedScreen state={state} lang={lang} texts={options.texts} onRetry={retry} />;
    else if (state.kind === "failed")
      screen = <RetryScreen title={t("failedTitle")} text={failedText(state, t, options.texts)} retryLabel={t("retry")} onRetry={retry} />;
    else
      screen = (
        <CardFields
          id={this.#id}
          t={t}
          form={form}
          model={this.#model}
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
        {state.kind === "threeDs" && state.mode === "iframe" && api && (
          <api.ThreeDsDialog
            state={state}
            lang={lang}
            texts={options.texts}
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
