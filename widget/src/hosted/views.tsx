// Hosted mode's screens: the order and its Pay button, the gateway's page in the modal frame, and
// the answers (approved, declined, failed, paid). Class components without hooks, as the rest of
// the widget (shared/ui/widget-root.ts), drawn from the flow's state.
import { Component } from "preact";
import type { ComponentChildren, RefObject } from "preact";
import { formatAmount, holdStyles, Modal, ResultBox, RetryScreen, resolveLanguage, themeAttributes } from "../shared/index.ts";
import type { HeldStyles, HostedOptions } from "../shared/index.ts";
import { addLateStyles } from "../late/views/late-styles.ts";
import type { HostedFlow, HostedState } from "./flow.ts";
import { createHostedTranslator, declineText, failureText } from "./texts.ts";
import type { HostedTranslator } from "./texts.ts";

type PageState = Extract<HostedState, { kind: "page" }>;

/** The gateway page's size when the answer does not say. */
const DEFAULT_WIDTH = 500;
const DEFAULT_HEIGHT = 640;

interface BankPageProps {
  state: PageState;
  t: HostedTranslator;
  flow: HostedFlow;
  options: HostedOptions;
}

/** The gateway's page in a modal frame: focus trapped, a loading state until it is there, Cancel and Escape close it. */
export class BankPageDialog extends Component<BankPageProps, { loaded: boolean }> {
  readonly #frame: RefObject<HTMLIFrameElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)

  constructor(props: BankPageProps) {
    super(props);
    this.state = { loaded: false };
  }

  override componentDidMount(): void {
    const frame = this.#frame.current;
    const win = frame?.contentWindow;
    if (win) this.props.flow.attachFrame(win);
    // A saved card's 3-D Secure: the bank's page is a form post (MD, PaReq, TermUrl) into the frame.
    if (frame) this.props.state.page.post?.(frame.name);
  }

  readonly #loaded = (): void => {
    if (this.state.loaded) return;
    this.setState({ loaded: true });
    // The keyboard goes onto the gateway's page (its card number field, if the page focuses it).
    this.#frame.current?.focus();
  };

  override render({ state: { page }, t, flow, options }: BankPageProps) {
    const vars = { "--cw-frame-w": `${page.frameWidth ?? DEFAULT_WIDTH}px`, "--cw-frame-h": `${page.frameHeight ?? DEFAULT_HEIGHT}px` };
    return (
      <Modal title={t("bankPageTitle")} subtitle={options.description} closeLabel={t("cancel")} onClose={() => flow.cancel()} appearance={options.appearance} nonce={options.nonce} vars={vars}>
        <div class="cw-frames">
          <iframe class="cw-frame" name="cw-page" src={page.post ? undefined : page.url} title={t("bankPageFrame")} onLoad={this.#loaded} ref={this.#frame} />
          {!this.state.loaded && (
            <div class="cw-loading" role="status">
              <span class="cw-spin" aria-hidden="true" />
              {t("loadingBankPage")}
            </div>
          )}
        </div>
      </Modal>
    );
  }
}

export interface HostedViewProps {
  /** null: the options are wrong (the console says which); the view says so in one line. */
  flow: HostedFlow | null;
  options: HostedOptions;
  /**
   * Drawn on the Pay screen in place of its Pay button: the shopper's saved cards (hosted-saved/),
   * whose "Pay with another card" is that button's flow.pay(), and which draw the button themselves
   * (`bar`) once no card is left, with their own `pay` when the shopper may tick "Save this card".
   */
  beforePay?: BeforePay | undefined;
}

/** The Pay button and its hint, paying with `pay` (default: the gateway's page as the options say). */
export type PayBar = (pay?: () => Promise<void>) => ComponentChildren;

export type BeforePay = (flow: HostedFlow, state: HostedState, bar: PayBar, options: HostedOptions) => ComponentChildren;

/** The widget in hosted mode: one root, its stylesheet held while it is on the page, drawn from its flow's state. */
export class HostedView extends Component<HostedViewProps> {
  readonly #root: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)
  #styles: HeldStyles | undefined;
  #unsubscribe: (() => void) | undefined;
  #cancelReady: (() => void) | undefined;

  constructor(props: HostedViewProps) {
    super(props);
    addLateStyles();
  }

  override componentDidMount(): void {
    this.#styles = holdStyles(this.#root.current, this.props.options?.nonce);
    this.#listen();
    // The Pay screen is usable once it is in the document (no late code to wait for): the next task.
    const ready = setTimeout(() => this.props.flow && this.props.options.onReady?.());
    this.#cancelReady = () => clearTimeout(ready);
  }

  override componentDidUpdate(previous: HostedViewProps): void {
    this.#styles = holdStyles(this.#root.current, this.props.options?.nonce, this.#styles);
    if (previous.flow !== this.props.flow) this.#listen();
  }

  override componentWillUnmount(): void {
    this.#unsubscribe?.();
    this.#cancelReady?.();
    this.#styles?.release();
  }

  readonly #listen = (): void => {
    this.#unsubscribe?.();
    // Each new state draws again; render reads it from the flow.
    this.#unsubscribe = this.props.flow?.subscribe(() => this.setState({}));
  };

  override render({ flow, options, beforePay }: HostedViewProps) {
    const lang = resolveLanguage(typeof options?.language === "string" ? options.language : undefined);
    const t = createHostedTranslator(lang, options?.texts);
    if (!flow) {
      return (
        <div class="cw" role="alert" ref={this.#root}>
          <p class="cw-msg">{t("Error_Config")}</p>
        </div>
      );
    }
    const state = flow.getState();
    const retry = () => void flow.retry();
    let screen;
    /** What the live region says of the screen (an answer's title and text, a wait). */
    let status: string;
    if (state.kind === "approved") {
      const { amount, currency, cardType, cardLastFour } = state.result;
      status = t("approvedTitle");
      screen = (
        <ResultBox>
          <span class="cw-mark cw-ok" aria-hidden="true" />
          <h2>{status}</h2>
          <p class="cw-amount">{formatAmount(amount, currency, lang)}</p>
          {cardLastFour && <p class="cw-card">{t("paidWith", { brand: cardType, last4: cardLastFour }).trim()}</p>}
          <p class="cw-muted">{t("orderNumber", { number: options.invoiceId })}</p>
          {options.shopUrl && (
            <a class="cw-btn" href={options.shopUrl}>
              {t("backToShop")}
            </a>
          )}
        </ResultBox>
      );
    } else if (state.kind === "paid") {
      status = t("paidTitle");
      screen = (
        <ResultBox>
          <span class="cw-mark cw-ok" aria-hidden="true" />
          <h2>{status}</h2>
          <p>{t("paidText")}</p>
        </ResultBox>
      );
    } else if (state.kind === "declined") {
      const text = declineText(state.reasonCode, t, options.texts);
      status = `${t("declinedTitle")}. ${text}`;
      screen = <RetryScreen title={t("declinedTitle")} text={text} retryLabel={t("retry")} onRetry={retry} />;
    } else if (state.kind === "failed") {
      const text = failureText(state, t);
      status = t("Status_Failed", { message: text });
      screen = <RetryScreen title={t("failedTitle")} text={text} retryLabel={t("retry")} onRetry={retry} />;
    } else {
      const busy = state.kind !== "idle";
      status = state.kind === "submitting" ? t("Status_Submitting") : busy ? t("loadingBankPage") : "";
      const amount = formatAmount(options.amount, options.currency, lang);
      // The hint goes with the button: a saved card's Pay is no trip to the payment page.
      const bar: PayBar = (pay = () => flow.pay()) => [
        <div class="cw-bar">
          <button type="button" class="cw-btn cw-pay" aria-disabled={busy ? "true" : undefined} onClick={() => void pay()}>
            {busy && <span class="cw-spin" aria-hidden="true" />}
            <span>{t("pay", { amount })}</span>
          </button>
        </div>,
        <p class="cw-hint">{t("payOnBankPage")}</p>,
      ];
      screen = (
        <div class="cw-order">
          {state.kind === "idle" && state.cancelled && <p class="cw-hint cw-note">{t("Hosted_Cancelled")}</p>}
          {options.description && <p class="cw-muted">{options.description}</p>}
          <p class="cw-amount">{amount}</p>
          {beforePay ? beforePay(flow, state, bar, options) : bar()}
        </div>
      );
    }
    return (
      <div class="cw cw-hosted" lang={lang} {...themeAttributes(options.appearance)} ref={this.#root}>
        {screen}
        {state.kind === "page" && <BankPageDialog state={state} t={t} flow={flow} options={options} />}
        <div class="cw-sr" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </div>
      </div>
    );
  }
}
