import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { decryptCryptogram } from "../../../sandbox/cryptogram-decrypt.ts";
import type { createCryptogram as CreateCryptogram } from "./index.ts";
import { forgeSlimAliases, forgeSlimEsbuildPlugin, forgeUnusedDefinitions, resolveForgeSlim, stripForgeSource } from "./forge-slim.ts";

const FORGE_RSA = "/app/node_modules/node-forge/lib/rsa.js";

describe("resolveForgeSlim", () => {
  it("swaps forge's unused modules, whether required relatively from forge or by package path", () => {
    expect(resolveForgeSlim("./random", FORGE_RSA)).toBe(forgeSlimAliases["node-forge/lib/random"]);
    expect(resolveForgeSlim("./prime.js", FORGE_RSA)).toMatch(/forge-shims[\\/]empty\.cjs$/);
    expect(resolveForgeSlim("node-forge/lib/pkcs1", "/app/src/x.ts")).toMatch(/forge-shims[\\/]empty\.cjs$/);
  });

  it("leaves everything else alone", () => {
    expect(resolveForgeSlim("./random", "/app/src/widget.ts")).toBeUndefined();
    expect(resolveForgeSlim("./asn1", FORGE_RSA)).toBeUndefined();
    expect(resolveForgeSlim("./jsbn", FORGE_RSA)).toBeUndefined();
    expect(resolveForgeSlim("node-forge/lib/rsa", "/app/src/x.ts")).toBeUndefined();
  });
});

describe("stripForgeSource", () => {
  const source = [
    "var keep = 1;",
    "function _generateKeyPair(state, options, callback) {",
    "  if(x) {",
    "  }",
    "}",
    "function bnAnd(a) { var r = nbi(); this.bitwiseTo(a,op_and,r); return r; }",
    "BigInteger.prototype.and = bnAnd;",
    "pki.setRsaPublicKey = function(n, e) {",
    "  key.verify = function(digest, signature, scheme, options) {",
    "    return true;",
    "  };",
    "};",
  ].join("\n");

  it("drops whole definitions: multi-line, one-line and indented ones", () => {
    const kept = stripForgeSource("x.js", source, [
      "function _generateKeyPair(",
      "function bnAnd(a) {",
      "BigInteger.prototype.and = ",
      "  key.verify = function(",
    ]);
    expect(kept.split("\n")).toEqual(["var keep = 1;", "pki.setRsaPublicKey = function(n, e) {", "};"]);
  });

  it("fails on a definition it cannot find (a changed node-forge must be looked at again)", () => {
    expect(() => stripForgeSource("x.js", source, ["function _gone() {"])).toThrow(/not found in node-forge\/lib\/x\.js/);
  });

  it("finds every listed definition in the installed node-forge", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const file of Object.keys(forgeUnusedDefinitions)) {
      const text = await readFile(fileURLToPath(new URL(`../../../node_modules/node-forge/lib/${file}`, import.meta.url)), "utf8");
      expect(() => stripForgeSource(file, text), file).not.toThrow();
    }
  });
});

describe("the slimmed browser bundle", () => {
  it("leaves forge's PRNG, primes, OAEP, OID table and util.js out and still makes a cryptogram the gateway reads", async () => {
    const result = await esbuild.build({
      stdin: {
        contents: 'export { createCryptogram } from "./index.ts";',
        resolveDir: fileURLToPath(new URL(".", import.meta.url)),
        loader: "ts",
      },
      bundle: true,
      minify: true,
      format: "iife",
      globalName: "cryptogram",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
      plugins: [forgeSlimEsbuildPlugin()],
    });
    const forgeFiles = Object.keys(result.metafile.inputs)
      .filter((path) => path.includes("node-forge/"))
      .map((path) => path.replace(/.*\//, ""));
    expect(forgeFiles.sort()).toEqual(["asn1.js", "forge.js", "jsbn.js", "rsa.js"]);
    const text = result.outputFiles[0]?.text ?? "";
    expect(text).not.toMatch(/generateKeyPair|isProbablePrime|prettyPrint/); // stripped definitions

    // A context without Node's process or require, like a browser (`self`, but no window: BrowserInfo "").
    const context = vm.createContext({ crypto: globalThis.crypto, TextEncoder, btoa, atob });
    context["self"] = context;
    vm.runInContext(result.outputFiles[0]?.text ?? "", context);
    const create = (context["cryptogram"] as { createCryptogram: typeof CreateCryptogram }).createCryptogram;

    const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = { publicId: "pk_slim", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), keyVersion: 2 };
    const card = { cardNumber: "2200 0000 0000 0004", expDateMonthYear: "12/30", cvv: "321" };
    for (const format of ["json", "legacy"] as const) {
      expect(decryptCryptogram(create(card, key, { format, now: new Date(2026, 0, 1) }), privateKey)).toMatchObject({
        format,
        pan: "2200000000000004",
        cvv: "321",
        expYear: 2030,
        expMonth: 12,
        publicId: "pk_slim",
        keyVersion: "02",
      });
    }
  });
});
