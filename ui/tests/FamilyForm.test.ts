import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiMock, categories, oblasts, validationError } from "./fakeApi";

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
  render(FamilyForm, { props: { oblasts, categories, onsaved, oncancel } });
  return { onsaved, oncancel, user: userEvent.setup() };
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement;

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("FamilyForm", () => {
  it("pre-fills birth date and sex from a valid IIN and says so", async () => {
    const { user } = setup();
    await user.type(field("head-iin"), IIN);
    await waitFor(() => expect(field("head-birth-date").value).toBe("15.03.1985"));
    expect((document.getElementById("head-sex") as HTMLSelectElement).value).toBe("female");
    expect(screen.getByText(/Туған күні мен жынысы ЖСН бойынша толтырылды/)).toBeInTheDocument();
  });

  it("never overwrites a birth date the operator typed, but warns about the mismatch", async () => {
    const { user } = setup();
    await user.type(field("head-birth-date"), "16.03.1985");
    await user.type(field("head-iin"), IIN);
    await waitFor(() =>
      expect(document.querySelector('[data-warning="birth-date-mismatch"]')).not.toBeNull(),
    );
    expect(field("head-birth-date").value).toBe("16.03.1985");
    expect(document.querySelector('[data-warning="birth-date-mismatch"]')?.textContent).toContain("15.03.1985");
  });

  it("shows a checksum error in Kazakh once 12 digits are typed", async () => {
    const { user } = setup();
    await user.type(field("head-iin"), "850315400129");
    expect(
      await screen.findByText(/ЖСН-нің соңғы \(бақылау\) цифры сәйкес келмейді/),
    ).toBeInTheDocument();
    expect(field("head-birth-date").value).toBe("");
  });

  it("does not nag while the IIN is still being typed, but does on leaving the field", async () => {
    const { user } = setup();
    await user.type(field("head-iin"), "85031");
    expect(document.querySelector('[data-error-for="head-iin"]')).toBeNull();
    await user.tab();
    expect(await screen.findByText("ЖСН 12 цифрдан тұрады, ал енгізілгені — 5.")).toBeInTheDocument();
  });

  it("sends the typed values and chosen categories to the core", async () => {
    const { user, onsaved } = setup();
    await user.type(field("head-surname"), "Серікова");
    await user.type(field("head-name"), "Әсел");
    await user.click(screen.getByLabelText("көпбалалы отбасы"));
    await user.selectOptions(document.getElementById("oblast") as HTMLSelectElement, "o-61");
    await user.click(document.getElementById("save") as HTMLButtonElement);
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    const input = apiMock.createFamily.mock.calls[0]?.[0];
    expect(input?.head).toMatchObject({ surname: "Серікова", name: "Әсел", patronymic: null, iin: null });
    expect(input?.category_ids).toEqual(["c-large"]);
    expect(input?.address.oblast_id).toBe("o-61");
  });

  it("marks each field the core rejected, with its message, and focuses the first", async () => {
    apiMock.createFamily.mockRejectedValueOnce(
      validationError([
        { field: "head.surname", code: "required", params: {} },
        { field: "phone", code: "phone-invalid", params: { value: "12" } },
      ]),
    );
    const { user, onsaved } = setup();
    await user.click(document.getElementById("save") as HTMLButtonElement);
    expect(await screen.findByRole("alert")).toHaveTextContent("Кейбір өрістер дұрыс толтырылмаған");
    expect(screen.getByText("Бұл өрісті толтырыңыз.")).toBeInTheDocument();
    expect(screen.getByText(/«12» Қазақстандағы телефон нөміріне ұқсамайды/)).toBeInTheDocument();
    expect(field("head-surname")).toHaveAttribute("aria-invalid", "true");
    expect(document.activeElement).toBe(field("head-surname"));
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("names the family that already holds the IIN", async () => {
    apiMock.createFamily.mockRejectedValueOnce(
      validationError([
        { field: "head.iin", code: "iin-taken", params: { family_id: "f-9", name: "Ахметова Гүлнар" } },
      ]),
    );
    const { user } = setup();
    await user.click(document.getElementById("save") as HTMLButtonElement);
    expect(await screen.findByText(/Бұл ЖСН тізілімде бұрыннан бар: Ахметова Гүлнар/)).toBeInTheDocument();
  });

  it("speaks Russian after a language switch", async () => {
    setLanguage("ru");
    setup();
    expect(screen.getByLabelText(/Фамилия/)).toBeInTheDocument();
    expect(screen.getByText("Регистрация новой семьи")).toBeInTheDocument();
    expect(screen.getByLabelText("многодетная семья")).toBeInTheDocument();
  });
});
