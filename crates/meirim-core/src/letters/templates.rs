//! The office's letter templates: the seven ready ones (migration 0004) and any it writes.
//! A template is checked before it is saved — an unknown or unclosed placeholder is a
//! field error in the editor, never a blank in a printed letter.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::letters::template::{fill, PLACEHOLDERS};
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, text};

const NAME_MAX: usize = 200;
const TITLE_MAX: usize = 100;
const BODY_MAX: usize = 3_000;
const LINE_MAX: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// Алғыс хат / Благодарственное письмо.
    Gratitude,
    /// Құрмет грамотасы / Почётная грамота.
    Diploma,
    Certificate,
}

impl DocumentKind {
    pub(crate) fn stored(self) -> &'static str {
        match self {
            DocumentKind::Gratitude => "gratitude",
            DocumentKind::Diploma => "diploma",
            DocumentKind::Certificate => "certificate",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "diploma" => DocumentKind::Diploma,
            "certificate" => DocumentKind::Certificate,
            _ => DocumentKind::Gratitude,
        }
    }
}

/// How the recipient stands on the page: a letter is addressed to someone (dative), a
/// diploma or certificate names the person it was given to (nominative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Addressee {
    Dative,
    Nominative,
}

impl Addressee {
    fn stored(self) -> &'static str {
        match self {
            Addressee::Dative => "dative",
            Addressee::Nominative => "nominative",
        }
    }

    fn parse(s: &str) -> Self {
        if s == "nominative" {
            Addressee::Nominative
        } else {
            Addressee::Dative
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LetterTemplate {
    pub id: String,
    /// The ready template it started as, if any («gratitude-campaign»).
    pub seed_code: Option<String>,
    #[serde(flatten)]
    pub text: TemplateInput,
    pub archived: bool,
    /// Documents issued from it: such a template can be archived but not forgotten.
    pub issued: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TemplateInput {
    pub kind: DocumentKind,
    pub addressee: Addressee,
    pub name_kk: String,
    pub name_ru: String,
    pub title_kk: String,
    pub title_ru: String,
    pub body_kk: String,
    pub body_ru: String,
    pub position_kk: String,
    pub position_ru: String,
    /// «А.Б. Серіков».
    pub signatory: String,
    /// Print «М.О.» / «М.П.» where the seal goes.
    pub seal: bool,
}

const SELECT: &str = "SELECT t.id, t.seed_code, t.kind, t.addressee, t.name_kk, t.name_ru,
        t.title_kk, t.title_ru, t.body_kk, t.body_ru, t.position_kk, t.position_ru,
        t.signatory, t.seal, t.archived,
        (SELECT count(*) FROM issued_documents d WHERE d.template_id = t.id)
    FROM letter_templates t";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LetterTemplate> {
    Ok(LetterTemplate {
        id: r.get(0)?,
        seed_code: r.get(1)?,
        text: TemplateInput {
            kind: DocumentKind::parse(&r.get::<_, String>(2)?),
            addressee: Addressee::parse(&r.get::<_, String>(3)?),
            name_kk: r.get(4)?,
            name_ru: r.get(5)?,
            title_kk: r.get(6)?,
            title_ru: r.get(7)?,
            body_kk: r.get(8)?,
            body_ru: r.get(9)?,
            position_kk: r.get(10)?,
            position_ru: r.get(11)?,
            signatory: r.get(12)?,
            seal: r.get(13)?,
        },
        archived: r.get(14)?,
        issued: r.get(15)?,
    })
}

/// Templates in the office's order; archived ones only when asked for.
pub fn list(conn: &Connection, with_archived: bool) -> Result<Vec<LetterTemplate>, Problem> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE t.archived = 0 OR ?1 ORDER BY t.archived, t.position, t.name_kk"
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([with_archived], from_row)
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: &str) -> Result<LetterTemplate, Problem> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], from_row)
        .optional()
        .map_err(DbError::from)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

/// By id, ready-template code («gratitude-campaign») or name in either language, for the CLI.
pub fn find(conn: &Connection, key: &str) -> Result<LetterTemplate, Problem> {
    let folded = text::fold(key);
    list(conn, true)?
        .into_iter()
        .find(|t| {
            t.id == key
                || t.seed_code.as_deref() == Some(key)
                || text::fold(&t.text.name_kk) == folded
                || text::fold(&t.text.name_ru) == folded
        })
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", key))
}

/// The problem with a body's placeholders, as the editor shows it on the field.
fn placeholder_problem(field: &str, body: &str) -> Option<FieldProblem> {
    let sample: BTreeMap<&str, String> = PLACEHOLDERS.iter().map(|p| (*p, "x".into())).collect();
    let (reason, name) = fill(body, &sample).err()?.parts();
    Some(
        FieldProblem::new(field, ErrorCode::TemplatePlaceholder)
            .with("reason", reason)
            .with("name", name),
    )
}

fn check(input: &TemplateInput) -> Result<TemplateInput, Problem> {
    let mut c = Checker::default();
    let name_kk = c.required("name_kk", &input.name_kk, NAME_MAX);
    let name_ru = c.required("name_ru", &input.name_ru, NAME_MAX);
    let title_kk = c.required("title_kk", &input.title_kk, TITLE_MAX);
    let title_ru = c.required("title_ru", &input.title_ru, TITLE_MAX);
    let mut body = |field: &str, value: &str| {
        let v = c
            .multiline(field, Some(value), BODY_MAX)
            .unwrap_or_default();
        if v.is_empty() {
            c.push(FieldProblem::new(field, ErrorCode::Required));
        } else if let Some(p) = placeholder_problem(field, &v) {
            c.push(p);
        }
        v
    };
    let body_kk = body("body_kk", &input.body_kk);
    let body_ru = body("body_ru", &input.body_ru);
    let position_kk = c
        .optional("position_kk", Some(&input.position_kk), LINE_MAX)
        .unwrap_or_default();
    let position_ru = c
        .optional("position_ru", Some(&input.position_ru), LINE_MAX)
        .unwrap_or_default();
    let signatory = c
        .optional("signatory", Some(&input.signatory), LINE_MAX)
        .unwrap_or_default();
    c.finish(TemplateInput {
        kind: input.kind,
        addressee: input.addressee,
        name_kk,
        name_ru,
        title_kk,
        title_ru,
        body_kk,
        body_ru,
        position_kk,
        position_ru,
        signatory,
        seal: input.seal,
    })
}

/// Saves a new template (`id` None) or changes one. Documents already issued keep the text
/// they were printed with: the register stores each page as printed.
pub fn save(
    db: &mut Database,
    id: Option<&str>,
    input: &TemplateInput,
) -> Result<LetterTemplate, Problem> {
    let t = check(input)?;
    let (id, sql) = match id {
        Some(id) => {
            get(db.conn(), id)?;
            (
                id.to_owned(),
                "UPDATE letter_templates SET kind = ?2, addressee = ?3, name_kk = ?4,
                    name_ru = ?5, title_kk = ?6, title_ru = ?7, body_kk = ?8, body_ru = ?9,
                    position_kk = ?10, position_ru = ?11, signatory = ?12, seal = ?13,
                    updated_at = ?14
                 WHERE id = ?1",
            )
        }
        None => (
            clock::new_id(),
            "INSERT INTO letter_templates (id, position, kind, addressee, name_kk, name_ru,
                title_kk, title_ru, body_kk, body_ru, position_kk, position_ru,
                signatory, seal, created_at, updated_at)
             VALUES (?1, (SELECT ifnull(max(position), 0) + 1 FROM letter_templates),
                     ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        ),
    };
    db.conn()
        .execute(
            sql,
            params![
                id,
                t.kind.stored(),
                t.addressee.stored(),
                t.name_kk,
                t.name_ru,
                t.title_kk,
                t.title_ru,
                t.body_kk,
                t.body_ru,
                t.position_kk,
                t.position_ru,
                t.signatory,
                t.seal,
                clock::now()
            ],
        )
        .map_err(DbError::from)?;
    get(db.conn(), &id)
}

/// Hides a template from the batch screen (or brings it back); issued documents keep it.
pub fn set_archived(conn: &Connection, id: &str, archived: bool) -> Result<(), Problem> {
    let n = conn
        .execute(
            "UPDATE letter_templates SET archived = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, archived, clock::now()],
        )
        .map_err(DbError::from)?;
    if n == 0 {
        return Err(Problem::new(ErrorCode::NotFound).with("id", id));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ready_templates_fill_and_each_kind_has_two_or_three() {
        let db = Database::open_in_memory().unwrap();
        let all = list(db.conn(), false).unwrap();
        assert_eq!(all.len(), 7);
        for t in &all {
            for body in [&t.text.body_kk, &t.text.body_ru] {
                assert_eq!(
                    placeholder_problem("body", body),
                    None,
                    "{}",
                    t.text.name_kk
                );
            }
        }
        for kind in [
            DocumentKind::Gratitude,
            DocumentKind::Diploma,
            DocumentKind::Certificate,
        ] {
            let n = all.iter().filter(|t| t.text.kind == kind).count();
            assert!((2..=3).contains(&n), "{kind:?}: {n}");
        }
        assert_eq!(
            find(db.conn(), "gratitude-campaign").unwrap().text.title_kk,
            "АЛҒЫС ХАТ"
        );
    }

    #[test]
    fn a_template_with_a_wrong_placeholder_is_refused_per_field_and_a_good_one_saved() {
        let mut db = Database::open_in_memory().unwrap();
        let mut input = find(db.conn(), "diploma-volunteer").unwrap().text;
        input.body_kk = "{period} аралығында {volunteer} үшін".into();
        input.body_ru = "за участие {campaign".into();
        let e = save(&mut db, None, &input).unwrap_err();
        let fields: Vec<_> = e
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.params.get("reason").cloned()))
            .collect();
        assert_eq!(
            fields,
            [
                ("body_kk", Some("unknown".to_owned())),
                ("body_ru", Some("unclosed".to_owned()))
            ]
        );
        input.body_kk = "{period} аралығындағы еңбегі үшін".into();
        input.body_ru = "за труд в период {period}".into();
        input.name_kk = "  Жаңа   грамота ".into();
        let saved = save(&mut db, None, &input).unwrap();
        assert_eq!(saved.text.name_kk, "Жаңа грамота");
        assert_eq!(saved.seed_code, None);
        set_archived(db.conn(), &saved.id, true).unwrap();
        assert_eq!(list(db.conn(), false).unwrap().len(), 7);
        assert_eq!(list(db.conn(), true).unwrap().len(), 8);
    }
}
