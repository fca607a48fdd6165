//! The register of issued documents: every letter, diploma and certificate gets the next
//! number of its year, a QR code (number, office, short hash) and a row holding the page as
//! printed. A document is cancelled with a reason, never deleted; a reprint prints the
//! stored page again; "verify" checks a scanned code or a typed number against the rows.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::campaigns::{self, Campaign};
use crate::db::DbError;
use crate::letters::compose::{self, BatchOptions, Context};
use crate::letters::letterhead::{self, Letterhead};
use crate::letters::page::LetterPage;
use crate::letters::recipients::{self, Recipient, MAX_RECIPIENTS};
use crate::letters::templates::{self, DocumentKind, LetterTemplate};
use crate::letters::{numbering, verify};
use crate::problem::{ErrorCode, Problem};
use crate::reference::Names;
use crate::{clock, date, settings, text};

const REASON_MAX: usize = 500;
/// The register screen shows this many rows; the search narrows them.
pub const LIST_LIMIT: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IssuedDocument {
    pub id: String,
    /// «12/2026», as printed after «№».
    pub number: String,
    pub issued_on: NaiveDate,
    pub kind: DocumentKind,
    pub template_id: Option<String>,
    pub template: Option<Names>,
    pub batch_id: String,
    /// The holder's name, nominative.
    pub recipient: String,
    pub volunteer_id: Option<String>,
    pub campaign_id: Option<String>,
    /// What it was given for: the campaign, the deed, or the template's name.
    pub reason: String,
    pub signatory: String,
    pub hash: String,
    pub issued_by: String,
    pub cancelled_at: Option<String>,
    pub cancelled_by: Option<String>,
    pub cancel_reason: Option<String>,
}

/// What a printed batch reports: the file and the register rows it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IssuedBatch {
    pub path: String,
    pub batch_id: String,
    pub documents: Vec<IssuedDocument>,
}

/// A batch ready to be numbered: each recipient with their unnumbered page.
pub struct Batch {
    pub id: String,
    pub on: NaiveDate,
    pub template: LetterTemplate,
    pub campaign: Option<Campaign>,
    pub letterhead: Letterhead,
    pub reason: String,
    pub items: Vec<(Recipient, LetterPage)>,
}

/// The pages for `recipients`, checked and filled, nothing written yet. Also what the
/// preview draws (its first page).
pub fn prepare(
    conn: &Connection,
    options: &BatchOptions,
    recipients: &[Recipient],
) -> Result<Batch, Problem> {
    if recipients.is_empty() {
        return Err(Problem::new(ErrorCode::NoRecipients));
    }
    if recipients.len() > MAX_RECIPIENTS {
        return Err(Problem::new(ErrorCode::TooManyRecipients).with("max", MAX_RECIPIENTS));
    }
    let template = templates::get(conn, &options.template_id)?;
    let campaign = match text::tidy_opt(options.campaign_id.as_deref()) {
        Some(id) => Some(campaigns::get(conn, &id)?),
        None => None,
    };
    let on = match text::tidy_opt(options.issued_on.as_deref()) {
        Some(raw) => date::parse(&raw)
            .ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))?,
        None => crate::clock::today(),
    };
    let letterhead = letterhead::get(conn)?;
    let ctx = Context {
        template: &template,
        letterhead: &letterhead,
        options,
        campaign: campaign.as_ref(),
        on,
    };
    let mut items = Vec::with_capacity(recipients.len());
    for r in recipients {
        if r.dative_kk.text.trim().is_empty() || r.dative_ru.text.trim().is_empty() {
            return Err(Problem::new(ErrorCode::RecipientIncomplete)
                .with("line", items.len() + 1)
                .with("text", r.full_name()));
        }
        items.push((r.clone(), compose::page(&ctx, r)?));
    }
    let reason = campaign
        .as_ref()
        .map(|c| c.name.clone())
        .or_else(|| text::tidy_opt(Some(&options.deed_kk)))
        .unwrap_or_else(|| template.text.name_kk.clone());
    Ok(Batch {
        id: clock::new_id(),
        on,
        reason: reason.chars().take(REASON_MAX).collect(),
        template,
        campaign,
        letterhead,
        items,
    })
}

/// The office as the QR code names it: the first line of the Kazakh letterhead.
fn office(letterhead: &Letterhead) -> String {
    letterhead
        .header_kk
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_owned()
}

/// Numbers the batch's pages and writes their register rows; call inside the transaction
/// that also writes the PDF, so a failed or cancelled print leaves no numbers used.
pub fn record(conn: &Connection, batch: &mut Batch) -> Result<Vec<IssuedDocument>, Problem> {
    let year = batch.on.year();
    let first = numbering::next_seq(conn, year)?;
    let office = office(&batch.letterhead);
    let operator = settings::operator(conn)?;
    let now = clock::now();
    let mut ids = Vec::with_capacity(batch.items.len());
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO issued_documents (id, year, seq, number, issued_on, kind, template_id,
                batch_id, recipient, volunteer_id, campaign_id, reason, signatory, hash, page,
                issued_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17)",
        )
        .map_err(DbError::from)?;
    for (seq, (r, page)) in (first..).zip(batch.items.iter_mut()) {
        let number = numbering::format(&batch.letterhead.number_format, year, seq);
        let recipient = r.full_name();
        let issued_on = batch.on.to_string();
        let hash = verify::short_hash(&number, &issued_on, &recipient, &office);
        page.number = format!("№ {number}");
        page.qr = verify::payload(&number, &office, &hash);
        let json = serde_json::to_string(page)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        let id = clock::new_id();
        insert
            .execute(params![
                id,
                year,
                seq,
                number,
                issued_on,
                batch.template.text.kind.stored(),
                batch.template.id,
                batch.id,
                recipient,
                r.volunteer_id,
                batch.campaign.as_ref().map(|c| &c.id),
                batch.reason,
                batch.template.text.signatory,
                hash,
                json,
                operator,
                now
            ])
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    // Another office format produced a number already used this year.
                    Problem::new(ErrorCode::NumberFormatInvalid)
                        .with("reason", "taken")
                        .with("number", &number)
                }
                e => DbError::from(e).into(),
            })?;
        recipients::remember(conn, r)?;
        ids.push(id);
    }
    ids.iter().map(|id| get(conn, id)).collect()
}

const SELECT: &str = "SELECT d.id, d.number, d.issued_on, d.kind, d.template_id, t.name_kk,
        t.name_ru, d.batch_id, d.recipient, d.volunteer_id, d.campaign_id, d.reason,
        d.signatory, d.hash, d.issued_by, d.cancelled_at, d.cancelled_by, d.cancel_reason
    FROM issued_documents d LEFT JOIN letter_templates t ON t.id = d.template_id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<IssuedDocument> {
    let names: (Option<String>, Option<String>) = (r.get(5)?, r.get(6)?);
    Ok(IssuedDocument {
        id: r.get(0)?,
        number: r.get(1)?,
        issued_on: r.get::<_, String>(2)?.parse().unwrap_or(NaiveDate::MIN),
        kind: DocumentKind::parse(&r.get::<_, String>(3)?),
        template_id: r.get(4)?,
        template: match names {
            (Some(kk), Some(ru)) => Some(Names { kk, ru }),
            _ => None,
        },
        batch_id: r.get(7)?,
        recipient: r.get(8)?,
        volunteer_id: r.get(9)?,
        campaign_id: r.get(10)?,
        reason: r.get(11)?,
        signatory: r.get(12)?,
        hash: r.get(13)?,
        issued_by: r.get(14)?,
        cancelled_at: r.get(15)?,
        cancelled_by: r.get(16)?,
        cancel_reason: r.get(17)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<IssuedDocument, Problem> {
    conn.query_row(&format!("{SELECT} WHERE d.id = ?1"), [id], from_row)
        .optional()
        .map_err(DbError::from)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegisterFilter {
    /// Part of the recipient's name (any spelling) or of the number.
    pub text: String,
    pub year: Option<i32>,
    pub batch_id: Option<String>,
}

/// The newest documents first, at most `LIST_LIMIT`.
pub fn list(conn: &Connection, f: &RegisterFilter) -> Result<Vec<IssuedDocument>, Problem> {
    let folded = text::fold(&f.text);
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE (?1 IS NULL OR d.year = ?1) AND (?2 IS NULL OR d.batch_id = ?2)
             ORDER BY d.year DESC, d.seq DESC"
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map(params![f.year, f.batch_id], from_row)
        .map_err(DbError::from)?;
    let mut out = Vec::new();
    // The fold is Rust (Kazakh/Russian/Latin spellings), so the name filter runs here; a
    // register holds thousands of rows, not millions.
    for row in rows {
        let d = row.map_err(DbError::from)?;
        if folded.is_empty()
            || text::fold(&d.recipient).contains(&folded)
            || d.number.contains(f.text.trim())
        {
            out.push(d);
            if out.len() as u32 == LIST_LIMIT {
                break;
            }
        }
    }
    Ok(out)
}

/// The stored pages of `ids`, for a reprint identical to the original.
pub fn pages(conn: &Connection, ids: &[String]) -> Result<Vec<LetterPage>, Problem> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let json: String = conn
            .query_row(
                "SELECT page FROM issued_documents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(DbError::from)?
            .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))?;
        out.push(
            serde_json::from_str(&json)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?,
        );
    }
    Ok(out)
}

/// Cancels a document: it stays in the register, marked, and no longer verifies as valid.
pub fn cancel(conn: &Connection, id: &str, reason: &str) -> Result<IssuedDocument, Problem> {
    let mut c = crate::check::Checker::default();
    let reason = c.required("reason", reason, REASON_MAX);
    c.finish(())?;
    let d = get(conn, id)?;
    if d.cancelled_at.is_some() {
        return Err(Problem::new(ErrorCode::DocumentCancelled).with("number", &d.number));
    }
    conn.execute(
        "UPDATE issued_documents SET cancelled_at = ?2, cancelled_by = ?3, cancel_reason = ?4
         WHERE id = ?1",
        params![id, clock::now(), settings::operator(conn)?, reason],
    )
    .map_err(DbError::from)?;
    get(conn, id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum VerifyStatus {
    /// In the register, not cancelled, and the code's hash matches.
    Valid,
    /// In the register but cancelled.
    Cancelled,
    /// The number is in the register but the code's hash is not this document's: the
    /// paper was altered or made elsewhere.
    Altered,
    NotFound,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Verification {
    pub status: VerifyStatus,
    /// Whether a whole QR code was checked (hash included) or only a typed number.
    pub by_code: bool,
    pub document: Option<IssuedDocument>,
}

/// Checks what the verify screen was given: a scanned QR text or a typed number
/// («№ 12/2026», «12/2026»).
pub fn check(conn: &Connection, input: &str) -> Result<Verification, Problem> {
    let (number, hash) = match verify::parse(input) {
        Some((n, h)) => (n, Some(h)),
        None => (
            text::tidy(
                input
                    .trim()
                    .trim_start_matches('№')
                    .trim_start_matches("No"),
            ),
            None,
        ),
    };
    let found = conn
        .query_row(
            &format!("{SELECT} WHERE d.number = ?1"),
            [&number],
            from_row,
        )
        .optional()
        .map_err(DbError::from)?;
    let status = match &found {
        None => VerifyStatus::NotFound,
        Some(d)
            if hash
                .as_deref()
                .is_some_and(|h| !h.eq_ignore_ascii_case(&d.hash)) =>
        {
            VerifyStatus::Altered
        }
        Some(d) if d.cancelled_at.is_some() => VerifyStatus::Cancelled,
        Some(_) => VerifyStatus::Valid,
    };
    Ok(Verification {
        status,
        by_code: hash.is_some(),
        // An altered paper's register row is still shown: it says what the real one is.
        document: found,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::compose::Layout;
    use crate::Database;

    fn options(db: &Database) -> BatchOptions {
        BatchOptions {
            template_id: templates::find(db.conn(), "gratitude-deed").unwrap().id,
            layout: Layout::Bilingual,
            issued_on: Some("2026-11-20".into()),
            campaign_id: None,
            deed_kk: "қыс кезінде көмір жеткізуге көмектескеніңіз".into(),
            deed_ru: "помощь в доставке угля зимой".into(),
            period: String::new(),
        }
    }

    #[test]
    fn a_batch_is_numbered_per_year_verifies_and_cancels() {
        let mut db = Database::open_in_memory().unwrap();
        settings::set_office_name(db.conn(), "Ақсу ауылдық округі әкімінің аппараты").unwrap();
        let people = recipients::typed(
            db.conn(),
            "Серіков Дәурен Болатұлы\nВолкова Анастасия Сергеевна\nТоқаев Асхат Ерланұлы",
        )
        .unwrap();
        let opts = options(&db);
        let mut batch = prepare(db.conn(), &opts, &people).unwrap();
        let tx = db.conn_mut().transaction().unwrap();
        let issued = record(&tx, &mut batch).unwrap();
        tx.commit().unwrap();
        let numbers: Vec<_> = issued.iter().map(|d| d.number.as_str()).collect();
        assert_eq!(numbers, ["1/2026", "2/2026", "3/2026"]);
        assert_eq!(
            issued[0].reason,
            "қыс кезінде көмір жеткізуге көмектескеніңіз"
        );
        let page = &batch.items[0].1;
        assert_eq!(page.number, "№ 1/2026");
        assert_eq!(page.sides.len(), 2);
        assert_eq!(page.sides[0].addressee, "Серіков Дәурен Болатұлына");
        assert_eq!(
            page.sides[0].header,
            ["Ақсу ауылдық округі әкімінің аппараты"]
        );
        assert!(page.sides[1].body.contains("помощь в доставке угля зимой"));
        assert_eq!(page.sides[0].place_date, "2026 жылғы 20 қараша");

        // The next batch continues the year; a batch in another year starts at 1.
        let mut next = prepare(db.conn(), &opts, &people[..1]).unwrap();
        assert_eq!(record(db.conn(), &mut next).unwrap()[0].number, "4/2026");
        let mut january = prepare(
            db.conn(),
            &BatchOptions {
                issued_on: Some("05.01.2027".into()),
                ..opts.clone()
            },
            &people[..1],
        )
        .unwrap();
        assert_eq!(record(db.conn(), &mut january).unwrap()[0].number, "1/2027");

        let code = page.qr.clone();
        let ok = check(db.conn(), &code).unwrap();
        assert_eq!((ok.status, ok.by_code), (VerifyStatus::Valid, true));
        assert_eq!(ok.document.unwrap().recipient, "Серіков Дәурен Болатұлы");
        assert_eq!(
            check(db.conn(), "№ 2/2026").unwrap().status,
            VerifyStatus::Valid
        );
        let forged = code.replace(&issued[0].hash, "0000000000");
        assert_eq!(
            check(db.conn(), &forged).unwrap().status,
            VerifyStatus::Altered
        );
        assert_eq!(
            check(db.conn(), "99/2026").unwrap().status,
            VerifyStatus::NotFound
        );

        assert_eq!(
            cancel(db.conn(), &issued[0].id, " ").unwrap_err().fields[0].field,
            "reason"
        );
        let c = cancel(db.conn(), &issued[0].id, "Аты қате жазылған").unwrap();
        assert_eq!(c.cancel_reason.as_deref(), Some("Аты қате жазылған"));
        assert_eq!(
            check(db.conn(), &code).unwrap().status,
            VerifyStatus::Cancelled
        );
        assert_eq!(
            cancel(db.conn(), &issued[0].id, "тағы").unwrap_err().code,
            ErrorCode::DocumentCancelled
        );

        let reprinted = pages(db.conn(), &[issued[1].id.clone()]).unwrap();
        assert_eq!(reprinted[0], batch.items[1].1);
        let found = list(
            db.conn(),
            &RegisterFilter {
                text: "volkova".into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].number, "2/2026");
        assert_eq!(
            list(db.conn(), &RegisterFilter::default()).unwrap()[0].number,
            "1/2027"
        );
    }

    #[test]
    fn a_recipient_without_an_addressee_line_or_a_missing_value_is_refused() {
        let db = Database::open_in_memory().unwrap();
        let mut people = recipients::typed(db.conn(), "Серіков Дәурен Болатұлы").unwrap();
        let mut opts = options(&db);
        opts.deed_ru = String::new();
        let e = prepare(db.conn(), &opts, &people).err().unwrap();
        assert_eq!(e.code, ErrorCode::TemplatePlaceholder);
        assert_eq!(
            (e.params["name"].as_str(), e.params["lang"].as_str()),
            ("deed", "ru")
        );
        people[0].dative_kk.text = " ".into();
        let e = prepare(db.conn(), &options(&db), &people).err().unwrap();
        assert_eq!(e.code, ErrorCode::RecipientIncomplete);
        assert_eq!(
            prepare(db.conn(), &options(&db), &[]).err().unwrap().code,
            ErrorCode::NoRecipients
        );
    }
}
