//! A document page as printed: every text already filled in. The register keeps each issued
//! page in this shape (as JSON), so a reprint is the same document, whatever happened to
//! the template or the person since.

use serde::{Deserialize, Serialize};

/// One language's text of a letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterSide {
    /// The issuing organisation, one line per entry («Сайрам ауданы әкімінің аппараты»).
    pub header: Vec<String>,
    /// «АЛҒЫС ХАТ».
    pub title: String,
    /// The addressee in the dative («Серіков Дәурен Болатұлына»), or the holder's name.
    pub addressee: String,
    /// A nominative salutation («Құрметті Дәурен Болатұлы!»), or empty.
    #[serde(default)]
    pub salutation: String,
    pub body: String,
    pub signatory_position: String,
    /// «А.Б. Серіков».
    pub signatory_name: String,
    /// «М.О.» / «М.П.» where a seal is used, or empty.
    pub seal: String,
    /// «Ақсу ауылы, 2026 жылғы 22 қараша».
    pub place_date: String,
}

/// One person's page: one side, or two for a bilingual letter, and its register number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterPage {
    pub sides: Vec<LetterSide>,
    /// «№ 12/2026».
    pub number: String,
    /// What the page's QR code carries (`verify::payload`); empty for no code.
    pub qr: String,
    /// Whether the office's logo is printed above the header.
    #[serde(default)]
    pub logo: bool,
}
