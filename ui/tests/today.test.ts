import { afterEach, describe, expect, it } from "vitest";
import { followAppToday, todayDate, todayIso } from "../src/lib/today";

describe("today", () => {
  afterEach(() => followAppToday(isoOf(new Date())));

  function isoOf(d: Date): string {
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }

  it("is the local calendar day, not the UTC one", () => {
    const justAfterMidnight = new Date(2031, 0, 1, 0, 20);
    // The premise: in the office's time zone the UTC date is still the old year's.
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe("2030-12-31");
    followAppToday("2031-01-01", justAfterMidnight);
    expect(todayIso(justAfterMidnight)).toBe("2031-01-01");
  });

  it("follows the app's day and rolls over with the clock", () => {
    const now = new Date(2026, 11, 4, 23, 50);
    followAppToday("2028-02-28", now);
    expect(todayIso(now)).toBe("2028-02-28");
    expect(todayIso(new Date(2026, 11, 5, 0, 10))).toBe("2028-02-29");
    expect(todayIso(new Date(2026, 11, 6, 9, 0))).toBe("2028-03-01");
    expect(todayDate(now).getFullYear()).toBe(2028);
  });

  it("ignores a value that is not a date", () => {
    const now = new Date(2026, 5, 15, 12, 0);
    followAppToday("2026-06-15", now);
    followAppToday("soon", now);
    expect(todayIso(now)).toBe("2026-06-15");
  });
});
