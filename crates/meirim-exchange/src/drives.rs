//! Where a USB stick is: the removable drives the system reports (sysinfo; on Windows the
//! removable drive letters, drives_windows.rs), or — for tests
//! and unusual set-ups — the folders named in `MEIRIM_REMOVABLE_DRIVES`, separated like
//! PATH entries.

use std::path::PathBuf;

use serde::Serialize;

/// Test mounts stand in for real sticks when this is set.
pub const DRIVES_ENV: &str = "MEIRIM_REMOVABLE_DRIVES";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Drive {
    /// What the system calls it («KINGSTON», «USB DISK»), or the folder's name.
    pub name: String,
    pub mount_point: String,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub free_bytes: u64,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_bytes: u64,
}

fn from_override(list: &str) -> Vec<Drive> {
    std::env::split_paths(list)
        .filter(|p| p.is_dir())
        .map(|p: PathBuf| Drive {
            name: p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            mount_point: p.display().to_string(),
            free_bytes: 0,
            total_bytes: 0,
        })
        .collect()
}

/// The removable drives mounted now, largest free space first.
pub fn removable() -> Vec<Drive> {
    if let Ok(list) = std::env::var(DRIVES_ENV) {
        return from_override(&list);
    }
    let mut out = system_removable();
    out.sort_by_key(|d| std::cmp::Reverse(d.free_bytes));
    out
}

#[cfg(windows)]
fn system_removable() -> Vec<Drive> {
    crate::drives_windows::removable()
}

#[cfg(not(windows))]
fn system_removable() -> Vec<Drive> {
    // A system that cannot list its disks has no stick to offer; the save dialog remains.
    let Ok(disks) = sysinfo::Disks::new_with_refreshed_list() else {
        return Vec::new();
    };
    disks
        .iter()
        .filter(|d| d.is_removable())
        .map(|d| Drive {
            name: {
                let n = d.name().to_string_lossy().trim().to_owned();
                if n.is_empty() {
                    d.mount_point().display().to_string()
                } else {
                    n
                }
            },
            mount_point: d.mount_point().display().to_string(),
            free_bytes: d.available_space(),
            total_bytes: d.total_space(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Under wine, scripts/wine-run.sh maps a folder to a drive letter of type «floppy»
    /// (removable) and names the letter in MEIRIM_TEST_STICK; on Windows, set it to the
    /// letter of a plugged-in stick («E:\\»).
    #[cfg(windows)]
    #[test]
    fn a_stick_is_found_by_its_drive_letter() {
        let stick = std::env::var("MEIRIM_TEST_STICK")
            .expect("MEIRIM_TEST_STICK names a removable drive (scripts/wine-run.sh sets it)");
        let drives = system_removable();
        let found = drives
            .iter()
            .find(|d| d.mount_point.eq_ignore_ascii_case(&stick));
        let found = found.unwrap_or_else(|| panic!("{stick} not among {drives:?}"));
        assert!(found.name.contains(&stick[..2]), "{found:?}");
        assert!(
            !drives
                .iter()
                .any(|d| d.mount_point.eq_ignore_ascii_case("C:\\")),
            "the system drive is not a stick: {drives:?}"
        );
        // A file with a Kazakh name goes onto it through the verified writer.
        let path = std::path::Path::new(&found.mount_point).join("Есеп-қаңтар-Әсел.csv");
        crate::write_verified(&path, "Ауыл;Отбасы\r\n".as_bytes()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), "Ауыл;Отбасы\r\n".as_bytes());
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn the_override_lists_existing_folders_only() {
        let a = tempfile::tempdir().unwrap();
        let list =
            std::env::join_paths([a.path(), std::path::Path::new("/no/such/stick")]).unwrap();
        let drives = from_override(&list.to_string_lossy());
        assert_eq!(drives.len(), 1);
        assert_eq!(drives[0].mount_point, a.path().display().to_string());
    }
}
