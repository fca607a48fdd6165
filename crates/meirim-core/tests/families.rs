//! The family slice through the public API, against real SQLite files.

// Test helpers outside #[test] fns are not covered by clippy.toml's test allowance.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use meirim_core::family::{self, FamilyInput, MemberInput, SearchQuery};
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;
use meirim_core::{reference, Database, ErrorCode};

fn iin(y: i32, m: u32, d: u32, sex: Sex, serial: u32) -> String {
    (serial..serial + 50)
        .find_map(|s| synthesize(NaiveDate::from_ymd_opt(y, m, d).unwrap(), sex, s))
        .unwrap()
        .as_str()
        .to_owned()
}

fn input(surname: &str, name: &str, iin: Option<String>) -> FamilyInput {
    FamilyInput {
        members: vec![MemberInput {
            is_head: true,
            surname: surname.into(),
            name: name.into(),
            patronymic: Some("Болатқызы".into()),
            iin,
            sex: Some(Sex::Female),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        limit: 50,
        ..Default::default()
    }
}

#[test]
fn create_then_get_round_trips_every_field() {
    let mut db = Database::open_in_memory().unwrap();
    let oblasts = reference::oblasts(db.conn()).unwrap();
    let turkistan = oblasts.iter().find(|o| o.iso_code == "KZ-61").unwrap();
    let cats = reference::categories(db.conn()).unwrap();
    let large = cats
        .iter()
        .find(|c| c.code.as_deref() == Some("large-family"))
        .unwrap();
    let low = cats
        .iter()
        .find(|c| c.code.as_deref() == Some("low-income"))
        .unwrap();
    let mut i = input("Серікова", "Әсел", Some(iin(1984, 7, 2, Sex::Female, 1)));
    i.members[0].birth_date = Some("1984-07-02".into());
    i.phone = Some("+7 701 111 22 33".into());
    i.address.oblast_id = Some(turkistan.id.clone());
    i.address.district = Some("Сайрам ауданы".into());
    i.address.rural_okrug = Some("Ақсу ауылдық округі".into());
    i.address.village = Some("Ақсу".into());
    i.address.street = Some("Абай көшесі, 12".into());
    i.category_ids = vec![low.id.clone(), large.id.clone(), large.id.clone()];
    i.notes = Some("Үйі жөндеуді қажет етеді".into());

    let created = family::create(&mut db, &i).unwrap();
    let got = family::get(db.conn(), &created.id).unwrap();
    assert_eq!(created, got);
    assert_eq!(got.head().unwrap().full_name(), "Серікова Әсел Болатқызы");
    assert_eq!(
        got.head().unwrap().birth_date,
        NaiveDate::from_ymd_opt(1984, 7, 2)
    );
    assert_eq!(got.head().unwrap().sex, Some(Sex::Female));
    assert_eq!(got.phone.as_deref(), Some("+77011112233"));
    assert_eq!(
        got.address.oblast.as_ref().unwrap().names.kk,
        "Түркістан облысы"
    );
    assert_eq!(got.address.village.as_deref(), Some("Ақсу"));
    // Duplicates collapse; order follows the category list.
    let codes: Vec<_> = got
        .categories
        .iter()
        .map(|c| c.code.clone().unwrap())
        .collect();
    assert_eq!(codes, vec!["low-income", "large-family"]);
    assert!(uuid_like(&got.id) && uuid_like(&got.head().unwrap().id));
    assert_eq!(got.created_at, got.updated_at);
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

#[test]
fn search_finds_by_name_fragment_in_any_case_and_by_iin_prefix() {
    let mut db = Database::open_in_memory().unwrap();
    let asel_iin = iin(1990, 1, 15, Sex::Female, 7);
    family::create(&mut db, &input("Серікова", "Әсел", Some(asel_iin.clone()))).unwrap();
    family::create(&mut db, &input("Ахметова", "Гүлнар", None)).unwrap();
    family::create(&mut db, &input("Ёлкина", "Алёна", None)).unwrap();

    let names = |q: &str| -> Vec<String> {
        family::search(&db, &query(q))
            .unwrap()
            .items
            .into_iter()
            .map(|s| s.head_name)
            .collect()
    };
    assert_eq!(names("ӘСЕЛ"), vec!["Серікова Әсел Болатқызы"]);
    assert_eq!(names("  сері "), vec!["Серікова Әсел Болатқызы"]);
    assert_eq!(names("гүлн"), vec!["Ахметова Гүлнар Болатқызы"]);
    assert_eq!(names("елкина"), vec!["Ёлкина Алёна Болатқызы"]);
    assert_eq!(names(&asel_iin[..6]), vec!["Серікова Әсел Болатқызы"]);
    assert_eq!(names(&asel_iin), vec!["Серікова Әсел Болатқызы"]);
    assert!(names("99999").is_empty());
    assert!(names("%").is_empty(), "LIKE wildcards must match literally");
    assert_eq!(names("").len(), 3);
    // Sorted by name.
    assert_eq!(names("")[0], "Ахметова Гүлнар Болатқызы");
}

#[test]
fn search_ignores_spelling_alphabet_and_word_order() {
    let mut db = Database::open_in_memory().unwrap();
    let mut asel = input("Серікова", "Әсел", None);
    asel.members[0].patronymic = Some("Қайратқызы".into());
    family::create(&mut db, &asel).unwrap();
    family::create(&mut db, &input("Жұмабаева", "Асель", None)).unwrap();
    family::create(&mut db, &input("Ахметов", "Ерлан", None)).unwrap();
    let names = |q: &str| -> Vec<String> {
        family::search(&db, &query(q))
            .unwrap()
            .items
            .into_iter()
            .map(|s| s.head_name)
            .collect()
    };
    // Kazakh, Russian and Latin spellings of one name find both women.
    for q in ["Әсел", "Асель", "Asel", "ASEL"] {
        assert_eq!(
            names(q),
            vec!["Жұмабаева Асель Болатқызы", "Серікова Әсел Қайратқызы"],
            "{q}"
        );
    }
    // Words in any order, each a fragment; Latin passport spelling of a Kazakh patronymic.
    assert_eq!(names("qairatqyzy serik"), vec!["Серікова Әсел Қайратқызы"]);
    assert_eq!(names("Yerlan"), vec!["Ахметов Ерлан Болатқызы"]);
    // One- and two-letter words match the start of a word.
    assert_eq!(names("е ахм"), vec!["Ахметов Ерлан Болатқызы"]);
    assert_eq!(names("ж"), vec!["Жұмабаева Асель Болатқызы"]);
    assert!(names("ь").is_empty());
    assert!(names("\"").is_empty());
}

#[test]
fn search_follows_edits_of_the_name() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family::create(&mut db, &input("Серікова", "Әсел", None)).unwrap();
    family::update(&mut db, &f.id, &input("Омарова", "Әсел", None)).unwrap();
    assert_eq!(family::search(&db, &query("серік")).unwrap().total, 0);
    assert_eq!(family::search(&db, &query("омар")).unwrap().total, 1);
}

#[test]
fn search_pages_and_counts() {
    let mut db = Database::open_in_memory().unwrap();
    for n in 0..25 {
        family::create(&mut db, &input(&format!("Бекова{n:02}"), "Айгүл", None)).unwrap();
    }
    let page = family::search(
        &db,
        &SearchQuery {
            text: "бекова".into(),
            limit: 10,
            offset: 20,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page.total, 25);
    assert_eq!(page.items.len(), 5);
    assert!(page.items[0].head_name.starts_with("Бекова20"));
}

#[test]
fn a_second_family_with_the_same_iin_is_refused_naming_the_first() {
    let mut db = Database::open_in_memory().unwrap();
    let shared = iin(1975, 3, 8, Sex::Female, 3);
    let first = family::create(&mut db, &input("Серікова", "Әсел", Some(shared.clone()))).unwrap();
    let err = family::create(&mut db, &input("Басқа", "Адам", Some(shared))).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let f = &err.fields[0];
    assert_eq!(
        (f.field.as_str(), f.code),
        ("members.0.iin", ErrorCode::IinTaken)
    );
    assert_eq!(f.params.get("family_id"), Some(&first.id));
    assert_eq!(
        f.params.get("name").map(String::as_str),
        Some("Серікова Әсел Болатқызы")
    );
    assert_eq!(f.params.get("registry_no").map(String::as_str), Some("1"));
    assert_eq!(family::search(&db, &query("")).unwrap().total, 1);
    // Saving the first family again with its own IIN is of course fine.
    let again = input("Серікова", "Әсел", first.head().unwrap().iin.clone());
    family::update(&mut db, &first.id, &again).unwrap();
}

#[test]
fn unknown_references_are_field_errors_and_nothing_is_written() {
    let mut db = Database::open_in_memory().unwrap();
    let mut i = input("Серікова", "Әсел", None);
    i.address.oblast_id = Some("no-such-oblast".into());
    i.category_ids = vec!["no-such-category".into()];
    let err = family::create(&mut db, &i).unwrap_err();
    let codes: Vec<_> = err.fields.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        vec![ErrorCode::UnknownOblast, ErrorCode::UnknownCategory]
    );
    assert_eq!(family::search(&db, &query("")).unwrap().total, 0);
}

#[test]
fn update_changes_fields_and_categories_and_bumps_updated_at() {
    let mut db = Database::open_in_memory().unwrap();
    let cats = reference::categories(db.conn()).unwrap();
    let mut i = input("Серікова", "Әсел", None);
    i.category_ids = vec![cats[0].id.clone(), cats[1].id.clone()];
    let created = family::create(&mut db, &i).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    i.members[0].id = Some(created.members[0].id.clone());
    i.members[0].surname = "Серікқызы".into();
    i.category_ids = vec![cats[1].id.clone(), cats[2].id.clone()];
    i.phone = None;
    let updated = family::update(&mut db, &created.id, &i).unwrap();
    assert_eq!(updated.head().unwrap().surname, "Серікқызы");
    assert_eq!(updated.head().unwrap().id, created.head().unwrap().id);
    assert_eq!(updated.phone, None);
    let ids: Vec<_> = updated.categories.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, vec![cats[1].id.clone(), cats[2].id.clone()]);
    assert_eq!(updated.created_at, created.created_at);
    assert!(updated.updated_at > created.updated_at);
    assert_eq!(family::search(&db, &query("серікқызы")).unwrap().total, 1);
}

#[test]
fn unknown_family_is_not_found() {
    let mut db = Database::open_in_memory().unwrap();
    let err = family::get(db.conn(), "nope").unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = family::update(&mut db, "nope", &input("А", "Б", None)).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn families_survive_closing_and_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut db = Database::open_in(dir.path()).unwrap();
        family::create(&mut db, &input("Серікова", "Әсел", None))
            .unwrap()
            .id
    };
    let db = Database::open_in(dir.path()).unwrap();
    assert_eq!(family::get(db.conn(), &id).unwrap().members[0].name, "Әсел");
}

/// Whatever a user types, the core answers with a value or a `Problem`, never a panic.
#[test]
fn arbitrary_input_never_panics() {
    let mut db = Database::open_in_memory().unwrap();
    let pieces = [
        "",
        " ",
        "Әсел",
        "'; DROP TABLE families; --",
        "%",
        "_",
        "\\",
        "\u{0}",
        "😀",
        "０１２",
        "12345678901",
        "123456789012",
        "31.02.2020",
        "2020-13-01",
        "+7",
        "8",
        "ЖСН",
        "\u{202e}evil",
        "a\nb",
        "9999-12-31",
    ];
    let mut seed = 12345u64;
    let mut pick = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        pieces[(seed >> 33) as usize % pieces.len()].repeat(1 + (seed >> 60) as usize)
    };
    for _ in 0..400 {
        let member = |pick: &mut dyn FnMut() -> String, is_head: bool| MemberInput {
            is_head,
            surname: pick(),
            name: pick(),
            patronymic: Some(pick()),
            iin: Some(pick()),
            birth_date: Some(pick()),
            phone: Some(pick()),
            ..Default::default()
        };
        let i = FamilyInput {
            members: vec![member(&mut pick, true), member(&mut pick, false)],
            phone: Some(pick()),
            notes: Some(pick()),
            income_per_person: Some(pick()),
            registered_on: Some(pick()),
            category_ids: vec![pick()],
            accept_duplicates: true,
            ..Default::default()
        };
        let _ = family::create(&mut db, &i);
        let _ = family::search(&db, &query(&pick()));
        let _ = family::check_iin(&pick(), Some(&pick()), None);
    }
}

#[test]
fn an_iin_whose_digits_are_not_a_date_is_saved_but_its_warning_stays_on_the_record() {
    use meirim_core::iin::IinWarning;
    let mut db = Database::open_in_memory().unwrap();
    // Both pass the check digit: month 13, and a century digit 9 that means nothing.
    for (typed, warning) in [
        ("821315312347", IinWarning::ImpossibleDate),
        ("820315912342", IinWarning::UnknownCentury),
    ] {
        let mut i = input("Оспанова", "Гүлнар", Some(typed.into()));
        i.members[0].sex = None;
        let saved = family::create(&mut db, &i).unwrap();
        let read = family::get(db.conn(), &saved.id).unwrap();
        assert_eq!(read.members[0].iin.as_deref(), Some(typed));
        let facts = read.members[0].iin_facts.clone().unwrap();
        assert_eq!(facts.warnings, vec![warning], "{typed}");
        assert_eq!(facts.birth_date, None);
    }
    // A well-formed IIN that agrees with the record has none.
    let mut i = input("Серікова", "Әсел", Some(iin(1984, 7, 2, Sex::Female, 1)));
    i.members[0].birth_date = Some("1984-07-02".into());
    let saved = family::create(&mut db, &i).unwrap();
    let facts = family::get(db.conn(), &saved.id).unwrap().members[0]
        .iin_facts
        .clone()
        .unwrap();
    assert!(facts.warnings.is_empty());
    assert_eq!(facts.birth_date, NaiveDate::from_ymd_opt(1984, 7, 2));
}
