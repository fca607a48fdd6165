//! Reading a small file that came from outside (a key card, an answer, a transfer): never
//! more than it may weigh, so a wrong or hostile file cannot fill memory.

use std::io::Read;
use std::path::Path;

use meirim_core::problem::{ErrorCode, Problem};

/// The file's bytes, refused (`PackageTooLarge`) past `max`.
pub fn read_at_most(path: &Path, max: u64) -> Result<Vec<u8>, Problem> {
    let unreadable = |e: std::io::Error| {
        Problem::new(ErrorCode::InputUnreadable)
            .with("path", path.display())
            .with("reason", e)
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(unreadable)?
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > max {
        return Err(Problem::new(ErrorCode::PackageTooLarge).with("part", path.display()));
    }
    Ok(bytes)
}
