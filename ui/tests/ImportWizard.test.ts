import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ProblemError, type ImportOutcome, type ImportPreview, type Mapping, type OpenedFile, type SheetView } from "../src/lib/api";
import { apiMock } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import ImportWizard from "../src/views/import/ImportWizard.svelte";
import { issueText, nameMapped, repeatedFields, shape } from "../src/views/import/importText";
import { setLanguage } from "../src/lib/i18n.svelte";

const overview = {
  name: "Тізім",
  data_rows: 5,
  header_row: 3,
  header_row_number: 4,
  columns: [
    { letter: "A", header: "Отбасы №", samples: ["1", "1"], suggested: "family-key" as const },
    { letter: "B", header: "Т.А.Ә.", samples: ["Серікова Әсел"], suggested: "full-name" as const },
    { letter: "C", header: "Тел. үй", samples: ["87051112233"], suggested: null },
  ],
};
const suggested: Mapping = { header_row: 3, columns: ["family-key", "full-name", null] };
const opened: OpenedFile = { file_name: "тізім.xlsx", kind: { format: "xlsx" }, sheets: [overview], sheet: 0, mappings: [] };
const view: SheetView = { overview, mapping: suggested };

function outcome(batch: string | null): ImportOutcome {
  return {
    counts: { rows: 5, families: 4, people: 5, added: 2, updated: 1, unchanged: 0, skipped: 0, rejected: 1, error_rows: 1, warning_rows: 0 },
    matches: [
      {
        candidate: 2,
        row: 7,
        head_name: "Касымова Гүлнар",
        family_id: "f-1",
        registry_no: 12,
        registry_head: "Касымова Гүлнар",
        by: "name-birth-date",
        archived: false,
        choice: "update",
        changes: [{ field: "phone", subject: null, before: "+77051112233", after: "+77770001122" }],
      },
    ],
    matches_total: 1,
    issues: [{ row: 8, column: "C", header: "ЖСН", severity: "error", code: "iin-checksum", params: {} }],
    batch_id: batch,
    earlier: [],
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("import helpers", () => {
  it("tells a mapping without a name, a field chosen twice and the row grouping", () => {
    expect(nameMapped({ header_row: 0, columns: ["surname", "iin"] })).toBe(false);
    expect(nameMapped({ header_row: 0, columns: ["surname", "name"] })).toBe(true);
    expect(repeatedFields({ header_row: 0, columns: ["iin", "phone", "iin"] })).toEqual(["iin"]);
    expect(shape({ header_row: 0, columns: ["full-name", "relation"] })).toBe("relation");
    expect(shape(suggested)).toBe("key");
    expect(issueText({ row: 8, column: "C", header: "ЖСН", severity: "error", code: "iin-length", params: { length: "11" } })).toBe(
      "8-жол, C бағаны («ЖСН»): ЖСН 12 цифрдан тұрады, ал енгізілгені — 11.",
    );
  });
});

describe("ImportWizard", () => {
  it("opens a file from the stick, fixes a mapping, previews, imports with a per-match choice", async () => {
    const user = userEvent.setup();
    apiMock.importSources.mockResolvedValue([{ token: "p-list-1", name: "тізім.xlsx", drive: "KINGSTON" }]);
    apiMock.importOpen.mockResolvedValue(opened);
    apiMock.importSheet.mockResolvedValue(view);
    const preview: ImportPreview = {
      outcome: outcome(null),
      fixes: [{ row: 5, column: "C", header: "ЖСН", kind: "iin-leading-zero", before: "50315450014", after: "050315450014" }],
      fix_counts: [["iin-leading-zero", 1]],
    };
    apiMock.importPreview.mockResolvedValue(preview);
    apiMock.importApply.mockResolvedValue(outcome("b-1"));
    render(ImportWizard, { onback: vi.fn(), onopenlist: vi.fn() });

    await user.click(await screen.findByRole("button", { name: "тізім.xlsx" }));
    // The file goes back as the token Rust offered it by, never as a path.
    expect(apiMock.importOpen).toHaveBeenCalledWith("p-list-1", { encoding: null, delimiter: null });
    await waitFor(() => expect(document.querySelector("#import-map-1")).not.toBeNull());
    const nameSelect = document.querySelector<HTMLSelectElement>("#import-map-1")!;
    expect(nameSelect.value).toBe("full-name");

    // Without a name column the check is refused before anything is sent.
    await user.selectOptions(nameSelect, "");
    expect(document.querySelector("#import-mapping-error")).not.toBeNull();
    expect(document.querySelector<HTMLButtonElement>("#import-check")!.disabled).toBe(true);
    await user.selectOptions(nameSelect, "full-name");
    // The home phone column was left out; map it.
    await user.selectOptions(document.querySelector<HTMLSelectElement>("#import-map-2")!, "phone");
    await user.click(document.querySelector<HTMLButtonElement>("#import-check")!);
    const [, mapping] = apiMock.importPreview.mock.calls[0]!;
    expect(mapping).toEqual({ header_row: 3, columns: ["family-key", "full-name", "phone"] });

    await screen.findByText(/тізілімге әзірге ештеңе жазылған жоқ/);
    expect(document.querySelector("#import-count-added")!.textContent).toBe("2");
    expect(screen.getByText("8-жол, C бағаны («ЖСН»): ЖСН-нің соңғы (бақылау) цифры сәйкес келмейді: бір цифр қате терілген болуы мүмкін. Құжатпен салыстырыңыз.")).toBeTruthy();
    expect(screen.getByText(/ЖСН-нің басындағы нөл қайтарылды — 1/)).toBeTruthy();

    await user.selectOptions(document.querySelector<HTMLSelectElement>("#import-choice-2")!, "skip");
    await user.click(document.querySelector<HTMLButtonElement>("#import-apply")!);
    const [, , choices] = apiMock.importApply.mock.calls[0]!;
    expect(choices).toEqual({ all: "update", each: { 2: "skip" } });
    await waitFor(() => expect(document.querySelector("#import-done")).not.toBeNull());
    expect(document.querySelector("#import-done")!.textContent).toContain("2 жаңа отбасы қосылды");

    apiMock.importUndo.mockResolvedValue({ removed: 2, restored: 1 });
    await user.click(document.querySelector<HTMLButtonElement>("#import-undo")!);
    expect(apiMock.importUndo).toHaveBeenCalledWith("b-1");
    await screen.findByText(/Импорт болдырылмады: 2 отбасы алынды/);
  });
});

describe("ImportWizard reading a file", () => {
  it("says the file is being read, lets «Бас тарту» end it, and shows why it was refused", async () => {
    const user = userEvent.setup();
    apiMock.importSources.mockResolvedValue([{ token: "p-big-1", name: "үлкен.xlsx", drive: "KINGSTON" }]);
    let refuse: (p: unknown) => void = () => {};
    apiMock.importOpen.mockImplementation(() => new Promise((_, reject) => (refuse = reject)));
    render(ImportWizard, { onback: vi.fn(), onopenlist: vi.fn() });

    await user.click(await screen.findByRole("button", { name: "үлкен.xlsx" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("Файл оқылып жатыр…");
    await user.click(document.querySelector<HTMLButtonElement>("#import-cancel")!);
    expect(apiMock.cancelImport).toHaveBeenCalledTimes(1);

    refuse(new ProblemError({ code: "import-file-too-large", params: { reason: "a sheet 16384 columns wide" }, fields: [] }));
    await screen.findByText(/Файл тізім үшін тым үлкен немесе бүлінген \(a sheet 16384 columns wide\)/);
    expect(screen.queryByRole("status")).toBeNull();
  });
});
