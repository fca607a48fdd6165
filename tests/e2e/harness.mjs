// Starts the real built app through tauri-driver + WebKitWebDriver and hands tests a
// WebdriverIO browser. Every wait is bounded and every process is killed by PID, so a hang
// fails a test instead of eating CI's time.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, existsSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";
import { xwdToPng } from "./xwd.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, "target");
export const APP = process.env.MEIRIM_APP ?? path.join(targetDir, "debug", "meirim");
/** Built by `cargo test`; used to prepare registries the way an office would. */
export const CLI = process.env.MEIRIM_CLI ?? path.join(targetDir, "debug", "meirim-cli");
export const SHOTS = process.env.MEIRIM_SCREENSHOTS ?? path.join(here, "artifacts", "screenshots");
const PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
/** The app's and the CLI's "today" in every E2E test (they inherit the environment), so
 * that the screens, figures and screenshots are the same whatever day the tests run. */
export const TODAY = (process.env.MEIRIM_TODAY ??= "2026-11-20");

/** The account every test signs in with: created through the first-start screen the first
 * time a data folder is opened (encrypting what the CLI prepared), signed into after. */
export const ADMIN = { login: "admin", fullName: "Сапарова Әйгерім", password: "e2e-көктем-2026" };
// New passwords are stretched cheaply in the tests' debug build (hundreds of sign-ins).
process.env.MEIRIM_TEST_FAST_PASSWORDS = "1";
/** The CLI signs in as the same account once the folder has one. */
process.env.MEIRIM_USER = ADMIN.login;
process.env.MEIRIM_PASSWORD = ADMIN.password;

export function freshDataDir() {
  return mkdtempSync(path.join(tmpdir(), "meirim-e2e-"));
}

/** Runs a command as root: directly, or through sudo -n for a user who may. */
export function asRoot(program, args) {
  try {
    execFileSync(program, args);
  } catch {
    execFileSync("sudo", ["-n", program, ...args]);
  }
}

/** A write-protected "USB stick": a 1 MB tmpfs mounted read-only at `dir` (must exist). */
export function mountReadOnlyStick(dir) {
  asRoot("mount", ["-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", dir]);
}

/** Makes the test "USB sticks" the app lists: `usb` a plain folder, `locked` (if given) a
 * write-protected one. */
export function plugInSticks(usb, locked) {
  mkdirSync(usb);
  const sticks = [usb];
  if (locked) {
    mkdirSync(locked);
    mountReadOnlyStick(locked);
    sticks.push(locked);
  }
  process.env.MEIRIM_REMOVABLE_DRIVES = sticks.join(path.delimiter);
}

export function unmountStick(dir) {
  asRoot("umount", [dir]);
}

function waitForPort(port, ms) {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = net.connect(port, "127.0.0.1");
      sock.once("connect", () => {
        sock.destroy();
        resolve();
      });
      sock.once("error", () => {
        sock.destroy();
        if (Date.now() > until) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

let driver = null;

/** Starts tauri-driver once per test file. */
export async function startDriver() {
  if (!existsSync(APP)) throw new Error(`app not built: ${APP} (run: npx tauri build --debug --no-bundle)`);
  mkdirSync(SHOTS, { recursive: true });
  const native = process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver";
  driver = spawn("tauri-driver", ["--port", String(PORT), "--native-driver", native], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForPort(PORT, 20_000);
}

export function stopDriver() {
  if (driver?.pid) {
    try {
      process.kill(-driver.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
  driver = null;
}

/**
 * Launches the app on `dataDir` and waits for its first screen, the dashboard. Unless
 * `home` is asked for, goes on to the family list, where most workflows start.
 */
export async function launch(dataDir, { home = false } = {}) {
  const browser = await launchRaw(dataDir);
  await passTheDoor(browser);
  if (!home) {
    // No navigation when the registry could not be opened: the window only says why.
    const nav = await browser.$("#nav-families");
    if (await nav.waitForExist({ timeout: 5_000 }).catch(() => false)) {
      await nav.click();
      await browser.$("#family-list, #family-list-empty").waitForExist();
    }
  }
  return browser;
}

/** Launches the app on `dataDir` and waits for its window, whatever its first screen. */
export async function launchRaw(dataDir) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "error",
    connectionRetryTimeout: 60_000,
    connectionRetryCount: 1,
    waitforTimeout: 15_000,
    capabilities: {
      // WebKitWebDriver speaks classic WebDriver only; WebdriverIO 9 asks for BiDi otherwise.
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: APP, args: ["--data-dir", dataDir] },
    },
  });
  await browser.$("main").waitForExist({ timeout: 20_000 });
  return browser;
}

/**
 * The screen before the app: creates the administrator on a folder without accounts (and
 * confirms the recovery sheet), or signs in. Returns what it did: "created", "signed-in",
 * or "none" when the window opened straight on the app or on a registry it cannot open.
 */
export async function passTheDoor(browser, who = ADMIN) {
  let door = "none";
  await browser.waitUntil(
    async () => {
      for (const [sel, name] of [
        ["#create-administrator", "create"],
        ["#sign-in", "sign-in"],
        ["#nav-home", "none"],
        ["#startup-problem", "none"],
      ]) {
        if (await browser.$(sel).isExisting()) {
          door = name;
          return true;
        }
      }
      return false;
    },
    { timeout: 20_000, timeoutMsg: "neither the sign-in nor the app appeared" },
  );
  if (door === "create") {
    await type(browser, "#admin-full-name", who.fullName);
    await type(browser, "#admin-login", who.login);
    await type(browser, "#admin-password", who.password);
    await type(browser, "#admin-password-again", who.password);
    await click(browser, "#create-submit");
    await (await browser.$("#recovery-key")).waitForDisplayed({ timeout: 60_000 });
    await click(browser, "#recovery-kept");
    await click(browser, "#recovery-continue");
  } else if (door === "sign-in") {
    await signIn(browser, who.login, who.password);
  } else {
    return "none";
  }
  await browser.$("#nav-home, #startup-problem").waitForExist({ timeout: 60_000 });
  return door === "create" ? "created" : "signed-in";
}

/** Types a sign-in name and password into the sign-in screen and submits. */
export async function signIn(browser, login, password) {
  await type(browser, "#sign-in-login", login);
  await type(browser, "#sign-in-password", password);
  await click(browser, "#sign-in-submit");
}

export async function quit(browser) {
  try {
    await browser.deleteSession();
  } catch {
    /* the window may already be gone */
  }
}

/**
 * Saves a screenshot of the app's window after two animation frames, so the picture shows
 * the finished page. Taken from the X server (xwd), not through WebDriver: WebKit's own
 * snapshot waits for a repaint that never comes when the app renders without DMA-BUF, as
 * it does on Linux, and what the X server holds is what the user sees.
 */
export async function shot(browser, name) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  const file = path.join(SHOTS, `${name}.png`);
  writeFileSync(file, xwdToPng(execFileSync("xwd", ["-silent", "-id", appWindow()], { maxBuffer: 64 << 20 })));
  return file;
}

/** The X id of the app's window (its title is «Мейірім»). */
function appWindow() {
  const tree = execFileSync("xwininfo", ["-root", "-tree"], { encoding: "utf8" });
  const line = tree.split("\n").find((l) => l.includes('"Мейірім"'));
  const id = line?.trim().split(/\s+/)[0];
  if (!id) throw new Error("the app's window is not on the screen");
  return id;
}


/** A valid synthetic IIN (never a real person's): YYMMDD, century/sex digit, serial, check. */
export function syntheticIin(yymmdd, centuryDigit, serial) {
  for (let s = serial; s < serial + 100; s++) {
    const prefix = `${yymmdd}${centuryDigit}${String(s).padStart(4, "0")}`;
    const d = [...prefix].map(Number);
    let c = d.reduce((sum, x, i) => sum + x * (i + 1), 0) % 11;
    if (c === 10) {
      const w = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
      c = d.reduce((sum, x, i) => sum + x * w[i], 0) % 11;
    }
    if (c !== 10) return prefix + c;
  }
  throw new Error("no valid IIN found");
}

// Element helpers: each waits (bounded) for the element before touching it.
export async function textOf(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForDisplayed();
  return el.getText();
}

export async function type(browser, selector, value) {
  const el = await browser.$(selector);
  await el.waitForDisplayed();
  await el.setValue(value);
}

export async function click(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForClickable();
  await el.click();
}

export async function waitValue(browser, selector, value, message) {
  const el = await browser.$(selector);
  await browser.waitUntil(async () => (await el.getValue()) === value, { timeoutMsg: message });
}

/** Chooses the USB stick mounted at `mountPoint` in the destination list `selector`: the
 * options carry Rust's tokens, not paths, so the stick is found by the path it shows. */
export async function chooseStick(browser, selector, mountPoint) {
  const select = await browser.$(selector);
  await select.waitForDisplayed();
  await browser.waitUntil(async () => {
    for (const option of await select.$$("option")) {
      if ((await option.getText()).replace(/[\u2068\u2069]/g, "").includes(`(${mountPoint})`)) {
        await select.selectByAttribute("value", await option.getAttribute("value"));
        return true;
      }
    }
    return false;
  }, { timeoutMsg: `no stick ${mountPoint} in ${selector}` });
}

/** Calls an app command straight through the IPC, as a compromised page could:
 * `{ ok: value }` or `{ err: problem }`. */
export async function invokeRaw(browser, command, args) {
  return browser.executeAsync((command, args, done) => {
    window.__TAURI_INTERNALS__.invoke(command, args).then(
      (ok) => done({ ok }),
      (err) => done({ err }),
    );
  }, command, args);
}
