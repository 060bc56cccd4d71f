import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { measureBundleSizes } from "./bundle-sizes.ts";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("measureBundleSizes", () => {
  it("reports raw and gzip sizes of the .js files, or of the files asked for", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sizes-"));
    dirs.push(dir);
    const text = "var a=1;".repeat(500);
    await writeFile(join(dir, "b.js"), text);
    await writeFile(join(dir, "a.js"), "x");
    await writeFile(join(dir, "a.d.ts"), "export {};");
    const sizes = await measureBundleSizes(dir);
    expect(sizes.map((s) => s.file)).toEqual(["a.js", "b.js"]);
    expect(sizes[1]).toEqual({ file: "b.js", raw: 4000, gzip: gzipSync(text, { level: 9 }).length });
    expect(sizes[1]!.gzip).toBeLessThan(200);
    expect((await measureBundleSizes(dir, ["b.js"])).map((s) => s.file)).toEqual(["b.js"]);
  });
});
