//! Kazakhstan phone numbers, stored as +7 and ten digits.

/// Accepts what people type: "8 701 234 56 78", "+7 (701) 234-56-78", "7012345678".
/// Returns `None` when the digits cannot be a Kazakh (+7) number.
pub fn normalize(input: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_digit() || " +-()".contains(c);
    if !input.chars().all(allowed) {
        return None;
    }
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    // With a "+", the digits after it are the full international number: +7 and ten.
    if input.contains('+') && !(input.trim_start().starts_with("+7") && digits.len() == 11) {
        return None;
    }
    let national = match digits.len() {
        10 => digits.as_str(),
        11 if digits.starts_with('7') || digits.starts_with('8') => &digits[1..],
        _ => return None,
    };
    // Kazakh numbers (mobile 7xx, landline 7xx area codes) all start with 7 nationally.
    if !national.starts_with('7') {
        return None;
    }
    Some(format!("+7{national}"))
}

/// "+77012345678" → "+7 701 234 56 78" for display.
pub fn display(stored: &str) -> String {
    let n: Vec<char> = stored.chars().collect();
    if n.len() != 12 || !stored.starts_with("+7") {
        return stored.to_owned();
    }
    let part = |a: usize, b: usize| n[a..b].iter().collect::<String>();
    format!(
        "+7 {} {} {} {}",
        part(2, 5),
        part(5, 8),
        part(8, 10),
        part(10, 12)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_common_spellings() {
        for s in [
            "8 701 234 56 78",
            "+7 (701) 234-56-78",
            "87012345678",
            "7012345678",
            "+77012345678",
        ] {
            assert_eq!(normalize(s).as_deref(), Some("+77012345678"), "{s}");
        }
    }

    #[test]
    fn refuses_non_kazakh_or_garbled() {
        for s in [
            "",
            "12345",
            "+1 212 555 0100",
            "8 901 234 56 78x",
            "9012345678",
            "+7 701 234 56 7",
        ] {
            assert_eq!(normalize(s), None, "{s}");
        }
    }

    #[test]
    fn displays_grouped() {
        assert_eq!(display("+77012345678"), "+7 701 234 56 78");
        assert_eq!(display("odd"), "odd");
    }
}
