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
