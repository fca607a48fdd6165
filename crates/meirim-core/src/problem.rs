//! The one error shape that leaves the core: a stable code plus named parameters.
//!
//! The app sends it over IPC and the CLI prints it; both turn the code into the Fluent
//! message `error-<code>` in the user's language, so wording lives only in assets/locales.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Stable, kebab-case identifiers. Renaming one breaks saved translations: add, don't rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    // Field-level validation.
    Required,
    TooLong,
    // Control, zero-width or direction-changing characters, which look like nothing and
    // break sorting, search and exports.
    HiddenCharacters,
    // A person's name with a character no name has («=», «@», «;»…).
    NameCharacters,
    InvalidDate,
    DateInFuture,
    DateTooOld,
    // A date outside 1900 … twenty years ahead: a typo.
    DateOutOfRange,
    IinLength,
    IinNotDigits,
    IinChecksum,
    IinTaken,
    PhoneInvalid,
    UnknownOblast,
    UnknownCategory,
    UnknownLanguage,
    InvalidChoice,
    AmountInvalid,
    AmountTooLarge,
    DateBeforeStart,
    HeadMissing,
    HeadNotUnique,
    TooManyMembers,
    IinRepeated,
    KatoInvalid,
    PlaceExists,
    PlaceInUse,
    PlaceHasPlaces,
    CategoryExists,
    ChoiceMissing,
    AidTooSoon,
    QuantityInvalid,
    DaysInvalid,
    AidTypeExists,
    DeliveryWrongStatus,
    TooManyFamilies,
    ListEmpty,
    VolunteerIinTaken,
    VolunteerNeedsConsent,
    VolunteerTooYoung,
    HoursInvalid,
    BinInvalid,
    BinTaken,
    TemplatePlaceholder,
    GlyphMissing,
    DocumentCancelled,
    BatchCancelled,
    TooManyRecipients,
    RecipientIncomplete,
    ImageInvalid,
    NumberFormatInvalid,
    OptionMissing,
    NoRecipients,
    ExportFailed,
    PersonalDataNotConfirmed,
    ExportCancelled,
    ImportIinMangled,
    ImportIinZerosLost,
    ImportDateUnreadable,
    ImportCategoryUnknown,
    ImportSexUnknown,
    ImportRelationUnknown,
    ImportRelationMissing,
    ImportHeadGuessed,
    ImportHeadTwice,
    ImportNameIncomplete,
    ImportRowWithoutName,
    ImportLettersLost,
    ImportIinBirthMismatch,
    ImportIinTwice,
    ImportPersonTwice,
    ImportIinOtherFamilies,
    ImportSameFamilyTwice,
    ImportFieldTwice,
    ImportNameNotMapped,
    ImportFileEmpty,
    ImportNotSpreadsheet,
    ImportFileDamaged,
    // Beyond the limits of a list (size, cells, the reader's memory).
    ImportFileTooLarge,
    // The reader ran past its time limit and was stopped.
    ImportFileTooSlow,
    // A path the window named that Rust never offered it (a forged or stale token).
    PathNotOffered,
    ImportNoHeader,
    ImportFileUnreadable,
    ImportNoFile,
    ImportCancelled,
    ImportUndoEdited,
    ImportAlreadyUndone,
    BackupWriteFailed,
    BackupReadFailed,
    BackupDamaged,
    BackupWrongPassphrase,
    BackupPassphraseShort,
    BackupNotMeirim,
    // A backup whose tables, indexes, triggers or views differ from what Meirim makes:
    // changed by another program, and possibly made to act behind the office's back.
    BackupAltered,
    DbDamaged,
    // District roll-up: report packages, the district key, its answer.
    PackageNotMeirim,
    PackageDamaged,
    PackageNewerSchema,
    PackageTooLarge,
    PackageWrongLevel,
    PackageFromSelf,
    PackageOtherDistrict,
    PackageUnknownOffice,
    DistrictKeyInvalid,
    DistrictKeyMissing,
    DistrictKeyMismatch,
    KeyCardNotMeirim,
    AnswerNotMeirim,
    // A family moved between offices.
    TransferNotMeirim,
    TransferDamaged,
    TransferTooLarge,
    TransferAlreadyHere,
    TransferNotThatFamily,
    // Accounts and sign-in.
    SignInWrong,
    SignInNeeded,
    SignInWait,
    AccountDisabled,
    AccountsExist,
    NoAccounts,
    LoginTaken,
    LoginInvalid,
    PasswordTooShort,
    PasswordSameAsLogin,
    PasswordMismatch,
    KeyFileDamaged,
    NotAllowed,
    SignedOut,
    LastAdministrator,
    RecoveryKeyWrong,
    // Whole-request failures.
    Validation,
    NotFound,
    PossibleDuplicate,
    FamilyDestroyed,
    FamilyMerged,
    // Destroyed in the registry; the file's old pages wait for another reader to close.
    DestroyPending,
    WrongStatus,
    MergeWithItself,
    ConfirmationMismatch,
    DemoNeedsEmptyRegistry,
    InputUnreadable,
    DocumentFailed,
    DocumentMissing,
    DocumentOpenFailed,
    DbNewerThanApp,
    DbOpenFailed,
    DbMigrationFailed,
    DbBackupFailed,
    DataDirUnusable,
    Storage,
    Internal,
}

impl ErrorCode {
    /// The code as written in Fluent message ids and JSON.
    pub fn as_str(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => format!("{self:?}"),
        }
    }

    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::Required,
        ErrorCode::TooLong,
        ErrorCode::HiddenCharacters,
        ErrorCode::NameCharacters,
        ErrorCode::InvalidDate,
        ErrorCode::DateInFuture,
        ErrorCode::DateTooOld,
        ErrorCode::DateOutOfRange,
        ErrorCode::IinLength,
        ErrorCode::IinNotDigits,
        ErrorCode::IinChecksum,
        ErrorCode::IinTaken,
        ErrorCode::PhoneInvalid,
        ErrorCode::UnknownOblast,
        ErrorCode::UnknownCategory,
        ErrorCode::UnknownLanguage,
        ErrorCode::InvalidChoice,
        ErrorCode::AmountInvalid,
        ErrorCode::AmountTooLarge,
        ErrorCode::DateBeforeStart,
        ErrorCode::HeadMissing,
        ErrorCode::HeadNotUnique,
        ErrorCode::TooManyMembers,
        ErrorCode::IinRepeated,
        ErrorCode::KatoInvalid,
        ErrorCode::PlaceExists,
        ErrorCode::PlaceInUse,
        ErrorCode::PlaceHasPlaces,
        ErrorCode::CategoryExists,
        ErrorCode::ChoiceMissing,
        ErrorCode::AidTooSoon,
        ErrorCode::QuantityInvalid,
        ErrorCode::DaysInvalid,
        ErrorCode::AidTypeExists,
        ErrorCode::DeliveryWrongStatus,
        ErrorCode::TooManyFamilies,
        ErrorCode::ListEmpty,
        ErrorCode::VolunteerIinTaken,
        ErrorCode::VolunteerNeedsConsent,
        ErrorCode::VolunteerTooYoung,
        ErrorCode::HoursInvalid,
        ErrorCode::BinInvalid,
        ErrorCode::BinTaken,
        ErrorCode::TemplatePlaceholder,
        ErrorCode::GlyphMissing,
        ErrorCode::DocumentCancelled,
        ErrorCode::BatchCancelled,
        ErrorCode::TooManyRecipients,
        ErrorCode::RecipientIncomplete,
        ErrorCode::ImageInvalid,
        ErrorCode::NumberFormatInvalid,
        ErrorCode::OptionMissing,
        ErrorCode::NoRecipients,
        ErrorCode::ExportFailed,
        ErrorCode::PersonalDataNotConfirmed,
        ErrorCode::ExportCancelled,
        ErrorCode::ImportIinMangled,
        ErrorCode::ImportIinZerosLost,
        ErrorCode::ImportDateUnreadable,
        ErrorCode::ImportCategoryUnknown,
        ErrorCode::ImportSexUnknown,
        ErrorCode::ImportRelationUnknown,
        ErrorCode::ImportRelationMissing,
        ErrorCode::ImportHeadGuessed,
        ErrorCode::ImportHeadTwice,
        ErrorCode::ImportNameIncomplete,
        ErrorCode::ImportRowWithoutName,
        ErrorCode::ImportLettersLost,
        ErrorCode::ImportIinBirthMismatch,
        ErrorCode::ImportIinTwice,
        ErrorCode::ImportPersonTwice,
        ErrorCode::ImportIinOtherFamilies,
        ErrorCode::ImportSameFamilyTwice,
        ErrorCode::ImportFieldTwice,
        ErrorCode::ImportNameNotMapped,
        ErrorCode::ImportFileEmpty,
        ErrorCode::ImportNotSpreadsheet,
        ErrorCode::ImportFileDamaged,
        ErrorCode::ImportFileTooLarge,
        ErrorCode::ImportFileTooSlow,
        ErrorCode::PathNotOffered,
        ErrorCode::ImportNoHeader,
        ErrorCode::ImportFileUnreadable,
        ErrorCode::ImportNoFile,
        ErrorCode::ImportCancelled,
        ErrorCode::ImportUndoEdited,
        ErrorCode::ImportAlreadyUndone,
        ErrorCode::BackupWriteFailed,
        ErrorCode::BackupReadFailed,
        ErrorCode::BackupDamaged,
        ErrorCode::BackupWrongPassphrase,
        ErrorCode::BackupPassphraseShort,
        ErrorCode::BackupNotMeirim,
        ErrorCode::BackupAltered,
        ErrorCode::DbDamaged,
        ErrorCode::PackageNotMeirim,
        ErrorCode::PackageDamaged,
        ErrorCode::PackageNewerSchema,
        ErrorCode::PackageTooLarge,
        ErrorCode::PackageWrongLevel,
        ErrorCode::PackageFromSelf,
        ErrorCode::PackageOtherDistrict,
        ErrorCode::PackageUnknownOffice,
        ErrorCode::DistrictKeyInvalid,
        ErrorCode::DistrictKeyMissing,
        ErrorCode::DistrictKeyMismatch,
        ErrorCode::KeyCardNotMeirim,
        ErrorCode::AnswerNotMeirim,
        ErrorCode::TransferNotMeirim,
        ErrorCode::TransferDamaged,
        ErrorCode::TransferTooLarge,
        ErrorCode::TransferAlreadyHere,
        ErrorCode::TransferNotThatFamily,
        ErrorCode::SignInWrong,
        ErrorCode::SignInNeeded,
        ErrorCode::SignInWait,
        ErrorCode::AccountDisabled,
        ErrorCode::AccountsExist,
        ErrorCode::NoAccounts,
        ErrorCode::LoginTaken,
        ErrorCode::LoginInvalid,
        ErrorCode::PasswordTooShort,
        ErrorCode::PasswordSameAsLogin,
        ErrorCode::PasswordMismatch,
        ErrorCode::KeyFileDamaged,
        ErrorCode::NotAllowed,
        ErrorCode::SignedOut,
        ErrorCode::LastAdministrator,
        ErrorCode::RecoveryKeyWrong,
        ErrorCode::Validation,
        ErrorCode::NotFound,
        ErrorCode::PossibleDuplicate,
        ErrorCode::FamilyDestroyed,
        ErrorCode::FamilyMerged,
        ErrorCode::DestroyPending,
        ErrorCode::WrongStatus,
        ErrorCode::MergeWithItself,
        ErrorCode::ConfirmationMismatch,
        ErrorCode::DemoNeedsEmptyRegistry,
        ErrorCode::InputUnreadable,
        ErrorCode::DocumentFailed,
        ErrorCode::DocumentMissing,
        ErrorCode::DocumentOpenFailed,
        ErrorCode::DbNewerThanApp,
        ErrorCode::DbOpenFailed,
        ErrorCode::DbMigrationFailed,
        ErrorCode::DbBackupFailed,
        ErrorCode::DataDirUnusable,
        ErrorCode::Storage,
        ErrorCode::Internal,
    ];
}

/// One wrong field of a form, named by its path in the input (`head.iin`, `phone`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldProblem {
    pub field: String,
    pub code: ErrorCode,
    pub params: BTreeMap<String, String>,
}

impl FieldProblem {
    pub fn new(field: &str, code: ErrorCode) -> Self {
        Self {
            field: field.to_owned(),
            code,
            params: BTreeMap::new(),
        }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}

/// A failed request. `fields` is non-empty only for `ErrorCode::Validation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[error("{code:?} {params:?} {fields:?}")]
pub struct Problem {
    pub code: ErrorCode,
    pub params: BTreeMap<String, String>,
    pub fields: Vec<FieldProblem>,
}

impl Problem {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            params: BTreeMap::new(),
            fields: Vec::new(),
        }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }

    pub fn validation(fields: Vec<FieldProblem>) -> Self {
        Self {
            code: ErrorCode::Validation,
            params: BTreeMap::new(),
            fields,
        }
    }
}
