// The card form's inputs and Pay button: it draws the form model's state and tells the model what
// the shopper did. Values reach the DOM only as input *properties*: no card digit is ever written
// to an attribute. Focus and the caret are this view's; values and errors are the model's.
import { Component } from "preact";
import type { JSX } from "preact";
import { cardDigits, cvcLength, detectBrand, getBrandInfo, isCyrillic, maxCardLength } from "../shared/index.ts";
import type { FormTranslator } from "../shared/index.ts";
import { editCardNumber, editExpiry } from "./field-edit.ts";
import type { FieldEdit } from "./field-edit.ts";
import { fieldError } from "./form-model.ts";
import type { FormErrorCode, FormField, FormModel, FormState, FormValues } from "./form-model.ts";

const LABEL = {
  cardNumber: "cardNumber",
  expDateMonthYear: "expiry",
  cvv: "cvc",
  name: "name",
  email: "email",
} as const satisfies Record<FormField, string>;

/** A field the shopper has finished, so focus can move on (not for a deletion). */
function isComplete(field: FormField, v: Readonly<FormValues>): boolean {
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
  t: FormTranslator;
  /** The model's state as of the owner's last render. */
  form: FormState;
  model: FormModel;
  payLabel: string;
  /** A payment is in flight: the button is disabled and the fields read-only. */
  busy: boolean;
  /** The form passed its checks: pay with these values. */
  onPay: (values: Readonly<FormValues>) => void;
  announce: (text: string) => void;
  /** Move focus to the first field on mount (back from a result screen). */
  autoFocus?: boolean;
}

export class CardFields extends Component<CardFieldsProps> {
  readonly #inputs: Partial<Record<FormField, HTMLInputElement | null>> = {};
  #wasCyrillic = false;

  override componentDidMount(): void {
    if (this.props.autoFocus) this.#inputs.cardNumber?.focus();
    this.#sayCyrillic();
  }

  override componentDidUpdate(): void {
    this.#sayCyrillic();
  }

  #sayCyrillic = (): void => {
    const cyrillic = isCyrillic(this.props.form.values.name);
    if (cyrillic && !this.#wasCyrillic) this.props.announce(this.props.t("nameLatin"));
    this.#wasCyrillic = cyrillic;
  };

  #say = (field: FormField, code: FormErrorCode): void => {
    const { t } = this.props;
    this.props.announce(`${t(LABEL[field])}: ${t(code)}`);
  };

  #change = (field: FormField, value: string, inputType: string): void => {
    const { model } = this.props;
    model.edit(field, value);
    const { fields, values } = model.snapshot();
    if (!inputType.startsWith("delete") && isComplete(field, values)) {
      this.#inputs[fields[fields.indexOf(field) + 1] ?? field]?.focus();
    }
  };

  #blur = (field: FormField): void => {
    const shown = this.props.model.blur(field);
    if (shown) this.#say(field, shown);
  };

  #formatted = (field: "cardNumber" | "expDateMonthYear", edit: typeof editCardNumber) => (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const el = event.currentTarget;
    const inputType = (event as unknown as InputEvent).inputType ?? "";
    const previous = this.props.model.snapshot().values[field];
    const result: FieldEdit = edit(el.value, el.selectionStart ?? el.value.length, previous, inputType);
    // Set before Preact re-renders, so the caret is not thrown to the end.
    el.value = result.value;
    if (el.ownerDocument.activeElement === el) el.setSelectionRange(result.caret, result.caret);
    this.#change(field, result.value, inputType);
  };

  #plain = (field: FormField, clean: (value: string) => string = (v) => v) => (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const el = event.currentTarget;
    const value = clean(el.value);
    if (value !== el.value) el.value = value;
    this.#change(field, value, (event as unknown as InputEvent).inputType ?? "");
  };

  #submit = (event: Event): void => {
    event.preventDefault();
    if (this.props.busy) return;
    const { model } = this.props;
    const first = model.submit();
    const { values, errors } = model.snapshot();
    const code = first && errors[first];
    if (!first || !code) return this.props.onPay(values);
    this.#inputs[first]?.focus();
    this.#say(first, code);
  };

  override render({ id, t, form, busy, payLabel }: CardFieldsProps) {
    const { values, errors, fields } = form;
    const brand = detectBrand(values.cardNumber);
    const info = brand ? getBrandInfo(brand) : null;
    const cvcSize = cvcLength(brand);
    const cyrillic = isCyrillic(values.name);

    /** Label, wiring of aria-invalid / aria-describedby, and the error text of one field. */
    const field = (key: FormField, input: JSX.InputHTMLAttributes<HTMLInputElement>, extra?: { before?: string; box?: JSX.Element; hint?: string }) => {
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
          onBlur={() => this.#blur(key)}
        />
      );
      return (
        <div class="cw-field">
          <label class="cw-label" for={inputId}>
            {t(LABEL[key])}
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
      <form noValidate onSubmit={this.#submit}>
        {field(
          "cardNumber",
          {
            type: "text",
            inputmode: "numeric",
            autocomplete: "cc-number",
            autocorrect: "off",
            spellcheck: false,
            class: "cw-num",
            onInput: this.#formatted("cardNumber", editCardNumber),
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
            onInput: this.#formatted("expDateMonthYear", editExpiry),
          })}
          {field("cvv", {
            type: "text",
            inputmode: "numeric",
            autocomplete: "cc-csc",
            placeholder: "•".repeat(cvcSize),
            onInput: this.#plain("cvv", digitsOnly(cvcSize)),
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
            onInput: this.#plain("name"),
          },
          // Once the error says the same, the hint gives way to it.
          { hint: cyrillic && !errors.name ? t("nameLatin") : undefined },
        )}
        {fields.includes("email") &&
          field("email", { type: "email", inputmode: "email", autocomplete: "email", onInput: this.#plain("email") })}
        <button type="submit" class="cw-btn cw-pay" disabled={busy}>
          {busy && <span class="cw-spin" aria-hidden="true" />}
          {payLabel}
        </button>
      </form>
    );
  }
}
