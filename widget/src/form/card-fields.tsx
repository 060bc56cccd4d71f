// The card form's inputs and Pay button: it draws the form model's state and tells the model what
// the shopper did. Values reach the DOM only as input *properties*: no card digit is ever written
// to an attribute. Focus and the caret are this view's; values and errors are the model's.
import { Component } from "preact";
import type { ComponentChildren, JSX, RefObject } from "preact";
import { BrandMark, brandLabel, CARD_BRANDS, cardDigits, cvcLength, detectBrand, getBrandInfo, isCardNumberComplete, isCyrillic, releaseDom } from "../shared/index.ts";
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
export function isFieldComplete(field: FormField, v: Readonly<FormValues>): boolean {
  if (field === "cardNumber") return isCardNumberComplete(v.cardNumber);
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
  /** A payment is in flight: Pay does nothing (it keeps focus) and the fields are read-only. */
  busy: boolean;
  /** The form passed its checks: pay with these values. */
  onPay: (values: Readonly<FormValues>) => void;
  announce: (text: string) => void;
  /** The field to focus on mount (back from a result screen). */
  focus?: FormField | undefined;
  /** Back from a decline with the same card: the CVC was cleared and must be typed again. */
  cvcAgain?: boolean;
  /** The row of accepted brands (default shown). */
  showBrands?: boolean;
  /** Drawn above the Pay button (the saved cards' "Save this card"). */
  extra?: ComponentChildren;
}

export class CardFields extends Component<CardFieldsProps> {
  readonly #form: RefObject<HTMLFormElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)
  readonly #inputs: Partial<Record<FormField, HTMLInputElement | null>> = {};
  #wasCyrillic = false;

  override componentDidMount(): void {
    const { focus } = this.props;
    if (focus) this.#inputs[focus]?.focus();
    this.#sayCyrillic();
  }

  override componentDidUpdate(): void {
    this.#sayCyrillic();
  }

  // The form goes (a result, unmount): its inputs keep no card data for whoever holds them.
  override componentWillUnmount(): void {
    releaseDom(this.#form.current);
  }

  #sayCyrillic = (): void => {
    const cyrillic = isCyrillic(this.props.form.values.name);
    if (cyrillic && !this.#wasCyrillic) this.props.announce(this.props.t("nameLatin"));
    this.#wasCyrillic = cyrillic;
  };

  #text = (code: FormErrorCode): string => this.props.t(code);

  #say = (field: FormField, code: FormErrorCode): void => {
    const { t } = this.props;
    this.props.announce(`${t(LABEL[field])}: ${this.#text(code)}`);
  };

  #next = (field: FormField): HTMLInputElement | null | undefined => {
    const { fields } = this.props.model.snapshot();
    const next = fields[fields.indexOf(field) + 1];
    return next && this.#inputs[next];
  };

  #change = (field: FormField, value: string, inputType: string): void => {
    const { model } = this.props;
    model.edit(field, value);
    if (!inputType.startsWith("delete") && isFieldComplete(field, model.snapshot().values)) this.#next(field)?.focus();
  };

  #blur = (field: FormField): void => {
    const shown = this.props.model.blur(field);
    if (shown) this.#say(field, shown);
  };

  // Enter in a field that is not the last goes to the next one, as the keyboard's "Next" says;
  // in the last one it pays (the form's own submit).
  #key = (field: FormField) => (event: KeyboardEvent) => {
    const next = event.key === "Enter" && !event.isComposing && this.#next(field);
    if (next) {
      event.preventDefault();
      next.focus();
    }
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

  override render({ id, t, form, busy, payLabel, cvcAgain, showBrands, extra }: CardFieldsProps) {
    const { values, errors, fields } = form;
    const brand = detectBrand(values.cardNumber);
    const info = brand ? getBrandInfo(brand) : null;
    const cvcSize = cvcLength(brand);
    const cyrillic = isCyrillic(values.name);
    const last = fields[fields.length - 1];

    /** Label, wiring of aria-invalid / aria-describedby, and the error text of one field. */
    const field = (key: FormField, input: JSX.InputHTMLAttributes<HTMLInputElement>, extra?: { before?: string; box?: JSX.Element; hint?: string }) => {
      const code = errors[key];
      const inputId = `${id}-${key}`;
      // The hint gives way to an error, which says the same more urgently.
      const hint = !code && extra?.hint;
      const describedBy = [extra?.before, hint && `${inputId}-hint`, code && `${inputId}-err`].filter(Boolean).join(" ");
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
          aria-required="true"
          aria-invalid={code ? "true" : "false"}
          aria-describedby={describedBy || undefined}
          enterkeyhint={key === last ? "done" : "next"}
          onBlur={() => this.#blur(key)}
          onKeyDown={this.#key(key)}
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
          {hint && (
            <p class="cw-hint" id={`${inputId}-hint`}>
              {hint}
            </p>
          )}
          {code && (
            <p class="cw-msg" id={`${inputId}-err`}>
              {this.#text(code)}
            </p>
          )}
        </div>
      );
    };

    const digitsOnly = (max: number) => (v: string) => cardDigits(v).slice(0, max);
    const cvcHint = cvcAgain && !values.cvv ? t("cvcAgain") : info?.cvcOnFront ? t("cvcHintFront") : t("cvcHint");

    return (
      <form noValidate aria-label={t("form")} onSubmit={this.#submit} ref={this.#form}>
        {showBrands !== false && (
          <div class="cw-brands" role="img" aria-label={t("acceptedBrands", { brands: CARD_BRANDS.map((b) => brandLabel(b, t)).join(", ") })}>
            {CARD_BRANDS.map((b) => (
              <span key={b} class={brand && brand !== b ? "cw-dim" : undefined}>
                <BrandMark brand={b} />
              </span>
            ))}
          </div>
        )}
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
            box: (
              <span id={`${id}-brand`} class="cw-brand" role={info ? "img" : undefined} aria-label={info ? t("cardBrand", { brand: brandLabel(info.brand, t) }) : undefined}>
                <BrandMark brand={brand} />
              </span>
            ),
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
          {field(
            "cvv",
            {
              type: "text",
              inputmode: "numeric",
              autocomplete: "cc-csc",
              maxLength: cvcSize,
              onInput: this.#plain("cvv", digitsOnly(cvcSize)),
            },
            { hint: cvcHint },
          )}
        </div>
        {fields.includes("name") &&
          field(
            "name",
            {
              type: "text",
              autocomplete: "cc-name",
              autocapitalize: "characters",
              spellcheck: false,
              class: "cw-name",
              onInput: this.#plain("name"),
            },
            { hint: cyrillic ? t("nameLatin") : undefined },
          )}
        {fields.includes("email") &&
          field("email", { type: "email", inputmode: "email", autocomplete: "email", onInput: this.#plain("email") })}
        {extra}
        <div class="cw-bar">
          {/* aria-disabled, not disabled: a disabled button would drop focus to <body> on Pay. */}
          <button type="submit" class="cw-btn cw-pay" aria-disabled={busy ? "true" : undefined}>
            {busy && <span class="cw-spin" aria-hidden="true" />}
            <span>{payLabel}</span>
          </button>
          {/* Seen, not heard: the live region says it once already. */}
          {busy && (
            <p class="cw-wait" aria-hidden="true">
              {t("Status_Submitting")}
            </p>
          )}
        </div>
      </form>
    );
  }
}
