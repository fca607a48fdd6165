//! Fluent messages from `assets/locales`, compiled into the binary so the CLI (and, later,
//! PDF documents) speak the same words as the UI, in Kazakh or Russian.

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use meirim_core::settings::Language;
use meirim_core::Problem;

pub const KK_FTL: &str = include_str!("../../../assets/locales/kk/meirim.ftl");
pub const RU_FTL: &str = include_str!("../../../assets/locales/ru/meirim.ftl");

pub fn source(lang: Language) -> &'static str {
    match lang {
        Language::Kk => KK_FTL,
        Language::Ru => RU_FTL,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("{lang} messages do not parse: {details}")]
    Parse { lang: &'static str, details: String },
}

pub struct Localizer {
    bundle: FluentBundle<FluentResource>,
    lang: Language,
}

impl Localizer {
    pub fn new(lang: Language) -> Result<Self, I18nError> {
        let parse_error = |details: String| I18nError::Parse {
            lang: lang.code(),
            details,
        };
        let resource = FluentResource::try_new(source(lang).to_owned())
            .map_err(|(_, errs)| parse_error(format!("{errs:?}")))?;
        let langid = lang
            .code()
            .parse()
            .map_err(|e| parse_error(format!("{e:?}")))?;
        let mut bundle = FluentBundle::new(vec![langid]);
        // Isolation marks (U+2068/U+2069) around arguments would end up in terminal output
        // and in extracted PDF text; our texts are left-to-right only.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errs| parse_error(format!("{errs:?}")))?;
        Ok(Self { bundle, lang })
    }

    /// What a report line is called in this language: its message, its name in this
    /// language, or the name as typed.
    pub fn label(&self, label: &meirim_core::reports::Label) -> String {
        use meirim_core::reports::Label;
        match label {
            Label::Message(id) => self.text(id, &[]),
            Label::Names(n) => n.pick(self.lang).to_owned(),
            Label::Text(t) => t.clone(),
        }
    }

    /// The language this localizer speaks.
    pub fn lang(&self) -> Language {
        self.lang
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with `args`; a missing message shows its id rather than nothing.
    pub fn text(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    fn with_params(&self, id: &str, params: &BTreeMap<String, String>) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), param_value(k, v)))
            .collect();
        self.text(id, &args)
    }

    /// A problem as a user reads it: the main message, then one line per wrong field.
    pub fn problem(&self, p: &Problem) -> String {
        let mut out = self.with_params(&format!("error-{}", p.code.as_str()), &p.params);
        for f in &p.fields {
            out.push_str(&format!(
                "\n  {}: {}",
                f.field,
                self.with_params(&format!("error-{}", f.code.as_str()), &f.params)
            ));
        }
        out
    }
}

/// Problem parameters travel as text; `count` becomes a number so that Fluent can choose
/// the plural form («1 семья», «3 семьи», «5 семей»). Other values (IINs, phone numbers)
/// stay text so they are never regrouped as numbers.
fn param_value<'a>(key: &str, value: &'a str) -> FluentValue<'a> {
    match (key, value.parse::<i64>()) {
        ("count", Ok(n)) => FluentValue::from(n),
        _ => FluentValue::from(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use meirim_core::iin::IinWarning;
    use meirim_core::{ErrorCode, FieldProblem};

    fn ids(src: &str) -> Vec<String> {
        let res = FluentResource::try_new(src.to_owned()).unwrap();
        let mut v: Vec<String> = res
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn both_languages_parse_and_have_the_same_messages() {
        for lang in [Language::Kk, Language::Ru] {
            Localizer::new(lang).unwrap();
        }
        assert_eq!(ids(KK_FTL), ids(RU_FTL));
    }

    #[test]
    fn every_error_code_and_warning_has_a_message_in_both_languages() {
        for lang in [Language::Kk, Language::Ru] {
            let l = Localizer::new(lang).unwrap();
            for code in ErrorCode::ALL {
                let id = format!("error-{}", code.as_str());
                assert!(l.has(&id), "{} lacks {id}", lang.code());
            }
            for w in [
                IinWarning::ImpossibleDate,
                IinWarning::UnknownCentury,
                IinWarning::BirthDateMismatch,
                IinWarning::SexMismatch,
            ] {
                let code = serde_json::to_value(w).unwrap();
                let id = format!("warning-{}", code.as_str().unwrap());
                assert!(l.has(&id), "{} lacks {id}", lang.code());
            }
        }
    }

    #[test]
    fn kazakh_text_uses_kazakh_letters_not_transliteration() {
        // A cheap guard against a Russian or Latin file pasted into kk/.
        let kazakh_letters = KK_FTL
            .chars()
            .filter(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(*c))
            .count();
        assert!(
            kazakh_letters > 200,
            "only {kazakh_letters} Kazakh-specific letters"
        );
        let in_ru = RU_FTL.chars().filter(|c| "әғқңөұүһі".contains(*c)).count();
        // Russian file names the languages ("Қазақша") and the app ("Мейірім") only.
        assert!(in_ru < 20, "{in_ru} Kazakh letters in the Russian file");
    }

    #[test]
    fn formats_problems_with_fields_and_plurals() {
        let kk = Localizer::new(Language::Kk).unwrap();
        let ru = Localizer::new(Language::Ru).unwrap();
        let p = Problem::validation(vec![
            FieldProblem::new("head.iin", ErrorCode::IinLength).with("length", 11)
        ]);
        assert_eq!(
            kk.problem(&p),
            "Кейбір өрістер дұрыс толтырылмаған. Белгіленген өрістерді түзетіп, қайта сақтаңыз.\n  head.iin: ЖСН 12 цифрдан тұрады, ал енгізілгені — 11."
        );
        assert!(ru
            .problem(&p)
            .ends_with("ИИН состоит из 12 цифр, а введено 11."));
        let demo =
            |n: i64| ru.problem(&Problem::new(ErrorCode::DemoNeedsEmptyRegistry).with("count", n));
        assert!(demo(1).contains("уже 1 семья."), "{}", demo(1));
        assert!(demo(3).contains("уже 3 семьи."));
        assert!(demo(12).contains("уже 12 семей."));
        let count = |n: i64| ru.text("families-count", &[("count", FluentValue::from(n))]);
        assert_eq!(count(1), "Всего: 1 семья");
        assert_eq!(count(3), "Всего: 3 семьи");
        assert_eq!(count(11), "Всего: 11 семей");
        assert_eq!(count(21), "Всего: 21 семья");
        assert_eq!(
            kk.text("families-count", &[("count", FluentValue::from(5))]),
            "Барлығы: 5 отбасы"
        );
    }
}
