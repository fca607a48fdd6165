// The family form's working copy: plain strings as typed, converted to the core's input
// shape only when sent. The core validates and normalises; nothing here second-guesses it.
import type { Disability, Employment, Family, FamilyInput, Relation, Sex } from "./api";
import { displayDate } from "./format";
import { todayDate } from "./today";

export type MemberDraft = {
  key: number;
  id: string | null;
  is_head: boolean;
  relation: Relation | "";
  surname: string;
  name: string;
  patronymic: string;
  iin: string;
  birth_date: string;
  sex: Sex | "";
  disability: Disability | "";
  pensioner: boolean;
  student: boolean;
  employment: Employment | "";
  phone: string;
};

let nextKey = 1;

export function blankMember(isHead: boolean): MemberDraft {
  return {
    key: nextKey++,
    id: null,
    is_head: isHead,
    relation: isHead ? "" : "child",
    surname: "",
    name: "",
    patronymic: "",
    iin: "",
    birth_date: "",
    sex: "",
    disability: "",
    pensioner: false,
    student: false,
    employment: "",
    phone: "",
  };
}

export function membersOf(f: Family | null): MemberDraft[] {
  if (!f) return [blankMember(true)];
  return f.members.map((m) => ({
    key: nextKey++,
    id: m.id,
    is_head: m.is_head,
    relation: m.relation ?? "",
    surname: m.surname,
    name: m.name,
    patronymic: m.patronymic ?? "",
    iin: m.iin ?? "",
    birth_date: displayDate(m.birth_date),
    sex: m.sex ?? "",
    disability: m.disability ?? "",
    pensioner: m.pensioner,
    student: m.student,
    employment: m.employment ?? "",
    phone: m.phone ?? "",
  }));
}

export const blankToNull = (s: string | null | undefined): string | null =>
  s == null || s.trim() === "" ? null : s;

const orNull = <T extends string>(v: T | ""): T | null => (v === "" ? null : v);

export function memberInput(m: MemberDraft): FamilyInput["members"][number] {
  return {
    id: m.id,
    is_head: m.is_head,
    relation: m.is_head ? null : orNull(m.relation),
    surname: m.surname,
    name: m.name,
    patronymic: blankToNull(m.patronymic),
    iin: blankToNull(m.iin),
    birth_date: blankToNull(m.birth_date),
    sex: orNull(m.sex),
    disability: orNull(m.disability),
    pensioner: m.pensioner,
    student: m.student,
    employment: orNull(m.employment),
    phone: blankToNull(m.phone),
  };
}

/** Full years on `today` from a typed `DD.MM.YYYY` or ISO date; null when not a date. */
export function ageFrom(typed: string, today = todayDate()): number | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(typed.trim()) ?? null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed.trim());
  const [y, mo, d] = m ? [+m[3]!, +m[2]!, +m[1]!] : iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : [0, 0, 0];
  if (!y) return null;
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age--;
  return age >= 0 && age < 150 ? age : null;
}

export const RELATIONS: Relation[] = [
  "spouse",
  "child",
  "parent",
  "sibling",
  "grandchild",
  "grandparent",
  "daughter-in-law",
  "son-in-law",
  "other-relative",
  "other",
];
export const DISABILITIES: Disability[] = ["group-1", "group-2", "group-3", "child"];
