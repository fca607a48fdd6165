//! `meirim-cli import FILE`: an office's Excel or CSV list into the registry, with the same
//! cleaning, matching and report as the app's import wizard. `--dry-run` shows the report
//! and writes nothing. Also: the template, the history of imports, and undo.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Subcommand, ValueEnum};
use meirim_core::import::{self, mappings, Choice, Choices, Field, Outcome, SavedMapping};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_exchange::import::{self as files, CsvOptions, Delimiter, TextEncoding};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Clone, Copy, ValueEnum)]
enum Encoding {
    Utf8,
    Windows1251,
}

#[derive(Clone, Copy, ValueEnum)]
enum Sep {
    Comma,
    Semicolon,
    Tab,
}

#[derive(Clone, Copy, ValueEnum)]
enum OnMatch {
    Update,
    Skip,
    AddNew,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The list: .xlsx, .xls, .ods or .csv.
    file: PathBuf,
    /// A mapping saved by name in the app (or with --save-mapping), or a JSON file of
    /// [header, field] pairs. Without it, columns are mapped from their headers.
    #[arg(long)]
    mapping: Option<String>,
    /// Map columns by letter, over the suggestion or the saved mapping: C=full-name,D=iin
    /// (a field of "-" leaves the column out).
    #[arg(long)]
    map: Option<String>,
    /// Save the mapping used under this name.
    #[arg(long)]
    save_mapping: Option<String>,
    /// The sheet, counted from 1 (default: the first with rows).
    #[arg(long)]
    sheet: Option<usize>,
    /// The header's row number as Excel shows it (default: found).
    #[arg(long)]
    header_row: Option<u32>,
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
    #[arg(long, value_enum)]
    delimiter: Option<Sep>,
    /// Show what the import would do; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// What to do with families the registry already has.
    #[arg(long, value_enum, default_value = "update")]
    matches: OnMatch,
    /// Write the rows kept out, with the reason, to this XLSX file.
    #[arg(long)]
    rejected: Option<PathBuf>,
    /// List every cleaning change, not the first ten of each kind.
    #[arg(long)]
    all_fixes: bool,
}

#[derive(Subcommand)]
pub enum ImportsCommand {
    /// Imports made so far, newest first.
    History,
    /// Take an import back (only while none of its families was edited since).
    Undo { batch: String },
    /// The template: the columns Meirim expects, with an example family.
    Template { out: PathBuf },
}

fn field_by_code(code: &str) -> Option<Field> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

/// A column letter as an index (A = 0), within Excel's columns (A…XFD): anything longer
/// would only overflow, and no sheet has it.
fn column_index(letters: &str) -> Option<u32> {
    let letters = letters.trim();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n = 0u32;
    for c in letters.chars() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        n = n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    n.checked_sub(1)
        .filter(|&i| i < meirim_exchange::import::guard::MAX_COLUMNS)
}

fn saved(ctx: &Ctx, name: &str) -> Result<SavedMapping, Problem> {
    let path = std::path::Path::new(name);
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Problem::new(ErrorCode::ImportFileUnreadable)
                .with("path", name)
                .with("reason", e)
        })?;
        let columns = serde_json::from_str(&text).map_err(|e| {
            Problem::new(ErrorCode::InputUnreadable)
                .with("path", name)
                .with("reason", e)
        })?;
        return Ok(SavedMapping {
            name: name.to_owned(),
            columns,
        });
    }
    mappings::find(ctx.db.conn(), name)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("mapping", name))
}

pub fn run(ctx: &mut Ctx, a: ImportArgs) -> Result<(), Problem> {
    let started = Instant::now();
    let csv = CsvOptions {
        encoding: a.encoding.map(|e| match e {
            Encoding::Utf8 => TextEncoding::Utf8,
            Encoding::Windows1251 => TextEncoding::Windows1251,
        }),
        delimiter: a.delimiter.map(|d| match d {
            Sep::Comma => Delimiter::Comma,
            Sep::Semicolon => Delimiter::Semicolon,
            Sep::Tab => Delimiter::Tab,
        }),
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let opened = files::open(&a.file, &csv, &files::Isolation::current(&cancel)?)?;
    let read_s = started.elapsed().as_secs_f64();
    let index = a
        .sheet
        .map(|n| n.saturating_sub(1))
        .unwrap_or(opened.first_filled());
    let sheet = opened.sheet(index)?;
    let header = a.header_row.map(|n| n.saturating_sub(sheet.first_row));
    let view = files::overview(sheet, header);
    let saved = a.mapping.as_deref().map(|m| saved(ctx, m)).transpose()?;
    let mut mapping = view.mapping(saved.as_ref());
    if let Some(map) = &a.map {
        for pair in map.split(',').filter(|p| !p.trim().is_empty()) {
            let (col, field) = pair.split_once('=').unwrap_or((pair, ""));
            let bad = || {
                Problem::new(ErrorCode::InvalidChoice)
                    .with("value", pair.trim())
                    .with("allowed", "C=full-name")
            };
            // Letters as Excel shows them; the mapping counts from the sheet's first column,
            // and only columns the sheet has can be mapped.
            let c = column_index(col)
                .and_then(|c| c.checked_sub(sheet.first_column))
                .map(|c| c as usize)
                .filter(|&c| c < view.columns.len().max(mapping.columns.len()))
                .ok_or_else(bad)?;
            let f = match field.trim() {
                "-" => None,
                code => Some(field_by_code(code).ok_or_else(bad)?),
            };
            if c >= mapping.columns.len() {
                mapping.columns.resize(c + 1, None);
            }
            mapping.columns[c] = f;
        }
    }
    if let Some(name) = &a.save_mapping {
        mappings::save(ctx.db.conn(), name, &view.headers(), &mapping)?;
    }
    let prepared = import::prepare(ctx.db.conn(), sheet.grid(), &mapping)?;
    let prepare_s = started.elapsed().as_secs_f64() - read_s;
    let choices = Choices {
        all: match a.matches {
            OnMatch::Update => Choice::Update,
            OnMatch::Skip => Choice::Skip,
            OnMatch::AddNew => Choice::AddNew,
        },
        each: BTreeMap::new(),
    };
    let go = &mut |_: usize, _: usize| true;
    let outcome = if a.dry_run {
        import::dry_run(&mut ctx.db, &prepared, &choices, &opened.file, go)?
    } else {
        import::apply(&mut ctx.db, &prepared, &choices, &opened.file, go)?
    };
    if let Some(out) = &a.rejected {
        let rows = import::rejected_rows(&prepared, &outcome);
        let bytes =
            files::rejected_rows(&ctx.l10n, sheet, mapping.header_row, &rows, &outcome.issues)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        meirim_exchange::save(out, &bytes)?;
    }
    let seconds = started.elapsed().as_secs_f64();
    if ctx.json {
        return print_json(&serde_json::json!({
            "dry_run": a.dry_run,
            "sheet": view.name,
            "header_row": view.header_row_number,
            "mapping": mapping.columns,
            "counts": outcome.counts,
            "batch": outcome.batch_id,
            "earlier": outcome.earlier,
            "issues": outcome.issues,
            "fixes": prepared.fixes,
            "matches": outcome.matches,
            "seconds": seconds,
            "phases": { "read": read_s, "prepare": prepare_s, "write": seconds - read_s - prepare_s },
        }));
    }
    print_report(
        ctx,
        &view,
        &mapping.columns,
        &prepared,
        &outcome,
        a.all_fixes,
    );
    Ok(())
}

fn print_report(
    ctx: &Ctx,
    view: &files::SheetOverview,
    columns: &[Option<Field>],
    prepared: &import::Prepared,
    outcome: &Outcome,
    all_fixes: bool,
) {
    let l = &ctx.l10n;
    let mapped: Vec<Vec<String>> = view
        .columns
        .iter()
        .zip(columns)
        .filter_map(|(c, f)| {
            let f = (*f)?;
            Some(vec![
                c.letter.clone(),
                c.header.clone(),
                l.text(&format!("import-field-{}", f.code()), &[]),
            ])
        })
        .collect();
    say(l.text(
        "import-cli-sheet",
        &[
            ("sheet", view.name.clone().into()),
            ("row", view.header_row_number.to_string().into()),
        ],
    ));
    say(table(
        &[
            l.text("import-cli-column", &[]),
            l.text("import-cli-header", &[]),
            l.text("import-cli-field", &[]),
        ],
        &mapped,
    ));
    let c = &outcome.counts;
    let figures = [
        ("import-count-rows", c.rows),
        ("import-count-families", c.families),
        ("import-count-added", c.added),
        ("import-count-updated", c.updated),
        ("import-count-unchanged", c.unchanged),
        ("import-count-skipped", c.skipped),
        ("import-count-rejected", c.rejected),
        ("import-count-error-rows", c.error_rows),
        ("import-count-warning-rows", c.warning_rows),
    ];
    say("");
    say(table(
        &[
            l.text("import-cli-what", &[]),
            l.text("import-cli-count", &[]),
        ],
        &figures
            .iter()
            .map(|(id, n)| vec![l.text(id, &[]), n.to_string()])
            .collect::<Vec<_>>(),
    ));
    for at in &outcome.earlier {
        say(l.text("import-earlier", &[("at", at.as_str().into())]));
    }
    if !outcome.issues.is_empty() {
        say("");
        for i in &outcome.issues {
            let mark = match i.severity {
                import::Severity::Error => "✗",
                import::Severity::Warning => "!",
            };
            say(format!("{mark} {}", files::issue_text(l, i)));
        }
    }
    let mut by_kind: BTreeMap<String, Vec<&import::Fix>> = BTreeMap::new();
    for f in &prepared.fixes {
        by_kind
            .entry(crate::output::code(f.kind))
            .or_default()
            .push(f);
    }
    for (kind, fixes) in by_kind {
        say("");
        say(format!(
            "{} — {}",
            l.text(&format!("import-fix-{kind}"), &[]),
            fixes.len()
        ));
        let shown = if all_fixes { fixes.len() } else { 10 };
        for f in fixes.iter().take(shown) {
            say(format!(
                "  {} {}: {} → {}",
                f.row, f.column, f.before, f.after
            ));
        }
    }
    for m in outcome.matches.iter().filter(|m| !m.changes.is_empty()) {
        say("");
        say(l.text(
            "import-cli-match",
            &[
                ("row", m.row.to_string().into()),
                ("registry_no", m.registry_no.to_string().into()),
                ("name", m.registry_head.as_str().into()),
            ],
        ));
        for ch in &m.changes {
            say(format!(
                "  {}: {} → {}",
                ch.field,
                ch.before.as_deref().unwrap_or("—"),
                ch.after.as_deref().unwrap_or("—")
            ));
        }
    }
    say("");
    say(match &outcome.batch_id {
        Some(id) => l.text("import-cli-done", &[("batch", id.as_str().into())]),
        None => l.text("import-cli-dry-run", &[]),
    });
}

pub fn run_imports(ctx: &mut Ctx, cmd: ImportsCommand) -> Result<(), Problem> {
    match cmd {
        ImportsCommand::History => {
            let batches = import::batches(ctx.db.conn(), 100)?;
            if ctx.json {
                return print_json(&batches);
            }
            let l = &ctx.l10n;
            let rows: Vec<Vec<String>> = batches
                .iter()
                .map(|b| {
                    vec![
                        b.at.clone(),
                        b.file_name.clone(),
                        b.added.to_string(),
                        b.updated.to_string(),
                        b.rejected.to_string(),
                        b.undone_at.clone().unwrap_or_default(),
                        b.id.clone(),
                    ]
                })
                .collect();
            say(table(
                &[
                    l.text("import-cli-at", &[]),
                    l.text("import-cli-file", &[]),
                    l.text("import-count-added", &[]),
                    l.text("import-count-updated", &[]),
                    l.text("import-count-rejected", &[]),
                    l.text("import-cli-undone", &[]),
                    "id".to_owned(),
                ],
                &rows,
            ));
            Ok(())
        }
        ImportsCommand::Undo { batch } => {
            let undone = import::undo(&mut ctx.db, &batch)?;
            if ctx.json {
                return print_json(&undone);
            }
            say(ctx.l10n.text(
                "import-undone",
                &[
                    ("removed", (undone.removed as i64).into()),
                    ("restored", (undone.restored as i64).into()),
                ],
            ));
            Ok(())
        }
        ImportsCommand::Template { out } => {
            let bytes = files::template(&ctx.l10n)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
            meirim_exchange::save(&out, &bytes)?;
            say(out.display());
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::column_index;

    #[test]
    fn column_letters_are_read_within_excels_columns() {
        assert_eq!(column_index("A"), Some(0));
        assert_eq!(column_index(" d "), Some(3));
        assert_eq!(column_index("AA"), Some(26));
        assert_eq!(column_index("XFD"), Some(16_383));
        for beyond in ["XFE", "ZZZ", "ZZZZZZZ", &"Z".repeat(40), "", "1", "Ә"] {
            assert_eq!(column_index(beyond), None, "{beyond:?}");
        }
    }
}
