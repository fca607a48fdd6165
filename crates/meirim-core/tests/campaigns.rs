//! Campaigns and bulk distribution through the public API: choosing families, planning a
//! round in one go, skipping the ones the frequency rule refuses, delivering in bulk and
//! the campaign's summary.

#![allow(clippy::unwrap_used)]

use chrono::Days;
use meirim_core::aid::{self, BulkFilter, BulkPlan, DeliveryInput, DeliveryStatus};
use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
use meirim_core::family::{self, ConsentStatus, FamilyInput, MemberInput};
use meirim_core::{date, reference, Database, ErrorCode};

fn family_in(db: &mut Database, surname: &str, village: &str, categories: &[String]) -> String {
    let input = FamilyInput {
        members: vec![MemberInput {
            is_head: true,
            surname: surname.into(),
            name: "Айгүл".into(),
            ..Default::default()
        }],
        address: family::AddressInput {
            village: Some(village.into()),
            ..Default::default()
        },
        category_ids: categories.to_vec(),
        consent: family::ConsentInput {
            status: ConsentStatus::Pending,
            ..Default::default()
        },
        accept_duplicates: true,
        ..Default::default()
    };
    family::create(db, &input).unwrap().id
}

fn campaign(db: &mut Database) -> String {
    campaigns::create(
        db,
        &CampaignInput {
            name: "Наурыз — азық-түлік себеті".into(),
            name_ru: None,
            kind: CampaignKind::Holiday,
            starts_on: Some("01.03.2026".into()),
            ends_on: Some("31.03.2026".into()),
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap()
    .id
}

fn days_ago(n: u64) -> String {
    date::display(
        meirim_core::clock::today()
            .checked_sub_days(Days::new(n))
            .unwrap(),
    )
}

#[test]
fn a_round_is_planned_for_chosen_families_delivered_and_summed_up() {
    let mut db = Database::open_in_memory().unwrap();
    let large = reference::find_category(db.conn(), "large-family")
        .unwrap()
        .unwrap()
        .id;
    let mut ids = Vec::new();
    for (name, village, cats) in [
        ("Әлиева", "Ақсу", vec![large.clone()]),
        ("Бекова", "Ақсу", vec![large.clone()]),
        ("Жанова", "Ақсу", vec![]),
        ("Қасымова", "Қарабұлақ", vec![large.clone()]),
        ("Омарова", "Ақсу", vec![large.clone()]),
    ] {
        ids.push(family_in(&mut db, name, village, &cats));
    }
    let basket = aid::types::find(db.conn(), "food-basket")
        .unwrap()
        .unwrap()
        .id;
    // Омарова got a basket ten days ago: the 30-day rule counts it.
    aid::record(
        &mut db,
        &DeliveryInput {
            family_id: ids[4].clone(),
            aid_type_id: basket.clone(),
            on_date: Some(days_ago(10)),
            delivered: true,
            ..Default::default()
        },
    )
    .unwrap();
    let c = campaign(&mut db);
    let filter = BulkFilter {
        aid_type_id: basket.clone(),
        campaign_id: Some(c.clone()),
        on_date: Some(days_ago(0)),
        category_id: Some(large.clone()),
        village: Some("Ақсу".into()),
        only_not_served: false,
    };
    let all = aid::bulk::candidates(db.conn(), &filter).unwrap();
    let names: Vec<_> = all.iter().map(|c| c.head_name.as_str()).collect();
    assert_eq!(names, vec!["Әлиева Айгүл", "Бекова Айгүл", "Омарова Айгүл"]);
    assert_eq!(all[2].served_on.map(date::display), Some(days_ago(10)));
    let fresh = aid::bulk::candidates(
        db.conn(),
        &BulkFilter {
            only_not_served: true,
            ..filter.clone()
        },
    )
    .unwrap();
    assert_eq!(fresh.len(), 2);

    // Planning all three: Омарова is skipped with the day she was served.
    let outcome = aid::bulk::plan(
        &mut db,
        &BulkPlan {
            filter: filter.clone(),
            family_ids: all.iter().map(|c| c.family_id.clone()).collect(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(outcome.planned, 2);
    assert_eq!(outcome.skipped.len(), 1);
    assert_eq!(outcome.skipped[0].code, ErrorCode::AidTooSoon);
    assert_eq!(outcome.skipped[0].date, Some(days_ago(10)));

    // Once planned in this campaign, a family counts as served for it.
    let again = aid::bulk::candidates(db.conn(), &filter).unwrap();
    assert!(again.iter().all(|c| c.served_on.is_some()));

    let round = aid::bulk::round(db.conn(), &c, Some(&basket)).unwrap();
    assert_eq!(round.len(), 2);
    assert!(round.iter().all(|d| d.status == DeliveryStatus::Planned));
    assert_eq!(round[0].value, 20_000);

    let before = campaigns::summary(db.conn(), &c).unwrap();
    assert_eq!((before.planned, before.delivered), (2, 0));
    // A planned round shows what it is worth, not just «0 ₸» delivered.
    assert_eq!((before.total_value, before.planned_value), (0.0, 40_000.0));

    let ids_in_round: Vec<String> = round.iter().map(|d| d.id.clone()).collect();
    let changed = aid::bulk::deliver_many(&mut db, &ids_in_round, None, true).unwrap();
    assert_eq!(changed, 2);
    assert_eq!(
        aid::bulk::deliver_many(&mut db, &ids_in_round, None, true).unwrap(),
        0,
        "already delivered ones are left alone"
    );
    let s = campaigns::summary(db.conn(), &c).unwrap();
    assert_eq!(s.families_reached, 2);
    assert_eq!(s.delivered, 2);
    assert_eq!(s.planned, 0);
    assert_eq!((s.total_value, s.planned_value), (40_000.0, 0.0));
    assert_eq!(s.by_aid_type.len(), 1);
    assert_eq!(s.by_aid_type[0].names.kk, "азық-түлік себеті");
    assert_eq!(s.by_aid_type[0].quantity_milli, 2_000.0);
}

#[test]
fn a_round_with_an_override_reaches_everyone_and_a_bad_round_writes_nothing() {
    let mut db = Database::open_in_memory().unwrap();
    let a = family_in(&mut db, "Әлиева", "Ақсу", &[]);
    let b = family_in(&mut db, "Бекова", "Ақсу", &[]);
    let coal = aid::types::find(db.conn(), "coal").unwrap().unwrap().id;
    aid::record(
        &mut db,
        &DeliveryInput {
            family_id: a.clone(),
            aid_type_id: coal.clone(),
            on_date: Some("12.10.2025".into()),
            delivered: true,
            ..Default::default()
        },
    )
    .unwrap();
    let filter = BulkFilter {
        aid_type_id: coal.clone(),
        on_date: Some("20.02.2026".into()),
        ..Default::default()
    };
    let with_reason = BulkPlan {
        filter: filter.clone(),
        family_ids: vec![a.clone(), b.clone()],
        quantity: Some("2".into()),
        rule_override: Some("Қыс қатты суық болды".into()),
        ..Default::default()
    };
    let outcome = aid::bulk::plan(&mut db, &with_reason).unwrap();
    assert_eq!((outcome.planned, outcome.skipped.len()), (2, 0));

    let bad = BulkPlan {
        quantity: Some("көп".into()),
        family_ids: vec![b.clone(), a.clone()],
        ..with_reason.clone()
    };
    let p = aid::bulk::plan(&mut db, &bad).unwrap_err();
    assert_eq!(p.fields[0].code, ErrorCode::QuantityInvalid);
    assert_eq!(aid::for_family(db.conn(), &b).unwrap().len(), 1);

    let none = aid::bulk::plan(
        &mut db,
        &BulkPlan {
            filter,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(none.fields[0].code, ErrorCode::Required);
}

#[test]
fn campaigns_are_checked_field_by_field() {
    let mut db = Database::open_in_memory().unwrap();
    let p = campaigns::create(
        &mut db,
        &CampaignInput {
            name: " ".into(),
            name_ru: None,
            kind: CampaignKind::School,
            starts_on: Some("15.08.2026".into()),
            ends_on: Some("01.08.2026".into()),
            organiser_id: Some("no-such".into()),
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap_err();
    let codes: Vec<_> = p
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("name", ErrorCode::Required),
            ("ends_on", ErrorCode::DateBeforeStart),
            ("organiser_id", ErrorCode::ChoiceMissing),
        ]
    );
    let c = campaigns::create(
        &mut db,
        &CampaignInput {
            name: "Мектепке жол".into(),
            name_ru: None,
            kind: CampaignKind::School,
            starts_on: Some("01.08.2026".into()),
            ends_on: Some("15.09.2026".into()),
            organiser_id: None,
            funding_source_id: None,
            description: Some("Көпбалалы отбасылардың балаларына мектеп формасы".into()),
        },
    )
    .unwrap();
    assert_eq!(
        campaigns::find(db.conn(), "мектепке жол")
            .unwrap()
            .unwrap()
            .id,
        c.id
    );
    assert_eq!(campaigns::list(db.conn()).unwrap().len(), 1);
}

/// A campaign counts the volunteers who delivered its aid: planned aid does not count them
/// until it is handed over, and aid moved to another campaign takes them along.
#[test]
fn the_volunteers_who_delivered_follow_the_aid_they_delivered() {
    use meirim_core::volunteers::{self, VolunteerInput};
    let mut db = Database::open_in_memory().unwrap();
    let family = family_in(&mut db, "Әлиева", "Ақсу", &[]);
    let c = campaign(&mut db);
    let other = campaigns::create(
        &mut db,
        &CampaignInput {
            name: "Мектепке жол".into(),
            name_ru: None,
            kind: CampaignKind::Aid,
            starts_on: None,
            ends_on: None,
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap()
    .id;
    let helper = |db: &mut Database, name: &str| {
        volunteers::create(
            db,
            &VolunteerInput {
                surname: "Ахметов".into(),
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let (erlan, dana) = (helper(&mut db, "Ерлан"), helper(&mut db, "Дана"));
    let basket = aid::types::find(db.conn(), "food-basket")
        .unwrap()
        .unwrap()
        .id;
    let planned = aid::record(
        &mut db,
        &DeliveryInput {
            family_id: family.clone(),
            aid_type_id: basket.clone(),
            campaign_id: Some(c.clone()),
            on_date: Some(days_ago(0)),
            delivered: false,
            volunteer_ids: vec![erlan.clone(), dana.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    let count = |db: &Database, id: &str| campaigns::summary(db.conn(), id).unwrap().volunteers;
    assert_eq!(count(&db, &c), 0, "planned aid: nobody delivered yet");
    aid::deliver(&mut db, &planned.id, None, true).unwrap();
    assert_eq!(count(&db, &c), 2);
    // The same aid moved to the other campaign takes its volunteers along.
    let mut moved = DeliveryInput {
        family_id: family,
        aid_type_id: basket,
        campaign_id: Some(other.clone()),
        on_date: Some(days_ago(0)),
        delivered: true,
        volunteer_ids: vec![erlan],
        ..Default::default()
    };
    aid::update(&mut db, &planned.id, &moved).unwrap();
    assert_eq!((count(&db, &c), count(&db, &other)), (0, 1));
    moved.volunteer_ids.push(dana);
    aid::update(&mut db, &planned.id, &moved).unwrap();
    assert_eq!(count(&db, &other), 2);
}
