// One bench figure with its budget, the table printed from them, and bench/results.json.
import { writeFile } from "node:fs/promises";

export interface Budget {
  /** "max": the value must not exceed `value`; "min": it must reach it. */
  kind: "max" | "min";
  value: number;
}

export interface Metric {
  id: string;
  label: string;
  value: number;
  unit: string;
  budget: Budget | null;
  /** null when the metric has no budget (shown for context). */
  withinBudget: boolean | null;
  /** Repeated runs the value is the median of (1 for deterministic figures). */
  runs: number;
  note?: string;
  /** Shown indented under the metric before it (e.g. a latency under its throughput). */
  sub?: boolean;
}

export function metric(fields: Omit<Metric, "withinBudget">): Metric {
  const { budget, value } = fields;
  const within = budget === null ? null : budget.kind === "max" ? value <= budget.value : value >= budget.value;
  return { ...fields, withinBudget: Number.isFinite(value) ? within : budget === null ? null : false };
}

function show(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  if (unit === "B") return `${value} B (${(value / 1024).toFixed(1)} KB)`;
  const digits = unit === "/s" ? 0 : unit === "×" ? 2 : Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : 3;
  return `${value.toFixed(digits)} ${unit}`;
}

function showBudget(budget: Budget | null, unit: string): string {
  if (budget === null) return "";
  return `${budget.kind === "max" ? "≤" : "≥"} ${show(budget.value, unit)}`;
}

export function formatTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [
    m.sub === true ? `  ${m.label}` : m.label,
    show(m.value, m.unit),
    showBudget(m.budget, m.unit),
    m.withinBudget === null ? "" : m.withinBudget ? "ok" : "OVER BUDGET",
    m.runs > 1 ? `median of ${m.runs}` : "",
  ]);
  const header = ["metric", "value", "budget", "status", "runs"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export interface BenchReport {
  date: string;
  environment: {
    node: string;
    platform: string;
    cpus: number;
    chromium: string | null;
    /** 1-minute load average before and after: above the CPU count, other work was competing. */
    loadAverage: { start: number; end: number };
  };
  metrics: Metric[];
  /** Per-run figures behind the medians. */
  details: Record<string, unknown>;
  /** Parts of the bench that could not run, with why. */
  failures: { part: string; error: string }[];
}

export async function writeReport(file: string, report: BenchReport): Promise<void> {
  // JSON has no NaN: a figure that could not be measured is written as null.
  const json = JSON.stringify(report, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
  await writeFile(file, `${json}\n`);
}
