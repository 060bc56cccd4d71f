// The layout rules on the real source (the whole widget as esbuild resolves it), and each rule on
// a small metafile that breaks it, so that a rule which stopped firing would fail here.
import { join } from "node:path";
import { build } from "esbuild";
import type { Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { borrowedNames } from "./script-tag.ts";
import { checkHostedBundle, checkHostedSavedBundle, checkImports, checkLateBundle, checkLendAddsNothing, checkMainBundle, checkNpmChunkImports, checkNpmFirstChunk, placeOf } from "./widget-layout.ts";

const root = process.cwd();

type Inputs = Record<string, Array<{ path: string; kind?: "import-statement" | "dynamic-import" }>>;

function meta(inputs: Inputs, outputs: Metafile["outputs"] = {}): Metafile {
  return {
    inputs: Object.fromEntries(
      Object.entries(inputs).map(([path, imports]) => [
        path,
        { bytes: 1, imports: imports.map((i) => ({ path: i.path, kind: i.kind ?? "import-statement", original: i.path })) },
      ]),
    ),
    outputs,
  } as Metafile;
}

describe("widget/src as it is", () => {
  it("follows the folder rules: every value import, both entries, the late code and the pieces", async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, "widget/src/index.ts"), join(root, "widget/src/embed.ts"), join(root, "widget/src/late/index.ts"), join(root, "widget/src/saved/index.ts"), join(root, "widget/src/report/index.ts"), join(root, "widget/src/hosted-embed.ts"), join(root, "widget/src/hosted-saved/index.ts")],
      bundle: true,
      write: false,
      outdir: join(root, "dist/layout-check"),
      format: "esm",
      splitting: true,
      platform: "browser",
      jsx: "automatic",
      jsxImportSource: "preact",
      metafile: true,
      logLevel: "silent",
    });
    const places = new Set(Object.keys(result.metafile.inputs).map(placeOf).filter((p) => p !== null));
    expect([...places].sort()).toEqual(["cryptogram", "embed.ts", "form", "host", "hosted", "hosted-embed.ts", "hosted-saved", "index.ts", "late", "report", "saved", "shared"]);
    expect(checkImports(result.metafile)).toEqual([]);
  });
});

describe("the folder rules", () => {
  it("refuse main code importing late code, naming the slot to use", () => {
    const problems = checkImports(meta({ "widget/src/host/checkout-view.tsx": [{ path: "widget/src/late/views/index.ts" }] }));
    expect(problems).toEqual([
      "widget/src/host/checkout-view.tsx imports widget/src/late/views/index.ts: host/ may import shared/, form/, host/ only (main code reaches late code through late() in host/late.ts)",
    ]);
  });

  it("refuse late code importing main-only code, form/ importing host/, and a file in no folder", () => {
    const problems = checkImports(
      meta({
        "widget/src/late/views/result-screens.tsx": [{ path: "widget/src/form/field-edit.ts" }],
        "widget/src/form/card-fields.tsx": [{ path: "widget/src/host/late.ts" }],
        "widget/src/helpers/misc.ts": [],
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/late\/ may import shared\/, late\/, cryptogram\/ only/);
    expect(problems[1]).toMatch(/form\/ may import shared\/, form\/ only/);
    expect(problems[2]).toMatch(/widget\/src\/helpers\/misc\.ts is in no folder of the layout/);
  });

  it("let the npm entry reach the late code by a dynamic import only, and a react/ wrapper the npm entry only", () => {
    expect(checkImports(meta({ "widget/src/index.ts": [{ path: "widget/src/late/index.ts", kind: "dynamic-import" }] }))).toEqual([]);
    expect(checkImports(meta({ "widget/src/index.ts": [{ path: "widget/src/late/index.ts" }] }))).toHaveLength(1);
    expect(checkImports(meta({ "widget/src/react/checkout.tsx": [{ path: "widget/src/index.ts" }] }))).toEqual([]);
    expect(checkImports(meta({ "widget/src/react/checkout.tsx": [{ path: "widget/src/host/mount.tsx" }] }))).toHaveLength(1);
  });

  it("let the npm entry import the two error classes of cryptogram/, and nothing else of it", () => {
    const errors = [{ path: "widget/src/cryptogram/card-validation-error.ts" }, { path: "widget/src/cryptogram/cryptogram-error.ts" }];
    expect(checkImports(meta({ "widget/src/index.ts": errors }))).toEqual([]);
    expect(checkImports(meta({ "widget/src/index.ts": [{ path: "widget/src/cryptogram/index.ts" }] }))).toHaveLength(1);
    expect(checkImports(meta({ "widget/src/host/mount.tsx": errors }))).toHaveLength(2);
    const outputs = {
      "dist/index.js": { bytes: 1, inputs: { "widget/src/cryptogram/cryptogram-error.ts": { bytesInOutput: 1 }, "widget/src/cryptogram/card-cryptogram.ts": { bytesInOutput: 1 } }, imports: [], exports: [] },
    } as unknown as Metafile["outputs"];
    expect(checkNpmFirstChunk(meta({}, outputs), "dist/index.js")).toEqual([
      "dist/index.js (the npm entry's first chunk) holds widget/src/cryptogram/card-cryptogram.ts: late code belongs behind loadLate()",
    ]);
  });
});

describe("the script-file guards", () => {
  const mainInputs: Inputs = { "widget/src/shared/card/brands.ts": [], "node_modules/credit-card-type/dist/lib/card-types.js": [], "node_modules/preact/dist/preact.module.js": [] };
  const main = meta(mainInputs);

  it("fail a late file that copies shared code, preact or a package the main file carries", () => {
    const late = meta({
      "widget/src/late/index.ts": [],
      "widget/src/shared/card/detect-brand.ts": [],
      "node_modules/preact/hooks/dist/hooks.module.js": [],
      "node_modules/credit-card-type/dist/lib/card-types.js": [],
      "widget/src/host/late.ts": [],
      "node_modules/node-forge/lib/jsbn.js": [],
      "lent:shared/index.ts": [],
    });
    const problems = checkLateBundle(late, main);
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/shared\/card\/detect-brand\.ts: code of shared\/ must be borrowed/);
    expect(problems.join("\n")).toMatch(/preact\/hooks.*a second preact/);
    expect(problems.join("\n")).toMatch(/card-types\.js, which checkout-widget\.js carries too/);
    expect(problems.join("\n")).toMatch(/host\/late\.ts, main-only code/);
  });

  it("fail a main file that carries late code", () => {
    expect(checkMainBundle(meta({ "widget/src/late/payment/controller.ts": [], "widget/src/cryptogram/index.ts": [] }))).toHaveLength(2);
  });

  it("fail a lend that brings the main file something it does not use itself", () => {
    const withLend = meta({ ...mainInputs, "node_modules/preact/hooks/dist/hooks.module.js": [] });
    expect(checkLendAddsNothing(withLend, main)).toEqual([
      "the late file borrows node_modules/preact/hooks/dist/hooks.module.js, which checkout-widget.js does not use itself: lending it would grow the critical path (use only what the main file uses of preact: class components, no hooks)",
    ]);
    expect(checkLendAddsNothing(main, main)).toEqual([]);
  });

  it("fail an npm first chunk that holds late code, following its static imports only", () => {
    const outputs = {
      "dist/index.js": { bytes: 1, inputs: { "widget/src/host/mount.tsx": { bytesInOutput: 1 } }, imports: [{ path: "dist/chunks/a.js", kind: "import-statement" }, { path: "dist/chunks/late.js", kind: "dynamic-import" }], exports: [] },
      "dist/chunks/a.js": { bytes: 1, inputs: { "widget/src/late/payment/controller.ts": { bytesInOutput: 1 } }, imports: [], exports: [] },
      "dist/chunks/late.js": { bytes: 1, inputs: { "widget/src/late/index.ts": { bytesInOutput: 1 } }, imports: [], exports: [] },
    } as unknown as Metafile["outputs"];
    expect(checkNpmFirstChunk(meta({}, outputs), "dist/index.js")).toEqual([
      "dist/chunks/a.js (the npm entry's first chunk) holds widget/src/late/payment/controller.ts: late code belongs behind loadLate()",
    ]);
  });
});

describe("checkNpmChunkImports", () => {
  it("fail a bare import of a chunk and an npm entry split over chunks; pass one first chunk imported by name", () => {
    const split = new Map([
      ["dist/index.js", 'import { a } from "./chunks/chunk-A.js";\nimport { b } from "./chunks/chunk-B.js";\nimport "./chunks/chunk-H.js";\nexport { a, b };\n'],
      ["dist/chunks/report-R.js", 'import "./chunk-H.js";\nvar r = 1;\nexport { r };\n'],
    ]);
    expect(checkNpmChunkImports(split, "dist/index.js")).toEqual([
      "dist/index.js imports ./chunks/chunk-H.js bare: every chunk it needs must be imported by name",
      "dist/chunks/report-R.js imports ./chunk-H.js bare: every chunk it needs must be imported by name",
      "dist/index.js imports 2 chunks (./chunks/chunk-A.js, ./chunks/chunk-B.js): the npm entry's first chunk must be one",
    ]);
    const whole = new Map([
      ["dist/index.js", 'import {\n  a,\n  b\n} from "./chunks/chunk-A.js";\nexport { a, b };\n'],
      ["dist/chunks/late-L.js", 'import { a } from "./chunk-A.js";\nimport { jsx } from "preact/jsx-runtime";\nconst s = () => import("./saved-S.js");\nexport { s };\n'],
    ]);
    expect(checkNpmChunkImports(whole, "dist/index.js")).toEqual([]);
  });
});

describe("borrowedNames", () => {
  it("keep hosted mode's file free of card code: no form/ or host/, no cryptogram/ or node-forge, no late entry", () => {
    const problems = checkHostedBundle(
      meta({
        "widget/src/hosted/flow.ts": [],
        "widget/src/shared/ui/modal.tsx": [],
        "widget/src/late/payment/timed-fetch.ts": [],
        "widget/src/late/views/late-styles.ts": [],
        "widget/src/form/card-fields.tsx": [],
        "widget/src/cryptogram/card-cryptogram.ts": [],
        "node_modules/node-forge/lib/jsbn.js": [],
        "widget/src/late/payment/index.ts": [],
        "widget/src/late/views/three-ds-dialog.tsx": [],
        "node_modules/preact/jsx-runtime/dist/jsxRuntime.module.js": [],
      }),
    );
    expect(problems).toEqual([
      "checkout-widget-hosted.js bundles widget/src/form/card-fields.tsx, card-family code (form/): hosted mode reaches only shared/, late/'s plumbing and hosted/",
      "checkout-widget-hosted.js bundles widget/src/cryptogram/card-cryptogram.ts, card-family code (cryptogram/): hosted mode reaches only shared/, late/'s plumbing and hosted/",
      "checkout-widget-hosted.js bundles node_modules/node-forge/lib/jsbn.js: a hosted-mode merchant must not download node-forge",
      "checkout-widget-hosted.js bundles widget/src/late/payment/index.ts: import late/'s single modules, not its entry or its card views",
      "checkout-widget-hosted.js bundles widget/src/late/views/three-ds-dialog.tsx: import late/'s single modules, not its entry or its card views",
      "checkout-widget-hosted.js bundles node_modules/preact/jsx-runtime/dist/jsxRuntime.module.js: a second vnode factory; hosted JSX is preact's createElement (scripts/script-tag.ts hostedJsxPlugin)",
    ]);
  });

  it("keep the saved cards out of the hosted file, and card code, a second preact or stylesheet and the hosted flow out of their own file", () => {
    expect(checkHostedBundle(meta({ "widget/src/hosted/ask-saved-cards.ts": [], "widget/src/saved/saved-card-list.tsx": [], "widget/src/hosted-saved/hosted-saved-panel.tsx": [] }))).toEqual([
      "checkout-widget-hosted.js bundles widget/src/saved/saved-card-list.tsx: the saved cards ship in checkout-widget-hosted-saved.js, loaded only for a shopper with cards (hosted/ask-saved-cards.ts)",
      "checkout-widget-hosted.js bundles widget/src/hosted-saved/hosted-saved-panel.tsx: the saved cards ship in checkout-widget-hosted-saved.js, loaded only for a shopper with cards (hosted/ask-saved-cards.ts)",
    ]);
    const problems = checkHostedSavedBundle(
      meta({
        "widget/src/hosted-saved/hosted-saved-panel.tsx": [],
        "widget/src/saved/saved-card-list.tsx": [],
        "widget/src/hosted/answers.ts": [],
        "widget/src/shared/card/brands.ts": [],
        "widget/src/hosted/flow.ts": [],
        "widget/src/shared/ui/styles.ts": [],
        "node_modules/preact/dist/preact.module.js": [],
        "widget/src/form/card-fields.tsx": [],
      }),
    );
    expect(problems).toEqual([
      "checkout-widget-hosted-saved.js bundles widget/src/hosted/flow.ts: of hosted/ only answers.ts and pay-body.ts (the flow and views are the hosted file's)",
      "checkout-widget-hosted-saved.js bundles widget/src/shared/ui/styles.ts: a second copy; borrow it from checkout-widget-hosted.js (HOSTED_LENT)",
      "checkout-widget-hosted-saved.js bundles node_modules/preact/dist/preact.module.js: a second copy; borrow it from checkout-widget-hosted.js (HOSTED_LENT)",
      "checkout-widget-hosted-saved.js bundles widget/src/form/card-fields.tsx: card-family code",
    ]);
    expect(checkImports(meta({ "widget/src/hosted/hosted-root.tsx": [{ path: "widget/src/hosted-saved/index.ts" }] }))).toEqual([
      "widget/src/hosted/hosted-root.tsx imports widget/src/hosted-saved/index.ts: hosted/ may import shared/, late/, hosted/ only",
    ]);
    expect(checkImports(meta({ "widget/src/hosted/saved-chunk.ts": [{ path: "widget/src/hosted-saved/index.ts", kind: "dynamic-import" }] }))).toEqual([]);
  });

  it("let no card-family file reach hosted code, nor hosted code the card form", () => {
    expect(checkImports(meta({ "widget/src/host/mount.tsx": [{ path: "widget/src/hosted/mount.tsx" }], "widget/src/hosted/views.tsx": [{ path: "widget/src/form/card-fields.tsx" }] }))).toEqual([
      "widget/src/host/mount.tsx imports widget/src/hosted/mount.tsx: host/ may import shared/, form/, host/ only (hosted mode is its own family: checkout-widget-hosted.js)",
      "widget/src/hosted/views.tsx imports widget/src/form/card-fields.tsx: hosted/ may import shared/, late/, hosted/ only",
    ]);
    expect(checkMainBundle(meta({ "widget/src/hosted/flow.ts": [] }))).toEqual(["checkout-widget.js bundles widget/src/hosted/flow.ts, hosted-mode code: it ships in checkout-widget-hosted.js alone"]);
  });

  it("reads the names the late code imports, by module, from esbuild's ESM output", () => {
    const esm = `import { a, b as c } from "shared/index.ts";\nimport { jsx } from "preact/jsx-runtime";\nimport { a as again } from "shared/index.ts";\nexport { d } from "shared/card/index.ts";\nimport x from "preact";`;
    expect(borrowedNames(esm)).toEqual(
      new Map([
        ["shared/index.ts", ["a", "b"]],
        ["preact/jsx-runtime", ["jsx"]],
        ["shared/card/index.ts", ["d"]],
        ["preact", ["default"]],
      ]),
    );
  });

  it("refuses a namespace import, whose names it could not know", () => {
    expect(() => borrowedNames(`import * as all from "shared/index.ts"; all.a();`)).toThrow(/import the names it uses/);
  });
});
