import express from "express";
import { createServer, type RequestListener, type Server } from "node:http";
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { createCryptogram } from "../../widget/src/cryptogram/index.ts";
import { CloudPaymentsClient } from "../client/index.ts";
import { createCheckoutHandlers } from "../handlers/index.ts";
import { CARDS, SHOP_ORIGIN, authenticateAtAcs, closeServer, listen, pageData } from "../merchant.fixture.ts";
import { readLimitedBody } from "../handlers/read-limited-body.ts";
import { markReadsRecordedBody, recordAnswer, remoteAddress } from "../request-context.ts";
import { createNodeListener, nodeGatewayHttp, toNodeHandler } from "./index.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

async function serve(listener: RequestListener | express.Express) {
  const server = createServer(listener);
  servers.push(server);
  return listen(server);
}

/** One raw HTTP/1.1 exchange: what a client that writes its own Host header gets. */
function rawExchange(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("node adapter", () => {
  it("hands the handler the method, URL, headers, body and socket address", async () => {
    let seen: { method: string; url: string; header: string | null; body: string; ip: string | undefined } | undefined;
    const url = await serve(
      toNodeHandler(async (request) => {
        seen = { method: request.method, url: request.url, header: request.headers.get("x-test"), body: await request.text(), ip: remoteAddress(request) };
        return new Response("ok", { status: 201, headers: { "X-Answer": "yes" } });
      }),
    );
    const response = await fetch(`${url}/a/b?c=1`, { method: "POST", headers: { "X-Test": "t" }, body: "hello" });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-answer")).toBe("yes");
    expect(await response.text()).toBe("ok");
    expect(seen).toEqual({ method: "POST", url: `${url}/a/b?c=1`, header: "t", body: "hello", ip: "127.0.0.1" });
  });

  it("gives the kit's own handlers the body bytes and writes their noted JSON, with no Web stream", async () => {
    let seen: { stream: boolean; text: string } | undefined;
    const kitLike = markReadsRecordedBody(async (request: Request) => {
      const read = await readLimitedBody(request, 64);
      seen = { stream: request.body !== null, text: read.ok ? read.text : read.reason };
      const response = new Response("stream text", { headers: { "Content-Type": "application/json" } });
      return recordAnswer(response, '{"noted":true}');
    });
    const url = await serve(toNodeHandler(kitLike));
    const answer = await fetch(url, { method: "POST", body: '{"a":"б"}' });
    expect(await answer.json()).toEqual({ noted: true });
    expect(seen).toEqual({ stream: false, text: '{"a":"б"}' });
    // The handler's own limit holds for recorded bytes too.
    expect((await fetch(url, { method: "POST", body: "x".repeat(65) }).then(() => seen))?.text).toBe("too_large");
  });

  it("passes every Set-Cookie and writes the answer with its length", async () => {
    const url = await serve(
      toNodeHandler(async () => {
        const headers = new Headers({ "Content-Type": "text/plain" });
        headers.append("Set-Cookie", "a=1");
        headers.append("Set-Cookie", "b=2");
        return new Response("двa", { headers });
      }),
    );
    const response = await fetch(url);
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength("двa")));
    expect(await response.text()).toBe("двa");
  });

  it("logs an unexpected error with a request id the answer also carries, never card data", async () => {
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const hooked: string[] = [];
    const url = await serve(
      toNodeHandler(async () => Promise.reject(new Error("lookup failed for 4242 4242 4242 4242 / 4000000000003055")), {
        logger: { error: (message, fields) => logged.push({ message, ...(fields && { fields }) }) },
        onError: (_error, { requestId }) => hooked.push(requestId),
      }),
    );
    const response = await fetch(`${url}/api/pay?invoice=1`, { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { status: string; message: string; requestId: string };
    expect(body).toMatchObject({ status: "error", message: "Internal error" });
    expect(JSON.stringify(body)).not.toContain("lookup failed");
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields).toMatchObject({ requestId: body.requestId, method: "POST", path: "/api/pay", error: "Error" });
    expect(hooked).toEqual([body.requestId]);
    const text = JSON.stringify(logged);
    expect(text).toContain("lookup failed");
    expect(text).not.toMatch(/4242|0000000000003055|invoice=1/);
  });

  it("answers 400, not 500, to a malformed Host header, and logs nothing", async () => {
    const logged: string[] = [];
    const url = await serve(toNodeHandler(async () => new Response("reached"), { logger: { error: (m) => logged.push(m) } }));
    for (const host of ["exa mple.com", "a/b", "[::1", "shop.example:99999", "x@y"]) {
      const answer = await rawExchange(url, `GET /api/pay HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(answer, host).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).not.toContain("reached");
    }
    expect(logged).toEqual([]);
  });

  it("answers 413 to a body over maxBodyBytes without reading it all", async () => {
    let called = false;
    const url = await serve(
      toNodeHandler(
        async () => {
          called = true;
          return new Response("ok");
        },
        { maxBodyBytes: 1024 },
      ),
    );
    const declared = await fetch(url, { method: "POST", body: "x".repeat(2048) });
    expect(declared.status).toBe(413);
    const chunked = await fetch(url, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode("y".repeat(600)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(called).toBe(false);
  });

  it("routes by exact path, ignoring the query, and answers 404 elsewhere", async () => {
    const url = await serve(
      createNodeListener({ "/api/pay": async () => new Response("pay"), "/api/3ds": async () => new Response("3ds") }),
    );
    expect(await (await fetch(`${url}/api/pay`)).text()).toBe("pay");
    expect(await (await fetch(`${url}/api/3ds?tx=1`)).text()).toBe("3ds");
    expect((await fetch(`${url}/api/other`)).status).toBe(404);
  });
});

describe("node adapter behind Express", () => {
  const echo = toNodeHandler(async (request) =>
    Response.json({ type: request.headers.get("content-type"), body: await request.text(), url: request.url }),
  );

  it("uses a body express.json(), express.urlencoded(), express.text() or express.raw() already parsed", async () => {
    const app = express();
    app.use(express.json(), express.urlencoded({ extended: false }), express.text(), express.raw({ type: "application/octet-stream" }));
    app.post("/echo", echo);
    const url = await serve(app);
    const send = async (type: string, body: string) => {
      const response = await fetch(`${url}/echo`, { method: "POST", headers: { "Content-Type": type }, body });
      return ((await response.json()) as { body: string }).body;
    };
    expect(JSON.parse(await send("application/json", '{"invoiceId":"inv-1","name":"Иван"}'))).toEqual({ invoiceId: "inv-1", name: "Иван" });
    expect(new URLSearchParams(await send("application/x-www-form-urlencoded", "MD=77&PaRes=a%2Bb%3D")).get("PaRes")).toBe("a+b=");
    expect(await send("text/plain", "plain text")).toBe("plain text");
    expect(await send("application/octet-stream", "raw bytes")).toBe("raw bytes");
  });

  it("reads the stream itself when the parser skipped the request (another Content-Type)", async () => {
    const app = express();
    app.use(express.json());
    app.post("/echo", echo);
    const url = await serve(app);
    const response = await fetch(`${url}/echo`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: "a,b" });
    expect(await response.json()).toMatchObject({ type: "text/csv", body: "a,b" });
  });

  it("keeps the URL the client asked for below a mount point", async () => {
    const app = express();
    const router = express.Router();
    router.get("/return", echo);
    app.use("/api/3ds", router);
    const url = await serve(app);
    expect(await (await fetch(`${url}/api/3ds/return?script=1`)).json()).toMatchObject({ url: `${url}/api/3ds/return?script=1` });
  });
});

describe("the checkout handlers behind Express with express.json() and express.urlencoded()", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it("pays, passes 3-D Secure, and gives the gateway the socket's IP address", async () => {
    const http = nodeGatewayHttp();
    const client = new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, http });
    const app = express();
    app.use(express.json(), express.urlencoded({ extended: false }));
    const server = createServer(app);
    servers.push(server);
    const url = await listen(server);
    const { pay, threeDsReturn } = createCheckoutHandlers({
      client,
      secret: "express-test-secret-0123456789abcdef",
      getOrder: (invoiceId) => (invoiceId.startsWith("inv-x") ? { amount: 700, currency: "RUB" } : null),
      termUrl: `${url}/api/3ds/return`,
      returnUrl: `${SHOP_ORIGIN}/done`,
      allowedOrigins: [SHOP_ORIGIN],
      getClientIp: remoteAddress,
      logger: { warn: () => undefined, error: () => undefined },
    });
    app.post("/api/pay", toNodeHandler(pay));
    app.all("/api/3ds/return", toNodeHandler(threeDsReturn));
    const key = { publicId: sandbox.publicId, publicKeyPem: sandbox.publicKeyPem, keyVersion: sandbox.keyVersion };
    const payWith = async (card: string, invoiceId: string) => {
      const cryptogram = createCryptogram({ cardNumber: card, expDateMonthYear: "12/30", cvv: "123" }, key, { format: "json" });
      const response = await fetch(`${url}/api/pay`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: SHOP_ORIGIN, "X-Request-ID": crypto.randomUUID() },
        body: JSON.stringify({ cryptogram, name: "CARD HOLDER", invoiceId }),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    try {
      const approved = await payWith(CARDS.approved, "inv-x1");
      expect(approved).toMatchObject({ status: 200, json: { status: "approved", amount: 700 } });
      expect(sandbox.transactions().find((t) => t.TransactionId === approved.json["transactionId"])).toMatchObject({ IpAddress: "127.0.0.1" });

      const challenge = await payWith(CARDS.threeDs, "inv-x2");
      expect(challenge.json).toMatchObject({ status: "3ds" });
      const acs = await authenticateAtAcs(challenge.json as never, "123456");
      const back = await fetch(acs.action, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Dest": "iframe" },
        body: new URLSearchParams({ MD: acs.md, PaRes: acs.paRes }).toString(),
      });
      expect(back.status).toBe(200);
      expect(pageData(await back.text()).message).toMatchObject({ result: { status: "approved" } });
    } finally {
      http.close();
    }
  });
});

describe("node adapter URLs", () => {
  it("builds the URL on `origin` when given, whatever Host says, and keeps the client's path and query", async () => {
    let seen = "";
    const url = await serve(
      toNodeHandler(
        async (request) => {
          seen = request.url;
          return new Response("ok");
        },
        { origin: "https://shop.example/ignored-path" },
      ),
    );
    await rawExchange(url, "GET //api/pay?a=1 HTTP/1.1\r\nHost: internal:8080\r\nConnection: close\r\n\r\n");
    expect(seen).toBe("https://shop.example//api/pay?a=1");
    await rawExchange(url, "GET http://evil.example/api/3ds?tx=5 HTTP/1.1\r\nHost: internal:8080\r\nConnection: close\r\n\r\n");
    expect(seen).toBe("https://shop.example/api/3ds?tx=5");
  });
});
