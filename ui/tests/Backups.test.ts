import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LocalBackup, RestoreCandidate } from "../src/lib/api";
import { apiMock } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import BackupsView from "../src/views/backups/BackupsView.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

const contents = (families: number) => ({
  schema_version: 5,
  office: "",
  families,
  members: families * 4,
  deliveries: 40,
  volunteers: 6,
  newest_change: "2026-11-23T09:00:00Z",
});
const daily: LocalBackup = {
  path: "/data/backups/meirim-2026-11-23T09-00-00Z-daily.sqlite3",
  file_name: "meirim-2026-11-23T09-00-00Z-daily.sqlite3",
  kind: "daily",
  created_at: "2026-11-23T09:00:00Z",
  size: 524_288,
  contents: contents(20),
};

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("BackupsView", () => {
  it("refuses a short or mistyped passphrase before anything is written", async () => {
    const user = userEvent.setup();
    render(BackupsView, {});
    await user.type(document.querySelector<HTMLInputElement>("#backup-passphrase")!, "qysqa");
    await user.click(document.querySelector<HTMLButtonElement>("#backup-seal")!);
    expect(document.querySelector("#backup-seal-error")!.textContent).toContain("кемінде 8 таңба");
    await user.type(document.querySelector<HTMLInputElement>("#backup-passphrase")!, " ұзын сөз");
    await user.type(document.querySelector<HTMLInputElement>("#backup-passphrase2")!, "басқа сөз бар");
    await user.click(document.querySelector<HTMLButtonElement>("#backup-seal")!);
    expect(document.querySelector("#backup-seal-error")!.textContent).toContain("бірдей емес");
    expect(apiMock.backupSeal).not.toHaveBeenCalled();
    await user.clear(document.querySelector<HTMLInputElement>("#backup-passphrase2")!);
    await user.type(document.querySelector<HTMLInputElement>("#backup-passphrase2")!, "qysqa ұзын сөз");
    apiMock.backupSeal.mockResolvedValue("/media/KINGSTON/meirim.meirim-backup");
    await user.click(document.querySelector<HTMLButtonElement>("#backup-seal")!);
    expect(apiMock.backupSeal).toHaveBeenCalledWith("qysqa ұзын сөз", { to: "documents" });
    await screen.findByText(/Шифрланған көшірме жазылды және тексерілді/);
  });

  it("shows what a backup holds beside today's data, and restores only on confirm", async () => {
    const user = userEvent.setup();
    apiMock.backupsList.mockResolvedValue([daily]);
    const candidate: RestoreCandidate = { staged: "/data/restore/staged.sqlite3", backup: contents(20), current: contents(21), manifest: null, migrated_from: null, destroyed_again: 2 };
    apiMock.backupInspect.mockResolvedValue(candidate);
    apiMock.backupRestore.mockResolvedValue(null);
    render(BackupsView, {});
    await waitFor(() => expect(document.querySelector("[data-restore-local='0']")).not.toBeNull());
    const restoreLocal = document.querySelector<HTMLButtonElement>("[data-restore-local='0']")!;
    expect(screen.getByText("Күнделікті")).toBeTruthy();
    await user.click(restoreLocal);
    expect(apiMock.backupInspect).toHaveBeenCalledWith({ from: "local", path: daily.path });
    await waitFor(() => expect(document.querySelector("#restore-backup-families")!.textContent).toBe("20"));
    // Families destroyed since the backup was made are destroyed in it again, and it says so.
    expect(document.querySelector("#restore-destroyed-again")!.textContent).toMatch(/жойылған 2 отбасы көшірмеде де қайта жойылды/);
    expect(apiMock.backupRestore).not.toHaveBeenCalled();
    await user.click(document.querySelector<HTMLButtonElement>("#restore-confirm")!);
    expect(apiMock.backupRestore).toHaveBeenCalledWith(candidate);
  });

  it("on a damaged registry offers only the restore", async () => {
    apiMock.backupsList.mockResolvedValue([daily]);
    render(BackupsView, { damaged: true });
    await waitFor(() => expect(document.querySelector("[data-restore-local='0']")).not.toBeNull());
    expect(document.querySelector("#backup-now")).toBeNull();
    expect(document.querySelector("#backup-seal")).toBeNull();
    expect(apiMock.backupRetention).not.toHaveBeenCalled();
    expect(screen.getByText(/бүлінген файл жойылмайды/)).toBeTruthy();
  });

  it("shows the check's progress and a wrong passphrase beside the restore from a file, not at the top", async () => {
    const user = userEvent.setup();
    apiMock.backupFiles.mockResolvedValue([{ token: "p-backup-1", name: "meirim.meirim-backup", drive: "STICK" }]);
    let answer: (v: unknown) => void = () => {};
    apiMock.backupInspect.mockImplementationOnce(() => new Promise((_, reject) => (answer = reject)));
    render(BackupsView, {});
    await user.click(await screen.findByLabelText(/meirim\.meirim-backup/));
    await user.type(document.querySelector<HTMLInputElement>("#restore-passphrase")!, "қате құпия сөз");
    await user.click(document.querySelector<HTMLButtonElement>("#restore-inspect")!);
    // While the backup is checked (seconds on a large registry), the user sees it working.
    const working = await screen.findByRole("status");
    expect(working.textContent).toContain("Көшірме тексерілуде");
    expect(working.querySelector("progress")).not.toBeNull();
    const inspectRow = document.querySelector("#restore-inspect")!.closest(".row")!;
    expect(inspectRow.compareDocumentPosition(working) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const { ProblemError } = await import("../src/lib/problem");
    answer(new ProblemError({ code: "backup-wrong-passphrase", params: {}, fields: [] }));
    const problem = await screen.findByRole("alert");
    expect(problem.id).toBe("backup-problem");
    expect(problem.textContent).toMatch(/Құпия сөз қате/);
    // Right under the row with the passphrase, after the seal and local sections.
    expect(inspectRow.compareDocumentPosition(problem) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(document.querySelector("#backup-seal")!.compareDocumentPosition(problem) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });
});
