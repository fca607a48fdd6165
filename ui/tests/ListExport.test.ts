import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ExportProgress } from "../src/lib/api";
import { apiMock } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import ListExport from "../src/views/reports/ListExport.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("ListExport", () => {
  it("refuses until the user confirms the list carries personal data", async () => {
    render(ListExport);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Экспорттау" }));
    expect(document.querySelector("[data-error-for='list-personal-data']")).toBeInTheDocument();
    expect(apiMock.exportList).not.toHaveBeenCalled();
  });

  it("exports with IINs only when asked, shows progress with a cancel, then where the file went", async () => {
    let report: (p: ExportProgress) => void = () => {};
    let finish: (v: { path: string; rows: number }) => void = () => {};
    apiMock.exportList.mockImplementationOnce((_k, _o, _f, _t, onProgress: (p: ExportProgress) => void) => {
      report = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    render(ListExport);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText("ЖСН-ді қосу"));
    await user.click(screen.getByLabelText(/дербес деректер бар екенін түсінемін/));
    await user.click(screen.getByRole("button", { name: "Экспорттау" }));
    await waitFor(() =>
      expect(apiMock.exportList).toHaveBeenCalledWith("families", { personal_data: true, with_iin: true }, "xlsx", { to: "documents" }, expect.any(Function)),
    );
    report({ phase: "writing", done: 4000, total: 10000 });
    const bar = await screen.findByRole("status");
    expect(bar.textContent).toMatch(/4\s000 \/ 10\s000 жол/);
    expect((bar.querySelector("progress") as HTMLProgressElement).value).toBe(40);
    await user.click(screen.getByRole("button", { name: "Бас тарту" }));
    expect(apiMock.cancelExport).toHaveBeenCalled();
    finish({ path: "/data/documents/families-2026-11-23.xlsx", rows: 10000 });
    expect(await screen.findByText(/аудит журналына жазылды/)).toBeInTheDocument();
  });

  it("never sends IINs with deliveries, which have none", async () => {
    apiMock.exportList.mockResolvedValueOnce({ path: "/x/deliveries.csv", rows: 3 });
    render(ListExport);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText("ЖСН-ді қосу"));
    await user.selectOptions(screen.getByLabelText("Тізім"), "deliveries");
    expect(screen.getByLabelText("ЖСН-ді қосу")).toBeDisabled();
    await user.selectOptions(document.getElementById("list-format")!, "csv");
    await user.click(screen.getByLabelText(/дербес деректер бар екенін түсінемін/));
    await user.click(screen.getByRole("button", { name: "Экспорттау" }));
    await waitFor(() =>
      expect(apiMock.exportList).toHaveBeenCalledWith("deliveries", { personal_data: true, with_iin: false }, "csv", { to: "documents" }, expect.any(Function)),
    );
  });
});
