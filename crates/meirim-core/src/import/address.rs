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
const HOUSE_MARKS: &[&str] = &["үй", "д", "дом"];
const FLAT_MARKS: &[&str] = &["пәтер", "кв", "квартира"];

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
        if marked(part, FLAT_MARKS) {
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
            split("Қарабұлақ, Бейбітшілік, 5"),
            Parts {
                village: s("Қарабұлақ"),
                street: s("Бейбітшілік"),
                house: s("5"),
                flat: None
            }
        );
    }
}
