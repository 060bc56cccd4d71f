// Every e2e test imports { test, expect } from here. Its auto fixture, the leak guard, records
// what card data could leak through (requests, console, storage, cookies, DOM attributes of every
// frame) and fails the test if a test card number or the typed CVC shows up anywhere in clear.
// The exemptions: the encrypted `cryptogram` of POST …/pay (its decoded wrapper is still checked),
// and the card number and CVC fields of a card form on a gateway's own hosted page, posted by that
// page to the gateway (see gatewayCardPostForScan: the rest of that body is still checked).
import { test as base, expect } from "@playwright/test";
import type { BrowserContext, Frame, Request, Response } from "@playwright/test";
import { TEST_CARDS } from "../demo/merchant/test-cards.ts";
import { HOSTED_CARD_FIELDS, HOSTED_CARD_PAGES, INVOICE_TEST_CARD, isHostedCardPostPath } from "../sandbox/index.ts";
import { SANDBOX_URL } from "./support/demo-env.ts";
import { cvcSecret, findLeaks, gatewayCardPostForScan, panSecret, payBodyForScan } from "./support/leak-scan.ts";
import type { Evidence, GatewayCardPages, Leak, Secret } from "./support/leak-scan.ts";

export interface LeakGuard {
  /** Adds a value typed in this test to the hunt (the `cvc` fixture is added already). */
  registerSecret(secret: Secret): void;
  /** Records storage, cookies and DOM attributes now (e.g. before the page navigates away). */
  snapshot(label: string): Promise<void>;
  /** Leaks in what was recorded so far (the guard's own self-test uses it). */
  findLeaksNow(): Promise<Leak[]>;
  /** Forgets the evidence recorded so far (only for the guard's self-test). */
  discardEvidence(): void;
  readonly evidenceCount: number;
}

/** A CVC for this test: a leading zero keeps it apart from amounts, ids and ports. */
function randomCvc(): string {
  return `0${Math.floor(10 + Math.random() * 90)}`;
}

const PAY_PATH = /\/pay(?:\?|$)/;

/** The sandbox's hosted card pages (Invoice's payment_url…): the gateway's own pages. */
const GATEWAY_CARD_PAGES: GatewayCardPages = {
  origin: new URL(SANDBOX_URL).origin,
  isCardPostPath: (path) => HOSTED_CARD_PAGES.some((base) => isHostedCardPostPath(path, base)),
  cardFields: [HOSTED_CARD_FIELDS.number, HOSTED_CARD_FIELDS.cvc],
};

/** The URL of the frame a request comes from, at the time it is made ("" for a worker's request). */
function frameUrlOf(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return "";
  }
}

function describeRequest(request: Request): string {
  return `${request.method()} ${request.url()}`;
}

async function frameSnapshot(frame: Frame): Promise<{ attributes: string; storage: string } | null> {
  try {
    return await frame.evaluate(() => {
      const attributes: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const element of Array.from(root.querySelectorAll("*"))) {
          for (const attribute of Array.from(element.attributes)) {
            attributes.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
          }
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      const storage: string[] = [];
      const dump = (name: string, area: Storage | undefined) => {
        if (!area) return;
        for (let i = 0; i < area.length; i++) {
          const key = area.key(i);
          if (key !== null) storage.push(`${name} ${key}=${area.getItem(key) ?? ""}`);
        }
      };
      try {
        dump("localStorage", window.localStorage);
        dump("sessionStorage", window.sessionStorage);
      } catch {
        // Opaque origins (sandboxed frames, about:blank) have no storage.
      }
      storage.push(`window.name=${window.name}`);
      return { attributes: attributes.join("\n"), storage: storage.join("\n") };
    });
  } catch {
    return null; // detached or navigating frame
  }
}

function createGuard(context: BrowserContext, cvc: string) {
  const evidence: Evidence[] = [];
  const pending = new Set<Promise<unknown>>();
  const secrets: Secret[] = [
    ...TEST_CARDS.map((card) => panSecret(card.number)),
    panSecret(INVOICE_TEST_CARD.number),
    cvcSecret(cvc),
  ];

  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined).finally(() => pending.delete(settled));
    pending.add(settled);
  };

  const onRequest = (request: Request) => {
    const where = `request ${describeRequest(request)}`;
    evidence.push({ where: `${where} url`, text: request.url() });
    track(
      request.allHeaders().then((headers) => {
        evidence.push({ where: `${where} headers`, text: JSON.stringify(headers) });
      }),
    );
    const body = request.postDataBuffer();
    if (!body) return;
    const text = body.toString("utf8");
    if (request.method() === "POST" && GATEWAY_CARD_PAGES.isCardPostPath(new URL(request.url()).pathname)) {
      // Exempt only when the browser says the gateway's own page posted it (Sec-Fetch-Site).
      const frameUrl = frameUrlOf(request);
      track(
        request.allHeaders().then((headers) => {
          const scanned = gatewayCardPostForScan(
            {
              url: request.url(),
              method: request.method(),
              resourceType: request.resourceType(),
              contentType: headers["content-type"] ?? null,
              secFetchSite: headers["sec-fetch-site"] ?? null,
              frameUrl,
              body: text,
            },
            GATEWAY_CARD_PAGES,
          );
          evidence.push(
            scanned === null
              ? { where: `${where} body`, text }
              : { where: `${where} body (card fields typed on the gateway's page removed)`, text: scanned },
          );
        }),
      );
    } else if (PAY_PATH.test(new URL(request.url()).pathname) && request.method() === "POST") {
      const { rest, cryptogramWrapper } = payBodyForScan(text);
      evidence.push({ where: `${where} body (cryptogram removed)`, text: rest });
      if (cryptogramWrapper !== null) evidence.push({ where: `${where} cryptogram wrapper`, text: cryptogramWrapper });
    } else {
      evidence.push({ where: `${where} body`, text });
    }
  };

  const onResponse = (response: Response) => {
    const request = response.request();
    const type = request.resourceType();
    // What our APIs answer (documents show the test-card table as text by design).
    if (type !== "fetch" && type !== "xhr") return;
    track(
      response.body().then((body) => {
        evidence.push({ where: `response ${describeRequest(request)} body`, text: body.toString("utf8") });
      }),
    );
    track(
      response.allHeaders().then((headers) => {
        evidence.push({ where: `response ${describeRequest(request)} headers`, text: JSON.stringify(headers) });
      }),
    );
  };

  context.on("request", onRequest);
  context.on("response", onResponse);
  context.on("console", (message) => {
    evidence.push({ where: `console.${message.type()}`, text: message.text() });
  });
  context.on("weberror", (error) => {
    const failure = error.error();
    evidence.push({ where: "page error", text: `${failure.message}\n${failure.stack ?? ""}` });
  });
  context.on("page", (page) => {
    page.on("dialog", (dialog) => evidence.push({ where: "dialog", text: dialog.message() }));
  });

  async function snapshot(label: string): Promise<void> {
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      for (const frame of page.frames()) {
        const snap = await frameSnapshot(frame);
        if (!snap) continue;
        const where = `${label}: frame ${frame.url() || "about:blank"}`;
        evidence.push({ where: `${where} DOM attributes`, text: snap.attributes });
        evidence.push({ where: `${where} storage`, text: snap.storage });
      }
    }
    try {
      const cookies = await context.cookies();
      evidence.push({ where: `${label}: cookies`, text: JSON.stringify(cookies) });
      const state = await context.storageState();
      evidence.push({ where: `${label}: storage state`, text: JSON.stringify(state) });
    } catch {
      // The context is closing; what was recorded stands.
    }
  }

  const guard: LeakGuard = {
    registerSecret: (secret) => void secrets.push(secret),
    snapshot,
    async findLeaksNow() {
      await Promise.all([...pending]);
      return findLeaks(evidence, secrets);
    },
    discardEvidence() {
      evidence.length = 0;
    },
    get evidenceCount() {
      return evidence.length;
    },
  };
  return guard;
}

export interface GuardFixtures {
  /** The CVC this test types; the leak guard hunts for it. */
  cvc: string;
  leakGuard: LeakGuard;
}

export const test = base.extend<GuardFixtures>({
  cvc: async ({}, use) => {
    await use(randomCvc());
  },
  leakGuard: [
    async ({ context, cvc }, use, testInfo) => {
      const guard = createGuard(context, cvc);
      await use(guard);
      await guard.snapshot("after the test");
      const leaks = await guard.findLeaksNow();
      if (leaks.length > 0) {
        await testInfo.attach("card-data-leaks.json", { body: JSON.stringify(leaks, null, 2), contentType: "application/json" });
      }
      expect(
        leaks.map((leak) => `${leak.secret} in ${leak.where}: ${leak.excerpt}`),
        "card data (test PAN or typed CVC) must not appear in clear outside the cryptogram",
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
