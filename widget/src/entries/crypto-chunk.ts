// Entry of dist/checkout-widget-crypto.js: what the form does not need before the shopper pays —
// the cryptogram (node-forge), the payment flow, the texts and views of payment answers, the
// redirect outcome's parser, cp.Checkout's card check — as its own classic script (an IIFE build cannot code-split),
// registered on a private global that the main bundle reads (scripts/bundle-modules.ts: LATE_MODULES).
import * as cryptogram from "../cryptogram/index.ts";
import { lateText, reasonKey } from "../i18n/late.ts";
import { createPaymentController } from "../payment/index.ts";
import * as lateViews from "../ui/late-views.ts";
import { createCpCryptogram } from "./cp-cryptogram.ts";
import { CRYPTO_GLOBAL } from "./crypto-loader.ts";
import { readRedirectResult } from "./redirect-reader.ts";
import type { ChunkModule } from "./crypto-loader.ts";

const chunk: ChunkModule = { ...cryptogram, ...lateViews, createPaymentController, lateText, reasonKey, readRedirectResult, createCpCryptogram };
(window as unknown as Record<string, unknown>)[CRYPTO_GLOBAL] = chunk;
