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

type Check = (value: unknown) => boolean;

const isInteger: Check = Number.isSafeInteger;
const isPositiveInteger = (value: unknown): value is number => isInteger(value) && (value as number) > 0;
const isString: Check = (value) => typeof value === "string";
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/** Only http(s) pages may be opened as the ACS: never `javascript:` or `data:`. */
const isHttpUrl: Check = (value) => {
  try {
    return isString(value) && /^https?:$/.test(new URL(value as string).protocol);
  } catch {
    return false;
  }
};

/** The fields of one answer (all but `status`) and the check each must pass; `undefined` passes only an optional check. */
type Shape<T> = { readonly [K in Exclude<keyof T, "status">]-?: Check };

// A transaction id is a positive safe integer (isPositiveInteger).
const APPROVED: Shape<Omit<PayApproved, "captured">> = {
  transactionId: isPositiveInteger,
  amount: (value) => Number.isFinite(value),
  currency: isString,
  cardType: isString,
  cardLastFour: (value) => isString(value) && /^\d{4}$/.test(value as string),
  authCode: isString,
  token: optional(isString),
};
const DECLINED: Shape<PayDeclined> = {
  transactionId: optional(isPositiveInteger),
  reasonCode: isInteger,
  reason: isString,
  message: isString,
};
const THREE_DS: Shape<Omit<PayThreeDs, "returnOrigin">> = {
  transactionId: isPositiveInteger,
  acsUrl: isHttpUrl,
  paReq: (value) => isString(value) && value !== "",
  termUrl: isHttpUrl,
  iframeAllowed: (value) => typeof value === "boolean",
  frameWidth: optional(isPositiveInteger),
  frameHeight: optional(isPositiveInteger),
};
// An error's `code` is kept only when this widget knows it (an unknown one is read by HTTP status).
const ERROR: Shape<Omit<PayError, "code">> & { code: Check } = { message: isString, code: () => true };

const SHAPES: Readonly<Record<PayResponse["status"], Readonly<Record<string, Check>>>> = {
  approved: APPROVED,
  declined: DECLINED,
  "3ds": THREE_DS,
  error: ERROR,
};

/** A `/pay` answer, copied field by field (unknown extra fields are dropped), or null. */
export function parsePayResponse(value: unknown): PayResponse | null {
  if (!isRecord(value) || typeof value.status !== "string" || !Object.prototype.hasOwnProperty.call(SHAPES, value.status)) return null;
  const shape = SHAPES[value.status as PayResponse["status"]];
  const result: Record<string, unknown> = { status: value.status };
  for (const [field, check] of Object.entries(shape)) {
    const fieldValue = value[field];
    if (!check(fieldValue)) return null;
    if (fieldValue !== undefined) result[field] = fieldValue;
  }
  if (result.status === "error" && !isPayErrorCode(result.code)) delete result.code;
  return result as unknown as PayResponse;
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
  if (!isPositiveInteger(value.transactionId)) return null;
  const result = parseThreeDsOutcome(value.result);
  if (result === null) return null;
  // The outcome must speak of the same transaction as the envelope when it names one.
  if (result.status !== "error" && result.transactionId !== undefined && result.transactionId !== value.transactionId) {
    return null;
  }
  return { type: RESULT_MESSAGE_TYPE, version: CONTRACT_VERSION, transactionId: value.transactionId, result };
}
