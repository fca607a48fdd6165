// What an office sees when its registry file cannot be used: a clear message in the
// window, and the file left exactly as it was.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, click, freshDataDir, launch, quit, shot, startDriver, stopDriver, textOf } from "./harness.mjs";

before(() => startDriver());
after(() => stopDriver());

test("a registry from a newer Meirim is refused with a message and left untouched", async () => {
  const dataDir = freshDataDir();
  // The CLI closes the registry cleanly, so everything is in the main file, not the WAL.
  execFileSync(CLI, ["--data-dir", dataDir, "families", "list"]);
  assert.equal(existsSync(path.join(dataDir, "meirim.sqlite3-wal")), false);

  // PRAGMA user_version is the big-endian integer at byte 60 of the SQLite header.
  const file = path.join(dataDir, "meirim.sqlite3");
  const bytes = readFileSync(file);
  bytes.writeUInt32BE(99, 60);
  writeFileSync(file, bytes);

  const browser = await launch(dataDir);
  try {
    const box = await browser.$("#startup-problem");
    await box.waitForDisplayed();
    const text = await box.getText();
    assert.match(text, /Мейірім деректер файлын аша алмады/);
    assert.match(text, /Деректер Мейірімнің жаңарақ нұсқасында сақталған \(файлдың схемасы — 99, бұл нұсқанікі — \d+\)/);
    assert.match(text, new RegExp(dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    assert.equal(await browser.$("#family-search").isExisting(), false);
    await shot(browser, "08-newer-registry-refused");
  } finally {
    await quit(browser);
  }
  assert.ok(readFileSync(file).equals(bytes), "the refused file must not change");
});

test("a new office is shown its first steps, and each button does its step", async () => {
  const browser = await launch(freshDataDir(), { home: true });
  try {
    const steps = await browser.$("#first-steps");
    await steps.waitForDisplayed({ timeoutMsg: "no first steps on an empty registry" });
    // No figures or charts of zeros.
    assert.equal(await browser.$("#figure-families-current").isExisting(), false);
    await shot(browser, "00-first-steps");
    // Who works is who signed in: the header names them, and that step is done.
    assert.match(await textOf(browser, "#signed-in-as"), /Сапарова Әйгерім · Әкімші/);
    assert.match(await (await browser.$('[data-step="operator"]')).getAttribute("class"), /done/);
    await click(browser, "#step-letterhead");
    await (await browser.$("#letterhead-kk")).waitForDisplayed({ timeoutMsg: "the letterhead did not open" });
    await click(browser, "#nav-home");
    await click(browser, "#step-new-family");
    await (await browser.$("#family-form")).waitForDisplayed();
  } finally {
    await quit(browser);
  }
});

test("an automatic backup that fails is said on the home screen and its reason logged", async () => {
  const dataDir = freshDataDir();
  execFileSync(CLI, ["--data-dir", dataDir, "demo", "--families", "5", "--seed", "3"]);
  // Something that is not a folder where the backups go: the day's backup cannot be made.
  writeFileSync(path.join(dataDir, "backups"), "not a folder");
  const browser = await launch(dataDir, { home: true });
  try {
    const banner = await browser.$("#backup-failed");
    await banner.waitForDisplayed({ timeoutMsg: "the failed backup was not said" });
    assert.match(await banner.getText(), /Автоматты сақтық көшірме жасалмады/);
    assert.match(await banner.getText(), /meirim\.log/);
    await shot(browser, "00b-backup-failed-warning");
    await click(browser, "#backup-failed-open");
    assert.match(await textOf(browser, "#backups #backup-failed"), /жасалмады/);
  } finally {
    await quit(browser);
  }
  const log = readFileSync(path.join(dataDir, "meirim.log"), "utf8");
  assert.match(log, /backup-failed/);
});
