// Build-time only (Node): trims node-forge for the browser bundle. rsa.js require()s modules that
// public-key PKCS#1 v1.5 encryption never calls (prime generation, OAEP, a Fortuna PRNG, a 10 KB
// OID table, and most of a 23 KB util.js); these shims stand in for them, and rsa.js loses its
// key-generation and private-key definitions (forgeUnusedDefinitions). forge's requires are
// relative ("./random"), which esbuild's --alias and Vite's resolve.alias do not see reliably,
// hence the resolver plugins.
// Not exported from index.ts: it uses node:url and belongs in bundler config, not in the widget.
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
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
  "node-forge/lib/util": shim("util.cjs"), // the byte buffer and the few helpers rsa/asn1/jsbn call
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

/**
 * rsa.js, asn1.js and jsbn.js hold key generation and private-key code beside the public-key code
 * we call; CommonJS defeats tree shaking, so these top-level definitions (by the start of their
 * first line) are dropped at bundle time, each up to its closing `}` / `};` at the same indent, or
 * just its line when that is complete. Only key generation, private-key code and signature
 * verification reach them; a public key keeps encrypt().
 * A line that is not found fails the build: a changed node-forge must be looked at again.
 */
export const forgeUnusedDefinitions: Readonly<Record<string, readonly string[]>> = {
  "rsa.js": [
    "var privateKeyValidator = {",
    "var rsaPrivateKeyValidator = {",
    "pki.rsa.createKeyPairGenerationState = function(bits, e, options) {",
    "pki.rsa.stepKeyPairGenerationState = function(state, n) {",
    "pki.rsa.generateKeyPair = function(bits, e, options, callback) {",
    "pki.setRsaPrivateKey = pki.rsa.setPrivateKey = function(",
    "pki.wrapRsaPrivateKey = function(rsaKey) {",
    "pki.privateKeyFromAsn1 = function(obj) {",
    "pki.privateKeyToAsn1 = pki.privateKeyToRSAPrivateKey = function(key) {",
    "pki.publicKeyToAsn1 = pki.publicKeyToSubjectPublicKeyInfo = function(key) {",
    "pki.publicKeyToRSAPublicKey = function(key) {",
    "function _generateKeyPair(state, options, callback) {",
    "function _getMillerRabinTests(bits) {",
    "function _detectNodeCrypto(fn) {",
    "function _detectSubtleCrypto(fn) {",
    "function _detectSubtleMsCrypto(fn) {",
    "function _intToUint8Array(x) {",
    "function _privateKeyFromJwk(jwk) {",
    "function _publicKeyFromJwk(jwk) {",
    "function _base64ToBigInt(b64) {",
    // Signature verification (a public key's verify) and what only it calls.
    "  key.verify = function(digest, signature, scheme, options) {",
    "var digestInfoValidator = {",
    "var _encodeDigestInfo = function(oid, digest, withParameters) {",
    "pki.rsa.decrypt = function(ed, key, pub, ml) {",
    "function _decodePkcs1_v1_5(em, key, pub, ml, options) {",
    "function _bnToBytes(b) {",
  ],
  // Dates, integers and pretty printing: reading a public key needs fromDer, validate and derToOid.
  "asn1.js": [
    "asn1.getBerValueLength = function(b) {",
    "asn1.utcTimeToDate = function(utc) {",
    "asn1.generalizedTimeToDate = function(gentime) {",
    "asn1.dateToUtcTime = function(date) {",
    "asn1.dateToGeneralizedTime = function(date) {",
    "asn1.integerToDer = function(x) {",
    "asn1.derToInteger = function(bytes) {",
    "var _nonLatinRegex = ",
    "asn1.prettyPrint = function(obj, level, indentation) {",
  ],
  // Prime tests, random numbers, inverses and bit operations: keys are made elsewhere; a public key
  // needs modPow and what it calls (the Classic, Montgomery and Barrett reductions stay whole).
  "jsbn.js": [
    "function bnAnd(a) { var r = nbi(); this.bitwiseTo(a,op_and,r); return r; }",
    "BigInteger.prototype.and = bnAnd;",
    "function bnAndNot(a) { var r = nbi(); this.bitwiseTo(a,op_andnot,r); return r; }",
    "BigInteger.prototype.andNot = bnAndNot;",
    "function bnBitCount() {",
    "BigInteger.prototype.bitCount = bnBitCount;",
    "function bnByteValue() { return (this.t==0)?this.s:(this.data[0]<<24)>>24; }",
    "BigInteger.prototype.byteValue = bnByteValue;",
    "function bnpChangeBit(n,op) {",
    "BigInteger.prototype.changeBit = bnpChangeBit;",
    "function bnClearBit(n) { return this.changeBit(n,op_andnot); }",
    "BigInteger.prototype.clearBit = bnClearBit;",
    "function bnDivideAndRemainder(a) {",
    "BigInteger.prototype.divideAndRemainder = bnDivideAndRemainder;",
    "function bnFlipBit(n) { return this.changeBit(n,op_xor); }",
    "BigInteger.prototype.flipBit = bnFlipBit;",
    "function bnNot() {",
    "BigInteger.prototype.not = bnNot;",
    "function bnOr(a) { var r = nbi(); this.bitwiseTo(a,op_or,r); return r; }",
    "BigInteger.prototype.or = bnOr;",
    "function bnRemainder(a) { var r = nbi(); this.divRemTo(a,null,r); return r; }",
    "BigInteger.prototype.remainder = bnRemainder;",
    "function bnSetBit(n) { return this.changeBit(n,op_or); }",
    "BigInteger.prototype.setBit = bnSetBit;",
    "function bnShortValue() { return (this.t==0)?this.s:(this.data[0]<<16)>>16; }",
    "BigInteger.prototype.shortValue = bnShortValue;",
    "function bnSquare() { var r = nbi(); this.squareTo(r); return r; }",
    "BigInteger.prototype.square = bnSquare;",
    "function bnToByteArray() {",
    "BigInteger.prototype.toByteArray = bnToByteArray;",
    "function bnXor(a) { var r = nbi(); this.bitwiseTo(a,op_xor,r); return r; }",
    "BigInteger.prototype.xor = bnXor;",
    "function bnpFromNumber(a,b,c) {",
    "BigInteger.prototype.fromNumber = bnpFromNumber;",
    "function bnIsProbablePrime(t) {",
    "BigInteger.prototype.isProbablePrime = bnIsProbablePrime;",
    "function bnpMillerRabin(t) {",
    "BigInteger.prototype.millerRabin = bnpMillerRabin;",
    "function bnModInverse(m) {",
    "BigInteger.prototype.modInverse = bnModInverse;",
    "function bnGCD(a) {",
    "BigInteger.prototype.gcd = bnGCD;",
    "function bnClone() { var r = nbi(); this.copyTo(r); return r; }",
    "BigInteger.prototype.clone = bnClone;",
    "function bnGetLowestSetBit() {",
    "BigInteger.prototype.getLowestSetBit = bnGetLowestSetBit;",
    "function bnpModInt(n) {",
    "BigInteger.prototype.modInt = bnpModInt;",
    "function bnModPowInt(e,m) {",
    "BigInteger.prototype.modPowInt = bnModPowInt;",
    "function bnShiftLeft(n) {",
    "BigInteger.prototype.shiftLeft = bnShiftLeft;",
    "function bnShiftRight(n) {",
    "BigInteger.prototype.shiftRight = bnShiftRight;",
    "function bnTestBit(n) {",
    "BigInteger.prototype.testBit = bnTestBit;",
    "var lowprimes = [",
    "var lplim = (1<<26)/lowprimes[lowprimes.length-1];",
  ],
};

const FORGE_STRIPPED = /[\\/]node-forge[\\/]lib[\\/](rsa|asn1|jsbn)\.js$/;

const count = (text: string, char: string): number => text.split(char).length - 1;

/** `source` of forge's `file` (e.g. "rsa.js") without its unused top-level definitions. */
export function stripForgeSource(
  file: string,
  source: string,
  definitions: readonly string[] = forgeUnusedDefinitions[file] ?? [],
): string {
  const lines = source.split("\n");
  for (const first of definitions) {
    const start = lines.findIndex((line) => line.startsWith(first));
    const line = lines[start] ?? "";
    const oneLine = line.endsWith(";") || (line.includes("{") && count(line, "{") === count(line, "}"));
    const close = `${/^\s*/.exec(line)?.[0] ?? ""}}`; // the closing brace at the definition's indent
    const end =
      start < 0 ? -1 : oneLine ? start : lines.findIndex((next, i) => i > start && (next.trimEnd() === close || next.trimEnd() === `${close};`));
    if (end < 0) throw new Error(`forge-slim: \`${first}\` not found in node-forge/lib/${file}`);
    lines.splice(start, end - start + 1);
  }
  return lines.join("\n");
}

export function forgeSlimEsbuildPlugin(): EsbuildPlugin {
  return {
    name: "forge-slim",
    setup(build) {
      build.onResolve({ filter: /^(?:\.\/|node-forge\/lib\/)[A-Za-z0-9]+(?:\.js)?$/ }, (args) => {
        const path = resolveForgeSlim(args.path, args.importer);
        return path === undefined ? undefined : { path };
      });
      build.onLoad({ filter: FORGE_STRIPPED }, async (args) => ({
        contents: stripForgeSource(args.path.replace(/.*[\\/]/, ""), await readFile(args.path, "utf8")),
        loader: "js",
        resolveDir: dirname(args.path),
      }));
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
    transform(code, id) {
      const path = id.replace(/\?.*$/, "");
      return FORGE_STRIPPED.test(path) ? { code: stripForgeSource(path.replace(/.*[\\/]/, ""), code), map: null } : null;
    },
  };
}
