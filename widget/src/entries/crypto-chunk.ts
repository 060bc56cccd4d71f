// Entry of dist/checkout-widget-crypto.js: what the form does not need before the shopper pays —
// the cryptogram (node-forge) and the payment flow — as its own classic script (an IIFE build
// cannot code-split), registered on a private global that the main bundle reads.
import * as cryptogram from "../cryptogram/index.ts";
import { createPaymentController } from "../payment/index.ts";
import { CRYPTO_GLOBAL } from "./crypto-loader.ts";
import type { ChunkModule } from "./crypto-loader.ts";

const chunk: ChunkModule = { ...cryptogram, createPaymentController };
(window as unknown as Record<string, unknown>)[CRYPTO_GLOBAL] = chunk;
