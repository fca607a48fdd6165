//! The period report as an A4 PDF for the district: the office and period on top, a table
//! per breakdown with this period beside the previous one, the signatory block at the end.

use meirim_core::reports::{Measure, PeriodReport};
use meirim_core::settings::Language;
use meirim_core::{date, money};
use meirim_i18n::Localizer;

use crate::page::{Weight, Writer, INK, MARGIN, MUTED, PAGE_W, TEAL};
use crate::DocumentError;

fn cell(m: Measure, value: i64, unit: Option<&str>) -> String {
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
    let width = PAGE_W - 2.0 * MARGIN;
    if !report.office.is_empty() {
        w.paragraph(MARGIN, &report.office, 9.5, Weight::Regular, width);
        w.y += 1.0;
    }
    w.centred(&title, 14.0, Weight::Bold, TEAL);
    w.y += 7.0;
    let mut scope = vec![period(report.period)];
    scope.extend(report.scope.village.clone());
    scope.extend(report.scope.rural_okrug.clone());
    scope.extend(report.campaign_name.as_ref().map(|c| format!("«{c}»")));
    w.centred(&scope.join(" · "), 10.5, Weight::Bold, INK);
    w.y += 5.0;
    let compared = format!("{}: {}", t("report-compared-with"), period(report.previous));
    w.centred(&compared, 9.0, Weight::Regular, MUTED);
    w.y += 7.0;
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
        let label_w = if s.columns.len() > 2 { 52.0 } else { 84.0 };
        let each = (width - label_w) / (2 * s.columns.len()) as f32;
        let mut widths = vec![label_w];
        widths.extend(std::iter::repeat_n(each, 2 * s.columns.len()));
        // The periods' dates are on top of the report; the columns say which is which.
        let mut head = vec![t("report-col-line")];
        for c in &s.columns {
            head.push(t(c));
            head.push(format!("{}, {}", t(c), t("report-previous-short")));
        }
        w.table_row(&head, &widths, Weight::Bold, MUTED, 7.5);
        w.rule(MARGIN, PAGE_W - MARGIN, MUTED, 0.3);
        w.y += 1.0;
        for line in &s.lines {
            let unit = line
                .unit
                .map(|u| l.text(&format!("unit-{}", u.stored()), &[]));
            let mut cells = vec![l.label(&line.label)];
            for (i, m) in line.measures.iter().enumerate() {
                cells.push(cell(
                    *m,
                    line.now.get(i).copied().unwrap_or(0),
                    unit.as_deref(),
                ));
                cells.push(cell(
                    *m,
                    line.before.get(i).copied().unwrap_or(0),
                    unit.as_deref(),
                ));
            }
            w.table_row(&cells, &widths, Weight::Regular, INK, 8.5);
        }
        w.y += 5.0;
    }
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
    Ok(w.finish())
}
