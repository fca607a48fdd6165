//! The distribution list as a reader sees it: fonts embedded, Kazakh text exact, IINs
//! masked unless asked, the header repeated on every page, totals and the signatory.

#![allow(clippy::unwrap_used)]

mod common;

use common::tool;

use chrono::NaiveDate;
use meirim_core::aid::{self, BulkFilter, BulkPlan};
use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
use meirim_core::family::{self, ConsentStatus, FamilyInput, MemberInput};
use meirim_core::iin::synthesize;
use meirim_core::person::Sex;
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

fn round(db: &mut Database) -> String {
    let c = campaigns::create(
        db,
        &CampaignInput {
            name: "Наурыз көктемі".into(),
            kind: CampaignKind::Holiday,
            starts_on: None,
            ends_on: None,
            organiser_id: None,
            funding_source_id: None,
            description: None,
        },
    )
    .unwrap();
    let basket = aid::types::find(db.conn(), "food-basket")
        .unwrap()
        .unwrap()
        .id;
    let filter = BulkFilter {
        aid_type_id: basket,
        campaign_id: Some(c.id.clone()),
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
    let path =
        meirim_documents::save_distribution_list(&db, &campaign, None, dir.path(), None, &options)
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
    assert_eq!(
        settings::signatory(db.conn()).unwrap(),
        "Бөлім басшысы А.Б. Серіков",
        "remembered for the next list"
    );

    let full = dir.path().join("full.pdf");
    meirim_documents::save_distribution_list(
        &db,
        &campaign,
        None,
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
        dir.path(),
        None,
        &ListOptions::default(),
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::ListEmpty);
}
