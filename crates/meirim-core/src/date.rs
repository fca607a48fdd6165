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

#[cfg(test)]
mod tests {
    use super::*;

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
