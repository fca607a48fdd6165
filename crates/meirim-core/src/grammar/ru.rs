//! The Russian dative of a full name, through the petrovich rules, with the exceptions the
//! domain guide names: Kazakh patronymics in -улы/-кызы (-ұлы/-қызы) and women's surnames
//! ending in a consonant stay as they are.

use petrovich::{Case, Gender};

use super::{Doubt, Inflected};
use crate::person::Sex;

/// Sex from the name when the record does not say: the patronymic, then the surname.
fn guess(surname: &str, patronymic: Option<&str>) -> Option<Sex> {
    let p = patronymic.unwrap_or("").to_lowercase();
    let s = surname.to_lowercase();
    if ["вна", "чна", "қызы", "кызы", "гызы"]
        .iter()
        .any(|e| p.ends_with(e))
    {
        return Some(Sex::Female);
    }
    if ["вич", "ич", "ұлы", "улы", "оглы"]
        .iter()
        .any(|e| p.ends_with(e))
    {
        return Some(Sex::Male);
    }
    if ["ова", "ева", "ёва", "ина", "ая"]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return Some(Sex::Female);
    }
    if ["ов", "ев", "ёв", "ин", "ий"]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return Some(Sex::Male);
    }
    None
}

fn kazakh_patronymic(p: &str) -> bool {
    let p = p.to_lowercase();
    ["ұлы", "қызы", "улы", "кызы"]
        .iter()
        .any(|e| p.ends_with(e))
}

fn ends_in_consonant(word: &str) -> bool {
    word.chars()
        .last()
        .map(|c| !"аеёиоуыэюяьәөүұі".contains(c.to_lowercase().next().unwrap_or(c)))
        .unwrap_or(false)
}

/// «Волкова Анастасия Сергеевна» → «Волковой Анастасии Сергеевне».
pub fn dative(surname: &str, name: &str, patronymic: Option<&str>, sex: Option<Sex>) -> Inflected {
    let surname = surname.trim();
    let name = name.trim();
    let patronymic = patronymic.map(str::trim).filter(|p| !p.is_empty());
    if surname.is_empty() && name.is_empty() {
        return Inflected {
            text: String::new(),
            doubt: Some(Doubt::Empty),
        };
    }
    let mut doubt = None;
    let sex = sex
        .or_else(|| guess(surname, patronymic))
        .unwrap_or_else(|| {
            doubt = Some(Doubt::UnknownSex);
            Sex::Male
        });
    let gender = match sex {
        Sex::Male => Gender::Male,
        Sex::Female => Gender::Female,
    };
    let last = if sex == Sex::Female && ends_in_consonant(surname) {
        surname.to_owned()
    } else {
        petrovich::lastname(gender, surname, Case::Dative)
    };
    let first = petrovich::firstname(gender, name, Case::Dative);
    let middle = patronymic.map(|p| {
        if kazakh_patronymic(p) {
            p.to_owned()
        } else {
            petrovich::middlename(gender, p, Case::Dative)
        }
    });
    if [surname, name].iter().any(|w| w.contains('-')) {
        doubt = doubt.or(Some(Doubt::Hyphen));
    }
    if [surname, name]
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
    {
        doubt = doubt.or(Some(Doubt::Foreign));
    }
    let text = [Some(last), Some(first), middle]
        .into_iter()
        .flatten()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Inflected { text, doubt }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str, n: &str, p: Option<&str>, sex: Option<Sex>) -> String {
        dative(s, n, p, sex).text
    }

    #[test]
    fn russian_names_decline_normally() {
        assert_eq!(
            d("Волкова", "Анастасия", Some("Сергеевна"), None),
            "Волковой Анастасии Сергеевне"
        );
        assert_eq!(
            d("Петров", "Иван", Some("Сергеевич"), Some(Sex::Male)),
            "Петрову Ивану Сергеевичу"
        );
        assert_eq!(
            d("Ким", "Дмитрий", Some("Сергеевич"), None),
            "Киму Дмитрию Сергеевичу"
        );
    }

    #[test]
    fn kazakh_patronymics_and_womens_consonant_surnames_stay() {
        assert_eq!(
            d("Серіков", "Дәурен", Some("Болатұлы"), None),
            "Серікову Дәурену Болатұлы"
        );
        assert_eq!(
            d(
                "Ахметова",
                "Айгерим",
                Some("Серикkызы".replace('k', "к").as_str()),
                None
            ),
            "Ахметовой Айгерим Серикқызы".replace('қ', "к")
        );
        assert_eq!(d("Ким", "Анна", None, Some(Sex::Female)), "Ким Анне");
    }

    #[test]
    fn unknown_sex_is_flagged() {
        let r = dative("Ли", "Саша", None, None);
        assert_eq!(r.doubt, Some(Doubt::UnknownSex));
        assert_eq!(dative(" ", "", None, None).doubt, Some(Doubt::Empty));
    }
}
