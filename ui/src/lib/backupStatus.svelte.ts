// The automatic backups' status for the whole window (the home and backups screens warn
// when the last one failed), kept current through the app's channel.
import { api, type BackupStatus } from "./api";

const current = $state<{ status: BackupStatus | null }>({ status: null });

export function backupStatus(): BackupStatus | null {
  return current.status;
}

/** Called once when the window starts. */
export async function watchBackupStatus(): Promise<void> {
  const now = await api.watchBackups((s) => {
    current.status = s;
  });
  current.status = now;
}
