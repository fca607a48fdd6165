import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppStatus, Dashboard as Data } from "../src/lib/api";
import { apiMock } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import Dashboard from "../src/views/dashboard/Dashboard.svelte";
import { aidSeries, monthOf, niceTop } from "../src/views/dashboard/dashboardData";
import { setLanguage } from "../src/lib/i18n.svelte";

const year = { from: "2026-01-01", to: "2026-12-31" };
const month = { from: "2026-11-01", to: "2026-11-30" };
const data: Data = {
  today: "2026-11-23",
  month,
  year,
  families_current: 412,
  families_helped_month: 37,
  families_helped_year: 298,
  value_month: 1_250_000,
  value_year: 18_400_500,
  volunteers_year: 64,
  letters_year: 120,
  registered_year: 51,
  aid_by_month: [
    { aid_type_id: "a-coal", names: { kk: "көмір", ru: "уголь" }, values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 900_000, 400_000, 0] },
    { aid_type_id: "a-none", names: { kk: "киім", ru: "одежда" }, values: Array(12).fill(0) },
  ],
  categories: [
    { category_id: "c-large", names: { kk: "көпбалалы отбасы", ru: "многодетная семья" }, families: 140 },
    { category_id: "c-low", names: { kk: "аз қамтылған отбасы", ru: "малообеспеченная семья" }, families: 95 },
  ],
  top_villages: [
    { village: "Ақсу", families: 120 },
    { village: "Қарабұлақ", families: 80 },
  ],
};

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("dashboard data", () => {
  it("keeps only aid types that were given and names months' first and last days", () => {
    const sets = aidSeries(data.aid_by_month, (n) => n.kk);
    expect(sets.map((s) => s.label)).toEqual(["көмір"]);
    expect(monthOf(year, 1)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthOf({ from: "2028-01-01", to: "2028-12-31" }, 1)).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthOf(year, 11)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("end the value axis at four round steps above the largest bar", () => {
    expect(niceTop(0)).toBe(4);
    expect(niceTop(3)).toBe(4);
    expect(niceTop(7)).toBe(8);
    expect(niceTop(140)).toBe(160);
    expect(niceTop(412)).toBe(600);
    expect(niceTop(900_000)).toBe(1_000_000);
    expect(niceTop(18_400_500)).toBe(20_000_000);
  });
});

describe("Dashboard", () => {
  it("shows this month's and year's figures, and each opens the list or report behind it", async () => {
    apiMock.dashboard.mockResolvedValueOnce(data);
    const onopen = vi.fn();
    render(Dashboard, { props: { onopen } });
    const user = userEvent.setup();
    const helped = await screen.findByRole("button", { name: /Көмек алған отбасылар · Осы жыл/ });
    expect(helped.textContent).toContain("298");
    expect(screen.getByText("23.11.2026 күнгі жағдай")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Берілген көмектің құны · Осы ай/ }).textContent).toContain("1\u00a0250\u00a0000\u00a0₸");
    await user.click(helped);
    expect(onopen).toHaveBeenLastCalledWith({ to: "families", helped: year });
    await user.click(screen.getByRole("button", { name: /Көмек алған отбасылар · Осы ай/ }));
    expect(onopen).toHaveBeenLastCalledWith({ to: "families", helped: month });
    await user.click(screen.getByRole("button", { name: /Берілген көмектің құны · Осы жыл/ }));
    expect(onopen).toHaveBeenLastCalledWith({ to: "report", period: year });
    await user.click(screen.getByRole("button", { name: /Жаңадан тіркелген/ }));
    expect(onopen).toHaveBeenLastCalledWith({ to: "families", registered: year });
    await user.click(screen.getByRole("button", { name: /алғыс хаттар/i }));
    expect(onopen).toHaveBeenLastCalledWith({ to: "letters" });
  });

  it("opens a category's families and a village's helped families from the tables under the charts", async () => {
    apiMock.dashboard.mockResolvedValueOnce(data);
    const onopen = vi.fn();
    render(Dashboard, { props: { onopen } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "көпбалалы отбасы" }));
    expect(onopen).toHaveBeenLastCalledWith({ to: "families", categoryId: "c-large" });
    await user.click(screen.getByRole("button", { name: "Қарабұлақ" }));
    expect(onopen).toHaveBeenLastCalledWith({ to: "families", village: "Қарабұлақ", helped: year });
  });

  it("draws its charts as bars to click: a month opens its report, a category its families", async () => {
    apiMock.dashboard.mockResolvedValueOnce(data);
    const onopen = vi.fn();
    render(Dashboard, { props: { onopen } });
    const user = userEvent.setup();
    const months = await waitFor(() => {
      const bars = document.querySelectorAll<HTMLButtonElement>("#chart-aid button.vbar");
      expect(bars).toHaveLength(12);
      return bars;
    });
    // October's stack: coal only, 900 000 ₸, said in the bar's tooltip; the axis ends at a round 1 000 000.
    expect(months[9]!.title).toContain("көмір: 900\u00a0000\u00a0₸");
    expect(months[9]!.querySelectorAll(".seg")).toHaveLength(1);
    expect(months[0]!.querySelectorAll(".seg")).toHaveLength(0);
    expect(document.querySelector("#chart-aid .axis")!.textContent).toContain("1\u00a0000\u00a0000\u00a0₸");
    await user.click(months[9]!);
    expect(onopen).toHaveBeenLastCalledWith({ to: "report", period: monthOf(year, 9) });
    const categories = document.querySelectorAll<HTMLButtonElement>("#chart-categories button.hbar");
    expect(categories).toHaveLength(2);
    expect(categories[0]!.textContent).toContain("140");
    await user.click(categories[1]!);
    expect(onopen).toHaveBeenLastCalledWith({ to: "families", categoryId: "c-low" });
    // A single series has no legend; the stacked one names its aid types.
    expect(document.querySelector("#chart-categories .legend")).toBeNull();
  });

  it("says so when no aid was given this year, and shows the error when the figures cannot be read", async () => {
    apiMock.dashboard.mockResolvedValueOnce({ ...data, aid_by_month: [], top_villages: [], families_helped_year: 0 });
    render(Dashboard, { props: { onopen: vi.fn() } });
    expect(await screen.findAllByText("Биыл әлі көмек берілмеген.")).toHaveLength(2);
    const { ProblemError } = await import("../src/lib/problem");
    apiMock.dashboard.mockRejectedValueOnce(new ProblemError({ code: "storage", params: { reason: "disk I/O error" }, fields: [] }));
    await userEvent.setup().click(screen.getByRole("button", { name: "Жаңарту" }));
    await waitFor(() => expect(screen.getByRole("alert")).toBeInTheDocument());
  });
});

describe("the automatic backups' warning", () => {
  it("says on the home screen that the last automatic backup failed, and goes when one works", async () => {
    const { watchAppStatus } = await import("../src/lib/appStatus.svelte");
    let tell: (s: AppStatus) => void = () => {};
    apiMock.watchStatus.mockImplementationOnce(async (onChange: (s: AppStatus) => void) => {
      tell = onChange;
      return {
        checking: false,
        damaged: false,
        backup_running: false,
        backup_failure: {
          at: "2026-11-23T04:10:00.000Z",
          problem: { code: "backup-write-failed" as const, params: { path: "/data/backups", reason: "No space left on device" }, fields: [] },
        },
      };
    });
    apiMock.dashboard.mockResolvedValue(structuredClone(data));
    const ondamaged = vi.fn();
    await watchAppStatus(ondamaged);
    const onopen = vi.fn();
    render(Dashboard, { props: { onopen } });
    const banner = await screen.findByText(/Автоматты сақтық көшірме жасалмады/);
    expect(banner.textContent).toContain("No space left on device");
    expect(document.getElementById("backup-failed")!.textContent).toContain("meirim.log");
    await userEvent.setup().click(document.getElementById("backup-failed-open")!);
    expect(onopen).toHaveBeenCalledWith({ to: "backups" });
    tell({ checking: false, damaged: false, backup_running: false, backup_failure: null });
    await waitFor(() => expect(document.getElementById("backup-failed")).toBeNull());
    expect(ondamaged).not.toHaveBeenCalled();
    // The start-up check finding the registry damaged brings the restore screen.
    tell({ checking: false, damaged: true, backup_running: false, backup_failure: null });
    expect(ondamaged).toHaveBeenCalledOnce();
  });
});

describe("the first steps", () => {
  it("tell a new office what to do instead of showing zeros, each with its button", async () => {
    apiMock.dashboard.mockResolvedValue({ ...structuredClone(data), families_current: 0, families_helped_month: 0, families_helped_year: 0 });
    apiMock.firstSteps.mockResolvedValueOnce({ operator: false, letterhead: false, families: 0 });
    const onopen = vi.fn();
    render(Dashboard, { props: { onopen } });
    const card = await screen.findByText("Бастау үшін");
    expect(card).toBeInTheDocument();
    // No figures and no empty charts on an empty registry.
    expect(document.getElementById("figure-families-current")).toBeNull();
    expect(document.querySelector("canvas")).toBeNull();
    const user = userEvent.setup();
    await user.click(document.getElementById("step-letterhead")!);
    expect(onopen).toHaveBeenLastCalledWith({ to: "letterhead" });
    await user.click(document.getElementById("step-new-family")!);
    expect(onopen).toHaveBeenLastCalledWith({ to: "new-family" });
    await user.click(document.getElementById("step-import")!);
    expect(onopen).toHaveBeenLastCalledWith({ to: "import" });
    expect(document.getElementById("step-operator")).not.toBeNull();
  });

  it("stay above the figures until the letterhead is written, and go once everything is done", async () => {
    apiMock.dashboard.mockResolvedValue(structuredClone(data));
    apiMock.firstSteps.mockResolvedValueOnce({ operator: true, letterhead: false, families: 412 });
    const { unmount } = render(Dashboard, { props: { onopen: vi.fn() } });
    await screen.findByText("Бастау үшін");
    expect(document.querySelector('[data-step="families"]')!.classList.contains("done")).toBe(true);
    expect(document.getElementById("figure-families-current")).not.toBeNull();
    unmount();
    apiMock.firstSteps.mockResolvedValueOnce({ operator: false, letterhead: true, families: 412 });
    // The operator was just set in the header: nothing left to do.
    render(Dashboard, { props: { onopen: vi.fn(), operatorSet: true } });
    await waitFor(() => expect(document.getElementById("figure-families-current")).not.toBeNull());
    expect(document.getElementById("first-steps")).toBeNull();
  });
});
