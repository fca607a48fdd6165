//! A family that moves to another office («Басқа кеңсеге беру»): the family — members,
//! categories, consent, address — with its aid history and its audit trail, as one file
//! encrypted with a passphrase (age, scrypt), which the receiving office reads in with
//! that history. Matched by IIN like the Excel import: when the family (or one of its
//! members) is already registered there, nothing is written until the user says whether
//! the history goes to that family; a second family is never made for the same people and
//! nothing there is overwritten. The sending office archives the family with the reason.

pub mod file;
pub mod receive;
pub mod send;

use serde::{Deserialize, Serialize};

use crate::district::office::Office;
use crate::family::FamilyInput;
use crate::reference::Names;

pub const KIND: &str = "meirim-family-transfer";
pub const SCHEMA: u32 = 1;
pub const EXTENSION: &str = "meirim-family";

/// One delivery as the sending office recorded it, with what names its aid type, campaign
/// and member, so the receiving office can place it without the sender's ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovedDelivery {
    pub aid_type_id: String,
    pub aid_code: Option<String>,
    pub aid_names: Names,
    pub unit: String,
    pub unit_value: Option<i64>,
    pub on_date: String,
    pub quantity_milli: i64,
    pub value: i64,
    pub status: String,
    pub cancel_reason: Option<String>,
    pub receipt_signed: bool,
    pub rule_override: Option<String>,
    pub notes: Option<String>,
    /// The sender's campaign, by name (campaigns are each office's own).
    pub campaign: Option<String>,
    /// The member the aid was for: their position among the family's members.
    pub member_index: Option<usize>,
    pub created_at: String,
}

/// One entry of the family's history at the sending office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovedEntry {
    pub at: String,
    pub operator: String,
    pub action: String,
    pub summary: Option<String>,
    pub changes: serde_json::Value,
}

/// What the file holds, once decrypted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transfer {
    pub kind: String,
    pub schema: u32,
    pub from: Office,
    pub made_at: String,
    pub reason: String,
    /// The sender's registry number, for the receiving office's notes.
    pub registry_no: u32,
    pub family: FamilyInput,
    pub deliveries: Vec<MovedDelivery>,
    pub history: Vec<MovedEntry>,
}
