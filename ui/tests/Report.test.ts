import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PeriodReport } from "../src/lib/api";
import { apiMock } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import ReportView from "../src/views/reports/ReportView.svelte";
import { cellText, change, measureGroups } from "../src/views/reports/reportText";
import { setLanguage } from "../src/lib/i18n.svelte";

const report: PeriodReport = {
  period: { from: "2026-10-01", to: "2026-12-31" },
  previous: { from: "2026-07-01", to: "2026-09-30" },
  scope: { village: null, rural_okrug: null, campaign_id: null },
  campaign_name: null,
  office: { kk: "Ақсу ауылдық округі", ru: "Аксуский сельский округ" },
  sections: [
    {
      id: "summary",
      columns: ["report-col-value"],
      lines: [
        { key: "families-helped", label: { kind: "message", value: "report-families-helped" }, unit: null, measures: ["count"], now: [77], before: [160] },
        { key: "value", label: { kind: "message", value: "report-value" }, unit: null, measures: ["tenge"], now: [3125104], before: [8855971] },
      ],
    },
    {
      id: "aid-by-type",
      columns: ["report-col-families", "report-col-deliveries", "report-col-quantity", "report-col-value"],
      lines: [
        {
          key: "a-coal",
          label: { kind: "names", value: { kk: "көмір", ru: "уголь" } },
          unit: "t",
          measures: ["count", "count", "quantity", "tenge"],
          now: [12, 14, 22500, 18120000],
          before: [15, 15, 61000, 21060000],
        },
      ],
    },
  ],
};

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("report cells", () => {
  it("write counts, tenge, quantities with units, hours and signed changes", () => {
    expect(cellText("count", 12345, null)).toBe("12\u00a0345");
    expect(cellText("tenge", 3125104, null)).toBe("3\u00a0125\u00a0104\u00a0₸");
    expect(cellText("quantity", 22500, "т")).toBe("22,5\u00a0т");
    expect(cellText("minutes", 90, null)).toBe("1,5");
    expect(change("count", 77, 160, null)).toBe("\u221283");
    expect(change("tenge", 200, 100, null)).toBe("+100\u00a0₸");
    expect(change("count", 5, 5, null)).toBe("0");
  });

  it("put at most two figures in a table", () => {
    expect(measureGroups(1)).toEqual([[0]]);
    expect(measureGroups(4)).toEqual([[0, 1], [2, 3]]);
    expect(measureGroups(3)).toEqual([[0, 1], [2]]);
  });
});

describe("ReportView", () => {
  it("builds a quarter's report, shows each figure beside the previous one and saves it", async () => {
    apiMock.listVillages.mockResolvedValueOnce(["Ақсу"]);
    apiMock.periodReport.mockResolvedValueOnce(report);
    apiMock.saveReport.mockResolvedValueOnce("/data/documents/report-2026-10-01-2026-12-31.xlsx");
    render(ReportView, { props: { onback: vi.fn() } });
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Есепті құру" }));
    expect(await screen.findByText("01.10.2026 – 31.12.2026")).toBeInTheDocument();
    expect(apiMock.presetPeriod).toHaveBeenCalledWith("quarter", null);
    const row = document.querySelector('tr[data-line="families-helped"]')!;
    expect(row.textContent).toContain("77");
    expect(row.textContent).toContain("160");
    expect(row.textContent).toContain("\u221283");
    // Aid by type's four figures come as two tables of two, each line in both.
    const parts = document.querySelectorAll('table[data-section="aid-by-type"]');
    expect(parts).toHaveLength(2);
    expect(parts[0]!.querySelectorAll("thead th")).toHaveLength(7);
    expect(parts[1]!.querySelector('tr[data-line="a-coal"]')!.textContent).toContain("22,5\u00a0т");
    expect(parts[1]!.querySelector('tr[data-line="a-coal"]')!.textContent).toContain("18\u00a0120\u00a0000\u00a0₸");
    expect(screen.getAllByText("көмір")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Excel (XLSX) сақтау" }));
    await waitFor(() => expect(apiMock.saveReport).toHaveBeenCalledWith(report, "xlsx", { to: "documents" }));
    expect(await screen.findByText(/report-2026-10-01-2026-12-31\.xlsx/)).toBeInTheDocument();
  });
});

describe("ReportView destinations", () => {
  it("writes the report onto a stick, or where the save dialog says, and does nothing when the dialog is closed", async () => {
    apiMock.periodReport.mockResolvedValue(report);
    apiMock.removableDrives.mockResolvedValue([{ token: "p-stick-k", name: "KINGSTON", mount_point: "/media/k", free_bytes: 1e9, total_bytes: 4e9 }]);
    apiMock.saveReport.mockResolvedValueOnce("/media/k/report-2026-10-01-2026-12-31.xlsx");
    render(ReportView, { props: { onback: vi.fn() } });
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Есепті құру" }));
    await screen.findByText("01.10.2026 – 31.12.2026");
    const picker = document.getElementById("usb-drive") as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe("p-stick-k"));
    await user.selectOptions(document.getElementById("usb-format")!, "xlsx");
    await user.click(screen.getByRole("button", { name: "Сақтау" }));
    await waitFor(() => expect(apiMock.saveReport).toHaveBeenCalledWith(report, "xlsx", { to: "folder", path: "p-stick-k" }));
    expect((await screen.findByRole("status")).textContent).toMatch(/Флешканы алуға болады/);

    await user.selectOptions(picker, "other");
    apiMock.chooseSavePath.mockResolvedValueOnce(null);
    await user.click(screen.getByRole("button", { name: "Сақтау" }));
    await waitFor(() => expect(apiMock.chooseSavePath).toHaveBeenCalledWith("report.xlsx"));
    expect(apiMock.saveReport).toHaveBeenCalledTimes(1);

    apiMock.chooseSavePath.mockResolvedValueOnce("p-chosen-1");
    apiMock.saveReport.mockResolvedValueOnce("/home/office/есеп.xlsx");
    await user.click(screen.getByRole("button", { name: "Сақтау" }));
    await waitFor(() => expect(apiMock.saveReport).toHaveBeenLastCalledWith(report, "xlsx", { to: "file", path: "p-chosen-1" }));
    expect((await screen.findByRole("status")).textContent).not.toMatch(/Флешканы/);
  });

  it("runs the dashboard's period at once", async () => {
    apiMock.typedPeriod.mockResolvedValueOnce({ from: "2026-03-01", to: "2026-03-31" });
    apiMock.periodReport.mockResolvedValueOnce({ ...report, period: { from: "2026-03-01", to: "2026-03-31" } });
    render(ReportView, { props: { period: { from: "2026-03-01", to: "2026-03-31" }, onback: vi.fn() } });
    expect(await screen.findByText("01.03.2026 – 31.03.2026")).toBeInTheDocument();
    expect(apiMock.typedPeriod).toHaveBeenCalledWith("01.03.2026", "31.03.2026");
  });
});
