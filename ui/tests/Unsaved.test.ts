import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { categories, oblasts } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import FamilyForm from "../src/views/FamilyForm.svelte";
import VolunteerForm from "../src/views/volunteers/VolunteerForm.svelte";
import LeaveDialog from "../src/components/LeaveDialog.svelte";
import { setLanguage } from "../src/lib/i18n.svelte";
import { mayLeave } from "../src/lib/unsaved.svelte";

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const button = (id: string) => document.getElementById(id) as HTMLButtonElement;

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("unsaved input", () => {
  it("is not thrown away by «Бас тарту» without a question, and the answer is obeyed", async () => {
    const oncancel = vi.fn();
    render(FamilyForm, { props: { oblasts, categories, onsaved: vi.fn(), oncancel } });
    render(LeaveDialog);
    const user = userEvent.setup();
    await user.type(field("m0-surname"), "Серікова");
    await user.click(button("cancel"));
    expect(await screen.findByText("Сақталмаған деректер бар")).toBeInTheDocument();
    expect(oncancel).not.toHaveBeenCalled();
    // Back to the form: everything typed is still there.
    await user.click(button("unsaved-stay"));
    await waitFor(() => expect(document.getElementById("unsaved-text")).toBeNull());
    expect(field("m0-surname").value).toBe("Серікова");
    await user.click(button("cancel"));
    await user.click(await screen.findByRole("button", { name: "Сақтамай шығу" }));
    await waitFor(() => expect(oncancel).toHaveBeenCalledOnce());
  });

  it("asks nothing when nothing was typed", async () => {
    const oncancel = vi.fn();
    render(FamilyForm, { props: { oblasts, categories, onsaved: vi.fn(), oncancel } });
    render(LeaveDialog);
    await userEvent.setup().click(button("cancel"));
    await waitFor(() => expect(oncancel).toHaveBeenCalledOnce());
    expect(document.getElementById("unsaved-text")).toBeNull();
    expect(await mayLeave()).toBe(true);
  });

  it("stops the navigation bar's leaving too, and Escape closes only the question", async () => {
    const onclose = vi.fn();
    render(VolunteerForm, { props: { onsaved: vi.fn(), onclose } });
    render(LeaveDialog);
    const user = userEvent.setup();
    await user.type(field("vol-surname"), "Серіков");
    // What App does when a tab is clicked.
    const leaving = mayLeave();
    expect(await screen.findByText("Сақталмаған деректер бар")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(await leaving).toBe(false);
    expect(onclose).not.toHaveBeenCalled();
    expect(field("vol-surname").value).toBe("Серіков");
    // Escape on the form itself asks as well.
    await user.keyboard("{Escape}");
    expect(await screen.findByText("Сақталмаған деректер бар")).toBeInTheDocument();
    await user.click(button("unsaved-leave"));
    await waitFor(() => expect(onclose).toHaveBeenCalledOnce());
  });
});
