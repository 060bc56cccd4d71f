// Raw and gzipped sizes of the browser bundles in dist/ (used by the build report and the bench).
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  file: string;
  raw: number;
  gzip: number;
}

/** The script-tag files: the critical path first, then the crypto chunk. */
export const SCRIPT_TAG_FILES = ["checkout-widget.js", "checkout-widget-crypto.js"] as const;

/** Budgets from the issue, bytes gzipped. */
export const BUDGETS = { criticalGzip: 18 * 1024, totalGzip: 40 * 1024 } as const;

export async function measureBundleSizes(distDir: string, files?: readonly string[]): Promise<BundleSize[]> {
  const names = files ?? (await readdir(distDir)).filter((name) => name.endsWith(".js")).sort();
  return Promise.all(
    names.map(async (file) => {
      const bytes = await readFile(join(distDir, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
}

export function formatBundleSizes(sizes: readonly BundleSize[]): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  return sizes.map((s) => `${s.file.padEnd(28)} ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(9)} gzip`).join("\n");
}
