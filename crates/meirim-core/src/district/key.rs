//! The district key: 256 random bits the district gives its offices once (a key card file on
//! a stick, or the same 64 hexadecimal digits on paper). Each office hashes the IINs of the
//! families it helped with it (HMAC-SHA-256), so the district finds a family two offices
//! both helped without any IIN leaving an office. The key never travels with the packages:
//! a lost stick holds hashes nobody can test an IIN against without the key.

use hmac::{KeyInit, Mac};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::db::{DbError, RegistryKey};
use crate::problem::{ErrorCode, Problem};
use crate::settings;

use super::office::{self, Office};

type HmacSha256 = hmac::Hmac<Sha256>;

/// Kept in the (encrypted) registry, like the rest of the office's settings.
const SETTING: &str = "district.key";

/// Typed and printed like the recovery key (16 groups of 4 hexadecimal digits), with the
/// same forgiveness for spaces, dashes and Cyrillic look-alike letters.
#[derive(Clone, PartialEq, Eq)]
pub struct DistrictKey(RegistryKey);

impl std::fmt::Debug for DistrictKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DistrictKey({})", self.id())
    }
}

impl DistrictKey {
    pub fn generate() -> Result<Self, Problem> {
        RegistryKey::generate()
            .map(Self)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(RegistryKey::from_bytes(bytes))
    }

    pub fn parse(text: &str) -> Result<Self, Problem> {
        RegistryKey::parse_recovery(text)
            .map(Self)
            .map_err(|e| Problem::new(ErrorCode::DistrictKeyInvalid).with("reason", e))
    }

    pub fn text(&self) -> Zeroizing<String> {
        self.0.recovery_text()
    }

    /// Names the key without revealing it: the district tells from a package whether the
    /// office hashed with its key (16 hexadecimal digits of a hash of the key).
    pub fn id(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"meirim district key id\0");
        h.update(self.0.as_bytes());
        hex::encode(&h.finalize()[..8])
    }

    /// A hasher of IINs with this key; clone it per IIN (the key is absorbed once).
    pub fn hasher(&self) -> IinHasher {
        // HMAC takes keys of any length: this cannot fail for 32 bytes.
        let mac = <HmacSha256 as KeyInit>::new_from_slice(self.0.as_bytes())
            .unwrap_or_else(|_| <HmacSha256 as KeyInit>::new(&Default::default()));
        IinHasher(mac)
    }
}

#[derive(Clone)]
pub struct IinHasher(HmacSha256);

impl IinHasher {
    pub fn hash(&self, iin: &str) -> [u8; 32] {
        let mut mac = self.0.clone();
        mac.update(iin.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

pub fn stored(conn: &Connection) -> Result<Option<DistrictKey>, Problem> {
    let Some(text) = settings::get(conn, SETTING)?.map(Zeroizing::new) else {
        return Ok(None);
    };
    if text.is_empty() {
        return Ok(None);
    }
    DistrictKey::parse(&text).map(Some)
}

pub fn store(conn: &Connection, key: Option<&DistrictKey>) -> Result<(), DbError> {
    match key {
        Some(k) => settings::set(conn, SETTING, &k.text()),
        None => settings::set(conn, SETTING, ""),
    }
}

/// What the district hands its offices: itself (so each office knows where its reports go)
/// and the key. A small JSON file, `<name>.meirim-key`; never sent back up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyCard {
    pub kind: String,
    pub district: Office,
    pub key: String,
}

pub const KEY_CARD_KIND: &str = "meirim-district-key";
/// A key card is a few hundred bytes; anything much larger is not one.
pub const KEY_CARD_MAX_BYTES: u64 = 64 * 1024;

/// The district's key card, making the district's key first if it has none.
pub fn key_card(conn: &Connection) -> Result<KeyCard, Problem> {
    let me = office::own(conn)?;
    if me.level.below().is_none() {
        return Err(Problem::new(ErrorCode::PackageWrongLevel).with("level", me.level.code()));
    }
    let key = match stored(conn)? {
        Some(k) => k,
        None => {
            let k = DistrictKey::generate()?;
            store(conn, Some(&k))?;
            k
        }
    };
    Ok(KeyCard {
        kind: KEY_CARD_KIND.to_owned(),
        district: me,
        key: key.text().to_string(),
    })
}

/// What an office learns from a key card or a typed key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KeyState {
    /// 16 hexadecimal digits naming the key (not the key).
    pub key_id: Option<String>,
    pub parent: Option<Office>,
}

/// Reads a key card's bytes: the district becomes this office's parent, its key this
/// office's key.
pub fn accept_card(conn: &Connection, bytes: &[u8]) -> Result<KeyState, Problem> {
    let card: KeyCard = serde_json::from_slice(bytes)
        .ok()
        .filter(|c: &KeyCard| c.kind == KEY_CARD_KIND)
        .ok_or_else(|| Problem::new(ErrorCode::KeyCardNotMeirim))?;
    let key = DistrictKey::parse(&card.key)?;
    let me = office::own(conn)?;
    if card.district.id == me.id {
        return Err(Problem::new(ErrorCode::PackageFromSelf));
    }
    store(conn, Some(&key))?;
    office::set_parent(conn, Some(&card.district.id))?;
    settings::set(
        conn,
        PARENT_NAMES,
        &serde_json::to_string(&card.district).unwrap_or_default(),
    )?;
    state(conn)
}

/// The parent office as its key card described it.
const PARENT_NAMES: &str = "district.parent";

/// A key typed from paper: the parent stays as it was.
pub fn accept_typed(conn: &Connection, text: &str) -> Result<KeyState, Problem> {
    let key = DistrictKey::parse(text)?;
    store(conn, Some(&key))?;
    state(conn)
}

pub fn state(conn: &Connection) -> Result<KeyState, Problem> {
    let parent = settings::get(conn, PARENT_NAMES)?
        .and_then(|s| serde_json::from_str::<Office>(&s).ok())
        .filter(|p| Some(&p.id) == office::own(conn).ok().and_then(|o| o.parent_id).as_ref());
    Ok(KeyState {
        key_id: stored(conn)?.map(|k| k.id()),
        parent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_depends_on_the_key_and_the_iin_and_the_id_does_not_reveal_the_key() {
        let a = DistrictKey::from_bytes([7; 32]);
        let b = DistrictKey::from_bytes([8; 32]);
        let iin = "900101300123";
        assert_eq!(a.hasher().hash(iin), a.hasher().hash(iin));
        assert_ne!(a.hasher().hash(iin), b.hasher().hash(iin));
        assert_ne!(a.hasher().hash(iin), a.hasher().hash("900101300124"));
        // RFC 4231 style check against the plain construction: HMAC(key, iin).
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&[7; 32]).unwrap();
        mac.update(iin.as_bytes());
        assert_eq!(
            a.hasher().hash(iin).to_vec(),
            mac.finalize().into_bytes().to_vec()
        );
        assert_eq!(a.id().len(), 16);
        assert_ne!(a.id(), b.id());
        assert!(!hex::encode([7u8; 32]).contains(&a.id()));
        let typed = a.text().to_lowercase().replace('-', " ");
        assert_eq!(DistrictKey::parse(&typed).unwrap(), a);
        assert!(DistrictKey::parse("12").is_err());
    }
}
