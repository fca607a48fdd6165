//! Shapes of family data: what forms send in and what the registry gives back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::person::Sex;
use crate::reference::{Category, Oblast};

/// How a member is related to the head of the family. The head has no relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    Grandparent,
    DaughterInLaw,
    SonInLaw,
    OtherRelative,
    Other,
}

/// Disability group 1–3 of an adult, or the status "child with disability".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Disability {
    #[serde(rename = "group-1")]
    Group1,
    #[serde(rename = "group-2")]
    Group2,
    #[serde(rename = "group-3")]
    Group3,
    Child,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Employment {
    Works,
    Unemployed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum FamilyStatus {
    #[default]
    Active,
    Archived,
    Restored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ConsentStatus {
    Given,
    #[default]
    Pending,
    /// Set only by the destroy action.
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ConsentForm {
    Paper,
    Other,
}

/// Turns the enums above into the text stored in SQLite and back, using their serde names
/// so there is one spelling of each value.
pub(crate) trait Stored: Sized + Serialize + for<'de> Deserialize<'de> {
    fn stored(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }

    fn from_stored(s: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
    }
}

impl Stored for Relation {}
impl Stored for Disability {}
impl Stored for Employment {}
impl Stored for FamilyStatus {}
impl Stored for ConsentStatus {}
impl Stored for ConsentForm {}

/// A family member as typed into a form: free text, checked by `validate`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MemberInput {
    /// The stored member's id when editing; `None` for someone new.
    pub id: Option<String>,
    pub is_head: bool,
    pub relation: Option<Relation>,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub iin: Option<String>,
    /// `YYYY-MM-DD` (date inputs) or `DD.MM.YYYY` (typed).
    pub birth_date: Option<String>,
    pub sex: Option<Sex>,
    pub disability: Option<Disability>,
    pub pensioner: bool,
    pub student: bool,
    pub employment: Option<Employment>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddressInput {
    pub oblast_id: Option<String>,
    pub district: Option<String>,
    pub rural_okrug: Option<String>,
    pub village: Option<String>,
    pub street: Option<String>,
    pub house: Option<String>,
    pub flat: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConsentInput {
    /// `Given` needs a date and a form; `Pending` is saved and shown as such in the list.
    pub status: ConsentStatus,
    pub date: Option<String>,
    pub form: Option<ConsentForm>,
    /// End of the consented period; empty means until the purpose of processing ends.
    pub until: Option<String>,
    /// Who took the consent; the operator's name when left empty.
    pub recorded_by: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FamilyInput {
    /// Exactly one of them is the head.
    pub members: Vec<MemberInput>,
    pub phone: Option<String>,
    pub address: AddressInput,
    pub housing_notes: Option<String>,
    /// Tenge per person per month, as typed ("45 000").
    pub income_per_person: Option<String>,
    /// Defaults to today for a new family.
    pub registered_on: Option<String>,
    pub category_ids: Vec<String>,
    pub notes: Option<String>,
    pub consent: ConsentInput,
    /// The operator has seen the likely-duplicate warnings and saves anyway.
    pub accept_duplicates: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Member {
    pub id: String,
    pub is_head: bool,
    pub relation: Option<Relation>,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub iin: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub disability: Option<Disability>,
    pub pensioner: bool,
    pub student: bool,
    pub employment: Option<Employment>,
    pub phone: Option<String>,
    /// Full years today, from the birth date.
    pub age: Option<u32>,
    /// What the IIN's digits say, with their warnings against the record (an impossible
    /// date, an unknown century digit, a birth date or sex that differs): kept in view on
    /// the family's page, since the form only warns and lets such an IIN be saved.
    pub iin_facts: Option<crate::iin::IinFacts>,
}

impl Member {
    /// "Серікова Әсел Болатқызы".
    pub fn full_name(&self) -> String {
        full_name(&self.surname, &self.name, self.patronymic.as_deref())
    }
}

pub fn full_name(surname: &str, name: &str, patronymic: Option<&str>) -> String {
    match patronymic {
        Some(p) => format!("{surname} {name} {p}"),
        None => format!("{surname} {name}"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Address {
    pub oblast: Option<Oblast>,
    pub district: Option<String>,
    pub rural_okrug: Option<String>,
    pub village: Option<String>,
    pub street: Option<String>,
    pub house: Option<String>,
    pub flat: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Consent {
    pub status: ConsentStatus,
    pub date: Option<NaiveDate>,
    pub form: Option<ConsentForm>,
    pub until: Option<NaiveDate>,
    pub recorded_by: Option<String>,
}

/// Figures computed from the members, shown on the family's page and in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Derived {
    pub size: u32,
    /// Members under 18 today.
    pub children: u32,
    /// The family meets the "large family" rule (4+ minors, or students under 23) but does
    /// not have that category.
    pub suggest_large_family: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Family {
    pub id: String,
    pub registry_no: u32,
    /// The head first, then the others in the order they were entered.
    pub members: Vec<Member>,
    pub phone: Option<String>,
    pub address: Address,
    pub housing_notes: Option<String>,
    pub income_per_person: Option<u32>,
    pub registered_on: Option<NaiveDate>,
    pub categories: Vec<Category>,
    pub notes: Option<String>,
    pub status: FamilyStatus,
    pub status_reason: Option<String>,
    pub status_on: Option<NaiveDate>,
    pub consent: Consent,
    /// When the family's personal data were destroyed; the record then holds only figures.
    pub destroyed_at: Option<String>,
    /// Set when this family was merged into another: the surviving family's id.
    pub merged_into: Option<String>,
    pub derived: Derived,
    pub created_at: String,
    pub updated_at: String,
}

impl Family {
    pub fn head(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.is_head)
    }

    /// The record as a form would send it back unchanged: the starting point of an edit.
    pub fn to_input(&self) -> FamilyInput {
        let d = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        let a = &self.address;
        FamilyInput {
            members: self
                .members
                .iter()
                .map(|m| MemberInput {
                    id: Some(m.id.clone()),
                    is_head: m.is_head,
                    relation: m.relation,
                    surname: m.surname.clone(),
                    name: m.name.clone(),
                    patronymic: m.patronymic.clone(),
                    iin: m.iin.clone(),
                    birth_date: d(m.birth_date),
                    sex: m.sex,
                    disability: m.disability,
                    pensioner: m.pensioner,
                    student: m.student,
                    employment: m.employment,
                    phone: m.phone.clone(),
                })
                .collect(),
            phone: self.phone.clone(),
            address: AddressInput {
                oblast_id: a.oblast.as_ref().map(|o| o.id.clone()),
                district: a.district.clone(),
                rural_okrug: a.rural_okrug.clone(),
                village: a.village.clone(),
                street: a.street.clone(),
                house: a.house.clone(),
                flat: a.flat.clone(),
            },
            housing_notes: self.housing_notes.clone(),
            income_per_person: self.income_per_person.map(|n| n.to_string()),
            registered_on: d(self.registered_on),
            category_ids: self.categories.iter().map(|c| c.id.clone()).collect(),
            notes: self.notes.clone(),
            consent: ConsentInput {
                status: self.consent.status,
                date: d(self.consent.date),
                form: self.consent.form,
                until: d(self.consent.until),
                recorded_by: self.consent.recorded_by.clone(),
            },
            accept_duplicates: false,
        }
    }
}

/// One line of the family list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FamilySummary {
    pub id: String,
    pub registry_no: u32,
    pub head_name: String,
    pub iin: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub village: Option<String>,
    pub size: u32,
    pub children: u32,
    pub category_ids: Vec<String>,
    pub status: FamilyStatus,
    pub consent: ConsentStatus,
    pub registered_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FamilyPage {
    pub items: Vec<FamilySummary>,
    /// How many families match in all, across pages; for a text search at most
    /// `search::COUNT_CAP`.
    pub total: u32,
    /// There are more matches than `total` (a text search that found over COUNT_CAP).
    pub more: bool,
}
