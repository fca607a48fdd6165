//! Runs the built `meirim-cli` binary against temporary data folders.

// Test helpers outside #[test] fns are not covered by clippy.toml's test allowance.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meirim-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("MEIRIM_DATA_DIR")
        .env_remove(meirim_core::clock::TODAY_ENV)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn valid_iin() -> String {
    (0..50)
        .find_map(|s| synthesize(NaiveDate::from_ymd_opt(1979, 11, 30).unwrap(), Sex::Male, s))
        .unwrap()
        .as_str()
        .to_owned()
}

#[test]
fn add_then_search_and_show_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let iin = valid_iin();
    let add = cli(
        dir.path(),
        &[
            "--json",
            "families",
            "add",
            "--surname",
            "Тоқаев",
            "--name",
            "Ерлан",
            "--patronymic",
            "Серікұлы",
            "--iin",
            &iin,
            "--oblast",
            "Жамбыл облысы",
            "--category",
            "pensioner",
        ],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let created: serde_json::Value = serde_json::from_str(&stdout(&add)).unwrap();
    let id = created["family"]["id"].as_str().unwrap().to_owned();
    // IIN pre-fill happens in the form; here birth date was not given, so no warnings.
    assert_eq!(created["warnings"], serde_json::json!([]));

    let found = cli(dir.path(), &["--json", "families", "search", "ТОҚА"]);
    let page: serde_json::Value = serde_json::from_str(&stdout(&found)).unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["head_name"], "Тоқаев Ерлан Серікұлы");

    let by_iin = cli(dir.path(), &["--json", "families", "search", &iin[..4]]);
    let page: serde_json::Value = serde_json::from_str(&stdout(&by_iin)).unwrap();
    assert_eq!(page["items"][0]["id"], id.as_str());

    let show = cli(dir.path(), &["--json", "families", "show", &id]);
    let family: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert_eq!(family["address"]["oblast"]["iso_code"], "KZ-31");
    assert_eq!(family["categories"][0]["code"], "pensioner");
}

/// Every row of the registry in `dir`, in a fixed order, as text.
fn rows_of(dir: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(meirim_core::paths::db_path(dir)).unwrap();
    meirim_core::db::rows_as_text(&conn).unwrap()
}

#[test]
fn the_demo_with_the_same_seed_and_day_writes_the_same_rows() {
    // The stock letter templates carry the moment the file was made, and the registry's
    // own office its own UUID; the rest of a new registry is the same in every office.
    let demo_rows = |dir: &Path| -> Vec<String> {
        let mut rows = rows_of(dir);
        rows.retain(|r| !r.starts_with("letter_templates: ") && !r.starts_with("offices: "));
        rows
    };
    let demo = |dir: &Path, seed: &str, today: &str| {
        let out = cli(
            dir,
            &[
                "demo",
                "--families",
                "80",
                "--deliveries",
                "400",
                "--seed",
                seed,
                "--today",
                today,
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        demo_rows(dir)
    };

    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let first = demo(a.path(), "3", "2026-11-01");
    assert!(first.len() > 1_000, "{}", first.len());
    assert_eq!(first, demo(b.path(), "3", "2026-11-01"));
    assert_ne!(first, demo(c.path(), "4", "2026-11-01"));
    // MEIRIM_TODAY sets the day as --today does.
    let d = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_meirim-cli"))
        .args(["--data-dir"])
        .arg(d.path())
        .args([
            "demo",
            "--families",
            "80",
            "--deliveries",
            "400",
            "--seed",
            "3",
        ])
        .env(meirim_core::clock::TODAY_ENV, "2026-11-01")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(first, demo_rows(d.path()));
    let bad = cli(d.path(), &["--today", "2027-02-29", "dashboard"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("2027-02-29"), "{}", stderr(&bad));
}

#[test]
fn human_output_is_kazakh_by_default_and_russian_on_request() {
    let dir = tempfile::tempdir().unwrap();
    cli(
        dir.path(),
        &["families", "add", "--surname", "Әбілова", "--name", "Сәуле"],
    );
    let kk = stdout(&cli(dir.path(), &["families", "list"]));
    assert!(
        kk.contains("Отбасы басшысы") && kk.contains("Әбілова Сәуле"),
        "{kk}"
    );
    let ru = stdout(&cli(dir.path(), &["--lang", "ru", "families", "list"]));
    assert!(
        ru.contains("Глава семьи") && ru.contains("Показано 1 из 1."),
        "{ru}"
    );
}

#[test]
fn invalid_input_fails_with_localized_field_messages_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        dir.path(),
        &[
            "families",
            "add",
            "--surname",
            " ",
            "--name",
            "Ерлан",
            "--iin",
            "12345678901",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("members.0.surname: Бұл өрісті толтырыңыз."),
        "{err}"
    );
    assert!(
        err.contains("ЖСН 12 цифрдан тұрады, ал енгізілгені — 11."),
        "{err}"
    );
    let list = stdout(&cli(dir.path(), &["--json", "families", "list"]));
    let page: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(page["total"], 0);
}

#[test]
fn data_dir_comes_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_meirim-cli"))
        .arg("where")
        .env("MEIRIM_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out).trim(),
        dir.path().join("meirim.sqlite3").display().to_string()
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["families", "list"]);
    let conn = rusqlite::Connection::open(dir.path().join("meirim.sqlite3")).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let out = cli(dir.path(), &["--lang", "ru", "families", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("более новой версией Мейірім (схема 99"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_family_card_lands_in_the_documents_folder_or_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let add = cli(
        dir.path(),
        &[
            "--json",
            "families",
            "add",
            "--surname",
            "Құрманова",
            "--name",
            "Гүлназ",
        ],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let created: serde_json::Value = serde_json::from_str(&stdout(&add)).unwrap();
    let id = created["family"]["id"].as_str().unwrap().to_owned();
    let no = created["family"]["registry_no"].as_u64().unwrap();

    let card = cli(dir.path(), &["--json", "families", "card", &id]);
    assert!(card.status.success(), "{}", stderr(&card));
    let saved: serde_json::Value = serde_json::from_str(&stdout(&card)).unwrap();
    let path = Path::new(saved["path"].as_str().unwrap()).to_owned();
    assert_eq!(
        path,
        dir.path()
            .join("documents")
            .join(format!("family-card-{no}.pdf"))
    );
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));

    let elsewhere = dir.path().join("card.pdf");
    let out = cli(
        dir.path(),
        &[
            "families",
            "card",
            &id,
            "--out",
            elsewhere.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("card.pdf"), "{}", stdout(&out));
    assert!(std::fs::read(&elsewhere).unwrap().starts_with(b"%PDF-"));

    let missing = cli(dir.path(), &["families", "card", "no-such-family"]);
    assert!(!missing.status.success());
    assert!(!stderr(&missing).is_empty());
}

#[test]
fn the_office_corrects_places_and_categories_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let add = cli(
        dir.path(),
        &[
            "families",
            "add",
            "--surname",
            "Әлиева",
            "--name",
            "Айгүл",
            "--village",
            "Аксуу",
        ],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let places: serde_json::Value = serde_json::from_str(&stdout(&cli(
        dir.path(),
        &["--json", "reference", "places"],
    )))
    .unwrap();
    assert_eq!(places[0]["name"], "Аксуу");
    assert_eq!(places[0]["families"], 1);
    let id = places[0]["id"].as_str().unwrap();

    let bad = cli(
        dir.path(),
        &["reference", "rename-place", id, "Ақсу", "--kato", "12"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("КАТО"), "{}", stderr(&bad));
    let renamed = cli(dir.path(), &["reference", "rename-place", id, "Ақсу"]);
    assert!(renamed.status.success(), "{}", stderr(&renamed));
    let list = stdout(&cli(dir.path(), &["--json", "families", "list"]));
    assert!(list.contains("Ақсу"), "{list}");
    let in_use = cli(dir.path(), &["reference", "remove-place", id]);
    assert_eq!(in_use.status.code(), Some(1));

    let added = cli(
        dir.path(),
        &[
            "reference",
            "add-category",
            "--kk",
            "Өрт зардап шеккендер",
            "--ru",
            "Погорельцы",
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let hide = cli(dir.path(), &["reference", "hide-category", "погорельцы"]);
    assert!(hide.status.success(), "{}", stderr(&hide));
    let cats = stdout(&cli(dir.path(), &["reference", "categories"]));
    let line = cats.lines().find(|l| l.contains("Өрт")).unwrap();
    assert!(line.contains("жасырылған"), "{cats}");
}

#[test]
fn aid_is_given_by_registry_number_refused_too_soon_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let add = cli(
        dir.path(),
        &[
            "families",
            "add",
            "--surname",
            "Оспанова",
            "--name",
            "Гүлнар",
        ],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let give = |extra: &[&str]| {
        let mut args = vec!["--json", "aid", "give", "1", "--type", "coal"];
        args.extend_from_slice(extra);
        cli(dir.path(), &args)
    };
    let first = give(&["--quantity", "2,5", "--date", "12.10.2025", "--receipt"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let d: serde_json::Value = serde_json::from_str(&stdout(&first)).unwrap();
    assert_eq!(d[0]["value"], 75_000);
    assert_eq!(d[0]["quantity_milli"], 2_500);

    let again = give(&["--date", "20.02.2026"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("aid-too-soon"),
        "{}",
        stderr(&again)
    );
    let anyway = give(&["--date", "20.02.2026", "--override", "Үйі су басқан"]);
    assert!(anyway.status.success(), "{}", stderr(&anyway));

    let list = cli(dir.path(), &["aid", "list", "№1"]);
    let text = stdout(&list);
    assert_eq!(text.matches("көмір").count(), 2, "{text}");
    assert!(text.contains("75\u{a0}000\u{a0}₸"), "{text}");
}

#[test]
fn letters_for_a_campaigns_volunteers_come_out_as_one_pdf() {
    use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
    use meirim_core::volunteers::{self, ActivityInput, ActivityKind, VolunteerInput};
    let dir = tempfile::tempdir().unwrap();
    {
        let mut db = meirim_core::Database::open_in(dir.path()).unwrap();
        let c = campaigns::create(
            &mut db,
            &CampaignInput {
                name: "Көктемгі сенбілік".into(),
                name_ru: None,
                kind: CampaignKind::Cleanup,
                starts_on: None,
                ends_on: None,
                organiser_id: None,
                funding_source_id: None,
                description: None,
            },
        )
        .unwrap();
        for surname in ["Тоқаев", "Әуезов"] {
            let v = volunteers::create(
                &mut db,
                &VolunteerInput {
                    surname: surname.into(),
                    name: "Асхат".into(),
                    sex: Some(Sex::Male),
                    ..Default::default()
                },
            )
            .unwrap();
            volunteers::activities::log(
                &mut db,
                &ActivityInput {
                    volunteer_id: v.id,
                    campaign_id: Some(c.id.clone()),
                    kind: Some(ActivityKind::TreePlanting),
                    hours: "3".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        }
        db.checkpoint().unwrap();
    }
    let out = dir.path().join("letters.pdf");
    let run = cli(
        dir.path(),
        &[
            "--json",
            "letters",
            "--template",
            "gratitude-campaign",
            "--campaign",
            "көктемгі сенбілік",
            "--date",
            "20.11.2026",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let done: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    let numbers: Vec<&str> = done["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["1/2026", "2/2026"]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    // A typed list from standard input, then the register: verify, cancel, verify again.
    let names = dir.path().join("names.txt");
    std::fs::write(
        &names,
        "Серіков Дәурен Болатұлы\nВолкова Анастасия Сергеевна\n",
    )
    .unwrap();
    let typed = cli(
        dir.path(),
        &[
            "letters",
            "issue",
            "--template",
            "gratitude-deed",
            "--names",
            names.to_str().unwrap(),
            "--deed-kk",
            "көмір жеткізуге көмектескеніңіз",
            "--date",
            "21.11.2026",
        ],
    );
    assert!(typed.status.success(), "{}", stderr(&typed));
    assert!(
        stdout(&typed).contains("№ 3/2026 – № 4/2026"),
        "{}",
        stdout(&typed)
    );
    let verify = |code: &str| {
        let run = cli(dir.path(), &["--json", "letters", "verify", code]);
        assert!(run.status.success(), "{}", stderr(&run));
        let v: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
        v["status"].as_str().unwrap().to_owned()
    };
    assert_eq!(verify("№ 4/2026"), "valid");
    let cancel = cli(
        dir.path(),
        &["letters", "cancel", "4/2026", "--reason", "Аты қате"],
    );
    assert!(cancel.status.success(), "{}", stderr(&cancel));
    assert_eq!(verify("4/2026"), "cancelled");
    assert_eq!(verify("40/2026"), "not-found");
    let register = cli(dir.path(), &["letters", "register", "--search", "volkova"]);
    assert!(stdout(&register).contains("Волкова Анастасия Сергеевна"));
    assert!(stdout(&register).contains("Аты қате"));
    let reprint = dir.path().join("again.pdf");
    let again = cli(
        dir.path(),
        &[
            "letters",
            "reprint",
            "2/2026",
            "--out",
            reprint.to_str().unwrap(),
        ],
    );
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(std::fs::read(&reprint).unwrap().starts_with(b"%PDF-"));

    let bad = cli(
        dir.path(),
        &[
            "letters",
            "--template",
            "no-such",
            "--campaign",
            "көктемгі сенбілік",
            "--out",
            "x.pdf",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn a_list_export_needs_the_personal_data_choice_and_is_audit_logged() {
    let dir = tempfile::tempdir().unwrap();
    let demo = cli(
        dir.path(),
        &["demo", "--families", "15", "--deliveries", "40"],
    );
    assert!(demo.status.success(), "{}", stderr(&demo));
    let out = dir.path().join("families.csv");
    let refused = cli(
        dir.path(),
        &[
            "export",
            "families",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("дербес деректері"),
        "{}",
        stderr(&refused)
    );
    assert!(!out.exists());
    let done = cli(
        dir.path(),
        &[
            "export",
            "families",
            "--format",
            "csv",
            "--personal-data",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}Отбасы №;"));
    assert!(!text.contains("ЖСН"), "no IIN column unless asked");
    let db = meirim_core::Database::open_in(dir.path()).unwrap();
    let logged: String = db
        .conn()
        .query_row(
            "SELECT summary FROM audit_log WHERE action = 'export'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        logged.contains("families") && logged.contains("IIN no"),
        "{logged}"
    );

    // A report to a folder that is not there: a clear reason, no file.
    let gone = dir.path().join("no-stick").join("r.csv");
    let failed = cli(
        dir.path(),
        &[
            "report",
            "--preset",
            "year",
            "--format",
            "csv",
            "--out",
            gone.to_str().unwrap(),
        ],
    );
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains("флешка не қалта табылмады"),
        "{}",
        stderr(&failed)
    );
}

/// A column letter beyond Excel's columns (or not a column at all) is refused with the
/// allowed form; it once aborted the CLI, and a longer one overflowed.
#[test]
fn import_map_with_a_column_beyond_excel_is_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let list =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import/office-list.xls");
    let list = list.to_str().unwrap();
    let long = format!("{}=iin", "Z".repeat(40));
    for map in ["ZZZZZZZ=iin", long.as_str(), "XFE=iin", "Q=iin"] {
        let out = cli(dir.path(), &["import", list, "--dry-run", "--map", map]);
        assert_eq!(out.status.code(), Some(1), "{map}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("C=full-name"),
            "{map}: {}",
            stderr(&out)
        );
    }
    let out = cli(dir.path(), &["import", list, "--dry-run", "--map", "C=iin"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Everything that puts personal data into a file, or records a volunteer, is in the audit
/// log — a list export even when its file could not be written (it is logged first).
#[test]
fn volunteers_encrypted_backups_family_cards_and_exports_are_in_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    assert!(cli(dir.path(), &["demo", "--families", "3"])
        .status
        .success());
    let out = cli(
        dir.path(),
        &[
            "volunteers",
            "add",
            "--surname",
            "Жұмабаева",
            "--name",
            "Әлия",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = Command::new(env!("CARGO_BIN_EXE_meirim-cli"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["backup", "create", "--to"])
        .arg(stick.path())
        .env("MEIRIM_BACKUP_PASSPHRASE", "ұзын құпия сөз 2026")
        .env_remove("MEIRIM_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cli(dir.path(), &["families", "card", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let unwritable = dir.path().join("no-such-folder").join("families.csv");
    let out = cli(
        dir.path(),
        &[
            "export",
            "families",
            "--personal-data",
            "--with-iin",
            "--out",
            unwritable.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());

    let log: serde_json::Value = serde_json::from_str(&stdout(&cli(
        dir.path(),
        &["--json", "audit", "--limit", "10"],
    )))
    .unwrap();
    let entries = log.as_array().unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        &actions[..5],
        [
            "export",
            "export",
            "family-card-printed",
            "backup-sealed",
            "volunteer-added"
        ],
        "newest first: {log:#}"
    );
    let summary = |i: usize| {
        entries[i]["summary"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(summary(0).contains("not written"), "{}", summary(0));
    assert!(
        summary(1).contains("IIN yes") && summary(1).contains("families.csv"),
        "{}",
        summary(1)
    );
    assert!(entries[2]["family_id"].is_string() && summary(2).ends_with("family-card-1.pdf"));
    assert!(
        summary(3).starts_with("3 families") && summary(3).contains(stick.path().to_str().unwrap())
    );
    assert!(summary(4).starts_with("Жұмабаева Әлия"), "{}", summary(4));
    // --office leaves out the family's own entry.
    let office: serde_json::Value =
        serde_json::from_str(&stdout(&cli(dir.path(), &["--json", "audit", "--office"]))).unwrap();
    assert!(office
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["family_id"].is_null()));
    // The table reads in Kazakh.
    assert!(stdout(&cli(dir.path(), &["audit", "--office"])).contains("Шифрланған көшірме жасалды"));
}

/// Commands that only read skip the whole-file check and never write: the registry and its
/// WAL keep every byte through a report, the duplicate list, a search and the dashboard,
/// while a command that writes still goes through (and still changes the file).
#[test]
fn reading_commands_leave_the_registry_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        dir.path(),
        &[
            "demo",
            "--families",
            "40",
            "--deliveries",
            "200",
            "--today",
            "2026-11-01",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let files = |dir: &Path| -> Vec<Vec<u8>> {
        ["meirim.sqlite3", "meirim.sqlite3-wal"]
            .iter()
            .map(|f| std::fs::read(dir.join(f)).unwrap_or_default())
            .collect()
    };
    let before = files(dir.path());
    let csv = dir.path().join("year.csv");
    for args in [
        vec![
            "report",
            "--from",
            "01.01.2026",
            "--to",
            "31.12.2026",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
        vec![
            "--json",
            "report",
            "--preset",
            "year",
            "--today",
            "2026-11-01",
        ],
        vec!["families", "duplicates"],
        vec!["families", "search", "а"],
        vec!["dashboard", "--today", "2026-11-01"],
    ] {
        let out = cli(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(files(dir.path()) == before, "{args:?} changed the registry");
    }
    assert!(std::fs::read_to_string(&csv).unwrap().contains(';'));
    let out = cli(dir.path(), &["operator", "Әсел"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        files(dir.path()) != before,
        "a write still reaches the file"
    );
}
