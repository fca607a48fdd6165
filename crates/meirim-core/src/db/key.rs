//! The registry's encryption key: 256 random bits that SQLite3 Multiple Ciphers uses
//! directly (SQLCipher 4's page format, no key derivation at open: the accounts' passwords
//! are stretched once, in `accounts::keyfile`, not at every connection).
//!
//! The same 64 hexadecimal digits, printed, are the office's recovery key: with them any
//! SQLCipher tool opens the registry and its local backups, so the office's data is never
//! hostage to Meirim.

use std::fmt;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;
use zeroize::{Zeroize, Zeroizing};

/// The first 16 bytes of every unencrypted SQLite file; an encrypted one starts with
/// random salt instead.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

#[derive(Clone, PartialEq, Eq)]
pub struct RegistryKey(Zeroizing<[u8; 32]>);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyTextError {
    #[error("a recovery key has 64 characters 0-9 and A-F; this one has {0}")]
    Length(usize),
    #[error("a recovery key has only the characters 0-9 and A-F; «{0}» is not one of them")]
    Character(char),
}

impl RegistryKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> Result<Self, getrandom::Error> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        getrandom::fill(bytes.as_mut())?;
        Ok(Self(bytes))
    }

    pub fn from_bytes(mut bytes: [u8; 32]) -> Self {
        let key = Self(Zeroizing::new(bytes));
        bytes.zeroize();
        key
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as printed on the recovery sheet: 16 groups of 4 hexadecimal digits.
    pub fn recovery_text(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode_upper(self.0.as_ref()));
        let groups: Vec<&str> = (0..16).map(|i| &hex[i * 4..i * 4 + 4]).collect();
        Zeroizing::new(groups.join("-"))
    }

    /// Reads a typed recovery key: spaces, dashes and letter case do not matter, and the
    /// Cyrillic letters that look like A, B, C, E on a Kazakh or Russian keyboard layout
    /// are taken for them.
    pub fn parse_recovery(text: &str) -> Result<Self, KeyTextError> {
        let mut digits = Zeroizing::new(String::with_capacity(64));
        for c in text.chars() {
            if c.is_whitespace() || matches!(c, '-' | '–' | '—') {
                continue;
            }
            let c = match c {
                'А' | 'а' => 'A',
                'В' | 'в' => 'B',
                'С' | 'с' => 'C',
                'Е' | 'е' => 'E',
                other => other.to_ascii_uppercase(),
            };
            if !c.is_ascii_hexdigit() {
                return Err(KeyTextError::Character(c));
            }
            digits.push(c);
        }
        let count = digits.chars().count();
        if count != 64 {
            return Err(KeyTextError::Length(count));
        }
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(digits.as_bytes(), &mut bytes)
            .map_err(|_| KeyTextError::Length(count))?;
        Ok(Self::from_bytes(bytes))
    }

    /// Keys a fresh connection: must come before anything reads the file. A wrong key is
    /// only noticed at the first read («file is not a database»).
    pub fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        let hex = Zeroizing::new(hex::encode(self.0.as_ref()));
        let pragma = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex.as_str()));
        conn.execute_batch(&pragma)
    }

    /// Re-encrypts the database `conn` is open on with this key (or, from an unencrypted
    /// file, encrypts it). The journal must not be WAL while it runs.
    pub(crate) fn rekey(&self, conn: &Connection) -> rusqlite::Result<()> {
        let hex = Zeroizing::new(hex::encode(self.0.as_ref()));
        let pragma = Zeroizing::new(format!("PRAGMA rekey = \"x'{}'\";", hex.as_str()));
        conn.execute_batch(&pragma)
    }
}

/// Re-encrypts the file at `path` from `from` to `to` (`None`: unencrypted) in place. Only
/// for a file nobody else uses and whose loss part-way costs nothing — a staged restore, a
/// copy being converted — since a crash while the pages are rewritten may leave it
/// unreadable with either key.
pub fn reencrypt_file(
    path: &Path,
    from: Option<&RegistryKey>,
    to: Option<&RegistryKey>,
) -> rusqlite::Result<()> {
    if from == to {
        return Ok(());
    }
    let conn = Connection::open(path)?;
    if let Some(key) = from {
        key.apply(&conn)?;
    }
    // SQLite3 Multiple Ciphers re-keys only outside WAL mode.
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    match to {
        Some(key) => key.rekey(&conn)?,
        None => conn.execute_batch("PRAGMA rekey = '';")?,
    }
    if mode != "delete" {
        return Err(rusqlite::Error::InvalidQuery);
    }
    Ok(())
}

impl fmt::Debug for RegistryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RegistryKey(…)")
    }
}

/// Whether the file at `path` is an unencrypted SQLite database (`false` for an encrypted
/// one, and for an empty or missing file).
pub fn is_plain(path: &Path) -> std::io::Result<bool> {
    let mut head = [0u8; 16];
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..])? {
            0 => return Ok(false),
            n => read += n,
        }
    }
    Ok(&head == PLAIN_HEADER)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> RegistryKey {
        RegistryKey::from_bytes([byte; 32])
    }

    #[test]
    fn recovery_text_reads_back_whatever_the_typing() {
        let k = RegistryKey::from_bytes(core::array::from_fn(|i| (i * 7 + 3) as u8));
        let text = k.recovery_text();
        assert_eq!(text.len(), 64 + 15);
        assert_eq!(RegistryKey::parse_recovery(&text).unwrap(), k);
        let sloppy = text.replace('-', " ").to_lowercase().replace('a', "а");
        assert_eq!(RegistryKey::parse_recovery(&sloppy).unwrap(), k);
        assert_eq!(
            RegistryKey::parse_recovery(&text[..70]),
            Err(KeyTextError::Length(56))
        );
        assert_eq!(
            RegistryKey::parse_recovery(&text.replacen('0', "O", 1)),
            Err(KeyTextError::Character('O'))
        );
    }

    #[test]
    fn an_encrypted_file_has_no_plaintext_and_needs_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.sqlite3");
        let conn = Connection::open(&path).unwrap();
        key(1).apply(&conn).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; CREATE TABLE t(name TEXT);
             INSERT INTO t VALUES ('Сапарова Гүлназ 860514450012');
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
        drop(conn);
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.windows(6).any(|w| w == "Сап".as_bytes()));
        assert!(!bytes.windows(12).any(|w| w == b"860514450012"));
        assert!(!is_plain(&path).unwrap());

        let count = |k: Option<RegistryKey>| {
            let c = Connection::open(&path).unwrap();
            if let Some(k) = k {
                k.apply(&c).unwrap();
            }
            c.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
        };
        assert_eq!(count(Some(key(1))).unwrap(), 1);
        assert!(count(None).is_err());
        assert!(count(Some(key(2))).is_err());
    }

    #[test]
    fn a_file_is_reencrypted_from_plain_to_a_key_to_another_and_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.sqlite3");
        Connection::open(&path)
            .unwrap()
            .execute_batch(
                "PRAGMA journal_mode=WAL; CREATE TABLE t(name TEXT);
                 INSERT INTO t VALUES ('Сапарова');",
            )
            .unwrap();
        let rows = |k: Option<&RegistryKey>| {
            let c = Connection::open(&path).unwrap();
            if let Some(k) = k {
                k.apply(&c).unwrap();
            }
            c.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
                .ok()
        };
        let (k1, k2) = (key(1), key(2));
        reencrypt_file(&path, None, Some(&k1)).unwrap();
        assert_eq!((rows(None), rows(Some(&k1))), (None, Some(1)));
        assert!(!std::fs::read(&path)
            .unwrap()
            .windows(6)
            .any(|w| w == "Сап".as_bytes()));
        reencrypt_file(&path, Some(&k1), Some(&k2)).unwrap();
        assert_eq!((rows(Some(&k1)), rows(Some(&k2))), (None, Some(1)));
        reencrypt_file(&path, Some(&k2), None).unwrap();
        assert_eq!(rows(None), Some(1));
        assert!(is_plain(&path).unwrap());
    }

    #[test]
    fn an_unencrypted_file_is_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite3");
        assert!(!is_plain(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert!(is_plain(&path).unwrap());
    }
}
