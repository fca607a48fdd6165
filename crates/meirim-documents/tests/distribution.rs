//! The distribution list as a reader sees it: fonts embedded, Kazakh text exact, IINs
//! masked unless asked, the header repeated on every page, totals and the signatory.

// Read back with poppler's and qpdf's Linux tools; the Windows build's PDFs are written by
// the CLI's tests under wine.
#![cfg(not(windows))]
#![allow(clippy::unwrap_used)]

mod common;

use common::{collisions, tool};

use chrono::NaiveDate;
use meirim_core::aid::{self, BulkFilter, BulkPlan};
use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
use meirim_core::family::{self, ConsentStatus, FamilyInput, MemberInput};
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;
use meirim_core::settings::Language;
use meirim_core::{settings, Database, ErrorCode};
use meirim_documents::ListOptions;

/// `n` families in Ақсу, each head with a synthetic IIN; returns the IINs in list order.
fn district(db: &mut Database, n: u32) -> Vec<String> {
    let mut iins = Vec::new();
    for i in 0..n {
        let born = NaiveDate::from_ymd_opt(1970 + (i % 30) as i32, 1 + i % 12, 1 + i % 28).unwrap();
        let iin = (i * 10..i * 10 + 50)
            .find_map(|s| synthesize(born, Sex::Female, s))
            .unwrap()
            .as_str()
            .to_owned();
        let input = FamilyInput {
            members: vec![MemberInput {
                is_head: true,
                surname: format!("Әлиева{i:03}"),
                name: "Гүлнұр".into(),
                iin: Some(iin.clone()),
                ..Default::default()
            }],
            address: family::AddressInput {
                village: Some("Ақсу".into()),
                street: Some("Абай көшесі".into()),
                house: Some((i + 1).to_string()),
                ..Default::default()
            },
            consent: family::ConsentInput {
                status: ConsentStatus::Pending,
                ..Default::default()
            },
            accept_duplicates: true,
            ..Default::default()
        };
        family::create(db, &input).unwrap();
        iins.push(iin);
    }
    iins
}

/// Plans `aid_code` for every family the round would choose in `campaign`, on 20.03.2026.
fn plan(db: &mut Database, campaign: &str, aid_code: &str) {
    let aid_type_id = aid::types::find(db.conn(), aid_code).unwrap().unwrap().id;
    let filter = BulkFilter {
        aid_type_id,
        campaign_id: Some(campaign.to_owned()),
        on_date: Some("20.03.2026".into()),
        ..Default::default()
    };
    let ids = aid::bulk::candidates(db.conn(), &filter)
        .unwrap()
        .into_iter()
        .map(|c| c.family_id)
        .collect();
    aid::bulk::plan(
        db,
        &BulkPlan {
            filter,
            family_ids: ids,
            ..Default::default()
        },
    )
    .unwrap();
}

fn round(db: &mut Database) -> String {
    let c = campaigns::create(
        db,
        &CampaignInput {
            name: "Наурыз көктемі".into(),
            name_ru: None,
            kind: CampaignKind::Holiday,
            starts_on: None,
            ends_on: None,
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap();
    plan(db, &c.id, "food-basket");
    c.id
}

#[test]
fn the_list_masks_iins_embeds_fonts_and_totals_the_round() {
    let mut db = Database::open_in_memory().unwrap();
    let iins = district(&mut db, 5);
    let campaign = round(&mut db);
    settings::set_office_name(db.conn(), "Ақсу ауылдық округі әкімінің аппараты").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let options = ListOptions {
        full_iin: false,
        signatory: "Бөлім басшысы А.Б. Серіков".into(),
    };
    let path = meirim_documents::save_distribution_list(
        &db,
        &campaign,
        None,
        Language::Kk,
        dir.path(),
        None,
        &options,
    )
    .unwrap();
    assert!(path.starts_with(dir.path().join("documents")));
    let p = path.to_str().unwrap();
    let fonts = tool("pdffonts", &[p]);
    for row in fonts.lines().skip(2) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 4], cols[n - 3]),
            ("yes", "yes", "yes"),
            "embedded, subset, Unicode: {row}"
        );
    }
    let text = tool("pdftotext", &["-layout", p, "-"]).replace('\u{a0}', " ");
    for expected in [
        "Ақсу ауылдық округі әкімінің аппараты",
        "КӨМЕК БЕРУ ТІЗІМДЕМЕСІ",
        "Науқан: Наурыз көктемі",
        "азық-түлік себеті",
        "20.03.2026",
        "Әлиева000 Гүлнұр (№1)",
        "Ақсу, Абай көшесі,",
        "1-үй",
        "1 жиынтық",
        "20 000 ₸",
        "Барлығы: 5 алушы, 100 000 ₸",
        "Көмекті берген:",
        "Бөлім басшысы А.Б. Серіков",
    ] {
        assert!(text.contains(expected), "«{expected}» not in:\n{text}");
    }
    for iin in &iins {
        assert!(!text.contains(iin.as_str()), "full IIN printed: {iin}");
        assert!(text.contains(&format!("********{}", &iin[8..])), "{iin}");
    }
    tool("qpdf", &["--check", p]);
    assert_eq!(collisions(p), Vec::<String>::new());
    // The round's aid type is named once, not once per recipient.
    assert_eq!(text.matches("азық-түлік себеті").count(), 1, "{text}");
    assert_eq!(
        settings::signatory(db.conn(), Language::Kk).unwrap(),
        "Бөлім басшысы А.Б. Серіков",
        "remembered for the next list"
    );

    let full = dir.path().join("full.pdf");
    meirim_documents::save_distribution_list(
        &db,
        &campaign,
        None,
        Language::Kk,
        dir.path(),
        Some(&full),
        &ListOptions {
            full_iin: true,
            ..options
        },
    )
    .unwrap();
    let text = tool("pdftotext", &[full.to_str().unwrap(), "-"]);
    assert!(text.contains(iins[0].as_str()));
    // Both prints are in the audit log, the one with full IINs saying so.
    let log = meirim_core::audit::recent(db.conn(), 10, true).unwrap();
    let printed: Vec<&str> = log
        .iter()
        .filter(|e| e.action == "distribution-list-printed")
        .filter_map(|e| e.summary.as_deref())
        .collect();
    assert_eq!(printed.len(), 2, "{log:?}");
    assert!(
        printed[0].contains("IIN full") && printed[0].ends_with("full.pdf"),
        "{printed:?}"
    );
    assert!(printed[1].contains("IIN last 4 digits"), "{printed:?}");
}

#[test]
fn a_long_list_repeats_its_header_on_every_page_and_an_empty_one_is_refused() {
    let mut db = Database::open_in_memory().unwrap();
    district(&mut db, 60);
    let campaign = round(&mut db);
    let dir = tempfile::tempdir().unwrap();
    let path = meirim_documents::save_distribution_list(
        &db,
        &campaign,
        None,
        Language::Kk,
        dir.path(),
        None,
        &ListOptions::default(),
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let pages: usize = tool("pdfinfo", &[p])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 3, "{pages} pages");
    let text = tool("pdftotext", &[p, "-"]);
    assert_eq!(text.matches("Алушы").count(), pages, "one header per page");
    assert!(text.contains("Әлиева059 Гүлнұр"));
    assert!(text
        .replace('\u{a0}', " ")
        .contains("Барлығы: 60 алушы, 1 200 000 ₸"));

    let empty = campaigns::create(
        &mut db,
        &CampaignInput {
            name: "Бос науқан".into(),
            name_ru: None,
            kind: CampaignKind::Other,
            starts_on: None,
            ends_on: None,
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap();
    let refused = meirim_documents::save_distribution_list(
        &db,
        &empty.id,
        None,
        Language::Kk,
        dir.path(),
        None,
        &ListOptions::default(),
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::ListEmpty);
}

/// The same round printed in Kazakh, then in Russian: two files, each named and written in
/// its language, with the campaign's name and the signatory of that language.
#[test]
fn a_russian_print_is_its_own_file_in_russian_and_keeps_the_kazakh_one() {
    let mut db = Database::open_in_memory().unwrap();
    district(&mut db, 3);
    let campaign = round(&mut db);
    let mut input = CampaignInput {
        name: "Наурыз көктемі".into(),
        name_ru: Some("Весна Наурыза".into()),
        kind: CampaignKind::Holiday,
        starts_on: None,
        ends_on: None,
        organiser_id: None,
        funding_source_id: None,
        description: None,
    };
    campaigns::update(&mut db, &campaign, &input).unwrap();
    // A second aid type in the same round: the rows, sorted by name, alternate the types.
    plan(&mut db, &campaign, "coal");
    meirim_core::letters::letterhead::set(
        db.conn(),
        &meirim_core::letters::letterhead::Letterhead {
            header_kk: "Ақсу ауылдық округі әкімінің аппараты".into(),
            header_ru: "Аппарат акима Аксуского сельского округа".into(),
            number_format: "{seq}/{year}".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let print = |db: &Database, lang, signatory: &str| {
        meirim_documents::save_distribution_list(
            db,
            &campaign,
            None,
            lang,
            dir.path(),
            None,
            &ListOptions {
                full_iin: false,
                signatory: signatory.into(),
            },
        )
        .unwrap()
    };
    let kk = print(&db, Language::Kk, "Бөлім басшысы А.Б. Серіков");
    let ru = print(&db, Language::Ru, "Руководитель отдела А.Б. Сериков");
    assert_ne!(kk, ru);
    let name = |p: &std::path::Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let today = meirim_core::clock::today();
    assert_eq!(
        name(&kk),
        format!("Тізімдеме - Наурыз көктемі - {today}.pdf")
    );
    assert_eq!(
        name(&ru),
        format!("Ведомость - Весна Наурыза - {today}.pdf")
    );
    let kk_text = tool("pdftotext", &[kk.to_str().unwrap(), "-"]);
    let ru_text = tool("pdftotext", &[ru.to_str().unwrap(), "-"]);
    assert!(
        kk_text.contains("Ақсу ауылдық округі әкімінің аппараты"),
        "{kk_text}"
    );
    assert!(kk_text.contains("Наурыз көктемі") && kk_text.contains("Бөлім басшысы"));
    // Each aid type of the round named once.
    assert_eq!(kk_text.matches("азық-түлік себеті").count(), 1, "{kk_text}");
    assert_eq!(kk_text.matches("көмір").count(), 1, "{kk_text}");
    assert!(
        ru_text.contains("Аппарат акима Аксуского сельского округа"),
        "{ru_text}"
    );
    assert!(ru_text.contains("Весна Наурыза"), "{ru_text}");
    assert!(
        !ru_text.contains("Наурыз көктемі"),
        "the Kazakh name in a Russian list"
    );
    assert!(ru_text.contains("Руководитель отдела А.Б. Сериков"));
    assert!(!ru_text.contains("Бөлім басшысы"));
    // Each language remembers its own signatory.
    assert_eq!(
        settings::signatory(db.conn(), Language::Kk).unwrap(),
        "Бөлім басшысы А.Б. Серіков"
    );
    assert_eq!(
        settings::signatory(db.conn(), Language::Ru).unwrap(),
        "Руководитель отдела А.Б. Сериков"
    );
    for p in [&kk, &ru] {
        assert_eq!(collisions(p.to_str().unwrap()), Vec::<String>::new());
    }
    input.name_ru = None;
    campaigns::update(&mut db, &campaign, &input).unwrap();
    let plain = print(&db, Language::Ru, "Руководитель отдела А.Б. Сериков");
    assert_eq!(
        name(&plain),
        format!("Ведомость - Наурыз көктемі - {today}.pdf")
    );
}
