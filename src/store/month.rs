//! One file per month: `history/YYYY-MM.ron`, plus `YYYY-MM.1.ron`… siblings
//! that only appear when a month file could not be read (new data goes there
//! so the unreadable one is never written over). Showing a week reads two or
//! three months, however many years lie behind them.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::fsio::{self, FileStamp, ReadOutcome};
use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::domain::{CheckIn, DayMark, DayMarkKind, FileProblem, MonthKey, SessionRecord};

/// One month of history: one file per month keeps start-up flat as years pile up.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MonthFile {
    /// Sessions started this month (by local date), in time order.
    #[serde(default)]
    pub sessions: Vec<SessionRecord>,
    /// Check-ins of this month, in time order.
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
    /// Rest and sick days marked this month, in date order.
    #[serde(default)]
    pub marks: Vec<DayMark>,
}

/// Month files parsed recently, each with the stamp of the file it came
/// from: a session's saves and the screens' reads of the same few months
/// then parse each file once, not on every read (a month of daily sessions
/// is about 130 KB of RON, ~2 ms to parse).
#[derive(Debug, Default)]
pub struct MonthCache {
    entries: Vec<(PathBuf, FileStamp, MonthFile)>,
}

impl MonthCache {
    /// How many files are kept: the three months a plan reads, and a few more.
    const CAPACITY: usize = 6;

    /// The parsed content of `path` if it is cached and the file has not
    /// changed since.
    pub fn get(&mut self, path: &Path, stamp: FileStamp) -> Option<MonthFile> {
        let i = self.entries.iter().position(|(p, _, _)| p == path)?;
        if self.entries[i].1 != stamp {
            self.entries.remove(i);
            return None;
        }
        // Most recently used last.
        let entry = self.entries.remove(i);
        let month = entry.2.clone();
        self.entries.push(entry);
        Some(month)
    }

    /// Keeps `month` as the content of `path` at `stamp`.
    pub fn put(&mut self, path: &Path, stamp: FileStamp, month: &MonthFile) {
        self.entries.retain(|(p, _, _)| p != path);
        if self.entries.len() >= Self::CAPACITY {
            self.entries.remove(0);
        }
        self.entries
            .push((path.to_path_buf(), stamp, month.clone()));
    }
}

/// One file of a month's chain, `YYYY-MM.ron` or a numbered sibling, as read.
pub struct ChainFile {
    /// Where the file is (or will be).
    pub path: PathBuf,
    /// `None` when the file could not be read: never written.
    pub content: Option<MonthFile>,
    /// Changed in memory, to be written.
    pub dirty: bool,
}

/// Everything on disk for one month.
pub struct MonthChain {
    /// The month.
    pub key: MonthKey,
    /// Its files, oldest first; new data goes to the last readable one.
    pub files: Vec<ChainFile>,
    /// The files of the chain that could not be read.
    pub problems: Vec<FileProblem>,
}

impl MonthChain {
    /// Reads every file of the month (usually one).
    pub fn read(dir: &Path, key: MonthKey) -> MonthChain {
        Self::read_cached(dir, key, &mut MonthCache::default())
    }

    /// [`MonthChain::read`], taking files unchanged since they were last
    /// read (or written) through `cache` from it instead of parsing them again.
    pub fn read_cached(dir: &Path, key: MonthKey, cache: &mut MonthCache) -> MonthChain {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for path in fsio::chain(dir, &key.stem()) {
            let stamp = FileStamp::of(&path);
            if let Some(month) = stamp.and_then(|stamp| cache.get(&path, stamp)) {
                files.push(ChainFile {
                    path,
                    content: Some(month),
                    dirty: false,
                });
                continue;
            }
            let content = match fsio::read_ron::<MonthFile>(&path) {
                ReadOutcome::Parsed(m) => {
                    if let Some(stamp) = stamp {
                        cache.put(&path, stamp, &m);
                    }
                    Some(m)
                }
                // Gone between listing and reading: treat as empty but writable.
                ReadOutcome::Missing => Some(MonthFile::default()),
                ReadOutcome::Problem(p) => {
                    problems.push(p);
                    None
                }
            };
            files.push(ChainFile {
                path,
                content,
                dirty: false,
            });
        }
        MonthChain {
            key,
            files,
            problems,
        }
    }

    /// All readable records of the month merged; a record present in two
    /// files (which saving never does) is taken from the later file.
    pub fn merged(&self) -> MonthFile {
        let mut out = MonthFile::default();
        for month in self.files.iter().filter_map(|f| f.content.as_ref()) {
            for s in &month.sessions {
                upsert_session(&mut out, s.clone());
            }
            for c in &month.checkins {
                upsert_checkin(&mut out, c.clone());
            }
            for m in &month.marks {
                set_mark(&mut out, m.date, Some(m.kind));
            }
        }
        out
    }

    /// The readable file that should receive new records: the last file when
    /// readable, otherwise a new sibling after it.
    fn target(&mut self, dir: &Path) -> usize {
        if self.files.last().is_some_and(|last| last.content.is_some()) {
            return self.files.len() - 1;
        }
        let paths: Vec<PathBuf> = self.files.iter().map(|f| f.path.clone()).collect();
        self.files.push(ChainFile {
            path: fsio::next_free(dir, &self.key.stem(), &paths),
            content: Some(MonthFile::default()),
            dirty: false,
        });
        self.files.len() - 1
    }

    /// Inserts or replaces a session (by id) where it already lives, else in
    /// the target file.
    pub fn put_session(&mut self, dir: &Path, record: &SessionRecord) {
        let found = self.files.iter().position(|f| {
            f.content
                .as_ref()
                .is_some_and(|m| m.sessions.iter().any(|s| s.id == record.id))
        });
        let i = match found {
            Some(i) => i,
            None => self.target(dir),
        };
        if let Some(month) = self.files[i].content.as_mut() {
            upsert_session(month, record.clone());
            self.files[i].dirty = true;
        }
    }

    /// Inserts or replaces a check-in (by time).
    pub fn put_checkin(&mut self, dir: &Path, checkin: &CheckIn) {
        let found = self.files.iter().position(|f| {
            f.content
                .as_ref()
                .is_some_and(|m| m.checkins.iter().any(|c| c.at == checkin.at))
        });
        let i = match found {
            Some(i) => i,
            None => self.target(dir),
        };
        if let Some(month) = self.files[i].content.as_mut() {
            upsert_checkin(month, checkin.clone());
            self.files[i].dirty = true;
        }
    }

    /// Sets or clears a day's mark, wherever it lives.
    pub fn put_mark(&mut self, dir: &Path, date: Date, kind: Option<DayMarkKind>) {
        let mut found = false;
        for file in &mut self.files {
            if let Some(month) = file.content.as_mut()
                && month.marks.iter().any(|m| m.date == date)
            {
                set_mark(month, date, kind);
                file.dirty = true;
                found = true;
            }
        }
        if !found && kind.is_some() {
            let i = self.target(dir);
            if let Some(month) = self.files[i].content.as_mut() {
                set_mark(month, date, kind);
                self.files[i].dirty = true;
            }
        }
    }

    /// Writes every changed file atomically.
    pub fn write(&mut self) -> Result<(), StoreError> {
        self.write_cached(&mut MonthCache::default())
    }

    /// [`MonthChain::write`], keeping what was written in `cache`.
    pub fn write_cached(&mut self, cache: &mut MonthCache) -> Result<(), StoreError> {
        for file in self.files.iter_mut().filter(|f| f.dirty) {
            if let Some(month) = file.content.as_mut() {
                sort_month(month);
                let text = fsio::to_ron(month, &file.path, "")?;
                let stamp = fsio::write_atomic_stamped(&file.path, text.as_bytes())?;
                cache.put(&file.path, stamp, month);
                file.dirty = false;
            }
        }
        Ok(())
    }
}

/// Keeps each file in time order, so a person reading it finds things.
fn sort_month(month: &mut MonthFile) {
    month.sessions.sort_by_key(|s| (s.date, s.started));
    month.checkins.sort_by_key(|c| c.at);
    month.marks.sort_by_key(|m| m.date);
}

/// Insert or replace by id.
pub fn upsert_session(month: &mut MonthFile, record: SessionRecord) {
    match month.sessions.iter_mut().find(|s| s.id == record.id) {
        Some(slot) => *slot = record,
        None => month.sessions.push(record),
    }
}

/// Insert or replace by time.
pub fn upsert_checkin(month: &mut MonthFile, checkin: CheckIn) {
    match month.checkins.iter_mut().find(|c| c.at == checkin.at) {
        Some(slot) => *slot = checkin,
        None => month.checkins.push(checkin),
    }
}

/// Set (or with `None`, clear) the mark of `date`.
pub fn set_mark(month: &mut MonthFile, date: Date, kind: Option<DayMarkKind>) {
    month.marks.retain(|m| m.date != date);
    if let Some(kind) = kind {
        month.marks.push(DayMark { date, kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn month_keys_name_files_and_span_years() {
        let key = MonthKey::of(date(2026, 12, 31));
        assert_eq!(key.stem(), "2026-12");
        assert_eq!(MonthKey::parse("2026-12"), Some(key));
        assert_eq!(MonthKey::parse("2026-13"), None);
        assert_eq!(MonthKey::parse("2026-1"), None);
        assert_eq!(key.next().stem(), "2027-01");
        assert_eq!(key.next().prev(), key);
        let span: Vec<String> = MonthKey::span(date(2026, 11, 30), date(2027, 2, 1))
            .into_iter()
            .map(MonthKey::stem)
            .collect();
        assert_eq!(span, ["2026-11", "2026-12", "2027-01", "2027-02"]);
        assert!(MonthKey::span(date(2027, 1, 1), date(2026, 1, 1)).is_empty());
        assert_eq!(MonthKey::of(date(2028, 2, 1)).days(), 29);
    }

    fn marked(day: i8) -> MonthFile {
        let mut month = MonthFile::default();
        set_mark(&mut month, date(2026, 3, day), Some(DayMarkKind::Rest));
        month
    }

    #[test]
    fn the_cache_serves_an_unchanged_file_and_rereads_a_replaced_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let key = MonthKey::of(date(2026, 3, 1));
        let path = dir.path().join("2026-03.ron");
        let write = |month: &MonthFile| {
            let text = fsio::to_ron(month, &path, "").expect("encodes");
            fsio::write_atomic(&path, text.as_bytes()).expect("writes");
        };
        write(&marked(1));
        let mut cache = MonthCache::default();
        let first = MonthChain::read_cached(dir.path(), key, &mut cache).merged();
        assert_eq!(first, marked(1));
        assert_eq!(cache.entries.len(), 1);
        // Written by someone else (a new file, as every atomic write makes).
        write(&marked(2));
        let second = MonthChain::read_cached(dir.path(), key, &mut cache).merged();
        assert_eq!(second, marked(2), "a replaced file is read again");
        // Our own writes keep the cache current.
        let mut chain = MonthChain::read_cached(dir.path(), key, &mut cache);
        chain.put_mark(dir.path(), date(2026, 3, 3), Some(DayMarkKind::Sick));
        chain.write_cached(&mut cache).expect("writes");
        let stamp = FileStamp::of(&path).expect("the file exists");
        let cached = cache.get(&path, stamp).expect("cached as written");
        assert_eq!(cached, MonthChain::read(dir.path(), key).merged());
    }

    #[test]
    fn the_cache_keeps_a_bounded_number_of_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cache = MonthCache::default();
        for month in 1..=9i8 {
            let key = MonthKey::of(date(2026, month, 1));
            let path = dir.path().join(format!("{}.ron", key.stem()));
            let text = fsio::to_ron(&marked(1), &path, "").expect("encodes");
            fsio::write_atomic(&path, text.as_bytes()).expect("writes");
            MonthChain::read_cached(dir.path(), key, &mut cache);
        }
        assert_eq!(cache.entries.len(), MonthCache::CAPACITY);
    }
}
