//! Power cuts during a backup and during a restore, played by killing `meirim-cli` (SIGKILL)
//! at many random moments: afterwards the registry must open whole and hold either the old
//! data or the restored data — never a mix — and every listed backup must verify. An
//! encrypted backup killed part-way leaves no unencrypted copy of the registry once
//! Meirim has started again.

#![allow(clippy::unwrap_used)]

mod common;

use common::{delays, kill_after};

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use meirim_core::{backup, Database};

fn cli(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_meirim-cli"));
    c.arg("--data-dir")
        .arg(dir)
        .env_remove("MEIRIM_DATA_DIR")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn families(dir: &Path) -> u32 {
    let db = Database::open_in(dir).unwrap();
    backup::contents_of(db.path(), None).unwrap().families
}

/// Files under `dir` that hold a registry unencrypted («SQLite format 3» at the start),
/// other than the registry itself and the local backups the backup screen lists.
fn plaintext_copies(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            let listed = name == "meirim.sqlite3"
                || (name.starts_with("meirim-") && name.ends_with(".sqlite3"));
            let mut head = [0u8; 15];
            let is_sqlite = std::fs::File::open(&p)
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
                .is_ok()
                && &head == b"SQLite format 3";
            if is_sqlite && !listed {
                found.push(p);
            }
        }
    }
    found
}

/// How long an uninterrupted run takes, so the kills fall inside it.
fn duration_of(mut cmd: Command) -> u64 {
    let started = Instant::now();
    assert!(cmd.status().unwrap().success());
    (started.elapsed().as_millis() as u64).max(20)
}

#[test]
fn killing_a_backup_or_a_restore_at_random_moments_never_leaves_a_broken_registry() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut demo = cli(data);
    demo.args([
        "demo",
        "--families",
        "300",
        "--deliveries",
        "600",
        "--seed",
        "4",
    ]);
    assert!(demo.status().unwrap().success());

    // Backups killed part-way.
    let mut create = cli(data);
    create.args(["backup", "create"]);
    let span = duration_of(create);
    let mut finished = 0;
    let runs = delays(7, 25, span * 2);
    for ms in &runs {
        let mut c = cli(data);
        c.args(["backup", "create"]);
        if kill_after(c, *ms) {
            finished += 1;
        }
        assert_eq!(families(data), 300, "the registry is untouched by a backup");
    }
    let db = Database::open_in(data).unwrap();
    let listed = backup::list(&db, false).unwrap();
    for b in &listed {
        backup::verify(Path::new(&b.path), None).unwrap();
    }
    eprintln!(
        "backup: {} runs killed at 0–{} ms, {finished} had finished, {} backups listed, all verify",
        runs.len(),
        span * 2,
        listed.len()
    );
    let good = listed[0].path.clone();
    drop(db);

    // Encrypted backups to a "stick" killed part-way: the snapshot they encrypt from is
    // the whole registry in the clear, and must not outlive the next start.
    let stick = tempfile::tempdir().unwrap();
    let sealed = || {
        let mut c = cli(data);
        c.args(["backup", "create", "--to"])
            .arg(stick.path())
            .env("MEIRIM_BACKUP_PASSPHRASE", "Мейірім-2026 кеңсе");
        c
    };
    let span = duration_of(sealed());
    let runs = delays(13, 20, span * 2);
    let mut left_behind = 0;
    for ms in &runs {
        kill_after(sealed(), *ms);
        left_behind += plaintext_copies(data).len();
        assert_eq!(families(data), 300, "opening the registry again");
        let copies = plaintext_copies(data);
        assert!(
            copies.is_empty(),
            "unencrypted copies after a restart: {copies:?}"
        );
        assert!(plaintext_copies(stick.path()).is_empty());
    }
    eprintln!(
        "encrypted backup: {} runs killed at 0–{} ms, {left_behind} left a plaintext copy, all gone at the next start",
        runs.len(),
        span * 2
    );

    // Restores killed part-way: each leaves the registry old (300 + added) or restored (300).
    let add = |n: u32| {
        for i in 0..n {
            let mut c = cli(data);
            c.args([
                "families",
                "add",
                "--surname",
                "Қосымша",
                "--name",
                &format!("Отбасы{i}"),
                "--accept-duplicates",
            ]);
            assert!(c.status().unwrap().success());
        }
    };
    add(3);
    let mut restore = cli(data);
    restore.args(["backup", "restore", &good, "--yes"]);
    let span = duration_of(restore);
    assert_eq!(families(data), 300);
    let (mut old, mut new) = (0, 0);
    let runs = delays(11, 25, span * 2);
    for ms in &runs {
        add(3);
        let before = families(data);
        let mut c = cli(data);
        c.args(["backup", "restore", &good, "--yes"]);
        kill_after(c, *ms);
        // Opening checks the file (quick_check) and would refuse a damaged one.
        let after = families(data);
        assert!(
            after == before || after == 300,
            "after a killed restore: {after} families, neither {before} nor 300"
        );
        if after == 300 {
            new += 1;
        } else {
            old += 1;
        }
    }
    eprintln!(
        "restore: {} runs killed at 0–{} ms: {old} left the old registry, {new} the restored one, none broken",
        runs.len(),
        span * 2
    );
}

/// Letters batches of 400 killed at random moments: a PDF only ever appears under its name
/// with every number on it in the register (the file is staged beside its name, the numbers
/// committed, then it is renamed), and a staged file a kill left is gone at the next start.
#[test]
fn killing_a_letters_batch_never_leaves_a_pdf_with_numbers_the_register_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let names = data.join("names.txt");
    let list: String = (0..400)
        .map(|i| format!("Серікова Әсел{i} Бауыржанқызы\n"))
        .collect();
    std::fs::write(&names, list).unwrap();
    let batch = || {
        let mut c = cli(data);
        c.args([
            "letters",
            "issue",
            "--template",
            "gratitude-deed",
            "--names",
        ])
        .arg(&names)
        .args([
            "--deed-kk",
            "көмір жеткізуге көмектескеніңіз",
            "--date",
            "21.11.2026",
        ]);
        c
    };
    let span = duration_of(batch());
    let documents = data.join("documents");
    // Whether the register has `number` (the register list shows the newest only).
    let registered = |number: &str| -> bool {
        let out = cli(data)
            .args(["--json", "letters", "verify", number])
            .stdout(Stdio::piped())
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["status"] == "valid"
    };
    let runs = delays(17, 20, span * 2);
    let mut staged_left = 0;
    for ms in &runs {
        kill_after(batch(), *ms);
        let files: Vec<String> = std::fs::read_dir(&documents)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        staged_left += files.iter().filter(|f| f.ends_with(".partial")).count();
        // Opening the registry (here: asking the register) sweeps staged files.
        for f in files
            .iter()
            .filter(|f| f.starts_with("letters-") && f.ends_with(".pdf"))
        {
            // letters-401-2026.pdf holds № 401/2026 … № 800/2026: all in one transaction.
            let first = f.trim_start_matches("letters-").trim_end_matches(".pdf");
            let seq: u32 = first.split('-').next().unwrap().parse().unwrap();
            for n in [seq, seq + 399] {
                let number = format!("{n}/2026");
                assert!(
                    registered(&number),
                    "{f} carries {number}, not in the register"
                );
            }
        }
        if files.iter().all(|f| !f.starts_with("letters-")) {
            registered("1/2026");
        }
        let left: Vec<String> = std::fs::read_dir(&documents)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".partial") || f.starts_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "staged files after a restart: {left:?}");
    }
    eprintln!(
        "letters: {} batches killed at 0–{} ms, {staged_left} left a staged file, all gone at the next start",
        runs.len(),
        span * 2
    );

    // The two moments a random kill rarely hits, held open and killed in. Only a debug
    // build has the pause points (the Windows tests under wine run a release build).
    if !cfg!(debug_assertions) {
        return;
    }
    let staged_file = || {
        std::fs::read_dir(&documents)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".partial"))
    };
    let pdfs = || {
        std::fs::read_dir(&documents)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("letters-"))
            .count()
    };
    for (at, numbers_kept) in [("letters-staged", false), ("letters-committed", true)] {
        let before = pdfs();
        // The next number, read straight from the file (a Meirim start would sweep).
        let next: u32 = rusqlite::Connection::open(data.join("meirim.sqlite3"))
            .unwrap()
            .query_row(
                "SELECT ifnull(max(seq), 0) + 1 FROM issued_documents WHERE year = 2026",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let mut c = batch();
        c.env("MEIRIM_PAUSE_AT", at);
        let mut child = c.spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while !staged_file() {
            assert!(Instant::now() < deadline, "the batch never staged its PDF");
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(300));
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(pdfs(), before, "{at}: no PDF took its name");
        let first = format!("{next}/2026");
        assert_eq!(
            registered(&first),
            numbers_kept,
            "{at}: numbers in the register"
        );
        assert!(
            !staged_file(),
            "{at}: the staged PDF is gone at the next start"
        );
    }
}
