// The office's reference lists through the real app: a misspelt village corrected once for
// every family (and logged in each family's history), and a category added and another
// hidden, which the family form then offers accordingly.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { CLI, click, freshDataDir, launch, quit, shot, startDriver, stopDriver, textOf, type } from "./harness.mjs";

const dataDir = freshDataDir();

function addFamily(surname, village) {
  execFileSync(CLI, [
    "--data-dir", dataDir, "families", "add", "--surname", surname, "--name", "Гүлнар",
    "--district", "Сайрам ауданы", "--rural-okrug", "Ақсу ауылдық округі", "--village", village,
    "--accept-duplicates",
  ]);
}

before(async () => {
  addFamily("Оспанова", "Аксуу");
  addFamily("Сейітова", "Ақсу");
  await startDriver();
});
after(() => stopDriver());

const placeRow = (name) => `#place-list tr[data-place="${name}"]`;

test("a misspelt village is corrected once and every family follows", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-reference");
    await (await browser.$(placeRow("Аксуу"))).waitForDisplayed();
    assert.match(await textOf(browser, placeRow("Аксуу")), /Ақсу ауылдық округі/);
    await shot(browser, "20-reference-places");

    await click(browser, `${placeRow("Аксуу")} .edit-place`);
    const name = await browser.$("#place-name");
    await name.waitForDisplayed();
    await name.clearValue();
    await name.setValue("Ақсу");
    await type(browser, "#place-kato", "51163");
    await click(browser, "#place-save");
    assert.match(await textOf(browser, '[data-error-for="place-kato"]'), /КАТО коды 9 цифрдан тұрады/);
    await shot(browser, "21-place-kato-error");
    const kato = await browser.$("#place-kato");
    await kato.clearValue();
    await kato.setValue("511633100");
    await click(browser, "#place-save");
    assert.match(await textOf(browser, ".banner.success"), /Атауы түзетілді/);
    // The two villages are one now, with both families and the KATO code.
    await browser.waitUntil(async () => !(await (await browser.$(placeRow("Аксуу"))).isExisting()), {
      timeoutMsg: "the misspelt village is still listed",
    });
    assert.equal(await textOf(browser, `${placeRow("Ақсу")} .kato`), "511633100");
    assert.equal(await textOf(browser, `${placeRow("Ақсу")} .families`), "2");
    await shot(browser, "22-places-joined");

    await click(browser, "#back-to-list");
    await click(browser, "#family-list tbody tr:first-child button.link");
    assert.match(await textOf(browser, "#audit-log"), /Аксуу/);
    await shot(browser, "23-history-after-place-fix");
  } finally {
    await quit(browser);
  }
});

test("a new category appears in the form and a hidden one does not", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-reference");
    await click(browser, "#tab-categories");
    await click(browser, "#add-category");
    await type(browser, "#category-kk", "Өрт зардап шеккендер");
    await type(browser, "#category-ru", "Погорельцы");
    await click(browser, "#category-save");
    await (await browser.$('#category-list tr[data-category="Өрт зардап шеккендер"]')).waitForDisplayed();
    await click(browser, '#category-list tr[data-category="зейнеткер"] .hide-category');
    await browser.waitUntil(
      async () => (await textOf(browser, '#category-list tr[data-category="зейнеткер"]')).includes("жасырылған"),
      { timeoutMsg: "the category was not hidden" },
    );
    await shot(browser, "24-reference-categories");

    await click(browser, "#back-to-list");
    await click(browser, "#new-family");
    await (await browser.$("label=Өрт зардап шеккендер")).waitForDisplayed();
    const offered = await browser.execute(() =>
      [...document.querySelectorAll('input[name="category"]')].map((i) => i.parentElement.textContent.trim()),
    );
    assert.ok(offered.includes("Өрт зардап шеккендер"), offered.join(", "));
    assert.ok(!offered.includes("зейнеткер"), offered.join(", "));
    await shot(browser, "25-form-with-new-category");
  } finally {
    await quit(browser);
  }
});
