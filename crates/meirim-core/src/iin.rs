//! The Kazakh individual identification number (ЖСН / ИИН), per docs/domain/GUIDE.md.
//!
//! Since 2013 the digits need not match the real birth date or sex, so only the
//! structure (length, digits, checksum) is a hard error; what the digits say about the
//! person is a hint used to pre-fill the form and to warn, never to refuse.

use chrono::NaiveDate;
use serde::Serialize;

use crate::person::Sex;

pub const IIN_LENGTH: usize = 12;

/// Why a string cannot be an IIN at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IinError {
    #[error("an IIN has 12 digits, got {0}")]
    Length(usize),
    #[error("an IIN has only digits")]
    NotDigits,
    #[error("the IIN check digit does not match")]
    Checksum,
}

/// Something odd about a structurally valid IIN that the operator should look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum IinWarning {
    /// Digits 1–6 are not a real calendar date.
    ImpossibleDate,
    /// Digit 7 is not 1–6, so neither century nor sex can be read.
    UnknownCentury,
    /// The birth date typed in the form differs from the one in the IIN.
    BirthDateMismatch,
    /// The sex chosen in the form differs from the one in the IIN.
    SexMismatch,
}

/// A structurally valid IIN (12 digits, correct check digit).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Iin(String);

impl Iin {
    /// Accepts surrounding white space; nothing else is forgiven here (the importer, not
    /// this parser, is the place to repair Excel's dropped leading zeros).
    pub fn parse(input: &str) -> Result<Self, IinError> {
        let s = input.trim();
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(IinError::NotDigits);
        }
        if s.len() != IIN_LENGTH {
            return Err(IinError::Length(s.chars().count()));
        }
        let digits: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
        match check_digit(&digits[..11]) {
            Some(c) if c == digits[11] => Ok(Self(s.to_owned())),
            _ => Err(IinError::Checksum),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the digits claim about the holder: birth date and sex, when readable.
    pub fn decode(&self) -> IinFacts {
        let d: Vec<u32> = self.0.bytes().map(|b| u32::from(b - b'0')).collect();
        let century_digit = d[6];
        let (century, sex) = match century_digit {
            1 | 2 => (Some(1800), Some(sex_of(century_digit))),
            3 | 4 => (Some(1900), Some(sex_of(century_digit))),
            5 | 6 => (Some(2000), Some(sex_of(century_digit))),
            _ => (None, None),
        };
        let mut warnings = Vec::new();
        let birth_date = match century {
            None => {
                warnings.push(IinWarning::UnknownCentury);
                None
            }
            Some(c) => {
                let year = c + (d[0] * 10 + d[1]) as i32;
                let month = d[2] * 10 + d[3];
                let day = d[4] * 10 + d[5];
                let date = NaiveDate::from_ymd_opt(year, month, day);
                if date.is_none() {
                    warnings.push(IinWarning::ImpossibleDate);
                }
                date
            }
        };
        IinFacts {
            birth_date,
            sex,
            warnings,
        }
    }

    /// Compares the digits with what the operator entered; each difference is a warning.
    pub fn check_against(&self, birth_date: Option<NaiveDate>, sex: Option<Sex>) -> IinFacts {
        let mut facts = self.decode();
        if let (Some(entered), Some(encoded)) = (birth_date, facts.birth_date) {
            if entered != encoded {
                facts.warnings.push(IinWarning::BirthDateMismatch);
            }
        }
        if let (Some(entered), Some(encoded)) = (sex, facts.sex) {
            if entered != encoded {
                facts.warnings.push(IinWarning::SexMismatch);
            }
        }
        facts
    }
}

impl std::fmt::Display for Iin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an IIN's digits say, plus any warnings about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IinFacts {
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub warnings: Vec<IinWarning>,
}

fn sex_of(century_digit: u32) -> Sex {
    if century_digit % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    }
}

const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit for the first 11 digits, or `None` when both weight passes give 10:
/// such a prefix has no valid IIN (it must never be mapped to 0).
pub fn check_digit(first_eleven: &[u32]) -> Option<u32> {
    let weighted = |weights: &[u32; 11]| -> u32 {
        first_eleven
            .iter()
            .zip(weights)
            .map(|(d, w)| d * w)
            .sum::<u32>()
            % 11
    };
    let first = weighted(&FIRST_WEIGHTS);
    if first != 10 {
        return Some(first);
    }
    let second = weighted(&SECOND_WEIGHTS);
    (second != 10).then_some(second)
}

/// Builds a valid synthetic IIN from a birth date, sex and serial. Used by tests and demo
/// data so that no real person's number ever lands in this repository. Returns `None`
/// for the rare prefix that has no valid check digit; callers try the next serial.
pub fn synthesize(birth_date: NaiveDate, sex: Sex, serial: u32) -> Option<Iin> {
    use chrono::Datelike;
    let year = birth_date.year();
    let base = match year {
        1800..=1899 => 1,
        1900..=1999 => 3,
        2000..=2099 => 5,
        _ => return None,
    };
    let century_digit = base + u32::from(sex == Sex::Female);
    let prefix = format!(
        "{:02}{:02}{:02}{}{:04}",
        year % 100,
        birth_date.month(),
        birth_date.day(),
        century_digit,
        serial % 10_000
    );
    let digits: Vec<u32> = prefix.bytes().map(|b| u32::from(b - b'0')).collect();
    let check = check_digit(&digits)?;
    Some(Iin(format!("{prefix}{check}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Appends the correct check digit to an 11-digit prefix, computed by hand-rolled
    /// arithmetic independent of `check_digit`, so the two can disagree if one is wrong.
    fn with_check(prefix: &str) -> String {
        let d: Vec<u32> = prefix.bytes().map(|b| u32::from(b - b'0')).collect();
        let mut s: u32 = (0..11).map(|i| d[i] * (i as u32 + 1)).sum::<u32>() % 11;
        if s == 10 {
            let w = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
            s = (0..11).map(|i| d[i] * w[i]).sum::<u32>() % 11;
        }
        assert_ne!(s, 10, "prefix {prefix} has no valid check digit");
        format!("{prefix}{s}")
    }

    #[test]
    fn accepts_synthetic_valid_iin_and_decodes_it() {
        // 15 March 1985, male (century digit 3), serial 0042.
        let iin = Iin::parse(&with_check("85031530042")).unwrap();
        let facts = iin.decode();
        assert_eq!(facts.birth_date, Some(date(1985, 3, 15)));
        assert_eq!(facts.sex, Some(Sex::Male));
        assert!(facts.warnings.is_empty());
    }

    #[test]
    fn decodes_2000s_female_with_leading_zero() {
        let iin = Iin::parse(&with_check("05120660017")).unwrap();
        let facts = iin.decode();
        assert_eq!(facts.birth_date, Some(date(2005, 12, 6)));
        assert_eq!(facts.sex, Some(Sex::Female));
    }

    #[test]
    fn rejects_wrong_length_and_non_digits() {
        assert_eq!(Iin::parse("85031530042"), Err(IinError::Length(11)));
        assert_eq!(Iin::parse("8503153004211"), Err(IinError::Length(13)));
        assert_eq!(Iin::parse(""), Err(IinError::Length(0)));
        assert_eq!(Iin::parse("85031530042A"), Err(IinError::NotDigits));
        assert_eq!(Iin::parse("850315 300421"), Err(IinError::NotDigits));
        // Cyrillic digits-lookalikes are not digits either.
        assert_eq!(
            Iin::parse("８５０３１５３００４２１"),
            Err(IinError::NotDigits)
        );
    }

    #[test]
    fn trims_surrounding_space() {
        let valid = with_check("85031530042");
        assert!(Iin::parse(&format!("  {valid}\t")).is_ok());
    }

    #[test]
    fn rejects_every_wrong_check_digit() {
        let valid = with_check("85031530042");
        let right = valid.as_bytes()[11];
        for c in b'0'..=b'9' {
            if c == right {
                continue;
            }
            let mut bad = valid.clone().into_bytes();
            bad[11] = c;
            let bad = String::from_utf8(bad).unwrap();
            assert_eq!(Iin::parse(&bad), Err(IinError::Checksum), "{bad}");
        }
    }

    #[test]
    fn uses_second_weight_pass_when_first_gives_ten() {
        // Find prefixes whose first pass gives 10; they must be checked with the second
        // weights, and those whose second pass also gives 10 must be refused entirely.
        let mut second_pass_seen = 0;
        let mut invalid_seen = 0;
        for serial in 0..2000u32 {
            let prefix = format!("9001014{serial:04}");
            let d: Vec<u32> = prefix.bytes().map(|b| u32::from(b - b'0')).collect();
            let first: u32 = (0..11).map(|i| d[i] * (i as u32 + 1)).sum::<u32>() % 11;
            if first != 10 {
                continue;
            }
            let w = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
            let second: u32 = (0..11).map(|i| d[i] * w[i]).sum::<u32>() % 11;
            if second == 10 {
                invalid_seen += 1;
                assert_eq!(check_digit(&d), None);
                for c in 0..=9 {
                    assert_eq!(
                        Iin::parse(&format!("{prefix}{c}")),
                        Err(IinError::Checksum),
                        "{prefix}{c} must never be valid"
                    );
                }
            } else {
                second_pass_seen += 1;
                assert_eq!(check_digit(&d), Some(second));
                assert!(Iin::parse(&format!("{prefix}{second}")).is_ok());
            }
        }
        assert!(second_pass_seen > 0 && invalid_seen > 0);
    }

    #[test]
    fn warns_on_impossible_date() {
        // 31 February 1990.
        let iin = Iin::parse(&with_check("90023130001")).unwrap();
        let facts = iin.decode();
        assert_eq!(facts.birth_date, None);
        assert_eq!(facts.warnings, vec![IinWarning::ImpossibleDate]);
        assert_eq!(facts.sex, Some(Sex::Male));
    }

    #[test]
    fn warns_on_unknown_century_digit() {
        for c in ['0', '7', '8', '9'] {
            let iin = Iin::parse(&with_check(&format!("900101{c}0001"))).unwrap();
            let facts = iin.decode();
            assert_eq!(facts.warnings, vec![IinWarning::UnknownCentury]);
            assert_eq!(facts.birth_date, None);
            assert_eq!(facts.sex, None);
        }
    }

    #[test]
    fn warns_when_entered_facts_differ() {
        let iin = Iin::parse(&with_check("85031530042")).unwrap();
        let same = iin.check_against(Some(date(1985, 3, 15)), Some(Sex::Male));
        assert!(same.warnings.is_empty());
        let other = iin.check_against(Some(date(1985, 3, 16)), Some(Sex::Female));
        assert_eq!(
            other.warnings,
            vec![IinWarning::BirthDateMismatch, IinWarning::SexMismatch]
        );
        let nothing_entered = iin.check_against(None, None);
        assert!(nothing_entered.warnings.is_empty());
    }

    #[test]
    fn synthesized_iins_are_valid_and_decode_back() {
        let mut made = 0;
        for serial in 0..300 {
            for (d, sex) in [
                (date(1948, 5, 9), Sex::Male),
                (date(2003, 1, 31), Sex::Female),
                (date(1899, 12, 31), Sex::Female),
            ] {
                if let Some(iin) = synthesize(d, sex, serial) {
                    made += 1;
                    let parsed = Iin::parse(iin.as_str()).unwrap();
                    let facts = parsed.decode();
                    assert_eq!(facts.birth_date, Some(d));
                    assert_eq!(facts.sex, Some(sex));
                }
            }
        }
        assert!(made > 800, "only {made} of 900 prefixes had a check digit");
    }
}
