// A day against a campaign's dates: the default day of a round falls inside the campaign,
// and a day outside it is pointed out (the office may still record it: a late delivery).
import { displayDate } from "./format";

type Dated = { starts_on: string | null; ends_on: string | null };

/** A typed `06.12.2023` or ISO date as ISO; null when it is not one. */
export function isoOf(typed: string): string | null {
  const t = typed.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (dotted) return `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
}

/** `today` moved into the campaign's dates: its first day if it has not begun, its last if it is over. */
export function dayWithin(today: string, c: Dated): string {
  if (c.starts_on && today < c.starts_on) return c.starts_on;
  if (c.ends_on && today > c.ends_on) return c.ends_on;
  return today;
}

/** «01.11.2026 – 30.11.2026» when `typed` is a day outside the campaign's dates; null otherwise. */
export function outsideCampaign(typed: string, c: Dated): string | null {
  const day = isoOf(typed);
  if (!day || (!c.starts_on && !c.ends_on)) return null;
  const before = c.starts_on !== null && day < c.starts_on;
  const after = c.ends_on !== null && day > c.ends_on;
  if (!before && !after) return null;
  return [c.starts_on, c.ends_on].map((d) => (d ? displayDate(d) : "…")).join(" – ");
}
