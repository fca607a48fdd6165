//! What a spreadsheet claims, checked before calamine believes it. A 1 KB file can claim a
//! billion shared strings, a cell at XFD1048576 or a million repeated rows, and calamine
//! sizes its vectors from such claims (and its ODS reader loops for ever on a file whose
//! `</table:table>` is missing). Each check here reads what it needs within a bound and
//! refuses with the reason; the worker process's memory cap stays the last line.
//! Reproducers of the calamine behaviour worked around here: `tests/hostile/calamine/`.

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::source::ImportError;

/// Excel's own sheet limits: nothing a real list needs lies beyond them.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;
/// Columns a sheet read for import may span: office lists have tens.
pub const MAX_LIST_COLUMNS: u32 = 1_024;
/// Cells a sheet may hold once laid out (rows × the widest row, for ODS and XLS, which
/// calamine lays out densely). 100 000 families × 100 columns is far beyond any office list.
pub const MAX_DENSE_CELLS: u64 = 10_000_000;
/// Non-empty cells read from an XLSX sheet.
pub const MAX_CELLS: usize = 5_000_000;
/// Entries in a zip container, and what its parts may unpack to together.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
pub const MAX_UNZIPPED: u64 = 512 * 1024 * 1024;
/// The smallest a shared string can be written (`<si><t/></si>`).
const MIN_SHARED_STRING_BYTES: u64 = 9;

fn damaged(why: impl Into<String>) -> ImportError {
    ImportError::Damaged(why.into())
}

fn too_large(why: impl Into<String>) -> ImportError {
    ImportError::TooLarge(why.into())
}

fn archive(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, ImportError> {
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(too_large(format!("{} parts in the zip", zip.len())));
    }
    // What the parts declare; a part that declares less than it holds is cut off where it
    // is read (`part`), and the worker's memory cap catches what calamine reads itself.
    let declared = zip.decompressed_size().unwrap_or(0);
    if declared > u128::from(MAX_UNZIPPED) {
        return Err(too_large(format!("{declared} bytes unpacked")));
    }
    Ok(zip)
}

type Part<'z, 'b> = BufReader<std::io::Take<zip::read::ZipFile<'z, Cursor<&'b [u8]>>>>;

/// The part `name` as it unpacks, cut off after `MAX_UNZIPPED` bytes (a part may declare
/// less than it holds); `None` when there is no such part.
fn part<'z, 'b: 'z>(
    zip: &'z mut ZipArchive<Cursor<&'b [u8]>>,
    name: &str,
) -> Result<Option<Part<'z, 'b>>, ImportError> {
    match zip.by_name(name) {
        Ok(e) => Ok(Some(BufReader::new(e.take(MAX_UNZIPPED + 1)))),
        Err(zip::result::ZipError::FileNotFound) => Ok(None),
        Err(e) => Err(damaged(e.to_string())),
    }
}

fn unpacked_too_far(name: &str) -> ImportError {
    too_large(format!("{name} unpacks beyond {MAX_UNZIPPED} bytes"))
}

/// XLSX: the zip's size and the shared-string count it claims.
pub fn check_xlsx(bytes: &[u8]) -> Result<(), ImportError> {
    const NAME: &str = "xl/sharedStrings.xml";
    let mut zip = archive(bytes)?;
    let Some(strings) = part(&mut zip, NAME)? else {
        return Ok(());
    };
    let mut xml = quick_xml::Reader::from_reader(strings);
    let mut buf = Vec::new();
    let claimed = loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                break attr_u64(&e, "uniqueCount")?.unwrap_or(0);
            }
            Ok(Event::Eof) => return Ok(()),
            Err(e) => return Err(damaged(e.to_string())),
            Ok(_) => {}
        }
        buf.clear();
    };
    // The part's size, counted as it unpacks; nothing of it is kept.
    let read_so_far = xml.buffer_position();
    let rest = std::io::copy(&mut xml.into_inner(), &mut std::io::sink())
        .map_err(|e| damaged(format!("{NAME}: {e}")))?;
    let size = read_so_far.saturating_add(rest);
    if size > MAX_UNZIPPED {
        return Err(unpacked_too_far(NAME));
    }
    let room = size / MIN_SHARED_STRING_BYTES;
    if claimed > room {
        return Err(damaged(format!(
            "the shared-string table claims {claimed} entries but holds at most {room}"
        )));
    }
    Ok(())
}

fn attr_u64(e: &BytesStart<'_>, name: &str) -> Result<Option<u64>, ImportError> {
    let Some(a) = e
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name || a.key.as_ref() == name)
    else {
        return Ok(None);
    };
    a.value
        .trim()
        .parse::<u64>()
        .map(Some)
        .map_err(|_| damaged(format!("{name} = {:?} is not a number", a.value)))
}

/// How one ODS table lays out, counted as calamine will lay it out.
#[derive(Default)]
struct Table {
    rows: u64,
    /// Rows up to and including the last one with a value, and the widest such row.
    used_rows: u64,
    widest: u64,
}

impl Table {
    /// A row ends: `repeat` copies of it, with values up to column `used`.
    fn end_row(&mut self, repeat: u64, used: u64) -> Result<(), ImportError> {
        self.rows = self.rows.saturating_add(repeat).min(MAX_ROWS.into());
        if used > 0 {
            self.used_rows = self.rows;
            self.widest = self.widest.max(used.min(MAX_COLUMNS.into()));
        }
        if self.used_rows.saturating_mul(self.widest) > MAX_DENSE_CELLS {
            return Err(too_large(format!(
                "a table of {} rows × {} columns",
                self.used_rows, self.widest
            )));
        }
        Ok(())
    }
}

/// ODS: `content.xml` read through once as calamine will, without keeping anything: every
/// element closed, repeat counts and space runs bounded, the laid-out size of each table
/// within `MAX_DENSE_CELLS`.
pub fn check_ods(bytes: &[u8]) -> Result<(), ImportError> {
    let mut zip = archive(bytes)?;
    let content =
        part(&mut zip, "content.xml")?.ok_or_else(|| damaged("content.xml is missing"))?;
    let mut xml = quick_xml::Reader::from_reader(content);
    xml.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut table = Table::default();
    // The row being read: its repeat count, its width so far and up to its last value.
    let (mut row_repeat, mut row_width, mut row_used) = (1u64, 0u64, 0u64);
    let mut spaces = 0u64;
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| damaged(e.to_string()))?;
        let (start, closes) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                match e.name().as_ref() {
                    "table:table-row" => table.end_row(row_repeat, row_used)?,
                    "table:table" => table = Table::default(),
                    _ => {}
                }
                (None, false)
            }
            Event::Eof => {
                if xml.buffer_position() > MAX_UNZIPPED {
                    return Err(unpacked_too_far("content.xml"));
                }
                if depth != 0 {
                    return Err(damaged("content.xml ends before its elements are closed"));
                }
                return Ok(());
            }
            _ => (None, false),
        };
        if let Some(e) = start {
            if !closes {
                depth += 1;
            }
            match e.name().as_ref() {
                "table:table-row" => {
                    row_repeat = attr_u64(e, "table:number-rows-repeated")?.unwrap_or(1);
                    (row_width, row_used) = (0, 0);
                    if closes {
                        table.end_row(row_repeat, 0)?;
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let repeat = attr_u64(e, "table:number-columns-repeated")?.unwrap_or(1);
                    row_width = row_width.saturating_add(repeat);
                    // A cell with a value or with content (text:p) is laid out.
                    let valued = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "office:value-type");
                    if valued || !closes {
                        row_used = row_width;
                    }
                }
                "text:s" => {
                    spaces = spaces.saturating_add(attr_u64(e, "text:c")?.unwrap_or(1));
                    if spaces > MAX_UNZIPPED {
                        return Err(too_large(format!("{spaces} repeated spaces")));
                    }
                }
                _ => {}
            }
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    pub(crate) fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts {
            zip.start_file(*name, opts).expect("entry");
            zip.write_all(text.as_bytes()).expect("write");
        }
        zip.finish().expect("finish");
        out.into_inner()
    }

    fn ods(body: &str) -> Vec<u8> {
        zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            (
                "content.xml",
                &format!(
                    r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
                ),
            ),
        ])
    }

    #[test]
    fn a_shared_string_count_beyond_the_table_is_refused() {
        let sst = r#"<sst uniqueCount="1000000000"><si><t>a</t></si></sst>"#;
        let err = check_xlsx(&zip_of(&[("xl/sharedStrings.xml", sst)])).unwrap_err();
        assert!(
            matches!(err, ImportError::Damaged(ref m) if m.contains("1000000000")),
            "{err:?}"
        );
        let honest = r#"<sst count="1" uniqueCount="1"><si><t>a</t></si></sst>"#;
        assert_eq!(
            check_xlsx(&zip_of(&[("xl/sharedStrings.xml", honest)])),
            Ok(())
        );
    }

    #[test]
    fn an_ods_without_its_end_tags_is_damaged_not_endless() {
        let open = r#"<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
        let bytes = zip_of(&[(
            "content.xml",
            &format!(
                r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x">{open}"#
            ),
        )]);
        assert!(matches!(check_ods(&bytes), Err(ImportError::Damaged(_))));
        let closed = format!("{open}</table:table>");
        assert_eq!(check_ods(&ods(&closed)), Ok(()));
    }

    #[test]
    fn an_ods_laid_out_beyond_the_cap_is_too_large() {
        let wide = r#"<table:table><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        assert!(matches!(
            check_ods(&ods(wide)),
            Err(ImportError::TooLarge(_))
        ));
    }

    #[test]
    fn libreoffice_trailing_empty_rows_are_not_counted() {
        // Every sheet LibreOffice saves ends like this: a million empty rows, 1024 wide.
        let tail = r#"<table:table><table:table-row><table:table-cell office:value-type="string"><text:p>Аты</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#;
        assert_eq!(check_ods(&ods(tail)), Ok(()));
    }

    #[test]
    fn a_run_of_a_trillion_spaces_is_too_large() {
        let spaces = r#"<table:table><table:table-row><table:table-cell><text:p>a<text:s text:c="1000000000000"/></text:p></table:table-cell></table:table-row></table:table>"#;
        assert!(matches!(
            check_ods(&ods(spaces)),
            Err(ImportError::TooLarge(_))
        ));
    }

    #[test]
    fn a_repeat_count_that_is_not_a_number_is_damaged() {
        let bad = r#"<table:table><table:table-row table:number-rows-repeated="99999999999999999999999"/></table:table>"#;
        assert!(matches!(check_ods(&ods(bad)), Err(ImportError::Damaged(_))));
    }
}
