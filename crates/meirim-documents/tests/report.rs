//! The period report's PDF as the district reads it: the office on top, every figure with
//! room of its own (nothing printed over its neighbour, «₸» beside its number, figures
//! right-aligned), the change beside each pair as on the screen, and the Russian print
//! quoting the campaign's Russian name.

// Read back with poppler's and qpdf's Linux tools; the Windows build's PDFs are written by
// the CLI's tests under wine.
#![cfg(not(windows))]
#![allow(clippy::unwrap_used)]

mod common;

use common::{collisions, tool};

use chrono::NaiveDate;
use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
use meirim_core::letters::letterhead::{self, Letterhead};
use meirim_core::reports::{self, Period, Scope};
use meirim_core::settings::Language;
use meirim_core::Database;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A demo district two years deep, with the office's letterhead.
fn district() -> Database {
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 400, 3, day(2026, 11, 20)).unwrap();
    meirim_core::demo::aid::fill(&mut db, 6_000, 3, day(2026, 11, 20)).unwrap();
    letterhead::set(
        db.conn(),
        &Letterhead {
            header_kk: "Сайрам ауданы\nАқсу ауылдық округі әкімінің аппараты".into(),
            header_ru: "Сайрамский район\nАппарат акима Аксуского сельского округа".into(),
            number_format: "{seq}/{year}".into(),
            ..Default::default()
        },
    )
    .unwrap();
    db
}

fn pdf(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn every_figure_has_its_own_room_with_the_change_beside_it_under_the_office_name() {
    let db = district();
    let year = Period::new(day(2026, 1, 1), day(2026, 12, 31)).unwrap();
    let report = reports::build(db.conn(), year, &Scope::default()).unwrap();
    let bytes = meirim_documents::report_pdf(
        &report,
        Language::Kk,
        "Бөлім басшысы А.Б. Серіков",
        day(2026, 11, 20),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = pdf(&dir, "report.pdf", &bytes);
    tool("qpdf", &["--check", &p]);
    assert_eq!(collisions(&p), Vec::<String>::new());
    let text = tool("pdftotext", &["-layout", &p, "-"]).replace('\u{a0}', " ");
    let first_lines: Vec<&str> = text.lines().take(3).map(str::trim).collect();
    assert!(
        first_lines[0].contains("Сайрам ауданы, Ақсу ауылдық округі әкімінің аппараты"),
        "{first_lines:?}"
    );
    for expected in [
        "Көмек түрлері бойынша",
        "±",
        "алдыңғы",
        "Бөлім басшысы А.Б. Серіков",
    ] {
        assert!(text.contains(expected), "«{expected}» not in:\n{text}");
    }
    // The value line: now, before and the change, with the sign the screen uses.
    let value = report.section("summary").unwrap();
    let line = value.lines.iter().find(|l| l.key == "value").unwrap();
    let change = line.now[0] - line.before[0];
    let sign = if change < 0 { "-" } else { "+" };
    let shown = format!(
        "{sign}{} ₸",
        meirim_core::money::display_tenge(change.abs())
            .replace(['\u{a0}', '₸'], " ")
            .trim()
    );
    assert!(text.contains(&shown), "«{shown}» not in:\n{text}");
    // Figures are right-aligned: the «₸» of the "now" column ends at the same place on
    // every line of the summary, whatever the number's length.
    let html = tool("pdftotext", &["-bbox", &p, "-"]);
    let mut ends: Vec<(i64, f32)> = Vec::new();
    for w in html.split("<word ").skip(1) {
        if !w.contains(">₸<") {
            continue;
        }
        let attr = |name: &str| -> f32 {
            let at = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            w[at..].split('"').next().unwrap().parse().unwrap()
        };
        ends.push((attr("yMin").round() as i64, attr("xMax")));
    }
    let mut first_per_line: Vec<f32> = Vec::new();
    let mut last_y = i64::MIN;
    for (y, x) in ends {
        if y != last_y {
            first_per_line.push(x);
            last_y = y;
        }
    }
    let summary = &first_per_line[..3];
    assert!(
        summary.iter().all(|x| (x - summary[0]).abs() < 0.5),
        "the summary's tenge figures do not line up: {summary:?}"
    );
}

#[test]
fn a_russian_report_quotes_the_campaigns_russian_name_and_the_russian_office() {
    let mut db = district();
    let c = campaigns::create(
        &mut db,
        &CampaignInput {
            name: "Жаңа жыл — азық-түлік себеті 2026".into(),
            name_ru: Some("Новый год — продуктовая корзина 2026".into()),
            kind: CampaignKind::Holiday,
            starts_on: Some("20.12.2026".into()),
            ends_on: Some("31.12.2026".into()),
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap();
    let year = Period::new(day(2026, 1, 1), day(2026, 12, 31)).unwrap();
    let scope = Scope {
        campaign_id: Some(c.id),
        ..Default::default()
    };
    let report = reports::build(db.conn(), year, &scope).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (lang, office, name, other) in [
        (
            Language::Ru,
            "Аппарат акима Аксуского сельского округа",
            "«Новый год — продуктовая корзина 2026»",
            "Жаңа жыл",
        ),
        (
            Language::Kk,
            "Ақсу ауылдық округі әкімінің аппараты",
            "«Жаңа жыл — азық-түлік себеті 2026»",
            "Новый год",
        ),
    ] {
        let bytes = meirim_documents::report_pdf(&report, lang, "", day(2026, 11, 20)).unwrap();
        let p = pdf(&dir, &format!("report-{}.pdf", lang.code()), &bytes);
        let text = tool("pdftotext", &[&p, "-"]).replace('\u{a0}', " ");
        assert!(text.contains(office), "{text}");
        assert!(text.contains(name), "{text}");
        assert!(
            !text.contains(other),
            "the other language's name in:\n{text}"
        );
    }
}
