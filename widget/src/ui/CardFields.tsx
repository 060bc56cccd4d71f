// The card form's inputs. Values are held by the owner (CardForm) in memory and reach the DOM only
// as input *properties*: no card digit is ever written to an attribute.
// Errors show on blur and on submit; while typing, a shown error may only go away.
import { Component } from "preact";
import type { JSX } from "preact";
import { cardDigits, cvcLength, detectBrand, getBrandInfo, isCyrillic, maxCardLength, validateField } from "../card/index.ts";
import type { CardField } from "../card/index.ts";
import type { Translator } from "../i18n/index.ts";
import { editCardNumber, editExpiry } from "./field-edit.ts";
import type { FieldEdit } from "./field-edit.ts";

export type FieldKey = CardField | "email";

export interface FieldValues {
  cardNumber: string;
  expDateMonthYear: string;
  cvv: string;
  name: string;
  email: string;
}

export const EMPTY_VALUES: FieldValues = { cardNumber: "", expDateMonthYear: "", cvv: "", name: "", email: "" };

export type FieldErrors = Partial<Record<FieldKey, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LABEL: Record<FieldKey, string> = {
  cardNumber: "cardNumber",
  expDateMonthYear: "expiry",
  cvv: "cvc",
  name: "name",
  email: "email",
};

/** The error code of one field (card codes from widget/src/card; Email_* for the e-mail), or null. */
export function fieldError(field: FieldKey, v: FieldValues): string | null {
  if (field !== "email") return validateField(field, v);
  const email = v.email.trim();
  return email === "" ? "Email_Empty" : EMAIL.test(email) ? null : "Email_Invalid";
}

/** Every field's error code; empty when the form can be paid. */
export function formErrors(fields: readonly FieldKey[], v: FieldValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const code = fieldError(field, v);
    if (code) errors[field] = code;
  }
  return errors;
}

/** A field the shopper has finished, so focus can move on (not for a deletion). */
function isComplete(field: FieldKey, v: FieldValues): boolean {
  if (field === "cardNumber") {
    const digits = cardDigits(v.cardNumber);
    // Brands with several lengths (Visa 13–19, Mir 16–19): a valid 16 is the common card.
    return fieldError(field, v) === null && (digits.length === maxCardLength(detectBrand(digits)) || digits.length >= 16);
  }
  if (field === "expDateMonthYear") return v.expDateMonthYear.length === 5 && fieldError(field, v) === null;
  if (field === "cvv") return v.cvv.length === cvcLength(detectBrand(v.cardNumber));
  return false;
}

export interface CardFieldsProps {
  /** Prefix for this instance's element ids. */
  id: string;
  t: Translator;
  values: FieldValues;
  onValues: (values: FieldValues) => void;
  requireEmail: boolean;
  payLabel: string;
  /** A payment is in flight: the button is disabled and the fields read-only. */
  busy: boolean;
  onPay: (values: FieldValues) => void;
  announce: (text: string) => void;
  /** Move focus to the first field on mount (back from a result screen). */
  autoFocus?: boolean;
  onErrors?: (errors: FieldErrors) => void;
}

export class CardFields extends Component<CardFieldsProps, { errors: FieldErrors }> {
  override state = { errors: {} as FieldErrors };
  /** The values as of the last event, ahead of the owner's next render. */
  #latest: FieldValues = this.props.values;
  readonly #inputs: Partial<Record<FieldKey, HTMLInputElement | null>> = {};
  /** Fields the shopper has typed in (an untouched field is not an error on blur). */
  readonly #edited: Partial<Record<FieldKey, true>> = {};
  /** The errors shown, ahead of the next render. */
  #shown: FieldErrors = {};
  #wasCyrillic = false;

  override componentDidMount(): void {
    if (this.props.autoFocus) this.#inputs.cardNumber?.focus();
    this.#sayCyrillic();
  }

  override componentDidUpdate(): void {
    this.#sayCyrillic();
  }

  #sayCyrillic = (): void => {
    const cyrillic = isCyrillic(this.props.values.name);
    if (cyrillic && !this.#wasCyrillic) this.props.announce(this.props.t("nameLatin"));
    this.#wasCyrillic = cyrillic;
  };

  #setErrors = (next: FieldErrors): void => {
    this.#shown = next;
    this.setState({ errors: next });
    this.props.onErrors?.(next);
  };

  override render(props: CardFieldsProps, { errors }: { errors: FieldErrors }) {
    const { id, t, values, busy, announce } = props;
    const fields: FieldKey[] = ["cardNumber", "expDateMonthYear", "cvv", "name"];
    if (props.requireEmail) fields.push("email");
    this.#latest = values;

    const label = (field: FieldKey) => t(LABEL[field]);
    const say = (field: FieldKey, code: string) => announce(`${label(field)}: ${t(code)}`);

    const change = (field: FieldKey, value: string, inputType: string) => {
      const next = { ...this.#latest, [field]: value };
      this.#latest = next;
      this.#edited[field] = true;
      props.onValues(next);
      // While typing, a shown error goes away once the field is right; it never appears.
      const errs = this.#shown;
      const fixed = (Object.keys(errs) as FieldKey[]).filter((f) => errs[f] && fieldError(f, next) === null);
      if (fixed.length) {
        const rest = { ...errs };
        for (const f of fixed) delete rest[f];
        this.#setErrors(rest);
      }
      if (!inputType.startsWith("delete") && isComplete(field, next)) {
        this.#inputs[fields[fields.indexOf(field) + 1] ?? field]?.focus();
      }
    };

    const onBlur = (field: FieldKey) => {
      // Tabbing through an untouched form is not an error yet; submit will say so.
      if (!this.#edited[field]) return;
      const code = fieldError(field, this.#latest);
      if ((this.#shown[field] ?? null) === code) return;
      const next = { ...this.#shown };
      if (code) next[field] = code;
      else delete next[field];
      this.#setErrors(next);
      if (code) say(field, code);
    };

    const formatted = (field: "cardNumber" | "expDateMonthYear", edit: typeof editCardNumber) => {
      return (event: JSX.TargetedEvent<HTMLInputElement>) => {
        const el = event.currentTarget;
        const inputType = (event as unknown as InputEvent).inputType ?? "";
        const result: FieldEdit = edit(el.value, el.selectionStart ?? el.value.length, this.#latest[field], inputType);
        // Set before Preact re-renders, so the caret is not thrown to the end.
        el.value = result.value;
        if (el.ownerDocument.activeElement === el) el.setSelectionRange(result.caret, result.caret);
        change(field, result.value, inputType);
      };
    };

    const plain = (field: FieldKey, clean: (value: string) => string = (v) => v) => {
      return (event: JSX.TargetedEvent<HTMLInputElement>) => {
        const el = event.currentTarget;
        const value = clean(el.value);
        if (value !== el.value) el.value = value;
        change(field, value, (event as unknown as InputEvent).inputType ?? "");
      };
    };

    const onSubmit = (event: Event) => {
      event.preventDefault();
      if (busy) return;
      for (const f of fields) this.#edited[f] = true;
      const found = formErrors(fields, this.#latest);
      this.#setErrors(found);
      const first = fields.find((f) => found[f]);
      if (first) {
        this.#inputs[first]?.focus();
        say(first, found[first] ?? "");
        return;
      }
      props.onPay(this.#latest);
    };

    const brand = detectBrand(values.cardNumber);
    const info = brand ? getBrandInfo(brand) : null;
    const cvcSize = cvcLength(brand);
    const cyrillic = isCyrillic(values.name);

    /** Label, wiring of aria-invalid / aria-describedby, and the error text of one field. */
    const field = (key: FieldKey, input: JSX.InputHTMLAttributes<HTMLInputElement>, extra?: { before?: string; box?: JSX.Element; hint?: string }) => {
      const code = errors[key];
      const inputId = `${id}-${key}`;
      const describedBy = [extra?.before, extra?.hint && `${inputId}-hint`, code && `${inputId}-err`].filter(Boolean).join(" ");
      const el = (
        <input
          {...input}
          ref={(node) => {
            this.#inputs[key] = node;
          }}
          id={inputId}
          class={input.class ? `cw-input ${input.class}` : "cw-input"}
          value={values[key]}
          readOnly={busy}
          aria-invalid={code ? "true" : "false"}
          aria-describedby={describedBy || undefined}
          onBlur={() => onBlur(key)}
        />
      );
      return (
        <div class="cw-field">
          <label class="cw-label" for={inputId}>
            {label(key)}
          </label>
          {/* The wrapper is there even without a badge: changing the tree would replace the focused input. */}
          {extra && "box" in extra ? (
            <div class="cw-box">
              {el}
              {extra.box}
            </div>
          ) : (
            el
          )}
          {extra?.hint && (
            <p class="cw-hint" id={`${inputId}-hint`}>
              {extra.hint}
            </p>
          )}
          {code && (
            <p class="cw-msg" id={`${inputId}-err`}>
              {t(code)}
            </p>
          )}
        </div>
      );
    };

    const digitsOnly = (max: number) => (v: string) => cardDigits(v).slice(0, max);

    return (
      <form noValidate onSubmit={onSubmit}>
        {field(
          "cardNumber",
          {
            type: "text",
            inputmode: "numeric",
            autocomplete: "cc-number",
            autocorrect: "off",
            spellcheck: false,
            class: "cw-num",
            onInput: formatted("cardNumber", editCardNumber),
          },
          {
            before: info ? `${id}-brand` : undefined,
            box: info ? (
              <span id={`${id}-brand`} class="cw-brand" data-icon={info.brand} role="img" aria-label={t("cardBrand", { brand: info.name })} />
            ) : undefined,
          },
        )}
        <div class="cw-row">
          {field("expDateMonthYear", {
            type: "text",
            inputmode: "numeric",
            autocomplete: "cc-exp",
            placeholder: t("expiryPlaceholder"),
            onInput: formatted("expDateMonthYear", editExpiry),
          })}
          {field("cvv", {
            type: "text",
            inputmode: "numeric",
            autocomplete: "cc-csc",
            placeholder: "•".repeat(cvcSize),
            onInput: plain("cvv", digitsOnly(cvcSize)),
          })}
        </div>
        {field(
          "name",
          {
            type: "text",
            autocomplete: "cc-name",
            autocapitalize: "characters",
            spellcheck: false,
            class: "cw-name",
            onInput: plain("name"),
          },
          // Once the error says the same, the hint gives way to it.
          { hint: cyrillic && !errors.name ? t("nameLatin") : undefined },
        )}
        {props.requireEmail &&
          field("email", { type: "email", inputmode: "email", autocomplete: "email", onInput: plain("email") })}
        <button type="submit" class="cw-btn cw-pay" disabled={busy}>
          {busy && <span class="cw-spin" aria-hidden="true" />}
          {props.payLabel}
        </button>
      </form>
    );
  }
}
