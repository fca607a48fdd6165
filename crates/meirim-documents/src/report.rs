//! The period report as an A4 PDF for the district: the office and period on top, a table
//! per breakdown with this period, the previous one and the change (as on the screen), the
//! signatory block at the end. A breakdown with more than two figures per line (aid by type:
//! families, deliveries, quantity, value) is printed as two tables of two figures each, so
//! every number has room on a portrait page.

use meirim_core::reports::{Measure, PeriodReport};
use meirim_core::settings::Language;
use meirim_core::{date, money};
use meirim_i18n::Localizer;

use crate::page::{Weight, Writer, INK, MARGIN, MUTED, PAGE_W, TEAL};
use crate::table::{Col, Sizes, Table};
use crate::DocumentError;

pub(crate) fn cell(m: Measure, value: i64, unit: Option<&str>) -> String {
    match m {
        Measure::Count => money::display_count(value),
        Measure::Tenge => money::display_tenge(value),
        Measure::Quantity => match unit {
            Some(u) => format!("{} {u}", money::display_quantity(value)),
            None => money::display_quantity(value),
        },
        Measure::Minutes => {
            let h = value as f64 / 60.0;
            if h.fract() == 0.0 {
                format!("{h:.0}")
            } else {
                format!("{h:.1}").replace('.', ",")
            }
        }
    }
}

/// «+12», «-3 000 ₸», «0»: the change from the previous period, as the screen shows it —
/// with a hyphen-minus, which the embedded fonts have (they lack the minus sign, U+2212).
fn change(m: Measure, now: i64, before: i64, unit: Option<&str>) -> String {
    let d = now - before;
    match d.signum() {
        0 => "0".to_owned(),
        1 => format!("+{}", cell(m, d, unit)),
        _ => format!("-{}", cell(m, -d, unit)),
    }
}

/// Figures per table: now, before and ± each, beside the line's name.
const MEASURES_PER_TABLE: usize = 2;

/// The report as PDF bytes, in `lang`; `signatory` («Бөлім басшысы А.Б. Серіков») signs it.
pub fn report_pdf(
    report: &PeriodReport,
    lang: Language,
    signatory: &str,
    printed_on: chrono::NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let l = Localizer::new(lang)?;
    let t = |id: &str| l.text(id, &[]);
    let period = |p: meirim_core::reports::Period| {
        format!("{} – {}", date::display(p.from), date::display(p.to))
    };
    let title = t("report-title");
    let footer = format!("{title} · {}", period(report.period));
    let mut w = Writer::new(&title, &footer)?;
    let office = report.office.pick(lang);
    if !office.is_empty() {
        w.centred(office, 10.0, Weight::Bold, INK);
        w.y += 6.0;
    }
    w.centred(&title, 14.0, Weight::Bold, TEAL);
    w.y += 7.0;
    let mut scope = vec![period(report.period)];
    scope.extend(report.scope.village.clone());
    scope.extend(report.scope.rural_okrug.clone());
    scope.extend(
        report
            .campaign_name
            .as_ref()
            .map(|c| format!("«{}»", c.pick(lang))),
    );
    w.centred(&scope.join(" · "), 10.5, Weight::Bold, INK);
    w.y += 5.0;
    let compared = format!("{}: {}", t("report-compared-with"), period(report.previous));
    w.centred(&compared, 9.0, Weight::Regular, MUTED);
    w.y += 7.0;
    sections(&mut w, &l, report);
    signature(&mut w, lang, signatory, printed_on);
    Ok(w.finish())
}

/// Every section of `report` as tables of figures: now, before and the change.
pub(crate) fn sections(w: &mut Writer, l: &Localizer, report: &PeriodReport) {
    let t = |id: &str| l.text(id, &[]);
    let width = PAGE_W - 2.0 * MARGIN;
    for s in &report.sections {
        if s.lines.is_empty() {
            continue;
        }
        w.ensure(24.0);
        w.paragraph(
            MARGIN,
            &t(&format!("report-section-{}", s.id)),
            11.0,
            Weight::Bold,
            width,
        );
        w.y += 1.5;
        let groups: Vec<usize> = (0..s.columns.len()).step_by(MEASURES_PER_TABLE).collect();
        for (g, &first) in groups.iter().enumerate() {
            let measures = first..(first + MEASURES_PER_TABLE).min(s.columns.len());
            // The periods' dates are on top of the report; the columns say which is which.
            let mut head = vec![t("report-col-line")];
            for c in &s.columns[measures.clone()] {
                head.push(t(c));
                head.push(t("report-previous-short"));
                head.push("±".to_owned());
            }
            let rows: Vec<Vec<String>> = s
                .lines
                .iter()
                .map(|line| {
                    let unit = line
                        .unit
                        .map(|u| l.text(&format!("unit-{}", u.stored()), &[]));
                    let unit = unit.as_deref();
                    let mut cells = vec![l.label(&line.label)];
                    for i in measures.clone() {
                        let m = line.measures.get(i).copied().unwrap_or(Measure::Count);
                        let now = line.now.get(i).copied().unwrap_or(0);
                        let before = line.before.get(i).copied().unwrap_or(0);
                        cells.push(cell(m, now, unit));
                        cells.push(cell(m, before, unit));
                        cells.push(change(m, now, before, unit));
                    }
                    cells
                })
                .collect();
            let mut cols = vec![Col::Text(1.0)];
            cols.extend(std::iter::repeat_n(Col::Number, head.len() - 1));
            let table = Table::fit(
                w,
                &cols,
                &head,
                &rows,
                width,
                Sizes {
                    size: 9.0,
                    min_size: 7.0,
                    min_text: 38.0,
                },
            );
            if g > 0 {
                w.y += 3.0;
            }
            draw(w, &table, &head, &rows);
        }
        w.y += 5.0;
    }
}

/// A table under its header, the header repeated on each new page.
pub(crate) fn draw(w: &mut Writer, table: &Table, head: &[String], rows: &[Vec<String>]) {
    w.ensure(12.0);
    table.header(w, head, MUTED);
    w.rule(MARGIN, PAGE_W - MARGIN, MUTED, 0.3);
    w.y += 1.0;
    for cells in rows {
        if !w.fits(table.height(w, cells) + 1.0) {
            w.new_page();
            table.header(w, head, MUTED);
            w.rule(MARGIN, PAGE_W - MARGIN, MUTED, 0.3);
            w.y += 1.0;
        }
        table.row(w, cells, Weight::Regular, INK);
    }
}

/// The signatory's line and the day printed, at the end.
pub(crate) fn signature(
    w: &mut Writer,
    lang: Language,
    signatory: &str,
    printed_on: chrono::NaiveDate,
) {
    let width = PAGE_W - 2.0 * MARGIN;
    w.ensure(30.0);
    w.y += 6.0;
    let signed = format!("{} ____________________", signatory.trim());
    w.paragraph(MARGIN, signed.trim(), 10.0, Weight::Regular, width);
    w.y += 2.0;
    w.paragraph(
        MARGIN,
        &date::long(printed_on, lang),
        10.0,
        Weight::Regular,
        width,
    );
}
