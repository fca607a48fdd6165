//! Meirim's core: the registry of families in need, its rules and its storage.
//!
//! No UI framework lives here; the Tauri shell and the CLI are thin adapters over these
//! modules, so anything the app can compute, the CLI can too.

pub mod accounts;
pub mod aid;
pub mod audit;
pub mod backup;
pub mod bench;
pub mod campaigns;
pub mod categories;
pub(crate) mod check;
pub mod clock;
pub mod date;
pub mod db;
pub mod demo;
pub mod district;
pub mod family;
pub mod first_steps;
pub mod funding;
pub mod grammar;
pub mod iin;
pub mod import;
pub mod letters;
pub mod lists;
pub mod log;
pub mod money;
pub mod organisations;
pub mod paths;
pub mod pause;
pub mod person;
pub mod phone;
pub mod places;
pub mod private;
pub mod problem;
pub mod reference;
pub mod rename;
pub mod reports;
pub mod settings;
pub mod text;
pub mod transfer;
pub mod volunteers;

pub use db::{Check, Database, DbError};
pub use problem::{ErrorCode, FieldProblem, Problem};
