//! What a document's QR code carries: its number, the office and a short hash of what was
//! printed. Scanning it (or typing the number) on the verify screen finds the register
//! entry; a hash that does not match the entry means the paper was altered or forged.

use sha2::{Digest, Sha256};

/// The QR payload's first field, so other codes are told apart.
const TAG: &str = "MEIRIM";

/// The short hash of a document: 10 hex digits of SHA-256 over the fields that matter.
pub fn short_hash(number: &str, issued_on: &str, recipient: &str, office: &str) -> String {
    let mut h = Sha256::new();
    for part in [number, issued_on, recipient, office] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    crate::text::hex(&h.finalize()[..5])
}

/// «MEIRIM|№ 12/2026|<office>|<hash>».
pub fn payload(number: &str, office: &str, hash: &str) -> String {
    format!("{TAG}|{number}|{office}|{hash}")
}

/// The number and hash of a scanned code, or `None` if it is not one of ours.
pub fn parse(code: &str) -> Option<(String, String)> {
    let mut parts = code.trim().split('|');
    if parts.next()? != TAG {
        return None;
    }
    let number = parts.next()?.to_owned();
    let _office = parts.next()?;
    let hash = parts.next()?.to_owned();
    (hash.len() == 10 && hash.chars().all(|c| c.is_ascii_hexdigit())).then_some((number, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_round_trips_and_a_changed_field_changes_the_hash() {
        let h = short_hash("№ 12/2026", "2026-11-22", "Серіков Дәурен", "Сайрам");
        assert_eq!(h.len(), 10);
        let code = payload("№ 12/2026", "Сайрам", &h);
        assert_eq!(parse(&code), Some(("№ 12/2026".into(), h.clone())));
        assert_ne!(
            h,
            short_hash("№ 12/2026", "2026-11-22", "Серіков Дәуренн", "Сайрам")
        );
        assert_eq!(parse("https://example.com"), None);
        assert_eq!(parse("MEIRIM|1|x|zz"), None);
    }
}
