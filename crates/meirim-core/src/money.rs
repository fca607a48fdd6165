//! Amounts as offices type them: tenge with spaces and a ₸ sign («45 000 ₸», «45000,00»),
//! and quantities with a decimal comma («2,5» tonnes). Quantities are kept in thousandths
//! of the unit so that sums stay exact.

/// Whole tenge from «45000», «45 000», «45 000 ₸», «45000,00» or «45000.00».
pub fn parse_tenge(raw: &str) -> Option<u64> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '₸')
        .collect();
    let whole = cleaned
        .strip_suffix(",00")
        .or_else(|| cleaned.strip_suffix(".00"))
        .unwrap_or(&cleaned);
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    whole.parse().ok()
}

/// Thousandths of a unit from «2,5», «2.5», «1 000» or «0,125»; `None` for anything else,
/// including more than three decimals.
pub fn parse_quantity(raw: &str) -> Option<u64> {
    let cleaned: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let (whole, fraction) = match cleaned.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    if fraction.len() > 3 {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: u64 = format!("{fraction:0<3}").parse().ok()?;
    whole.checked_mul(1000)?.checked_add(fraction)
}

/// «2,5», «1 000», «0,125»: a decimal comma, no-break-space groups, no trailing zeros.
pub fn display_quantity(milli: i64) -> String {
    let whole = group(milli.unsigned_abs() / 1000);
    let fraction = milli.unsigned_abs() % 1000;
    let sign = if milli < 0 { "-" } else { "" };
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let f = format!("{fraction:03}");
        format!("{sign}{whole},{}", f.trim_end_matches('0'))
    }
}

/// «12 345»: a count with no-break-space groups.
pub fn display_count(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group(n.unsigned_abs()))
}

/// «1 200 000 ₸» with no-break spaces, as the domain guide asks.
pub fn display_tenge(amount: i64) -> String {
    let sign = if amount < 0 { "-" } else { "" };
    format!("{sign}{}\u{a0}₸", group(amount.unsigned_abs()))
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// The value of `quantity_milli` units at `unit_value` tenge each, rounded to whole tenge.
pub fn value_of(quantity_milli: u64, unit_value: u64) -> Option<u64> {
    let thousandths = quantity_milli.checked_mul(unit_value)?;
    Some((thousandths + 500) / 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenge_as_typed() {
        for (raw, want) in [
            ("45000", Some(45_000)),
            ("45 000 ₸", Some(45_000)),
            ("45\u{a0}000", Some(45_000)),
            ("45000,00", Some(45_000)),
            ("45000,50", None),
            ("көп", None),
            ("", None),
            ("-5", None),
        ] {
            assert_eq!(parse_tenge(raw), want, "{raw}");
        }
    }

    #[test]
    fn quantities_in_thousandths() {
        for (raw, want) in [
            ("2,5", Some(2_500)),
            ("2.5", Some(2_500)),
            ("1 000", Some(1_000_000)),
            ("0,125", Some(125)),
            (",5", Some(500)),
            ("3", Some(3_000)),
            ("0,1255", None),
            ("2,5т", None),
            ("", None),
            (",", None),
        ] {
            assert_eq!(parse_quantity(raw), want, "{raw}");
        }
    }

    #[test]
    fn display_round_trips_and_groups() {
        assert_eq!(display_quantity(2_500), "2,5");
        assert_eq!(display_quantity(1_000_000), "1\u{a0}000");
        assert_eq!(display_quantity(125), "0,125");
        assert_eq!(display_tenge(1_200_000), "1\u{a0}200\u{a0}000\u{a0}₸");
        assert_eq!(display_tenge(0), "0\u{a0}₸");
        for milli in [1, 10, 999, 1_000, 2_500, 123_456] {
            let shown = display_quantity(milli).replace('\u{a0}', "");
            assert_eq!(parse_quantity(&shown), Some(milli as u64));
        }
    }

    #[test]
    fn values_round_to_whole_tenge() {
        assert_eq!(value_of(2_500, 30_000), Some(75_000));
        assert_eq!(value_of(333, 100), Some(33));
        assert_eq!(value_of(335, 100), Some(34));
        assert_eq!(value_of(u64::MAX, 2), None);
    }
}
