//! A synthetic district for demonstrations, screenshots, end-to-end tests and benchmarks.
//!
//! Deterministic: the same seed and "today" give the same district byte for byte — names,
//! ids and timestamps (the writes run under [`clock::pin_seeded`]) — so benchmark figures,
//! screenshots and tests can be reproduced. Ages, registration dates and the aid history are
//! laid out backwards from "today", so a district made any day looks current. Everything is
//! invented: names are combined at random and IINs are synthetic (valid checksums, never a
//! real person's number).

pub mod aid;

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::clock;
use crate::db::{Database, DbError};
use crate::family::store::{self, Indexing};
use crate::family::{
    AddressInput, ConsentForm, ConsentInput, ConsentStatus, Disability, Employment, FamilyInput,
    MemberInput, Relation,
};
use crate::iin::synthesize;
use crate::person::Sex;
use crate::problem::{ErrorCode, Problem};
use crate::reference;

const KK_MALE: &[&str] = &[
    "Ерлан",
    "Нұрлан",
    "Қайрат",
    "Серік",
    "Болат",
    "Асхат",
    "Дәулет",
    "Ержан",
    "Мұрат",
    "Ғалым",
    "Бауыржан",
    "Арман",
    "Ақжол",
    "Талғат",
    "Жандос",
    "Әлібек",
    "Ербол",
    "Самат",
    "Дархан",
    "Мейрам",
    "Ұлан",
    "Бекзат",
    "Нұржан",
    "Руслан",
    "Айдос",
];
const KK_FEMALE: &[&str] = &[
    "Әсел",
    "Айгүл",
    "Гүлнар",
    "Жанар",
    "Динара",
    "Сәуле",
    "Ақмарал",
    "Ләззат",
    "Меруерт",
    "Перизат",
    "Айжан",
    "Гүлмира",
    "Салтанат",
    "Назерке",
    "Айнұр",
    "Бибігүл",
    "Күлпаш",
    "Мөлдір",
    "Жұлдыз",
    "Әйгерім",
    "Асель",
    "Үміт",
    "Іңкәр",
    "Аружан",
    "Ботагөз",
];
/// Surname stems; the male form adds -ов/-ев, the female -ова/-ева.
const KK_SURNAME_STEMS: &[(&str, &str)] = &[
    ("Ахмет", "ов"),
    ("Серік", "ов"),
    ("Омар", "ов"),
    ("Жұмаба", "ев"),
    ("Нұрлан", "ов"),
    ("Төлеген", "ов"),
    ("Бекмұхамбет", "ов"),
    ("Сейіт", "ов"),
    ("Қасым", "ов"),
    ("Есен", "ов"),
    ("Мұқан", "ов"),
    ("Оспан", "ов"),
    ("Исабек", "ов"),
    ("Сұлтан", "ов"),
    ("Тоқа", "ев"),
    ("Кенже", "ев"),
    ("Байжан", "ов"),
    ("Әли", "ев"),
    ("Рахым", "ов"),
    ("Әбдірахман", "ов"),
    ("Жақып", "ов"),
    ("Сәрсенба", "ев"),
    ("Құдайберген", "ов"),
    ("Ыдырыс", "ов"),
    ("Үсен", "ов"),
];
const RU_MALE: &[(&str, &str, &str)] = &[
    ("Сергей", "Сергеевич", "Сергеевна"),
    ("Александр", "Александрович", "Александровна"),
    ("Николай", "Николаевич", "Николаевна"),
    ("Виктор", "Викторович", "Викторовна"),
    ("Андрей", "Андреевич", "Андреевна"),
    ("Владимир", "Владимирович", "Владимировна"),
    ("Юрий", "Юрьевич", "Юрьевна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"),
];
const RU_FEMALE: &[&str] = &[
    "Елена",
    "Ольга",
    "Наталья",
    "Татьяна",
    "Мария",
    "Юлия",
    "Светлана",
    "Людмила",
    "Ирина",
];
/// (male, female) forms; Korean and Ukrainian surnames do not change.
const RU_SURNAMES: &[(&str, &str)] = &[
    ("Иванов", "Иванова"),
    ("Петров", "Петрова"),
    ("Кузнецов", "Кузнецова"),
    ("Попов", "Попова"),
    ("Смирнов", "Смирнова"),
    ("Волков", "Волкова"),
    ("Ким", "Ким"),
    ("Цой", "Цой"),
    ("Шевченко", "Шевченко"),
    ("Бондаренко", "Бондаренко"),
];
const ARCHIVE_REASONS: &[&str] = &[
    "Басқа ауданға көшті",
    "Табысы артты, көмек қажет емес",
    "Переехали в город",
];
const DISTRICT: &str = "Сайрам ауданы";
/// Rural okrugs of the synthetic district and their villages.
const OKRUGS: &[(&str, &[&str])] = &[
    ("Ақсу ауылдық округі", &["Ақсу", "Ақбастау", "Көлкент"]),
    ("Қарабұлақ ауылдық округі", &["Қарабұлақ", "Жаңаталап"]),
    ("Манкент ауылдық округі", &["Манкент", "Таскешу", "Бескепе"]),
    ("Қарамұрт ауылдық округі", &["Қарамұрт", "Айнатас"]),
    (
        "Жібек жолы ауылдық округі",
        &["Жібек жолы", "Құтарыс", "Ынтымақ"],
    ),
];
const STREETS: &[&str] = &[
    "Абай көшесі",
    "Төле би көшесі",
    "Жамбыл көшесі",
    "Бейбітшілік көшесі",
    "Тәуелсіздік көшесі",
    "Наурыз көшесі",
    "Достық көшесі",
    "Әл-Фараби көшесі",
];
/// Category code and the share of families that have it.
const CATEGORY_SHARES: &[(&str, f64)] = &[
    ("low-income", 0.35),
    ("large-family", 0.22),
    ("disability", 0.08),
    ("child-disability", 0.04),
    ("lost-breadwinner", 0.05),
    ("single-mother", 0.10),
    ("incomplete-family", 0.08),
    ("lonely-elderly", 0.06),
    ("pensioner", 0.18),
    ("wwii-veteran", 0.001),
    ("home-front-worker", 0.005),
    ("veteran", 0.02),
    ("kandas", 0.03),
    ("tsa-recipient", 0.12),
];

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

struct Generator {
    rng: ChaCha8Rng,
    used_iins: HashSet<String>,
    oblast_id: Option<String>,
    categories: Vec<(String, f64)>,
    large_family_id: Option<String>,
    phones: Vec<String>,
    today: NaiveDate,
}

impl Generator {
    /// A name for someone of `sex`; `family_surname` keeps one family's surname.
    fn name(&mut self, sex: Sex, family_surname: Option<&str>, father: Option<&str>) -> Names3 {
        let rng = &mut self.rng;
        let kazakh = family_surname.map_or_else(|| rng.random_bool(0.8), is_kazakh_surname);
        let father = father.map(str::to_owned).unwrap_or_else(|| {
            if kazakh {
                (*pick(rng, KK_MALE)).to_owned()
            } else {
                pick(rng, RU_MALE).0.to_owned()
            }
        });
        if kazakh {
            let name = match sex {
                Sex::Male => *pick(rng, KK_MALE),
                Sex::Female => *pick(rng, KK_FEMALE),
            };
            let suffix = if sex == Sex::Male {
                "ұлы"
            } else {
                "қызы"
            };
            let surname = match family_surname {
                Some(s) => surname_for(s, sex),
                None if rng.random_bool(0.1) => {
                    // Newer style: the patronymic form is the surname, no separate patronymic.
                    return (format!("{father}{suffix}"), name.to_owned(), None);
                }
                None => {
                    let (stem, ending) = *pick(rng, KK_SURNAME_STEMS);
                    let female = if sex == Sex::Female { "а" } else { "" };
                    format!("{stem}{ending}{female}")
                }
            };
            (surname, name.to_owned(), Some(format!("{father}{suffix}")))
        } else {
            let patronymic = RU_MALE
                .iter()
                .find(|(n, _, _)| *n == father)
                .map(|(_, m, f)| if sex == Sex::Male { *m } else { *f })
                .unwrap_or(if sex == Sex::Male {
                    "Сергеевич"
                } else {
                    "Сергеевна"
                });
            let surname = match family_surname {
                Some(s) => surname_for(s, sex),
                None => {
                    let (m, f) = *pick(rng, RU_SURNAMES);
                    (if sex == Sex::Male { m } else { f }).to_owned()
                }
            };
            let name = match sex {
                Sex::Male => pick(rng, RU_MALE).0,
                Sex::Female => *pick(rng, RU_FEMALE),
            };
            (surname, name.to_owned(), Some(patronymic.to_owned()))
        }
    }

    fn member(
        &mut self,
        sex: Sex,
        born: (i32, i32),
        relation: Option<Relation>,
        names: Names3,
    ) -> MemberInput {
        let birth = self.birth_date(born);
        let iin = self.iin(birth, sex);
        let age = crate::family::age_on(birth, self.today);
        let rng = &mut self.rng;
        let retire = if sex == Sex::Male { 63 } else { 61 };
        let disability = rng.random_bool(0.05).then(|| {
            if age < 18 {
                Disability::Child
            } else {
                *pick(
                    rng,
                    &[Disability::Group1, Disability::Group2, Disability::Group3],
                )
            }
        });
        let student = (16..23).contains(&age) && rng.random_bool(0.5);
        let employment = (18..retire).contains(&age).then(|| {
            if rng.random_bool(0.6) {
                Employment::Works
            } else {
                Employment::Unemployed
            }
        });
        MemberInput {
            id: None,
            is_head: relation.is_none(),
            relation,
            surname: names.0,
            name: names.1,
            patronymic: names.2,
            iin,
            birth_date: Some(birth.to_string()),
            sex: Some(sex),
            disability,
            pensioner: age >= retire,
            student,
            employment,
            phone: None,
        }
    }

    fn birth_date(&mut self, (from, to): (i32, i32)) -> NaiveDate {
        let year = self.rng.random_range(from..=to);
        let month = self.rng.random_range(1..=12);
        let day = self.rng.random_range(1..=28);
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    /// 95 % of people have an IIN on file; each is unique in the registry.
    fn iin(&mut self, birth: NaiveDate, sex: Sex) -> Option<String> {
        if !self.rng.random_bool(0.95) {
            return None;
        }
        let start = self.rng.random_range(0..9000);
        (start..start + 1000)
            .filter_map(|serial| synthesize(birth, sex, serial))
            .map(|iin| iin.as_str().to_owned())
            .find(|iin| self.used_iins.insert(iin.clone()))
    }

    fn sex(&mut self, female_share: f64) -> Sex {
        if self.rng.random_bool(female_share) {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// Head, perhaps a spouse, children (more in large families), sometimes a grandparent:
    /// about four people on average.
    fn members(&mut self) -> Vec<MemberInput> {
        let head_sex = self.sex(0.6);
        let lone_elderly = self.rng.random_bool(0.07);
        // Year spans as offsets from this year (written for 2026: 1938–1960 and 1955–2002).
        let y = self.today.year();
        let head_born = if lone_elderly {
            (y - 88, y - 66)
        } else {
            (y - 71, y - 24)
        };
        let names = self.name(head_sex, None, None);
        let head = self.member(head_sex, head_born, None, names);
        let head_year: i32 = head
            .birth_date
            .as_deref()
            .and_then(|d| d.get(..4)?.parse().ok())
            .unwrap_or(y - 46);
        let surname = head.surname.clone();
        let father = match head_sex {
            Sex::Male => Some(head.name.clone()),
            Sex::Female => None,
        };
        let mut members = vec![head];
        if lone_elderly {
            return members;
        }
        if self.rng.random_bool(0.55) {
            let sex = if head_sex == Sex::Male {
                Sex::Female
            } else {
                Sex::Male
            };
            let born = (head_year - 5, (head_year + 5).min(y - 22));
            let names = self.name(sex, Some(&surname), None);
            members.push(self.member(sex, born, Some(Relation::Spouse), names));
        }
        let children = if self.rng.random_bool(0.25) {
            self.rng.random_range(4..=7)
        } else {
            self.rng.random_range(0..=3)
        };
        let young = (head_year + 19).max(y - 51);
        for _ in 0..children {
            let sex = self.sex(0.5);
            let names = self.name(sex, Some(&surname), father.as_deref());
            let born = (young.min(y - 1), (head_year + 45).clamp(young, y - 1));
            members.push(self.member(sex, born, Some(Relation::Child), names));
        }
        if self.rng.random_bool(0.1) && head_year > y - 61 {
            let sex = self.sex(0.7);
            let names = self.name(sex, None, None);
            members.push(self.member(sex, (y - 88, head_year - 18), Some(Relation::Parent), names));
        }
        members
    }

    fn family(&mut self) -> FamilyInput {
        let members = self.members();
        let minors = members
            .iter()
            .filter_map(|m| crate::date::parse(m.birth_date.as_deref()?))
            .filter(|b| crate::family::age_on(*b, self.today) < 18)
            .count();
        let y = self.today.year();
        let registered = self.birth_date((y - 11, y - 1));
        let rng = &mut self.rng;
        let (okrug, villages) = *pick(rng, OKRUGS);
        let village = *pick(rng, villages);
        let street = (*pick(rng, STREETS)).to_owned();
        let house = rng.random_range(1..=120).to_string();
        let phone = if rng.random_bool(0.004) && !self.phones.is_empty() {
            // A relative's phone given by two households: the duplicate scan finds these.
            Some(self.phones[rng.random_range(0..self.phones.len())].clone())
        } else {
            rng.random_bool(0.85).then(|| {
                let operator = *pick(
                    rng,
                    &["701", "702", "705", "707", "747", "771", "775", "778"],
                );
                format!("+7{operator}{:07}", rng.random_range(0..10_000_000))
            })
        };
        if let Some(p) = &phone {
            if self.phones.len() < 10_000 {
                self.phones.push(p.clone());
            }
        }
        let consent_given = rng.random_bool(0.92);
        let income = rng.random_range(15..=95) * 1000;
        let mut category_ids: Vec<String> = self
            .categories
            .iter()
            .filter(|(id, share)| {
                if Some(id) == self.large_family_id.as_ref() {
                    // Most large families have the category; a few are waiting for it.
                    minors >= 4 && self.rng.random_bool(0.95)
                } else {
                    self.rng.random_bool(*share)
                }
            })
            .map(|(id, _)| id.clone())
            .collect();
        if category_ids.is_empty() {
            // Every registered family is there for a reason: draw one by the same shares.
            let total: f64 = self.categories.iter().map(|(_, share)| share).sum();
            let mut point = self.rng.random_range(0.0..total.max(f64::MIN_POSITIVE));
            for (id, share) in &self.categories {
                if point < *share {
                    category_ids.push(id.clone());
                    break;
                }
                point -= share;
            }
            // Rounding can leave `point` just past the last share.
            if category_ids.is_empty() {
                if let Some((id, _)) = self.categories.last() {
                    category_ids.push(id.clone());
                }
            }
        }
        FamilyInput {
            members,
            phone,
            address: AddressInput {
                oblast_id: self.oblast_id.clone(),
                district: Some(DISTRICT.to_owned()),
                rural_okrug: Some(okrug.to_owned()),
                village: Some(village.to_owned()),
                street: Some(street),
                house: Some(house),
                flat: None,
            },
            housing_notes: None,
            income_per_person: Some(income.to_string()),
            registered_on: Some(registered.to_string()),
            category_ids,
            notes: None,
            consent: if consent_given {
                ConsentInput {
                    status: ConsentStatus::Given,
                    date: Some(registered.to_string()),
                    form: Some(ConsentForm::Paper),
                    until: None,
                    recorded_by: Some("Демо".to_owned()),
                }
            } else {
                ConsentInput::default()
            },
            accept_duplicates: true,
        }
    }
}

type Names3 = (String, String, Option<String>);

fn is_kazakh_surname(s: &str) -> bool {
    !RU_SURNAMES.iter().any(|(m, f)| s == *m || s == *f)
        && !RU_MALE.iter().any(|(n, _, _)| s.starts_with(n))
}

/// The same family name for a relative of `sex`: Ахметов → Ахметова, Серікқызы → Серікұлы.
fn surname_for(s: &str, sex: Sex) -> String {
    let swap = |from: &str, to: &str| s.strip_suffix(from).map(|stem| format!("{stem}{to}"));
    let changed = match sex {
        Sex::Female => swap("ов", "ова")
            .or_else(|| swap("ев", "ева"))
            .or_else(|| swap("ин", "ина"))
            .or_else(|| swap("ұлы", "қызы")),
        Sex::Male => swap("ова", "ов")
            .or_else(|| swap("ева", "ев"))
            .or_else(|| swap("ина", "ин"))
            .or_else(|| swap("қызы", "ұлы")),
    };
    changed.unwrap_or_else(|| s.to_owned())
}

/// `count` invented people, surname first («Серіков Дәурен Болатұлы»), one per line: the
/// recipients of the letters benchmark. Same seed, same names.
pub fn people(count: usize, seed: u64) -> String {
    let mut g = Generator {
        rng: ChaCha8Rng::seed_from_u64(seed),
        used_iins: HashSet::new(),
        oblast_id: None,
        categories: Vec::new(),
        large_family_id: None,
        phones: Vec::new(),
        // Names do not depend on the day.
        today: NaiveDate::default(),
    };
    let mut seen = HashSet::new();
    let mut out = String::with_capacity(count * 40);
    // Names repeat; a batch keeps a repeated name once, so draw until `count` differ.
    for i in 0..count * 50 {
        if seen.len() == count {
            break;
        }
        let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
        let (surname, name, patronymic) = g.name(sex, None, None);
        let line = [Some(surname), Some(name), patronymic]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if seen.insert(line.clone()) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Fills an empty registry with `families` synthetic families in one transaction, as of
/// `today`. Refuses a registry that already holds families, so an office's real data is
/// never mixed with invented records.
pub fn fill(db: &mut Database, families: u32, seed: u64, today: NaiveDate) -> Result<u32, Problem> {
    let existing: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM families", [], |r| r.get(0))
        .map_err(DbError::from)?;
    if existing > 0 {
        return Err(Problem::new(ErrorCode::DemoNeedsEmptyRegistry).with("count", existing));
    }
    let oblast_id = reference::oblasts(db.conn())?
        .into_iter()
        .find(|o| o.iso_code == "KZ-61")
        .map(|o| o.id);
    let shares: Vec<(String, f64)> = reference::categories(db.conn())?
        .into_iter()
        .filter_map(|c| {
            let code = c.code?;
            CATEGORY_SHARES
                .iter()
                .find(|(k, _)| *k == code)
                .map(|(_, share)| (c.id, *share))
        })
        .collect();
    let large_family_id = reference::categories(db.conn())?
        .into_iter()
        .find(|c| c.code.as_deref() == Some("large-family"))
        .map(|c| c.id);
    let mut generator = Generator {
        rng: ChaCha8Rng::seed_from_u64(seed),
        used_iins: HashSet::new(),
        oblast_id,
        categories: shares,
        large_family_id,
        phones: Vec::new(),
        today,
    };
    let archived_on = today
        .checked_sub_days(Days::new(150))
        .unwrap_or(today)
        .to_string();
    let _same_ids_and_times = clock::pin_seeded(today, seed);
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    for _ in 0..families {
        let input = generator.family();
        let id = store::create_in(&tx, &input, Indexing::Deferred)?;
        if generator.rng.random_bool(0.04) {
            let reason = *pick(&mut generator.rng, ARCHIVE_REASONS);
            tx.execute(
                "UPDATE families SET status = 'archived', status_reason = ?2, status_on = ?3
                 WHERE id = ?1",
                rusqlite::params![id, reason, archived_on],
            )
            .map_err(DbError::from)?;
        }
    }
    crate::family::index::rebuild(&tx)?;
    tx.commit().map_err(DbError::from)?;
    Ok(families)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::{search, SearchQuery};

    fn day(s: &str) -> NaiveDate {
        clock::parse_day(s).unwrap()
    }

    fn district(seed: u64, today: NaiveDate) -> Database {
        let mut db = Database::open_in_memory().unwrap();
        fill(&mut db, 150, seed, today).unwrap();
        aid::fill(&mut db, 1_000, seed, today).unwrap();
        db
    }

    /// Every row but the stock letter templates, which carry the moment the registry file
    /// was made, and the registry's own office with its own UUID (the rest of a new
    /// registry is the same in every office).
    fn demo_rows(seed: u64, today: NaiveDate) -> Vec<String> {
        let mut rows = crate::db::rows_as_text(district(seed, today).conn()).unwrap();
        rows.retain(|r| !r.starts_with("letter_templates: ") && !r.starts_with("offices: "));
        rows
    }

    #[test]
    fn same_seed_and_day_write_the_same_rows_ids_and_times_included() {
        let today = day("2026-11-01");
        let a = demo_rows(7, today);
        let b = demo_rows(7, today);
        assert!(a.len() > 2_000, "{}", a.len());
        assert_eq!(a, b);
        let ids = |rows: &[String]| -> Vec<String> {
            rows.iter()
                .filter(|r| r.starts_with("families: "))
                .map(|r| r.split(" | ").next().unwrap().to_owned())
                .collect()
        };
        assert_ne!(ids(&a), ids(&demo_rows(8, today)));
        // Written as of the given day, whatever the computer's date.
        let deliveries_after: i64 = district(7, today)
            .conn()
            .query_row(
                "SELECT count(*) FROM deliveries WHERE on_date > '2026-11-01'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(deliveries_after, 0);
    }

    #[test]
    fn a_district_made_another_day_is_laid_out_from_that_day() {
        let db = district(7, day("2031-01-01"));
        let count = |sql: &str| -> i64 { db.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            count("SELECT count(*) FROM deliveries WHERE on_date > '2031-01-01'"),
            0
        );
        assert!(count("SELECT count(*) FROM deliveries WHERE on_date >= '2030-01-01'") > 300);
        assert_eq!(
            count("SELECT count(*) FROM members WHERE birth_date > '2031-01-01'"),
            0
        );
        assert!(count("SELECT count(*) FROM members WHERE birth_date >= '2020-01-01'") > 20);
        assert_eq!(
            count("SELECT count(*) FROM families WHERE created_at NOT LIKE '2031-01-01T09:%'"),
            0
        );
    }

    fn everyone(db: &Database) -> Vec<(String, Option<String>)> {
        search(
            db,
            &SearchQuery {
                limit: 500,
                status: crate::family::StatusFilter::All,
                ..Default::default()
            },
        )
        .unwrap()
        .items
        .into_iter()
        .map(|s| (s.head_name, s.iin))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
    }

    #[test]
    fn same_seed_same_district_other_seed_other_district() {
        let mut a = Database::open_in_memory().unwrap();
        let mut b = Database::open_in_memory().unwrap();
        let mut c = Database::open_in_memory().unwrap();
        let today = day("2026-11-01");
        fill(&mut a, 300, 7, today).unwrap();
        fill(&mut b, 300, 7, today).unwrap();
        fill(&mut c, 300, 8, today).unwrap();
        assert_eq!(everyone(&a), everyone(&b));
        assert_ne!(everyone(&a), everyone(&c));
    }

    #[test]
    fn families_are_valid_and_plausible() {
        let mut db = Database::open_in_memory().unwrap();
        assert_eq!(fill(&mut db, 2000, 1, day("2026-11-01")).unwrap(), 2000);
        let conn = db.conn();
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM families"), 2000);
        // About four people per family, one head each.
        let members = count("SELECT count(*) FROM members");
        assert!((6500..9500).contains(&members), "{members}");
        assert_eq!(
            count("SELECT count(*) FROM members WHERE is_head = 1"),
            2000
        );
        // Every stored IIN passed the core's checksum (create_in validates) and is unique.
        let iins = count("SELECT count(*) FROM members WHERE iin IS NOT NULL");
        assert!(iins * 100 > members * 90, "{iins} of {members}");
        let women = count("SELECT count(*) FROM members WHERE sex = 'female' AND is_head = 1");
        assert!((1050..1350).contains(&women), "{women}");
        // Large families carry the category, except a few the suggestion will point at.
        let large = count(
            "SELECT count(*) FROM family_categories fc JOIN categories c ON c.id = fc.category_id
             WHERE c.code = 'large-family'",
        );
        assert!((250..600).contains(&large), "{large}");
        let pending = count("SELECT count(*) FROM families WHERE consent = 'pending'");
        assert!((80..260).contains(&pending), "{pending}");
        // Every family is in the search index and list order.
        assert_eq!(
            count("SELECT count(*) FROM families WHERE list_pos IS NOT NULL"),
            2000
        );
        let low_income = count(
            "SELECT count(*) FROM family_categories fc JOIN categories c ON c.id = fc.category_id
             WHERE c.code = 'low-income'",
        );
        assert!((500..900).contains(&low_income), "{low_income}");
        let no_category = count(
            "SELECT count(*) FROM families f WHERE NOT EXISTS
             (SELECT 1 FROM family_categories WHERE family_id = f.id)",
        );
        assert_eq!(no_category, 0);
        // Kazakh letters are present in names, e.g. a -қызы patronymic.
        assert!(count("SELECT count(*) FROM members WHERE patronymic LIKE '%қызы'") > 100);
    }

    #[test]
    fn refuses_a_registry_that_already_has_families() {
        let mut db = Database::open_in_memory().unwrap();
        fill(&mut db, 3, 1, day("2026-11-01")).unwrap();
        let err = fill(&mut db, 3, 2, day("2026-11-01")).unwrap_err();
        assert_eq!(err.code, ErrorCode::DemoNeedsEmptyRegistry);
        assert_eq!(err.params.get("count").map(String::as_str), Some("3"));
    }
}
