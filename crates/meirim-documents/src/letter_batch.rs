//! A batch of letters for a campaign's volunteers from one of the ready templates: each
//! volunteer's name in the dative (or nominative, for diplomas and certificates), their
//! hours in the campaign, the campaign's name and dates filled in. Register numbers and QR
//! codes come with the register; until then the pages carry none.

use std::collections::BTreeMap;

use meirim_core::letters::seeds::{Addressee, SeedTemplate, SEEDS};
use meirim_core::letters::template::{fill, FillError};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::settings::Language;
use meirim_core::volunteers::{self, Volunteer};
use meirim_core::{campaigns, date, grammar, Database};

use crate::letter::{LetterPage, LetterSide};

/// Which languages a batch is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Kk,
    Ru,
    Bilingual,
}

/// Who signs and where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signing {
    pub office_kk: String,
    pub office_ru: String,
    pub position_kk: String,
    pub position_ru: String,
    /// «А.Б. Серіков».
    pub name: String,
    pub seal: bool,
    pub place_kk: String,
    pub place_ru: String,
    pub on: chrono::NaiveDate,
    /// The deed, per language, for templates that use {deed}.
    pub deed_kk: String,
    pub deed_ru: String,
}

fn template(code: &str) -> Result<&'static SeedTemplate, Problem> {
    SEEDS
        .iter()
        .find(|s| s.code == code)
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", code))
}

fn fill_problem(e: FillError) -> Problem {
    let (code, name) = match e {
        FillError::Unknown(n) => ("unknown", n),
        FillError::Missing(n) => ("missing", n),
        FillError::Unclosed => ("unclosed", String::new()),
    };
    Problem::new(ErrorCode::TemplatePlaceholder)
        .with("reason", code)
        .with("name", name)
}

/// «12» in Kazakh (the template says «сағат»); «12 часов», «4 часа», «21 час», «7,5 часа»
/// in Russian, where the noun agrees with the number.
fn hours(minutes: u32, lang: Language) -> String {
    let h = f64::from(minutes) / 60.0;
    let whole = (h - h.round()).abs() < 0.05;
    let number = if whole {
        format!("{}", h.round() as i64)
    } else {
        format!("{h:.1}").replace('.', ",")
    };
    match lang {
        Language::Kk => number,
        Language::Ru => {
            let n = h.round() as i64;
            let noun = if !whole {
                "часа"
            } else if n % 10 == 1 && n % 100 != 11 {
                "час"
            } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                "часа"
            } else {
                "часов"
            };
            format!("{number} {noun}")
        }
    }
}

/// The pages for every volunteer with activities in the campaign, alphabetically.
pub fn campaign_pages(
    db: &Database,
    campaign_id: &str,
    template_code: &str,
    layout: Layout,
    signing: &Signing,
) -> Result<Vec<LetterPage>, Problem> {
    let t = template(template_code)?;
    let campaign = campaigns::get(db.conn(), campaign_id)?;
    let logged = volunteers::activities::list(db.conn(), None, Some(campaign_id))?;
    let mut minutes: BTreeMap<String, u32> = BTreeMap::new();
    for a in &logged {
        *minutes.entry(a.volunteer_id.clone()).or_default() += a.minutes;
    }
    let mut people: Vec<Volunteer> = minutes
        .keys()
        .map(|id| volunteers::get(db.conn(), id))
        .collect::<Result<_, _>>()?;
    people.sort_by(|a, b| {
        meirim_core::text::sort_key(&a.full_name())
            .cmp(&meirim_core::text::sort_key(&b.full_name()))
    });
    if people.is_empty() {
        return Err(Problem::new(ErrorCode::ListEmpty).with("campaign", &campaign.name));
    }
    let period = [campaign.starts_on, campaign.ends_on]
        .into_iter()
        .flatten()
        .map(date::display)
        .collect::<Vec<_>>()
        .join("–");
    let mut pages = Vec::with_capacity(people.len());
    for v in &people {
        let mut sides = Vec::new();
        let langs: &[Language] = match layout {
            Layout::Kk => &[Language::Kk],
            Layout::Ru => &[Language::Ru],
            Layout::Bilingual => &[Language::Kk, Language::Ru],
        };
        for &lang in langs {
            let nominative = v.full_name();
            let addressee = match t.addressee {
                Addressee::Dative => {
                    grammar::dative(lang, &v.surname, &v.name, v.patronymic.as_deref(), v.sex).text
                }
                Addressee::Nominative => nominative.clone(),
            };
            let (body, title, office, position, place, deed) = match lang {
                Language::Kk => (
                    t.body_kk,
                    t.title_kk,
                    &signing.office_kk,
                    &signing.position_kk,
                    &signing.place_kk,
                    &signing.deed_kk,
                ),
                Language::Ru => (
                    t.body_ru,
                    t.title_ru,
                    &signing.office_ru,
                    &signing.position_ru,
                    &signing.place_ru,
                    &signing.deed_ru,
                ),
            };
            let values = BTreeMap::from([
                ("recipient", nominative.clone()),
                (
                    "campaign",
                    format!("«{}»", campaign.name.trim_matches(['«', '»'])),
                ),
                ("deed", deed.clone()),
                ("period", period.clone()),
                (
                    "hours",
                    hours(minutes.get(&v.id).copied().unwrap_or(0), lang),
                ),
            ]);
            let body = fill(body, &values).map_err(fill_problem)?;
            let place_date = [place.clone(), date::long(signing.on, lang)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            sides.push(LetterSide {
                header: vec![office.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect(),
                title: title.to_owned(),
                addressee,
                salutation: String::new(),
                body,
                signatory_position: position.clone(),
                signatory_name: signing.name.clone(),
                seal: if signing.seal {
                    match lang {
                        Language::Kk => "М.О.".to_owned(),
                        Language::Ru => "М.П.".to_owned(),
                    }
                } else {
                    String::new()
                },
                place_date,
            });
        }
        pages.push(LetterPage {
            sides,
            ..Default::default()
        });
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_hours_agree_with_their_number() {
        for (minutes, want) in [
            (60, "1 час"),
            (120, "2 часа"),
            (240, "4 часа"),
            (300, "5 часов"),
            (660, "11 часов"),
            (720, "12 часов"),
            (1260, "21 час"),
            (450, "7,5 часа"),
        ] {
            assert_eq!(hours(minutes, Language::Ru), want, "{minutes}");
        }
        assert_eq!(hours(450, Language::Kk), "7,5");
    }
}
