//! Text clean-up and the folding used for search keys.

/// Trims and collapses runs of white space, so "  Әсел   Серікқызы " is stored once.
pub fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `None` for an empty or all-blank field, otherwise the tidied text.
pub fn tidy_opt(s: Option<&str>) -> Option<String> {
    s.map(tidy).filter(|t| !t.is_empty())
}

/// The form names and queries are compared in: lower case, ё folded into е, one space
/// between words. Both sides of a comparison must go through this function.
pub fn search_key(s: &str) -> String {
    tidy(s)
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Escapes LIKE wildcards so a user's "%" or "_" matches literally (with `ESCAPE '\'`).
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_space() {
        assert_eq!(tidy("  Әсел \t  Серікқызы "), "Әсел Серікқызы");
        assert_eq!(tidy_opt(Some("   ")), None);
        assert_eq!(tidy_opt(None), None);
    }

    #[test]
    fn search_key_lowercases_kazakh_and_russian() {
        assert_eq!(search_key("ӘСЕЛ ҒАЛЫМҚЫЗЫ"), "әсел ғалымқызы");
        assert_eq!(search_key("Ұлбосын ҮМІТ Һ"), "ұлбосын үміт һ");
        assert_eq!(search_key("Алёна  ЁЛКИНА"), "алена елкина");
    }

    #[test]
    fn escapes_like_wildcards() {
        assert_eq!(like_escape("50%_a\\"), "50\\%\\_a\\\\");
    }
}
