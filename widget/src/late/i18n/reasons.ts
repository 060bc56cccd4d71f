// Gateway ReasonCode -> shopper message key. Many codes share one CardHolderMessage, so the
// dictionaries hold each text once and this table groups the codes (docs/cloudpayments.md).
import type { AnswerTextKey } from "./answer-texts.ts";
import type { LateTextKey } from "./late-texts.ts";

/** The groups whose texts every gateway's declines reach (answer-texts.ts): hosted mode reads these alone. */
const ANSWER_GROUPS: Partial<Record<AnswerTextKey, number[]>> = {
  R_Bank: [5001, 5003, 5004, 5005, 5007, 5019, 5033, 5034, 5041, 5043, 5057, 5058, 5065, 5204, 5303],
  R_Check: [5006, 5014, 5015, 5054],
  R_Online: [5012],
  R_Later: [5030, 5096],
  R_Restricted: [5036, 5062],
  R_Funds: [5051],
  R_Fraud: [5059],
  R_Limit: [5061],
  R_LaterOther: [5091, 5092],
  R_Auth: [5206, 5207],
};

/** The groups only CloudPayments' own codes reach (late-texts.ts). */
const CARD_GROUPS: Partial<Record<LateTextKey, number[]>> = {
  R_Amount: [5013],
  R_Other: [5017, 5031, 5055, 5063, 5113, 5300, 5761, 5762, 5763],
  R_Cvv: [5082],
  R_Unable: [6001, 6002, 6003, 6005, 6006, 6007, 6008, 6009, 6010, 6011, 6013, 6014, 6015, 6016, 6017, 6025],
  R_Support: [6004],
  R_Payout: [6021, 6022],
  // Check-webhook registration codes (3xxx), texts of the mobile SDKs.
  R_Order: [3001],
  R_Account: [3002],
  R_Sum: [3003],
  R_Expired: [3004],
  R_NotAccepted: [3005, 3008],
  R_Unavailable: [3006],
  R_Connection: [3007],
};

/** A lookup by code over some tables of groups (each code is in one group at most). */
function lookup<K extends string>(...tables: Partial<Record<K, number[]>>[]): (reasonCode: number) => K | undefined {
  return (reasonCode) => (tables.flatMap(Object.entries) as [K, number[]][]).find(([, codes]) => codes.includes(reasonCode))?.[0];
}

/** The text key for a ReasonCode among the groups every gateway reaches, or undefined. */
export const answerReasonKey = /* @__PURE__ */ lookup(ANSWER_GROUPS);

/** The text key for a ReasonCode, or undefined for a code the table does not know. */
export const reasonKey = /* @__PURE__ */ lookup<LateTextKey>(ANSWER_GROUPS, CARD_GROUPS);
