import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Family } from "../src/lib/api";
import { ProblemError } from "../src/lib/problem";
import { apiMock, family, validationError } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import FamilyDetail from "../src/views/FamilyDetail.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

function stored(extra: Partial<Family> = {}): Family {
  const f = family({
    members: [
      { id: null, is_head: true, relation: null, surname: "Оспанова", name: "Гүлнар", patronymic: null, iin: null, birth_date: null, sex: "female", disability: null, pensioner: false, student: false, employment: null, phone: null },
      { id: null, is_head: false, relation: "child", surname: "Оспанова", name: "Ая", patronymic: null, iin: null, birth_date: null, sex: "female", disability: "child", pensioner: false, student: false, employment: null, phone: null },
    ],
    phone: null,
    address: { oblast_id: null, district: null, rural_okrug: null, village: null, street: null, house: null, flat: null },
    housing_notes: null,
    income_per_person: null,
    registered_on: null,
    category_ids: [],
    notes: null,
    consent: { status: "given", date: null, form: null, until: null, recorded_by: null },
    accept_duplicates: false,
  });
  return { ...f, ...extra };
}

function setup(f: Family) {
  apiMock.getFamily.mockResolvedValue(f);
  const props = { id: f.id, onback: vi.fn(), onedit: vi.fn(), onopen: vi.fn() };
  render(FamilyDetail, { props });
  return { ...props, user: userEvent.setup() };
}

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("FamilyDetail", () => {
  it("keeps an IIN's warning in view beside it on the saved family's page", async () => {
    const f = stored();
    f.members[0] = { ...f.members[0]!, iin: "821315312347", iin_facts: { birth_date: null, sex: "male", warnings: ["impossible-date"] } };
    setup({ ...f, id: "f-w" });
    const warning = await waitFor(() => {
      const w = document.querySelector('#member-list [data-warning="impossible-date"]');
      expect(w).not.toBeNull();
      return w!;
    });
    expect(warning.textContent).toContain("ЖСН-дегі алғашқы алты цифр нақты күнді білдірмейді");
    expect(warning.closest("td")!.textContent).toContain("821315312347");
  });

  it("shows the members with their relation and flags, and suggests the large-family category", async () => {
    setup(stored({ derived: { size: 5, children: 4, suggest_large_family: true } }));
    expect(await screen.findByRole("heading", { name: "Оспанова Гүлнар" })).toBeInTheDocument();
    const rows = document.querySelectorAll("#member-list tbody tr");
    expect(rows[1]?.textContent).toContain("баласы");
    expect(rows[1]?.textContent).toContain("мүгедектігі бар бала");
    expect(screen.getByText(/18 жасқа толмаған 4 бала бар/)).toBeInTheDocument();
  });

  it("asks for the archive reason and shows the core's message next to it", async () => {
    const { user } = setup(stored());
    await user.click(await screen.findByRole("button", { name: "Мұрағатқа жіберу" }));
    apiMock.archiveFamily.mockRejectedValueOnce(validationError([{ field: "reason", code: "required", params: {} }]));
    await user.click(document.getElementById("archive-confirm") as HTMLButtonElement);
    expect(await screen.findByText("Бұл өрісті толтырыңыз.")).toBeInTheDocument();
    apiMock.archiveFamily.mockResolvedValueOnce(stored({ status: "archived", status_reason: "Көшті" }));
    await user.type(document.getElementById("archive-reason") as HTMLInputElement, "Көшті");
    await user.click(document.getElementById("archive-confirm") as HTMLButtonElement);
    await waitFor(() => expect(apiMock.archiveFamily).toHaveBeenLastCalledWith("f-1", "Көшті", null));
    expect(await screen.findByText("Отбасы мұрағатқа жіберілді.")).toBeInTheDocument();
    expect(document.getElementById("restore-family")).not.toBeNull();
  });

  it("destroys only after the registry number is typed", async () => {
    const { user } = setup(stored());
    await user.click(await screen.findByRole("button", { name: "Дербес деректерді жою" }));
    const confirm = document.getElementById("destroy-confirm") as HTMLButtonElement;
    expect(confirm).toBeDisabled();
    apiMock.destroyFamily.mockResolvedValueOnce(
      stored({ destroyed_at: "2026-11-23T10:00:00.000Z", consent: { status: "withdrawn", date: null, form: null, until: null, recorded_by: null } }),
    );
    await user.type(document.getElementById("destroy-confirm-no") as HTMLInputElement, "7");
    await user.click(confirm);
    await waitFor(() => expect(apiMock.destroyFamily).toHaveBeenCalledWith("f-1", 7));
    expect(await screen.findByText("Деректері жойылған отбасы")).toBeInTheDocument();
    expect(document.getElementById("member-list")).toBeNull();
  });

  it("saves the family card and says where it went, or why it could not", async () => {
    const { user } = setup(stored());
    await user.click(await screen.findByRole("button", { name: "Отбасы картасы (PDF)" }));
    await waitFor(() => expect(apiMock.saveFamilyCard).toHaveBeenCalledWith("f-1"));
    expect(await screen.findByText("Отбасы картасы сақталды: /data/documents/family-card-f-1.pdf")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Ашу (басып шығару үшін)" }));
    expect(apiMock.openDocument).toHaveBeenCalledWith("/data/documents/family-card-f-1.pdf");
    apiMock.showDocument.mockRejectedValueOnce(
      new ProblemError({ code: "document-missing", params: { path: "/data/documents/family-card-f-1.pdf" }, fields: [] }),
    );
    await user.click(screen.getByRole("button", { name: "Қалтада көрсету" }));
    expect(await screen.findByText(/Құжат табылмады: \/data\/documents\/family-card-f-1.pdf/)).toBeInTheDocument();
    apiMock.saveFamilyCard.mockRejectedValueOnce(
      new ProblemError({
        code: "document-failed",
        params: { path: "/data/documents/family-card-7.pdf", reason: "Permission denied" },
        fields: [],
      }),
    );
    await user.click(screen.getByRole("button", { name: "Отбасы картасы (PDF)" }));
    expect(await screen.findByText(/Құжатты жасау не сақтау мүмкін болмады/)).toBeInTheDocument();
  });
});
