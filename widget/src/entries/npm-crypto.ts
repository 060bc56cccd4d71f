// npm build: the cryptogram (node-forge) is a dynamic import, so bundlers split it into its own
// chunk; the payment flow is imported directly (a bundler-built app has its own code splitting).
import { createPaymentController } from "../payment/index.ts";
import { memoizeLoader } from "./crypto-loader.ts";
import type { CryptoModule } from "./crypto-loader.ts";
import type { EntryDeps } from "./mount.tsx";

export const loadCryptoModule = /* @__PURE__ */ memoizeLoader((): Promise<CryptoModule> => import("../cryptogram/index.ts"));

export const npmDeps: EntryDeps = { loadCrypto: loadCryptoModule, createController: createPaymentController };
