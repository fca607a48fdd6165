//! A family moved between two offices through the command line: sent (and archived), its
//! file unreadable without the passphrase, received with its aid, refused a second time
//! unless its history goes to the family already there.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meirim-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--today", "2026-11-20", "--json"])
        .args(args)
        .env_remove("MEIRIM_DATA_DIR")
        .env_remove(meirim_core::clock::TODAY_ENV)
        .env("MEIRIM_TRANSFER_PASSPHRASE", "көктем-2026-жыл")
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = cli(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_family_moves_to_another_office_with_its_aid() {
    let root = tempfile::tempdir().unwrap();
    let (here, there, stick) = (
        root.path().join("here"),
        root.path().join("there"),
        root.path().join("stick"),
    );
    std::fs::create_dir(&stick).unwrap();
    for (dir, seed) in [(&here, "3"), (&there, "4")] {
        let made = cli(
            dir,
            &[
                "demo",
                "--families",
                "30",
                "--deliveries",
                "300",
                "--seed",
                seed,
            ],
        );
        assert!(made.status.success());
    }
    let family = ok(&here, &["families", "show", "7"]);
    let aid_here = ok(&here, &["aid", "list", "7"]);
    let sent = ok(
        &here,
        &[
            "transfer",
            "send",
            "7",
            "--reason",
            "Шымкентке көшті",
            "--out",
            stick.to_str().unwrap(),
        ],
    );
    let file = sent["path"].as_str().unwrap().to_owned();
    assert_eq!(ok(&here, &["families", "show", "7"])["status"], "archived");
    let bytes = std::fs::read(&file).unwrap();
    let head = family["members"][0]["surname"].as_str().unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains(head));

    let preview = ok(&there, &["transfer", "receive", &file, "--dry-run"]);
    assert_eq!(preview["matches"], serde_json::json!([]));
    let got = ok(&there, &["transfer", "receive", &file]);
    assert_eq!(got["registry_no"], 31);
    assert_eq!(
        got["members"].as_array().unwrap().len(),
        family["members"].as_array().unwrap().len()
    );
    let aid_there = ok(&there, &["aid", "list", "31"]);
    assert_eq!(
        aid_there.as_array().unwrap().len(),
        aid_here.as_array().unwrap().len()
    );

    // Again: refused, the family is here; into that family: its history extended.
    let again = cli(&there, &["transfer", "receive", &file]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("transfer-already-here"));
    ok(&there, &["transfer", "receive", &file, "--into", "31"]);
    assert_eq!(
        ok(&there, &["aid", "list", "31"]).as_array().unwrap().len(),
        2 * aid_here.as_array().unwrap().len()
    );
    // The wrong passphrase opens nothing.
    let wrong = Command::new(env!("CARGO_BIN_EXE_meirim-cli"))
        .args([
            "--data-dir",
            there.to_str().unwrap(),
            "--json",
            "transfer",
            "receive",
            &file,
        ])
        .env("MEIRIM_TRANSFER_PASSPHRASE", "another one entirely")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("backup-wrong-passphrase"));
}
