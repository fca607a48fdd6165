//! The period report as XLSX: a sheet per breakdown, numbers stored as numbers (tenge with
//! a ₸ format, quantities and hours with decimals), bold headers, the header row frozen,
//! columns wide enough for Kazakh labels.

use meirim_core::reports::{Measure, PeriodReport};
use meirim_i18n::Localizer;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::cells::{neutral, number, period, title};

/// Excel refuses sheet names over 31 characters or with []:*?/\.
pub(crate) fn sheet_name(text: &str, n: usize) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(28)
        .collect();
    format!("{n}. {}", clean.trim()).chars().take(31).collect()
}

pub(crate) fn format_for(m: Measure) -> Format {
    match m {
        Measure::Count => Format::new().set_num_format("#,##0"),
        Measure::Tenge => Format::new().set_num_format("#,##0 \"₸\""),
        Measure::Quantity => Format::new().set_num_format("#,##0.###"),
        Measure::Minutes => Format::new().set_num_format("#,##0.0"),
    }
}

pub fn report_xlsx(report: &PeriodReport, l10n: &Localizer) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    add_report_sheets(&mut book, report, l10n, 1)?;
    book.save_to_buffer()
}

/// The report's sheets, numbered from `first`; returns the next number.
pub(crate) fn add_report_sheets(
    book: &mut Workbook,
    report: &PeriodReport,
    l10n: &Localizer,
    first: usize,
) -> Result<usize, XlsxError> {
    let bold = Format::new().set_bold();
    let heading = Format::new().set_bold().set_font_size(13);
    let wrap_bold = Format::new().set_bold().set_text_wrap();
    let (now, before) = (period(report.period), period(report.previous));
    for (n, s) in report.sections.iter().enumerate() {
        let name = l10n.text(&format!("report-section-{}", s.id), &[]);
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&name, first + n))?;
        sheet.write_string_with_format(0, 0, neutral(&name), &heading)?;
        sheet.write_string(1, 0, neutral(&title(l10n, report)))?;
        // Row 3 is the header; rows above it stay in view with it.
        let header = 3;
        sheet.write_string_with_format(header, 0, l10n.text("report-col-line", &[]), &bold)?;
        let mut col: u16 = 1;
        for c in &s.columns {
            let c = l10n.text(c, &[]);
            sheet.write_string_with_format(header, col, format!("{c}\n{now}"), &wrap_bold)?;
            sheet.write_string_with_format(
                header,
                col + 1,
                format!("{c}\n{before}"),
                &wrap_bold,
            )?;
            sheet.set_column_width(col, 18)?;
            sheet.set_column_width(col + 1, 18)?;
            col += 2;
        }
        sheet.set_row_height(header, 32)?;
        sheet.set_freeze_panes(header + 1, 1)?;
        let mut widest = 24usize;
        for (r, line) in s.lines.iter().enumerate() {
            let row = header + 1 + r as u32;
            let text = l10n.label(&line.label);
            widest = widest.max(text.chars().count());
            sheet.write_string(row, 0, neutral(&text))?;
            for (i, m) in line.measures.iter().enumerate() {
                let f = format_for(*m);
                let c = 1 + 2 * i as u16;
                let a = line.now.get(i).copied().unwrap_or(0);
                let b = line.before.get(i).copied().unwrap_or(0);
                sheet.write_number_with_format(row, c, number(*m, a), &f)?;
                sheet.write_number_with_format(row, c + 1, number(*m, b), &f)?;
            }
        }
        sheet.set_column_width(0, widest.min(60) as f64 + 2.0)?;
    }
    Ok(first + report.sections.len())
}
