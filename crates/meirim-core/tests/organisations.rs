//! Organisations and funding sources through the public API: BIN checks, one BIN per
//! organisation, a grant's budget against what was spent from it.

#![allow(clippy::unwrap_used)]

use meirim_core::aid::{self, DeliveryInput};
use meirim_core::family::{self, ConsentStatus, FamilyInput, MemberInput};
use meirim_core::funding::{self, FundingSourceInput, SourceKind};
use meirim_core::iin::check_digit;
use meirim_core::organisations::{self, OrganisationInput, OrganisationKind};
use meirim_core::volunteers::{self, VolunteerInput};
use meirim_core::{Database, ErrorCode};

fn bin() -> String {
    (0..100)
        .find_map(|n| {
            let first = format!("1204400{n:04}");
            let d: Vec<u32> = first.bytes().map(|b| u32::from(b - b'0')).collect();
            check_digit(&d).map(|c| format!("{first}{c}"))
        })
        .unwrap()
}

fn ngo(name: &str, bin: Option<String>) -> OrganisationInput {
    OrganisationInput {
        kind: OrganisationKind::Ngo,
        name_kk: name.into(),
        name_ru: None,
        bin,
        contact_person: Some("Әлия Серікқызы".into()),
        phone: Some("8 705 123 45 67".into()),
        notes: None,
    }
}

#[test]
fn organisations_are_checked_and_volunteers_belong_to_them() {
    let mut db = Database::open_in_memory().unwrap();
    let bad = organisations::create(&mut db, &ngo("", Some("123".into()))).unwrap_err();
    let got: Vec<_> = bad
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        got,
        vec![
            ("name_kk", ErrorCode::Required),
            ("bin", ErrorCode::BinInvalid)
        ]
    );
    assert_eq!(bad.fields[1].params["reason"], "length");

    let o =
        organisations::create(&mut db, &ngo("«Жанашыр» қоғамдық бірлестігі", Some(bin()))).unwrap();
    assert_eq!(
        o.name_ru, "«Жанашыр» қоғамдық бірлестігі",
        "one name serves both languages"
    );
    assert_eq!(o.phone.as_deref(), Some("+77051234567"));
    let twin = organisations::create(&mut db, &ngo("Басқа", Some(bin()))).unwrap_err();
    assert_eq!(twin.fields[0].code, ErrorCode::BinTaken);

    volunteers::create(
        &mut db,
        &VolunteerInput {
            surname: "Ахметов".into(),
            name: "Ерлан".into(),
            organisation_id: Some(o.id.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(organisations::get(db.conn(), &o.id).unwrap().volunteers, 1);
    let renamed = organisations::update(
        &mut db,
        &o.id,
        &OrganisationInput {
            name_ru: Some("ОО «Жанашыр»".into()),
            ..ngo("«Жанашыр» қоғамдық бірлестігі", Some(bin()))
        },
    )
    .unwrap();
    assert_eq!(renamed.name_ru, "ОО «Жанашыр»");
}

#[test]
fn a_grant_shows_what_was_spent_against_its_budget() {
    let mut db = Database::open_in_memory().unwrap();
    let grant = funding::create(
        &mut db,
        &FundingSourceInput {
            kind: SourceKind::Grant,
            name_kk: "Шағын гранттар 2026".into(),
            name_ru: "Малые гранты 2026".into(),
            organisation_id: None,
            budget: Some("4 500 000 ₸".into()),
        },
    )
    .unwrap();
    assert_eq!(grant.budget, Some(4_500_000.0));
    assert_eq!(grant.spent, 0.0);
    let f = family::create(
        &mut db,
        &FamilyInput {
            members: vec![MemberInput {
                is_head: true,
                surname: "Оспанова".into(),
                name: "Гүлнар".into(),
                ..Default::default()
            }],
            consent: family::ConsentInput {
                status: ConsentStatus::Pending,
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .unwrap();
    let cash = aid::types::find(db.conn(), "cash").unwrap().unwrap().id;
    aid::record(
        &mut db,
        &DeliveryInput {
            family_id: f.id.clone(),
            aid_type_id: cash,
            funding_source_id: Some(grant.id.clone()),
            quantity: Some("300 000".into()),
            delivered: true,
            ..Default::default()
        },
    )
    .unwrap();
    let now = funding::list(db.conn())
        .unwrap()
        .into_iter()
        .find(|s| s.id == grant.id)
        .unwrap();
    assert_eq!(now.spent, 300_000.0);

    let bad = funding::update(
        &mut db,
        &grant.id,
        &FundingSourceInput {
            kind: SourceKind::Grant,
            name_kk: "Шағын гранттар 2026".into(),
            name_ru: String::new(),
            organisation_id: None,
            budget: Some("көп".into()),
        },
    )
    .unwrap_err();
    let got: Vec<_> = bad
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        got,
        vec![
            ("name_ru", ErrorCode::Required),
            ("budget", ErrorCode::AmountInvalid)
        ]
    );
}
