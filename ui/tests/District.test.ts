import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Consolidated, OfficeState, PackageLook, PeriodReport } from "../src/lib/api";
import { apiMock, validationError } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import ConsolidatedPanel from "../src/views/district/ConsolidatedPanel.svelte";
import OfficeIdentity from "../src/views/district/OfficeIdentity.svelte";
import PackagesPanel from "../src/views/district/PackagesPanel.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";
import { setMe } from "../src/lib/session.svelte";

const quarter = { from: "2026-07-01", to: "2026-09-30" };
const aksu = { id: "o-aksu", names: { kk: "Ақсу а/о", ru: "с/о Аксу" }, level: "okrug" as const, kato: "515230100", parent_id: "d-1" };
const manke = { id: "o-manke", names: { kk: "Манкент а/о", ru: "с/о Манкент" }, level: "okrug" as const, kato: "515230300", parent_id: null };

function report(families: number, value: number): PeriodReport {
  return {
    period: quarter,
    previous: { from: "2026-04-01", to: "2026-06-30" },
    scope: { village: null, rural_okrug: null, campaign_id: null },
    campaign_name: null,
    office: { kk: "", ru: "" },
    sections: [
      {
        id: "summary",
        columns: ["report-col-value"],
        lines: [
          { key: "families-helped", label: { kind: "message", value: "report-families-helped" }, unit: null, measures: ["count"], now: [families], before: [0] },
          { key: "deliveries", label: { kind: "message", value: "report-deliveries" }, unit: null, measures: ["count"], now: [families], before: [0] },
          { key: "value", label: { kind: "message", value: "report-value" }, unit: null, measures: ["tenge"], now: [value], before: [0] },
        ],
      },
    ],
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
  setMe({
    account: { id: "a", login: "admin", full_name: "Әкімші", role: "administrator", created_at: "2026-11-01T00:00:00Z", disabled: false, must_change_password: false },
    locked: false,
    idle_minutes: 15,
  } as never);
});

describe("reading packages", () => {
  it("checks every file first, reads only the readable and adds the ticked office", async () => {
    apiMock.districtFiles.mockResolvedValueOnce([
      { token: "t1", name: "report-515230100.meirim-report", drive: "KINGSTON" },
      { token: "t2", name: "photo.meirim-report", drive: "KINGSTON" },
      { token: "t3", name: "report-515230300.meirim-report", drive: "KINGSTON" },
    ]);
    const looks: PackageLook[] = [
      { token: "t1", name: "report-515230100.meirim-report", problem: null, preview: { office: aksu, period: quarter, made_at: "2026-10-02T09:00:00Z", families: 80, key_matches: true, verdict: { kind: "new" } } },
      { token: "t2", name: "photo.meirim-report", preview: null, problem: { code: "package-not-meirim", params: {}, fields: [] } },
      { token: "t3", name: "report-515230300.meirim-report", problem: null, preview: { office: manke, period: quarter, made_at: "2026-10-12T09:00:00Z", families: 60, key_matches: false, verdict: { kind: "unknown-office", placeholder: null } } },
    ];
    apiMock.previewPackages.mockResolvedValueOnce(looks);
    apiMock.readPackages.mockResolvedValueOnce(looks.filter((l) => l.preview));
    const onread = vi.fn();
    render(PackagesPanel, { props: { onread } });
    const user = userEvent.setup();
    expect(await screen.findByText(/Meirim-нің есеп бумасы емес/)).toBeInTheDocument();
    expect(screen.getByText(/басқа кілтпен/)).toBeInTheDocument();
    await user.click(document.querySelector('[data-add="o-manke"]')!);
    await user.click(screen.getByRole("button", { name: "Оқу (2)" }));
    await waitFor(() => expect(apiMock.readPackages).toHaveBeenCalledWith(["t1", "t3"], ["o-manke"]));
    expect(onread).toHaveBeenCalled();
    expect((await screen.findByRole("status")).textContent).toMatch(/Оқылған бума: 2/);
  });
});

describe("the consolidated report", () => {
  it("shows the missing office first, the doubles and the totals, and saves the PDF", async () => {
    const c: Consolidated = {
      period: quarter,
      total: report(140, 5_000_000),
      offices: [
        { office: aksu, made_at: "2026-10-02T09:00:00Z", report: report(80, 3_000_000) },
        { office: manke, made_at: "2026-10-12T09:00:00Z", report: report(60, 2_000_000) },
      ],
      completeness: {
        period: quarter,
        due: "2026-10-05",
        grace_days: 5,
        expected: 3,
        sent: 2,
        rows: [
          { office: { ...aksu, id: "o-zhibek", names: { kk: "Жібек жолы а/о", ru: "с/о Жибек жолы" }, expected: true }, standing: "missing", made_at: null, received_at: null, versions: 0 },
          { office: { ...manke, expected: true }, standing: "late", made_at: "2026-10-12T09:00:00Z", received_at: "2026-10-13T09:00:00Z", versions: 1 },
          { office: { ...aksu, expected: true }, standing: "on-time", made_at: "2026-10-02T09:00:00Z", received_at: "2026-10-13T09:00:00Z", versions: 2 },
        ],
      },
      doubles: {
        period: quarter,
        key_id: "4adbabced47f023f",
        compared: 140,
        unchecked: [],
        doubles: [
          {
            hashes: ["ab"],
            offices: [
              { office: aksu, aid: [{ aid_type: "food", names: { kk: "азық-түлік себеті", ru: "продуктовая корзина" }, deliveries: 1, value: 20000 }] },
              { office: manke, aid: [{ aid_type: "coal", names: { kk: "көмір", ru: "уголь" }, deliveries: 1, value: 90000 }] },
            ],
          },
        ],
      },
    } as unknown as Consolidated;
    apiMock.districtPeriods.mockResolvedValueOnce([quarter]);
    apiMock.consolidatedReport.mockResolvedValueOnce(c);
    apiMock.saveConsolidated.mockResolvedValueOnce("/data/documents/district-2026-07-01-2026-09-30.pdf");
    render(ConsolidatedPanel);
    const user = userEvent.setup();
    await screen.findByText("01.07.2026 – 30.09.2026", { selector: "h2" });
    const rows = [...document.querySelectorAll("#completeness-table tbody tr")].map((r) => r.getAttribute("data-standing"));
    expect(rows).toEqual(["missing", "late", "on-time"]);
    expect(screen.getByText(/3 кеңсенің 2 тапсырды/)).toBeInTheDocument();
    expect(document.getElementById("district-doubles")!.textContent).toMatch(/отбасылар: 1 \(салыстырылған отбасы: 140\)/);
    expect(screen.getByText(/көмір × 1/)).toBeInTheDocument();
    expect(document.querySelector('[data-total="families-helped"]')!.textContent).toBe("140");
    await user.click(document.getElementById("district-save-pdf")!);
    await waitFor(() => expect(apiMock.saveConsolidated).toHaveBeenCalledWith(quarter, "pdf", { to: "documents" }));
  });
});

describe("the office's identity", () => {
  const state: OfficeState = { office: { ...aksu, parent_id: null }, key: { key_id: null, parent: null } };

  it("shows a wrong KATO code at its field and takes a key typed from paper", async () => {
    apiMock.officeIdentity.mockResolvedValueOnce(state);
    apiMock.setOfficeIdentity.mockRejectedValueOnce(validationError([{ field: "kato", code: "kato-invalid", params: { value: "12" } }]));
    apiMock.acceptDistrictKey.mockResolvedValueOnce({ ...state, key: { key_id: "4adbabced47f023f", parent: null } });
    render(OfficeIdentity);
    const user = userEvent.setup();
    const kato = (await screen.findByLabelText("ҚАТО коды")) as HTMLInputElement;
    await user.clear(kato);
    await user.type(kato, "12");
    await user.click(screen.getByRole("button", { name: "Кеңсені сақтау" }));
    await waitFor(() => expect(apiMock.setOfficeIdentity).toHaveBeenCalledWith({ name_kk: "Ақсу а/о", name_ru: "с/о Аксу", level: "okrug", kato: "12" }));
    expect(kato.closest(".field")!.classList.contains("invalid")).toBe(true);

    await user.type(screen.getByLabelText("Қағаздағы кілт (64 таңба)"), "AAAA-BBBB");
    await user.click(screen.getByRole("button", { name: "Кілтті енгізу" }));
    await waitFor(() => expect(apiMock.acceptDistrictKey).toHaveBeenCalledWith({ from: "typed", value: "AAAA-BBBB" }));
    expect((await screen.findByText(/Аудан кілті енгізілді/)).textContent).toMatch(/4adbabced47f023f/);
  });
});
