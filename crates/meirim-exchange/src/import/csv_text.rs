//! CSV as offices have it: UTF-8 (with or without a byte-order mark) or Windows-1251 from
//! an older Excel; commas, semicolons (Russian-locale Excel) or tabs. Each is detected and
//! can be overridden when the guess is wrong.

use encoding_rs::WINDOWS_1251;
use serde::{Deserialize, Serialize};

use meirim_core::import::Cell;

use super::source::ImportError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Windows1251,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// What the user forces; `None` means detect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CsvOptions {
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<Delimiter>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn decode(bytes: &[u8], forced: Option<TextEncoding>) -> (TextEncoding, String) {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let utf8 = std::str::from_utf8(bytes);
    let encoding = forced.unwrap_or(if utf8.is_ok() {
        TextEncoding::Utf8
    } else {
        // Not valid UTF-8: in a Kazakh or Russian office that is the Windows Cyrillic code
        // page of an older Excel. It has no ә ғ қ ң ө ұ ү һ (і it has): such files hold
        // Russian look-alikes or «?» there, which the cleaning step shows.
        TextEncoding::Windows1251
    });
    let text = match encoding {
        TextEncoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        TextEncoding::Windows1251 => WINDOWS_1251
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    (encoding, text)
}

/// The delimiter that splits the most of the first lines into the same number of fields.
fn detect(text: &str) -> Delimiter {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (Delimiter::Semicolon, 0usize);
    let joined = lines.join("\n");
    for d in [Delimiter::Semicolon, Delimiter::Comma, Delimiter::Tab] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d.byte())
            .has_headers(false)
            .flexible(true)
            .from_reader(joined.as_bytes());
        let widths: Vec<usize> = reader
            .records()
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        // The width most lines agree on: a free-text column with commas in a semicolon
        // file splits each line differently, the real delimiter splits them all alike.
        let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
        for w in widths.iter().filter(|w| **w > 1) {
            *counts.entry(*w).or_default() += 1;
        }
        let score = counts.values().copied().max().unwrap_or(0);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

type Parsed = (TextEncoding, Delimiter, Vec<Vec<Cell>>);

/// `="050315500011"`, how Meirim's own CSV lists (and many offices' files) keep digits
/// from Excel's number conversion, is read as the digits.
fn excel_text(field: &str) -> &str {
    match field.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
        Some(inner) if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) => inner,
        _ => field,
    }
}

pub fn parse(bytes: &[u8], options: &CsvOptions) -> Result<Parsed, ImportError> {
    // A binary file (an image, a PDF, a zip with the wrong name) is not a list.
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.iter().filter(|b| **b == 0).count() > 0 {
        return Err(ImportError::NotSpreadsheet);
    }
    let (encoding, text) = decode(bytes, options.encoding);
    let delimiter = options.delimiter.unwrap_or_else(|| detect(&text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Damaged(e.to_string()))?;
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(excel_text(f).to_owned())
                    }
                })
                .collect(),
        );
    }
    if rows
        .iter()
        .all(|r: &Vec<Cell>| r.iter().all(Cell::is_empty))
    {
        return Err(ImportError::Empty);
    }
    Ok((encoding, delimiter, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_kept_from_excel_read_back_as_digits() {
        let csv = "\u{feff}ЖСН;Аты\r\n=\"050315500011\";Әсел\r\n=\"1+1\";x\r\n";
        let (_, _, rows) = parse(csv.as_bytes(), &CsvOptions::default()).unwrap();
        assert_eq!(rows[1][0], Cell::Text("050315500011".into()));
        assert_eq!(rows[2][0], Cell::Text("=\"1+1\"".into()));
    }
}
