#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::completeness::Standing;
use super::doubles;
use super::key::{self, DistrictKey};
use super::office::{self, Level, OfficeInput};
use super::package::{self, Package, PackageError, Parts};
use super::receive::{self, Verdict};
use super::{completeness, consolidate};
use crate::aid::{self, DeliveryInput};
use crate::family::{self, ConsentStatus, FamilyInput, MemberInput};
use crate::person::Sex;
use crate::reports::{self, Period, Preset, Scope};
use crate::{clock, demo, Database, ErrorCode};

const DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn period() -> Period {
    Period::containing(
        Preset::Quarter,
        NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
    )
}

fn input(kk: &str, ru: &str, level: Level, kato: &str) -> OfficeInput {
    OfficeInput {
        name_kk: kk.into(),
        name_ru: ru.into(),
        level,
        kato: Some(kato.into()),
    }
}

fn village(seed: u64, kk: &str, kato: &str) -> Database {
    let _pin = clock::pin_seeded(DAY, seed);
    let mut db = Database::open_in_memory().unwrap();
    demo::fill(&mut db, 120, seed, DAY).unwrap();
    demo::aid::fill(&mut db, 900, seed, DAY).unwrap();
    office::set_own(db.conn(), &input(kk, kk, Level::Okrug, kato)).unwrap();
    db
}

fn district(seed: u64) -> Database {
    let _pin = clock::pin_seeded(DAY, seed);
    let db = Database::open_in_memory().unwrap();
    office::set_own(
        db.conn(),
        &input(
            "Сайрам ауданы",
            "Сайрамский район",
            Level::District,
            "515200000",
        ),
    )
    .unwrap();
    db
}

fn send(db: &Database, made_at: &str) -> (Package, Parts) {
    let draft = package::draft(db.conn(), period()).unwrap();
    Package::seal(draft, b"%PDF-1.7 test".to_vec(), made_at.into()).unwrap()
}

/// A valid IIN (check digit included) of a woman born 05.07.1988.
fn iin(serial: u32) -> String {
    crate::iin::synthesize(
        NaiveDate::from_ymd_opt(1988, 7, 5).unwrap(),
        Sex::Female,
        serial,
    )
    .unwrap()
    .as_str()
    .to_owned()
}

fn arrive(parts: Parts) -> Package {
    Package::from_parts(parts).unwrap()
}

/// A family with this head IIN, helped with a food basket on 10.09.2026.
fn helped(db: &mut Database, iin: &str) -> String {
    let _pin = clock::pin(DAY);
    let f = family::create(
        db,
        &FamilyInput {
            members: vec![MemberInput {
                is_head: true,
                surname: "Екеуова".into(),
                name: "Сәуле".into(),
                iin: Some(iin.into()),
                ..Default::default()
            }],
            consent: family::ConsentInput {
                status: ConsentStatus::Pending,
                ..Default::default()
            },
            accept_duplicates: true,
            ..Default::default()
        },
    )
    .unwrap();
    let food = aid::types::find(db.conn(), "food-basket")
        .unwrap()
        .unwrap()
        .id;
    aid::record(
        db,
        &DeliveryInput {
            family_id: f.id.clone(),
            aid_type_id: food,
            on_date: Some("10.09.2026".into()),
            quantity: Some("1".into()),
            delivered: true,
            ..Default::default()
        },
    )
    .unwrap();
    f.id
}

#[test]
fn the_own_office_exists_from_the_start_and_its_identity_is_checked() {
    let db = Database::open_in_memory().unwrap();
    let me = office::own(db.conn()).unwrap();
    assert_eq!(me.level, Level::Okrug);
    assert_eq!(me.id.len(), 36);
    let bad = office::set_own(db.conn(), &input("Ақсу", "", Level::Okrug, "12-34")).unwrap_err();
    let codes: Vec<_> = bad
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("name_ru", ErrorCode::Required),
            ("kato", ErrorCode::KatoInvalid)
        ]
    );
    let set = office::set_own(
        db.conn(),
        &input("Ақсу а/о", "с/о Аксу", Level::District, "515230100"),
    )
    .unwrap();
    assert_eq!((set.id, set.level), (me.id, Level::District));
}

#[test]
fn a_package_reads_back_whole_and_a_changed_foreign_or_newer_one_is_refused() {
    let mut v = village(1, "Ақсу ауылдық округі", "515230100");
    let d = district(9);
    key::accept_card(
        v.conn(),
        &serde_json::to_vec(&key::key_card(d.conn()).unwrap()).unwrap(),
    )
    .unwrap();
    helped(&mut v, &iin(157));
    let (sent, parts) = send(&v, "2026-10-02T08:00:00.000Z");
    assert!(sent.families.len() > 10, "{}", sent.families.len());
    assert!(sent.manifest.key_id.is_some());
    let got = arrive(parts.clone());
    assert_eq!(got.report, sent.report);
    assert_eq!(got.families, sent.families);
    // No IIN, no name travels: only the hashes.
    let text = String::from_utf8_lossy(&parts.families).to_string()
        + &String::from_utf8_lossy(&parts.report);
    assert!(!text.contains(&iin(157)));
    assert!(!text.contains("Екеуова"));

    let mut changed = parts.clone();
    let at = changed.report.len() / 2;
    changed.report[at] ^= 1;
    assert_eq!(
        Package::from_parts(changed).unwrap_err(),
        PackageError::Damaged("content_sha256")
    );
    let mut foreign = parts.clone();
    foreign.manifest = br#"{"kind":"something-else","schema":1}"#.to_vec();
    assert_eq!(
        Package::from_parts(foreign).unwrap_err(),
        PackageError::NotMeirim
    );
    let mut newer = parts.clone();
    let mut m: serde_json::Value = serde_json::from_slice(&parts.manifest).unwrap();
    m["schema"] = 2.into();
    newer.manifest = serde_json::to_vec(&m).unwrap();
    assert_eq!(
        Package::from_parts(newer).unwrap_err(),
        PackageError::NewerSchema(2)
    );
    // A family list that does not match the manifest's count, with its hash made to fit.
    let mut forged = parts;
    forged.families = b"[]".to_vec();
    m["schema"] = 1.into();
    m["content_sha256"] =
        package::content_sha256(&forged.report, &forged.families, &forged.pdf).into();
    forged.manifest = serde_json::to_vec(&m).unwrap();
    assert_eq!(
        Package::from_parts(forged).unwrap_err(),
        PackageError::Damaged("families")
    );
}

#[test]
fn a_district_rolls_up_three_villages_sees_the_missing_one_and_the_family_two_helped() {
    let mut d = district(9);
    let card = serde_json::to_vec(&key::key_card(d.conn()).unwrap()).unwrap();
    let mut villages = [
        village(1, "Ақсу ауылдық округі", "515230100"),
        village(2, "Қарабұлақ ауылдық округі", "515230200"),
        village(3, "Манкент ауылдық округі", "515230300"),
    ];
    for v in &villages {
        let state = key::accept_card(v.conn(), &card).unwrap();
        assert_eq!(state.parent.unwrap().id, office::own(d.conn()).unwrap().id);
    }
    let shared = iin(157);
    let shared = shared.as_str();
    let in_first = helped(&mut villages[0], shared);
    let in_second = helped(&mut villages[1], shared);
    // A fourth office the district awaits, added by hand: it never sends.
    office::add_expected(
        d.conn(),
        &input(
            "Жібек жолы а/о",
            "с/о Жибек жолы",
            Level::Okrug,
            "515230400",
        ),
    )
    .unwrap();

    // The first village sends twice: the second package replaces the first.
    let (_, early) = send(&villages[0], "2026-10-02T08:00:00.000Z");
    let first = arrive(early);
    helped(&mut villages[0], &iin(11));
    // The third village's first try, made before the package it sends (read later).
    let superseded = package::draft(villages[2].conn(), period()).unwrap();
    let mut files = vec![first.clone()];
    for (i, v) in villages.iter().enumerate() {
        let (_, parts) = send(v, &format!("2026-10-0{}T09:00:00.000Z", 3 + i));
        files.push(arrive(parts));
    }
    // An office the district does not know yet is read only when the user says so.
    let unknown = receive::accept(&mut d, &files[0], "a.meirim-report", false).unwrap_err();
    assert_eq!(unknown.code, ErrorCode::PackageUnknownOffice);
    for (i, p) in files.iter().enumerate() {
        receive::accept(&mut d, p, &format!("{i}.meirim-report"), true).unwrap();
    }
    // Read again: nothing changes.
    assert_eq!(
        receive::preview(d.conn(), &files[1]).unwrap().verdict,
        Verdict::AlreadyRead
    );
    // The early package, read again after the later one, would go to history only.
    let again = receive::preview(d.conn(), &first).unwrap();
    assert_eq!(again.verdict, Verdict::AlreadyRead);
    // A package made before the one held, read after it, goes to history.
    // (Its PDF differs: printed on another day.) The office's count tells it is the older,
    // even though its computer's clock said a later time.
    let pdf = b"%PDF-1.7 printed on 01.10.2026".to_vec();
    let (_, older) = Package::seal(superseded, pdf, "2026-10-09T09:00:00.000Z".into()).unwrap();
    let older = arrive(older);
    assert_eq!(
        receive::accept(&mut d, &older, "old.meirim-report", false)
            .unwrap()
            .verdict,
        Verdict::Older {
            current_made_at: "2026-10-05T09:00:00.000Z".into()
        }
    );

    let c = completeness::table(d.conn(), period()).unwrap();
    let standing: Vec<_> = c
        .rows
        .iter()
        .map(|r| (r.office.office.names.kk.as_str(), r.standing, r.versions))
        .collect();
    assert_eq!(
        standing,
        [
            ("Жібек жолы а/о", Standing::Missing, 0),
            ("Ақсу ауылдық округі", Standing::OnTime, 2),
            ("Қарабұлақ ауылдық округі", Standing::OnTime, 1),
            ("Манкент ауылдық округі", Standing::OnTime, 2),
        ]
    );
    assert_eq!((c.expected, c.sent), (4, 3));

    // The totals are the sums of the three villages' own reports, computed separately.
    let total = consolidate::build(d.conn(), period()).unwrap();
    assert_eq!(total.offices.len(), 3);
    let own: Vec<_> = villages
        .iter()
        .map(|v| reports::build(v.conn(), period(), &Scope::default()).unwrap())
        .collect();
    for s in &own[0].sections {
        for l in &s.lines {
            if matches!(l.label, reports::Label::Text(_)) {
                continue;
            }
            let expected: i64 = own
                .iter()
                .filter_map(|r| {
                    r.section(&s.id)?
                        .lines
                        .iter()
                        .find(|x| x.key == l.key)
                        .map(|x| x.now[0])
                })
                .sum();
            let got = total.total.section(&s.id).unwrap();
            let got = got
                .lines
                .iter()
                .find(|x| x.key == l.key)
                .unwrap_or_else(|| panic!("{} / {} / {:?}", s.id, l.key, l.label))
                .now[0];
            assert_eq!(got, expected, "{} / {}", s.id, l.key);
        }
    }
    let families: i64 = own
        .iter()
        .map(|r| r.value("summary", "families-helped").unwrap())
        .sum();
    assert_eq!(
        total.total.value("summary", "families-helped"),
        Some(families)
    );

    // The family two villages both helped: one double, found by both.
    let found = doubles::find(d.conn(), period()).unwrap();
    assert_eq!(found.doubles.len(), 1, "{:?}", found.doubles);
    assert!(found.unchecked.is_empty());
    let names: Vec<_> = found.doubles[0]
        .offices
        .iter()
        .map(|o| o.office.names.kk.as_str())
        .collect();
    assert_eq!(names, ["Ақсу ауылдық округі", "Қарабұлақ ауылдық округі"]);
    let answer = serde_json::to_vec(&doubles::answer(d.conn(), period()).unwrap()).unwrap();
    assert!(!String::from_utf8_lossy(&answer).contains(shared));
    let a = doubles::read_answer(villages[0].conn(), &answer).unwrap();
    assert_eq!(a.doubles.len(), 1);
    assert_eq!(a.doubles[0].family_id, in_first);
    assert_eq!(
        a.doubles[0].others[0].office.names.kk,
        "Қарабұлақ ауылдық округі"
    );
    assert_eq!(a.doubles[0].others[0].aid[0].deliveries, 1);
    let b = doubles::read_answer(villages[1].conn(), &answer).unwrap();
    assert_eq!(b.doubles[0].family_id, in_second);
    assert!(doubles::read_answer(villages[2].conn(), &answer)
        .unwrap()
        .doubles
        .is_empty());

    // The district's package upward carries the total and the families once each.
    let up = consolidate::upward_draft(d.conn(), period()).unwrap();
    assert_eq!(
        up.report.value("summary", "families-helped"),
        Some(families)
    );
    let sent: usize = files[1..].iter().map(|p| p.families.len()).sum();
    assert_eq!(up.families.len(), sent - 1);
}

#[test]
fn packages_a_registry_must_not_read_are_refused_with_the_reason() {
    let v = village(1, "Ақсу ауылдық округі", "515230100");
    let other = village(2, "Қарабұлақ ауылдық округі", "515230200");
    let (_, parts) = send(&v, "2026-10-02T08:00:00.000Z");
    let p = arrive(parts);
    // A village office does not read packages.
    assert_eq!(
        receive::preview(other.conn(), &p).unwrap_err().code,
        ErrorCode::PackageWrongLevel
    );
    // One sent to another district.
    let mut d = district(9);
    let elsewhere = district(10);
    key::accept_card(
        v.conn(),
        &serde_json::to_vec(&key::key_card(elsewhere.conn()).unwrap()).unwrap(),
    )
    .unwrap();
    let (_, parts) = send(&v, "2026-10-02T08:00:00.000Z");
    assert_eq!(
        receive::accept(&mut d, &arrive(parts), "x", true)
            .unwrap_err()
            .code,
        ErrorCode::PackageOtherDistrict
    );
    // Its hashes were made with another key: read, but not compared.
    let preview = receive::preview(elsewhere.conn(), &p).unwrap();
    assert_eq!(preview.key_matches, None);
    assert!(DistrictKey::parse("not a key").is_err());
}

#[test]
fn every_figure_of_the_total_is_the_sum_of_its_offices_column() {
    let mut d = district(9);
    for (seed, name, kato) in [(1, "Ақсу", "515230100"), (2, "Манкент", "515230300")] {
        let v = village(seed, name, kato);
        let (_, parts) = send(&v, "2026-10-02T08:00:00.000Z");
        receive::accept(&mut d, &arrive(parts), "x", true).unwrap();
    }
    let c = consolidate::build(d.conn(), period()).unwrap();
    let rows = c.by_office();
    assert!(rows.len() > 40, "{}", rows.len());
    for r in &rows {
        assert_eq!(r.offices.len(), 2);
        assert_eq!(r.total, r.offices.iter().sum::<i64>(), "{r:?}");
    }
}
