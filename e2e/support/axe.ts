// Runs axe-core (node_modules/axe-core/axe.min.js) in a page or frame and returns its violations.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "@playwright/test";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function axeViolations(target: Page | Frame, selector: string): Promise<AxeViolation[]> {
  const hasAxe = await target.evaluate(() => "axe" in window);
  // Evaluated through the DevTools protocol rather than a <script>, so a page's CSP does not block it.
  if (!hasAxe) await target.evaluate(AXE_SOURCE);
  return target.evaluate(
    async ({ selector, tags }) => {
      type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } }).axe;
      const result = await axe.run(
        { include: [selector] },
        { runOnly: { type: "tag", values: tags }, iframes: false, resultTypes: ["violations"] },
      );
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
    },
    { selector, tags: TAGS },
  );
}
