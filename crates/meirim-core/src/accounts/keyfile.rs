//! `meirim.keys`, beside the registry: what opens it. The registry's key is sealed (age,
//! X25519) to every account's public key; each account's private key is encrypted
//! (XChaCha20-Poly1305) with the key its password stretches into (argon2id). So a
//! password opens its own account's private key, that opens the registry's key, and the
//! administrator can add, reset or remove an account — sealing the registry's key anew —
//! without knowing anyone else's password.
//!
//! Nothing here is secret without a password: the file holds public keys, salts and
//! ciphertext, and the count of wrong attempts that makes each next one wait longer.
//! Roles and names live in the encrypted registry, where only a signed-in account reads
//! them.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::password::{self, Cost};
use crate::db::RegistryKey;

/// The key file's name in the data folder.
pub const FILE_NAME: &str = "meirim.keys";
const FORMAT: &str = "meirim-keys";
const VERSION: u32 = 1;
/// A key file is a few KB per account; anything far larger is not one.
const MAX_BYTES: u64 = 1024 * 1024;
/// Wrong attempts allowed before each next one must wait.
const FREE_ATTEMPTS: u32 = 3;
/// The longest wait between attempts.
const MAX_WAIT_SECONDS: i64 = 300;

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("could not read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("could not write {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("{path} is not Meirim's key file, or it is damaged: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error("wrong sign-in name or password")]
    WrongPassword,
    #[error("too many wrong attempts: wait {seconds} s")]
    Wait { seconds: i64 },
    #[error("the sign-in name {0} is taken")]
    LoginTaken(String),
    #[error("no account {0}")]
    NoAccount(String),
    #[error("could not make a key: {0}")]
    Crypto(String),
}

fn crypto(e: impl std::fmt::Display) -> KeyFileError {
    KeyFileError::Crypto(e.to_string())
}

/// One account's part of the file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Slot {
    /// The account's id in the registry's `accounts` table.
    pub account_id: String,
    /// The sign-in name, as typed at sign-in (compared without letter case).
    pub login: String,
    /// The account's age public key («age1…»), which the registry's key is sealed to.
    recipient: String,
    cost: Cost,
    salt: String,
    nonce: String,
    /// The account's age private key, encrypted with the password's key.
    private_key: String,
    /// Wrong passwords since the last right one, and when the last was typed.
    #[serde(default)]
    failures: u32,
    #[serde(default)]
    last_failure: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    format: String,
    version: u32,
    /// The registry's key, sealed to every account (age, binary, hex); while the key is
    /// being changed, the new key follows it in the same sealed text.
    sealed_key: String,
    pub slots: Vec<Slot>,
}

fn same_login(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn random<const N: usize>() -> Result<[u8; N], KeyFileError> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(crypto)?;
    Ok(b)
}

/// What binds a slot's ciphertext to the slot: moving it to another account's line breaks
/// it.
fn aad(account_id: &str) -> Vec<u8> {
    format!("meirim-keys/1/{account_id}").into_bytes()
}

impl Slot {
    /// A new slot for `account_id`: a fresh key pair, the private half under `password`.
    fn new(
        account_id: &str,
        login: &str,
        password: &str,
        cost: Cost,
    ) -> Result<(Self, age::x25519::Identity), KeyFileError> {
        let identity = age::x25519::Identity::generate();
        let salt = random::<16>()?;
        let nonce = random::<24>()?;
        let kek = password::stretch(password, &salt, cost).map_err(crypto)?;
        let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
        let secret = identity.to_string();
        let private_key = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: secret.expose_secret().as_bytes(),
                    aad: &aad(account_id),
                },
            )
            .map_err(crypto)?;
        Ok((
            Self {
                account_id: account_id.to_owned(),
                login: login.trim().to_owned(),
                recipient: identity.to_public().to_string(),
                cost,
                salt: hex::encode(salt),
                nonce: hex::encode(nonce),
                private_key: hex::encode(private_key),
                failures: 0,
                last_failure: None,
            },
            identity,
        ))
    }

    /// The private key, if `password` is this account's.
    fn open(&self, password: &str) -> Result<age::x25519::Identity, KeyFileError> {
        let damaged = || KeyFileError::WrongPassword;
        let salt = hex::decode(&self.salt).map_err(|_| damaged())?;
        let nonce = hex::decode(&self.nonce).map_err(|_| damaged())?;
        let sealed = hex::decode(&self.private_key).map_err(|_| damaged())?;
        if nonce.len() != 24 || !self.cost.is_within_bounds() {
            return Err(damaged());
        }
        let kek = password::stretch(password, &salt, self.cost).map_err(|_| damaged())?;
        let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
        let plain = cipher
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &sealed,
                    aad: &aad(&self.account_id),
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| damaged())?;
        let text = std::str::from_utf8(&plain).map_err(|_| damaged())?;
        age::x25519::Identity::from_str(text).map_err(|_| damaged())
    }

    /// Wrong passwords since the last right one.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Seconds still to wait before another attempt is heard, after `failures` wrong ones:
    /// none for the first three, then 2, 4, 8 … up to five minutes.
    pub fn wait_seconds(&self, now: DateTime<Utc>) -> i64 {
        if self.failures <= FREE_ATTEMPTS {
            return 0;
        }
        let exp = (self.failures - FREE_ATTEMPTS - 1).min(16);
        let wait = (2_i64 << exp).min(MAX_WAIT_SECONDS);
        let since = self
            .last_failure
            .map(|t| now.signed_duration_since(t).num_seconds())
            .unwrap_or(i64::MAX);
        (wait - since.max(0)).max(0)
    }
}

impl KeyFile {
    /// A new key file for the registry `key`, with its first account.
    pub fn create(
        key: &RegistryKey,
        account_id: &str,
        login: &str,
        password: &str,
        cost: Cost,
    ) -> Result<Self, KeyFileError> {
        let (slot, _) = Slot::new(account_id, login, password, cost)?;
        let mut file = Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            sealed_key: String::new(),
            slots: vec![slot],
        };
        file.reseal(key)?;
        Ok(file)
    }

    /// Reads the key file at `path`, refusing anything that is not one.
    pub fn load(path: &Path) -> Result<Self, KeyFileError> {
        let read = |e: std::io::Error| KeyFileError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let damaged = |reason: String| KeyFileError::Damaged {
            path: path.to_path_buf(),
            reason,
        };
        let file = std::fs::File::open(path).map_err(read)?;
        let mut bytes = Vec::new();
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(read)?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(damaged("too large".into()));
        }
        let parsed: Self = serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
        if parsed.format != FORMAT || parsed.version != VERSION {
            return Err(damaged(format!(
                "format {} version {}",
                parsed.format, parsed.version
            )));
        }
        if parsed.slots.is_empty() {
            return Err(damaged("no accounts".into()));
        }
        Ok(parsed)
    }

    /// Writes the file whole or not at all: a partial file, made durable, then renamed.
    pub fn save(&self, path: &Path) -> Result<(), KeyFileError> {
        let write = |e: &dyn std::fmt::Display| KeyFileError::Write {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let json = serde_json::to_vec_pretty(self).map_err(|e| write(&e))?;
        let partial = crate::backup::with_suffix(path, ".partial");
        let _ = std::fs::remove_file(&partial);
        let mut f = crate::private::create_file(&partial).map_err(|e| write(&e))?;
        f.write_all(&json)
            .and_then(|_| f.sync_all())
            .map_err(|e| write(&e))?;
        drop(f);
        crate::rename::rename_over(&partial, path).map_err(|e| write(&e))?;
        if let Some(dir) = path.parent() {
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }

    fn slot_index(&self, login: &str) -> Option<usize> {
        self.slots.iter().position(|s| same_login(&s.login, login))
    }

    /// Checks `password` for `login` and returns the account's id and the registry's key.
    /// A wrong password is counted (the caller saves the file); while the count asks for
    /// a wait, no password is even tried.
    pub fn unlock(
        &mut self,
        login: &str,
        password: &str,
        now: DateTime<Utc>,
    ) -> Result<(String, RegistryKey, Option<RegistryKey>), KeyFileError> {
        let Some(i) = self.slot_index(login) else {
            // The same work as a real attempt, so an unknown name answers no faster.
            let _ = password::stretch(password, &[0u8; 16], Cost::DEFAULT);
            return Err(KeyFileError::WrongPassword);
        };
        let wait = self.slots[i].wait_seconds(now);
        if wait > 0 {
            return Err(KeyFileError::Wait { seconds: wait });
        }
        let identity = match self.slots[i].open(password) {
            Ok(identity) => identity,
            Err(e) => {
                self.slots[i].failures = self.slots[i].failures.saturating_add(1);
                self.slots[i].last_failure = Some(now);
                return Err(e);
            }
        };
        self.slots[i].failures = 0;
        self.slots[i].last_failure = None;
        let (key, next) = self.unseal(&identity)?;
        Ok((self.slots[i].account_id.clone(), key, next))
    }

    /// The registry's key, and the new one when a change of key was cut short.
    fn unseal(
        &self,
        identity: &age::x25519::Identity,
    ) -> Result<(RegistryKey, Option<RegistryKey>), KeyFileError> {
        let damaged = |reason: String| KeyFileError::Damaged {
            path: PathBuf::from(FILE_NAME),
            reason,
        };
        let bytes = hex::decode(&self.sealed_key).map_err(|e| damaged(e.to_string()))?;
        let decryptor = age::Decryptor::new(&bytes[..]).map_err(|e| damaged(e.to_string()))?;
        let mut reader = decryptor
            .decrypt(std::iter::once(identity as &dyn age::Identity))
            .map_err(|e| damaged(e.to_string()))?;
        let mut keys = Zeroizing::new(Vec::with_capacity(64));
        (&mut reader)
            .take(65)
            .read_to_end(&mut keys)
            .map_err(|e| damaged(e.to_string()))?;
        let key = |b: &[u8]| -> Result<RegistryKey, KeyFileError> {
            let bytes: [u8; 32] = b
                .try_into()
                .map_err(|_| damaged("the sealed key is not 32 bytes".into()))?;
            Ok(RegistryKey::from_bytes(bytes))
        };
        match keys.len() {
            32 => Ok((key(&keys)?, None)),
            64 => Ok((key(&keys[..32])?, Some(key(&keys[32..])?))),
            n => Err(damaged(format!("the sealed key is {n} bytes"))),
        }
    }

    /// Seals `key` anew to every account in the file.
    fn reseal(&mut self, key: &RegistryKey) -> Result<(), KeyFileError> {
        self.seal(&[key])
    }

    fn seal(&mut self, keys: &[&RegistryKey]) -> Result<(), KeyFileError> {
        let recipients = self
            .slots
            .iter()
            .map(|s| age::x25519::Recipient::from_str(&s.recipient).map_err(crypto))
            .collect::<Result<Vec<_>, _>>()?;
        let encryptor =
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
                .map_err(crypto)?;
        let mut out = Vec::new();
        let mut w = encryptor.wrap_output(&mut out).map_err(crypto)?;
        for key in keys {
            w.write_all(key.as_bytes()).map_err(crypto)?;
        }
        w.finish().map_err(crypto)?;
        self.sealed_key = hex::encode(out);
        Ok(())
    }

    /// Adds an account that opens the registry `key` with `password`.
    pub fn add(
        &mut self,
        key: &RegistryKey,
        account_id: &str,
        login: &str,
        password: &str,
        cost: Cost,
    ) -> Result<(), KeyFileError> {
        if self.slot_index(login).is_some() {
            return Err(KeyFileError::LoginTaken(login.trim().to_owned()));
        }
        let (slot, _) = Slot::new(account_id, login, password, cost)?;
        self.slots.push(slot);
        self.reseal(key)
    }

    /// Gives the account `account_id` a new password (a new key pair: the old private key
    /// is not needed, so the administrator can do it for someone who forgot theirs).
    pub fn set_password(
        &mut self,
        key: &RegistryKey,
        account_id: &str,
        password: &str,
        cost: Cost,
    ) -> Result<(), KeyFileError> {
        let i = self
            .slots
            .iter()
            .position(|s| s.account_id == account_id)
            .ok_or_else(|| KeyFileError::NoAccount(account_id.to_owned()))?;
        let login = self.slots[i].login.clone();
        let (slot, _) = Slot::new(account_id, &login, password, cost)?;
        self.slots[i] = slot;
        self.reseal(key)
    }

    /// Removes the account `account_id`: its password no longer opens the registry.
    pub fn remove(&mut self, key: &RegistryKey, account_id: &str) -> Result<(), KeyFileError> {
        let before = self.slots.len();
        self.slots.retain(|s| s.account_id != account_id);
        if self.slots.len() == before {
            return Err(KeyFileError::NoAccount(account_id.to_owned()));
        }
        self.reseal(key)
    }

    /// The first step of changing the registry's key: both keys sealed, so that whichever
    /// the registry has when a power cut stops the change, a sign-in opens it.
    pub fn begin_key_change(
        &mut self,
        key: &RegistryKey,
        next: &RegistryKey,
    ) -> Result<(), KeyFileError> {
        self.seal(&[key, next])
    }

    /// Seals one registry key (the new one once the registry has it, or the old one
    /// again when the change did not get that far) to the same accounts.
    pub fn change_key(&mut self, key: &RegistryKey) -> Result<(), KeyFileError> {
        self.reseal(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const FAST: Cost = Cost::FAST_FOR_TESTS;

    fn at(s: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap() + chrono::Duration::seconds(s)
    }

    #[test]
    fn each_password_opens_the_same_key_and_a_wrong_one_does_not() {
        let key = RegistryKey::from_bytes([9; 32]);
        let mut f = KeyFile::create(&key, "a1", "Әйгерім", "бірінші пароль", FAST).unwrap();
        f.add(&key, "a2", "bolat", "екінші пароль", FAST).unwrap();
        assert!(matches!(
            f.add(&key, "a3", " BOLAT ", "үшінші пароль", FAST),
            Err(KeyFileError::LoginTaken(_))
        ));
        let (id, k, _) = f.unlock("әйгерім", "бірінші пароль", at(0)).unwrap();
        assert_eq!((id.as_str(), &k), ("a1", &key));
        let (id, k, _) = f.unlock("Bolat", "екінші пароль", at(0)).unwrap();
        assert_eq!((id.as_str(), &k), ("a2", &key));
        assert!(matches!(
            f.unlock("bolat", "бірінші пароль", at(0)),
            Err(KeyFileError::WrongPassword)
        ));
        assert!(matches!(
            f.unlock("nobody", "бірінші пароль", at(0)),
            Err(KeyFileError::WrongPassword)
        ));
    }

    #[test]
    fn the_file_round_trips_and_holds_no_key_or_password_in_clear() {
        let dir = tempfile::tempdir().unwrap();
        let key = RegistryKey::from_bytes([0xAB; 32]);
        let f = KeyFile::create(&key, "a1", "admin", "бірінші пароль", FAST).unwrap();
        f.save(&path(dir.path())).unwrap();
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        assert!(!text.to_lowercase().contains(&"ab".repeat(32)));
        assert!(!text.contains("бірінші"));
        let mut back = KeyFile::load(&path(dir.path())).unwrap();
        assert_eq!(
            back.unlock("admin", "бірінші пароль", at(0)).unwrap().1,
            key
        );
    }

    #[test]
    fn a_reset_password_replaces_the_old_one_and_a_removed_account_opens_nothing() {
        let key = RegistryKey::from_bytes([3; 32]);
        let mut f = KeyFile::create(&key, "a1", "admin", "бірінші пароль", FAST).unwrap();
        f.add(&key, "a2", "worker", "екінші пароль", FAST).unwrap();
        let old = f.clone();
        f.set_password(&key, "a2", "жаңа пароль 2", FAST).unwrap();
        assert!(f.unlock("worker", "екінші пароль", at(0)).is_err());
        assert_eq!(f.unlock("worker", "жаңа пароль 2", at(0)).unwrap().1, key);
        f.remove(&key, "a2").unwrap();
        assert!(f.unlock("worker", "жаңа пароль 2", at(0)).is_err());
        // The slot copied from an older file no longer opens the sealed key either.
        let mut spliced = f.clone();
        spliced.slots.push(old.slots[1].clone());
        let opened = spliced.unlock("worker", "екінші пароль", at(0));
        assert!(
            matches!(opened, Err(KeyFileError::Damaged { .. })),
            "{opened:?}"
        );
        assert_eq!(f.unlock("admin", "бірінші пароль", at(0)).unwrap().1, key);
    }

    #[test]
    fn wrong_attempts_make_the_next_ones_wait_longer() {
        let key = RegistryKey::from_bytes([4; 32]);
        let mut f = KeyFile::create(&key, "a1", "admin", "бірінші пароль", FAST).unwrap();
        for s in 0..3 {
            assert!(matches!(
                f.unlock("admin", "қате", at(s)),
                Err(KeyFileError::WrongPassword)
            ));
        }
        // The fourth wrong attempt is heard, then a wait of 2 s.
        assert!(f.unlock("admin", "қате", at(3)).is_err());
        assert!(matches!(
            f.unlock("admin", "бірінші пароль", at(4)),
            Err(KeyFileError::Wait { seconds: 1 })
        ));
        assert!(f.unlock("admin", "қате", at(5)).is_err());
        assert!(matches!(
            f.unlock("admin", "бірінші пароль", at(6)),
            Err(KeyFileError::Wait { seconds: 3 })
        ));
        // The right password after the wait opens, and clears the count.
        assert!(f.unlock("admin", "бірінші пароль", at(9)).is_ok());
        assert_eq!(f.slots[0].failures(), 0);
        // The wait never exceeds five minutes.
        let mut slot = f.slots[0].clone();
        slot.failures = 40;
        slot.last_failure = Some(at(0));
        assert_eq!(slot.wait_seconds(at(0)), MAX_WAIT_SECONDS);
    }

    #[test]
    fn a_changed_or_foreign_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = path(dir.path());
        for junk in [
            &b"not json"[..],
            br#"{"format":"other","version":1,"sealed_key":"","slots":[]}"#,
            br#"{"format":"meirim-keys","version":9,"sealed_key":"","slots":[]}"#,
            br#"{"format":"meirim-keys","version":1,"sealed_key":"","slots":[]}"#,
        ] {
            std::fs::write(&p, junk).unwrap();
            assert!(matches!(
                KeyFile::load(&p),
                Err(KeyFileError::Damaged { .. })
            ));
        }
        std::fs::write(&p, vec![b' '; (MAX_BYTES + 10) as usize]).unwrap();
        assert!(matches!(
            KeyFile::load(&p),
            Err(KeyFileError::Damaged { .. })
        ));
        // A cost raised in the file is refused before any work is done.
        let key = RegistryKey::from_bytes([5; 32]);
        let mut f = KeyFile::create(&key, "a1", "admin", "бірінші пароль", FAST).unwrap();
        f.slots[0].cost.m_kib = u32::MAX;
        assert!(f.unlock("admin", "бірінші пароль", at(0)).is_err());
    }
}
