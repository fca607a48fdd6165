//! `meirim-cli bench-letters`: 1 000 gratitude letters issued into one PDF in a fresh
//! registry (datives computed, numbers recorded, pages drawn, file written), and the same
//! letters as one flat OpenDocument file (.fodt) for LibreOffice to convert — the office's
//! current route, Word/Writer mail merge. scripts/bench-letters.sh runs both.

use std::path::Path;
use std::time::Instant;

use meirim_core::letters::compose::{BatchOptions, Layout};
use meirim_core::letters::page::LetterPage;
use meirim_core::letters::{letterhead, recipients, register, templates};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::{demo, Database};
use serde::Serialize;

use crate::output::{peak_rss_kib, say};

#[derive(Serialize)]
struct Report {
    letters: usize,
    seconds: f64,
    datives_seconds: f64,
    bytes: u64,
    bytes_per_page: u64,
    peak_rss_kib: Option<u64>,
    pdf: String,
    fodt: String,
}

fn storage(path: &Path, e: impl std::fmt::Display) -> Problem {
    Problem::new(ErrorCode::DocumentFailed)
        .with("path", path.display())
        .with("reason", e)
}

pub fn run(count: usize, out_dir: &Path, seed: u64, json: bool) -> Result<(), Problem> {
    std::fs::create_dir_all(out_dir).map_err(|e| storage(out_dir, e))?;
    let registry = out_dir.join("registry");
    if registry.exists() {
        std::fs::remove_dir_all(&registry).map_err(|e| storage(&registry, e))?;
    }
    let mut db = Database::open_in(&registry)?;
    letterhead::set(
        db.conn(),
        &letterhead::Letterhead {
            header_kk: "Сайрам ауданы\nАқсу ауылдық округі әкімінің аппараты".into(),
            header_ru: String::new(),
            place_kk: "Ақсу ауылы".into(),
            place_ru: String::new(),
            number_format: "{seq}/{year}".into(),
            has_logo: false,
        },
    )?;
    let mut t = templates::find(db.conn(), "gratitude-deed")?;
    t.text.position_kk = "Округ әкімі".into();
    t.text.signatory = "Н.Қ. Оспанов".into();
    let t = templates::save(&mut db, Some(&t.id), &t.text)?;
    let names = demo::people(count, seed);
    let options = BatchOptions {
        template_id: t.id,
        layout: Layout::Kk,
        issued_on: Some("20.11.2026".into()),
        campaign_id: None,
        deed_kk: "қыс кезінде жалғыз басты қарттарға көмір мен отын жеткізуге көмектескеніңіз"
            .into(),
        deed_ru: String::new(),
        period: String::new(),
    };
    let pdf = out_dir.join("letters.pdf");
    let started = Instant::now();
    let people = recipients::typed(db.conn(), &names)?;
    let datives_seconds = started.elapsed().as_secs_f64();
    let batch = meirim_documents::issue_letters(
        &mut db,
        &options,
        &people,
        &registry,
        Some(&pdf),
        &mut |_, _| true,
    )?;
    let seconds = started.elapsed().as_secs_f64();
    let peak = peak_rss_kib();
    let bytes = std::fs::metadata(&pdf).map_err(|e| storage(&pdf, e))?.len();
    let ids: Vec<String> = batch.documents.iter().map(|d| d.id.clone()).collect();
    let pages = register::pages(db.conn(), &ids)?;
    let fodt = out_dir.join("letters.fodt");
    std::fs::write(&fodt, flat_odt(&pages)).map_err(|e| storage(&fodt, e))?;
    let report = Report {
        letters: pages.len(),
        seconds,
        datives_seconds,
        bytes,
        bytes_per_page: bytes / pages.len().max(1) as u64,
        peak_rss_kib: peak,
        pdf: pdf.display().to_string(),
        fodt: fodt.display().to_string(),
    };
    if json {
        return crate::families::print_json(&report);
    }
    // Benchmark output is for developers and BENCHMARKS.md, so it is in English.
    say(format!(
        "{} letters in {:.3} s (datives {:.3} s); {} bytes, {} bytes/page; peak RSS {} KiB\npdf:  {}\nfodt: {}",
        report.letters,
        report.seconds,
        report.datives_seconds,
        report.bytes,
        report.bytes_per_page,
        report
            .peak_rss_kib
            .map_or_else(|| "?".to_owned(), |k| k.to_string()),
        report.pdf,
        report.fodt
    ));
    Ok(())
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The same letters as a mail-merge result: one page each, the same texts and sizes, Noto
/// Serif. No frame and no QR code — less for LibreOffice to do than Meirim does.
fn flat_odt(pages: &[LetterPage]) -> String {
    let mut body = String::new();
    for (i, page) in pages.iter().enumerate() {
        for s in &page.sides {
            let first = if i == 0 { "Header" } else { "HeaderBreak" };
            for (n, line) in s.header.iter().enumerate() {
                let style = if n == 0 { first } else { "Header" };
                body.push_str(&format!(
                    "<text:p text:style-name=\"{style}\">{}</text:p>",
                    xml(line)
                ));
            }
            for (style, text) in [
                ("Title", &s.title),
                ("Addressee", &s.addressee),
                ("Body", &s.body),
                (
                    "Sign",
                    &format!("{}\t{}", s.signatory_position, s.signatory_name),
                ),
                ("Seal", &s.seal),
                ("Date", &s.place_date),
                ("Number", &page.number),
            ] {
                let text = xml(text).replace('\t', "<text:tab/>");
                body.push_str(&format!(
                    "<text:p text:style-name=\"{style}\">{text}</text:p>"
                ));
            }
        }
    }
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif" svg:font-family="'Noto Serif'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Noto Serif" fo:font-size="12pt" fo:color="#1f2933"/></style:default-style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
<style:style style:name="HeaderBreak" style:family="paragraph" style:parent-style-name="Header"><style:paragraph-properties fo:break-before="page" fo:margin-top="30mm"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="10mm" fo:margin-bottom="8mm"/><style:text-properties fo:font-size="28pt" fo:font-weight="bold" fo:color="#8c1a1f"/></style:style>
<style:style style:name="Addressee" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="4mm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="150%" fo:margin-bottom="12mm"/><style:text-properties fo:font-size="12.5pt"/></style:style>
<style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="146mm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Seal" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:color="#5e6b7a"/></style:style>
<style:style style:name="Date" style:family="paragraph"><style:text-properties fo:font-size="10.5pt"/></style:style>
<style:style style:name="Number" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-top="40mm"/><style:text-properties fo:font-size="9pt" fo:color="#5e6b7a"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="30mm" fo:margin-bottom="20mm" fo:margin-left="26mm" fo:margin-right="26mm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>{body}</office:text></office:body>
</office:document>
"##
    )
}
