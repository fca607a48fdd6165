//! Spreadsheets from outside are read in a child process: the app's (or the CLI's) own
//! executable started again with `WORKER_ARG`. The child may allocate only up to a memory
//! cap (a global allocator that refuses past it, so an oversized claim ends the child with
//! an allocation failure), runs only up to a time limit, and «Бас тарту» kills it. Whatever
//! a file does to the reader — a panic, an abort, an endless loop — the app carries on and
//! the office gets a message saying what was wrong.
//!
//! The file's bytes go to the child on stdin and the sheets come back as JSON on stdout:
//! the child never sees a path, and nothing is written to disk.

use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use meirim_core::problem::{ErrorCode, Problem};
use serde::{Deserialize, Serialize};

use super::csv_text::CsvOptions;
use super::source::{read, ImportError, Source};

/// The argument that makes an executable a worker (not shown in any help).
pub const WORKER_ARG: &str = "--meirim-read-spreadsheet";

/// What one reading may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes the worker may allocate.
    pub memory: usize,
    /// The time limit is `time` plus `time_per_mb` for each megabyte of the file.
    pub time: Duration,
    pub time_per_mb: Duration,
}

impl Default for Limits {
    /// Generous for real lists (a 100 000-row workbook reads in a few seconds and a few
    /// hundred MB), far below what takes an office PC with 4 GB down.
    fn default() -> Self {
        Limits {
            memory: 768 * 1024 * 1024,
            time: Duration::from_secs(8),
            time_per_mb: Duration::from_secs(3),
        }
    }
}

impl Limits {
    fn time_for(&self, bytes: usize) -> Duration {
        self.time + self.time_per_mb.mul_f64(bytes as f64 / 1_048_576.0)
    }
}

/// What the worker answers.
#[derive(Serialize, Deserialize)]
enum Reply {
    Read {
        source: Source,
        /// The most the worker had allocated at once (bytes).
        peak: usize,
    },
    Refused(ImportError),
}

/// In `main`, first: when started as a worker, serve and return the exit code.
pub fn serve_if_asked() -> Option<ExitCode> {
    let mut args = std::env::args_os().skip(1);
    if args.next()? != WORKER_ARG {
        return None;
    }
    let memory = args.next()?.to_str()?.parse::<usize>().ok()?;
    let csv: CsvOptions = serde_json::from_str(args.next()?.to_str()?).ok()?;
    Some(serve(memory, &csv))
}

fn serve(memory: usize, csv: &CsvOptions) -> ExitCode {
    // A panic is answered as a reply (its message is the payload caught below); the default
    // hook would print, and capture a backtrace, with the memory cap perhaps reached — and an
    // allocation failing inside the hook was seen to hang the worker instead of ending it.
    std::panic::set_hook(Box::new(|_| {}));
    // Fails only if more is allocated already; the limit then stays lifted, and the parent's
    // time limit still holds.
    let _ = super::allocator::arm(memory);
    let mut bytes = Vec::new();
    let reply = match std::io::stdin().lock().read_to_end(&mut bytes) {
        // `read_to_end` reports a refused allocation as an error rather than aborting.
        Err(e) => Reply::Refused(ImportError::TooLarge(e.to_string())),
        Ok(_) => match std::panic::catch_unwind(|| read(&bytes, csv)) {
            Ok(Ok(source)) => Reply::Read {
                source,
                peak: super::allocator::peak(),
            },
            Ok(Err(e)) => Reply::Refused(e),
            Err(panic) => {
                let text = panic_text(&panic);
                // A count beyond what memory can hold (`Vec::with_capacity`), or an inflater
                // refused its buffers by the cap (zlib-rs asserts on its `MemError`).
                if text.contains("capacity overflow") || text.contains("MemError") {
                    Reply::Refused(ImportError::TooLarge(text))
                } else {
                    Reply::Refused(ImportError::Damaged(text))
                }
            }
        },
    };
    drop(bytes);
    let mut out = BufWriter::new(std::io::stdout().lock());
    match serde_json::to_writer(&mut out, &reply).map(|_| out.flush()) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the reader failed".to_owned())
}

/// How a reading went, as the parent saw it.
#[derive(Debug)]
pub struct Reading {
    pub source: Source,
    pub peak: usize,
    pub took: Duration,
}

/// Reads `bytes` in a worker started from `exe`. The answer is a `Problem` the office can
/// act on: too large, damaged, taking too long, or cancelled.
pub fn read_isolated(
    exe: &Path,
    bytes: &[u8],
    csv: &CsvOptions,
    limits: &Limits,
    cancel: &AtomicBool,
) -> Result<Reading, Problem> {
    let started = Instant::now();
    let csv_json = serde_json::to_string(csv).map_err(internal)?;
    let mut command = Command::new(exe);
    command
        .arg(WORKER_ARG)
        .arg(limits.memory.to_string())
        .arg(csv_json)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    no_console_window(&mut command);
    let mut child = spawn(&mut command)?;
    let (Some(mut stdin), Some(stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        return Err(internal("the worker's pipes are missing"));
    };
    let limit = limits.time_for(bytes.len());
    let reply = std::thread::scope(|s| {
        // A worker that stops reading (it died) ends the write with an error: not ours to report.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        // Read whole, then parsed from memory: serde_json parses a slice faster than a
        // reader (about 0.05 s of a 100 000-row sheet). No more than the worker could have
        // held is taken.
        let most = limits.memory as u64;
        let replied = s.spawn(move || {
            let mut reply = Vec::new();
            stdout
                .take(most)
                .read_to_end(&mut reply)
                .map_err(|e| e.to_string())?;
            serde_json::from_slice::<Reply>(&reply).map_err(|e| e.to_string())
        });
        let said = s.spawn(move || {
            let mut text = String::new();
            let _ = (&mut stderr).take(64 * 1024).read_to_string(&mut text);
            text
        });
        // Cancel and the time limit are looked at before the worker's state, so that a
        // limit already passed always ends it.
        let ended = loop {
            if cancel.load(Ordering::SeqCst) {
                let _ = child.kill();
                let _ = child.wait();
                break Err(Problem::new(ErrorCode::ImportCancelled));
            }
            if started.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                break Err(
                    Problem::new(ErrorCode::ImportFileTooSlow).with("seconds", limit.as_secs())
                );
            }
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) => {}
                Err(e) => break Err(internal(e)),
            }
            // Short waits first: most files are read in milliseconds.
            let waited = started.elapsed().as_millis() as u64;
            std::thread::sleep(Duration::from_millis((1 + waited / 10).min(20)));
        };
        let replied = replied
            .join()
            .unwrap_or_else(|_| Err("no reply".to_owned()));
        let said = said.join().unwrap_or_default();
        (ended, replied, said)
    });
    let took = started.elapsed();
    match reply {
        (Err(p), _, _) => Err(p),
        (Ok(_), Ok(Reply::Read { source, peak }), _) => Ok(Reading { source, peak, took }),
        (Ok(_), Ok(Reply::Refused(e)), _) => Err(e.into()),
        (Ok(status), Err(_), said) => Err(died(status, &said, limits)),
    }
}

/// The worker ended without an answer: out of its memory (the allocator refused, and the
/// runtime aborted saying so), or killed by something else.
fn died(status: std::process::ExitStatus, said: &str, limits: &Limits) -> Problem {
    if said.contains("memory allocation of") {
        return Problem::new(ErrorCode::ImportFileTooLarge).with(
            "reason",
            format!("memory limit {} MB", limits.memory / (1024 * 1024)),
        );
    }
    let last = said.lines().last().unwrap_or_default().trim();
    Problem::new(ErrorCode::ImportFileDamaged).with(
        "reason",
        if last.is_empty() {
            format!("the reader stopped ({status})")
        } else {
            last.to_owned()
        },
    )
}

/// Starts the worker, trying again twice: process creation can fail for a moment (seen
/// under wine; an antivirus scanning the executable does the same on Windows).
fn spawn(command: &mut Command) -> Result<std::process::Child, Problem> {
    let mut last = None;
    for attempt in 0..3u64 {
        match command.spawn() {
            Ok(child) => return Ok(child),
            Err(e) => last = Some(e),
        }
        std::thread::sleep(Duration::from_millis(100 * (attempt + 1)));
    }
    Err(internal(last.map_or_else(String::new, |e| e.to_string())))
}

fn internal(e: impl std::fmt::Display) -> Problem {
    Problem::new(ErrorCode::Internal).with("reason", e)
}

#[cfg(windows)]
fn no_console_window(command: &mut Command) {
    use std::os::windows::process::CommandExt;
    // CREATE_NO_WINDOW: the worker of the windowed app must not flash a console.
    command.creation_flags(0x0800_0000);
}

#[cfg(not(windows))]
fn no_console_window(_: &mut Command) {}
