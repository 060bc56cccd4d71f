// `npm run build`: writes dist/ —
//   index.js (+ chunks)            ESM npm entry, preact/card-validator external, crypto split off
//   widget/src/**.d.ts, index.d.ts types (tsc emitDeclarationOnly, tsconfig.build.json)
//   server/, sandbox/, react.js    server kit, sandbox and React entry (scripts/build-server.ts)
//   checkout-widget.js             script-tag IIFE: global CheckoutWidget + window.cp
//   checkout-widget-crypto.js      crypto chunk IIFE, node-forge slimmed by forge-slim aliases
import { build, type BuildOptions, type Plugin } from "esbuild";
import { minify } from "terser";
import { execFileSync } from "node:child_process";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CRYPTO_GLOBAL, SHARED_GLOBAL } from "../widget/src/entries/crypto-loader.ts";
import { BUDGETS, SCRIPT_TAG_FILES, formatBundleSizes, measureBundleSizes } from "./bundle-sizes.ts";
import { LATE_MODULES, SHARED_MODULES } from "./bundle-modules.ts";
import { buildServerPackages, finishDeclarations } from "./build-server.ts";
// Build-time module of cryptogram/ (Node only, not part of its index): swaps unused node-forge files for shims.
import { forgeSlimEsbuildPlugin } from "../widget/src/cryptogram/forge-slim.ts";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const dist = join(root, "dist");

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

function browserCommon(version: string): BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: "browser",
    target: "es2020",
    // Class fields, public and #private (ES2022), run natively from Chrome 74, Firefox 90 and
    // Safari 14.1; lowering them would add helpers and WeakMaps, and native #names minify to one
    // letter. No #private methods (Safari 15): private behaviour is arrow-function fields.
    supported: { "class-field": true, "class-private-field": true },
    jsx: "automatic",
    jsxImportSource: "preact",
    define: {
      __CHECKOUT_WIDGET_VERSION__: JSON.stringify(version),
      "process.env.NODE_ENV": '"production"',
    },
    charset: "utf8",
    legalComments: "none",
    logLevel: "warning",
  };
}

/** dist/index.js: for bundlers. Keeps preact external (one copy with the host app's). */
async function buildNpmEntry(version: string): Promise<void> {
  await build({
    ...browserCommon(version),
    entryPoints: { index: "widget/src/index.ts" },
    outdir: dist,
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    external: ["preact", "preact/*", "card-validator", "credit-card-type"],
    plugins: [forgeSlimEsbuildPlugin()],
  });
}

/** Path from the root of a relative import, or the specifier itself for a package. */
function moduleKey(specifier: string, resolveDir: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return resolve(resolveDir, specifier).slice(root.length + 1).replaceAll("\\", "/");
}

function sharedModulesPlugin(): Plugin {
  return {
    name: "shared-modules",
    setup(b) {
      b.onResolve({ filter: /^(preact(\/.*)?|\.{1,2}\/.*\.tsx?)$/ }, (args) => {
        const key = moduleKey(args.path, args.resolveDir);
        return SHARED_MODULES[key] ? { path: key, namespace: "shared" } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: "shared" }, (args) => {
        const { global, names } = SHARED_MODULES[args.path] ?? { global: "", names: [] };
        const lent = `window.${SHARED_GLOBAL}.${global}`;
        return {
          contents: [
            `const m = ${lent};`,
            `for (const n of ${JSON.stringify(names)}) if (m[n] === undefined) throw new Error("checkout-widget: ${global}." + n + " is not lent by checkout-widget.js");`,
            ...names.map((name) => `export const ${name} = m.${name};`),
          ].join("\n"),
          loader: "js",
        };
      });
    },
  };
}

function lateModulesPlugin(): Plugin {
  return {
    name: "late-modules",
    setup(b) {
      b.onResolve({ filter: /^\.{1,2}\/.*\.tsx?$/ }, (args) => {
        const key = moduleKey(args.path, args.resolveDir);
        return LATE_MODULES[key] ? { path: key, namespace: "late" } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: "late" }, (args) => ({
        contents: (LATE_MODULES[args.path] ?? [])
          .map((name) => `export const ${name} = (...a) => window.${CRYPTO_GLOBAL}?.${name}(...a);`)
          .join("\n"),
        loader: "js",
      }));
    },
  };
}

/**
 * card-validator ships luhn-10.js as CommonJS (`module.exports = luhn10;`). The script-tag build
 * reads it as an ES module, so that no CommonJS interop helpers ride on the critical path; the
 * build fails if the file stops ending that way.
 */
function luhnEsmPlugin(): Plugin {
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
 * credit-card-type's data file carries fifteen brands with display names and code names; card/brands.ts
 * reads nine brands' patterns, lengths and code size. For the script tag, the file is replaced by
 * that projection of itself, taken from the installed library at build time (still its data, ~0.7 KB
 * gz less). The brands are the `lib:` keys of card/brands.ts's table.
 */
function cardTypesSlimPlugin(): Plugin {
  return {
    name: "card-types-slim",
    setup(b) {
      b.onLoad({ filter: /[\\/]credit-card-type[\\/]dist[\\/]lib[\\/]card-types\.js$/ }, async (args) => {
        const brandsSource = await readFile(join(root, "widget/src/card/brands.ts"), "utf8");
        const keys = [...brandsSource.matchAll(/\blib: "([a-z-]+)"/g)].map((m) => m[1] ?? "");
        const library = (await import(pathToFileURL(args.path).href)) as { default: Record<string, LibraryCardType> };
        const slim: Record<string, Pick<LibraryCardType, "patterns" | "lengths"> & { code: { size: number } }> = {};
        for (const key of keys) {
          const type = library.default[key];
          if (!type) throw new Error(`credit-card-type has no "${key}" (card/brands.ts)`);
          slim[key] = { patterns: type.patterns, lengths: type.lengths, code: { size: type.code.size } };
        }
        if (keys.length === 0) throw new Error("card/brands.ts: no `lib:` keys found");
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

async function buildScriptTag(version: string): Promise<void> {
  const common: BuildOptions = {
    ...browserCommon(version),
    format: "iife",
    minify: true,
    treeShaking: true,
    // UTF-8 text (Cyrillic) is smaller than \u escapes; the BOM makes browsers decode the script as
    // UTF-8 even on a windows-1251 page served without a charset.
    banner: { js: BOM },
  };
  const main = await build({
    ...common,
    entryPoints: ["widget/src/embed.ts"],
    outfile: join(dist, "checkout-widget.js"),
    plugins: [lateModulesPlugin(), cardTypesSlimPlugin(), luhnEsmPlugin()],
    metafile: true,
  });
  const chunk = await build({
    ...common,
    entryPoints: ["widget/src/entries/crypto-chunk.ts"],
    outfile: join(dist, "checkout-widget-crypto.js"),
    plugins: [forgeSlimEsbuildPlugin(), sharedModulesPlugin()],
    metafile: true,
  });
  await Promise.all([join(dist, "checkout-widget.js"), join(dist, "checkout-widget-crypto.js")].map(squeeze));
  // A module the chunk should borrow but bundled itself (a new import path): fail rather than ship
  // two copies of preact (two render states) or of the card rules.
  const copies = Object.keys(chunk.metafile.inputs).filter((input) =>
    Object.keys(SHARED_MODULES).some((key) => input === key || input.startsWith(`node_modules/${key}/`)),
  );
  if (copies.length > 0) throw new Error(`crypto chunk bundles shared modules: ${copies.join(", ")}`);
  // `BUNDLE_INPUTS=1 npm run build`: minified bytes per module, to see where the budget goes.
  if (process.env.BUNDLE_INPUTS) {
    for (const result of [main, chunk]) {
      for (const [file, output] of Object.entries(result.metafile.outputs)) {
        console.log(file);
        const inputs = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
        for (const [input, { bytesInOutput }] of inputs) console.log(`${String(bytesInOutput).padStart(8)}  ${input}`);
      }
    }
  }
}

const BOM = "\uFEFF";

/**
 * A second, slower minification of a script-tag file: terser's compressor finds what esbuild's
 * single pass leaves (about 0.7 KB gzipped of the critical path). Safe transforms only; the e2e
 * suite runs on these files. The BOM is kept (see buildScriptTag).
 */
async function squeeze(file: string): Promise<void> {
  const code = (await readFile(file, "utf8")).replace(BOM, "");
  const result = await minify(code, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (result.code === undefined) throw new Error(`terser produced nothing for ${file}`);
  await writeFile(file, BOM + result.code);
}

/** tsc writes declarations mirroring the source tree; import specifiers get their .js names. */
async function buildTypes(): Promise<void> {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  for (const file of await listFiles(dist, ".d.ts")) {
    const text = await readFile(file, "utf8");
    const rewritten = text.replace(/(from\s+|import\()(["'])(\.{1,2}\/[^"']+?)\.tsx?\2/g, "$1$2$3.js$2");
    if (rewritten !== text) await writeFile(file, rewritten);
  }
  await writeFile(join(dist, "index.d.ts"), 'export * from "./widget/src/index.js";\n');
}

async function listFiles(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(suffix)).map((e) => join(e.parentPath, e.name));
}

async function main(): Promise<void> {
  const version = await readVersion();
  await rm(dist, { recursive: true, force: true });
  await Promise.all([buildNpmEntry(version), buildServerPackages(root, dist), buildScriptTag(version)]);
  await buildTypes();
  await finishDeclarations(dist);

  const sizes = await measureBundleSizes(dist, SCRIPT_TAG_FILES);
  console.log(formatBundleSizes(sizes));
  const [critical, crypto] = sizes;
  const total = (critical?.gzip ?? 0) + (crypto?.gzip ?? 0);
  const over: string[] = [];
  if ((critical?.gzip ?? 0) > BUDGETS.criticalGzip) over.push(`critical path ${critical?.gzip} B gz > ${BUDGETS.criticalGzip}`);
  if (total > BUDGETS.totalGzip) over.push(`total ${total} B gz > ${BUDGETS.totalGzip}`);
  console.log(`total (script tag, gzip): ${(total / 1024).toFixed(1)} KB`);
  if (over.length > 0) {
    // Reported, not fatal: the demo and tests need dist/ either way; `--strict-budget` fails the build.
    console.warn(`Over budget: ${over.join("; ")}`);
    if (process.argv.includes("--strict-budget")) process.exitCode = 1;
  }
}

await main();
