//! Aid through the public API: recording and valuing deliveries, frequency rules and their
//! override, planned → delivered / cancelled, the catalogue, and what merge and destroy do
//! to a family's aid.

#![allow(clippy::unwrap_used)]

use chrono::{Days, NaiveDate};
use meirim_core::aid::{self, AidTypeInput, AidUnit, DeliveryInput, DeliveryStatus, RuleKind};
use meirim_core::audit::{self, AuditAction};
use meirim_core::family::{self, ConsentStatus, FamilyInput, MemberInput};
use meirim_core::{date, Database, ErrorCode};

fn family_of(db: &mut Database, surname: &str) -> String {
    let input = FamilyInput {
        members: vec![MemberInput {
            is_head: true,
            surname: surname.into(),
            name: "Гүлнар".into(),
            ..Default::default()
        }],
        consent: family::ConsentInput {
            status: ConsentStatus::Pending,
            ..Default::default()
        },
        accept_duplicates: true,
        ..Default::default()
    };
    family::create(db, &input).unwrap().id
}

fn aid_id(db: &Database, code: &str) -> String {
    aid::types::find(db.conn(), code).unwrap().unwrap().id
}

fn today() -> NaiveDate {
    meirim_core::clock::today()
}

fn days_ago(n: u64) -> String {
    date::display(today().checked_sub_days(Days::new(n)).unwrap())
}

fn given(family_id: &str, aid_type_id: &str, on: &str, quantity: &str) -> DeliveryInput {
    DeliveryInput {
        family_id: family_id.into(),
        aid_type_id: aid_type_id.into(),
        on_date: Some(on.into()),
        quantity: Some(quantity.into()),
        delivered: true,
        ..Default::default()
    }
}

fn field_codes(p: &meirim_core::Problem) -> Vec<(String, ErrorCode)> {
    p.fields.iter().map(|f| (f.field.clone(), f.code)).collect()
}

#[test]
fn coal_is_valued_by_the_catalogue_shown_on_the_family_and_logged() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family_of(&mut db, "Оспанова");
    let coal = aid_id(&db, "coal");
    let d = aid::record(&mut db, &given(&f, &coal, &days_ago(3), "2,5")).unwrap();
    assert_eq!(d.quantity_milli, 2_500);
    assert_eq!(d.value, 75_000, "2,5 t × 30 000 ₸");
    assert_eq!(d.status, DeliveryStatus::Delivered);
    assert_eq!(d.unit, AidUnit::T);
    assert_eq!(d.aid_names.kk, "көмір");

    let history = aid::for_family(db.conn(), &f).unwrap();
    assert_eq!(history.len(), 1);
    let log = audit::for_family(db.conn(), &f).unwrap();
    assert_eq!(log[0].action, AuditAction::AidDelivered);
    assert_eq!(
        log[0].summary.as_deref(),
        Some("көмір · 2,5 · 75\u{a0}000\u{a0}₸")
    );

    // A value typed by hand wins over the catalogue's.
    let mut by_hand = given(&f, &aid_id(&db, "clothes"), &days_ago(1), "2");
    by_hand.value = Some("18 000 ₸".into());
    assert_eq!(aid::record(&mut db, &by_hand).unwrap().value, 18_000);
}

#[test]
fn a_second_coal_in_the_same_season_needs_a_reason() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family_of(&mut db, "Оспанова");
    let coal = aid_id(&db, "coal");
    // Fixed days in one past heating season (1 July – 30 June), whatever today is.
    let first = aid::record(&mut db, &given(&f, &coal, "12.10.2025", "2")).unwrap();

    let again = given(&f, &coal, "20.02.2026", "1");
    let refused = aid::record(&mut db, &again).unwrap_err();
    assert_eq!(
        field_codes(&refused),
        vec![("rule_override".into(), ErrorCode::AidTooSoon)]
    );
    assert_eq!(refused.fields[0].params["date"], "12.10.2025");
    assert_eq!(refused.fields[0].params["status"], "delivered");
    let check = aid::check(db.conn(), &again, None).unwrap();
    assert_eq!(check.hits.len(), 1);
    assert_eq!(check.hits[0].delivery_id, first.id);
    assert_eq!(check.value, Some(30_000));

    let mut anyway = again.clone();
    anyway.rule_override = Some("Үйі су басқан, көмірі суланды".into());
    let d = aid::record(&mut db, &anyway).unwrap();
    assert_eq!(
        d.rule_override.as_deref(),
        Some("Үйі су басқан, көмірі суланды")
    );

    // Another family, or another aid type, is not affected.
    let other = family_of(&mut db, "Сейітова");
    aid::record(&mut db, &given(&other, &coal, "20.02.2026", "1")).unwrap();
    let firewood = aid_id(&db, "firewood");
    aid::record(&mut db, &given(&f, &firewood, "20.02.2026", "3")).unwrap();
    // The next season starts on 1 July.
    aid::record(&mut db, &given(&f, &coal, "01.07.2026", "2")).unwrap();
}

#[test]
fn planned_aid_counts_for_the_rule_and_cancelled_aid_does_not() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family_of(&mut db, "Оспанова");
    let basket = aid_id(&db, "food-basket");
    let next_week = date::display(today().checked_add_days(Days::new(7)).unwrap());
    let mut plan = given(&f, &basket, &next_week, "1");
    plan.delivered = false;
    let planned = aid::record(&mut db, &plan).unwrap();
    assert_eq!(planned.status, DeliveryStatus::Planned);
    assert_eq!(planned.value, 20_000);

    let now = given(&f, &basket, &days_ago(0), "1");
    let p = aid::record(&mut db, &now).unwrap_err();
    assert_eq!(p.fields[0].code, ErrorCode::AidTooSoon);
    assert_eq!(p.fields[0].params["status"], "planned");

    let cancelled = aid::cancel(&mut db, &planned.id, "Отбасы көшіп кетті").unwrap();
    assert_eq!(cancelled.status, DeliveryStatus::Cancelled);
    assert_eq!(
        cancelled.cancel_reason.as_deref(),
        Some("Отбасы көшіп кетті")
    );
    aid::record(&mut db, &now).unwrap();
    // 31 days earlier is outside the 30-day interval.
    aid::record(&mut db, &given(&f, &basket, &days_ago(31), "1")).unwrap();

    let again = aid::cancel(&mut db, &planned.id, "тағы").unwrap_err();
    assert_eq!(again.code, ErrorCode::DeliveryWrongStatus);
    assert_eq!(
        field_codes(&aid::cancel(&mut db, &planned.id, "  ").unwrap_err()),
        vec![("reason".into(), ErrorCode::Required)]
    );
}

#[test]
fn planned_aid_is_delivered_with_its_receipt() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family_of(&mut db, "Оспанова");
    let mut plan = given(&f, &aid_id(&db, "hygiene"), &days_ago(0), "1");
    plan.delivered = false;
    let planned = aid::record(&mut db, &plan).unwrap();
    let tomorrow = date::display(today().checked_add_days(Days::new(1)).unwrap());
    let future = aid::deliver(&mut db, &planned.id, Some(&tomorrow), true).unwrap_err();
    assert_eq!(
        field_codes(&future),
        vec![("on_date".into(), ErrorCode::DateInFuture)]
    );
    let d = aid::deliver(&mut db, &planned.id, Some(&days_ago(0)), true).unwrap();
    assert_eq!(d.status, DeliveryStatus::Delivered);
    assert!(d.receipt_signed);
    assert_eq!(
        aid::deliver(&mut db, &planned.id, None, true)
            .unwrap_err()
            .code,
        ErrorCode::DeliveryWrongStatus
    );
    let actions: Vec<_> = audit::for_family(db.conn(), &f)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        &actions[..2],
        &[AuditAction::AidDelivered, AuditAction::AidPlanned]
    );
}

#[test]
fn wrong_input_is_refused_field_by_field_and_nothing_is_written() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family_of(&mut db, "Оспанова");
    // A gas connection has no price per unit: its value must be typed.
    let gas = aid_id(&db, "gas-connection");
    let mut input = given(&f, &gas, "31.02.2026", "бір");
    input.notes = Some("x".repeat(2_001));
    let p = aid::record(&mut db, &input).unwrap_err();
    assert_eq!(
        field_codes(&p),
        vec![
            ("on_date".into(), ErrorCode::InvalidDate),
            ("quantity".into(), ErrorCode::QuantityInvalid),
            ("value".into(), ErrorCode::Required),
            ("notes".into(), ErrorCode::TooLong),
        ]
    );
    // Handed over next month: not yet (a year like 2099 is refused as a typo instead).
    let next_month = date::display(today().checked_add_days(Days::new(30)).unwrap());
    let mut future = given(&f, &gas, &next_month, "1");
    future.value = Some("350 000".into());
    assert_eq!(
        field_codes(&aid::record(&mut db, &future).unwrap_err()),
        vec![("on_date".into(), ErrorCode::DateInFuture)]
    );
    assert!(aid::for_family(db.conn(), &f).unwrap().is_empty());
    future.delivered = false;
    assert_eq!(aid::record(&mut db, &future).unwrap().value, 350_000);
}

#[test]
fn merged_families_keep_all_aid_and_destroyed_ones_keep_only_figures() {
    let mut db = Database::open_in_memory().unwrap();
    let keep = family_of(&mut db, "Оспанова");
    let absorb = family_of(&mut db, "Оспанова");
    let coal = aid_id(&db, "coal");
    let mut d = given(&absorb, &coal, &days_ago(5), "2");
    d.notes = Some("Көршісі Әлия апай қабылдады".into());
    aid::record(&mut db, &d).unwrap();
    let clothes = aid_id(&db, "clothes");
    aid::record(&mut db, &given(&keep, &clothes, &days_ago(2), "1")).unwrap();

    family::merge(&mut db, &keep, &absorb).unwrap();
    let history = aid::for_family(db.conn(), &keep).unwrap();
    assert_eq!(history.len(), 2);
    assert!(aid::for_family(db.conn(), &absorb).unwrap().is_empty());

    let registry_no = family::get(db.conn(), &keep).unwrap().registry_no;
    family::destroy(&mut db, &keep, registry_no).unwrap();
    let kept = aid::for_family(db.conn(), &keep).unwrap();
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|d| d.notes.is_none()));
    assert_eq!(kept.iter().map(|d| d.value).sum::<u32>(), 60_000 + 15_000);
    // No aid is recorded for a family whose data are gone.
    let refused = aid::record(&mut db, &given(&keep, &coal, &days_ago(0), "1")).unwrap_err();
    assert_eq!(refused.code, ErrorCode::FamilyDestroyed);
}

#[test]
fn the_office_edits_the_catalogue() {
    let mut db = Database::open_in_memory().unwrap();
    let seeded = aid::types::list(db.conn()).unwrap();
    assert_eq!(seeded.len(), 12);
    let input = AidTypeInput {
        name_kk: "Жанармай".into(),
        name_ru: "Топливо".into(),
        unit: AidUnit::Kg,
        unit_value: Some("350 ₸".into()),
        rule: RuleKind::Days,
        rule_days: Some("0".into()),
    };
    let p = aid::types::add(&mut db, &input).unwrap_err();
    assert_eq!(
        field_codes(&p),
        vec![("rule_days".into(), ErrorCode::DaysInvalid)]
    );
    let fuel = aid::types::add(
        &mut db,
        &AidTypeInput {
            rule_days: Some("90".into()),
            ..input.clone()
        },
    )
    .unwrap();
    assert_eq!(fuel.unit_value, Some(350));
    assert_eq!(fuel.rule_days, Some(90));

    let dup = aid::types::add(
        &mut db,
        &AidTypeInput {
            name_kk: "КӨМІР".into(),
            name_ru: "Уголь каменный".into(),
            rule_days: Some("90".into()),
            ..input.clone()
        },
    )
    .unwrap_err();
    assert_eq!(
        field_codes(&dup),
        vec![("name_kk".into(), ErrorCode::AidTypeExists)]
    );

    let cheaper = aid::types::update(
        &mut db,
        &fuel.id,
        &AidTypeInput {
            unit_value: Some("300".into()),
            rule: RuleKind::None,
            rule_days: Some("90".into()),
            ..input
        },
    )
    .unwrap();
    assert_eq!(cheaper.unit_value, Some(300));
    assert_eq!(
        cheaper.rule_days, None,
        "days only mean something for a day rule"
    );
    aid::types::set_active(&mut db, &fuel.id, false).unwrap();
    assert!(!aid::types::get(db.conn(), &fuel.id).unwrap().active);
}

/// A planned delivery in year 1000 or 9999 once made every XLSX export fail later; it is
/// refused where it is typed, naming the years allowed.
#[test]
fn a_delivery_date_far_outside_the_years_is_refused_at_the_door() {
    let mut db = Database::open_in_memory().unwrap();
    let f = family_of(&mut db, "Сапарова");
    let basket = aid_id(&db, "food-basket");
    let last = chrono::Datelike::year(&today()) + 20;
    for on in [
        "01.01.1000",
        "31.12.9999",
        "31.12.1899",
        &format!("01.01.{}", last + 1),
    ] {
        let mut planned = given(&f, &basket, on, "1");
        planned.delivered = false;
        let p = aid::record(&mut db, &planned).unwrap_err();
        assert_eq!(
            field_codes(&p),
            [("on_date".to_owned(), ErrorCode::DateOutOfRange)],
            "{on}"
        );
        let range = &p.fields[0].params;
        assert_eq!(
            (range["from"].as_str(), range["to"].clone()),
            ("1900", last.to_string())
        );
    }
    let mut planned = given(&f, &basket, &format!("01.01.{last}"), "1");
    planned.delivered = false;
    aid::record(&mut db, &planned).unwrap();
}
