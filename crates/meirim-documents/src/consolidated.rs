//! The district's consolidated report as an A4 PDF: who sent and who did not, how many
//! families two offices both helped, the total in the period report's own tables, and each
//! office's main figures side by side (every figure by office is in the XLSX and CSV).

use meirim_core::date;
use meirim_core::district::completeness::Standing;
use meirim_core::district::consolidate::Consolidated;
use meirim_core::reports::Period;
use meirim_core::settings::Language;
use meirim_i18n::Localizer;

use crate::page::{Weight, Writer, INK, MARGIN, MUTED, PAGE_W, TEAL};
use crate::report::{cell, draw, sections, signature};
use crate::table::{Col, Sizes, Table};
use crate::DocumentError;

/// The lines of the period report's summary shown per office.
const OFFICE_FIGURES: &[&str] = &["families-helped", "deliveries", "value"];

fn period(p: Period) -> String {
    format!("{} – {}", date::display(p.from), date::display(p.to))
}

fn made_on(at: Option<&str>) -> String {
    at.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| date::display(t.date_naive()))
        .unwrap_or_else(|| "—".to_owned())
}

fn table(w: &mut Writer, head: &[String], rows: &[Vec<String>], cols: &[Col]) {
    let t = Table::fit(
        w,
        cols,
        head,
        rows,
        PAGE_W - 2.0 * MARGIN,
        Sizes {
            size: 9.0,
            min_size: 7.0,
            min_text: 38.0,
        },
    );
    draw(w, &t, head, rows);
}

pub fn consolidated_pdf(
    c: &Consolidated,
    lang: Language,
    signatory: &str,
    printed_on: chrono::NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let l = Localizer::new(lang)?;
    let t = |id: &str| l.text(id, &[]);
    let width = PAGE_W - 2.0 * MARGIN;
    let title = t("district-title");
    let footer = format!("{title} · {}", period(c.period));
    let mut w = Writer::new(&title, &footer)?;
    let office = c.total.office.pick(lang);
    if !office.is_empty() {
        w.centred(office, 10.0, Weight::Bold, INK);
        w.y += 6.0;
    }
    w.centred(&title, 14.0, Weight::Bold, TEAL);
    w.y += 7.0;
    w.centred(&period(c.period), 10.5, Weight::Bold, INK);
    w.y += 5.0;
    let compared = format!(
        "{}: {}",
        t("report-compared-with"),
        period(c.total.previous)
    );
    w.centred(&compared, 9.0, Weight::Regular, MUTED);
    w.y += 8.0;

    // Who sent.
    w.paragraph(
        MARGIN,
        &t("district-completeness"),
        11.0,
        Weight::Bold,
        width,
    );
    w.y += 1.5;
    let due = l.text(
        "district-due",
        &[("date", date::display(c.completeness.due).into())],
    );
    w.paragraph(MARGIN, &due, 9.0, Weight::Regular, width);
    w.y += 1.5;
    let head = vec![
        t("district-col-office"),
        t("district-col-standing"),
        t("district-col-made"),
    ];
    let rows: Vec<Vec<String>> = c
        .completeness
        .rows
        .iter()
        .map(|r| {
            vec![
                r.office.office.names.pick(lang).to_owned(),
                t(match r.standing {
                    Standing::OnTime => "district-standing-on-time",
                    Standing::Late => "district-standing-late",
                    Standing::Missing => "district-standing-missing",
                }),
                made_on(r.made_at.as_deref()),
            ]
        })
        .collect();
    table(
        &mut w,
        &head,
        &rows,
        &[Col::Text(1.0), Col::Number, Col::Number],
    );
    w.y += 4.0;
    let doubles = l.text(
        "district-doubles-line",
        &[
            ("count", c.doubles.doubles.len().into()),
            ("compared", c.doubles.compared.into()),
        ],
    );
    w.paragraph(MARGIN, &doubles, 10.0, Weight::Bold, width);
    w.y += 6.0;

    // Each office's main figures.
    if !c.offices.is_empty() {
        w.ensure(24.0);
        w.paragraph(MARGIN, &t("district-by-office"), 11.0, Weight::Bold, width);
        w.y += 1.5;
        let summary = c.total.section("summary");
        let lines: Vec<_> = OFFICE_FIGURES
            .iter()
            .filter_map(|k| summary?.lines.iter().find(|l| l.key == *k))
            .collect();
        let mut head = vec![t("district-col-office")];
        head.extend(lines.iter().map(|x| l.label(&x.label)));
        let mut rows: Vec<Vec<String>> = c
            .offices
            .iter()
            .map(|o| {
                let mut cells = vec![o.office.names.pick(lang).to_owned()];
                for x in &lines {
                    let v = o.report.value("summary", &x.key).unwrap_or(0);
                    cells.push(cell(x.measures[0], v, None));
                }
                cells
            })
            .collect();
        let mut total = vec![t("district-col-total")];
        total.extend(lines.iter().map(|x| cell(x.measures[0], x.now[0], None)));
        rows.push(total);
        let mut cols = vec![Col::Text(1.0)];
        cols.extend(std::iter::repeat_n(Col::Number, lines.len()));
        table(&mut w, &head, &rows, &cols);
        w.y += 6.0;
    }

    // The total, as a period report.
    sections(&mut w, &l, &c.total);
    signature(&mut w, lang, signatory, printed_on);
    Ok(w.finish())
}
