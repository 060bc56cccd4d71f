import { describe, expect, it } from "vitest";
import { editCardNumber, editExpiry } from "./field-edit.ts";

describe("editCardNumber", () => {
  it("groups by the brand's gaps and keeps the caret after the typed digit", () => {
    expect(editCardNumber("42424", 5, "4242", "insertText")).toEqual({ value: "4242 4", caret: 6 });
    // "1" typed after the second digit of "4242 4242 4"
    expect(editCardNumber("42142 4242 4", 3, "4242 4242 4", "insertText")).toEqual({ value: "4214 2424 24", caret: 3 });
    // typed right after a gap
    expect(editCardNumber("4242 14242", 6, "4242 4242", "insertText")).toEqual({ value: "4242 1424 2", caret: 6 });
  });

  it("uses Amex gaps 4-6-5 and cuts at 15 digits", () => {
    expect(editCardNumber("3782822463100051234", 19, "", "insertFromPaste").value).toBe("3782 822463 10005");
  });

  it("cleans a paste with dashes and spaces", () => {
    expect(editCardNumber("4242-4242 4242 4242", 19, "", "insertFromPaste")).toEqual({ value: "4242 4242 4242 4242", caret: 19 });
  });

  it("Backspace over a gap deletes the digit before it instead of being undone", () => {
    // caret was after the space in "4242 4|" ... shopper deletes the space at index 4
    expect(editCardNumber("42424", 4, "4242 4", "deleteContentBackward")).toEqual({ value: "4244", caret: 3 });
    // Delete (forward) over the gap removes the digit after it
    expect(editCardNumber("424242", 4, "4242 42", "deleteContentForward")).toEqual({ value: "4242 2", caret: 4 });
  });

  it("deleting the last digit of a group leaves no trailing space", () => {
    expect(editCardNumber("4242 ", 5, "4242 4", "deleteContentBackward")).toEqual({ value: "4242", caret: 4 });
  });
});

describe("editExpiry", () => {
  it("adds the slash after a complete month", () => {
    expect(editExpiry("2", 1, "", "insertText")).toEqual({ value: "02/", caret: 3 });
    expect(editExpiry("12", 2, "1", "insertText")).toEqual({ value: "12/", caret: 3 });
    expect(editExpiry("1", 1, "", "insertText")).toEqual({ value: "1", caret: 1 });
    expect(editExpiry("12/3", 4, "12/", "insertText")).toEqual({ value: "12/3", caret: 4 });
  });

  it("removes the slash on Backspace and does not put it back", () => {
    expect(editExpiry("12", 2, "12/", "deleteContentBackward")).toEqual({ value: "12", caret: 2 });
    expect(editExpiry("1", 1, "12", "deleteContentBackward")).toEqual({ value: "1", caret: 1 });
    expect(editExpiry("12/", 3, "12/3", "deleteContentBackward")).toEqual({ value: "12", caret: 2 });
  });

  it("normalises a pasted four-digit year", () => {
    expect(editExpiry("12/2029", 7, "", "insertFromPaste")).toEqual({ value: "12/29", caret: 5 });
  });
});
