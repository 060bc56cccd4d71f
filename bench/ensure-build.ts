// Runs `npm run build` when dist/ is missing or older than the sources it is built from.
import { spawnSync } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { HOSTED_SCRIPT_FILE, SCRIPT_TAG_FILES } from "../scripts/bundle-sizes.ts";

const INPUTS = ["widget/src", "scripts/build.ts", "scripts/script-tag.ts", "scripts/widget-layout.ts", "scripts/bundle-sizes.ts", "package.json", "tsconfig.build.json"];

async function mtime(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

/** Newest modification time under the build inputs (tests excluded: they do not reach dist/). */
async function newestInput(root: string): Promise<number> {
  let newest = 0;
  for (const input of INPUTS) {
    const path = join(root, input);
    const info = await stat(path).catch(() => null);
    if (info === null) continue;
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      continue;
    }
    for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
      newest = Math.max(newest, (await mtime(join(entry.parentPath, entry.name))) ?? 0);
    }
  }
  return newest;
}

/** Returns what it did; throws when the build did not produce the script-tag files. */
export async function ensureBuild(root: string, force: boolean): Promise<"fresh" | "built"> {
  const dist = join(root, "dist");
  const outputs = await Promise.all([...SCRIPT_TAG_FILES, HOSTED_SCRIPT_FILE].map((f) => mtime(join(dist, f))));
  const oldestOutput = outputs.some((t) => t === null) ? null : Math.min(...(outputs as number[]));
  if (!force && oldestOutput !== null && oldestOutput >= (await newestInput(root))) return "fresh";

  const started = Date.now();
  console.log("bench: dist/ is missing or stale, running `npm run build`…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  // The build exits 1 when a bundle is over budget, after writing it: that is a figure to report, not a crash.
  const written = await Promise.all(SCRIPT_TAG_FILES.map((f) => mtime(join(dist, f))));
  if (written.some((t) => t === null || t < started - 1000)) {
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal}) and left no fresh dist/`);
  }
  return "built";
}
