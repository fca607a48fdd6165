import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Campaign, Delivery } from "../src/lib/api";
import { apiMock, categories, validationError } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import DistributeDialog from "../src/views/campaigns/DistributeDialog.svelte";
import VolunteerForm from "../src/views/volunteers/VolunteerForm.svelte";
import CampaignPage from "../src/views/campaigns/CampaignPage.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";
import { followAppToday } from "../src/lib/today";

const campaign: Campaign = {
  id: "c-1",
  name: "Наурыз",
  name_ru: null,
  kind: "holiday",
  starts_on: null,
  ends_on: null,
  organiser_id: null,
  funding_source_id: null,
  description: null,
};

const el = (id: string) => document.getElementById(id) as HTMLInputElement;

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("DistributeDialog", () => {
  it("proposes a day inside the campaign and points out a day outside it", async () => {
    followAppToday("2026-11-20");
    const winter = { ...campaign, starts_on: "2027-01-10", ends_on: "2027-01-20" };
    render(DistributeDialog, { props: { campaign: winter, categories, onplanned: vi.fn(), onclose: vi.fn() } });
    const user = userEvent.setup();
    // Today is before the campaign: its first day is proposed, with no warning.
    expect(el("bulk-date").value).toBe("10.01.2027");
    expect(document.querySelector('[data-warning="outside-campaign"]')).toBeNull();
    await user.clear(el("bulk-date"));
    await user.type(el("bulk-date"), "25.01.2027");
    const warning = await waitFor(() => {
      const w = document.querySelector('#bulk-date-help [data-warning="outside-campaign"]');
      expect(w).not.toBeNull();
      return w!;
    });
    expect(warning.textContent).toContain("10.01.2027 – 20.01.2027");
    await user.clear(el("bulk-date"));
    await user.type(el("bulk-date"), "15.01.2027");
    await waitFor(() => expect(document.querySelector('[data-warning="outside-campaign"]')).toBeNull());
  });

  it("proposes today while the campaign runs, and its last day once it is over", async () => {
    followAppToday("2026-11-20");
    const running = { ...campaign, starts_on: "2026-11-01", ends_on: "2026-11-30" };
    const { unmount } = render(DistributeDialog, { props: { campaign: running, categories, onplanned: vi.fn(), onclose: vi.fn() } });
    expect(el("bulk-date").value).toBe("20.11.2026");
    unmount();
    const over = { ...campaign, starts_on: "2026-09-01", ends_on: "2026-09-15" };
    render(DistributeDialog, { props: { campaign: over, categories, onplanned: vi.fn(), onclose: vi.fn() } });
    expect(el("bulk-date").value).toBe("15.09.2026");
  });

  it("leaves already served families unticked, asks a reason if they are ticked, and plans the round", async () => {
    apiMock.bulkCandidates.mockResolvedValueOnce([
      { family_id: "f-1", registry_no: 1, head_name: "Әбенова Айгүл", village: "Ақсу", size: 4, served_on: null },
      { family_id: "f-2", registry_no: 2, head_name: "Бекова Айгүл", village: "Ақсу", size: 3, served_on: "2026-11-10" },
    ]);
    const onplanned = vi.fn();
    render(DistributeDialog, { props: { campaign, categories, onplanned, onclose: vi.fn() } });
    const user = userEvent.setup();
    await waitFor(() => expect(el("bulk-aid-type").value).toBe("a-basket"));
    await user.click(el("bulk-not-served"));
    await user.click(el("bulk-find"));
    expect(await screen.findByText("Таңдалды: 1 / 2")).toBeInTheDocument();
    expect(screen.getByText("алған: 10.11.2026")).toBeInTheDocument();
    expect(screen.queryByLabelText("Ережеден тыс беру себебі")).toBeNull();
    await user.click(screen.getByLabelText("Бекова Айгүл"));
    expect(screen.getByText(/Таңдалғандардың 1 отбасы/)).toBeInTheDocument();
    await user.type(el("bulk-override"), "Үйі өртенген");
    apiMock.bulkPlan.mockResolvedValueOnce({ planned: 2, skipped: [] });
    await user.click(screen.getByRole("button", { name: "Көмекті жоспарлау (2)" }));
    await waitFor(() => expect(onplanned).toHaveBeenCalledWith({ planned: 2, skipped: [] }));
    expect(apiMock.bulkPlan.mock.calls[0]?.[0]).toMatchObject({
      family_ids: ["f-1", "f-2"],
      rule_override: "Үйі өртенген",
      filter: { aid_type_id: "a-basket", campaign_id: "c-1", only_not_served: false },
    });
  });
});

describe("VolunteerForm", () => {
  it("fills in the birth date and sex from a valid IIN, as the family form does", async () => {
    const onsaved = vi.fn();
    apiMock.createVolunteer.mockImplementationOnce(async (input: unknown) => ({ id: "v-9", ...(input as object) }));
    render(VolunteerForm, { props: { onsaved, onclose: vi.fn() } });
    const user = userEvent.setup();
    await user.type(document.getElementById("vol-surname") as HTMLInputElement, "Ахметова");
    await user.type(document.getElementById("vol-name") as HTMLInputElement, "Айгерим");
    await user.type(document.getElementById("vol-iin") as HTMLInputElement, "850315400123");
    await waitFor(() => expect((document.getElementById("vol-birth-date") as HTMLInputElement).value).toBe("15.03.1985"));
    expect((document.getElementById("vol-sex") as HTMLSelectElement).value).toBe("female");
    expect(document.getElementById("vol-iin-prefilled")).not.toBeNull();
    await user.click(document.getElementById("vol-save") as HTMLButtonElement);
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(apiMock.createVolunteer.mock.calls[0]?.[0]).toMatchObject({ birth_date: "15.03.1985", sex: "female", iin: "850315400123" });
  });

  it("fills in nothing from an IIN whose digits are no date, and says so beside it", async () => {
    render(VolunteerForm, { props: { onsaved: vi.fn(), onclose: vi.fn() } });
    const user = userEvent.setup();
    await user.type(document.getElementById("vol-iin") as HTMLInputElement, "821315312347");
    await waitFor(() => expect(document.querySelector('#vol-iin-help [data-warning="impossible-date"]')).not.toBeNull());
    expect((document.getElementById("vol-sex") as HTMLSelectElement).value).toBe("");
    expect((document.getElementById("vol-birth-date") as HTMLInputElement).value).toBe("");
  });

  it("asks a civil servant's agency and shows the law's consent rule next to its box", async () => {
    const onsaved = vi.fn();
    render(VolunteerForm, { props: { onsaved, onclose: vi.fn() } });
    const user = userEvent.setup();
    await user.type(el("vol-surname"), "Серіков");
    await user.type(el("vol-name"), "Нұрлан");
    await user.type(el("vol-birth-date"), "01.01.2015");
    await user.click(el("vol-civil-servant"));
    apiMock.createVolunteer.mockRejectedValueOnce(
      validationError([
        { field: "agency", code: "required", params: {} },
        { field: "parental_consent", code: "volunteer-needs-consent", params: { age: "11", min: "14" } },
      ]),
    );
    await user.click(el("vol-save"));
    expect(await screen.findByText("Бұл өрісті толтырыңыз.")).toBeInTheDocument();
    expect(screen.getByText(/Ерікті 11 жаста: 14 жасқа толмаған ерікті тек ата-анасының жазбаша келісімімен/)).toBeInTheDocument();
    expect(onsaved).not.toHaveBeenCalled();
    expect(apiMock.createVolunteer.mock.calls[0]?.[0]).toMatchObject({ surname: "Серіков", birth_date: "01.01.2015", civil_servant: true, agency: null });
  });
});

describe("CampaignPage", () => {
  it("shows what a planned round is worth, and writes its list to a stick", async () => {
    const summary = {
      campaign: { ...campaign, name_ru: "Наурыз-ру" },
      families_reached: 0,
      delivered: 0,
      planned: 2,
      cancelled: 0,
      total_value: 0,
      planned_value: 40_000,
      by_aid_type: [],
      volunteers: 0,
      minutes: 0,
    };
    apiMock.campaignSummary.mockResolvedValue(summary);
    apiMock.campaignRound.mockResolvedValue([
      { id: "d-1", family_id: "f-1", registry_no: 1, head_name: "Әбенова Айгүл", aid_type_id: "a-basket", aid_names: { kk: "азық-түлік себеті", ru: "продуктовая корзина" }, unit: "set", quantity_milli: 1000, value: 20_000, on_date: "2026-11-20", status: "planned", receipt_signed: false } as unknown as Delivery,
    ]);
    apiMock.removableDrives.mockResolvedValue([{ token: "p-stick-k", name: "KINGSTON", mount_point: "/media/k", free_bytes: 1e9, total_bytes: 4e9 }]);
    apiMock.listSignatory.mockResolvedValue("Бөлім басшысы А.Б. Серіков");
    apiMock.saveDistributionList.mockResolvedValue("/media/k/Тізімдеме - Наурыз - 2026-11-20.pdf");
    render(CampaignPage, { props: { id: "c-1", categories, onback: vi.fn(), onopen: vi.fn() } });
    const user = userEvent.setup();
    await waitFor(() => expect(document.getElementById("fig-planned-value")?.textContent).toBe("жоспарда: 40\u00a0000\u00a0₸"));
    expect(el("fig-value").textContent).toBe("0\u00a0₸");
    await user.click(el("print-list"));
    await waitFor(() => expect(el("list-signatory").value).toBe("Бөлім басшысы А.Б. Серіков"));
    expect(el("list-language").textContent).toContain("қазақша");
    await waitFor(() => expect((document.getElementById("list-drive") as HTMLSelectElement).value).toBe("p-stick-k"));
    await user.click(el("list-write"));
    await waitFor(() => expect(apiMock.saveDistributionList).toHaveBeenCalledWith("c-1", null, false, "Бөлім басшысы А.Б. Серіков", { to: "folder", path: "p-stick-k" }));
    expect((await screen.findByRole("status")).textContent).toMatch(/Флешканы алуға болады/);
  });
});
