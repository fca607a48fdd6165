// Display formats of the domain guide: dates 06.12.2023, phones +7 701 234 56 78.

/** ISO `2023-12-06` → `06.12.2023`; anything else is shown as it is. */
export function displayDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export function displayPhone(stored: string | null | undefined): string {
  if (!stored) return "";
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(stored);
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : stored;
}

/** RFC 3339 timestamp → local `06.12.2023 14:05`. */
export function displayTimestamp(ts: string): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

// Kazakh letters and their Russian spellings compare equal, so «Карабулак» finds
// «Қарабұлақ» in a short list filtered on this side (the registry's own search does more).
const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и", ё: "е", й: "и",
};

export function foldForFilter(s: string): string {
  return Array.from(s.trim().toLocaleLowerCase("kk"))
    .map((c) => KAZAKH_TO_RUSSIAN[c] ?? c)
    .join("");
}

/** «2,5» from thousandths of a unit, as the core writes quantities. */
export function displayQuantity(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const fraction = milli % 1000;
  const grouped = groupDigits(whole);
  if (fraction === 0) return grouped;
  return `${grouped},${String(fraction).padStart(3, "0").replace(/0+$/, "")}`;
}

/** «75 000 ₸» with no-break spaces. */
export function displayTenge(amount: number): string {
  return `${groupDigits(Math.round(amount))}\u00a0₸`;
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** Hours as offices write them: «5,5», a decimal comma, from whole minutes. */
export function displayHours(minutes: number): string {
  return (minutes / 60).toLocaleString("ru-RU", { maximumFractionDigits: 1 });
}

/** A typed value for an optional field: blank means none. */
export function orNull(s: string): string | null {
  return s.trim() === "" ? null : s;
}
