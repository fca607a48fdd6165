// A campaign through the real app: created, food baskets planned for the five families of
// one village in one go, the distribution list printed (fonts embedded, Kazakh exact, IINs
// masked), the round marked delivered, a volunteer's hours logged, and the campaign's
// figures checked.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { CLI, click, freshDataDir, launch, quit, shot, startDriver, stopDriver, syntheticIin, textOf, type } from "./harness.mjs";

const dataDir = freshDataDir();
const HEADS = ["Әбенова", "Бекова", "Жұмабаева", "Қасымова", "Омарова"];
const IINS = HEADS.map((_, i) => syntheticIin(`8${i}0315`, 4, 10 + i));

before(async () => {
  HEADS.forEach((surname, i) => {
    execFileSync(CLI, [
      "--data-dir", dataDir, "families", "add", "--surname", surname, "--name", "Айгүл",
      "--iin", IINS[i], "--village", "Ақсу", "--street", "Абай көшесі", "--house", String(i + 1),
    ]);
  });
  execFileSync(CLI, ["--data-dir", dataDir, "families", "add", "--surname", "Басқа", "--name", "Ауыл", "--village", "Қарабұлақ"]);
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
    await (await browser.$("#campaign-kind")).selectByAttribute("value", "holiday");
    await type(browser, "#campaign-starts", "01.11.2026");
    await click(browser, "#campaign-save");
    assert.equal(await textOf(browser, "#campaign-name"), "Наурыз — азық-түлік себеті");

    await click(browser, "#open-distribute");
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
    await shot(browser, "41-campaign-round-planned");

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
    await type(browser, "#vol-birth-date", "04.05.1990");
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
