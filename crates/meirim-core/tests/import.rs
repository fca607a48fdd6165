//! Importing a messy office list through the public API: cleaning with every change shown,
//! one row per person grouped by family key, errors tied to row and column, the dry run
//! that writes nothing, the import, the same file again (nothing changes), matches by IIN
//! and by name + birth date with a per-match choice, and undo (refused once edited).

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use meirim_core::family::{self, SearchQuery, StatusFilter};
use meirim_core::iin::synthesize;
use meirim_core::import::{
    self, find_header, suggest, Cell, Choice, Choices, FileFacts, FixKind, Grid, Mapping, MatchBy,
    Prepared, Severity,
};
use meirim_core::person::Sex;
use meirim_core::{Database, ErrorCode};

fn iin(y: i32, m: u32, d: u32, sex: Sex) -> String {
    let born = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    (1..90)
        .find_map(|n| synthesize(born, sex, n))
        .unwrap()
        .as_str()
        .to_owned()
}

fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

struct Sheet {
    rows: Vec<Vec<Cell>>,
    zero_iin: String,
    husband_iin: String,
}

/// An office list: a title, a blank row, the header on row 3, one row per person with a
/// family number; an IIN Excel made a number, a date serial, Latin letters in a Cyrillic
/// name, a bad IIN, an unknown category, the same person twice, a total line.
fn office_list() -> Sheet {
    let zero_iin = iin(2005, 3, 15, Sex::Female);
    assert!(zero_iin.starts_with('0'));
    let husband_iin = iin(1983, 12, 6, Sex::Male);
    let widow_iin = iin(1950, 1, 2, Sex::Female);
    let header = [
        "№",
        "Отбасы №",
        "Т.А.Ә.",
        "ЖСН (ИИН)",
        "Туған күні",
        "Туыстығы",
        "Телефон",
        "Мекенжай",
        "Санаты",
    ];
    let mut rows = vec![
        vec![t("Аз қамтылған отбасылар тізімі, 2026 ж.")],
        vec![],
        header.iter().map(|h| t(h)).collect(),
    ];
    rows.push(vec![
        Cell::Number(1.0),
        t("1"),
        t("  Серікова  Әсел Бауыржанқызы "),
        Cell::Number(zero_iin.parse().unwrap()),
        Cell::DateSerial(38_426.0),
        t(""),
        t("8 (701) 234-56-78"),
        t("Ақсу а., Абай к., 12"),
        t("Көп балалы"),
    ]);
    rows.push(vec![
        Cell::Number(2.0),
        t("1"),
        t("Серіков Нұрлан Асқарұлы"),
        t(&husband_iin),
        t("6/12/1983"),
        t("Жұбайы"),
        t(""),
        t(""),
        t(""),
    ]);
    rows.push(vec![
        Cell::Number(3.0),
        t("2"),
        // Latin K, a, o inside a Cyrillic name.
        t("Kaсымoва Гүлнар Бекқызы"),
        t(&widow_iin),
        t("02.01.1950"),
        t(""),
        t("87051112233"),
        t("Ақсу, Бейбітшілік, 5"),
        t("зейнеткер; жалғыз тұратын қарт"),
    ]);
    rows.push(vec![
        Cell::Number(4.0),
        t("3"),
        t("Омаров Ерлан"),
        t("123456789012"),
        t(""),
        t(""),
        t(""),
        t(""),
        t(""),
    ]);
    rows.push(vec![
        Cell::Number(5.0),
        t("4"),
        t("Жұмабаева Айгүл Серікқызы"),
        t(""),
        t("15.05.1990"),
        t(""),
        t(""),
        t("Қызылжар, Бірлік, 3"),
        t("ғарышкер"),
    ]);
    rows.push(vec![
        Cell::Number(6.0),
        t("5"),
        t("Төлеуова Сәуле Маратқызы"),
        t(""),
        t("20.08.1979"),
        t(""),
        t(""),
        t("Қызылжар, Бірлік, 7"),
        t(""),
    ]);
    rows.push(vec![
        Cell::Number(7.0),
        t("6"),
        t("Серікова Әсел"),
        t(&zero_iin),
        t(""),
        t(""),
        t(""),
        t(""),
        t(""),
    ]);
    rows.push(vec![t(""), t(""), t("Барлығы: 7")]);
    Sheet {
        rows,
        zero_iin,
        husband_iin,
    }
}

fn mapping_for(rows: &[Vec<Cell>]) -> Mapping {
    let header = find_header(rows).unwrap();
    Mapping {
        header_row: header as u32,
        columns: rows[header].iter().map(|c| suggest(&c.text())).collect(),
    }
}

fn prepared(db: &Database, sheet: &Sheet) -> Prepared {
    let grid = Grid {
        rows: &sheet.rows,
        first_row: 1,
        first_column: 0,
    };
    import::prepare(db.conn(), grid, &mapping_for(&sheet.rows)).unwrap()
}

fn file() -> FileFacts {
    FileFacts {
        name: "тізім.xlsx".into(),
        hash: "ab12".into(),
    }
}

fn go(_: usize, _: usize) -> bool {
    true
}

fn listed(db: &Database) -> Vec<String> {
    family::search(
        db,
        &SearchQuery {
            limit: 100,
            status: StatusFilter::All,
            ..Default::default()
        },
    )
    .unwrap()
    .items
    .into_iter()
    .map(|f| f.head_name)
    .collect()
}

#[test]
fn a_messy_list_is_cleaned_with_every_change_shown_and_every_error_located() {
    let db = Database::open_in_memory().unwrap();
    let sheet = office_list();
    let p = prepared(&db, &sheet);
    assert_eq!(p.rows_read, 8, "seven people and the total line");
    let fix = |kind| p.fixes.iter().find(|f| f.kind == kind).unwrap();
    let zero = fix(FixKind::IinLeadingZero);
    assert_eq!((zero.row, zero.column.as_str()), (4, "D"));
    assert_eq!(zero.after, sheet.zero_iin);
    assert_eq!(zero.before, sheet.zero_iin[1..]);
    assert_eq!(fix(FixKind::DateSpelling).after, "1983-12-06");
    assert_eq!(fix(FixKind::Phone).after, "+77012345678");
    let latin = fix(FixKind::LatinLetters);
    assert_eq!(
        (latin.row, latin.after.as_str()),
        (6, "Касымова Гүлнар Бекқызы")
    );
    assert_eq!(fix(FixKind::Category).after, "көпбалалы отбасы");
    assert!(p.fixes.iter().any(|f| f.kind == FixKind::AddressSplit));

    // Family 1 is two rows: the head (no relation) and her husband.
    let first = &p.candidates[0];
    assert_eq!(first.rows, vec![4, 5]);
    assert!(!first.rejected);
    let head = &first.input.members[0];
    assert_eq!(
        (head.surname.as_str(), head.name.as_str()),
        ("Серікова", "Әсел")
    );
    assert_eq!(head.birth_date.as_deref(), Some("2005-03-15"));
    assert_eq!(
        first.input.members[1].iin.as_deref(),
        Some(&*sheet.husband_iin)
    );
    assert_eq!(first.input.address.village.as_deref(), Some("Ақсу"));
    assert_eq!(first.input.address.house.as_deref(), Some("12"));
    assert_eq!(first.input.category_ids.len(), 1);

    let error = |row: u32| {
        p.issues
            .iter()
            .find(|i| i.row == row && i.severity == Severity::Error)
            .unwrap_or_else(|| panic!("no error on row {row}: {:?}", p.issues))
    };
    let bad_iin = error(7);
    assert_eq!(bad_iin.code, ErrorCode::IinChecksum);
    assert_eq!(bad_iin.column.as_deref(), Some("D"));
    assert_eq!(bad_iin.header.as_deref(), Some("ЖСН (ИИН)"));
    let category = error(8);
    assert_eq!(category.code, ErrorCode::ImportCategoryUnknown);
    assert_eq!(category.params["value"], "ғарышкер");
    let twice = error(10);
    assert_eq!(twice.code, ErrorCode::ImportIinTwice);
    assert_eq!(twice.params["first"], "4");
    let total = p.issues.iter().find(|i| i.row == 11).unwrap();
    assert_eq!(
        (total.severity, total.code),
        (Severity::Warning, ErrorCode::ImportRowWithoutName)
    );
    let rejected: Vec<bool> = p.candidates.iter().map(|c| c.rejected).collect();
    assert_eq!(rejected, [false, false, true, true, false, true]);
}

/// A list with the house and flat in their own columns, written with their marks, and a
/// child born in January 2000 whose IIN Excel made a nine-digit number.
#[test]
fn house_marks_come_off_and_three_lost_zeros_come_back_beside_the_birth_date() {
    let mut db = Database::open_in_memory().unwrap();
    let child = iin(2000, 1, 9, Sex::Male);
    assert!(child.starts_with("000109"));
    let head = iin(1975, 4, 2, Sex::Female);
    let rows = vec![
        [
            "Отбасы №",
            "Т.А.Ә.",
            "ЖСН",
            "Туған күні",
            "Туыстығы",
            "Ауыл",
            "Көше",
            "Үй",
            "Пәтер",
        ]
        .iter()
        .map(|h| t(h))
        .collect::<Vec<_>>(),
        vec![
            t("1"),
            t("Әлиева Динара Асқарқызы"),
            t(&head),
            t("02.04.1975"),
            t(""),
            t("Ақсу"),
            t("Абай көшесі"),
            t("4-үй"),
            t("кв. 7"),
        ],
        vec![
            t("1"),
            t("Әлиев Арман Серікұлы"),
            Cell::Number(child.parse().unwrap()),
            t("09.01.2000"),
            t("ұлы"),
            t(""),
            t(""),
            t(""),
            t(""),
        ],
        // The same nine digits with no birth date: not certain, so refused with the reason.
        vec![
            t("2"),
            t("Оспанов Ерлан"),
            Cell::Number(child.parse().unwrap()),
            t(""),
            t(""),
            t("Ақсу"),
            t(""),
            t("д. 12"),
            t(""),
        ],
    ];
    let grid = Grid {
        rows: &rows,
        first_row: 1,
        first_column: 0,
    };
    let p = import::prepare(db.conn(), grid, &mapping_for(&rows)).unwrap();
    let family = &p.candidates[0];
    assert!(!family.rejected, "{:?}", p.issues);
    assert_eq!(family.input.address.house.as_deref(), Some("4"));
    assert_eq!(family.input.address.flat.as_deref(), Some("7"));
    assert_eq!(family.input.members[1].iin.as_deref(), Some(child.as_str()));
    let marks: Vec<(&str, &str)> = p
        .fixes
        .iter()
        .filter(|f| f.kind == FixKind::AddressMark)
        .map(|f| (f.before.as_str(), f.after.as_str()))
        .collect();
    assert_eq!(marks, [("4-үй", "4"), ("кв. 7", "7"), ("д. 12", "12")]);
    let refused = p
        .issues
        .iter()
        .find(|i| i.row == 4 && i.severity == Severity::Error)
        .unwrap();
    assert_eq!(refused.code, ErrorCode::ImportIinZerosLost);
    assert_eq!(refused.params["restored"], child);
    import::apply(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();
    let id = family::search(
        &db,
        &SearchQuery {
            text: "Әлиева".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .items[0]
        .id
        .clone();
    let stored = family::get(db.conn(), &id).unwrap();
    assert_eq!(stored.address.house.as_deref(), Some("4"));
}

#[test]
fn the_dry_run_writes_nothing_the_import_everything_and_the_second_time_nothing() {
    let mut db = Database::open_in_memory().unwrap();
    let sheet = office_list();
    let p = prepared(&db, &sheet);
    let preview = import::dry_run(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();
    assert_eq!(preview.counts.added, 3);
    assert_eq!(preview.counts.rejected, 3);
    assert_eq!(preview.counts.error_rows, 3);
    assert_eq!(preview.batch_id, None);
    assert!(
        listed(&db).is_empty(),
        "a dry run leaves the registry as it was"
    );
    assert!(import::batches(db.conn(), 10).unwrap().is_empty());

    let done = import::apply(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();
    assert_eq!(done.counts, preview.counts);
    let mut names = listed(&db);
    names.sort();
    assert_eq!(
        names,
        [
            "Касымова Гүлнар Бекқызы",
            "Серікова Әсел Бауыржанқызы",
            "Төлеуова Сәуле Маратқызы"
        ]
    );
    let batches = import::batches(db.conn(), 10).unwrap();
    assert_eq!(batches[0].added, 3);
    assert_eq!(batches[0].file_name, "тізім.xlsx");
    let log: String = db
        .conn()
        .query_row(
            "SELECT summary FROM audit_log WHERE action = 'import'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        log.contains("\"sha256\":\"ab12\"") && log.contains("\"added\":3"),
        "{log}"
    );

    // The same file again: every family is found (by IIN, by name + birth date) and the
    // file has nothing new for them.
    let again = import::apply(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();
    assert_eq!(
        (
            again.counts.added,
            again.counts.updated,
            again.counts.unchanged
        ),
        (0, 0, 3)
    );
    assert_eq!(
        again.earlier.len(),
        1,
        "the earlier import of this file is named"
    );
    let by: Vec<MatchBy> = again.matches.iter().map(|m| m.by).collect();
    assert!(by.contains(&MatchBy::Iin) && by.contains(&MatchBy::NameBirthDate));
    assert_eq!(listed(&db).len(), 3);
}

#[test]
fn matches_are_updated_skipped_or_added_as_chosen_and_undo_restores() {
    let mut db = Database::open_in_memory().unwrap();
    let sheet = office_list();
    let p = prepared(&db, &sheet);
    let first = import::apply(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();

    // Next month's list: a new phone for the widow, and Сәуле's row once more.
    let mut next = office_list();
    next.rows[5][6] = t("8 777 000 11 22");
    let p2 = prepared(&db, &next);
    let preview = import::dry_run(&mut db, &p2, &Choices::default(), &file(), &mut go).unwrap();
    assert_eq!(preview.counts.updated, 1);
    let changed = &preview.matches[0];
    assert_eq!(changed.head_name, "Касымова Гүлнар Бекқызы");
    assert_eq!(changed.changes[0].field, "phone");
    assert_eq!(changed.changes[0].after.as_deref(), Some("+77770001122"));
    let saule = preview
        .matches
        .iter()
        .find(|m| m.head_name.starts_with("Төлеуова"))
        .unwrap();
    assert_eq!(saule.by, MatchBy::NameBirthDate);

    // Skip the widow's update; add Сәуле as a namesake.
    let mut choices = Choices::default();
    choices.each.insert(changed.candidate, Choice::Skip);
    choices.each.insert(saule.candidate, Choice::AddNew);
    let second = import::apply(&mut db, &p2, &choices, &file(), &mut go).unwrap();
    assert_eq!(
        (
            second.counts.added,
            second.counts.updated,
            second.counts.skipped
        ),
        (1, 0, 1)
    );
    assert_eq!(listed(&db).len(), 4);

    // Undo the second import: the namesake goes.
    let batch = second.batch_id.unwrap();
    let undone = import::undo(&mut db, &batch).unwrap();
    assert_eq!((undone.removed, undone.restored), (1, 0));
    assert_eq!(listed(&db).len(), 3);
    assert_eq!(
        import::undo(&mut db, &batch).unwrap_err().code,
        ErrorCode::ImportAlreadyUndone
    );

    // An update, then undo: the old phone is back.
    let third = import::apply(&mut db, &p2, &Choices::default(), &file(), &mut go).unwrap();
    assert_eq!(third.counts.updated, 1);
    let widow_id = third.matches[0].family_id.clone();
    assert_eq!(
        family::get(db.conn(), &widow_id).unwrap().phone.as_deref(),
        Some("+77770001122")
    );
    import::undo(&mut db, third.batch_id.as_ref().unwrap()).unwrap();
    assert_eq!(
        family::get(db.conn(), &widow_id).unwrap().phone.as_deref(),
        Some("+77051112233")
    );

    // Edited by hand after the import: the first import can no longer be undone.
    let mut input = family::get(db.conn(), &widow_id).unwrap().to_input();
    input.notes = Some("Көмір керек".into());
    family::update(&mut db, &widow_id, &input).unwrap();
    let batches = import::batches(db.conn(), 10).unwrap();
    let original = batches
        .iter()
        .find(|b| Some(&b.id) == first.batch_id.as_ref())
        .unwrap();
    assert_eq!(original.edited_since, 1);
    let refused = import::undo(&mut db, first.batch_id.as_ref().unwrap()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::ImportUndoEdited);
    assert_eq!(listed(&db).len(), 3, "a refused undo changes nothing");
}

#[test]
fn a_family_per_row_and_an_iin_held_by_two_registry_families_is_refused() {
    let mut db = Database::open_in_memory().unwrap();
    let a = iin(1970, 5, 5, Sex::Male);
    let b = iin(1972, 6, 6, Sex::Female);
    // Two registry families, one IIN each.
    for (i, who) in [&a, &b].iter().enumerate() {
        let rows = vec![
            vec![t("Тегі"), t("Аты"), t("ЖСН")],
            vec![t(&format!("Әлиев{}", "а".repeat(i))), t("Бек"), t(who)],
        ];
        let grid = Grid {
            rows: &rows,
            first_row: 1,
            first_column: 0,
        };
        let p = import::prepare(db.conn(), grid, &mapping_for(&rows)).unwrap();
        import::apply(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();
    }
    // A file that puts both people in one family.
    let rows = vec![
        vec![t("Отбасы"), t("Тегі"), t("Аты"), t("ЖСН"), t("Туыстығы")],
        vec![t("1"), t("Әлиев"), t("Бек"), t(&a), t("")],
        vec![t("1"), t("Әлиева"), t("Бек"), t(&b), t("жұбайы")],
    ];
    let grid = Grid {
        rows: &rows,
        first_row: 1,
        first_column: 0,
    };
    let p = import::prepare(db.conn(), grid, &mapping_for(&rows)).unwrap();
    let out = import::dry_run(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();
    assert_eq!(out.counts.rejected, 1);
    assert_eq!(out.issues[0].code, ErrorCode::ImportIinOtherFamilies);
    assert_eq!(out.issues[0].row, 2);
}

#[test]
fn a_mapping_without_a_name_is_refused_and_a_cancel_writes_nothing() {
    let mut db = Database::open_in_memory().unwrap();
    let sheet = office_list();
    let mut mapping = mapping_for(&sheet.rows);
    mapping.columns[2] = None;
    let grid = Grid {
        rows: &sheet.rows,
        first_row: 1,
        first_column: 0,
    };
    let refused = import::prepare(db.conn(), grid, &mapping).unwrap_err();
    assert_eq!(refused.code, ErrorCode::ImportNameNotMapped);
    mapping.columns[2] = mapping.columns[3];
    let twice = import::prepare(db.conn(), grid, &mapping).unwrap_err();
    assert_eq!(twice.code, ErrorCode::ImportFieldTwice);

    let p = prepared(&db, &sheet);
    let cancelled = import::apply(&mut db, &p, &Choices::default(), &file(), &mut |_, _| false);
    assert_eq!(cancelled.unwrap_err().code, ErrorCode::ImportCancelled);
    assert!(listed(&db).is_empty());
    assert!(import::batches(db.conn(), 10).unwrap().is_empty());
}

#[test]
fn saved_mappings_find_their_columns_by_header_in_another_order() {
    let db = Database::open_in_memory().unwrap();
    let headers: Vec<String> = ["Т.А.Ә.", "Бағана", "ЖСН"].map(String::from).to_vec();
    let mapping = Mapping {
        header_row: 0,
        columns: vec![
            Some(import::Field::FullName),
            None,
            Some(import::Field::Iin),
        ],
    };
    import::mappings::save(db.conn(), "Ауыл тізімі", &headers, &mapping).unwrap();
    let saved = import::mappings::find(db.conn(), "Ауыл тізімі")
        .unwrap()
        .unwrap();
    let moved: Vec<String> = ["ЖСН", "Телефон", "Т.А.Ә."].map(String::from).to_vec();
    assert_eq!(
        saved.apply(2, &moved).columns,
        vec![
            Some(import::Field::Iin),
            None,
            Some(import::Field::FullName)
        ]
    );
}

/// A list of more than 500 families is written in bulk (search index and duplicate keys
/// filled at the end): the duplicate scan's keys equal a recount, also for a registry
/// family the list updates, whose old phone and address stop pairing and new ones start.
#[test]
fn a_large_import_keeps_the_duplicate_scan_keys_in_step() {
    let mut db = Database::open_in_memory().unwrap();
    let registered = Grid {
        rows: &[
            vec![t("Т.А.Ә."), t("Туған күні"), t("Телефон"), t("Мекенжай")],
            vec![
                t("Серікова Әсел Болатқызы"),
                t("02.07.1984"),
                t("+7 701 555 00 07"),
                t("Ақсу ауылы, Абай көшесі, 7"),
            ],
        ],
        first_row: 1,
        first_column: 0,
    };
    let rows = registered.rows.to_vec();
    let p = import::prepare(db.conn(), registered, &mapping_for(&rows)).unwrap();
    import::apply(&mut db, &p, &Choices::default(), &file(), &mut go).unwrap();
    let mut rows = vec![vec![
        t("Т.А.Ә."),
        t("Туған күні"),
        t("Телефон"),
        t("Мекенжай"),
    ]];
    for (i, name) in meirim_core::demo::people(650, 9).lines().enumerate() {
        rows.push(vec![
            t(name),
            t(&format!(
                "{:02}.{:02}.19{}",
                1 + i % 28,
                1 + i % 12,
                50 + i % 40
            )),
            t(&format!("+7 701 555 {:02} {:02}", (i / 100) % 100, i % 100)),
            t(&format!("Ақсу ауылы, Абай көшесі, {}", (i + 399) % 400 + 1)),
        ]);
    }
    // Серікова again with another phone and a new house number: her registry family is
    // updated, so its old keys must go and the new ones come.
    rows.push(vec![
        t("Серікова Әсел Болатқызы"),
        t("02.07.1984"),
        t("+7 777 000 11 22"),
        t("Ақсу ауылы, Абай көшесі, 9"),
    ]);
    let grid = Grid {
        rows: &rows,
        first_row: 1,
        first_column: 0,
    };
    let p = import::prepare(db.conn(), grid, &mapping_for(&rows)).unwrap();
    let update = Choices {
        all: Choice::Update,
        ..Default::default()
    };
    let out = import::apply(&mut db, &p, &update, &file(), &mut go).unwrap();
    assert!(out.counts.added > 600, "{:?}", out.counts);
    assert_eq!(out.counts.updated, 1, "{:?}", out.counts);
    assert!(family::duplicate_keys::in_step(db.conn()).unwrap());
    // Серікова's family now has the new phone and house 9: the list's people at house 9
    // pair with it by address; the eighth, with her old phone and house 7, no longer does.
    let seven = family::search(
        &db,
        &SearchQuery {
            text: "Серікова".into(),
            limit: 5,
            ..Default::default()
        },
    )
    .unwrap()
    .items[0]
        .id
        .clone();
    let pairs = family::scan_duplicates(db.conn(), 5000).unwrap();
    let hers: Vec<_> = pairs
        .iter()
        .filter(|p| p.a.family_id == seven || p.b.family_id == seven)
        .map(|p| (p.reasons.clone(), p.details.clone()))
        .collect();
    assert_eq!(
        hers,
        vec![
            (
                vec![family::DuplicateReason::Address],
                vec!["Ақсу, Абай көшесі, 9".to_owned()]
            );
            2
        ]
    );
    // Only the eighth person still has her old phone: no pair shows it.
    assert!(pairs
        .iter()
        .all(|p| !p.details.iter().any(|d| d == "+7 701 555 00 07")));
}

/// A family that fails halfway through writing — here a trigger refuses one surname after
/// the family's row is in — is kept out whole, as one refused by its checks is, and the
/// rest of the list goes in. Both for a short list and for one written the bulk way.
#[test]
fn a_family_failing_halfway_through_writing_is_kept_out_whole() {
    for more in [0, 600] {
        let mut sheet = office_list();
        let total_line = sheet.rows.pop().unwrap();
        for (i, name) in meirim_core::demo::people(more, 4).lines().enumerate() {
            sheet.rows.push(vec![
                Cell::Number(8.0 + i as f64),
                t(&format!("{}", 100 + i)),
                t(name),
                t(""),
                t(&format!(
                    "{:02}.{:02}.19{}",
                    1 + i % 28,
                    1 + i % 12,
                    50 + i % 40
                )),
                t(""),
                t(""),
                t(&format!("Ақсу, Абай, {}", i + 1)),
                t(""),
            ]);
        }
        sheet.rows.push(total_line);
        let import_into = |db: &mut Database| {
            let p = prepared(db, &sheet);
            let preview = import::dry_run(db, &p, &Choices::default(), &file(), &mut go).unwrap();
            let done = import::apply(db, &p, &Choices::default(), &file(), &mut go).unwrap();
            assert_eq!(preview.counts, done.counts);
            done
        };
        let count = |db: &Database, sql: &str| -> i64 {
            db.conn().query_row(sql, [], |r| r.get(0)).unwrap()
        };
        let mut plain = Database::open_in_memory().unwrap();
        let expected = import_into(&mut plain);

        let mut db = Database::open_in_memory().unwrap();
        db.conn()
            .execute_batch(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON members
                 WHEN NEW.surname = 'Төлеуова'
                 BEGIN SELECT RAISE(ABORT, 'the disk said no'); END",
            )
            .unwrap();
        let done = import_into(&mut db);
        assert_eq!(done.counts.added, expected.counts.added - 1, "{more}");
        assert_eq!(done.counts.rejected, expected.counts.rejected + 1, "{more}");
        let her_row = 9; // Төлеуова's row in the office list
        assert!(done
            .issues
            .iter()
            .any(|i| i.row == her_row && i.severity == Severity::Error));
        // Nothing of her family is left: no family without members, no log or undo entry.
        let families = i64::from(done.counts.added);
        assert_eq!(count(&db, "SELECT count(*) FROM families"), families);
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM families f
                  WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.family_id = f.id)"
            ),
            0
        );
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM audit_log WHERE action = 'create'"
            ),
            families
        );
        assert_eq!(count(&db, "SELECT count(*) FROM import_effects"), families);
        assert_eq!(
            count(&db, "SELECT count(DISTINCT registry_no) FROM families"),
            families
        );
        assert!(family::duplicate_keys::in_step(db.conn()).unwrap());
        assert!(!listed(&db).iter().any(|n| n.starts_with("Төлеуова")));
    }
}
