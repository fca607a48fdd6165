//! Families in the registry: what a family record holds, how input is checked, how it is
//! stored, found, archived, merged and destroyed.

mod destroy;
pub mod duplicate_keys;
pub mod duplicates;
pub(crate) mod index;
pub(crate) mod lifecycle;
mod merge;
mod model;
mod read;
mod search;
mod snapshot;
pub(crate) mod store;
pub(crate) mod validate;

pub use destroy::{destroy, destructions, reapply, Destruction};
pub use duplicates::{
    scan as scan_duplicates, similar, DuplicateHint, DuplicatePair, DuplicateReason,
};
pub(crate) use index::ARCHIVED_BAND;
pub use lifecycle::{archive, restore};
pub use merge::{dismiss as dismiss_duplicate, merge};
pub use model::{
    full_name, Address, AddressInput, Consent, ConsentForm, ConsentInput, ConsentStatus, Derived,
    Disability, Employment, Family, FamilyInput, FamilyPage, FamilyStatus, FamilySummary, Member,
    MemberInput, Relation,
};
pub use read::{age_on, get, resolve};
pub use search::{search, villages, SearchQuery, SortBy, StatusFilter, COUNT_CAP, MAX_PAGE_SIZE};
pub use store::{create, update};
pub use validate::{check_iin, IinCheck};
