//! Who a batch is for: volunteers chosen by campaign, organisation and hours, or names typed
//! (or pasted) one per line. Each comes with the addressee line computed in both languages,
//! a flag where the rules are unsure, and the correction someone made before, if any —
//! stored on the volunteer, or by the name itself for typed names.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::grammar::{self, Doubt};
use crate::person::Sex;
use crate::problem::{ErrorCode, Problem};
use crate::settings::Language;
use crate::{clock, text};

/// More than this many names in one batch is a mistake (a pasted spreadsheet), not a batch.
pub const MAX_RECIPIENTS: usize = 5_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VolunteerFilter {
    /// Only volunteers with logged time in this campaign; their hours are the campaign's.
    pub campaign_id: Option<String>,
    pub organisation_id: Option<String>,
    /// At least this many minutes (in the campaign, or in total without one).
    pub min_minutes: Option<u32>,
}

/// One addressee line as the batch will print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NameForm {
    /// What will be printed: the correction if one was made, else the computed form.
    pub text: String,
    /// What the rules give.
    pub computed: String,
    /// Why the computed form needs a look (none once someone corrected it).
    pub doubt: Option<Doubt>,
    pub corrected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Recipient {
    pub volunteer_id: Option<String>,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub sex: Option<Sex>,
    /// Logged time that {hours} prints (0 for typed names).
    pub minutes: u32,
    pub dative_kk: NameForm,
    pub dative_ru: NameForm,
}

impl Recipient {
    pub fn full_name(&self) -> String {
        crate::family::full_name(&self.surname, &self.name, self.patronymic.as_deref())
    }

    pub fn dative(&self, lang: Language) -> &str {
        match lang {
            Language::Kk => &self.dative_kk.text,
            Language::Ru => &self.dative_ru.text,
        }
    }
}

/// `stored` is a form someone wrote or confirmed before: it is printed, and its doubt is
/// settled.
fn form(computed: grammar::Inflected, stored: Option<String>) -> NameForm {
    match stored.filter(|s| !s.trim().is_empty()) {
        Some(s) => NameForm {
            corrected: s != computed.text,
            text: s,
            computed: computed.text,
            doubt: None,
        },
        None => NameForm {
            text: computed.text.clone(),
            computed: computed.text,
            doubt: computed.doubt,
            corrected: false,
        },
    }
}

struct Person {
    volunteer_id: Option<String>,
    surname: String,
    name: String,
    patronymic: Option<String>,
    sex: Option<Sex>,
    minutes: u32,
    stored: [Option<String>; 2],
}

fn recipient(p: Person) -> Recipient {
    let [kk, ru] = p.stored;
    let computed =
        |lang| grammar::dative(lang, &p.surname, &p.name, p.patronymic.as_deref(), p.sex);
    Recipient {
        dative_kk: form(computed(Language::Kk), kk),
        dative_ru: form(computed(Language::Ru), ru),
        volunteer_id: p.volunteer_id,
        surname: p.surname,
        name: p.name,
        patronymic: p.patronymic,
        sex: p.sex,
        minutes: p.minutes,
    }
}

/// Active volunteers matching `f`, alphabetically, with their minutes.
pub fn volunteers(conn: &Connection, f: &VolunteerFilter) -> Result<Vec<Recipient>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT v.id, v.surname, v.name, v.patronymic, v.sex, v.dative_kk, v.dative_ru,
                    ifnull((SELECT sum(a.minutes) FROM volunteer_activities a
                            WHERE a.volunteer_id = v.id
                              AND (?1 IS NULL OR a.campaign_id = ?1)), 0) AS minutes
             FROM volunteers v
             WHERE v.active = 1
               AND (?2 IS NULL OR v.organisation_id = ?2)
               AND (?1 IS NULL OR EXISTS (SELECT 1 FROM volunteer_activities a
                                          WHERE a.volunteer_id = v.id AND a.campaign_id = ?1))
               AND minutes >= ?3
             ORDER BY v.sort_key",
        )
        .map_err(DbError::from)?;
    let people = stmt
        .query_map(
            params![f.campaign_id, f.organisation_id, f.min_minutes.unwrap_or(0)],
            |r| {
                Ok(Person {
                    volunteer_id: Some(r.get(0)?),
                    surname: r.get(1)?,
                    name: r.get(2)?,
                    patronymic: r.get(3)?,
                    sex: r
                        .get::<_, Option<String>>(4)?
                        .as_deref()
                        .and_then(Sex::parse),
                    stored: [r.get(5)?, r.get(6)?],
                    minutes: r.get(7)?,
                })
            },
        )
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    Ok(people.into_iter().map(recipient).collect())
}

/// Names typed or pasted one per line, surname first («Серіков Дәурен Болатұлы»); blank
/// lines skipped, a name given twice kept once.
pub fn typed(conn: &Connection, lines: &str) -> Result<Vec<Recipient>, Problem> {
    let mut out: Vec<Recipient> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (n, line) in lines.lines().enumerate() {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || !seen.insert(text::fold(&words.join(" "))) {
            continue;
        }
        if words.len() < 2 {
            return Err(Problem::new(ErrorCode::RecipientIncomplete)
                .with("line", n + 1)
                .with("text", line.trim()));
        }
        if out.len() == MAX_RECIPIENTS {
            return Err(Problem::new(ErrorCode::TooManyRecipients).with("max", MAX_RECIPIENTS));
        }
        let surname = words[0].to_owned();
        let name = words[1].to_owned();
        let patronymic = (words.len() > 2).then(|| words[2..].join(" "));
        let nominative = text::tidy(&words.join(" "));
        let stored = [
            stored_form(conn, &nominative, Language::Kk)?,
            stored_form(conn, &nominative, Language::Ru)?,
        ];
        out.push(recipient(Person {
            volunteer_id: None,
            surname,
            name,
            patronymic,
            sex: None,
            minutes: 0,
            stored,
        }));
    }
    Ok(out)
}

fn stored_form(
    conn: &Connection,
    nominative: &str,
    lang: Language,
) -> Result<Option<String>, Problem> {
    Ok(conn
        .query_row(
            "SELECT dative FROM name_datives WHERE nominative = ?1 AND lang = ?2",
            params![nominative, lang.code()],
            |r| r.get(0),
        )
        .optional()
        .map_err(DbError::from)?)
}

/// `r` with its sex set by the person checking the batch, where the rules could not tell
/// it from the name: the addressee lines computed again for it.
pub fn with_sex(r: &Recipient, sex: Sex) -> Recipient {
    let again = recipient(Person {
        volunteer_id: r.volunteer_id.clone(),
        surname: r.surname.clone(),
        name: r.name.clone(),
        patronymic: r.patronymic.clone(),
        sex: Some(sex),
        minutes: r.minutes,
        stored: [None, None],
    });
    Recipient {
        // A line someone already corrected stays as they wrote it.
        dative_kk: if r.dative_kk.corrected {
            r.dative_kk.clone()
        } else {
            again.dative_kk
        },
        dative_ru: if r.dative_ru.corrected {
            r.dative_ru.clone()
        } else {
            again.dative_ru
        },
        ..again
    }
}

/// The sex the next batch will know for `r`: the volunteer's record, none for a typed name.
fn sex_on_record(conn: &Connection, r: &Recipient) -> Result<Option<Sex>, Problem> {
    let Some(id) = &r.volunteer_id else {
        return Ok(None);
    };
    let stored: Option<Option<String>> = conn
        .query_row("SELECT sex FROM volunteers WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()
        .map_err(DbError::from)?;
    Ok(stored.flatten().as_deref().and_then(Sex::parse))
}

/// Remembers the forms printed for `r` that differ from the computed ones or settle a doubt
/// (and forgets a correction put back to an undoubted computed form), so the next batch
/// proposes them. A line made certain by a sex chosen on the batch screen is remembered
/// too: the next batch would not know that sex.
pub fn remember(conn: &Connection, r: &Recipient) -> Result<(), Problem> {
    let recomputed = recipient(Person {
        volunteer_id: None,
        surname: r.surname.clone(),
        name: r.name.clone(),
        patronymic: r.patronymic.clone(),
        sex: sex_on_record(conn, r)?,
        minutes: 0,
        stored: [None, None],
    });
    for (lang, given, computed) in [
        (Language::Kk, &r.dative_kk.text, &recomputed.dative_kk),
        (Language::Ru, &r.dative_ru.text, &recomputed.dative_ru),
    ] {
        let given = text::tidy(given);
        let correction = (!given.is_empty()
            && (given != computed.computed || computed.doubt.is_some()))
        .then_some(given);
        match &r.volunteer_id {
            Some(id) => {
                let sql = match lang {
                    Language::Kk => "UPDATE volunteers SET dative_kk = ?2 WHERE id = ?1",
                    Language::Ru => "UPDATE volunteers SET dative_ru = ?2 WHERE id = ?1",
                };
                conn.execute(sql, params![id, correction])
                    .map_err(DbError::from)?;
            }
            None => {
                let nominative = text::tidy(&r.full_name());
                match correction {
                    Some(c) => conn.execute(
                        "INSERT INTO name_datives (nominative, lang, dative, updated_at)
                         VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (nominative, lang) DO UPDATE
                         SET dative = excluded.dative, updated_at = excluded.updated_at",
                        params![nominative, lang.code(), c, clock::now()],
                    ),
                    None => conn.execute(
                        "DELETE FROM name_datives WHERE nominative = ?1 AND lang = ?2",
                        params![nominative, lang.code()],
                    ),
                }
                .map_err(DbError::from)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::volunteers::{self, ActivityInput, ActivityKind, VolunteerInput};
    use crate::Database;

    fn volunteer(db: &mut Database, surname: &str, name: &str, patronymic: &str) -> String {
        volunteers::create(
            db,
            &VolunteerInput {
                surname: surname.into(),
                name: name.into(),
                patronymic: Some(patronymic.into()),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    }

    #[test]
    fn typed_names_get_both_datives_doubts_and_remembered_corrections() {
        let db = Database::open_in_memory().unwrap();
        let list = typed(
            db.conn(),
            "Серіков Дәурен Болатұлы\n\n  Волкова  Анастасия Сергеевна \nсеріков дәурен болатұлы\nКим Игорь",
        )
        .unwrap();
        assert_eq!(list.len(), 3, "the repeated name is kept once");
        assert_eq!(list[0].dative_kk.text, "Серіков Дәурен Болатұлына");
        assert_eq!(list[1].dative_ru.text, "Волковой Анастасии Сергеевне");
        assert_eq!(
            list[2].dative_kk.doubt,
            Some(Doubt::SoftSign),
            "{:?}",
            list[2]
        );

        let mut fixed = list[2].clone();
        fixed.dative_kk.text = "Ким Игорьге".into();
        remember(db.conn(), &fixed).unwrap();
        let again = typed(db.conn(), "Ким  Игорь").unwrap();
        assert_eq!(again[0].dative_kk.text, "Ким Игорьге");
        assert!(!again[0].dative_kk.corrected, "confirmed as computed");
        assert_eq!(
            again[0].dative_kk.doubt, None,
            "the doubt is settled {again:?}"
        );
        let mut fixed = again[0].clone();
        fixed.dative_kk.text = "Ким Игорьға".into();
        remember(db.conn(), &fixed).unwrap();
        let third = typed(db.conn(), "Ким Игорь").unwrap();
        assert_eq!(third[0].dative_kk.text, "Ким Игорьға");
        assert!(third[0].dative_kk.corrected);

        let e = typed(db.conn(), "Серіков Дәурен\nАсқар").unwrap_err();
        assert_eq!(e.code, ErrorCode::RecipientIncomplete);
        assert_eq!(e.params["line"], "2");
    }

    #[test]
    fn volunteers_are_chosen_by_campaign_and_hours_and_keep_their_correction_until_renamed() {
        let mut db = Database::open_in_memory().unwrap();
        let a = volunteer(&mut db, "Әлиев", "Нұрлан", "Бекұлы");
        let b = volunteer(&mut db, "Бекова", "Айгүл", "Серікқызы");
        volunteer(&mut db, "Жоқ", "Адам", "Ұлы");
        let c = crate::campaigns::create(
            &mut db,
            &crate::campaigns::CampaignInput {
                name: "Мектепке жол".into(),
                name_ru: None,
                kind: crate::campaigns::CampaignKind::School,
                starts_on: None,
                ends_on: None,
                organiser_id: None,
                funding_source_id: None,
                description: None,
            },
        )
        .unwrap();
        for (who, minutes) in [(&a, 240), (&b, 60), (&a, 120)] {
            volunteers::activities::log(
                &mut db,
                &ActivityInput {
                    volunteer_id: who.clone(),
                    on_date: Some("2026-09-01".into()),
                    campaign_id: Some(c.id.clone()),
                    kind: Some(ActivityKind::Delivery),
                    hours: (f64::from(minutes) / 60.0).to_string(),
                    notes: None,
                },
            )
            .unwrap();
        }
        let filter = VolunteerFilter {
            campaign_id: Some(c.id.clone()),
            ..Default::default()
        };
        let all = volunteers(db.conn(), &filter).unwrap();
        let names: Vec<_> = all
            .iter()
            .map(|r| (r.surname.as_str(), r.minutes))
            .collect();
        assert_eq!(names, [("Әлиев", 360), ("Бекова", 60)]);
        let busy = volunteers(
            db.conn(),
            &VolunteerFilter {
                min_minutes: Some(120),
                ..filter.clone()
            },
        )
        .unwrap();
        assert_eq!(busy.len(), 1);

        let mut fixed = all[1].clone();
        fixed.dative_ru.text = "Бековой Айгуль Сериккызы".into();
        remember(db.conn(), &fixed).unwrap();
        let again = volunteers(db.conn(), &filter).unwrap();
        assert_eq!(again[1].dative_ru.text, "Бековой Айгуль Сериккызы");
        assert!(again[1].dative_ru.corrected);

        let mut input = VolunteerInput {
            surname: "Бекова".into(),
            name: "Айгүл".into(),
            patronymic: Some("Серікқызы".into()),
            notes: Some("телефон ауысты".into()),
            ..Default::default()
        };
        volunteers::update(&mut db, &b, &input).unwrap();
        assert!(
            volunteers(db.conn(), &filter).unwrap()[1]
                .dative_ru
                .corrected,
            "same name"
        );
        input.surname = "Омарова".into();
        volunteers::update(&mut db, &b, &input).unwrap();
        let renamed = volunteers(db.conn(), &filter).unwrap();
        assert!(
            renamed.iter().all(|r| !r.dative_ru.corrected),
            "{renamed:?}"
        );
    }

    #[test]
    fn a_sex_chosen_on_the_batch_screen_settles_the_line_and_is_remembered() {
        let db = Database::open_in_memory().unwrap();
        let list = typed(db.conn(), "Ли Саша").unwrap();
        assert_eq!(list[0].dative_ru.doubt, Some(Doubt::UnknownSex));
        let her = with_sex(&list[0], Sex::Female);
        assert_eq!(her.sex, Some(Sex::Female));
        assert_eq!(her.dative_ru.text, "Ли Саше");
        assert_eq!(her.dative_ru.doubt, None);
        // Ким: a man's surname declines, a woman's ending in a consonant does not.
        let list = typed(db.conn(), "Ким Женя").unwrap();
        assert_eq!(with_sex(&list[0], Sex::Male).dative_ru.text, "Киму Жене");
        let her = with_sex(&list[0], Sex::Female);
        assert_eq!(her.dative_ru.text, "Ким Жене");
        remember(db.conn(), &her).unwrap();
        let again = typed(db.conn(), "Ким Женя").unwrap();
        assert_eq!(again[0].dative_ru.text, "Ким Жене");
        assert_eq!(again[0].dative_ru.doubt, None);
    }
}
