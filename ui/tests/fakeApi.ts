// A stand-in for the Rust side in component tests: the client module's shape, with
// behaviour close enough to the core's that the form's logic is really exercised.
import { vi } from "vitest";
import type { Category, Family, FamilyInput, IinCheck, Oblast, Problem } from "../src/lib/api";
import { ProblemError } from "../src/lib/problem";

export const oblasts: Oblast[] = [
  { id: "o-61", iso_code: "KZ-61", names: { kk: "Түркістан облысы", ru: "Туркестанская область" } },
];
export const categories: Category[] = [
  { id: "c-large", code: "large-family", names: { kk: "көпбалалы отбасы", ru: "многодетная семья" } },
  { id: "c-low", code: "low-income", names: { kk: "аз қамтылған отбасы", ru: "малообеспеченная семья" } },
];

/** Decodes like meirim-core's IIN module for the synthetic numbers the tests use. */
export function fakeCheckIin(iin: string, birthDate: string | null, sex: string | null): IinCheck {
  if (!/^\d*$/.test(iin)) return { error: { field: "iin", code: "iin-not-digits", params: {} }, facts: null };
  if (iin.length !== 12)
    return { error: { field: "iin", code: "iin-length", params: { length: String(iin.length) } }, facts: null };
  if (iin.endsWith("9")) return { error: { field: "iin", code: "iin-checksum", params: {} }, facts: null };
  const century = { "3": 1900, "4": 1900, "5": 2000, "6": 2000 }[iin[6] ?? ""] ?? 1900;
  const iso = `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  const encodedSex = Number(iin[6]) % 2 === 1 ? "male" : "female";
  const warnings: IinCheck["facts"] extends infer F ? (F extends { warnings: infer W } ? W : never) : never = [];
  if (birthDate) {
    const [d, m, y] = birthDate.split(".");
    if (`${y}-${m}-${d}` !== iso) warnings.push("birth-date-mismatch");
  }
  if (sex && sex !== encodedSex) warnings.push("sex-mismatch");
  return { error: null, facts: { birth_date: iso, sex: encodedSex, warnings } };
}

export function family(input: FamilyInput, id = "f-1"): Family {
  return {
    id,
    head: {
      id: "m-1",
      surname: input.head.surname,
      name: input.head.name,
      patronymic: input.head.patronymic ?? null,
      iin: input.head.iin ?? null,
      birth_date: null,
      sex: input.head.sex ?? null,
    },
    phone: input.phone ?? null,
    address: { oblast: null, district: null, rural_okrug: null, village: null, street: null },
    categories: categories.filter((c) => input.category_ids.includes(c.id)),
    notes: input.notes ?? null,
    created_at: "2026-11-23T10:00:00.000Z",
    updated_at: "2026-11-23T10:00:00.000Z",
  };
}

export function validationError(fields: Problem["fields"]): ProblemError {
  return new ProblemError({ code: "validation", params: {}, fields });
}

export const apiMock = {
  appInfo: vi.fn(),
  setLanguage: vi.fn(async () => null),
  listOblasts: vi.fn(async () => oblasts),
  listCategories: vi.fn(async () => categories),
  checkIin: vi.fn(async (iin: string, b: string | null, s: string | null) => fakeCheckIin(iin, b, s)),
  createFamily: vi.fn(async (input: FamilyInput) => family(input)),
  updateFamily: vi.fn(async (id: string, input: FamilyInput) => family(input, id)),
  getFamily: vi.fn(),
  searchFamilies: vi.fn(async () => ({ items: [], total: 0 })),
};
