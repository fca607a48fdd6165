// "Today" as the app's clock says (the office's calendar day; MEIRIM_TODAY in tests), kept
// as a shift in days from this computer's local date so it rolls over at midnight like the
// clock it follows. Not `toISOString()`: that is the UTC date, yesterday's in Kazakhstan
// until 05:00.

let shiftDays = 0;

function localIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** Takes the app's `today` (ISO) as reported at start-up. */
export function followAppToday(appToday: string, now: Date = new Date()): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(appToday)) return;
  shiftDays = dayNumber(appToday) - dayNumber(localIso(now));
}

/** Today as ISO `2026-12-04`. */
export function todayIso(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + shiftDays);
  return localIso(d);
}

/** Today as a JavaScript date (local midnight), for age calculations. */
export function todayDate(now: Date = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + shiftDays);
}
