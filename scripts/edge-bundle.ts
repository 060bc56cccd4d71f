// Bundles an entry for an edge runtime (Workers, Vercel Edge, Deno, a browser): esbuild's neutral
// platform, the worker/browser export conditions, and a refusal of every Node built-in, so that
// `checkout-widget/server` stays Web-standard. Used by the build test and the tarball test.
import { builtinModules } from "node:module";
import { build, type Plugin } from "esbuild";

export interface EdgeBundleResult {
  /** Node built-ins the entry imports, each with the file that imports it; empty when clean. */
  nodeImports: string[];
  /** The bundled code (only meaningful when nodeImports is empty). */
  code: string;
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function refuseNodeBuiltins(found: string[]): Plugin {
  return {
    name: "refuse-node-builtins",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.split("/")[0] ?? args.path;
        if (!args.path.startsWith("node:") && !BUILTINS.has(args.path) && !BUILTINS.has(bare)) return undefined;
        found.push(`${args.path} (imported by ${args.importer || "the entry"})`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** `entry` is a file path, or a module specifier resolved from `resolveDir` (e.g. "checkout-widget/server"). */
export async function edgeBundle(entry: string, resolveDir: string): Promise<EdgeBundleResult> {
  const nodeImports: string[] = [];
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(entry)};`, resolveDir, loader: "ts" },
    bundle: true,
    write: false,
    platform: "neutral",
    format: "esm",
    target: "es2022",
    conditions: ["worker", "browser", "import", "default"],
    mainFields: ["module", "main"],
    logLevel: "silent",
    plugins: [refuseNodeBuiltins(nodeImports)],
  });
  return { nodeImports, code: result.outputFiles[0]?.text ?? "" };
}
