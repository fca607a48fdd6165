//! Facts about a person that several parts of the registry share.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "male" | "m" | "ер" | "е" | "муж" | "м" => Some(Sex::Male),
            "female" | "f" | "әйел" | "ә" | "жен" | "ж" => Some(Sex::Female),
            _ => None,
        }
    }
}
