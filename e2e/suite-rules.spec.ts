// Every spec gets the leak guard: it must take `test` from ./fixtures.ts, never from @playwright/test.
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { test, expect } from "./fixtures.ts";

test("every e2e spec imports test from ./fixtures.ts", async () => {
  const dir = fileURLToPath(new URL(".", import.meta.url));
  const specs = (await readdir(dir)).filter((name) => name.endsWith(".spec.ts"));
  expect(specs.length).toBeGreaterThan(3);
  const offenders: string[] = [];
  for (const name of specs) {
    const source = await readFile(`${dir}/${name}`, "utf8");
    const importsGuarded = /import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*["']\.\/fixtures\.ts["']/.test(source);
    const importsRawTest = /import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*["']@playwright\/test["']/.test(source);
    if (!importsGuarded || importsRawTest) offenders.push(name);
  }
  expect(offenders, "specs that bypass the leak guard").toEqual([]);
});
