// The period report through the real app: a demo district, a year's report on screen with
// its figures beside the previous year's, then saved as XLSX, CSV and PDF and checked.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, chooseStick, click, freshDataDir, launch, plugInSticks, quit, shot, startDriver, stopDriver, textOf, type, unmountStick } from "./harness.mjs";

const dataDir = freshDataDir();
// Two "USB sticks" for the app: a plain folder, and a tmpfs mounted read-only.
const usb = path.join(freshDataDir(), "KINGSTON");
const locked = path.join(freshDataDir(), "LOCKED");
const cli = (...args) => execFileSync(CLI, ["--data-dir", dataDir, ...args], { encoding: "utf8" });

before(async () => {
  cli("demo", "--families", "150", "--deliveries", "1500", "--seed", "5");
  plugInSticks(usb, locked);
  await startDriver();
});
after(() => {
  stopDriver();
  unmountStick(locked);
});

test("a year's report shows the district's figures and saves as XLSX, CSV and PDF", async () => {
  const expected = JSON.parse(cli("--json", "report", "--preset", "year", "--date", "01.06.2026"));
  const summary = expected.sections.find((s) => s.id === "summary");
  const helped = summary.lines.find((l) => l.key === "families-helped");
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-report");
    await (await browser.$("#report-mode")).selectByAttribute("value", "year");
    await type(browser, "#report-on", "01.06.2026");
    await click(browser, "#report-show");
    await (await browser.$("#report-period")).waitForDisplayed();
    assert.equal(await textOf(browser, "#report-period"), "01.01.2026 – 31.12.2026");
    const row = await browser.$('table[data-section="summary"] tr[data-line="families-helped"]');
    const cells = await row.$$("td");
    assert.equal((await cells[1].getText()).replaceAll("\u00a0", " "), String(helped.now[0]));
    assert.equal((await cells[2].getText()).replaceAll("\u00a0", " "), String(helped.before[0]));
    await shot(browser, "60-period-report");
    // Aid by type's four figures come as two tables, each within the 1200-pixel window.
    const aid = await browser.$$('table[data-section="aid-by-type"]');
    assert.equal(aid.length, 2);
    await aid[1].scrollIntoView();
    const overflow = await browser.execute(() => {
      const main = document.querySelector("main")?.getBoundingClientRect();
      return [...document.querySelectorAll("table.report-table")]
        .map((t) => t.getBoundingClientRect())
        .filter((r) => main && r.right > main.right + 1).length;
    });
    assert.equal(overflow, 0, "a report table is wider than the window");
    assert.ok(await browser.execute(() => document.documentElement.scrollWidth <= window.innerWidth), "the page scrolls sideways");
    await shot(browser, "60b-report-aid-by-type");

    for (const format of ["xlsx", "csv", "pdf"]) {
      await click(browser, `#report-save-${format}`);
      await browser.waitUntil(async () => (await textOf(browser, ".saved-document .saved-text")).includes(`.${format}`), {
        timeoutMsg: `the ${format} was not saved`,
      });
      const saved = await textOf(browser, ".saved-document .saved-text");
      const file = saved.slice(saved.indexOf("/"));
      const bytes = readFileSync(file);
      if (format === "xlsx") assert.equal(bytes.subarray(0, 2).toString(), "PK");
      if (format === "csv") {
        assert.equal(bytes.subarray(0, 3).toString("hex"), "efbbbf", "BOM");
        assert.ok(bytes.toString("utf8").includes(`Көмек алған отбасылар;${helped.now[0]};${helped.before[0]}`));
      }
      if (format === "pdf") {
        execFileSync("qpdf", ["--check", file]);
        const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
        assert.ok(text.includes("Кезеңдік есеп"), text.slice(0, 300));
      }
    }
    await shot(browser, "61-report-saved");

    // To the stick: the XLSX written, read back, and a real workbook.
    await chooseStick(browser, "#usb-drive", usb);
    await (await browser.$("#usb-format")).selectByAttribute("value", "xlsx");
    await click(browser, "#usb-write");
    assert.match(await textOf(browser, "#usb-done"), /Флешканы алуға болады/);
    assert.deepEqual(readdirSync(usb), ["report-2026-01-01-2026-12-31.xlsx"]);
    const parts = execFileSync("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path.join(usb, "report-2026-01-01-2026-12-31.xlsx")], { encoding: "utf8" });
    assert.ok(parts.includes("xl/workbook.xml"), parts);
    await shot(browser, "62-report-on-usb");

    // A write-protected stick: a clear message, nothing written.
    await chooseStick(browser, "#usb-drive", locked);
    await click(browser, "#usb-write");
    assert.match(await textOf(browser, ".banner.error"), /жазуға болмайды/);
    assert.deepEqual(readdirSync(locked), []);
    await shot(browser, "63-usb-read-only");
  } finally {
    await quit(browser);
  }
});

test("the dashboard is the home screen, its figures open the lists behind them, and lists export to the stick", async () => {
  const expected = JSON.parse(cli("--json", "dashboard"));
  const browser = await launch(dataDir, { home: true });
  const number = async (selector) => Number((await textOf(browser, `${selector} .value`)).replace(/\D/g, ""));
  const listed = async () => {
    const count = await textOf(browser, "#family-count");
    return Number(count.replace(/\D/g, ""));
  };
  try {
    await (await browser.$("#dashboard .figures")).waitForDisplayed();
    assert.equal(await number("#figure-families-current"), expected.families_current);
    assert.equal(await number("#figure-helped-year"), expected.families_helped_year);
    assert.equal(await number("#figure-value-year"), Math.round(expected.value_year));
    assert.ok(expected.families_helped_year > 0, "the demo district was helped this year");
    // The charts are drawn: a bar of some length for every category with families, and
    // the month bars of this year's aid.
    const drawn = await browser.execute(() => ({
      categories: [...document.querySelectorAll("#chart-categories .fill")].filter((f) => f.getBoundingClientRect().width > 1).length,
      months: [...document.querySelectorAll("#chart-aid .stack")].filter((f) => f.getBoundingClientRect().height > 1).length,
    }));
    assert.equal(drawn.categories, expected.categories.filter((c) => c.families > 0).length);
    assert.ok(drawn.months > 0, "no month bar is drawn");
    await shot(browser, "64-dashboard");

    await click(browser, "#figure-helped-year");
    await (await browser.$("#filter-helped")).waitForDisplayed();
    await browser.waitUntil(async () => (await listed()) === expected.families_helped_year, {
      timeoutMsg: "the list does not show the families the figure counts",
    });
    await shot(browser, "65-dashboard-helped-list");

    await click(browser, "#nav-home");
    const category = expected.categories.find((c) => c.families > 0);
    await click(browser, "#table-categories-summary");
    await click(browser, `#table-categories button[data-category="${category.category_id}"]`);
    await browser.waitUntil(async () => (await listed()) === category.families, {
      timeoutMsg: "the category's list does not match its bar",
    });
    const village = expected.top_villages[0];
    await click(browser, "#nav-home");
    await click(browser, "#table-villages-summary");
    await click(browser, `#table-villages button[data-village="${village.village}"]`);
    await browser.waitUntil(async () => (await listed()) === village.families, {
      timeoutMsg: "the village's list does not match its bar",
    });

    // From the dashboard to a quarter's report, written to the stick as XLSX.
    await click(browser, "#open-report");
    await (await browser.$("#report-mode")).selectByAttribute("value", "quarter");
    await type(browser, "#report-on", "15.08.2026");
    await click(browser, "#report-show");
    await browser.waitUntil(async () => (await textOf(browser, "#report-period")) === "01.07.2026 – 30.09.2026");
    await chooseStick(browser, "#usb-drive", usb);
    await (await browser.$("#usb-format")).selectByAttribute("value", "xlsx");
    await click(browser, "#usb-write");
    assert.match(await textOf(browser, "#usb-done"), /Флешканы алуға болады/);
    const quarter = path.join(usb, "report-2026-07-01-2026-09-30.xlsx");
    const sheets = execFileSync("python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read('xl/workbook.xml').decode())", quarter], { encoding: "utf8" });
    assert.ok(sheets.includes("<sheet "), sheets.slice(0, 200));

    // The families list with members, as CSV on the stick: refused until confirmed, then
    // progress, the file, and an audit entry.
    await click(browser, "#tab-lists");
    await chooseStick(browser, "#list-destination", usb);
    await (await browser.$("#list-format")).selectByAttribute("value", "csv");
    await click(browser, "#list-export-start");
    await (await browser.$("[data-error-for='list-personal-data']")).waitForDisplayed();
    await click(browser, "#list-personal-data");
    await shot(browser, "66-list-export");
    await click(browser, "#list-export-start");
    const done = await textOf(browser, "#list-export-done");
    assert.match(done, /Флешканы алуға болады/);
    const file = readdirSync(usb).find((f) => f.startsWith("families-") && f.endsWith(".csv"));
    assert.ok(file, readdirSync(usb).join(", "));
    const rows = execFileSync(
      "python3",
      ["-c", "import csv, sys; r = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig'), delimiter=';')); print(len(r) - 1, len(r[0]), r[0][0])", path.join(usb, file)],
      { encoding: "utf8" },
    ).trim();
    // The registry is encrypted now: what it holds is read through the CLI (signed in as
    // the tests' administrator), from a backup made this moment. The demo district has no
    // merged or destroyed families, so every member row is a person on the list.
    cli("backup", "create");
    const newest = JSON.parse(cli("--json", "backup", "list"))[0];
    const people = newest.contents.members;
    assert.equal(Number(rows.split(" ")[0]), people, rows);
    assert.ok(done.includes(String(people).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")) || done.replace(/\s/g, "").includes(String(people)), done);
    const audit = JSON.stringify(JSON.parse(cli("--json", "audit", "--office", "--limit", "50")).filter((e) => e.action === "export").map((e) => e.summary));
    assert.ok(audit.includes(`families: ${people} rows, IIN no`) && audit.includes(usb), audit);
    await shot(browser, "67-list-exported");
  } finally {
    await quit(browser);
  }
});
