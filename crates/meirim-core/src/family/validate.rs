//! Turns form input into checked values, collecting every problem at once so the form can
//! mark all wrong fields in one go.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::model::{FamilyInput, PersonInput};
use crate::iin::{Iin, IinError, IinFacts};
use crate::person::Sex;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{date, phone, text};

pub const NAME_MAX: usize = 100;
pub const ADDRESS_PART_MAX: usize = 200;
pub const NOTES_MAX: usize = 4000;
pub const EARLIEST_BIRTH_YEAR: i32 = 1890;

pub struct ValidPerson {
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub iin: Option<Iin>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
}

pub struct ValidFamily {
    pub head: ValidPerson,
    pub phone: Option<String>,
    pub oblast_id: Option<String>,
    pub district: Option<String>,
    pub rural_okrug: Option<String>,
    pub village: Option<String>,
    pub street: Option<String>,
    pub category_ids: Vec<String>,
    pub notes: Option<String>,
}

struct Checker {
    problems: Vec<FieldProblem>,
}

impl Checker {
    fn required(&mut self, field: &str, value: &str, max: usize) -> String {
        let v = text::tidy(value);
        if v.is_empty() {
            self.problems
                .push(FieldProblem::new(field, ErrorCode::Required));
        }
        self.limit(field, &v, max);
        v
    }

    fn optional(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let v = text::tidy_opt(value);
        if let Some(v) = &v {
            self.limit(field, v, max);
        }
        v
    }

    fn limit(&mut self, field: &str, v: &str, max: usize) {
        let len = v.chars().count();
        if len > max {
            self.problems.push(
                FieldProblem::new(field, ErrorCode::TooLong)
                    .with("max", max)
                    .with("length", len),
            );
        }
    }

    fn birth_date(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        let raw = text::tidy_opt(value)?;
        let Some(d) = date::parse(&raw) else {
            self.problems
                .push(FieldProblem::new(field, ErrorCode::InvalidDate).with("value", raw));
            return None;
        };
        if d > chrono::Local::now().date_naive() {
            self.problems
                .push(FieldProblem::new(field, ErrorCode::DateInFuture));
        } else if d.year() < EARLIEST_BIRTH_YEAR {
            self.problems.push(
                FieldProblem::new(field, ErrorCode::DateTooOld).with("year", EARLIEST_BIRTH_YEAR),
            );
        }
        Some(d)
    }

    fn iin(&mut self, field: &str, value: Option<&str>) -> Option<Iin> {
        let raw = text::tidy_opt(value)?;
        match Iin::parse(&raw) {
            Ok(iin) => Some(iin),
            Err(e) => {
                self.problems.push(iin_problem(field, &e));
                None
            }
        }
    }
}

fn iin_problem(field: &str, e: &IinError) -> FieldProblem {
    match e {
        IinError::Length(n) => FieldProblem::new(field, ErrorCode::IinLength).with("length", n),
        IinError::NotDigits => FieldProblem::new(field, ErrorCode::IinNotDigits),
        IinError::Checksum => FieldProblem::new(field, ErrorCode::IinChecksum),
    }
}

fn person(c: &mut Checker, prefix: &str, p: &PersonInput) -> ValidPerson {
    let f = |name: &str| format!("{prefix}.{name}");
    ValidPerson {
        surname: c.required(&f("surname"), &p.surname, NAME_MAX),
        name: c.required(&f("name"), &p.name, NAME_MAX),
        patronymic: c.optional(&f("patronymic"), p.patronymic.as_deref(), NAME_MAX),
        iin: c.iin(&f("iin"), p.iin.as_deref()),
        birth_date: c.birth_date(&f("birth_date"), p.birth_date.as_deref()),
        sex: p.sex,
    }
}

/// Checks everything that needs no database. References (oblast, categories) and IIN
/// uniqueness are checked by the store inside its transaction.
pub fn validate(input: &FamilyInput) -> Result<ValidFamily, Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let head = person(&mut c, "head", &input.head);
    let phone = text::tidy_opt(input.phone.as_deref()).and_then(|raw| {
        let normalized = phone::normalize(&raw);
        if normalized.is_none() {
            c.problems
                .push(FieldProblem::new("phone", ErrorCode::PhoneInvalid).with("value", raw));
        }
        normalized
    });
    let a = &input.address;
    let mut category_ids = input.category_ids.clone();
    category_ids.sort();
    category_ids.dedup();
    let valid = ValidFamily {
        head,
        phone,
        oblast_id: text::tidy_opt(a.oblast_id.as_deref()),
        district: c.optional("address.district", a.district.as_deref(), ADDRESS_PART_MAX),
        rural_okrug: c.optional(
            "address.rural_okrug",
            a.rural_okrug.as_deref(),
            ADDRESS_PART_MAX,
        ),
        village: c.optional("address.village", a.village.as_deref(), ADDRESS_PART_MAX),
        street: c.optional("address.street", a.street.as_deref(), ADDRESS_PART_MAX),
        category_ids,
        notes: c.optional("notes", input.notes.as_deref(), NOTES_MAX),
    };
    if c.problems.is_empty() {
        Ok(valid)
    } else {
        Err(Problem::validation(c.problems))
    }
}

/// The form's live IIN check: either the hard error, or what the digits say plus warnings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IinCheck {
    pub error: Option<FieldProblem>,
    pub facts: Option<IinFacts>,
}

pub fn check_iin(iin: &str, birth_date: Option<&str>, sex: Option<Sex>) -> IinCheck {
    match Iin::parse(iin) {
        Err(e) => IinCheck {
            error: Some(iin_problem("iin", &e)),
            facts: None,
        },
        Ok(iin) => {
            let entered = birth_date.and_then(date::parse);
            IinCheck {
                error: None,
                facts: Some(iin.check_against(entered, sex)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iin::{synthesize, IinWarning};

    fn valid_input() -> FamilyInput {
        let iin = synthesize(
            NaiveDate::from_ymd_opt(1984, 7, 2).unwrap(),
            Sex::Female,
            11,
        )
        .unwrap();
        FamilyInput {
            head: PersonInput {
                surname: "  Серікова ".into(),
                name: "Әсел".into(),
                patronymic: Some("Болатқызы".into()),
                iin: Some(iin.as_str().into()),
                birth_date: Some("02.07.1984".into()),
                sex: Some(Sex::Female),
            },
            phone: Some("8 701 234 56 78".into()),
            ..Default::default()
        }
    }

    fn codes(p: &Problem) -> Vec<(String, ErrorCode)> {
        p.fields.iter().map(|f| (f.field.clone(), f.code)).collect()
    }

    #[test]
    fn valid_input_is_tidied_and_normalized() {
        let v = validate(&valid_input()).unwrap();
        assert_eq!(v.head.surname, "Серікова");
        assert_eq!(v.phone.as_deref(), Some("+77012345678"));
        assert_eq!(v.head.birth_date, NaiveDate::from_ymd_opt(1984, 7, 2));
    }

    #[test]
    fn collects_every_problem_at_once() {
        let mut input = valid_input();
        input.head.surname = "   ".into();
        input.head.name = "".into();
        input.head.iin = Some("12345".into());
        input.head.birth_date = Some("31.02.1984".into());
        input.phone = Some("12".into());
        input.notes = Some("я".repeat(NOTES_MAX + 1));
        let p = validate(&input).err().unwrap();
        assert_eq!(p.code, ErrorCode::Validation);
        assert_eq!(
            codes(&p),
            vec![
                ("head.surname".into(), ErrorCode::Required),
                ("head.name".into(), ErrorCode::Required),
                ("head.iin".into(), ErrorCode::IinLength),
                ("head.birth_date".into(), ErrorCode::InvalidDate),
                ("phone".into(), ErrorCode::PhoneInvalid),
                ("notes".into(), ErrorCode::TooLong),
            ]
        );
        assert_eq!(
            p.fields[2].params.get("length").map(String::as_str),
            Some("5")
        );
    }

    #[test]
    fn refuses_future_and_ancient_birth_dates() {
        let mut input = valid_input();
        input.head.iin = None;
        input.head.birth_date = Some("2999-01-01".into());
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("head.birth_date".into(), ErrorCode::DateInFuture)]
        );
        input.head.birth_date = Some("1800-01-01".into());
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("head.birth_date".into(), ErrorCode::DateTooOld)]
        );
    }

    #[test]
    fn live_iin_check_reports_error_or_facts() {
        let bad = check_iin("123", None, None);
        assert_eq!(bad.error.map(|e| e.code), Some(ErrorCode::IinLength));
        let iin = synthesize(NaiveDate::from_ymd_opt(2001, 9, 1).unwrap(), Sex::Male, 5).unwrap();
        let good = check_iin(iin.as_str(), Some("2001-09-02"), Some(Sex::Male));
        let facts = good.facts.unwrap();
        assert_eq!(facts.birth_date, NaiveDate::from_ymd_opt(2001, 9, 1));
        assert_eq!(facts.warnings, vec![IinWarning::BirthDateMismatch]);
    }
}
