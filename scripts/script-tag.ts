// The script-tag files, split by the layout (scripts/widget-layout.ts) and nothing else:
//   checkout-widget.js         embed.ts: shared/, form/, host/ (the critical path)
//   checkout-widget-crypto.js  late/index.ts: late/, cryptogram/ (loaded after the form is on screen)
//   checkout-widget-hosted.js  hosted-embed.ts: hosted mode (Invoice, RBS), standalone (buildHostedScript)
// A late file borrows what it imports from shared/ and preact from the main file instead of
// carrying a second copy. Which names it borrows is read from the late code's real imports at
// build time (a first pass that leaves those imports external), so nothing is listed by hand: the
// main file lends exactly those on a private global, and the late file reads them there.
import { readFile, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { BuildOptions, Metafile, Plugin } from "esbuild";
import ts from "typescript";
import { minify } from "terser";
import { assertLayout, checkHostedBundle, checkHostedSavedBundle, checkImports, checkLateBundle, checkLendAddsNothing, checkMainBundle, HOSTED_FILE, HOSTED_LENT, HOSTED_SAVED_FILE, LENT_FOLDER, SCRIPT_FILES, WIDGET_SRC } from "./widget-layout.ts";
import type { LateFile } from "./widget-layout.ts";

const MAIN_FILE = SCRIPT_FILES.main.file;
/** Private global through which the main file lends the late files what they share with it. */
export const LEND_GLOBAL = "__checkoutWidgetLent";
/** The same for hosted mode: what checkout-widget-hosted.js lends its saved cards' file (HOSTED_LENT). */
export const HOSTED_LEND_GLOBAL = "__checkoutWidgetHostedLent";

/** Who lends: the card family's main file (shared/ and preact), or the hosted file (HOSTED_LENT only). */
interface Lender {
  global: string;
  file: string;
  /** The lend's key for a bare preact specifier or a path from widget/src, or null: bundled. */
  keyOf(specifierOrPath: string, bare: boolean): string | null;
  /**
   * Every export of each lent module: a borrower that bundles copies of other modules (the hosted
   * saved file's shared/index.ts) imports names it never uses, which must resolve (to undefined).
   */
  exportsOf?: ReadonlyMap<string, readonly string[]>;
}

const CARD_LENDER: Lender = {
  global: LEND_GLOBAL,
  file: MAIN_FILE,
  keyOf: (path, bare) => (bare ? (/^preact(\/|$)/.test(path) ? path : null) : path.startsWith(`${WIDGET_SRC}/${LENT_FOLDER}/`) ? path.slice(WIDGET_SRC.length + 1) : null),
};

const HOSTED_LENDER: Lender = {
  global: HOSTED_LEND_GLOBAL,
  file: HOSTED_FILE.file,
  keyOf: (path, bare) => {
    const key = bare ? path : path.slice(WIDGET_SRC.length + 1);
    return (HOSTED_LENT as readonly string[]).includes(key) && (bare || path.startsWith(`${WIDGET_SRC}/`)) ? key : null;
  },
};

const LATE_FILES = (Object.keys(SCRIPT_FILES) as (keyof typeof SCRIPT_FILES)[]).filter((key): key is LateFile => key !== "main");

/** Module key → the names the late file imports from it. Keys: a path from widget/src, or a preact specifier. */
export type Lent = ReadonlyMap<string, readonly string[]>;

export interface ScriptTagBuild {
  main: Metafile;
  late: Record<LateFile, Metafile>;
  lent: Lent;
}

/**
 * Resolves the late code's imports of shared/ and preact to the main file's copies: `external` in
 * the pass that reads the names, the lend-reading modules in the real build.
 */
function borrowFromMain(root: string, lent: Lent | null, lender: Lender = CARD_LENDER): Plugin {
  const skip = Symbol("borrow-from-main");
  return {
    name: "borrow-from-main",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.path === LEND_READER && args.namespace === "lent") return { path: LEND_READER, namespace: "lent" };
        if (args.kind === "entry-point" || args.pluginData === skip || args.namespace !== "file") return undefined;
        let key: string | null = null;
        if (/^preact(\/|$)/.test(args.path)) key = lender.keyOf(args.path, true);
        else if (args.path.startsWith(".") || isAbsolute(args.path)) {
          const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: skip });
          if (resolved.errors.length > 0) return { errors: resolved.errors };
          key = lender.keyOf(relative(root, resolved.path).replaceAll("\\", "/"), false);
        }
        if (key === null) return undefined;
        return lent === null ? { path: key, external: true } : { path: key, namespace: "lent" };
      });
      const order = lendOrder(lent ?? new Map());
      b.onLoad({ filter: /.*/, namespace: "lent" }, (args) => ({ contents: lendingModule(args.path, lent?.get(args.path) ?? [], order, lender), loader: "js" }));
    },
  };
}

/**
 * The lend is one array: the main file puts the borrowed values on it in a derived order, and each
 * borrowed module of the late file reads its names at their places. Both sides are generated from
 * the same list, so no name travels as text.
 */
function lendOrder(lent: Lent): Map<string, number> {
  const order = new Map<string, number>();
  for (const [key, names] of lent) for (const name of names) order.set(`${key}\0${name}`, order.size);
  return order;
}

/** The late file's one read of the lend (every borrowed module imports it), checked once. */
const LEND_READER = "\0lend";

function lendReader(lender: Lender): string {
  return [
    `export const lent = window.${lender.global};`,
    `if (!lent) throw new Error("checkout-widget: this file runs only after ${lender.file} on the page");`,
  ].join("\n");
}

/** In the late file: one borrowed module, read from the lend when the late file runs. */
function lendingModule(key: string, names: readonly string[], order: Map<string, number>, lender: Lender): string {
  if (key === LEND_READER) return lendReader(lender);
  // One destructuring per module (its names sit side by side on the lend), not a read per name.
  const slots: string[] = [];
  for (const [i, name] of names.entries()) {
    const at = order.get(`${key}\0${name}`);
    if (at === undefined) throw new Error(`${key}: ${name} is not on the lend`);
    slots[at] = `b${i}`;
  }
  const exports = names.map((name, i) => `b${i} as ${name}`);
  const unused = (lender.exportsOf?.get(key) ?? []).filter((name) => !names.includes(name)).map((name) => `u as ${name}`);
  return [
    `import { lent } from ${JSON.stringify(LEND_READER)};`,
    `const [${Array.from(slots, (slot) => slot ?? "").join(", ")}] = lent;`,
    ...(unused.length > 0 ? ["const u = void 0;"] : []),
    `export { ${[...exports, ...unused].join(", ")} };`,
  ].join("\n");
}

/** In the main file: imports every borrowed name and puts them on the lend, before embed.ts runs. */
function lendModule(root: string, lent: Lent, global: string = LEND_GLOBAL): string {
  const imports: string[] = [];
  const values: string[] = [];
  for (const [key, names] of lent) {
    const from = key.startsWith("preact") ? key : join(root, WIDGET_SRC, key);
    const local = names.map((name) => [name, `l${values.push(`l${values.length}`) - 1}`] as const);
    imports.push(`import { ${local.map(([name, alias]) => `${name} as ${alias}`).join(", ")} } from ${JSON.stringify(from)};`);
  }
  return [...imports, `window.${global} = [${values.join(", ")}];`].join("\n");
}

/** The names each borrowed module gives the late code, read from esbuild's ESM output (its imports are the real ones, after tree shaking). */
export function borrowedNames(esm: string): Map<string, string[]> {
  const source = ts.createSourceFile("late.js", esm, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found = new Map<string, Set<string>>();
  const add = (key: string, names: readonly string[]) => {
    const set = found.get(key) ?? new Set<string>();
    for (const name of names) set.add(name);
    found.set(key, set);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const key = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const names: string[] = [];
      if (clause?.name) names.push("default");
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        throw new Error(`late code imports all of ${key} (import * as …): import the names it uses, so that only those are lent`);
      }
      if (bindings) for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
      add(key, names);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const key = statement.moduleSpecifier.text;
      const clause = statement.exportClause;
      if (!clause || !ts.isNamedExports(clause)) throw new Error(`late code re-exports all of ${key}: name what it re-exports`);
      add(key, clause.elements.map((element) => (element.propertyName ?? element.name).text));
    }
  }
  return new Map([...found].map(([key, names]) => [key, [...names].sort()]));
}

/**
 * credit-card-type's data file carries fifteen brands with display names and code names;
 * shared/card/brands.ts reads nine brands' patterns, lengths and code size. In both builds the
 * file is replaced by that projection of itself, taken from the installed library at build
 * time (still its data, ~0.7 KB gz less). The brands are the `lib:` keys of brands.ts's table.
 */
export function cardTypesSlimPlugin(root: string): Plugin {
  return {
    name: "card-types-slim",
    setup(b) {
      b.onLoad({ filter: /[\\/]credit-card-type[\\/]dist[\\/]lib[\\/]card-types\.js$/ }, async (args) => {
        const brandsSource = await readFile(join(root, WIDGET_SRC, "shared/card/brands.ts"), "utf8");
        const keys = [...brandsSource.matchAll(/\blib: "([a-z-]+)"/g)].map((m) => m[1] ?? "");
        if (keys.length === 0) throw new Error("shared/card/brands.ts: no `lib:` keys found");
        const library = (await import(pathToFileURL(args.path).href)) as { default: Record<string, LibraryCardType> };
        const slim: Record<string, Pick<LibraryCardType, "patterns" | "lengths"> & { code: { size: number } }> = {};
        for (const key of keys) {
          const type = library.default[key];
          if (!type) throw new Error(`credit-card-type has no "${key}" (shared/card/brands.ts)`);
          slim[key] = { patterns: type.patterns, lengths: type.lengths, code: { size: type.code.size } };
        }
        return { contents: `export default ${JSON.stringify(slim)};`, loader: "js" };
      });
    },
  };
}

interface LibraryCardType {
  patterns: (number | number[])[];
  lengths: number[];
  code: { size: number };
}

/**
 * card-validator ships luhn-10.js as CommonJS (`module.exports = luhn10;`). Both builds read it
 * as an ES module, so that no CommonJS interop helpers ride on the critical path; the build fails
 * if the file stops ending that way.
 */
export function luhnEsmPlugin(): Plugin {
  return {
    name: "luhn-esm",
    setup(b) {
      b.onLoad({ filter: /[\\/]card-validator[\\/]dist[\\/]luhn-10\.js$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const tail = /module\.exports = luhn10;\s*$/;
        if (!tail.test(source)) throw new Error(`${args.path}: expected it to end with \`module.exports = luhn10;\``);
        return { contents: source.replace('"use strict";', "").replace(tail, "export default luhn10;\n"), loader: "js" };
      });
    },
  };
}

/**
 * A late file's last lines: its API as a plain, frozen object of the entry's exports (read in the
 * first pass) on its global. `import * as` would build a module namespace, with esbuild's getter
 * helper and one getter per export, for the same object.
 */
function registration(entry: string, global: string, names: readonly string[]): string {
  if (names.length === 0) throw new Error(`${entry}: exports nothing`);
  return `import { ${names.join(", ")} } from ${JSON.stringify(entry)};\nwindow[${JSON.stringify(global)}] = Object.freeze({ ${names.join(", ")} });`;
}

/**
 * node-forge's jsbn.js is CommonJS, bundled whole as it is. Imported as an ES module it would
 * bring esbuild's ES-module interop (__toESM and the property copy behind it) into the late file;
 * reached by `require` from a one-line module, it is the module's `exports` itself.
 */
export function forgeRequirePlugin(): Plugin {
  return {
    name: "forge-require",
    setup(b) {
      b.onResolve({ filter: /^node-forge\/lib\/jsbn$/ }, (args) =>
        args.namespace === "forge-require" ? undefined : { path: args.path, namespace: "forge-require", pluginData: args.resolveDir },
      );
      b.onLoad({ filter: /.*/, namespace: "forge-require" }, (args) => ({
        contents: `export default require(${JSON.stringify(args.path)});`,
        resolveDir: args.pluginData as string,
        loader: "js",
      }));
    },
  };
}

/**
 * A late file may load another (late/pieces.ts: the saved cards, the options report) by a dynamic
 * import, which the npm build splits off. A classic script cannot: here such an import stays
 * unbundled (the late code takes the other file's script instead and never runs it), so each file
 * carries only its own code.
 */
function otherFilesApart(root: string, piece: LateFile): Plugin {
  const skip = Symbol("other-files-apart");
  const entries = new Set(LATE_FILES.filter((other) => other !== piece).map((other) => join(root, SCRIPT_FILES[other].entry)));
  return {
    name: "other-files-apart",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== "dynamic-import" || args.pluginData === skip) return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: skip });
        return entries.has(resolved.path) ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

/** An entry made of a few lines of generated code (the lend, the late file's registration). */
function virtualEntry(root: string, name: string, contents: string, extra: Record<string, string> = {}): Plugin {
  const modules: Record<string, string> = { [name]: contents, ...extra };
  return {
    name: `virtual-${name}`,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${Object.keys(modules).join("|")})$`) }, (args) => ({ path: args.path, namespace: "virtual" }));
      b.onLoad({ filter: /.*/, namespace: "virtual" }, (args) => ({ contents: modules[args.path] ?? "", resolveDir: root, loader: "js" }));
    },
  };
}

const BOM = "\uFEFF";

/**
 * Builds both files into `dist`, checked against the layout: throws (failing the build) when the
 * late file would carry a copy of shared code or preact, when the main file would carry late
 * code, or when the lend would add to the main file something it does not use itself.
 */
export async function buildScriptTag(root: string, dist: string, common: BuildOptions): Promise<ScriptTagBuild> {
  const scriptTag = {
    ...common,
    absWorkingDir: root,
    format: "iife",
    minify: true,
    treeShaking: true,
    metafile: true,
    // UTF-8 text (Cyrillic) is smaller than \u escapes; the BOM makes browsers decode the script as
    // UTF-8 even on a windows-1251 page served without a charset.
    banner: { js: BOM },
  } satisfies BuildOptions;

  // 1. What the late code imports from shared/ and preact: each late file's ESM output with those
  //    left external.
  const lent = new Map<string, string[]>();
  const exported = {} as Record<LateFile, string[]>;
  for (const piece of LATE_FILES) {
    const names = await build({
      ...common,
      absWorkingDir: root,
      entryPoints: [SCRIPT_FILES[piece].entry],
      format: "esm",
      treeShaking: true,
      write: false,
      outdir: join(dist, "borrowed"),
      plugins: [otherFilesApart(root, piece), borrowFromMain(root, null)],
      metafile: true,
    });
    exported[piece] = Object.values(names.metafile.outputs)[0]?.exports ?? [];
    for (const [key, borrowed] of borrowedNames(names.outputFiles[0]?.text ?? "")) {
      lent.set(key, [...new Set([...(lent.get(key) ?? []), ...borrowed])].sort());
    }
  }

  // 2. The late files, reading those from the lend; each registers its API for host/late-script.ts.
  const late = {} as Record<LateFile, Metafile>;
  for (const piece of LATE_FILES) {
    const { file, entry, global } = SCRIPT_FILES[piece];
    const result = await build({
      ...scriptTag,
      entryPoints: ["late-entry"],
      outfile: join(dist, file),
      plugins: [
        virtualEntry(root, "late-entry", registration(join(root, entry), global, exported[piece])),
        forgeRequirePlugin(),
        otherFilesApart(root, piece),
        borrowFromMain(root, lent),
      ],
    });
    late[piece] = result.metafile;
  }

  // 3. The main file, lending them first; and once more without the lend, to see that it adds nothing.
  const mainPlugins = [cardTypesSlimPlugin(root), luhnEsmPlugin()];
  const [main, bare] = await Promise.all([
    build({
      ...scriptTag,
      entryPoints: ["main-entry"],
      outfile: join(dist, MAIN_FILE),
      plugins: [
        virtualEntry(root, "main-entry", `import "lend";\nimport ${JSON.stringify(join(root, SCRIPT_FILES.main.entry))};`, { lend: lendModule(root, lent) }),
        ...mainPlugins,
      ],
    }),
    build({ ...scriptTag, entryPoints: [SCRIPT_FILES.main.entry], write: false, outfile: join(dist, "bare.js"), plugins: mainPlugins }),
  ]);

  assertLayout([
    ...checkImports(main.metafile),
    ...checkMainBundle(main.metafile),
    ...checkLendAddsNothing(main.metafile, bare.metafile),
    ...LATE_FILES.flatMap((piece) => [...checkImports(late[piece]), ...checkLateBundle(late[piece], main.metafile, piece)]),
  ]);
  await Promise.all(Object.values(SCRIPT_FILES).map(({ file }) => squeeze(join(dist, file))));

  // `BUNDLE_INPUTS=1 npm run build`: minified bytes per module, to see where the budget goes.
  if (process.env.BUNDLE_INPUTS) {
    for (const metafile of [main.metafile, ...Object.values(late)]) {
      for (const [file, output] of Object.entries(metafile.outputs)) {
        console.log(file);
        const inputs = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
        for (const [input, { bytesInOutput }] of inputs) console.log(`${String(bytesInOutput).padStart(8)}  ${input}`);
      }
    }
    for (const [key, borrowed] of lent) console.log(`lent ${key}: ${borrowed.join(", ")}`);
  }
  return { main: main.metafile, late, lent };
}

/**
 * A second, slower minification of a script-tag file: terser's compressor finds what esbuild's
 * single pass leaves (about 0.7 KB gzipped of the critical path). Safe transforms only; the e2e
 * suite runs on these files. The BOM is kept (see buildScriptTag).
 */
async function squeeze(file: string): Promise<void> {
  const code = (await readFile(file, "utf8")).replace(BOM, "");
  // esbuild lowers every private field of a class to WeakMaps and helpers (about 0.5 KB gzipped)
  // when one member needs lowering (a #private method, `#x in y`): use arrow-function fields.
  if (code.includes("private member more than once")) throw new Error(`${file}: private fields were lowered (a #private method?)`);
  const result = await minify(code, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (result.code === undefined) throw new Error(`terser produced nothing for ${file}`);
  await writeFile(file, BOM + result.code);
}

/**
 * The card form's own rules of shared/ui/styles.ts (its fields, brand row, skeleton): hosted mode
 * draws none of them, so its file leaves them out. Each entry names the class a rule line starts
 * with (`& .cw-field{…}\`); the build fails when one matches no line (the stylesheet changed).
 */
export const FORM_ONLY_STYLES = ["cw-brands", "cw-mark-svg", "cw-field", "cw-row", "cw-label", "cw-box", "cw-input", "cw-num", "cw-name", "cw-brand", "cw-skel", "cw-wait"] as const;

/** FailCodes only the card flow makes (late/payment/failures.ts): none of hosted/ or hosted-saved/ creates them. */
export const CARD_ONLY_FAILURES = ["three_ds_failed", "crypto_failed", "config", "script_unavailable"] as const;

export function hostedStylesPlugin(): Plugin {
  return {
    name: "hosted-styles",
    setup(b) {
      b.onLoad({ filter: /[\\/]widget[\\/]src[\\/]shared[\\/]ui[\\/]styles\.ts$/ }, async (args) => {
        const lines = (await readFile(args.path, "utf8")).split("\n");
        const formOnly = (line: string) => FORM_ONLY_STYLES.find((name) => line.startsWith(`& .${name}{`) || line.startsWith(`& .${name} `) || line.startsWith(`& .${name}:`) || line.startsWith(`& .${name}[`) || line.startsWith(`& .${name}>`) || line.startsWith(`& .${name}::`));
        const dropped = new Set<string>();
        const kept = lines.filter((line) => {
          const name = formOnly(line) ?? (line.startsWith("@keyframes cw-pulse") ? "cw-skel" : undefined);
          if (name) dropped.add(name);
          return name === undefined;
        });
        const missing = FORM_ONLY_STYLES.filter((name) => !dropped.has(name));
        if (missing.length > 0) throw new Error(`${args.path}: no rule line starts with ${missing.map((name) => `.${name}`).join(", ")} (scripts/script-tag.ts FORM_ONLY_STYLES)`);
        // A second button in an answer box (only the card form's screens draw one), and the form row's gap.
        const source = kept.filter((line) => !line.startsWith("& .cw-result .cw-btn+.cw-btn{")).join("\n");
        const contents = source.replace("& .cw-row{column-gap:8px}", "");
        if (contents === source || source.split("\n").length !== kept.length - 1) throw new Error(`${args.path}: .cw-result .cw-btn+.cw-btn or the small screen's .cw-row rule changed (scripts/script-tag.ts hostedStylesPlugin)`);
        return { contents, loader: "ts" };
      });
      // The approved screen's brand mark (late/views/late-styles.ts): hosted mode names the card in words.
      b.onLoad({ filter: /[\\/]widget[\\/]src[\\/]late[\\/]views[\\/]late-styles\.ts$/ }, async (args) => {
        const lines = (await readFile(args.path, "utf8")).split("\n");
        const kept = lines.filter((line) => !line.startsWith("& .cw-card>svg{"));
        if (kept.length !== lines.length - 1) throw new Error(`${args.path}: no rule line starts with .cw-card>svg (scripts/script-tag.ts hostedStylesPlugin)`);
        return { contents: kept.join("\n"), loader: "ts" };
      });
      // The card flow's own failures (3-D Secure, the cryptogram, its late files, its options): hosted
      // mode never makes them, so their rules stay out of the hosted files.
      b.onLoad({ filter: /[\\/]widget[\\/]src[\\/]late[\\/]payment[\\/]failures\.ts$/ }, async (args) => {
        const lines = (await readFile(args.path, "utf8")).split("\n");
        const cardOnly = (line: string) => CARD_ONLY_FAILURES.find((code) => line.trimStart().startsWith(`${code}: "`));
        const dropped = new Set(lines.map(cardOnly).filter((code) => code !== undefined));
        const missing = CARD_ONLY_FAILURES.filter((code) => !dropped.has(code));
        if (missing.length > 0) throw new Error(`${args.path}: no rule line for ${missing.join(", ")} (scripts/script-tag.ts CARD_ONLY_FAILURES)`);
        return { contents: lines.filter((line) => cardOnly(line) === undefined).join("\n"), loader: "ts" };
      });
    },
  };
}

/**
 * In the script tag, hosted mode loads its saved cards as a classic script (hosted/saved-script.ts)
 * in place of the npm build's dynamic import (hosted/saved-chunk.ts), which an IIFE would carry
 * with esbuild's lazy-module helpers.
 */
function hostedSavedAsScript(root: string): Plugin {
  const chunk = join(root, WIDGET_SRC, "hosted/saved-chunk.ts");
  return {
    name: "hosted-saved-as-script",
    setup(b) {
      b.onLoad({ filter: /[\\/]hosted[\\/]saved-chunk\.ts$/ }, (args) => (args.path === chunk ? { contents: `export { loadHostedSaved } from "./saved-script.ts";`, loader: "ts" } : undefined));
    },
  };
}

/**
 * The hosted files compile JSX to preact's createElement (`h`), not to preact/jsx-runtime: render()
 * carries createElement in any case, so a second vnode factory (jsx, jsxs) would be bytes for
 * nothing, and `h("p", props, child)` is shorter than `jsx("p", { ...props, children: child })`.
 * Each .tsx module of theirs gets esbuild's classic-runtime pragmas and its import of `h` (the saved
 * file borrows it as the rest of preact); the npm build keeps the automatic runtime (tsconfig.json).
 */
export function hostedJsxPlugin(): Plugin {
  return {
    name: "hosted-jsx",
    setup(b) {
      b.onLoad({ filter: /\.tsx$/ }, async (args) => ({
        contents: `/* @jsxRuntime classic */ /* @jsx __h */ import { h as __h } from "preact";\n${await readFile(args.path, "utf8")}`,
        loader: "tsx",
      }));
    },
  };
}

/**
 * The brand marks' rule (`.cw-mark-svg` of shared/ui/styles.ts, one of FORM_ONLY_STYLES): the hosted
 * file leaves it out, as none of its screens draws a mark, so hosted-saved/index.ts, whose list does,
 * gets a line adding it to the sheet as it runs (script tag and npm chunk alike). Read from the
 * stylesheet at build time: one rule, one place.
 */
export function hostedSavedMarkRulePlugin(root: string): Plugin {
  const styles = join(root, WIDGET_SRC, "shared/ui/styles.ts");
  const entry = join(root, HOSTED_SAVED_FILE.entry);
  return {
    name: "hosted-saved-mark-rule",
    setup(b) {
      b.onLoad({ filter: /[\\/]hosted-saved[\\/]index\.ts$/ }, async (args) => {
        if (args.path !== entry) return undefined;
        const line = (await readFile(styles, "utf8")).split("\n").find((one) => one.startsWith("& .cw-mark-svg{"));
        if (!line?.endsWith("}\\")) throw new Error(`${styles}: no one-line .cw-mark-svg rule (scripts/script-tag.ts hostedSavedMarkRulePlugin)`);
        const rule = `import { extendStyles as addRule, scoped as scopeRule } from "../shared/ui/styles.ts";\naddRule(scopeRule(${JSON.stringify(line.slice(0, -1))}));\n`;
        return { contents: `${await readFile(args.path, "utf8")}\n${rule}`, loader: "ts" };
      });
    },
  };
}

export interface HostedScriptBuild {
  hosted: Metafile;
  saved: Metafile;
  lent: Lent;
}

/**
 * dist/checkout-widget-hosted.js: hosted mode's one classic script, Preact and all (it borrows from
 * no other file), checked to hold no card-family code (checkHostedBundle); and
 * dist/checkout-widget-hosted-saved.js, the saved cards it loads for a shopper with cards, borrowing
 * from it exactly the names of HOSTED_LENT's modules it imports (read as for the card family's lend).
 */
export async function buildHostedScript(root: string, dist: string, common: BuildOptions): Promise<HostedScriptBuild> {
  const script = { ...common, absWorkingDir: root, format: "iife", minify: true, treeShaking: true, metafile: true, banner: { js: BOM } } satisfies BuildOptions;
  const names = await build({
    ...common,
    absWorkingDir: root,
    entryPoints: [HOSTED_SAVED_FILE.entry],
    format: "esm",
    treeShaking: true,
    write: false,
    outdir: join(dist, "borrowed-hosted"),
    plugins: [hostedJsxPlugin(), hostedSavedMarkRulePlugin(root), hostedStylesPlugin(), borrowFromMain(root, null, HOSTED_LENDER)],
    metafile: true,
  });
  const exported = Object.values(names.metafile.outputs)[0]?.exports ?? [];
  const lent = borrowedNames(names.outputFiles[0]?.text ?? "");
  const exportsOf = new Map<string, string[]>();
  for (const key of lent.keys()) {
    const module = (await import(key.startsWith("preact") ? key : pathToFileURL(join(root, WIDGET_SRC, key)).href)) as Record<string, unknown>;
    exportsOf.set(key, Object.keys(module).filter((name) => name !== "default"));
  }
  const lender: Lender = { ...HOSTED_LENDER, exportsOf };
  const [result, saved] = await Promise.all([
    build({
      ...script,
      entryPoints: ["hosted-entry"],
      outfile: join(dist, HOSTED_FILE.file),
      plugins: [
        virtualEntry(root, "hosted-entry", `import "lend";\nimport ${JSON.stringify(join(root, HOSTED_FILE.entry))};`, { lend: lendModule(root, lent, HOSTED_LEND_GLOBAL) }),
        hostedJsxPlugin(),
        hostedStylesPlugin(),
        hostedSavedAsScript(root),
      ],
    }),
    build({
      ...script,
      entryPoints: ["hosted-saved-entry"],
      outfile: join(dist, HOSTED_SAVED_FILE.file),
      plugins: [
        hostedJsxPlugin(),
        virtualEntry(root, "hosted-saved-entry", registration(join(root, HOSTED_SAVED_FILE.entry), HOSTED_SAVED_FILE.global, exported)),
        hostedSavedMarkRulePlugin(root),
        cardTypesSlimPlugin(root),
        hostedStylesPlugin(),
        borrowFromMain(root, lent, lender),
      ],
    }),
  ]);
  assertLayout([...checkImports(result.metafile), ...checkHostedBundle(result.metafile), ...checkImports(saved.metafile), ...checkHostedSavedBundle(saved.metafile)]);
  await Promise.all([squeeze(join(dist, HOSTED_FILE.file)), squeeze(join(dist, HOSTED_SAVED_FILE.file))]);
  if (process.env.BUNDLE_INPUTS) {
    for (const metafile of [result.metafile, saved.metafile]) {
      for (const [file, output] of Object.entries(metafile.outputs)) {
        console.log(file);
        for (const [input, { bytesInOutput }] of Object.entries(output.inputs).sort((a, c) => c[1].bytesInOutput - a[1].bytesInOutput)) console.log(`${String(bytesInOutput).padStart(8)}  ${input}`);
      }
    }
    for (const [key, borrowed] of lent) console.log(`hosted lends ${key}: ${borrowed.join(", ")}`);
  }
  return { hosted: result.metafile, saved: saved.metafile, lent };
}
