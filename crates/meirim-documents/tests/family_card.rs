//! The family card as a PDF reader sees it: fonts embedded, Kazakh text extracted exactly,
//! a structurally valid file. Uses poppler-utils and qpdf (installed by scripts/test.sh).

// Read back with poppler's and qpdf's Linux tools; the Windows build's PDFs are written by
// the CLI's tests under wine.
#![cfg(not(windows))]
#![allow(clippy::unwrap_used)]

mod common;

use common::{collisions, tool};

use chrono::NaiveDate;
use meirim_core::family::{
    self, AddressInput, ConsentForm, ConsentInput, ConsentStatus, FamilyInput, MemberInput,
    Relation,
};
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;
use meirim_core::settings::Language;
use meirim_core::{reference, Database};

fn member(surname: &str, name: &str, birth: &str, rel: Option<Relation>) -> MemberInput {
    MemberInput {
        is_head: rel.is_none(),
        relation: rel,
        surname: surname.into(),
        name: name.into(),
        birth_date: Some(birth.into()),
        ..Default::default()
    }
}

fn sample(db: &mut Database) -> family::Family {
    let low = reference::categories(db.conn())
        .unwrap()
        .into_iter()
        .find(|c| c.code.as_deref() == Some("low-income"))
        .unwrap();
    let mut head = member("Серікова", "Әсел", "1984-07-02", None);
    head.patronymic = Some("Болатқызы".into());
    head.iin = Some(
        synthesize(
            NaiveDate::from_ymd_opt(1984, 7, 2).unwrap(),
            Sex::Female,
            17,
        )
        .or_else(|| {
            synthesize(
                NaiveDate::from_ymd_opt(1984, 7, 2).unwrap(),
                Sex::Female,
                18,
            )
        })
        .unwrap()
        .as_str()
        .into(),
    );
    let mut son = member("Серіков", "Нұрболат", "2015-09-01", Some(Relation::Child));
    son.disability = Some(family::Disability::Child);
    let input = FamilyInput {
        members: vec![
            head,
            member("Сериков", "Ерлан", "1980-03-10", Some(Relation::Spouse)),
            son,
        ],
        phone: Some("+7 701 234 56 78".into()),
        address: AddressInput {
            village: Some("Ақсу".into()),
            street: Some("Абай көшесі".into()),
            house: Some("12".into()),
            ..Default::default()
        },
        income_per_person: Some("38500".into()),
        category_ids: vec![low.id],
        notes: Some("Үйдің шатыры ағады, жөндеу керек.".into()),
        consent: ConsentInput {
            status: ConsentStatus::Given,
            date: Some("01.11.2026".into()),
            form: Some(ConsentForm::Paper),
            ..Default::default()
        },
        ..Default::default()
    };
    family::create(db, &input).unwrap()
}

#[test]
fn the_card_embeds_its_fonts_and_its_kazakh_text_extracts_exactly() {
    let mut db = Database::open_in_memory().unwrap();
    let f = sample(&mut db);
    let printed = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let bytes = meirim_documents::family_card(&f, &[], Language::Kk, printed).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, &bytes).unwrap();
    if let Ok(keep) = std::env::var("MEIRIM_KEEP_PDF") {
        std::fs::copy(&path, keep).unwrap();
    }
    let p = path.to_str().unwrap();

    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    assert_eq!(rows.len(), 2, "regular and bold: {fonts}");
    for row in &rows {
        // Columns end with: emb sub uni object-id generation.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "{row}");
        assert_eq!(
            (cols[n - 5], cols[n - 4], cols[n - 3]),
            ("yes", "yes", "yes"),
            "embedded, subset, with a Unicode map: {row}"
        );
    }

    let text = tool("pdftotext", &["-layout", p, "-"]);
    for expected in [
        "№1 отбасының картасы",
        "Серікова Әсел Болатқызы",
        "Сериков Ерлан",
        "жұбайы",
        "мүгедектігі бар",
        f.head().unwrap().iin.as_deref().unwrap(),
        "Ақсу",
        "Абай көшесі, 12-үй",
        "+7 701 234 56 78",
        "38 500 ₸",
        "аз қамтылған отбасы",
        "қағаз түрінде (қолы қойылған)",
        "Үйдің шатыры ағады, жөндеу керек.",
        "Әзірге көмек тіркелмеген.",
        "Басып шығарылған күні: 23.11.2026",
    ] {
        let flat = text.replace('\u{a0}', " ");
        assert!(flat.contains(expected), "«{expected}» not in:\n{text}");
    }

    tool("qpdf", &["--check", p]);
    assert_eq!(collisions(p), Vec::<String>::new());
    // Subset fonts keep a card small enough to mail or copy by the hundred.
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
    let info = tool("pdfinfo", &[p]);
    assert!(!info.contains("1970"), "dated today, not 1970: {info}");
}

#[test]
fn the_card_speaks_russian_and_a_long_family_flows_onto_more_pages() {
    let mut db = Database::open_in_memory().unwrap();
    let mut f = sample(&mut db);
    // Forty members cannot fit one A4 page: rows continue on the next, with the footer.
    let template = f.members[2].clone();
    for n in 0..40 {
        let mut m = template.clone();
        m.name = format!("Бала{n}");
        f.members.push(m);
    }
    let bytes = meirim_documents::family_card(
        &f,
        &[],
        Language::Ru,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let p = path.to_str().unwrap();
    let text = tool("pdftotext", &[p, "-"]);
    assert!(text.contains("Карточка семьи № 1"), "{text}");
    assert!(text.contains("супруг(а)"), "{text}");
    assert!(text.contains("Бала39"), "{text}");
    let info = tool("pdfinfo", &[p]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 2, "{info}");
    assert!(text.contains(&format!("1/{pages}")) && text.contains(&format!("{pages}/{pages}")));
    tool("qpdf", &["--check", p]);
    assert_eq!(collisions(p), Vec::<String>::new());
}

#[test]
fn the_card_lists_the_aid_given_with_its_total() {
    use meirim_core::aid::{self, DeliveryInput};
    let mut db = Database::open_in_memory().unwrap();
    let f = sample(&mut db);
    let find = |code: &str| aid::types::find(db.conn(), code).unwrap().unwrap().id;
    let (coal, basket) = (find("coal"), find("food-basket"));
    let budget = meirim_core::funding::list(db.conn()).unwrap()[0].id.clone();
    aid::record(
        &mut db,
        &DeliveryInput {
            family_id: f.id.clone(),
            aid_type_id: coal,
            funding_source_id: Some(budget),
            on_date: Some("12.10.2026".into()),
            quantity: Some("2,5".into()),
            delivered: true,
            receipt_signed: true,
            ..Default::default()
        },
    )
    .unwrap();
    aid::record(
        &mut db,
        &DeliveryInput {
            family_id: f.id.clone(),
            aid_type_id: basket,
            on_date: Some("01.12.2026".into()),
            delivered: false,
            ..Default::default()
        },
    )
    .unwrap();
    let given = aid::for_family(db.conn(), &f.id).unwrap();
    let bytes = meirim_documents::family_card(
        &f,
        &given,
        Language::Kk,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let text = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]).replace('\u{a0}', " ");
    for expected in [
        "12.10.2026",
        "көмір",
        "2,5 т",
        "75 000 ₸",
        "табысталды,",
        "қолхат бар",
        "жергілікті бюджет",
        "азық-түлік себеті",
        "жоспарланған",
        "Табысталған көмектің жалпы құны: 75 000 ₸",
    ] {
        assert!(text.contains(expected), "«{expected}» not in:\n{text}");
    }
    assert!(!text.contains("Әзірге көмек тіркелмеген."));
    // Oldest first, as the paper file reads.
    assert!(text.find("көмір").unwrap() < text.find("азық-түлік себеті").unwrap());
}
