//! Lists read back: families flattened a row per person with IINs kept as 12-digit text
//! (leading zeros too), dates as dates, deliveries with quantities in their unit.

#![allow(clippy::unwrap_used)]

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use meirim_core::lists::{self, ListKind, ListOptions};
use meirim_core::settings::Language;
use meirim_core::Database;
use meirim_exchange::{list_file, ListFormat};

/// The whole list in `format`, never stopped.
fn whole(table: &lists::Table, l10n: &Localizer, format: ListFormat) -> Vec<u8> {
    list_file(table, l10n, format, &mut |_| true).unwrap()
}
use meirim_i18n::Localizer;

/// The day the demo district is made as of: fixed, so the test does not depend on the date.
const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

#[test]
fn a_family_list_keeps_iins_as_text_and_a_row_per_person() {
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 60, 4, DEMO_DAY).unwrap();
    meirim_core::demo::aid::fill(&mut db, 200, 4, DEMO_DAY).unwrap();
    // A person born in 2005: the IIN starts with 0, which Excel would drop from a number.
    db.conn()
        .execute(
            "UPDATE members SET iin = '050315500011' WHERE seq = (SELECT min(seq) FROM members)",
            [],
        )
        .unwrap();
    let options = ListOptions {
        personal_data: true,
        with_iin: true,
    };
    let table = lists::build(db.conn(), ListKind::Families, options, Language::Kk).unwrap();
    let l10n = Localizer::new(Language::Kk).unwrap();
    let bytes = whole(&table, &l10n, ListFormat::Xlsx);
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Отбасылар").unwrap();
    assert_eq!(sheet.rows().count(), table.rows.len() + 1);
    let head: Vec<Data> = sheet.rows().next().unwrap().to_vec();
    let iin = head
        .iter()
        .position(|c| *c == Data::String("ЖСН".into()))
        .unwrap();
    assert!(sheet
        .rows()
        .any(|r| r[iin] == Data::String("050315500011".into())));
    let born = head
        .iter()
        .position(|c| *c == Data::String("Туған күні".into()))
        .unwrap();
    assert!(sheet
        .rows()
        .skip(1)
        .any(|r| matches!(r[born], Data::DateTime(_))));
    let sex = head
        .iter()
        .position(|c| *c == Data::String("Жынысы".into()))
        .unwrap();
    assert!(sheet.rows().any(|r| r[sex] == Data::String("Әйел".into())));

    let deliveries = lists::build(db.conn(), ListKind::Deliveries, options, Language::Ru).unwrap();
    let csv = String::from_utf8(whole(
        &deliveries,
        &Localizer::new(Language::Ru).unwrap(),
        ListFormat::Csv,
    ))
    .unwrap();
    assert!(csv.starts_with("\u{feff}Дата;№ семьи;Глава"));
    assert_eq!(csv.lines().count(), 201);

    // An elder born before 1900, which Excel has no date for: the list still exports, with
    // that date as text.
    db.conn()
        .execute(
            "UPDATE members SET birth_date = '1895-03-01' WHERE seq = (SELECT max(seq) FROM members)",
            [],
        )
        .unwrap();
    let table = lists::build(db.conn(), ListKind::Families, options, Language::Kk).unwrap();
    let bytes = whole(&table, &l10n, ListFormat::Xlsx);
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Отбасылар").unwrap();
    assert!(sheet
        .rows()
        .any(|r| r[born] == Data::String("01.03.1895".into())));

    // In CSV the IIN with its leading zero reaches Excel as text, not as a number.
    let families = String::from_utf8(whole(&table, &l10n, ListFormat::Csv)).unwrap();
    assert!(
        families.contains(";=\"050315500011\";"),
        "IIN as Excel text"
    );
    assert!(families.split("\r\n").all(|l| !l.contains('\n')));
}

/// A big list reports its rows while it is read and while it is written, and stops when
/// told to, in either phase, with no file made.
#[test]
fn a_list_export_reports_progress_and_stops_when_told() {
    use meirim_core::lists::STEP;
    use meirim_core::problem::ErrorCode;
    use meirim_exchange::ListFileError;
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 10, 7, DEMO_DAY).unwrap();
    meirim_core::demo::aid::fill(&mut db, (STEP * 2 + 10) as u32, 7, DEMO_DAY).unwrap();
    let options = ListOptions {
        personal_data: true,
        with_iin: false,
    };
    let l10n = Localizer::new(Language::Ru).unwrap();
    let mut read = Vec::new();
    let table = lists::build_with(
        db.conn(),
        ListKind::Deliveries,
        options,
        Language::Ru,
        &mut |n| {
            read.push(n);
            true
        },
    )
    .unwrap();
    assert_eq!(read, vec![STEP, STEP * 2]);
    let mut written = Vec::new();
    let bytes = list_file(&table, &l10n, ListFormat::Csv, &mut |n| {
        written.push(n);
        true
    })
    .unwrap();
    assert_eq!(written, vec![STEP, STEP * 2]);
    assert_eq!(bytes, whole(&table, &l10n, ListFormat::Csv));

    let stopped = lists::build_with(
        db.conn(),
        ListKind::Deliveries,
        options,
        Language::Ru,
        &mut |_| false,
    );
    assert_eq!(stopped.unwrap_err().code, ErrorCode::ExportCancelled);
    for format in [ListFormat::Csv, ListFormat::Xlsx] {
        let e = list_file(&table, &l10n, format, &mut |n| n < STEP * 2).unwrap_err();
        assert!(matches!(e, ListFileError::Cancelled), "{format:?}: {e}");
        assert_eq!(
            meirim_core::Problem::from(e).code,
            ErrorCode::ExportCancelled
        );
    }
}
