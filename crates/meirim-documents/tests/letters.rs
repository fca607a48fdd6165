//! Letters as a reader sees them: serif fonts embedded and subset, the addressee in the
//! dative, title and body extracted exactly, one page per person, small pages.

// Read back with poppler's and qpdf's Linux tools; the Windows build's PDFs are written by
// the CLI's tests under wine.
#![cfg(not(windows))]
#![allow(clippy::unwrap_used)]

mod common;

use common::{collisions, tool};

use chrono::NaiveDate;
use meirim_core::date;
use meirim_core::grammar;
use meirim_core::letters::compose::{BatchOptions, Layout};
use meirim_core::letters::{letterhead, recipients, register, templates};
use meirim_core::person::Sex;
use meirim_core::settings::Language;
use meirim_documents::{
    issue_letters, letters, missing_glyphs, preview, preview_svg, reprint, set_logo, LetterPage,
    LetterSide,
};

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
            logo: false,
        },
        LetterPage {
            sides: vec![kk_side("Тоқаев", "Асхат", "Ерланұлы")],
            number: "№ 2/2026".into(),
            ..Default::default()
        },
        bilingual,
    ];
    assert_eq!(missing_glyphs(&pages).unwrap(), Vec::<char>::new());
    let bytes = letters(&pages, "Алғыс хаттар", None, &mut |_| true).unwrap();
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
    assert_eq!(collisions(p), Vec::<String>::new());
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

fn campaign_with_three_volunteers(db: &mut meirim_core::Database) -> String {
    use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
    use meirim_core::volunteers::{self, ActivityInput, ActivityKind, VolunteerInput};
    let c = campaigns::create(
        db,
        &CampaignInput {
            name: "Мектепке жол".into(),
            name_ru: None,
            kind: CampaignKind::School,
            starts_on: Some("01.08.2026".into()),
            ends_on: Some("15.09.2026".into()),
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap();
    for (surname, name, patronymic, sex, hours) in [
        ("Серіков", "Дәурен", "Болатұлы", Sex::Male, "12"),
        ("Жұмабаева", "Айгерім", "Серікқызы", Sex::Female, "7,5"),
        ("Волкова", "Анастасия", "Сергеевна", Sex::Female, "4"),
    ] {
        let v = volunteers::create(
            db,
            &VolunteerInput {
                surname: surname.into(),
                name: name.into(),
                patronymic: Some(patronymic.into()),
                sex: Some(sex),
                ..Default::default()
            },
        )
        .unwrap();
        volunteers::activities::log(
            db,
            &ActivityInput {
                volunteer_id: v.id,
                on_date: Some("20.08.2026".into()),
                campaign_id: Some(c.id.clone()),
                kind: Some(ActivityKind::Delivery),
                hours: hours.into(),
                notes: None,
            },
        )
        .unwrap();
    }
    letterhead::set(
        db.conn(),
        &letterhead::Letterhead {
            header_kk: "Сайрам ауданы әкімінің аппараты".into(),
            header_ru: "Аппарат акима Сайрамского района".into(),
            place_kk: "Ақсу ауылы".into(),
            place_ru: "с. Аксу".into(),
            number_format: "АХ-{seq:3}/{year}".into(),
            has_logo: false,
        },
    )
    .unwrap();
    let mut t = templates::find(db.conn(), "gratitude-campaign").unwrap();
    t.text.position_kk = "Аудан әкімі".into();
    t.text.position_ru = "Аким района".into();
    t.text.signatory = "А.Б. Серіков".into();
    templates::save(db, Some(&t.id), &t.text).unwrap();
    c.id
}

/// The campaign's volunteers as a batch's recipients.
fn campaign_volunteers(db: &meirim_core::Database, campaign: &str) -> Vec<recipients::Recipient> {
    recipients::volunteers(
        db.conn(),
        &recipients::VolunteerFilter {
            campaign_id: Some(campaign.to_owned()),
            ..Default::default()
        },
    )
    .unwrap()
}

fn batch_options(db: &meirim_core::Database, campaign: &str, template: &str) -> BatchOptions {
    BatchOptions {
        template_id: templates::find(db.conn(), template).unwrap().id,
        layout: Layout::Bilingual,
        issued_on: Some("20.09.2026".into()),
        campaign_id: Some(campaign.to_owned()),
        deed_kk: String::new(),
        deed_ru: String::new(),
        period: String::new(),
    }
}

#[test]
fn a_campaigns_volunteers_get_numbered_pages_with_their_hours_and_dative_names() {
    let mut db = meirim_core::Database::open_in_memory().unwrap();
    let campaign = campaign_with_three_volunteers(&mut db);
    let people = campaign_volunteers(&db, &campaign);
    let dir = tempfile::tempdir().unwrap();
    let options = batch_options(&db, &campaign, "gratitude-campaign");
    let mut seen = Vec::new();
    let batch = issue_letters(
        &mut db,
        &options,
        &people,
        dir.path(),
        None,
        &mut |done, total| {
            seen.push((done, total));
            true
        },
    )
    .unwrap();
    assert_eq!(seen, [(1, 3), (2, 3), (3, 3)]);
    let numbers: Vec<_> = batch.documents.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(numbers, ["АХ-001/2026", "АХ-002/2026", "АХ-003/2026"]);
    assert!(
        batch.path.ends_with("letters-АХ-001-2026.pdf"),
        "{}",
        batch.path
    );
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squash(&tool("pdftotext", &[&batch.path, "-"]));
    for expected in [
        "Жұмабаева Айгерім Серікқызына",
        "Жұмабаевой Айгерім Серікқызы",
        "Серіков Дәурен Болатұлына",
        "Волкова Анастасия Сергеевнаға",
        "Волковой Анастасии Сергеевне",
        "«Мектепке жол» акциясына белсене қатысып, 7,5 сағат",
        "и 12 часов, посвящённых помощи",
        "и 4 часа, посвящённых помощи",
        "Ақсу ауылы, 2026 жылғы 20 қыркүйек",
        "с. Аксу, 20 сентября 2026 г.",
        "Аудан әкімі",
        "А.Б. Серіков",
        "№ АХ-002/2026",
    ] {
        assert!(text.contains(expected), "«{expected}» not in:\n{text}");
    }
    // Alphabetical: Волкова, Жұмабаева, Серіков.
    assert!(text.find("Волкова Анастасия").unwrap() < text.find("Жұмабаева Айгерім").unwrap());
    tool("qpdf", &["--check", &batch.path]);
    assert_eq!(collisions(&batch.path), Vec::<String>::new());

    // A reprint is the same document: same number, same code.
    let again = reprint(&db, &[batch.documents[1].id.clone()], dir.path(), None).unwrap();
    let reprinted = squash(&tool("pdftotext", &[again.to_str().unwrap(), "-"]));
    assert!(reprinted.contains("№ АХ-002/2026"));
    assert!(reprinted.contains("Жұмабаева Айгерім Серікқызына"));

    // A diploma names the person in the nominative.
    let mut diploma = batch_options(&db, &campaign, "diploma-campaign");
    diploma.layout = Layout::Kk;
    let d = issue_letters(
        &mut db,
        &diploma,
        &people[..1],
        dir.path(),
        None,
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(d.documents[0].number, "АХ-004/2026");
    let text = squash(&tool("pdftotext", &[&d.path, "-"]));
    assert!(text.contains("ҚҰРМЕТ ГРАМОТАСЫ"));
    assert!(!text.contains("Сергеевнаға"), "{text}");
}

#[test]
fn a_cancelled_or_refused_batch_uses_no_number_and_leaves_no_file() {
    let mut db = meirim_core::Database::open_in_memory().unwrap();
    let campaign = campaign_with_three_volunteers(&mut db);
    let people = campaign_volunteers(&db, &campaign);
    let dir = tempfile::tempdir().unwrap();
    let options = batch_options(&db, &campaign, "gratitude-campaign");
    let out = dir.path().join("letters.pdf");
    let e = issue_letters(
        &mut db,
        &options,
        &people,
        dir.path(),
        Some(&out),
        &mut |done, _| done < 2,
    )
    .unwrap_err();
    assert_eq!(e.code, meirim_core::ErrorCode::BatchCancelled);
    assert!(!out.exists());
    assert!(register::list(db.conn(), &Default::default())
        .unwrap()
        .is_empty());

    let deed = batch_options(&db, &campaign, "gratitude-deed");
    let missing = issue_letters(
        &mut db,
        &deed,
        &people,
        dir.path(),
        Some(&out),
        &mut |_, _| true,
    )
    .unwrap_err();
    assert_eq!(missing.code, meirim_core::ErrorCode::TemplatePlaceholder);
    assert_eq!(missing.params["name"], "deed");

    let mut odd = people.clone();
    odd[0].dative_kk.text = "Волковаға ☃".into();
    let e = issue_letters(
        &mut db,
        &options,
        &odd,
        dir.path(),
        Some(&out),
        &mut |_, _| true,
    )
    .unwrap_err();
    assert_eq!(e.code, meirim_core::ErrorCode::GlyphMissing);
    assert!(register::list(db.conn(), &Default::default())
        .unwrap()
        .is_empty());

    // The next real batch starts at 1.
    let ok = issue_letters(
        &mut db,
        &options,
        &people,
        dir.path(),
        Some(&out),
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(ok.documents[0].number, "АХ-001/2026");
}

#[test]
fn the_logo_prints_once_per_file_and_a_non_image_is_refused() {
    let mut db = meirim_core::Database::open_in_memory().unwrap();
    let campaign = campaign_with_three_volunteers(&mut db);
    let e = set_logo(&db, Some(b"not an image")).unwrap_err();
    assert_eq!(e.code, meirim_core::ErrorCode::ImageInvalid);
    let png = include_bytes!("../../../src-tauri/icons/128x128.png");
    set_logo(&db, Some(png)).unwrap();
    let people = campaign_volunteers(&db, &campaign);
    let dir = tempfile::tempdir().unwrap();
    let options = batch_options(&db, &campaign, "gratitude-campaign");
    let batch = issue_letters(&mut db, &options, &people, dir.path(), None, &mut |_, _| {
        true
    })
    .unwrap();
    let images = tool("pdfimages", &["-list", &batch.path]);
    // The logo is in colour; each page's QR code is a grey image of its own.
    let of_colour = |colour: &str| -> Vec<&str> {
        images
            .lines()
            .skip(2)
            .filter(|r| {
                let cols: Vec<&str> = r.split_whitespace().collect();
                cols.get(2) == Some(&"image") && cols.get(5) == Some(&colour)
            })
            .collect()
    };
    let codes = of_colour("gray");
    assert_eq!(codes.len(), 3, "a QR code on each page: {images}");
    let rows = of_colour("rgb");
    assert_eq!(rows.len(), 3, "shown on each page: {images}");
    let objects: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r.split_whitespace().nth(10).unwrap())
        .collect();
    assert_eq!(objects.len(), 1, "stored once: {images}");
    let url = preview(&db, &options, &people[0]).unwrap();
    let b64 = url.strip_prefix("data:image/svg+xml;base64,").unwrap();
    use base64::Engine as _;
    let svg = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
    )
    .unwrap();
    assert!(svg.contains("<image"), "the preview shows the logo too");
    assert!(svg.contains("Волкова Анастасия Сергеевнаға"));
}

#[test]
fn the_preview_is_the_same_page_as_svg_with_its_text_and_fonts() {
    let page = LetterPage {
        sides: vec![kk_side("Серіков", "Дәурен", "Болатұлы")],
        number: "№ 1/2026".into(),
        qr: meirim_core::letters::verify::payload("№ 1/2026", "Сайрам", "0123456789"),
        logo: false,
    };
    let svg = preview_svg(&page, None).unwrap();
    if let Ok(keep) = std::env::var("MEIRIM_KEEP_SVG") {
        std::fs::write(keep, &svg).unwrap();
    }
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    assert!(svg.contains("@font-face"), "fonts travel inside");
    // Each word carries the width the PDF measured, so a browser draws it no wider.
    let texts = svg.matches("<text ").count();
    assert!(texts > 8, "{texts}");
    assert!(
        svg.contains("<tspan dx="),
        "justified lines keep their gaps as offsets"
    );
    assert_eq!(svg.matches("textLength=").count(), texts);
    for text in ["АЛҒЫС ХАТ", "Серіков Дәурен Болатұлына", "№ 1/2026"]
    {
        assert!(svg.contains(text), "{text}");
    }
}

/// A batch longer than one part (250 pages) is drawn a part at a time and joined into one
/// file: every page in order with its own number and a QR code that scans, the fonts
/// embedded, the file sound, and still small per page.
#[test]
fn a_long_batch_is_joined_from_parts_in_order() {
    let pages: Vec<LetterPage> = (1..=520)
        .map(|n| LetterPage {
            sides: vec![kk_side("Серіков", "Дәурен", "Болатұлы")],
            number: format!("№ {n}/2026"),
            qr: meirim_core::letters::verify::payload(
                &format!("№ {n}/2026"),
                "Сайрам",
                "0123456789",
            ),
            logo: false,
        })
        .collect();
    let mut seen = 0;
    let bytes = letters(&pages, "Алғыс хаттар", None, &mut |done| {
        seen = done;
        true
    })
    .unwrap();
    assert_eq!(seen, 520, "progress hears of every page");
    assert!(bytes.len() / 520 < 5 * 1024, "{} bytes", bytes.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letters.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let p = path.to_str().unwrap();
    tool("qpdf", &["--check", p]);
    let info = tool("pdfinfo", &[p]);
    assert!(info.contains("Pages:           520"), "{info}");
    for row in tool("pdffonts", &[p]).lines().skip(2) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!((cols[n - 5], cols[n - 4]), ("yes", "yes"), "{row}");
    }
    // The last page of a part, the first of the next, and the last page.
    for n in [250, 251, 501, 520] {
        let text = tool(
            "pdftotext",
            &["-f", &n.to_string(), "-l", &n.to_string(), p, "-"],
        );
        assert!(text.contains(&format!("№ {n}/2026")), "page {n}: {text}");
        let png = dir.path().join(format!("p{n}"));
        tool(
            "pdftoppm",
            &[
                "-r",
                "150",
                "-png",
                "-singlefile",
                "-f",
                &n.to_string(),
                "-l",
                &n.to_string(),
                p,
                png.to_str().unwrap(),
            ],
        );
        let scanned = tool(
            "zbarimg",
            &["--quiet", "--raw", &format!("{}.png", png.display())],
        );
        assert!(
            scanned.contains(&format!("№ {n}/2026")),
            "page {n}: {scanned}"
        );
    }
}
