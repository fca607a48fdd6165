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

#[test]
fn a_campaigns_volunteers_get_a_page_each_with_their_hours_and_dative_names() {
    use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
    use meirim_core::volunteers::{self, ActivityInput, ActivityKind, VolunteerInput};
    use meirim_core::Database;
    use meirim_documents::{save_campaign_letters, Layout, Signing};

    let mut db = Database::open_in_memory().unwrap();
    let c = campaigns::create(
        &mut db,
        &CampaignInput {
            name: "Мектепке жол".into(),
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
            &mut db,
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
            &mut db,
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
    let signing = Signing {
        office_kk: "Сайрам ауданы әкімінің аппараты".into(),
        office_ru: "Аппарат акима Сайрамского района".into(),
        position_kk: "Аудан әкімі".into(),
        position_ru: "Аким района".into(),
        name: "А.Б. Серіков".into(),
        seal: true,
        place_kk: "Ақсу ауылы".into(),
        place_ru: "с. Аксу".into(),
        on: NaiveDate::from_ymd_opt(2026, 9, 20).unwrap(),
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("letters.pdf");
    let (_, n) = save_campaign_letters(
        &db,
        &c.id,
        "gratitude-campaign",
        Layout::Bilingual,
        &signing,
        &out,
    )
    .unwrap();
    assert_eq!(n, 3);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squash(&tool("pdftotext", &[out.to_str().unwrap(), "-"]));
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
        "М.О.",
        "М.П.",
    ] {
        assert!(text.contains(expected), "«{expected}» not in:\n{text}");
    }
    // Alphabetical: Волкова, Жұмабаева, Серіков.
    assert!(text.find("Волкова Анастасия").unwrap() < text.find("Жұмабаева Айгерім").unwrap());

    let diploma = dir.path().join("diploma.pdf");
    save_campaign_letters(
        &db,
        &c.id,
        "diploma-campaign",
        Layout::Kk,
        &signing,
        &diploma,
    )
    .unwrap();
    let text = squash(&tool("pdftotext", &[diploma.to_str().unwrap(), "-"]));
    assert!(text.contains("ҚҰРМЕТ ГРАМОТАСЫ"));
    assert!(
        text.contains("Серіков Дәурен Болатұлы «Мектепке жол»")
            || text.contains("Серіков Дәурен Болатұлы")
    );
    assert!(
        !text.contains("Болатұлына"),
        "a diploma names the person in the nominative"
    );

    let missing =
        save_campaign_letters(&db, &c.id, "gratitude-deed", Layout::Kk, &signing, &diploma)
            .unwrap_err();
    assert_eq!(missing.code, meirim_core::ErrorCode::TemplatePlaceholder);
    assert_eq!(missing.params["name"], "deed");
}
