// What an office sees when its registry file cannot be used: a clear message in the
// window, and the file left exactly as it was.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, freshDataDir, launch, quit, shot, startDriver, stopDriver } from "./harness.mjs";

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
