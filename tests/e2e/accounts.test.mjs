// Accounts and encryption at rest, through the real app: an office's registry from before
// accounts is encrypted when its administrator is created (nothing of it readable in the
// files afterwards), a worker added by the administrator signs in and sets their own
// password, a viewer cannot export a list of people (through the window or by invoking
// the command), and the idle lock hides the data and gives back a half-typed form.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { ADMIN, CLI, click, freshDataDir, launch, launchRaw, quit, shot, signIn, startDriver, stopDriver, textOf, type } from "./harness.mjs";

before(() => startDriver());
after(() => stopDriver());

function everyFile(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? everyFile(p) : [p];
  });
}

function holds(file, text) {
  return readFileSync(file).includes(Buffer.from(text, "utf8"));
}

/** A family's head as the CLI lists it (before accounts: no sign-in needed). */
function someone(dir) {
  const listed = JSON.parse(execFileSync(CLI, ["--data-dir", dir, "--json", "families", "list", "--limit", "3"], { encoding: "utf8" }));
  const f = listed.items.find((x) => x.iin);
  return { surname: f.head_name.split(" ")[0], iin: f.iin };
}

test("an office's registry is encrypted when its administrator is created, with its backups", async () => {
  const dir = freshDataDir();
  execFileSync(CLI, ["--data-dir", dir, "demo", "--families", "15", "--seed", "4"]);
  execFileSync(CLI, ["--data-dir", dir, "backup", "create"]);
  const { surname, iin } = someone(dir);
  const total = () => JSON.parse(execFileSync(CLI, ["--data-dir", dir, "--json", "families", "list", "--limit", "1"], { encoding: "utf8" })).total;
  const listedBefore = total();
  assert.ok(everyFile(dir).some((f) => holds(f, iin)), "the plain registry holds the IIN");

  const browser = await launch(dir, { home: true });
  try {
    assert.equal(await browser.$("#nav-home").isExisting(), true);
  } finally {
    await quit(browser);
  }
  // Everything the office has on disk now: the registry, its WAL, its backups.
  for (const f of everyFile(dir)) {
    assert.ok(!holds(f, iin) && !holds(f, surname), `${path.basename(f)} holds a name or an IIN`);
  }
  // The registry is still whole: the CLI signed in as the administrator reads it.
  assert.equal(total(), listedBefore);
});

test("first start, recovery sheet, sign-in, a worker added and signed in, a viewer refused a list", async () => {
  const fresh = freshDataDir();
  execFileSync(CLI, ["--data-dir", fresh, "demo", "--families", "8", "--seed", "5"]);
  const browser = await launchRaw(fresh);
  try {
    await (await browser.$("#create-administrator")).waitForDisplayed();
    assert.match(await textOf(browser, "#create-existing"), /8 отбасы/);
    // Two passwords that differ are refused beside the form.
    await type(browser, "#admin-full-name", ADMIN.fullName);
    await type(browser, "#admin-login", ADMIN.login);
    await type(browser, "#admin-password", ADMIN.password);
    await type(browser, "#admin-password-again", ADMIN.password + "x");
    await click(browser, "#create-submit");
    assert.match(await textOf(browser, "#create-error"), /сәйкес емес/);
    await shot(browser, "90-create-administrator");
    await type(browser, "#admin-password-again", ADMIN.password);
    await click(browser, "#create-submit");
    const key = await textOf(browser, "#recovery-key");
    assert.match(key, /^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    await shot(browser, "91-recovery-sheet");
    assert.equal(await (await browser.$("#recovery-continue")).isEnabled(), false, "continue waits for the sheet to be kept");
    await click(browser, "#recovery-kept");
    await click(browser, "#recovery-continue");
    await (await browser.$("#dashboard")).waitForDisplayed();

    // The administrator adds a viewer with a temporary password.
    await click(browser, "#open-accounts");
    await type(browser, "#new-full-name", "Омарова Дана");
    await type(browser, "#new-login", "dana");
    await (await browser.$("#new-role")).selectByAttribute("value", "viewer");
    await type(browser, "#new-password", "уақытша-2026");
    await click(browser, "#account-add-submit");
    assert.match(await textOf(browser, "#accounts-notice"), /Омарова Дана қосылды/);
    await (await browser.$('[data-login="dana"]')).waitForDisplayed();
    await shot(browser, "92-accounts");
    // A new registry key (a worker left): a new recovery sheet, another key than the first.
    await click(browser, "#change-key");
    await click(browser, "#change-key-confirm");
    const newKey = await textOf(browser, "#recovery-key");
    assert.match(newKey, /^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    assert.notEqual(newKey, key);
    await click(browser, "#recovery-kept");
    await click(browser, "#recovery-continue");
    await (await browser.$("#accounts-list")).waitForDisplayed();
    await click(browser, "#account-sign-out");

    // A wrong password is refused; the viewer signs in and sets their own password.
    await (await browser.$("#sign-in")).waitForDisplayed();
    await signIn(browser, "dana", "қате-пароль-1");
    assert.match(await textOf(browser, "#sign-in-error"), /Кіру аты немесе құпия сөз қате/);
    await shot(browser, "93-sign-in-wrong");
    await signIn(browser, "dana", "уақытша-2026");
    await (await browser.$("#change-password")).waitForDisplayed();
    await type(browser, "#own-password", "Дананың-құпиясы");
    await type(browser, "#own-password-again", "Дананың-құпиясы");
    await click(browser, "#change-password-submit");
    await (await browser.$("#dashboard")).waitForDisplayed();
    assert.match(await textOf(browser, "#signed-in-as"), /Омарова Дана · Қараушы/);
    for (const hidden of ["#open-letters", "#open-backups", "#open-accounts"]) {
      assert.equal(await browser.$(hidden).isExisting(), false, `${hidden} is shown to a viewer`);
    }
    // Reports of totals yes, lists of people no: not in the window…
    await click(browser, "#open-report");
    await (await browser.$("#tab-report")).waitForDisplayed();
    assert.equal(await browser.$("#tab-lists").isExisting(), false);
    // …and not by calling the command from a script in it.
    const refused = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__
        .invoke("export_list", {
          kind: "families",
          options: { personal_data: true, with_iin: true },
          format: "csv",
          target: { to: "documents" },
          onProgress: null,
        })
        .then(() => done("exported"), (e) => done(e?.code ?? String(e)));
    });
    assert.equal(refused, "not-allowed");
    const edit = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__.invoke("destroy_family", { id: "x", confirm: "x" }).then(() => done("ok"), (e) => done(e?.code ?? String(e)));
    });
    assert.equal(edit, "not-allowed");
    await shot(browser, "94-viewer-report");
  } finally {
    await quit(browser);
  }
  const docs = path.join(fresh, "documents");
  const exported = statSync(fresh).isDirectory() && readdirSync(fresh).includes("documents") ? readdirSync(docs) : [];
  assert.deepEqual(exported, [], "nothing was exported");
});

test("the idle lock hides the data and gives back a half-typed form after the password", async () => {
  const dir = freshDataDir();
  const browser = await launch(dir);
  try {
    // The shortest idle time the office may set: one minute.
    await click(browser, "#open-accounts");
    await type(browser, "#idle-minutes", "1");
    await click(browser, "#idle-save");
    assert.match(await textOf(browser, "#accounts-notice"), /1 минут/);
    await click(browser, "#nav-families");
    await click(browser, "#new-family");
    await type(browser, "#m0-surname", "Тоқтарова");
    // Nobody touches the PC for a minute.
    await (await browser.$("#lock-screen")).waitForDisplayed({ timeout: 100_000, timeoutMsg: "the window did not lock" });
    const covered = await browser.execute(() => {
      const form = document.querySelector("#family-form");
      const lock = document.querySelector("#lock-screen");
      const r = lock.getBoundingClientRect();
      return form.closest("main").inert && r.width >= window.innerWidth && r.height >= window.innerHeight;
    });
    assert.equal(covered, true, "the form is hidden and out of reach behind the lock");
    await shot(browser, "95-idle-locked");
    await type(browser, "#lock-password", "not-the-password");
    await click(browser, "#lock-unlock");
    assert.match(await textOf(browser, "#lock-error"), /құпия сөз қате/);
    await type(browser, "#lock-password", ADMIN.password);
    await click(browser, "#lock-unlock");
    await (await browser.$("#lock-screen")).waitForExist({ reverse: true });
    assert.equal(await (await browser.$("#m0-surname")).getValue(), "Тоқтарова");
    await shot(browser, "96-unlocked-form-kept");
  } finally {
    await quit(browser);
  }
});
