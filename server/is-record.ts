// The server kit's one "plain object" test for what arrives from outside (request bodies, gateway
// answers). The widget keeps its own (it imports the kit as types only) and so does the sandbox
// (a fake gateway shares no code with the kit it tests).

/** An object that is neither null nor an array: its fields can be read and checked one by one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
