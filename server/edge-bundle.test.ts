// checkout-widget/server must bundle for an edge runtime: no `node:` import anywhere under it.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { edgeBundle } from "../scripts/edge-bundle.ts";

const here = fileURLToPath(new URL(".", import.meta.url));

describe("checkout-widget/server for an edge target", () => {
  it("bundles server/index.ts with esbuild's neutral platform and imports no Node built-in", async () => {
    const { nodeImports, code } = await edgeBundle("./index.ts", here);
    expect(nodeImports).toEqual([]);
    expect(code).toContain("createCheckoutHandlers");
  });

  it("the check would catch one: server/node imports Node built-ins", async () => {
    const { nodeImports } = await edgeBundle("./node/index.ts", here);
    expect(nodeImports.some((line) => line.startsWith("node:http"))).toBe(true);
  });
});
