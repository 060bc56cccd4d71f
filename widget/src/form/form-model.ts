// The card form's values and the errors it shows, in one place. The rules are pure functions of
// the form state (tested on their own); the model is a small store around them that the views
// render and call. Errors show on blur and on submit; while typing, a shown error may only go away.
import { CARD_FIELDS, detectBrand, validateField } from "../shared/index.ts";
import type { CardErrorCode, CardField, ChangePayload } from "../shared/index.ts";

export type FormField = CardField | "email";
export type FormErrorCode = CardErrorCode | "Email_Empty" | "Email_Invalid";

export interface FormValues {
  cardNumber: string;
  expDateMonthYear: string;
  cvv: string;
  name: string;
  email: string;
}

export type FormErrors = Partial<Record<FormField, FormErrorCode>>;

export interface FormState {
  /** The fields shown, in order. */
  readonly fields: readonly FormField[];
  readonly values: Readonly<FormValues>;
  /** The errors shown now (not every error the values have). */
  readonly errors: Readonly<FormErrors>;
  /** Fields the shopper has typed in: an untouched field is no error on blur. */
  readonly edited: Readonly<Partial<Record<FormField, true>>>;
}

export const EMPTY_VALUES: Readonly<FormValues> = { cardNumber: "", expDateMonthYear: "", cvv: "", name: "", email: "" };

/** The form's fields in order: the card's, then the e-mail when the merchant asks for it. */
export function formFields(requireEmail: boolean): readonly FormField[] {
  return requireEmail ? [...CARD_FIELDS, "email"] : CARD_FIELDS;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The error code of one field (card codes from shared/card; Email_* for the e-mail), or null. */
export function fieldError(field: FormField, values: Readonly<FormValues>, now?: Date): FormErrorCode | null {
  if (field !== "email") return validateField(field, values, now);
  const email = values.email.trim();
  return email === "" ? "Email_Empty" : EMAIL.test(email) ? null : "Email_Invalid";
}

/** Every error the values have in these fields; empty when the form can be paid. */
export function formErrors(fields: readonly FormField[], values: Readonly<FormValues>, now?: Date): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const code = fieldError(field, values, now);
    if (code) errors[field] = code;
  }
  return errors;
}

export function initialFormState(fields: readonly FormField[], values: Partial<FormValues> = {}): FormState {
  return { fields, values: { ...EMPTY_VALUES, ...values }, errors: {}, edited: {} };
}

/** The shopper typed: the value changes, and a shown error that the new values fix goes away; none appears. */
export function editField(state: FormState, field: FormField, value: string): FormState {
  const values = { ...state.values, [field]: value };
  const errors = { ...state.errors };
  for (const shown of Object.keys(errors) as FormField[]) if (fieldError(shown, values) === null) delete errors[shown];
  return { ...state, values, errors, edited: { ...state.edited, [field]: true } };
}

/** The shopper left a field: its error shows (or goes) if they typed in it. */
export function blurField(state: FormState, field: FormField): FormState {
  if (!state.edited[field]) return state;
  const { [field]: _old, ...errors } = state.errors;
  const code = fieldError(field, state.values);
  return { ...state, errors: code ? { ...errors, [field]: code } : errors };
}

/** The shopper asked to pay: every field counts as touched and every error shows. */
export function submitForm(state: FormState): FormState {
  return { ...state, errors: formErrors(state.fields, state.values), edited: Object.fromEntries(state.fields.map((field) => [field, true])) };
}

/** What onChange tells the merchant: brand, completeness and the shown error codes, never card data. */
export function changeOf(state: FormState): ChangePayload {
  return {
    brand: detectBrand(state.values.cardNumber),
    complete: Object.keys(formErrors(state.fields, state.values)).length === 0,
    errors: { ...state.errors },
  };
}

export interface FormModel {
  snapshot(): FormState;
  /** Called after every change of the state, with the new one. */
  subscribe(listener: (state: FormState) => void): () => void;
  edit(field: FormField, value: string): void;
  /** Returns the error the field now shows, if blurring it made one appear or change. */
  blur(field: FormField): FormErrorCode | null;
  /** Shows every error; returns the first field in error, or null when the form can be paid. */
  submit(): FormField | null;
  /** Starts again with these values: no errors, nothing touched (back from a result). */
  reset(values: Partial<FormValues>): void;
  /** The fields shown changed (the merchant's requireEmail). */
  setFields(fields: readonly FormField[]): void;
}

export function createFormModel(fields: readonly FormField[], values: Partial<FormValues> = {}): FormModel {
  let state = initialFormState(fields, values);
  const listeners = new Set<(state: FormState) => void>();
  const set = (next: FormState): void => {
    state = next;
    for (const listener of [...listeners]) listener(next);
  };
  return {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit: (field, value) => set(editField(state, field, value)),
    blur(field) {
      const before = state.errors[field];
      set(blurField(state, field));
      const after = state.errors[field];
      return after && after !== before ? after : null;
    },
    submit() {
      set(submitForm(state));
      return state.fields.find((field) => state.errors[field]) ?? null;
    },
    reset: (next) => set(initialFormState(state.fields, next)),
    // Shown errors wait for the next blur or submit, which check the new set of fields.
    setFields: (next) => {
      if (String(next) !== String(state.fields)) set({ ...state, fields: next, errors: {} });
    },
  };
}
