// The RBS REST methods. Each reads its parameters, checks the order's state and answers the
// platform's JSON; a refusal is thrown as an RbsRefusal. Handlers are synchronous, so one order's
// state changes cannot interleave.
import { refusals, successAnswer, type RbsAnswer, type RbsLang } from "./answers.ts";
import { expiryText, maskedPan } from "./bindings.ts";
import type { RbsContext } from "./context.ts";
import { DEFAULT_RBS_CURRENCY, RBS_CURRENCIES } from "./currency.ts";
import { ORDER_STATUS, STATUS_NAMES, type RbsOrder } from "./orders.ts";
import {
  optionalHttpUrl,
  optionalInteger,
  optionalJsonParams,
  requiredHttpUrl,
  requiredIp,
  requiredKopecks,
  type RbsParams,
} from "./params.ts";
import { expireIfDue, notify, payByBinding, returnAddress } from "./payments.ts";
import { isLoopbackUrl } from "../loopback.ts";
import { statusAnswer } from "./status-answer.ts";

export type RbsMethod = (ctx: RbsContext, params: RbsParams, lang: RbsLang) => RbsAnswer;

const DEFAULT_SESSION_SECS = 1200;
const MAX_SESSION_SECS = 30 * 24 * 3600;
const FEATURES = ["AUTO_PAYMENT"] as const;

/** The form page's address for an order; `lang` only when the order asked for a language. */
export const FORM_PATH = "/payment/merchants/sandbox/form";

function register(ctx: RbsContext, params: RbsParams, twoStage: boolean): RbsAnswer {
  const orderNumber = params.required("orderNumber", 36);
  const amount = requiredKopecks(params);
  const returnUrl = requiredHttpUrl(params, "returnUrl");
  const failUrl = optionalHttpUrl(params, "failUrl");
  const currency = params.text("currency", 3) ?? DEFAULT_RBS_CURRENCY;
  if (RBS_CURRENCIES[currency] === undefined) throw refusals.unknownCurrency();
  const description = params.text("description", 598);
  const languageText = params.text("language", 2);
  if (languageText !== null && languageText !== "ru" && languageText !== "en") throw refusals.invalid("language");
  const clientId = params.text("clientId", 255);
  const features = params.text("features", 64);
  if (features !== null && !FEATURES.some((f) => f === features)) throw refusals.invalid("features");
  const autoPayment = features === "AUTO_PAYMENT";
  if (autoPayment && clientId === null) throw refusals.missing("clientId");
  const merchantParams = optionalJsonParams(params);
  const sessionSecs = optionalInteger(params, "sessionTimeoutSecs", 1, MAX_SESSION_SECS) ?? DEFAULT_SESSION_SECS;
  const callbackUrl = optionalHttpUrl(params, "dynamicCallbackUrl");
  if (callbackUrl !== null && !isLoopbackUrl(callbackUrl)) {
    throw refusals.invalid("dynamicCallbackUrl", {
      ru: "песочница отправляет уведомления только на адреса loopback (127.0.0.1, ::1, localhost)",
      en: "the sandbox sends notifications to loopback addresses only (127.0.0.1, ::1, localhost)",
    });
  }
  if (ctx.orders.hasNumber(orderNumber)) throw refusals.orderNumberUsed();

  const now = ctx.now();
  const order = ctx.orders.create({
    orderNumber,
    twoStage,
    amount,
    currency,
    returnUrl,
    failUrl,
    description,
    language: languageText,
    clientId,
    autoPayment,
    merchantParams,
    callbackUrl,
    createdAt: now,
    expiresAt: new Date(now.getTime() + sessionSecs * 1000),
  });
  const form = new URL(`${ctx.baseUrl()}${FORM_PATH}/${order.id}`);
  if (languageText !== null) form.searchParams.set("lang", languageText);
  return { orderId: order.id, formUrl: form.toString() };
}

/** The order an `orderId` (or, where allowed, `orderNumber`) names, with its timeout applied. */
function findOrder(ctx: RbsContext, params: RbsParams, options: { idName?: string; byNumber?: boolean } = {}): RbsOrder {
  const idName = options.idName ?? "orderId";
  const id = params.text(idName, 36);
  const number = options.byNumber ? params.text("orderNumber", 36) : null;
  if (id === null && number === null) throw refusals.missing(options.byNumber ? "orderId/orderNumber" : idName);
  // orderId wins when both are given, as on the platform.
  const order = id !== null ? ctx.orders.get(id) : number !== null ? ctx.orders.byNumber(number) : undefined;
  if (order === undefined) throw refusals.orderNotFound();
  expireIfDue(ctx, order);
  return order;
}

function wrongState(order: RbsOrder, needed: string, neededRu: string): never {
  throw refusals.wrongState({
    ru: `нужен статус «${neededRu}», заказ в статусе ${order.status}`,
    en: `it must be ${needed}; its orderStatus is ${order.status} (${STATUS_NAMES[order.status]})`,
  });
}

function deposit(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  const order = findOrder(ctx, params);
  const amount = requiredKopecks(params, "amount", { allowZero: true });
  if (order.status !== ORDER_STATUS.held) wrongState(order, "held (orderStatus 1)", "захолдирован (1)");
  const total = amount === 0 ? order.approvedAmount : amount;
  if (total > order.approvedAmount) {
    throw refusals.invalid("amount", { ru: "больше захолдированной суммы", en: "more than the held amount" });
  }
  order.status = ORDER_STATUS.paid;
  order.depositedAmount = total;
  order.depositedAt = ctx.now();
  notify(ctx, order, "deposited", 1);
  return successAnswer(lang);
}

function reverse(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  const order = findOrder(ctx, params);
  if (order.status !== ORDER_STATUS.held) wrongState(order, "held (orderStatus 1)", "захолдирован (1)");
  order.status = ORDER_STATUS.reversed;
  notify(ctx, order, "reversed", 1);
  return successAnswer(lang);
}

function refund(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  const order = findOrder(ctx, params);
  const amount = requiredKopecks(params);
  if (order.status !== ORDER_STATUS.paid && order.status !== ORDER_STATUS.refunded) {
    wrongState(order, "paid (orderStatus 2) or partly refunded (4)", "оплачен (2) или частично возвращён (4)");
  }
  if (order.refundedAmount + amount > order.depositedAmount) {
    throw refusals.invalid("amount", { ru: "сумма возвратов больше оплаченной", en: "refunds would exceed the paid amount" });
  }
  order.refundedAmount += amount;
  order.status = ORDER_STATUS.refunded;
  notify(ctx, order, "refunded", 1);
  return successAnswer(lang);
}

/**
 * Declines an order nobody has paid (the platform's decline.do, by orderId or orderNumber): its
 * page takes no payment from then on and the order is reversed (orderStatus 3) with nothing
 * approved. An order at the ACS or already paid or ended is refused (errorCode 7).
 */
function decline(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  const order = findOrder(ctx, params, { byNumber: true });
  if (order.status !== ORDER_STATUS.registered) wrongState(order, "registered and unpaid (orderStatus 0)", "зарегистрирован (0)");
  order.status = ORDER_STATUS.reversed;
  return successAnswer(lang);
}

function getOrderStatusExtended(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  return statusAnswer(findOrder(ctx, params, { byNumber: true }), lang);
}

/** The ACS's hand-back address for binding payments. */
export const FINISH_3DS_PATH = "/payment/rest/finish3ds.do";

function paymentOrderBinding(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  const order = findOrder(ctx, params, { idName: "mdOrder" });
  const bindingId = params.required("bindingId", 255);
  const ip = requiredIp(params);
  if (order.status !== ORDER_STATUS.registered) wrongState(order, "registered and unpaid (orderStatus 0)", "зарегистрирован (0)");
  const binding = ctx.bindings.get(bindingId);
  // Another client's binding is as unknown as a missing one: the answer tells nothing about it.
  if (binding === undefined || order.clientId === null || binding.clientId !== order.clientId) throw refusals.bindingNotFound();
  if (!binding.active) throw refusals.bindingInactive();

  const step = payByBinding(ctx, order, binding, ip);
  const info = {
    ru: "Ваш платёж обработан, происходит переадресация...",
    en: "Your payment has been processed, redirecting...",
  };
  if (step.kind === "3ds") {
    // The order's language reaches the bank's page as the form page gets it: `lang` only when asked.
    const acs = new URL(`${ctx.baseUrl()}/acs`);
    if (order.language !== null) acs.searchParams.set("lang", order.language);
    return successAnswer(lang, {
      info: info[lang],
      acsUrl: acs.toString(),
      paReq: step.paReq,
      termUrl: `${ctx.baseUrl()}${FINISH_3DS_PATH}`,
    });
  }
  return successAnswer(lang, { info: info[lang], redirect: returnAddress(order, step.approved) });
}

const BINDING_TYPES = ["C", "I", "R", "CR"];

function getBindings(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  const clientId = params.required("clientId", 255);
  const bindingType = params.text("bindingType", 2);
  if (bindingType !== null && !BINDING_TYPES.includes(bindingType)) throw refusals.invalid("bindingType");
  const bindings = ctx.bindings.activeOf(clientId);
  if (bindings.length === 0) throw refusals.noBindings();
  return successAnswer(lang, {
    bindings: bindings.map((b) => ({ bindingId: b.id, maskedPan: maskedPan(b.card), expiryDate: expiryText(b.card), clientId: b.clientId })),
  });
}

function unBindCard(ctx: RbsContext, params: RbsParams, lang: RbsLang): RbsAnswer {
  const binding = ctx.bindings.get(params.required("bindingId", 255));
  if (binding === undefined) throw refusals.bindingNotFound();
  if (!binding.active) throw refusals.bindingInactive();
  binding.active = false;
  return successAnswer(lang);
}

export const RBS_METHODS: Readonly<Record<string, RbsMethod>> = {
  "register.do": (ctx, params) => register(ctx, params, false),
  "registerPreAuth.do": (ctx, params) => register(ctx, params, true),
  "getOrderStatusExtended.do": getOrderStatusExtended,
  "deposit.do": deposit,
  "reverse.do": reverse,
  "decline.do": decline,
  "refund.do": refund,
  "paymentOrderBinding.do": paymentOrderBinding,
  "getBindings.do": getBindings,
  "unBindCard.do": unBindCard,
};
