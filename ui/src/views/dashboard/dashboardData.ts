// What the dashboard hands the app when a figure or a bar is clicked, and the chart data
// it derives from the core's figures.
import type { MonthlySeries, Period } from "../../lib/api";

/** Where a click on the dashboard leads. */
export type Opening =
  | { to: "families"; helped?: Period; registered?: Period; categoryId?: string; village?: string }
  | { to: "report"; period: Period }
  | { to: "volunteers" }
  | { to: "letters" }
  | { to: "backups" }
  | { to: "letterhead" }
  | { to: "new-family" }
  | { to: "import" };

export type Dataset = { label: string; data: number[] };

/** One dataset per aid type, in the catalogue's order, skipping types with no value. */
export function aidSeries(series: MonthlySeries[], pick: (n: { kk: string; ru: string }) => string): Dataset[] {
  return series
    .filter((s) => s.values.some((v) => (v ?? 0) > 0))
    .map((s) => ({ label: pick(s.names), data: s.values.map((v) => v ?? 0) }));
}

/** Twelve colours told apart on a cheap office monitor and in grey print. */
export const PALETTE = [
  "#0f766e", "#f59e0b", "#2563eb", "#dc2626", "#7c3aed", "#059669",
  "#d97706", "#0891b2", "#be185d", "#4b5563", "#65a30d", "#9333ea",
];

/** The value axis's top for a largest value `max`: four equal round steps (1, 2, 2.5, 5…
 * times a power of ten; whole numbers only, as counts are). 0 gives 4, so an empty chart
 * still has an axis. */
export function niceTop(max: number): number {
  if (!(max > 0)) return 4;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((s) => s * power);
  const step = steps.find((s) => s >= raw && Number.isInteger(s)) ?? Math.max(1, Math.ceil(raw));
  return step * 4;
}

/** The first and last day of month `index` (0-based) of the year `period` starts in. */
export function monthOf(period: Period, index: number): Period {
  const year = Number(period.from.slice(0, 4));
  const mm = String(index + 1).padStart(2, "0");
  const last = new Date(Date.UTC(year, index + 1, 0)).getUTCDate();
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, "0")}` };
}
