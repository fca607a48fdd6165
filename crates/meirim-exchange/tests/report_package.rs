//! Report package files: written and read back whole; a thousand damaged, truncated,
//! foreign, oversized or forged files refused with a reason, none taking the reader down —
//! and none read as anything but the package that was written.

#![allow(clippy::unwrap_used)]

use std::io::Write;

use chrono::NaiveDate;
use meirim_core::district::package::{self, Package, PackageError, Parts};
use meirim_core::reports::{Period, Preset};
use meirim_core::{clock, demo, Database};
use meirim_exchange::report_package::{read, write};

const DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

fn parts() -> Parts {
    let _pin = clock::pin_seeded(DAY, 4);
    let mut db = Database::open_in_memory().unwrap();
    demo::fill(&mut db, 60, 4, DAY).unwrap();
    demo::aid::fill(&mut db, 300, 4, DAY).unwrap();
    let period = Period::containing(
        Preset::Quarter,
        NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
    );
    let draft = package::draft(db.conn(), period).unwrap();
    Package::seal(draft, b"%PDF-1.7\n% a report\n".to_vec(), clock::now())
        .unwrap()
        .1
}

/// A small deterministic generator: the same thousand files on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            z.start_file(*name, o).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn a_package_file_reads_back_as_written() {
    let p = parts();
    let file = write(&p).unwrap();
    let got = read(&file).unwrap();
    assert_eq!(serde_json::to_vec(&got.report).unwrap(), p.report);
    assert_eq!(got.pdf, p.pdf);
    // The PDF is a plain part of a zip: anyone can open it.
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&file)).unwrap();
    assert!(z.by_name("report.pdf").is_ok());
}

#[test]
fn a_thousand_damaged_or_foreign_files_are_refused_without_a_panic() {
    let p = parts();
    let good = write(&p).unwrap();
    let original = read(&good).unwrap();
    let mut rng = Lcg(20_261_205);
    let bomb = zip_of(&[
        ("meirim-report.json", &p.manifest),
        ("report.json", &p.report),
        ("families.json", &vec![b' '; 70 * 1024 * 1024]),
        ("report.pdf", &p.pdf),
    ]);
    let mut refused = std::collections::BTreeMap::<String, u32>::new();
    for case in 0..1_000 {
        let bytes: Vec<u8> = match case % 10 {
            // A few bytes flipped anywhere.
            0..=3 => {
                let mut b = good.clone();
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(b.len());
                    b[at] ^= 1 << rng.below(8);
                }
                b
            }
            // Cut short.
            4 => good[..rng.below(good.len())].to_vec(),
            // Random bytes, with or without a zip's first four.
            5 => {
                let mut b: Vec<u8> = (0..rng.below(4096)).map(|_| rng.next() as u8).collect();
                if case % 20 == 5 {
                    b.splice(0..0, *b"PK\x03\x04");
                }
                b
            }
            // Another program's zip.
            6 => zip_of(&[("word/document.xml", b"<w:document/>")]),
            // A manifest that is not ours, or of a newer schema, or mangled JSON.
            7 => {
                let mut m: serde_json::Value = serde_json::from_slice(&p.manifest).unwrap();
                match rng.below(4) {
                    0 => m["kind"] = "meirim-backup".into(),
                    1 => m["schema"] = (2 + rng.below(100) as u64).into(),
                    2 => m["period"]["to"] = "1999-01-01".into(),
                    _ => m["families"] = (rng.below(1000) as u64 + 1_000_000).into(),
                }
                let m = serde_json::to_vec(&m).unwrap();
                zip_of(&[
                    ("meirim-report.json", &m),
                    ("report.json", &p.report),
                    ("families.json", &p.families),
                    ("report.pdf", &p.pdf),
                ])
            }
            // Parts swapped or missing.
            8 => zip_of(&[
                ("meirim-report.json", &p.manifest),
                ("report.json", &p.families),
                ("families.json", &p.report),
                ("report.pdf", &p.pdf),
            ]),
            // A bomb: a part that unpacks far beyond what a package may hold.
            _ => bomb.clone(),
        };
        match read(&bytes) {
            // A flip in what nothing reads (a timestamp in the zip's headers) changes nothing.
            Ok(got) => {
                assert_eq!(got.manifest, original.manifest, "case {case}");
                assert_eq!(got.families, original.families, "case {case}");
            }
            Err(e) => {
                let kind = match e {
                    PackageError::NotMeirim => "not-meirim".to_owned(),
                    PackageError::NewerSchema(_) => "newer".to_owned(),
                    PackageError::Damaged(part) => format!("damaged:{part}"),
                    PackageError::TooLarge(_) => "too-large".to_owned(),
                };
                *refused.entry(kind).or_default() += 1;
            }
        }
    }
    let total: u32 = refused.values().sum();
    assert!(total >= 900, "{refused:?}");
    eprintln!("refused: {refused:?}");
    for kind in ["not-meirim", "newer", "too-large", "damaged:content_sha256"] {
        assert!(refused.contains_key(kind), "{kind} never seen: {refused:?}");
    }
}
