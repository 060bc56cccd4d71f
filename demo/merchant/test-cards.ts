// The sandbox's test cards as the demo shows them (docs/cloudpayments.md, Test cards).
// Also the list of card numbers the e2e leak guard hunts for.
export interface TestCard {
  number: string;
  brand: "Visa" | "Mastercard" | "MIR";
  threeDs: boolean;
  result: "approved" | "insufficient funds";
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: "4000 0000 0000 3055", brand: "Visa", threeDs: false, result: "approved" },
  { number: "5205 0000 0000 3055", brand: "Mastercard", threeDs: false, result: "approved" },
  { number: "2202 0000 0000 3055", brand: "MIR", threeDs: false, result: "approved" },
  { number: "4111 1111 1111 1111", brand: "Visa", threeDs: false, result: "approved" },
  { number: "5200 8282 8282 8210", brand: "Mastercard", threeDs: false, result: "approved" },
  { number: "2200 0000 2222 2222", brand: "MIR", threeDs: false, result: "approved" },
  { number: "4242 4242 4242 4242", brand: "Visa", threeDs: true, result: "approved" },
  { number: "5555 5555 5555 4444", brand: "Mastercard", threeDs: true, result: "approved" },
  { number: "2200 0000 0000 0004", brand: "MIR", threeDs: true, result: "approved" },
  { number: "4000 0566 5566 5556", brand: "Visa", threeDs: false, result: "insufficient funds" },
  { number: "5404 0000 0000 0043", brand: "Mastercard", threeDs: false, result: "insufficient funds" },
  { number: "2203 0000 0000 0043", brand: "MIR", threeDs: false, result: "insufficient funds" },
  { number: "4012 8888 8888 1881", brand: "Visa", threeDs: true, result: "insufficient funds" },
  { number: "5105 1051 0510 5100", brand: "Mastercard", threeDs: true, result: "insufficient funds" },
  { number: "2202 2022 0220 2200", brand: "MIR", threeDs: true, result: "insufficient funds" },
];

export const TEST_EXPIRY = "12/30";
export const ACS_PASSING_CODE = "123456";
