//! Days and months: what each recorded day holds, as flags, and an index of
//! every recorded day, so streaks and "the last session" never need to read
//! years of records.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::domain::{DayMark, DayMarkKind, SessionRecord};

/// A calendar month: the unit of storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthKey {
    /// Calendar year.
    pub year: i16,
    /// Month, 1–12.
    pub month: i8,
}

impl MonthKey {
    /// The month `date` is filed under.
    pub fn of(date: Date) -> MonthKey {
        MonthKey {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The file name stem, `YYYY-MM`.
    pub fn stem(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Back from a stem; `None` for anything else.
    pub fn parse(stem: &str) -> Option<MonthKey> {
        let (y, m) = stem.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let key = MonthKey {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        key.day(1).map(|_| key)
    }

    /// Day `day` of this month, if it exists.
    pub fn day(self, day: i8) -> Option<Date> {
        Date::new(self.year, self.month, day).ok()
    }

    /// Number of days in the month.
    pub fn days(self) -> i8 {
        self.day(1).map_or(0, |d| d.days_in_month())
    }

    /// Whether `date` falls in this month.
    pub fn contains(self, date: Date) -> bool {
        MonthKey::of(date) == self
    }

    /// The month after this one.
    pub fn next(self) -> MonthKey {
        if self.month >= 12 {
            MonthKey {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            MonthKey {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before this one.
    pub fn prev(self) -> MonthKey {
        if self.month <= 1 {
            MonthKey {
                year: self.year.saturating_sub(1),
                month: 12,
            }
        } else {
            MonthKey {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Every month overlapping `from..=to`, oldest first.
    pub fn span(from: Date, to: Date) -> Vec<MonthKey> {
        let mut keys = Vec::new();
        if from > to {
            return keys;
        }
        let last = MonthKey::of(to);
        let mut key = MonthKey::of(from);
        while key <= last {
            keys.push(key);
            if key.next() == key {
                break;
            }
            key = key.next();
        }
        keys
    }
}

/// What one day holds, as bit flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DayFlags(pub u8);

impl DayFlags {
    /// A session with work done (the day counts towards the target).
    pub const ACTIVE: u8 = 1;
    /// Any session at all, even one quit before its first exercise.
    pub const SESSION: u8 = 2;
    /// A session ended by the stop rules.
    pub const SAFETY_STOP: u8 = 4;
    /// Marked as planned rest.
    pub const REST: u8 = 8;
    /// Marked as sick.
    pub const SICK: u8 = 16;

    /// Whether every bit of `flag` is set.
    pub fn has(self, flag: u8) -> bool {
        self.0 & flag == flag && flag != 0
    }

    /// Nothing recorded that day.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The day's mark, if any.
    pub fn mark(self) -> Option<DayMarkKind> {
        if self.has(Self::SICK) {
            Some(DayMarkKind::Sick)
        } else if self.has(Self::REST) {
            Some(DayMarkKind::Rest)
        } else {
            None
        }
    }

    /// The flags of each day that has sessions or a mark.
    pub fn of_records<'a>(
        sessions: impl IntoIterator<Item = &'a SessionRecord>,
        marks: impl IntoIterator<Item = &'a DayMark>,
    ) -> BTreeMap<Date, DayFlags> {
        let mut days: BTreeMap<Date, DayFlags> = BTreeMap::new();
        for s in sessions {
            let flags = days.entry(s.date).or_default();
            flags.0 |= Self::SESSION;
            if s.did_work() {
                flags.0 |= Self::ACTIVE;
            }
            if s.is_safety_stop() {
                flags.0 |= Self::SAFETY_STOP;
            }
        }
        for m in marks {
            let flags = days.entry(m.date).or_default();
            flags.0 |= match m.kind {
                DayMarkKind::Rest => Self::REST,
                DayMarkKind::Sick => Self::SICK,
            };
        }
        days
    }
}

/// Every recorded day's flags, month by month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayIndex {
    months: BTreeMap<MonthKey, Vec<DayFlags>>,
}

impl DayIndex {
    /// The flags of `date` (empty when nothing is known).
    pub fn get(&self, date: Date) -> DayFlags {
        let key = MonthKey::of(date);
        self.months
            .get(&key)
            .and_then(|days| days.get(usize::try_from(date.day() - 1).unwrap_or(0)))
            .copied()
            .unwrap_or_default()
    }

    /// Replaces everything known about `key` with `days`; whether that
    /// changed anything.
    pub fn set_month(&mut self, key: MonthKey, days: &BTreeMap<Date, DayFlags>) -> bool {
        let mut row = vec![DayFlags::default(); key.days() as usize];
        for (date, flags) in days {
            if key.contains(*date)
                && let Some(slot) = row.get_mut(usize::try_from(date.day() - 1).unwrap_or(0))
            {
                *slot = *flags;
            }
        }
        if row.iter().all(|f| f.is_empty()) {
            self.months.remove(&key).is_some()
        } else {
            self.months.insert(key, row.clone()) != Some(row)
        }
    }

    /// Adds what is known about days of `key` without forgetting anything:
    /// used when part of the month could not be read, so the days recorded
    /// in the unreadable file (known from earlier saves) are kept.
    pub fn merge_month(&mut self, key: MonthKey, days: &BTreeMap<Date, DayFlags>) -> bool {
        let mut merged: BTreeMap<Date, DayFlags> = BTreeMap::new();
        for i in 1..=key.days() {
            if let Some(date) = key.day(i) {
                let flags = self.get(date);
                if !flags.is_empty() {
                    merged.insert(date, flags);
                }
            }
        }
        for (date, flags) in days {
            merged.entry(*date).or_default().0 |= flags.0;
        }
        self.set_month(key, &merged)
    }

    /// The first day with anything recorded: streak walks stop there.
    pub fn earliest(&self) -> Option<Date> {
        self.days().next().map(|(d, _)| d)
    }

    /// Every non-empty day, oldest first.
    pub fn days(&self) -> impl DoubleEndedIterator<Item = (Date, DayFlags)> + '_ {
        self.months.iter().flat_map(|(key, row)| {
            row.iter().enumerate().filter_map(move |(i, flags)| {
                let date = key.day(i as i8 + 1)?;
                (!flags.is_empty()).then_some((date, *flags))
            })
        })
    }

    /// The latest day on or before `on_or_before` whose flags contain `flag`.
    pub fn latest_with(&self, flag: u8, on_or_before: Date) -> Option<Date> {
        self.days()
            .rev()
            .find(|(d, f)| *d <= on_or_before && f.has(flag))
            .map(|(d, _)| d)
    }

    /// Whether nothing at all is recorded.
    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }

    /// Each month with anything recorded, oldest first, one entry per day.
    pub fn months(&self) -> impl Iterator<Item = (MonthKey, &[DayFlags])> + '_ {
        self.months.iter().map(|(k, row)| (*k, row.as_slice()))
    }

    /// Builds an index from rows of days (a row is padded or cut to its month).
    pub fn from_months(rows: impl IntoIterator<Item = (MonthKey, Vec<DayFlags>)>) -> DayIndex {
        let months = rows
            .into_iter()
            .map(|(key, mut days)| {
                days.resize(key.days() as usize, DayFlags::default());
                (key, days)
            })
            .collect();
        DayIndex { months }
    }
}
