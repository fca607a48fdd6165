// The family registry through the real app: a family of three with IIN pre-fill, field
// errors, a duplicate warning and a merge, archive and restore, a Latin-spelled search,
// restart, and the Russian interface.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  click,
  freshDataDir,
  launch,
  quit,
  shot,
  SHOTS,
  startDriver,
  stopDriver,
  syntheticIin,
  textOf,
  type,
  waitValue,
} from "./harness.mjs";

const dataDir = freshDataDir();
// 2 July 1984, woman (century digit 4); 10 March 1980, man (3); a girl born 2017 (6).
const IIN = syntheticIin("840702", 4, 17);
const HUSBAND_IIN = syntheticIin("800310", 3, 5);
const CHILD_IIN = syntheticIin("170915", 6, 9);

before(async () => {
  console.log(`screenshots: ${SHOTS}`);
  await startDriver();
});
after(() => stopDriver());

test("registers a family of three through the form, the IIN filling in birth dates and sex", async () => {
  const browser = await launch(dataDir);
  try {
    assert.equal(await textOf(browser, "#family-list-empty"), "Әзірге бірде-бір отбасы тіркелмеген. «Жаңа отбасы» батырмасын басыңыз.");
    await shot(browser, "01-empty-registry-kk");

    await click(browser, "#new-family");
    await type(browser, "#m0-surname", "Серікова");
    await type(browser, "#m0-name", "Әсел");
    await type(browser, "#m0-patronymic", "Болатқызы");
    await type(browser, "#m0-iin", IIN);
    await waitValue(browser, "#m0-birth-date", "02.07.1984", "head's birth date was not pre-filled from the IIN");
    assert.equal(await (await browser.$("#m0-sex")).getValue(), "female");
    await (await browser.$("#m0-iin-prefilled")).waitForDisplayed();

    await click(browser, "#add-member");
    await type(browser, "#m1-surname", "Сериков");
    await type(browser, "#m1-name", "Ерлан");
    await (await browser.$("#m1-relation")).selectByAttribute("value", "spouse");
    await type(browser, "#m1-iin", HUSBAND_IIN);
    await waitValue(browser, "#m1-birth-date", "10.03.1980", "husband's birth date was not pre-filled");
    assert.equal(await (await browser.$("#m1-sex")).getValue(), "male");
    await (await browser.$("#m1-employment")).selectByAttribute("value", "works");

    await click(browser, "#add-member");
    assert.equal(await (await browser.$("#m2-surname")).getValue(), "Серікова", "a new member takes the head's surname");
    await type(browser, "#m2-name", "Айым");
    await type(browser, "#m2-iin", CHILD_IIN);
    await waitValue(browser, "#m2-birth-date", "15.09.2017", "child's birth date was not pre-filled");

    await type(browser, "#phone", "8 701 234 56 78");
    await (await browser.$("#oblast")).selectByVisibleText("Түркістан облысы");
    await type(browser, "#district", "Сайрам ауданы");
    await type(browser, "#rural-okrug", "Ақсу ауылдық округі");
    await type(browser, "#village", "Ақсу");
    await type(browser, "#street", "Абай көшесі");
    await type(browser, "#house", "12");
    await type(browser, "#income", "38 500");
    await click(browser, "label=аз қамтылған отбасы");
    await click(browser, "#consent-given");
    await type(browser, "#consent-date", "01.11.2026");
    await shot(browser, "02-new-family-of-three");

    await click(browser, "#save");
    assert.equal(await textOf(browser, "#detail-name"), "Серікова Әсел Болатқызы");
    assert.equal(await textOf(browser, "#detail-registry-no"), "№1");
    assert.equal(await textOf(browser, "#detail-size"), "3");
    assert.equal(await textOf(browser, "#detail-children"), "1");
    const members = await textOf(browser, "#member-list");
    assert.match(members, /Сериков Ерлан/);
    assert.match(members, /жұбайы/);
    assert.match(members, new RegExp(CHILD_IIN));
    assert.match(await textOf(browser, "#detail-categories"), /аз қамтылған отбасы/);
    assert.match(await textOf(browser, "#audit-log"), /Тіркелді/);
    await shot(browser, "03-family-detail");

    // The card for the paper file lands in the data folder, and its Kazakh text is real text.
    await click(browser, "#print-card");
    const card = path.join(dataDir, "documents", "family-card-1.pdf");
    await browser.waitUntil(async () => (await textOf(browser, ".banner.success")).includes(card), {
      timeoutMsg: "the card's path was not shown",
    });
    const text = execFileSync("pdftotext", ["-layout", card, "-"], { encoding: "utf8" });
    assert.match(text, /№1 отбасының картасы/);
    assert.match(text, /Серікова Әсел Болатқызы/);
    assert.match(text, /Ақсу ауылдық округі/);
    await shot(browser, "03b-family-card-saved");
    // A card deleted behind the app's back is reported, not opened.
    rmSync(card);
    await click(browser, "#open-document");
    assert.match(await textOf(browser, ".banner.error"), /Құжат табылмады/);
  } finally {
    await quit(browser);
  }
});

test("refuses a form without names, with Kazakh messages on the fields", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#new-family");
    await type(browser, "#m0-iin", "12345");
    await click(browser, "#save");
    const alert = await browser.$("[role=alert]");
    await alert.waitForDisplayed();
    assert.match(await alert.getText(), /Кейбір өрістер дұрыс толтырылмаған/);
    assert.equal(await textOf(browser, "[data-error-for=m0-surname]"), "Бұл өрісті толтырыңыз.");
    assert.equal(await textOf(browser, "[data-error-for=m0-iin]"), "ЖСН 12 цифрдан тұрады, ал енгізілгені — 5.");
    await shot(browser, "04-validation-errors-kk");
  } finally {
    await quit(browser);
  }
});

test("asks before a half-filled form is thrown away, and keeps an IIN that is no date in view", async () => {
  // Its own registry: the families of the other tests stay as they are.
  const browser = await launch(freshDataDir());
  try {
    await click(browser, "#new-family");
    await type(browser, "#m0-surname", "Оспанова");
    await type(browser, "#m0-name", "Гүлнар");
    await click(browser, "#nav-home");
    await (await browser.$("#unsaved-text")).waitForDisplayed();
    await shot(browser, "04b-unsaved-question");
    await click(browser, "#unsaved-stay");
    await (await browser.$("#unsaved-text")).waitForExist({ reverse: true });
    assert.equal(await (await browser.$("#m0-surname")).getValue(), "Оспанова", "the typed name survived");

    // Month 13: the check digit agrees, but the first six digits are no date.
    await type(browser, "#m0-iin", "821315312347");
    const warning = await browser.$('#m0-iin-help [data-warning="impossible-date"]');
    await warning.waitForDisplayed({ timeoutMsg: "no warning beside the IIN" });
    assert.match(await warning.getText(), /алғашқы алты цифр нақты күнді білдірмейді/);
    assert.equal(await (await browser.$("#m0-birth-date")).getValue(), "", "nothing filled in from it");
    assert.equal(await (await browser.$("#m0-sex")).getValue(), "");
    await shot(browser, "04c-iin-not-a-date");

    await click(browser, "#save");
    await (await browser.$("#detail-name")).waitForDisplayed();
    // The saved family's page opens at its top, the confirmation in view…
    assert.equal(await browser.execute(() => window.scrollY), 0);
    await (await browser.$(".banner.success")).waitForDisplayed();
    // …and the IIN's warning stays beside it.
    const kept = await browser.$('#member-list [data-warning="impossible-date"]');
    await kept.waitForDisplayed({ timeoutMsg: "the warning was not kept on the family's page" });
    await shot(browser, "04d-iin-warning-kept");
  } finally {
    await quit(browser);
  }
});

test("warns about a likely duplicate while typing, then merges the two on the duplicates screen", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#new-family");
    // The same woman, her name spelt the Russian way, with the same birth date.
    await type(browser, "#m0-surname", "Серикова");
    await type(browser, "#m0-name", "Асель");
    await type(browser, "#m0-birth-date", "02.07.1984");
    const hints = await browser.$("#duplicate-hints");
    await hints.waitForDisplayed({ timeoutMsg: "no duplicate warning while typing" });
    assert.match(await hints.getText(), /№1 Серікова Әсел Болатқызы/);
    await shot(browser, "05-duplicate-warning");
    await click(browser, "#save");
    await click(browser, "#save-anyway");
    assert.equal(await textOf(browser, "#detail-registry-no"), "№2");

    await click(browser, "#back-to-list");
    await click(browser, "#open-duplicates");
    const pair = await browser.$("[data-pair='1-2']");
    await pair.waitForDisplayed();
    assert.match(await pair.getText(), /аты-жөні мен туған күні сәйкес/);
    await shot(browser, "06-duplicates-screen");
    await (await pair.$("button.merge")).click();
    await click(browser, "#merge-confirm");
    await (await browser.$("#duplicates-empty")).waitForDisplayed();
    await click(browser, "#back-to-list");
    await browser.waitUntil(async () => (await textOf(browser, "#family-count")).includes("1"));
    assert.equal((await browser.$$("#family-list tbody tr")).length, 1);
  } finally {
    await quit(browser);
  }
});

test("archives the family with a reason and restores it", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#family-list tbody tr button");
    await click(browser, "#archive-family");
    await type(browser, "#archive-reason", "Басқа ауданға көшті");
    await shot(browser, "07-archive-dialog");
    await click(browser, "#archive-confirm");
    await browser.waitUntil(async () => (await textOf(browser, "#detail-status")) === "мұрағатта");
    await click(browser, "#back-to-list");
    await (await browser.$("#family-list-empty")).waitForDisplayed();
    await (await browser.$("#filter-status")).selectByAttribute("value", "archived");
    await (await browser.$("#family-list tbody tr")).waitForDisplayed();
    await shot(browser, "08-archived-list");
    await click(browser, "#family-list tbody tr button");
    await click(browser, "#restore-family");
    await browser.waitUntil(async () => (await textOf(browser, "#detail-status")) === "қалпына келтірілген");
    const log = await textOf(browser, "#audit-log");
    assert.match(log, /Мұрағаттан қайтарылды/);
    assert.match(log, /Мұрағатқа жіберілді · Басқа ауданға көшті/);
    assert.match(log, /Басқа отбасы біріктірілді · №2/);
    await shot(browser, "09-restored-with-history");
  } finally {
    await quit(browser);
  }
});

test("finds the family by a Latin-spelled name, by IIN and by phone, also after a restart", async () => {
  for (const round of ["first-start", "after-restart"]) {
    const browser = await launch(dataDir);
    try {
      const search = await browser.$("#family-search");
      await search.setValue("Asel");
      const row = await browser.$("#family-list tbody tr");
      await row.waitForDisplayed();
      assert.match(await row.getText(), /Серікова Әсел Болатқызы/);
      assert.equal((await browser.$$("#family-list tbody tr")).length, 1);
      await shot(browser, `10-search-latin-${round}`);

      await search.setValue("Yerlan");
      await browser.waitUntil(async () => (await (await browser.$("#family-list tbody tr")).getText()).includes("Серікова"));
      await search.setValue(IIN.slice(0, 6));
      await browser.waitUntil(async () => (await (await browser.$("#family-list tbody tr")).getText()).includes(IIN));
      await search.setValue("234 56 78");
      await browser.waitUntil(async () => (await (await browser.$("#family-list tbody tr")).getText()).includes("Серікова"));
      await search.setValue("Жоқадам");
      await (await browser.$("#family-list-empty")).waitForDisplayed();
      assert.equal(await textOf(browser, "#family-list-empty"), "«Жоқадам» бойынша ештеңе табылмады.");
    } finally {
      await quit(browser);
    }
  }
});

test("switches to Russian, and keeps Russian after a restart", async () => {
  let browser = await launch(dataDir);
  try {
    assert.equal(await textOf(browser, "#new-family"), "+ Жаңа отбасы");
    await click(browser, "#lang-ru");
    await browser.waitUntil(async () => (await (await browser.$("#new-family")).getText()) === "+ Новая семья");
    assert.equal(await textOf(browser, "#sort-name"), "Глава семьи ↑");
    await shot(browser, "11-list-in-russian");
  } finally {
    await quit(browser);
  }
  browser = await launch(dataDir);
  try {
    assert.equal(await textOf(browser, "#new-family"), "+ Новая семья");
    await click(browser, "#family-list tbody tr button");
    assert.equal(await textOf(browser, "#edit-family"), "Изменить");
    await shot(browser, "12-detail-in-russian");
    await click(browser, "#lang-kk");
  } finally {
    await quit(browser);
  }
});
