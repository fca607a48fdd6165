//! Cell values as offices' lists hold them, turned into what the registry stores — and every
//! change said out loud (`FixKind`), so the user sees what the import did to the data.

use chrono::NaiveDate;
use serde::Serialize;

use super::cell::Cell;
use crate::iin::{Iin, IinError, IIN_LENGTH};
use crate::problem::ErrorCode;
use crate::{phone, text};

/// A change the cleaning made to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    /// Excel stored the IIN as a number and dropped its leading zero(s); put back because
    /// only then is the check digit right.
    IinLeadingZero,
    /// An Excel date serial (45 266) read as the date it stands for.
    DateSerial,
    /// A date written another way (6/12/2023, 2023-12-06) read as a date.
    DateSpelling,
    /// A phone written any way, stored as +7 and ten digits.
    Phone,
    /// Latin letters that look Cyrillic (a, e, o, p, c, x, y, K, H, M, T, B, i) inside a
    /// Cyrillic word, replaced by the Cyrillic ones.
    LatinLetters,
    /// Spaces at the ends or doubled inside.
    Spaces,
    /// A full name in one cell, split into surname, name and patronymic.
    NameSplit,
    /// A category written in words, matched to the office's list.
    Category,
    /// An address in one cell, split into village, street, house and flat.
    AddressSplit,
    /// «4-үй», «д. 4», «кв. 7»: the word taken off the number, since the address prints it.
    AddressMark,
}

/// Why a value could not be used, with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    pub code: ErrorCode,
    pub params: Vec<(&'static str, String)>,
}

impl Unusable {
    fn new(code: ErrorCode) -> Self {
        Self {
            code,
            params: Vec::new(),
        }
    }

    fn with(mut self, key: &'static str, value: impl ToString) -> Self {
        self.params.push((key, value.to_string()));
        self
    }
}

/// A cleaned value and the change made to get it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned<T> {
    pub value: T,
    pub fix: Option<FixKind>,
}

impl<T> Cleaned<T> {
    fn same(value: T) -> Self {
        Self { value, fix: None }
    }

    fn fixed(value: T, fix: FixKind) -> Self {
        Self {
            value,
            fix: Some(fix),
        }
    }
}

/// A cell's text without the apostrophe Excel (and Meirim's own exports) put in front of a
/// value to keep it text: «'+77011234567», «'050315450014».
fn unquoted(cell: &Cell) -> String {
    let raw = cell.text();
    match raw.trim_start().strip_prefix('\'') {
        Some(rest) => rest.to_owned(),
        None => raw,
    }
}

/// Plain text: trimmed, inner runs of spaces collapsed. `None` for an empty cell.
pub fn plain(cell: &Cell) -> Option<Cleaned<String>> {
    let raw = cell.text();
    let tidy = text::tidy(&unquoted(cell));
    if tidy.is_empty() {
        return None;
    }
    Some(if tidy == raw {
        Cleaned::same(tidy)
    } else {
        Cleaned::fixed(tidy, FixKind::Spaces)
    })
}

/// A name (or a full name): spaces tidied, Latin look-alikes inside Cyrillic words made
/// Cyrillic.
pub fn name(cell: &Cell) -> Option<Cleaned<String>> {
    let tidied = plain(cell)?;
    let fixed = text::cyrillic_lookalikes(&tidied.value);
    Some(if fixed != tidied.value {
        Cleaned::fixed(fixed, FixKind::LatinLetters)
    } else {
        tidied
    })
}

/// A name read from a Windows-1251 file has «?» where the Kazakh letters were.
pub fn letters_lost(name: &str) -> bool {
    name.contains('?') || name.contains('\u{FFFD}')
}

/// A house (or flat, with `address::FLAT_MARKS`) number as the address prints it: the mark
/// the office typed with it («4-үй», «д. 4») taken off.
pub fn address_number(cell: &Cell, marks: &[&str]) -> Option<Cleaned<String>> {
    let tidied = plain(cell)?;
    Some(
        match super::address::number_without_mark(&tidied.value, marks) {
            Some(number) => Cleaned::fixed(number, FixKind::AddressMark),
            None => tidied,
        },
    )
}

/// An IIN from a text or number cell. Excel keeps an IIN typed into a number cell as a
/// number: 050315500011 becomes 50315500011, so a value short by one or two digits is
/// padded with zeros — and kept only if the check digit then agrees. Someone born in
/// January–September 2000 (000109…) loses three zeros; so many put back are certain only
/// when the row's birth date (`born`) is the one the padded IIN begins with.
pub fn iin(cell: &Cell, born: Option<NaiveDate>) -> Result<Option<Cleaned<String>>, Unusable> {
    let raw = match cell {
        Cell::Number(n) | Cell::DateSerial(n) => {
            if n.fract() != 0.0 || *n < 0.0 || *n >= 1e12 {
                return Err(Unusable::new(ErrorCode::ImportIinMangled).with("value", cell.text()));
            }
            format!("{}", *n as u64)
        }
        _ => unquoted(cell),
    };
    let trimmed: String = raw.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // "5,03155E+10": a CSV saved from a number column; the digits are gone for good.
    if trimmed.contains(['E', 'e']) && trimmed.chars().any(|c| c.is_ascii_digit()) {
        return Err(Unusable::new(ErrorCode::ImportIinMangled).with("value", trimmed));
    }
    match Iin::parse(&trimmed) {
        Ok(iin) => Ok(Some(if iin.as_str() == raw {
            Cleaned::same(iin.as_str().to_owned())
        } else {
            Cleaned::fixed(iin.as_str().to_owned(), FixKind::Spaces)
        })),
        Err(IinError::Length(n)) if (IIN_LENGTH - 3..IIN_LENGTH).contains(&n) => {
            let padded = format!("{trimmed:0>12}");
            let iin = Iin::parse(&padded)
                .map_err(|_| Unusable::new(ErrorCode::IinLength).with("length", n))?;
            if n == IIN_LENGTH - 3 && (born.is_none() || iin.decode().birth_date != born) {
                return Err(Unusable::new(ErrorCode::ImportIinZerosLost)
                    .with("value", trimmed)
                    .with("restored", padded));
            }
            Ok(Some(Cleaned::fixed(
                iin.as_str().to_owned(),
                FixKind::IinLeadingZero,
            )))
        }
        Err(IinError::Length(n)) => Err(Unusable::new(ErrorCode::IinLength).with("length", n)),
        Err(IinError::NotDigits) => {
            Err(Unusable::new(ErrorCode::IinNotDigits).with("value", trimmed))
        }
        Err(IinError::Checksum) => Err(Unusable::new(ErrorCode::IinChecksum)),
    }
}

/// Serials a birth or registration date can have: 1890 to 2100.
const SERIALS: std::ops::RangeInclusive<f64> = -3_650.0..=73_415.0;

fn from_serial(n: f64) -> Option<NaiveDate> {
    if !SERIALS.contains(&n) {
        return None;
    }
    super::cell::serial_date(n)
}

/// A date from a date cell, a serial number, or text: 06.12.2023, 6.12.2023, 6/12/2023
/// (day first, as in Kazakhstan), 06-12-2023, 2023-12-06, 2023.12.06, with or without a
/// time after it. Stored as ISO (2023-12-06).
pub fn date(cell: &Cell) -> Result<Option<Cleaned<String>>, Unusable> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::DateSerial(n) => from_serial(*n)
            .map(|d| Some(Cleaned::same(d.to_string())))
            .ok_or_else(|| Unusable::new(ErrorCode::ImportDateUnreadable).with("value", n)),
        Cell::Number(n) => from_serial(*n)
            .map(|d| Some(Cleaned::fixed(d.to_string(), FixKind::DateSerial)))
            .ok_or_else(|| Unusable::new(ErrorCode::ImportDateUnreadable).with("value", n)),
        Cell::Bool(_) | Cell::Text(_) => {
            let raw = cell.text();
            let t = raw.trim();
            if t.is_empty() {
                return Ok(None);
            }
            // A text cell holding a serial: a CSV written from a date column without format.
            if let Ok(n) = t.parse::<f64>() {
                if (1_000.0..=73_415.0).contains(&n) {
                    if let Some(d) = from_serial(n) {
                        return Ok(Some(Cleaned::fixed(d.to_string(), FixKind::DateSerial)));
                    }
                }
            }
            let day = t.split([' ', 'T']).next().unwrap_or(t);
            let parsed = [
                "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y.%m.%d", "%Y/%m/%d",
            ]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
            // A four-digit year only: «06.12.23» could be 1923 or 2023.
            .filter(|_| day.split(['.', '/', '-']).any(|p| p.len() == 4));
            match parsed {
                Some(d) if d.format("%d.%m.%Y").to_string() == t || d.to_string() == t => {
                    Ok(Some(Cleaned::same(d.to_string())))
                }
                Some(d) => Ok(Some(Cleaned::fixed(d.to_string(), FixKind::DateSpelling))),
                None => Err(Unusable::new(ErrorCode::ImportDateUnreadable).with("value", t)),
            }
        }
    }
}

/// A phone as +7 and ten digits. A cell with two numbers keeps the first.
pub fn phone(cell: &Cell) -> Result<Option<Cleaned<String>>, Unusable> {
    let raw = unquoted(cell);
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let first = t.split([',', ';', '/']).next().unwrap_or(t).trim();
    // A number cell lost the 8 in front: 7012345678 reads fine as ten digits.
    match phone::normalize(first) {
        Some(p) if p == t => Ok(Some(Cleaned::same(p))),
        Some(p) => Ok(Some(Cleaned::fixed(p, FixKind::Phone))),
        None => Err(Unusable::new(ErrorCode::PhoneInvalid).with("value", t)),
    }
}

/// «Серікова Әсел Бауыржанқызы» → surname, name, patronymic. A fourth word and more
/// («… Бауыржан қызы») belong to the patronymic.
pub fn split_full_name(full: &str) -> Option<(String, String, Option<String>)> {
    let mut words = full.split_whitespace();
    let surname = words.next()?.to_owned();
    let name = words.next()?.to_owned();
    let rest: Vec<&str> = words.collect();
    let patronymic = (!rest.is_empty()).then(|| rest.join(" "));
    Some((surname, name, patronymic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    #[test]
    fn iins_keep_their_zeros() {
        let born = NaiveDate::from_ymd_opt(2005, 3, 15).unwrap();
        let valid = (1..50)
            .find_map(|n| crate::iin::synthesize(born, crate::person::Sex::Female, n))
            .unwrap();
        let valid = valid.as_str();
        assert!(valid.starts_with('0'));
        // Excel made it a number and dropped the zero.
        let number: f64 = valid.parse().unwrap();
        let fixed = iin(&Cell::Number(number), None).unwrap().unwrap();
        assert_eq!(fixed.value, valid);
        assert_eq!(fixed.fix, Some(FixKind::IinLeadingZero));
        assert_eq!(iin(&t(&valid[1..]), None).unwrap().unwrap().value, valid);
        assert_eq!(iin(&t(valid), None).unwrap().unwrap().fix, None);
        assert_eq!(
            iin(&t(&format!("'{valid}")), None).unwrap().unwrap().value,
            valid
        );
        // Eleven digits that do not become valid with a zero: a digit is missing.
        let broken = format!(
            "{}{}",
            &valid[1..11],
            (valid.as_bytes()[11] - b'0' + 1) % 10
        );
        assert_eq!(
            iin(&t(&broken), None).unwrap_err().code,
            ErrorCode::IinLength
        );
        let wrong_check = format!("0{broken}");
        assert_eq!(
            iin(&t(&wrong_check), None).unwrap_err().code,
            ErrorCode::IinChecksum
        );
        assert_eq!(
            iin(&t("5,03155E+10"), None).unwrap_err().code,
            ErrorCode::ImportIinMangled
        );
        assert_eq!(iin(&t("  "), None).unwrap(), None);
    }

    #[test]
    fn three_lost_zeros_come_back_only_when_the_birth_date_confirms_them() {
        let born = NaiveDate::from_ymd_opt(2000, 1, 9).unwrap();
        let valid = (1204..1300)
            .find_map(|n| crate::iin::synthesize(born, crate::person::Sex::Male, n))
            .unwrap();
        let valid = valid.as_str();
        assert!(valid.starts_with("000109"));
        let short = Cell::Number(valid.parse().unwrap());
        assert_eq!(short.text().len(), 9);
        let fixed = iin(&short, Some(born)).unwrap().unwrap();
        assert_eq!(
            (fixed.value.as_str(), fixed.fix),
            (valid, Some(FixKind::IinLeadingZero))
        );
        // Without the birth date, or with another one, nine digits are not enough.
        for other in [None, NaiveDate::from_ymd_opt(2000, 1, 10)] {
            let refused = iin(&short, other).unwrap_err();
            assert_eq!(refused.code, ErrorCode::ImportIinZerosLost);
            assert!(refused.params.contains(&("restored", valid.to_owned())));
        }
        // The check digit must still agree.
        let wrong = format!(
            "{}{}",
            &valid[3..11],
            (valid.as_bytes()[11] - b'0' + 1) % 10
        );
        assert_eq!(
            iin(&t(&wrong), Some(born)).unwrap_err().code,
            ErrorCode::IinLength
        );
    }

    #[test]
    fn house_and_flat_marks_come_off() {
        use crate::import::address::{FLAT_MARKS, HOUSE_MARKS};
        let c = address_number(&t("4-үй"), HOUSE_MARKS).unwrap();
        assert_eq!((c.value.as_str(), c.fix), ("4", Some(FixKind::AddressMark)));
        let c = address_number(&t(" кв. 7"), FLAT_MARKS).unwrap();
        assert_eq!((c.value.as_str(), c.fix), ("7", Some(FixKind::AddressMark)));
        assert_eq!(
            address_number(&Cell::Number(12.0), HOUSE_MARKS)
                .unwrap()
                .fix,
            None
        );
        assert_eq!(address_number(&t(""), HOUSE_MARKS), None);
    }

    #[test]
    fn dates_in_every_usual_spelling() {
        let want = "2023-12-06";
        for (cell, fix) in [
            (Cell::DateSerial(45_266.0), None),
            (Cell::Number(45_266.0), Some(FixKind::DateSerial)),
            (t("45266"), Some(FixKind::DateSerial)),
            (t("06.12.2023"), None),
            (t("2023-12-06"), None),
            (t("6.12.2023"), Some(FixKind::DateSpelling)),
            (t("6/12/2023"), Some(FixKind::DateSpelling)),
            (t("06-12-2023"), Some(FixKind::DateSpelling)),
            (t("06.12.2023 0:00:00"), Some(FixKind::DateSpelling)),
        ] {
            let c = date(&cell).unwrap().unwrap();
            assert_eq!((c.value.as_str(), c.fix), (want, fix), "{cell:?}");
        }
        for bad in ["06.12.23", "31.02.2023", "ертең", "13/13/2023"] {
            assert_eq!(
                date(&t(bad)).unwrap_err().code,
                ErrorCode::ImportDateUnreadable,
                "{bad}"
            );
        }
    }

    #[test]
    fn phones_become_plus_seven() {
        let c = phone(&t("8 (701) 234-56-78")).unwrap().unwrap();
        assert_eq!(
            (c.value.as_str(), c.fix),
            ("+77012345678", Some(FixKind::Phone))
        );
        let c = phone(&Cell::Number(7_012_345_678.0)).unwrap().unwrap();
        assert_eq!(c.value, "+77012345678");
        let c = phone(&t("87012345678, 87771112233")).unwrap().unwrap();
        assert_eq!(c.value, "+77012345678");
        assert_eq!(phone(&t("+77012345678")).unwrap().unwrap().fix, None);
        // Meirim's own list export keeps phones as text with Excel's apostrophe.
        assert_eq!(
            phone(&t("'+77012345678")).unwrap().unwrap().value,
            "+77012345678"
        );
        assert_eq!(
            phone(&t("12-34")).unwrap_err().code,
            ErrorCode::PhoneInvalid
        );
    }

    #[test]
    fn latin_lookalikes_in_cyrillic_names() {
        // Latin a, e, o, K, i typed inside Cyrillic words.
        let c = name(&t(" Kaсымoва  Әсeл ")).unwrap();
        assert_eq!(c.value, "Касымова Әсел");
        assert_eq!(c.fix, Some(FixKind::LatinLetters));
        let c = name(&t("Серiкова")).unwrap();
        assert_eq!(c.value, "Серікова");
        // A word all in Latin is someone's name in Latin letters: left alone.
        assert_eq!(name(&t("Anna")).unwrap().value, "Anna");
        assert_eq!(name(&t("Асель")).unwrap().fix, None);
    }

    #[test]
    fn full_names_split() {
        assert_eq!(
            split_full_name("Серікова Әсел Бауыржанқызы"),
            Some((
                "Серікова".into(),
                "Әсел".into(),
                Some("Бауыржанқызы".into())
            ))
        );
        assert_eq!(
            split_full_name("Ким Ольга"),
            Some(("Ким".into(), "Ольга".into(), None))
        );
        assert_eq!(split_full_name("Ольга"), None);
    }
}
