//! A synthetic district for demonstrations, screenshots, end-to-end tests and benchmarks.
//!
//! Deterministic: the same seed gives the same families, so benchmark figures and
//! screenshots can be reproduced. Everything is invented: names are combined at random and
//! IINs are synthetic (valid checksums, never a real person's number).

use std::collections::HashSet;

use chrono::NaiveDate;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::db::{Database, DbError};
use crate::family::{store, AddressInput, FamilyInput, PersonInput};
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
}

impl Generator {
    fn person(&mut self) -> PersonInput {
        let rng = &mut self.rng;
        let sex = if rng.random_bool(0.6) {
            Sex::Female
        } else {
            Sex::Male
        };
        let kazakh = rng.random_bool(0.8);
        let (surname, name, patronymic) = if kazakh {
            let father = *pick(rng, KK_MALE);
            let name = match sex {
                Sex::Male => *pick(rng, KK_MALE),
                Sex::Female => *pick(rng, KK_FEMALE),
            };
            let suffix = if sex == Sex::Male {
                "ұлы"
            } else {
                "қызы"
            };
            if rng.random_bool(0.1) {
                // Newer style: the patronymic form is the surname, no separate patronymic.
                (format!("{father}{suffix}"), name.to_owned(), None)
            } else {
                let (stem, ending) = *pick(rng, KK_SURNAME_STEMS);
                let female = if sex == Sex::Female { "а" } else { "" };
                (
                    format!("{stem}{ending}{female}"),
                    name.to_owned(),
                    Some(format!("{father}{suffix}")),
                )
            }
        } else {
            // The father's name gives the patronymic.
            let (_, patr_m, patr_f) = *pick(rng, RU_MALE);
            let (sur_m, sur_f) = *pick(rng, RU_SURNAMES);
            match sex {
                Sex::Male => {
                    let (name, _, _) = *pick(rng, RU_MALE);
                    (sur_m.to_owned(), name.to_owned(), Some(patr_m.to_owned()))
                }
                Sex::Female => (
                    sur_f.to_owned(),
                    (*pick(rng, RU_FEMALE)).to_owned(),
                    Some(patr_f.to_owned()),
                ),
            }
        };
        let birth = self.birth_date();
        let iin = self.iin(birth, sex);
        PersonInput {
            surname,
            name,
            patronymic,
            iin,
            birth_date: Some(birth.to_string()),
            sex: Some(sex),
        }
    }

    fn birth_date(&mut self) -> NaiveDate {
        let year = self.rng.random_range(1940..=2004);
        let month = self.rng.random_range(1..=12);
        let day = self.rng.random_range(1..=28);
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    /// 95 % of heads have an IIN on file; each is unique in the registry.
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

    fn family(&mut self) -> FamilyInput {
        let head = self.person();
        let rng = &mut self.rng;
        let (okrug, villages) = *pick(rng, OKRUGS);
        let village = *pick(rng, villages);
        let street = format!("{}, {}", pick(rng, STREETS), rng.random_range(1..=120));
        let phone = rng.random_bool(0.85).then(|| {
            let operator = *pick(
                rng,
                &["701", "702", "705", "707", "747", "771", "775", "778"],
            );
            format!("+7{operator}{:07}", rng.random_range(0..10_000_000))
        });
        let mut category_ids: Vec<String> = self
            .categories
            .iter()
            .filter(|(_, share)| self.rng.random_bool(*share))
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
            head,
            phone,
            address: AddressInput {
                oblast_id: self.oblast_id.clone(),
                district: Some(DISTRICT.to_owned()),
                rural_okrug: Some(okrug.to_owned()),
                village: Some(village.to_owned()),
                street: Some(street),
            },
            category_ids,
            notes: None,
        }
    }
}

/// Fills an empty registry with `families` synthetic families in one transaction. Refuses
/// a registry that already holds families, so an office's real data is never mixed with
/// invented records.
pub fn fill(db: &mut Database, families: u32, seed: u64) -> Result<u32, Problem> {
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
    let mut generator = Generator {
        rng: ChaCha8Rng::seed_from_u64(seed),
        used_iins: HashSet::new(),
        oblast_id,
        categories: shares,
    };
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    for _ in 0..families {
        let input = generator.family();
        store::create_in(&tx, &input)?;
    }
    tx.commit().map_err(DbError::from)?;
    Ok(families)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::{search, SearchQuery};

    fn everyone(db: &Database) -> Vec<(String, Option<String>)> {
        search(
            db,
            &SearchQuery {
                text: String::new(),
                limit: 500,
                offset: 0,
            },
        )
        .unwrap()
        .items
        .into_iter()
        .map(|s| (s.head_name, s.iin))
        .collect()
    }

    #[test]
    fn same_seed_same_district_other_seed_other_district() {
        let mut a = Database::open_in_memory().unwrap();
        let mut b = Database::open_in_memory().unwrap();
        let mut c = Database::open_in_memory().unwrap();
        fill(&mut a, 300, 7).unwrap();
        fill(&mut b, 300, 7).unwrap();
        fill(&mut c, 300, 8).unwrap();
        assert_eq!(everyone(&a), everyone(&b));
        assert_ne!(everyone(&a), everyone(&c));
    }

    #[test]
    fn families_are_valid_and_plausible() {
        let mut db = Database::open_in_memory().unwrap();
        assert_eq!(fill(&mut db, 2000, 1).unwrap(), 2000);
        let conn = db.conn();
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM families"), 2000);
        // Every stored IIN passed the core's checksum (create_in validates) and is unique.
        let iins = count("SELECT count(*) FROM members WHERE iin IS NOT NULL");
        assert!((1800..2000).contains(&iins), "{iins}");
        let women = count("SELECT count(*) FROM members WHERE sex = 'female'");
        assert!((1050..1350).contains(&women), "{women}");
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
        fill(&mut db, 3, 1).unwrap();
        let err = fill(&mut db, 3, 2).unwrap_err();
        assert_eq!(err.code, ErrorCode::DemoNeedsEmptyRegistry);
        assert_eq!(err.params.get("count").map(String::as_str), Some("3"));
    }
}
