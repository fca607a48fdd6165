//! «Дербес деректерді жою» on a family that another was merged into: afterwards neither
//! person's name, IIN, phone, street or notes is in the registry file (nor its WAL), in the
//! documents folder, or in a registry restored from a backup made before the merge and the
//! destroy. And a family merged into another can be destroyed itself.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use chrono::NaiveDate;
use meirim_core::backup::{self, Kind, Source};
use meirim_core::family::{
    self, AddressInput, ConsentForm, ConsentInput, ConsentStatus, FamilyInput, MemberInput,
    Relation,
};
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;
use meirim_core::{paths, Database, ErrorCode};

fn iin(birth: (i32, u32, u32), sex: Sex) -> String {
    let day = NaiveDate::from_ymd_opt(birth.0, birth.1, birth.2).unwrap();
    (0..50)
        .find_map(|s| synthesize(day, sex, s))
        .unwrap()
        .as_str()
        .to_owned()
}

struct Person {
    surname: &'static str,
    name: &'static str,
    iin: String,
    phone: &'static str,
    street: &'static str,
    notes: &'static str,
}

impl Person {
    /// What must not be found anywhere after the destroy.
    fn traces(&self) -> Vec<String> {
        vec![
            self.surname.into(),
            self.name.into(),
            self.iin.clone(),
            self.phone.replace(' ', ""),
            self.street.into(),
            self.notes.into(),
        ]
    }
}

fn register(db: &mut Database, p: &Person, birth: &str) -> family::Family {
    let mut head = MemberInput {
        is_head: true,
        surname: p.surname.into(),
        name: p.name.into(),
        birth_date: Some(birth.into()),
        iin: Some(p.iin.clone()),
        ..Default::default()
    };
    head.relation = None;
    let child = MemberInput {
        relation: Some(Relation::Child),
        surname: p.surname.into(),
        name: "Бала".into(),
        birth_date: Some("2016-04-04".into()),
        ..Default::default()
    };
    let input = FamilyInput {
        members: vec![head, child],
        phone: Some(p.phone.into()),
        address: AddressInput {
            village: Some("Ақсу".into()),
            street: Some(p.street.into()),
            house: Some("7".into()),
            ..Default::default()
        },
        notes: Some(p.notes.into()),
        consent: ConsentInput {
            status: ConsentStatus::Given,
            date: Some("01.11.2026".into()),
            form: Some(ConsentForm::Paper),
            ..Default::default()
        },
        ..Default::default()
    };
    family::create(db, &input).unwrap()
}

/// Every file under `dir` whose bytes hold one of `traces`, with the trace.
fn found_in(dir: &Path, traces: &[String]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            for t in traces {
                if bytes.windows(t.len()).any(|w| w == t.as_bytes()) {
                    hits.push(format!("{} in {}", t, p.display()));
                }
            }
        }
    }
    hits
}

#[test]
fn destroying_a_merged_family_leaves_no_trace_in_the_file_documents_or_a_restored_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open_in(dir.path()).unwrap();
    let gulnaz = Person {
        surname: "Сапарова",
        name: "Гүлназ",
        iin: iin((1986, 5, 14), Sex::Female),
        phone: "+7 705 111 22 33",
        street: "Жамбыл көшесі",
        notes: "Жалдамалы пәтерде тұрады",
    };
    let erlan = Person {
        surname: "Жақыпов",
        name: "Ерлан",
        iin: iin((1979, 11, 2), Sex::Male),
        phone: "+7 777 444 55 66",
        street: "Төле би көшесі",
        notes: "Мүгедектік арбасы керек",
    };
    let keep = register(&mut db, &gulnaz, "1986-05-14");
    let absorb = register(&mut db, &erlan, "1979-11-02");
    // A backup from before the merge and the destroy: both families whole.
    let early = backup::create(&db, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
    family::merge(&mut db, &keep.id, &absorb.id).unwrap();
    let card = meirim_documents::save_family_card(&db, &keep.id, dir.path(), None).unwrap();
    assert!(card.is_file());
    #[cfg(unix)]
    {
        // The printed person is for this user alone, like the registry.
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&card), 0o600);
        assert_eq!(mode(card.parent().unwrap()), 0o700);
    }

    let traces: Vec<String> = gulnaz.traces().into_iter().chain(erlan.traces()).collect();
    // The search is real: before the destroy every trace is in the registry's files.
    db.checkpoint().unwrap();
    let before = found_in(dir.path(), &traces);
    for t in &traces {
        assert!(
            before
                .iter()
                .any(|h| h.starts_with(t.as_str()) && !h.contains("backups")),
            "{t} not stored: {before:?}"
        );
    }
    family::destroy(&mut db, &keep.id, keep.registry_no).unwrap();
    let absorbed = family::get(db.conn(), &absorb.id).unwrap();
    assert!(
        absorbed.destroyed_at.is_some(),
        "the merged family's own row is erased too"
    );
    assert!(!card.exists(), "the saved family card is removed");
    drop(db);
    // The registry file and its WAL, and documents/ (backups/ holds the early copy).
    let registry_files: Vec<String> = found_in(dir.path(), &traces)
        .into_iter()
        .filter(|h| !h.contains("backups"))
        .collect();
    assert_eq!(registry_files, Vec::<String>::new());

    // Restoring the backup from before the destroy does not bring either person back.
    let db = Database::open_in(dir.path()).unwrap();
    let candidate =
        backup::inspect(dir.path(), &Source::Plain(early.path.clone().into()), None).unwrap();
    assert_eq!(
        candidate.destroyed_again, 2,
        "both families are on the destruction list"
    );
    let db = backup::replace(db, dir.path(), &candidate, meirim_core::clock::now_utc()).unwrap();
    let restored = family::get(db.conn(), &keep.id).unwrap();
    assert!(restored.destroyed_at.is_some());
    assert!(family::get(db.conn(), &absorb.id)
        .unwrap()
        .destroyed_at
        .is_some());
    assert_eq!(
        family::destructions(db.conn()).unwrap().len(),
        2,
        "the list survives the restore"
    );
    db.checkpoint().unwrap();
    let registry = paths::db_path(dir.path());
    let bytes = std::fs::read(&registry).unwrap();
    for t in &traces {
        assert!(
            !bytes.windows(t.len()).any(|w| w == t.as_bytes()),
            "{t} is back in the restored registry"
        );
    }
}

#[test]
fn a_family_merged_into_another_can_be_destroyed_itself() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open_in(dir.path()).unwrap();
    let a = Person {
        surname: "Омарова",
        name: "Айгерім",
        iin: iin((1990, 1, 20), Sex::Female),
        phone: "+7 701 000 11 22",
        street: "Сейфуллин көшесі",
        notes: "Көп балалы",
    };
    let b = Person {
        surname: "Омаров",
        name: "Дәурен",
        iin: iin((1988, 8, 8), Sex::Male),
        phone: "+7 702 333 44 55",
        street: "Достық көшесі",
        notes: "Жұмыс іздеп жүр",
    };
    let keep = register(&mut db, &a, "1990-01-20");
    let absorb = register(&mut db, &b, "1988-08-08");
    family::merge(&mut db, &keep.id, &absorb.id).unwrap();
    let wrong = family::destroy(&mut db, &absorb.id, keep.registry_no).unwrap_err();
    assert_eq!(
        wrong.code,
        ErrorCode::Validation,
        "the number typed is checked"
    );
    let gone = family::destroy(&mut db, &absorb.id, absorb.registry_no).unwrap();
    assert!(gone.destroyed_at.is_some() && gone.phone.is_none() && gone.notes.is_none());
    // The family it was merged into is untouched.
    let kept = family::get(db.conn(), &keep.id).unwrap();
    assert!(kept.destroyed_at.is_none());
    assert_eq!(kept.members[0].surname, "Омарова");
    let again = family::destroy(&mut db, &absorb.id, absorb.registry_no).unwrap_err();
    assert_eq!(again.code, ErrorCode::FamilyDestroyed);
}

/// A reader elsewhere holding an old snapshot keeps the checkpoint from finishing: destroy
/// says the file still holds old pages instead of reporting success, and once the reader
/// is gone a checkpoint completes it.
#[test]
fn a_destroy_with_a_reader_holding_the_file_says_so_and_completes_after() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open_in(dir.path()).unwrap();
    let p = Person {
        surname: "Беков",
        name: "Арман",
        iin: iin((1975, 3, 3), Sex::Male),
        phone: "+7 700 999 88 77",
        street: "Абылай хан көшесі",
        notes: "Жалғыз тұрады",
    };
    let f = register(&mut db, &p, "1975-03-03");
    db.conn()
        .busy_timeout(std::time::Duration::from_millis(200))
        .unwrap();
    let reader = rusqlite::Connection::open(paths::db_path(dir.path())).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM families", [], |r| r.get(0))
        .unwrap();
    let pending = family::destroy(&mut db, &f.id, f.registry_no).unwrap_err();
    assert_eq!(pending.code, ErrorCode::DestroyPending);
    assert!(
        family::get(db.conn(), &f.id)
            .unwrap()
            .destroyed_at
            .is_some(),
        "the record is erased"
    );
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    assert!(db.checkpoint_complete().unwrap());
    let bytes = std::fs::read(paths::db_path(dir.path())).unwrap();
    for t in p.traces() {
        assert!(!bytes.windows(t.len()).any(|w| w == t.as_bytes()), "{t}");
    }
}
