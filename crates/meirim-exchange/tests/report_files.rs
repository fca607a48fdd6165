//! The period report's files read back by real readers: the XLSX with calamine (a sheet
//! per section, numbers as numbers equal to the report's), the CSV with Python's csv module
//! (BOM, Cyrillic intact, the same figures), and a formula-looking name neutralised.

#![allow(clippy::unwrap_used)]

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use meirim_core::reports::{self, Period, Preset, Scope};
use meirim_core::settings::Language;
use meirim_core::Database;
use meirim_exchange::{report_csv, report_xlsx, write_verified};
use meirim_i18n::Localizer;

/// The day the demo district is made as of: fixed, so the test does not depend on the date.
const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn report() -> (Database, meirim_core::reports::PeriodReport) {
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 200, 3, DEMO_DAY).unwrap();
    meirim_core::demo::aid::fill(&mut db, 2_000, 3, DEMO_DAY).unwrap();
    // A village name that looks like a formula must not become one in Excel.
    db.conn()
        .execute(
            "UPDATE families SET village = '=HYPERLINK(\"http://x\")'
             WHERE id = (SELECT family_id FROM deliveries WHERE status = 'delivered'
                         AND on_date >= '2026-01-01' LIMIT 1)",
            [],
        )
        .unwrap();
    let year = Period::containing(Preset::Year, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    let r = reports::build(db.conn(), year, &Scope::default()).unwrap();
    (db, r)
}

#[test]
fn the_xlsx_has_a_sheet_per_section_with_the_reports_numbers() {
    let (_db, r) = report();
    let l10n = Localizer::new(Language::Kk).unwrap();
    let bytes = report_xlsx(&r, &l10n).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    write_verified(&path, &bytes).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), r.sections.len());
    assert_eq!(names[0], "1. Жалпы көрсеткіштер");
    assert!(names.iter().all(|n| n.chars().count() <= 31));

    let summary = book.worksheet_range(&names[0]).unwrap();
    let row = |label: &str| {
        summary
            .rows()
            .find(|cells| cells.first() == Some(&Data::String(label.into())))
            .unwrap_or_else(|| panic!("{label}"))
            .to_vec()
    };
    let helped = row("Көмек алған отбасылар");
    assert_eq!(
        helped[1],
        Data::Float(r.value("summary", "families-helped").unwrap() as f64)
    );
    let value = row("Көмектің жалпы құны");
    assert_eq!(
        value[1],
        Data::Float(r.value("summary", "value").unwrap() as f64)
    );

    // Aid by type: quantities in their unit, not thousandths.
    let aid = book.worksheet_range(&names[3]).unwrap();
    let section = r.section("aid-by-type").unwrap();
    let first = &section.lines[0];
    let cells: Vec<Data> = aid.rows().nth(4).unwrap().to_vec();
    assert_eq!(cells[5], Data::Float(first.now[2] as f64 / 1000.0));
    assert_eq!(cells[7], Data::Float(first.now[3] as f64));

    // The formula-looking village is text that starts with an apostrophe.
    let villages = book.worksheet_range(&names[2]).unwrap();
    assert!(villages
        .rows()
        .any(|c| c.first() == Some(&Data::String("'=HYPERLINK(\"http://x\")".into()))));
}

/// The CSV as another program reads it: Python's csv module (an independent reader); on
/// Windows, where the tests have no Python, the csv crate with Excel's settings.
#[cfg(not(windows))]
fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let script = r#"
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
sys.stdout.write("\x1e".join("\x1f".join(r) for r in rows))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed for this test: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Rows and cells come back separated by ASCII record and unit separators.
    let text = String::from_utf8(out.stdout).unwrap();
    text.split('\x1e')
        .map(|r| r.split('\x1f').map(str::to_owned).collect())
        .collect()
}

#[cfg(windows)]
fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_csv_opens_in_pythons_csv_module_with_cyrillic_and_the_same_figures() {
    let (_db, r) = report();
    let l10n = Localizer::new(Language::Ru).unwrap();
    let bytes = report_csv(&r, &l10n);
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM for Excel");
    let dir = tempfile::tempdir().unwrap();
    // A file name in Kazakh letters, as the app names reports.
    let path = dir.path().join("Есеп-2026-қаңтар.csv");
    write_verified(&path, &bytes).unwrap();
    let rows = read_csv(&path);
    assert!(rows[0][0].starts_with("Отчёт за период"));
    let helped = rows
        .iter()
        .find(|r| r[0] == "Семьи, получившие помощь")
        .unwrap();
    let summary = r.section("summary").unwrap();
    let line = summary
        .lines
        .iter()
        .find(|l| l.key == "families-helped")
        .unwrap();
    assert_eq!(helped[1], line.now[0].to_string());
    assert_eq!(helped[2], line.before[0].to_string());
    assert!(rows.iter().any(|r| r[0] == "'=HYPERLINK(\"http://x\")"));
}

#[test]
fn every_title_column_and_label_of_the_report_has_a_message_in_both_languages() {
    let (_db, r) = report();
    for lang in [Language::Kk, Language::Ru] {
        let l10n = Localizer::new(lang).unwrap();
        let mut ids = vec!["report-title".to_owned(), "report-col-line".to_owned()];
        for s in &r.sections {
            ids.push(format!("report-section-{}", s.id));
            ids.extend(s.columns.iter().cloned());
            for line in &s.lines {
                if let meirim_core::reports::Label::Message(id) = &line.label {
                    ids.push(id.clone());
                }
            }
        }
        let missing: Vec<&String> = ids.iter().filter(|id| !l10n.has(id)).collect();
        assert!(missing.is_empty(), "{lang:?}: {missing:?}");
    }
}
