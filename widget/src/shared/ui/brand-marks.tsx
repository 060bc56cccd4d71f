// The card brands' marks, drawn small (32×20) as compact SVG from the shapes late/brand-marks.ts
// holds. A generic card stands in before the brand is known.
import { getBrandInfo } from "../card/index.ts";
import type { CardBrand } from "../card/index.ts";
import type { Translator } from "../i18n/index.ts";

/** One shape: [fill or stroke colour, path, stroke width (a stroke when given)]. */
export type Part = readonly [string, string, number?];

export interface Mark {
  /** Background of the 32×20 tile; "" for none (the generic card). */
  bg: string;
  parts: readonly Part[];
}

const WHITE = "#fff";
/** The generic card, before the brand is known. */
const CARD: Mark = { bg: "", parts: [["currentColor", "M3 4h26v12H3zm0 4h26M6 13h6", 1.4]] };

/** The brands' marks: late code (late/brand-marks.ts); a brand's tile stays empty until they are here. */
const marks: Partial<Record<CardBrand, Mark>> = {};

/** Called once the late code has loaded, with its marks. */
export function setBrandMarks(all: Readonly<Record<CardBrand, Mark>>): void {
  Object.assign(marks, all);
}

export interface BrandMarkProps {
  /** The brand, or null for the generic card. */
  brand: CardBrand | null;
  class?: string;
}

/** A brand's mark (decorative: the owner says the brand's name in text or aria-label). */
export function BrandMark({ brand, class: className }: BrandMarkProps) {
  const mark = brand ? (marks[brand] ?? { bg: "", parts: [] }) : CARD;
  return (
    <svg class={className ? `cw-mark-svg ${className}` : "cw-mark-svg"} viewBox="0 0 32 20" aria-hidden="true" focusable="false">
      {/* Colours through CSSOM (a page's `svg path {…}` rule cannot repaint them); a grey rim keeps a dark tile apart from a dark theme. */}
      {mark.bg && <rect x=".5" y=".5" width="31" height="19" rx="2.5" style={{ fill: mark.bg, stroke: mark.bg === WHITE ? "#c5c8cf" : "#8886" }} />}
      {mark.parts.map(([color, d, width]) => (
        <path d={d} style={width ? { fill: "none", stroke: color, strokeWidth: String(width) } : { fill: color }} />
      ))}
    </svg>
  );
}

/** A brand's name as the shopper reads it, one spelling everywhere ("Mastercard"; "Мир" in Russian). */
export function brandLabel<K extends string>(brand: CardBrand, t: Translator<K>): string {
  const { name } = getBrandInfo(brand);
  return t.has(name) ? t(name) : name;
}
