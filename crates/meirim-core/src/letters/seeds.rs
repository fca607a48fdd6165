//! The ready templates an office starts with: gratitude letters, honorary diplomas and
//! certificates, each in Kazakh and Russian. The office edits its own copies; these are
//! the texts the letters migration will seed. In Russian {hours} carries its noun («4 часа»,
//! «12 часов»), which agrees with the number; in Kazakh the noun follows it unchanged. {deed} is written per language by whoever
//! issues the batch («қан тапсыру акциясына қатысқаныңыз» / «участие в донорской акции»).

/// How the recipient stands on the page: a letter is addressed to someone (dative), a
/// diploma or certificate names the person it was given to (nominative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addressee {
    Dative,
    Nominative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Gratitude,
    Diploma,
    Certificate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedTemplate {
    pub code: &'static str,
    pub kind: Kind,
    pub name_kk: &'static str,
    pub name_ru: &'static str,
    pub title_kk: &'static str,
    pub title_ru: &'static str,
    pub addressee: Addressee,
    pub body_kk: &'static str,
    pub body_ru: &'static str,
}

pub const SEEDS: &[SeedTemplate] = &[
    SeedTemplate {
        code: "gratitude-campaign",
        kind: Kind::Gratitude,
        name_kk: "Акцияға қатысқан еріктіге алғыс хат",
        name_ru: "Благодарность волонтёру за участие в акции",
        title_kk: "АЛҒЫС ХАТ",
        title_ru: "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
        addressee: Addressee::Dative,
        body_kk: "{campaign} акциясына белсене қатысып, {hours} сағат уақытыңызды мұқтаж отбасыларға көмектесуге арнағаныңыз үшін шынайы алғысымызды білдіреміз. Сіздің ізгі ісіңіз өзгелерге үлгі болады. Сізге зор денсаулық, отбасыңызға амандық пен береке тілейміз!",
        body_ru: "Выражаем Вам искреннюю благодарность за активное участие в акции {campaign} и {hours}, посвящённых помощи нуждающимся семьям. Ваше доброе дело служит примером для других. Желаем Вам крепкого здоровья, мира и благополучия Вашей семье!",
    },
    SeedTemplate {
        code: "gratitude-deed",
        kind: Kind::Gratitude,
        name_kk: "Игі іс үшін алғыс хат",
        name_ru: "Благодарность за доброе дело",
        title_kk: "АЛҒЫС ХАТ",
        title_ru: "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
        addressee: Addressee::Dative,
        body_kk: "Сізге {deed} үшін алғыс білдіреміз. Жанашырлығыңыз бен қайырымдылығыңыз ауылымыздың көптеген отбасына қуаныш сыйлады. Еңбегіңіз жемісті, шаңырағыңыз шаттыққа толы болсын!",
        body_ru: "Благодарим Вас за {deed}. Ваша отзывчивость и доброта принесли радость многим семьям нашего села. Желаем Вам успехов в труде и счастья Вашему дому!",
    },
    SeedTemplate {
        code: "gratitude-sponsor",
        kind: Kind::Gratitude,
        name_kk: "Демеушіге алғыс хат",
        name_ru: "Благодарность спонсору",
        title_kk: "АЛҒЫС ХАТ",
        title_ru: "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
        addressee: Addressee::Dative,
        body_kk: "{period} аралығында аз қамтылған және көпбалалы отбасыларға көрсеткен демеушілік көмегіңіз үшін шын жүректен алғыс айтамыз. Сіздің қолдауыңыздың арқасында {campaign} акциясы табысты өтті.",
        body_ru: "Сердечно благодарим Вас за спонсорскую помощь малообеспеченным и многодетным семьям в период {period}. Благодаря Вашей поддержке акция {campaign} прошла успешно.",
    },
    SeedTemplate {
        code: "diploma-campaign",
        kind: Kind::Diploma,
        name_kk: "Акцияны ұйымдастырғаны үшін құрмет грамотасы",
        name_ru: "Почётная грамота за организацию акции",
        title_kk: "ҚҰРМЕТ ГРАМОТАСЫ",
        title_ru: "ПОЧЁТНАЯ ГРАМОТА",
        addressee: Addressee::Nominative,
        body_kk: "{campaign} акциясын ұйымдастыруға және өткізуге қосқан зор үлесі үшін марапатталады.",
        body_ru: "награждается за большой вклад в организацию и проведение акции {campaign}.",
    },
    SeedTemplate {
        code: "diploma-volunteer",
        kind: Kind::Diploma,
        name_kk: "Белсенді еріктіге құрмет грамотасы",
        name_ru: "Почётная грамота активному волонтёру",
        title_kk: "ҚҰРМЕТ ГРАМОТАСЫ",
        title_ru: "ПОЧЁТНАЯ ГРАМОТА",
        addressee: Addressee::Nominative,
        body_kk: "{period} аралығындағы белсенді волонтерлік қызметі және мұқтаж жандарға көрсеткен қамқорлығы үшін марапатталады.",
        body_ru: "награждается за активную волонтёрскую деятельность и заботу о нуждающихся в период {period}.",
    },
    SeedTemplate {
        code: "certificate-hours",
        kind: Kind::Certificate,
        name_kk: "Волонтерлік сағаттар туралы сертификат",
        name_ru: "Сертификат о волонтёрских часах",
        title_kk: "СЕРТИФИКАТ",
        title_ru: "СЕРТИФИКАТ",
        addressee: Addressee::Nominative,
        body_kk: "{period} аралығында волонтерлік қызметке қатысып, {hours} сағат қоғамдық пайдалы жұмыс атқарғанын растайды.",
        body_ru: "подтверждает участие в волонтёрской деятельности в период {period} в объёме {hours} общественно полезной работы.",
    },
    SeedTemplate {
        code: "certificate-campaign",
        kind: Kind::Certificate,
        name_kk: "Акцияға қатысу сертификаты",
        name_ru: "Сертификат участника акции",
        title_kk: "СЕРТИФИКАТ",
        title_ru: "СЕРТИФИКАТ",
        addressee: Addressee::Nominative,
        body_kk: "{campaign} акциясына қатысқанын растайды. Атқарған жұмысы: {deed}.",
        body_ru: "подтверждает участие в акции {campaign}. Выполненная работа: {deed}.",
    },
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::letters::template::fill;

    #[test]
    fn every_seed_fills_in_both_languages_and_each_kind_has_two_or_three() {
        let values = BTreeMap::from([
            ("recipient", "Серіков Дәурен".to_owned()),
            ("campaign", "«Мектепке жол»".to_owned()),
            ("deed", "қан тапсыру акциясына қатысқаныңыз".to_owned()),
            ("period", "2026 жылғы қаңтар–қараша".to_owned()),
            ("hours", "12".to_owned()),
        ]);
        for s in SEEDS {
            for body in [s.body_kk, s.body_ru] {
                let text = fill(body, &values).unwrap_or_else(|e| panic!("{}: {e:?}", s.code));
                assert!(!text.contains('{'), "{}", s.code);
            }
        }
        for kind in [Kind::Gratitude, Kind::Diploma, Kind::Certificate] {
            let n = SEEDS.iter().filter(|s| s.kind == kind).count();
            assert!((2..=3).contains(&n), "{kind:?}: {n}");
        }
        let mut codes: Vec<_> = SEEDS.iter().map(|s| s.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), SEEDS.len());
    }
}
