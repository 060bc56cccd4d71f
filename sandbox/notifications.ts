// CloudPayments notifications: after a payment is approved (Pay) or declined (Fail), confirmed,
// refunded or voided (Cancel), the gateway calls the shop's address for that type with the
// operation's fields as a form, signed `Content-HMAC: base64(HMAC-SHA256(API Secret, body))`
// (and `X-Content-HMAC` over the decoded body), and retries until the shop answers `{"code":0}`.
// The sandbox sends only to loopback addresses, from a bounded queue.
import crypto from "node:crypto";
import { ok, refused, type ApiAnswer } from "./api-answer.ts";
import { DeliveryQueue, type DeliveryQueueOptions, type DeliveryRecord } from "./delivery-queue.ts";
import { optionalBoolean, optionalString, requiredChoice, type Params } from "./params.ts";
import { isLoopbackUrl } from "./loopback.ts";
import type { TransactionRecord } from "./transactions.ts";
import { toModel } from "./transactions.ts";

export const NOTIFICATION_TYPES = ["Pay", "Fail", "Confirm", "Refund", "Cancel"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** One type's settings, as `/site/notifications/{Type}/get` answers them. */
export interface NotificationSettings {
  IsEnabled: boolean;
  Address: string | null;
  HttpMethod: "GET" | "POST";
  Encoding: "UTF8";
  Format: "CloudPayments";
}

export interface NotificationOptions extends Omit<DeliveryQueueOptions, "accept"> {
  /** The shop's address per type; a type without one is not sent. */
  urls?: Partial<Record<NotificationType, string>>;
  /** Default POST (a form body); GET puts the fields in the query. */
  httpMethod?: "GET" | "POST";
}

export interface NotificationDelivery extends Omit<DeliveryRecord, "tag"> {
  type: NotificationType;
  fields: Record<string, string>;
}

/** The type a path segment names, in any case ("pay", "Pay"). */
export function notificationTypeOf(text: string): NotificationType | null {
  return NOTIFICATION_TYPES.find((type) => type.toLowerCase() === text.toLowerCase()) ?? null;
}

/** `yyyy-MM-dd HH:mm:ss` in UTC, as the notifications write dates. */
const dateTime = (date: Date): string => date.toISOString().slice(0, 19).replace("T", " ");
const money = (minor: number): string => (minor / 100).toFixed(2);

function put(fields: Record<string, string>, name: string, value: string | number | null | undefined): void {
  if (value !== null && value !== undefined && value !== "") fields[name] = String(value);
}

/** The fields of one notification, named as the gateway names them; optional ones only when known. */
export function notificationFields(type: NotificationType, record: TransactionRecord, publicId: string, at: Date, original?: TransactionRecord): Record<string, string> {
  const model = toModel(record, publicId);
  const fields: Record<string, string> = {};
  const common = () => {
    put(fields, "InvoiceId", model.InvoiceId);
    put(fields, "AccountId", model.AccountId);
    put(fields, "Email", model.Email);
    put(fields, "Data", model.JsonData);
  };
  const card = () => {
    put(fields, "Currency", model.Currency);
    put(fields, "PaymentAmount", money(record.amountMinor));
    put(fields, "PaymentCurrency", model.PaymentCurrency);
    put(fields, "CardFirstSix", model.CardFirstSix);
    put(fields, "CardLastFour", model.CardLastFour);
    put(fields, "CardType", model.CardType);
    put(fields, "CardExpDate", model.CardExpDate);
    put(fields, "TestMode", "1");
  };
  const payer = () => {
    put(fields, "Name", model.Name);
    put(fields, "IpAddress", model.IpAddress);
    put(fields, "Issuer", model.Issuer);
    put(fields, "IssuerBankCountry", model.IssuerBankCountry);
    put(fields, "Description", model.Description);
    put(fields, "Token", model.Token);
  };
  put(fields, "TransactionId", record.id);
  put(fields, "Amount", money(record.amountMinor));
  put(fields, "DateTime", dateTime(at));
  switch (type) {
    case "Pay":
      card();
      put(fields, "Status", model.Status);
      put(fields, "GatewayName", model.GatewayName);
      put(fields, "AuthCode", model.AuthCode);
      put(fields, "TotalFee", "0");
      put(fields, "OperationType", "Payment");
      break;
    case "Fail":
      card();
      put(fields, "Reason", model.Reason);
      put(fields, "ReasonCode", model.ReasonCode);
      put(fields, "OperationType", "Payment");
      break;
    case "Confirm":
      card();
      put(fields, "Status", "Completed");
      put(fields, "AuthCode", model.AuthCode);
      break;
    case "Refund":
      put(fields, "PaymentTransactionId", original?.id ?? record.originalTransactionId);
      put(fields, "OperationType", "Refund");
      break;
  }
  common();
  if (type === "Pay" || type === "Fail" || type === "Confirm") payer();
  return fields;
}

const hmac = (secret: string, text: string) => crypto.createHmac("sha256", secret).update(text, "utf8").digest("base64");

/** The gateway's answer the shop must give: JSON `{"code":0}`. */
function accepted(status: number, body: string): boolean {
  if (status < 200 || status > 299) return false;
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === "object" && parsed !== null && (parsed as { code?: unknown }).code === 0;
  } catch {
    return false;
  }
}

export class CloudPaymentsNotifier {
  readonly #settings = new Map<NotificationType, NotificationSettings>();
  readonly #queue: DeliveryQueue<{ type: NotificationType; fields: Record<string, string> }>;

  constructor(
    private readonly apiSecret: string,
    private readonly publicId: string,
    options: NotificationOptions = {},
  ) {
    for (const type of NOTIFICATION_TYPES) {
      const address = options.urls?.[type] ?? null;
      this.#settings.set(type, { IsEnabled: address !== null, Address: address, HttpMethod: options.httpMethod ?? "POST", Encoding: "UTF8", Format: "CloudPayments" });
    }
    this.#queue = new DeliveryQueue({ ...options, accept: accepted });
  }

  settings(type: NotificationType): NotificationSettings {
    const current = this.#settings.get(type);
    if (current === undefined) throw new RangeError(`Unknown notification type ${type}`);
    return { ...current };
  }

  update(type: NotificationType, change: Pick<NotificationSettings, "IsEnabled" | "Address" | "HttpMethod">): void {
    this.#settings.set(type, { ...this.settings(type), ...change });
  }

  /** Queues the notification of `type` for `record`, if that type is enabled; returns at once. */
  notify(type: NotificationType, record: TransactionRecord, at: Date, original?: TransactionRecord): void {
    const settings = this.settings(type);
    if (!settings.IsEnabled || settings.Address === null) return;
    const fields = notificationFields(type, record, this.publicId, at, original);
    const body = new URLSearchParams(fields).toString();
    const address = new URL(settings.Address);
    // A GET is signed over the whole query string the shop receives, its own part included.
    const signed = settings.HttpMethod === "GET" ? (address.search === "" ? body : `${address.search.slice(1)}&${body}`) : body;
    const headers = {
      "Content-HMAC": hmac(this.apiSecret, signed),
      "X-Content-HMAC": hmac(this.apiSecret, decodeURIComponent(signed.replace(/\+/g, " "))),
    };
    const request =
      settings.HttpMethod === "GET"
        ? { url: `${address.origin}${address.pathname}?${signed}`, method: "GET" as const, headers }
        : {
            url: settings.Address,
            method: "POST" as const,
            headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
            body,
          };
    this.#queue.enqueue(request, { type, fields });
  }

  /** The last deliveries and drops, oldest first (at most 200). */
  deliveries(): NotificationDelivery[] {
    return this.#queue.deliveries().map(({ tag, ...record }) => ({ ...record, ...tag }));
  }

  close(): void {
    this.#queue.close();
  }
}

/** `/site/notifications/{Type}/get`: the type's settings. */
export function getNotificationSettings(notifier: CloudPaymentsNotifier, type: NotificationType): ApiAnswer {
  return ok(notifier.settings(type));
}

/**
 * `/site/notifications/{Type}/update`: IsEnabled (default false), Address (required when
 * enabled), HttpMethod (GET/POST, default GET), Encoding (UTF8), Format (CloudPayments).
 */
export function updateNotificationSettings(notifier: CloudPaymentsNotifier, type: NotificationType, params: Params): ApiAnswer {
  const enabled = optionalBoolean(params, "IsEnabled") ?? false;
  const address = optionalString(params, "Address", 2048);
  const method = params.get("HttpMethod") === undefined ? "GET" : requiredChoice(params, "HttpMethod", ["GET", "POST"] as const);
  if (params.get("Encoding") !== undefined) requiredChoice(params, "Encoding", ["UTF8"] as const);
  if (params.get("Format") !== undefined) requiredChoice(params, "Format", ["CloudPayments"] as const);
  if (enabled && address === null) return refused("Address is required");
  if (address !== null && !isLoopbackUrl(address)) return refused("The sandbox sends notifications only to loopback addresses (127.0.0.1, ::1, localhost)");
  notifier.update(type, { IsEnabled: enabled, Address: address, HttpMethod: method });
  return ok();
}
