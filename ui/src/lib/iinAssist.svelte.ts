// The live IIN check of a person's form (a family member, a volunteer): the error once the
// number is complete, the birth date and sex filled in from a valid IIN — never over what
// the user typed, never from digits that are no date — and the warnings shown beside the
// field.
import { api, type FieldProblem, type IinWarning, type Sex } from "./api";
import { blankToNull } from "./draft";
import { displayDate } from "./format";
import { t } from "./i18n.svelte";

export type IinPerson = { iin: string; birthDate: string; sex: Sex | "" };

export class IinAssist {
  problem = $state<FieldProblem | null>(null);
  warnings = $state<IinWarning[]>([]);
  /** The birth date the IIN encodes (ISO), for the mismatch warning. */
  encodedDate = $state<string | null>(null);
  prefilled = $state(false);
  #autoBirthDate = "";
  #autoSex: Sex | "" = "";
  #seq = 0;

  constructor(
    private readonly person: () => IinPerson,
    private readonly fill: (birthDate: string | null, sex: Sex | null) => void,
  ) {}

  /** On each keystroke (`final` false: quiet until 12 digits) and on leaving the field. */
  async check(final: boolean): Promise<void> {
    const value = this.person().iin.trim();
    if ((value.length < 12 && !final) || value === "") {
      this.problem = null;
      this.warnings = [];
      if (value === "") this.prefilled = false;
      return;
    }
    const mine = ++this.#seq;
    const decoded = await api.checkIin(value, null, null);
    if (mine !== this.#seq) return;
    if (decoded.error) {
      this.problem = decoded.error;
      this.warnings = [];
      this.prefilled = false;
      return;
    }
    this.problem = null;
    const facts = decoded.facts;
    this.encodedDate = facts?.birth_date ?? null;
    // Digits that are no date or no known century say nothing reliable: nothing is filled
    // in from them (the warning beside the field says why).
    const unreadable = facts?.warnings.some((w) => w === "impossible-date" || w === "unknown-century") ?? true;
    if (!unreadable && facts) {
      const now = this.person();
      let birthDate: string | null = null;
      let sex: Sex | null = null;
      if (facts.birth_date && (now.birthDate.trim() === "" || now.birthDate === this.#autoBirthDate)) {
        birthDate = this.#autoBirthDate = displayDate(facts.birth_date);
      }
      if (facts.sex && (now.sex === "" || now.sex === this.#autoSex)) {
        sex = this.#autoSex = facts.sex;
      }
      if (birthDate !== null || sex !== null) this.fill(birthDate, sex);
      this.prefilled = birthDate !== null || sex !== null;
    } else {
      this.prefilled = false;
    }
    await this.refreshWarnings();
  }

  /** After the birth date or sex changed: does the IIN still agree with them? */
  async refreshWarnings(): Promise<void> {
    const { iin, birthDate, sex } = this.person();
    if (iin.trim().length !== 12 || this.problem) return;
    const mine = ++this.#seq;
    const checked = await api.checkIin(iin.trim(), blankToNull(birthDate), sex === "" ? null : sex);
    if (mine === this.#seq) this.warnings = checked.facts?.warnings ?? [];
  }

  /** The warnings as a TextField shows them. */
  warningTexts(): { code: string; text: string }[] {
    return this.warnings.map((w) => ({ code: w, text: t(`warning-${w}`, { date: displayDate(this.encodedDate) }) }));
  }
}
