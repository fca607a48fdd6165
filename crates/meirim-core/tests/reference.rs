//! The office's reference data through the public API: correcting and joining places (the
//! families' addresses follow, logged), removing unused ones, and editing categories.

#![allow(clippy::unwrap_used)]

use meirim_core::audit::{self, AuditAction};
use meirim_core::categories::{self, CategoryInput};
use meirim_core::family::{self, ConsentStatus, FamilyInput, MemberInput, SearchQuery};
use meirim_core::places::{self, Place, PlaceLevel};
use meirim_core::{reference, Database, ErrorCode};

fn family_in(surname: &str, district: &str, okrug: &str, village: &str) -> FamilyInput {
    FamilyInput {
        members: vec![MemberInput {
            is_head: true,
            surname: surname.into(),
            name: "Гүлнар".into(),
            ..Default::default()
        }],
        address: family::AddressInput {
            district: Some(district.into()),
            rural_okrug: Some(okrug.into()),
            village: Some(village.into()),
            street: Some("Абай көшесі".into()),
            house: Some("3".into()),
            ..Default::default()
        },
        consent: family::ConsentInput {
            status: ConsentStatus::Pending,
            ..Default::default()
        },
        accept_duplicates: true,
        ..Default::default()
    }
}

fn place(db: &Database, level: PlaceLevel, name: &str) -> Place {
    places::list(db.conn())
        .unwrap()
        .into_iter()
        .find(|p| p.level == level && p.name == name)
        .unwrap_or_else(|| panic!("no {level:?} {name}"))
}

fn found(db: &Database, text: &str) -> u32 {
    let q = SearchQuery {
        text: text.into(),
        limit: 50,
        ..Default::default()
    };
    family::search(db, &q).unwrap().total
}

#[test]
fn renaming_a_village_corrects_every_spelling_of_it_and_logs_each_family() {
    let mut db = Database::open_in_memory().unwrap();
    let d = "Сайрам ауданы";
    let o = "Ақсу а.о.";
    let a = family::create(&mut db, &family_in("Оспанова", d, o, "Карабулак")).unwrap();
    let b = family::create(&mut db, &family_in("Сейітова", d, o, "Қарабұлақ")).unwrap();
    // The same name in another okrug is another village and stays as it is.
    let other =
        family::create(&mut db, &family_in("Әлиева", d, "Басқа а.о.", "Қарабұлақ")).unwrap();
    let village = place(&db, PlaceLevel::Village, "Карабулак");
    assert_eq!(village.families, 2, "both spellings live in one place");

    let renamed =
        places::rename(&mut db, &village.id, "Қарабұлақ ауылы", Some("511633100")).unwrap();
    assert_eq!(renamed.name, "Қарабұлақ ауылы");
    assert_eq!(renamed.kato.as_deref(), Some("511633100"));
    assert_eq!(renamed.families, 2);

    for id in [&a.id, &b.id] {
        let f = family::get(db.conn(), id).unwrap();
        assert_eq!(f.address.village.as_deref(), Some("Қарабұлақ ауылы"));
        let last = &audit::for_family(db.conn(), id).unwrap()[0];
        assert_eq!(last.action, AuditAction::Update);
        assert_eq!(last.changes[0].field, "address.village");
        assert_eq!(last.changes[0].after.as_deref(), Some("Қарабұлақ ауылы"));
    }
    let before: Vec<_> = [&a.id, &b.id]
        .iter()
        .map(|id| {
            audit::for_family(db.conn(), id).unwrap()[0].changes[0]
                .before
                .clone()
        })
        .collect();
    assert!(before.contains(&Some("Карабулак".into())));
    assert!(before.contains(&Some("Қарабұлақ".into())));
    let untouched = family::get(db.conn(), &other.id).unwrap();
    assert_eq!(untouched.address.village.as_deref(), Some("Қарабұлақ"));
    assert_eq!(audit::for_family(db.conn(), &other.id).unwrap().len(), 1);
    // The search index follows: the new word finds exactly the two families.
    assert_eq!(found(&db, "ауылы"), 2);
}

#[test]
fn renaming_a_place_to_an_existing_name_joins_the_two_and_their_villages() {
    let mut db = Database::open_in_memory().unwrap();
    family::create(
        &mut db,
        &family_in("Оспанова", "Сайрам ауданы", "Ақсу а.о.", "Ақсу"),
    )
    .unwrap();
    family::create(
        &mut db,
        &family_in("Сейітова", "Сайрам ауданы", "Аксуу а.о.", "Ақсу"),
    )
    .unwrap();
    family::create(
        &mut db,
        &family_in("Әлиева", "Сайрам ауданы", "Аксуу а.о.", "Жаңаталап"),
    )
    .unwrap();
    let typo = place(&db, PlaceLevel::RuralOkrug, "Аксуу а.о.");

    let joined = places::rename(&mut db, &typo.id, "Ақсу а.о.", None).unwrap();
    assert_eq!(joined.families, 3);
    let all = places::list(db.conn()).unwrap();
    let okrugs: Vec<_> = all
        .iter()
        .filter(|p| p.level == PlaceLevel::RuralOkrug)
        .collect();
    assert_eq!(okrugs.len(), 1, "{okrugs:?}");
    let villages: Vec<_> = all
        .iter()
        .filter(|p| p.level == PlaceLevel::Village)
        .map(|p| (p.name.as_str(), p.rural_okrug.as_deref(), p.families))
        .collect();
    assert_eq!(
        villages,
        vec![
            ("Ақсу", Some("Ақсу а.о."), 2),
            ("Жаңаталап", Some("Ақсу а.о."), 1)
        ]
    );
}

#[test]
fn a_place_is_removed_only_when_nobody_lives_there() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family::create(
        &mut db,
        &family_in("Оспанова", "Сайрам ауданы", "Ақсу а.о.", "Аксуу"),
    )
    .unwrap();
    let typo = place(&db, PlaceLevel::Village, "Аксуу");
    let refused = places::remove(&mut db, &typo.id).unwrap_err();
    assert_eq!(refused.code, ErrorCode::PlaceInUse);
    assert_eq!(refused.params["count"], "1");
    let okrug = place(&db, PlaceLevel::RuralOkrug, "Ақсу а.о.");
    assert_eq!(
        places::remove(&mut db, &okrug.id).unwrap_err().code,
        ErrorCode::PlaceInUse
    );

    // The family moves to the right spelling by hand; the typo is then unused.
    let mut input = f.to_input();
    input.address.village = Some("Ақсу".into());
    family::update(&mut db, &f.id, &input).unwrap();
    assert_eq!(place(&db, PlaceLevel::Village, "Аксуу").families, 0);
    places::remove(&mut db, &typo.id).unwrap();
    assert!(places::list(db.conn())
        .unwrap()
        .iter()
        .all(|p| p.name != "Аксуу"));
    // An okrug with a village under it stays, even with no family of its own listed there.
    let empty = place(&db, PlaceLevel::District, "Сайрам ауданы");
    assert!(places::remove(&mut db, &empty.id).is_err());
}

#[test]
fn wrong_place_names_are_refused_field_by_field() {
    let mut db = Database::open_in_memory().unwrap();
    family::create(
        &mut db,
        &family_in("Оспанова", "Сайрам ауданы", "Ақсу а.о.", "Ақсу"),
    )
    .unwrap();
    let v = place(&db, PlaceLevel::Village, "Ақсу");
    let p = places::rename(&mut db, &v.id, "  ", Some("12")).unwrap_err();
    let codes: Vec<_> = p
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("name", ErrorCode::Required),
            ("kato", ErrorCode::KatoInvalid)
        ]
    );
    assert_eq!(place(&db, PlaceLevel::Village, "Ақсу").families, 1);
}

#[test]
fn the_office_adds_renames_hides_and_reorders_categories() {
    let mut db = Database::open_in_memory().unwrap();
    let seeded = categories::all(db.conn()).unwrap().len();
    let input = CategoryInput {
        name_kk: "  Су тасқынынан зардап шеккен отбасы ".into(),
        name_ru: "Семья, пострадавшая от паводка".into(),
    };
    let flood = categories::add(&mut db, &input).unwrap();
    assert_eq!(flood.names.kk, "Су тасқынынан зардап шеккен отбасы");
    assert_eq!(flood.code, None);
    let list = categories::all(db.conn()).unwrap();
    assert_eq!(list.len(), seeded + 1);
    assert_eq!(list.last().unwrap().category.id, flood.id);

    // The same name again, in any spelling, is refused; so are empty names.
    let again = categories::add(
        &mut db,
        &CategoryInput {
            name_kk: "СУ ТАСҚЫНЫНАН ЗАРДАП ШЕККЕН ОТБАСЫ".into(),
            name_ru: String::new(),
        },
    )
    .unwrap_err();
    let codes: Vec<_> = again
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("name_kk", ErrorCode::CategoryExists),
            ("name_ru", ErrorCode::Required)
        ]
    );

    // A family with the category keeps it when the category is hidden from the forms.
    let mut input_family = family_in("Оспанова", "Сайрам ауданы", "Ақсу а.о.", "Ақсу");
    input_family.category_ids = vec![flood.id.clone()];
    let f = family::create(&mut db, &input_family).unwrap();
    categories::set_active(&mut db, &flood.id, false).unwrap();
    assert!(reference::categories(db.conn())
        .unwrap()
        .iter()
        .all(|c| c.id != flood.id));
    let kept = family::get(db.conn(), &f.id).unwrap();
    assert_eq!(kept.categories[0].id, flood.id);
    family::update(&mut db, &f.id, &kept.to_input()).unwrap();
    let entry = categories::all(db.conn())
        .unwrap()
        .into_iter()
        .find(|e| e.category.id == flood.id)
        .unwrap();
    assert!(!entry.active);
    assert_eq!(entry.families, 1);

    let renamed = categories::rename(
        &mut db,
        &flood.id,
        &CategoryInput {
            name_kk: "Су тасқынынан зардап шеккендер".into(),
            name_ru: "Пострадавшие от паводка".into(),
        },
    )
    .unwrap();
    assert_eq!(renamed.names.ru, "Пострадавшие от паводка");
    let kept = family::get(db.conn(), &f.id).unwrap();
    assert_eq!(kept.categories[0].names.ru, "Пострадавшие от паводка");

    categories::shift(&mut db, &flood.id, true).unwrap();
    let order: Vec<_> = categories::all(db.conn())
        .unwrap()
        .into_iter()
        .map(|e| e.category.id)
        .collect();
    assert_eq!(order[seeded - 1], flood.id);
    // The first one cannot go further up; nothing changes.
    let first = order[0].clone();
    categories::shift(&mut db, &first, true).unwrap();
    assert_eq!(categories::all(db.conn()).unwrap()[0].category.id, first);
}
