//! The day index on disk (`index.ron`): one short string per month, one
//! character per day: about 45 bytes a month, so ten years of history is a few
//! kilobytes against the tens of kilobytes of a single month file. It is
//! derived data: when missing it is rebuilt from the month files; for the
//! months a caller loads anyway, the rules prefer the month files themselves.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::month::MonthFile;
use crate::domain::{DayFlags, DayIndex, MonthKey};

/// The file's alphabet: one character per combination of flags.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";

fn to_char(flags: DayFlags) -> char {
    char::from(ALPHABET[usize::from(flags.0 & 31)])
}

fn from_char(c: char) -> DayFlags {
    let pos = ALPHABET.iter().position(|&a| char::from(a) == c);
    DayFlags(pos.map_or(0, |p| p as u8))
}

/// The flags of each day of a month, computed from its records.
pub fn month_flags(month: &MonthFile, key: MonthKey) -> BTreeMap<Date, DayFlags> {
    DayFlags::of_records(
        month.sessions.iter().filter(|s| key.contains(s.date)),
        month.marks.iter().filter(|m| key.contains(m.date)),
    )
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

/// The file shape of an index.
pub fn to_file(index: &DayIndex) -> IndexFile {
    IndexFile {
        version: 1,
        months: index
            .months()
            .map(|(k, row)| (k.stem(), row.iter().map(|f| to_char(*f)).collect()))
            .collect(),
    }
}

/// Back from the file shape; entries with a malformed month are skipped.
pub fn from_file(file: &IndexFile) -> DayIndex {
    DayIndex::from_months(file.months.iter().filter_map(|(stem, row)| {
        let key = MonthKey::parse(stem)?;
        Some((key, row.chars().map(from_char).collect()))
    }))
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
        let file = to_file(&index);
        assert_eq!(file.months["2026-02"].chars().count(), 28);
        let back = from_file(&file);
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
