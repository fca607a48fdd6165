//! The `.meirim-report` file: a zip of the package's parts (manifest, report, families,
//! PDF), so a person who renames it `.zip` finds the PDF to read. Reading one assumes the
//! worst: the file's size, the number of parts and each part's unpacked size are bounded
//! before anything is kept, and a part that unpacks beyond what it declared is cut off
//! where it is read. Only then does meirim-core check what the parts say.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use meirim_core::district::package::{self, Package, PackageError, Parts};
use zip::ZipArchive;

/// A district's largest village package is a few MiB (its hashes); 96 MiB is none.
pub const MAX_FILE_BYTES: u64 = 96 * 1024 * 1024;
const MAX_ENTRIES: usize = 16;

/// The package file's bytes; an error says why the zip could not be made.
pub fn write(parts: &Parts) -> Result<Vec<u8>, String> {
    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        // The PDF and the hashes hardly shrink; the JSON does, quickly.
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .last_modified_time(zip::DateTime::default());
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes, opts) in [
            (package::MANIFEST_NAME, &parts.manifest, deflated),
            (package::REPORT_NAME, &parts.report, deflated),
            (package::FAMILIES_NAME, &parts.families, deflated),
            (package::PDF_NAME, &parts.pdf, stored),
        ] {
            zip.start_file(name, opts).map_err(|e| e.to_string())?;
            zip.write_all(bytes).map_err(|e| e.to_string())?;
        }
        zip.finish().map_err(|e| e.to_string())?;
    }
    Ok(out.into_inner())
}

/// Reads a package file from disk: its size checked before it is read.
pub fn read_file(path: &Path) -> Result<Package, PackageError> {
    let file = std::fs::File::open(path).map_err(|_| PackageError::Damaged("file"))?;
    let len = file
        .metadata()
        .map_err(|_| PackageError::Damaged("file"))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(PackageError::TooLarge(format!("{len} bytes")));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| PackageError::Damaged("file"))?;
    read(&bytes)
}

/// Reads a package from its bytes.
pub fn read(bytes: &[u8]) -> Result<Package, PackageError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PackageError::TooLarge(format!("{} bytes", bytes.len())));
    }
    // Not a zip at all: not ours (a Word file renamed, a photo).
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(PackageError::NotMeirim);
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| PackageError::Damaged("zip"))?;
    if zip.len() > MAX_ENTRIES {
        return Err(PackageError::TooLarge(format!("{} parts", zip.len())));
    }
    // The manifest first: a zip without one is somebody else's zip.
    let manifest = match part(&mut zip, package::MANIFEST_NAME, package::MANIFEST_MAX) {
        Err(PackageError::Damaged(_)) if zip.by_name(package::MANIFEST_NAME).is_err() => {
            return Err(PackageError::NotMeirim)
        }
        other => other?,
    };
    let parts = Parts {
        manifest,
        report: part(&mut zip, package::REPORT_NAME, package::REPORT_MAX)?,
        families: part(&mut zip, package::FAMILIES_NAME, package::FAMILIES_MAX)?,
        pdf: part(&mut zip, package::PDF_NAME, package::PDF_MAX)?,
    };
    Package::from_parts(parts)
}

/// One part, unpacked up to `max` bytes: beyond, the package is refused.
fn part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &'static str,
    max: u64,
) -> Result<Vec<u8>, PackageError> {
    let entry = zip.by_name(name).map_err(|_| PackageError::Damaged(name))?;
    if entry.size() > max {
        return Err(PackageError::TooLarge(name.to_owned()));
    }
    let mut out = Vec::with_capacity(entry.size().min(max) as usize);
    entry
        .take(max + 1)
        .read_to_end(&mut out)
        .map_err(|_| PackageError::Damaged(name))?;
    if out.len() as u64 > max {
        return Err(PackageError::TooLarge(name.to_owned()));
    }
    Ok(out)
}

/// Seals a draft with its PDF, made now, into the file's name and bytes.
pub fn make(
    draft: package::Draft,
    pdf: Vec<u8>,
) -> Result<(package::Manifest, String, Vec<u8>), meirim_core::Problem> {
    use meirim_core::problem::{ErrorCode, Problem};
    let (sealed, parts) = Package::seal(draft, pdf, meirim_core::clock::now())?;
    let bytes = write(&parts).map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    let name = package::file_name(&sealed.manifest);
    Ok((sealed.manifest, name, bytes))
}

/// This office's package of `period`: a village office's own report, or a district's
/// (oblast's) consolidated one, with its PDF in `lang` signed by `signatory`.
pub fn for_period(
    db: &meirim_core::Database,
    period: meirim_core::reports::Period,
    lang: meirim_core::settings::Language,
    signatory: &str,
) -> Result<(package::Manifest, String, Vec<u8>), meirim_core::Problem> {
    use meirim_core::district::{consolidate, office};
    use meirim_core::problem::{ErrorCode, Problem};
    let conn = db.conn();
    let me = office::own(conn)?;
    let draft = match me.level.below() {
        None => package::draft(conn, period)?,
        Some(_) => consolidate::upward_draft(conn, period)?,
    };
    let pdf =
        meirim_documents::report_pdf(&draft.report, lang, signatory, meirim_core::clock::today())
            .map_err(|e| {
            Problem::new(ErrorCode::DocumentFailed)
                .with("path", package::PDF_NAME)
                .with("reason", e)
        })?;
    make(draft, pdf)
}
