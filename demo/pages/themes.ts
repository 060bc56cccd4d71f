// Themes: the same widget four times, light, dark and two looks made only of appearance
// variables, each with the options that make it, ready to copy.
import type { Appearance } from "../../widget/src/index.ts";
import { createOrder, loadConfig, reportStartupError, widgetOptions } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";

export const THEMES: Readonly<Record<"light" | "dark" | "forest" | "ink", Appearance>> = {
  light: { theme: "light" },
  dark: { theme: "dark" },
  forest: {
    theme: "light",
    variables: {
      "color-primary": "#1e6b45",
      "color-background": "#f4f1e8",
      "color-input-background": "#fffdf7",
      "color-text": "#1f2a22",
      "color-muted": "#4f5b52",
      "color-border": "#7b8a7f",
      "font-family": 'Georgia, "Times New Roman", serif',
      "border-radius": "14px",
    },
  },
  ink: {
    theme: "light",
    variables: {
      "color-primary": "#111111",
      "color-on-primary": "#ffffff",
      "color-text": "#111111",
      "color-muted": "#444444",
      "color-border": "#111111",
      "color-error": "#a4000f",
      "border-radius": "0",
      spacing: "16px",
    },
  },
};

async function start(): Promise<void> {
  const config = await loadConfig();
  for (const [name, appearance] of Object.entries(THEMES)) {
    const order = await createOrder();
    const code = document.getElementById(`code-${name}`);
    if (code) code.textContent = `appearance: ${JSON.stringify(appearance, null, 2)}`;
    widgetGlobal().mount(`#checkout-${name}`, widgetOptions(config, order, { appearance }));
  }
}

start().catch(reportStartupError);
