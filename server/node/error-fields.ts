// What the Node adapter logs about an error it did not expect: enough to find the bug (name,
// message, where), never card data. A message can quote request data (V8's JSON.parse errors
// quote the input), so anything shaped like a card number is masked and the text is capped.

const CARD_LIKE = /\d(?:[ -]?\d){11,18}/g;
const MAX_TEXT = 2000;

function scrub(text: string): string {
  const masked = text.replace(CARD_LIKE, "[digits removed]");
  return masked.length > MAX_TEXT ? `${masked.slice(0, MAX_TEXT)}…` : masked;
}

export function errorFields(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { error: typeof error };
  const fields: Record<string, string> = { error: error.name, message: scrub(error.message) };
  // The frames only: the stack's first line repeats the message.
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  if (frames !== undefined && frames.length > 0) fields["stack"] = scrub(frames.slice(0, 12).join("\n"));
  return fields;
}
