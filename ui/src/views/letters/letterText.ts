// Small pure helpers of the letter screens, kept apart so component tests can check them.
import type { Recipient } from "../../lib/api";

/** Whether a recipient's addressee lines still need a human look before printing. */
export function needsLook(r: Recipient): boolean {
  return r.dative_kk.doubt !== null || r.dative_ru.doubt !== null;
}

/** «Серіков Дәурен Болатұлы». */
export function fullName(r: Pick<Recipient, "surname" | "name" | "patronymic">): string {
  return [r.surname, r.name, r.patronymic].filter((s) => s && s.trim() !== "").join(" ");
}

/** The percentage a progress bar shows: whole numbers, never past 100. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((done * 100) / total));
}
