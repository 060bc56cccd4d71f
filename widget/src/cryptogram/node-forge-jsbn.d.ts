// @types/node-forge types only the whole package; we import its big-integer module alone (see
// rsa-public-key.ts) and declare exactly the part of it we use.
declare module "node-forge/lib/jsbn" {
  interface BigInteger {
    bitLength(): number;
    modPow(exponent: BigInteger, modulus: BigInteger): BigInteger;
    compareTo(other: BigInteger): number;
    toString(radix: 16): string;
  }
  const jsbn: { BigInteger: new (digits: string, radix: 16) => BigInteger };
  export default jsbn;
}
