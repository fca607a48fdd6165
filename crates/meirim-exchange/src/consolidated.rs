//! The district's consolidated report as XLSX and CSV: who sent (completeness), the total
//! in the period report's own layout, and every figure by office — the total beside each
//! office's share, one column per office.

use meirim_core::district::completeness::Standing;
use meirim_core::district::consolidate::Consolidated;
use meirim_i18n::Localizer;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::cells::{csv_line, neutral, number, number_text, period};
use crate::report_xlsx::{add_report_sheets, format_for, sheet_name};

fn standing(l10n: &Localizer, s: Standing) -> String {
    let id = match s {
        Standing::OnTime => "district-standing-on-time",
        Standing::Late => "district-standing-late",
        Standing::Missing => "district-standing-missing",
    };
    l10n.text(id, &[])
}

/// «2026-10-03T09:00:00Z» → «03.10.2026».
fn day(made_at: Option<&str>) -> String {
    made_at
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| meirim_core::date::display(t.date_naive()))
        .unwrap_or_default()
}

fn heading(c: &Consolidated, l10n: &Localizer) -> String {
    format!(
        "{} · {} · {}",
        l10n.text("district-title", &[]),
        c.total.office.pick(l10n.lang()),
        period(c.period)
    )
}

/// The header and rows of the «by office» table, as text for CSV.
fn by_office_rows(c: &Consolidated, l10n: &Localizer) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = vec![
        l10n.text("district-col-section", &[]),
        l10n.text("report-col-line", &[]),
        l10n.text("district-col-figure", &[]),
        l10n.text("district-col-total", &[]),
    ];
    head.extend(
        c.offices
            .iter()
            .map(|o| o.office.names.pick(l10n.lang()).to_owned()),
    );
    let rows = c
        .by_office()
        .into_iter()
        .map(|r| {
            let mut cells = vec![
                l10n.text(&format!("report-section-{}", r.section), &[]),
                l10n.label(&r.label),
                l10n.text(&r.column, &[]),
                number_text(r.measure, r.total),
            ];
            cells.extend(r.offices.iter().map(|v| number_text(r.measure, *v)));
            cells
        })
        .collect();
    (head, rows)
}

pub fn consolidated_csv(c: &Consolidated, l10n: &Localizer) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let mut row = |cells: Vec<String>| csv_line(&mut out, &cells);
    row(vec![heading(c, l10n)]);
    row(Vec::new());
    row(vec![l10n.text("district-completeness", &[])]);
    row(vec![
        l10n.text("district-col-office", &[]),
        l10n.text("district-col-standing", &[]),
        l10n.text("district-col-made", &[]),
    ]);
    for r in &c.completeness.rows {
        row(vec![
            r.office.office.names.pick(l10n.lang()).to_owned(),
            standing(l10n, r.standing),
            day(r.made_at.as_deref()),
        ]);
    }
    row(Vec::new());
    row(vec![l10n.text(
        "district-doubles-line",
        &[
            ("count", c.doubles.doubles.len().into()),
            ("compared", c.doubles.compared.into()),
        ],
    )]);
    row(Vec::new());
    row(vec![l10n.text("district-by-office", &[])]);
    let (head, rows) = by_office_rows(c, l10n);
    row(head);
    for r in rows {
        row(r);
    }
    out.into_bytes()
}

pub fn consolidated_xlsx(c: &Consolidated, l10n: &Localizer) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let heading_format = Format::new().set_bold().set_font_size(13);
    // 1: who sent.
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&l10n.text("district-completeness", &[]), 1))?;
    sheet.write_string_with_format(0, 0, neutral(&heading(c, l10n)), &heading_format)?;
    let header = 2;
    for (i, h) in [
        "district-col-office",
        "district-col-standing",
        "district-col-made",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(header, i as u16, l10n.text(h, &[]), &bold)?;
    }
    for (i, r) in c.completeness.rows.iter().enumerate() {
        let row = header + 1 + i as u32;
        sheet.write_string(row, 0, neutral(r.office.office.names.pick(l10n.lang())))?;
        sheet.write_string(row, 1, standing(l10n, r.standing))?;
        sheet.write_string(row, 2, day(r.made_at.as_deref()))?;
    }
    let after = header + 2 + c.completeness.rows.len() as u32;
    sheet.write_string(
        after,
        0,
        l10n.text(
            "district-doubles-line",
            &[
                ("count", c.doubles.doubles.len().into()),
                ("compared", c.doubles.compared.into()),
            ],
        ),
    )?;
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 18)?;
    sheet.set_column_width(2, 14)?;
    // 2: every figure by office.
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&l10n.text("district-by-office", &[]), 2))?;
    let (head, _) = by_office_rows(c, l10n);
    for (i, h) in head.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, neutral(h), &bold)?;
    }
    sheet.set_freeze_panes(1, 3)?;
    for (i, r) in c.by_office().into_iter().enumerate() {
        let row = 1 + i as u32;
        let f = format_for(r.measure);
        sheet.write_string(
            row,
            0,
            l10n.text(&format!("report-section-{}", r.section), &[]),
        )?;
        sheet.write_string(row, 1, neutral(&l10n.label(&r.label)))?;
        sheet.write_string(row, 2, l10n.text(&r.column, &[]))?;
        sheet.write_number_with_format(row, 3, number(r.measure, r.total), &f)?;
        for (j, v) in r.offices.iter().enumerate() {
            sheet.write_number_with_format(row, 4 + j as u16, number(r.measure, *v), &f)?;
        }
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 36)?;
    sheet.set_column_width(2, 16)?;
    // 3…: the total as a period report.
    add_report_sheets(&mut book, &c.total, l10n, 3)?;
    book.save_to_buffer()
}
