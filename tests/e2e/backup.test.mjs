// Backups through the real app: an encrypted copy written to a test "USB stick", a family
// added afterwards, then the copy restored — the new family is gone, the rest intact, and
// the replaced registry is kept as a backup.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLI, chooseStick, click, freshDataDir, launch, passTheDoor, plugInSticks, quit, shot, startDriver, stopDriver, textOf, type, unmountStick } from "./harness.mjs";

const dataDir = freshDataDir();
const usb = path.join(freshDataDir(), "KINGSTON");
// A write-protected "stick".
const locked = path.join(freshDataDir(), "LOCKED");
const cli = (...args) => execFileSync(CLI, ["--data-dir", dataDir, "--json", ...args], { encoding: "utf8" });
const total = () => JSON.parse(cli("families", "list", "--limit", "1")).total;
const PASSPHRASE = "Ақсу ауылы 2026";

before(async () => {
  execFileSync(CLI, ["--data-dir", dataDir, "demo", "--families", "20", "--deliveries", "40", "--seed", "8"]);
  plugInSticks(usb, locked);
  await startDriver();
});
after(() => {
  stopDriver();
  unmountStick(locked);
});

test("an encrypted backup on a stick restores the registry as it was", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-backups");
    await click(browser, "#backup-now");
    await (await browser.$("#backup-list")).waitForDisplayed();
    assert.match(await textOf(browser, "#backup-list"), /Қолмен жасалған/);

    // A write-protected stick: a clear message, nothing written.
    await chooseStick(browser, "#backup-destination", locked);
    await type(browser, "#backup-passphrase", PASSPHRASE);
    await type(browser, "#backup-passphrase2", PASSPHRASE);
    await click(browser, "#backup-seal");
    await (await browser.$("#backup-problem")).waitForDisplayed();
    assert.match(await textOf(browser, "#backup-problem"), /жазуға болмайды/);
    assert.deepEqual(readdirSync(locked), []);
    await shot(browser, "79-backup-read-only-stick");

    await chooseStick(browser, "#backup-destination", usb);
    await type(browser, "#backup-passphrase", PASSPHRASE);
    await type(browser, "#backup-passphrase2", "басқа");
    await click(browser, "#backup-seal");
    assert.match(await textOf(browser, "#backup-seal-error"), /бірдей емес/);
    await type(browser, "#backup-passphrase2", PASSPHRASE);
    await click(browser, "#backup-seal");
    await (await browser.$("#backup-notice")).waitForDisplayed();
    assert.match(await textOf(browser, "#backup-notice"), /\.meirim-backup/);
    const sealed = readdirSync(usb).filter((f) => f.endsWith(".meirim-backup"));
    assert.equal(sealed.length, 1);
    await shot(browser, "80-backup-sealed");

    // After the backup, a family is added.
    execFileSync(CLI, ["--data-dir", dataDir, "families", "add", "--surname", "Жаңабаева", "--name", "Гүлім", "--accept-duplicates"]);
    assert.equal(total(), 21);

    await click(browser, "#nav-home");
    await click(browser, "#open-backups");
    await click(browser, "#backup-file-0");
    await type(browser, "#restore-passphrase", "қате құпия сөз");
    await click(browser, "#restore-inspect");
    await (await browser.$("#backup-problem")).waitForDisplayed();
    assert.match(await textOf(browser, "#backup-problem"), /Құпия сөз қате/);
    // Said under the passphrase the user just typed, in view — not at the top of the page.
    const placed = await browser.execute(() => {
      const problem = document.getElementById("backup-problem");
      const field = document.getElementById("restore-passphrase");
      if (!problem || !field) return null;
      const r = problem.getBoundingClientRect();
      return {
        after: Boolean(field.compareDocumentPosition(problem) & Node.DOCUMENT_POSITION_FOLLOWING),
        visible: r.top >= 0 && r.bottom <= window.innerHeight,
      };
    });
    assert.deepEqual(placed, { after: true, visible: true });
    await shot(browser, "80b-wrong-passphrase-beside-field");
    await type(browser, "#restore-passphrase", PASSPHRASE);
    await click(browser, "#restore-inspect");
    await (await browser.$("#restore-candidate")).waitForDisplayed();
    assert.equal(await textOf(browser, "#restore-backup-families"), "20");
    await shot(browser, "81-restore-preview");
    await click(browser, "#restore-confirm");
    // The window reloads on the restored registry.
    // The window reloads on the restored registry, and says what came back.
    const notice = await browser.$("#restored-notice");
    await notice.waitForDisplayed({ timeoutMsg: "nothing said the restore worked" });
    assert.match(await notice.getText(), /көшірмеден қалпына келтірілді: 20 отбасы/);
    await shot(browser, "81b-restored-notice");
    await click(browser, "#nav-families");
    await browser.waitUntil(async () => (await textOf(browser, "#family-count")).replace(/\D/g, "") === "20", {
      timeoutMsg: "the restored registry does not have the twenty families",
    });
    assert.doesNotMatch(await textOf(browser, "main"), /Жаңабаева/);
    await shot(browser, "82-restored");
  } finally {
    await quit(browser);
  }
  assert.equal(total(), 20);
  const kept = JSON.parse(cli("backup", "list"));
  const before = kept.find((b) => b.kind === "before-restore");
  assert.ok(before, "the replaced registry is kept as a backup");
  assert.equal(before.contents.families, 21);
});

test("a damaged registry is not opened; the start screen restores the last good backup", async () => {
  const dir = freshDataDir();
  execFileSync(CLI, ["--data-dir", dir, "demo", "--families", "12", "--deliveries", "10", "--seed", "2"]);
  execFileSync(CLI, ["--data-dir", dir, "backup", "create"]);
  // A disk error in the middle of the file.
  const file = path.join(dir, "meirim.sqlite3");
  const bytes = readFileSync(file);
  bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
  writeFileSync(file, bytes);

  const browser = await launch(dir, { home: true });
  try {
    const box = await browser.$("#startup-problem");
    await box.waitForDisplayed();
    assert.match(await box.getText(), /Тізілім файлы бүлінген/);
    await (await browser.$("[data-restore-local='0']")).waitForDisplayed();
    await shot(browser, "83-damaged-registry");
    await click(browser, "[data-restore-local='0']");
    await (await browser.$("#restore-candidate")).waitForDisplayed();
    assert.equal(await textOf(browser, "#restore-backup-families"), "12");
    await click(browser, "#restore-confirm");
    // The restored registry is from before accounts: the office creates its administrator
    // now, which encrypts it.
    await browser.waitUntil(async () => browser.$("#create-administrator").isExisting(), {
      timeoutMsg: "the restored registry did not ask for its administrator",
    });
    assert.match(await textOf(browser, "#create-existing"), /12 отбасы/);
    await passTheDoor(browser);
    await browser.waitUntil(async () => browser.$("#dashboard").isExisting(), {
      timeoutMsg: "the app did not start on the restored registry",
    });
    await shot(browser, "84-restored-after-damage");
  } finally {
    await quit(browser);
  }
  assert.equal(JSON.parse(execFileSync(CLI, ["--data-dir", dir, "--json", "families", "list", "--limit", "1"], { encoding: "utf8" })).total, 12);
  const aside = readdirSync(dir).filter((f) => /^meirim\.sqlite3\.damaged-[^-]*Z$/.test(f) || /^meirim\.sqlite3\.damaged-.*Z$/.test(f));
  assert.equal(aside.length, 1, readdirSync(dir).join(", "));
  assert.ok(readFileSync(path.join(dir, aside[0])).equals(bytes), "the damaged file is kept as it was");
});
