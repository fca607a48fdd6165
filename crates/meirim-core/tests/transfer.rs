//! A family moving between two registries: sent with its aid and history and archived at
//! the sender; received whole; refused when it is already registered at the receiver
//! unless its history is added to that family; the file useless without its passphrase.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use meirim_core::aid::{self, DeliveryInput};
use meirim_core::audit::{self, AuditAction};
use meirim_core::family::{self, ConsentStatus, FamilyInput, FamilyStatus, MemberInput};
use meirim_core::person::Sex;
use meirim_core::transfer::{file, receive, send};
use meirim_core::{clock, Database, ErrorCode};

const DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 20) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn iin(serial: u32) -> String {
    meirim_core::iin::synthesize(
        NaiveDate::from_ymd_opt(1979, 3, 8).unwrap(),
        Sex::Female,
        serial,
    )
    .unwrap()
    .as_str()
    .to_owned()
}

fn family_with_aid(db: &mut Database) -> String {
    let f = family::create(
        db,
        &FamilyInput {
            members: vec![
                MemberInput {
                    is_head: true,
                    surname: "Көшпенова".into(),
                    name: "Әлия".into(),
                    iin: Some(iin(11)),
                    ..Default::default()
                },
                MemberInput {
                    surname: "Көшпенов".into(),
                    name: "Нұрлан".into(),
                    relation: Some(family::Relation::Spouse),
                    iin: Some(iin(22)),
                    ..Default::default()
                },
            ],
            phone: Some("+7 701 234 5678".into()),
            consent: family::ConsentInput {
                status: ConsentStatus::Pending,
                ..Default::default()
            },
            accept_duplicates: true,
            ..Default::default()
        },
    )
    .unwrap();
    for (code, on) in [("coal", "10.10.2026"), ("food-basket", "01.11.2026")] {
        let t = aid::types::find(db.conn(), code).unwrap().unwrap().id;
        aid::record(
            db,
            &DeliveryInput {
                family_id: f.id.clone(),
                aid_type_id: t,
                on_date: Some(on.into()),
                quantity: Some("2".into()),
                delivered: true,
                ..Default::default()
            },
        )
        .unwrap();
    }
    f.id
}

#[test]
fn a_family_moves_with_its_aid_and_history_and_is_archived_where_it_left() {
    let _day = clock::pin(DAY);
    let mut here = Database::open_in_memory().unwrap();
    let mut there = Database::open_in_memory().unwrap();
    let id = family_with_aid(&mut here);

    let t = send::gather(here.conn(), &id, "Түркістанға көшті").unwrap();
    let bytes = file::seal(&t, "көктем-2026-жыл").unwrap();
    // Nothing readable without the passphrase: no name, no IIN.
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("Көшпенова") && !text.contains(&iin(11)));
    assert_eq!(
        file::open(&bytes, "wrong passphrase").unwrap_err().code,
        ErrorCode::BackupWrongPassphrase
    );
    let name = send::file_name(&t);
    assert!(name.starts_with("family-1-2026-11-20"), "{name}");
    let sent = send::mark_sent(&mut here, &id, "Түркістанға көшті", &name).unwrap();
    assert_eq!(sent.status, FamilyStatus::Archived);
    let log = audit::for_family(here.conn(), &id).unwrap();
    assert_eq!(log[0].action, AuditAction::TransferredOut);

    let arriving = file::open(&bytes, "көктем-2026-жыл").unwrap();
    let seen = receive::preview(there.conn(), &arriving).unwrap();
    assert_eq!((seen.members, seen.deliveries), (2, 2));
    assert_eq!(seen.head, "Көшпенова Әлия");
    assert!(seen.matches.is_empty());
    let new_id = receive::accept(&mut there, &arriving, None).unwrap();
    let f = family::get(there.conn(), &new_id).unwrap();
    assert_eq!(f.members.len(), 2);
    assert_eq!(f.members[1].iin.as_deref(), Some(iin(22).as_str()));
    assert_eq!(f.status, FamilyStatus::Active);
    let aid_there = aid::for_family(there.conn(), &new_id).unwrap();
    let aid_here = aid::for_family(here.conn(), &id).unwrap();
    let brief = |d: &[aid::Delivery]| {
        d.iter()
            .map(|x| (x.aid_type_id.clone(), x.on_date, x.quantity_milli, x.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(brief(&aid_there), brief(&aid_here));
    // The history came along, each entry naming the office it was made in, then the
    // arrival itself.
    let history = audit::for_family(there.conn(), &new_id).unwrap();
    assert_eq!(history[0].action, AuditAction::TransferredIn);
    assert!(history
        .iter()
        .any(|e| e.action == AuditAction::AidDelivered && e.operator.contains('(')));
    assert!(history
        .iter()
        .any(|e| e.action == AuditAction::Create && e.operator.contains('(')));

    // The same file again: the family is there now, so nothing is written unless its
    // history goes to that family.
    let again = receive::accept(&mut there, &arriving, None).unwrap_err();
    assert_eq!(again.code, ErrorCode::TransferAlreadyHere);
    let seen = receive::preview(there.conn(), &arriving).unwrap();
    assert_eq!(seen.matches.len(), 1);
    assert_eq!(seen.matches[0].shared_iins, 2);
    let wrong = receive::accept(&mut there, &arriving, Some("no-such-family")).unwrap_err();
    assert_eq!(wrong.code, ErrorCode::TransferNotThatFamily);
    let same = receive::accept(&mut there, &arriving, Some(&new_id)).unwrap();
    assert_eq!(same, new_id);
    assert_eq!(family::get(there.conn(), &new_id).unwrap().members.len(), 2);
    assert_eq!(aid::for_family(there.conn(), &new_id).unwrap().len(), 4);
}

#[test]
fn a_damaged_or_foreign_file_is_refused_and_writes_nothing() {
    let _day = clock::pin(DAY);
    let mut here = Database::open_in_memory().unwrap();
    let id = family_with_aid(&mut here);
    let t = send::gather(here.conn(), &id, "көшті").unwrap();
    let mut bytes = file::seal(&t, "көктем-2026-жыл").unwrap();
    let n = bytes.len();
    bytes[n - 20] ^= 0x40;
    assert_eq!(
        file::open(&bytes, "көктем-2026-жыл").unwrap_err().code,
        ErrorCode::TransferDamaged
    );
    assert_eq!(
        file::open(b"PK\x03\x04 a zip", "көктем-2026-жыл")
            .unwrap_err()
            .code,
        ErrorCode::TransferNotMeirim
    );
    assert_eq!(
        file::seal(&t, "short").unwrap_err().code,
        ErrorCode::BackupPassphraseShort
    );
    assert_eq!(
        send::gather(here.conn(), &id, "  ").unwrap_err().code,
        ErrorCode::Validation
    );
}
