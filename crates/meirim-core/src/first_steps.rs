//! What a new office has still to do before Meirim is of use: say who is working (the
//! operator, written into every change), write the letterhead (the office's name at the
//! top of its documents) and bring in its families (typed or imported). The home screen
//! shows the steps left instead of a page of zeros.

use rusqlite::Connection;
use serde::Serialize;

use crate::db::DbError;
use crate::problem::Problem;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FirstSteps {
    pub operator: bool,
    pub letterhead: bool,
    /// Families on the list, archived ones included.
    pub families: u32,
}

impl FirstSteps {
    pub fn all_done(&self) -> bool {
        self.operator && self.letterhead && self.families > 0
    }
}

pub fn status(conn: &Connection) -> Result<FirstSteps, Problem> {
    let head = crate::letters::letterhead::get(conn)?;
    let families: u32 = conn
        .query_row(
            "SELECT count(*) FROM families WHERE merged_into IS NULL",
            [],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    Ok(FirstSteps {
        operator: !crate::settings::operator_setting(conn)?.trim().is_empty(),
        letterhead: !(head.header_kk.trim().is_empty() && head.header_ru.trim().is_empty()),
        families,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn each_step_is_done_once_the_office_has_done_it() {
        let mut db = Database::open_in_memory().unwrap();
        let fresh = status(db.conn()).unwrap();
        assert_eq!(
            fresh,
            FirstSteps {
                operator: false,
                letterhead: false,
                families: 0
            }
        );
        assert!(!fresh.all_done());
        crate::settings::set_operator(db.conn(), "Айгерім Серікова").unwrap();
        crate::letters::letterhead::set(
            db.conn(),
            &crate::letters::letterhead::Letterhead {
                header_kk: "Ақсу ауылдық округі әкімінің аппараты".into(),
                number_format: "{seq}/{year}".into(),
                ..Default::default()
            },
        )
        .unwrap();
        crate::demo::fill(
            &mut db,
            2,
            1,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        )
        .unwrap();
        assert!(status(db.conn()).unwrap().all_done());
    }
}
