// The period report through the real app: a demo district, a year's report on screen with
// its figures beside the previous year's, then saved as XLSX, CSV and PDF and checked.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { CLI, click, freshDataDir, launch, quit, shot, startDriver, stopDriver, textOf, type } from "./harness.mjs";

const dataDir = freshDataDir();
const cli = (...args) => execFileSync(CLI, ["--data-dir", dataDir, ...args], { encoding: "utf8" });

before(async () => {
  cli("demo", "--families", "150", "--deliveries", "1500", "--seed", "5");
  await startDriver();
});
after(() => stopDriver());

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
  } finally {
    await quit(browser);
  }
});
