//! Dates as offices write them.

use chrono::NaiveDate;

/// Parses 2023-12-06 (forms, ISO) and 06.12.2023 (what people type and print).
pub fn parse(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

/// Table format used in documents and lists: 06.12.2023.
pub fn display(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A date in a letter's words: «2026 жылғы 22 қараша» (year first) or «22 ноября 2026 г.»
/// (docs/domain/dates_kk_ru.tsv).
pub fn long(d: NaiveDate, lang: crate::settings::Language) -> String {
    use chrono::Datelike;
    let month = d.month0() as usize;
    match lang {
        crate::settings::Language::Kk => {
            format!("{} жылғы {} {}", d.year(), d.day(), KK_MONTHS[month])
        }
        crate::settings::Language::Ru => {
            format!("{} {} {} г.", d.day(), RU_MONTHS_GENITIVE[month], d.year())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_in_both_languages() {
        use crate::settings::Language;
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(long(d, Language::Kk), "2026 жылғы 22 қараша");
        assert_eq!(long(d, Language::Ru), "22 ноября 2026 г.");
        let d = NaiveDate::from_ymd_opt(2023, 12, 6).unwrap();
        assert_eq!(long(d, Language::Kk), "2023 жылғы 6 желтоқсан");
        assert_eq!(long(d, Language::Ru), "6 декабря 2023 г.");
    }

    #[test]
    fn parses_iso_and_dotted() {
        let d = NaiveDate::from_ymd_opt(2023, 12, 6).unwrap();
        assert_eq!(parse("2023-12-06"), Some(d));
        assert_eq!(parse(" 06.12.2023 "), Some(d));
        assert_eq!(parse("31.02.2023"), None);
        assert_eq!(parse("yesterday"), None);
        assert_eq!(display(d), "06.12.2023");
    }
}
