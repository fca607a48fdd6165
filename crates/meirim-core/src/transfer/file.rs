//! The transfer file: the transfer as JSON, gzip'd, encrypted with the passphrase the way
//! the encrypted backups are (`backup::sealed`: age's scrypt at a fixed work factor). Opening one is
//! bounded: the file's size, the work the header asks for, and what it unpacks to.

use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use crate::backup::sealed::{passphrase_encryptor, passphrase_reader, Unsealing};
use crate::problem::{ErrorCode, Problem};

use super::{Transfer, KIND, SCHEMA};

/// A family with ten years of aid is a few hundred KiB; far above that is not a transfer.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
const MAX_PLAIN_BYTES: u64 = 64 * 1024 * 1024;
pub const MIN_PASSPHRASE: usize = 8;

fn failed(e: impl std::fmt::Display) -> Problem {
    Problem::new(ErrorCode::Internal).with("reason", e)
}

pub fn seal(t: &Transfer, passphrase: &str) -> Result<Vec<u8>, Problem> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Problem::new(ErrorCode::BackupPassphraseShort).with("min", MIN_PASSPHRASE));
    }
    let json = zeroize::Zeroizing::new(serde_json::to_vec(t).map_err(failed)?);
    let encryptor = passphrase_encryptor(passphrase).map_err(failed)?;
    let mut out = Vec::new();
    let sealed = encryptor.wrap_output(&mut out).map_err(failed)?;
    let mut gz = GzEncoder::new(sealed, flate2::Compression::default());
    gz.write_all(&json).map_err(failed)?;
    gz.finish().map_err(failed)?.finish().map_err(failed)?;
    Ok(out)
}

pub fn open(bytes: &[u8], passphrase: &str) -> Result<Transfer, Problem> {
    let not_ours = || Problem::new(ErrorCode::TransferNotMeirim);
    let damaged = |why: &str| Problem::new(ErrorCode::TransferDamaged).with("reason", why);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::new(ErrorCode::TransferTooLarge));
    }
    let reader = passphrase_reader(bytes, passphrase).map_err(|e| match e {
        Unsealing::NotOurs => not_ours(),
        Unsealing::Damaged(_) => damaged("header"),
        Unsealing::WrongPassphrase => Problem::new(ErrorCode::BackupWrongPassphrase),
    })?;
    let mut plain = zeroize::Zeroizing::new(Vec::new());
    GzDecoder::new(reader)
        .take(MAX_PLAIN_BYTES + 1)
        .read_to_end(&mut plain)
        .map_err(|_| damaged("content"))?;
    if plain.len() as u64 > MAX_PLAIN_BYTES {
        return Err(Problem::new(ErrorCode::TransferTooLarge));
    }
    let head: serde_json::Value = serde_json::from_slice(&plain).map_err(|_| damaged("json"))?;
    if head.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
        return Err(not_ours());
    }
    let schema = head.get("schema").and_then(|s| s.as_u64()).unwrap_or(0);
    if schema > u64::from(SCHEMA) {
        return Err(Problem::new(ErrorCode::PackageNewerSchema)
            .with("found", schema)
            .with("supported", SCHEMA));
    }
    serde_json::from_value(head).map_err(|_| damaged("fields"))
}
