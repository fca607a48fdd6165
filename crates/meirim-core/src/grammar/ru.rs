//! The Russian dative of a full name, through the petrovich rules, with the exceptions the
//! domain guide names: Kazakh patronymics in -улы/-кызы (-ұлы/-қызы) and women's surnames
//! ending in a consonant stay as they are.

use petrovich::{Case, Gender};

use super::{Doubt, Inflected};
use crate::person::Sex;

/// Common Kazakh women's names, in Kazakh and in Russian spelling. Most end in a consonant,
/// so no ending tells them from men's names (and petrovich takes «Әсел» for a man's).
const KAZAKH_WOMEN: &[&str] = &[
    "әсел",
    "асель",
    "асел",
    "айгүл",
    "айгуль",
    "гүлнар",
    "гульнар",
    "жанар",
    "ақмарал",
    "акмарал",
    "ләззат",
    "ляззат",
    "меруерт",
    "перизат",
    "айжан",
    "салтанат",
    "айнұр",
    "айнур",
    "бибігүл",
    "бибигуль",
    "күлпаш",
    "кульпаш",
    "мөлдір",
    "молдир",
    "жұлдыз",
    "жулдыз",
    "әйгерім",
    "айгерим",
    "үміт",
    "умит",
    "іңкәр",
    "инкар",
    "аружан",
    "ботагөз",
    "ботагоз",
    "сәуле",
    "сауле",
    "назерке",
    "гүлжан",
    "гульжан",
    "жібек",
    "жибек",
    "ақерке",
    "акерке",
    "балжан",
    "алтынай",
    "шынар",
    "райхан",
    "раушан",
    "гаухар",
    "зере",
    "нұргүл",
    "нургуль",
    "ақбота",
    "акбота",
    "аяулым",
    "айару",
    "ару",
    "дариға",
    "дарига",
    "сымбат",
    "толқын",
    "толкын",
    "гүлсім",
    "гульсим",
    "әлима",
    "галия",
    "ғалия",
];
/// Men's names that end in -а or -я like most women's names.
const MEN_IN_A: &[&str] = &[
    "никита",
    "илья",
    "фома",
    "кузьма",
    "лука",
    "савва",
    "данила",
    "гаврила",
    "мұса",
    "муса",
    "иса",
    "ғайса",
    "гайса",
    "жақия",
    "жакия",
    "зекерия",
    "яхья",
    "мұстафа",
    "мустафа",
    "хамза",
    "тоқа",
    "тока",
    "аса",
];
/// Short forms used for both sexes.
const EITHER: &[&str] = &["саша", "женя", "валя", "шура", "слава"];

/// Whether a first name is clearly a woman's: a known Kazakh woman's name (or one ending in
/// -гүл, -айым, -ханым, -бике), or a Russian name petrovich knows as a woman's that is not
/// one of the men's or shared names ending in -а/-я. Only the last part of «Анна-Мария».
fn clearly_female_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    let last = lower.rsplit('-').next().unwrap_or(&lower).trim();
    if KAZAKH_WOMEN.contains(&last)
        || ["гүл", "гуль", "айым", "ханым", "бике"]
            .iter()
            .any(|e| last.ends_with(e))
    {
        return true;
    }
    !MEN_IN_A.contains(&last)
        && !EITHER.contains(&last)
        && petrovich::detect_gender(None, Some(last), None) == Gender::Female
}

/// Sex from the name when the record does not say: the patronymic, then a clearly female
/// first name (which decides the surname's form too: «Ким Елене», «Коваль Анне»), then
/// the surname.
fn guess(surname: &str, name: &str, patronymic: Option<&str>) -> Option<Sex> {
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
    if clearly_female_name(name) {
        return Some(Sex::Female);
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
        .or_else(|| guess(surname, name, patronymic))
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
    // «Касым-Жомарт» → «Касым-Жомарту»: a compound first name declines its last part.
    let first = match name.rsplit_once('-') {
        Some((head, tail)) => format!(
            "{head}-{}",
            petrovich::firstname(gender, tail, Case::Dative)
        ),
        None => petrovich::firstname(gender, name, Case::Dative),
    };
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
    fn a_clearly_female_first_name_decides_the_surname_too() {
        assert_eq!(d("Ким", "Елена", None, None), "Ким Елене");
        assert_eq!(d("Коваль", "Анна", None, None), "Коваль Анне");
        assert_eq!(d("Цой", "Наталья", None, None), "Цой Наталье");
        assert_eq!(d("Ли", "Әсел", None, None), "Ли Әсел");
        assert_eq!(d("Ким", "Айгүл", None, None), "Ким Айгүл");
        assert_eq!(dative("Ким", "Елена", None, None).doubt, None);
        // Men's names in -а are not taken for women's; the record's sex wins.
        assert_eq!(d("Ким", "Никита", None, None), "Киму Никите");
        assert_eq!(d("Ким", "Елена", None, Some(Sex::Male)), "Киму Елене");
        assert_eq!(
            dative("Ли", "Саша", None, None).doubt,
            Some(Doubt::UnknownSex)
        );
    }

    #[test]
    fn a_compound_first_name_declines_its_last_part() {
        let r = dative("Тоқаев", "Касым-Жомарт", Some("Кемелұлы"), None);
        assert_eq!(r.text, "Тоқаеву Касым-Жомарту Кемелұлы");
        assert_eq!(r.doubt, Some(Doubt::Hyphen));
    }

    #[test]
    fn unknown_sex_is_flagged() {
        let r = dative("Ли", "Саша", None, None);
        assert_eq!(r.doubt, Some(Doubt::UnknownSex));
        assert_eq!(dative(" ", "", None, None).doubt, Some(Doubt::Empty));
    }
}
