// @types/node-forge types only the whole package; we import two of its files (see rsa-public-key.ts).
// Declares exactly the part of `forge` those files provide and we use.
declare module "node-forge/lib/forge" {
  interface ForgeAsn1Object {
    readonly tagClass: number;
    readonly type: number;
    readonly constructed: boolean;
    readonly value: string | ForgeAsn1Object[];
  }
  interface ForgeRsaPublicKey {
    readonly n: { bitLength(): number };
    /** With scheme "RAW" the caller pads: `data` must already be a full modulus-sized block. */
    encrypt(data: string, scheme: "RAW"): string;
  }
  interface ForgeRsaSubset {
    readonly asn1: { fromDer(bytes: string, strict?: boolean): ForgeAsn1Object };
    readonly pki: { publicKeyFromAsn1(obj: ForgeAsn1Object): ForgeRsaPublicKey };
  }
  const forge: ForgeRsaSubset;
  export default forge;
}

declare module "node-forge/lib/rsa" {}
