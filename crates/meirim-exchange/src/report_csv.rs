//! The period report as one CSV file: UTF-8 with a byte-order mark (without it Excel reads
//! Cyrillic as mojibake), semicolons (the list separator of Kazakh and Russian Excel), a
//! block per section with its own header row.

use meirim_core::reports::PeriodReport;
use meirim_i18n::Localizer;

use crate::cells::{csv_line, number_text, period, title};

pub fn report_csv(report: &PeriodReport, l10n: &Localizer) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let mut row = |cells: Vec<String>| csv_line(&mut out, &cells);
    row(vec![title(l10n, report)]);
    row(vec![
        l10n.text("report-compared-with", &[]),
        period(report.previous),
    ]);
    let (now, before) = (period(report.period), period(report.previous));
    for s in &report.sections {
        row(Vec::new());
        row(vec![l10n.text(&format!("report-section-{}", s.id), &[])]);
        let mut head = vec![l10n.text("report-col-line", &[])];
        for c in &s.columns {
            let c = l10n.text(c, &[]);
            head.push(format!("{c} ({now})"));
            head.push(format!("{c} ({before})"));
        }
        row(head);
        for line in &s.lines {
            let mut cells = vec![l10n.label(&line.label)];
            for (i, m) in line.measures.iter().enumerate() {
                cells.push(number_text(*m, line.now.get(i).copied().unwrap_or(0)));
                cells.push(number_text(*m, line.before.get(i).copied().unwrap_or(0)));
            }
            row(cells);
        }
    }
    out.into_bytes()
}
