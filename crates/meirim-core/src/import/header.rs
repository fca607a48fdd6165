//! Which row holds the column headers. Office lists often start with a title («Аз
//! қамтылған отбасылар тізімі, 2026 ж.»), merged across the sheet, a date line or an empty
//! row; the header is the first row naming at least two known fields, or failing that the
//! first row of three or more filled text cells.

use super::cell::Cell;
use super::fields::suggest;

/// Rows looked at: a title block is never longer.
const LOOK: usize = 30;

/// The index (into the sheet's rows) of the header row, if any row looks like one.
pub fn find_header(rows: &[Vec<Cell>]) -> Option<usize> {
    let known = |row: &Vec<Cell>| {
        row.iter()
            .filter(|c| matches!(c, Cell::Text(t) if suggest(t).is_some()))
            .count()
    };
    let scored = rows.iter().take(LOOK).enumerate();
    if let Some((i, _)) = scored
        .clone()
        .map(|(i, r)| (i, known(r)))
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
    {
        return Some(i);
    }
    scored
        .filter(|(_, r)| {
            r.iter()
                .filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty()))
                .count()
                >= 3
        })
        .map(|(i, _)| i)
        .next()
}
