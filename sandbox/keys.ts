// The sandbox's RSA-2048 key pair: made at start, or read from a PEM file (made and saved
// there, readable by the owner only, when the file does not exist yet).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import { promisify } from "node:util";

export const KEY_VERSION = 1;

export interface SandboxKeys {
  privateKey: crypto.KeyObject;
  publicKeyPem: string;
  version: number;
}

const generateKeyPair = promisify(crypto.generateKeyPair);

export async function loadOrCreateKeys(keyFile?: string): Promise<SandboxKeys> {
  let privateKey: crypto.KeyObject;
  const existing = keyFile === undefined ? undefined : await readIfExists(keyFile);
  if (existing !== undefined) {
    privateKey = crypto.createPrivateKey(existing);
    if (privateKey.asymmetricKeyType !== "rsa") throw new Error("SANDBOX_KEY_FILE must hold an RSA private key");
  } else {
    ({ privateKey } = await generateKeyPair("rsa", { modulusLength: 2048 }));
    if (keyFile !== undefined) {
      await fs.writeFile(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
    }
  }
  const publicKeyPem = crypto.createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
  return { privateKey, publicKeyPem, version: KEY_VERSION };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
