// Subscriptions by token. The sandbox records them and answers get/cancel; it does not run
// the schedule (no charges happen later).
import crypto from "node:crypto";
import type { ApiAnswer } from "./api-answer.ts";
import { ok, refused } from "./api-answer.ts";
import { BoundedMap } from "./bounded-map.ts";
import type { GatewayContext } from "./gateway-context.ts";
import type { Currency, Params } from "./params.ts";
import {
  optionalEmail,
  optionalInteger,
  requiredAmount,
  requiredBoolean,
  requiredChoice,
  requiredCurrency,
  requiredDateTime,
  requiredInteger,
  requiredString,
} from "./params.ts";
import { CURRENCY_CODES, isoDate, msJsonDate, toMajor } from "./transactions.ts";

const INTERVALS = ["Day", "Week", "Month"] as const;
type Interval = (typeof INTERVALS)[number];
// Day = 2 is documented; Week and Month are the sandbox's guess.
const INTERVAL_CODES: Record<Interval, number> = { Week: 0, Month: 1, Day: 2 };

interface SubscriptionRecord {
  id: string;
  accountId: string;
  description: string;
  email: string | null;
  amountMinor: number;
  currency: Currency;
  requireConfirmation: boolean;
  startDate: Date;
  interval: Interval;
  period: number;
  maxPeriods: number | null;
  status: "Active" | "Cancelled";
}

export class SubscriptionStore {
  readonly records: BoundedMap<string, SubscriptionRecord>;
  constructor(max: number) {
    this.records = new BoundedMap(max);
  }
}

function toModel(s: SubscriptionRecord) {
  return {
    Id: s.id,
    AccountId: s.accountId,
    Description: s.description,
    Email: s.email,
    Amount: toMajor(s.amountMinor),
    CurrencyCode: CURRENCY_CODES[s.currency],
    Currency: s.currency,
    RequireConfirmation: s.requireConfirmation,
    StartDate: msJsonDate(s.startDate),
    StartDateIso: isoDate(s.startDate),
    IntervalCode: INTERVAL_CODES[s.interval],
    Interval: s.interval,
    Period: s.period,
    MaxPeriods: s.maxPeriods,
    CultureName: "ru",
    StatusCode: s.status === "Active" ? 0 : 3,
    Status: s.status,
    SuccessfulTransactionsNumber: 0,
    FailedTransactionsNumber: 0,
    LastTransactionDate: null,
    LastTransactionDateIso: null,
    NextTransactionDate: s.status === "Active" ? msJsonDate(s.startDate) : null,
    NextTransactionDateIso: s.status === "Active" ? isoDate(s.startDate) : null,
    Receipt: null,
    FailoverSchemeId: null,
  };
}

export function createSubscription(ctx: GatewayContext, params: Params): ApiAnswer {
  const token = requiredString(params, "Token");
  const accountId = requiredString(params, "AccountId");
  const description = requiredString(params, "Description", 1000);
  const email = optionalEmail(params);
  const amountMinor = requiredAmount(params);
  const currency = requiredCurrency(params);
  const requireConfirmation = requiredBoolean(params, "RequireConfirmation");
  const startDate = requiredDateTime(params, "StartDate");
  const interval = requiredChoice(params, "Interval", INTERVALS);
  const period = requiredInteger(params, "Period", 1, 1000);
  const maxPeriods = optionalInteger(params, "MaxPeriods", 1, 100_000);
  if (ctx.tokens.find(token, accountId) === undefined) return refused("Token not found for this AccountId");
  const record: SubscriptionRecord = {
    id: `sc_${crypto.randomBytes(14).toString("hex")}`,
    accountId,
    description,
    email,
    amountMinor,
    currency,
    requireConfirmation,
    startDate,
    interval,
    period,
    maxPeriods,
    status: "Active",
  };
  ctx.subscriptions.records.set(record.id, record);
  return ok(toModel(record));
}

export function getSubscription(ctx: GatewayContext, params: Params): ApiAnswer {
  const record = ctx.subscriptions.records.get(requiredString(params, "Id"));
  return record === undefined ? refused("Subscription not found") : ok(toModel(record));
}

export function cancelSubscription(ctx: GatewayContext, params: Params): ApiAnswer {
  const record = ctx.subscriptions.records.get(requiredString(params, "Id"));
  if (record === undefined) return refused("Subscription not found");
  if (record.status === "Cancelled") return refused("Subscription is already cancelled");
  record.status = "Cancelled";
  return ok();
}
