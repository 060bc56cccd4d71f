// Payment links (orders). The sandbox records them and returns a link to a small page of its own.
import crypto from "node:crypto";
import type { ApiAnswer } from "./api-answer.ts";
import { ok } from "./api-answer.ts";
import { BoundedMap } from "./bounded-map.ts";
import type { GatewayContext } from "./gateway-context.ts";
import type { Params } from "./params.ts";
import {
  optionalBoolean,
  optionalEmail,
  optionalString,
  requiredAmount,
  requiredCurrency,
  requiredString,
} from "./params.ts";
import { CURRENCY_CODES, isoDate, msJsonDate, toMajor } from "./transactions.ts";

export interface OrderModel {
  Id: string;
  Number: number;
  Amount: number;
  Currency: string;
  CurrencyCode: number;
  Email: string | null;
  Phone: string | null;
  Description: string;
  RequireConfirmation: boolean;
  Url: string;
  CultureName: string;
  CreatedDate: string;
  CreatedDateIso: string;
  PaymentDate: null;
  PaymentDateIso: null;
  StatusCode: 0;
  Status: "Created";
  InternalId: number;
}

export class OrderStore {
  readonly orders: BoundedMap<string, OrderModel>;
  private nextNumber = 1;
  constructor(max: number) {
    this.orders = new BoundedMap(max);
  }
  takeNumber(): number {
    return this.nextNumber++;
  }
}

export function createOrder(ctx: GatewayContext, params: Params): ApiAnswer {
  const amountMinor = requiredAmount(params);
  const currency = requiredCurrency(params);
  const description = requiredString(params, "Description", 1000);
  const email = optionalEmail(params);
  const requireConfirmation = optionalBoolean(params, "RequireConfirmation") ?? false;
  optionalBoolean(params, "SendEmail");
  const phone = optionalString(params, "Phone", 32);
  const id = crypto.randomBytes(12).toString("hex");
  const number = ctx.orders.takeNumber();
  const now = ctx.now();
  const order: OrderModel = {
    Id: id,
    Number: number,
    Amount: toMajor(amountMinor),
    Currency: currency,
    CurrencyCode: CURRENCY_CODES[currency],
    Email: email,
    Phone: phone,
    Description: description,
    RequireConfirmation: requireConfirmation,
    Url: `${ctx.baseUrl()}/orders/d/${id}`,
    CultureName: "ru-RU",
    CreatedDate: msJsonDate(now),
    CreatedDateIso: isoDate(now),
    PaymentDate: null,
    PaymentDateIso: null,
    StatusCode: 0,
    Status: "Created",
    InternalId: number,
  };
  ctx.orders.orders.set(id, order);
  return ok(order);
}
