import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Family } from "../src/lib/api";
import { apiMock, delivery, family, validationError } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import AidHistory from "../src/views/aid/AidHistory.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

function stored(): Family {
  return family({
    members: [
      { id: "m-1", is_head: true, relation: null, surname: "Оспанова", name: "Гүлнар", patronymic: null, iin: null, birth_date: null, sex: "female", disability: null, pensioner: false, student: false, employment: null, phone: null },
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
}

function setup() {
  const onchanged = vi.fn();
  render(AidHistory, { props: { family: stored(), onchanged } });
  return { onchanged, user: userEvent.setup() };
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement;

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("AidHistory", () => {
  it("lists the aid with units, tenge and status, and totals what was delivered", async () => {
    apiMock.familyAid.mockResolvedValueOnce([
      delivery({ id: "d-2", status: "planned", on_date: "2026-12-01", aid_names: { kk: "азық-түлік себеті", ru: "продуктовая корзина" }, unit: "set", quantity_milli: 1000, value: 20000, receipt_signed: false }),
      delivery(),
    ]);
    setup();
    const rows = await screen.findAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[2]?.textContent).toContain("2,5\u00a0т");
    expect(rows[2]?.textContent).toContain("75\u00a0000\u00a0₸");
    expect(rows[2]?.textContent).toContain("табысталды");
    expect(within(rows[1] as HTMLElement).getByRole("button", { name: "Табысталды" })).toBeInTheDocument();
    expect(screen.getByText("Табысталған көмектің жалпы құны: 75 000 ₸")).toBeInTheDocument();
  });

  it("gives aid: shows the catalogue value, warns about the rule and asks for a reason", async () => {
    const { user, onchanged } = setup();
    await user.click(await screen.findByRole("button", { name: "Көмек беру" }));
    await waitFor(() => expect(apiMock.checkDelivery).toHaveBeenCalled());
    expect(await screen.findByText("Бос қалса, анықтамалықтағы бағамен есептеледі: 20 000 ₸")).toBeInTheDocument();
    // The hidden type is not offered.
    expect(screen.queryByRole("option", { name: "ескі түр" })).toBeNull();

    apiMock.checkDelivery.mockResolvedValue({ value: 30000, hits: [{ delivery_id: "d-1", on_date: "2026-10-12", status: "delivered" }] });
    await user.selectOptions(field("aid-type"), "a-coal");
    expect(await screen.findByText(/Бұл отбасы бұл көмекті 12.10.2026 күні алған. Ереже: жылыту маусымында бір рет./)).toBeInTheDocument();
    apiMock.recordDelivery.mockRejectedValueOnce(validationError([{ field: "rule_override", code: "aid-too-soon", params: { date: "12.10.2026", status: "delivered" } }]));
    await user.click(field("aid-save"));
    expect(await screen.findByText(/Бәрібір беру үшін себебін жазыңыз/)).toBeInTheDocument();

    apiMock.recordDelivery.mockResolvedValueOnce(delivery({ id: "d-3" }));
    await user.type(field("aid-override"), "Су басып кетті");
    await user.clear(field("aid-quantity"));
    await user.type(field("aid-quantity"), "1,5");
    await user.click(field("aid-save"));
    await waitFor(() => expect(apiMock.recordDelivery).toHaveBeenCalledTimes(2));
    const sent = apiMock.recordDelivery.mock.calls[1]?.[0];
    expect(sent).toMatchObject({ family_id: "f-1", aid_type_id: "a-coal", quantity: "1,5", rule_override: "Су басып кетті", delivered: true, funding_source_id: "s-budget", value: null });
    expect(await screen.findByText("Көмек жазылды.")).toBeInTheDocument();
    expect(onchanged).toHaveBeenCalled();
  });

  it("cancels planned aid only with a reason", async () => {
    apiMock.familyAid.mockResolvedValue([delivery({ status: "planned", receipt_signed: false })]);
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Болдырмау" }));
    apiMock.cancelAid.mockRejectedValueOnce(validationError([{ field: "reason", code: "required", params: {} }]));
    await user.click(field("cancel-confirm"));
    expect(await screen.findByText("Бұл өрісті толтырыңыз.")).toBeInTheDocument();
    apiMock.cancelAid.mockResolvedValueOnce(delivery({ status: "cancelled", cancel_reason: "Көшіп кетті" }));
    apiMock.familyAid.mockResolvedValue([delivery({ status: "cancelled", cancel_reason: "Көшіп кетті" })]);
    await user.type(field("cancel-reason"), "Көшіп кетті");
    await user.click(field("cancel-confirm"));
    await waitFor(() => expect(apiMock.cancelAid).toHaveBeenLastCalledWith("d-1", "Көшіп кетті"));
    expect(await screen.findByText("Себебі: Көшіп кетті")).toBeInTheDocument();
  });
});
