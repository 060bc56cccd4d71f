// Installs the packed tarball into a throwaway project offline: the project's package-lock.json is
// made from this repository's own lock (the same versions `npm ci` put in the npm cache), then
// `npm ci --offline` installs it. npm alone cannot resolve offline: `npm ci` caches tarballs, not
// the registry documents a fresh resolution needs.
//
// Packages are placed as npm would: flat at the top, a second version of a name nested under the
// package that needs it, the layout a real install has. A peer (preact, for this package) is the
// host's copy when the host has one, and is placed from this repository's lock only when missing.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bin?: Record<string, string> | string;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  hasInstallScript?: boolean;
}

interface RootLock {
  packages: Record<string, LockEntry>;
}

export interface PackedPackage {
  /** Absolute path of the .tgz. */
  tarball: string;
  manifest: {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    bin?: Record<string, string>;
    engines?: Record<string, string>;
    license?: string;
  };
}

export interface ConsumerSpec {
  /** Project directory (created by the caller); the tarball's path is written relative to it. */
  dir: string;
  /**
   * Packages the shop itself depends on, each resolved as seen from a folder of this repository
   * (a workspace under package-test/apps, or "" for the root), e.g. { react: "package-test/apps/react18" }.
   */
  dependencies: Record<string, string>;
  /** Extra package.json fields ("type": "module", …). */
  manifest?: Record<string, unknown>;
}

const KEPT: (keyof LockEntry)[] = [
  "name",
  "version",
  "resolved",
  "integrity",
  "license",
  "dependencies",
  "optionalDependencies",
  "peerDependencies",
  "peerDependenciesMeta",
  "bin",
  "engines",
  "os",
  "cpu",
  "hasInstallScript",
];

/**
 * The entry as the consumer's lock holds it. Our lock omits registry URLs (npm's
 * omit-lockfile-registry-resolved); without one, npm ci would ask the registry for the package
 * document to find the tarball, which an offline install cannot.
 */
function pick(entry: LockEntry, at: string, registry: string): LockEntry {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT) if (entry[key] !== undefined) kept[key] = entry[key];
  if (kept["resolved"] === undefined && entry.version !== undefined) {
    const name = entry.name ?? at.slice(at.lastIndexOf("node_modules/") + "node_modules/".length);
    kept["resolved"] = `${registry.replace(/\/+$/, "")}/${name}/-/${name.split("/").pop() ?? name}-${entry.version}.tgz`;
  }
  return kept as LockEntry;
}

/** Node's lookup of `name` from a folder: its node_modules, then each parent folder's. */
function lookups(from: string, name: string): string[] {
  const found: string[] = [];
  for (let dir = from; ; dir = posix.dirname(dir)) {
    const base = dir === "." || dir === "" ? "" : `${dir}/`;
    found.push(`${base}node_modules/${name}`);
    if (base === "") return found;
  }
}

interface Need {
  name: string;
  optional: boolean;
  /** A peer takes whichever copy is visible from its dependent (the host's); only a missing one is placed. */
  peer: boolean;
}

/** What an entry needs at run time: dependencies, present optional ones, required peers. */
function needs(entry: LockEntry): Need[] {
  const optionalPeer = (name: string) => entry.peerDependenciesMeta?.[name]?.optional === true;
  return [
    ...Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false, peer: false })),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true, peer: false })),
    ...Object.keys(entry.peerDependencies ?? {})
      .filter((name) => !optionalPeer(name))
      .map((name) => ({ name, optional: false, peer: true })),
  ];
}

export async function writeConsumerLock(root: string, packed: PackedPackage, spec: ConsumerSpec): Promise<void> {
  const lock = JSON.parse(await readFile(join(root, "package-lock.json"), "utf8")) as RootLock;
  const source = (from: string, name: string): string | undefined => lookups(from, name).find((key) => lock.packages[key] && !lock.packages[key]?.link);

  const tarballSpec = `file:${posix.relative(spec.dir.split("\\").join("/"), packed.tarball.split("\\").join("/"))}`;
  const integrity = `sha512-${createHash("sha512").update(await readFile(packed.tarball)).digest("base64")}`;
  const { manifest } = packed;
  const own: LockEntry = {
    version: manifest.version,
    resolved: tarballSpec,
    integrity,
    ...(manifest.license !== undefined && { license: manifest.license }),
    ...(manifest.dependencies !== undefined && { dependencies: manifest.dependencies }),
    ...(manifest.peerDependencies !== undefined && { peerDependencies: manifest.peerDependencies }),
    ...(manifest.peerDependenciesMeta !== undefined && { peerDependenciesMeta: manifest.peerDependenciesMeta }),
    ...(manifest.bin !== undefined && { bin: manifest.bin }),
    ...(manifest.engines !== undefined && { engines: manifest.engines }),
  };

  // Consumer location → [entry, where it came from in our lock ("" for the tarball)].
  const placed = new Map<string, { entry: LockEntry; from: string }>();
  const queue: { at: string; from: string }[] = [];
  const topLevel: Record<string, string> = { [manifest.name]: tarballSpec };

  const place = (parentAt: string, name: string, from: string, entry: LockEntry): void => {
    for (const key of lookups(parentAt, name)) {
      const there = placed.get(key);
      if (!there) continue;
      if (there.from === from) return; // already visible from here
      break; // another version is visible: nest below
    }
    const flat = `node_modules/${name}`;
    const at = !placed.has(flat) ? flat : `${parentAt}/node_modules/${name}`;
    if (parentAt === "" && placed.has(flat)) throw new Error(`${spec.dir}: two versions of ${name} at the top; use two projects`);
    placed.set(at, { entry, from });
    queue.push({ at, from });
  };

  place("", manifest.name, "", own);
  for (const [name, workspace] of Object.entries(spec.dependencies)) {
    const key = source(workspace, name);
    const entry = key === undefined ? undefined : lock.packages[key];
    if (key === undefined || entry === undefined) throw new Error(`package-lock.json has no ${name} for ${workspace || "the root"}: add it there`);
    topLevel[name] = entry.version ?? "*";
    place("", name, key, entry);
  }
  while (queue.length > 0) {
    const { at, from } = queue.shift() ?? { at: "", from: "" };
    const entry = placed.get(at)?.entry;
    if (!entry) continue;
    // The tarball's own dependencies ("" as from) resolve as they do for the repository root.
    for (const { name, optional, peer } of needs(entry)) {
      if (peer && lookups(at, name).some((key) => placed.has(key))) continue;
      const key = source(from, name);
      const found = key === undefined ? undefined : lock.packages[key];
      if (key === undefined || found === undefined) {
        if (optional) continue;
        throw new Error(`package-lock.json has no ${name} (needed by ${at})`);
      }
      place(at, name, key, found);
    }
  }

  const manifestJson = { name: "checkout-widget-consumer", private: true, version: "0.0.0", ...spec.manifest, dependencies: topLevel };
  const packages: Record<string, LockEntry> = { "": { ...manifestJson } as LockEntry };
  const registry = (await run("npm", ["config", "get", "registry"], { cwd: spec.dir })).stdout.trim();
  for (const [at, { entry, from }] of [...placed].sort(([a], [b]) => a.localeCompare(b))) packages[at] = from === "" ? entry : pick(entry, at, registry);
  await writeFile(join(spec.dir, "package.json"), JSON.stringify(manifestJson, null, 2) + "\n");
  await writeFile(
    join(spec.dir, "package-lock.json"),
    JSON.stringify({ name: manifestJson.name, version: "0.0.0", lockfileVersion: 3, requires: true, packages }, null, 2) + "\n",
  );
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; rejects with its output when it fails. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      const result = { code, stdout, stderr };
      if (code === 0) resolve(result);
      else reject(new Error(`${command} ${args.join(" ")} (in ${options.cwd}) exited ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

/** `npm ci` from the cache only: no registry is asked, so a missing package fails loudly. */
export async function installOffline(dir: string): Promise<void> {
  await run("npm", ["ci", "--offline", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    // Not this repository's workspace settings: the throwaway project stands alone.
    env: { npm_config_workspaces: "false" },
  });
}

/** `npm pack` of the repository; `build: false` when dist/ was just built (no prepack run). */
export async function pack(root: string, destination: string, options: { build: boolean } = { build: true }): Promise<PackedPackage> {
  const args = ["pack", "--json", "--pack-destination", destination, "--loglevel=error", ...(options.build ? [] : ["--ignore-scripts"])];
  const { stdout } = await run("npm", args, { cwd: root });
  // A prepack build prints to the same stdout first; the JSON array starts at a line's start.
  const [info] = JSON.parse(stdout.slice(Math.max(0, stdout.search(/^\[/m)))) as { filename: string }[];
  if (!info) throw new Error("npm pack printed no file");
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as PackedPackage["manifest"];
  return { tarball: join(destination, info.filename), manifest };
}
