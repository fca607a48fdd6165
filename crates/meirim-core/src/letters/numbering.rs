//! Register numbers: sequential within a calendar year, printed in the office's format.
//! «{seq}/{year}» gives «12/2026»; «АХ-{seq:3}/{year}» gives «АХ-012/2026».

use rusqlite::Connection;

use crate::db::DbError;
use crate::problem::Problem;

pub const DEFAULT_FORMAT: &str = "{seq}/{year}";
const FORMAT_MAX: usize = 40;

enum Part<'a> {
    Text(&'a str),
    Seq(usize),
    Year,
}

fn parts(format: &str) -> Result<Vec<Part<'_>>, &'static str> {
    let mut out = Vec::new();
    let mut rest = format;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Part::Text(&rest[..open]));
        }
        let close = rest[open..].find('}').ok_or("unclosed")? + open;
        let name = &rest[open + 1..close];
        out.push(match name {
            "year" => Part::Year,
            "seq" => Part::Seq(0),
            _ => match name.strip_prefix("seq:").map(str::parse::<usize>) {
                Some(Ok(width)) if (1..=6).contains(&width) => Part::Seq(width),
                _ => return Err("unknown"),
            },
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Part::Text(rest));
    }
    if out
        .iter()
        .any(|p| matches!(p, Part::Text(t) if t.contains('}')))
    {
        return Err("unclosed");
    }
    Ok(out)
}

/// Why a format cannot number documents: "no-seq", "no-year" (numbers restart each year,
/// so without it two documents would share a number), "unknown", "unclosed", "too-long".
pub fn check_format(format: &str) -> Result<(), &'static str> {
    if format.chars().count() > FORMAT_MAX {
        return Err("too-long");
    }
    let p = parts(format)?;
    if p.iter().filter(|p| matches!(p, Part::Seq(_))).count() != 1 {
        return Err("no-seq");
    }
    if !p.iter().any(|p| matches!(p, Part::Year)) {
        return Err("no-year");
    }
    Ok(())
}

/// The printed number; a format that does not check falls back to the default.
pub fn format(format: &str, year: i32, seq: u32) -> String {
    let p = match check_format(format).and_then(|()| parts(format)) {
        Ok(p) => p,
        Err(_) => parts(DEFAULT_FORMAT).unwrap_or_default(),
    };
    p.iter()
        .map(|part| match part {
            Part::Text(t) => (*t).to_owned(),
            Part::Seq(w) => format!("{seq:0w$}", w = *w),
            Part::Year => year.to_string(),
        })
        .collect()
}

/// The first free sequence number of `year` (called inside the issuing transaction).
pub fn next_seq(conn: &Connection, year: i32) -> Result<u32, Problem> {
    let last: u32 = conn
        .query_row(
            "SELECT ifnull(max(seq), 0) FROM issued_documents WHERE year = ?1",
            [year],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    Ok(last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_number_and_bad_ones_say_why() {
        assert_eq!(format(DEFAULT_FORMAT, 2026, 12), "12/2026");
        assert_eq!(format("АХ-{seq:3}/{year}", 2026, 7), "АХ-007/2026");
        assert_eq!(format("{year}-{seq:4}", 2027, 1), "2027-0001");
        assert_eq!(check_format("{seq}"), Err("no-year"));
        assert_eq!(check_format("{year}"), Err("no-seq"));
        assert_eq!(check_format("{seq}{seq}/{year}"), Err("no-seq"));
        assert_eq!(check_format("{n}/{year}"), Err("unknown"));
        assert_eq!(check_format("{seq:9}/{year}"), Err("unknown"));
        assert_eq!(check_format("{seq/{year}"), Err("unknown"));
        assert_eq!(check_format("{seq}/{year"), Err("unclosed"));
        assert_eq!(check_format("{seq}}/{year}"), Err("unclosed"));
        assert_eq!(
            format("{seq}", 2026, 3),
            "3/2026",
            "falls back to the default"
        );
    }
}
