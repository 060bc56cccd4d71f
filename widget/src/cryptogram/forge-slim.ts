// Build-time only (Node): trims node-forge for the browser bundle. rsa.js require()s modules that
// public-key PKCS#1 v1.5 encryption never calls (prime generation, OAEP, a Fortuna PRNG, a 10 KB
// OID table); these shims stand in for them. forge's requires are relative ("./random"), which
// esbuild's --alias and Vite's resolve.alias do not see reliably, hence the resolver plugins.
// Not exported from index.ts: it uses node:url and belongs in bundler config, not in the widget.
import { fileURLToPath } from "node:url";
import type { Plugin as EsbuildPlugin } from "esbuild";
import type { Plugin as VitePlugin } from "vite";

const shim = (file: string): string => fileURLToPath(new URL(`./forge-shims/${file}`, import.meta.url));

/** node-forge module → absolute path of its stand-in. */
export const forgeSlimAliases: Readonly<Record<string, string>> = {
  "node-forge/lib/random": shim("random.cjs"), // crypto.getRandomValues under forge.random's API
  "node-forge/lib/oids": shim("oids.cjs"), // just rsaEncryption, which reading a public key checks
  "node-forge/lib/prime": shim("empty.cjs"), // key generation only
  "node-forge/lib/pkcs1": shim("empty.cjs"), // OAEP only
  "node-forge/lib/sha1": shim("empty.cjs"), // needed by pkcs1 (OAEP) only
  "node-forge/lib/baseN": shim("empty.cjs"), // base58 only
};

const FORGE_LIB = /[\\/]node-forge[\\/]lib[\\/][^\\/]+\.js$/;

/** The stand-in for `specifier` imported from `importer`, or undefined to resolve normally. */
export function resolveForgeSlim(specifier: string, importer: string | undefined): string | undefined {
  const bare = /^node-forge\/lib\/([A-Za-z0-9]+)(?:\.js)?$/.exec(specifier);
  if (bare) return forgeSlimAliases[`node-forge/lib/${bare[1]}`];
  const relative = /^\.\/([A-Za-z0-9]+)(?:\.js)?$/.exec(specifier);
  if (relative && importer !== undefined && FORGE_LIB.test(importer)) {
    return forgeSlimAliases[`node-forge/lib/${relative[1]}`];
  }
  return undefined;
}

export function forgeSlimEsbuildPlugin(): EsbuildPlugin {
  return {
    name: "forge-slim",
    setup(build) {
      build.onResolve({ filter: /^(?:\.\/|node-forge\/lib\/)[A-Za-z0-9]+(?:\.js)?$/ }, (args) => {
        const path = resolveForgeSlim(args.path, args.importer);
        return path === undefined ? undefined : { path };
      });
    },
  };
}

export function forgeSlimVitePlugin(): VitePlugin {
  return {
    name: "forge-slim",
    enforce: "pre",
    resolveId(source, importer) {
      return resolveForgeSlim(source, importer) ?? null;
    },
  };
}
