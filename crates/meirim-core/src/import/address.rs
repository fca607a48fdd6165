//! An address written in one cell — «Ақсу а., Абай к., 12-3», «с. Аксу, ул. Абая, д. 12,
//! кв. 3» — split into village, street, house and flat.

use crate::text;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub village: Option<String>,
    pub street: Option<String>,
    pub house: Option<String>,
    pub flat: Option<String>,
}

const VILLAGE_MARKS: &[&str] = &[
    "ауылы",
    "ауыл",
    "а",
    "село",
    "с",
    "п",
    "пос",
    "посёлок",
    "поселок",
];
const STREET_MARKS: &[&str] = &[
    "көшесі",
    "көше",
    "к",
    "даңғылы",
    "шағын аудан",
    "ықшамауданы",
    "улица",
    "ул",
    "пр",
    "проспект",
    "мкр",
    "микрорайон",
    "переулок",
    "пер",
];
pub const HOUSE_MARKS: &[&str] = &["үй", "дом", "д"];
pub const FLAT_MARKS: &[&str] = &["пәтер", "квартира", "кв"];

/// A house or flat number with the word that marks it taken off — «4-үй», «4 үй», «үй 4»,
/// «д. 4», «дом №4», «№ 4», «5-пәтер», «кв.5» → «4», «5» — since the address prints the
/// mark itself («4-үй», «д. 4»). `None` when `value` carries no mark or no number.
pub fn number_without_mark(value: &str, marks: &[&str]) -> Option<String> {
    let t = value.trim();
    let lower = t.to_lowercase();
    // Lower-casing Cyrillic keeps byte lengths, so positions found in `lower` fit `t`.
    let original = if lower.len() == t.len() {
        t
    } else {
        lower.as_str()
    };
    let is_number = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_digit());
    let trim_marks = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | '№' | ','))
            .to_owned()
    };
    for mark in marks {
        // «4-үй», «4 үй», «4үй».
        if let Some(head) = lower.strip_suffix(mark) {
            let number = trim_marks(&original[..head.len()]);
            let joined = head.ends_with(['-', ' ']) || head.ends_with(|c: char| c.is_ascii_digit());
            if joined && is_number(&number) {
                return Some(number);
            }
        }
        // «үй 4», «д. 4», «д.4», «дом №4».
        if let Some(tail) = lower.strip_prefix(mark) {
            let separated = tail.starts_with(['.', ' ', '№']) || is_number(tail);
            let number = trim_marks(&original[t.len() - tail.len()..]);
            if separated && is_number(&number) {
                return Some(number);
            }
        }
    }
    // «№ 4» alone.
    let bare = t.strip_prefix('№').map(trim_marks)?;
    is_number(&bare).then_some(bare)
}

/// Whether `part` carries one of `marks` as a separate word («Абай к.», «ул. Абая»).
fn marked(part: &str, marks: &[&str]) -> bool {
    part.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .any(|w| marks.contains(&w.to_lowercase().as_str()))
}

/// `part` without its mark words.
fn unmarked(part: &str, marks: &[&str]) -> String {
    let kept: Vec<&str> = part
        .split_whitespace()
        .filter(|w| !marks.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        .collect();
    text::tidy(&kept.join(" "))
}

fn starts_with_digit(s: &str) -> bool {
    s.trim().chars().next().is_some_and(|c| c.is_ascii_digit())
}

pub fn split(address: &str) -> Parts {
    let mut p = Parts::default();
    let mut loose = Vec::new();
    for part in address
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if let Some(flat) = number_without_mark(part, FLAT_MARKS) {
            p.flat = Some(flat);
        } else if let Some(house) = number_without_mark(part, HOUSE_MARKS) {
            p.house = Some(house);
        } else if marked(part, FLAT_MARKS) {
            p.flat = Some(unmarked(part, FLAT_MARKS));
        } else if marked(part, HOUSE_MARKS) {
            p.house = Some(unmarked(part, HOUSE_MARKS));
        } else if starts_with_digit(part) && p.house.is_none() {
            // «12-3» or «12/3»: house and flat.
            match part.split_once(['-', '/']) {
                Some((h, f)) if starts_with_digit(f) => {
                    p.house = Some(h.trim().to_owned());
                    p.flat = Some(f.trim().to_owned());
                }
                _ => p.house = Some(part.to_owned()),
            }
        } else if marked(part, STREET_MARKS) && p.street.is_none() {
            p.street = Some(part.to_owned());
        } else if marked(part, VILLAGE_MARKS) && p.village.is_none() {
            p.village = Some(unmarked(part, VILLAGE_MARKS));
        } else {
            loose.push(part.to_owned());
        }
    }
    // Unmarked parts: the village comes first in an address, then the street.
    for part in loose {
        if p.village.is_none() {
            p.village = Some(part);
        } else if p.street.is_none() {
            p.street = Some(part);
        } else if let Some(street) = &mut p.street {
            street.push_str(", ");
            street.push_str(&part);
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    #[test]
    fn kazakh_and_russian_spellings() {
        assert_eq!(
            split("Ақсу а., Абай к., 12-3"),
            Parts {
                village: s("Ақсу"),
                street: s("Абай к."),
                house: s("12"),
                flat: s("3")
            }
        );
        assert_eq!(
            split("с. Аксу, ул. Абая, д. 12, кв. 3"),
            Parts {
                village: s("Аксу"),
                street: s("ул. Абая"),
                house: s("12"),
                flat: s("3")
            }
        );
        assert_eq!(
            split("Ақсу ауылы, Абай көшесі, 4-үй, 7-пәтер"),
            Parts {
                village: s("Ақсу"),
                street: s("Абай көшесі"),
                house: s("4"),
                flat: s("7")
            }
        );
        assert_eq!(
            split("Қарабұлақ, Бейбітшілік, 5"),
            Parts {
                village: s("Қарабұлақ"),
                street: s("Бейбітшілік"),
                house: s("5"),
                flat: None
            }
        );
    }

    #[test]
    fn the_mark_comes_off_a_house_or_flat_number() {
        for (typed, want) in [
            ("4-үй", Some("4")),
            ("4 үй", Some("4")),
            ("4үй", Some("4")),
            ("12А-үй", Some("12А")),
            ("Үй 4", Some("4")),
            ("үй №4", Some("4")),
            ("д. 4", Some("4")),
            ("д.4", Some("4")),
            ("Дом № 4/1", Some("4/1")),
            ("№ 4", Some("4")),
            ("4", None),
            ("дом", None),
            ("Дәулет", None),
        ] {
            assert_eq!(
                number_without_mark(typed, HOUSE_MARKS).as_deref(),
                want,
                "{typed}"
            );
        }
        assert_eq!(
            number_without_mark("7-пәтер", FLAT_MARKS).as_deref(),
            Some("7")
        );
        assert_eq!(
            number_without_mark("кв.7", FLAT_MARKS).as_deref(),
            Some("7")
        );
        assert_eq!(
            number_without_mark("квартира 7", FLAT_MARKS).as_deref(),
            Some("7")
        );
    }
}
