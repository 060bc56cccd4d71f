// The gateway's own decline codes (docs/cloudpayments.md, Decline codes) for the outcomes the
// sandbox can produce. CardHolderMessage is Russian, as the gateway's default culture.
export interface ReasonInfo {
  code: number;
  reason: string;
  cardHolderMessage: string;
}

const CONTACT_BANK = "Свяжитесь с вашим банком или воспользуйтесь другой картой";
const CHECK_CARD = "Проверьте правильность введенных данных карты или воспользуйтесь другой картой";

export const REASONS = {
  Approved: { code: 0, reason: "Approved", cardHolderMessage: "Оплата успешно проведена" },
  DoNotHonor: { code: 5005, reason: "DoNotHonor", cardHolderMessage: CONTACT_BANK },
  InvalidCardNumber: { code: 5014, reason: "InvalidCardNumber", cardHolderMessage: CHECK_CARD },
  InsufficientFunds: { code: 5051, reason: "InsufficientFunds", cardHolderMessage: "Недостаточно средств на карте" },
  ExpiredCard: { code: 5054, reason: "ExpiredCard", cardHolderMessage: CHECK_CARD },
  AuthenticationFailed: { code: 5206, reason: "AuthenticationFailed", cardHolderMessage: CONTACT_BANK },
} as const satisfies Record<string, ReasonInfo>;

export type ReasonName = keyof typeof REASONS;
