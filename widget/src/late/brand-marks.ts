// The nine brands' marks, 32×20: the brand's colours and shapes, simplified to what reads at
// 24–32 px; letters are strokes, not font text, so they look the same everywhere. Path data is
// the bulk of a mark's bytes, so it comes with the late code (host/late.ts hands it to BrandMark);
// the late code is loaded when the browser is idle or at the first focus, before a shopper has
// typed enough digits for a brand.
import type { CardBrand, Mark } from "../shared/index.ts";

const WHITE = "#fff";
// Two overlapping discs (Mastercard, Maestro): left, right, and the lens where they overlap.
const DISCS = ["M12.5 4a6 6 0 1 0 0 12 6 6 0 1 0 0-12", "M19.5 4a6 6 0 1 0 0 12 6 6 0 1 0 0-12", "M16 5.13a6 6 0 0 1 0 9.74 6 6 0 0 1 0-9.74"] as const;

export const BRAND_MARKS: Readonly<Record<CardBrand, Mark>> = {
  visa: { bg: "#1a1f71", parts: [[WHITE, "M7 6.5l1.5 7 3.5-7m2 0-1.5 7M20 7c-1-.7-3.5-.6-3.5 1s3.2 1.4 2.7 3.4-2.7 1.7-4 .9m5 1.2 4-7 1 7m-4-2.3h3", 1.6]] },
  mastercard: { bg: "#252525", parts: [["#eb001b", DISCS[0]], ["#f79e1b", DISCS[1]], ["#ff5f00", DISCS[2]]] },
  maestro: { bg: "#252525", parts: [["#eb001b", DISCS[0]], ["#00a2e5", DISCS[1]], ["#7375cf", DISCS[2]]] },
  // Мир: the Cyrillic lettering in the brand's green, its blue swash before it.
  mir: {
    bg: WHITE,
    parts: [
      ["#0f754e", "M6.5 13.5v-7l2.6 4.4 2.6-4.4v7m2.6-7v7l3.9-7v7m2.8 0v-7h2.3a2 2 0 0 1 0 4.3H21", 1.7],
      ["#00b4e6", "M2.6 7.6h2", 1.9],
    ],
  },
  unionpay: { bg: WHITE, parts: [["#e21836", "M6 3h6L9.5 17H3z"], ["#00447c", "M12 3h6.5L16 17H9.5z"], ["#007b84", "M18.5 3H25l-2.5 14H16z"]] },
  jcb: {
    bg: WHITE,
    parts: [
      ["#0e4c96", "M4 4h7v12H4z"],
      ["#e20a1f", "M12.5 4h7v12h-7z"],
      ["#00a650", "M21 4h7v12h-7z"],
      [WHITE, "M8.5 7v4.5c0 1.5-2.5 1.5-2.5 0m11.6-3.9c-.5-.7-3.1-.8-3.1 1.9s2.6 2.6 3.1 1.9M23.5 7v5.5H25a1.4 1.4 0 0 0 0-2.8h-1.5 1.3a1.3 1.3 0 0 0 0-2.7z", 1.1],
    ],
  },
  amex: { bg: "#006fcf", parts: [[WHITE, "M6.4 12.8l1.9-5.6 1.9 5.6M7 11.1h2.6m2.4 1.7V7.2l1.7 3.4 1.7-3.4v5.6M20 7.2h-2.7v5.6H20m-2.7-2.8h2.4m2.5-2.8 3.6 5.6m0-5.6-3.6 5.6", 1.3]] },
  diners: { bg: WHITE, parts: [["#0079be", "M16 4a6 6 0 1 0 0 12 6 6 0 1 0 0-12", 1.6], ["#0079be", "M15 6.5a3.5 3.5 0 0 0 0 7zm2 0a3.5 3.5 0 0 1 0 7z"]] },
  discover: {
    bg: WHITE,
    parts: [
      ["#231f20", "M3 7.5v5h1.2a2.5 2.5 0 0 0 0-5zm4.8 0v5m4.6-4.5c-.6-.6-2.4-.6-2.4.8s2.5 1 2.5 2.4-1.9 1.6-2.7.9M17 8a2.5 2.5 0 1 0 0 4", 1.1],
      ["#f48120", "M22 7.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 1 0 0-5.6"],
    ],
  },
};

