//! Letters as a reader sees them: serif fonts embedded and subset, the addressee in the
//! dative, title and body extracted exactly, one page per person, small pages.

#![allow(clippy::unwrap_used)]

use std::process::Command;

use chrono::NaiveDate;
use meirim_core::date;
use meirim_core::grammar;
use meirim_core::person::Sex;
use meirim_core::settings::Language;
use meirim_documents::{letters, missing_glyphs, LetterPage, LetterSide};

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed for this test (apt: poppler-utils, qpdf): {e}")
    });
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const BODY_KK: &str = "«Наурыз — азық-түлік себеті» акциясы кезінде аз қамтылған отбасыларға көмек жеткізуге белсене қатысып, 12 сағат өз уақытын аяламай жұмсағаныңыз үшін шын жүректен алғыс білдіреміз. Сізге зор денсаулық, отбасыңызға амандық тілейміз!";
const BODY_RU: &str = "Выражаем искреннюю благодарность за активное участие в доставке помощи малообеспеченным семьям в ходе акции «Наурыз — продуктовая корзина» и 12 часов, отданных доброму делу.";

fn kk_side(surname: &str, name: &str, patronymic: &str) -> LetterSide {
    let on = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    LetterSide {
        header: vec!["Сайрам ауданы әкімінің аппараты".into()],
        title: "АЛҒЫС ХАТ".into(),
        addressee: grammar::dative(
            Language::Kk,
            surname,
            name,
            Some(patronymic),
            Some(Sex::Male),
        )
        .text,
        salutation: String::new(),
        body: BODY_KK.into(),
        signatory_position: "Аудан әкімі".into(),
        signatory_name: "А.Б. Серіков".into(),
        seal: "М.О.".into(),
        place_date: format!("Ақсу ауылы, {}", date::long(on, Language::Kk)),
    }
}

#[test]
fn three_letters_one_bilingual_print_exactly_and_small() {
    let mut bilingual = LetterPage {
        sides: vec![kk_side("Ахметов", "Ерлан", "Серікұлы")],
        number: "№ 3/2026".into(),
        ..Default::default()
    };
    bilingual.sides.push(LetterSide {
        header: vec!["Аппарат акима Сайрамского района".into()],
        title: "БЛАГОДАРСТВЕННОЕ ПИСЬМО".into(),
        addressee: grammar::dative(
            Language::Ru,
            "Ахметов",
            "Ерлан",
            Some("Серикулы"),
            Some(Sex::Male),
        )
        .text,
        body: BODY_RU.into(),
        signatory_position: "Аким района".into(),
        signatory_name: "А.Б. Сериков".into(),
        seal: "М.П.".into(),
        place_date: format!(
            "с. Аксу, {}",
            date::long(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), Language::Ru)
        ),
        ..Default::default()
    });
    let pages = vec![
        LetterPage {
            sides: vec![kk_side("Серіков", "Дәурен", "Болатұлы")],
            number: "№ 1/2026".into(),
            qr: meirim_core::letters::verify::payload("№ 1/2026", "Сайрам", "0123456789"),
        },
        LetterPage {
            sides: vec![kk_side("Тоқаев", "Асхат", "Ерланұлы")],
            number: "№ 2/2026".into(),
            ..Default::default()
        },
        bilingual,
    ];
    assert_eq!(missing_glyphs(&pages).unwrap(), Vec::<char>::new());
    let bytes = letters(&pages, "Алғыс хаттар").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letters.pdf");
    std::fs::write(&path, &bytes).unwrap();
    if let Ok(keep) = std::env::var("MEIRIM_KEEP_PDF") {
        std::fs::copy(&path, keep).unwrap();
    }
    let p = path.to_str().unwrap();

    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "regular and bold (no italic used): {fonts}");
    for row in rows {
        assert!(row.contains("NotoSerif"), "{row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 4], cols[n - 3]),
            ("yes", "yes", "yes"),
            "{row}"
        );
    }
    let pages_count: usize = tool("pdfinfo", &[p])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(pages_count, 3);

    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squash(&tool("pdftotext", &[p, "-"]));
    for expected in [
        "АЛҒЫС ХАТ",
        "Серіков Дәурен Болатұлына",
        "Тоқаев Асхат Ерланұлына",
        "Ахметов Ерлан Серікұлына",
        BODY_KK,
        "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
        "Ахметову Ерлану Серикулы",
        BODY_RU,
        "Ақсу ауылы, 2026 жылғы 22 қараша",
        "с. Аксу, 22 ноября 2026 г.",
        "А.Б. Серіков",
        "М.О.",
        "№ 2/2026",
    ] {
        assert!(
            text.contains(&squash(expected)),
            "«{expected}» not in:\n{text}"
        );
    }
    tool("qpdf", &["--check", p]);
    // The printed QR code scans back to what was put in (zbar-tools).
    let png = dir.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            p,
            png.to_str().unwrap(),
        ],
    );
    let scanned = tool(
        "zbarimg",
        &[
            "--quiet",
            "--raw",
            dir.path().join("page-1.png").to_str().unwrap(),
        ],
    );
    assert_eq!(scanned.trim(), "MEIRIM|№ 1/2026|Сайрам|0123456789");
    assert!(
        bytes.len() / pages_count < 40 * 1024,
        "{} bytes for {pages_count} pages",
        bytes.len()
    );
}
