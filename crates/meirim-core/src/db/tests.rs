use std::path::Path;

use rusqlite::Connection;

use super::migrate::{bring_up_to, Migration, MIGRATIONS};
use super::*;
use crate::paths;

fn table_names(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn backups_in(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(paths::backup_dir(dir)) {
        Ok(rd) => rd
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => vec![],
    }
}

#[test]
fn creates_a_new_registry_with_settings_applied() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested/data");
    let db = Database::open_in(&data).unwrap();
    assert_eq!(db.schema_version().unwrap(), latest_version());
    let c = db.conn();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let timeout: i64 = c
        .pragma_query_value(None, "busy_timeout", |r| r.get(0))
        .unwrap();
    assert_eq!(timeout, 5000);
    for t in ["families", "members", "categories", "oblasts", "settings"] {
        assert!(table_names(c).contains(&t.to_string()), "{t}");
    }
    let oblasts: i64 = c
        .query_row("SELECT count(*) FROM oblasts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(oblasts, 20);
    // A brand-new file needs no backup.
    assert!(backups_in(&data).is_empty());
}

#[test]
fn reopening_keeps_data_and_makes_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = Database::open_in(dir.path()).unwrap();
        crate::settings::set_language(db.conn(), crate::settings::Language::Ru).unwrap();
    }
    let db = Database::open_in(dir.path()).unwrap();
    assert_eq!(
        crate::settings::language(db.conn()).unwrap(),
        crate::settings::Language::Ru
    );
    assert!(backups_in(dir.path()).is_empty());
}

#[test]
fn checkpoint_leaves_everything_in_the_main_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open_in(dir.path()).unwrap();
    crate::settings::set_language(db.conn(), crate::settings::Language::Ru).unwrap();
    let wal = dir.path().join("meirim.sqlite3-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);
    db.checkpoint().unwrap();
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0);
    // A copy of the main file alone has the data.
    let copy = dir.path().join("copy.sqlite3");
    std::fs::copy(paths::db_path(dir.path()), &copy).unwrap();
    let c = Connection::open(&copy).unwrap();
    let lang: String = c
        .query_row(
            "SELECT value FROM settings WHERE key = 'ui.language'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(lang, "ru");
}

#[test]
fn refuses_a_database_from_a_newer_meirim_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = paths::db_path(dir.path());
    {
        let db = Database::open(&path).unwrap();
        db.conn()
            .pragma_update(None, "user_version", (latest_version() + 3) as i64)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Database::open(&path).unwrap_err();
    assert!(
        matches!(err, DbError::NewerThanApp { found, supported }
            if found == latest_version() + 3 && supported == latest_version()),
        "{err:?}"
    );
    let problem = Problem::from(err);
    assert_eq!(problem.code, ErrorCode::DbNewerThanApp);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(backups_in(dir.path()).is_empty());
}

#[test]
fn refuses_a_foreign_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1);")
            .unwrap();
    }
    let err = Database::open(&path).unwrap_err();
    assert!(matches!(err, DbError::Foreign { .. }), "{err:?}");
    let c = Connection::open(&path).unwrap();
    assert_eq!(table_names(&c), vec!["invoices".to_string()]);
}

#[test]
fn refuses_a_file_that_is_not_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meirim.sqlite3");
    std::fs::write(&path, "this is a Word document, honestly").unwrap();
    let err = Database::open(&path).unwrap_err();
    // Where the registry should be: a damaged registry, offered a restore, kept untouched.
    assert!(matches!(err, DbError::Damaged { .. }), "{err:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "this is a Word document, honestly"
    );
}

#[test]
fn upgrading_an_existing_file_backs_it_up_first() {
    const V2: &[Migration] = &[
        MIGRATIONS[0],
        Migration {
            name: "0002_test.sql",
            sql: "ALTER TABLE families ADD COLUMN test_col TEXT;",
            hook: None,
        },
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = paths::db_path(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    bring_up_to(&mut conn, &path, None, &MIGRATIONS[..1]).unwrap();
    crate::settings::set_language(&conn, crate::settings::Language::Ru).unwrap();
    let backup = bring_up_to(&mut conn, &path, None, V2)
        .unwrap()
        .expect("a backup");
    assert!(backup.starts_with(paths::backup_dir(dir.path())));
    let name = backup.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("before-migration-v1-to-v2-"), "{name}");
    // The backup is the old schema with the old data.
    let old = Connection::open(&backup).unwrap();
    let v: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    let lang: String = old
        .query_row(
            "SELECT value FROM settings WHERE key = 'ui.language'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(lang, "ru");
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 2);
}

#[test]
fn a_failing_migration_rolls_back_completely() {
    const BAD: &[Migration] = &[
        MIGRATIONS[0],
        Migration {
            name: "0002_bad.sql",
            sql: "CREATE TABLE half_done (id TEXT); INSERT INTO no_such_table VALUES (1);",
            hook: None,
        },
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = paths::db_path(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    bring_up_to(&mut conn, &path, None, &MIGRATIONS[..1]).unwrap();
    let err = bring_up_to(&mut conn, &path, None, BAD).unwrap_err();
    assert!(matches!(err, DbError::Migration(_)), "{err:?}");
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    assert!(!table_names(&conn).contains(&"half_done".to_string()));
    // The pre-migration backup is still there for the office to fall back on.
    assert_eq!(backups_in(dir.path()).len(), 1);
}

/// Shipped migrations are never edited: a changed file would leave offices that already
/// ran it with a different schema from new installs. Add a new migration instead.
#[test]
fn shipped_migrations_are_unchanged() {
    const SHIPPED: &[(&str, u64)] = &[
        ("0001_initial.sql", 0x9680_549e_bbfe_d40b),
        ("0002_registry.sql", 0xf716_46e9_48c1_1e94),
        ("0003_aid.sql", 0xc65f_2c3f_7010_5218),
        ("0004_letters.sql", 0xced7_e92c_2fbf_134f),
        ("0005_imports.sql", 0xd787_137b_ce7e_1a79),
        ("0006_languages.sql", 0x9fe0_b20b_6dea_4b94),
        ("0007_destructions.sql", 0x45ac_29e5_a6de_6f2b),
        ("0008_accounts.sql", 0xc23a_d2f4_edec_7d13),
        ("0009_district.sql", 0x09d6_2fcb_1540_d23b),
        ("0010_aid_indexes.sql", 0xa6d9_d633_9a60_0cc0),
        ("0011_volunteer_campaigns.sql", 0xc718_ff9e_e527_d316),
        ("0012_duplicate_keys.sql", 0x2ab3_7fae_4d24_4686),
    ];
    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        })
    }
    for (m, (pinned_name, pinned_hash)) in MIGRATIONS.iter().zip(SHIPPED) {
        assert_eq!(m.name, *pinned_name);
        assert_eq!(
            fnv1a(m.sql.as_bytes()),
            *pinned_hash,
            "{} was edited after shipping (hash {:#x})",
            m.name,
            fnv1a(m.sql.as_bytes())
        );
    }
    assert!(
        MIGRATIONS.len() >= SHIPPED.len(),
        "a shipped migration was removed"
    );
}

/// A registry written by the first release (0001 only) keeps its families through 0002:
/// numbered, findable by any spelling, its places in the address reference.
#[test]
fn families_from_the_first_release_survive_the_registry_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = paths::db_path(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    bring_up_to(&mut conn, &path, None, &MIGRATIONS[..1]).unwrap();
    for (n, (id, surname, name)) in [("f1", "Серікова", "Әсел"), ("f2", "Ахметов", "Болат")]
        .iter()
        .enumerate()
    {
        let at = format!("2026-01-0{}T10:00:00.000Z", n + 1);
        conn.execute(
            "INSERT INTO families (id, village, district, street, created_at, updated_at)
             VALUES (?1, 'Ақсу', 'Сайрам ауданы', 'Абай 5', ?2, ?2)",
            rusqlite::params![id, at],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO members (id, family_id, is_head, surname, name, search_key, sort_key,
                                  birth_date, created_at, updated_at)
             VALUES (?1, ?2, 1, ?3, ?4, '', '', '1984-07-02', ?5, ?5)",
            rusqlite::params![format!("m{n}"), id, surname, name, at],
        )
        .unwrap();
    }
    drop(conn);
    let db = Database::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), MIGRATIONS.len());
    let asel = crate::family::get(db.conn(), "f1").unwrap();
    assert_eq!(asel.registry_no, 1);
    assert_eq!(
        asel.registered_on.map(|d| d.to_string()).as_deref(),
        Some("2026-01-01")
    );
    assert_eq!(crate::family::get(db.conn(), "f2").unwrap().registry_no, 2);
    let found = crate::family::search(
        &db,
        &crate::family::SearchQuery {
            text: "Asel".into(),
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].id, "f1");
    let all = crate::family::search(
        &db,
        &crate::family::SearchQuery {
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    let order: Vec<&str> = all.items.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, vec!["f2", "f1"], "Ахметов before Серікова");
    let places = crate::places::list(db.conn()).unwrap();
    assert_eq!(places.len(), 2, "{places:?}");
    assert_eq!(backups_in(dir.path()).len(), 1);
}

/// A registry from the aid release (0003) gets the letters tables: its volunteers keep
/// everything and have no stored dative yet; the seven ready templates are there; the
/// register starts empty.
#[test]
fn volunteers_from_the_aid_release_survive_the_letters_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = paths::db_path(dir.path());
    let mut conn = Connection::open(&path).unwrap();
    bring_up_to(&mut conn, &path, None, &MIGRATIONS[..3]).unwrap();
    conn.execute(
        "INSERT INTO volunteers (id, surname, name, sort_key, search_key, created_at, updated_at)
         VALUES ('v1', 'Серіков', 'Дәурен', 'серiков дәурен', 'serikov dauren',
                 '2026-05-01T10:00:00.000Z', '2026-05-01T10:00:00.000Z')",
        [],
    )
    .unwrap();
    drop(conn);
    let db = Database::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), MIGRATIONS.len());
    let v = crate::volunteers::get(db.conn(), "v1").unwrap();
    assert_eq!(v.full_name(), "Серіков Дәурен");
    let stored: Option<String> = db
        .conn()
        .query_row(
            "SELECT dative_kk FROM volunteers WHERE id = 'v1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, None);
    assert_eq!(
        crate::letters::templates::list(db.conn(), true)
            .unwrap()
            .len(),
        7
    );
    let issued: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM issued_documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(issued, 0);
}
