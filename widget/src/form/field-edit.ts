// What the number and expiry fields show after one edit, and where the caret goes.
// Pure (no DOM) so that caret rules are tested on their own; the inputs apply the result.
import { cardDigits, formatCardNumber, formatExpiry } from "../shared/index.ts";

export interface FieldEdit {
  value: string;
  caret: number;
}

/** The index just after the n-th digit of `text` (0 for n = 0; the end if there are fewer). */
function afterDigit(text: string, n: number): number {
  if (n <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57 && ++seen === n) return i + 1;
  }
  return text.length;
}

/**
 * Backspace or Delete that removed only a separator (a gap space, the expiry slash) would be
 * put back by formatting at once; remove the digit beside it instead, as the shopper meant.
 */
function digitsAfterEdit(raw: string, caret: number, previous: string, inputType: string): [string, number] {
  let digits = cardDigits(raw);
  let before = cardDigits(raw.slice(0, caret)).length;
  if (digits === cardDigits(previous) && raw.length < previous.length) {
    if (inputType === "deleteContentBackward" && before > 0) {
      digits = digits.slice(0, before - 1) + digits.slice(before);
      before--;
    } else if (inputType === "deleteContentForward") {
      digits = digits.slice(0, before) + digits.slice(before + 1);
    }
  }
  return [digits, before];
}

/**
 * The card number after the browser changed the field from `previous` to `raw` with the caret at
 * `caret`: digits only, grouped by the brand's gaps, cut at its longest length; the caret stays
 * after the same digit it followed (so typing or deleting in the middle keeps its place).
 */
export function editCardNumber(raw: string, caret: number, previous: string, inputType: string): FieldEdit {
  const [digits, before] = digitsAfterEdit(raw, caret, previous, inputType);
  const value = formatCardNumber(digits);
  return { value, caret: afterDigit(value, before) };
}

/**
 * `MM/YY` typing: the slash appears after a complete month (`2` → `02/`, `12` → `12/`) and goes
 * away with a deletion (`12/` ⌫ → `12`, not back to `12/`). Pasted `12/2029` becomes `12/29`.
 */
export function editExpiry(raw: string, caret: number, previous: string, inputType: string): FieldEdit {
  if (inputType.startsWith("delete")) {
    // A trailing slash simply goes ("12/" ⌫ → "12"); only a slash between digits stands for one.
    const [digits, before] =
      cardDigits(raw).length <= 2
        ? [cardDigits(raw), cardDigits(raw.slice(0, caret)).length]
        : digitsAfterEdit(raw, caret, previous, inputType);
    const d = digits.slice(0, 4);
    const value = d.length > 2 ? `${d.slice(0, 2)}/${d.slice(2)}` : d;
    return { value, caret: afterDigit(value, before) };
  }
  const value = formatExpiry(raw);
  if (caret >= raw.length) return { value, caret: value.length };
  // A month padded with "0" has one digit more in front of the caret.
  const added = cardDigits(value).length - cardDigits(raw).length;
  return { value, caret: afterDigit(value, cardDigits(raw.slice(0, caret)).length + Math.max(0, added)) };
}
