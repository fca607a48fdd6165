// Importing an office's messy Excel list through the real app: the file is found on a
// "USB stick", the header under a merged title is found, the columns are guessed, one
// mapping is changed by hand, the dry run shows errors by row and column and writes
// nothing, the import adds the families (Latin letters fixed, the IIN's zero back), the
// same file again changes nothing, and the import is undone from the history.
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { CLI, chooseStick, click, freshDataDir, invokeRaw, launch, plugInSticks, quit, shot, startDriver, stopDriver, textOf } from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = freshDataDir();
const usb = path.join(freshDataDir(), "KINGSTON");
const cli = (...args) => execFileSync(CLI, ["--data-dir", dataDir, "--json", ...args], { encoding: "utf8" });
const families = () => JSON.parse(cli("families", "list", "--limit", "100")).items;

before(async () => {
  plugInSticks(usb);
  copyFileSync(path.join(here, "..", "fixtures", "import", "messy-list.xlsx"), path.join(usb, "тізім.xlsx"));
  await startDriver();
});
after(() => stopDriver());

const count = (browser, key) => textOf(browser, `#import-count-${key}`).then(Number);

test("a messy list is checked, its mapping fixed, imported, recognised again and undone", async () => {
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-import");
    await click(browser, "button=тізім.xlsx");
    await (await browser.$("#import-map-1")).waitForDisplayed();
    // The header is row 4, under the merged title and the okrug line.
    assert.equal(await (await browser.$("#import-header-row")).getValue(), "4");
    assert.equal(await (await browser.$("#import-map-1")).getValue(), "full-name");
    assert.equal(await (await browser.$("#import-map-2")).getValue(), "iin");
    assert.equal(await (await browser.$("#import-map-0")).getValue(), "family-key");
    await shot(browser, "70-import-columns");

    await click(browser, "#import-check");
    await (await browser.$("#import-dry-run-note")).waitForDisplayed();
    assert.equal(await count(browser, "added"), 2);
    assert.equal(await count(browser, "rejected"), 2);
    const issues = await textOf(browser, "#import-issues");
    assert.ok(issues.includes("8-жол, C бағаны («ЖСН»): ЖСН-нің соңғы (бақылау) цифры"), issues);
    assert.match(issues, /«ғарышкер» санаты кеңсенің тізімінде жоқ/);
    await shot(browser, "71-import-preview");
    assert.equal(families().length, 0, "the dry run wrote nothing");

    // The rejected rows, with their reasons, go to the stick to be fixed.
    await chooseStick(browser, "#import-rejected-destination", usb);
    await click(browser, "#import-save-rejected");
    await (await browser.$("#import-notice")).waitForDisplayed();
    const rejected = readdirSync(usb).filter((f) => f.endsWith("-rejected.xlsx"));
    assert.deepEqual(rejected, ["тізім-rejected.xlsx"]);
    assert.equal(readFileSync(path.join(usb, rejected[0])).subarray(0, 2).toString(), "PK");

    // The office decides the category column is not worth a rejected family: leave it out.
    await click(browser, "button=Артқа");
    await (await browser.$("#import-map-7")).waitForDisplayed();
    await (await browser.$("#import-map-7")).selectByAttribute("value", "");
    await click(browser, "#import-check");
    await browser.waitUntil(async () => (await count(browser, "added")) === 3, { timeoutMsg: "the changed mapping was not used" });
    assert.equal(await count(browser, "rejected"), 1);

    await click(browser, "#import-apply");
    await (await browser.$("#import-done")).waitForDisplayed();
    await shot(browser, "72-import-done");
    await click(browser, "#import-open-families");
    await browser.waitUntil(async () => (await textOf(browser, "#family-count")).replace(/\D/g, "") === "3", {
      timeoutMsg: "the list does not show the three imported families",
    });
    const list = await textOf(browser, "main");
    assert.match(list, /Касымова Гүлнар Бекқызы/, "the Latin letters were made Cyrillic");
    assert.match(list, /Серікова Әсел Бауыржанқызы/);
    await shot(browser, "73-import-families");
    const stored = JSON.stringify(JSON.parse(cli("families", "list", "--limit", "100")));
    assert.match(stored, /050315450014/, "the IIN's leading zero is back");

    // The same file again: recognised, nothing new.
    await click(browser, "#open-import");
    await click(browser, "button=тізім.xlsx");
    await (await browser.$("#import-map-7")).waitForDisplayed();
    await (await browser.$("#import-map-7")).selectByAttribute("value", "");
    await click(browser, "#import-check");
    await (await browser.$("#import-dry-run-note")).waitForDisplayed();
    assert.equal(await count(browser, "added"), 0);
    assert.equal(await count(browser, "unchanged"), 3);
    assert.match(await textOf(browser, "#import-wizard"), /Бұл файл .* импортталған/);
    await shot(browser, "74-import-again");

    // Undo the import from the history: the registry is as before.
    await click(browser, "button=Артқа");
    await click(browser, "button=Артқа");
    await (await browser.$("#import-history")).waitForDisplayed();
    await click(browser, "#import-history button.danger");
    await (await browser.$("#import-notice")).waitForDisplayed();
    assert.match(await textOf(browser, "#import-notice"), /3 отбасы алынды/);
    await shot(browser, "75-import-undone");
  } finally {
    await quit(browser);
  }
  assert.equal(families().length, 0);
});

// Files that abort, panic or hang the spreadsheet reader are read by a separate worker:
// the office sees why each was refused, and the app goes on to open a good list.
test("a hostile file is refused with its reason and the app stays usable", async () => {
  const hostile = path.join(here, "..", "hostile", "calamine");
  copyFileSync(path.join(hostile, "ods-missing-table-end.ods"), path.join(usb, "бүлінген.ods"));
  copyFileSync(path.join(hostile, "xlsx-far-corner.xlsx"), path.join(usb, "үлкен.xlsx"));
  const browser = await launch(dataDir);
  try {
    await click(browser, "#open-import");
    await click(browser, "button=бүлінген.ods");
    await (await browser.$("#import-problem")).waitForDisplayed();
    assert.match(await textOf(browser, "#import-problem"), /Файл бүлінген, оқылмады \(content\.xml ends before its elements are closed\)/);
    await click(browser, "button=үлкен.xlsx");
    await browser.waitUntil(async () => /тым үлкен/.test(await textOf(browser, "#import-problem")), {
      timeoutMsg: "the far-corner file was not refused as too large",
    });
    await shot(browser, "76-import-hostile-refused");
    await click(browser, "button=тізім.xlsx");
    await (await browser.$("#import-map-1")).waitForDisplayed();
  } finally {
    await quit(browser);
  }
});

// A page made to run someone else's script could call the app's commands with any path.
// Every command that reads or writes a file takes only what Rust offered the window
// (tokens for sticks, found files and dialog picks); a made-up path is refused and no
// file is read, written or staged.
test("commands refuse paths the window makes up", async () => {
  const browser = await launch(dataDir);
  const forgedDir = freshDataDir();
  const forgedFile = path.join(forgedDir, "forged.xlsx");
  const refused = async (command, args) => {
    const answer = await invokeRaw(browser, command, args);
    assert.ok(answer.err, `${command} accepted ${JSON.stringify(args)}: ${JSON.stringify(answer.ok)}`);
    return answer.err.code;
  };
  try {
    await (await browser.$("#open-import")).waitForDisplayed();
    const csv = { encoding: null, delimiter: null };
    const outside = path.join(here, "..", "fixtures", "import", "messy-list.xlsx");
    assert.equal(await refused("import_open", { file: outside, csv }), "path-not-offered");
    assert.equal(await refused("import_open", { file: "/etc/passwd", csv }), "path-not-offered");
    // The stick itself, named by its path instead of its token.
    for (const target of [{ to: "folder", path: forgedDir }, { to: "folder", path: usb }, { to: "file", path: forgedFile }]) {
      assert.equal(await refused("import_save_template", { target }), "path-not-offered");
      assert.equal(await refused("backup_seal", { passphrase: "ұзын құпия сөз 2026", target }), "path-not-offered");
      const options = { personal_data: true, with_iin: true };
      const args = { kind: "families", options, format: "csv", target, onProgress: "__CHANNEL__:0" };
      assert.equal(await refused("export_list", args), "path-not-offered");
    }
    // A token Rust gave for reading is not a place to write.
    const found = (await invokeRaw(browser, "import_sources", {})).ok;
    assert.ok(found.length > 0);
    assert.equal(await refused("import_save_template", { target: { to: "file", path: found[0].token } }), "path-not-offered");
    // Restores: a file not offered, and a «local backup» outside backups/.
    const registry = path.join(dataDir, "meirim.sqlite3");
    assert.equal(await refused("backup_inspect", { from: { from: "file", file: registry, passphrase: "" } }), "path-not-offered");
    for (const p of [registry, path.join(dataDir, "backups", "..", "meirim.sqlite3"), "/etc/passwd"]) {
      assert.equal(await refused("backup_inspect", { from: { from: "local", path: p } }), "path-not-offered");
    }
    assert.equal(await refused("open_document", { path: "/etc/passwd" }) !== undefined, true);
    assert.deepEqual(readdirSync(forgedDir), [], "nothing was written where the page asked");
    assert.equal(readdirSync(usb).some((f) => f.endsWith(".meirim-backup") || f.startsWith("families-")), false);
    // The window itself still works with what Rust offered.
    const drives = (await invokeRaw(browser, "removable_drives", {})).ok;
    const stick = drives.find((d) => d.mount_point === usb);
    assert.ok(stick && stick.token !== usb, JSON.stringify(drives));
    const saved = await invokeRaw(browser, "import_save_template", { target: { to: "folder", path: stick.token } });
    assert.ok(saved.ok && saved.ok.startsWith(usb), JSON.stringify(saved));
  } finally {
    await quit(browser);
  }
});
