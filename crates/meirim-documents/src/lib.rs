//! Printable documents. Each is a PDF with Noto Sans embedded (every Kazakh letter prints
//! and copies out as text), A4, laid out here without an HTML engine.

mod consolidated;
mod distribution;
mod family_card;
mod letter;
mod letter_issue;
mod merge;
mod page;
mod report;
mod table;

use std::path::{Path, PathBuf};

use meirim_core::audit::{self, AuditAction};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::settings::Language;
use meirim_core::{family, settings, Database};

pub use consolidated::consolidated_pdf;
pub use distribution::{distribution_list, masked_iin, ListOptions, ListRow};
pub use family_card::family_card;
pub use letter::{check_image, letters, missing_glyphs, preview_svg, LetterPage, LetterSide};
pub use letter_issue::{issue_letters, preview, reprint, set_logo};
pub use report::report_pdf;

/// Where documents are saved: `documents/` beside the registry file, so a portable
/// registry on a USB stick keeps its papers with it.
pub fn documents_dir(data_dir: &Path) -> PathBuf {
    meirim_core::paths::documents_dir(data_dir)
}

fn failed(path: &Path, reason: impl std::fmt::Display) -> Problem {
    Problem::new(ErrorCode::DocumentFailed)
        .with("path", path.display())
        .with("reason", reason)
}

/// Renders a family's card in the office's language and writes it to `out`, or to
/// `documents/family-card-<number>.pdf` in `data_dir`. Returns the file written.
pub fn save_family_card(
    db: &Database,
    family_id: &str,
    data_dir: &Path,
    out: Option<&Path>,
) -> Result<PathBuf, Problem> {
    let f = family::get(db.conn(), family_id)?;
    let lang = settings::language(db.conn())?;
    let today = meirim_core::clock::today();
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => documents_dir(data_dir).join(format!("family-card-{}.pdf", f.registry_no)),
    };
    let aid = meirim_core::aid::for_family(db.conn(), &f.id)?;
    let bytes = family_card(&f, &aid, lang, today).map_err(|e| failed(&path, e))?;
    // In the family's history before the file exists: a card is never printed unlogged.
    audit::record_event(
        db.conn(),
        Some(&f.id),
        AuditAction::FamilyCardPrinted,
        &path.display().to_string(),
    )?;
    write_whole(&path, &bytes)?;
    Ok(path)
}

/// The distribution list of a campaign's round (one aid type, or all) in `lang`: its file
/// name — «Тізімдеме - <campaign> - 2026-11-20.pdf» / «Ведомость - …», in that language, so
/// a Kazakh and a Russian print of one round are two files — and its bytes. The signatory
/// is remembered for the next list in that language.
pub fn distribution_list_file(
    db: &Database,
    campaign_id: &str,
    aid_type_id: Option<&str>,
    lang: Language,
    options: &ListOptions,
) -> Result<DistributionFile, Problem> {
    let campaign = meirim_core::campaigns::get(db.conn(), campaign_id)?;
    let deliveries = meirim_core::aid::bulk::round(db.conn(), campaign_id, aid_type_id)?;
    if deliveries.is_empty() {
        return Err(Problem::new(ErrorCode::ListEmpty).with("campaign", campaign.name_in(lang)));
    }
    let families = deliveries
        .iter()
        .map(|d| family::get(db.conn(), &d.family_id))
        .collect::<Result<Vec<_>, _>>()?;
    let rows: Vec<ListRow<'_>> = deliveries
        .iter()
        .zip(&families)
        .map(|(delivery, family)| ListRow { delivery, family })
        .collect();
    let office = meirim_core::letters::letterhead::office(db.conn())?;
    let today = meirim_core::clock::today();
    let l = meirim_i18n::Localizer::new(lang).map_err(|e| failed(Path::new("list.pdf"), e))?;
    let mut parts = vec![
        l.text("list-file-name", &[]),
        campaign.name_in(lang).to_owned(),
    ];
    if aid_type_id.is_some() {
        if let Some(first) = deliveries.first() {
            parts.push(first.aid_names.pick(lang).to_owned());
        }
    }
    parts.push(today.to_string());
    let name = format!("{}.pdf", safe_file_name(&parts.join(" - ")));
    let bytes = distribution_list(&campaign, &rows, office.pick(lang), lang, today, options)
        .map_err(|e| failed(Path::new(&name), e))?;
    settings::set_signatory(db.conn(), lang, &options.signatory)?;
    Ok(DistributionFile {
        name,
        bytes,
        rows: deliveries.len(),
        campaign: campaign.name_in(lang).to_owned(),
    })
}

/// A printed distribution list: its file name, bytes, and what the audit log says of it.
pub struct DistributionFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub rows: usize,
    pub campaign: String,
}

impl DistributionFile {
    /// Writes to the audit log that the list goes to `destination` (before it is written):
    /// it names families, and with full IINs it is as sensitive as a list export.
    pub fn record(
        &self,
        db: &Database,
        options: &ListOptions,
        destination: &Path,
    ) -> Result<(), Problem> {
        let summary = format!(
            "{}: {} rows, IIN {}, → {}",
            self.campaign,
            self.rows,
            if options.full_iin {
                "full"
            } else {
                "last 4 digits"
            },
            destination.display()
        );
        audit::record_event(
            db.conn(),
            None,
            AuditAction::DistributionListPrinted,
            &summary,
        )?;
        Ok(())
    }
}

/// The distribution list (see `distribution_list_file`) written to `out` or into
/// `documents/` under its own name.
pub fn save_distribution_list(
    db: &Database,
    campaign_id: &str,
    aid_type_id: Option<&str>,
    lang: Language,
    data_dir: &Path,
    out: Option<&Path>,
    options: &ListOptions,
) -> Result<PathBuf, Problem> {
    let list = distribution_list_file(db, campaign_id, aid_type_id, lang, options)?;
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => documents_dir(data_dir).join(&list.name),
    };
    list.record(db, options, &path)?;
    write_whole(&path, &list.bytes)?;
    Ok(path)
}

/// `name` as a file name on Windows too: no \\ / : * ? " < > | or control characters,
/// no dot or space at the end, at most 120 characters.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let tidy = meirim_core::text::tidy(&cleaned);
    let short: String = tidy.chars().take(120).collect();
    short.trim_end_matches(['.', ' ']).to_owned()
}

/// Writes into a temporary file beside `path` and renames it over: a power cut mid-write
/// leaves the previous card intact instead of a truncated PDF the printer chokes on.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), Problem> {
    stage(path, bytes)?.place()
}

/// A document written in full beside its final name, not yet under it.
pub(crate) struct Staged {
    tmp: tempfile::TempPath,
    path: PathBuf,
}

impl Staged {
    /// Puts the document under its final name (renamed with retries: on Windows an
    /// antivirus or a PDF viewer may hold the old file).
    pub(crate) fn place(self) -> Result<(), Problem> {
        meirim_core::rename::rename_over(&self.tmp, &self.path)
            .map_err(|e| failed(&self.path, e))?;
        let _ = self.tmp.keep();
        Ok(())
    }
}

/// Writes `bytes` to `.<name>.<random>.partial` beside `path`, flushed to disk, readable by
/// this user only. Dropped unplaced, it is removed; left by a killed process, the start-up
/// sweep removes it from documents/ (`backup::sweep_leftovers`).
pub(crate) fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, Problem> {
    use std::io::Write;
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    // documents/ is Meirim's own folder (readable by this user only); a stick or a folder
    // the user chose is left as it is.
    if dir.file_name().is_some_and(|n| n == "documents") {
        meirim_core::private::own_dir(&dir).map_err(|e| failed(path, e))?;
    } else {
        std::fs::create_dir_all(&dir).map_err(|e| failed(path, e))?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(&dir)
        .map_err(|e| failed(path, e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| failed(path, e))?;
    Ok(Staged {
        tmp: tmp.into_temp_path(),
        path: path.to_path_buf(),
    })
}

/// Resolves a document the UI asks to open or show. Only files in the documents folder
/// qualify, so the webview cannot make the shell open anything else on the machine.
pub fn saved_document(data_dir: &Path, path: &str) -> Result<PathBuf, Problem> {
    let dir = documents_dir(data_dir);
    let inside = |p: &Path| -> Option<PathBuf> {
        let p = p.canonicalize().ok()?;
        let d = dir.canonicalize().ok()?;
        (p.starts_with(&d) && p.is_file()).then_some(p)
    };
    inside(Path::new(path))
        .ok_or_else(|| Problem::new(ErrorCode::DocumentMissing).with("path", path))
}

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("the bundled font could not be read")]
    Font,
    #[error("the fonts have no glyph for: {0}")]
    GlyphsMissing(String),
    #[error("the QR code could not be made (payload too long)")]
    Qr,
    #[error("the image could not be read: {0}")]
    Image(String),
    #[error("stopped by the user")]
    Cancelled,
    #[error("the parts of the document could not be joined into one file")]
    Join,
    #[error("messages: {0}")]
    Messages(#[from] meirim_i18n::I18nError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_documents_folder_can_be_opened() {
        let data = tempfile::tempdir().unwrap();
        let card = documents_dir(data.path()).join("family-card-1.pdf");
        write_whole(&card, b"%PDF-1.7").unwrap();
        let outside = data.path().join("meirim.sqlite3");
        std::fs::write(&outside, b"registry").unwrap();

        let found = saved_document(data.path(), card.to_str().unwrap()).unwrap();
        assert_eq!(found, card.canonicalize().unwrap());
        let sneaky = documents_dir(data.path()).join("..").join("meirim.sqlite3");
        for refused in [
            outside.to_str().unwrap(),
            sneaky.to_str().unwrap(),
            documents_dir(data.path()).to_str().unwrap(),
            "family-card-2.pdf",
        ] {
            let p = saved_document(data.path(), refused).unwrap_err();
            assert_eq!(p.code, ErrorCode::DocumentMissing, "{refused}");
        }
    }

    #[test]
    fn a_rewrite_replaces_the_file_whole_and_leaves_no_temporary_files() {
        let data = tempfile::tempdir().unwrap();
        let card = documents_dir(data.path()).join("family-card-1.pdf");
        write_whole(&card, b"first version, longer than the second").unwrap();
        write_whole(&card, b"second").unwrap();
        assert_eq!(std::fs::read(&card).unwrap(), b"second");
        let files = std::fs::read_dir(documents_dir(data.path()))
            .unwrap()
            .count();
        assert_eq!(files, 1);
    }

    #[test]
    fn file_names_keep_their_words_and_lose_what_windows_refuses() {
        assert_eq!(
            safe_file_name("Тізімдеме - «Жаңа жыл: азық/түлік» - 2026-11-20"),
            "Тізімдеме - «Жаңа жыл азық түлік» - 2026-11-20"
        );
        assert_eq!(
            safe_file_name("Ведомость - Акция...  "),
            "Ведомость - Акция"
        );
        assert_eq!(safe_file_name(&"а".repeat(300)).chars().count(), 120);
    }
}
