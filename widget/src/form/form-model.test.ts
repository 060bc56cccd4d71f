import { describe, expect, it, vi } from "vitest";
import {
  blurField,
  changeOf,
  createFormModel,
  editField,
  fieldError,
  formErrors,
  formFields,
  initialFormState,
  submitForm,
} from "./form-model.ts";
import type { FormState } from "./form-model.ts";

const CARD = ["cardNumber", "expDateMonthYear", "cvv", "name"] as const;
const VALID = { cardNumber: "4242 4242 4242 4242", expDateMonthYear: "12/34", cvv: "123", name: "IVAN PETROV" };
const start = (values = {}): FormState => initialFormState(formFields(false), values);

describe("form rules (pure)", () => {
  it("lists the card's fields in one order, the e-mail last when asked for", () => {
    expect(formFields(false)).toEqual(CARD);
    expect(formFields(true)).toEqual([...CARD, "email"]);
  });

  it("shows no error while typing, even a wrong value", () => {
    const typed = editField(start(), "cardNumber", "4242");
    expect(fieldError("cardNumber", typed.values)).toBe("CardNumber_Invalid");
    expect(typed.errors).toEqual({});
    expect(typed.edited).toEqual({ cardNumber: true });
  });

  it("shows an error on blur of a field the shopper typed in, and clears it on blur once right", () => {
    const typed = editField(start(), "cardNumber", "4242");
    const blurred = blurField(typed, "cardNumber");
    expect(blurred.errors).toEqual({ cardNumber: "CardNumber_Invalid" });
    const fixed = blurField({ ...blurred, values: { ...blurred.values, cardNumber: VALID.cardNumber } }, "cardNumber");
    expect(fixed.errors).toEqual({});
  });

  it("leaves an untouched field alone on blur (tabbing through is no error yet)", () => {
    const state = start();
    expect(blurField(state, "cvv")).toBe(state);
  });

  it("while typing, lets a shown error go once the values fix it — any field's, never adds one", () => {
    let state = start({ cardNumber: "3782 822463 10005" }); // Amex: a four-digit CVC
    state = editField(state, "cvv", "123");
    state = blurField(state, "cvv");
    expect(state.errors).toEqual({ cvv: "Cvv_Invalid" });
    // Typing in another field that makes the CVC right (a three-digit brand) lifts its error…
    state = editField(state, "cardNumber", VALID.cardNumber);
    expect(state.errors).toEqual({});
    // …and typing that makes a field wrong shows nothing until blur or submit.
    state = editField(state, "cardNumber", "4242");
    expect(state.errors).toEqual({});
  });

  it("on submit, touches every field and shows every error, in field order", () => {
    const submitted = submitForm(editField(start(), "name", "IVAN"));
    expect(Object.keys(submitted.errors)).toEqual(["cardNumber", "expDateMonthYear", "cvv"]);
    expect(submitted.edited).toEqual({ cardNumber: true, expDateMonthYear: true, cvv: true, name: true });
    expect(formErrors(submitted.fields, submitted.values)).toEqual(submitted.errors);
  });

  it("checks the e-mail only when it is one of the fields", () => {
    const values = { ...VALID, email: "not-an-address" };
    expect(submitForm(initialFormState(formFields(false), values)).errors).toEqual({});
    expect(submitForm(initialFormState(formFields(true), values)).errors).toEqual({ email: "Email_Invalid" });
    expect(fieldError("email", { ...values, email: " " })).toBe("Email_Empty");
    expect(fieldError("email", { ...values, email: "a@b.co" })).toBeNull();
  });

  it("reports changes as brand, completeness and shown codes, never a value", () => {
    const state = blurField(editField(start(VALID), "cvv", "12"), "cvv");
    const change = changeOf(state);
    expect(change).toEqual({ brand: "visa", complete: false, errors: { cvv: "Cvv_Invalid" } });
    expect(JSON.stringify(change)).not.toContain("4242");
    expect(changeOf(start(VALID)).complete).toBe(true);
  });

  it("never changes the state it is given", () => {
    const state = Object.freeze(start());
    const edited = editField(state, "cvv", "1");
    expect(state.values.cvv).toBe("");
    expect(submitForm(edited)).not.toBe(edited);
    expect(edited.errors).toEqual({});
  });
});

describe("createFormModel", () => {
  it("owns values and errors: the views read snapshots, subscribers hear every change", () => {
    const model = createFormModel(formFields(false), { email: "kept@shop.test" });
    const heard: FormState[] = [];
    const stop = model.subscribe((state) => heard.push(state));
    model.edit("cardNumber", "4242");
    expect(model.snapshot().values).toMatchObject({ cardNumber: "4242", email: "kept@shop.test" });
    expect(model.blur("cardNumber")).toBe("CardNumber_Invalid");
    expect(model.blur("cardNumber")).toBeNull(); // already shown: nothing new to say
    expect(heard.at(-1)?.errors).toEqual({ cardNumber: "CardNumber_Invalid" });
    stop();
    model.edit("cvv", "1");
    expect(heard.at(-1)?.values.cvv).toBe("");
  });

  it("submit shows every error and names the first field in error, or none when the form can be paid", () => {
    const model = createFormModel(formFields(false));
    expect(model.submit()).toBe("cardNumber");
    for (const field of CARD) model.edit(field, VALID[field]);
    expect(model.snapshot().errors).toEqual({});
    expect(model.submit()).toBeNull();
  });

  it("reset starts again with the values given, no errors and nothing touched", () => {
    const model = createFormModel(formFields(false));
    model.submit();
    model.reset({ cardNumber: VALID.cardNumber });
    expect(model.snapshot()).toMatchObject({ values: { cardNumber: VALID.cardNumber, cvv: "" }, errors: {}, edited: {} });
    expect(model.blur("cvv")).toBeNull();
  });

  it("takes a new set of fields (requireEmail changed) and checks it on the next submit", () => {
    const model = createFormModel(formFields(false), VALID);
    const listener = vi.fn();
    model.subscribe(listener);
    model.setFields(formFields(false));
    expect(listener).not.toHaveBeenCalled();
    model.setFields(formFields(true));
    expect(model.snapshot().fields).toContain("email");
    expect(model.submit()).toBe("email");
  });
});
