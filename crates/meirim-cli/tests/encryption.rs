//! Encryption at rest through the real CLI: a registry from before accounts (with its
//! backups) is encrypted by `accounts init` with nothing lost and no name or IIN left in
//! any file; the printed recovery key opens it in SQLCipher itself; and power cuts —
//! `meirim-cli` killed at random moments while it encrypts, and while it changes a
//! password — always leave a registry that opens with the right key and holds everything.

#![allow(clippy::unwrap_used)]

mod common;

use common::{delays, kill_after};

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

const PASSWORD: &str = "бірінші-құпия-сөз";

fn cli(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_meirim-cli"));
    c.arg("--data-dir")
        .arg(dir)
        .env_remove("MEIRIM_DATA_DIR")
        .env_remove("MEIRIM_PAUSE_AT")
        .env("MEIRIM_TEST_FAST_PASSWORDS", "1")
        .env("MEIRIM_USER", "admin")
        .env("MEIRIM_PASSWORD", PASSWORD)
        .stdin(Stdio::null());
    c
}

fn run(mut c: Command) -> Output {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(c: Command) -> serde_json::Value {
    serde_json::from_slice(&run(c).stdout).unwrap()
}

fn demo(dir: &Path, families: &str) {
    let mut c = cli(dir);
    c.args(["demo", "--families", families, "--seed", "7"]);
    run(c);
    let mut c = cli(dir);
    c.args(["backup", "create"]);
    run(c);
}

fn init(dir: &Path) -> Command {
    let mut c = cli(dir);
    c.args([
        "--json",
        "accounts",
        "init",
        "--login",
        "admin",
        "--full-name",
        "Әкімші",
    ]);
    c
}

/// Every family row as the CLI lists it (signed in once the folder has accounts).
fn listed(dir: &Path) -> serde_json::Value {
    let mut c = cli(dir);
    c.args(["--json", "families", "list", "--limit", "100000"]);
    json(c)
}

fn every_file(dir: &Path) -> Vec<PathBuf> {
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

fn holds(path: &Path, text: &str) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// What the registry (or a backup) holds, read by SQLCipher itself with the recovery key:
/// the `sqlcipher3` Python package (`scripts/test.sh` installs it into .tools/).
fn sqlcipher_count(file: &Path, recovery_key: &str, table: &str) -> i64 {
    let python = std::env::var("MEIRIM_SQLCIPHER_PYTHON").unwrap_or_else(|_| "python3".into());
    let hex: String = recovery_key.chars().filter(|c| *c != '-').collect();
    let script = format!(
        "import sqlcipher3, sys\n\
         c = sqlcipher3.connect(sys.argv[1])\n\
         c.execute(\"PRAGMA key = \\\"x'{hex}'\\\"\")\n\
         print(c.execute('SELECT count(*) FROM {table}').fetchone()[0])"
    );
    let out = Command::new(&python)
        .args(["-c", &script])
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{python}: {e} (scripts/test.sh installs sqlcipher3)"));
    assert!(
        out.status.success(),
        "SQLCipher could not read {}: {} (scripts/test.sh installs sqlcipher3)",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn a_registry_is_encrypted_whole_and_its_recovery_key_opens_it_in_sqlcipher() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "40");
    let before = listed(dir.path());
    let first = &before["items"][0];
    let (name, iin) = (
        first["head_name"].as_str().unwrap().to_owned(),
        first["iin"].as_str().unwrap().to_owned(),
    );
    assert!(every_file(dir.path()).iter().any(|f| holds(f, &iin)));

    let made = json(init(dir.path()));
    let key = made["recovery_key"].as_str().unwrap().to_owned();
    assert_eq!(made["encrypted_files"], 2);
    assert_eq!(listed(dir.path()), before, "the same families, signed in");
    for f in every_file(dir.path()) {
        assert!(
            !holds(&f, &iin) && !holds(&f, &name),
            "{} holds a name or an IIN",
            f.display()
        );
    }
    // Standard SQLCipher 4 opens the registry and its backups with the printed key. (Not
    // in the Windows run under wine, which has no Python: the file format is the same.)
    if !cfg!(windows) {
        let registry = dir.path().join("meirim.sqlite3");
        let total = before["total"].as_i64().unwrap();
        assert!(sqlcipher_count(&registry, &key, "families") >= total);
        for b in every_file(&dir.path().join("backups")) {
            if b.extension().is_some_and(|x| x == "sqlite3") {
                assert!(sqlcipher_count(&b, &key, "families") >= total);
            }
        }
    }
    // Without accounts' credentials the CLI refuses, and says how to sign in.
    let mut c = cli(dir.path());
    c.env_remove("MEIRIM_USER").args(["families", "list"]);
    let out = c.output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("MEIRIM_PASSWORD"));
}

/// After a kill: the office signs in (or, if the key file was never written, creates the
/// administrator again) and the registry holds exactly what it held.
fn recovered(dir: &Path, before: &serde_json::Value) {
    if !dir.join("meirim.keys").exists() {
        run(init(dir));
    }
    assert_eq!(&listed(dir), before);
    assert!(!meirim_core::db::is_plain(&dir.join("meirim.sqlite3")).unwrap());
    let leftovers: Vec<PathBuf> = every_file(dir)
        .into_iter()
        .filter(|f| {
            let n = f.to_string_lossy();
            n.contains(".converting") || n.contains(".converted")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn kills_while_the_registry_is_encrypted_leave_it_whole() {
    let template = tempfile::tempdir().unwrap();
    demo(template.path(), "1500");
    let before = listed(template.path());
    let copy = |to: &Path| {
        for f in every_file(template.path()) {
            let rel = f.strip_prefix(template.path()).unwrap();
            let target = to.join(rel);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(&f, &target).unwrap();
        }
    };
    // How long a whole encryption takes here, to kill inside it.
    let timing = tempfile::tempdir().unwrap();
    copy(timing.path());
    let started = Instant::now();
    run(init(timing.path()));
    let whole = started.elapsed().as_millis() as u64;

    for (i, ms) in delays(0x5eed_c0de, 12, whole.max(20) + 20)
        .into_iter()
        .enumerate()
    {
        let dir = tempfile::tempdir().unwrap();
        copy(dir.path());
        let finished = kill_after(init(dir.path()), ms);
        eprintln!("kill {i} after {ms} ms (finished: {finished})");
        recovered(dir.path(), &before);
    }
    // The two moments a random kill rarely hits: the copy made but not yet encrypted, and
    // the encrypted copy checked but not yet in place (pause points, debug builds).
    if cfg!(debug_assertions) {
        for point in ["convert-copied", "convert-checked"] {
            let dir = tempfile::tempdir().unwrap();
            copy(dir.path());
            let mut c = init(dir.path());
            c.env("MEIRIM_PAUSE_AT", point);
            let finished = kill_after(c, 2500);
            assert!(!finished, "{point}: the pause point was not reached");
            recovered(dir.path(), &before);
        }
    }
}

#[test]
fn kills_while_a_password_changes_leave_the_old_or_the_new_one_working() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "30");
    run(init(dir.path()));
    let before = listed(dir.path());
    let mut current = PASSWORD.to_owned();
    for (i, ms) in delays(0xfeed_beef, 15, 60).into_iter().enumerate() {
        let next = format!("жаңа-құпия-сөз-{i}");
        let mut c = cli(dir.path());
        c.env("MEIRIM_PASSWORD", &current)
            .env("MEIRIM_NEW_PASSWORD", &next)
            .args(["accounts", "password"]);
        kill_after(c, ms);
        // Exactly one of the two opens the registry, and it holds everything.
        let works = |p: &str| {
            let mut c = cli(dir.path());
            c.env("MEIRIM_PASSWORD", p)
                .args(["--json", "families", "list", "--limit", "100000"]);
            c.output().unwrap()
        };
        let (old, new) = (works(&current), works(&next));
        assert!(
            old.status.success() != new.status.success(),
            "kill {i} after {ms} ms: old {} new {}",
            old.status,
            new.status
        );
        let changed = new.status.success();
        eprintln!("password kill {i} after {ms} ms: changed {changed}");
        let out = if changed { new } else { old };
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got, before, "kill {i} after {ms} ms");
        if changed {
            current = next;
        }
    }
}

#[test]
fn kills_while_the_registry_key_changes_leave_it_whole_under_one_key() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "800");
    run(init(dir.path()));
    let mut c = cli(dir.path());
    c.args(["backup", "create"]);
    run(c);
    let before = listed(dir.path());
    let change = || {
        let mut c = cli(dir.path());
        c.args(["accounts", "change-key"]);
        c
    };
    let started = Instant::now();
    run(change());
    let whole = started.elapsed().as_millis() as u64;
    let check = |what: &str| {
        // Signing in settles a change cut short; everything is there, every backup reads.
        assert_eq!(&listed(dir.path()), &before, "{what}");
        let mut c = cli(dir.path());
        c.args(["--json", "backup", "list"]);
        let backups = json(c);
        for b in backups.as_array().unwrap() {
            assert!(
                !b["contents"].is_null(),
                "{what}: {} does not open",
                b["path"]
            );
        }
        let leftovers: Vec<PathBuf> = every_file(dir.path())
            .into_iter()
            .filter(|f| f.to_string_lossy().contains(".rekeying"))
            .collect();
        assert!(leftovers.is_empty(), "{what}: {leftovers:?}");
    };
    for (i, ms) in delays(0xc0ff_ee00, 10, whole.max(20) + 20)
        .into_iter()
        .enumerate()
    {
        let finished = kill_after(change(), ms);
        eprintln!("key change kill {i} after {ms} ms (finished: {finished})");
        check(&format!("kill {i} after {ms} ms"));
    }
    if cfg!(debug_assertions) {
        for point in ["rekey-pending", "rekey-copied", "rekey-swapped"] {
            let mut c = change();
            c.env("MEIRIM_PAUSE_AT", point);
            assert!(
                !kill_after(c, 2500),
                "{point}: the pause point was not reached"
            );
            check(point);
        }
    }
}
