//! Named moments a kill test can catch a process in. A power cut between two steps of an
//! all-or-nothing job (a PDF staged and its numbers not yet committed, say) lasts
//! microseconds in a real run; in a debug build `MEIRIM_PAUSE_AT=<name>` holds the process
//! there for a few seconds so a test can kill it exactly then. Release builds have no pause.

/// Pauses here when `MEIRIM_PAUSE_AT` names this point (debug builds only).
pub fn point(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("MEIRIM_PAUSE_AT").is_ok_and(|at| at == name) {
        std::thread::sleep(std::time::Duration::from_secs(5));
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
