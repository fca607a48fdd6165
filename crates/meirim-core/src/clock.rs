//! The one clock: what "today" and "now" are, and where new record ids come from.
//!
//! Everything in Meirim that needs the date asks here, never `chrono::Local::now()`, so that
//! time is an input tests can set:
//! - `MEIRIM_TODAY=YYYY-MM-DD` (or [`set_process_today`], which the CLI's `--today` calls)
//!   makes "today" that day for the whole process — the E2E app and the CLI tests use it;
//!   "now" then starts at noon of that day and runs on with the real clock, so timestamps
//!   keep their order.
//! - [`pin`] fixes "today" for the calling thread only (parallel tests each pin their own
//!   day); [`pin_seeded`] also fixes "now" and draws ids from a seed, so the demo district
//!   is the same byte for byte (ids and timestamps included) for the same seed and day.
//!
//! "Today" is the office's calendar day (the computer's local time zone); stored
//! timestamps are RFC 3339 in UTC with milliseconds, which sort as text.

use std::cell::RefCell;
use std::sync::OnceLock;
use std::time::Instant;

use chrono::{DateTime, Duration, Local, NaiveDate, NaiveTime, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The variable that sets "today" for a whole process (tests, the E2E app).
pub const TODAY_ENV: &str = "MEIRIM_TODAY";

/// A process-wide "today" and the moment it was taken, so that "now" advances from noon.
struct ProcessDay {
    today: NaiveDate,
    noon: DateTime<Utc>,
    started: Instant,
}

static PROCESS_DAY: OnceLock<Option<ProcessDay>> = OnceLock::new();

/// What a thread has pinned.
struct Pinned {
    today: NaiveDate,
    /// With a seed: "now" is fixed (advancing a millisecond per reading, so order is kept)
    /// and ids come from the seeded generator.
    seeded: Option<Seeded>,
}

struct Seeded {
    now: DateTime<Utc>,
    ids: ChaCha8Rng,
}

thread_local! {
    static PINNED: RefCell<Vec<Pinned>> = const { RefCell::new(Vec::new()) };
}

/// Noon of `day` in the office's time zone: far from midnight both ways, so "now" stays on
/// `day` for hours whatever the zone.
fn noon_of(day: NaiveDate) -> DateTime<Utc> {
    let naive = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
}

fn process_day() -> Option<&'static ProcessDay> {
    PROCESS_DAY
        .get_or_init(|| {
            let raw = std::env::var(TODAY_ENV).ok()?;
            match parse_day(&raw) {
                Some(today) => Some(ProcessDay {
                    today,
                    noon: noon_of(today),
                    started: Instant::now(),
                }),
                None => {
                    eprintln!("Meirim: {TODAY_ENV}={raw:?} is not a date (YYYY-MM-DD); using the computer's date");
                    None
                }
            }
        })
        .as_ref()
}

/// `YYYY-MM-DD` (or `DD.MM.YYYY`), as `MEIRIM_TODAY` and `--today` take it.
pub fn parse_day(raw: &str) -> Option<NaiveDate> {
    crate::date::parse(raw)
}

/// Makes `day` "today" for the rest of this process (the CLI's `--today`). Returns false
/// when the clock was already read or set: the day cannot change under running code.
pub fn set_process_today(day: NaiveDate) -> bool {
    PROCESS_DAY
        .set(Some(ProcessDay {
            today: day,
            noon: noon_of(day),
            started: Instant::now(),
        }))
        .is_ok()
}

/// The office's calendar day.
pub fn today() -> NaiveDate {
    if let Some(day) = PINNED.with(|p| p.borrow().last().map(|p| p.today)) {
        return day;
    }
    match process_day() {
        Some(p) => p.today,
        None => Local::now().date_naive(),
    }
}

/// The current moment in UTC.
pub fn now_utc() -> DateTime<Utc> {
    let pinned = PINNED.with(|p| {
        let mut stack = p.borrow_mut();
        let top = stack.last_mut()?;
        Some(match &mut top.seeded {
            Some(s) => {
                let t = s.now;
                s.now += Duration::milliseconds(1);
                t
            }
            None => noon_of(top.today),
        })
    });
    if let Some(t) = pinned {
        return t;
    }
    match process_day() {
        Some(p) => {
            p.noon + Duration::from_std(p.started.elapsed()).unwrap_or_else(|_| Duration::zero())
        }
        None => Utc::now(),
    }
}

/// The current moment as stored: RFC 3339 in UTC with milliseconds.
pub fn now() -> String {
    now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A new record id. Normally a version 7 UUID: its first bits are the time, so the ids
/// written one after another sort one after another and each insert lands at the end of
/// the id indexes instead of a random page of them: 5 000 families imported into a
/// 100 000-family registry write in 1.9 s instead of 2.6 (into an empty one, no
/// difference). Under a seeded pin, a version 4 UUID from the seed, so tests and demo data
/// repeat.
pub fn new_id() -> String {
    let seeded = PINNED.with(|p| {
        let mut stack = p.borrow_mut();
        let s = stack.last_mut()?.seeded.as_mut()?;
        let mut bytes = [0u8; 16];
        s.ids.fill_bytes(&mut bytes);
        Some(uuid::Builder::from_random_bytes(bytes).into_uuid())
    });
    seeded.unwrap_or_else(uuid::Uuid::now_v7).to_string()
}

/// While alive, the thread's clock is pinned; dropping it restores what was before.
#[must_use = "the clock is pinned only while the guard lives"]
pub struct Pin {
    // Not Send: the pin belongs to the thread that made it.
    _thread: std::marker::PhantomData<*const ()>,
}

impl Drop for Pin {
    fn drop(&mut self) {
        PINNED.with(|p| {
            p.borrow_mut().pop();
        });
    }
}

/// Pins "today" for this thread; "now" is noon of that day.
pub fn pin(today: NaiveDate) -> Pin {
    PINNED.with(|p| {
        p.borrow_mut().push(Pinned {
            today,
            seeded: None,
        })
    });
    Pin {
        _thread: std::marker::PhantomData,
    }
}

/// Pins "today", fixes "now" at 09:00 UTC of that day (a millisecond later at each reading)
/// and draws ids from `seed`: whatever the thread writes is the same for the same inputs.
pub fn pin_seeded(today: NaiveDate, seed: u64) -> Pin {
    let now = Utc
        .from_utc_datetime(&today.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()));
    PINNED.with(|p| {
        p.borrow_mut().push(Pinned {
            today,
            seeded: Some(Seeded {
                now,
                ids: ChaCha8Rng::seed_from_u64(seed ^ 0x1D5E_ED00),
            }),
        })
    });
    Pin {
        _thread: std::marker::PhantomData,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    #[test]
    fn a_pin_sets_today_and_is_undone_when_dropped() {
        let before = today();
        {
            let _p = pin(day("2028-02-29"));
            assert_eq!(today(), day("2028-02-29"));
            {
                let _q = pin(day("2031-01-01"));
                assert_eq!(today(), day("2031-01-01"));
                assert_eq!(now_utc().date_naive(), day("2031-01-01"));
            }
            assert_eq!(today(), day("2028-02-29"));
        }
        assert_eq!(today(), before);
    }

    #[test]
    fn a_pin_is_only_for_its_thread() {
        let _p = pin(day("2000-01-01"));
        let other = std::thread::spawn(today).join().unwrap();
        assert_ne!(other, day("2000-01-01"));
    }

    #[test]
    fn seeded_ids_and_times_repeat_for_the_same_seed() {
        let draw = |seed| {
            let _p = pin_seeded(day("2026-11-01"), seed);
            (0..3).map(|_| (new_id(), now())).collect::<Vec<_>>()
        };
        let a = draw(7);
        assert_eq!(a, draw(7));
        assert_ne!(a, draw(8));
        assert_eq!(a[0].1, "2026-11-01T09:00:00.000Z");
        assert_eq!(a[2].1, "2026-11-01T09:00:00.002Z");
        assert!(a
            .iter()
            .all(|(id, _)| uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 4)));
        // Unpinned ids are new again, and each sorts after the one before.
        let ids: Vec<String> = (0..1000).map(|_| new_id()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
        assert!(ids
            .iter()
            .all(|id| uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 7)));
    }

    #[test]
    fn days_parse_strictly() {
        assert_eq!(parse_day(" 2028-02-29 "), Some(day("2028-02-29")));
        assert_eq!(parse_day("29.02.2028"), Some(day("2028-02-29")));
        assert_eq!(parse_day("2027-02-29"), None);
        assert_eq!(parse_day("2028-02"), None);
    }
}
