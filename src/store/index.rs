//! A small summary of every day ever recorded, kept up to date on each save,
//! so streaks and "the last session" never need to read years of month files.
//!
//! On disk (`index.ron`) it is one short string per month, one character per
//! day: about 45 bytes a month, so ten years of history is a few kilobytes
//! against the tens of kilobytes of a single month file. It is derived data:
//! when missing it is rebuilt from the month files; for the months a caller
//! loads anyway, the rules prefer the month files themselves.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::month::MonthKey;
use super::records::{DayMark, DayMarkKind, MonthFile, SessionRecord};

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

    /// The index's alphabet: one character per combination of flags.
    const ALPHABET: &'static [u8; 32] = b"0123456789abcdefghijklmnopqrstuv";

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

    fn to_char(self) -> char {
        char::from(Self::ALPHABET[usize::from(self.0 & 31)])
    }

    fn from_char(c: char) -> DayFlags {
        let pos = Self::ALPHABET.iter().position(|&a| char::from(a) == c);
        DayFlags(pos.map_or(0, |p| p as u8))
    }

    /// The flags of each day of a month, computed from its records.
    pub fn of_month(month: &MonthFile, key: MonthKey) -> BTreeMap<Date, DayFlags> {
        Self::of_records(
            month.sessions.iter().filter(|s| key.contains(s.date)),
            month.marks.iter().filter(|m| key.contains(m.date)),
        )
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

/// The on-disk shape of `index.ron`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexFile {
    #[serde(default)]
    /// The format's version (1).
    pub version: u32,
    /// `"YYYY-MM"` → one character per day (see the header of the file).
    #[serde(default)]
    pub months: BTreeMap<String, String>,
}

/// The header written above the index, so a person reading it knows what it is.
pub const INDEX_HEADER: &str = "\
// backcoach day index: derived from the month files in history/, safe to delete
// (it is rebuilt). One character per day of the month, a sum of flags written in
// base 32 (0-9, a-v): 1 active, 2 any session, 4 safety stop, 8 rest, 16 sick.
";

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

    /// The file shape.
    pub fn to_file(&self) -> IndexFile {
        IndexFile {
            version: 1,
            months: self
                .months
                .iter()
                .map(|(k, row)| (k.stem(), row.iter().map(|f| f.to_char()).collect()))
                .collect(),
        }
    }

    /// Back from the file shape; entries with a malformed month are skipped.
    pub fn from_file(file: &IndexFile) -> DayIndex {
        let months = file
            .months
            .iter()
            .filter_map(|(stem, row)| {
                let key = MonthKey::parse(stem)?;
                let mut days: Vec<DayFlags> = row.chars().map(DayFlags::from_char).collect();
                days.resize(key.days() as usize, DayFlags::default());
                Some((key, days))
            })
            .collect();
        DayIndex { months }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_combination_of_flags_survives_the_file() {
        let key = MonthKey::of(date(2026, 2, 1));
        let days: BTreeMap<Date, DayFlags> = (0..28u8)
            .map(|i| (date(2026, 2, i as i8 + 1), DayFlags(i + 3)))
            .collect();
        let mut index = DayIndex::default();
        index.set_month(key, &days);
        let file = index.to_file();
        assert_eq!(file.months["2026-02"].chars().count(), 28);
        let back = DayIndex::from_file(&file);
        assert_eq!(back, index);
        assert_eq!(back.get(date(2026, 2, 5)), DayFlags(7));
        assert_eq!(back.earliest(), Some(date(2026, 2, 1)));
        assert_eq!(
            back.latest_with(DayFlags::SICK, date(2026, 2, 20)),
            Some(date(2026, 2, 20))
        );
        // Flags 3..=15 on the 1st to the 13th: none has the sick bit (16).
        assert_eq!(back.latest_with(DayFlags::SICK, date(2026, 2, 13)), None);
        index.set_month(key, &BTreeMap::new());
        assert!(index.is_empty());
    }
}
