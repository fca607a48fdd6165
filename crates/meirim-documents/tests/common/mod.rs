//! What the PDF tests share: running the real PDF tools on a generated file.

use std::process::Command;

/// `name args…`'s standard output; the test fails if the tool is missing or fails.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed for this test (apt: poppler-utils, qpdf): {e}")
    });
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{name} printed non-UTF-8: {e}"))
}

/// Words printed over or against one another in the PDF at `path` (pdftotext's word boxes
/// on one line less than a point apart, where a space is two): text running into the next
/// column. Empty when every word has its place.
pub fn collisions(path: &str) -> Vec<String> {
    let html = tool("pdftotext", &["-bbox", path, "-"]);
    let mut found = Vec::new();
    for (n, page) in html.split("<page ").skip(1).enumerate() {
        let mut words: Vec<(f32, f32, f32, String)> = page
            .split("<word ")
            .skip(1)
            .filter_map(|w| {
                let attr = |name: &str| -> Option<f32> {
                    let at = w.find(&format!("{name}=\""))? + name.len() + 2;
                    w[at..].split('"').next()?.parse().ok()
                };
                let text = w.split('>').nth(1)?.split('<').next()?.to_owned();
                Some((attr("yMin")?, attr("xMin")?, attr("xMax")?, text))
            })
            .collect();
        // Lines: words whose tops are within a point of each other, left to right.
        words.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut lines: Vec<Vec<(f32, f32, f32, String)>> = Vec::new();
        for word in words {
            match lines.last_mut() {
                Some(line) if (word.0 - line[0].0).abs() < 1.0 => line.push(word),
                _ => lines.push(vec![word]),
            }
        }
        for line in &mut lines {
            line.sort_by(|a, b| a.1.total_cmp(&b.1));
            for pair in line.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                if b.1 < a.2 + 1.0 {
                    found.push(format!("page {}: «{}» runs into «{}»", n + 1, a.3, b.3));
                }
            }
        }
    }
    found
}
