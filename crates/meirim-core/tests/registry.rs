//! The complete registry through the public API: members, derived figures, archive and
//! restore, consent and destroy, duplicates and merge, the audit log, list order.

#![allow(clippy::unwrap_used)]

use chrono::{Datelike, NaiveDate};
use meirim_core::audit::{self, AuditAction};
use meirim_core::family::{
    self, ConsentForm, ConsentStatus, DuplicateReason, FamilyInput, FamilyStatus, MemberInput,
    Relation, SearchQuery, SortBy, StatusFilter,
};
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;
use meirim_core::{places, reference, settings, Database, ErrorCode};

/// The day the demo district is made as of: fixed, so the test does not depend on the date.
const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn iin(birth: &str, sex: Sex, serial: u32) -> String {
    let d = NaiveDate::parse_from_str(birth, "%Y-%m-%d").unwrap();
    (serial..serial + 50)
        .find_map(|s| synthesize(d, sex, s))
        .unwrap()
        .as_str()
        .to_owned()
}

fn person(surname: &str, name: &str, birth: &str, sex: Sex, rel: Option<Relation>) -> MemberInput {
    MemberInput {
        is_head: rel.is_none(),
        relation: rel,
        surname: surname.into(),
        name: name.into(),
        birth_date: Some(birth.into()),
        sex: Some(sex),
        ..Default::default()
    }
}

fn years_ago(n: i32) -> String {
    let today = meirim_core::clock::today();
    NaiveDate::from_ymd_opt(today.year() - n, 1, 15)
        .unwrap()
        .to_string()
}

/// Серікова Әсел with a husband and a daughter, consent on paper, in Ақсу.
fn three_member_family() -> FamilyInput {
    let mut head = person("Серікова", "Әсел", "1984-07-02", Sex::Female, None);
    head.patronymic = Some("Болатқызы".into());
    head.iin = Some(iin("1984-07-02", Sex::Female, 1));
    head.phone = Some("8 701 555 11 22".into());
    let mut husband = person(
        "Сериков",
        "Ерлан",
        "1980-03-10",
        Sex::Male,
        Some(Relation::Spouse),
    );
    husband.employment = Some(family::Employment::Works);
    let daughter = person(
        "Серікова",
        "Айым",
        &years_ago(9),
        Sex::Female,
        Some(Relation::Child),
    );
    FamilyInput {
        members: vec![head, husband, daughter],
        phone: Some("+7 705 000 00 01".into()),
        address: family::AddressInput {
            district: Some("Сайрам ауданы".into()),
            rural_okrug: Some("Ақсу ауылдық округі".into()),
            village: Some("Ақсу".into()),
            street: Some("Абай көшесі".into()),
            house: Some("12".into()),
            ..Default::default()
        },
        income_per_person: Some("38 500".into()),
        consent: family::ConsentInput {
            status: ConsentStatus::Given,
            date: Some("2025-02-01".into()),
            form: Some(ConsentForm::Paper),
            ..Default::default()
        },
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

fn names(db: &Database, q: &SearchQuery) -> Vec<String> {
    family::search(db, q)
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.head_name)
        .collect()
}

#[test]
fn a_family_with_three_members_is_numbered_derived_and_found_by_any_member() {
    let mut db = Database::open_in_memory().unwrap();
    settings::set_operator(db.conn(), "Айгерім Нұрланқызы").unwrap();
    let f = family::create(&mut db, &three_member_family()).unwrap();
    assert_eq!(f.registry_no, 1);
    assert_eq!(f.members.len(), 3);
    assert_eq!(f.head().unwrap().name, "Әсел");
    assert_eq!(f.members[1].relation, Some(Relation::Spouse));
    assert_eq!(f.derived.size, 3);
    assert_eq!(f.derived.children, 1);
    assert!(!f.derived.suggest_large_family);
    assert_eq!(f.income_per_person, Some(38_500));
    assert_eq!(f.consent.recorded_by.as_deref(), Some("Айгерім Нұрланқызы"));
    assert_eq!(f.registered_on, Some(meirim_core::clock::today()));
    let second = family::create(&mut db, &{
        let mut i = FamilyInput::default();
        i.members
            .push(person("Ахметов", "Болат", "1970-01-01", Sex::Male, None));
        i
    })
    .unwrap();
    assert_eq!(second.registry_no, 2);
    assert_eq!(second.consent.status, ConsentStatus::Pending);

    // The husband's name, spelt in Latin, finds the family; so do the phone and the street.
    let q = |t: &str| names(&db, &query(t));
    assert_eq!(q("Yerlan"), vec!["Серікова Әсел Болатқызы"]);
    assert_eq!(q("Aiym"), vec!["Серікова Әсел Болатқызы"]);
    assert_eq!(q("8 701 555 11 22"), vec!["Серікова Әсел Болатқызы"]);
    assert_eq!(q("5551122"), vec!["Серікова Әсел Болатқызы"]);
    assert_eq!(q("абай"), vec!["Серікова Әсел Болатқызы"]);
    let summary = &family::search(&db, &query("Әсел")).unwrap().items[0];
    assert_eq!((summary.size, summary.children), (3, 1));

    // The village went into the address reference, with its parents.
    let v = places::suggest(
        db.conn(),
        places::PlaceLevel::Village,
        "aksu",
        None,
        None,
        5,
    )
    .unwrap();
    assert_eq!(v[0].rural_okrug.as_deref(), Some("Ақсу ауылдық округі"));

    let log = audit::for_family(db.conn(), &f.id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].action, AuditAction::Create);
    assert_eq!(log[0].operator, "Айгерім Нұрланқызы");
    assert!(log[0]
        .changes
        .iter()
        .any(|c| c.field == "phone" && c.after.as_deref() == Some("+77050000001")));
}

#[test]
fn four_minors_without_the_category_suggest_large_family() {
    let mut db = Database::open_in_memory().unwrap();
    let mut i = FamilyInput::default();
    i.members.push(person(
        "Оспанова",
        "Гүлнар",
        "1985-05-05",
        Sex::Female,
        None,
    ));
    for (n, name) in ["Ая", "Ерасыл", "Нұрай", "Ахмет"].iter().enumerate() {
        let rel = Some(Relation::Child);
        let birth = years_ago(3 + 3 * n as i32);
        i.members
            .push(person("Оспанова", name, &birth, Sex::Female, rel));
    }
    let f = family::create(&mut db, &i).unwrap();
    assert_eq!(f.derived.children, 4);
    assert!(f.derived.suggest_large_family);
    let large = reference::categories(db.conn())
        .unwrap()
        .into_iter()
        .find(|c| c.code.as_deref() == Some("large-family"))
        .unwrap();
    let mut edit = f.to_input();
    edit.category_ids.push(large.id);
    let f = family::update(&mut db, &f.id, &edit).unwrap();
    assert!(!f.derived.suggest_large_family);
}

#[test]
fn editing_members_adds_changes_and_removes_them_with_an_audit_trail() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family::create(&mut db, &three_member_family()).unwrap();
    let mut edit = f.to_input();
    edit.members.remove(1); // the husband moved out
    edit.members[1].iin = Some(iin(&years_ago(9), Sex::Female, 300));
    edit.members.push(person(
        "Серікова",
        "Ай",
        &years_ago(1),
        Sex::Female,
        Some(Relation::Child),
    ));
    let g = family::update(&mut db, &f.id, &edit).unwrap();
    assert_eq!(g.members.len(), 3);
    assert_eq!(
        g.members[1].id, f.members[2].id,
        "the daughter keeps her id"
    );
    assert!(family::search(&db, &query("Yerlan"))
        .unwrap()
        .items
        .is_empty());
    let log = audit::for_family(db.conn(), &f.id).unwrap();
    assert_eq!(log[0].action, AuditAction::Update);
    let husband_gone = log[0]
        .changes
        .iter()
        .find(|c| c.field == format!("members.{}.name", f.members[1].id) && c.after.is_none());
    assert_eq!(
        husband_gone.and_then(|c| c.before.as_deref()),
        Some("Сериков Ерлан")
    );
    // Swapping the head to another member is fine; a member id from another family is not.
    let mut swap = g.to_input();
    swap.members[0].is_head = false;
    swap.members[0].relation = Some(Relation::Parent);
    swap.members[1].is_head = true;
    swap.members[1].relation = None;
    let h = family::update(&mut db, &f.id, &swap).unwrap();
    assert_eq!(h.head().unwrap().name, "Айым");
    let other = family::create(&mut db, &{
        let mut i = FamilyInput::default();
        i.members
            .push(person("Ахметов", "Болат", "1970-01-01", Sex::Male, None));
        i
    })
    .unwrap();
    let mut steal = h.to_input();
    steal.members[0].id = Some(other.members[0].id.clone());
    let err = family::update(&mut db, &f.id, &steal).unwrap_err();
    assert_eq!(err.fields[0].code, ErrorCode::NotFound);
    assert_eq!(err.fields[0].field, "members.0.id");
}

#[test]
fn archive_and_restore_move_the_family_between_lists() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family::create(&mut db, &three_member_family()).unwrap();
    let err = family::archive(&mut db, &f.id, "  ", None).unwrap_err();
    assert_eq!(err.fields[0].field, "reason");
    let a = family::archive(&mut db, &f.id, "Басқа ауданға көшті", Some("01.03.2026")).unwrap();
    assert_eq!(a.status, FamilyStatus::Archived);
    assert_eq!(a.status_reason.as_deref(), Some("Басқа ауданға көшті"));
    assert_eq!(family::search(&db, &query("")).unwrap().total, 0);
    let archived = SearchQuery {
        status: StatusFilter::Archived,
        ..query("")
    };
    assert_eq!(family::search(&db, &archived).unwrap().total, 1);
    let err = family::archive(&mut db, &f.id, "again", None).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongStatus);
    let r = family::restore(&mut db, &f.id).unwrap();
    assert_eq!(r.status, FamilyStatus::Restored);
    assert_eq!(family::search(&db, &query("")).unwrap().total, 1);
    let actions: Vec<AuditAction> = audit::for_family(db.conn(), &f.id)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        vec![
            AuditAction::Restore,
            AuditAction::Archive,
            AuditAction::Create
        ]
    );
}

#[test]
fn destroy_erases_personal_data_everywhere_and_keeps_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open_in(dir.path()).unwrap();
    let f = family::create(&mut db, &three_member_family()).unwrap();
    let mut edit = f.to_input();
    edit.notes = Some("Жөндеу керек".into());
    family::update(&mut db, &f.id, &edit).unwrap();
    let err = family::destroy(&mut db, &f.id, 99).unwrap_err();
    assert_eq!(err.fields[0].code, ErrorCode::ConfirmationMismatch);

    let d = family::destroy(&mut db, &f.id, f.registry_no).unwrap();
    assert!(d.destroyed_at.is_some());
    assert_eq!(d.consent.status, ConsentStatus::Withdrawn);
    assert_eq!(d.members.len(), 3, "the count stays");
    assert!(d
        .members
        .iter()
        .all(|m| m.surname.is_empty() && m.iin.is_none()));
    assert_eq!(d.address.village.as_deref(), Some("Ақсу"));
    assert_eq!(d.address.street, None);
    assert_eq!(d.notes, None);
    for q in ["Әсел", "Yerlan", "5551122", "абай", ""] {
        assert!(names(&db, &query(q)).is_empty(), "{q}");
    }
    let err = family::update(&mut db, &f.id, &edit).unwrap_err();
    assert_eq!(err.code, ErrorCode::FamilyDestroyed);
    // The log keeps who did what, but no value that could rebuild the record.
    let log = audit::for_family(db.conn(), &f.id).unwrap();
    assert_eq!(log[0].action, AuditAction::Destroy);
    assert!(log
        .iter()
        .flat_map(|e| &e.changes)
        .all(|c| c.before.is_none() && c.after.is_none() && c.subject.is_none()));
    drop(db);
    if let Ok(keep) = std::env::var("KEEP_DESTROYED_DB") {
        std::fs::copy(meirim_core::paths::db_path(dir.path()), keep).unwrap();
    }
    // Nothing of the person is left in the file's bytes, index and free pages included.
    let bytes = std::fs::read(meirim_core::paths::db_path(dir.path())).unwrap();
    let hay = String::from_utf8_lossy(&bytes);
    for needle in [
        "Серікова",
        "Ерлан",
        "Абай көшесі",
        "Жөндеу",
        "77015551122",
        "serikova",
        "erlan",
    ] {
        assert!(!hay.contains(needle), "{needle} is still in the file");
    }
}

#[test]
fn the_same_iin_in_another_family_is_refused_and_likely_duplicates_warn() {
    let mut db = Database::open_in_memory().unwrap();
    let first = family::create(&mut db, &three_member_family()).unwrap();
    // The same woman typed again in Russian spelling, with the same birth date.
    let mut again = FamilyInput::default();
    again
        .members
        .push(person("Серикова", "Асель", "1984-07-02", Sex::Female, None));
    let hints = family::similar(db.conn(), &again, None).unwrap();
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].reason, DuplicateReason::NameAndBirthDate);
    assert_eq!(hints[0].registry_no, first.registry_no);
    let err = family::create(&mut db, &again).unwrap_err();
    assert_eq!(err.code, ErrorCode::PossibleDuplicate);
    again.accept_duplicates = true;
    let second = family::create(&mut db, &again).unwrap();
    // And the same IIN is refused outright, naming the family that has it.
    let mut taken = second.to_input();
    taken.members[0].iin = first.head().unwrap().iin.clone();
    taken.accept_duplicates = true;
    let err = family::update(&mut db, &second.id, &taken).unwrap_err();
    assert_eq!(err.fields[0].code, ErrorCode::IinTaken);
    assert_eq!(
        err.fields[0].params.get("registry_no").map(String::as_str),
        Some("1")
    );

    let pairs = family::scan_duplicates(db.conn(), 100).unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].a.registry_no, 1);
    assert_eq!(pairs[0].reasons, vec![DuplicateReason::NameAndBirthDate]);
    family::dismiss_duplicate(&mut db, &first.id, &second.id).unwrap();
    assert!(family::scan_duplicates(db.conn(), 100).unwrap().is_empty());
}

#[test]
fn merging_moves_members_unites_the_person_and_loses_nothing() {
    let mut db = Database::open_in_memory().unwrap();
    let keep = family::create(&mut db, &three_member_family()).unwrap();
    let mut dup = FamilyInput::default();
    let mut asel = person("Серикова", "Асель", "1984-07-02", Sex::Female, None);
    asel.patronymic = Some("Болатовна".into());
    dup.members.push(asel);
    dup.members.push(person(
        "Серикова",
        "Дана",
        &years_ago(4),
        Sex::Female,
        Some(Relation::Child),
    ));
    dup.phone = Some("+7 777 123 45 67".into());
    dup.notes = Some("Анасы ауру".into());
    dup.accept_duplicates = true;
    let absorb = family::create(&mut db, &dup).unwrap();

    let err = family::merge(&mut db, &keep.id, &keep.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::MergeWithItself);
    let merged = family::merge(&mut db, &keep.id, &absorb.id).unwrap();
    // Әсел is one person, Дана joins, the husband and Айым stay.
    assert_eq!(merged.members.len(), 4);
    assert_eq!(merged.derived.children, 2);
    // The other phone and the other patronymic are kept in the notes, not dropped.
    let notes = merged.notes.unwrap();
    assert!(notes.contains("Анасы ауру"), "{notes}");
    assert!(notes.contains("+77771234567"), "{notes}");
    assert!(notes.contains("Болатовна"), "{notes}");
    let gone = family::get(db.conn(), &absorb.id).unwrap();
    assert_eq!(gone.merged_into.as_deref(), Some(keep.id.as_str()));
    assert_eq!(family::search(&db, &query("")).unwrap().total, 1);
    assert_eq!(names(&db, &query("Dana")), vec!["Серікова Әсел Болатқызы"]);
    let log = audit::for_family(db.conn(), &keep.id).unwrap();
    assert_eq!(log[0].action, AuditAction::Merge);
    assert_eq!(log[0].summary.as_deref(), Some("№2"));
    let log = audit::for_family(db.conn(), &absorb.id).unwrap();
    assert_eq!(log[0].action, AuditAction::MergedInto);
}

#[test]
fn the_list_stays_in_kazakh_alphabetical_order_through_many_inserts_and_renames() {
    let mut db = Database::open_in_memory().unwrap();
    let stems = [
        "Ә", "А", "Б", "Ғ", "Ж", "З", "Қ", "К", "Ө", "О", "Ү", "Ұ", "У", "Ш", "Я",
    ];
    let mut ids = Vec::new();
    // Inserting again and again at the same place exhausts the free positions between two
    // neighbours several times; the list must stay right throughout.
    for round in 0..30 {
        for s in stems {
            let mut i = FamilyInput::default();
            i.members.push(person(
                &format!("{s}тест{round:02}"),
                "Ана",
                "1970-01-01",
                Sex::Female,
                None,
            ));
            i.accept_duplicates = true;
            ids.push(family::create(&mut db, &i).unwrap().id);
        }
    }
    let f = family::get(db.conn(), &ids[3]).unwrap();
    let mut rename = f.to_input();
    rename.members[0].surname = "Яяя".into();
    family::update(&mut db, &ids[3], &rename).unwrap();
    let all = SearchQuery {
        limit: 500,
        ..query("")
    };
    let got = names(&db, &all);
    assert_eq!(got.len(), stems.len() * 30);
    let mut expected = got.clone();
    expected.sort_by_key(|n| meirim_core::text::sort_key(n));
    assert_eq!(got, expected);
    assert_eq!(got.last().map(String::as_str), Some("Яяя Ана"));
    assert!(got[0].starts_with("Атест"), "{}", got[0]);
    // Name search returns the same order; other sorts work both ways.
    let found = names(
        &db,
        &SearchQuery {
            limit: 500,
            ..query("тест")
        },
    );
    let mut sorted = found.clone();
    sorted.sort_by_key(|n| meirim_core::text::sort_key(n));
    assert_eq!(found, sorted);
    let by_no = family::search(
        &db,
        &SearchQuery {
            sort: SortBy::RegistryNo,
            descending: true,
            ..query("")
        },
    )
    .unwrap();
    assert_eq!(by_no.items[0].registry_no, (stems.len() * 30) as u32);
}

#[test]
fn filters_by_category_village_and_consent() {
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 400, 3, DEMO_DAY).unwrap();
    let cats = reference::categories(db.conn()).unwrap();
    let large = cats
        .iter()
        .find(|c| c.code.as_deref() == Some("large-family"))
        .unwrap();
    let page = family::search(
        &db,
        &SearchQuery {
            category_id: Some(large.id.clone()),
            village: Some("Ақсу".into()),
            limit: 500,
            ..query("")
        },
    )
    .unwrap();
    assert!(page.total > 0);
    assert_eq!(page.total as usize, page.items.len());
    assert!(page
        .items
        .iter()
        .all(|s| s.village.as_deref() == Some("Ақсу") && s.category_ids.contains(&large.id)));
    let pending = family::search(
        &db,
        &SearchQuery {
            consent: Some(ConsentStatus::Pending),
            limit: 500,
            ..query("")
        },
    )
    .unwrap();
    assert!(pending.total > 0);
    assert!(pending
        .items
        .iter()
        .all(|s| s.consent == ConsentStatus::Pending));
    assert!(family::villages(&db).unwrap().contains(&"Ақсу".to_owned()));
}

#[test]
fn a_text_search_counts_up_to_the_cap_and_says_there_are_more() {
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 1500, 5, DEMO_DAY).unwrap();
    let all = family::search(&db, &query("")).unwrap();
    assert!(!all.more, "the plain list is counted exactly");
    assert!(all.total > 1400, "{}", all.total);
    // Every demo address is on a "… көшесі".
    let wide = family::search(&db, &query("көшесі")).unwrap();
    assert_eq!((wide.total, wide.more), (family::COUNT_CAP, true));
    assert_eq!(wide.items.len(), 50);
    let narrow = family::search(&db, &query("Әсел")).unwrap();
    assert!(!narrow.more && narrow.total < 1000, "{}", narrow.total);
    // IIN prefixes are matched at the start only: the middle of an IIN finds nothing.
    let f = family::create(&mut db, &three_member_family()).unwrap();
    let iin = f.head().unwrap().iin.clone().unwrap();
    let hits = |q: &str| {
        family::search(&db, &query(q))
            .unwrap()
            .items
            .into_iter()
            .any(|s| s.id == f.id)
    };
    assert!(hits(&iin[..7]));
    assert!(!hits(&iin[3..10]));
}

/// The duplicate scan's keys (migration 0012) as they would be computed from scratch.
fn duplicate_keys_from_scratch(db: &Database) -> Vec<(i64, String, String, i64)> {
    let mut stmt = db
        .conn()
        .prepare(
            "SELECT reason, key, family_id, count(*) FROM (
                 SELECT 0 AS reason, birth_date || ' ' || name_key AS key, family_id
                   FROM members WHERE birth_date IS NOT NULL AND name_key <> ''
                 UNION ALL SELECT 1, phone, family_id FROM members WHERE phone IS NOT NULL
                 UNION ALL SELECT 1, phone, id FROM families
                  WHERE phone IS NOT NULL AND destroyed_at IS NULL AND merged_into IS NULL
                 UNION ALL SELECT 2, address_key, id FROM families
                  WHERE address_key IS NOT NULL AND destroyed_at IS NULL AND merged_into IS NULL)
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn duplicate_keys_kept(db: &Database) -> Vec<(i64, String, String, i64)> {
    let conn = db.conn();
    let groups_match: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM (SELECT reason, key, families FROM duplicate_groups
                      EXCEPT SELECT reason, key, count(*) FROM duplicate_keys GROUP BY 1, 2))
                  + (SELECT count(*) FROM (SELECT reason, key, count(*) FROM duplicate_keys
                      GROUP BY 1, 2 EXCEPT SELECT reason, key, families FROM duplicate_groups))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        groups_match, 0,
        "duplicate_groups counts its keys' families"
    );
    let mut stmt = conn
        .prepare("SELECT reason, key, family_id, refs FROM duplicate_keys ORDER BY 1, 2, 3")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The keys the whole-registry scan reads are kept by triggers; after every kind of change
/// (new family, edited phone, address and members, a member removed, merge, destroy,
/// archive) they equal what a full recount gives, and the scan still finds what it should.
#[test]
fn the_duplicate_scan_keys_follow_every_change() {
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 60, 7, DEMO_DAY).unwrap();
    assert_eq!(duplicate_keys_kept(&db), duplicate_keys_from_scratch(&db));
    assert!(family::duplicate_keys::in_step(db.conn()).unwrap());

    let first = family::create(&mut db, &three_member_family()).unwrap();
    let mut twin = three_member_family();
    for m in &mut twin.members {
        m.iin = None;
    }
    twin.accept_duplicates = true;
    let second = family::create(&mut db, &twin).unwrap();
    assert_eq!(duplicate_keys_kept(&db), duplicate_keys_from_scratch(&db));
    let pair = family::scan_duplicates(db.conn(), 500)
        .unwrap()
        .into_iter()
        .find(|p| {
            [&p.a.family_id, &p.b.family_id] == [&first.id, &second.id]
                || [&p.b.family_id, &p.a.family_id] == [&first.id, &second.id]
        })
        .unwrap();
    assert_eq!(
        pair.reasons,
        vec![
            DuplicateReason::NameAndBirthDate,
            DuplicateReason::Phone,
            DuplicateReason::Address
        ]
    );
    assert_eq!(
        pair.details[1], "+7 701 555 11 22",
        "the first shared phone"
    );
    assert!(pair.details[0].starts_with("Сериков"), "{:?}", pair.details);

    // Edits: another phone and address, a member renamed and one removed.
    let mut edit = family::get(db.conn(), &second.id).unwrap().to_input();
    edit.phone = Some("+7 777 000 12 34".into());
    edit.address.house = Some("14".into());
    edit.members[0].name = "Әсем".into();
    edit.members[1].phone = Some("+7 705 000 00 01".into());
    edit.members.pop();
    edit.accept_duplicates = true;
    family::update(&mut db, &second.id, &edit).unwrap();
    assert_eq!(duplicate_keys_kept(&db), duplicate_keys_from_scratch(&db));
    let pair = family::scan_duplicates(db.conn(), 500)
        .unwrap()
        .into_iter()
        .find(|p| p.a.family_id == first.id || p.b.family_id == first.id)
        .unwrap();
    // Ерлан's birth and name and the family phone on Ерлан's line still match.
    assert_eq!(
        pair.reasons,
        vec![DuplicateReason::NameAndBirthDate, DuplicateReason::Phone]
    );

    let ids: Vec<String> = family::search(&db, &query(""))
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.id)
        .collect();
    family::archive(&mut db, &ids[3], "moved", None).unwrap();
    assert_eq!(duplicate_keys_kept(&db), duplicate_keys_from_scratch(&db));
    family::merge(&mut db, &first.id, &second.id).unwrap();
    assert_eq!(duplicate_keys_kept(&db), duplicate_keys_from_scratch(&db));
    assert!(family::scan_duplicates(db.conn(), 500)
        .unwrap()
        .iter()
        .all(|p| p.a.family_id != second.id && p.b.family_id != second.id));
    let victim = family::get(db.conn(), &ids[5]).unwrap();
    family::destroy(&mut db, &victim.id, victim.registry_no).unwrap();
    assert_eq!(duplicate_keys_kept(&db), duplicate_keys_from_scratch(&db));
    assert!(family::duplicate_keys::in_step(db.conn()).unwrap());
    assert!(!duplicate_keys_kept(&db)
        .iter()
        .any(|(_, _, family, _)| *family == victim.id));
    // A group count changed behind the triggers' back is noticed.
    db.conn()
        .execute_batch(
            "UPDATE duplicate_groups SET families = families + 1
              WHERE key = (SELECT min(key) FROM duplicate_groups)",
        )
        .unwrap();
    assert!(!family::duplicate_keys::in_step(db.conn()).unwrap());
}
