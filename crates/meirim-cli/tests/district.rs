//! The district roll-up through the command line: three village registries send their
//! report packages on one stick, a district reads them, sees the office that did not send,
//! and its totals equal the sums of the villages' own reports.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn cli(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_meirim-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--today", "2026-11-01"])
        .args(args)
        .env_remove("MEIRIM_DATA_DIR")
        .env_remove(meirim_core::clock::TODAY_ENV)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend(args);
    serde_json::from_slice(&cli(dir, &all).stdout).unwrap()
}

const QUARTER: [&str; 4] = ["--preset", "quarter", "--date", "2026-09-15"];

fn summary(report: &serde_json::Value, key: &str) -> i64 {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "summary")
        .unwrap()["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["key"] == key)
        .unwrap()["now"][0]
        .as_i64()
        .unwrap()
}

#[test]
fn a_district_reads_three_villages_packages_and_adds_them_up() {
    let root = tempfile::tempdir().unwrap();
    let stick = root.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let district = root.path().join("district");
    cli(
        &district,
        &[
            "office",
            "set",
            "--name-kk",
            "Сайрам ауданы",
            "--name-ru",
            "Сайрамский район",
            "--level",
            "district",
            "--kato",
            "515200000",
        ],
    );
    let card = stick.join("sairam.meirim-key");
    cli(
        &district,
        &["district", "key-card", "--out", card.to_str().unwrap()],
    );
    cli(
        &district,
        &[
            "district",
            "expect",
            "--name-kk",
            "Жібек жолы а/о",
            "--name-ru",
            "с/о Жибек жолы",
            "--kato",
            "515230400",
        ],
    );
    let mut expected_families = 0;
    let mut expected_value = 0;
    for (i, name) in ["Ақсу а/о", "Қарабұлақ а/о", "Манкент а/о"]
        .iter()
        .enumerate()
    {
        let v = root.path().join(format!("village{i}"));
        let seed = (i + 1).to_string();
        cli(
            &v,
            &[
                "demo",
                "--families",
                "150",
                "--deliveries",
                "1200",
                "--seed",
                &seed,
            ],
        );
        let kato = format!("51523010{i}");
        cli(
            &v,
            &[
                "office",
                "set",
                "--name-kk",
                name,
                "--name-ru",
                name,
                "--kato",
                &kato,
            ],
        );
        cli(&v, &["office", "key", "--card", card.to_str().unwrap()]);
        let mut args = vec!["report", "--package", "--out", stick.to_str().unwrap()];
        args.extend(QUARTER);
        let sent = json(&v, &args);
        assert!(sent["families"].as_u64().unwrap() > 0);
        let mut args = vec!["report"];
        args.extend(QUARTER);
        let own = json(&v, &args);
        expected_families += summary(&own, "families-helped");
        expected_value += summary(&own, "value");
    }
    std::fs::write(
        stick.join("photo.meirim-report"),
        b"\xff\xd8\xff\xe0 not a package",
    )
    .unwrap();

    let read = json(
        &district,
        &["district", "read", stick.to_str().unwrap(), "--add-offices"],
    );
    let outcomes: Vec<_> = read
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["refused"]["code"]
                .as_str()
                .or(r["read"]["verdict"]["kind"].as_str())
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            "package-not-meirim",
            "unknown-office",
            "unknown-office",
            "unknown-office"
        ]
    );
    // The same stick again: nothing new.
    let again = json(&district, &["district", "read", stick.to_str().unwrap()]);
    assert_eq!(again[1]["read"]["verdict"]["kind"], "already-read");

    let mut args = vec!["district", "completeness"];
    args.extend(QUARTER);
    let c = json(&district, &args);
    assert_eq!(
        (c["expected"].as_i64(), c["sent"].as_i64()),
        (Some(4), Some(3))
    );
    assert_eq!(c["rows"][0]["standing"], "missing");
    assert_eq!(c["rows"][0]["office"]["names"]["kk"], "Жібек жолы а/о");

    let mut args = vec!["district", "report"];
    args.extend(QUARTER);
    let total = json(&district, &args);
    assert_eq!(
        summary(&total["total"], "families-helped"),
        expected_families
    );
    assert_eq!(summary(&total["total"], "value"), expected_value);
    for format in ["pdf", "xlsx", "csv"] {
        let out = root.path().join(format!("district.{format}"));
        let mut args = vec!["district", "report", "--format", format, "--out"];
        args.push(out.to_str().unwrap());
        args.extend(QUARTER);
        cli(&district, &args);
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    }
    // Sent upward: the district's own package.
    let up = root.path().join("up");
    std::fs::create_dir(&up).unwrap();
    let mut args = vec!["report", "--package", "--out", up.to_str().unwrap()];
    args.extend(QUARTER);
    let sent = json(&district, &args);
    let file = std::fs::read(sent["path"].as_str().unwrap()).unwrap();
    let p = meirim_exchange::report_package::read(&file).unwrap();
    assert_eq!(
        p.report.value("summary", "families-helped"),
        Some(expected_families)
    );
}
