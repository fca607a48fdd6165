// A campaign through the real app: created, food baskets planned for the five families of
// one village in one go, the distribution list printed (fonts embedded, Kazakh exact, IINs
// masked), the round marked delivered, a volunteer's hours logged, and the campaign's
// figures checked.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, click, freshDataDir, launch, plugInSticks, quit, shot, startDriver, stopDriver, syntheticIin, textOf, type, waitValue } from "./harness.mjs";

const dataDir = freshDataDir();
const HEADS = ["Әбенова", "Бекова", "Жұмабаева", "Қасымова", "Омарова"];
const IINS = HEADS.map((_, i) => syntheticIin(`8${i}0315`, 4, 10 + i));
const usb = path.join(dataDir, "STICK");

before(async () => {
  HEADS.forEach((surname, i) => {
    execFileSync(CLI, [
      "--data-dir", dataDir, "families", "add", "--surname", surname, "--name", "Айгүл",
      "--iin", IINS[i], "--village", "Ақсу", "--street", "Абай көшесі", "--house", String(i + 1),
    ]);
  });
  execFileSync(CLI, ["--data-dir", dataDir, "families", "add", "--surname", "Басқа", "--name", "Ауыл", "--village", "Қарабұлақ"]);
  plugInSticks(usb);
  await startDriver();
});
after(() => stopDriver());

const fig = async (browser, id) => textOf(browser, `#${id}`);

test("a campaign plans, prints, delivers and sums up a round of food baskets", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-campaigns");
    await click(browser, "#new-campaign");
    await type(browser, "#campaign-name", "Наурыз — азық-түлік себеті");
    await type(browser, "#campaign-name-ru", "Наурыз — продуктовая корзина");
    await (await browser.$("#campaign-kind")).selectByAttribute("value", "holiday");
    await type(browser, "#campaign-starts", "01.11.2026");
    await type(browser, "#campaign-ends", "30.11.2026");
    await click(browser, "#campaign-save");
    assert.equal(await textOf(browser, "#campaign-name"), "Наурыз — азық-түлік себеті");

    await click(browser, "#open-distribute");
    // The app's day (20.11.2026) is inside the campaign: proposed as the round's day; a day
    // after the campaign is pointed out beside the field.
    assert.equal(await (await browser.$("#bulk-date")).getValue(), "20.11.2026");
    await type(browser, "#bulk-date", "05.12.2026");
    const outside = await browser.$('#bulk-date-help [data-warning="outside-campaign"]');
    await outside.waitForDisplayed();
    assert.match(await outside.getText(), /01\.11\.2026 – 30\.11\.2026/);
    await shot(browser, "39-distribute-day-outside-campaign");
    await type(browser, "#bulk-date", "20.11.2026");
    await outside.waitForExist({ reverse: true });
    await (await browser.$("#bulk-aid-type")).selectByVisibleText("азық-түлік себеті");
    await (await browser.$("#bulk-village")).selectByVisibleText("Ақсу");
    await click(browser, "#bulk-find");
    await (await browser.$("#bulk-candidates")).waitForDisplayed();
    assert.equal((await browser.$$("#bulk-candidates tbody tr")).length, 5);
    await shot(browser, "40-distribute-five-families");
    await click(browser, "#bulk-plan");
    assert.match(await textOf(browser, ".banner.success"), /Жоспарланды: 5 отбасы/);
    assert.equal(await fig(browser, "fig-planned"), "5");
    assert.equal((await browser.$$("#round-list tbody tr")).length, 5);
    // Nothing handed over yet, but the round's worth is on the page, not just «0 ₸».
    assert.equal((await fig(browser, "fig-value")).replaceAll("\u00a0", " "), "0 ₸");
    assert.equal((await fig(browser, "fig-planned-value")).replaceAll("\u00a0", " "), "жоспарда: 100 000 ₸");

    await click(browser, "#print-list");
    await type(browser, "#list-signatory", "Бөлім басшысы А.Б. Серіков");
    await click(browser, "#list-save");
    const saved = await textOf(browser, ".saved-document .saved-text");
    const pdf = saved.slice(saved.indexOf("/"));
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    assert.ok(fonts.length >= 1);
    for (const row of fonts) {
      const cols = row.trim().split(/\s+/);
      assert.deepEqual([cols[cols.length - 5], cols[cols.length - 3]], ["yes", "yes"], row);
    }
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replaceAll("\u00a0", " ");
    for (const expected of ["КӨМЕК БЕРУ ТІЗІМДЕМЕСІ", "Наурыз — азық-түлік себеті", "Әбенова Айгүл", "Омарова Айгүл", "Барлығы: 5 алушы, 100 000 ₸", "Бөлім басшысы А.Б. Серіков"]) {
      assert.ok(text.includes(expected), `«${expected}» not in the list:\n${text}`);
    }
    for (const iin of IINS) assert.ok(!text.includes(iin), `full IIN ${iin} printed`);
    assert.equal(path.basename(pdf), "Тізімдеме - Наурыз — азық-түлік себеті - 2026-11-20.pdf");
    await shot(browser, "41-campaign-round-planned");

    // The same list onto the USB stick.
    await click(browser, "#print-list");
    // The stick just plugged in is chosen by itself (the option's value is Rust's token for it).
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelector("#list-drive")?.selectedOptions[0]?.textContent ?? "")).includes(`(${usb})`), {
      timeoutMsg: "the stick was not offered",
    });
    await shot(browser, "41b-list-print-dialog");
    await click(browser, "#list-write");
    assert.match(await textOf(browser, "#list-written"), /Флешканы алуға болады/);
    assert.ok(existsSync(path.join(usb, path.basename(pdf))), "the list is not on the stick");

    await click(browser, "#deliver-round");
    await click(browser, "#round-deliver-confirm");
    await browser.waitUntil(async () => (await fig(browser, "fig-delivered")) === "5", { timeoutMsg: "the round was not delivered" });
    assert.equal(await fig(browser, "fig-families"), "5");
    assert.equal((await fig(browser, "fig-value")).replaceAll("\u00a0", " "), "100 000 ₸");

    // A volunteer's hours on this campaign.
    await click(browser, "#back-to-campaigns");
    await click(browser, "#back-to-list");
    await click(browser, "#open-volunteers");
    await click(browser, "#new-volunteer");
    await type(browser, "#vol-surname", "Серіков");
    await type(browser, "#vol-name", "Дәурен");
    // The IIN fills in the birth date and sex, as in the family form.
    await type(browser, "#vol-iin", syntheticIin("900504", 3, 21));
    await waitValue(browser, "#vol-birth-date", "04.05.1990", "the volunteer's birth date was not filled from the IIN");
    assert.equal(await (await browser.$("#vol-sex")).getValue(), "male");
    await shot(browser, "42a-volunteer-iin-prefill");
    await click(browser, "#vol-civil-servant");
    await click(browser, "#vol-save");
    assert.match(await textOf(browser, '[data-error-for="vol-agency"]'), /толтырыңыз/);
    await type(browser, "#vol-agency", "Аудан әкімдігі");
    await click(browser, "#vol-save");
    await click(browser, "#log-activity");
    await type(browser, "#act-hours", "3");
    await (await browser.$("#act-kind")).selectByAttribute("value", "delivery");
    await (await browser.$("#act-campaign")).selectByVisibleText("Наурыз — азық-түлік себеті");
    await click(browser, "#act-save");
    await browser.waitUntil(async () => (await textOf(browser, "#vol-hours")) === "3", { timeoutMsg: "hours not totalled" });
    await shot(browser, "42-volunteer-hours");

    await click(browser, "#back-to-volunteers");
    await click(browser, "#back-to-list");
    await click(browser, "#open-campaigns");
    await click(browser, '#campaign-list tr[data-campaign="Наурыз — азық-түлік себеті"] button');
    await browser.waitUntil(async () => (await fig(browser, "fig-volunteers")) === "1");
    assert.equal(await fig(browser, "fig-hours"), "3");
    assert.equal(await fig(browser, "fig-families"), "5");
    await shot(browser, "43-campaign-summary");
  } finally {
    await quit(browser);
  }
});
