//! Letters, diplomas and certificates: filling a template's placeholders and the code that
//! lets a printed document be checked against the register later, offline.

pub mod seeds;
pub mod template;
pub mod verify;
