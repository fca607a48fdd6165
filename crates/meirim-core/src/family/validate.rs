//! Turns form input into checked values, collecting every problem at once so the form can
//! mark all wrong fields in one go.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{
    ConsentForm, ConsentInput, ConsentStatus, Disability, Employment, FamilyInput, MemberInput,
    Relation,
};
use crate::check::Checker;
use crate::iin::{Iin, IinError, IinFacts};
use crate::person::Sex;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{date, text};

pub const NAME_MAX: usize = 100;
pub const ADDRESS_PART_MAX: usize = 200;
pub const NOTES_MAX: usize = 4000;
/// Nobody alive was born earlier, and Excel (where lists go) has no dates before 1900.
pub const EARLIEST_BIRTH_YEAR: i32 = 1900;
pub const SHORT_MAX: usize = 20;
pub const MEMBERS_MAX: usize = 40;

pub const INCOME_MAX: u64 = 100_000_000;

pub struct ValidMember {
    /// Where the member was in the form, for naming fields in messages.
    pub form_index: usize,
    pub id: Option<String>,
    pub is_head: bool,
    pub relation: Option<Relation>,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub iin: Option<Iin>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub disability: Option<Disability>,
    pub pensioner: bool,
    pub student: bool,
    pub employment: Option<Employment>,
    pub phone: Option<String>,
}

pub struct ValidConsent {
    pub status: ConsentStatus,
    pub date: Option<NaiveDate>,
    pub form: Option<ConsentForm>,
    pub until: Option<NaiveDate>,
    pub recorded_by: Option<String>,
}

pub struct ValidFamily {
    /// The head first, then the others in form order.
    pub members: Vec<ValidMember>,
    pub phone: Option<String>,
    pub oblast_id: Option<String>,
    pub district: Option<String>,
    pub rural_okrug: Option<String>,
    pub village: Option<String>,
    pub street: Option<String>,
    pub house: Option<String>,
    pub flat: Option<String>,
    pub housing_notes: Option<String>,
    pub income_per_person: Option<u32>,
    pub registered_on: Option<NaiveDate>,
    pub category_ids: Vec<String>,
    pub notes: Option<String>,
    pub consent: ValidConsent,
    pub accept_duplicates: bool,
}

pub(crate) fn iin_problem(field: &str, e: &IinError) -> FieldProblem {
    match e {
        IinError::Length(n) => FieldProblem::new(field, ErrorCode::IinLength).with("length", n),
        IinError::NotDigits => FieldProblem::new(field, ErrorCode::IinNotDigits),
        IinError::Checksum => FieldProblem::new(field, ErrorCode::IinChecksum),
    }
}

fn member(c: &mut Checker, form_index: usize, m: &MemberInput) -> ValidMember {
    let f = |name: &str| format!("members.{form_index}.{name}");
    let relation = if m.is_head { None } else { m.relation };
    if !m.is_head && relation.is_none() {
        c.push(FieldProblem::new(&f("relation"), ErrorCode::Required));
    }
    ValidMember {
        form_index,
        id: text::tidy_opt(m.id.as_deref()),
        is_head: m.is_head,
        relation,
        surname: c
            .person_name(&f("surname"), Some(&m.surname), true, NAME_MAX)
            .unwrap_or_default(),
        name: c
            .person_name(&f("name"), Some(&m.name), true, NAME_MAX)
            .unwrap_or_default(),
        patronymic: c.person_name(&f("patronymic"), m.patronymic.as_deref(), false, NAME_MAX),
        iin: c.iin(&f("iin"), m.iin.as_deref()),
        birth_date: c.past_date(&f("birth_date"), m.birth_date.as_deref()),
        sex: m.sex,
        disability: m.disability,
        pensioner: m.pensioner,
        student: m.student,
        employment: m.employment,
        phone: c.phone(&f("phone"), m.phone.as_deref()),
    }
}

fn consent(c: &mut Checker, input: &ConsentInput) -> ValidConsent {
    let date = c.past_date("consent.date", input.date.as_deref());
    let until = c.date("consent.until", input.until.as_deref());
    let status = match input.status {
        // Withdrawal is the destroy action's job, never a form value.
        ConsentStatus::Withdrawn => {
            c.push(FieldProblem::new(
                "consent.status",
                ErrorCode::InvalidChoice,
            ));
            ConsentStatus::Pending
        }
        s => s,
    };
    if status == ConsentStatus::Given {
        if input
            .date
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
        {
            c.push(FieldProblem::new("consent.date", ErrorCode::Required));
        }
        if input.form.is_none() {
            c.push(FieldProblem::new("consent.form", ErrorCode::Required));
        }
    }
    if let (Some(d), Some(u)) = (date, until) {
        if u < d {
            c.push(FieldProblem::new(
                "consent.until",
                ErrorCode::DateBeforeStart,
            ));
        }
    }
    ValidConsent {
        status,
        date,
        form: input.form,
        until,
        recorded_by: c.optional(
            "consent.recorded_by",
            input.recorded_by.as_deref(),
            NAME_MAX,
        ),
    }
}

/// Checks everything that needs no database. References (oblast, categories) and IIN
/// uniqueness are checked by the store inside its transaction.
pub fn validate(input: &FamilyInput) -> Result<ValidFamily, Problem> {
    let mut c = Checker::default();
    let heads = input.members.iter().filter(|m| m.is_head).count();
    if input.members.is_empty() || heads == 0 {
        c.push(FieldProblem::new("members", ErrorCode::HeadMissing));
    } else if heads > 1 {
        c.push(FieldProblem::new("members", ErrorCode::HeadNotUnique).with("count", heads));
    }
    if input.members.len() > MEMBERS_MAX {
        c.push(FieldProblem::new("members", ErrorCode::TooManyMembers).with("max", MEMBERS_MAX));
    }
    let mut members: Vec<ValidMember> = input
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| member(&mut c, i, m))
        .collect();
    // The same IIN twice in one form: name the later row, where the user just typed it.
    for (i, m) in members.iter().enumerate() {
        let Some(iin) = &m.iin else { continue };
        if members[..i].iter().any(|o| o.iin.as_ref() == Some(iin)) {
            c.push(FieldProblem::new(
                &format!("members.{i}.iin"),
                ErrorCode::IinRepeated,
            ));
        }
    }
    // The head goes first; the others keep the order they were typed in.
    members.sort_by_key(|m| !m.is_head);

    let a = &input.address;
    let mut category_ids = input.category_ids.clone();
    category_ids.sort();
    category_ids.dedup();
    let registered_on = c.past_date("registered_on", input.registered_on.as_deref());
    let valid = ValidFamily {
        members,
        phone: c.phone("phone", input.phone.as_deref()),
        oblast_id: text::tidy_opt(a.oblast_id.as_deref()),
        district: c.optional("address.district", a.district.as_deref(), ADDRESS_PART_MAX),
        rural_okrug: c.optional(
            "address.rural_okrug",
            a.rural_okrug.as_deref(),
            ADDRESS_PART_MAX,
        ),
        village: c.optional("address.village", a.village.as_deref(), ADDRESS_PART_MAX),
        street: c.optional("address.street", a.street.as_deref(), ADDRESS_PART_MAX),
        house: c.optional("address.house", a.house.as_deref(), SHORT_MAX),
        flat: c.optional("address.flat", a.flat.as_deref(), SHORT_MAX),
        housing_notes: c.multiline("housing_notes", input.housing_notes.as_deref(), NOTES_MAX),
        income_per_person: c
            .tenge(
                "income_per_person",
                input.income_per_person.as_deref(),
                INCOME_MAX,
            )
            .and_then(|n| u32::try_from(n).ok()),
        registered_on,
        category_ids,
        notes: c.multiline("notes", input.notes.as_deref(), NOTES_MAX),
        consent: consent(&mut c, &input.consent),
        accept_duplicates: input.accept_duplicates,
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

    fn head() -> MemberInput {
        let iin = synthesize(
            NaiveDate::from_ymd_opt(1984, 7, 2).unwrap(),
            Sex::Female,
            11,
        )
        .unwrap();
        MemberInput {
            is_head: true,
            surname: "  Серікова ".into(),
            name: "Әсел".into(),
            patronymic: Some("Болатқызы".into()),
            iin: Some(iin.as_str().into()),
            birth_date: Some("02.07.1984".into()),
            sex: Some(Sex::Female),
            ..Default::default()
        }
    }

    fn child(name: &str) -> MemberInput {
        MemberInput {
            relation: Some(Relation::Child),
            surname: "Серікова".into(),
            name: name.into(),
            birth_date: Some("2015-03-01".into()),
            ..Default::default()
        }
    }

    fn valid_input() -> FamilyInput {
        FamilyInput {
            members: vec![child("Айым"), head()],
            phone: Some("8 701 234 56 78".into()),
            income_per_person: Some("45 000 ₸".into()),
            ..Default::default()
        }
    }

    fn codes(p: &Problem) -> Vec<(String, ErrorCode)> {
        p.fields.iter().map(|f| (f.field.clone(), f.code)).collect()
    }

    #[test]
    fn valid_input_is_tidied_and_normalized_with_the_head_first() {
        let v = validate(&valid_input()).unwrap();
        assert_eq!(v.members[0].surname, "Серікова");
        assert!(v.members[0].is_head);
        assert_eq!(v.members[0].form_index, 1);
        assert_eq!(v.members[1].name, "Айым");
        assert_eq!(v.phone.as_deref(), Some("+77012345678"));
        assert_eq!(v.income_per_person, Some(45_000));
        assert_eq!(v.members[0].birth_date, NaiveDate::from_ymd_opt(1984, 7, 2));
    }

    #[test]
    fn names_refuse_hidden_characters_and_formula_signs_but_take_real_names() {
        let mut input = valid_input();
        input.members[0].surname = "Серік\u{0}ова".into();
        input.members[0].name = "Әсел\u{202E}".into();
        input.members[0].patronymic = Some("=HYPERLINK(\"http://x\")".into());
        input.members[1].name = "Ай\u{200B}ым".into();
        input.notes = Some("Бірінші жол\nекінші жол".into());
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![
                ("members.0.surname".into(), ErrorCode::HiddenCharacters),
                ("members.0.name".into(), ErrorCode::HiddenCharacters),
                ("members.0.patronymic".into(), ErrorCode::NameCharacters),
                ("members.1.name".into(), ErrorCode::HiddenCharacters),
            ]
        );
        assert_eq!(
            p.fields[2].params.get("char").map(String::as_str),
            Some("=")
        );
        let mut fine = valid_input();
        fine.members[0].surname = "Әбдірахман-Ұлы".into();
        fine.members[0].name = "O'Brien Мария".into();
        fine.members[0].patronymic = Some("Сейіт ұлы".into());
        fine.notes = Some("Бірінші жол\nекінші жол".into());
        assert!(validate(&fine).is_ok());
    }

    #[test]
    fn collects_every_problem_at_once() {
        let mut input = valid_input();
        input.members[1].surname = "   ".into();
        input.members[1].name = "".into();
        input.members[1].iin = Some("12345".into());
        input.members[1].birth_date = Some("31.02.1984".into());
        input.members[0].relation = None;
        input.phone = Some("12".into());
        input.income_per_person = Some("көп".into());
        input.notes = Some("я".repeat(NOTES_MAX + 1));
        let p = validate(&input).err().unwrap();
        assert_eq!(p.code, ErrorCode::Validation);
        assert_eq!(
            codes(&p),
            vec![
                ("members.0.relation".into(), ErrorCode::Required),
                ("members.1.surname".into(), ErrorCode::Required),
                ("members.1.name".into(), ErrorCode::Required),
                ("members.1.iin".into(), ErrorCode::IinLength),
                ("members.1.birth_date".into(), ErrorCode::InvalidDate),
                ("phone".into(), ErrorCode::PhoneInvalid),
                ("income_per_person".into(), ErrorCode::AmountInvalid),
                ("notes".into(), ErrorCode::TooLong),
            ]
        );
        assert_eq!(
            p.fields[3].params.get("length").map(String::as_str),
            Some("5")
        );
    }

    #[test]
    fn exactly_one_head() {
        let mut input = valid_input();
        input.members[1].is_head = false;
        input.members[1].relation = Some(Relation::Spouse);
        let p = validate(&input).err().unwrap();
        assert_eq!(codes(&p), vec![("members".into(), ErrorCode::HeadMissing)]);
        input.members[0].is_head = true;
        input.members[1].is_head = true;
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("members".into(), ErrorCode::HeadNotUnique)]
        );
    }

    #[test]
    fn the_same_iin_twice_in_one_form_is_refused_on_the_later_row() {
        let mut input = valid_input();
        input.members[0].iin = input.members[1].iin.clone();
        input.members[0].birth_date = input.members[1].birth_date.clone();
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("members.1.iin".into(), ErrorCode::IinRepeated)]
        );
    }

    #[test]
    fn given_consent_needs_a_date_and_a_form_and_a_sane_period() {
        let mut input = valid_input();
        input.consent.status = ConsentStatus::Given;
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![
                ("consent.date".into(), ErrorCode::Required),
                ("consent.form".into(), ErrorCode::Required),
            ]
        );
        input.consent.date = Some("01.03.2025".into());
        input.consent.form = Some(ConsentForm::Paper);
        input.consent.until = Some("01.01.2025".into());
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("consent.until".into(), ErrorCode::DateBeforeStart)]
        );
        input.consent.until = Some("01.03.2030".into());
        assert!(validate(&input).is_ok());
        input.consent.status = ConsentStatus::Withdrawn;
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("consent.status".into(), ErrorCode::InvalidChoice)]
        );
    }

    #[test]
    fn income_accepts_what_people_type() {
        let mut c = Checker::default();
        assert_eq!(c.tenge("f", Some("45000"), INCOME_MAX), Some(45_000));
        assert_eq!(c.tenge("f", Some("45 000,00"), INCOME_MAX), Some(45_000));
        assert_eq!(
            c.tenge("f", Some("45\u{a0}000 ₸"), INCOME_MAX),
            Some(45_000)
        );
        assert!(c.problems.is_empty());
        assert_eq!(c.tenge("f", Some("-5"), INCOME_MAX), None);
        assert_eq!(c.tenge("f", Some("1 000 000 000"), INCOME_MAX), None);
        let got: Vec<ErrorCode> = c.problems.iter().map(|p| p.code).collect();
        assert_eq!(
            got,
            vec![ErrorCode::AmountInvalid, ErrorCode::AmountTooLarge]
        );
    }

    #[test]
    fn refuses_future_and_ancient_birth_dates() {
        let mut input = valid_input();
        input.members[1].iin = None;
        input.members[1].birth_date = Some("2999-01-01".into());
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("members.1.birth_date".into(), ErrorCode::DateInFuture)]
        );
        input.members[1].birth_date = Some("1800-01-01".into());
        let p = validate(&input).err().unwrap();
        assert_eq!(
            codes(&p),
            vec![("members.1.birth_date".into(), ErrorCode::DateTooOld)]
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
