//! The two files the import hands back: the rejected rows (as the office wrote them, with
//! the reason in an extra column, ready to fix and import again) and the template (the
//! columns Meirim expects, with a filled example family).

use std::collections::BTreeMap;

use meirim_core::import::{Cell, Field, RowIssue, Severity};
use meirim_i18n::Localizer;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::source::Sheet;

/// An issue as one line: «12-жол, D бағаны («ЖСН»): …».
pub fn issue_text(l10n: &Localizer, issue: &RowIssue) -> String {
    let message = l10n.problem(&meirim_core::Problem {
        code: issue.code,
        params: issue.params.clone(),
        fields: Vec::new(),
    });
    let row = issue.row.to_string();
    match (&issue.column, &issue.header) {
        (Some(column), header) => l10n.text(
            "import-issue-at",
            &[
                ("row", row.into()),
                ("column", column.as_str().into()),
                ("header", header.as_deref().unwrap_or("").into()),
                ("message", message.into()),
            ],
        ),
        (None, _) => l10n.text(
            "import-issue-row",
            &[("row", row.into()), ("message", message.into())],
        ),
    }
}

/// The header row and each row in `rows` (sheet row numbers), with the reasons for the
/// row's family being kept out in a last column.
pub fn rejected_rows(
    l10n: &Localizer,
    sheet: &Sheet,
    header_row: u32,
    rows: &[u32],
    issues: &[RowIssue],
) -> Result<Vec<u8>, XlsxError> {
    let mut reasons: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for i in issues.iter().filter(|i| i.severity == Severity::Error) {
        reasons.entry(i.row).or_default().push(issue_text(l10n, i));
    }
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(l10n.text("import-rejected-sheet", &[]))?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let header: Vec<String> = sheet
        .rows
        .get(header_row as usize)
        .map(|r| r.iter().map(Cell::text).collect())
        .unwrap_or_default();
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    for c in 0..width {
        let h = header.get(c).cloned().unwrap_or_default();
        ws.write_string_with_format(0, c as u16, crate::cells::neutral(&h), &bold)?;
        ws.set_column_format(c as u16, &text)?;
        ws.set_column_width(c as u16, 18)?;
    }
    let reason_col = width as u16;
    ws.write_string_with_format(
        0,
        reason_col,
        l10n.text("import-rejected-reason", &[]),
        &bold,
    )?;
    ws.set_column_width(reason_col, 70)?;
    let mut out_row = 1u32;
    let mut wanted: Vec<u32> = rows.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    for row in wanted {
        let Some(cells) = row
            .checked_sub(sheet.first_row)
            .and_then(|i| sheet.rows.get(i as usize))
        else {
            continue;
        };
        for (c, cell) in cells.iter().enumerate() {
            // Every cell as text: an IIN written back as a number would lose its zero again.
            let v = cell.display();
            if !v.is_empty() {
                ws.write_string(out_row, c as u16, crate::cells::neutral(&v))?;
            }
        }
        let why = reasons
            .get(&row)
            .map(|r| r.join("\n"))
            .unwrap_or_else(|| l10n.text("import-rejected-with-family", &[]));
        ws.write_string(out_row, reason_col, crate::cells::neutral(&why))?;
        out_row += 1;
    }
    ws.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

/// The template's columns, in order.
pub const TEMPLATE: &[Field] = &[
    Field::FamilyKey,
    Field::Surname,
    Field::Name,
    Field::Patronymic,
    Field::Iin,
    Field::BirthDate,
    Field::Sex,
    Field::Relation,
    Field::Phone,
    Field::Village,
    Field::Street,
    Field::House,
    Field::Flat,
    Field::Categories,
    Field::RegisteredOn,
    Field::Notes,
];

/// An example family of two in the template (Fluent ids hold the words).
const EXAMPLE: [[&str; 16]; 2] = [
    [
        "1",
        "Серікова",
        "Әсел",
        "Бауыржанқызы",
        "840702410004",
        "1984-07-02",
        "import-example-female",
        "",
        "+7 701 234 56 78",
        "Ақсу",
        "Абай көшесі",
        "12",
        "",
        "import-example-category",
        "2026-01-15",
        "",
    ],
    [
        "1",
        "Сериков",
        "Нұрлан",
        "Асқарұлы",
        "",
        "1982-03-11",
        "import-example-male",
        "import-example-spouse",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
];

pub fn template(l10n: &Localizer) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(l10n.text("import-template-sheet", &[]))?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let day = Format::new().set_num_format("dd.mm.yyyy");
    for (c, field) in TEMPLATE.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(
            0,
            c,
            l10n.text(&format!("import-column-{}", field.code()), &[]),
            &bold,
        )?;
        ws.set_column_width(c, 16)?;
        if *field == Field::Iin {
            ws.set_column_format(c, &text)?;
        }
    }
    for (r, example) in EXAMPLE.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, (field, value)) in TEMPLATE.iter().zip(example).enumerate() {
            let c = c as u16;
            if value.is_empty() {
                continue;
            }
            let date = matches!(field, Field::BirthDate | Field::RegisteredOn)
                .then(|| chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
                .flatten();
            match date {
                Some(d) => {
                    let d = ExcelDateTime::from_ymd(
                        chrono::Datelike::year(&d) as u16,
                        chrono::Datelike::month(&d) as u8,
                        chrono::Datelike::day(&d) as u8,
                    )?;
                    ws.write_datetime_with_format(r, c, &d, &day)?;
                }
                None if value.starts_with("import-") => {
                    ws.write_string(r, c, l10n.text(value, &[]))?;
                }
                None if *field == Field::Iin => {
                    ws.write_string_with_format(r, c, *value, &text)?;
                }
                None => {
                    ws.write_string(r, c, *value)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
