// The slots of the late pieces that only some pages load, beside the late code's own (late.ts):
// the saved cards (saved/: checkout-widget-saved.js) and the options report (report/:
// checkout-widget-report.js). Each is set by the entry (the script file beside the late one, or
// the npm build's dynamic import), loaded once on first use, and tried again after a failure.
import { memoizeUntilFailure } from "../shared/index.ts";
import type * as ReportModule from "../report/index.ts";
import type * as SavedModule from "../saved/index.ts";

export type SavedApi = typeof SavedModule;
export type ReportApi = typeof ReportModule;

export interface PieceSlot<Api> {
  /** Loads the piece (once; a failed load is tried again); rejects until a source is set. */
  load(): Promise<Api>;
  /** Where it comes from; set by the entry (tests set their own). */
  set(from: () => Promise<Api>): void;
  /** The source, unless an entry (or a test) has set one: the npm entry's dynamic import. */
  fallback(from: () => Promise<Api>): void;
}

function pieceSlot<Api>(): PieceSlot<Api> {
  let load: (() => Promise<Api>) | undefined;
  return {
    load: () => (load ? load() : Promise.reject(new Error("checkout-widget: no source"))),
    set: (from) => void (load = memoizeUntilFailure(from)),
    fallback: (from) => void (load ??= memoizeUntilFailure(from)),
  };
}

export const savedPiece: PieceSlot<SavedApi> = pieceSlot();
export const reportPiece: PieceSlot<ReportApi> = pieceSlot();
