// A merchant's app bundling the npm entry: every export imported, bundled with esbuild (code
// splitting) and with Vite, as the package test and the build's checks do. What the merchant's
// bundler prints (every warning) and the chunk graph it writes, for tests that hold both.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface MerchantChunk {
  file: string;
  gzip: number;
  /** Files it imports statically, and bare (`import "./x.js"`, nothing named). */
  imports: string[];
  bareImports: string[];
  dynamicImports: string[];
}

export interface MerchantBundle {
  warnings: string[];
  /** The app's entry chunk and every chunk it imports statically (what runs before the form). */
  firstChunk: MerchantChunk[];
  chunks: MerchantChunk[];
}

const APP = (specifier: string) => `import * as widget from ${JSON.stringify(specifier)};\nglobalThis.checkoutWidget = widget;\n`;

function bareImportsOf(code: string): string[] {
  return [...code.matchAll(/(?:^|[;\n}])\s*import\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");
}

function firstOf(chunks: MerchantChunk[], entry: string): MerchantChunk[] {
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const seen = new Map<string, MerchantChunk>();
  const visit = (file: string): void => {
    const chunk = byFile.get(file);
    if (!chunk || seen.has(file)) return;
    seen.set(file, chunk);
    chunk.imports.forEach(visit);
  };
  visit(entry);
  return [...seen.values()];
}

/** esbuild, minified, split, for the browser (es2020), from `dir`: the app imports `specifier`. */
export async function bundleWithEsbuild(dir: string, specifier: string): Promise<MerchantBundle> {
  const result = await build({
    absWorkingDir: dir,
    stdin: { contents: APP(specifier), resolveDir: dir, loader: "js", sourcefile: "merchant-app.js" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    outdir: join(dir, "merchant-esbuild"),
    metafile: true,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const { formatMessages } = await import("esbuild");
  const warnings = await formatMessages(result.warnings, { kind: "warning" });
  const code = new Map(result.outputFiles.map((f) => [f.path.slice(dir.length + 1), f.contents]));
  const chunks = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith(".js"))
    .map(([file, output]): MerchantChunk => {
      const bytes = code.get(file) ?? new Uint8Array();
      const statics = output.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => i.path);
      const bare = bareImportsOf(Buffer.from(bytes).toString("utf8")).map((s) => join(file, "..", s));
      return { file, gzip: gzipSync(bytes, { level: 9 }).length, imports: statics, bareImports: bare, dynamicImports: output.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path) };
    });
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined)?.[0] ?? "";
  return { warnings, firstChunk: firstOf(chunks, entry), chunks };
}

/** Vite (its production build, Rolldown), from `dir`: an index.html whose module imports `specifier`. */
export async function bundleWithVite(dir: string, specifier: string): Promise<MerchantBundle> {
  const { build: viteBuild, createLogger } = await import("vite");
  const app = join(dir, "merchant-vite");
  await mkdir(app, { recursive: true });
  await writeFile(join(app, "index.html"), '<!doctype html>\n<html><body><script type="module" src="./app.js"></script></body></html>\n');
  await writeFile(join(app, "app.js"), APP(specifier));
  const warnings: string[] = [];
  const logger = createLogger("warn", { allowClearScreen: false });
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  logger.error = (message) => void warnings.push(message);
  const output = await viteBuild({
    root: app,
    configFile: false,
    logLevel: "warn",
    customLogger: logger,
    build: { write: false, minify: true, modulePreload: false, reportCompressedSize: false },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !("output" in result)) throw new Error("vite build returned no output");
  const chunks: MerchantChunk[] = [];
  let entry = "";
  for (const item of result.output) {
    if (item.type !== "chunk") continue;
    if (item.isEntry) entry = item.fileName;
    chunks.push({
      file: item.fileName,
      gzip: gzipSync(item.code, { level: 9 }).length,
      imports: item.imports,
      bareImports: bareImportsOf(item.code).map((s) => join(item.fileName, "..", s)),
      dynamicImports: item.dynamicImports,
    });
  }
  return { warnings, firstChunk: firstOf(chunks, entry), chunks };
}
