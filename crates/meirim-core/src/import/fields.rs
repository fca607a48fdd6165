//! The registry fields a column can feed, and the guess from a column's header in Kazakh,
//! Russian or English («Т.А.Ә.», «ФИО», «ЖСН», «ИИН», «Мекенжай», «Телефон», «Санаты»…).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// Rows with the same key are one family (one row per person).
    FamilyKey,
    /// Surname, name and patronymic in one cell.
    FullName,
    Surname,
    Name,
    Patronymic,
    Iin,
    BirthDate,
    Sex,
    Relation,
    Phone,
    Village,
    Street,
    House,
    Flat,
    /// A whole address in one cell.
    Address,
    Categories,
    RegisteredOn,
    Notes,
}

impl Field {
    /// The field's name as serialized («birth-date»), for messages and Fluent ids.
    pub fn code(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => format!("{self:?}"),
        }
    }
}

/// Header spellings, already normalised (see `key`).
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::FamilyKey,
        &[
            "отбасы",
            "отбасыno",
            "отбасынөмірі",
            "семья",
            "семьяno",
            "noсемьи",
            "номерсемьи",
            "family",
            "familyid",
            "familyno",
            "familykey",
        ],
    ),
    (
        Field::FullName,
        &[
            "таә",
            "тегіатыәкесініңаты",
            "атыжөні",
            "аты-жөні",
            "фио",
            "фамилияимяотчество",
            "fullname",
            "name surname",
            "fio",
        ],
    ),
    (Field::Surname, &["тегі", "фамилия", "surname", "lastname"]),
    (Field::Name, &["аты", "имя", "firstname", "name"]),
    (
        Field::Patronymic,
        &["әкесініңаты", "отчество", "patronymic", "middlename"],
    ),
    (Field::Iin, &["жсн", "иин", "iin", "жсниин", "иинжсн"]),
    (
        Field::BirthDate,
        &[
            "туғанкүні",
            "туғанжылы",
            "датарождения",
            "деньрождения",
            "birthdate",
            "dateofbirth",
            "dob",
        ],
    ),
    (Field::Sex, &["жынысы", "пол", "sex", "gender"]),
    (
        Field::Relation,
        &[
            "туыстығы",
            "туыстықдәрежесі",
            "родство",
            "степеньродства",
            "relation",
            "relationship",
        ],
    ),
    (
        Field::Phone,
        &[
            "телефон",
            "тел",
            "ұялытелефон",
            "байланыстелефоны",
            "phone",
            "mobile",
            "телефоннөмірі",
            "номертелефона",
        ],
    ),
    (
        Field::Village,
        &[
            "ауыл",
            "елдімекен",
            "село",
            "населенныйпункт",
            "населённыйпункт",
            "village",
            "settlement",
        ],
    ),
    (Field::Street, &["көше", "улица", "street"]),
    (
        Field::House,
        &["үй", "дом", "house", "үйнөмірі", "номердома"],
    ),
    (Field::Flat, &["пәтер", "квартира", "flat", "apartment"]),
    (
        Field::Address,
        &[
            "мекенжай",
            "мекенжайы",
            "адрес",
            "address",
            "тұратынмекенжайы",
            "адреспроживания",
        ],
    ),
    (
        Field::Categories,
        &[
            "санаты",
            "санаттары",
            "санат",
            "категория",
            "категории",
            "category",
            "categories",
        ],
    ),
    (
        Field::RegisteredOn,
        &[
            "тіркелгенкүні",
            "тіркелукүні",
            "датарегистрации",
            "датапостановкинаучет",
            "датапостановкинаучёт",
            "registeredon",
            "registrationdate",
        ],
    ),
    (
        Field::Notes,
        &[
            "ескерту",
            "ескертпе",
            "примечание",
            "примечания",
            "notes",
            "note",
            "comment",
        ],
    ),
];

/// A header reduced to its letters and digits, lowercase; a part in brackets is dropped
/// («ЖСН (ИИН)» → «жсн»), «№» becomes «no».
pub fn key(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '№' if depth == 0 => out.push_str("no"),
            c if depth == 0 && c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// The field a header names, if it is one Meirim knows.
pub fn suggest(header: &str) -> Option<Field> {
    let k = key(header);
    if k.is_empty() {
        return None;
    }
    SYNONYMS
        .iter()
        .find(|(_, names)| names.iter().any(|n| key(n) == k))
        .map(|(f, _)| *f)
}
