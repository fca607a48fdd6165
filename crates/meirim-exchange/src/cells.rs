//! What a report's labels and headings say in the office's language, shared by the CSV and
//! XLSX writers.

use meirim_core::date;
use meirim_core::reports::{Period, PeriodReport};
use meirim_i18n::Localizer;

/// «01.01.2026–31.12.2026».
pub(crate) fn period(p: Period) -> String {
    format!("{}–{}", date::display(p.from), date::display(p.to))
}

/// The report's title line: office, period and scope.
pub(crate) fn title(l10n: &Localizer, report: &PeriodReport) -> String {
    let mut parts = vec![l10n.text("report-title", &[])];
    let office = report.office.pick(l10n.lang());
    if !office.is_empty() {
        parts.push(office.to_owned());
    }
    parts.push(period(report.period));
    if let Some(v) = &report.scope.village {
        parts.push(v.clone());
    }
    if let Some(o) = &report.scope.rural_okrug {
        parts.push(o.clone());
    }
    if let Some(c) = &report.campaign_name {
        parts.push(format!("«{}»", c.pick(l10n.lang())));
    }
    parts.join(" · ")
}

/// A spreadsheet cell that starts like a formula is written as text with a leading
/// apostrophe, so a name like «=HYPERLINK(…)» typed into the registry cannot run in Excel.
pub(crate) fn neutral(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// A cell's value as a spreadsheet number: tenge and counts as they are, quantities in
/// their unit (stored in thousandths), time in hours (stored in minutes).
pub(crate) fn number(measure: meirim_core::reports::Measure, value: i64) -> f64 {
    use meirim_core::reports::Measure;
    match measure {
        Measure::Count | Measure::Tenge => value as f64,
        Measure::Quantity => value as f64 / 1000.0,
        Measure::Minutes => value as f64 / 60.0,
    }
}

/// The same number as CSV text, with a decimal comma as Kazakh and Russian Excel expects.
pub(crate) fn number_text(measure: meirim_core::reports::Measure, value: i64) -> String {
    let n = number(measure, value);
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.3}");
        s.trim_end_matches('0').replace('.', ",")
    }
}

/// A CSV field: neutralised, and quoted when it holds the separator, a quote or a newline.
pub(crate) fn csv_field(text: &str) -> String {
    let s = neutral(text);
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A text cell for CSV. Digits that Excel would read as a number and spoil are written as
/// the text formula `="…"`, which Kazakh and Russian Excel and LibreOffice show as the
/// digits themselves: an IIN or account number starting with 0 (born 2000–2009) would lose
/// it, and twelve digits would show as 1,23457E+11. Only digits go inside, so the formula
/// can do nothing else; the import reads it back as the digits (`csv_text::parse`).
pub(crate) fn csv_text(text: &str) -> String {
    let digits = text.len() >= 2 && text.bytes().all(|b| b.is_ascii_digit());
    if digits && (text.starts_with('0') || text.len() > 11) {
        format!("=\"{text}\"")
    } else {
        csv_field(text)
    }
}

/// One CSV line: fields quoted as needed, semicolons, CRLF (what Kazakh and Russian Excel
/// read).
pub(crate) fn csv_line(out: &mut String, cells: &[String]) {
    out.push_str(
        &cells
            .iter()
            .map(|c| csv_field(c))
            .collect::<Vec<_>>()
            .join(";"),
    );
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_excel_would_spoil_are_kept_as_text() {
        assert_eq!(csv_text("050315500011"), "=\"050315500011\"");
        assert_eq!(csv_text("820315312347"), "=\"820315312347\"");
        assert_eq!(csv_text("0"), "0");
        assert_eq!(csv_text("12"), "12");
        assert_eq!(csv_text("Ақсу; орталық"), "\"Ақсу; орталық\"");
        assert_eq!(csv_text("=1+1"), "'=1+1");
    }
}
