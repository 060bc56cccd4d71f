// 3-D Secure of binding payments at the sandbox's ACS: the challenge source the ACS reads (MD is
// the orderId) and finish3ds.do, the termUrl the ACS posts MD and the signed PaRes back to. It
// completes the payment and sends the shopper to returnUrl (or failUrl) with `?orderId=`.
import type { Context, Hono } from "hono";
import type { AcsChallengeSource } from "../acs-routes.ts";
import { renderBadRequest } from "../acs-page.ts";
import { pickLang } from "../acs-texts.ts";
import { PAGE_HEADERS } from "../html-page.ts";
import type { RbsContext } from "./context.ts";
import { currencyLetters } from "./currency.ts";
import { FINISH_3DS_PATH } from "./methods.ts";
import { ORDER_STATUS, type RbsOrder } from "./orders.ts";
import { expireIfDue, finishBindingThreeDs, returnAddress } from "./payments.ts";

const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function rbsAcsChallenges(ctx: RbsContext): AcsChallengeSource {
  return (md) => {
    const order = ORDER_ID.test(md) ? ctx.orders.get(md) : undefined;
    const threeDs = order?.threeDs;
    if (order === undefined || threeDs == null || order.card === null) return undefined;
    expireIfDue(ctx, order);
    return {
      paReq: threeDs.paReq,
      open: order.status === ORDER_STATUS.atAcs && !threeDs.paResUsed,
      amount: order.amount / 100,
      currency: currencyLetters(order.currency),
      cardType: order.card.cardType,
      lastFour: order.card.lastFour,
      signPaRes: (authenticated) => ctx.paRes.sign({ transactionId: order.seq, authenticated }),
    };
  };
}

async function readForm(c: Context): Promise<Map<string, string> | null> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return null;
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(await c.req.text())) {
    if (fields.has(name)) return null;
    fields.set(name, value);
  }
  return fields;
}

/** Has the order left the ACS step with an outcome a shopper can be sent back with? */
function outcomeOf(order: RbsOrder): boolean {
  return order.status === ORDER_STATUS.paid || order.status === ORDER_STATUS.held || order.status === ORDER_STATUS.refunded;
}

export function registerFinishThreeDs(app: Hono, ctx: RbsContext): void {
  app.post(FINISH_3DS_PATH, async (c) => {
    const fields = await readForm(c);
    const md = fields?.get("MD") ?? "";
    const order = ORDER_ID.test(md) ? ctx.orders.get(md) : undefined;
    const lang = pickLang(order?.language, c.req.header("accept-language"));
    const bad = (problem: string) => c.body(renderBadRequest(lang, problem), 400, PAGE_HEADERS);
    if (fields === null) return bad("finish3ds.do expects a form post (application/x-www-form-urlencoded) of MD and PaRes");
    if (order === undefined || order.threeDs === null) return bad("MD does not name an order paid by a binding with 3-D Secure");
    const check = ctx.paRes.verify(fields.get("PaRes") ?? "");
    if (!check.ok) return bad("Invalid PaRes: signature check failed");
    if (check.content.transactionId !== order.seq) return bad("Invalid PaRes: it belongs to another order");
    expireIfDue(ctx, order);
    if (order.status !== ORDER_STATUS.atAcs || order.threeDs.paResUsed) {
      // A genuine PaRes posted again (back button, reload): nothing changes, the shopper goes back.
      return c.redirect(returnAddress(order, outcomeOf(order)), 303);
    }
    order.threeDs.paResUsed = true;
    const approved = finishBindingThreeDs(ctx, order, check.content.authenticated);
    return c.redirect(returnAddress(order, approved), 303);
  });
  app.all(FINISH_3DS_PATH, (c) =>
    c.body(renderBadRequest(pickLang(null, c.req.header("accept-language")), "finish3ds.do expects a form post of MD and PaRes"), 405, PAGE_HEADERS),
  );
}
