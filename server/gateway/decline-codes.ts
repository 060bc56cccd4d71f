// The widget localises declines by CloudPayments' ReasonCode. The other gateways' decline codes
// are mapped onto the nearest of those here, so one table of shopper texts serves every gateway;
// the gateway's own code stays in the transaction's raw model for the merchant.

export interface MappedDecline {
  reasonCode: number;
  reason: string;
}

const CODES = {
  DoNotHonor: 5005,
  InvalidTransaction: 5012,
  InvalidCardNumber: 5014,
  LostCard: 5041,
  StolenCard: 5043,
  InsufficientFunds: 5051,
  ExpiredCard: 5054,
  RestrictedCard: 5036,
  TransactionNotPermitted: 5057,
  TransactionNotPermittedToCard: 5058,
  SuspectedFraudDecline: 5059,
  ExceedsApprovalAmount: 5061,
  RestrictedCard2: 5062,
  ExceedWithdrawalFrequency: 5065,
  Timeout: 5091,
  SystemError: 5096,
  AuthenticationFailed: 5206,
} as const;

type ReasonName = keyof typeof CODES;

const mapped = (reason: ReasonName): MappedDecline => ({ reasonCode: CODES[reason], reason });

/** Invoice's [class, code] pairs (its guide's §9.2). */
const INVOICE: ReadonlyMap<string, ReasonName> = new Map<string, ReasonName>([
  ["3,-19", "AuthenticationFailed"],
  ["3,-20", "Timeout"],
  ["2,4", "RestrictedCard"],
  ["2,5", "DoNotHonor"],
  ["2,12", "InvalidTransaction"],
  ["2,14", "InvalidCardNumber"],
  ["2,41", "LostCard"],
  ["2,43", "StolenCard"],
  ["2,51", "InsufficientFunds"],
  ["2,54", "ExpiredCard"],
  ["2,57", "TransactionNotPermitted"],
  ["2,58", "TransactionNotPermittedToCard"],
  ["2,59", "SuspectedFraudDecline"],
  ["2,61", "ExceedsApprovalAmount"],
  ["2,62", "RestrictedCard2"],
  ["2,65", "ExceedWithdrawalFrequency"],
  ["2,82", "Timeout"],
  ["2,91", "Timeout"],
  ["2,96", "SystemError"],
]);

export function invoiceDecline(pair: readonly [number, number] | null | undefined): MappedDecline {
  const name = pair ? INVOICE.get(`${pair[0]},${pair[1]}`) : undefined;
  return mapped(name ?? "DoNotHonor");
}

/** RBS actionCodes of the platform's processing results (those of docs/rbs.md, and common ones). */
const RBS: ReadonlyMap<number, ReasonName> = new Map<number, ReasonName>([
  [5, "DoNotHonor"],
  [101, "ExpiredCard"],
  [116, "InsufficientFunds"],
  [120, "TransactionNotPermitted"],
  [121, "ExceedsApprovalAmount"],
  [123, "ExceedWithdrawalFrequency"],
  [71015, "InvalidCardNumber"],
  [-2006, "AuthenticationFailed"],
  [-2007, "Timeout"],
]);

export function rbsDecline(actionCode: number | null): MappedDecline {
  const name = actionCode === null ? undefined : RBS.get(actionCode);
  return mapped(name ?? "DoNotHonor");
}
