// `POST {termUrl}?tx=<id>` from the ACS (form fields MD, PaRes): post3ds once per
// transaction, then tell the widget. `GET {termUrl}?script=1` serves the page's script.
import { GatewayError } from "../client/index.ts";
import type { ThreeDsOutcome } from "../contract.ts";
import type { GatewayPayOutcome } from "../gateway/index.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import { OutcomeCache } from "./outcome-cache.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { post3dsRequestId } from "./request-id.ts";
import { boundTransactionId, parseTransactionId } from "./term-url-binding.ts";
import {
  RESULT_SCRIPT,
  SCRIPT_QUERY_PARAM,
  errorPage,
  pageSecurityHeaders,
  redirectUrl,
  resultPage,
} from "./three-ds-page.ts";
import { toFinalOutcome, transactionOf } from "./to-pay-response.ts";

// A PaRes is a few KB; the ACS form has two fields.
export const THREE_DS_BODY_LIMIT = 64 * 1024;

interface Recorded {
  result: ThreeDsOutcome;
  /** Only final outcomes (approved, declined) are remembered and replayed. */
  final: boolean;
  gatewayModel?: unknown;
  invoiceId: string | null;
}

function htmlResponse(html: string, status: number, headers: Record<string, string>): Response {
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });
}

export function createThreeDsReturnHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { options, gateway, logger } = context;
  const securityHeaders = pageSecurityHeaders(context.allowedOrigins);

  function badRequest(status: number, reason: string): Response {
    logger.warn("checkout: bad 3-D Secure return", { reason });
    return htmlResponse(errorPage(), status, securityHeaders);
  }

  async function complete(transactionId: number, paRes: string): Promise<Recorded> {
    let outcome: GatewayPayOutcome;
    try {
      // A fixed key per transaction and PaRes: if this instance forgot the outcome (restart,
      // eviction, another instance), the gateway itself answers the first result again.
      const requestId = await post3dsRequestId(transactionId, paRes);
      outcome = await gateway.completeThreeDs({ transactionId, paRes }, { requestId });
      if (outcome.kind === "invalid") {
        // e.g. "PaRes already used": the transaction may be final all the same.
        const known = await gateway.findOutcome(transactionId);
        if (known) outcome = known;
      }
    } catch (error) {
      logger.warn("checkout: gateway unavailable for post3ds", {
        transactionId,
        code: error instanceof GatewayError ? error.code : "unknown",
      });
      return { result: { status: "error", message: MESSAGES.gatewayUnavailable }, final: false, invoiceId: null };
    }
    const final = toFinalOutcome(outcome);
    const transaction = transactionOf(outcome);
    const recorded: Recorded = {
      result: final ?? { status: "error", message: outcome.kind === "invalid" ? outcome.message : MESSAGES.unexpected },
      final: final !== null,
      invoiceId: transaction?.invoiceId ?? null,
    };
    if (transaction) recorded.gatewayModel = transaction.raw;
    return recorded;
  }

  // Final outcomes by transaction; calls in flight by transaction and PaRes, so that a
  // forged post cannot decide the answer to the genuine one.
  const finals = new OutcomeCache<Recorded>(options.replayCacheSize ?? 10_000);
  const inFlight = new Map<string, Promise<Recorded>>();

  async function outcomeFor(transactionId: number, paRes: string): Promise<ThreeDsOutcome> {
    const recorded = finals.get(transactionId);
    if (recorded) return recorded.result;
    const key = `${transactionId}\n${paRes}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = complete(transactionId, paRes);
      inFlight.set(key, pending);
      // then(f, f), not finally: a rejection is the caller's to handle, not an unhandled one here.
      const forget = () => inFlight.delete(key);
      void pending.then(forget, forget);
    } else {
      return (await pending).result;
    }
    const done = await pending;
    if (done.final && !finals.get(transactionId)) {
      finals.set(transactionId, done);
      logger.info?.("checkout: 3-D Secure return", { transactionId, status: done.result.status });
      await context.report({
        stage: "threeDsReturn",
        invoiceId: done.invoiceId,
        result: done.result,
        ...(done.gatewayModel !== undefined && { gatewayModel: done.gatewayModel }),
      });
    } else if (!done.final) {
      await context.report({ stage: "threeDsReturn", invoiceId: done.invoiceId, result: done.result });
    }
    return done.result;
  }

  return async function threeDsReturn(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "GET" && url.searchParams.has(SCRIPT_QUERY_PARAM)) {
      return new Response(RESULT_SCRIPT, {
        status: 200,
        headers: {
          "Content-Type": "text/javascript; charset=utf-8",
          "Cache-Control": "public, max-age=3600",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }
    if (request.method !== "POST") {
      return new Response(MESSAGES.methodNotAllowed, { status: 405, headers: { Allow: "GET, POST" } });
    }
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") return badRequest(415, "content type");

    const read = await readLimitedBody(request, THREE_DS_BODY_LIMIT);
    if (!read.ok) return badRequest(read.reason === "too_large" ? 413 : 400, read.reason);
    const form = new URLSearchParams(read.text);
    const transactionId = parseTransactionId(form.get("MD"));
    const paRes = form.get("PaRes");
    if (transactionId === null) return badRequest(400, "MD");
    if (!paRes) return badRequest(400, "PaRes");
    if (boundTransactionId(request.url) !== transactionId) return badRequest(400, "MD does not match TermUrl");

    const result = await outcomeFor(transactionId, paRes);

    // Top-level navigation (Sec-Fetch-Dest: document): redirect now. Framed or unknown:
    // the page's script posts to the parent, or redirects when it finds itself on top.
    if (request.headers.get("sec-fetch-dest") === "document") {
      return new Response(null, {
        status: 303,
        headers: { Location: redirectUrl(options.returnUrl, transactionId, result), "Cache-Control": "no-store" },
      });
    }
    return htmlResponse(
      resultPage(transactionId, result, context.allowedOrigins, options.returnUrl),
      200,
      securityHeaders,
    );
  };
}
