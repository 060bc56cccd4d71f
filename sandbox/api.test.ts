import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_HANDLERS } from "./api-routes.ts";
import type { Sandbox } from "./index.ts";
import { startSandbox } from "./index.ts";
import { SandboxClient } from "./test-client.ts";

let sandbox: Sandbox;
let api: SandboxClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  api = new SandboxClient(sandbox);
});
afterAll(() => sandbox.close());

type Model = Record<string, unknown>;
const model = (r: { body: { Model?: unknown } }) => r.body.Model as Model;

describe("startup and the public key", () => {
  it("binds 127.0.0.1 on a free port with the default credentials", () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.publicId).toBe("test_api_00000000000000000000001");
    expect(sandbox.apiSecret).toBe("sandbox_api_secret");
  });

  it("serves the RSA public key by GET and POST, to any origin, without the API secret", async () => {
    for (const method of ["GET", "POST"]) {
      const response = await fetch(`${sandbox.url}/payments/publickey`, { method, headers: { Origin: "https://shop.example" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = (await response.json()) as { Pem: string; Version: number };
      expect(body.Pem).toBe(sandbox.publicKeyPem);
      expect(body.Pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(body.Version).toBe(1);
    }
  });

  it("keeps CORS off the API paths", async () => {
    const response = await fetch(`${sandbox.url}/test`, { method: "POST", headers: { Origin: "https://shop.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("authentication", () => {
  it("answers /test with a GUID when the credentials are right", async () => {
    const r = await api.post("/test");
    expect(r.status).toBe(200);
    expect(r.body.Success).toBe(true);
    expect(r.body.Message).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["no Authorization header", false as const],
    ["a wrong secret", { login: "test_api_00000000000000000000001", password: "nope" }],
    ["a wrong Public ID", { login: "pk_other", password: "sandbox_api_secret" }],
  ])("answers 401 to %s on every path", async (_label, auth) => {
    for (const path of ["/test", "/payments/cards/charge", "/payments/get", "/__sandbox/transactions"]) {
      const response =
        path === "/__sandbox/transactions"
          ? await fetch(`${sandbox.url}${path}`, auth === false ? {} : { headers: { Authorization: `Basic ${Buffer.from(`${auth.login}:${auth.password}`).toString("base64")}` } })
          : await (async () => ({ status: (await api.post(path, {}, { auth })).status }))();
      expect(response.status, path).toBe(401);
    }
  });

  it("honours a custom Public ID and API Secret", async () => {
    const other = await startSandbox({ port: 0, publicId: "pk_custom", apiSecret: "s3cret" });
    try {
      const client = new SandboxClient(other);
      expect((await client.post("/test")).status).toBe(200);
      expect((await api.post("/test", {}, { auth: { login: "pk_custom", password: "s3cret" } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe("cryptogram payments and the test cards", () => {
  const rows: Array<[string, "approved" | "declined" | "3ds"]> = [
    ["4000 0000 0000 3055", "approved"],
    ["5205 0000 0000 3055", "approved"],
    ["2202 0000 0000 3055", "approved"],
    ["4111 1111 1111 1111", "approved"],
    ["5200 8282 8282 8210", "approved"],
    ["2200 0000 2222 2222", "approved"],
    ["4000 0566 5566 5556", "declined"],
    ["5404 0000 0000 0043", "declined"],
    ["2203 0000 0000 0043", "declined"],
    ["4242 4242 4242 4242", "3ds"],
    ["5555 5555 5555 4444", "3ds"],
    ["2200 0000 0000 0004", "3ds"],
    ["4012 8888 8888 1881", "3ds"],
    ["5105 1051 0510 5100", "3ds"],
    ["2202 2022 0220 2200", "3ds"],
    ["4916 3385 0608 2832", "approved"], // any other Luhn-valid card
  ];

  it.each(rows)("charge with %s → %s", async (card, expected) => {
    const r = await api.post("/payments/cards/charge", api.payment(card));
    expect(r.status).toBe(200);
    const m = model(r);
    const digits = card.replace(/ /g, "");
    if (expected === "3ds") {
      expect(r.body.Success).toBe(false);
      expect(r.body.Message).toBeNull();
      expect(m).toMatchObject({ IFrameIsAllowed: true, AcsUrl: `${sandbox.url}/acs` });
      expect(typeof m["TransactionId"]).toBe("number");
      expect(m["PaReq"]).toEqual(expect.any(String));
      expect(typeof m["FrameWidth"]).toBe("number");
      expect(typeof m["FrameHeight"]).toBe("number");
      const get = await api.post("/payments/get", { TransactionId: m["TransactionId"] });
      expect(model(get)["Status"]).toBe("AwaitingAuthentication");
      expect(model(get)["StatusCode"]).toBe(1);
      return;
    }
    expect(m).toMatchObject({
      Amount: 150.5,
      Currency: "RUB",
      InvoiceId: "1001",
      AccountId: "user_x",
      Email: "shopper@example.com",
      Description: "Order 1001",
      TestMode: true,
      IpAddress: "127.0.0.1",
      CardFirstSix: digits.slice(0, 6),
      CardLastFour: digits.slice(-4),
      CardExpDate: "12/30",
      Name: "CARDHOLDER NAME",
    });
    expect(m["CreatedDateIso"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(JSON.stringify(r.body)).not.toContain(digits);
    if (expected === "approved") {
      expect(r.body.Success).toBe(true);
      expect(m).toMatchObject({ Status: "Completed", StatusCode: 3, Reason: "Approved", ReasonCode: 0, AuthCode: "A1B2C3" });
      expect(m["Token"]).toMatch(/^tk_/);
      expect(m["AuthDateIso"]).toEqual(expect.any(String));
      expect(m["ConfirmDateIso"]).toEqual(expect.any(String));
    } else {
      expect(r.body.Success).toBe(false);
      expect(r.body.Message).toBeNull();
      expect(m).toMatchObject({
        Status: "Declined",
        StatusCode: 5,
        Reason: "InsufficientFunds",
        ReasonCode: 5051,
        CardHolderMessage: "Недостаточно средств на карте",
        Token: null,
      });
    }
  });

  it("reports the card type the gateway's way", async () => {
    const types: Record<string, string> = {
      "4000000000003055": "Visa",
      "5205000000003055": "MasterCard",
      "2202000000003055": "MIR",
    };
    for (const [card, type] of Object.entries(types)) {
      expect(model(await api.post("/payments/cards/charge", api.payment(card)))["CardType"]).toBe(type);
    }
  });

  it("auth → Authorized, without a confirm date", async () => {
    const r = await api.post("/payments/cards/auth", api.payment("4000000000003055"));
    expect(r.body.Success).toBe(true);
    expect(model(r)).toMatchObject({ Status: "Authorized", StatusCode: 2, ConfirmDateIso: null });
    const declined = await api.post("/payments/cards/auth", api.payment("4000056655665556"));
    expect(model(declined)).toMatchObject({ Status: "Declined", ReasonCode: 5051 });
  });

  it("reads the legacy 01… packet as well as the JSON one", async () => {
    const r = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), CardCryptogramPacket: api.cryptogram("4000000000003055", { format: "legacy" }) });
    expect(r.body.Success).toBe(true);
    expect(model(r)["CardLastFour"]).toBe("3055");
  });

  it("accepts form-urlencoded bodies with the same answers", async () => {
    const r = await api.post("/payments/cards/charge", api.payment("4000000000003055", { JsonData: { order: 7 } }), { form: true });
    expect(r.body.Success).toBe(true);
    expect(model(r)).toMatchObject({ Amount: 150.5, Status: "Completed", JsonData: '{"order":7}' });
  });

  it("declines an expired card with 5054 and a non-Luhn card with 5014", async () => {
    const expired = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), CardCryptogramPacket: api.rawLegacyCryptogram("4000000000003055", "2001") });
    expect(model(expired)).toMatchObject({ Status: "Declined", ReasonCode: 5054, Reason: "ExpiredCard" });
    const notLuhn = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), CardCryptogramPacket: api.rawLegacyCryptogram("4000000000003056", "3012") });
    expect(model(notLuhn)).toMatchObject({ Status: "Declined", ReasonCode: 5014 });
  });

  it("gives one answer for every cryptogram it cannot use: no padding oracle", async () => {
    const key = crypto.createPublicKey(sandbox.publicKeyPem);
    const wrap = (block: Buffer, padding: number) =>
      Buffer.from(
        JSON.stringify({
          Type: "CloudCard",
          BrowserInfoBase64: "",
          Format: 1,
          CardInfo: { FirstSixDigits: "400000", LastFourDigits: "3055", ExpDateYear: "30", ExpDateMonth: "12" },
          KeyVersion: String(sandbox.keyVersion).padStart(2, "0"),
          Value: crypto.publicEncrypt({ key, padding }, block).toString("base64"),
        }),
      ).toString("base64");
    // Bad PKCS#1 padding (00 01 …), and good padding around content that is not a card.
    const badPadding = Buffer.alloc(256, 0xff);
    badPadding[0] = 0x00;
    badPadding[1] = 0x01;
    const packets = [
      wrap(badPadding, crypto.constants.RSA_NO_PADDING),
      wrap(Buffer.from("not a card at all"), crypto.constants.RSA_PKCS1_PADDING),
      wrap(Buffer.from(`4000000000003055@3012@123@${sandbox.publicId}`), crypto.constants.RSA_PKCS1_PADDING),
      wrap(Buffer.from("4111111111111111@3012@123@" + sandbox.publicId), crypto.constants.RSA_PKCS1_PADDING), // clear info disagrees
      api.cryptogram("4000000000003055", { publicId: "pk_someone_else" }),
      "not a packet",
    ];
    const foreignKey = await startSandbox({ port: 0 });
    try {
      packets.push(new SandboxClient(foreignKey).cryptogram("4000000000003055"));
    } finally {
      await foreignKey.close();
    }
    const answers = [];
    for (const packet of packets) {
      const r = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), CardCryptogramPacket: packet });
      answers.push({ status: r.status, body: r.body });
    }
    // The third packet is a good one: it proves the wrapper itself is right.
    expect(answers[2]?.body).toMatchObject({ Success: true });
    const refusals = answers.filter((_a, i) => i !== 2);
    for (const answer of refusals) {
      expect(answer).toEqual({ status: 200, body: { Success: false, Message: "Invalid CardCryptogramPacket value" } });
    }
  });
});

describe("validation messages name the field", () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["no Amount", { Amount: undefined }, "Amount is required"],
    ["a text Amount", { Amount: "ten" }, "Invalid Amount value"],
    ["a zero Amount", { Amount: 0 }, "Invalid Amount value"],
    ["a negative Amount", { Amount: -5 }, "Invalid Amount value"],
    ["three decimals", { Amount: 1.005 }, "Invalid Amount value"],
    ["a huge Amount", { Amount: 1e15 }, "Invalid Amount value"],
    ["no Currency", { Currency: undefined }, "Currency is required"],
    ["an unknown Currency", { Currency: "JPY" }, "Currency is not supported"],
    ["no IpAddress", { IpAddress: undefined }, "IpAddress is required"],
    ["a bad IpAddress", { IpAddress: "my pc" }, "Invalid IpAddress value"],
    ["no Name", { Name: "" }, "Name is required"],
    ["no cryptogram", { CardCryptogramPacket: undefined }, "CardCryptogramPacket is required"],
    ["an object as Name", { Name: { a: 1 } }, "Invalid Name value"],
    ["an array as Amount", { Amount: [1, 2] }, "Invalid Amount value"],
    ["a bad Email", { Email: "nobody" }, "Invalid Email value"],
  ];
  it.each(cases)("%s", async (_label, change, message) => {
    const params = { ...api.payment("4000000000003055"), ...change };
    const isObject = Object.values(change).some((v) => typeof v === "object" && v !== null && !Array.isArray(v));
    // A form cannot carry an object: there it is just text.
    for (const form of isObject ? [false] : [false, true]) {
      const sent = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
      const r = await api.post("/payments/cards/charge", sent, { form });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ Success: false, Message: message });
    }
  });

  it("reads parameter names case-insensitively, as the gateway does", async () => {
    const { Amount, Currency, ...rest } = api.payment("4000000000003055");
    const r = await api.post("/payments/cards/charge", { ...rest, amount: Amount, currency: Currency });
    expect(r.body.Success).toBe(true);
  });
});

describe("both body formats on every path", () => {
  it("reads a form body on every API path the same as JSON", async () => {
    for (const path of Object.keys(API_HANDLERS)) {
      const params = path.startsWith("/payments/cards/") && path !== "/payments/cards/post3ds" ? { ...api.payment("4000000000003055"), Amount: "oops" } : { TransactionId: "oops", Id: "", Amount: "oops" };
      const asJson = await api.post(path, params);
      const asForm = await api.post(path, params, { form: true });
      expect(asForm.status, path).toBe(200);
      if (path === "/test") expect(asForm.body.Success).toBe(true);
      else expect(asForm.body, path).toEqual(asJson.body);
    }
  });
});

describe("two-stage payments: confirm, void, refund", () => {
  const auth = async (amount = 100) => model(await api.post("/payments/cards/auth", api.payment("4000000000003055", { Amount: amount })))["TransactionId"];
  const charge = async (amount = 100) => model(await api.post("/payments/cards/charge", api.payment("4000000000003055", { Amount: amount })))["TransactionId"];
  const status = async (id: unknown) => model(await api.post("/payments/get", { TransactionId: id }));

  it("confirms an Authorized payment, in part, once", async () => {
    const id = await auth(100);
    expect((await api.post("/payments/confirm", { TransactionId: id, Amount: 120 })).body).toEqual({
      Success: false,
      Message: "Amount is greater than the authorized amount",
    });
    expect((await api.post("/payments/confirm", { TransactionId: id, Amount: 80 })).body).toEqual({ Success: true, Message: null });
    expect(await status(id)).toMatchObject({ Status: "Completed", Amount: 80, ConfirmDateIso: expect.any(String) });
    const again = await api.post("/payments/confirm", { TransactionId: id, Amount: 80 });
    expect(again.body).toEqual({ Success: false, Message: "Only an Authorized transaction can be confirmed; this one is Completed" });
  });

  it("voids only an Authorized payment", async () => {
    const id = await auth();
    expect((await api.post("/payments/void", { TransactionId: id }, { form: true })).body).toEqual({ Success: true, Message: null });
    expect(await status(id)).toMatchObject({ Status: "Cancelled", StatusCode: 4 });
    expect((await api.post("/payments/void", { TransactionId: id })).body.Message).toBe("Only an Authorized transaction can be voided; this one is Cancelled");
    expect((await api.post("/payments/confirm", { TransactionId: id, Amount: 1 })).body.Success).toBe(false);
    const completed = await charge();
    expect((await api.post("/payments/void", { TransactionId: completed })).body.Message).toMatch(/this one is Completed/);
  });

  it("refunds a Completed payment in parts up to its amount", async () => {
    const id = await charge(100);
    const first = await api.post("/payments/refund", { TransactionId: id, Amount: 60 });
    expect(first.body.Success).toBe(true);
    const refundId = model(first)["TransactionId"];
    expect(refundId).not.toBe(id);
    expect(await status(refundId)).toMatchObject({ Type: 1, OriginalTransactionId: id, Amount: 60 });
    expect((await api.post("/payments/refund", { TransactionId: id, Amount: 40.01 })).body).toEqual({
      Success: false,
      Message: "Amount is greater than the amount left to refund",
    });
    expect((await api.post("/payments/refund", { TransactionId: id, Amount: 40 })).body.Success).toBe(true);
    expect(await status(id)).toMatchObject({ Status: "Completed", Refunded: true });
    expect((await api.post("/payments/refund", { TransactionId: id, Amount: 0.01 })).body.Success).toBe(false);
  });

  it("refuses to refund an Authorized, Declined or refund transaction", async () => {
    const authorized = await auth();
    expect((await api.post("/payments/refund", { TransactionId: authorized, Amount: 1 })).body.Message).toMatch(/this one is Authorized/);
    const declined = model(await api.post("/payments/cards/charge", api.payment("4000056655665556")))["TransactionId"];
    expect((await api.post("/payments/refund", { TransactionId: declined, Amount: 1 })).body.Message).toMatch(/this one is Declined/);
    const paid = await charge(10);
    const refundId = model(await api.post("/payments/refund", { TransactionId: paid, Amount: 1 }))["TransactionId"];
    expect((await api.post("/payments/refund", { TransactionId: refundId, Amount: 1 })).body.Message).toMatch(/a refund/);
  });

  it("answers an unknown or malformed TransactionId plainly", async () => {
    for (const path of ["/payments/get", "/payments/confirm", "/payments/void", "/payments/refund", "/payments/cards/post3ds"]) {
      const r = await api.post(path, { TransactionId: 987654321, Amount: 1, PaRes: "x" });
      expect(r.body, path).toEqual({ Success: false, Message: "Transaction not found" });
      expect((await api.post(path, { TransactionId: "abc", Amount: 1 })).body.Message, path).toBe("Invalid TransactionId value");
      expect((await api.post(path, {})).body.Message, path).toBe("TransactionId is required");
    }
  });
});

describe("token payments", () => {
  const tokenOf = async (card: string, accountId = "user_t") =>
    model(await api.post("/payments/cards/charge", api.payment(card, { AccountId: accountId })))["Token"] as string;

  it("pays again with the Token and the same AccountId, charge and auth", async () => {
    const token = await tokenOf("4000000000003055");
    const charge = await api.post("/payments/tokens/charge", { Amount: 10, Currency: "RUB", AccountId: "user_t", Token: token });
    expect(charge.body.Success).toBe(true);
    expect(model(charge)).toMatchObject({ Status: "Completed", Token: token, CardLastFour: "3055", AccountId: "user_t" });
    const auth = await api.post("/payments/tokens/auth", { Amount: 10, Currency: "USD", AccountId: "user_t", Token: token }, { form: true });
    expect(model(auth)).toMatchObject({ Status: "Authorized", Currency: "USD" });
  });

  it("needs no 3-D Secure for a token of a 3-D Secure card", async () => {
    // Approve a 3-D Secure card first by a full round trip is covered in three-ds.test.ts;
    // here the token of a card with no 3-D Secure stands in.
    const token = await tokenOf("5205000000003055");
    const r = await api.post("/payments/tokens/charge", { Amount: 10, Currency: "RUB", AccountId: "user_t", Token: token });
    expect(model(r)["AcsUrl"]).toBeUndefined();
    expect(r.body.Success).toBe(true);
  });

  it("declines 5051 a token of the 4111 row", async () => {
    for (const card of ["4111111111111111", "5200828282828210", "2200000022222222"]) {
      const token = await tokenOf(card);
      const r = await api.post("/payments/tokens/charge", { Amount: 10, Currency: "RUB", AccountId: "user_t", Token: token });
      expect(r.body.Success).toBe(false);
      expect(model(r)).toMatchObject({ Status: "Declined", ReasonCode: 5051, Reason: "InsufficientFunds" });
    }
  });

  it("refuses a token with another AccountId, an unknown token, or missing fields", async () => {
    const token = await tokenOf("4000000000003055", "owner");
    expect((await api.post("/payments/tokens/charge", { Amount: 10, Currency: "RUB", AccountId: "thief", Token: token })).body).toEqual({
      Success: false,
      Message: "Token not found for this AccountId",
    });
    expect((await api.post("/payments/tokens/charge", { Amount: 10, Currency: "RUB", AccountId: "owner", Token: "tk_nope" })).body.Success).toBe(false);
    expect((await api.post("/payments/tokens/charge", { Amount: 10, Currency: "RUB", Token: token })).body.Message).toBe("AccountId is required");
    expect((await api.post("/payments/tokens/charge", { Amount: 10, Currency: "RUB", AccountId: "owner" })).body.Message).toBe("Token is required");
  });
});

describe("subscriptions and orders", () => {
  it("creates, reads and cancels a subscription by token", async () => {
    const token = model(await api.post("/payments/cards/charge", api.payment("4000000000003055", { AccountId: "sub_user" })))["Token"];
    const create = await api.post("/subscriptions/create", {
      Token: token,
      AccountId: "sub_user",
      Description: "Monthly box",
      Email: "user@example.com",
      Amount: 1.02,
      Currency: "RUB",
      RequireConfirmation: false,
      StartDate: "2030-01-01T10:00:00",
      Interval: "Month",
      Period: 1,
    });
    expect(create.body.Success).toBe(true);
    const sub = model(create);
    expect(sub).toMatchObject({ Status: "Active", StatusCode: 0, Amount: 1.02, Interval: "Month", Period: 1, StartDateIso: "2030-01-01T10:00:00" });
    expect(sub["Id"]).toMatch(/^sc_/);
    expect(model(await api.post("/subscriptions/get", { Id: sub["Id"] }))["Id"]).toBe(sub["Id"]);
    expect((await api.post("/subscriptions/cancel", { Id: sub["Id"] }, { form: true })).body).toEqual({ Success: true, Message: null });
    expect(model(await api.post("/subscriptions/get", { Id: sub["Id"] }))).toMatchObject({ Status: "Cancelled" });
    expect((await api.post("/subscriptions/cancel", { Id: sub["Id"] })).body.Success).toBe(false);
    expect((await api.post("/subscriptions/get", { Id: "sc_unknown" })).body).toEqual({ Success: false, Message: "Subscription not found" });
  });

  it("validates subscription fields", async () => {
    const base = { Token: "tk_x", AccountId: "a", Description: "d", Amount: 1, Currency: "RUB", RequireConfirmation: true, StartDate: "2030-01-01", Interval: "Week", Period: 2 };
    expect((await api.post("/subscriptions/create", { ...base, Interval: "Year" })).body.Message).toBe("Invalid Interval value");
    expect((await api.post("/subscriptions/create", { ...base, Period: 0 })).body.Message).toBe("Invalid Period value");
    expect((await api.post("/subscriptions/create", { ...base, StartDate: "tomorrow" })).body.Message).toBe("Invalid StartDate value");
    expect((await api.post("/subscriptions/create", { ...base, RequireConfirmation: "maybe" })).body.Message).toBe("Invalid RequireConfirmation value");
    expect((await api.post("/subscriptions/create", base)).body.Message).toBe("Token not found for this AccountId");
  });

  it("creates an order with a payment link", async () => {
    const r = await api.post("/orders/create", { Amount: 500, Currency: "EUR", Description: "Invoice 5", Email: "p@example.com", RequireConfirmation: true, SendEmail: false });
    expect(r.body.Success).toBe(true);
    expect(model(r)).toMatchObject({ Amount: 500, Currency: "EUR", Description: "Invoice 5", RequireConfirmation: true, Status: "Created" });
    const page = await fetch(String(model(r)["Url"]));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Invoice 5");
    expect((await api.post("/orders/create", { Amount: 500, Currency: "EUR" })).body.Message).toBe("Description is required");
  });
});

describe("the debug route and the in-process accessor", () => {
  it("lists transactions behind Basic auth, the same as sandbox.transactions()", async () => {
    const before = sandbox.transactions().length;
    const r = await api.post("/payments/cards/charge", api.payment("4000000000003055"));
    const id = model(r)["TransactionId"];
    const response = await fetch(`${sandbox.url}/__sandbox/transactions`, {
      headers: { Authorization: `Basic ${Buffer.from(`${sandbox.publicId}:${sandbox.apiSecret}`).toString("base64")}` },
    });
    const listed = ((await response.json()) as { Model: Model[] }).Model;
    expect(sandbox.transactions().length).toBe(before + 1);
    expect(listed.at(-1)?.["TransactionId"]).toBe(id);
    expect(sandbox.transactions().at(-1)?.["TransactionId"]).toBe(id);
  });

  it("forgets the oldest transactions past its cap", async () => {
    const small = await startSandbox({ port: 0, maxTransactions: 3 });
    try {
      const client = new SandboxClient(small);
      const ids: unknown[] = [];
      for (let i = 0; i < 5; i++) ids.push(model(await client.post("/payments/cards/charge", client.payment("4000000000003055")))["TransactionId"]);
      expect(small.transactions().map((t) => t.TransactionId)).toEqual(ids.slice(2));
      expect((await client.post("/payments/get", { TransactionId: ids[0] })).body.Message).toBe("Transaction not found");
    } finally {
      await small.close();
    }
  });

  it("answers 404 to an unknown path and 405 to GET on an API path", async () => {
    expect((await fetch(`${sandbox.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/payments/cards/charge`)).status).toBe(405);
  });
});
