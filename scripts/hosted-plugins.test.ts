// The hosted script files' build plugins on the real source: JSX through preact's createElement
// (no preact/jsx-runtime), and the brand marks' rule, which the hosted stylesheet leaves out, added
// by the hosted saved cards' entry. Each is checked against the same build without the plugin.
import { build } from "esbuild";
import type { Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { hostedJsxPlugin, hostedSavedMarkRulePlugin, hostedStylesPlugin } from "./script-tag.ts";

const root = process.cwd();

async function hostedSaved(plugins: Plugin[]): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["widget/src/hosted-saved/index.ts"],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    jsxImportSource: "preact",
    external: ["preact", "preact/*"],
    plugins: [...plugins, hostedStylesPlugin()],
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("the hosted files' plugins", () => {
  it("compile JSX to preact's createElement, never importing preact/jsx-runtime", async () => {
    expect(await hostedSaved([])).toMatch(/from "preact\/jsx-runtime"/);
    const classic = await hostedSaved([hostedJsxPlugin()]);
    expect(classic).not.toMatch(/jsx-runtime/);
    expect(classic).toMatch(/import \{[^}]*\bh\b[^}]*\} from "preact"/);
  });

  it("give the hosted saved cards the .cw-mark-svg rule that the hosted stylesheet leaves out", async () => {
    expect(await hostedSaved([])).not.toContain(".cw-mark-svg{");
    expect(await hostedSaved([hostedSavedMarkRulePlugin(root)])).toContain("& .cw-mark-svg{display:block;width:100%;height:100%;");
  });
});
