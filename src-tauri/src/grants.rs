//! The paths the window may name: only those Rust itself offered — a USB stick in the drive
//! list, a file found on a stick or in documents/, a file picked in the native open or save
//! dialog. The window gets an opaque token for each and hands it back; anything else is
//! refused. A page that was made to run someone else's script can then read or write no
//! file the office did not choose, and a file offered for reading cannot be written over.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use meirim_core::{ErrorCode, Problem};

/// What a path was offered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Use {
    /// A file to read (an import list, a backup to restore).
    Read,
    /// A file to write, chosen in the save dialog.
    Write,
    /// A folder to write files into (a USB stick).
    Folder,
}

#[derive(Default)]
pub struct Grants {
    by_token: Mutex<HashMap<String, (PathBuf, Use)>>,
}

impl Grants {
    /// The token for `path` offered for `use_`: the same path and use keep one token, so
    /// listing the sticks again and again does not grow the table.
    pub fn grant(&self, path: &Path, use_: Use) -> String {
        let mut map = self.by_token.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((token, _)) = map.iter().find(|(_, v)| v.0 == path && v.1 == use_) {
            return token.clone();
        }
        let token = format!("p-{}", meirim_core::clock::new_id());
        map.insert(token.clone(), (path.to_path_buf(), use_));
        token
    }

    /// The path behind `token`, if it was offered for `use_`.
    pub fn resolve(&self, token: &str, use_: Use) -> Result<PathBuf, Problem> {
        let map = self.by_token.lock().unwrap_or_else(|e| e.into_inner());
        match map.get(token) {
            Some((path, granted)) if *granted == use_ => Ok(path.clone()),
            _ => Err(Problem::new(ErrorCode::PathNotOffered)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_offered_path_comes_back_and_only_for_its_use() {
        let grants = Grants::default();
        let stick = Path::new("/media/usb/KINGSTON");
        let list = Path::new("/media/usb/KINGSTON/тізім.xlsx");
        let folder = grants.grant(stick, Use::Folder);
        let read = grants.grant(list, Use::Read);
        assert_eq!(
            grants.grant(stick, Use::Folder),
            folder,
            "one token per path and use"
        );
        assert_eq!(grants.resolve(&folder, Use::Folder).unwrap(), stick);
        assert_eq!(grants.resolve(&read, Use::Read).unwrap(), list);
        // A file offered for reading is not a place to write, and a made-up path or token
        // is nothing at all.
        for (token, use_) in [
            (read.as_str(), Use::Write),
            (folder.as_str(), Use::Read),
            ("/etc/passwd", Use::Read),
            ("/media/usb/KINGSTON", Use::Folder),
            ("C:\\Windows\\System32", Use::Folder),
            ("p-0", Use::Read),
        ] {
            let refused = grants.resolve(token, use_).unwrap_err();
            assert_eq!(refused.code, ErrorCode::PathNotOffered, "{token}");
        }
    }
}
