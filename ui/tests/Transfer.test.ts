import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Arriving } from "../src/lib/api";
import { ProblemError } from "../src/lib/api";
import { apiMock } from "./fakeApi";

const problem = (code: string) => new ProblemError({ code, params: {}, fields: [] } as never);

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import ReceiveFamily from "../src/views/transfer/ReceiveFamily.svelte";
import SendFamily from "../src/views/transfer/SendFamily.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

const arriving: Arriving = {
  from: { id: "o-1", names: { kk: "Ақсу а/о", ru: "с/о Аксу" }, level: "okrug", kato: "515230100", parent_id: null },
  made_at: "2026-11-20T09:00:00Z",
  reason: "Шымкентке көшті",
  head: "Көшпенова Әлия",
  members: 2,
  deliveries: 5,
  history: 9,
  matches: [],
};

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("receiving a family", () => {
  it("opens the file with its passphrase, shows what it holds and takes it in", async () => {
    apiMock.transferFiles.mockResolvedValueOnce([{ token: "t-1", name: "family-7-2026-11-20.meirim-family", drive: "KINGSTON" }]);
    apiMock.transferPreview.mockResolvedValueOnce(arriving);
    apiMock.transferReceive.mockResolvedValueOnce("f-new");
    const onopen = vi.fn();
    render(ReceiveFamily, { props: { onback: vi.fn(), onopen } });
    const user = userEvent.setup();
    await screen.findByText(/family-7-2026-11-20/);
    await user.type(screen.getByLabelText(/Файлдың құпия сөзі/), "көктем-2026-жыл");
    await user.click(screen.getByRole("button", { name: "Файлды ашу" }));
    expect(await screen.findByText("Көшпенова Әлия")).toBeInTheDocument();
    expect(screen.getByText(/2 мүше, 5 көмек жазбасы/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Отбасын қабылдау" }));
    await waitFor(() => expect(apiMock.transferReceive).toHaveBeenCalledWith("t-1", "көктем-2026-жыл", null));
    expect(onopen).toHaveBeenCalledWith("f-new");
  });

  it("never makes a second family: the history goes to the one here that shares an IIN", async () => {
    apiMock.transferFiles.mockResolvedValueOnce([{ token: "t-1", name: "family-7.meirim-family", drive: null }]);
    apiMock.transferPreview.mockResolvedValueOnce({ ...arriving, matches: [{ family_id: "f-31", registry_no: 31, head: "Көшпенова Әлия", shared_iins: 2 }] });
    apiMock.transferReceive.mockResolvedValueOnce("f-31");
    render(ReceiveFamily, { props: { onback: vi.fn(), onopen: vi.fn() } });
    const user = userEvent.setup();
    await screen.findByText(/family-7/);
    await user.type(screen.getByLabelText(/Файлдың құпия сөзі/), "көктем-2026-жыл");
    await user.click(screen.getByRole("button", { name: "Файлды ашу" }));
    expect(await screen.findByText(/Екінші отбасы жасалмайды/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Отбасын қабылдау" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Тарихты осы отбасыға қосу" }));
    await waitFor(() => expect(apiMock.transferReceive).toHaveBeenCalledWith("t-1", "көктем-2026-жыл", "f-31"));
  });

  it("says a wrong passphrase in words", async () => {
    apiMock.transferFiles.mockResolvedValueOnce([{ token: "t-1", name: "family-7.meirim-family", drive: null }]);
    apiMock.transferPreview.mockRejectedValueOnce(problem("backup-wrong-passphrase"));
    render(ReceiveFamily, { props: { onback: vi.fn(), onopen: vi.fn() } });
    const user = userEvent.setup();
    await screen.findByText(/family-7/);
    await user.type(screen.getByLabelText(/Файлдың құпия сөзі/), "қате");
    await user.click(screen.getByRole("button", { name: "Файлды ашу" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Құпия сөз қате/);
  });
});

describe("sending a family", () => {
  it("needs the passphrase twice and sends with the reason", async () => {
    apiMock.transferFamily.mockResolvedValueOnce("/data/documents/family-7-2026-11-20.meirim-family");
    const onsent = vi.fn();
    render(SendFamily, { props: { familyId: "f-7", registryNo: 7, onclose: vi.fn(), onsent } });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Себебі/), "Шымкентке көшті");
    await user.type(screen.getByLabelText(/Файлдың құпия сөзі/), "көктем-2026-жыл");
    await user.type(screen.getByLabelText("Құпия сөз тағы бір рет"), "көктем-2026");
    const send = screen.getByRole("button", { name: "Файлды жазу" });
    expect(send).toBeDisabled();
    await user.type(screen.getByLabelText("Құпия сөз тағы бір рет"), "-жыл");
    await waitFor(() => expect(send).toBeEnabled());
    await user.click(send);
    await waitFor(() => expect(apiMock.transferFamily).toHaveBeenCalledWith("f-7", "Шымкентке көшті", "көктем-2026-жыл", { to: "documents" }));
    expect(onsent).toHaveBeenCalledWith("/data/documents/family-7-2026-11-20.meirim-family");
  });
});
