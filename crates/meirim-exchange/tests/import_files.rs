//! The import from file to registry: a messy XLSX (title block, an IIN Excel made a number,
//! date serials, one row per person) and a Windows-1251 CSV through `open_bytes`, the
//! overview's suggested mapping, cleaning, the dry run; the template read back as a valid
//! family; the rejected-rows file read back with its reasons.

#![allow(clippy::unwrap_used, clippy::type_complexity)]

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use meirim_core::import::{self, Choices, Field, FixKind, Severity};
use meirim_core::settings::Language;
use meirim_core::{Database, ErrorCode};
use meirim_exchange::import::{open_bytes, overview, rejected_rows, template, CsvOptions};
use meirim_i18n::Localizer;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::io::Cursor;

fn go(_: usize, _: usize) -> bool {
    true
}

/// A list the way offices keep it, used by the E2E test too (tests/fixtures/import/).
fn messy_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Тізім").unwrap();
    ws.merge_range(
        0,
        0,
        0,
        6,
        "Аз қамтылған отбасылар тізімі, 2026 ж.",
        &Format::new().set_bold(),
    )
    .unwrap();
    ws.write_string(1, 0, "Ақсу ауылдық округі").unwrap();
    let header = [
        "Отбасы №",
        "Т.А.Ә.",
        "ЖСН",
        "Туған күні",
        "Туыстығы",
        "Телефон",
        "Мекенжай",
        "Санаты",
        "Тел. үй",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    let day = Format::new().set_num_format("dd.mm.yyyy");
    // 050315 450014: born 15.03.2005, valid; Excel keeps it as 50315450017.
    let rows: [(
        &str,
        &str,
        Option<f64>,
        Option<&str>,
        (u16, u8, u8),
        &str,
        &str,
        &str,
        &str,
    ); 5] = [
        (
            "1",
            "Серікова Әсел Бауыржанқызы",
            Some(50_315_450_014.0),
            None,
            (2005, 3, 15),
            "",
            "8 701 234 56 78",
            "Ақсу а., Абай к., 12",
            "Көп балалы",
        ),
        (
            "1",
            "Серіков Нұрлан Асқарұлы",
            None,
            None,
            (1983, 12, 6),
            "жұбайы",
            "",
            "",
            "",
        ),
        (
            "2",
            "Kaсымoва Гүлнар Бекқызы",
            None,
            None,
            (1950, 1, 2),
            "",
            "87051112233",
            "Ақсу, Бейбітшілік, 5",
            "зейнеткер",
        ),
        (
            "3",
            "Омаров Ерлан",
            None,
            Some("123456789012"),
            (1990, 5, 15),
            "",
            "",
            "",
            "",
        ),
        (
            "4",
            "Жұмабаева Айгүл Серікқызы",
            None,
            None,
            (1991, 7, 1),
            "",
            "",
            "Қызылжар, Бірлік, 3",
            "ғарышкер",
        ),
    ];
    for (i, (key, name, number_iin, text_iin, born, rel, phone, address, category)) in
        rows.iter().enumerate()
    {
        let r = 4 + i as u32;
        ws.write_string(r, 0, *key).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        if let Some(n) = number_iin {
            ws.write_number(r, 2, *n).unwrap();
        }
        if let Some(t) = text_iin {
            ws.write_string(r, 2, *t).unwrap();
        }
        let d = ExcelDateTime::from_ymd(born.0, born.1, born.2).unwrap();
        ws.write_datetime_with_format(r, 3, &d, &day).unwrap();
        for (c, v) in [(4, rel), (5, phone), (6, address), (7, category)] {
            if !v.is_empty() {
                ws.write_string(r, c, *v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_messy_workbook_goes_through_with_its_problems_named() {
    let mut db = Database::open_in_memory().unwrap();
    let opened = open_bytes("тізім.xlsx".into(), &messy_xlsx(), &CsvOptions::default()).unwrap();
    assert_eq!(opened.file.hash.len(), 64);
    let sheet = opened.sheet(opened.first_filled()).unwrap();
    let view = overview(sheet, None);
    assert_eq!(view.header_row_number, 4);
    let suggested: Vec<Option<Field>> = view.columns.iter().map(|c| c.suggested).collect();
    assert_eq!(
        suggested[..8],
        [
            Some(Field::FamilyKey),
            Some(Field::FullName),
            Some(Field::Iin),
            Some(Field::BirthDate),
            Some(Field::Relation),
            Some(Field::Phone),
            Some(Field::Address),
            Some(Field::Categories)
        ]
    );
    assert_eq!(view.columns[1].samples[0], "Серікова Әсел Бауыржанқызы");
    let mapping = view.mapping(None);
    let p = import::prepare(db.conn(), sheet.grid(), &mapping).unwrap();
    assert!(p
        .fixes
        .iter()
        .any(|f| f.kind == FixKind::IinLeadingZero && f.after == "050315450014"));
    assert!(p
        .fixes
        .iter()
        .any(|f| f.kind == FixKind::LatinLetters && f.row == 7));
    let out = import::dry_run(&mut db, &p, &Choices::default(), &opened.file, &mut go).unwrap();
    assert_eq!((out.counts.added, out.counts.rejected), (2, 2));

    // The rejected rows, read back: the header, both rows, the reasons in Kazakh.
    let l10n = Localizer::new(Language::Kk).unwrap();
    let rows = import::rejected_rows(&p, &out);
    assert_eq!(rows, [8, 9]);
    let bytes = rejected_rows(&l10n, sheet, mapping.header_row, &rows, &out.issues).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Қабылданбаған жолдар").unwrap();
    let cells: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    d => d.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(cells[0][1], "Т.А.Ә.");
    assert_eq!(cells[0].last().unwrap(), "Себебі");
    assert_eq!(cells[1][1], "Омаров Ерлан");
    assert_eq!(
        cells[1][3], "15.05.1990",
        "dates come back as dates people read"
    );
    assert!(
        cells[1]
            .last()
            .unwrap()
            .starts_with("8-жол, C бағаны («ЖСН»): ЖСН-нің соңғы"),
        "{:?}",
        cells[1]
    );
    assert!(cells[2].last().unwrap().contains("«ғарышкер» санаты"));
}

#[test]
fn a_windows_1251_csv_imports_and_its_lost_letters_are_flagged() {
    let mut db = Database::open_in_memory().unwrap();
    let text = "Фамилия;Имя;Отчество;Дата рождения;Телефон;Населённый пункт\r\n\
                Иванова;Мария;Петровна;6/12/1983;8 777 123 45 67;Аксу\r\n\
                Серікова;Әсел;;06.12.1990;;Ақсу\r\n";
    // Excel saving «CSV» in the Cyrillic code page writes «?» for ә, қ, ң, ө, ұ, ү, һ.
    let text = text.replace(['ә', 'Ә', 'қ', 'Қ'], "?");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1251.encode(&text);
    assert!(!lossy);
    let opened = open_bytes("list.csv".into(), &bytes, &CsvOptions::default()).unwrap();
    let sheet = opened.sheet(0).unwrap();
    let p = import::prepare(
        db.conn(),
        sheet.grid(),
        &overview(sheet, None).mapping(None),
    )
    .unwrap();
    let lost: Vec<_> = p
        .issues
        .iter()
        .filter(|i| i.code == ErrorCode::ImportLettersLost)
        .collect();
    assert_eq!(lost[0].row, 3);
    assert_eq!(lost[0].severity, Severity::Warning);
    let out = import::apply(&mut db, &p, &Choices::default(), &opened.file, &mut go).unwrap();
    assert_eq!(out.counts.added, 2);
}

#[test]
fn the_template_is_recognised_column_for_column_and_its_example_imports() {
    for lang in [Language::Kk, Language::Ru] {
        let mut db = Database::open_in_memory().unwrap();
        let l10n = Localizer::new(lang).unwrap();
        let opened = open_bytes(
            "t.xlsx".into(),
            &template(&l10n).unwrap(),
            &CsvOptions::default(),
        )
        .unwrap();
        let sheet = opened.sheet(0).unwrap();
        let view = overview(sheet, None);
        let suggested: Vec<Field> = view.columns.iter().filter_map(|c| c.suggested).collect();
        assert_eq!(
            suggested,
            meirim_exchange::import::files::TEMPLATE,
            "{lang:?}"
        );
        let p = import::prepare(db.conn(), sheet.grid(), &view.mapping(None)).unwrap();
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let out = import::apply(&mut db, &p, &Choices::default(), &opened.file, &mut go).unwrap();
        assert_eq!((out.counts.added, out.counts.people), (1, 2));
    }
}

#[test]
fn a_file_that_is_not_a_list_changes_nothing() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let e = open_bytes("photo.xlsx".into(), png, &CsvOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.code, ErrorCode::ImportNotSpreadsheet);
    let broken = b"PK\x03\x04 this is not a real zip";
    let e = open_bytes("broken.xlsx".into(), broken, &CsvOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.code, ErrorCode::ImportFileDamaged);
    let e = open_bytes("empty.csv".into(), b"  \n", &CsvOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.code, ErrorCode::ImportFileEmpty);
}

/// Writes the E2E test's fixture: `cargo test -p meirim-exchange --test import_files -- --ignored`.
#[test]
#[ignore]
fn write_the_e2e_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("messy-list.xlsx"), messy_xlsx()).unwrap();
}

#[test]
fn a_50_mb_list_is_read_and_checked_whole() {
    // 20 000 families with a long note each, as an office's list with remarks grows.
    let note = "Көмір мен отын қажет, үйді жөндеуді күтеді, балалары мектепке барады. ".repeat(33);
    let mut text = String::from("Тегі;Аты;Елді мекен;Көше;Үй;Ескерту\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "Серіков;Нұрлан;Ақсу-{i};Абай көшесі;{};{note}\n",
            i % 90 + 1
        ));
    }
    let bytes = text.into_bytes();
    assert!(bytes.len() >= 50_000_000, "{} bytes", bytes.len());
    let db = Database::open_in_memory().unwrap();
    let opened = open_bytes("big.csv".into(), &bytes, &CsvOptions::default()).unwrap();
    let sheet = opened.sheet(0).unwrap();
    assert_eq!(sheet.rows.len(), 20_001);
    let p = import::prepare(
        db.conn(),
        sheet.grid(),
        &overview(sheet, None).mapping(None),
    )
    .unwrap();
    assert_eq!((p.rows_read, p.candidates.len()), (20_000, 20_000));
    assert!(p.issues.is_empty(), "{:?}", &p.issues[..1]);
    let note = note.trim();
    assert!(p
        .candidates
        .iter()
        .all(|c| c.input.notes.as_deref() == Some(note)));
}

#[test]
fn a_libreoffice_list_reads_with_its_date_and_number_cells() {
    // tests/fixtures/import/make-ods.py writes it (an ODS is a zip of XML).
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import/office-list.ods");
    let opened = open_bytes(
        "f".into(),
        &std::fs::read(&path).unwrap(),
        &CsvOptions::default(),
    )
    .unwrap();
    assert_eq!(opened.source.kind, meirim_exchange::import::FileFormat::Ods);
    let sheet = opened.sheet(0).unwrap();
    let view = overview(sheet, None);
    assert_eq!(view.header_row_number, 2);
    let mut db = Database::open_in_memory().unwrap();
    let p = import::prepare(db.conn(), sheet.grid(), &view.mapping(None)).unwrap();
    let family = &p.candidates[0].input;
    assert_eq!(family.members.len(), 2);
    assert_eq!(family.members[0].iin.as_deref(), Some("050315450014"));
    assert_eq!(family.members[0].birth_date.as_deref(), Some("2005-03-15"));
    assert_eq!(family.members[1].birth_date.as_deref(), Some("1983-12-06"));
    let out = import::apply(&mut db, &p, &Choices::default(), &opened.file, &mut go).unwrap();
    assert_eq!((out.counts.added, out.counts.people), (1, 2));
}

#[test]
fn dates_from_a_mac_workbook_in_the_1904_system_are_the_days_written() {
    // tests/fixtures/import/make-xlsx-1904.py writes it: serials counted from 01.01.1904.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import/mac-1904.xlsx");
    let opened = open_bytes(
        "f".into(),
        &std::fs::read(&path).unwrap(),
        &CsvOptions::default(),
    )
    .unwrap();
    let sheet = opened.sheet(0).unwrap();
    let view = overview(sheet, None);
    let db = Database::open_in_memory().unwrap();
    let p = import::prepare(db.conn(), sheet.grid(), &view.mapping(None)).unwrap();
    let family = &p.candidates[0].input;
    assert_eq!(family.members[0].birth_date.as_deref(), Some("2005-03-15"));
    assert_eq!(family.members[1].birth_date.as_deref(), Some("1983-12-06"));
    // The wizard's samples show the same days.
    let shown: Vec<String> = sheet.rows[1..].iter().map(|r| r[2].display()).collect();
    assert_eq!(shown, ["15.03.2005", "06.12.1983"]);
}
