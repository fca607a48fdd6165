import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ProblemError } from "../src/lib/problem";
import { apiMock, categories, places, validationError } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import Reference from "../src/views/Reference.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

function setup() {
  const props = { onback: vi.fn(), oncategorieschanged: vi.fn() };
  render(Reference, { props });
  return { ...props, user: userEvent.setup() };
}

const row = (name: string) => document.querySelector(`tr[data-place="${name}"]`) as HTMLElement;

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("Reference: places", () => {
  it("filters by any spelling and offers removal only for unused places", async () => {
    const { user } = setup();
    await screen.findByText("Қарабұлақ");
    expect(document.querySelectorAll("#place-list tbody tr")).toHaveLength(4);
    expect(within(row("Аксуу")).queryByRole("button", { name: "Жою" })).not.toBeNull();
    expect(within(row("Қарабұлақ")).queryByRole("button", { name: "Жою" })).toBeNull();
    await user.type(screen.getByLabelText("Атауы бойынша іздеу"), "карабулак");
    expect(document.querySelectorAll("#place-list tbody tr")).toHaveLength(1);
    expect(row("Қарабұлақ")).not.toBeNull();
  });

  it("renames a place, showing the core's field message until the name is right", async () => {
    const { user } = setup();
    await screen.findByText("Аксуу");
    await user.click(within(row("Аксуу")).getByRole("button", { name: "Түзету" }));
    expect(screen.getByText(/Мекенжайы өзгеретін отбасылар: 0/)).toBeInTheDocument();
    apiMock.renamePlace.mockRejectedValueOnce(validationError([{ field: "kato", code: "kato-invalid", params: { value: "12" } }]));
    const kato = document.getElementById("place-kato") as HTMLInputElement;
    await user.type(kato, "12");
    await user.click(document.getElementById("place-save") as HTMLButtonElement);
    expect(await screen.findByText("КАТО коды 9 цифрдан тұрады, ал «12» сәйкес келмейді.")).toBeInTheDocument();

    apiMock.renamePlace.mockResolvedValueOnce({ ...places[3], name: "Ақсу" });
    const name = document.getElementById("place-name") as HTMLInputElement;
    await user.clear(name);
    await user.type(name, "Ақсу");
    await user.clear(kato);
    await user.click(document.getElementById("place-save") as HTMLButtonElement);
    await waitFor(() => expect(apiMock.renamePlace).toHaveBeenLastCalledWith("p-v2", "Ақсу", null));
    expect(await screen.findByText("Атауы түзетілді, отбасылардың мекенжайлары жаңартылды.")).toBeInTheDocument();
    expect(apiMock.listPlaces).toHaveBeenCalledTimes(2);
  });

  it("says why a place in use cannot be removed", async () => {
    const { user } = setup();
    await screen.findByText("Аксуу");
    apiMock.removePlace.mockRejectedValueOnce(
      new ProblemError({ code: "place-in-use", params: { name: "Аксуу", count: "2" }, fields: [] }),
    );
    await user.click(within(row("Аксуу")).getByRole("button", { name: "Жою" }));
    expect(await screen.findByText(/«Аксуу» жойылмайды: онда 2 отбасы тұрады/)).toBeInTheDocument();
  });
});

describe("Reference: categories", () => {
  it("adds a category after fixing its names, and tells the app the list changed", async () => {
    const { user, oncategorieschanged } = setup();
    await user.click(screen.getByRole("tab", { name: "Санаттар" }));
    await screen.findByText("көпбалалы отбасы");
    await user.click(screen.getByRole("button", { name: "Санат қосу" }));
    apiMock.addCategory.mockRejectedValueOnce(
      validationError([
        { field: "name_kk", code: "category-exists", params: { name: "көпбалалы отбасы" } },
        { field: "name_ru", code: "required", params: {} },
      ]),
    );
    await user.type(document.getElementById("category-kk") as HTMLInputElement, "көпбалалы отбасы");
    await user.click(document.getElementById("category-save") as HTMLButtonElement);
    expect(await screen.findByText("«көпбалалы отбасы» атты санат бұрыннан бар. Басқа атау беріңіз немесе барын пайдаланыңыз.")).toBeInTheDocument();
    expect(screen.getByText("Бұл өрісті толтырыңыз.")).toBeInTheDocument();
    expect(oncategorieschanged).not.toHaveBeenCalled();

    apiMock.addCategory.mockResolvedValueOnce({ id: "c-new", code: null, names: { kk: "Өрт зардап шеккендер", ru: "Погорельцы" } });
    const kk = document.getElementById("category-kk") as HTMLInputElement;
    await user.clear(kk);
    await user.type(kk, "Өрт зардап шеккендер");
    await user.type(document.getElementById("category-ru") as HTMLInputElement, "Погорельцы");
    await user.click(document.getElementById("category-save") as HTMLButtonElement);
    await waitFor(() => expect(apiMock.addCategory).toHaveBeenLastCalledWith({ name_kk: "Өрт зардап шеккендер", name_ru: "Погорельцы" }));
    await waitFor(() => expect(oncategorieschanged).toHaveBeenCalledTimes(1));
    expect(document.getElementById("category-save")).toBeNull();
  });

  it("hides a category and moves one up; the first cannot move up", async () => {
    const { user, oncategorieschanged } = setup();
    await user.click(screen.getByRole("tab", { name: "Санаттар" }));
    await screen.findByText("көпбалалы отбасы");
    const rows = () => document.querySelectorAll("#category-list tbody tr");
    expect(within(rows()[0] as HTMLElement).getByRole("button", { name: "Жоғары жылжыту" })).toBeDisabled();
    await user.click(within(rows()[1] as HTMLElement).getByRole("button", { name: "Жоғары жылжыту" }));
    expect(apiMock.shiftCategory).toHaveBeenCalledWith(categories[1]?.id, true);
    await user.click(within(rows()[0] as HTMLElement).getByRole("button", { name: "Жасыру" }));
    await waitFor(() => expect(apiMock.setCategoryActive).toHaveBeenCalledWith("c-large", false));
    await waitFor(() => expect(oncategorieschanged).toHaveBeenCalledTimes(2));
  });
});

describe("Reference: aid types", () => {
  it("shows units, values and rules, and adds a type with a day rule", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("tab", { name: "Көмек түрлері" }));
    const coal = (await screen.findByText("көмір")).closest("tr") as HTMLElement;
    expect(coal.textContent).toContain("30 000 ₸".replace(/ /g, "\u00a0"));
    expect(coal.textContent).toContain("жылыту маусымында бір рет");
    expect((screen.getByText("ескі түр").closest("tr") as HTMLElement).textContent).toContain("жасырылған");

    await user.click(screen.getByRole("button", { name: "Көмек түрін қосу" }));
    await user.type(document.getElementById("aid-type-kk") as HTMLInputElement, "Жанармай");
    await user.type(document.getElementById("aid-type-ru") as HTMLInputElement, "Топливо");
    await user.selectOptions(document.getElementById("aid-type-unit") as HTMLSelectElement, "kg");
    await user.type(document.getElementById("aid-type-value") as HTMLInputElement, "350");
    await user.selectOptions(document.getElementById("aid-type-rule") as HTMLSelectElement, "days");
    apiMock.addAidType.mockRejectedValueOnce(validationError([{ field: "rule_days", code: "required", params: {} }]));
    await user.click(document.getElementById("aid-type-save") as HTMLButtonElement);
    expect(await screen.findByText("Бұл өрісті толтырыңыз.")).toBeInTheDocument();
    apiMock.addAidType.mockResolvedValueOnce({ id: "a-new", code: null, names: { kk: "Жанармай", ru: "Топливо" }, unit: "kg", unit_value: 350, rule: "days", rule_days: 90, active: true });
    await user.type(document.getElementById("aid-type-days") as HTMLInputElement, "90");
    await user.click(document.getElementById("aid-type-save") as HTMLButtonElement);
    await waitFor(() =>
      expect(apiMock.addAidType).toHaveBeenLastCalledWith({ name_kk: "Жанармай", name_ru: "Топливо", unit: "kg", unit_value: "350", rule: "days", rule_days: "90" }),
    );
    expect(await screen.findByText("Көмек түрі сақталды.")).toBeInTheDocument();
  });
});

describe("Reference: organisations and funding", () => {
  it("explains a wrong BIN and shows a grant's budget against its spending", async () => {
    apiMock.listFundingSources.mockResolvedValue([
      { id: "s-grant", code: null, kind: "grant", names: { kk: "Шағын гранттар", ru: "Малые гранты" }, organisation_id: null, budget: 4500000, spent: 300000, active: true },
    ]);
    const { user } = setup();
    await user.click(screen.getByRole("tab", { name: "Ұйымдар" }));
    await user.click(await screen.findByRole("button", { name: "Ұйым қосу" }));
    await user.type(document.getElementById("org-name-kk") as HTMLInputElement, "«Жанашыр» қоғамдық бірлестігі");
    await user.type(document.getElementById("org-bin") as HTMLInputElement, "840702400176");
    apiMock.createOrganisation.mockRejectedValueOnce(
      validationError([{ field: "bin", code: "bin-invalid", params: { reason: "type", value: "840702400176" } }]),
    );
    await user.click(document.getElementById("org-save") as HTMLButtonElement);
    expect(await screen.findByText(/заңды тұлғаның БСН-і емес/)).toBeInTheDocument();
    expect(apiMock.createOrganisation.mock.calls[0]?.[0]).toMatchObject({ kind: "ngo", name_ru: null, bin: "840702400176" });

    await user.click(screen.getByRole("button", { name: "Бас тарту" }));
    await user.click(screen.getByRole("tab", { name: "Қаржы көздері" }));
    const row = (await screen.findByText("Шағын гранттар")).closest("tr") as HTMLElement;
    expect(row.textContent?.replace(/\u00a0/g, " ")).toContain("4 500 000 ₸");
    expect(row.textContent?.replace(/\u00a0/g, " ")).toContain("4 200 000 ₸");
  });
});
