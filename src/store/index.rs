//! The day index on disk (`index.ron`): one short string per month, one
//! character per day: about 45 bytes a month, so ten years of history is a few
//! kilobytes against the tens of kilobytes of a single month file.
//!
//! It is derived data that can never hide a record. Beside each month's
//! days it keeps a fingerprint of the month's files (name, inode, length,
//! modification time) as they were when the days were read from them.
//! Every read lists `history/` and compares: a month whose files changed
//! (another window saved, a crash came between a month and the index, a
//! person edited a file) is read again, a month the index does not know is
//! added, and a month whose files are gone is dropped. Listing and `stat`ing
//! a hundred files costs a fraction of a millisecond; only changed months
//! are parsed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::fsio::{self, FileStamp, ReadOutcome};
use super::month::{MonthCache, MonthChain, MonthFile};
use super::{INDEX_STEM, StoreError};
use crate::domain::{DayFlags, DayIndex, FileProblem, MonthKey};

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
    /// The format's version (2; 1 had no `sources`, so every month is read
    /// again once).
    pub version: u32,
    /// `"YYYY-MM"` → one character per day (see the header of the file).
    #[serde(default)]
    pub months: BTreeMap<String, String>,
    /// `"YYYY-MM"` → fingerprint of the month's files the days were read from.
    #[serde(default)]
    pub sources: BTreeMap<String, u64>,
}

/// The header written above the index, so a person reading it knows what it is.
pub const INDEX_HEADER: &str = "\
// backcoach day index: derived from the month files in history/, safe to delete
// (it is rebuilt). One character per day of the month, a sum of flags written in
// base 32 (0-9, a-v): 1 active, 2 any session, 4 safety stop, 8 rest, 16 sick.
// `sources` fingerprints the month files each row was read from: a month whose
// files changed since is read again.
";

/// The file shape of an index.
pub fn to_file(index: &DayIndex, sources: &BTreeMap<MonthKey, u64>) -> IndexFile {
    IndexFile {
        version: 2,
        months: index
            .months()
            .map(|(k, row)| (k.stem(), row.iter().map(|f| to_char(*f)).collect()))
            .collect(),
        sources: sources.iter().map(|(k, f)| (k.stem(), *f)).collect(),
    }
}

/// Back from the file shape; entries with a malformed month are skipped.
pub fn from_file(file: &IndexFile) -> (DayIndex, BTreeMap<MonthKey, u64>) {
    let index = DayIndex::from_months(file.months.iter().filter_map(|(stem, row)| {
        let key = MonthKey::parse(stem)?;
        Some((key, row.chars().map(from_char).collect()))
    }));
    let sources = file
        .sources
        .iter()
        .filter_map(|(stem, f)| Some((MonthKey::parse(stem)?, *f)))
        .collect();
    (index, sources)
}

/// The files of each month in `history/` (`YYYY-MM.ron` and its numbered
/// siblings, nothing else), with their stamps: one directory listing.
pub type Listing = BTreeMap<MonthKey, Vec<(String, FileStamp)>>;

/// Lists the month files of `history` (empty when it does not exist).
pub fn list_months(history: &Path) -> Listing {
    let mut listing = Listing::new();
    let Ok(entries) = std::fs::read_dir(history) else {
        return listing;
    };
    for entry in entries.filter_map(Result::ok) {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Some(key) = month_of_file(&name) else {
            continue;
        };
        // A file that vanished since the listing is simply not there.
        if let Some(stamp) = FileStamp::of(&entry.path()) {
            listing.entry(key).or_default().push((name, stamp));
        }
    }
    for files in listing.values_mut() {
        files.sort_by(|a, b| a.0.cmp(&b.0));
    }
    listing
}

/// `YYYY-MM.ron` or `YYYY-MM.N.ron` → the month; anything else → `None`.
fn month_of_file(name: &str) -> Option<MonthKey> {
    let stem = name.strip_suffix(".ron")?;
    let (month, sibling) = match stem.split_once('.') {
        Some((month, n)) => (month, Some(n)),
        None => (stem, None),
    };
    if sibling.is_some_and(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    MonthKey::parse(month)
}

/// A fingerprint of one month's files (FNV-1a over names and stamps: stable
/// across builds, unlike the standard library's hasher).
pub fn fingerprint(files: &[(String, FileStamp)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (name, stamp) in files {
        eat(name.as_bytes());
        eat(&[0]);
        for word in stamp.words() {
            eat(&word.to_le_bytes());
        }
    }
    hash
}

/// The day index as derived from the month files, kept by a store between
/// reads and checked against the files on each.
#[derive(Debug)]
pub struct Derived {
    /// Every recorded day's flags.
    pub index: DayIndex,
    /// Each month's fingerprint when its row was read.
    pub sources: BTreeMap<MonthKey, u64>,
    /// Where to write it: never over an unreadable file.
    pub path: PathBuf,
    /// Index files that could not be read.
    pub problems: Vec<FileProblem>,
    /// Changed since it was last written.
    pub dirty: bool,
}

impl Derived {
    /// The index as last written (`index.ron`, or the last readable sibling),
    /// or an empty one to be filled from the month files.
    pub fn read(dir: &Path) -> Derived {
        let chain = fsio::chain(dir, INDEX_STEM);
        let mut problems = Vec::new();
        for (i, path) in chain.iter().enumerate().rev() {
            match fsio::read_ron::<IndexFile>(path) {
                ReadOutcome::Parsed(file) => {
                    // Earlier files of the chain were unreadable once; report them still.
                    for earlier in &chain[..i] {
                        if let ReadOutcome::Problem(p) = fsio::read_ron::<IndexFile>(earlier) {
                            problems.push(p);
                        }
                    }
                    problems.reverse();
                    let (index, sources) = from_file(&file);
                    return Derived {
                        index,
                        sources,
                        // Only the last file may be written; an unreadable one after
                        // this was reported and is skipped.
                        path: if i + 1 == chain.len() {
                            path.clone()
                        } else {
                            fsio::next_free(dir, INDEX_STEM, &chain)
                        },
                        problems,
                        dirty: i + 1 != chain.len(),
                    };
                }
                ReadOutcome::Problem(p) => problems.push(p),
                ReadOutcome::Missing => {}
            }
        }
        problems.reverse();
        Derived {
            index: DayIndex::default(),
            sources: BTreeMap::new(),
            path: fsio::next_free(dir, INDEX_STEM, &chain),
            problems,
            dirty: false,
        }
    }

    /// Brings the index in line with `listing`: months whose files changed
    /// are read again, new months added, months without files dropped.
    /// Returns whether anything changed.
    ///
    /// It is marked for writing when a day's flags changed or a month was
    /// added or dropped, not when only one known month's fingerprint moved
    /// (every save of a session does that): the stale fingerprint costs a
    /// later reader one read of that month, usually from the month cache,
    /// while writing would cost every save two more fsyncs. When several
    /// moved (a data dir copied or restored from a backup: every file has a
    /// new inode and time), it is written, or every start after would read
    /// every month again.
    pub fn refresh(&mut self, listing: &Listing, history: &Path, cache: &mut MonthCache) -> bool {
        let mut changed = false;
        let mut moved = 0usize;
        for (key, files) in listing {
            let print = fingerprint(files);
            let known = self.sources.get(key);
            if known == Some(&print) {
                continue;
            }
            let chain = MonthChain::read_cached(history, *key, cache);
            let flags = month_flags(&chain.merged(), *key);
            let days_changed = if chain.problems.is_empty() {
                self.index.set_month(*key, &flags)
            } else {
                // Part of the month cannot be read: keep the days known from
                // before it broke, and add what can be read.
                self.index.merge_month(*key, &flags)
            };
            self.dirty |= days_changed || known.is_none();
            moved += usize::from(known.is_some());
            self.sources.insert(*key, print);
            changed = true;
        }
        let gone: Vec<MonthKey> = self
            .index
            .months()
            .map(|(k, _)| k)
            .chain(self.sources.keys().copied())
            .filter(|k| !listing.contains_key(k))
            .collect();
        for key in gone {
            self.index.set_month(key, &BTreeMap::new());
            self.sources.remove(&key);
            self.dirty = true;
            changed = true;
        }
        self.dirty |= moved > 1;
        changed
    }

    /// Writes the index if it changed since it was last written.
    pub fn write_if_dirty(&mut self) -> Result<(), StoreError> {
        if !self.dirty {
            return Ok(());
        }
        let text = fsio::to_ron(
            &to_file(&self.index, &self.sources),
            &self.path,
            INDEX_HEADER,
        )?;
        fsio::write_atomic(&self.path, text.as_bytes())?;
        self.dirty = false;
        Ok(())
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
        let sources = BTreeMap::from([(key, 42)]);
        let file = to_file(&index, &sources);
        assert_eq!(file.months["2026-02"].chars().count(), 28);
        let (back, back_sources) = from_file(&file);
        assert_eq!(back, index);
        assert_eq!(back_sources, sources);
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

    #[test]
    fn only_month_files_are_listed() {
        assert_eq!(month_of_file("2026-03.ron"), MonthKey::parse("2026-03"));
        assert_eq!(month_of_file("2026-03.2.ron"), MonthKey::parse("2026-03"));
        assert_eq!(month_of_file("2026-03.x.ron"), None);
        assert_eq!(month_of_file("2026-03..ron"), None);
        assert_eq!(month_of_file(".2026-03.ron.77.1.tmp"), None);
        assert_eq!(month_of_file("index.ron"), None);
    }
}
