//! `meirim-cli bench-district`: a district's quarter with many village offices. Each office
//! is a demo registry of its own (its own seed) that writes its package file with the
//! district's key, as «Ауданға жіберу» does; then, timed, a fresh district registry reads
//! every package from the folder and builds the consolidated report (completeness, totals,
//! doubles), and renders it as PDF and XLSX. Medians over --runs fresh districts.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use meirim_core::district::office::{self, Level, OfficeInput};
use meirim_core::district::{consolidate, key, receive};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::{Period, Preset};
use meirim_core::settings::Language;
use meirim_core::{clock, demo, Database};
use serde::Serialize;

use crate::output::{peak_rss_kib, say};

pub struct Args {
    pub offices: u32,
    pub families: u32,
    pub deliveries: u32,
    pub runs: usize,
    pub out_dir: PathBuf,
}

#[derive(Serialize)]
struct Report {
    offices: u32,
    families_per_office: u32,
    deliveries_per_office: u32,
    package_bytes: u64,
    hashed_families: u64,
    runs: usize,
    read_seconds_median: f64,
    consolidate_seconds_median: f64,
    read_and_consolidate_seconds_median: f64,
    pdf_seconds_median: f64,
    xlsx_seconds_median: f64,
    doubles: usize,
    peak_rss_kib: Option<u64>,
}

const DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 20) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn storage(path: &Path, e: impl std::fmt::Display) -> Problem {
    Problem::new(ErrorCode::Storage)
        .with("path", path.display())
        .with("reason", e)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn district(dir: &Path) -> Result<Database, Problem> {
    let db = Database::open_in(dir)?;
    office::set_own(
        db.conn(),
        &OfficeInput {
            name_kk: "Сайрам ауданы".into(),
            name_ru: "Сайрамский район".into(),
            level: Level::District,
            kato: Some("515200000".into()),
        },
    )?;
    Ok(db)
}

pub fn run(a: &Args, json: bool) -> Result<(), Problem> {
    let _day = clock::pin(DAY);
    let period = Period::containing(Preset::Quarter, DAY);
    let packages = a.out_dir.join("packages");
    std::fs::create_dir_all(&packages).map_err(|e| storage(&packages, e))?;
    // The district's key card, given to every office.
    let key_dir = a.out_dir.join("key");
    if key_dir.exists() {
        std::fs::remove_dir_all(&key_dir).map_err(|e| storage(&key_dir, e))?;
    }
    // Closed before it is copied for each run: its write-ahead log is folded in.
    let card = {
        let d = district(&key_dir)?;
        serde_json::to_vec(&key::key_card(d.conn())?)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?
    };
    let mut package_bytes = 0u64;
    let mut hashed = 0u64;
    for i in 0..a.offices {
        let seed = u64::from(i) + 1;
        let mut v = Database::open_in_memory()?;
        demo::fill(&mut v, a.families, seed, DAY)?;
        demo::aid::fill(&mut v, a.deliveries, seed, DAY)?;
        office::set_own(
            v.conn(),
            &OfficeInput {
                name_kk: format!("{} ауылдық округі", i + 1),
                name_ru: format!("{} сельский округ", i + 1),
                level: Level::Okrug,
                kato: Some(format!("5152{:05}", i + 1)),
            },
        )?;
        key::accept_card(v.conn(), &card)?;
        let (manifest, name, bytes) = meirim_exchange::report_package::for_period(
            &v,
            period,
            Language::Kk,
            "Округ әкімі Н.Қ. Оспанов",
        )?;
        package_bytes += bytes.len() as u64;
        hashed += manifest.families as u64;
        let path = packages.join(name);
        std::fs::write(&path, &bytes).map_err(|e| storage(&path, e))?;
    }
    let files: Vec<PathBuf> = crate::district::package_files(&[packages])?;
    let (mut read, mut cons, mut both, mut pdf, mut xlsx) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut doubles = 0;
    let l10n = meirim_i18n::Localizer::new(Language::Kk)
        .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    for run in 0..a.runs.max(1) {
        let dir = a.out_dir.join(format!("district-{run}"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| storage(&dir, e))?;
        }
        // The same district each run (the offices' packages name it as their parent).
        std::fs::create_dir_all(&dir).map_err(|e| storage(&dir, e))?;
        let (from, to) = (
            meirim_core::paths::db_path(&key_dir),
            meirim_core::paths::db_path(&dir),
        );
        std::fs::copy(&from, &to).map_err(|e| storage(&to, e))?;
        let mut d = Database::open_in(&dir)?;
        let started = Instant::now();
        for f in &files {
            let p = meirim_exchange::report_package::read_file(f).map_err(Problem::from)?;
            receive::accept(&mut d, &p, "bench", true)?;
        }
        let read_s = started.elapsed().as_secs_f64();
        let c = consolidate::build(d.conn(), period)?;
        let all_s = started.elapsed().as_secs_f64();
        doubles = c.doubles.doubles.len();
        let t = Instant::now();
        meirim_documents::consolidated_pdf(&c, Language::Kk, "Бөлім басшысы", DAY)
            .map_err(|e| Problem::new(ErrorCode::DocumentFailed).with("reason", e))?;
        pdf.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        meirim_exchange::consolidated_xlsx(&c, &l10n)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        xlsx.push(t.elapsed().as_secs_f64());
        read.push(read_s);
        cons.push(all_s - read_s);
        both.push(all_s);
    }
    let report = Report {
        offices: a.offices,
        families_per_office: a.families,
        deliveries_per_office: a.deliveries,
        package_bytes,
        hashed_families: hashed,
        runs: a.runs.max(1),
        read_seconds_median: median(read),
        consolidate_seconds_median: median(cons),
        read_and_consolidate_seconds_median: median(both),
        pdf_seconds_median: median(pdf),
        xlsx_seconds_median: median(xlsx),
        doubles,
        peak_rss_kib: peak_rss_kib(),
    };
    if json {
        return crate::families::print_json(&report);
    }
    // Benchmark output is for developers and BENCHMARKS.md, so it is in English.
    say(format!(
        "{} packages ({} bytes, {} hashed families): read {:.3} s + consolidated {:.3} s = {:.3} s (median of {}); PDF {:.3} s, XLSX {:.3} s; {} doubles; peak RSS {} KiB",
        report.offices,
        report.package_bytes,
        report.hashed_families,
        report.read_seconds_median,
        report.consolidate_seconds_median,
        report.read_and_consolidate_seconds_median,
        report.runs,
        report.pdf_seconds_median,
        report.xlsx_seconds_median,
        report.doubles,
        report
            .peak_rss_kib
            .map_or_else(|| "?".to_owned(), |k| k.to_string()),
    ));
    Ok(())
}
