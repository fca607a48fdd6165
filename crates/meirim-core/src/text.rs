//! Text clean-up and the folding used for search keys.

use std::sync::LazyLock;

/// Bytes as lowercase hex: checksums in manifests, file hashes, the letters' short hash.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Trims and collapses runs of white space, so "  Әсел   Серікқызы " is stored once.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `char::is_alphabetic`, answering the letters of names (ASCII, Russian and Kazakh
/// Cyrillic) without Unicode's tables: a large import asks it of every character it reads.
pub fn is_letter(c: char) -> bool {
    static CYRILLIC_LETTERS: LazyLock<[bool; 256]> = LazyLock::new(|| {
        std::array::from_fn(|i| {
            char::from_u32(CYRILLIC + i as u32).is_some_and(char::is_alphabetic)
        })
    });
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match cyrillic_offset(c) {
        Some(i) => CYRILLIC_LETTERS[i],
        None => c.is_alphabetic(),
    }
}

/// The first code point of Unicode's Cyrillic block (U+0400–U+04FF).
const CYRILLIC: u32 = 0x0400;

/// The place of `c` in the Cyrillic block, for the tables indexed by it.
fn cyrillic_offset(c: char) -> Option<usize> {
    let offset = u32::from(c).checked_sub(CYRILLIC).filter(|o| *o < 256)?;
    Some(offset as usize)
}

/// `None` for an empty or all-blank field, otherwise the tidied text.
pub fn tidy_opt(s: Option<&str>) -> Option<String> {
    s.map(tidy).filter(|t| !t.is_empty())
}

/// The form names and queries are compared in: lower case, ё folded into е, one space
/// between words. Both sides of a comparison must go through this function.
pub fn search_key(s: &str) -> String {
    tidy(s)
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Latin letters that look like Cyrillic ones. People type them by accident (a Latin «а»
/// in «Асель») and Excel lists are full of them; inside a Cyrillic word they are read as
/// the Cyrillic letter.
fn cyrillic_lookalike(c: char) -> Option<char> {
    Some(match c {
        'A' => 'А',
        'a' => 'а',
        'B' => 'В',
        'C' => 'С',
        'c' => 'с',
        'E' => 'Е',
        'e' => 'е',
        'H' => 'Н',
        'K' => 'К',
        'k' => 'к',
        'M' => 'М',
        'O' => 'О',
        'o' => 'о',
        'P' => 'Р',
        'p' => 'р',
        'T' => 'Т',
        'X' => 'Х',
        'x' => 'х',
        'y' => 'у',
        'Y' => 'У',
        _ => return None,
    })
}

/// Replaces Latin look-alike letters inside words that are otherwise Cyrillic («Aсель»
/// with a Latin A → «Асель»; «Серiк» with a Latin i → «Серік», the Kazakh і being that
/// very shape). Words written wholly in Latin are left as they are.
pub fn cyrillic_lookalikes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().any(is_cyrillic) {
            out.extend(word.chars().map(|c| match c {
                'i' => 'і',
                'I' => 'І',
                c => cyrillic_lookalike(c).unwrap_or(c),
            }));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in s.chars() {
        if is_letter(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_cyrillic(c: char) -> bool {
    cyrillic_offset(c).is_some()
}

/// One Latin skeleton for a letter, whatever the alphabet it was typed in: Kazakh and
/// Russian Cyrillic, Kazakh Latin (2021) and passport transliteration all meet here.
fn skeleton(c: char) -> &'static str {
    match c {
        'а' | 'ә' | 'a' | 'ä' | 'á' => "a",
        'б' | 'b' => "b",
        'в' | 'v' => "v",
        'г' | 'ғ' | 'g' | 'ğ' | 'ǵ' => "g",
        'д' | 'd' => "d",
        'е' | 'ё' | 'э' | 'e' | 'é' => "e",
        'ж' => "zh",
        'з' | 'z' => "z",
        'и' | 'й' | 'і' | 'i' | 'ı' | 'ì' => "i",
        'к' | 'қ' | 'k' | 'q' => "k",
        'л' | 'l' => "l",
        'м' | 'm' => "m",
        'н' | 'ң' | 'n' | 'ñ' | 'ń' => "n",
        'о' | 'ө' | 'o' | 'ö' | 'ó' => "o",
        'п' | 'p' => "p",
        'р' | 'r' => "r",
        'с' | 's' => "s",
        'т' | 't' => "t",
        'у' | 'ұ' | 'ү' | 'u' | 'ū' | 'ü' | 'ú' | 'w' => "u",
        'ф' | 'f' => "f",
        'х' | 'һ' | 'h' => "h",
        'ц' => "ts",
        'ч' | 'ç' => "ch",
        'ш' | 'щ' | 'ş' => "sh",
        'ы' | 'y' => "y",
        'ю' => "yu",
        'я' => "ya",
        'c' => "c",
        'j' => "zh",
        'x' => "h",
        // ь, ъ, apostrophes and anything else carry no sound worth matching on.
        _ => "",
    }
}

/// The spelling-insensitive key names are searched by: «Әсел», «Асель», «Asel» and
/// «Aсель» (Latin A) all give `asel`; «Серікқызы» and «Serikqyzy» give `serikkyzy`.
/// Words stay separated by one space. Both the stored key and the query go through here.
pub fn fold(s: &str) -> String {
    // One output and one word buffer for the whole call: fold runs for every name saved,
    // imported and searched, and a large import folds a few hundred thousand of them.
    let mut out = String::with_capacity(s.len());
    let mut latin = Vec::with_capacity(32);
    for word in s.split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '.') {
        if word.is_empty() {
            continue;
        }
        let cyrillic = word.chars().any(is_cyrillic);
        latin.clear();
        for c in word.chars() {
            let c = if cyrillic {
                cyrillic_lookalike(c).unwrap_or(c)
            } else {
                c
            };
            if c.is_ascii() {
                push_skeleton(&mut latin, c.to_ascii_lowercase());
            } else {
                for lower in c.to_lowercase() {
                    push_skeleton(&mut latin, lower);
                }
            }
        }
        simplify(&mut latin);
        if !latin.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            // The skeletons and digits are ASCII: every byte is a char of its own.
            out.extend(latin.iter().map(|&b| char::from(b)));
        }
    }
    out
}

fn push_skeleton(latin: &mut Vec<u8>, lower: char) {
    if lower.is_ascii_digit() {
        latin.push(lower as u8);
    } else {
        latin.extend_from_slice(skeleton(lower).as_bytes());
    }
}

/// Evens out the ways one sound is written in Latin: «Yerlan»/«Ерлан», «Mariya»/«Maria»,
/// «Kayrat»/«Қайрат», «Ghalym»/«Ғалым», «Tsoi»/«Цой». Works on the ASCII skeleton.
fn simplify(s: &mut Vec<u8>) {
    // In this order, each pass over the whole word as `str::replace` would make it.
    for (pair, sound) in [
        (b"yu", b'u'),
        (b"ya", b'a'),
        (b"ye", b'e'),
        (b"yo", b'o'),
        (b"iy", b'i'),
        (b"kh", b'h'),
        (b"gh", b'g'),
        (b"ts", b'c'),
    ] {
        replace_pair(s, *pair, sound);
    }
    // «y» after a vowel is the glide й: «Kayrat» = «Kairat». The vowel is looked for in
    // the word before this pass (a glide made here does not make the next «y» one).
    let mut before = 0u8;
    for b in s.iter_mut() {
        let this = *b;
        if this == b'y' && matches!(before, b'a' | b'e' | b'i' | b'o' | b'u') {
            *b = b'i';
        }
        before = this;
    }
}

/// Replaces each non-overlapping `pair`, left to right, by `sound`, in place.
fn replace_pair(s: &mut Vec<u8>, pair: [u8; 2], sound: u8) {
    let Some(first) = s.windows(2).position(|w| w == pair) else {
        return;
    };
    let (mut read, mut write) = (first, first);
    while read < s.len() {
        if read + 1 < s.len() && s[read] == pair[0] && s[read + 1] == pair[1] {
            s[write] = sound;
            read += 2;
        } else {
            s[write] = s[read];
            read += 1;
        }
        write += 1;
    }
    s.truncate(write);
}

/// The Kazakh Cyrillic alphabet in its dictionary order.
const KAZAKH_ALPHABET: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";

/// A key whose plain byte order is Kazakh alphabetical order («Ж» before «З», «Ә» right
/// after «А»), so SQLite can sort and index names without a custom collation. Each
/// Cyrillic letter becomes two digits (its place in the alphabet); a space sorts first;
/// anything else follows after all Cyrillic letters.
pub fn sort_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len() * 2);
    for c in tidy(s).chars().flat_map(char::to_lowercase) {
        if c == ' ' {
            key.push_str("00");
        } else if let Some(place) = alphabet_place(c) {
            key.push(char::from(b'0' + place / 10));
            key.push(char::from(b'0' + place % 10));
        } else {
            key.push('~');
            key.push(c);
        }
    }
    key
}

/// A lower-case letter's place (1-based) in `KAZAKH_ALPHABET`, from a table built once.
fn alphabet_place(c: char) -> Option<u8> {
    static PLACES: LazyLock<[u8; 256]> = LazyLock::new(|| {
        let mut places = [0u8; 256];
        for (i, letter) in KAZAKH_ALPHABET.chars().enumerate() {
            if let Some(offset) = cyrillic_offset(letter) {
                places[offset] = i as u8 + 1;
            }
        }
        places
    });
    Some(PLACES[cyrillic_offset(c)?]).filter(|p| *p != 0)
}

/// Escapes LIKE wildcards so a user's "%" or "_" matches literally (with `ESCAPE '\'`).
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_space() {
        assert_eq!(tidy("  Әсел \t  Серікқызы "), "Әсел Серікқызы");
        assert_eq!(tidy_opt(Some("   ")), None);
        assert_eq!(tidy_opt(None), None);
    }

    #[test]
    fn search_key_lowercases_kazakh_and_russian() {
        assert_eq!(search_key("ӘСЕЛ ҒАЛЫМҚЫЗЫ"), "әсел ғалымқызы");
        assert_eq!(search_key("Ұлбосын ҮМІТ Һ"), "ұлбосын үміт һ");
        assert_eq!(search_key("Алёна  ЁЛКИНА"), "алена елкина");
    }

    #[test]
    fn folds_spellings_of_one_name_together() {
        let same = |names: &[&str]| {
            let keys: Vec<String> = names.iter().map(|n| fold(n)).collect();
            assert!(
                keys.windows(2).all(|w| w[0] == w[1]),
                "{names:?} -> {keys:?}"
            );
            keys[0].clone()
        };
        assert_eq!(same(&["Әсел", "Асель", "Asel", "ASEL", "Aсель"]), "asel");
        assert_eq!(same(&["Серікқызы", "Serikqyzy", "Serikkyzy"]), "serikkyzy");
        assert_eq!(same(&["Ерлан", "Yerlan", "Erlan"]), "erlan");
        assert_eq!(same(&["Жанар", "Zhanar"]), "zhanar");
        assert_eq!(same(&["Нұрлан", "Nurlan", "Nūrlan"]), "nurlan");
        assert_eq!(same(&["Ғалым", "Galym", "Ghalym", "Ğalym"]), "galym");
        assert_eq!(same(&["Мария", "Maria", "Mariya"]), "maria");
        assert_eq!(same(&["Юлия", "Yulia", "Yuliya"]), "ulia");
        assert_eq!(same(&["Қайрат", "Kairat", "Kayrat", "Qairat"]), "kairat");
        assert_eq!(same(&["Хасен", "Khasen", "Hasen"]), "hasen");
        assert_eq!(same(&["Цой", "Tsoi", "Tsoy"]), "coi");
        assert_eq!(same(&["Өмірбек", "Omirbek", "Ömirbek"]), "omirbek");
    }

    #[test]
    fn fixes_latin_lookalikes_only_inside_cyrillic_words() {
        // "Aхметова" with a Latin A and Latin e, o: still Ахметова.
        assert_eq!(fold("Aхмeтoва"), fold("Ахметова"));
        // A wholly Latin word is left Latin: "Cop" is not "Сор".
        assert_eq!(fold("Cop"), "cop");
    }

    /// The first, plain version of `fold`, kept as the reference the fast one must equal.
    fn fold_as_first_written(s: &str) -> String {
        let mut words = Vec::new();
        for word in s.split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '.') {
            if word.is_empty() {
                continue;
            }
            let cyrillic = word.chars().any(is_cyrillic);
            let mut latin = String::new();
            for c in word.chars() {
                let c = if cyrillic {
                    cyrillic_lookalike(c).unwrap_or(c)
                } else {
                    c
                };
                for lower in c.to_lowercase() {
                    if lower.is_ascii_digit() {
                        latin.push(lower);
                    } else {
                        latin.push_str(skeleton(lower));
                    }
                }
            }
            let mut s = latin;
            for (pair, sound) in [
                ("yu", "u"),
                ("ya", "a"),
                ("ye", "e"),
                ("yo", "o"),
                ("iy", "i"),
                ("kh", "h"),
                ("gh", "g"),
                ("ts", "c"),
            ] {
                s = s.replace(pair, sound);
            }
            let chars: Vec<char> = s.chars().collect();
            let folded: String = chars
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let after_vowel = i > 0 && "aeiou".contains(chars[i - 1]);
                    if *c == 'y' && after_vowel {
                        'i'
                    } else {
                        *c
                    }
                })
                .collect();
            if !folded.is_empty() {
                words.push(folded);
            }
        }
        words.join(" ")
    }

    /// 20 000 strings of up to `longest` characters drawn from `alphabet`, the same for a
    /// seed: what a fast version is compared with its first one on.
    fn random_texts(alphabet: &str, seed: u64, longest: usize) -> Vec<String> {
        use rand::{RngExt, SeedableRng};
        let alphabet: Vec<char> = alphabet.chars().collect();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        (0..20_000)
            .map(|_| {
                let len = rng.random_range(0..=longest);
                (0..len)
                    .map(|_| alphabet[rng.random_range(0..alphabet.len())])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn fold_equals_its_first_version_on_random_names() {
        let alphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘЕЁЖҚҢӨҰҮҺІЮЯ\
                        abcdeghijkloprstuwxyzAEHIKOTXYçğıñöşüúūéäİẞ0129 -,.'ʼ\t";
        for s in random_texts(alphabet, 21, 13) {
            assert_eq!(fold(&s), fold_as_first_written(&s), "{s:?}");
        }
        for s in [
            "yyy",
            "ayy",
            "kkhh",
            "tss",
            "iyya",
            "yuyu",
            "Қайырлы",
            "Tsoy-Kim",
        ] {
            assert_eq!(fold(s), fold_as_first_written(s), "{s:?}");
        }
    }

    #[test]
    fn sort_key_tidy_and_is_letter_equal_their_first_versions() {
        let sort_key_as_first_written = |s: &str| {
            let mut key = String::new();
            for c in s.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
                for c in c.to_lowercase() {
                    if c == ' ' {
                        key.push_str("00");
                    } else if let Some(i) = KAZAKH_ALPHABET.chars().position(|a| a == c) {
                        key.push_str(&format!("{:02}", i + 1));
                    } else {
                        key.push('~');
                        key.push(c);
                    }
                }
            }
            key
        };
        let alphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘЁЖҚҢӨҰҮҺІЯЪ\
                        abcxyzAXZçİẞ0129 \t\n\u{a0}-'ʼ\u{400}\u{4ff}\u{500}ӀӏҐґЄєЇї";
        for s in random_texts(alphabet, 5, 11) {
            assert_eq!(sort_key(&s), sort_key_as_first_written(&s), "{s:?}");
            assert_eq!(
                tidy(&s),
                s.split_whitespace().collect::<Vec<_>>().join(" "),
                "{s:?}"
            );
        }
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} {:x}", u32::from(c));
        }
    }

    #[test]
    fn keeps_words_apart_and_drops_punctuation() {
        assert_eq!(
            fold("  Серікова-Ахметова   Әсел. "),
            "serikova ahmetova asel"
        );
        assert_eq!(fold("Д'Артаньян"), "dartanan");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn sort_key_follows_the_kazakh_alphabet() {
        let mut names = vec![
            "Жұмабек",
            "Зейнеп",
            "Әсел",
            "Бақыт",
            "Ахмет",
            "Іңкәр",
            "Ыбырай",
            "Яна",
            "Ұлан",
            "Үміт",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec![
                "Ахмет",
                "Әсел",
                "Бақыт",
                "Жұмабек",
                "Зейнеп",
                "Ұлан",
                "Үміт",
                "Ыбырай",
                "Іңкәр",
                "Яна"
            ]
        );
        // Shorter name first: "Ахмет Б" before "Ахметов".
        assert!(sort_key("Ахмет Бек") < sort_key("Ахметов Бек"));
    }

    #[test]
    fn escapes_like_wildcards() {
        assert_eq!(like_escape("50%_a\\"), "50\\%\\_a\\\\");
    }
}
