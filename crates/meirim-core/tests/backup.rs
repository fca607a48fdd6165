//! Backups through the public API: a snapshot taken while another connection writes is
//! consistent; the encrypted copy opens only with its passphrase and a cut or flipped file
//! is refused; restore brings back the backup row for row and keeps the replaced registry;
//! a backup from a newer Meirim is refused and changes nothing.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use meirim_core::backup::{self, Kind, Source};
use meirim_core::{demo, paths, Database, ErrorCode, Problem};

/// The day the demo district is made as of: fixed, so the test does not depend on the date.
const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn registry(dir: &Path, families: u32, seed: u64) -> Database {
    let mut db = Database::open_in(dir).unwrap();
    if families > 0 {
        demo::fill(&mut db, families, seed, DEMO_DAY).unwrap();
    }
    db
}

/// Every family and member row as text, in id order: «row for row».
fn rows(db: &Database) -> Vec<String> {
    let mut out = Vec::new();
    for table in ["families", "members", "family_categories", "audit_log"] {
        let mut stmt = db
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let width = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let cells: Vec<String> = (0..width)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{table}: {}", cells.join("|")));
        }
    }
    out
}

#[test]
fn a_snapshot_taken_while_another_connection_writes_is_whole_and_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 20, 1);
    db.conn()
        .execute_batch("CREATE TABLE pairs (n INTEGER NOT NULL)")
        .unwrap();
    let path = paths::db_path(dir.path());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut conn = rusqlite::Connection::open(path).unwrap();
            conn.busy_timeout(std::time::Duration::from_secs(5))
                .unwrap();
            let mut n = 0i64;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                // Two rows per transaction: a consistent copy always holds an even number.
                let tx = conn.transaction().unwrap();
                tx.execute("INSERT INTO pairs VALUES (?1)", [n]).unwrap();
                tx.execute("INSERT INTO pairs VALUES (?1)", [n]).unwrap();
                tx.commit().unwrap();
                n += 1;
            }
            n
        })
    };
    let mut counts = Vec::new();
    for _ in 0..15 {
        let made = backup::create(&db, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
        let copy = rusqlite::Connection::open(&made.path).unwrap();
        let pairs: i64 = copy
            .query_row("SELECT count(*) FROM pairs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(pairs % 2, 0, "a copy caught a transaction half-way");
        backup::verify(Path::new(&made.path), None).unwrap();
        counts.push(pairs);
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let written = writer.join().unwrap();
    assert!(written > 0);
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    let listed = backup::list(&db, true).unwrap();
    assert_eq!(listed.len(), 15);
    assert_eq!(listed[0].contents.as_ref().unwrap().families, 20);
    assert!(!listed.iter().any(|b| b.file_name.ends_with(".partial")));
}

#[test]
fn the_daily_backup_is_made_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 3, 2);
    let now = meirim_core::clock::now_utc();
    let first = backup::auto_if_due(&db, now, Default::default()).unwrap();
    assert_eq!(first.unwrap().kind, Kind::Daily);
    let again = backup::auto_if_due(&db, now + chrono::Duration::hours(5), Default::default());
    assert!(again.unwrap().is_none(), "not twice in a day");
    let tomorrow = backup::auto_if_due(&db, now + chrono::Duration::hours(25), Default::default());
    assert!(tomorrow.unwrap().is_some());
}

fn code(p: Problem) -> ErrorCode {
    p.code
}

#[test]
fn the_encrypted_backup_opens_only_whole_and_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 10, 3);
    let work = paths::backup_dir(dir.path());
    let short = backup::seal(&db, "qysqa", &work, meirim_core::clock::now_utc()).unwrap_err();
    assert_eq!(code(short.into()), ErrorCode::BackupPassphraseShort);
    let (bytes, manifest) = backup::seal(
        &db,
        "Мейірім-2026 кеңсе",
        &work,
        meirim_core::clock::now_utc(),
    )
    .unwrap();
    assert_eq!(manifest.contents.families, 10);
    // An age file: nothing of the registry readable in it.
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    let surname: String = db
        .conn()
        .query_row("SELECT surname FROM members LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains(&surname));
    let file = dir.path().join("backup.age");
    let opened = backup::open_sealed(&file, &bytes, "Мейірім-2026 кеңсе").unwrap();
    let (back, registry) = (opened.manifest, opened.registry);
    assert_eq!(back, manifest);
    assert_eq!(registry.len() as u64, manifest.bytes);

    let wrong = backup::open_sealed(&file, &bytes, "басқа құпия сөз").unwrap_err();
    assert_eq!(code(wrong.into()), ErrorCode::BackupWrongPassphrase);
    // Every copy asks for the same work whichever PC made it (not what age would time on
    // that PC), so a copy from a fast PC opens on a slow or busy one...
    let end = bytes.windows(4).position(|w| w == b"\n---").unwrap();
    let header = std::str::from_utf8(&bytes[..end]).unwrap().to_owned();
    let stanza = header.lines().nth(1).unwrap();
    assert!(
        stanza.starts_with("-> scrypt ") && stanza.ends_with(" 18"),
        "{stanza}"
    );
    // ...and a file asking for far more is refused before any of that work is done (had
    // the work been done, the changed header would fail as a wrong passphrase).
    let greedy_header = header.replacen(stanza, &format!("{} 21", &stanza[..stanza.len() - 3]), 1);
    let mut greedy = greedy_header.into_bytes();
    greedy.extend_from_slice(&bytes[end..]);
    let refused = backup::open_sealed(&file, &greedy, "Мейірім-2026 кеңсе").unwrap_err();
    assert_eq!(code(refused.into()), ErrorCode::BackupNotMeirim);
    let cut =
        backup::open_sealed(&file, &bytes[..bytes.len() / 2], "Мейірім-2026 кеңсе").unwrap_err();
    assert_eq!(code(cut.into()), ErrorCode::BackupDamaged);
    let mut flipped = bytes.clone();
    let at = flipped.len() - 100;
    flipped[at] ^= 0x10;
    let bad = backup::open_sealed(&file, &flipped, "Мейірім-2026 кеңсе").unwrap_err();
    assert_eq!(code(bad.into()), ErrorCode::BackupDamaged);
    // A damaged header (its MAC no longer matches) with the right passphrase is a damaged
    // file, not a wrong passphrase: the user must not retype a correct one for ever.
    let mac_at = end + 5;
    let mut bad_header = bytes.clone();
    bad_header[mac_at] = if bad_header[mac_at] == b'A' {
        b'B'
    } else {
        b'A'
    };
    let bad = backup::open_sealed(&file, &bad_header, "Мейірім-2026 кеңсе").unwrap_err();
    assert_eq!(code(bad.into()), ErrorCode::BackupDamaged);
    let not_age =
        backup::open_sealed(&file, b"PK\x03\x04 a zip", "Мейірім-2026 кеңсе").unwrap_err();
    assert_eq!(code(not_age.into()), ErrorCode::BackupNotMeirim);
}

#[test]
fn restore_brings_back_the_backup_row_for_row_and_keeps_what_it_replaced() {
    let source_dir = tempfile::tempdir().unwrap();
    let source = registry(source_dir.path(), 30, 4);
    let work = paths::backup_dir(source_dir.path());
    let (bytes, _) = backup::seal(
        &source,
        "ұзын құпия сөз",
        &work,
        meirim_core::clock::now_utc(),
    )
    .unwrap();
    let file = source_dir.path().join("office.meirim-backup");
    std::fs::write(&file, &bytes).unwrap();

    // Another office PC with other data.
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 5, 9);
    let before = rows(&db);
    let wrong = backup::inspect(
        dir.path(),
        &Source::Sealed {
            path: file.clone(),
            passphrase: "қате".into(),
        },
        None,
    )
    .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::BackupWrongPassphrase);
    assert_eq!(rows(&db), before, "a refused restore changes nothing");

    let candidate = backup::inspect(
        dir.path(),
        &Source::Sealed {
            path: file,
            passphrase: "ұзын құпия сөз".into(),
        },
        None,
    )
    .unwrap();
    assert_eq!(candidate.backup.families, 30);
    assert_eq!(candidate.current.as_ref().unwrap().families, 5);
    assert_eq!(rows(&db), before, "inspecting changes nothing");

    let restored =
        backup::replace(db, dir.path(), &candidate, meirim_core::clock::now_utc()).unwrap();
    assert_eq!(rows(&restored), rows(&source));
    let kept = backup::list(&restored, true).unwrap();
    let previous = kept.iter().find(|b| b.kind == Kind::BeforeRestore).unwrap();
    assert_eq!(previous.contents.as_ref().unwrap().families, 5);

    // A plain local backup restores the same way.
    let candidate = backup::inspect(
        dir.path(),
        &Source::Plain(previous.path.clone().into()),
        None,
    )
    .unwrap();
    let back = backup::replace(
        restored,
        dir.path(),
        &candidate,
        meirim_core::clock::now_utc(),
    )
    .unwrap();
    assert_eq!(rows(&back), before);
}

#[test]
fn a_backup_from_a_newer_meirim_or_not_a_registry_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 2, 5);
    let newer = dir.path().join("newer.sqlite3");
    backup::snapshot(db.conn(), None, &newer).unwrap();
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let refused = backup::inspect(dir.path(), &Source::Plain(newer), None).unwrap_err();
    assert_eq!(refused.code, ErrorCode::DbNewerThanApp);
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"not a database at all, just text").unwrap();
    let refused = backup::inspect(dir.path(), &Source::Plain(junk), None).unwrap_err();
    assert_eq!(refused.code, ErrorCode::BackupDamaged);
    assert_eq!(
        backup::contents_of(&paths::db_path(dir.path()), None)
            .unwrap()
            .families,
        2
    );
}

/// A disk error in the middle of the file at `path`; returns the damaged bytes. The
/// registries it damages hold 400 families, so that the middle is family data and not the
/// schema, whose pages a small registry spreads over its first half.
fn damage(path: &std::path::Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 8192] {
        *b = 0x5A;
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}

/// The app opens the registry at once and checks it on another connection: until the
/// check has passed nothing can be written, and a damaged file is found by the check
/// without a byte having been written to it.
#[test]
fn a_registry_opened_before_its_check_refuses_writes_until_the_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 400, 6);
    db.checkpoint().unwrap();
    drop(db);
    let db = Database::open_in_checked(dir.path(), meirim_core::Check::Later).unwrap();
    assert!(!rows(&db).is_empty(), "reads work at once");
    let refused = meirim_core::settings::set_operator(db.conn(), "Айгерім").unwrap_err();
    assert!(refused.to_string().contains("readonly"), "{refused}");
    meirim_core::db::check_file(&paths::db_path(dir.path()), None).unwrap();
    db.allow_writes().unwrap();
    meirim_core::settings::set_operator(db.conn(), "Айгерім").unwrap();
    db.checkpoint().unwrap();
    drop(db);

    // Damage in the middle of the file: opening later does not read it, the check does.
    let path = paths::db_path(dir.path());
    let bytes = damage(&path);
    let db = Database::open_in_checked(dir.path(), meirim_core::Check::Later).unwrap();
    let found = meirim_core::db::check_file(&path, None).unwrap_err();
    assert_eq!(Problem::from(found).code, ErrorCode::DbDamaged);
    drop(db);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "not a byte written");
}

#[test]
fn a_damaged_registry_is_not_opened_and_is_put_aside_by_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 400, 6);
    let good = backup::create(&db, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
    let expected = rows(&db);
    db.checkpoint().unwrap();
    drop(db);
    let path = paths::db_path(dir.path());
    let bytes = damage(&path);
    let refused = Database::open_in(dir.path()).unwrap_err();
    assert_eq!(Problem::from(refused).code, ErrorCode::DbDamaged);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "not a byte written");

    let listed = backup::list_in(dir.path(), None, true).unwrap();
    assert_eq!(listed[0].path, good.path);
    let candidate = backup::inspect(dir.path(), &Source::Plain(good.path.into()), None).unwrap();
    let restored =
        backup::replace_damaged(dir.path(), &candidate, None, meirim_core::clock::now_utc())
            .unwrap();
    assert_eq!(rows(&restored), expected);
    let aside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read(dir.path().join(&aside[0])).unwrap(),
        bytes,
        "the damaged file is kept as it was"
    );
}

#[test]
fn a_restore_nobody_confirmed_leaves_no_copy_behind_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 4, 7);
    let made = backup::create(&db, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
    let candidate = backup::inspect(dir.path(), &Source::Plain(made.path.into()), None).unwrap();
    assert!(Path::new(&candidate.staged).exists());
    backup::discard_staged(dir.path());
    assert!(!Path::new(&candidate.staged).exists());
    // And a restore of a discarded stage is refused instead of swapping in nothing.
    let refused =
        backup::replace(db, dir.path(), &candidate, meirim_core::clock::now_utc()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::BackupDamaged);
    assert_eq!(
        backup::contents_of(&paths::db_path(dir.path()), None)
            .unwrap()
            .families,
        4
    );
}

/// A backup with a trigger added by another program would, once restored, act on every
/// later change (here: hide each new family's audit entry and copy its IINs away). It is
/// refused, naming what was added; the same file without the trigger restores.
#[test]
fn a_backup_with_an_added_trigger_is_refused() {
    let source_dir = tempfile::tempdir().unwrap();
    let source = registry(source_dir.path(), 12, 5);
    let made = backup::create(&source, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
    drop(source);
    let tampered = source_dir.path().join("tampered.sqlite3");
    std::fs::copy(&made.path, &tampered).unwrap();
    {
        let c = rusqlite::Connection::open(&tampered).unwrap();
        c.execute_batch(
            "CREATE TABLE stash (iin TEXT);
             CREATE TRIGGER quiet AFTER INSERT ON audit_log BEGIN
                 DELETE FROM audit_log WHERE rowid = new.rowid;
             END;",
        )
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 3, 9);
    let before = rows(&db);
    let refused = backup::inspect(dir.path(), &Source::Plain(tampered), None).unwrap_err();
    assert_eq!(refused.code, ErrorCode::BackupAltered);
    let object = refused.params.get("object").cloned().unwrap_or_default();
    assert!(
        object == "table stash" || object == "trigger quiet",
        "{object}"
    );
    assert_eq!(rows(&db), before, "a refused restore changes nothing");
    let fine = backup::inspect(dir.path(), &Source::Plain(made.path.into()), None).unwrap();
    assert_eq!(fine.backup.families, 12);
}

/// A byte flipped where `integrity_check` does not look (free space at the end of the
/// file) is caught by the checksum written beside each local backup; the listing shows
/// backups, not their checksum files.
#[test]
fn a_local_backup_changed_by_one_byte_fails_verify() {
    let dir = tempfile::tempdir().unwrap();
    let db = registry(dir.path(), 8, 2);
    let made = backup::create(&db, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
    let path = Path::new(&made.path);
    assert!(Path::new(&format!("{}.sha256", made.path)).is_file());
    backup::verify(path, None).unwrap();
    assert_eq!(backup::list(&db, false).unwrap().len(), 1);
    let mut bytes = std::fs::read(path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(path, &bytes).unwrap();
    let e = backup::verify(path, None).unwrap_err();
    assert_eq!(code(e.into()), ErrorCode::BackupDamaged);
}

/// Whether `needle` occurs anywhere in the file's bytes.
fn holds(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn an_encrypted_registry_makes_encrypted_backups_and_restores_plain_and_sealed_ones() {
    use meirim_core::db::{Check, RegistryKey};
    let key = RegistryKey::from_bytes([7; 32]);

    // An office's old unencrypted registry and a sealed backup of it (no key inside).
    let old_dir = tempfile::tempdir().unwrap();
    let old = registry(old_dir.path(), 12, 5);
    let work = paths::backup_dir(old_dir.path());
    let (old_sealed, _) =
        backup::seal(&old, "ұзын құпия сөз", &work, meirim_core::clock::now_utc()).unwrap();
    let old_sealed_file = old_dir.path().join("old.meirim-backup");
    std::fs::write(&old_sealed_file, &old_sealed).unwrap();
    let old_local = backup::create(&old, Kind::Manual, meirim_core::clock::now_utc()).unwrap();

    // The encrypted registry: its own backups hold no name or IIN.
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open_in_with(dir.path(), Some(&key), Check::Now).unwrap();
    demo::fill(&mut db, 20, 6, DEMO_DAY).unwrap();
    let (surname, iin): (String, String) = db
        .conn()
        .query_row(
            "SELECT surname, iin FROM members WHERE iin IS NOT NULL LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let local = backup::create(&db, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
    let local_path = Path::new(&local.path);
    assert!(!holds(local_path, &surname) && !holds(local_path, &iin));
    assert_eq!(backup::verify(local_path, Some(&key)).unwrap().families, 20);
    assert!(
        backup::verify(local_path, None).is_err(),
        "not readable without the key"
    );

    // The sealed copy carries a one-time key, not the registry's.
    let (sealed, _) =
        backup::seal(&db, "ұзын құпия сөз", &work, meirim_core::clock::now_utc()).unwrap();
    let sealed_file = dir.path().join("new.meirim-backup");
    std::fs::write(&sealed_file, &sealed).unwrap();
    let opened = backup::open_sealed(&sealed_file, &sealed, "ұзын құпия сөз").unwrap();
    assert!(opened.key.is_some() && opened.key.as_ref() != Some(&key));
    let rows_before = rows(&db);

    // Restores of the old unencrypted copies end up encrypted with the registry's key.
    for source in [
        Source::Sealed {
            path: old_sealed_file.clone(),
            passphrase: "ұзын құпия сөз".into(),
        },
        Source::Plain(old_local.path.clone().into()),
    ] {
        let candidate = backup::inspect(dir.path(), &source, Some(&key)).unwrap();
        assert_eq!(candidate.backup.families, 12);
        db = backup::replace(db, dir.path(), &candidate, meirim_core::clock::now_utc()).unwrap();
        assert_eq!(rows(&db), rows(&old));
        assert_eq!(db.key(), Some(&key));
        db.checkpoint().unwrap();
        assert!(!meirim_core::db::is_plain(&paths::db_path(dir.path())).unwrap());
        assert!(!holds(&paths::db_path(dir.path()), &surname));
    }
    // And the new sealed copy brings back what it held.
    let candidate = backup::inspect(
        dir.path(),
        &Source::Sealed {
            path: sealed_file,
            passphrase: "ұзын құпия сөз".into(),
        },
        Some(&key),
    )
    .unwrap();
    db = backup::replace(db, dir.path(), &candidate, meirim_core::clock::now_utc()).unwrap();
    assert_eq!(rows(&db), rows_before);
    for b in backup::list(&db, false).unwrap() {
        let p = Path::new(&b.path);
        assert!(
            !meirim_core::db::is_plain(p).unwrap(),
            "{} is plain",
            b.path
        );
        assert!(!holds(p, &iin));
    }
}
