import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Campaign } from "../src/lib/api";
import { apiMock, categories, validationError } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import DistributeDialog from "../src/views/campaigns/DistributeDialog.svelte";
import VolunteerForm from "../src/views/volunteers/VolunteerForm.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

const campaign: Campaign = {
  id: "c-1",
  name: "Наурыз",
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
