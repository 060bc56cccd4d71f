// What we publish, installed as a merchant installs it: `npm pack`, then throwaway projects that
// install the tarball offline (from the npm cache `npm ci` filled), and then —
//   strict TypeScript consumers (bundler, nodenext, node10; an edge one without Node's types),
//   /server bundled for an edge target with no Node built-in,
//   the published sandbox started with `npx checkout-widget-sandbox`,
//   shops in Preact (10 and 11) and React (18 and 19, StrictMode) built with esbuild and paying in headless
//   Chromium through a merchant server on the published kit against that sandbox.
// One install per set of peer versions (React 18 needs its own); everything after it runs in parallel.
//
// A new shop (Preact 12, say) is: package-test/apps/<name>/package.json naming its framework (so
// `npm ci` caches it), an entry in SHOPS, and a project in PROJECTS whose dependencies take the
// framework from that folder.
import { chromium, type Browser } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeBundle } from "../scripts/edge-bundle.ts";
import { ensureChromium } from "../scripts/ensure-browser.ts";
import { bundleWithEsbuild, bundleWithVite } from "../scripts/merchant-bundle.ts";
import { installOffline, pack, run, writeConsumerLock, type PackedPackage } from "./consumer-install.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const tsc = join(root, "node_modules/typescript/bin/tsc");

interface Shop {
  source: string;
  /** The framework the page reports running (document.body.dataset.framework). */
  framework: RegExp;
  /** How the shopper pays: the widget's own button, or the shop's button calling ref.submit(). */
  submit: "pay-button" | "ref";
  /** For shops that cannot report their framework at run time: the package to read the version of. */
  versionOf?: string;
}

const SHOPS: Record<string, Shop> = {
  preact10: { source: "shops/preact.tsx", framework: /^preact 10\./, submit: "pay-button", versionOf: "preact" },
  preact11: { source: "shops/preact.tsx", framework: /^preact 11\./, submit: "pay-button", versionOf: "preact" },
  react19: { source: "shops/react.tsx", framework: /^react 19\./, submit: "ref" },
  react18: { source: "shops/react.tsx", framework: /^react 18\./, submit: "ref" },
};

type Check = "bundler" | "nodenext" | "node10" | "edge" | "react" | "preact";

interface Project {
  name: string;
  /** The shop's own dependencies: package → repository folder whose lock entry it takes. */
  dependencies: Record<string, string>;
  shops: (keyof typeof SHOPS)[];
  checks: Check[];
}

const PROJECTS: Project[] = [
  {
    name: "shared",
    dependencies: {
      preact: "package-test/apps/preact10",
      react: "package-test/apps/react19",
      "react-dom": "package-test/apps/react19",
      "@types/react": "",
      "@types/react-dom": "",
      "@types/node": "",
    },
    shops: ["preact10", "react19"],
    checks: ["bundler", "nodenext", "node10", "edge"],
  },
  {
    name: "react18",
    dependencies: {
      react: "package-test/apps/react18",
      "react-dom": "package-test/apps/react18",
      "@types/react": "package-test/apps/react18",
      "@types/react-dom": "package-test/apps/react18",
    },
    shops: ["react18"],
    checks: ["react"],
  },
  {
    // Preact is a peer: the shop's Preact 11 is the one CardForm renders with (no copy of ours).
    name: "preact11",
    dependencies: { preact: "package-test/apps/preact11" },
    shops: ["preact11"],
    checks: ["preact"],
  },
];

const STRICT = {
  strict: true,
  target: "ES2022",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  jsx: "react-jsx",
  noEmit: true,
  skipLibCheck: false,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUncheckedSideEffectImports: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
};

// Only the bundler consumer and the edge one (no Node types: the point is what our
// declarations need) check every declaration file; the others check their own code against ours.
const TSCONFIGS: Record<Check, { compilerOptions: Record<string, unknown>; files: string[] }> = {
  bundler: { compilerOptions: { ...STRICT, module: "ESNext", moduleResolution: "Bundler", types: ["node"] }, files: ["check.ts", "merchant.ts", "types-preact.tsx", "types-react.tsx", "shops/preact.tsx", "shops/react.tsx"] },
  nodenext: { compilerOptions: { ...STRICT, skipLibCheck: true, module: "NodeNext", moduleResolution: "NodeNext", types: ["node"] }, files: ["check.ts", "merchant.ts"] },
  // Older setups: resolved through typesVersions, not exports.
  node10: {
    compilerOptions: { ...STRICT, skipLibCheck: true, module: "ESNext", moduleResolution: "Node10", esModuleInterop: true, verbatimModuleSyntax: false, types: ["node"] },
    files: ["check.ts"],
  },
  // No @types/node, no DOM: only what a Worker has.
  edge: { compilerOptions: { ...STRICT, module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "WebWorker"], types: [] }, files: ["edge.ts"] },
  react: { compilerOptions: { ...STRICT, skipLibCheck: true, module: "ESNext", moduleResolution: "Bundler", types: [] }, files: ["types-react.tsx", "shops/react.tsx"] },
  // Our declarations against Preact 11's types (they name preact's VNode and JSX).
  preact: { compilerOptions: { ...STRICT, module: "ESNext", moduleResolution: "Bundler", types: [] }, files: ["types-preact.tsx", "shops/preact.tsx"] },
};

let work = "";
let packed: PackedPackage;
const dirs: Record<string, string> = {};
let installed: Promise<void>;
const children: ChildProcess[] = [];
let browser: Browser | undefined;

const projectOf = (shop: string): string => {
  const project = PROJECTS.find((p) => p.shops.includes(shop));
  if (!project) throw new Error(`no project has ${shop}`);
  return dirs[project.name] ?? "";
};

async function setUpProject(project: Project): Promise<void> {
  const dir = join(work, project.name);
  dirs[project.name] = dir;
  await mkdir(dir, { recursive: true });
  await writeConsumerLock(root, packed, { dir, dependencies: project.dependencies, manifest: { type: "module" } });
  await Promise.all([cp(join(here, "consumer"), dir, { recursive: true }), cp(join(here, "shops"), join(dir, "shops"), { recursive: true })]);
  for (const check of project.checks) await writeFile(join(dir, `tsconfig.${check}.json`), JSON.stringify(TSCONFIGS[check], null, 2));
  await installOffline(dir);
}

/** A long-running child; resolves with its first stdout line matching `ready`. */
function start(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }, ready: RegExp) {
  // Its own process group: `npx` runs the server as a child of its own, which a signal to npx alone leaves running.
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(child);
  let stdout = "";
  let stderr = "";
  const matched = new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = ready.exec(stdout);
      if (match) resolve(match);
    });
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${stdout}\n${stderr}`)));
  });
  return { child, matched, output: () => stdout, errors: () => stderr };
}

// Started once, awaited by the tests that need them.
let sandbox: Promise<{ url: string; publicId: string; apiSecret: string }>;
let merchant: Promise<{ url: string; output: () => string }>;

beforeAll(async () => {
  ensureChromium();
  work = await mkdtemp(join(tmpdir(), "checkout-widget-package-"));
  await run("npm", ["run", "build", "--silent"], { cwd: root });
  packed = await pack(root, work, { build: false });
  installed = Promise.all(PROJECTS.map(setUpProject)).then(() => undefined);
  await installed;

  sandbox = (async () => {
    const started = start(
      "npx",
      ["--offline", "checkout-widget-sandbox"],
      { cwd: dirs["shared"] ?? "", env: { SANDBOX_PORT: "0", SANDBOX_PUBLIC_ID: "pk_package_test", SANDBOX_API_SECRET: "package_secret" } },
      /Sandbox gateway at (\S+)[\s\S]*Public ID:\s+(\S+)[\s\S]*API Secret:\s+(\S+)/,
    );
    const [, url = "", publicId = "", apiSecret = ""] = await started.matched;
    return { url, publicId, apiSecret };
  })();

  merchant = (async () => {
    const gateway = await sandbox;
    const shared = dirs["shared"] ?? "";
    // The merchant's TypeScript, compiled as its own build would, run by plain node.
    await build({ entryPoints: [join(shared, "merchant.ts")], outfile: join(shared, "merchant.mjs"), format: "esm", platform: "node", logLevel: "silent" });
    const started = start(
      process.execPath,
      ["merchant.mjs"],
      {
        cwd: shared,
        env: { SANDBOX_URL: gateway.url, SANDBOX_PUBLIC_ID: gateway.publicId, SANDBOX_API_SECRET: gateway.apiSecret, STATIC_DIR: join(work, "static") },
      },
      /MERCHANT (\S+)/,
    );
    const [, url = ""] = await started.matched;
    return { url, output: started.output };
  })();
  // Unhandled until a test awaits them.
  sandbox.catch(() => undefined);
  merchant.catch(() => undefined);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const child of children) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, "SIGTERM"); // the whole group: npx and the server it started
    } catch {
      child.kill("SIGTERM");
    }
  }
  if (work && !process.env["KEEP_PACKAGE_TEST"]) await rm(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds dist, README, CHANGELOG and LICENSE; no sources, tests, fixtures or build plugins", async () => {
    const { stdout } = await run("tar", ["-tzf", packed.tarball], { cwd: work });
    const files = stdout.split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""));
    for (const file of ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "dist/index.js", "dist/hosted.js", "dist/checkout-widget-hosted.js", "dist/react.js", "dist/server/index.js", "dist/server/node/index.js", "dist/sandbox/index.js", "dist/sandbox/bin.js"]) {
      expect(files, file).toContain(file);
    }
    const strays = files.filter((f) => !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/.+)$/.test(f) || /\.test\.|fixture|scratch|forge-slim|test-page|fake-endpoint|test-controller/.test(f));
    expect(strays).toEqual([]);
  });

  it("depends on exactly the packages dist/ imports at run time (React only as a peer)", async () => {
    const dist = join(dirs["shared"] ?? "", "node_modules/checkout-widget/dist");
    const { stdout } = await run("grep", ["-rhoE", "--include=*.js", String.raw`(from|import\() ?"[^".][^"]*"`, dist], { cwd: work });
    const imported = new Set(
      stdout
        .split("\n")
        .map((line) => /"([^"]+)"/.exec(line)?.[1] ?? "")
        .filter((spec) => spec !== "" && !spec.startsWith("node:") && !spec.startsWith(packed.manifest.name))
        .map((spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec))),
    );
    const declared = new Set([...Object.keys(packed.manifest.dependencies ?? {}), ...Object.keys(packed.manifest.peerDependencies ?? {})]);
    expect([...imported].sort()).toEqual([...declared].sort());
    expect(Object.keys(packed.manifest.dependencies ?? {})).not.toContain("react");
  });

  it("installs offline with npm's layout: no second copy of the host's framework", async () => {
    const shared = dirs["shared"] ?? "";
    const installedManifest = JSON.parse(await readFile(join(shared, "node_modules/checkout-widget/package.json"), "utf8")) as { version: string };
    expect(installedManifest.version).toBe(packed.manifest.version);
    expect(packed.manifest.dependencies ?? {}).not.toHaveProperty("preact");
    expect(packed.manifest.peerDependencies?.["preact"]).toMatch(/\^10\..*\|\|.*\^11\./);
    for (const project of PROJECTS) {
      for (const framework of ["preact", "react"]) await expect(stat(join(dirs[project.name] ?? "", "node_modules/checkout-widget/node_modules", framework))).rejects.toThrow();
    }
    const preactOf = async (project: string) => (JSON.parse(await readFile(join(dirs[project] ?? "", "node_modules/preact/package.json"), "utf8")) as { version: string }).version;
    expect(await preactOf("preact11")).toMatch(/^11\./);
    expect(await preactOf("react18")).toMatch(/^10\./); // a React shop gets the peer installed, as npm does
    await expect(stat(join(shared, "node_modules/.bin/checkout-widget-sandbox"))).resolves.toBeTruthy();
  });
});

describe("TypeScript consumers", () => {
  const checks = PROJECTS.flatMap((project) => project.checks.map((check) => [project.name, check] as const));
  it.concurrent.each(checks)("%s: tsc --strict, %s", async (project, check) => {
    await installed;
    const result = await run(process.execPath, [tsc, "-p", `tsconfig.${check}.json`], { cwd: dirs[project] ?? "" }).catch((e: unknown) => e);
    expect(result instanceof Error ? result.message : "").toBe("");
  }, 600_000);
});

// A merchant's bundler on the npm entry (an app importing every export): nothing to warn about
// (esbuild warns of a bare import of a file the package calls side-effect free, but only outside
// node_modules: a linked package, a workspace), and our first chunk arrives whole: the app's entry
// and one chunk of ours, which every later chunk imports by name (scripts/build.ts, oneFirstChunk).
describe("a merchant's bundler on the npm entry", () => {
  const layouts = ["installed", "linked"] as const;
  const bundlers = { esbuild: bundleWithEsbuild, vite: bundleWithVite } as const;
  const cases = layouts.flatMap((layout) => (Object.keys(bundlers) as (keyof typeof bundlers)[]).map((bundler) => [bundler, layout] as const));
  let linked: Promise<string>;
  beforeAll(() => {
    // As `npm link` or a workspace gives it: node_modules/checkout-widget is this repository.
    linked = (async () => {
      const dir = join(work, "linked");
      await mkdir(join(dir, "node_modules"), { recursive: true });
      await symlink(root, join(dir, "node_modules/checkout-widget"), "dir");
      return dir;
    })();
  });

  it.each(cases)("%s, the package %s: no warning, the first chunk whole, no bare import", async (bundler, layout) => {
    await installed;
    const dir = layout === "installed" ? (dirs["shared"] ?? "") : await linked;
    const bundle = await bundlers[bundler](join(dir), "checkout-widget");
    expect(bundle.warnings).toEqual([]);
    expect(bundle.chunks.flatMap((chunk) => chunk.bareImports.map((file) => `${chunk.file} imports ${file} bare`))).toEqual([]);
    expect(bundle.firstChunk.length).toBeLessThanOrEqual(2);
    // The later chunks (late code, saved cards, options report) are there, and none is on the first chunk.
    const later = bundle.chunks.filter((chunk) => !bundle.firstChunk.includes(chunk));
    expect(later.length).toBeGreaterThanOrEqual(3);
    for (const chunk of bundle.firstChunk) expect(bundle.chunks.some((other) => other.dynamicImports.includes(chunk.file))).toBe(false);
  });
});

describe("checkout-widget/server on an edge runtime", () => {
  it("bundles for a neutral target without any Node built-in, and the bundle runs", async () => {
    const shared = dirs["shared"] ?? "";
    const { nodeImports, code } = await edgeBundle("checkout-widget/server", shared);
    expect(nodeImports).toEqual([]);
    const edge = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as typeof import("../server/index.ts");
    const base = {
      client: new edge.CloudPaymentsClient({ publicId: "pk", apiSecret: "s" }),
      secret: "package-test-secret-0123456789abcdef",
      getOrder: () => null,
      termUrl: "https://shop.example/3ds",
      returnUrl: "https://shop.example/done",
      allowedOrigins: ["https://shop.example"],
    };
    expect(() => edge.createCheckoutHandlers(base)).toThrow(/getClientIp/);
    const { pay } = edge.createCheckoutHandlers({ ...base, getClientIp: () => "198.51.100.1" });
    const refused = await pay(new Request("https://shop.example/api/pay", { method: "POST", headers: { Origin: "https://evil.example" } }));
    expect(refused.status).toBe(403);
  });
});

describe("the published sandbox", () => {
  it("starts with npx checkout-widget-sandbox, with the same env variables as npm run sandbox", async () => {
    const { url, publicId, apiSecret } = await sandbox;
    expect(publicId).toBe("pk_package_test");
    expect(apiSecret).toBe("package_secret");
    const key = (await (await fetch(`${url}/payments/publickey`)).json()) as { Pem: string; Version: number };
    expect(key.Pem).toContain("BEGIN PUBLIC KEY");
    const { stdout } = await run("npx", ["--offline", "checkout-widget-sandbox", "--help"], { cwd: dirs["shared"] ?? "" });
    expect(stdout).toContain("SANDBOX_PORT");
  });

  it("imports as checkout-widget/sandbox in plain node", async () => {
    const script = 'const { startSandbox } = await import("checkout-widget/sandbox"); const s = await startSandbox({ port: 0 }); console.log(s.url); await s.close();';
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: dirs["shared"] ?? "" });
    expect(stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  });
});

describe("shops paying in headless Chromium", () => {
  async function buildShop(name: string): Promise<void> {
    const shop = SHOPS[name];
    if (!shop) throw new Error(name);
    const dir = projectOf(name);
    const version = shop.versionOf
      ? `${shop.versionOf} ${(JSON.parse(await readFile(join(dir, "node_modules", shop.versionOf, "package.json"), "utf8")) as { version: string }).version}`
      : "";
    await build({
      absWorkingDir: dir,
      entryPoints: { main: shop.source },
      outdir: join(work, "static", name),
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2020",
      jsx: "automatic",
      define: { __SHOP__: JSON.stringify({ app: name, framework: version }), "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
  }

  let built: Promise<void>;
  beforeAll(async () => {
    await installed;
    built = Promise.all(Object.keys(SHOPS).map(buildShop)).then(() => undefined);
    browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox", "--disable-gpu"] });
  }, 120_000);

  it.each(Object.keys(SHOPS))("%s: mounts the widget, makes the cryptogram and is paid", async (name) => {
    const shop = SHOPS[name];
    if (!shop || !browser) throw new Error(name);
    await built;
    const { url, output } = await merchant;
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    try {
      await page.goto(`${url}/shops/${name}/`);
      await expect.poll(() => page.evaluate(() => document.body.dataset["framework"] ?? "")).toMatch(shop.framework);
      const card = page.getByLabel(/^card number/i);
      await card.waitFor({ timeout: 15_000 });
      await card.pressSequentially("4000000000003055");
      await page.getByLabel(/^expiry date/i).pressSequentially("1230");
      await page.getByLabel(/^cvc/i).pressSequentially("123");
      const holder = page.getByLabel(/^name on card/i);
      if (await holder.count()) await holder.fill("IVAN PETROV");
      if (shop.submit === "ref") {
        await page.getByRole("button", { name: "Re-render" }).click();
        expect(await card.inputValue()).toBe("4000 0000 0000 3055"); // still mounted, still typed
        await page.getByRole("button", { name: "Place order" }).click();
      } else {
        await page.getByRole("button", { name: /^pay\s/i }).click();
      }
      await page.getByRole("heading", { name: /^payment successful$/i }).waitFor({ timeout: 20_000 });
      const paid = await page.locator("#paid").textContent({ timeout: 5_000 });
      expect(paid).toMatch(shop.submit === "ref" ? /transaction \d+ after 1 re-renders/ : /transaction \d+/);
      await expect.poll(output).toContain(`RESULT {"invoiceId":"order-${name}","status":"approved"}`);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
