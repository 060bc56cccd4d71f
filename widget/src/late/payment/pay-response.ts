// Strict readers for what arrives from outside: the /pay answer and the 3-D Secure result message.
// Anything that does not match the contract exactly is null, so the flow can fail safely.
import type {
  PayApproved,
  PayDeclined,
  PayError,
  PayResponse,
  PayThreeDs,
  ThreeDsOutcome,
  ThreeDsResultMessage,
} from "../../../../server/contract.ts";
import { isRecord } from "../../shared/index.ts";
import { isPayErrorCode } from "./failures.ts";

type Fields = Record<string, unknown>;

function isTransactionId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isOptional<T>(value: unknown, check: (v: unknown) => v is T): value is T | undefined {
  return value === undefined || check(value);
}

function isPositiveInteger(value: unknown): value is number {
  return isInteger(value) && value > 0;
}

/** Only http(s) pages may be opened as the ACS: never `javascript:` or `data:`. */
function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

function readApproved(v: Fields): PayApproved | null {
  if (
    !isTransactionId(v.transactionId) ||
    typeof v.amount !== "number" ||
    !Number.isFinite(v.amount) ||
    !isString(v.currency) ||
    !isString(v.cardType) ||
    !isString(v.cardLastFour) ||
    !/^\d{4}$/.test(v.cardLastFour) ||
    !isString(v.authCode) ||
    !isOptional(v.token, isString)
  ) {
    return null;
  }
  const result: PayApproved = {
    status: "approved",
    transactionId: v.transactionId,
    amount: v.amount,
    currency: v.currency,
    cardType: v.cardType,
    cardLastFour: v.cardLastFour,
    authCode: v.authCode,
  };
  if (v.token !== undefined) result.token = v.token;
  return result;
}

function readDeclined(v: Fields): PayDeclined | null {
  if (
    !isOptional(v.transactionId, isTransactionId) ||
    !isInteger(v.reasonCode) ||
    !isString(v.reason) ||
    !isString(v.message)
  ) {
    return null;
  }
  const result: PayDeclined = { status: "declined", reasonCode: v.reasonCode, reason: v.reason, message: v.message };
  if (v.transactionId !== undefined) result.transactionId = v.transactionId;
  return result;
}

function readThreeDs(v: Fields): PayThreeDs | null {
  if (
    !isTransactionId(v.transactionId) ||
    !isHttpUrl(v.acsUrl) ||
    !isString(v.paReq) ||
    v.paReq === "" ||
    !isHttpUrl(v.termUrl) ||
    typeof v.iframeAllowed !== "boolean" ||
    !isOptional(v.frameWidth, isPositiveInteger) ||
    !isOptional(v.frameHeight, isPositiveInteger)
  ) {
    return null;
  }
  const result: PayThreeDs = {
    status: "3ds",
    transactionId: v.transactionId,
    acsUrl: v.acsUrl,
    paReq: v.paReq,
    termUrl: v.termUrl,
    iframeAllowed: v.iframeAllowed,
  };
  if (v.frameWidth !== undefined) result.frameWidth = v.frameWidth;
  if (v.frameHeight !== undefined) result.frameHeight = v.frameHeight;
  return result;
}

/** An error answer; its `code` only when this widget knows it (an unknown one is read by HTTP status). */
function readError(v: Fields): PayError | null {
  if (!isString(v.message)) return null;
  const error: PayError = { status: "error", message: v.message };
  if (isPayErrorCode(v.code)) error.code = v.code;
  return error;
}

/** A `/pay` answer, copied field by field (unknown extra fields are dropped), or null. */
export function parsePayResponse(value: unknown): PayResponse | null {
  if (!isRecord(value)) return null;
  switch (value.status) {
    case "approved":
      return readApproved(value);
    case "declined":
      return readDeclined(value);
    case "3ds":
      return readThreeDs(value);
    case "error":
      return readError(value);
    default:
      return null;
  }
}

/** The final outcome a 3-D Secure return page reports: approved, declined or error. */
export function parseThreeDsOutcome(value: unknown): ThreeDsOutcome | null {
  const parsed = parsePayResponse(value);
  return parsed === null || parsed.status === "3ds" ? null : parsed;
}

const RESULT_MESSAGE_TYPE: ThreeDsResultMessage["type"] = "checkout-widget:3ds-result";
const CONTRACT_VERSION: ThreeDsResultMessage["version"] = 1;

/** A `postMessage` payload from the threeDsReturn page, or null when it is anything else. */
export function parseThreeDsResultMessage(value: unknown): ThreeDsResultMessage | null {
  if (!isRecord(value) || value.type !== RESULT_MESSAGE_TYPE || value.version !== CONTRACT_VERSION) return null;
  if (!isTransactionId(value.transactionId)) return null;
  const result = parseThreeDsOutcome(value.result);
  if (result === null) return null;
  // The outcome must speak of the same transaction as the envelope when it names one.
  if (result.status !== "error" && result.transactionId !== undefined && result.transactionId !== value.transactionId) {
    return null;
  }
  return { type: RESULT_MESSAGE_TYPE, version: CONTRACT_VERSION, transactionId: value.transactionId, result };
}
