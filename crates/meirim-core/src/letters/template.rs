//! Template text with placeholders in braces — {recipient}, {campaign}, {deed}, {period},
//! {hours} — filled for one person. An unknown or unfilled placeholder is an error the
//! template editor shows, never a blank in a printed letter.

use std::collections::BTreeMap;

/// The placeholders a template may use.
pub const PLACEHOLDERS: &[&str] = &["recipient", "campaign", "deed", "period", "hours"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FillError {
    /// `{name}` is not one of `PLACEHOLDERS`.
    Unknown(String),
    /// `{name}` is known but this person has no value for it.
    Missing(String),
    /// A `{` without its `}`.
    Unclosed,
}

impl FillError {
    /// The problem's `reason` and `name` parameters, as the error messages expect them.
    pub fn parts(&self) -> (&'static str, String) {
        match self {
            FillError::Unknown(n) => ("unknown", n.clone()),
            FillError::Missing(n) => ("missing", n.clone()),
            FillError::Unclosed => ("unclosed", String::new()),
        }
    }
}

/// `text` with each `{name}` replaced by `values[name]`. `{{` and `}}` write braces.
pub fn fill(text: &str, values: &BTreeMap<&str, String>) -> Result<String, FillError> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(ch) => name.push(ch),
                        None => return Err(FillError::Unclosed),
                    }
                }
                let name = name.trim();
                if !PLACEHOLDERS.contains(&name) {
                    return Err(FillError::Unknown(name.to_owned()));
                }
                match values.get(name).filter(|v| !v.trim().is_empty()) {
                    Some(v) => out.push_str(v),
                    None => return Err(FillError::Missing(name.to_owned())),
                }
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> BTreeMap<&'static str, String> {
        BTreeMap::from([
            ("recipient", "Дәурен Болатұлы".to_owned()),
            ("campaign", "«Мектепке жол»".to_owned()),
            ("hours", "12".to_owned()),
        ])
    }

    #[test]
    fn placeholders_are_filled_and_braces_can_be_written() {
        let t = "Құрметті {recipient}! {campaign} акциясына {hours} сағат. {{бос}}";
        assert_eq!(
            fill(t, &values()).unwrap(),
            "Құрметті Дәурен Болатұлы! «Мектепке жол» акциясына 12 сағат. {бос}"
        );
    }

    #[test]
    fn unknown_missing_and_unclosed_placeholders_are_errors() {
        assert_eq!(
            fill("{name}", &values()),
            Err(FillError::Unknown("name".into()))
        );
        assert_eq!(
            fill("{deed}", &values()),
            Err(FillError::Missing("deed".into()))
        );
        assert_eq!(fill("{recipient", &values()), Err(FillError::Unclosed));
    }
}
