// The pieces only some pages load, reached from the late code: the saved cards (saved/:
// checkout-widget-saved.js) when the endpoint lists cards or offers to save one, and the options
// report (report/: checkout-widget-report.js) when the options have something to say. Script
// tag: a classic script beside this late file (with its query and nonce), registering on a global
// named as its file. npm: a dynamic import (this late code is a module chunk there, with no
// current script). The critical path carries nothing of this.
import { memoizeUntilFailure } from "../shared/index.ts";
// By its path, not through shared/index.ts: the npm entry does not reach it, so its first chunk does not carry it.
import { lateScriptSource } from "../shared/script-source.ts";
import type * as ReportModule from "../report/index.ts";
import type * as SavedModule from "../saved/index.ts";

export type SavedApi = typeof SavedModule;
export type ReportApi = typeof ReportModule;

import { REPORT_FILE, SAVED_FILE } from "./piece-files.ts";

// Read as this file runs: the late script's own element, or null (a module chunk, a server).
const own = typeof document === "undefined" ? null : document.currentScript;

function piece<Api>(file: string, chunk: () => Promise<Api>): () => Promise<Api> {
  if (!(own && "src" in own && own.src)) return memoizeUntilFailure(chunk);
  const url = new URL(file, own.src);
  url.search = new URL(own.src).search;
  const { nonce } = own;
  return memoizeUntilFailure(lateScriptSource<Api>(url.href, () => nonce || undefined, file));
}

// The script-tag build leaves these imports unbundled (scripts/script-tag.ts): each is its own file.
export const loadSaved = piece<SavedApi>(SAVED_FILE, () => import("../saved/index.ts"));
export const loadReport = piece<ReportApi>(REPORT_FILE, () => import("../report/index.ts"));
