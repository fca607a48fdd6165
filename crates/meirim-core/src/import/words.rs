//! Words offices write for a member's relation to the head and for sex, in Kazakh and
//! Russian, as `text::fold` keys (so «Ұлы», «улы» and «uly» are one word).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::family::Relation;
use crate::person::Sex;
use crate::text;

/// What the relation cell says of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Head,
    Member(Relation),
}

const HEAD: &[&str] = &[
    "отбасы басшысы",
    "басшысы",
    "басшы",
    "өтініш беруші",
    "өзі",
    "глава",
    "глава семьи",
    "заявитель",
    "сам",
    "сама",
    "head",
];

const RELATIONS: &[(Relation, &[&str])] = &[
    (
        Relation::Spouse,
        &[
            "жұбайы",
            "зайыбы",
            "әйелі",
            "күйеуі",
            "супруг",
            "супруга",
            "жена",
            "муж",
            "spouse",
        ],
    ),
    (
        Relation::Child,
        &[
            "баласы",
            "ұлы",
            "қызы",
            "бала",
            "сын",
            "дочь",
            "ребенок",
            "ребёнок",
            "child",
            "son",
            "daughter",
        ],
    ),
    (
        Relation::Parent,
        &["анасы", "әкесі", "ата-анасы", "мать", "отец", "parent"],
    ),
    (
        Relation::Sibling,
        &[
            "ағасы",
            "інісі",
            "әпкесі",
            "апасы",
            "қарындасы",
            "сіңлісі",
            "бауыры",
            "брат",
            "сестра",
            "sibling",
        ],
    ),
    (
        Relation::Grandchild,
        &[
            "немересі",
            "жиені",
            "шөбересі",
            "внук",
            "внучка",
            "grandchild",
        ],
    ),
    (
        Relation::Grandparent,
        &["атасы", "әжесі", "дедушка", "бабушка", "grandparent"],
    ),
    (
        Relation::DaughterInLaw,
        &["келіні", "келін", "невестка", "сноха"],
    ),
    (Relation::SonInLaw, &["күйеу баласы", "зять"]),
    (
        Relation::OtherRelative,
        &["туысы", "туысқаны", "родственник", "родственница"],
    ),
    (Relation::Other, &["басқа", "другое", "иное", "other"]),
];

/// The role a relation cell names; `None` for a word not known.
pub fn role(cell: &str) -> Option<Role> {
    ROLES.get(&text::fold(cell)).copied()
}

/// Every word's key, folded once: a large list asks for a role on every row. A key some
/// word earlier in the lists already took keeps that first meaning (the head's words first).
static ROLES: LazyLock<HashMap<String, Role>> = LazyLock::new(|| {
    let mut roles = HashMap::new();
    let head = HEAD.iter().map(|w| (*w, Role::Head));
    let members = RELATIONS
        .iter()
        .flat_map(|(r, words)| words.iter().map(|w| (*w, Role::Member(*r))));
    for (word, role) in head.chain(members) {
        roles.entry(text::fold(word)).or_insert(role);
    }
    roles
});

/// Sex from «ер», «әйел», «муж.», «ж», «male»…
pub fn sex(cell: &str) -> Option<Sex> {
    let word = cell.trim().trim_end_matches('.').to_lowercase();
    Sex::parse(&word).or(match word.as_str() {
        "еркек" | "мужской" | "мужчина" => Some(Sex::Male),
        "әйелдер" | "женский" | "женщина" | "қыз" => Some(Sex::Female),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_in_both_languages() {
        assert_eq!(role("Ұлы"), Some(Role::Member(Relation::Child)));
        assert_eq!(role("дочь"), Some(Role::Member(Relation::Child)));
        assert_eq!(role("Жұбайы"), Some(Role::Member(Relation::Spouse)));
        assert_eq!(role("Глава семьи"), Some(Role::Head));
        assert_eq!(role("күйеу баласы"), Some(Role::Member(Relation::SonInLaw)));
        assert_eq!(role("көрші"), None);
        assert_eq!(sex("Ер"), Some(Sex::Male));
        assert_eq!(sex("жен."), Some(Sex::Female));
        assert_eq!(sex("?"), None);
    }

    /// The folded table answers as reading the lists in order would, for every listed
    /// word and its spellings in Latin and in capitals.
    #[test]
    fn the_table_reads_the_lists_in_order() {
        let by_lists = |cell: &str| {
            let key = text::fold(cell);
            let is = |words: &[&str]| words.iter().any(|w| text::fold(w) == key);
            if is(HEAD) {
                return Some(Role::Head);
            }
            RELATIONS
                .iter()
                .find(|(_, words)| is(words))
                .map(|(r, _)| Role::Member(*r))
        };
        let words = HEAD
            .iter()
            .chain(RELATIONS.iter().flat_map(|(_, w)| w.iter()))
            .flat_map(|w| [w.to_string(), w.to_uppercase(), crate::text::fold(w)]);
        for cell in words.chain(["", "көрші", "  ", "-"].map(String::from)) {
            assert_eq!(role(&cell), by_lists(&cell), "{cell}");
        }
    }
}
