//! The Kazakh dative (барыс септік) of a person's name for the addressee line of a letter:
//! only the last word takes the ending (domain guide, "Kazakh grammar in letters").
//!
//! - -ұлы / -қызы (and their Russian spellings -улы / -кызы) are possessive: -на / -не.
//! - Otherwise the ending is -ға/-ге after a vowel, a sonorant (м н ң л р й у) or з, ж,
//!   and -қа/-ке after a voiceless consonant or б, в, г, д (devoiced at the end).
//! - Back vowels (а о ұ ы я ё ю) give -ға/-қа, front ones (ә е ө ү і э) -ге/-ке; и and у
//!   take the harmony of the vowel before them.
//! - Russian-style surnames in -ов/-ев/-ёв take the harmony of their stem (Тоқаевқа,
//!   Әуезовке); -ин is front (Абдинге).
//! - Soft signs, hyphens, Latin letters and words with no vowel are computed but flagged
//!   for the operator to check.

use super::{Doubt, Inflected};

const BACK: &[char] = &['а', 'о', 'ұ', 'ы', 'я', 'ё', 'ю'];
const FRONT: &[char] = &['ә', 'е', 'ө', 'ү', 'і', 'э'];
/// и and у are written for both harmonies; the vowel before them decides.
const NEUTRAL: &[char] = &['и', 'у'];
const SONORANTS: &[char] = &['м', 'н', 'ң', 'л', 'р', 'й', 'у', 'з', 'ж'];
const VOICELESS: &[char] = &[
    'п', 'ф', 'к', 'қ', 'т', 'с', 'ш', 'щ', 'ч', 'х', 'һ', 'ц', 'б', 'в', 'г', 'д', 'ғ',
];

fn is_vowel(c: char) -> bool {
    BACK.contains(&c) || FRONT.contains(&c) || NEUTRAL.contains(&c)
}

/// Harmony of `word` (lower case): the last vowel that is not и/у; `None` if there is none.
fn front(word: &[char]) -> Option<bool> {
    word.iter().rev().find_map(|c| {
        if BACK.contains(c) {
            Some(false)
        } else if FRONT.contains(c) {
            Some(true)
        } else {
            None
        }
    })
}

/// The harmony that decides the ending: a Russian-style surname's stem, -ин as front, or
/// the word's own last vowel.
fn harmony(word: &[char]) -> Option<bool> {
    let n = word.len();
    let ends = |s: &str| {
        let tail: Vec<char> = s.chars().collect();
        n > tail.len() + 1 && word[n - tail.len()..] == tail[..]
    };
    if ends("ов") || ends("ев") || ends("ёв") {
        return front(&word[..n - 2]).or(Some(false));
    }
    if ends("ин") {
        return Some(true);
    }
    front(word)
}

fn ending(word: &str) -> (String, Option<Doubt>) {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let text = |s: &str| s.to_owned();
    for possessive in ["ұлы", "қызы", "улы", "кызы"] {
        if word.to_lowercase().ends_with(possessive) && lower.len() > possessive.chars().count() {
            // ұлы/қызы are back; the Russian spellings too.
            return (text("на"), None);
        }
    }
    let mut doubt = None;
    let mut chars = lower.clone();
    if chars.last() == Some(&'ь') || chars.last() == Some(&'ъ') {
        chars.pop();
        doubt = Some(Doubt::SoftSign);
    }
    if lower.iter().any(|c| c.is_ascii_alphabetic()) {
        doubt = Some(Doubt::Foreign);
    }
    let Some(&last) = chars.last() else {
        return (text("ға"), Some(Doubt::NoVowel));
    };
    let front = match harmony(&chars) {
        Some(f) => f,
        None => {
            doubt = doubt.or(Some(Doubt::NoVowel));
            false
        }
    };
    // A soft sign softens the stem: Игорь → Игорьге.
    let front = front || doubt == Some(Doubt::SoftSign);
    let voiced = is_vowel(last) || SONORANTS.contains(&last);
    let voiceless = VOICELESS.contains(&last);
    if !voiced && !voiceless {
        doubt = doubt.or(Some(Doubt::Foreign));
    }
    let ending = match (voiced || !voiceless, front) {
        (true, false) => "ға",
        (true, true) => "ге",
        (false, false) => "қа",
        (false, true) => "ке",
    };
    (text(ending), doubt)
}

/// The dative of a full name as it stands on a letter: «Серіков Дәурен Болатұлы» →
/// «Серіков Дәурен Болатұлына». Capitals are kept: «СЕРІКОВ» → «СЕРІКОВКЕ».
pub fn dative(full_name: &str) -> Inflected {
    let name = full_name.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(last) = name.split(' ').next_back().filter(|w| !w.is_empty()) else {
        return Inflected {
            text: name,
            doubt: Some(Doubt::Empty),
        };
    };
    // Of a hyphenated word only the last part is inflected, but a human should look.
    let (tail, hyphen) = match last.rsplit_once('-') {
        Some((_, t)) if !t.is_empty() => (t, true),
        _ => (last, false),
    };
    let (suffix, mut doubt) = ending(tail);
    if hyphen {
        doubt = doubt.or(Some(Doubt::Hyphen));
    }
    let upper = tail.chars().filter(|c| c.is_alphabetic()).count() > 1
        && tail
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let suffix = if upper { suffix.to_uppercase() } else { suffix };
    Inflected {
        text: format!("{name}{suffix}"),
        doubt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> String {
        dative(s).text
    }

    #[test]
    fn the_guide_examples() {
        assert_eq!(d("Тоқаев"), "Тоқаевқа");
        assert_eq!(d("Әуезов"), "Әуезовке");
        assert_eq!(d("Ахметов"), "Ахметовке");
        assert_eq!(d("Абдин"), "Абдинге");
        assert_eq!(d("Волкова"), "Волковаға");
        assert_eq!(d("Серікұлы"), "Серікұлына");
    }

    #[test]
    fn first_names_by_their_last_sound_and_vowel() {
        for (name, want) in [
            ("Ерлан", "Ерланға"),
            ("Дәурен", "Дәуренге"),
            ("Айгүл", "Айгүлге"),
            ("Сәуле", "Сәулеге"),
            ("Мадина", "Мадинаға"),
            ("Асхат", "Асхатқа"),
            ("Айдос", "Айдосқа"),
            ("Ғалым", "Ғалымға"),
            ("Абылай", "Абылайға"),
            ("Мейрамбек", "Мейрамбекке"),
            ("Серік", "Серікке"),
            ("Тілек", "Тілекке"),
            ("Ақжол", "Ақжолға"),
            ("Айбаз", "Айбазға"),
            ("Нұрболат", "Нұрболатқа"),
            ("Жанар", "Жанарға"),
            ("Әли", "Әлиге"),
            ("Али", "Алиға"),
            ("Ару", "Аруға"),
            ("Бибігүл", "Бибігүлге"),
            ("Давид", "Давидқа"),
            ("Нұрлы", "Нұрлыға"),
        ] {
            assert_eq!(d(name), want, "{name}");
            assert_eq!(dative(name).doubt, None, "{name}");
        }
    }

    #[test]
    fn only_the_last_word_of_a_full_name_changes() {
        assert_eq!(d("Серіков Дәурен Болатұлы"), "Серіков Дәурен Болатұлына");
        assert_eq!(
            d("Жұмабаева Айгерім Серікқызы"),
            "Жұмабаева Айгерім Серікқызына"
        );
        assert_eq!(d("Серіков  Дәурен"), "Серіков Дәуренге");
        assert_eq!(
            d("Волкова Анастасия Сергеевна"),
            "Волкова Анастасия Сергеевнаға"
        );
        assert_eq!(d("Ахметов Ерлан Серикулы"), "Ахметов Ерлан Серикулына");
        assert_eq!(d("СЕРІКОВ"), "СЕРІКОВКЕ");
    }

    #[test]
    fn doubtful_names_are_flagged_but_still_inflected() {
        let igor = dative("Игорь");
        assert_eq!(igor.text, "Игорьге");
        assert_eq!(igor.doubt, Some(Doubt::SoftSign));
        let hyphen = dative("Мұхаммед-Әли");
        assert_eq!(hyphen.text, "Мұхаммед-Әлиге");
        assert_eq!(hyphen.doubt, Some(Doubt::Hyphen));
        assert_eq!(dative("John").doubt, Some(Doubt::Foreign));
        assert_eq!(dative("  ").doubt, Some(Doubt::Empty));
    }
}
