//! What the kill tests share: random moments from a seed, and a run killed at one.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A cheap deterministic sequence of delays below `max_ms` (no extra crate for randomness).
pub fn delays(seed: u64, n: usize, max_ms: u64) -> Vec<u64> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % max_ms
        })
        .collect()
}

/// Runs the command and kills it (SIGKILL, a power cut) after `ms`; whether it had
/// finished by then.
pub fn kill_after(mut cmd: Command, ms: u64) -> bool {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_millis(ms);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill();
    let _ = child.wait();
    finished
}
