// One attempt at paying one invoice, whatever the way of paying: the merchant's record first,
// the failure limits, the claim in the attempt store, then the gateway (a cryptogram, the
// gateway's own page, a saved card), and the outcome settled in the store. The pay handler and
// chargeSavedCard both run through here, so every payment is claimed the same way.
import { GatewayError, GatewayTransportError } from "../client/index.ts";
import type { HostedPayRequestBody, PaymentId, PayRequestBody, PayRedirect, PayThreeDs } from "../contract.ts";
import type { GatewayPayOutcome, ReceiptLine } from "../gateway/index.ts";
import type { SavedCard } from "../saved-cards/index.ts";
import type { Hold } from "../attempts/index.ts";
import { saveCardFrom } from "./card-saving.ts";
import type { HandlerContext } from "./handler-context.ts";
import {
  customerDigest,
  decodeHostedHold,
  decodeStartHold,
  encodeHostedHold,
  encodeStartHold,
  newStartKey,
  ownsPayment,
  SAVED_CALL_HOLD,
  savedCardDigest,
  tagsFor,
  type HeldChallenge,
  type HostedHoldReference,
} from "./hosted-hold.ts";
import { settleGatewayState } from "./hosted-settlement.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutCustomer, CheckoutOrder, CheckoutResultEvent } from "./options.ts";
import { receiptLines } from "./order-check.ts";
import { errorBody } from "./responses.ts";
import { bindReturnUrl, RETURN_URL_LIFETIME_S } from "./return-binding.ts";
import { claimOrResolve, resolveStart } from "./resolution.ts";
import {
  answerFromRecord,
  giveBackAttempt,
  holdForShopper,
  holdUnknown,
  limitKeys,
  mayHavePaid,
  paidReferenceOf,
  referenceOf,
  settleApproval,
  settleUnpaid,
  takeLimits,
  type Answer,
  type AttemptKey,
  type LimitKey,
} from "./settlement.ts";
import { bindTermUrl } from "./term-url-binding.ts";
import { toDeclined, toThreeDs } from "./to-pay-response.ts";

export type AttemptRequest =
  | { kind: "card"; body: PayRequestBody }
  | { kind: "hosted"; body: HostedPayRequestBody }
  | { kind: "saved"; card: SavedCard; initiator: "shopper" | "merchant"; email?: string; language?: string };

export interface AttemptInput {
  request: AttemptRequest;
  /** The attempt's name; the runner adds its claim's lease. */
  attempt: { invoiceId: string; attemptId: string };
  /** The widget's X-Request-ID, or the merchant's idempotency key: what onResult names. */
  requestId: string | undefined;
  order: CheckoutOrder;
  /** The order's checked receipt lines (null: it has none). */
  lines: ReceiptLine[] | null;
  ip: string;
  customer: CheckoutCustomer | null;
  stage: "pay" | "chargeSavedCard";
  /**
   * The failure-limit counts the caller took for this attempt before it looked the order up
   * (shopper payments), or null for a payment that counts none (the merchant's own charges).
   */
  counted: LimitKey[] | null;
}

export function describeFailure(error: unknown): Record<string, unknown> {
  if (error instanceof GatewayTransportError) {
    return { code: error.code, reason: error.reason, mayHaveReachedGateway: error.mayHaveReachedGateway };
  }
  if (error instanceof GatewayError) return { code: error.code, error: error.message };
  return { error: error instanceof Error ? error.name : typeof error };
}

export const orderUnavailable = (): Answer => ({ status: 500, body: errorBody("order_unavailable", MESSAGES.orderUnavailable) });
export const unavailable = (): Answer => ({ status: 502, body: errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable) });
export const alreadyPaid = (): Answer => ({ status: 409, body: errorBody("already_paid", MESSAGES.alreadyPaid) });
const inProgress = (): Answer => ({ status: 409, body: errorBody("payment_in_progress", MESSAGES.inProgress) });
const rejected = (): Answer => ({ status: 400, body: errorBody("payment_rejected", MESSAGES.paymentRejected) });

/** What another attempt's hold on the gateway's page comes to: free to pay again, or an answer. */
type HeldResolution = { kind: "free" } | { kind: "answer"; answer: Answer };

export function createAttemptRunner(context: HandlerContext): (input: AttemptInput) => Promise<Answer> {
  const { options, gateway, logger, store, holds } = context;
  const returnOrigin = new URL(options.termUrl).origin;
  /**
   * How a saved-card call names itself in its hold: asked about by the attempt (`savedCards.recover`)
   * on a gateway without a lookup by invoice; null (the invoice's lookup answers) otherwise.
   */
  const savedCallHold = gateway.findByInvoice === undefined && gateway.savedCards?.recover !== undefined ? SAVED_CALL_HOLD : null;

  function event(input: AttemptInput, answer: Answer, extra: Partial<CheckoutResultEvent> = {}): CheckoutResultEvent {
    return {
      stage: input.stage,
      invoiceId: input.attempt.invoiceId,
      ...(input.requestId !== undefined && { requestId: input.requestId }),
      ...(input.customer !== null && { customerId: input.customer.id }),
      result: answer.body,
      ...extra,
    };
  }

  /** The paying attempt asks again: answer from the gateway's record of its payment, never pay again. */
  async function replayPayment(input: AttemptInput, reference: string | null): Promise<Answer> {
    if (reference === null) return alreadyPaid();
    let found: Awaited<ReturnType<typeof answerFromRecord>>;
    try {
      found = await answerFromRecord(context, input.attempt.invoiceId, input.order, reference);
    } catch (error) {
      logger.warn("checkout: gateway unavailable for a paid order's record", { invoiceId: input.attempt.invoiceId, ...describeFailure(error) });
      return unavailable();
    }
    if (found === null) return alreadyPaid();
    const answer: Answer = { status: 200, body: found.approved };
    await context.report(event(input, answer, { gatewayModel: found.gatewayModel }));
    return answer;
  }

  function redirectAnswer(reference: HostedHoldReference, url: string): Answer {
    const body: PayRedirect = { status: "redirect", paymentId: reference.id, url, returnOrigin, frameAllowed: reference.frameAllowed };
    if (reference.frameWidth !== undefined) body.frameWidth = reference.frameWidth;
    if (reference.frameHeight !== undefined) body.frameHeight = reference.frameHeight;
    return { status: 200, body };
  }

  /** Is this request the held challenge's own: a shopper paying with the very card, as its customer? */
  async function isChallengeCard(input: AttemptInput, challenge: HeldChallenge): Promise<boolean> {
    const { request, customer } = input;
    if (request.kind !== "saved" || request.initiator !== "shopper" || customer === null || customer.id !== request.card.customerId) return false;
    return challenge.card === (await savedCardDigest(context.signer, customer.id, request.card.id));
  }

  function challengeAnswer({ card, ...challenge }: HeldChallenge): Answer {
    return { status: 200, body: { status: "3ds", ...challenge, returnOrigin } };
  }

  /**
   * Someone holds the invoice on a gateway's page (this attempt's retry, or another attempt): ask
   * the gateway what that payment came to. Paid: settled, and this attempt refused. Ended unpaid:
   * settled, and the invoice is free. Still open: a shopper asking to pay on the page is sent to
   * that same page (never a second live payment), anyone else waits.
   */
  async function resolveHeld(input: AttemptInput, hold: Hold): Promise<HeldResolution> {
    const reference = decodeHostedHold(hold.reference);
    if (reference === null) return { kind: "answer", answer: inProgress() };
    const holder: AttemptKey = { invoiceId: input.attempt.invoiceId, attemptId: hold.attemptId, lease: hold.lease };
    let state: Awaited<ReturnType<typeof gateway.findOutcome>>;
    try {
      state = await gateway.findOutcome(reference.id, context.callOptions());
    } catch (error) {
      logger.warn("checkout: gateway unavailable for a held payment's state", { invoiceId: holder.invoiceId, ...describeFailure(error) });
      return { kind: "answer", answer: unavailable() };
    }
    if (state === null || !ownsPayment(state.tags, holder)) return { kind: "answer", answer: inProgress() };
    switch (state.kind) {
      case "approved": {
        const outcome = await settleGatewayState(context, { attempt: holder, order: input.order, reference: reference.id, state, stage: input.stage });
        return outcome.status === "approved" ? { kind: "answer", answer: alreadyPaid() } : { kind: "free" };
      }
      case "declined":
      case "closed":
        await settleGatewayState(context, { attempt: holder, order: input.order, reference: reference.id, state, stage: input.stage });
        return { kind: "free" };
      case "pending": {
        // A saved card's 3-D Secure still at the bank (the shopper closed its page): the gateway
        // completes it whatever the kit does, so that same shopper with that same card is given
        // the same challenge to finish; anyone else waits for it.
        const challenge = reference.challenge;
        if (challenge === undefined || !(await isChallengeCard(input, challenge))) return { kind: "answer", answer: inProgress() };
        logger.info?.("checkout: a saved card's 3-D Secure is still open; the shopper is given it again", { invoiceId: holder.invoiceId });
        return { kind: "answer", answer: challengeAnswer(challenge) };
      }
      case "open": {
        if (input.request.kind !== "hosted" || reference.url === null) return { kind: "answer", answer: inProgress() };
        const mine = reference.customer === null || (input.customer !== null && reference.customer === (await customerDigest(context.signer, input.customer.id)));
        if (!mine) return { kind: "answer", answer: inProgress() };
        logger.info?.("checkout: the order's page is still open; the shopper is sent back to it", { invoiceId: holder.invoiceId });
        return { kind: "answer", answer: redirectAnswer(reference, reference.url) };
      }
    }
  }

  /** The outcome of a gateway call that may have paid (a cryptogram, a saved card), settled and answered. */
  async function settleCall(
    input: AttemptInput,
    attempt: AttemptKey,
    outcome: GatewayPayOutcome,
    giveBack: () => Promise<void>,
    saveFor: string | null,
    saveAfterChallenge: boolean,
  ): Promise<Answer> {
    const { invoiceId } = attempt;
    let answer: Answer;
    let extra: Partial<CheckoutResultEvent> = {};
    switch (outcome.kind) {
      case "approved": {
        const settled = await settleApproval(context, attempt, input.order, outcome.transaction);
        answer = settled.answer;
        extra = { gatewayModel: outcome.transaction.raw, ...(settled.extraPayment && { extraPayment: settled.extraPayment }) };
        if (answer.status === 200) {
          await giveBack();
          if (saveFor !== null) {
            const saved = await saveCardFrom(context, saveFor, outcome.transaction);
            if (saved) extra.savedCard = saved;
          }
        }
        break;
      }
      case "declined":
        await settleUnpaid(context, attempt);
        answer = { status: 200, body: toDeclined(outcome) };
        if (outcome.transaction) extra = { gatewayModel: outcome.transaction.raw };
        break;
      case "3ds": {
        if (input.request.kind === "saved" && input.request.initiator === "merchant") {
          // Nobody is there to answer the bank: the gateway may still finish it, so the invoice stays held.
          await holdForShopper(context, attempt, "hosted", encodeHostedHold({ id: String(outcome.transactionId), url: null, customer: null, frameAllowed: false }));
          logger.warn("checkout: the bank asks for 3-D Secure on a payment without the shopper", { invoiceId });
          answer = { status: 400, body: errorBody("payment_rejected", MESSAGES.needsShopper) };
          break;
        }
        if (outcome.gatewayTermUrl !== undefined) {
          // The gateway completes this challenge itself and sends the shopper to the kit's return
          // route. The hold keeps the challenge: the same shopper with the same card may finish it
          // later (its page closed), while nobody else can start a second payment beside it.
          const body: PayThreeDs<PaymentId> = { ...toThreeDs(outcome, outcome.gatewayTermUrl), returnOrigin };
          const { status, returnOrigin: origin, ...fields } = body;
          const challenge: HeldChallenge | undefined =
            input.request.kind === "saved" ? { ...fields, card: await savedCardDigest(context.signer, input.request.card.customerId, input.request.card.id) } : undefined;
          // Held while the gateway waits for the bank (its session), not a fixed while: both lapse together.
          const ttlMs = outcome.expiresAt === undefined ? holds.pendingMs : Math.max(holds.callMs, outcome.expiresAt - Date.now() + 60_000);
          const reference = encodeHostedHold({ id: String(outcome.transactionId), url: null, customer: null, frameAllowed: false, ...(challenge && { challenge }) });
          await holdForShopper(context, attempt, "hosted", reference, ttlMs);
          answer = { status: 200, body };
          break;
        }
        if (typeof outcome.transactionId !== "number") {
          logger.error("checkout: a 3-D Secure challenge the kit completes needs a numeric transaction id", { invoiceId });
          await holdUnknown(context, attempt, String(outcome.transactionId));
          answer = { status: 502, body: errorBody("payment_unconfirmed", MESSAGES.gatewayMismatch) };
          break;
        }
        await holdForShopper(context, attempt, "challenge", String(outcome.transactionId));
        const termUrl = await bindTermUrl(
          options.termUrl,
          {
            transactionId: outcome.transactionId,
            invoiceId,
            attemptId: attempt.attemptId,
            // A little longer than the hold: the return checks the store, not the clock, for what is paid.
            expiresAt: Math.ceil((Date.now() + holds.pendingMs) / 1000) + 300,
            ...(saveAfterChallenge && { save: true }),
          },
          context.signer,
        );
        answer = { status: 200, body: toThreeDs(outcome, termUrl) };
        break;
      }
      case "invalid":
        await settleUnpaid(context, attempt);
        // The gateway's words may help the shop, never a prober: logged, not answered.
        logger.warn("checkout: the gateway refused the payment request", { invoiceId, requestId: input.requestId, gatewayMessage: outcome.message });
        answer = rejected();
        break;
    }
    logger.info?.("checkout: pay", { invoiceId, requestId: input.requestId, status: answer.body.status });
    // An approval or decline the gateway may tell again (RBS's callback, a return): once, under the
    // key its notification and return report with (hosted-settlement.ts), whichever comes first.
    const told = outcome.kind === "approved" && answer.status === 200 ? outcome.transaction : outcome.kind === "declined" ? outcome.transaction : undefined;
    if (told) {
      const status = outcome.kind === "approved" ? `approved:${told.captured ? 1 : 0}` : "declined";
      await context.reportOnce(`${gateway.name}:${referenceOf(told)}:${status}`, event(input, answer, extra));
    } else await context.report(event(input, answer, extra));
    return answer;
  }

  async function callFailed(
    input: AttemptInput,
    attempt: AttemptKey,
    error: unknown,
    giveBack: () => Promise<void>,
    couldHavePaid: boolean,
    reference: string | null = null,
  ): Promise<Answer> {
    logger.warn("checkout: gateway unavailable", { invoiceId: attempt.invoiceId, requestId: input.requestId, ...describeFailure(error) });
    // Unknown: the hold lapses into an unresolved one, which the next claim resolves by asking the gateway.
    if (couldHavePaid && mayHavePaid(error)) await holdUnknown(context, attempt, reference);
    else await settleUnpaid(context, attempt);
    await giveBack();
    const answer = unavailable();
    await context.report(event(input, answer));
    return answer;
  }

  async function payWithCryptogram(input: AttemptInput, attempt: AttemptKey, body: PayRequestBody, giveBack: () => Promise<void>): Promise<Answer> {
    const cryptogram = gateway.cryptogram;
    if (cryptogram === undefined) return rejected();
    const { order, customer } = input;
    // A card is saved only for the merchant's logged-in customer, under that customer's account.
    const save = body.saveCard === true && customer !== null && gateway.savedCards !== undefined;
    const accountId = save ? customer.id : (order.accountId ?? customer?.id);
    const email = order.email ?? body.email;
    let outcome: GatewayPayOutcome;
    try {
      outcome = await cryptogram.pay(
        {
          scheme: order.scheme ?? "charge",
          amount: order.amount,
          currency: order.currency,
          invoiceId: attempt.invoiceId,
          cryptogram: body.cryptogram,
          name: body.name,
          ipAddress: input.ip,
          ...(order.description !== undefined && { description: order.description }),
          // The account a saved card belongs to is the merchant's word, never the browser's.
          ...(accountId !== undefined && { accountId }),
          ...(email !== undefined && { email }),
          ...(save && { saveCard: true }),
        },
        context.callOptions(attempt.attemptId),
      );
    } catch (error) {
      return callFailed(input, attempt, error, giveBack, true);
    }
    return settleCall(input, attempt, outcome, giveBack, save ? customer.id : null, save);
  }

  async function payWithSavedCard(
    input: AttemptInput,
    attempt: AttemptKey,
    card: SavedCard,
    initiator: "shopper" | "merchant",
    email: string | undefined,
    language: string | undefined,
    giveBack: () => Promise<void>,
  ): Promise<Answer> {
    const savedCards = gateway.savedCards;
    if (savedCards === undefined) return rejected();
    const { order } = input;
    const returnUrl = await bindReturnUrl(
      options.termUrl,
      { flow: "3ds", invoiceId: attempt.invoiceId, attemptId: attempt.attemptId, expiresAt: Math.ceil(Date.now() / 1000) + RETURN_URL_LIFETIME_S },
      context.signer,
    );
    const mail = order.email ?? email;
    let outcome: GatewayPayOutcome;
    try {
      outcome = await savedCards.pay(
        {
          scheme: order.scheme ?? "charge",
          amount: order.amount,
          currency: order.currency,
          invoiceId: attempt.invoiceId,
          ipAddress: input.ip,
          token: card.token,
          customerId: card.customerId,
          initiator,
          returnUrl,
          tags: tagsFor(attempt, false),
          ...(order.description !== undefined && { description: order.description }),
          ...(mail !== undefined && { email: mail }),
          ...(language !== undefined && { language }),
          ...(options.notificationUrl !== undefined && { notificationUrl: options.notificationUrl }),
        },
        context.callOptions(attempt.attemptId),
      );
    } catch (error) {
      return callFailed(input, attempt, error, giveBack, true, savedCallHold);
    }
    return settleCall(input, attempt, outcome, giveBack, null, false);
  }

  async function startHosted(
    input: AttemptInput,
    attempt: AttemptKey,
    body: HostedPayRequestBody,
    giveBack: () => Promise<void>,
    startKey: string,
  ): Promise<Answer> {
    const hosted = gateway.hosted;
    if (hosted === undefined) return rejected();
    const { order, customer } = input;
    const save = body.saveCard === true && customer !== null && gateway.savedCards !== undefined;
    const returnUrl = await bindReturnUrl(
      options.termUrl,
      { flow: "page", invoiceId: attempt.invoiceId, attemptId: attempt.attemptId, expiresAt: Math.ceil(Date.now() / 1000) + RETURN_URL_LIFETIME_S },
      context.signer,
    );
    const email = order.email ?? body.email;
    let started: Awaited<ReturnType<typeof hosted.start>>;
    try {
      started = await hosted.start(
        {
          scheme: order.scheme ?? "charge",
          amount: order.amount,
          currency: order.currency,
          invoiceId: attempt.invoiceId,
          ipAddress: input.ip,
          items: receiptLines(order, input.lines),
          returnUrl,
          tags: tagsFor(attempt, save, startKey),
          startKey,
          ...(order.description !== undefined && { description: order.description }),
          ...(email !== undefined && { email }),
          ...(body.language !== undefined && { language: body.language }),
          ...(save && { saveForCustomer: customer.id }),
          ...(options.notificationUrl !== undefined && { notificationUrl: options.notificationUrl }),
        },
        context.callOptions(attempt.attemptId),
      );
    } catch (error) {
      // The gateway may have made the payment although its answer was lost: the hold keeps naming
      // this start, and the next attempt asks the gateway what it made (recoverStart) before any
      // other starts; never a second payment beside it. A gateway that cannot be asked so frees
      // the invoice, since a page whose address reached nobody cannot be paid.
      return callFailed(input, attempt, error, giveBack, hosted.recoverStart !== undefined, encodeStartHold(startKey));
    }
    if (started.kind === "invalid") {
      await settleUnpaid(context, attempt);
      logger.warn("checkout: the gateway refused to start a payment", { invoiceId: attempt.invoiceId, requestId: input.requestId, gatewayMessage: started.message });
      const answer = rejected();
      await context.report(event(input, answer));
      return answer;
    }
    const reference: HostedHoldReference = {
      id: started.reference,
      url: started.url,
      customer: save ? await customerDigest(context.signer, customer.id) : null,
      frameAllowed: started.frameAllowed,
      ...(started.frameWidth !== undefined && { frameWidth: started.frameWidth }),
      ...(started.frameHeight !== undefined && { frameHeight: started.frameHeight }),
    };
    // Nobody else may start a payment while this page can still take one: held until it expires.
    const ttlMs = started.expiresAt === null ? holds.pendingMs : Math.max(holds.callMs, started.expiresAt - Date.now() + 60_000);
    if (!(await holdForShopper(context, attempt, "hosted", encodeHostedHold(reference), ttlMs))) {
      // The claim is no longer this attempt's (its call outlived the hold and another attempt
      // resolved it): a page nobody holds must not reach a shopper, or two pages could take money.
      await giveBack();
      const answer = inProgress();
      await context.report(event(input, answer));
      return answer;
    }
    const answer = redirectAnswer(reference, started.url);
    logger.info?.("checkout: pay on the gateway's page", { invoiceId: attempt.invoiceId, requestId: input.requestId });
    await context.report(event(input, answer));
    return answer;
  }

  return async function runAttempt(input: AttemptInput): Promise<Answer> {
    const { order, requestId, request } = input;
    const { invoiceId, attemptId } = input.attempt;
    // Approvals and the shop's own trouble give the counts back; declines, refusals and
    // 3-D Secure challenges keep them (the return gives them back when the shopper passes).
    const giveBack = () => (input.counted === null ? Promise.resolve() : giveBackAttempt(context, input.counted));

    // The merchant's record first: a paid order is never paid again.
    if (order.paidByRequestId !== undefined) {
      const recorded = (await store.read(invoiceId)).paid;
      // null: the merchant did not note which attempt paid; the store may still know.
      const mine = order.paidByRequestId === null ? recorded?.attemptId === attemptId : order.paidByRequestId === requestId;
      if (!mine) return alreadyPaid();
      await giveBack();
      return replayPayment(input, paidReferenceOf(order) ?? recorded?.reference ?? null);
    }

    if (request.kind === "hosted") {
      let own = (await store.read(invoiceId)).hold;
      const lostStart = own !== null && own.attemptId === attemptId && own.stage === "call" && !own.unresolved ? decodeStartHold(own.reference) : null;
      if (own !== null && lostStart !== null) {
        // This attempt asks again after its start's answer was lost: what did the gateway make?
        const resolved = await resolveStart(context, order, own, { invoiceId, attemptId, lease: own.lease }, lostStart);
        if (resolved.kind === "unavailable") {
          await giveBack();
          return unavailable();
        }
        own = resolved.kind === "held" ? (await store.read(invoiceId)).hold : null;
      }
      // A retry of this very attempt while its page is open answers the same page.
      if (own !== null && own.attemptId === attemptId && own.stage === "hosted" && !own.unresolved) {
        const resolved = await resolveHeld(input, own);
        if (resolved.kind === "answer") {
          await giveBack();
          return resolved.answer;
        }
      }
    }
    // A start names itself in its hold before the call, so a lost answer can be asked about.
    const startKey = newStartKey();

    const claimRequest = {
      attemptId,
      stage: "call" as const,
      ...(request.kind === "hosted" && { reference: encodeStartHold(startKey) }),
      ...(request.kind === "saved" && savedCallHold !== null && { reference: savedCallHold }),
      ttlMs: holds.callMs,
      // A 3-D Secure page nobody finishes must not lock the order: its return checks the store again.
      replaces: ["challenge" as const],
      // Its own retry passes only a call whose outcome is not known yet (the gateway's idempotency
      // answers it), never its open challenge, its page or its 3-D Secure completion.
      renews: ["call" as const],
    };
    let claim = await claimOrResolve(context, invoiceId, order, claimRequest);
    if (claim.kind === "held" && claim.hold.stage === "hosted") {
      // Someone is on the gateway's page: what has that payment come to?
      const resolved = await resolveHeld(input, claim.hold);
      if (resolved.kind === "answer") {
        await giveBack();
        return resolved.answer;
      }
      claim = await claimOrResolve(context, invoiceId, order, claimRequest);
    }
    if (claim.kind !== "claimed") {
      await giveBack();
      switch (claim.kind) {
        case "paid":
          return claim.paid.attemptId === attemptId ? replayPayment(input, claim.paid.reference) : alreadyPaid();
        case "unavailable":
          return unavailable();
        case "held":
          logger.info?.("checkout: another attempt holds the order", { invoiceId, requestId, stage: claim.hold.stage });
          return inProgress();
      }
    }
    const attempt: AttemptKey = { invoiceId, attemptId, lease: claim.lease };

    switch (request.kind) {
      case "card":
        return payWithCryptogram(input, attempt, request.body, giveBack);
      case "hosted":
        return startHosted(input, attempt, request.body, giveBack, startKey);
      case "saved":
        return payWithSavedCard(input, attempt, request.card, request.initiator, request.email, request.language, giveBack);
    }
  };
}
