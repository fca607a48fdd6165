// Aid on a family's page through the real app: coal valued by the catalogue, a second
// coal in the same season warned about and given with a reason, a planned food basket
// marked delivered, and the family card listing it all.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, click, freshDataDir, launch, quit, shot, startDriver, stopDriver, textOf, type } from "./harness.mjs";

const dataDir = freshDataDir();

before(async () => {
  execFileSync(CLI, [
    "--data-dir", dataDir, "families", "add", "--surname", "Жұмабаева", "--name", "Әйгерім",
    "--village", "Ақсу", "--consent-date", "01.11.2026",
  ]);
  await startDriver();
});
after(() => stopDriver());

async function setField(browser, selector, value) {
  const el = await browser.$(selector);
  await el.waitForDisplayed();
  await el.clearValue();
  await el.setValue(value);
}

test("aid is given, warned about, planned, delivered and printed on the card", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#family-list tbody tr:first-child button.link");
    await click(browser, "#give-aid");
    await (await browser.$("#aid-type")).selectByVisibleText("көмір");
    await setField(browser, "#aid-date", "12.10.2026");
    await setField(browser, "#aid-quantity", "2,5");
    await browser.waitUntil(async () => (await textOf(browser, "#aid-value-help")).includes("75 000 ₸"), {
      timeoutMsg: "the catalogue value was not shown",
    });
    await click(browser, "#aid-receipt");
    await shot(browser, "30-aid-form-coal");
    await click(browser, "#aid-save");
    await (await browser.$("#aid-list")).waitForDisplayed();
    assert.match(await textOf(browser, "#aid-list tbody tr:first-child"), /көмір/);
    assert.match(await textOf(browser, "#aid-total"), /75 000 ₸/);

    // The same season again: the form says when coal was given and wants a reason.
    await click(browser, "#give-aid");
    await (await browser.$("#aid-type")).selectByVisibleText("көмір");
    await setField(browser, "#aid-quantity", "1");
    const warning = await textOf(browser, "#aid-rule-warning");
    assert.match(warning, /12\.10\.2026 күні алған/);
    await click(browser, "#aid-save");
    assert.match(await textOf(browser, '[data-error-for="aid-override"]'), /себебін жазыңыз/);
    await shot(browser, "31-aid-rule-warning");
    await type(browser, "#aid-override", "Үйін су басып, көмірі суланды");
    await click(browser, "#aid-save");
    await browser.waitUntil(async () => (await browser.$$("#aid-list tbody tr")).length === 2, {
      timeoutMsg: "the second coal was not recorded",
    });

    // A food basket planned, then handed over.
    await click(browser, "#give-aid");
    await (await browser.$("#aid-type")).selectByVisibleText("азық-түлік себеті");
    await click(browser, "#aid-planned");
    await click(browser, "#aid-save");
    await click(browser, "#aid-list .deliver-aid");
    await click(browser, "#deliver-confirm");
    await browser.waitUntil(async () => (await textOf(browser, "#aid-total")).includes("125 000 ₸"), {
      timeoutMsg: "the delivered total did not reach 125 000 ₸",
    });
    assert.match(await textOf(browser, "#audit-log"), /Көмек табысталды/);
    await shot(browser, "32-aid-history");

    await click(browser, "#print-card");
    const card = path.join(dataDir, "documents", "family-card-1.pdf");
    await browser.waitUntil(async () => (await textOf(browser, ".saved-document")).includes(card));
    const text = execFileSync("pdftotext", ["-layout", card, "-"], { encoding: "utf8" }).replaceAll("\u00a0", " ");
    for (const expected of ["Берілген көмек", "көмір", "2,5 т", "азық-түлік себеті", "Табысталған көмектің жалпы құны: 125 000 ₸"]) {
      assert.ok(text.includes(expected), `«${expected}» not in the card:\n${text}`);
    }
  } finally {
    await quit(browser);
  }
});
