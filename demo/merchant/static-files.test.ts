import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readStatic } from "./static-files.ts";

describe("readStatic", async () => {
  const parent = await mkdtemp(join(tmpdir(), "demo-static-"));
  const root = join(parent, "public");
  await mkdir(root);
  await writeFile(join(root, "app.js"), "ok");
  await writeFile(join(parent, "secret.txt"), "no");

  it("serves a file under the root with its type", async () => {
    const file = await readStatic(root, "app.js");
    expect(file?.body.toString()).toBe("ok");
    expect(file?.type).toMatch(/javascript/);
  });

  it("refuses paths that climb out of the root, encoded or not", async () => {
    expect(await readStatic(root, "../secret.txt")).toBeNull();
    expect(await readStatic(root, "..%2Fsecret.txt")).toBeNull();
    expect(await readStatic(root, "%E0%A4%A")).toBeNull();
    expect(await readStatic(root, "missing.js")).toBeNull();
  });
});
