// The payment state machine: idle → submitting → (threeDs →) approved | declined | failed | paid;
// a cancelled 3-D Secure goes back to idle. It owns the network side of one payment and what the
// merchant's callbacks hear (docs/outcomes.md); the UI renders getState() and calls the methods.
// Late code: the host reaches it through late().createPaymentController.
import type { PayApproved, PayDeclined, PayRequestBody, PayThreeDs, SavedCardPayRequestBody, ThreeDsOutcome } from "../../../../server/contract.ts";
import { detectBrand, isRecord, resolveLanguage } from "../../shared/index.ts";
import type {
  CancelPayload,
  CancelStage,
  CardInput,
  CardSummary,
  CheckoutOptions,
  CompletePayload,
  FailPayload,
  FinalPaymentState,
  PaymentFlowController,
  PaymentOutcomeEvent,
  PaymentState,
  PublicKey,
  SuccessPayload,
} from "../../shared/index.ts";
// Types only: the cryptogram arrives through deps.loadCrypto, so this flow never pulls node-forge in itself.
import type * as Cryptogram from "../../cryptogram/index.ts";
import { cancelNote, createLateTranslator, declinedText, failureText } from "../i18n/index.ts";
import { postToAcs } from "./acs-form.ts";
import { cardFailure, failure } from "./failures.ts";
import type { Failed } from "./failures.ts";
import { errorByCode, interpretPayAnswer, payUrl } from "./pay-answer.ts";
import type { PayAnswer } from "./pay-answer.ts";
import { parseThreeDsResultMessage } from "./pay-response.ts";
import { createPublicKeySource } from "./public-key.ts";
import { issueTicket, sessionStore } from "./redirect-ticket.ts";
import { createRequestId } from "./request-id.ts";
import type { Settled, SettledPayments } from "./settled-payments.ts";
import { timedFetch } from "./timed-fetch.ts";

/** What the payment flow needs of the cryptogram code. */
export type CryptogramMaker = Pick<typeof Cryptogram, "createCryptogram">;

export interface PaymentControllerDeps {
  /** The cryptogram code (node-forge): loaded by the host, memoized by the caller. */
  loadCrypto: () => Promise<CryptogramMaker>;
  fetch?: typeof fetch;
  /** Overrides publicKeyUrl (options.publicKey still wins). Called once; a failure is retried next attempt. */
  getPublicKey?: () => Promise<PublicKey>;
  /** X-Request-ID and iframe-name source; default crypto.randomUUID. */
  randomId?: () => string;
  /** Where 3-D Secure messages arrive and where the redirect form goes; default `window`. */
  win?: Window;
  /**
   * An outcome read from the URL after a redirect-mode 3-D Secure (readRedirectResult): the
   * controller starts in it and announces it on the next microtask, to the listeners subscribed by then.
   */
  initialOutcome?: FinalPaymentState | null;
  /** Cryptogram layout; default "json" (CloudCard). */
  cryptogramFormat?: "json" | "legacy";
  /**
   * What this page has seen paid (settled-payments.ts): the controller starts in a remembered
   * answer for its invoice, silently, and remembers the answers it reaches. None by default.
   */
  settled?: SettledPayments;
  /** Where redirect tickets are written (redirect-ticket.ts); default the window's sessionStorage. */
  storage?: Parameters<typeof issueTicket>[0];
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Page-wide counter: frame names stay unique even when several widgets share one randomId. */
let framesOpened = 0;

/** The request of the current attempt, kept only while a same-id retry is possible. */
interface PendingRequest {
  requestId: string;
  body: PayRequestBody | SavedCardPayRequestBody;
  card: CardSummary;
}

type Prepared =
  | { ok: true; cryptogram: string; card: CardSummary; name: string; email: string | undefined; save: boolean | undefined }
  | { ok: false; failure: Failed };

/** Holds the card input only until the cryptogram is built; cleared in every path. */
interface CardBox {
  card: CardInput | null;
}


function summarize(cardNumber: string): CardSummary {
  const digits = cardNumber.replace(/\D/g, "");
  return { brand: detectBrand(digits), lastFour: digits.slice(-4) };
}

/** The first code of a CardValidationError (no instanceof: the cryptogram code is injected). */
function validationCode(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== "CardValidationError") return null;
  const errors: unknown = (error as Error & { errors?: unknown }).errors;
  if (!isRecord(errors)) return null;
  const first = Object.values(errors).find((code): code is string => typeof code === "string");
  return first ?? null;
}

function reportCallbackError(error: unknown): void {
  // A merchant callback that throws must not break the payment state.
  const report = (globalThis as { reportError?: (e: unknown) => void }).reportError;
  if (typeof report === "function") report(error);
  else console.error(error);
}

/** setTimeout treats Infinity, NaN and anything above 2^31-1 ms as 0: fall back to the default. */
function timeoutOf(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 && value <= 0x7fffffff ? value : DEFAULT_TIMEOUT_MS;
}

function defaultWindow(): Window | undefined {
  return typeof window === "undefined" ? undefined : window;
}

function originOf(url: string, base: string | undefined): string | null {
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}

export function createPaymentController(options: CheckoutOptions, deps: PaymentControllerDeps): PaymentFlowController {
  const fetchFn: typeof fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const randomId = deps.randomId ?? createRequestId;
  const win = deps.win ?? defaultWindow();
  const timeoutMs = timeoutOf(options.timeoutMs);
  const publicKey = createPublicKeySource(options, { fetch: fetchFn, getPublicKey: deps.getPublicKey, timeoutMs });

  const initial = deps.initialOutcome ?? null;
  const { settled } = deps;
  // An answer this page has already shown for this order: shown again, announced no more.
  const remembered = initial ? undefined : settled?.get(options.endpoint, options.invoiceId);
  let state: PaymentState = initial ?? remembered ?? { kind: "idle" };
  let destroyed = false;
  /**
   * The attempt under way: what it waits for (the cryptogram code, the key, `/pay`, the 3-D Secure
   * result) is cut short when it is aborted, and an answer that arrives for an aborted attempt
   * changes nothing. Given up by cancel and destroy; a new one follows an attempt's end.
   */
  let attempt = new AbortController();
  function nextAttempt(): void {
    attempt.abort();
    attempt = new AbortController();
  }
  let pending: PendingRequest | null = null;
  let threeDsCard: CardSummary | null = null;
  /** The 3-D Secure dialog's frame: the only window whose messages may end the challenge. */
  let threeDsFrame: Window | null = null;
  let stopListening: (() => void) | null = null;
  const stateListeners = new Set<(state: PaymentState) => void>();
  const outcomeListeners = new Set<(event: PaymentOutcomeEvent) => void>();

  function setState(next: PaymentState): void {
    if (destroyed) return;
    state = next;
    for (const listener of [...stateListeners]) {
      try {
        listener(next);
      } catch (error) {
        reportCallbackError(error);
      }
    }
    if (next.kind === "approved" || next.kind === "declined" || next.kind === "failed" || next.kind === "paid") {
      // An attempt ends with its outcome: whatever it still waited for is of no use now.
      nextAttempt();
      announce(next);
    }
  }

  function remember(outcome: FinalPaymentState): void {
    if (outcome.kind === "approved" || outcome.kind === "paid") settled?.remember(options.endpoint, options.invoiceId, outcome as Settled);
  }

  function emit(event: PaymentOutcomeEvent): void {
    try {
      if (event.type === "success") options.onSuccess?.(event.payload);
      else if (event.type === "fail") options.onFail?.(event.payload);
      else if (event.type === "complete") options.onComplete?.(event.payload);
      else options.onCancel?.(event.payload);
    } catch (error) {
      reportCallbackError(error);
    }
    for (const listener of [...outcomeListeners]) {
      try {
        listener(event);
      } catch (error) {
        reportCallbackError(error);
      }
    }
  }

  /** The shopper's texts in the widget's language, as the merchant's payloads carry them. */
  const translator = () => createLateTranslator(resolveLanguage(options.language), options.texts);

  /** The outcome's events in order, "success" or "fail", then "complete": once per entry into a final state. */
  function announce(outcome: FinalPaymentState): void {
    remember(outcome);
    const send = emit;
    const { invoiceId } = options;
    const unverified = outcome.unverified ? { unverified: true } : {};
    if (outcome.kind === "approved") {
      const { status: _status, ...result } = outcome.result;
      const payload: SuccessPayload = { ...result, invoiceId, ...unverified };
      send({ type: "success", payload });
      send({ type: "complete", payload: { status: "approved", ...payload } });
      return;
    }
    const t = translator();
    let payload: FailPayload;
    if (outcome.kind === "declined") {
      payload = { invoiceId, kind: "declined", code: "declined", reasonCode: outcome.reasonCode, message: declinedText(outcome, t, options.texts) };
      if (outcome.transactionId !== undefined) payload.transactionId = outcome.transactionId;
    } else if (outcome.kind === "paid") {
      payload = { invoiceId, kind: "failed", code: "already_paid", message: t("Error_AlreadyPaid") };
    } else {
      payload = { invoiceId, kind: "failed", code: outcome.code, message: failureText(outcome, t) };
      if (outcome.retryAfter !== undefined) payload.retryAfter = outcome.retryAfter;
    }
    Object.assign(payload, unverified);
    send({ type: "fail", payload });
    send({ type: "complete", payload: { status: payload.kind, ...payload } });
  }

  /** Back to the form: the shopper left a page without paying; nothing was charged. */
  function cancel(stage: CancelStage, transactionId: number | undefined): void {
    pending = null;
    setState({ kind: "idle", cancelled: stage });
    nextAttempt();
    const payload: CancelPayload = { invoiceId: options.invoiceId, code: "cancelled", stage, message: cancelNote(stage, translator()) };
    if (transactionId !== undefined) payload.transactionId = transactionId;
    emit({ type: "cancel", payload });
  }

  function fail(failed: Failed): void {
    if (!failed.retrySameRequest) pending = null;
    setState(failed);
  }

  function alreadyPaid(): void {
    pending = null;
    setState({ kind: "paid" });
  }

  function approve(result: PayApproved, card: CardSummary): void {
    pending = null;
    setState({ kind: "approved", result, card });
  }

  function decline(result: Omit<PayDeclined, "status" | "reason">): void {
    pending = null;
    const next: PaymentState = { kind: "declined", reasonCode: result.reasonCode, message: result.message };
    if (result.transactionId !== undefined) next.transactionId = result.transactionId;
    setState(next);
  }

  function loadCryptoSafely(): Promise<CryptogramMaker | null> {
    return deps.loadCrypto().then(
      (module) => module,
      () => null,
    );
  }

  async function prepare(box: CardBox, signal: AbortSignal): Promise<Prepared> {
    try {
      const input = box.card;
      if (!input) return { ok: false, failure: failure("crypto_failed") };
      const card = summarize(input.cardNumber);
      const [crypto, key] = await Promise.all([loadCryptoSafely(), publicKey(signal)]);
      // Nothing was sent yet: a retry starts a new attempt.
      if (!key.ok) return { ok: false, failure: failure(key.code, { sameRequest: false }) };
      if (!crypto) return { ok: false, failure: failure("script_unavailable") };
      const cryptogram = crypto.createCryptogram(
        { cardNumber: input.cardNumber, expDateMonthYear: input.expDateMonthYear, cvv: input.cvv, name: input.name },
        { publicId: options.publicId, publicKeyPem: key.key.pem, keyVersion: key.key.version },
        { format: deps.cryptogramFormat ?? "json" },
      );
      return { ok: true, cryptogram, card, name: input.name, email: input.email ?? options.email, save: input.saveCard };
    } catch (error) {
      const code = validationCode(error);
      return { ok: false, failure: code ? cardFailure(code) : failure("crypto_failed") };
    } finally {
      box.card = null;
    }
  }

  function buildBody(prepared: Extract<Prepared, { ok: true }>): PayRequestBody {
    const body: PayRequestBody = {
      cryptogram: prepared.cryptogram,
      name: prepared.name,
      invoiceId: options.invoiceId,
      amount: options.amount,
    };
    if (prepared.email) body.email = prepared.email;
    if (options.accountId !== undefined) body.accountId = options.accountId;
    if (options.scheme !== undefined) body.scheme = options.scheme;
    if (prepared.save) body.saveCard = true;
    return body;
  }

  async function runSubmit(box: CardBox, requestId: string, signal: AbortSignal): Promise<void> {
    const prepared = await prepare(box, signal);
    if (signal.aborted) return;
    if (!prepared.ok) {
      fail(prepared.failure);
      return;
    }
    pending = { requestId, body: buildBody(prepared), card: prepared.card };
    await send(pending, signal);
  }

  async function send(request: PendingRequest, signal: AbortSignal): Promise<void> {
    const exchange = await timedFetch(
      fetchFn,
      payUrl(options.endpoint),
      {
        method: "POST",
        // The shop's session cookie names the customer (saved cards) when the endpoint is on another origin.
        credentials: "include",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-Request-ID": request.requestId },
        body: JSON.stringify(request.body),
      },
      timeoutMs,
      signal,
    );
    if (signal.aborted) return;
    settle(interpretPayAnswer(exchange), request.card);
  }

  function settle(answer: PayAnswer, card: CardSummary): void {
    if ("kind" in answer) {
      if (answer.kind === "failed") fail(answer);
      else if (answer.kind === "paid") alreadyPaid();
      return;
    }
    if (answer.status === "approved") approve(answer, card);
    else if (answer.status === "declined") decline(answer);
    else {
      // The cryptogram has done its job: the 3-D Secure outcome ends this attempt either way.
      pending = null;
      startThreeDs(answer, card);
    }
  }

  function startThreeDs(challenge: PayThreeDs, card: CardSummary): void {
    if (!win) {
      fail(failure("three_ds_failed"));
      return;
    }
    threeDsCard = card;
    const redirect = options.threeDs === "redirect" || !challenge.iframeAllowed;
    if (redirect) {
      setState({ kind: "threeDs", transactionId: challenge.transactionId, mode: "redirect", challenge, frameName: "_top" });
      // The return URL's outcome is accepted only against this ticket (redirect-ticket.ts).
      issueTicket(deps.storage === undefined ? sessionStore(win) : deps.storage, options.invoiceId, challenge.transactionId, randomId());
      try {
        postToAcs(challenge, "_top", win.document);
      } catch {
        // e.g. a sandboxed frame without top navigation: say so rather than hang in threeDs.
        fail(failure("three_ds_failed"));
      }
      return;
    }
    listenForResult(win, challenge);
    setState({
      kind: "threeDs",
      transactionId: challenge.transactionId,
      mode: "iframe",
      challenge,
      frameName: `cw-3ds-${++framesOpened}-${randomId()}`,
    });
  }

  function listenForResult(target: Window, challenge: PayThreeDs): void {
    // The result page is the merchant's threeDsReturn handler at termUrl: its origin, not the
    // endpoint's or the ACS's, is the one allowed to report.
    const expectedOrigin = originOf(challenge.termUrl, target.location?.href);
    const onMessage = (event: MessageEvent): void => {
      if (destroyed || state.kind !== "threeDs" || state.transactionId !== challenge.transactionId) return;
      // Only the dialog's own frame, and only once it shows the merchant's return page: another
      // frame of the same origin (or the page itself) cannot end the challenge.
      if (threeDsFrame === null || event.source !== threeDsFrame) return;
      if (expectedOrigin === null || event.origin !== expectedOrigin) return;
      const message = parseThreeDsResultMessage(event.data);
      if (!message || message.transactionId !== challenge.transactionId) return;
      endListening();
      finishThreeDs(message.result, challenge.transactionId);
    };
    target.addEventListener("message", onMessage);
    stopListening = () => target.removeEventListener("message", onMessage);
  }

  function endListening(): void {
    stopListening?.();
    stopListening = null;
    threeDsFrame = null;
  }

  function finishThreeDs(result: ThreeDsOutcome, transactionId: number): void {
    const card = threeDsCard ?? { brand: null, lastFour: "" };
    threeDsCard = null;
    if (result.status === "approved") approve(result, card.lastFour ? card : { ...card, lastFour: result.cardLastFour });
    else if (result.status === "declined") decline({ ...result, transactionId: result.transactionId ?? transactionId });
    else if (result.code === undefined) fail(failure("three_ds_failed"));
    // Nothing to send again after the bank's page: a retry is a new attempt.
    else settle(errorByCode(result.code, { sameRequest: false }), card);
  }

  // The outcome a redirect brought back is announced on a microtask: after the host that created
  // this controller has subscribed (the stand-in in host/ does so at once).
  if (initial) {
    queueMicrotask(() => {
      if (!destroyed && state === initial) announce(initial);
    });
  }

  return {
    getState: () => state,

    subscribe(listener) {
      if (destroyed) return () => undefined;
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },

    onOutcome(listener) {
      if (destroyed) return () => undefined;
      outcomeListeners.add(listener);
      return () => outcomeListeners.delete(listener);
    },

    preload() {
      if (destroyed) return;
      void loadCryptoSafely();
      void publicKey(attempt.signal);
    },

    submit(card) {
      if (destroyed || state.kind !== "idle") return Promise.resolve();
      const requestId = randomId();
      // The attempt the preload began (its key fetch may be on its way) goes on.
      const { signal } = attempt;
      setState({ kind: "submitting", requestId });
      // A saved card: its body as the saved cards' code made it (no card data, no cryptogram).
      if ("body" in card) return send((pending = { requestId, body: card.body, card: card.card }), signal);
      // The card goes into a box that prepare() empties, so no closure keeps it afterwards.
      return runSubmit({ card }, requestId, signal);
    },

    async retry() {
      if (destroyed) return;
      // Paid: there is nothing to try again.
      if (state.kind === "declined") {
        setState({ kind: "idle" });
        return;
      }
      if (state.kind !== "failed") return;
      const request = pending;
      if (!state.retrySameRequest || !request) {
        pending = null;
        setState({ kind: "idle" });
        return;
      }
      const { signal } = attempt;
      setState({ kind: "submitting", requestId: request.requestId });
      await send(request, signal);
    },

    cancelThreeDs() {
      if (destroyed || state.kind !== "threeDs") return;
      endListening();
      threeDsCard = null;
      // A prompt only: the kit asks the gateway before the order follows (contract v3, /pay/abandon).
      fetchFn(payUrl(options.endpoint) + "/abandon", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ invoiceId: options.invoiceId, transactionId: state.transactionId }),
      })
        // Read to the end, unused: an answer left unread keeps its request open in the browser.
        .then((answer) => answer.text())
        .catch(() => undefined);
      cancel("threeDs", state.transactionId);
    },

    attachThreeDsFrame(frame) {
      if (!destroyed && state.kind === "threeDs") threeDsFrame = frame;
    },

    destroy() {
      if (destroyed) return;
      endListening();
      attempt.abort();
      destroyed = true;
      pending = null;
      threeDsCard = null;
      stateListeners.clear();
      outcomeListeners.clear();
    },
  };
}
