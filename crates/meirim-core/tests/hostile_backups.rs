//! 200 hostile backup files through the real restore path (`backup::inspect`, the step that
//! stages and checks a file before anything is replaced): local backups with bytes flipped,
//! cut short, header fields rewritten and schema objects added or changed, with and
//! without their checksum beside them; encrypted backups with their age header, work
//! factor and body changed. None may panic or take more than 10 s; the process stays
//! under 1 GB; a changed schema or a file that fails its checksum is never accepted; a
//! changed encrypted file is never accepted and never read as a wrong passphrase.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use meirim_core::backup::{self, Kind, Source};
use meirim_core::{demo, Database, ErrorCode};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};
const PASSPHRASE: &str = "қазан-айы-көшірме";

struct Case {
    name: String,
    bytes: Vec<u8>,
    /// Whether the file's checksum sits beside it (a local backup in `backups/`).
    with_checksum: bool,
    /// Whether the case must be refused whatever it does to the file.
    must_refuse: bool,
}

fn flip(rng: &mut ChaCha8Rng, bytes: &mut [u8], from: usize, times: usize) {
    for _ in 0..times {
        let i = rng.random_range(from..bytes.len());
        let old = bytes[i];
        while bytes[i] == old {
            bytes[i] = rng.random();
        }
    }
}

/// A copy of `plain` changed with SQL, as another program could.
fn with_sql(dir: &Path, plain: &[u8], n: usize, sql: &str) -> Vec<u8> {
    let path = dir.join(format!("sql-{n}.sqlite3"));
    std::fs::write(&path, plain).unwrap();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(sql).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
            .unwrap();
    }
    std::fs::read(&path).unwrap()
}

fn plain_cases(rng: &mut ChaCha8Rng, dir: &Path, plain: &[u8]) -> Vec<Case> {
    let mut out = Vec::new();
    let schema_changes = [
        "CREATE TRIGGER t AFTER INSERT ON families BEGIN DELETE FROM audit_log; END;",
        "CREATE VIEW everyone AS SELECT * FROM members;",
        "CREATE TABLE stash (iin TEXT);",
        "CREATE INDEX extra ON members (birth_date);",
        "DROP INDEX IF EXISTS members_family;",
        "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '') WHERE name = 'families'; PRAGMA writable_schema=OFF;",
        "CREATE TEMP TABLE x (a); CREATE TABLE audit_log_copy AS SELECT * FROM audit_log;",
        "PRAGMA user_version = 999;",
    ];
    for (i, sql) in schema_changes.iter().enumerate() {
        out.push(Case {
            name: format!("schema #{i}"),
            bytes: with_sql(dir, plain, i, sql),
            with_checksum: false,
            must_refuse: true,
        });
    }
    // The SQLite header's fields: page size, versions, reserved bytes, payload fractions,
    // page count, freelist, schema cookie and format, encoding, user version.
    let fields: [(usize, usize); 11] = [
        (16, 2),
        (18, 2),
        (20, 1),
        (21, 3),
        (28, 4),
        (32, 8),
        (40, 4),
        (44, 4),
        (56, 4),
        (60, 4),
        (68, 4),
    ];
    for i in 0..48 {
        let mut b = plain.to_vec();
        let (at, len) = fields[rng.random_range(0..fields.len())];
        let before = b[at..at + len].to_vec();
        while b[at..at + len] == before[..] {
            for x in &mut b[at..at + len] {
                *x = rng.random();
            }
        }
        out.push(Case {
            name: format!("header #{i}"),
            bytes: b,
            with_checksum: false,
            must_refuse: false,
        });
    }
    for i in 0..30 {
        let mut b = plain.to_vec();
        let n = rng.random_range(1..20);
        flip(rng, &mut b, 100, n);
        // Half of them keep their checksum beside them: those must all be refused.
        let with_checksum = i % 2 == 0;
        out.push(Case {
            name: format!("flipped #{i}"),
            bytes: b,
            with_checksum,
            must_refuse: with_checksum,
        });
    }
    for i in 0..14 {
        let mut b = plain.to_vec();
        b.truncate(rng.random_range(0..plain.len()));
        out.push(Case {
            name: format!("cut #{i}"),
            bytes: b,
            with_checksum: false,
            must_refuse: true,
        });
    }
    for i in 0..8 {
        let mut b = b"SQLite format 3\0".to_vec();
        b.extend((0..rng.random_range(0..70_000)).map(|_| rng.random::<u8>()));
        out.push(Case {
            name: format!("noise #{i}"),
            bytes: b,
            with_checksum: false,
            must_refuse: true,
        });
    }
    out
}

fn sealed_cases(rng: &mut ChaCha8Rng, sealed: &[u8]) -> Vec<Case> {
    let header_end = sealed
        .windows(4)
        .position(|w| w == b"\n---")
        .map(|i| i + 48)
        .unwrap();
    let mut out = Vec::new();
    let sealed_case = |name: String, bytes: Vec<u8>| Case {
        name,
        bytes,
        with_checksum: false,
        must_refuse: true,
    };
    // The work factor (log2 N) rewritten, from nothing to far beyond what Meirim writes.
    let text = String::from_utf8_lossy(&sealed[..header_end]).into_owned();
    let stanza = text.lines().find(|l| l.starts_with("-> scrypt ")).unwrap();
    let factor = stanza.rsplit(' ').next().unwrap().to_owned();
    for (i, wild) in [
        "0", "1", "17", "20", "22", "30", "64", "255", "99999", "-1", "x",
    ]
    .iter()
    .enumerate()
    {
        let changed = stanza.replacen(&format!(" {factor}"), &format!(" {wild}"), 1);
        let mut b = text.replacen(stanza, &changed, 1).into_bytes();
        b.extend_from_slice(&sealed[header_end..]);
        out.push(sealed_case(format!("work factor {wild} #{i}"), b));
    }
    for i in 0..45 {
        let mut b = sealed.to_vec();
        let n = rng.random_range(1..4);
        for _ in 0..n {
            let at = rng.random_range(0..header_end);
            b[at] = b[at].wrapping_add(rng.random_range(1..=255));
        }
        out.push(sealed_case(format!("sealed header #{i}"), b));
    }
    for i in 0..20 {
        let mut b = sealed.to_vec();
        b.truncate(rng.random_range(0..sealed.len()));
        out.push(sealed_case(format!("sealed cut #{i}"), b));
    }
    // The body changed: the passphrase is right, so these cost a full key derivation each.
    for i in 0..8 {
        let mut b = sealed.to_vec();
        let n = rng.random_range(1..10);
        flip(rng, &mut b, header_end, n);
        out.push(sealed_case(format!("sealed body #{i}"), b));
    }
    for i in 0..8 {
        let mut b = b"age-encryption.org/v1\n-> scrypt ".to_vec();
        b.extend((0..rng.random_range(0..5_000)).map(|_| rng.random::<u8>()));
        out.push(sealed_case(format!("sealed noise #{i}"), b));
    }
    out
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn hostile_backups_are_refused_with_a_reason_never_a_panic_a_hang_or_a_changed_registry() {
    let mut rng = ChaCha8Rng::seed_from_u64(18);
    let source_dir = tempfile::tempdir().unwrap();
    let (plain, sealed) = {
        let mut db = Database::open_in(source_dir.path()).unwrap();
        demo::fill(&mut db, 15, 3, DEMO_DAY).unwrap();
        let made = backup::create(&db, Kind::Manual, meirim_core::clock::now_utc()).unwrap();
        let (sealed, _) = backup::seal(
            &db,
            PASSPHRASE,
            &source_dir.path().join("work"),
            meirim_core::clock::now_utc(),
        )
        .unwrap();
        (std::fs::read(&made.path).unwrap(), sealed)
    };
    let work = tempfile::tempdir().unwrap();
    let mut cases = plain_cases(&mut rng, work.path(), &plain);
    let plain_count = cases.len();
    cases.extend(sealed_cases(&mut rng, &sealed));
    assert!(cases.len() >= 200, "{} cases", cases.len());

    let dir = tempfile::tempdir().unwrap();
    let db = Database::open_in(dir.path()).unwrap();
    let families: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM families", [], |r| r.get(0))
        .unwrap();
    let mut failures = Vec::new();
    let mut accepted = 0;
    for (n, case) in cases.iter().enumerate() {
        let path: PathBuf = work.path().join(format!("case-{n}.bin"));
        std::fs::write(&path, &case.bytes).unwrap();
        if case.with_checksum {
            // The checksum of the original file, as `backups/` keeps it beside each copy.
            let sum = sha2_hex(&plain);
            std::fs::write(
                work.path().join(format!("case-{n}.bin.sha256")),
                format!("{sum}  case-{n}.bin\n"),
            )
            .unwrap();
        }
        let source = if n < plain_count {
            Source::Plain(path.clone())
        } else {
            Source::Sealed {
                path: path.clone(),
                passphrase: PASSPHRASE.into(),
            }
        };
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| backup::inspect(dir.path(), &source, None));
        let took = started.elapsed();
        if took > Duration::from_secs(10) {
            failures.push(format!("{}: {took:?}", case.name));
        }
        match outcome {
            Err(_) => failures.push(format!("{}: panicked", case.name)),
            Ok(Ok(_)) if case.must_refuse => failures.push(format!("{}: accepted", case.name)),
            Ok(Ok(_)) => accepted += 1,
            Ok(Err(p)) => {
                let expected = [
                    ErrorCode::BackupDamaged,
                    ErrorCode::BackupNotMeirim,
                    ErrorCode::BackupAltered,
                    ErrorCode::BackupReadFailed,
                    ErrorCode::DbDamaged,
                    ErrorCode::DbNewerThanApp,
                    ErrorCode::DbOpenFailed,
                    ErrorCode::DbMigrationFailed,
                ];
                // A changed salt or wrapped key in the scrypt stanza derives another key,
                // exactly as a wrong passphrase does: age cannot tell them apart, and the
                // message says so. Anywhere else in the file it is never this.
                let in_stanza =
                    case.name.starts_with("sealed header") || case.name.starts_with("work factor");
                let wrong_passphrase = p.code == ErrorCode::BackupWrongPassphrase && in_stanza;
                if !expected.contains(&p.code) && !wrong_passphrase {
                    failures.push(format!("{}: {:?} {:?}", case.name, p.code, p.params));
                }
            }
        }
        backup::discard_staged(dir.path());
    }
    let now: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM families", [], |r| r.get(0))
        .unwrap();
    assert_eq!(now, families, "inspecting never touches the registry");
    if let Some(kib) = peak_memory_kib() {
        assert!(kib < 1024 * 1024, "peak {kib} KiB");
    }
    eprintln!("{} backup files: {accepted} accepted", cases.len());
    assert!(failures.is_empty(), "{failures:#?}");
}

fn sha2_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    meirim_core::text::hex(&sha2::Sha256::digest(bytes))
}
