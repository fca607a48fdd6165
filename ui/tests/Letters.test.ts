import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BatchProgress, IssuedDocument, Recipient } from "../src/lib/api";
import { apiMock } from "./fakeApi";

vi.mock("../src/lib/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/lib/api")>();
  const { apiMock } = await import("./fakeApi");
  return { ...real, api: apiMock };
});

import BatchForm from "../src/views/letters/BatchForm.svelte";
import VerifyPanel from "../src/views/letters/VerifyPanel.svelte";
import { fullName, needsLook, percent } from "../src/views/letters/letterText";
import { setLanguage } from "../src/lib/i18n.svelte";

const form = (text: string, doubt: Recipient["dative_kk"]["doubt"] = null) => ({ text, computed: text, doubt, corrected: false });
const people: Recipient[] = [
  {
    volunteer_id: "v-1",
    surname: "Серіков",
    name: "Дәурен",
    patronymic: "Болатұлы",
    sex: "male",
    minutes: 720,
    dative_kk: form("Серіков Дәурен Болатұлына"),
    dative_ru: form("Серікову Дәурену Болатұлы"),
  },
  {
    volunteer_id: "v-2",
    surname: "Ким",
    name: "Игорь",
    patronymic: null,
    sex: "male",
    minutes: 240,
    dative_kk: form("Ким Игорьге", "soft-sign"),
    dative_ru: form("Киму Игорю"),
  },
];

const doc = (number: string, recipient: string): IssuedDocument => ({
  id: `d-${number}`,
  number,
  issued_on: "2026-11-20",
  kind: "gratitude",
  template_id: "t-campaign",
  template: { kk: "Алғыс", ru: "Благодарность" },
  batch_id: "b-1",
  recipient,
  volunteer_id: null,
  campaign_id: null,
  reason: "Мектепке жол",
  signatory: "Н.Қ. Оспанов",
  hash: "0123456789",
  issued_by: "Айгерім",
  cancelled_at: null,
  cancelled_by: null,
  cancel_reason: null,
});

const el = (id: string) => document.getElementById(id) as HTMLInputElement;

beforeEach(() => {
  vi.clearAllMocks();
  setLanguage("kk");
});

describe("letter helpers", () => {
  it("flags doubtful lines, joins names and rounds progress", () => {
    expect(needsLook(people[0]!)).toBe(false);
    expect(needsLook(people[1]!)).toBe(true);
    expect(fullName(people[1]!)).toBe("Ким Игорь");
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 3)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });
});

describe("BatchForm", () => {
  it("lists recipients with editable datives, marks the doubtful one, and issues what is ticked with the edits", async () => {
    apiMock.letterVolunteers.mockResolvedValueOnce(structuredClone(people));
    apiMock.issueLetters.mockImplementationOnce(async (_o: unknown, chosen: Recipient[], onProgress: (p: BatchProgress) => void) => {
      onProgress({ done: 1, total: chosen.length });
      return { path: "/data/documents/letters-1-2026.pdf", batch_id: "b-1", documents: chosen.map((r, i) => doc(`${i + 1}/2026`, fullName(r))) };
    });
    render(BatchForm, { props: { onregister: vi.fn() } });
    const user = userEvent.setup();
    await waitFor(() => expect(el("batch-template").value).toBe("t-campaign"));
    await user.click(el("find-recipients"));
    expect(await screen.findByText("Серіков Дәурен Болатұлы")).toBeInTheDocument();
    expect(screen.getByText(/ь не ъ әрпімен аяқталады/)).toBeInTheDocument();
    expect(el("doubt-count").textContent).toContain("1");

    const kk = document.querySelectorAll<HTMLInputElement>("input.dative-kk");
    expect(kk[0]!.value).toBe("Серіков Дәурен Болатұлына");
    await user.clear(kk[1]!);
    await user.type(kk[1]!, "Ким Игорьге!");
    await user.click(screen.getByLabelText("Серіков Дәурен Болатұлы"));
    expect(el("issue-letters").textContent).toContain("1 құжат");
    await user.click(el("issue-letters"));

    expect(await screen.findByText(/1 құжат шығарылып, тізілімге енгізілді: № 1\/2026 – № 1\/2026/)).toBeInTheDocument();
    const [options, chosen] = apiMock.issueLetters.mock.calls[0]!;
    expect(options.template_id).toBe("t-campaign");
    expect(chosen).toHaveLength(1);
    expect(chosen[0].dative_kk.text).toBe("Ким Игорьге!");
  });

  it("lets the user set the sex of a name the rules are unsure of, and prints the line for it", async () => {
    const sasha: Recipient = {
      volunteer_id: null,
      surname: "Ким",
      name: "Саша",
      patronymic: null,
      sex: null,
      minutes: 0,
      dative_kk: form("Ким Сашаға"),
      dative_ru: form("Киму Саше", "unknown-sex"),
    };
    apiMock.letterTypedNames.mockResolvedValueOnce([structuredClone(sasha)]);
    apiMock.letterRecipientWithSex.mockImplementationOnce(async (r: Recipient, sex: "male" | "female") => ({
      ...r,
      sex,
      dative_ru: form("Ким Саше"),
    }));
    render(BatchForm, { props: { onregister: vi.fn() } });
    const user = userEvent.setup();
    await waitFor(() => expect(el("batch-template").value).toBe("t-campaign"));
    await user.selectOptions(el("batch-layout"), "ru");
    await user.click(el("source-typed"));
    await user.type(el("batch-names"), "Ким Саша");
    await user.click(el("find-recipients"));
    const sex = (await screen.findByLabelText("Жынысы")) as HTMLSelectElement;
    expect(screen.getByText(/жынысы белгісіз/)).toBeInTheDocument();
    await user.selectOptions(sex, "female");
    await waitFor(() => expect(document.querySelector<HTMLInputElement>("input.dative-ru")!.value).toBe("Ким Саше"));
    expect(apiMock.letterRecipientWithSex.mock.calls[0]![1]).toBe("female");
    expect(screen.queryByText(/жынысы белгісіз/)).toBeNull();
    // The choice stays on the row (it goes with the recipient when the batch is issued).
    expect(sex.value).toBe("female");
  });

  it("says what the letters would print without before any is issued, and leads to the letterhead", async () => {
    apiMock.letterBatchWarnings.mockResolvedValue([{ missing: "office-name", lang: "kk" }, { missing: "signatory" }]);
    apiMock.letterVolunteers.mockResolvedValueOnce(structuredClone(people));
    const onletterhead = vi.fn();
    render(BatchForm, { props: { onregister: vi.fn(), onletterhead } });
    const user = userEvent.setup();
    await waitFor(() => expect(el("batch-template").value).toBe("t-campaign"));
    await user.click(el("find-recipients"));
    const box = await waitFor(() => {
      const b = document.getElementById("batch-missing");
      expect(b).not.toBeNull();
      return b!;
    });
    expect(box.textContent).toContain("Бланкте мекеменің қазақша атауы жоқ");
    expect(box.textContent).toContain("қол қоюшының аты-жөні жоқ");
    expect(apiMock.letterBatchWarnings).toHaveBeenLastCalledWith("t-campaign", "kk");
    await user.click(el("batch-missing-open"));
    expect(onletterhead).toHaveBeenCalled();
    apiMock.letterBatchWarnings.mockResolvedValue([]);
  });

  it("shows the refusal when the batch cannot be issued", async () => {
    apiMock.letterTypedNames.mockResolvedValueOnce(structuredClone(people));
    apiMock.issueLetters.mockRejectedValueOnce(new (await import("../src/lib/problem")).ProblemError({ code: "batch-cancelled", params: {}, fields: [] }));
    render(BatchForm, { props: { onregister: vi.fn() } });
    const user = userEvent.setup();
    await user.click(el("source-typed"));
    await user.type(el("batch-names"), "Серіков Дәурен Болатұлы");
    await user.click(el("find-recipients"));
    expect(apiMock.letterTypedNames).toHaveBeenCalledWith("Серіков Дәурен Болатұлы");
    await user.click(await screen.findByRole("button", { name: /Шығару: 2 құжат/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("Топтама тоқтатылды");
  });
});

describe("VerifyPanel", () => {
  it("says whether a number is valid, cancelled or unknown", async () => {
    apiMock.verifyDocument
      .mockResolvedValueOnce({ status: "valid", by_code: false, document: doc("2/2026", "Серіков Дәурен Болатұлы") })
      .mockResolvedValueOnce({ status: "not-found", by_code: false, document: null });
    render(VerifyPanel);
    const user = userEvent.setup();
    await user.type(el("verify-code"), "№ 2/2026");
    await user.click(el("verify-check"));
    await waitFor(() => expect(el("verify-result").dataset["status"]).toBe("valid"));
    expect(el("verify-result").textContent).toContain("Серіков Дәурен Болатұлы");
    expect(el("verify-result").textContent).toContain("Тек нөмір тексерілді");
    await user.clear(el("verify-code"));
    await user.type(el("verify-code"), "99/2026");
    await user.click(el("verify-check"));
    await waitFor(() => expect(el("verify-result").dataset["status"]).toBe("not-found"));
  });
});
