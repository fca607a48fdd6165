//! Names in the cases letters need: the Kazakh and Russian dative of the addressee. The
//! computed form is a proposal — the letter screens show it in an editable field — and
//! `doubt` says when a human should look before printing.

pub mod kk;
pub mod ru;

use serde::{Deserialize, Serialize};

use crate::person::Sex;
use crate::settings::Language;

/// Why a computed form needs a look before it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Doubt {
    /// Ends in a soft or hard sign (Игорь).
    SoftSign,
    /// A hyphenated word: only its last part was inflected.
    Hyphen,
    /// Latin letters or sounds the rules do not know.
    Foreign,
    /// No vowel to take the harmony from.
    NoVowel,
    /// Sex unknown and not clear from the name (Russian endings depend on it).
    UnknownSex,
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Inflected {
    pub text: String,
    pub doubt: Option<Doubt>,
}

/// «Серіков Дәурен Болатұлына» / «Серикову Даурену Болатулы»: the addressee line of a
/// letter in `lang`, the parts in the order they are written (surname first).
pub fn dative(
    lang: Language,
    surname: &str,
    name: &str,
    patronymic: Option<&str>,
    sex: Option<Sex>,
) -> Inflected {
    match lang {
        Language::Kk => {
            let full = [Some(surname), Some(name), patronymic]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            kk::dative(&full)
        }
        Language::Ru => ru::dative(surname, name, patronymic, sex),
    }
}
