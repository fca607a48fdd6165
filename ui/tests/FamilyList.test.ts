import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FamilySummary } from "../src/lib/api";
import { apiMock, categories } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import FamilyList from "../src/views/FamilyList.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";
import { initialListState } from "../src/lib/listState";

function summary(n: number, extra: Partial<FamilySummary> = {}): FamilySummary {
  return {
    id: `f-${n}`,
    registry_no: n,
    head_name: `Серікова Әсел ${n}`,
    iin: null,
    birth_date: null,
    phone: "+77012345678",
    village: "Ақсу",
    size: 4,
    children: 2,
    category_ids: ["c-large"],
    status: "active",
    consent: "given",
    registered_on: "2025-02-01",
    ...extra,
  };
}

function setup() {
  const onopen = vi.fn();
  const list = initialListState();
  render(FamilyList, { props: { categories, list, onopen, onnew: vi.fn(), onduplicates: vi.fn() } });
  return { onopen, user: userEvent.setup() };
}

const lastQuery = () => apiMock.searchFamilies.mock.calls.at(-1)?.[0];

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("FamilyList", () => {
  it("shows each family's number, make-up, badges and categories", async () => {
    apiMock.searchFamilies.mockResolvedValue({
      items: [summary(1), summary(2, { status: "restored", consent: "pending" })],
      total: 2,
      more: false,
    });
    setup();
    expect(await screen.findByText("Барлығы: 2 отбасы")).toBeInTheDocument();
    const rows = document.querySelectorAll("#family-list tbody tr");
    expect(rows[0]?.textContent).toContain("4 адам, 2 бала");
    expect(rows[0]?.textContent).toContain("көпбалалы отбасы");
    expect(rows[0]?.querySelector("[data-badge=consent-pending]")).toBeNull();
    expect(rows[1]?.textContent).toContain("қалпына келтірілген");
    expect(rows[1]?.querySelector("[data-badge=consent-pending]")?.textContent).toBe("келісім жоқ");
    expect(lastQuery()).toMatchObject({ text: "", status: "current", sort: "name", descending: false, offset: 0 });
  });

  it("sends filters and sort order to the core and starts again from the first page", async () => {
    const { user } = setup();
    await waitFor(() => expect(apiMock.searchFamilies).toHaveBeenCalled());
    apiMock.searchFamilies.mockResolvedValue({ items: [summary(1)], total: 1, more: false });
    await user.selectOptions(document.getElementById("filter-category") as HTMLSelectElement, "c-large");
    await user.selectOptions(document.getElementById("filter-status") as HTMLSelectElement, "archived");
    await user.click(document.getElementById("filter-pending") as HTMLInputElement);
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({ category_id: "c-large", status: "archived", consent: "pending" }),
    );
    await user.click(await screen.findByRole("button", { name: /^№/ }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: "registry-no", descending: false }));
    await user.click(screen.getByRole("button", { name: /^№/ }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: "registry-no", descending: true }));
  });

  it("says when a search found more than it counts, and still pages on", async () => {
    apiMock.searchFamilies.mockResolvedValue({
      items: Array.from({ length: 50 }, (_, i) => summary(i + 1)),
      total: 1000,
      more: true,
    });
    const { user } = setup();
    expect(await screen.findByText(/^1\s?000-нан астам отбасы табылды. Іздеуді нақтылаңыз.$/)).toBeInTheDocument();
    expect(document.getElementById("page-last")).toBeDisabled();
    await user.click(document.getElementById("page-next") as HTMLButtonElement);
    await waitFor(() => expect(lastQuery()).toMatchObject({ offset: 50 }));
  });
});
