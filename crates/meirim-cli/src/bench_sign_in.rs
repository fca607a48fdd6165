//! `meirim-cli bench-sign-in`: how long a sign-in takes — the password stretched with
//! argon2id at the cost new accounts get, the account's key opened and the registry's key
//! unsealed — in a key file of its own under a temporary folder (no registry is touched).

use std::time::Instant;

use meirim_core::accounts::keyfile::KeyFile;
use meirim_core::accounts::Cost;
use meirim_core::db::RegistryKey;
use meirim_core::{ErrorCode, Problem};

use crate::output::say;

pub fn run(runs: usize, json: bool) -> Result<(), Problem> {
    let internal = |e: &dyn std::fmt::Display| Problem::new(ErrorCode::Internal).with("reason", e);
    let key = RegistryKey::generate().map_err(|e| internal(&e))?;
    let password = "бенчмарк-құпия-сөз";
    let mut file = KeyFile::create(&key, "bench", "bench", password, Cost::DEFAULT)?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let (_, opened, _) = file.unlock("bench", password, meirim_core::clock::now_utc())?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        if opened != key {
            return Err(internal(&"the key did not come back"));
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let cost = Cost::DEFAULT;
    if json {
        say(serde_json::json!({
            "runs": times.len(),
            "median_ms": median,
            "min_ms": times[0],
            "max_ms": times[times.len() - 1],
            "argon2id": { "m_kib": cost.m_kib, "t": cost.t, "p": cost.p },
        }));
    } else {
        say(format!(
            "sign-in (argon2id m={} MiB t={} p={}): median {median:.0} ms, min {:.0} ms, max {:.0} ms over {} runs",
            cost.m_kib / 1024,
            cost.t,
            cost.p,
            times[0],
            times[times.len() - 1],
            times.len()
        ));
    }
    Ok(())
}
