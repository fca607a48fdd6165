//! What every letter of the office carries whatever the template: its name at the top in
//! each language, the place printed beside the date, the register number's format, and
//! the emblem or logo. Kept in the registry, so they travel with its backups.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::db::DbError;
use crate::letters::numbering;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, settings};

const LINE_MAX: usize = 300;
/// A logo is printed about 2 cm wide: a larger file only slows every batch down.
pub const LOGO_MAX_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Letterhead {
    /// «Сайрам ауданы әкімінің аппараты»; several lines allowed.
    pub header_kk: String,
    pub header_ru: String,
    /// «Ақсу ауылы» / «с. Аксу», printed before the date.
    pub place_kk: String,
    pub place_ru: String,
    /// «{seq}/{year}» → «12/2026»; see `numbering`.
    pub number_format: String,
    /// Read only: whether a logo is stored.
    #[serde(default)]
    pub has_logo: bool,
}

const KEYS: [&str; 5] = [
    "letters.header_kk",
    "letters.header_ru",
    "letters.place_kk",
    "letters.place_ru",
    "letters.number_format",
];

pub fn get(conn: &Connection) -> Result<Letterhead, Problem> {
    let mut v = Vec::with_capacity(KEYS.len());
    for k in KEYS {
        v.push(settings::get(conn, k)?.unwrap_or_default());
    }
    let [header_kk, header_ru, place_kk, place_ru, number_format]: [String; 5] =
        v.try_into().unwrap_or_default();
    // Until the office writes its letterhead, the office name from settings heads it.
    let office = settings::office_name(conn)?;
    let or_office = |s: String| if s.is_empty() { office.clone() } else { s };
    Ok(Letterhead {
        header_kk: or_office(header_kk),
        header_ru: or_office(header_ru),
        place_kk,
        place_ru,
        number_format: if number_format.is_empty() {
            numbering::DEFAULT_FORMAT.to_owned()
        } else {
            number_format
        },
        has_logo: logo(conn)?.is_some(),
    })
}

/// The office's name as documents print it at the top (reports, distribution lists): the
/// letterhead's header in each language, one standing in for the other when only one was
/// written. Empty until the office writes its letterhead.
pub fn office(conn: &Connection) -> Result<crate::reference::Names, Problem> {
    let h = get(conn)?;
    let one_line = |s: &str| {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (kk, ru) = (one_line(&h.header_kk), one_line(&h.header_ru));
    Ok(crate::reference::Names {
        kk: if kk.is_empty() {
            ru.clone()
        } else {
            kk.clone()
        },
        ru: if ru.is_empty() { kk } else { ru },
    })
}

pub fn set(conn: &Connection, input: &Letterhead) -> Result<Letterhead, Problem> {
    let mut c = Checker::default();
    let header_kk = c.multiline("header_kk", Some(&input.header_kk), LINE_MAX);
    let header_ru = c.multiline("header_ru", Some(&input.header_ru), LINE_MAX);
    let place_kk = c.optional("place_kk", Some(&input.place_kk), LINE_MAX);
    let place_ru = c.optional("place_ru", Some(&input.place_ru), LINE_MAX);
    let format = crate::text::tidy(&input.number_format);
    if let Err(reason) = numbering::check_format(&format) {
        c.push(
            FieldProblem::new("number_format", ErrorCode::NumberFormatInvalid)
                .with("reason", reason),
        );
    }
    let values = c.finish([
        header_kk.unwrap_or_default(),
        header_ru.unwrap_or_default(),
        place_kk.unwrap_or_default(),
        place_ru.unwrap_or_default(),
        format,
    ])?;
    for (k, v) in KEYS.iter().zip(values) {
        settings::set(conn, k, &v)?;
    }
    get(conn)
}

pub fn logo(conn: &Connection) -> Result<Option<Vec<u8>>, Problem> {
    Ok(conn
        .query_row("SELECT bytes FROM office_logo WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(DbError::from)?)
}

/// Stores the logo (already checked to be a PNG or JPEG by whoever decodes it), or removes
/// it when `bytes` is None.
pub fn set_logo(conn: &Connection, bytes: Option<&[u8]>) -> Result<(), Problem> {
    match bytes {
        Some(b) if b.len() > LOGO_MAX_BYTES => Err(Problem::new(ErrorCode::ImageInvalid)
            .with("reason", "too-large")
            .with("max", LOGO_MAX_BYTES / 1024)),
        Some(b) => {
            conn.execute(
                "INSERT INTO office_logo (id, bytes, updated_at) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET bytes = excluded.bytes,
                                                updated_at = excluded.updated_at",
                params![b, clock::now()],
            )
            .map_err(DbError::from)?;
            Ok(())
        }
        None => {
            conn.execute("DELETE FROM office_logo", [])
                .map_err(DbError::from)?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn the_letterhead_starts_from_the_office_name_and_refuses_a_format_without_the_year() {
        let db = Database::open_in_memory().unwrap();
        settings::set_office_name(db.conn(), "Ақсу ауылдық округі").unwrap();
        let h = get(db.conn()).unwrap();
        assert_eq!(h.header_kk, "Ақсу ауылдық округі");
        assert_eq!(h.number_format, "{seq}/{year}");
        let e = set(
            db.conn(),
            &Letterhead {
                number_format: "АХ-{seq}".into(),
                ..h.clone()
            },
        )
        .unwrap_err();
        assert_eq!(e.fields[0].field, "number_format");
        let saved = set(
            db.conn(),
            &Letterhead {
                header_ru: "Аппарат акима Аксуского сельского округа".into(),
                number_format: "АХ-{seq:3}/{year}".into(),
                ..h
            },
        )
        .unwrap();
        assert_eq!(saved.number_format, "АХ-{seq:3}/{year}");
        assert_eq!(saved.header_ru, "Аппарат акима Аксуского сельского округа");
        assert!(!saved.has_logo);
        set_logo(db.conn(), Some(&[1, 2, 3])).unwrap();
        assert_eq!(logo(db.conn()).unwrap(), Some(vec![1, 2, 3]));
        set_logo(db.conn(), None).unwrap();
        assert_eq!(logo(db.conn()).unwrap(), None);
    }
}
