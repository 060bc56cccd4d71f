// @vitest-environment jsdom
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LATE_MODULES, SHARED_MODULES } from "./bundle-modules.ts";

// Vitest runs from the project root (jsdom gives import.meta.url no file: scheme).
const root = process.cwd();

describe("late modules (main bundle calls them in the crypto chunk)", () => {
  it.each(Object.entries(LATE_MODULES))("%s: every listed export is a plain function, callable without new", async (path, names) => {
    const module = (await import(/* @vite-ignore */ join(root, path))) as Record<string, unknown>;
    for (const name of names) {
      const value = module[name];
      expect(typeof value, `${path}: ${name}`).toBe("function");
      // A class (e.g. a class component) would throw when the stub calls it.
      expect(Function.prototype.toString.call(value), `${path}: ${name}`).not.toMatch(/^class\b/);
    }
  });
});

describe("shared modules (main bundle lends them to the chunk)", () => {
  it("embed.ts lends exactly the listed names of each module", async () => {
    const embed = await readFile(join(root, "widget/src/embed.ts"), "utf8");
    const lent = /\[SHARED_GLOBAL\] = \{([\s\S]*?)\n  \};/.exec(embed)?.[1] ?? "";
    for (const { global, names } of Object.values(SHARED_MODULES)) {
      if (names.length === 0) continue;
      const entry = new RegExp(`\\b${global}: \\{([^}]*)\\}`).exec(lent)?.[1] ?? "";
      const given = entry.split(",").map((part) => part.split(":")[0]?.trim()).filter(Boolean).sort();
      expect(given, global).toEqual([...names].sort());
    }
  });
});
