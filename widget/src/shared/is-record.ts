// The one "plain object" test for values that come from outside (JSON answers, merchant options).

/** An object that is neither null nor an array: its fields can be read and checked one by one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
