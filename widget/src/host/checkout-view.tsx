// The widget: renders the payment controller's state — the card form (form/), a failure, and,
// through late(), the 3-D Secure dialog, the answers and the note after a cancelled confirmation —
// and hands the card to controller.submit. One live region, always present, speaks for all of it.
import { Component } from "preact";
import type { ComponentChildren, RefObject } from "preact";
import { CardFields, changeOf, createFormModel, formFields } from "../form/index.ts";
import type { FormField, FormModel, FormState, FormValues } from "../form/index.ts";
import { afterPaint, cardDigits, createTranslator, formatAmount, holdStyles, nextInstanceId, resolveLanguage, RetryScreen, themeAttributes } from "../shared/index.ts";
import type { CardInput, CheckoutOptions, FormTranslator, HeldStyles, Language, PaymentController, PaymentState, TextOverrides } from "../shared/index.ts";
import type { FieldChoice } from "../form/index.ts";
import type { SavedFound } from "../late/saved/ask-saved-cards.ts";
import { late, onLate } from "./late.ts";

export interface CheckoutViewProps {
  options: CheckoutOptions;
  /** `savedCards: true`: what `{endpoint}/saved-cards` found (the root waits for it), undefined for nothing. */
  saved?: SavedFound | 0 | false | undefined;
  /** The payment flow (the stand-in of host/lazy-controller.ts); a test may pass a fake. */
  controller: PaymentController;
}

type Failed = Extract<PaymentState, { kind: "failed" }>;

/** The name the gateway requires when the merchant switched the name field off (`requireName: false`). */
export const NO_NAME = "CARDHOLDER";

function fieldChoice(options: CheckoutOptions): FieldChoice {
  return { email: Boolean(options.requireEmail), name: options.requireName !== false };
}

/**
 * A failure's text: the late code's once it is there; before that (the late code did not load:
 * script_unavailable) the form's own, else a generic text.
 */
function failedText(state: Failed, t: FormTranslator, texts: TextOverrides | undefined): string {
  return late()?.failureMessage(state, t.lang, texts) ?? t(t.has(state.messageKey) ? state.messageKey : "Error_Unknown");
}

/** After a page left without paying (late code by then), the form's neutral note. */
function cancelNote(state: PaymentState, t: FormTranslator, texts: TextOverrides | undefined): string {
  // The late code's status text of such an idle state is that note.
  return (state.kind === "idle" && state.cancelled && late()?.paymentStatusText(state, t.lang, texts)) || "";
}

function statusText(state: PaymentState, t: FormTranslator, texts: TextOverrides | undefined): string {
  // A failure may be the late code's not loading; the rest (a page left, submitting, 3-D Secure,
  // the answers) comes from the late code, which is there by then.
  return state.kind === "failed" ? t("Status_Failed", { message: failedText(state, t, texts) }) : (late()?.paymentStatusText(state, t.lang, texts) ?? "");
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
  // The root element by ref, not `this.base`: Preact 11 has no `base`.
  readonly #root: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)
  #unsubscribe: (() => void) | undefined;
  /** Stops waiting for the late code (it brings the brand marks). */
  #stopLate: (() => void) | undefined;
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
  /** What the shopper chose on the decline screen: the same card (type the CVC again) or another. */
  #afterDecline: "same" | "other" = "same";
  /** Back with the same card after a decline: the CVC field asks for the code again until Pay. */
  #cvcAgain = false;
  /** "Save this card" is ticked (the saved cards' panel says so). */
  #save = false;

  constructor(props: CheckoutViewProps) {
    super(props);
    this.#id = nextInstanceId();
    this.#model = createFormModel(formFields(fieldChoice(props.options)), { email: props.options.email ?? "" });
    const payment = props.controller.getState();
    this.#previousKind = payment.kind;
    this.state = { payment, form: this.#model.snapshot(), status: "", pendingView: false, amountText: "" };
    this.#stopForm = this.#model.subscribe((form) => {
      this.setState({ form });
      this.#reportChange(form);
    });
  }

  override componentDidMount(): void {
    this.#styles = holdStyles(this.#root.current, this.props.options.nonce);
    this.#stopLate = onLate(() => this.forceUpdate());
    this.#subscribe();
    this.#paymentChanged();
    this.#scheduleAmount();
    this.#previousKind = this.state.payment.kind;
    // After the first paint, as an effect would: never inside mount() or connectedCallback, so the
    // caller holds its handle and has added its listeners by then.
    this.#cancelReady = afterPaint(() => this.props.options.onReady?.());
  }

  override componentDidUpdate(_props: CheckoutViewProps, previous: CheckoutViewState): void {
    this.#styles = holdStyles(this.#root.current, this.props.options.nonce, this.#styles);
    this.#model.setFields(formFields(fieldChoice(this.props.options)));
    if (this.#subscribed !== this.props.controller) this.#subscribe();
    if (previous.payment !== this.state.payment) this.#paymentChanged();
    if (previous.payment.kind === "threeDs" && this.state.payment.kind === "idle") this.#refocus();
    this.#scheduleAmount();
    this.#previousKind = this.state.payment.kind;
  }

  /** The 3-D Secure dialog took focus with it: back to the form's first field, not <body>. */
  #refocus = (): void => {
    const root = this.#root.current;
    const active = root?.ownerDocument.activeElement;
    if (root && !(active && active !== root.ownerDocument.body && root.contains(active))) root.querySelector("input")?.focus();
  };

  override componentWillUnmount(): void {
    this.#stopForm();
    this.#stopLate?.();
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
    if (payment.kind === "approved" || payment.kind === "paid") this.#model.reset({ email: values.email });
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
    this.#cvcAgain = false;
    this.setState({ pendingView: true });
    const card: CardInput = {
      cardNumber: cardDigits(v.cardNumber),
      expDateMonthYear: v.expDateMonthYear,
      cvv: v.cvv,
      // Shown in capitals (as embossed on cards), so sent that way too.
      name: this.#model.snapshot().fields.includes("name") ? v.name.trim().toUpperCase() : NO_NAME,
      saveCard: this.#save,
    };
    if (options.requireEmail) card.email = v.email.trim();
    void controller.submit(card).finally(() => {
      this.#pending = false;
      this.setState({ pendingView: false });
    });
  };

  override render({ options, controller, saved }: CheckoutViewProps, { payment: state, form, status, pendingView, amountText }: CheckoutViewState) {
    const lang = this.#lang();
    const t = createTranslator(lang, options.texts);
    const previous = this.#previousKind;
    // Back from a result: the same card after a decline wants its CVC again; otherwise the number
    // (also after a cancelled 3-D Secure).
    const sameCard = previous === "declined" && this.#afterDecline === "same";
    const focus: FormField | undefined = sameCard ? "cvv" : previous === "declined" || previous === "failed" || previous === "threeDs" ? "cardNumber" : undefined;
    if (sameCard) this.#cvcAgain = true;
    const retry = () => void controller.retry();
    const api = late();

    const cardForm = (extra?: ComponentChildren) => (
      <CardFields
        id={this.#id}
        t={t}
        form={form}
        model={this.#model}
        payLabel={t("pay", { amount: amountText }).trim()}
        busy={pendingView || state.kind !== "idle"}
        onPay={this.#pay}
        announce={this.#announce}
        focus={focus}
        cvcAgain={this.#cvcAgain}
        showBrands={options.showBrands}
        extra={extra}
      />
    );
    const note = cancelNote(state, t, options.texts);
    // Approved, paid, declined and 3-D Secure's dialog: the late code's (it has run the payment by then).
    const answer = api && (
      <api.AnswerView
        state={state}
        options={options}
        controller={controller}
        onDeclined={(other) => {
          this.#afterDecline = other ? "other" : "same";
          if (other) this.#model.reset({ email: this.#model.snapshot().values.email });
          retry();
        }}
      />
    );
    let screen =
      state.kind === "idle" || state.kind === "submitting" || state.kind === "threeDs" ? (
        cardForm()
      ) : state.kind === "failed" ? (
        <RetryScreen title={t("failedTitle")} text={failedText(state, t, options.texts)} retryLabel={t("retry")} onRetry={retry} />
      ) : (
        answer
      );

    if (saved)
      screen = (
        <saved.Panel options={options} payment={state} controller={controller} form={cardForm} screen={screen} onSave={(on) => (this.#save = on)} />
      );

    return (
      <div class="cw" lang={lang} {...themeAttributes(options.appearance)} ref={this.#root}>
        {note && <p class="cw-hint cw-note">{note}</p>}
        {screen}
        {state.kind === "threeDs" && answer}
        <div class="cw-sr" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </div>
      </div>
    );
  }
}
