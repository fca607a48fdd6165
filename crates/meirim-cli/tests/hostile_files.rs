//! Hostile spreadsheets through the real reading path: each file goes to a worker (this
//! crate's own `meirim-cli`, as the app uses itself) with the product's memory cap, and
//! must come back read or refused with a reason the office can act on — never a hang, a
//! worker that died of anything but its memory cap, or more than a second's grace over
//! the cap. The files are generated from fixed seeds (1 200 of them: XLSX, XLS, ODS and
//! CSV, mutated valid files and crafted ones, and zip bombs), plus the calamine
//! reproducers kept in tests/hostile/calamine/.

#![allow(clippy::unwrap_used)]

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use meirim_core::problem::ErrorCode;
use meirim_exchange::import::worker::read_isolated;
use meirim_exchange::import::{overview, CsvOptions, Limits};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn worker() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_meirim-cli"))
}

/// A family list as Excel writes it: the base every XLSX mutation starts from.
fn valid_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["Отбасы №", "Т.А.Ә.", "ЖСН", "Туған күні", "Телефон"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..40u32 {
        ws.write_number(r, 0, f64::from(r / 3)).unwrap();
        ws.write_string(r, 1, format!("Серікова Әсел {r}")).unwrap();
        ws.write_string(r, 2, format!("8407024{r:05}")).unwrap();
        ws.write_number(r, 3, 30_000.0 + f64::from(r)).unwrap();
        ws.write_string(r, 4, "+7 701 234 56 78").unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/import").join(name)).unwrap()
}

/// The parts of a zip, unpacked.
fn parts(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in parts {
        // An ODS says what it is in a first part stored uncompressed.
        let opts = if name == "mimetype" {
            opts.compression_method(zip::CompressionMethod::Stored)
        } else {
            opts
        };
        zip.start_file(name.as_str(), opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn flip_bytes(rng: &mut ChaCha8Rng, bytes: &mut [u8], times: usize) {
    for _ in 0..times {
        let i = rng.random_range(0..bytes.len());
        bytes[i] = rng.random();
    }
}

/// A number a hostile file would write where a count or position belongs.
fn wild_number(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..8) {
        0 => "0".into(),
        1 => "-1".into(),
        2 => u32::MAX.to_string(),
        3 => u64::MAX.to_string(),
        4 => "99999999999999999999999999".into(),
        5 => "1e308".into(),
        6 => "NaN".into(),
        _ => rng.random_range(0..2_000_000_000u64).to_string(),
    }
}

/// One XML text changed the way a hostile or broken writer would.
fn mutate_xml(rng: &mut ChaCha8Rng, xml: &[u8]) -> Vec<u8> {
    let mut x = xml.to_vec();
    if x.is_empty() {
        return x;
    }
    match rng.random_range(0..9) {
        // Cut short anywhere (a half-written file, or the end tags missing).
        0 => x.truncate(rng.random_range(0..x.len())),
        // A range deleted, or repeated.
        1 => {
            let a = rng.random_range(0..x.len());
            let b = (a + rng.random_range(1..200)).min(x.len());
            x.drain(a..b);
        }
        2 => {
            let a = rng.random_range(0..x.len());
            let b = (a + rng.random_range(1..400)).min(x.len());
            let piece: Vec<u8> = x[a..b].to_vec();
            for _ in 0..rng.random_range(1..50) {
                x.splice(b..b, piece.iter().copied());
            }
        }
        // Every number in the text replaced by a wild one.
        3 => {
            let text = String::from_utf8_lossy(&x).into_owned();
            let mut out = String::new();
            let mut digits = false;
            for ch in text.chars() {
                if ch.is_ascii_digit() {
                    if !digits && rng.random_bool(0.3) {
                        out.push_str(&wild_number(rng));
                        digits = true;
                        continue;
                    }
                    if digits {
                        continue;
                    }
                } else {
                    digits = false;
                }
                out.push(ch);
            }
            x = out.into_bytes();
        }
        // Deep nesting.
        4 => {
            let at = rng.random_range(0..x.len());
            let depth = rng.random_range(1_000..100_000);
            let open = b"<a>".repeat(depth);
            x.splice(at..at, open);
        }
        // An entity that expands (quick-xml does not expand user entities; it must stay so).
        5 => {
            let doctype = b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
            let at = x.iter().position(|&b| b == b'>').map_or(0, |i| i + 1);
            x.splice(at..at, doctype.iter().copied());
        }
        // Bytes flipped.
        6 => {
            let n = rng.random_range(1..30);
            flip_bytes(rng, &mut x, n);
        }
        // Not UTF-8 any more.
        7 => {
            let at = rng.random_range(0..x.len());
            x.splice(at..at, [0xC3, 0x28, 0xFF, 0xFE, 0x00]);
        }
        // Attributes a writer never sends.
        _ => {
            let hostile = [
                " r=\"XFD1048576\"",
                " r=\"A0\"",
                " r=\"ZZZZZZZZZ99999999999\"",
                " ref=\"A1:XFD1048576\"",
                " uniqueCount=\"4000000000\"",
                " t=\"s\"",
                " table:number-columns-repeated=\"16384\" office:value-type=\"float\"",
                " table:number-rows-repeated=\"1048576\"",
                " text:c=\"2000000000\"",
            ];
            let pick = hostile[rng.random_range(0..hostile.len())];
            let spots: Vec<usize> = x
                .windows(2)
                .enumerate()
                .filter(|(_, w)| w[0] == b'<' && w[1].is_ascii_alphabetic())
                .map(|(i, _)| i)
                .collect();
            for _ in 0..rng.random_range(1..20) {
                if spots.is_empty() {
                    break;
                }
                let at = spots[rng.random_range(0..spots.len())];
                let end = x[at..]
                    .iter()
                    .position(|&b| b == b' ' || b == b'>' || b == b'/')
                    .map_or(x.len(), |i| at + i);
                x.splice(end..end, pick.bytes());
            }
        }
    }
    x
}

/// A zip format (XLSX or ODS) with one of its XML parts changed, or the zip bytes
/// themselves changed.
fn mutated_zip(rng: &mut ChaCha8Rng, base: &[u8]) -> Vec<u8> {
    if rng.random_bool(0.25) {
        let mut bytes = base.to_vec();
        if rng.random_bool(0.5) {
            bytes.truncate(rng.random_range(4..bytes.len()));
        } else {
            let n = rng.random_range(1..40);
            flip_bytes(rng, &mut bytes, n);
        }
        return bytes;
    }
    let mut parts = parts(base);
    let xml: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].0.ends_with(".xml"))
        .collect();
    let i = xml[rng.random_range(0..xml.len())];
    parts[i].1 = mutate_xml(rng, &parts[i].1);
    zip_of(&parts)
}

/// An XLS (an OLE container of BIFF records) with its container or records changed.
fn mutated_xls(rng: &mut ChaCha8Rng, base: &[u8]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    match rng.random_range(0..4) {
        0 => bytes.truncate(rng.random_range(8..bytes.len())),
        1 => {
            let n = rng.random_range(1..60);
            flip_bytes(rng, &mut bytes, n);
        }
        // The container's header: sector sizes, FAT and directory positions and counts.
        2 => {
            for _ in 0..rng.random_range(1..4) {
                let field = [0x1E, 0x20, 0x2C, 0x30, 0x38, 0x3C, 0x40, 0x44, 0x48, 0x4C];
                let at = field[rng.random_range(0..field.len())];
                let v: u32 = if rng.random_bool(0.5) {
                    rng.random()
                } else {
                    rng.random_range(0..64)
                };
                bytes[at..at + 4].copy_from_slice(&v.to_le_bytes());
            }
        }
        // Record lengths inside the workbook stream (past the 512-byte header).
        _ => {
            for _ in 0..rng.random_range(1..10) {
                let at = rng.random_range(512..bytes.len() - 4);
                let v: u16 = rng.random();
                bytes[at + 2..at + 4].copy_from_slice(&v.to_le_bytes());
            }
        }
    }
    bytes
}

fn hostile_csv(rng: &mut ChaCha8Rng) -> Vec<u8> {
    let mut out = Vec::new();
    match rng.random_range(0..7) {
        0 => out.extend((0..rng.random_range(1..20_000)).map(|_| rng.random::<u8>())),
        1 => out.extend(std::iter::repeat_n(0u8, rng.random_range(1..100_000))),
        // One field of megabytes.
        2 => {
            out.extend_from_slice("Т.А.Ә.;ЖСН\n\"".as_bytes());
            out.extend(std::iter::repeat_n(b'x', rng.random_range(1..4_000_000)));
        }
        // A line of tens of thousands of columns.
        3 => {
            out.extend_from_slice("Т.А.Ә.".as_bytes());
            out.extend(std::iter::repeat_n(b';', rng.random_range(1..200_000)));
        }
        // Quotes never closed, carriage returns alone, BOMs in the middle.
        4 => {
            for _ in 0..rng.random_range(1..5_000) {
                let pieces: [&[u8]; 6] = [b"\"", b"\r", b"\xEF\xBB\xBF", b"a;b", b"\n", b"\"\""];
                out.extend_from_slice(pieces[rng.random_range(0..pieces.len())]);
            }
        }
        // A list whose bytes are half UTF-8, half Windows-1251.
        5 => {
            out.extend_from_slice("Т.А.Ә.;ЖСН\n".as_bytes());
            for _ in 0..rng.random_range(1..2_000) {
                out.extend_from_slice(b"\xd1\xe5\xf0\xe8\xea\xee\xe2;840702400014\n");
                out.extend_from_slice("Серікова;840702400014\n".as_bytes());
            }
        }
        _ => {
            out.extend_from_slice("Т.А.Ә.,ЖСН,Туған күні\n".as_bytes());
            for r in 0..rng.random_range(1..5_000) {
                out.extend_from_slice(
                    format!("Сериков {r},{},{}\n", wild_number(rng), wild_number(rng)).as_bytes(),
                );
            }
        }
    }
    out
}

/// Zip bombs: a part that unpacks to hundreds of megabytes, declared honestly or not.
fn bombs() -> Vec<(String, Vec<u8>)> {
    let big = vec![b' '; 600 * 1024 * 1024];
    let xlsx_parts = parts(&valid_xlsx());
    let mut out = Vec::new();
    for target in ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"] {
        let mut p = xlsx_parts.clone();
        let i = p.iter().position(|(n, _)| n == target).unwrap();
        let mut inflated = p[i].1.clone();
        let at = inflated.iter().position(|&b| b == b'>').unwrap() + 1;
        inflated.splice(at..at, big.iter().copied());
        p[i].1 = inflated;
        out.push((format!("bomb {target}"), zip_of(&p)));
    }
    let mut ods = parts(&fixture("office-list.ods"));
    let i = ods.iter().position(|(n, _)| n == "content.xml").unwrap();
    let mut inflated = ods[i].1.clone();
    let at = inflated.iter().position(|&b| b == b'>').unwrap() + 1;
    inflated.splice(at..at, big.iter().copied());
    ods[i].1 = inflated;
    out.push(("bomb content.xml".into(), zip_of(&ods)));
    out
}

/// Every hostile file, named for the report.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut rng = ChaCha8Rng::seed_from_u64(18);
    let (xlsx, ods, xls) = (
        valid_xlsx(),
        fixture("office-list.ods"),
        fixture("office-list.xls"),
    );
    let mut out = Vec::new();
    for i in 0..350 {
        out.push((format!("xlsx #{i}"), mutated_zip(&mut rng, &xlsx)));
    }
    for i in 0..300 {
        out.push((format!("ods #{i}"), mutated_zip(&mut rng, &ods)));
    }
    for i in 0..300 {
        out.push((format!("xls #{i}"), mutated_xls(&mut rng, &xls)));
    }
    for i in 0..250 {
        out.push((format!("csv #{i}"), hostile_csv(&mut rng)));
    }
    out.extend(bombs());
    let calamine = repo().join("tests/hostile/calamine");
    let mut known: Vec<_> = std::fs::read_dir(&calamine)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "xlsx" || x == "ods" || x == "xls")
        })
        .collect();
    known.sort();
    for p in known {
        out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
    }
    out
}

#[test]
fn hostile_spreadsheets_are_read_or_refused_never_crash_hang_or_exhaust_memory() {
    let limits = Limits::default();
    assert!(
        limits.memory < 1024 * 1024 * 1024,
        "the cap itself is under 1 GB"
    );
    let cancel = AtomicBool::new(false);
    let files = corpus();
    let db = meirim_core::Database::open_in_memory().unwrap();
    assert!(files.len() >= 1_000, "{} files", files.len());
    let (mut read, mut refused) = (0, 0);
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for (name, bytes) in &files {
        let started = std::time::Instant::now();
        let outcome = read_isolated(&worker(), bytes, &CsvOptions::default(), &limits, &cancel);
        let took = started.elapsed();
        if took > slowest.0 {
            slowest = (took, name.clone());
        }
        if took > Duration::from_secs(10) {
            failures.push(format!("{name}: {took:?}"));
        }
        match outcome {
            Ok(r) => {
                read += 1;
                if r.peak >= limits.memory {
                    failures.push(format!("{name}: peak {} bytes", r.peak));
                }
                // What was read goes on as the wizard takes it: each sheet's columns and
                // a dry run of the import (a panic here fails the test).
                for sheet in &r.source.sheets {
                    let view = overview(sheet, None);
                    let _ =
                        meirim_core::import::prepare(db.conn(), sheet.grid(), &view.mapping(None));
                }
            }
            Err(p) => {
                refused += 1;
                let reason = p.params.get("reason");
                let expected = matches!(
                    p.code,
                    ErrorCode::ImportFileEmpty
                        | ErrorCode::ImportNotSpreadsheet
                        | ErrorCode::ImportFileDamaged
                        | ErrorCode::ImportFileTooLarge
                );
                // A worker that stopped without an answer other than by its memory cap is
                // a crash in the reader: it must not happen even though the app survives.
                let crashed = reason.is_some_and(|r| {
                    r.contains("reader stopped") || r.contains("overflowed its stack")
                });
                if !expected || crashed {
                    failures.push(format!("{name}: {:?} {:?}", p.code, p.params));
                }
                // A panic caught in the worker: the file is refused as damaged, but the
                // reader has a bug. MEIRIM_HOSTILE_DUMP=DIR keeps such files for a report.
                let panicked = reason.is_some_and(|r| {
                    [
                        "slice index",
                        "assertion",
                        "out of bounds",
                        "overflow",
                        "unwrap",
                    ]
                    .iter()
                    .any(|p| r.contains(p))
                });
                if let (true, Some(dir)) = (panicked, std::env::var_os("MEIRIM_HOSTILE_DUMP")) {
                    let file = name.replace([' ', '#', '/'], "_");
                    std::fs::write(Path::new(&dir).join(file), bytes).unwrap();
                }
            }
        }
    }
    eprintln!(
        "{} files: {read} read, {refused} refused; slowest {:?} ({})",
        files.len(),
        slowest.0,
        slowest.1
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_calamine_reproducers_each_get_their_reason() {
    let cancel = AtomicBool::new(false);
    let dir = repo().join("tests/hostile/calamine");
    let expect = [
        ("xlsx-shared-strings-1e9.xlsx", ErrorCode::ImportFileDamaged),
        (
            "xlsx-shared-strings-1e18.xlsx",
            ErrorCode::ImportFileDamaged,
        ),
        ("xlsx-far-corner.xlsx", ErrorCode::ImportFileTooLarge),
        ("ods-missing-table-end.ods", ErrorCode::ImportFileDamaged),
        ("ods-annotation-unclosed.ods", ErrorCode::ImportFileDamaged),
        ("ods-repeated-cells.ods", ErrorCode::ImportFileTooLarge),
        ("ods-space-run.ods", ErrorCode::ImportFileTooLarge),
        ("xls-sector-past-end.xls", ErrorCode::ImportFileDamaged),
        ("xls-assertion.xls", ErrorCode::ImportFileDamaged),
    ];
    for (file, code) in expect {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let got = read_isolated(
            &worker(),
            &bytes,
            &CsvOptions::default(),
            &Limits::default(),
            &cancel,
        )
        .unwrap_err();
        assert_eq!(got.code, code, "{file}: {got:?}");
    }
}

/// The worker's own limits hold where no check before it knows the file: a reader past its
/// memory cap ends as «too large», one past its time as «too slow», and «Бас тарту» ends it.
#[test]
fn the_workers_memory_time_and_cancel_limits_end_it() {
    let list = valid_xlsx();
    let cancel = AtomicBool::new(false);
    let tight = Limits {
        memory: 64 * 1024,
        ..Limits::default()
    };
    let got = read_isolated(&worker(), &list, &CsvOptions::default(), &tight, &cancel).unwrap_err();
    assert_eq!(got.code, ErrorCode::ImportFileTooLarge, "{got:?}");

    let instant = Limits {
        time: Duration::ZERO,
        time_per_mb: Duration::ZERO,
        ..Limits::default()
    };
    let got =
        read_isolated(&worker(), &list, &CsvOptions::default(), &instant, &cancel).unwrap_err();
    assert_eq!(got.code, ErrorCode::ImportFileTooSlow, "{got:?}");

    let cancelled = AtomicBool::new(true);
    let got = read_isolated(
        &worker(),
        &list,
        &CsvOptions::default(),
        &Limits::default(),
        &cancelled,
    )
    .unwrap_err();
    assert_eq!(got.code, ErrorCode::ImportCancelled, "{got:?}");

    let fine = read_isolated(
        &worker(),
        &list,
        &CsvOptions::default(),
        &Limits::default(),
        &cancel,
    )
    .unwrap();
    assert_eq!(fine.source.sheets[0].rows.len(), 40);
    assert!(fine.peak > 0 && fine.peak < Limits::default().memory);
}
