//! Plain-text tables for terminals: columns padded by characters, not bytes, so Kazakh
//! names line up.

pub fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    let mut out = line(headers);
    out.push('\n');
    out.push_str(
        &widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("  "),
    );
    for row in rows {
        out.push('\n');
        out.push_str(&line(row));
    }
    out
}

/// Prints a line to stdout. A reader that went away (`meirim-cli … | head`) ends the
/// program quietly instead of panicking like `println!` does.
pub fn say(line: impl std::fmt::Display) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

/// An enum's serialized name («iin-leading-zero», «before-restore»): the key of its Fluent
/// message.
pub fn code<T: serde::Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The process's peak resident memory in KiB (Linux; `None` elsewhere), for the benchmark
/// commands' reports.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn pads_by_characters() {
        let t = super::table(
            &["Аты".into(), "ЖСН".into()],
            &[
                vec!["Әсел".into(), "1".into()],
                vec!["Ұлан".into(), "22".into()],
            ],
        );
        assert_eq!(t, "Аты   ЖСН\n────  ───\nӘсел  1\nҰлан  22");
    }
}
