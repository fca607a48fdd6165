//! The pages of a batch: a template's texts filled for each recipient, under the office's
//! letterhead, in Kazakh, Russian or both. Pure text work — drawing is the documents
//! crate's, numbering the register's.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::campaigns::Campaign;
use crate::date;
use crate::letters::letterhead::Letterhead;
use crate::letters::page::{LetterPage, LetterSide};
use crate::letters::recipients::Recipient;
use crate::letters::template::{fill, FillError};
use crate::letters::templates::{Addressee, LetterTemplate};
use crate::problem::{ErrorCode, Problem};
use crate::settings::Language;

/// Which languages a batch is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    Kk,
    Ru,
    /// Kazakh above Russian on one page.
    Bilingual,
}

impl Layout {
    pub fn languages(self) -> &'static [Language] {
        match self {
            Layout::Kk => &[Language::Kk],
            Layout::Ru => &[Language::Ru],
            Layout::Bilingual => &[Language::Kk, Language::Ru],
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "kk" => Some(Layout::Kk),
            "ru" => Some(Layout::Ru),
            "both" | "bilingual" => Some(Layout::Bilingual),
            _ => None,
        }
    }
}

/// What the person issuing a batch chooses besides the recipients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BatchOptions {
    pub template_id: String,
    pub layout: Layout,
    /// The documents' date; empty means today.
    pub issued_on: Option<String>,
    /// Fills {campaign} and, from its dates, {period}.
    pub campaign_id: Option<String>,
    /// {deed} per language («қан тапсыру акциясына қатысқаныңыз» / «участие в донорской акции»).
    pub deed_kk: String,
    pub deed_ru: String,
    /// {period} when there is no campaign with dates, or to say it differently.
    pub period: String,
}

/// Everything a batch's pages share.
pub struct Context<'a> {
    pub template: &'a LetterTemplate,
    pub letterhead: &'a Letterhead,
    pub options: &'a BatchOptions,
    pub campaign: Option<&'a Campaign>,
    pub on: NaiveDate,
}

fn fill_problem(e: FillError, lang: Language) -> Problem {
    let (reason, name) = e.parts();
    Problem::new(ErrorCode::TemplatePlaceholder)
        .with("reason", reason)
        .with("name", name)
        .with("lang", lang.code())
}

/// «12» in Kazakh (the template says «сағат»); «12 часов», «4 часа», «21 час», «7,5 часа»
/// in Russian, where the noun agrees with the number.
pub fn hours(minutes: u32, lang: Language) -> String {
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

fn period(ctx: &Context<'_>) -> String {
    if !ctx.options.period.trim().is_empty() {
        return ctx.options.period.trim().to_owned();
    }
    ctx.campaign
        .map(|c| {
            [c.starts_on, c.ends_on]
                .into_iter()
                .flatten()
                .map(date::display)
                .collect::<Vec<_>>()
                .join("–")
        })
        .unwrap_or_default()
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One recipient's page, unnumbered.
pub fn page(ctx: &Context<'_>, r: &Recipient) -> Result<LetterPage, Problem> {
    let t = &ctx.template.text;
    let h = ctx.letterhead;
    let mut sides = Vec::with_capacity(2);
    for &lang in ctx.options.layout.languages() {
        let (body, title, header, position, place, deed) = match lang {
            Language::Kk => (
                &t.body_kk,
                &t.title_kk,
                &h.header_kk,
                &t.position_kk,
                &h.place_kk,
                &ctx.options.deed_kk,
            ),
            Language::Ru => (
                &t.body_ru,
                &t.title_ru,
                &h.header_ru,
                &t.position_ru,
                &h.place_ru,
                &ctx.options.deed_ru,
            ),
        };
        let values = BTreeMap::from([
            ("recipient", r.full_name()),
            (
                "campaign",
                ctx.campaign
                    .map(|c| format!("«{}»", c.name_in(lang).trim_matches(['«', '»', '"'])))
                    .unwrap_or_default(),
            ),
            ("deed", deed.trim().to_owned()),
            ("period", period(ctx)),
            (
                "hours",
                if r.minutes > 0 {
                    hours(r.minutes, lang)
                } else {
                    String::new()
                },
            ),
        ]);
        let body = fill(body, &values).map_err(|e| fill_problem(e, lang))?;
        let place_date = [place.trim().to_owned(), date::long(ctx.on, lang)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        sides.push(LetterSide {
            header: lines(header),
            title: title.clone(),
            addressee: match t.addressee {
                Addressee::Dative => r.dative(lang).to_owned(),
                Addressee::Nominative => r.full_name(),
            },
            salutation: String::new(),
            body,
            signatory_position: position.clone(),
            signatory_name: t.signatory.clone(),
            seal: match (t.seal, lang) {
                (false, _) => String::new(),
                (true, Language::Kk) => "М.О.".to_owned(),
                (true, Language::Ru) => "М.П.".to_owned(),
            },
            place_date,
        });
    }
    Ok(LetterPage {
        sides,
        number: String::new(),
        qr: String::new(),
        logo: h.has_logo,
    })
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
