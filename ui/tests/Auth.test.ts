import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../src/lib/api";
import { ProblemError } from "../src/lib/problem";
import { apiMock } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import SignIn from "../src/views/auth/SignIn.svelte";
import LockScreen from "../src/views/auth/LockScreen.svelte";
import CreateAdministrator from "../src/views/auth/CreateAdministrator.svelte";
import RecoverySheet from "../src/views/auth/RecoverySheet.svelte";
import AccountsView from "../src/views/accounts/AccountsView.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";

const me: Me = {
  account: {
    id: "a1",
    login: "aigerim",
    full_name: "Сапарова Әйгерім",
    role: "administrator",
    created_at: "2026-12-05T09:00:00Z",
    disabled: false,
    must_change_password: false,
  },
  locked: false,
  idle_minutes: 10,
};
const problem = (code: string, params: Record<string, string> = {}) => new ProblemError({ code, params, fields: [] } as never);

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("SignIn", () => {
  it("says a wrong password and the wait, clears the password, and signs in", async () => {
    const user = userEvent.setup();
    const onsigned = vi.fn();
    const onblocked = vi.fn();
    render(SignIn, { props: { onsigned, onforgot: vi.fn(), onblocked } });
    apiMock.authSignIn.mockRejectedValueOnce(problem("sign-in-wrong"));
    await user.type(document.querySelector<HTMLInputElement>("#sign-in-login")!, "aigerim");
    await user.type(document.querySelector<HTMLInputElement>("#sign-in-password")!, "қате");
    await user.click(document.querySelector<HTMLButtonElement>("#sign-in-submit")!);
    expect((await screen.findByRole("alert")).textContent).toContain("Кіру аты немесе құпия сөз қате");
    expect(document.querySelector<HTMLInputElement>("#sign-in-password")!.value).toBe("");
    apiMock.authSignIn.mockRejectedValueOnce(problem("sign-in-wait", { seconds: "8" }));
    await user.type(document.querySelector<HTMLInputElement>("#sign-in-password")!, "тағы қате");
    await user.click(document.querySelector<HTMLButtonElement>("#sign-in-submit")!);
    expect((await screen.findByRole("alert")).textContent).toContain("8 секундтан кейін");
    apiMock.authSignIn.mockResolvedValueOnce(me);
    await user.type(document.querySelector<HTMLInputElement>("#sign-in-password")!, "көктем-2026");
    await user.click(document.querySelector<HTMLButtonElement>("#sign-in-submit")!);
    expect(apiMock.authSignIn).toHaveBeenLastCalledWith("aigerim", "көктем-2026");
    expect(onsigned).toHaveBeenCalledWith(me);
    expect(onblocked).not.toHaveBeenCalled();
  });

  it("hands a registry that will not open to the window instead of a message", async () => {
    const user = userEvent.setup();
    const onblocked = vi.fn();
    render(SignIn, { props: { onsigned: vi.fn(), onforgot: vi.fn(), onblocked } });
    apiMock.authSignIn.mockRejectedValueOnce(problem("db-damaged", { reason: "x", path: "p" }));
    await user.type(document.querySelector<HTMLInputElement>("#sign-in-login")!, "aigerim");
    await user.type(document.querySelector<HTMLInputElement>("#sign-in-password")!, "көктем-2026");
    await user.click(document.querySelector<HTMLButtonElement>("#sign-in-submit")!);
    await vi.waitFor(() => expect(onblocked).toHaveBeenCalled());
    expect(document.querySelector("#sign-in-error")).toBeNull();
  });
});

describe("LockScreen", () => {
  it("names who is locked out and opens only with their password", async () => {
    const user = userEvent.setup();
    const onunlocked = vi.fn();
    render(LockScreen, { props: { who: { ...me, locked: true }, onunlocked, onsignout: vi.fn() } });
    expect(document.querySelector("#lock-screen")!.textContent).toContain("Сапарова Әйгерім, жалғастыру үшін");
    apiMock.authUnlock.mockRejectedValueOnce(problem("sign-in-wrong"));
    await user.type(document.querySelector<HTMLInputElement>("#lock-password")!, "қате");
    await user.click(document.querySelector<HTMLButtonElement>("#lock-unlock")!);
    expect((await screen.findByRole("alert")).textContent).toContain("құпия сөз қате");
    expect(onunlocked).not.toHaveBeenCalled();
    apiMock.authUnlock.mockResolvedValueOnce(me);
    await user.type(document.querySelector<HTMLInputElement>("#lock-password")!, "көктем-2026");
    await user.click(document.querySelector<HTMLButtonElement>("#lock-unlock")!);
    expect(onunlocked).toHaveBeenCalledWith(me);
  });
});

describe("First start", () => {
  it("says how many families will be encrypted and shows the key until it is kept", async () => {
    const user = userEvent.setup();
    const oncreated = vi.fn();
    render(CreateAdministrator, { props: { families: 412, oncreated } });
    expect(document.querySelector("#create-existing")!.textContent).toContain("412 отбасы");
    apiMock.authCreateAdministrator.mockRejectedValueOnce(problem("password-too-short", { min: "8" }));
    await user.type(document.querySelector<HTMLInputElement>("#admin-full-name")!, "Сапарова Әйгерім");
    await user.type(document.querySelector<HTMLInputElement>("#admin-login")!, "aigerim");
    await user.type(document.querySelector<HTMLInputElement>("#admin-password")!, "қысқа");
    await user.type(document.querySelector<HTMLInputElement>("#admin-password-again")!, "қысқа");
    await user.click(document.querySelector<HTMLButtonElement>("#create-submit")!);
    expect((await screen.findByRole("alert")).textContent).toContain("кемінде 8 таңба");
    expect(oncreated).not.toHaveBeenCalled();

    const ondone = vi.fn();
    render(RecoverySheet, { props: { sheet: { key: "0123-4567-89AB-CDEF", office: "Ақсу", created_at: "2026-12-05" }, ondone } });
    expect(document.querySelector("#recovery-key")!.textContent).toBe("0123-4567-89AB-CDEF");
    const go = document.querySelector<HTMLButtonElement>("#recovery-continue")!;
    expect(go.disabled).toBe(true);
    await user.click(document.querySelector<HTMLInputElement>("#recovery-kept")!);
    await user.click(go);
    expect(ondone).toHaveBeenCalled();
  });
});

describe("AccountsView", () => {
  it("adds a worker with a role and says to hand over the temporary password", async () => {
    const user = userEvent.setup();
    apiMock.accountAdd.mockResolvedValueOnce({ ...me.account, id: "a2", login: "dana", full_name: "Омарова Дана", role: "viewer", must_change_password: true });
    render(AccountsView, {});
    await user.type(document.querySelector<HTMLInputElement>("#new-full-name")!, "Омарова Дана");
    await user.type(document.querySelector<HTMLInputElement>("#new-login")!, "dana");
    await user.selectOptions(document.querySelector<HTMLSelectElement>("#new-role")!, "viewer");
    await user.type(document.querySelector<HTMLInputElement>("#new-password")!, "уақытша-2026");
    await user.click(document.querySelector<HTMLButtonElement>("#account-add-submit")!);
    expect(apiMock.accountAdd).toHaveBeenCalledWith({ login: "dana", full_name: "Омарова Дана", role: "viewer", password: "уақытша-2026" });
    expect((await screen.findByText(/Омарова Дана қосылды/)).textContent).toContain("Уақытша құпия сөзді");
  });

  it("changes the registry's key only after a warning, and shows the new recovery sheet", async () => {
    const user = userEvent.setup();
    apiMock.registryChangeKey.mockResolvedValueOnce({ key: "AAAA-BBBB-CCCC-DDDD", office: "", created_at: "2026-12-05" });
    render(AccountsView, {});
    await user.click(document.querySelector<HTMLButtonElement>("#change-key")!);
    expect(document.querySelector("#change-key-warning")!.textContent).toContain("келесі кіргенде аяқталады");
    expect(apiMock.registryChangeKey).not.toHaveBeenCalled();
    await user.click(document.querySelector<HTMLButtonElement>("#change-key-confirm")!);
    expect(apiMock.registryChangeKey).toHaveBeenCalledTimes(1);
    expect((await screen.findByText("AAAA-BBBB-CCCC-DDDD")).id).toBe("recovery-key");
  });
});
