//! The district sees its villages: each registry knows its office; an office sends its
//! period report up as a package (aggregates, and keyed hashes of the IINs of the families
//! it helped); a district or oblast reads its offices' packages, shows who has not sent,
//! adds the figures up, finds families two offices both helped, and sends its own package
//! up the same way.

pub mod completeness;
pub mod consolidate;
pub mod doubles;
pub mod key;
pub mod office;
pub mod package;
pub mod receive;

#[cfg(test)]
mod tests;
