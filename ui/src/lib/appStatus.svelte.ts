// The work behind the window, kept current through the app's channel: the registry's check
// at start-up and the automatic backups (the home and backups screens warn when the last
// backup failed). A registry the check finds damaged reloads the window, which then shows
// the restore screen.
import { api, type AppStatus } from "./api";

const current = $state<{ status: AppStatus | null }>({ status: null });

export function appStatus(): AppStatus | null {
  return current.status;
}

/** Called once when the window starts; `ondamaged` runs if the registry's check fails. */
export async function watchAppStatus(ondamaged: () => void = () => window.location.reload()): Promise<void> {
  const seen = (s: AppStatus) => {
    current.status = s;
    if (s.damaged) ondamaged();
  };
  const now = await api.watchStatus(seen);
  if (now) seen(now);
}
