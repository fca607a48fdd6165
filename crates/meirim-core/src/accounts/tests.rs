#![allow(clippy::unwrap_used)]

use super::*;
use chrono::{DateTime, Utc};

use crate::db::is_plain;
use crate::db::{convert, Check, Database, RegistryKey};
use crate::{demo, paths};

const FAST: Cost = Cost::FAST_FOR_TESTS;
const DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn now() -> DateTime<Utc> {
    crate::clock::now_utc()
}

fn admin() -> NewAccount {
    NewAccount {
        login: "aigerim".into(),
        full_name: "Сапарова Әйгерім".into(),
        role: Role::Administrator,
        password: "көктем-2026".into(),
    }
}

fn worker(login: &str, role: Role) -> NewAccount {
    NewAccount {
        login: login.into(),
        full_name: format!("Қызметкер {login}"),
        role,
        password: format!("{login}-пароль"),
    }
}

fn holds(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn every_file(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(every_file(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

fn code(r: Result<SignedIn, Problem>) -> ErrorCode {
    r.map(|_| ()).unwrap_err().code
}

#[test]
fn a_new_office_creates_its_administrator_and_signs_in_with_the_password_only() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        gate(dir.path()),
        Gate::CreateAdministrator { families: None }
    );
    let (signed, key) = create_administrator(dir.path(), &admin(), FAST, Check::Now).unwrap();
    assert_eq!(signed.account.role, Role::Administrator);
    assert_eq!(signed.db.key(), Some(&key));
    drop(signed);
    assert_eq!(gate(dir.path()), Gate::SignIn);
    assert!(!is_plain(&paths::db_path(dir.path())).unwrap());
    assert_eq!(
        code(create_administrator(dir.path(), &admin(), FAST, Check::Now).map(|x| x.0)),
        ErrorCode::AccountsExist
    );

    let again = sign_in(dir.path(), " AIGERIM ", "көктем-2026", now(), Check::Now).unwrap();
    assert_eq!(again.account.login, "aigerim");
    drop(again);
    assert_eq!(
        code(sign_in(
            dir.path(),
            "aigerim",
            "көктем-2027",
            now(),
            Check::Now
        )),
        ErrorCode::SignInWrong
    );
    assert_eq!(
        code(sign_in(
            dir.path(),
            "nobody",
            "көктем-2026",
            now(),
            Check::Now
        )),
        ErrorCode::SignInWrong
    );
    // Without the key file's password the registry is not a database at all.
    assert!(Database::open_in(dir.path()).is_err());
}

#[test]
fn an_existing_registry_and_its_backups_are_encrypted_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (before, surname, iin) = {
        let mut db = Database::open_in(dir.path()).unwrap();
        demo::fill(&mut db, 25, 11, DAY).unwrap();
        crate::backup::create(&db, crate::backup::Kind::Manual, now()).unwrap();
        let (surname, iin): (String, String) = db
            .conn()
            .query_row(
                "SELECT surname, iin FROM members WHERE iin IS NOT NULL LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        (crate::db::rows_as_text(db.conn()).unwrap(), surname, iin)
    };
    assert!(every_file(dir.path()).iter().any(|f| holds(f, &iin)));
    assert_eq!(
        gate(dir.path()),
        Gate::CreateAdministrator { families: Some(25) }
    );
    let (signed, _) = create_administrator(dir.path(), &admin(), FAST, Check::Now).unwrap();
    assert_eq!(signed.encrypted_files, 2);
    let after = crate::db::rows_as_text(signed.db.conn()).unwrap();
    let kept: Vec<&String> = after
        .iter()
        .filter(|r| !r.starts_with("accounts:") && !r.starts_with("audit_log:"))
        .collect();
    let was: Vec<&String> = before
        .iter()
        .filter(|r| !r.starts_with("audit_log:"))
        .collect();
    assert_eq!(kept, was);
    // Every audit entry of before is still there.
    for row in before.iter().filter(|r| r.starts_with("audit_log:")) {
        assert!(after.contains(row), "lost {row}");
    }
    let backups = crate::backup::list(&signed.db, true).unwrap();
    assert_eq!(backups[0].contents.as_ref().unwrap().families, 25);
    signed.db.checkpoint().unwrap();
    drop(signed);
    for f in every_file(dir.path()) {
        assert!(
            !holds(&f, &iin) && !holds(&f, &surname),
            "{} holds data",
            f.display()
        );
    }
}

#[test]
fn roles_accounts_and_passwords_are_the_administrators() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = create_administrator(dir.path(), &admin(), FAST, Check::Now).unwrap();
    let by = s.account.clone();
    let op = add(
        &mut s.db,
        dir.path(),
        &by,
        &worker("bolat", Role::Operator),
        FAST,
    )
    .unwrap();
    let viewer = add(
        &mut s.db,
        dir.path(),
        &by,
        &worker("dana", Role::Viewer),
        FAST,
    )
    .unwrap();
    assert!(op.must_change_password);
    assert_eq!(
        add(
            &mut s.db,
            dir.path(),
            &by,
            &worker("BOLAT", Role::Viewer),
            FAST
        )
        .unwrap_err()
        .code,
        ErrorCode::LoginTaken
    );
    // Only an administrator adds accounts.
    assert_eq!(
        add(
            &mut s.db,
            dir.path(),
            &op,
            &worker("erlan", Role::Viewer),
            FAST
        )
        .unwrap_err()
        .code,
        ErrorCode::NotAllowed
    );
    // The last administrator stays one.
    let demote = AccountChange {
        id: by.id.clone(),
        full_name: by.full_name.clone(),
        role: Role::Operator,
        disabled: false,
    };
    assert_eq!(
        change(&mut s.db, dir.path(), &by, &demote)
            .unwrap_err()
            .code,
        ErrorCode::LastAdministrator
    );
    drop(s);

    // Each signs in with their own password; the audit log names them.
    let v = sign_in(dir.path(), "dana", "dana-пароль", now(), Check::Now).unwrap();
    assert_eq!(v.account.role, Role::Viewer);
    assert_eq!(
        crate::settings::operator(v.db.conn()).unwrap(),
        "Қызметкер dana (dana)"
    );
    drop(v);

    // The administrator disables the viewer and resets the operator's password.
    let mut s = sign_in(dir.path(), "aigerim", "көктем-2026", now(), Check::Now).unwrap();
    let by = s.account.clone();
    change(
        &mut s.db,
        dir.path(),
        &by,
        &AccountChange {
            id: viewer.id.clone(),
            full_name: viewer.full_name.clone(),
            role: Role::Viewer,
            disabled: true,
        },
    )
    .unwrap();
    set_password(&mut s.db, dir.path(), &by, &op.id, "жаңа-пароль-1", FAST).unwrap();
    drop(s);
    assert_eq!(
        code(sign_in(
            dir.path(),
            "dana",
            "dana-пароль",
            now(),
            Check::Now
        )),
        ErrorCode::SignInWrong
    );
    assert_eq!(
        code(sign_in(
            dir.path(),
            "bolat",
            "bolat-пароль",
            now(),
            Check::Now
        )),
        ErrorCode::SignInWrong
    );
    let mut o = sign_in(dir.path(), "bolat", "жаңа-пароль-1", now(), Check::Now).unwrap();
    assert!(o.account.must_change_password);
    let me = o.account.clone();
    set_password(&mut o.db, dir.path(), &me, &me.id, "менің-паролім", FAST).unwrap();
    // An operator may not set someone else's.
    assert_eq!(
        set_password(&mut o.db, dir.path(), &me, &by.id, "басқа-пароль", FAST)
            .unwrap_err()
            .code,
        ErrorCode::NotAllowed
    );
    drop(o);
    let o = sign_in(dir.path(), "bolat", "менің-паролім", now(), Check::Now).unwrap();
    assert!(!o.account.must_change_password);
    let log = crate::audit::recent(o.db.conn(), 50, true).unwrap();
    assert!(log
        .iter()
        .any(|e| e.action == "password-reset" && e.operator == "Сапарова Әйгерім (aigerim)"));
}

#[test]
fn the_recovery_key_gives_the_administrator_a_new_password_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (s, key) = create_administrator(dir.path(), &admin(), FAST, Check::Now).unwrap();
    drop(s);
    let keys_before = std::fs::read(keyfile::path(dir.path())).unwrap();
    let mut wrong = key.recovery_text().to_string();
    wrong.replace_range(0..1, if wrong.starts_with('0') { "1" } else { "0" });
    for typed in [wrong.as_str(), "not a key"] {
        assert_eq!(
            code(recover(
                dir.path(),
                typed,
                "aigerim",
                "жаңа-пароль-1",
                FAST,
                Check::Now
            )),
            ErrorCode::RecoveryKeyWrong
        );
    }
    assert_eq!(
        std::fs::read(keyfile::path(dir.path())).unwrap(),
        keys_before
    );
    let typed = key.recovery_text().to_lowercase().replace('-', " ");
    let r = recover(
        dir.path(),
        &typed,
        "aigerim",
        "жаңа-пароль-1",
        FAST,
        Check::Now,
    )
    .unwrap();
    drop(r);
    assert_eq!(
        code(sign_in(
            dir.path(),
            "aigerim",
            "көктем-2026",
            now(),
            Check::Now
        )),
        ErrorCode::SignInWrong
    );
    assert!(sign_in(dir.path(), "aigerim", "жаңа-пароль-1", now(), Check::Now).is_ok());

    // With the key file lost, the recovery key still opens the registry and makes a new one.
    std::fs::remove_file(keyfile::path(dir.path())).unwrap();
    let r = recover(
        dir.path(),
        &key.recovery_text(),
        "aigerim",
        "үшінші-пароль",
        FAST,
        Check::Now,
    )
    .unwrap();
    drop(r);
    assert!(sign_in(dir.path(), "aigerim", "үшінші-пароль", now(), Check::Now).is_ok());
}

#[test]
fn a_conversion_cut_short_at_any_step_finishes_with_everything_kept() {
    let key = RegistryKey::from_bytes([42; 32]);
    for cut in [
        "converting",
        "converted-registry-whole",
        "converted-registry-zeroed",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let registry = paths::db_path(dir.path());
        let before = {
            let mut db = Database::open_in(dir.path()).unwrap();
            demo::fill(&mut db, 8, 3, DAY).unwrap();
            db.conn()
                .pragma_update(None, "journal_mode", "DELETE")
                .unwrap();
            crate::db::rows_as_text(db.conn()).unwrap()
        };
        let converting = crate::backup::with_suffix(&registry, ".converting");
        let converted = crate::backup::with_suffix(&registry, ".converted");
        match cut {
            // Killed while the copy was being encrypted: half a copy.
            "converting" => {
                let bytes = std::fs::read(&registry).unwrap();
                std::fs::write(&converting, &bytes[..bytes.len() / 2]).unwrap();
            }
            // Killed after the checked copy was made, before or after the plain file
            // was overwritten.
            _ => {
                std::fs::copy(&registry, &converted).unwrap();
                crate::db::reencrypt_file(&converted, None, Some(&key)).unwrap();
                if cut.ends_with("zeroed") {
                    let len = std::fs::metadata(&registry).unwrap().len() as usize;
                    std::fs::write(&registry, vec![0u8; len]).unwrap();
                }
            }
        }
        convert::encrypt_registry(dir.path(), &key).unwrap();
        assert!(!converting.exists() && !converted.exists(), "{cut}");
        assert!(!is_plain(&registry).unwrap(), "{cut}");
        let db = Database::open_in_with(dir.path(), Some(&key), Check::Now).unwrap();
        assert_eq!(crate::db::rows_as_text(db.conn()).unwrap(), before, "{cut}");
    }
}

#[test]
fn a_new_registry_key_shuts_out_the_old_one_and_its_recovery_sheet() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut db = Database::open_in(dir.path()).unwrap();
        demo::fill(&mut db, 12, 8, DAY).unwrap();
        crate::backup::create(&db, crate::backup::Kind::Manual, now()).unwrap();
    }
    let (signed, old) = create_administrator(dir.path(), &admin(), FAST, Check::Now).unwrap();
    let before = crate::db::rows_as_text(signed.db.conn()).unwrap();
    let by = signed.account.clone();
    let (db, next) = rotate_key(signed.db, dir.path(), &by).unwrap();
    assert_ne!(old, next);
    assert_eq!(db.key(), Some(&next));
    let after = crate::db::rows_as_text(db.conn()).unwrap();
    let kept: Vec<&String> = after
        .iter()
        .filter(|r| !r.starts_with("audit_log:"))
        .collect();
    let was: Vec<&String> = before
        .iter()
        .filter(|r| !r.starts_with("audit_log:"))
        .collect();
    assert_eq!(kept, was);
    drop(db);
    let registry = paths::db_path(dir.path());
    assert!(crate::db::rekey::opens(&registry, &next) && !crate::db::rekey::opens(&registry, &old));
    for b in crate::backup::list_in(dir.path(), Some(&next), true).unwrap() {
        let p = Path::new(&b.path);
        assert!(crate::db::rekey::opens(p, &next), "{}", b.path);
        assert!(!crate::db::rekey::opens(p, &old), "{}", b.path);
        crate::backup::verify(p, Some(&next)).unwrap();
    }
    // The old paper opens nothing; the password still signs in.
    assert_eq!(
        code(recover(
            dir.path(),
            &old.recovery_text(),
            "aigerim",
            "жаңа-пароль-1",
            FAST,
            Check::Now
        )),
        ErrorCode::RecoveryKeyWrong
    );
    let s = sign_in(dir.path(), "aigerim", "көктем-2026", now(), Check::Now).unwrap();
    assert_eq!(s.db.key(), Some(&next));
}

#[test]
fn a_key_change_cut_short_is_finished_or_forgotten_at_the_next_sign_in() {
    for swapped in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut db = Database::open_in(dir.path()).unwrap();
            demo::fill(&mut db, 6, 9, DAY).unwrap();
            crate::backup::create(&db, crate::backup::Kind::Manual, now()).unwrap();
        }
        let (signed, old) = create_administrator(dir.path(), &admin(), FAST, Check::Now).unwrap();
        let before = crate::db::rows_as_text(signed.db.conn()).unwrap();
        let next = RegistryKey::from_bytes([77; 32]);
        // Both keys in the key file, as the change's first step leaves it…
        let path = keyfile::path(dir.path());
        let mut file = keyfile::KeyFile::load(&path).unwrap();
        file.begin_key_change(&old, &next).unwrap();
        file.save(&path).unwrap();
        let registry = paths::db_path(dir.path());
        signed.db.checkpoint().unwrap();
        if swapped {
            // …and the registry already under the new key, its backup not yet.
            crate::db::copy_to(
                signed.db.conn(),
                Some(&next),
                &dir.path().join("new.sqlite3"),
            )
            .unwrap();
            drop(signed);
            std::fs::rename(dir.path().join("new.sqlite3"), &registry).unwrap();
        } else {
            drop(signed);
        }
        let s = sign_in(dir.path(), "aigerim", "көктем-2026", now(), Check::Now).unwrap();
        let expect = if swapped { &next } else { &old };
        assert_eq!(s.db.key(), Some(expect), "swapped {swapped}");
        assert_eq!(crate::db::rows_as_text(s.db.conn()).unwrap(), before);
        for b in crate::backup::list_in(dir.path(), Some(expect), false).unwrap() {
            assert!(
                crate::db::rekey::opens(Path::new(&b.path), expect),
                "swapped {swapped}"
            );
        }
        drop(s);
        // Settled: the key file holds one key again.
        let mut file = keyfile::KeyFile::load(&path).unwrap();
        let (_, k, pending) = file.unlock("aigerim", "көктем-2026", now()).unwrap();
        assert_eq!((&k, pending), (expect, None));
    }
}
