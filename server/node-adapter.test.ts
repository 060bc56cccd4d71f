import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { closeServer, listen } from "./merchant.fixture.ts";
import { createNodeListener, toNodeHandler } from "./node-adapter.ts";
import { remoteAddressOf } from "./request-context.ts";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

async function serve(listener: Parameters<typeof createServer>[1]) {
  const server = createServer(listener);
  servers.push(server);
  return listen(server);
}

describe("node adapter", () => {
  it("hands the handler the method, URL, headers, body and socket address", async () => {
    let seen: { method: string; url: string; header: string | null; body: string; ip: string | undefined } | undefined;
    const url = await serve(
      toNodeHandler(async (request) => {
        seen = { method: request.method, url: request.url, header: request.headers.get("x-test"), body: await request.text(), ip: remoteAddressOf(request) };
        return new Response("ok", { status: 201, headers: { "X-Answer": "yes" } });
      }),
    );
    const response = await fetch(`${url}/a/b?c=1`, { method: "POST", headers: { "X-Test": "t" }, body: "hello" });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-answer")).toBe("yes");
    expect(await response.text()).toBe("ok");
    expect(seen).toEqual({ method: "POST", url: `${url}/a/b?c=1`, header: "t", body: "hello", ip: "127.0.0.1" });
  });

  it("answers 500 without details when the handler throws", async () => {
    const url = await serve(toNodeHandler(async () => Promise.reject(new Error("secret detail"))));
    const response = await fetch(url);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret detail");
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
