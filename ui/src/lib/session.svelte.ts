// Who is signed in, and the idle lock. The lock is kept by the Rust side as well (a
// session idle past the office's limit refuses every command); the window's timer only
// makes it show at once. Locking hides the screens but keeps them mounted, so a form being
// typed is there again, as it was, after the password.
import { api, type Me } from "./api";

const state = $state<{ me: Me | null }>({ me: null });

export function me(): Me | null {
  return state.me;
}

export function setMe(m: Me | null): void {
  state.me = m;
}

export function locked(): boolean {
  return state.me?.locked ?? false;
}

const ACTIVITY = ["mousemove", "mousedown", "keydown", "wheel", "touchstart"] as const;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastTouch = 0;

function arm(): void {
  if (timer) clearTimeout(timer);
  const m = state.me;
  if (!m || m.locked) return;
  timer = setTimeout(() => void lockNow(), m.idle_minutes * 60_000);
}

function activity(): void {
  if (!state.me || state.me.locked) return;
  arm();
  // Typing into a form sends no command: tell the Rust side at most once a minute.
  const now = Date.now();
  if (now - lastTouch > 60_000) {
    lastTouch = now;
    void api.authTouch();
  }
}

export async function lockNow(): Promise<void> {
  if (!state.me) return;
  state.me = { ...state.me, locked: true };
  await api.authLock();
}

/** Starts watching the user's activity (once, when the window opens). */
export function watchIdle(): void {
  for (const e of ACTIVITY) window.addEventListener(e, activity, { passive: true, capture: true });
}

/** A signed-in (or unlocked) session: the timer starts from now. */
export function signedIn(m: Me): void {
  state.me = m;
  lastTouch = Date.now();
  arm();
}

/** A command refused because the session was locked behind the window's back (idle on the
 * Rust side): show the lock. */
export function sessionEnded(): void {
  if (state.me && !state.me.locked) state.me = { ...state.me, locked: true };
}
