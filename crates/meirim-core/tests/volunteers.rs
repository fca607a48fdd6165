//! Volunteers through the public API: registration with the age limits of the volunteer
//! law, civil servants, logged hours and their totals on the volunteer and the campaign.

#![allow(clippy::unwrap_used)]

use chrono::{Datelike, NaiveDate};
use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;
use meirim_core::volunteers::{self, ActivityInput, ActivityKind, VolunteerInput};
use meirim_core::{Database, ErrorCode};

fn born_years_ago(years: i32) -> String {
    let today = meirim_core::clock::today();
    NaiveDate::from_ymd_opt(today.year() - years, 1, 1)
        .unwrap()
        .format("%d.%m.%Y")
        .to_string()
}

fn person(surname: &str, years: i32) -> VolunteerInput {
    VolunteerInput {
        surname: surname.into(),
        name: "Айдана".into(),
        birth_date: Some(born_years_ago(years)),
        sex: Some(Sex::Female),
        ..Default::default()
    }
}

fn codes(p: &meirim_core::Problem) -> Vec<(String, ErrorCode)> {
    p.fields.iter().map(|f| (f.field.clone(), f.code)).collect()
}

#[test]
fn a_civil_servant_volunteer_logs_hours_that_add_up_on_the_campaign() {
    let mut db = Database::open_in_memory().unwrap();
    let iin = synthesize(NaiveDate::from_ymd_opt(1990, 5, 4).unwrap(), Sex::Male, 3)
        .or_else(|| synthesize(NaiveDate::from_ymd_opt(1990, 5, 4).unwrap(), Sex::Male, 4))
        .unwrap();
    let mut input = VolunteerInput {
        surname: "Серіков".into(),
        name: "Дәурен".into(),
        birth_date: Some("04.05.1990".into()),
        sex: Some(Sex::Male),
        iin: Some(iin.as_str().into()),
        phone: Some("8 701 111 22 33".into()),
        civil_servant: true,
        ..Default::default()
    };
    let p = volunteers::create(&mut db, &input).unwrap_err();
    assert_eq!(codes(&p), vec![("agency".into(), ErrorCode::Required)]);
    input.agency = Some("Аудан әкімдігі".into());
    input.position = Some("бас маман".into());
    let v = volunteers::create(&mut db, &input).unwrap();
    assert_eq!(v.phone.as_deref(), Some("+77011112233"));
    assert!(v.age.unwrap() >= 35);

    let twin = volunteers::create(
        &mut db,
        &VolunteerInput {
            surname: "Басқа".into(),
            ..input.clone()
        },
    )
    .unwrap_err();
    assert_eq!(
        codes(&twin),
        vec![("iin".into(), ErrorCode::VolunteerIinTaken)]
    );

    let c = campaigns::create(
        &mut db,
        &CampaignInput {
            name: "Көктемгі сенбілік".into(),
            name_ru: None,
            kind: CampaignKind::Cleanup,
            starts_on: None,
            ends_on: None,
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap();
    for (kind, hours) in [
        (ActivityKind::TreePlanting, "2,5"),
        (ActivityKind::Cleaning, "3"),
    ] {
        volunteers::activities::log(
            &mut db,
            &ActivityInput {
                volunteer_id: v.id.clone(),
                on_date: Some("18.04.2026".into()),
                campaign_id: Some(c.id.clone()),
                kind: Some(kind),
                hours: hours.into(),
                notes: None,
            },
        )
        .unwrap();
    }
    let v = volunteers::get(db.conn(), &v.id).unwrap();
    assert_eq!((v.activities, v.minutes), (2, 330));
    let s = campaigns::summary(db.conn(), &c.id).unwrap();
    assert_eq!((s.volunteers, s.minutes), (1, 330.0));
    let logged = volunteers::activities::list(db.conn(), None, Some(&c.id)).unwrap();
    assert_eq!(logged.len(), 2);
    assert_eq!(logged[0].volunteer_name, "Серіков Дәурен");

    let bad = volunteers::activities::log(
        &mut db,
        &ActivityInput {
            volunteer_id: v.id.clone(),
            // Next month: not yet (2099 would be refused as a typo instead).
            on_date: Some(meirim_core::date::display(
                meirim_core::clock::today()
                    .checked_add_days(chrono::Days::new(30))
                    .unwrap(),
            )),
            kind: None,
            hours: "25".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        codes(&bad),
        vec![
            ("on_date".into(), ErrorCode::DateInFuture),
            ("kind".into(), ErrorCode::Required),
            ("hours".into(), ErrorCode::HoursInvalid),
        ]
    );
}

#[test]
fn the_volunteer_law_limits_by_age() {
    let mut db = Database::open_in_memory().unwrap();
    let child = person("Әлиева", 12);
    let p = volunteers::create(&mut db, &child).unwrap_err();
    assert_eq!(
        codes(&p),
        vec![("parental_consent".into(), ErrorCode::VolunteerNeedsConsent)]
    );
    assert_eq!(p.fields[0].params["age"], "12");
    let with_consent = volunteers::create(
        &mut db,
        &VolunteerInput {
            parental_consent: true,
            ..child
        },
    )
    .unwrap();
    assert!(with_consent.parental_consent);

    let teen = volunteers::create(&mut db, &person("Бекова", 17)).unwrap();
    let blood = volunteers::activities::log(
        &mut db,
        &ActivityInput {
            volunteer_id: teen.id.clone(),
            kind: Some(ActivityKind::BloodDonation),
            hours: "1".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        codes(&blood),
        vec![("kind".into(), ErrorCode::VolunteerTooYoung)]
    );
    let adult = volunteers::create(&mut db, &person("Жанова", 30)).unwrap();
    volunteers::activities::log(
        &mut db,
        &ActivityInput {
            volunteer_id: adult.id.clone(),
            kind: Some(ActivityKind::BloodDonation),
            hours: "1".into(),
            ..Default::default()
        },
    )
    .unwrap();

    let found = volunteers::list(db.conn(), "zhan").unwrap();
    assert_eq!(found.len(), 1, "Latin spelling finds Жанова");
    assert_eq!(volunteers::list(db.conn(), "").unwrap().len(), 3);
}
