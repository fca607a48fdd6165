// The period report through the real app: a demo district, a year's report on screen with
// its figures beside the previous year's, then saved as XLSX, CSV and PDF and checked.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, click, freshDataDir, launch, quit, shot, startDriver, stopDriver, textOf, type } from "./harness.mjs";

const dataDir = freshDataDir();
// Two "USB sticks" for the app: a plain folder, and a tmpfs mounted read-only.
const usb = path.join(freshDataDir(), "KINGSTON");
const locked = path.join(freshDataDir(), "LOCKED");
// mount needs root: directly, or through sudo -n for a user who may.
const asRoot = (program, args) => {
  try {
    execFileSync(program, args);
  } catch {
    execFileSync("sudo", ["-n", program, ...args]);
  }
};
const cli = (...args) => execFileSync(CLI, ["--data-dir", dataDir, ...args], { encoding: "utf8" });

before(async () => {
  cli("demo", "--families", "150", "--deliveries", "1500", "--seed", "5");
  mkdirSync(usb);
  mkdirSync(locked);
  asRoot("mount", ["-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", locked]);
  process.env.MEIRIM_REMOVABLE_DRIVES = [usb, locked].join(path.delimiter);
  await startDriver();
});
after(() => {
  stopDriver();
  asRoot("umount", [locked]);
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
    const drive = await browser.$("#usb-drive");
    await drive.waitForDisplayed();
    await drive.selectByAttribute("value", usb);
    await (await browser.$("#usb-format")).selectByAttribute("value", "xlsx");
    await click(browser, "#usb-write");
    assert.match(await textOf(browser, "#usb-done"), /Флешканы алуға болады/);
    assert.deepEqual(readdirSync(usb), ["report-2026-01-01-2026-12-31.xlsx"]);
    const parts = execFileSync("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path.join(usb, "report-2026-01-01-2026-12-31.xlsx")], { encoding: "utf8" });
    assert.ok(parts.includes("xl/workbook.xml"), parts);
    await shot(browser, "62-report-on-usb");

    // A write-protected stick: a clear message, nothing written.
    await drive.selectByAttribute("value", locked);
    await click(browser, "#usb-write");
    assert.match(await textOf(browser, ".banner.error"), /жазуға болмайды/);
    assert.deepEqual(readdirSync(locked), []);
    await shot(browser, "63-usb-read-only");
  } finally {
    await quit(browser);
  }
});
