// How the report screen writes a cell and names a line: pure, so component tests check it.
import type { AidUnit, Label, Measure } from "../../lib/api";
import { displayHours, displayQuantity, displayTenge } from "../../lib/format";

export function cellText(measure: Measure, value: number, unitLabel: string | null): string {
  switch (measure) {
    case "tenge":
      return displayTenge(value);
    case "quantity":
      return unitLabel ? `${displayQuantity(value)}\u00a0${unitLabel}` : displayQuantity(value);
    case "minutes":
      return displayHours(value);
    default:
      return displayQuantity(value * 1000);
  }
}

/** «+12», «−3 000 ₸», «0»: the change from the previous period, in the cell's measure. */
export function change(measure: Measure, now: number, before: number, unitLabel: string | null): string {
  const d = now - before;
  if (d === 0) return "0";
  return `${d > 0 ? "+" : "\u2212"}${cellText(measure, Math.abs(d), unitLabel)}`;
}

/** The measures of a section in tables of at most `per` (now, before and ± each): [[0, 1], [2, 3]]. */
export function measureGroups(count: number, per = 2): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < count; i += per) groups.push(Array.from({ length: Math.min(per, count - i) }, (_, k) => i + k));
  return groups;
}

export function labelText(label: Label, t: (id: string) => string, pick: (n: { kk: string; ru: string }) => string): string {
  switch (label.kind) {
    case "message":
      return t(label.value);
    case "names":
      return pick(label.value);
    default:
      return label.value;
  }
}

export type { AidUnit };
