import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiMock, categories, family, oblasts, validationError } from "./fakeApi";
import type { FamilyInput } from "../src/lib/api";
import { ProblemError } from "../src/lib/problem";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import FamilyForm from "../src/views/FamilyForm.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

// 15.03.1985, century digit 4 (1900s, female): the fake decoder reads it like the core.
const IIN = "850315400123";

function setup() {
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  const onopen = vi.fn();
  render(FamilyForm, { props: { oblasts, categories, onsaved, oncancel, onopen } });
  return { onsaved, oncancel, onopen, user: userEvent.setup() };
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const save = () => document.getElementById("save") as HTMLButtonElement;

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("FamilyForm", () => {
  it("pre-fills birth date and sex from a valid IIN and says so", async () => {
    const { user } = setup();
    await user.type(field("m0-iin"), IIN);
    await waitFor(() => expect(field("m0-birth-date").value).toBe("15.03.1985"));
    expect((document.getElementById("m0-sex") as HTMLSelectElement).value).toBe("female");
    expect(screen.getByText(/Туған күні мен жынысы ЖСН бойынша толтырылды/)).toBeInTheDocument();
  });

  for (const [iin, warning, text] of [
    ["821315312347", "impossible-date", /алғашқы алты цифр нақты күнді білдірмейді/],
    ["820315912342", "unknown-century", /жетінші цифры 1-ден 6-ға дейін/],
  ] as const) {
    it(`warns beside the IIN field and fills nothing in when its digits are no date (${warning})`, async () => {
      const { user, onsaved } = setup();
      apiMock.createFamily.mockImplementationOnce(async (input: FamilyInput) => family(input));
      await user.type(field("m0-surname"), "Оспанова");
      await user.type(field("m0-name"), "Гүлнар");
      await user.type(field("m0-iin"), iin);
      const shown = await waitFor(() => {
        const w = document.querySelector(`[data-warning="${warning}"]`);
        expect(w).not.toBeNull();
        return w!;
      });
      expect(shown.textContent).toMatch(text);
      // Beside the field: in the IIN field's own help, not somewhere below the row.
      expect(document.getElementById("m0-iin-help")!.contains(shown)).toBe(true);
      expect(field("m0-birth-date").value).toBe("");
      expect((document.getElementById("m0-sex") as HTMLSelectElement).value).toBe("");
      expect(document.getElementById("m0-iin-prefilled")).toBeNull();
      // Still there while and after saving is asked for.
      await user.click(save());
      await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
      expect(document.querySelector(`[data-warning="${warning}"]`)).not.toBeNull();
    });
  }

  it("never overwrites a birth date the operator typed, but warns about the mismatch", async () => {
    const { user } = setup();
    await user.type(field("m0-birth-date"), "16.03.1985");
    await user.type(field("m0-iin"), IIN);
    await waitFor(() =>
      expect(document.querySelector('[data-warning="birth-date-mismatch"]')).not.toBeNull(),
    );
    expect(field("m0-birth-date").value).toBe("16.03.1985");
    expect(document.querySelector('[data-warning="birth-date-mismatch"]')?.textContent).toContain("15.03.1985");
  });

  it("shows a checksum error in Kazakh once 12 digits are typed", async () => {
    const { user } = setup();
    await user.type(field("m0-iin"), "850315400129");
    expect(
      await screen.findByText(/ЖСН-нің соңғы \(бақылау\) цифры сәйкес келмейді/),
    ).toBeInTheDocument();
    expect(field("m0-birth-date").value).toBe("");
  });

  it("does not nag while the IIN is still being typed, but does on leaving the field", async () => {
    const { user } = setup();
    await user.type(field("m0-iin"), "85031");
    expect(document.querySelector('[data-error-for="m0-iin"]')).toBeNull();
    await user.tab();
    expect(await screen.findByText("ЖСН 12 цифрдан тұрады, ал енгізілгені — 5.")).toBeInTheDocument();
  });

  it("sends the head, added members, categories and consent to the core", async () => {
    const { user, onsaved } = setup();
    await user.type(field("m0-surname"), "Серікова");
    await user.type(field("m0-name"), "Әсел");
    await user.click(document.getElementById("add-member") as HTMLButtonElement);
    // A new member starts with the head's surname and "child".
    expect(field("m1-surname").value).toBe("Серікова");
    await user.type(field("m1-name"), "Айым");
    await user.click(document.getElementById("add-member") as HTMLButtonElement);
    await user.type(field("m2-name"), "Ерлан");
    await user.selectOptions(document.getElementById("m2-relation") as HTMLSelectElement, "spouse");
    await user.click(screen.getByLabelText("көпбалалы отбасы"));
    await user.selectOptions(document.getElementById("oblast") as HTMLSelectElement, "o-61");
    await user.click(document.getElementById("consent-given") as HTMLInputElement);
    await user.type(field("consent-date"), "01.02.2025");
    await user.click(save());
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    const input = apiMock.createFamily.mock.calls[0]?.[0];
    expect(input?.members.map((m) => [m.is_head, m.relation, m.name])).toEqual([
      [true, null, "Әсел"],
      [false, "child", "Айым"],
      [false, "spouse", "Ерлан"],
    ]);
    expect(input?.members[0]).toMatchObject({ surname: "Серікова", patronymic: null, iin: null });
    expect(input?.category_ids).toEqual(["c-large"]);
    expect(input?.address.oblast_id).toBe("o-61");
    expect(input?.consent).toMatchObject({ status: "given", date: "01.02.2025", form: "paper" });
    expect(input?.accept_duplicates).toBe(false);
  });

  it("moves the head mark and removes a member", async () => {
    const { user } = setup();
    await user.type(field("m0-name"), "Әсел");
    await user.click(document.getElementById("add-member") as HTMLButtonElement);
    await user.type(field("m1-name"), "Ерлан");
    await user.click(document.getElementById("m1-make-head") as HTMLButtonElement);
    expect(document.getElementById("m0-relation")).not.toBeNull();
    expect(document.getElementById("m1-relation")).toBeNull();
    await user.click(document.getElementById("m0-remove") as HTMLButtonElement);
    expect(field("m0-name").value).toBe("Ерлан");
    expect(document.getElementById("m1-name")).toBeNull();
  });

  it("saves without consent as pending and tells the operator so", async () => {
    const { user } = setup();
    expect(document.getElementById("consent-pending-note")).not.toBeNull();
    await user.type(field("m0-surname"), "Серікова");
    await user.type(field("m0-name"), "Әсел");
    await user.click(save());
    await waitFor(() => expect(apiMock.createFamily).toHaveBeenCalledOnce());
    expect(apiMock.createFamily.mock.calls[0]?.[0].consent.status).toBe("pending");
  });

  it("warns about a likely duplicate while typing and saves only when told to", async () => {
    apiMock.similarFamilies.mockResolvedValue([
      { family_id: "f-9", registry_no: 9, head_name: "Серикова Асель", reason: "name-and-birth-date", detail: "Серикова Асель" },
    ]);
    apiMock.createFamily.mockRejectedValueOnce(
      new ProblemError({ code: "possible-duplicate", params: { count: "1", registry_no: "9", name: "Серикова Асель" }, fields: [] }),
    );
    const { user, onsaved, onopen } = setup();
    await user.type(field("m0-surname"), "Серікова");
    expect(await screen.findByText(/Бұл отбасы тізілімде бұрыннан бар болуы мүмкін/)).toBeInTheDocument();
    await user.click(save());
    const anyway = await screen.findByRole("button", { name: "Бәрібір сақтау" });
    expect(onsaved).not.toHaveBeenCalled();
    await user.click(anyway);
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(apiMock.createFamily.mock.calls[1]?.[0].accept_duplicates).toBe(true);
    await user.click(screen.getByRole("button", { name: "№9 Серикова Асель" }));
    expect(onopen).toHaveBeenCalledWith("f-9");
  });

  it("marks each field the core rejected, with its message, and focuses the first", async () => {
    apiMock.createFamily.mockRejectedValueOnce(
      validationError([
        { field: "members.0.surname", code: "required", params: {} },
        { field: "phone", code: "phone-invalid", params: { value: "12" } },
      ]),
    );
    const { user, onsaved } = setup();
    await user.click(save());
    expect(await screen.findByRole("alert")).toHaveTextContent("Кейбір өрістер дұрыс толтырылмаған");
    expect(screen.getByText("Бұл өрісті толтырыңыз.")).toBeInTheDocument();
    expect(screen.getByText(/«12» Қазақстандағы телефон нөміріне ұқсамайды/)).toBeInTheDocument();
    expect(field("m0-surname")).toHaveAttribute("aria-invalid", "true");
    expect(document.activeElement).toBe(field("m0-surname"));
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("names the family that already holds the IIN", async () => {
    apiMock.createFamily.mockRejectedValueOnce(
      validationError([
        {
          field: "members.0.iin",
          code: "iin-taken",
          params: { family_id: "f-9", registry_no: "9", name: "Ахметова Гүлнар" },
        },
      ]),
    );
    const { user } = setup();
    await user.click(save());
    expect(
      await screen.findByText(/Бұл ЖСН тізілімде бұрыннан бар: №9 отбасы, Ахметова Гүлнар/),
    ).toBeInTheDocument();
  });

  it("speaks Russian after a language switch", async () => {
    setLanguage("ru");
    setup();
    expect(screen.getByLabelText(/Фамилия/)).toBeInTheDocument();
    expect(screen.getByText("Регистрация новой семьи")).toBeInTheDocument();
    expect(screen.getByLabelText("многодетная семья")).toBeInTheDocument();
    expect(screen.getByText("Согласие ожидается")).toBeInTheDocument();
  });

  it("keeps a category the office has since hidden on the family that has it", async () => {
    const hidden = { id: "c-flood", code: null, names: { kk: "Су тасқынынан зардап шеккен", ru: "Пострадавшие от паводка" } };
    const stored = family({
      members: [{ id: null, is_head: true, relation: null, surname: "Оспанова", name: "Гүлнар", patronymic: null, iin: null, birth_date: null, sex: null, disability: null, pensioner: false, student: false, employment: null, phone: null }],
      phone: null,
      address: { oblast_id: null, district: null, rural_okrug: null, village: null, street: null, house: null, flat: null },
      housing_notes: null,
      income_per_person: null,
      registered_on: null,
      category_ids: [],
      notes: null,
      consent: { status: "pending", date: null, form: null, until: null, recorded_by: null },
      accept_duplicates: false,
    });
    render(FamilyForm, { props: { family: { ...stored, categories: [hidden] }, oblasts, categories, onsaved: vi.fn(), oncancel: vi.fn(), onopen: vi.fn() } });
    const box = (await screen.findByLabelText("Су тасқынынан зардап шеккен")) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(document.querySelectorAll('input[name="category"]')).toHaveLength(categories.length + 1);
  });
});
