import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./index.ts";
import { startSandbox } from "./index.ts";
import { SandboxClient } from "./test-client.ts";

let sandbox: Sandbox;
let api: SandboxClient;
const TERM_URL = "https://shop.example/checkout/3ds-return?order=1";

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  api = new SandboxClient(sandbox);
});
afterAll(() => sandbox.close());

type Model = Record<string, unknown>;
const model = (r: { body: { Model?: unknown } }) => r.body.Model as Model;

const unescape = (s: string) => s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

/** The fields a browser would submit from the page's form (hidden inputs). */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[unescape(m[1] ?? "")] = unescape(m[2] ?? "");
  return fields;
}

async function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { response, html: await response.text() };
}

async function startThreeDs(card = "4242424242424242", path = "/payments/cards/charge") {
  const r = await api.post(path, api.payment(card));
  expect(r.body.Success).toBe(false);
  const m = model(r);
  return { transactionId: m["TransactionId"] as number, paReq: m["PaReq"] as string, acsUrl: m["AcsUrl"] as string };
}

/** Opens the ACS page, submits a code or cancels, and returns what the ACS posts to TermUrl. */
async function passAcs(challenge: { transactionId: number; paReq: string; acsUrl: string }, action: "confirm" | "cancel", code = "123456") {
  const page = await postForm(challenge.acsUrl, { MD: String(challenge.transactionId), PaReq: challenge.paReq, TermUrl: TERM_URL });
  expect(page.response.status).toBe(200);
  const form = /<form method="post" action="([^"]+)"/.exec(page.html);
  expect(form?.[1]).toBe("/acs/complete");
  const done = await postForm(`${sandbox.url}/acs/complete`, { ...hiddenFields(page.html), code, action });
  expect(done.response.status).toBe(200);
  const back = /<form id="acs-return" method="post" action="([^"]+)"/.exec(done.html);
  expect(unescape(back?.[1] ?? "")).toBe(TERM_URL);
  const posted = hiddenFields(done.html);
  expect(Object.keys(posted).sort()).toEqual(["MD", "PaRes"]);
  expect(posted["MD"]).toBe(String(challenge.transactionId));
  return { md: posted["MD"] ?? "", paRes: posted["PaRes"] ?? "", html: done.html };
}

const status = async (id: number) => model(await api.post("/payments/get", { TransactionId: id }));

describe("3-D Secure round trip through /acs", () => {
  it("approves with the right code, returns a token, and refuses a replayed PaRes", async () => {
    const challenge = await startThreeDs();
    const { md, paRes } = await passAcs(challenge, "confirm");
    const r = await api.post("/payments/cards/post3ds", { TransactionId: md, PaRes: paRes }, { form: true });
    expect(r.body.Success).toBe(true);
    expect(model(r)).toMatchObject({ TransactionId: challenge.transactionId, Status: "Completed", ReasonCode: 0, CardLastFour: "4242" });
    const token = model(r)["Token"];
    expect(token).toMatch(/^tk_/);

    const replay = await api.post("/payments/cards/post3ds", { TransactionId: md, PaRes: paRes });
    expect(replay.body).toEqual({ Success: false, Message: "PaRes has already been used: the transaction is not awaiting authentication" });
    expect(await status(challenge.transactionId)).toMatchObject({ Status: "Completed" });

    // The token of a 3-D Secure card pays again without 3-D Secure.
    const again = await api.post("/payments/tokens/charge", { Amount: 5, Currency: "RUB", AccountId: "user_x", Token: token });
    expect(again.body.Success).toBe(true);
    expect(model(again)["AcsUrl"]).toBeUndefined();
  });

  it("declines 5206 after a wrong code or a cancel", async () => {
    for (const [action, code] of [["confirm", "000000"], ["cancel", ""]] as const) {
      const challenge = await startThreeDs();
      const { paRes } = await passAcs(challenge, action, code);
      const r = await api.post("/payments/cards/post3ds", { TransactionId: challenge.transactionId, PaRes: paRes });
      expect(r.body.Success).toBe(false);
      expect(model(r)).toMatchObject({ Status: "Declined", ReasonCode: 5206, Reason: "AuthenticationFailed", CardHolderMessage: expect.any(String) });
    }
  });

  it("declines 5051 the insufficient-funds 3-D Secure cards after authentication", async () => {
    for (const card of ["4012888888881881", "5105105105105100", "2202202202202200"]) {
      const challenge = await startThreeDs(card);
      const { paRes } = await passAcs(challenge, "confirm");
      const r = await api.post("/payments/cards/post3ds", { TransactionId: challenge.transactionId, PaRes: paRes });
      expect(model(r)).toMatchObject({ Status: "Declined", ReasonCode: 5051 });
    }
  });

  it("ends an auth in Authorized after 3-D Secure", async () => {
    const challenge = await startThreeDs("5555555555554444", "/payments/cards/auth");
    const { paRes } = await passAcs(challenge, "confirm");
    const r = await api.post("/payments/cards/post3ds", { TransactionId: challenge.transactionId, PaRes: paRes });
    expect(model(r)).toMatchObject({ Status: "Authorized", CardType: "MasterCard" });
  });

  it("refuses a forged PaRes and changes nothing; the real one still works afterwards", async () => {
    const challenge = await startThreeDs();
    const { paRes } = await passAcs(challenge, "confirm");
    const [payload = "", mac = ""] = paRes.split(".");
    const flipped = `${payload.slice(0, -2)}${payload.at(-2) === "A" ? "B" : "A"}${payload.at(-1)}.${mac}`;
    for (const forged of [flipped, `${payload}.${"A".repeat(43)}`, "forged", `${Buffer.from('{"TransactionId":1,"Authenticated":true}').toString("base64url")}.${mac}`]) {
      const r = await api.post("/payments/cards/post3ds", { TransactionId: challenge.transactionId, PaRes: forged });
      expect(r.body).toEqual({ Success: false, Message: "Invalid PaRes: signature check failed" });
    }
    expect(await status(challenge.transactionId)).toMatchObject({ Status: "AwaitingAuthentication" });
    expect((await api.post("/payments/cards/post3ds", { TransactionId: challenge.transactionId, PaRes: paRes })).body.Success).toBe(true);
  });

  it("refuses a PaRes made for another transaction, or by another sandbox", async () => {
    const a = await startThreeDs();
    const b = await startThreeDs();
    const { paRes: paResA } = await passAcs(a, "confirm");
    const r = await api.post("/payments/cards/post3ds", { TransactionId: b.transactionId, PaRes: paResA });
    expect(r.body).toEqual({ Success: false, Message: "Invalid PaRes: it belongs to another transaction" });
    expect(await status(b.transactionId)).toMatchObject({ Status: "AwaitingAuthentication" });

    const other = await startSandbox({ port: 0 });
    try {
      const otherApi = new SandboxClient(other);
      const charge = model(await otherApi.post("/payments/cards/charge", otherApi.payment("4242424242424242")));
      const page = await postForm(String(charge["AcsUrl"]), { MD: String(charge["TransactionId"]), PaReq: String(charge["PaReq"]), TermUrl: TERM_URL });
      const done = await postForm(`${other.url}/acs/complete`, { ...hiddenFields(page.html), code: "123456", action: "confirm" });
      const foreign = hiddenFields(done.html)["PaRes"] ?? "";
      const x = await api.post("/payments/cards/post3ds", { TransactionId: b.transactionId, PaRes: foreign });
      expect(x.body.Success).toBe(false);
    } finally {
      await other.close();
    }
  });

  it("refuses post3ds for a transaction that never needed 3-D Secure", async () => {
    const id = model(await api.post("/payments/cards/charge", api.payment("4000000000003055")))["TransactionId"] as number;
    const challenge = await startThreeDs();
    const { paRes } = await passAcs(challenge, "confirm");
    const r = await api.post("/payments/cards/post3ds", { TransactionId: id, PaRes: paRes });
    expect(r.body.Success).toBe(false);
    expect(await status(id)).toMatchObject({ Status: "Completed" });
  });
});

describe("the ACS page", () => {
  it("shows the amount and the masked card, in Russian by default, framable, with no inline code", async () => {
    const challenge = await startThreeDs();
    const { response, html } = await postForm(challenge.acsUrl, { MD: String(challenge.transactionId), PaReq: challenge.paReq, TermUrl: TERM_URL });
    expect(html).toContain('<html lang="ru">');
    expect(html).toMatch(/150,50\s₽/);
    expect(html).toMatch(/заканчивается на<\/span><span aria-hidden="true">••••<\/span> 4242/);
    expect(html).not.toContain("424242");
    expect(html).toMatch(/<label for="acs-code">/);
    expect(html).toContain('id="acs-code"');
    expect(html).toContain('value="confirm"');
    expect(html).toContain('value="cancel" formnovalidate');
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });

  it("speaks English when asked by Accept-Language or a lang hint", async () => {
    const challenge = await startThreeDs();
    const fields = { MD: String(challenge.transactionId), PaReq: challenge.paReq, TermUrl: TERM_URL };
    const byHeader = await postForm(challenge.acsUrl, fields, { "Accept-Language": "en-US,en;q=0.9,ru;q=0.5" });
    expect(byHeader.html).toContain('<html lang="en">');
    expect(byHeader.html).toContain("Confirm your payment");
    expect(byHeader.html).toMatch(/RUB\s150\.50/);
    const byHint = await postForm(`${challenge.acsUrl}?lang=en`, fields, { "Accept-Language": "ru" });
    expect(byHint.html).toContain('<html lang="en">');
    const done = await passAcs(challenge, "confirm");
    expect(done.html).toContain('<html lang="ru">');
  });

  it("posts the result page's form by an external script, with a button for no-script", async () => {
    const challenge = await startThreeDs();
    const { html } = await passAcs(challenge, "confirm");
    expect(html).toContain('<script src="/acs/submit.js"></script>');
    expect(html).toMatch(/<form id="acs-return"[^>]*aria-label="[^"]+"/);
    expect(html).toMatch(/<button class="primary" type="submit">/);
    const script = await fetch(`${sandbox.url}/acs/submit.js`);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await script.text()).toContain('getElementById("acs-return")');
  });

  it("answers a 400 page to a bad request and does not crash", async () => {
    const challenge = await startThreeDs();
    const good = { MD: String(challenge.transactionId), PaReq: challenge.paReq, TermUrl: TERM_URL };
    const bad: Array<[Record<string, string>, string]> = [
      [{ PaReq: good.PaReq, TermUrl: TERM_URL }, "MD is required"],
      [{ MD: good.MD, TermUrl: TERM_URL }, "PaReq is required"],
      [{ MD: good.MD, PaReq: good.PaReq }, "TermUrl is required"],
      [{ ...good, TermUrl: "javascript:alert(1)" }, "TermUrl must be an http(s) address"],
      [{ ...good, TermUrl: "not a url" }, "TermUrl must be an http(s) address"],
      [{ ...good, MD: "999999" }, "MD does not name a transaction awaiting 3-D Secure"],
      [{ ...good, MD: "<script>" }, "MD does not name a transaction awaiting 3-D Secure"],
      [{ ...good, PaReq: "+/e30=" }, "PaReq does not belong to this transaction"],
    ];
    for (const [fields, problem] of bad) {
      const { response, html } = await postForm(challenge.acsUrl, fields);
      expect(response.status, problem).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      expect(html).toContain(problem);
    }
    const json = await fetch(challenge.acsUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(good) });
    expect(json.status).toBe(400);
    const get = await fetch(`${challenge.acsUrl}?MD=${good.MD}`);
    expect(get.status).toBe(400);
    expect(get.headers.get("content-type")).toMatch(/text\/html/);
    const badAction = await postForm(`${sandbox.url}/acs/complete`, { ...good, action: "steal" });
    expect(badAction.response.status).toBe(400);
    // After completion the ACS will not run the challenge again.
    const { paRes } = await passAcs(challenge, "confirm");
    await api.post("/payments/cards/post3ds", { TransactionId: challenge.transactionId, PaRes: paRes });
    const late = await postForm(challenge.acsUrl, good);
    expect(late.response.status).toBe(400);
    expect(late.html).toContain("already been completed");
    expect((await api.post("/test")).body.Success).toBe(true);
  });
});
