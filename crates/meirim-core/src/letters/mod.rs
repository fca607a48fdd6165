//! Letters, diplomas and certificates: the office's templates, names in the dative with the
//! corrections people made, the pages of a batch, and the register of issued documents
//! whose QR codes let a paper be checked later, offline.

pub mod compose;
pub mod letterhead;
pub mod numbering;
pub mod page;
pub mod readiness;
pub mod recipients;
pub mod register;
pub mod template;
pub mod templates;
pub mod verify;
