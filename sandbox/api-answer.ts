// The gateway's answer envelope and the HTTP status it travels with.
export interface ApiEnvelope {
  Success: boolean;
  Message: string | null;
  Model?: unknown;
}

export interface ApiAnswer {
  status: number;
  body: ApiEnvelope;
}

export function ok(model?: unknown): ApiAnswer {
  return { status: 200, body: model === undefined ? { Success: true, Message: null } : { Success: true, Message: null, Model: model } };
}

/** A request the gateway refuses: HTTP 200 with Success false, as the real API answers. */
export function refused(message: string, status = 200): ApiAnswer {
  return { status, body: { Success: false, Message: message } };
}

/** Declined or 3-D Secure needed: Success false with a Model and no Message. */
export function unsuccessful(model: unknown): ApiAnswer {
  return { status: 200, body: { Success: false, Message: null, Model: model } };
}
