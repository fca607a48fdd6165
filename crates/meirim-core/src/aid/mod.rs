//! Aid: the catalogue of aid types, deliveries to families with their frequency rules,
//! and (built on these) bulk distribution and campaign summaries.

pub mod bulk;
pub mod delivery;
pub mod rules;
pub mod types;

pub use bulk::{BulkCandidate, BulkFilter, BulkOutcome, BulkPlan, Skipped};
pub use delivery::{
    cancel, check, deliver, for_family, get, record, set_receipt, update, Delivery, DeliveryCheck,
    DeliveryInput, DeliveryStatus, Named,
};
pub use rules::RuleHit;
pub use types::{AidType, AidTypeInput, AidUnit, RuleKind};
