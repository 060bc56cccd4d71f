// Hosted mode's payment state machine: idle → submitting → page (the gateway's page in the frame) |
// leaving (the whole page goes there) → approved | declined | failed | paid; a page the shopper
// left (Cancel, Escape, the page's own "return to the shop") goes back to idle, not to declined.
// It owns the network side and what the merchant's callbacks hear (docs/outcomes.md), with the card
// flow's rules: one X-Request-ID per attempt, the same one on a retry that may repeat a request
// that got through, the result accepted only from its own frame, origin and payment.
import type { HostedPayRequestBody, PayApproved, PayRedirect, SavedCardPayRequestBody } from "../../../server/contract.ts";
import { resolveLanguage } from "../shared/index.ts";
import type { FailCode, HostedCancelPayload, HostedFailPayload, HostedOptions, HostedSuccessPayload } from "../shared/index.ts";
import { failure } from "../late/payment/failures.ts";
import type { Failed } from "../late/payment/failures.ts";
import { payUrl } from "../late/payment/pay-answer.ts";
import { issueTicket, sessionStore } from "../late/payment/redirect-ticket.ts";
import { createRequestId } from "../late/payment/request-id.ts";
import { timedFetch } from "../late/payment/timed-fetch.ts";
import type { TimedFetchResult } from "../late/payment/timed-fetch.ts";
import { errorAfterPage, interpretHostedAnswer, parseHostedResultMessage } from "./answers.ts";
import type { HostedMessage, HostedPayAnswer, HostedResult } from "./answers.ts";
import type { HostedReturn } from "./return-result.ts";
import { hostedPayBody } from "./pay-body.ts";
import { createHostedTranslator, declineText, failureText } from "./texts.ts";

export type HostedState =
  | { kind: "idle"; cancelled?: boolean }
  | { kind: "submitting"; requestId: string }
  /** The gateway's page (or a saved card's 3-D Secure) in the widget's frame. */
  | { kind: "page"; page: HostedPage }
  /** The whole page is on its way to the gateway's (or the bank's). */
  | { kind: "leaving"; page: HostedPage }
  | { kind: "approved"; result: PayApproved<string>; unverified?: boolean }
  | { kind: "declined"; transactionId?: string; reasonCode: number; unverified?: boolean }
  | (Failed & { transactionId?: string })
  | { kind: "paid"; unverified?: boolean };

/**
 * A page the flow opens: the gateway's (a `redirect` answer), or, with `post`, a saved card's 3-D
 * Secure at the bank, whose form post `post` makes into a frame's name or "_self" and whose result
 * message (`checkout-widget:3ds-result`) `read` reads instead of the gateway page's.
 */
export type HostedPage = PayRedirect & { post?: (target: string) => void; read?: (data: unknown) => HostedMessage | null };

/**
 * A payment hosted-saved/ asks for: with a saved card (its body and its reader of `/pay`'s answer),
 * or the gateway's page with the widget's own "Save this card" ticked (`hostedPayBody(options, true)`).
 */
export type HostedPayPlan =
  | { body: SavedCardPayRequestBody; read(exchange: TimedFetchResult): HostedPayAnswer | HostedFinalState }
  | { body: HostedPayRequestBody; read?: undefined };


export type HostedFinalState = Extract<HostedState, { kind: "approved" | "declined" | "failed" | "paid" }>;

export interface HostedFlowDeps {
  fetch?: typeof fetch;
  /** X-Request-ID and ticket source; default crypto.randomUUID. */
  randomId?: () => string;
  /** Where messages arrive and where a redirect goes; default `window`. */
  win?: Window;
  /** Where redirect tickets are written; default the window's sessionStorage. */
  storage?: Parameters<typeof issueTicket>[0];
  /** What the return URL brought (readHostedReturn): the flow starts there (unverified) and announces it on a microtask. */
  initial?: HostedReturn | null;
}

export interface HostedFlow {
  getState(): HostedState;
  subscribe(listener: (state: HostedState) => void): () => void;
  /** Pay: POST {endpoint}/pay (the gateway's page, or with `plan` a saved card); ignored unless idle (a double click pays once). */
  pay(plan?: HostedPayPlan): Promise<void>;
  /** Try again: the same request when it may have got through (same X-Request-ID), else back to Pay. */
  retry(): Promise<void>;
  /** The shopper closed the frame (Cancel, Escape): back to Pay, onCancel; nothing was charged. */
  cancel(): void;
  /** The frame's window once it is in the document: the only one whose result counts. */
  attachFrame(frame: Window): void;
  /** The merchant's options changed (callbacks, texts, saveCard): the next request and event use them. */
  setOptions(next: HostedOptions): void;
  destroy(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

type Pending = HostedPayPlan & { requestId: string };

/** The state an outcome of the gateway's page leads to; null: the shopper left it (back to Pay). */
function outcomeOf(result: HostedResult, paymentId: string): HostedFinalState | null {
  if (result.status === "cancelled") return null;
  if (result.status === "approved") return { kind: "approved", result };
  if (result.status === "declined") return { kind: "declined", transactionId: result.transactionId ?? paymentId, reasonCode: result.reasonCode };
  // After the gateway's page nothing is sent again: a retry is a new attempt.
  const next = errorAfterPage(result.code);
  return next.kind === "failed" ? { ...next, transactionId: paymentId } : next;
}

/** A merchant callback that throws must not break the flow: its error goes to the page's error handlers, later. */
function reportCallbackError(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}

export function createHostedFlow(given: HostedOptions, deps: HostedFlowDeps = {}): HostedFlow {
  let options = given;
  const fetchFn: typeof fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const randomId = deps.randomId ?? createRequestId;
  const win: Window | undefined = deps.win ?? globalThis.window; // undefined on a server
  const { timeoutMs: ms } = options;
  const timeoutMs = ms !== undefined && Number.isFinite(ms) && ms > 0 && ms <= 0x7fffffff ? ms : DEFAULT_TIMEOUT_MS;
  const listeners = new Set<(state: HostedState) => void>();
  const initial = deps.initial ?? null;
  const back = initial && (initial.result ? outcomeOf(initial.result, initial.paymentId) : failure("bad_response", { sameRequest: false }));
  let state: HostedState = back ? { ...back, unverified: true } : { kind: "idle", cancelled: initial !== null };
  let destroyed = false;
  /** Cut short when an attempt ends or the flow goes: an answer for it then changes nothing. */
  let attempt = new AbortController();
  /** The request of the attempt, kept while a same-id retry is possible. */
  let pending: Pending | null = null;
  let frame: Window | null = null;
  let stopListening: (() => void) | null = null;

  const t = () => createHostedTranslator(resolveLanguage(options.language), options.texts);

  function call<P>(callback: ((payload: P) => void) | undefined, payload: P): void {
    try {
      callback?.(payload);
    } catch (error) {
      reportCallbackError(error);
    }
  }

  function setState(next: HostedState): void {
    if (destroyed) return;
    state = next;
    // A listener that throws is reported as a callback is: the others still hear the state.
    for (const listener of [...listeners]) call(listener, next);
    if (next.kind === "approved" || next.kind === "declined" || next.kind === "failed" || next.kind === "paid") {
      endPage();
      announce(next);
    }
  }

  /** onSuccess or onFail, then onComplete: once per entry into a final state. */
  function announce(outcome: HostedFinalState): void {
    const { invoiceId } = options;
    const unverified = outcome.unverified ? { unverified: true } : {};
    if (outcome.kind === "approved") {
      const { status: _status, token: _token, ...result } = outcome.result;
      const payload: HostedSuccessPayload = { ...result, invoiceId, ...unverified };
      call(options.onSuccess, payload);
      call(options.onComplete, { status: "approved", ...payload });
      return;
    }
    let payload: HostedFailPayload;
    if (outcome.kind === "declined") {
      payload = { invoiceId, kind: "declined", code: "declined", reasonCode: outcome.reasonCode, message: declineText(outcome.reasonCode, t(), options.texts) };
    } else if (outcome.kind === "paid") {
      payload = { invoiceId, kind: "failed", code: "already_paid" satisfies FailCode, message: t()("Error_AlreadyPaid") };
    } else {
      payload = { invoiceId, kind: "failed", code: outcome.code, message: failureText(outcome, t()) };
      if (outcome.retryAfter !== undefined) payload.retryAfter = outcome.retryAfter;
    }
    if (outcome.kind !== "paid" && outcome.transactionId !== undefined) payload.transactionId = outcome.transactionId;
    Object.assign(payload, unverified);
    call(options.onFail, payload);
    call(options.onComplete, { status: payload.kind, ...payload });
  }

  /** The attempt is over: the frame's messages count no more, and what it waited for is dropped. */
  function endPage(): void {
    stopListening?.();
    stopListening = null;
    frame = null;
    attempt.abort();
    attempt = new AbortController();
  }

  function cancelled(paymentId: string): void {
    call<HostedCancelPayload>(options.onCancel, { invoiceId: options.invoiceId, code: "cancelled", stage: "hosted", message: t()("Hosted_Cancelled"), transactionId: paymentId });
  }

  function backToPay(paymentId: string): void {
    pending = null;
    setState({ kind: "idle", cancelled: true });
    endPage();
    cancelled(paymentId);
  }

  function settle(answer: HostedPayAnswer | HostedFinalState): void {
    if ("kind" in answer) {
      if (answer.kind === "aborted") return;
      if (answer.kind === "failed" && answer.retrySameRequest) {
        setState(answer);
        return;
      }
      pending = null;
      setState(answer);
      return;
    }
    pending = null;
    open(answer);
  }

  function open(page: HostedPage): void {
    if (!win) {
      setState(failure("bad_response", { sameRequest: false }));
      return;
    }
    if (!page.frameAllowed || options.paymentPage === "redirect") {
      setState({ kind: "leaving", page });
      // The return URL's outcome is accepted only against this ticket, once (return-result.ts).
      issueTicket(deps.storage === undefined ? sessionStore(win) : deps.storage, options.invoiceId, page.paymentId, randomId());
      if (page.post) page.post("_self");
      else win.location.assign(page.url);
      return;
    }
    const onMessage = (event: MessageEvent): void => {
      // Only this payment's frame, showing the merchant's return route: not another frame, not the page.
      if (destroyed || state.kind !== "page" || frame === null || event.source !== frame || event.origin !== page.returnOrigin) return;
      const message = (page.read ?? parseHostedResultMessage)(event.data);
      if (!message || message.paymentId !== page.paymentId) return;
      finish(message.result, page.paymentId);
    };
    win.addEventListener("message", onMessage);
    stopListening = () => win.removeEventListener("message", onMessage);
    setState({ kind: "page", page });
  }

  function finish(result: HostedResult, paymentId: string): void {
    const next = outcomeOf(result, paymentId);
    if (next) setState(next);
    else backToPay(paymentId);
  }

  async function send(request: Pending): Promise<void> {
    const { signal } = attempt;
    const exchange = await timedFetch(
      fetchFn,
      payUrl(options.endpoint),
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-Request-ID": request.requestId },
        body: JSON.stringify(request.body),
      },
      timeoutMs,
      signal,
    );
    if (!signal.aborted) settle((request.read ?? interpretHostedAnswer)(exchange));
  }

  if (initial) {
    queueMicrotask(() => {
      if (destroyed) return;
      if (back && state.kind === back.kind) announce(state as HostedFinalState);
      else if (!back) cancelled(initial.paymentId);
    });
  }

  return {
    getState: () => state,

    subscribe(listener) {
      if (destroyed) return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    pay(plan) {
      if (destroyed || state.kind !== "idle") return Promise.resolve();
      pending = { requestId: randomId(), ...(plan ?? { body: hostedPayBody(options) }) };
      setState({ kind: "submitting", requestId: pending.requestId });
      return send(pending);
    },

    async retry() {
      if (destroyed) return;
      const request = pending;
      if (state.kind === "failed" && state.retrySameRequest && request) {
        setState({ kind: "submitting", requestId: request.requestId });
        await send(request);
      } else if (state.kind === "failed" || state.kind === "declined") {
        pending = null;
        setState({ kind: "idle" });
      }
    },

    cancel() {
      if (!destroyed && state.kind === "page") backToPay(state.page.paymentId);
    },

    attachFrame(next) {
      if (!destroyed && state.kind === "page") frame = next;
    },

    setOptions(next) {
      options = next;
    },

    destroy() {
      if (destroyed) return;
      endPage();
      destroyed = true;
      pending = null;
      listeners.clear();
    },
  };
}
