//! `meirim-cli bench-report`: the period report timed on a registry (the demo district of
//! BENCHMARKS.md), and the exact SQL it ran — parameters filled in — written as a script
//! for the sqlite3 command-line shell, so the same aggregates can be timed without Meirim.

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::{self, Period, Scope};
use rusqlite::trace::{TraceEvent, TraceEventCodes};

use crate::output::say;
use crate::Ctx;

/// What the trace callback saw: SQLite calls a plain function, so it writes here.
static SEEN: Mutex<Vec<(String, Duration)>> = Mutex::new(Vec::new());

fn record(event: TraceEvent<'_>) {
    if let TraceEvent::Profile(stmt, took) = event {
        let sql = stmt
            .expanded_sql()
            .unwrap_or_else(|| stmt.sql().to_string());
        if let Ok(mut seen) = SEEN.lock() {
            seen.push((sql, took));
        }
    }
}

pub fn run(ctx: &mut Ctx, period: Period, runs: usize, sql_out: &Path) -> Result<(), Problem> {
    let scope = Scope::default();
    // One untimed run warms the page cache, as the office's second report would find it.
    reports::build(ctx.db.conn(), period, &scope)?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        reports::build(ctx.db.conn(), period, &scope)?;
        times.push(started.elapsed());
    }
    times.sort();
    if let Ok(mut seen) = SEEN.lock() {
        seen.clear();
    }
    ctx.db
        .conn()
        .trace_v2(TraceEventCodes::SQLITE_TRACE_PROFILE, Some(record));
    let traced = reports::build(ctx.db.conn(), period, &scope);
    ctx.db.conn().trace_v2(TraceEventCodes::empty(), None);
    traced?;
    let seen = SEEN
        .lock()
        .map(|s| s.clone())
        .map_err(|_| Problem::new(ErrorCode::Internal).with("reason", "trace lock"))?;
    let script: String = seen
        .iter()
        .map(|(sql, _)| format!("{};\n", sql.trim()))
        .collect();
    std::fs::write(sql_out, script).map_err(|e| {
        Problem::new(ErrorCode::ExportFailed)
            .with("path", sql_out.display())
            .with("reason", "other")
            .with("detail", e)
    })?;
    // Benchmark output is for developers and BENCHMARKS.md, so it is in English.
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    say(format!(
        "period report {}..{} (and the previous period): median {:.0} ms, min {:.0} ms, max {:.0} ms over {} runs",
        period.from,
        period.to,
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    ));
    say(format!("{} statements; the slowest:", seen.len()));
    let mut slow = seen.clone();
    slow.sort_by_key(|s| std::cmp::Reverse(s.1));
    for (sql, took) in slow.iter().take(6) {
        let head: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        say(format!(
            "  {:7.1} ms  {}",
            ms(*took),
            head.chars().take(110).collect::<String>()
        ));
    }
    say(format!("SQL script for sqlite3: {}", sql_out.display()));
    Ok(())
}
