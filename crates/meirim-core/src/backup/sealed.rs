//! The backup that leaves the office on a USB stick: the same verified snapshot, gzip
//! compressed and encrypted with a passphrase (age, scrypt), so a lost stick exposes
//! nothing. Inside, before the registry itself, a manifest says what it is: app and schema
//! version, office, when, what it holds, and the SHA-256 of the registry bytes.

use std::io::{Read, Write};
use std::path::Path;

use age::secrecy::SecretString;
use chrono::{DateTime, Utc};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{snapshot, BackupError, Contents};
use crate::db::{Database, RegistryKey};
use crate::text::hex;

/// Shorter passphrases are refused: the file may be attacked offline for ever.
pub const MIN_PASSPHRASE: usize = 8;

const MAGIC: &[u8] = b"MEIRIM-BACKUP 1\n";

/// The extension of an encrypted backup file.
pub const SEALED_EXTENSION: &str = "meirim-backup";

/// «meirim-2026-11-23-1430.meirim-backup», in the office's local time.
pub fn sealed_file_name(now: DateTime<Utc>) -> String {
    format!(
        "meirim-{}.{SEALED_EXTENSION}",
        now.with_timezone(&chrono::Local).format("%Y-%m-%d-%H%M")
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Manifest {
    pub app_version: String,
    pub created_at: String,
    pub contents: Contents,
    /// SHA-256 of the registry file inside, hex.
    pub sha256: String,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub bytes: u64,
}

/// What the file holds before the registry: the manifest, and the key the registry copy
/// inside is encrypted with (a one-time key, never the registry's own, so that a stick
/// whose passphrase leaks does not also give the key of the registry on the office PC).
/// Backups from before accounts have no key: their copy inside is unencrypted.
#[derive(Serialize, Deserialize)]
struct Head {
    #[serde(flatten)]
    manifest: Manifest,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    copy_key: Option<String>,
}

/// A sealed backup opened: its manifest, the registry copy's bytes and the key they are
/// encrypted with (`None`: unencrypted, from before accounts).
#[derive(Debug)]
pub struct Opened {
    pub manifest: Manifest,
    pub registry: Vec<u8>,
    pub key: Option<RegistryKey>,
}

/// Writes to the audit log that an encrypted copy of the whole registry goes to
/// `destination`: called before the file is written, so none is missing from the log.
pub fn record_sealed(
    conn: &rusqlite::Connection,
    manifest: &Manifest,
    destination: &Path,
) -> Result<(), crate::Problem> {
    let summary = format!(
        "{} families, {} people → {}",
        manifest.contents.families,
        manifest.contents.members,
        destination.display()
    );
    crate::audit::record_event(
        conn,
        None,
        crate::audit::AuditAction::BackupSealed,
        &summary,
    )?;
    Ok(())
}

/// The encrypted backup file's bytes, and its manifest. The snapshot passes through
/// `work_dir` (the registry's own `backups/`, never a shared temporary folder) and is
/// removed there.
pub fn seal(
    db: &Database,
    passphrase: &str,
    work_dir: &Path,
    now: DateTime<Utc>,
) -> Result<(Vec<u8>, Manifest), BackupError> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(BackupError::PassphraseShort);
    }
    crate::private::own_dir(work_dir).map_err(|e| BackupError::Write {
        path: work_dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    let tmp = work_dir.join(format!(".sealing-{}.sqlite3", crate::clock::new_id()));
    let result = (|| {
        // An unencrypted registry (one not yet converted) gives an unencrypted copy: the
        // backup API cannot copy from plain pages to encrypted ones.
        let copy_key = match db.key() {
            Some(_) => Some(RegistryKey::generate().map_err(|e| BackupError::Write {
                path: tmp.clone(),
                reason: e.to_string(),
            })?),
            None => None,
        };
        let contents = snapshot(db.conn(), copy_key.as_ref(), &tmp)?;
        let read_err = |e: std::io::Error| BackupError::Read {
            path: tmp.clone(),
            reason: e.to_string(),
        };
        // Two passes over the file rather than a copy of it in memory: the checksum goes in
        // the manifest, which comes first.
        let (sha256, bytes) = super::checksum::sha256_of_file(&tmp).map_err(read_err)?;
        let manifest = Manifest {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            created_at: now.to_rfc3339(),
            contents,
            sha256,
            bytes,
        };
        let failed = |e: std::io::Error| BackupError::Write {
            path: tmp.clone(),
            reason: e.to_string(),
        };
        let head = Head {
            manifest: manifest.clone(),
            copy_key: copy_key.as_ref().map(|k| crate::text::hex(k.as_bytes())),
        };
        let head = serde_json::to_vec(&head)
            .map(zeroize::Zeroizing::new)
            .map_err(|e| BackupError::Write {
                path: tmp.clone(),
                reason: e.to_string(),
            })?;
        let encryptor = passphrase_encryptor(passphrase).map_err(|e| BackupError::Write {
            path: tmp.clone(),
            reason: e.to_string(),
        })?;
        // An encrypted copy's pages do not compress: stored as they are (still gzip's
        // format, which any Meirim reads), and the output sized for them at once.
        let (level, expected) = match copy_key {
            Some(_) => (flate2::Compression::none(), bytes + bytes / 64 + 4096),
            None => (flate2::Compression::fast(), bytes / 3),
        };
        let mut out = Vec::with_capacity(expected as usize);
        let sealed = encryptor.wrap_output(&mut out).map_err(failed)?;
        let mut gz = GzEncoder::new(sealed, level);
        gz.write_all(MAGIC).map_err(failed)?;
        gz.write_all(&(head.len() as u32).to_le_bytes())
            .map_err(failed)?;
        gz.write_all(&head).map_err(failed)?;
        let mut file = std::fs::File::open(&tmp).map_err(read_err)?;
        std::io::copy(&mut file, &mut gz).map_err(failed)?;
        gz.finish().map_err(failed)?.finish().map_err(failed)?;
        Ok((out, manifest))
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// The scrypt work factor (N = 2^18: about a second and 256 MiB) of every encrypted backup,
/// the same on every PC. age would otherwise time the PC that writes the copy, and a copy
/// made on a fast PC could be refused on an old one as "too much work" — or on a busy one.
const WORK_FACTOR: u8 = 18;
/// The most a backup file may ask for before it is refused unread, so that a broken or
/// hostile file cannot make Meirim spend minutes and gigabytes on one passphrase.
const MAX_WORK_FACTOR: u8 = WORK_FACTOR + 1;
/// Below this no Meirim ever wrote a backup (age's own timing gave 14 and more on any PC
/// before the factor was fixed); a lower one is a changed header, not a weak passphrase.
const MIN_WORK_FACTOR: u8 = 10;

/// The scrypt work factor an age header asks for (`-> scrypt SALT N`), if it has one.
fn work_factor(bytes: &[u8]) -> Option<u8> {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let stanza = text.lines().find(|l| l.starts_with("-> scrypt "))?;
    stanza.rsplit(' ').next()?.parse().ok()
}

/// An age encryptor to `passphrase` at Meirim's fixed work factor: the encrypted backups
/// and the family transfer files.
pub(crate) fn passphrase_encryptor(passphrase: &str) -> Result<age::Encryptor, age::EncryptError> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(WORK_FACTOR);
    age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
}

/// Why a passphrase file could not be opened.
pub(crate) enum Unsealing {
    /// Not an age file of Meirim's kind (or one asking for more work than Meirim ever sets).
    NotOurs,
    Damaged(String),
    WrongPassphrase,
}

/// The decrypted stream of a file Meirim sealed with a passphrase; the work its header
/// asks for is checked before any is done.
pub(crate) fn passphrase_reader<'a>(
    bytes: &'a [u8],
    passphrase: &str,
) -> Result<impl Read + 'a, Unsealing> {
    let decryptor = age::Decryptor::new(bytes).map_err(|_| Unsealing::NotOurs)?;
    let factor_ok =
        work_factor(bytes).is_some_and(|f| (MIN_WORK_FACTOR..=MAX_WORK_FACTOR).contains(&f));
    if !decryptor.is_scrypt() || !factor_ok {
        return Err(Unsealing::NotOurs);
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::Io(e) => Unsealing::Damaged(e.to_string()),
            // The passphrase opened the key, but the header was changed since it was
            // written: the file is damaged, and retyping the passphrase cannot help.
            age::DecryptError::InvalidMac | age::DecryptError::InvalidHeader => {
                Unsealing::Damaged("the header does not match its checksum".into())
            }
            // Meirim never asks for that much: not one of its files.
            age::DecryptError::ExcessiveWork { .. } | age::DecryptError::UnknownFormat => {
                Unsealing::NotOurs
            }
            _ => Unsealing::WrongPassphrase,
        })
}

/// Decrypts and checks a sealed backup: the registry bytes and the manifest, or why not.
pub fn open_sealed(path: &Path, bytes: &[u8], passphrase: &str) -> Result<Opened, BackupError> {
    let damaged = |reason: String| BackupError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    let reader = passphrase_reader(bytes, passphrase).map_err(|e| match e {
        Unsealing::NotOurs => BackupError::NotMeirim(path.to_path_buf()),
        Unsealing::Damaged(reason) => damaged(reason),
        Unsealing::WrongPassphrase => BackupError::WrongPassphrase,
    })?;
    let mut plain = Vec::new();
    GzDecoder::new(reader)
        .read_to_end(&mut plain)
        .map_err(|e| damaged(e.to_string()))?;
    let rest = plain
        .strip_prefix(MAGIC)
        .ok_or_else(|| BackupError::NotMeirim(path.to_path_buf()))?;
    let (len, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| damaged("no manifest".into()))?;
    let len = u32::from_le_bytes(*len) as usize;
    if rest.len() < len {
        return Err(damaged("manifest cut short".into()));
    }
    let (head, registry) = rest.split_at(len);
    let head: Head = serde_json::from_slice(head).map_err(|e| damaged(e.to_string()))?;
    if hex(&Sha256::digest(registry)) != head.manifest.sha256 {
        return Err(damaged(
            "the registry inside does not match its checksum".into(),
        ));
    }
    let key = match head.copy_key.map(zeroize::Zeroizing::new) {
        None => None,
        Some(text) => {
            let mut bytes = [0u8; 32];
            ::hex::decode_to_slice(text.as_bytes(), &mut bytes)
                .map_err(|_| damaged("the copy's key is not 64 hexadecimal digits".into()))?;
            Some(RegistryKey::from_bytes(bytes))
        }
    };
    Ok(Opened {
        manifest: head.manifest,
        registry: registry.to_vec(),
        key,
    })
}
