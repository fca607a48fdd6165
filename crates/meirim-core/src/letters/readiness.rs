//! What a batch would print without: the office's name at the top (the letterhead), the
//! signatory's name and position. Issuing is not refused — an office may sign by hand —
//! but the batch screen and the CLI say so before any number is used.

use serde::Serialize;

use super::compose::Layout;
use super::letterhead::Letterhead;
use super::templates::LetterTemplate;
use crate::settings::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "missing", content = "lang", rename_all = "kebab-case")]
pub enum Missing {
    /// No office name in the letterhead for this language: nothing heads the page.
    OfficeName(Language),
    /// No signatory position in the template for this language.
    Position(Language),
    /// No signatory («А.Б. Серіков») in the template.
    Signatory,
}

/// What the pages of `template` in `layout` would lack.
pub fn missing(head: &Letterhead, template: &LetterTemplate, layout: Layout) -> Vec<Missing> {
    let mut out = Vec::new();
    for &lang in layout.languages() {
        let (header, position) = match lang {
            Language::Kk => (&head.header_kk, &template.text.position_kk),
            Language::Ru => (&head.header_ru, &template.text.position_ru),
        };
        if header.trim().is_empty() {
            out.push(Missing::OfficeName(lang));
        }
        if position.trim().is_empty() {
            out.push(Missing::Position(lang));
        }
    }
    if template.text.signatory.trim().is_empty() {
        out.push(Missing::Signatory);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::{letterhead, templates};
    use crate::Database;

    #[test]
    fn a_fresh_office_is_told_what_its_letters_would_lack_until_it_fills_it_in() {
        let db = Database::open_in_memory().unwrap();
        let template = templates::list(db.conn(), false).unwrap().remove(0);
        let head = letterhead::get(db.conn()).unwrap();
        assert_eq!(
            missing(&head, &template, Layout::Bilingual),
            [
                Missing::OfficeName(Language::Kk),
                Missing::Position(Language::Kk),
                Missing::OfficeName(Language::Ru),
                Missing::Position(Language::Ru),
                Missing::Signatory
            ]
        );
        let head = Letterhead {
            header_kk: "Ақсу ауылдық округі әкімінің аппараты".into(),
            ..head
        };
        let mut signed = template;
        signed.text.position_kk = "Әкім".into();
        signed.text.signatory = "Н.Қ. Оспанов".into();
        assert_eq!(missing(&head, &signed, Layout::Kk), []);
        assert_eq!(
            missing(&head, &signed, Layout::Ru),
            [
                Missing::OfficeName(Language::Ru),
                Missing::Position(Language::Ru)
            ]
        );
    }
}
