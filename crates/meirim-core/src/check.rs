//! Form input checks shared by every record the office types in (families, deliveries,
//! campaigns, volunteers, organisations, reference lists): each collects its problems so
//! that a form can mark all wrong fields in one go.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};

use crate::db::DbError;
use crate::family::validate::{iin_problem, EARLIEST_BIRTH_YEAR};

/// How far ahead a date may be planned.
const LATEST_YEARS_AHEAD: i32 = 20;
use crate::iin::Iin;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{date, phone, text};

/// Characters that show as nothing: controls, zero-width ones, bidirectional overrides.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space, (non-)joiner, direction marks
            | '\u{202A}'..='\u{202E}' // embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // isolates
            | '\u{061C}' // Arabic letter mark
            | '\u{FEFF}' // byte-order mark inside text
            | '\u{00AD}' // soft hyphen
        )
}

#[derive(Default)]
pub(crate) struct Checker {
    pub problems: Vec<FieldProblem>,
}

impl Checker {
    pub fn push(&mut self, p: FieldProblem) {
        self.problems.push(p);
    }

    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// `value` when nothing was wrong, else every problem as one validation `Problem`.
    pub fn finish<T>(self, value: T) -> Result<T, Problem> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(Problem::validation(self.problems))
        }
    }

    pub fn required(&mut self, field: &str, value: &str, max: usize) -> String {
        let v = text::tidy(value);
        if v.is_empty() {
            self.push(FieldProblem::new(field, ErrorCode::Required));
        }
        self.visible(field, &v, false);
        self.limit(field, &v, max);
        v
    }

    /// A KATO code (classifier of administrative-territorial objects): nine digits, or none.
    pub fn kato(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let kato = text::tidy_opt(value);
        if let Some(k) = &kato {
            if k.len() != 9 || !k.chars().all(|c| c.is_ascii_digit()) {
                self.push(FieldProblem::new(field, ErrorCode::KatoInvalid).with("value", k));
            }
        }
        kato
    }

    pub fn optional(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let v = text::tidy_opt(value);
        if let Some(v) = &v {
            self.visible(field, v, false);
            self.limit(field, v, max);
        }
        v
    }

    /// Free text that may span lines (notes): trimmed, line breaks kept.
    pub fn multiline(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let v = value.map(str::trim).filter(|v| !v.is_empty())?.to_owned();
        self.visible(field, &v, true);
        self.limit(field, &v, max);
        Some(v)
    }

    /// A surname, name or patronymic: `required` (or optional) text of letters, spaces,
    /// hyphens, apostrophes, dots and brackets only, so that nothing a spreadsheet or a
    /// letter could read as a formula or markup is ever stored as a name.
    pub fn person_name(
        &mut self,
        field: &str,
        value: Option<&str>,
        required: bool,
        max: usize,
    ) -> Option<String> {
        let v = if required {
            Some(self.required(field, value.unwrap_or(""), max))
        } else {
            self.optional(field, value, max)
        };
        let odd = v.as_deref().and_then(|v| {
            v.chars().find(|c| {
                !(crate::text::is_letter(*c)
                    || c.is_numeric()
                    || matches!(c, ' ' | '-' | '\'' | '’' | 'ʼ' | '.' | '(' | ')')
                    // What a Windows-1251 CSV leaves for a Kazakh letter: the import
                    // takes such names with a warning so the office can correct them.
                    || *c == '?'
                    || is_hidden(*c))
            })
        });
        if let Some(c) = odd {
            self.push(FieldProblem::new(field, ErrorCode::NameCharacters).with("char", c));
        }
        v
    }

    /// Refuses text with characters nobody can see: control characters (NUL from a broken
    /// file, line breaks where there should be none), zero-width spaces and joiners, and
    /// the marks that reverse the direction of text (a name could then print backwards).
    fn visible(&mut self, field: &str, v: &str, multiline: bool) {
        let hidden = v
            .chars()
            .any(|c| is_hidden(c) && !(multiline && matches!(c, '\n' | '\r' | '\t')));
        if hidden {
            self.push(FieldProblem::new(field, ErrorCode::HiddenCharacters));
        }
    }

    pub fn limit(&mut self, field: &str, v: &str, max: usize) {
        let len = v.chars().count();
        if len > max {
            self.push(
                FieldProblem::new(field, ErrorCode::TooLong)
                    .with("max", max)
                    .with("length", len),
            );
        }
    }

    /// A birth or event date: not in the future, not before the earliest birth year.
    pub fn past_date(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        let d = self.parsed(field, value)?;
        if d > crate::clock::today() {
            self.push(FieldProblem::new(field, ErrorCode::DateInFuture));
        } else if d.year() < EARLIEST_BIRTH_YEAR {
            self.push(
                FieldProblem::new(field, ErrorCode::DateTooOld).with("year", EARLIEST_BIRTH_YEAR),
            );
        }
        Some(d)
    }

    /// A date that has already come; a future one is reported and dropped.
    pub fn not_future(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        let d = self.date(field, value)?;
        if d > crate::clock::today() {
            self.push(FieldProblem::new(field, ErrorCode::DateInFuture));
            return None;
        }
        Some(d)
    }

    /// Any date the office types (a delivery, a campaign, a consent's end): from 1900 (a
    /// year 1000 or 9999 is a typo, and no spreadsheet could hold it) to twenty years ahead.
    pub fn date(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        let d = self.parsed(field, value)?;
        let last = crate::clock::today().year() + LATEST_YEARS_AHEAD;
        if d.year() < EARLIEST_BIRTH_YEAR || d.year() > last {
            self.push(
                FieldProblem::new(field, ErrorCode::DateOutOfRange)
                    .with("from", EARLIEST_BIRTH_YEAR)
                    .with("to", last),
            );
            return None;
        }
        Some(d)
    }

    fn parsed(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        let raw = text::tidy_opt(value)?;
        let d = date::parse(&raw);
        if d.is_none() {
            self.push(FieldProblem::new(field, ErrorCode::InvalidDate).with("value", raw));
        }
        d
    }

    pub fn iin(&mut self, field: &str, value: Option<&str>) -> Option<Iin> {
        let raw = text::tidy_opt(value)?;
        match Iin::parse(&raw) {
            Ok(iin) => Some(iin),
            Err(e) => {
                self.push(iin_problem(field, &e));
                None
            }
        }
    }

    pub fn phone(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let raw = text::tidy_opt(value)?;
        let normalized = phone::normalize(&raw);
        if normalized.is_none() {
            self.push(FieldProblem::new(field, ErrorCode::PhoneInvalid).with("value", raw));
        }
        normalized
    }

    /// Whole tenge up to `max`: "45000", "45 000", "45 000 ₸", "45000,00".
    pub fn tenge(&mut self, field: &str, value: Option<&str>, max: u64) -> Option<u64> {
        let raw = text::tidy_opt(value)?;
        match crate::money::parse_tenge(&raw) {
            Some(n) if n <= max => Some(n),
            Some(_) => {
                self.push(FieldProblem::new(field, ErrorCode::AmountTooLarge).with("max", max));
                None
            }
            None => {
                self.push(FieldProblem::new(field, ErrorCode::AmountInvalid).with("value", raw));
                None
            }
        }
    }

    /// A reference entry's Kazakh and Russian names: each required, at most `max` long, and
    /// not already used (in either language, any spelling) by another entry — `taken`
    /// holds those entries' names folded with `text::fold`.
    pub fn unique_names(
        &mut self,
        kk: &str,
        ru: &str,
        max: usize,
        taken: &[String],
        exists: ErrorCode,
    ) -> (String, String) {
        let mut out = Vec::with_capacity(2);
        for (field, raw) in [("name_kk", kk), ("name_ru", ru)] {
            let name = text::tidy(raw);
            let before = self.problems.len();
            let name = self.required(field, &name, max);
            if self.problems.len() == before && taken.contains(&text::fold(&name)) {
                self.push(FieldProblem::new(field, exists).with("name", &name));
            }
            out.push(name);
        }
        let ru = out.pop().unwrap_or_default();
        let kk = out.pop().unwrap_or_default();
        (kk, ru)
    }

    /// The id of a row the form chose from a list (`table` is one of ours, never input):
    /// `choice-missing` if it is not there any more.
    pub fn chosen(
        &mut self,
        conn: &Connection,
        field: &str,
        table: &str,
        id: Option<&str>,
    ) -> Result<Option<String>, Problem> {
        let Some(id) = text::tidy_opt(id) else {
            return Ok(None);
        };
        if !exists(conn, &format!("SELECT 1 FROM {table} WHERE id = ?1"), &id)? {
            self.push(FieldProblem::new(field, ErrorCode::ChoiceMissing));
        }
        Ok(Some(id))
    }
}

/// Whether `sql` (one `?1` parameter) finds a row.
pub(crate) fn exists(conn: &Connection, sql: &str, id: &str) -> Result<bool, Problem> {
    Ok(conn
        .prepare_cached(sql)
        .and_then(|mut st| st.query_row([id], |_| Ok(())))
        .optional()
        .map_err(DbError::from)?
        .is_some())
}
