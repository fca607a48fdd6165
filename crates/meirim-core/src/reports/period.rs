//! The period a report covers and the one it is compared with: a calendar month, quarter,
//! half-year or year (the presets the district asks for), or any range of days.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::problem::{ErrorCode, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    Month,
    Quarter,
    HalfYear,
    Year,
}

impl Preset {
    fn months(self) -> u32 {
        match self {
            Preset::Month => 1,
            Preset::Quarter => 3,
            Preset::HalfYear => 6,
            Preset::Year => 12,
        }
    }
}

/// Both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn first_of(year: i32, month0: u32) -> Option<NaiveDate> {
    let y = year + (month0 / 12) as i32;
    NaiveDate::from_ymd_opt(y, month0 % 12 + 1, 1)
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, Problem> {
        if to < from {
            return Err(Problem::new(ErrorCode::DateBeforeStart));
        }
        Ok(Self { from, to })
    }

    /// The preset period that contains `day`: its month, quarter, half-year or year.
    pub fn containing(preset: Preset, day: NaiveDate) -> Self {
        let n = preset.months();
        let start0 = day.month0() / n * n;
        let from = first_of(day.year(), start0).unwrap_or(day);
        let to = first_of(day.year(), start0 + n)
            .and_then(|d| d.pred_opt())
            .unwrap_or(day);
        Self { from, to }
    }

    /// Which preset this period is exactly, if any.
    pub fn preset(&self) -> Option<Preset> {
        [
            Preset::Month,
            Preset::Quarter,
            Preset::HalfYear,
            Preset::Year,
        ]
        .into_iter()
        .find(|p| Self::containing(*p, self.from) == *self)
    }

    pub fn days(&self) -> u64 {
        (self.to - self.from).num_days().unsigned_abs() + 1
    }

    /// What a report compares with: the preceding month / quarter / half-year / year for a
    /// preset, otherwise the same number of days just before.
    pub fn previous(&self) -> Self {
        let before = self.from.pred_opt().unwrap_or(self.from);
        match self.preset() {
            Some(p) => Self::containing(p, before),
            None => Self {
                from: before
                    .checked_sub_days(Days::new(self.days() - 1))
                    .unwrap_or(NaiveDate::MIN),
                to: before,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn presets_and_their_previous_periods() {
        let q = Period::containing(Preset::Quarter, d("2026-11-23"));
        assert_eq!((q.from, q.to), (d("2026-10-01"), d("2026-12-31")));
        assert_eq!(
            q.previous(),
            Period::new(d("2026-07-01"), d("2026-09-30")).unwrap()
        );
        let m = Period::containing(Preset::Month, d("2026-03-15"));
        assert_eq!(
            m.previous(),
            Period::new(d("2026-02-01"), d("2026-02-28")).unwrap()
        );
        let h = Period::containing(Preset::HalfYear, d("2026-01-10"));
        assert_eq!(h.to, d("2026-06-30"));
        assert_eq!(h.previous().from, d("2025-07-01"));
        let y = Period::containing(Preset::Year, d("2026-05-05"));
        assert_eq!(
            y.previous(),
            Period::new(d("2025-01-01"), d("2025-12-31")).unwrap()
        );
        // Any other range: the same number of days just before.
        let r = Period::new(d("2026-11-10"), d("2026-11-19")).unwrap();
        assert_eq!(r.preset(), None);
        assert_eq!(
            r.previous(),
            Period::new(d("2026-10-31"), d("2026-11-09")).unwrap()
        );
        assert!(Period::new(d("2026-11-10"), d("2026-11-09")).is_err());
    }
}
