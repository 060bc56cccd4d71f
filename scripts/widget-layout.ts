// The layout of widget/src by the file that ships each folder's code, and the checks that hold the
// code to it. They read esbuild metafiles (what the bundler really resolved), never source text:
// the build runs them on every bundle it writes, and widget-layout.test.ts on the whole source.
import type { Metafile } from "esbuild";
import { LATE_FILE, LATE_GLOBAL } from "../widget/src/host/late-script.ts";
import { REPORT_FILE, SAVED_FILE } from "../widget/src/late/piece-files.ts";
import { HOSTED_SAVED_FILE as HOSTED_SAVED_NAME } from "../widget/src/hosted/saved-file.ts";

export const WIDGET_SRC = "widget/src";

/**
 * The script-tag files: the main one (the critical path) and the late ones, each a classic script
 * that registers its API on a private global and borrows shared/ from the main one. Today one late
 * file holds all late code; a second (say node-forge apart from the flow) is one more row here,
 * its folders marked with its name below, and one more slot beside host/late.ts.
 */
export const SCRIPT_FILES = {
  main: { file: "checkout-widget.js", entry: `${WIDGET_SRC}/embed.ts` },
  late: { file: LATE_FILE, entry: `${WIDGET_SRC}/late/index.ts`, global: LATE_GLOBAL },
  // The pieces the late code loads (late/pieces.ts) register on a global named as their file.
  saved: { file: SAVED_FILE, entry: `${WIDGET_SRC}/saved/index.ts`, global: SAVED_FILE },
  report: { file: REPORT_FILE, entry: `${WIDGET_SRC}/report/index.ts`, global: REPORT_FILE },
} as const;

export type LateFile = Exclude<keyof typeof SCRIPT_FILES, "main">;

/**
 * Hosted mode's script file: a family of its own (Invoice, RBS), one standalone classic script
 * with its own Preact, lending to and borrowing from no other file. Not in SCRIPT_FILES: those
 * are the card family's main file and the late files that borrow from it.
 */
export const HOSTED_FILE = { file: "checkout-widget-hosted.js", entry: `${WIDGET_SRC}/hosted-embed.ts` } as const;

/**
 * Hosted mode's saved cards: loaded by the hosted file (hosted/ask-saved-cards.ts) only when the
 * endpoint listed cards. It borrows from the hosted file what must be one copy on the page
 * (HOSTED_LENT: preact, the stylesheet) and carries its own copies of the rest it needs of shared/.
 */
export const HOSTED_SAVED_FILE = { file: HOSTED_SAVED_NAME, entry: `${WIDGET_SRC}/hosted-saved/index.ts`, global: HOSTED_SAVED_NAME } as const;

/** The modules the hosted saved file borrows from the hosted file (keys as in Lent: a preact specifier, or a path from widget/src). */
export const HOSTED_LENT = ["preact", "shared/ui/styles.ts"] as const;

/** Which script file a folder's code runs from ("none": not in a script file). */
export type Ships = keyof typeof SCRIPT_FILES | "hosted" | "hostedSaved" | "none";

export interface FolderRule {
  ships: Ships;
  /** Folders (or root files) whose values it may import; type imports are free. */
  imports: readonly string[];
  /** Reached only by a dynamic import (the late code from the npm entry). */
  dynamic?: readonly string[];
  /**
   * Single modules of other folders it may import (paths from widget/src), allowed in the npm
   * entry's first chunk: the error classes createCryptogram rejects with, for `instanceof`.
   */
  files?: readonly string[];
}

/**
 * - shared/ ships in checkout-widget.js, and the late file borrows what it imports from there.
 * - form/ and host/ ship in checkout-widget.js only (the card form; entries, slot, shell).
 * - late/ and cryptogram/ ship in checkout-widget-crypto.js (the npm build: a dynamic chunk).
 *   cryptogram/ is node-forge's piece, reached by late/ only through its index.ts.
 * - saved/ ships in checkout-widget-saved.js: the saved cards' list and panel, loaded only when
 *   `{endpoint}/saved-cards` answered with cards or canSave (late/pieces.ts).
 * - report/ ships in checkout-widget-report.js: what the console says about wrong or unknown
 *   options, loaded only when there is something to say (late/pieces.ts).
 * - hosted/ ships in checkout-widget-hosted.js (and the npm entry `checkout-widget/hosted`), which
 *   bundles what it needs of shared/ and of late/ (the payment plumbing, the answer texts) as
 *   copies of its own; never the card form (form/, host/) nor node-forge (cryptogram/).
 * - hosted-saved/ ships in checkout-widget-hosted-saved.js (an npm chunk of `checkout-widget/hosted`):
 *   hosted mode's saved cards around saved/'s list, reached by hosted/ by dynamic import only.
 * - react/ (a wrapper for React apps) builds on the npm entry alone.
 * - index.ts (npm) and embed.ts (script tag) are the two entries. The npm entry also exports the
 *   two error classes of cryptogram/ (a few hundred bytes, no node-forge) for `instanceof`.
 */
export const LAYOUT: Readonly<Record<string, FolderRule>> = {
  shared: { ships: "main", imports: ["shared"] },
  form: { ships: "main", imports: ["shared", "form"] },
  host: { ships: "main", imports: ["shared", "form", "host"] },
  late: { ships: "late", imports: ["shared", "late", "cryptogram"], dynamic: ["saved", "report"] },
  cryptogram: { ships: "late", imports: ["shared", "cryptogram"] },
  saved: { ships: "saved", imports: ["shared", "saved"] },
  report: { ships: "report", imports: ["shared", "report"] },
  hosted: { ships: "hosted", imports: ["shared", "late", "hosted"], dynamic: ["hosted-saved"] },
  "hosted-saved": { ships: "hostedSaved", imports: ["shared", "late", "saved", "hosted", "hosted-saved"] },
  react: { ships: "none", imports: ["index.ts"] },
  "index.ts": {
    ships: "main",
    imports: ["shared", "form", "host"],
    dynamic: ["late"],
    files: ["cryptogram/card-validation-error.ts", "cryptogram/cryptogram-error.ts"],
  },
  "embed.ts": { ships: "main", imports: ["shared", "form", "host"] },
  "hosted-embed.ts": { ships: "hosted", imports: ["hosted"] },
};

/** What must never reach hosted mode's file: the card form and its entries, and node-forge's piece. */
const NOT_HOSTED = ["form", "host", "cryptogram", "index.ts", "embed.ts", "react"];
/** ...nor, in the hosted file itself, the saved cards (their own file, loaded for a shopper with cards). */
const NOT_HOSTED_MAIN = ["saved", "hosted-saved"];

/**
 * checkout-widget-hosted.js holds no card code: not the card form (form/, host/), not node-forge
 * or cryptogram/ (a hosted merchant never encrypts a card), and of late/ nothing that reaches them.
 */
export function checkHostedBundle(hosted: Metafile, file: string = HOSTED_FILE.file): string[] {
  const problems: string[] = [];
  for (const input of inputsOf(hosted)) {
    const place = placeOf(input);
    if (/^node_modules\/node-forge\//.test(input)) problems.push(`${file} bundles ${input}: a hosted-mode merchant must not download node-forge`);
    else if (/^node_modules\/preact\/jsx-runtime\//.test(input)) problems.push(`${file} bundles ${input}: a second vnode factory; hosted JSX is preact's createElement (scripts/script-tag.ts hostedJsxPlugin)`);
    else if (place !== null && NOT_HOSTED.includes(place)) problems.push(`${file} bundles ${input}, card-family code (${place}${place.endsWith(".ts") ? "" : "/"}): hosted mode reaches only shared/, late/'s plumbing and hosted/`);
    else if (place !== null && NOT_HOSTED_MAIN.includes(place)) problems.push(`${file} bundles ${input}: the saved cards ship in ${HOSTED_SAVED_FILE.file}, loaded only for a shopper with cards (hosted/ask-saved-cards.ts)`);
    else if (input.startsWith(`${WIDGET_SRC}/late/`) && /\/(cp-cryptogram|index)\.ts$|\/late\/views\/(?!late-styles)/.test(input)) problems.push(`${file} bundles ${input}: import late/'s single modules, not its entry or its card views`);
  }
  return problems;
}

/**
 * checkout-widget-hosted-saved.js holds no card code either, no second preact or stylesheet (they
 * are borrowed from the hosted file: HOSTED_LENT), and of hosted/ only its pure modules (HOSTED_PURE:
 * answers' readers, the pay body), never its flow, views or entries (a second flow would not be the
 * one on screen).
 */
const HOSTED_PURE = [`${WIDGET_SRC}/hosted/answers.ts`, `${WIDGET_SRC}/hosted/pay-body.ts`];

export function checkHostedSavedBundle(saved: Metafile, file: string = HOSTED_SAVED_FILE.file): string[] {
  const problems: string[] = [];
  for (const input of inputsOf(saved)) {
    const place = placeOf(input);
    if (/^node_modules\/node-forge\//.test(input) || (place !== null && NOT_HOSTED.includes(place))) problems.push(`${file} bundles ${input}: card-family code`);
    else if (/^node_modules\/preact\//.test(input) || input === `${WIDGET_SRC}/shared/ui/styles.ts`) problems.push(`${file} bundles ${input}: a second copy; borrow it from ${HOSTED_FILE.file} (HOSTED_LENT)`);
    else if (place === "hosted" && !HOSTED_PURE.includes(input)) problems.push(`${file} bundles ${input}: of hosted/ only answers.ts and pay-body.ts (the flow and views are the hosted file's)`);
  }
  return problems;
}

/** The folder whose code is lent by the main file to the late one. */
export const LENT_FOLDER = "shared";

/** The layout entry of a bundle input ("widget/src/host/mount.tsx" → "host"), or null outside widget/src. */
export function placeOf(input: string): string | null {
  if (!input.startsWith(`${WIDGET_SRC}/`)) return null;
  const rest = input.slice(WIDGET_SRC.length + 1);
  const slash = rest.indexOf("/");
  return slash < 0 ? rest : rest.slice(0, slash);
}

export function shipsIn(input: string): Ships | null {
  const place = placeOf(input);
  return place === null ? null : (LAYOUT[place]?.ships ?? null);
}

const allowed = (list: readonly string[]) => list.map((p) => (p.endsWith(".ts") ? p : `${p}/`)).join(", ");

/** Value imports that break the folder rules, one line each (empty when the layout holds). */
export function checkImports(metafile: Metafile): string[] {
  const problems: string[] = [];
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    const place = placeOf(input);
    if (place === null) continue;
    const rule = LAYOUT[place];
    if (!rule) {
      problems.push(`${input} is in no folder of the layout (scripts/widget-layout.ts): put it where the file that ships it says`);
      continue;
    }
    for (const imported of imports) {
      const target = imported.external ? null : placeOf(imported.path);
      if (target === null) continue;
      const dynamic = imported.kind === "dynamic-import";
      const ok = dynamic ? (rule.dynamic ?? []).includes(target) || rule.imports.includes(target) : rule.imports.includes(target);
      if (ok || (!dynamic && allowedFile(rule, imported.path))) continue;
      const targetShips = LAYOUT[target]?.ships;
      const reach =
        rule.ships === "main" && targetShips === "hosted"
          ? ` (hosted mode is its own family: ${HOSTED_FILE.file})`
          : rule.ships === "main" && targetShips !== "main" && targetShips !== "none"
            ? " (main code reaches late code through late() in host/late.ts)"
            : "";
      problems.push(`${input} imports ${imported.path}: ${place}${place.endsWith(".ts") ? "" : "/"} may import ${allowed(rule.imports)} only${reach}`);
    }
  }
  return problems;
}

function allowedFile(rule: FolderRule | undefined, input: string): boolean {
  return (rule?.files ?? []).some((file) => input === `${WIDGET_SRC}/${file}`);
}

/** Inputs of one bundle as a set, without esbuild's virtual namespaces. */
export function inputsOf(metafile: Metafile): Set<string> {
  return new Set(Object.keys(metafile.inputs).filter((input) => !/^[a-z-]+:/.test(input)));
}

/** Late code: what ships in a late file. */
function isLate(ships: Ships | null): boolean {
  return ships !== null && ships !== "main" && ships !== "none";
}

/** checkout-widget.js must hold no late code: it would grow the critical path. */
export function checkMainBundle(main: Metafile): string[] {
  return [...inputsOf(main)]
    .filter((input) => isLate(shipsIn(input)))
    .map((input) =>
      shipsIn(input) === "hosted"
        ? `checkout-widget.js bundles ${input}, hosted-mode code: it ships in ${HOSTED_FILE.file} alone`
        : `checkout-widget.js bundles ${input}, late code: main code reaches it through late() (host/late.ts)`,
    );
}

/**
 * The late file holds only late code and what no other file carries: a module of shared/ or
 * preact bundled here would be a second copy (two render states, two stylesheet counters, bytes
 * twice), and so would any package the main file bundles too.
 */
export function checkLateBundle(late: Metafile, main: Metafile, piece: LateFile = "late"): string[] {
  const file = SCRIPT_FILES[piece].file;
  const inMain = inputsOf(main);
  const problems: string[] = [];
  for (const input of inputsOf(late)) {
    const ships = shipsIn(input);
    if (input.startsWith(`${WIDGET_SRC}/${LENT_FOLDER}/`)) {
      problems.push(`${file} bundles ${input}: code of ${LENT_FOLDER}/ must be borrowed from checkout-widget.js, not copied`);
    } else if (/^node_modules\/preact\//.test(input)) {
      problems.push(`${file} bundles ${input}: a second preact would split the render state; import preact by its package name`);
    } else if (ships === "main") {
      problems.push(`${file} bundles ${input}, main-only code: move what both files need to ${LENT_FOLDER}/`);
    } else if (ships !== null && ships !== piece) {
      const other: Readonly<Record<string, { file: string }>> = SCRIPT_FILES;
      problems.push(`${file} bundles ${input}, which ships in ${other[ships]?.file ?? "no script file"}`);
    } else if (ships === null && inMain.has(input)) {
      problems.push(`${file} bundles ${input}, which checkout-widget.js carries too: reach it through ${LENT_FOLDER}/`);
    }
  }
  return problems;
}

/**
 * Lending must not grow the main file: whatever the late file borrows, the main file already
 * carries for itself. `withLend` and `without` are the main file built with and without the lend.
 */
export function checkLendAddsNothing(withLend: Metafile, without: Metafile): string[] {
  const before = inputsOf(without);
  return [...inputsOf(withLend)]
    .filter((input) => !before.has(input))
    .map(
      (input) =>
        `the late file borrows ${input}, which checkout-widget.js does not use itself: lending it would grow the critical path ` +
        (/^node_modules\/preact\//.test(input) ? "(use only what the main file uses of preact: class components, no hooks)" : "(move what only late code uses to late/)"),
    );
}

/** The inputs of an npm entry's first chunk: its output and every chunk it imports statically. */
export function firstChunkInputs(npm: Metafile, entryOutput: string): Set<string> {
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const input of Object.keys(npm.outputs[file]?.inputs ?? {})) inputs.add(input);
    for (const imported of npm.outputs[file]?.imports ?? []) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entryOutput);
  return inputs;
}

/** The npm entry's first chunk: the entry output and every chunk it imports statically hold no late code. */
export function checkNpmFirstChunk(npm: Metafile, entryOutput: string): string[] {
  const outputs = npm.outputs;
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entryOutput);
  const problems: string[] = [];
  for (const file of seen) {
    for (const input of Object.keys(outputs[file]?.inputs ?? {})) {
      if (isLate(shipsIn(input)) && !allowedFile(LAYOUT["index.ts"], input)) problems.push(`${file} (the npm entry's first chunk) holds ${input}: late code belongs behind loadLate()`);
    }
  }
  return problems;
}

/**
 * The npm build's files, as a merchant's bundler reads them: the entry imports one chunk of ours
 * (the first chunk, whole), and no file imports another bare (`import "./x.js"`): the package is
 * side-effect free, so a bundler drops such an import, and esbuild warns of it outside node_modules.
 */
export function checkNpmChunkImports(files: ReadonlyMap<string, string>, entryFile: string): string[] {
  const problems: string[] = [];
  for (const [file, code] of files) {
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*["'](\.{1,2}\/[^"']+)["']/g)) problems.push(`${file} imports ${m[1]} bare: every chunk it needs must be imported by name`);
  }
  const entry = files.get(entryFile) ?? "";
  const chunks = new Set([...entry.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]));
  if (chunks.size > 1) problems.push(`${entryFile} imports ${chunks.size} chunks (${[...chunks].join(", ")}): the npm entry's first chunk must be one`);
  return problems;
}

export class LayoutError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`widget layout:\n  ${problems.join("\n  ")}`);
    this.name = "LayoutError";
  }
}

/** Throws one error listing every problem. */
export function assertLayout(problems: readonly string[]): void {
  if (problems.length > 0) throw new LayoutError(problems);
}
