// A restore reloads the window so every screen reads the restored registry; what it brought
// back is kept across that reload (in this window's session only) so the home screen can
// say that it worked.
import type { Contents } from "../../lib/api";

const KEY = "meirim-restored";

export function rememberRestore(backup: Contents): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ families: backup.families, deliveries: backup.deliveries, newest: backup.newest_change }));
  } catch {
    /* no storage: the restore itself has happened */
  }
}

/** What the last restore brought back, once; null when there was none. */
export function takeRestore(): { families: number; deliveries: number; newest: string | null } | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
