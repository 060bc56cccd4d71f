// The test cards the specs pay with (all in demo/merchant/test-cards.ts, which the leak guard hunts).
import { ACS_PASSING_CODE } from "../../demo/merchant/test-cards.ts";

export const CARDS = {
  approved: "4000 0000 0000 3055",
  declined: "4000 0566 5566 5556",
  threeDs: "4242 4242 4242 4242",
  mirThreeDs: "2200 0000 0000 0004",
  mir: "2202 0000 0000 3055",
} as const;

export const ACS_CODE = ACS_PASSING_CODE;
export const WRONG_ACS_CODE = "000000";
