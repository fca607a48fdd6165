//! Families in the registry: what a family record holds, how input is checked, how it is
//! stored and found again.

mod model;
mod search;
pub(crate) mod store;
mod validate;

pub use model::{
    Address, AddressInput, Family, FamilyInput, FamilyPage, FamilySummary, Person, PersonInput,
};
pub use search::{search, SearchQuery, MAX_PAGE_SIZE};
pub use store::{create, get, update};
pub use validate::{check_iin, IinCheck};
