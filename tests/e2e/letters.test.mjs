// Gratitude letters through the real app: a campaign's three volunteers found, their
// addressee lines reviewed (one corrected, one flagged), a page previewed, the batch issued
// into the register and one PDF (fonts embedded, Kazakh exact, QR scannable), a number
// verified, one document cancelled and seen as cancelled on the verify screen.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, SHOTS, click, freshDataDir, launch, quit, shot, startDriver, stopDriver, textOf, type } from "./harness.mjs";

const dataDir = freshDataDir();
const cli = (...args) => execFileSync(CLI, ["--data-dir", dataDir, ...args], { encoding: "utf8" });

before(async () => {
  cli("campaigns", "add", "--name", "Мектепке жол", "--kind", "school", "--from", "01.08.2026", "--to", "15.09.2026");
  for (const [surname, name, patronymic, sex, hours] of [
    ["Серіков", "Дәурен", "Болатұлы", "male", "12"],
    ["Жұмабаева", "Айгерім", "Серікқызы", "female", "7,5"],
    ["Ким", "Игорь", null, "male", "4"],
  ]) {
    const args = ["volunteers", "add", "--surname", surname, "--name", name, "--sex", sex];
    if (patronymic) args.push("--patronymic", patronymic);
    const id = cli(...args).trim();
    cli("volunteers", "log", id, "--hours", hours, "--campaign", "Мектепке жол", "--kind", "delivery", "--date", "20.08.2026");
  }
  // Someone who did not take part: not in the campaign's batch.
  cli("volunteers", "add", "--surname", "Басқа", "--name", "Адам");
  await startDriver();
});
after(() => stopDriver());

test("a campaign's volunteers get numbered letters that verify against the register", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-letters");

    // Before the letterhead is written, the batch says what its pages would lack.
    await (await browser.$("#batch-campaign")).selectByVisibleText("Мектепке жол");
    await click(browser, "#find-recipients");
    const missing = await browser.$("#batch-missing");
    await missing.waitForDisplayed();
    assert.match(await missing.getText(), /мекеменің қазақша атауы жоқ/);
    assert.match(await missing.getText(), /қол қоюшының аты-жөні жоқ/);
    await shot(browser, "44-letters-missing-letterhead");

    // The office's letterhead and who signs the campaign letter.
    await click(browser, "#batch-missing-open");
    // Two lines each: WebKitWebDriver drops a typed "\n", so Enter is pressed between them.
    for (const [id, first, second] of [
      ["#letterhead-kk", "Сайрам ауданы", "Ақсу ауылдық округі әкімінің аппараты"],
      ["#letterhead-ru", "Аппарат акима Аксуского сельского округа", "Сайрамского района"],
    ]) {
      await type(browser, id, first);
      await browser.keys(["Enter"]);
      await (await browser.$(id)).addValue(second);
    }
    await type(browser, "#letterhead-place-kk", "Ақсу ауылы");
    await type(browser, "#letterhead-place-ru", "с. Аксу");
    await click(browser, "#letterhead-save");
    await (await browser.$(".saved-note")).waitForDisplayed();
    await (await (await browser.$('#template-list tr[data-template="gratitude-campaign"]')).$(".edit-template")).click();
    await type(browser, "#template-position-kk", "Округ әкімі");
    await type(browser, "#template-position-ru", "Аким округа");
    await type(browser, "#template-signatory", "Н.Қ. Оспанов");
    await click(browser, "#template-save");
    await (await browser.$("#template-save")).waitForExist({ reverse: true });
    // A new template with a placeholder the app does not know is refused on its field.
    await click(browser, "#new-template");
    for (const [id, value] of [["#template-name-kk", "Сынақ"], ["#template-name-ru", "Проба"], ["#template-title-kk", "АЛҒЫС"], ["#template-title-ru", "СПАСИБО"], ["#template-body-kk", "{атауы} үшін"], ["#template-body-ru", "за {deed}"]]) {
      await type(browser, id, value);
    }
    await click(browser, "#template-save");
    assert.match(await textOf(browser, "[data-error-for='template-body-kk']"), /белгісіз/);
    await shot(browser, "49-template-placeholder-refused");
    // Escape would throw the typed template away: the app asks first.
    await browser.keys("Escape");
    await (await browser.$("#unsaved-text")).waitForDisplayed();
    await shot(browser, "49b-template-unsaved-question");
    await click(browser, "#unsaved-leave");
    await (await browser.$("#template-save")).waitForExist({ reverse: true });

    await click(browser, "#tab-letters-batch");
    await (await browser.$("#batch-template")).selectByAttribute("value", "seed-gratitude-campaign");
    await (await browser.$("#batch-layout")).selectByAttribute("value", "bilingual");
    await type(browser, "#batch-date", "20.11.2026");
    await (await browser.$("#batch-campaign")).selectByVisibleText("Мектепке жол");
    await click(browser, "#find-recipients");
    await (await browser.$("#recipient-table")).waitForDisplayed();
    const rows = await browser.$$("#recipient-table tbody tr");
    assert.equal(rows.length, 3);
    const row = (name) => browser.$(`#recipient-table tr[data-recipient="${name}"]`);
    assert.equal(await (await row("Серіков Дәурен Болатұлы")).$(".dative-kk").getValue(), "Серіков Дәурен Болатұлына");
    assert.equal(await (await row("Жұмабаева Айгерім Серікқызы")).$(".dative-ru").getValue(), "Жұмабаевой Айгерім Серікқызы");
    // «Игорь» ends in a soft sign: flagged for a look.
    assert.match(await (await row("Ким Игорь")).getText(), /⚠/);
    assert.match(await textOf(browser, "#doubt-count"), /1/);
    // The office writes the Russian line the way the person spells it; it is remembered.
    await (await (await row("Жұмабаева Айгерім Серікқызы")).$(".dative-ru")).setValue("Жумабаевой Айгерим Сериккызы");
    await shot(browser, "50-letters-review");

    await (await (await row("Серіков Дәурен Болатұлы")).$(".preview-one")).click();
    const img = await browser.$("#letter-preview-page");
    await img.waitForDisplayed();
    await browser.waitUntil(async () => (await browser.execute((el) => el.complete && el.naturalWidth > 0, img)), {
      timeoutMsg: "the preview image did not load",
    });
    // `complete` comes before the SVG's own fonts are decoded: decode() waits for the page
    // to be ready to paint, text included.
    await browser.executeAsync((el, done) => el.decode().then(() => done(true), () => done(false)), img);
    await shot(browser, "51-letter-preview");
    await browser.keys("Escape");

    await click(browser, "#issue-letters");
    const result = await textOf(browser, "#batch-result .saved-text");
    assert.match(result, /3 құжат шығарылып, тізілімге енгізілді: № 1\/2026 – № 3\/2026/);
    await shot(browser, "52-letters-issued");

    // The PDF itself: fonts embedded, the names and title exact, a valid file, QR readable.
    const listed = execFileSync("find", [path.join(dataDir, "documents"), "-name", "letters-*.pdf"], { encoding: "utf8" }).trim().split("\n");
    assert.equal(listed.length, 1, listed.join(", "));
    const file = listed[0];
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    assert.ok(fonts.length >= 2, fonts.join("\n"));
    for (const f of fonts) {
      const cols = f.trim().split(/\s+/);
      assert.deepEqual([cols[cols.length - 5], cols[cols.length - 4]], ["yes", "yes"], f);
    }
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).split(/\s+/).join(" ");
    for (const expected of [
      "АЛҒЫС ХАТ",
      "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
      "Серіков Дәурен Болатұлына",
      "Жумабаевой Айгерим Сериккызы",
      "«Мектепке жол» акциясына белсене қатысып, 7,5 сағат",
      "и 12 часов, посвящённых помощи",
      "Сайрам ауданы Ақсу ауылдық округі әкімінің аппараты",
      "Аппарат акима Аксуского сельского округа Сайрамского района",
      "Округ әкімі",
      "Аким округа",
      "Н.Қ. Оспанов",
      "Ақсу ауылы, 2026 жылғы 20 қараша",
      "с. Аксу, 20 ноября 2026 г.",
      "№ 2/2026",
    ]) {
      assert.ok(text.includes(expected), `«${expected}» not in the letters:\n${text}`);
    }
    execFileSync("qpdf", ["--check", file]);
    const pages = path.join(SHOTS, "53-letters-pdf");
    execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "3", file, pages]);
    const hi = path.join(SHOTS, "53-letters-pdf-scan");
    execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", file, hi]);
    const code = execFileSync("zbarimg", ["--quiet", "--raw", `${hi}.png`], { encoding: "utf8" }).trim();
    assert.match(code, /^MEIRIM\|1\/2026\|[^|]*\|[0-9a-f]{10}$/);

    // Verify: the scanned code, then a typed number.
    await click(browser, "#tab-letters-verify");
    await type(browser, "#verify-code", code);
    await click(browser, "#verify-check");
    assert.equal(await (await browser.$("#verify-result")).getAttribute("data-status"), "valid");
    assert.match(await textOf(browser, "#verify-result"), /Жұмабаева Айгерім Серікқызы|Ким Игорь|Серіков Дәурен Болатұлы/);
    await shot(browser, "54-verify-valid");

    // Register: cancel № 3 with a reason; it verifies as cancelled.
    await click(browser, "#tab-letters-register");
    await (await browser.$("#register-table")).waitForDisplayed();
    assert.equal((await browser.$$("#register-table tbody tr")).length, 3);
    await (await (await browser.$('#register-table tr[data-number="3/2026"]')).$(".cancel-doc")).click();
    await click(browser, "#confirm-cancel-document");
    assert.ok(await (await browser.$("[data-error-for='cancel-reason']")).waitForDisplayed(), "a reason is required");
    await type(browser, "#cancel-reason", "Аты-жөні қате басылды");
    await click(browser, "#confirm-cancel-document");
    await browser.waitUntil(async () => (await (await browser.$('#register-table tr[data-number="3/2026"]')).getText()).includes("Күшін жойды: Аты-жөні қате басылды"), {
      timeoutMsg: "the document was not marked cancelled",
    });
    await shot(browser, "55-register-cancelled");
    await click(browser, "#tab-letters-verify");
    await type(browser, "#verify-code", "№ 3/2026");
    await click(browser, "#verify-check");
    await browser.waitUntil(async () => (await (await browser.$("#verify-result")).getAttribute("data-status")) === "cancelled", {
      timeoutMsg: "№ 3/2026 should verify as cancelled",
    });
    await shot(browser, "56-verify-cancelled");

    // The corrected Russian line comes back next time.
    await click(browser, "#tab-letters-batch");
    await (await browser.$("#batch-layout")).selectByAttribute("value", "bilingual");
    await (await browser.$("#batch-campaign")).selectByVisibleText("Мектепке жол");
    await click(browser, "#find-recipients");
    await (await browser.$("#recipient-table")).waitForDisplayed();
    assert.equal(await (await row("Жұмабаева Айгерім Серікқызы")).$(".dative-ru").getValue(), "Жумабаевой Айгерим Сериккызы");
  } finally {
    await quit(browser);
  }
});
