// The non-widget parts of `npm run build` (scripts/build.ts calls these), all into dist/:
//   server/index.js, server/node/index.js   checkout-widget/server (Web-standard, any runtime) and
//                                           checkout-widget/server/node; one shared chunk, so both
//                                           see the same error classes
//   sandbox/index.js, sandbox/bin.js        checkout-widget/sandbox and `npx checkout-widget-sandbox`
//                                           (hono and @hono/node-server stay runtime dependencies)
//   react.js                                checkout-widget/react: imports the npm entry (./index.js)
//                                           and react, bundles nothing else of the widget
import { build, type Plugin } from "esbuild";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";

const NODE_TARGET = "node20";

async function buildServer(root: string, dist: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { "server/index": "server/index.ts", "server/node/index": "server/node/index.ts" },
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    // Neutral, not node: /server must run on edge runtimes; only /server/node imports node:*.
    platform: "neutral",
    target: ["es2022", NODE_TARGET],
    external: ["node:*"],
    packages: "external",
    chunkNames: "server/chunks/[name]-[hash]",
    logLevel: "warning",
  });
}

async function buildSandbox(root: string, dist: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { "sandbox/index": "sandbox/index.ts", "sandbox/bin": "sandbox/bin.ts" },
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: NODE_TARGET,
    packages: "external",
    chunkNames: "sandbox/chunks/[name]-[hash]",
    logLevel: "warning",
  });
}

/** The React entry reaches the widget only through the npm entry, which stays dist/index.js. */
function npmEntryExternal(root: string): Plugin {
  const entry = join(root, "widget/src/index.ts");
  return {
    name: "npm-entry-external",
    setup(b) {
      b.onResolve({ filter: /^\.{1,2}\// }, (args) =>
        resolve(args.resolveDir, args.path) === entry ? { path: "./index.js", external: true } : undefined,
      );
    },
  };
}

async function buildReact(root: string, dist: string): Promise<void> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { react: "widget/src/react/index.ts" },
    outdir: dist,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    external: ["react", "react/*", "react-dom", "react-dom/*"],
    // Next.js (App Router) and other RSC hosts render it on the client only.
    banner: { js: '"use client";' },
    plugins: [npmEntryExternal(root)],
    metafile: true,
    logLevel: "warning",
  });
  const strays = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("widget/src/react/"));
  if (strays.length > 0) throw new Error(`dist/react.js bundles widget code besides the npm entry: ${strays.join(", ")}`);
}

export async function buildServerPackages(root: string, dist: string): Promise<void> {
  await Promise.all([buildServer(root, dist), buildSandbox(root, dist), buildReact(root, dist)]);
}

// Side-effect imports of packages that are bundled (node-forge): kept by tsc in a declaration,
// they would point a consumer's TypeScript at a package it does not have.
const BUNDLED_ONLY = /^import ["']node-forge(\/[^"']*)?["'];\n/gm;

/** After the declarations are written: what a consumer's TypeScript must not meet. */
export async function finishDeclarations(dist: string): Promise<void> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".d.ts")).map((e) => join(e.parentPath, e.name));
  await Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, "utf8");
      const cleaned = text.replace(BUNDLED_ONLY, "");
      if (cleaned !== text) await writeFile(file, cleaned);
      if (/from ["']node-forge/.test(cleaned)) throw new Error(`${relative(dist, file)} imports node-forge types`);
    }),
  );
}
