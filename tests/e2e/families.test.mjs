// The family slice through the real app: create with a Kazakh name and valid IIN, check the
// IIN pre-fill, find it, restart and find it again, switch to Russian and keep the choice.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshDataDir, launch, quit, shot, SHOTS, startDriver, stopDriver, syntheticIin } from "./harness.mjs";

const dataDir = freshDataDir();
// 2 July 1984, woman (century digit 4).
const IIN = syntheticIin("840702", 4, 17);

before(async () => {
  console.log(`screenshots: ${SHOTS}`);
  await startDriver();
});
after(() => stopDriver());

async function textOf(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForDisplayed();
  return el.getText();
}

test("registers a family through the form, with the IIN filling in birth date and sex", async () => {
  const browser = await launch(dataDir);
  try {
    assert.equal(await textOf(browser, "#family-list-empty"), "Әзірге бірде-бір отбасы тіркелмеген. «Жаңа отбасы» батырмасын басыңыз.");
    await shot(browser, "01-empty-registry-kk");

    await (await browser.$("#new-family")).click();
    await (await browser.$("#head-surname")).setValue("Серікова");
    await (await browser.$("#head-name")).setValue("Әсел");
    await (await browser.$("#head-patronymic")).setValue("Болатқызы");
    await (await browser.$("#head-iin")).setValue(IIN);

    const birth = await browser.$("#head-birth-date");
    await browser.waitUntil(async () => (await birth.getValue()) === "02.07.1984", {
      timeoutMsg: "birth date was not pre-filled from the IIN",
    });
    assert.equal(await (await browser.$("#head-sex")).getValue(), "female");
    await (await browser.$("#iin-prefilled")).waitForDisplayed();

    await (await browser.$("#phone")).setValue("8 701 234 56 78");
    await (await browser.$("#oblast")).selectByVisibleText("Түркістан облысы");
    await (await browser.$("#district")).setValue("Сайрам ауданы");
    await (await browser.$("#village")).setValue("Ақсу");
    await (await browser.$("#street")).setValue("Абай көшесі, 12");
    await (await browser.$("label=көпбалалы отбасы")).click();
    await shot(browser, "02-new-family-form-prefilled");

    await (await browser.$("#save")).click();
    assert.equal(await textOf(browser, "#detail-name"), "Серікова Әсел Болатқызы");
    assert.equal(await textOf(browser, "#detail-birth-date"), "02.07.1984");
    assert.equal(await textOf(browser, "#detail-iin"), IIN);
    assert.match(await textOf(browser, "#detail-categories"), /көпбалалы отбасы/);
    await shot(browser, "03-family-detail");
  } finally {
    await quit(browser);
  }
});

test("refuses an empty form with Kazakh messages on the fields", async () => {
  const browser = await launch(dataDir);
  try {
    await (await browser.$("#new-family")).click();
    await (await browser.$("#head-iin")).setValue("12345");
    await (await browser.$("#save")).click();
    const alert = await browser.$("[role=alert]");
    await alert.waitForDisplayed();
    assert.match(await alert.getText(), /Кейбір өрістер дұрыс толтырылмаған/);
    assert.equal(await textOf(browser, "[data-error-for=head-surname]"), "Бұл өрісті толтырыңыз.");
    assert.equal(await textOf(browser, "[data-error-for=head-iin]"), "ЖСН 12 цифрдан тұрады, ал енгізілгені — 5.");
    await shot(browser, "04-validation-errors-kk");
  } finally {
    await quit(browser);
  }
});

test("finds the family by name fragment and by IIN prefix, also after a restart", async () => {
  for (const round of ["first-start", "after-restart"]) {
    const browser = await launch(dataDir);
    try {
      const search = await browser.$("#family-search");
      await search.setValue("әсел");
      const row = await browser.$("#family-list tbody tr");
      await row.waitForDisplayed();
      assert.match(await row.getText(), /Серікова Әсел Болатқызы/);
      assert.equal((await browser.$$("#family-list tbody tr")).length, 1);
      await shot(browser, `05-search-by-name-${round}`);

      await search.setValue(IIN.slice(0, 6));
      await browser.waitUntil(async () => (await (await browser.$("#family-list tbody tr")).getText()).includes(IIN));
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
    await (await browser.$("#lang-ru")).click();
    await browser.waitUntil(async () => (await (await browser.$("#new-family")).getText()) === "+ Новая семья");
    assert.equal(await textOf(browser, "#family-list th"), "Глава семьи");
    await shot(browser, "06-list-in-russian");
  } finally {
    await quit(browser);
  }
  browser = await launch(dataDir);
  try {
    assert.equal(await textOf(browser, "#new-family"), "+ Новая семья");
    await (await browser.$("#family-list tbody tr button")).click();
    assert.equal(await textOf(browser, "#edit-family"), "Изменить");
    await shot(browser, "07-detail-in-russian");
    await (await browser.$("#lang-kk")).click();
  } finally {
    await quit(browser);
  }
});
