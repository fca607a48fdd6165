//! Shapes of family data: what forms send in and what the registry gives back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::person::Sex;
use crate::reference::{Category, Oblast};

/// A person as typed into a form: free text, checked by `validate`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonInput {
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub iin: Option<String>,
    /// `YYYY-MM-DD` (date inputs) or `DD.MM.YYYY` (typed).
    pub birth_date: Option<String>,
    pub sex: Option<Sex>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddressInput {
    pub oblast_id: Option<String>,
    pub district: Option<String>,
    pub rural_okrug: Option<String>,
    pub village: Option<String>,
    /// Street, house and flat.
    pub street: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FamilyInput {
    pub head: PersonInput,
    pub phone: Option<String>,
    pub address: AddressInput,
    pub category_ids: Vec<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Person {
    pub id: String,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub iin: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
}

impl Person {
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Family {
    pub id: String,
    pub head: Person,
    pub phone: Option<String>,
    pub address: Address,
    pub categories: Vec<Category>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of the family list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FamilySummary {
    pub id: String,
    pub head_name: String,
    pub iin: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub village: Option<String>,
    pub district: Option<String>,
    pub category_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FamilyPage {
    pub items: Vec<FamilySummary>,
    /// How many families match in all, across pages.
    pub total: u32,
}
