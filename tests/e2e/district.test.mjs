// The district roll-up through the real app: three village registries (demo data, other
// seeds) each write their quarter's report package onto one stick; the district reads
// them, sees the fourth office it awaits as missing, and its totals equal the sums of the
// three villages' own reports; a family two villages both helped is one double, found by
// both offices from the district's answer; a village that sends again replaces its report
// and the older one stays as history.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, chooseStick, click, freshDataDir, launch, plugInSticks, quit, shot, startDriver, stopDriver, syntheticIin, textOf, type } from "./harness.mjs";

const usb = path.join(freshDataDir(), "KINGSTON");
const district = freshDataDir();
const villages = [
  { dir: freshDataDir(), kk: "Ақсу ауылдық округі", ru: "Аксуский сельский округ", kato: "515230100", seed: "11" },
  { dir: freshDataDir(), kk: "Қарабұлақ ауылдық округі", ru: "Карабулакский сельский округ", kato: "515230200", seed: "12" },
  { dir: freshDataDir(), kk: "Манкент ауылдық округі", ru: "Манкентский сельский округ", kato: "515230300", seed: "13" },
];
const QUARTER = ["--preset", "quarter", "--date", "15.09.2026"];
const cli = (dir, ...args) => execFileSync(CLI, ["--data-dir", dir, ...args], { encoding: "utf8" });
const shared = syntheticIin("850312", "4", 4242);
const summaryOf = (report, key) => report.sections.find((s) => s.id === "summary").lines.find((l) => l.key === key).now[0];
const number = (text) => Number(text.replace(/[^\d]/g, ""));
const expected = () =>
  villages.reduce(
    (sum, v) => {
      const r = JSON.parse(cli(v.dir, "--json", "report", ...QUARTER));
      return { families: sum.families + summaryOf(r, "families-helped"), value: sum.value + summaryOf(r, "value") };
    },
    { families: 0, value: 0 },
  );

before(async () => {
  plugInSticks(usb);
  cli(district, "office", "set", "--name-kk", "Сайрам ауданы", "--name-ru", "Сайрамский район", "--level", "district", "--kato", "515200000");
  cli(district, "district", "key-card", "--out", path.join(usb, "sairam.meirim-key"));
  cli(district, "district", "expect", "--name-kk", "Жібек жолы ауылдық округі", "--name-ru", "Жибекжолинский сельский округ", "--kato", "515230400");
  for (const [i, v] of villages.entries()) {
    cli(v.dir, "demo", "--families", "120", "--deliveries", "1000", "--seed", v.seed);
    cli(v.dir, "office", "set", "--name-kk", v.kk, "--name-ru", v.ru, "--kato", v.kato);
    cli(v.dir, "office", "key", "--card", path.join(usb, "sairam.meirim-key"));
    if (i < 2) {
      // The same woman registered in two villages, helped by both in the quarter.
      const family = JSON.parse(cli(v.dir, "--json", "families", "add", "--surname", "Екеуова", "--name", "Сәуле", "--iin", shared));
      cli(v.dir, "aid", "give", family.family.id, "--type", i === 0 ? "food-basket" : "coal", "--date", "10.09.2026");
    }
  }
  await startDriver();
});
after(() => stopDriver());

/** The village sends its quarter's package onto the stick through the report screen. */
async function send(v, name) {
  const browser = await launch(v.dir, { home: true });
  try {
    await click(browser, "#open-report");
    await (await browser.$("#report-mode")).selectByAttribute("value", "quarter");
    await type(browser, "#report-on", "15.09.2026");
    await click(browser, "#report-show");
    await (await browser.$("#report-period")).waitForDisplayed();
    await chooseStick(browser, "#package-drive", usb);
    await click(browser, "#package-send");
    const done = await textOf(browser, "#package-done");
    assert.ok(done.includes(`report-${v.kato}-2026-07-01-2026-09-30.meirim-report`), done);
    if (name) await shot(browser, name);
  } finally {
    await quit(browser);
  }
}

test("three villages send their packages; the district reads them, sees who is missing and adds them up", async () => {
  const sums = expected();
  for (const [i, v] of villages.entries()) await send(v, i === 0 ? "100-village-sends-package" : null);
  // A photo renamed by mistake travels on the same stick.
  writeFileSync(path.join(usb, "photo.meirim-report"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  assert.equal(readdirSync(usb).filter((f) => f.endsWith(".meirim-report")).length, 4);

  const browser = await launch(district, { home: true });
  try {
    await click(browser, "#open-district");
    await (await browser.$("#packages-table")).waitForDisplayed();
    const refused = await textOf(browser, 'tr[data-file="photo.meirim-report"]');
    assert.ok(refused.includes("есеп бумасы емес"), refused);
    for (const box of await browser.$$("input[data-add]")) await box.click();
    await shot(browser, "101-district-packages-checked");
    await click(browser, "#packages-read");
    assert.match(await textOf(browser, "#packages-done"), /Оқылған бума: 3/);
    await shot(browser, "102-district-packages-read");

    await click(browser, "#district-tab-consolidated");
    await (await browser.$("#completeness-table")).waitForDisplayed();
    const rows = await browser.$$("#completeness-table tbody tr");
    assert.equal(rows.length, 4);
    assert.equal(await rows[0].getAttribute("data-standing"), "missing");
    assert.ok((await rows[0].getText()).includes("Жібек жолы"));
    assert.equal(number(await textOf(browser, '[data-total="families-helped"]')), sums.families);
    assert.equal(number(await textOf(browser, '[data-total="value"]')), sums.value);
    assert.match(await textOf(browser, "#district-doubles"), /отбасылар: 1 \(/);
    await shot(browser, "103-district-consolidated");

    // The answer for the offices and the consolidated PDF, onto the stick.
    await chooseStick(browser, "#district-drive", usb);
    await click(browser, "#district-answer");
    await (await browser.$("#district-saved")).waitForDisplayed();
    await click(browser, "#district-save-pdf");
    await browser.waitUntil(async () => (await textOf(browser, "#district-saved")).includes(".pdf"));
  } finally {
    await quit(browser);
  }
  const pdf = path.join(usb, "district-2026-07-01-2026-09-30.pdf");
  execFileSync("qpdf", ["--check", pdf]);
  assert.ok(!execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).some((l) => l.trim() && !l.includes(" yes ")));
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  for (const words of ["Жиынтық есеп", "Сайрам ауданы", "Жібек жолы ауылдық округі", "Тапсырмады", "Қарабұлақ ауылдық округі"]) {
    assert.ok(text.includes(words), `${words} not in the PDF`);
  }
  // No IIN left any village: not in a package, not in the answer.
  for (const f of readdirSync(usb)) assert.ok(!readFileSync(path.join(usb, f)).includes(shared), f);
});

test("both villages find the family they both helped; a village sends again and the district keeps the older report as history", async () => {
  const answer = readdirSync(usb).find((f) => f.endsWith(".meirim-doubles"));
  assert.ok(answer, "no answer file on the stick");
  const first = JSON.parse(cli(villages[0].dir, "--json", "office", "doubles", "--answer", path.join(usb, answer)));
  assert.equal(first.doubles.length, 1);
  assert.equal(first.doubles[0].head, "Екеуова Сәуле");
  assert.equal(first.doubles[0].others[0].office.names.kk, villages[1].kk);

  let browser = await launch(villages[1].dir, { home: true });
  try {
    await click(browser, "#open-district");
    await click(browser, "#district-tab-answer");
    await click(browser, ".answer-file");
    await (await browser.$("#answer-table")).waitForDisplayed();
    const row = await textOf(browser, "#answer-table tbody tr");
    assert.ok(row.includes("Екеуова Сәуле") && row.includes(villages[0].kk) && row.includes("азық-түлік себеті"), row);
    await shot(browser, "104-village-answer");
  } finally {
    await quit(browser);
  }

  // One more delivery in the first village, and its package again.
  const family = JSON.parse(cli(villages[0].dir, "--json", "families", "search", "Екеуова")).items[0].id;
  cli(villages[0].dir, "aid", "give", family, "--type", "clothes", "--date", "20.09.2026");
  await send(villages[0]);
  const sums = expected();

  browser = await launch(district, { home: true });
  try {
    await click(browser, "#open-district");
    await (await browser.$("#packages-table")).waitForDisplayed();
    const row = await textOf(browser, `tr[data-file="report-${villages[0].kato}-2026-07-01-2026-09-30.meirim-report"]`);
    assert.ok(row.includes("Жаңарақ нұсқа"), row);
    await click(browser, "#packages-read");
    assert.match(await textOf(browser, "#packages-done"), /Оқылған бума: 1/);
    await click(browser, "#district-tab-consolidated");
    await (await browser.$("#completeness-table")).waitForDisplayed();
    const first = await browser.$(`#completeness-table tbody tr:last-child`);
    assert.ok((await first.getText()).includes("2 нұсқа") || (await browser.$("#completeness-table").getText()).includes("2 нұсқа"));
    assert.equal(number(await textOf(browser, '[data-total="families-helped"]')), sums.families);
    assert.equal(number(await textOf(browser, '[data-total="value"]')), sums.value);
    await shot(browser, "105-district-after-resend");
  } finally {
    await quit(browser);
  }
  assert.ok(existsSync(usb));
});

test("a family moves from one village to another with its aid and history", async () => {
  const [from, to] = [villages[2], villages[0]];
  const moving = JSON.parse(cli(from.dir, "--json", "families", "show", "5"));
  const aidThere = JSON.parse(cli(from.dir, "--json", "aid", "list", "5"));
  const passphrase = "көктем-2026-жыл";

  let browser = await launch(from.dir);
  try {
    await type(browser, "#family-search", `${moving.members[0].surname} ${moving.members[0].name}`);
    await click(browser, `tr[data-id="${moving.id}"] button`);
    await click(browser, "#transfer-family");
    await type(browser, "#transfer-reason", "Манкенттен Ақсуға көшті");
    await type(browser, "#transfer-passphrase", passphrase);
    await type(browser, "#transfer-passphrase-again", passphrase);
    await chooseStick(browser, "#transfer-drive", usb);
    await shot(browser, "106-family-transfer-send");
    await click(browser, "#transfer-send");
    await browser.waitUntil(async () => (await browser.$("body").getText()).includes(".meirim-family"), { timeoutMsg: "no transfer file saved" });
  } finally {
    await quit(browser);
  }
  assert.equal(JSON.parse(cli(from.dir, "--json", "families", "show", "5")).status, "archived");
  const file = readdirSync(usb).find((f) => f.endsWith(".meirim-family"));
  assert.ok(file, "no .meirim-family on the stick");
  assert.ok(!readFileSync(path.join(usb, file)).includes(moving.members[0].surname), "a name in the file");

  browser = await launch(to.dir);
  try {
    await click(browser, "#open-receive");
    await (await browser.$("input[name=transfer-file]")).waitForExist();
    await type(browser, "#receive-passphrase", passphrase);
    await click(browser, "#receive-open");
    await (await browser.$("#receive-preview")).waitForDisplayed({ timeout: 30_000 });
    assert.ok((await textOf(browser, "#receive-head")).includes(moving.members[0].surname));
    await shot(browser, "107-family-transfer-receive");
    await click(browser, "#receive-accept");
    await (await browser.$("#edit-family")).waitForDisplayed({ timeout: 30_000 });
    await shot(browser, "108-family-arrived");
  } finally {
    await quit(browser);
  }
  const arrived = JSON.parse(cli(to.dir, "--json", "families", "search", moving.members[0].surname)).items.find((f) => f.registry_no > 120);
  assert.ok(arrived, "the family is not in the receiving registry");
  const aidHere = JSON.parse(cli(to.dir, "--json", "aid", "list", arrived.id));
  assert.equal(aidHere.length, aidThere.length);
});
