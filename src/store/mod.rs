//! The history on disk: plain RON files under the data dir.
//!
//! ```text
//! <data dir>/                0700
//!   profile.ron              0600  the profile
//!   index.ron                0600  one character per recorded day (derived, rebuilt if missing)
//!   .lock                    0600  empty; locked while a save writes (two windows never clobber each other)
//!   history/                 0700
//!     2026-03.ron            0600  sessions, check-ins and day marks of March 2026
//!     2026-03.1.ron          0600  only if 2026-03.ron could not be read: new data goes here
//! ```
//!
//! Every save goes through a queue kept in memory: the record is queued, then
//! the queue is written month by month (atomically). What fails to write
//! stays queued, is still returned by [`Store::load`], and is written by the
//! next save or [`Store::retry_pending`], so a full disk or a permission
//! problem never silently drops a rating.

pub mod export;
mod fsio;
pub mod index;
pub mod month;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::domain::{
    CheckIn, DayFlags, DayIndex, DayMarkKind, FileProblem, History, MonthKey, SessionRecord,
    SessionStatus,
};
use crate::profile::Profile;
use index::{INDEX_HEADER, IndexFile, month_flags};
use month::{MonthCache, MonthChain, MonthFile};

pub use fsio::{DIR_MODE, FILE_MODE, write_atomic};

/// The folder of month files inside the data dir.
pub const HISTORY_DIR: &str = "history";
/// Stem of the profile file (`profile.ron`).
pub const PROFILE_STEM: &str = "profile";
/// Stem of the day index (`index.ron`).
pub const INDEX_STEM: &str = "index";

/// A failure to find, create or write the store's files; always names the path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused: the operation, the path and the OS error.
    #[error("cannot {op} {}: {source}", path.display())]
    Io {
        /// What was being done ("create", "write", "replace"…).
        op: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Serializing a record failed (should not happen with these types).
    #[error("cannot encode {}: {message}", path.display())]
    Encode {
        /// The file being written.
        path: PathBuf,
        /// ron's message.
        message: String,
    },
    /// No `--data-dir` and no home directory to put the data in.
    #[error(
        "no data directory could be found (no home directory): pass --data-dir or set BACKCOACH_DATA_DIR"
    )]
    NoDataDir,
    /// A save failed; the change waits in memory and is retried.
    #[error("{cause} ({pending} unsaved change(s) kept in memory; saving is retried)")]
    Unsaved {
        /// Changes waiting in memory.
        pending: usize,
        /// Why the write failed.
        #[source]
        cause: Box<StoreError>,
    },
}

impl StoreError {
    /// An I/O failure on `path` while doing `op`.
    pub fn io(op: &'static str, path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Where the data lives: `--data-dir`/`BACKCOACH_DATA_DIR` when given, else the
/// platform's data dir (e.g. `~/.local/share/backcoach`).
pub fn data_dir(override_dir: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = override_dir {
        return Ok(dir.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "backcoach")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// A write waiting in memory: every save passes through here.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Session(SessionRecord),
    CheckIn(CheckIn),
    Mark(Date, Option<DayMarkKind>),
}

impl Pending {
    fn date(&self) -> Date {
        match self {
            Pending::Session(s) => s.date,
            Pending::CheckIn(c) => c.date,
            Pending::Mark(d, _) => *d,
        }
    }

    /// Whether `other` is a newer version of the same record.
    fn same_record(&self, other: &Pending) -> bool {
        match (self, other) {
            (Pending::Session(a), Pending::Session(b)) => a.id == b.id && a.date == b.date,
            (Pending::CheckIn(a), Pending::CheckIn(b)) => a.at == b.at && a.date == b.date,
            (Pending::Mark(a, _), Pending::Mark(b, _)) => a == b,
            _ => false,
        }
    }
}

/// The index as read, with where the next version goes.
struct LoadedIndex {
    index: DayIndex,
    /// Where to write it: never over an unreadable file.
    path: PathBuf,
    problems: Vec<FileProblem>,
    /// Rebuilt from the month files: worth writing.
    rebuilt: bool,
}

/// The history store of one data dir.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    history: PathBuf,
    pending: Vec<Pending>,
    running: Option<String>,
    /// The day index once read (by the first save), kept current by saves.
    index: Option<(DayIndex, PathBuf)>,
    /// The cached index has changes not yet on disk.
    index_dirty: bool,
    /// Month files read or written lately, so repeated reads of the same
    /// months (a screen, the plan, each save) parse each file once.
    months: RefCell<MonthCache>,
}

impl Store {
    /// Opens (creating, 0700) the data dir. Reads nothing, so start-up stays
    /// instant whatever the size of the history.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fsio::create_private_dir(dir)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            history: dir.join(HISTORY_DIR),
            pending: Vec::new(),
            running: None,
            index: None,
            index_dirty: false,
            months: RefCell::new(MonthCache::default()),
        })
    }

    /// The data dir.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder of month files.
    pub fn history_dir(&self) -> &Path {
        &self.history
    }

    /// The profile, `None` when none was saved yet; an unreadable
    /// `profile.ron` is returned as the problem (callers fall back to the
    /// defaults, and the next save goes to a sibling file).
    pub fn load_profile(&self) -> Result<Option<Profile>, FileProblem> {
        let chain = fsio::chain(&self.dir, PROFILE_STEM);
        let Some(last) = chain.last() else {
            return Ok(None);
        };
        match fsio::read_ron::<Profile>(last) {
            fsio::ReadOutcome::Parsed(p) => Ok(Some(p)),
            fsio::ReadOutcome::Missing => Ok(None),
            fsio::ReadOutcome::Problem(p) => Err(p),
        }
    }

    /// Saves the profile atomically (0600); an unreadable profile file is left
    /// as it is and the profile goes to `profile.1.ron` (then read instead).
    pub fn save_profile(&self, profile: &Profile) -> Result<(), StoreError> {
        let chain = fsio::chain(&self.dir, PROFILE_STEM);
        let path = match chain.last() {
            Some(last)
                if !matches!(
                    fsio::read_ron::<Profile>(last),
                    fsio::ReadOutcome::Problem(_)
                ) =>
            {
                last.clone()
            }
            _ => fsio::next_free(&self.dir, PROFILE_STEM, &chain),
        };
        let text = fsio::to_ron(profile, &path, "")?;
        fsio::write_atomic(&path, text.as_bytes())
    }

    /// Inserts or replaces (by `id`) a session in the month of its date.
    /// Called at the start (`InProgress`), after every exercise and rating, and
    /// at the end: what is on disk is never more than one exercise behind.
    /// A session saved as `InProgress` by this store is its caller's running
    /// session and is not reported as interrupted.
    pub fn save_session(&mut self, record: &SessionRecord) -> Result<(), StoreError> {
        if record.status == SessionStatus::InProgress {
            self.running = Some(record.id.clone());
        } else if self.running.as_deref() == Some(record.id.as_str()) {
            self.running = None;
        }
        self.queue(Pending::Session(record.clone()));
        self.flush()
    }

    /// Saves a check-in (replacing one with the same time).
    pub fn save_checkin(&mut self, checkin: &CheckIn) -> Result<(), StoreError> {
        self.queue(Pending::CheckIn(checkin.clone()));
        self.flush()
    }

    /// Marks `date` as planned rest or sick, or clears its mark with `None`.
    pub fn set_mark(&mut self, date: Date, kind: Option<DayMarkKind>) -> Result<(), StoreError> {
        self.queue(Pending::Mark(date, kind));
        self.flush()
    }

    /// How many changes are waiting in memory because writing them failed.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Tries again to write what is waiting (also done by every save).
    pub fn retry_pending(&mut self) -> Result<(), StoreError> {
        self.flush()
    }

    /// Everything recorded from `from` to `to` (inclusive), reading only the
    /// months overlapping that range, plus the day index. Unsaved changes are
    /// included; unreadable files are listed in `problems`.
    pub fn load(&self, from: Date, to: Date) -> History {
        let mut history = History {
            range: Some((from, to)),
            running: self.running.clone(),
            ..History::default()
        };
        let mut cache = self.months.borrow_mut();
        for key in MonthKey::span(from, to) {
            let chain = MonthChain::read_cached(&self.history, key, &mut cache);
            let month = chain.merged();
            if !chain.problems.is_empty() {
                history.incomplete_months.push(key);
            }
            history.problems.extend(chain.problems);
            let within = |d: Date| from <= d && d <= to;
            history
                .sessions
                .extend(month.sessions.into_iter().filter(|s| within(s.date)));
            history
                .checkins
                .extend(month.checkins.into_iter().filter(|c| within(c.date)));
            history
                .marks
                .extend(month.marks.into_iter().filter(|m| within(m.date)));
        }
        overlay(&mut history, &self.pending);
        history.sort();
        match &self.index {
            Some((index, _)) => history.index = index.clone(),
            None => {
                let loaded = self.read_index();
                if loaded.rebuilt && !loaded.index.is_empty() {
                    self.write_index(&loaded.index, &loaded.path).ok();
                }
                history.index = loaded.index;
                history.problems.extend(loaded.problems);
            }
        }
        history
    }

    /// Every month on disk (for export): the one reader whose cost grows with
    /// the years, by nature.
    pub fn load_all(&self) -> History {
        let mut history = History {
            running: self.running.clone(),
            ..History::default()
        };
        let keys = self.month_keys();
        for key in &keys {
            let chain = MonthChain::read(&self.history, *key);
            let month = chain.merged();
            history.problems.extend(chain.problems);
            history.sessions.extend(month.sessions);
            history.checkins.extend(month.checkins);
            history.marks.extend(month.marks);
        }
        if let (Some(first), Some(last)) = (keys.first(), keys.last())
            && let (Some(from), Some(to)) = (first.day(1), last.day(last.days()))
        {
            history.range = Some((from, to));
        }
        let all = history.range;
        history.range = Some((Date::MIN, Date::MAX));
        overlay(&mut history, &self.pending);
        history.range = all;
        history.sort();
        history
    }

    /// The latest session on or before `on_or_before` (e.g. to compare with
    /// at check-in). Found through the day index: reads one month file.
    pub fn last_session(&self, on_or_before: Date) -> Option<SessionRecord> {
        self.latest_where(DayFlags::SESSION, on_or_before, |_| true)
    }

    /// The latest session stopped for safety on or before `on_or_before`
    /// (the check-in asks whether that pain has eased). Reads one month file.
    pub fn last_safety_stop(&self, on_or_before: Date) -> Option<SessionRecord> {
        self.latest_where(
            DayFlags::SAFETY_STOP,
            on_or_before,
            SessionRecord::is_safety_stop,
        )
    }

    fn latest_where(
        &self,
        flag: u8,
        on_or_before: Date,
        keep: impl Fn(&SessionRecord) -> bool,
    ) -> Option<SessionRecord> {
        let from_pending = self
            .pending
            .iter()
            .filter_map(|p| match p {
                Pending::Session(s) if s.date <= on_or_before && keep(s) => Some(s.clone()),
                _ => None,
            })
            .max_by_key(|s| s.started);
        let day = match &self.index {
            Some((index, _)) => index.latest_with(flag, on_or_before),
            None => self.read_index().index.latest_with(flag, on_or_before),
        };
        let from_disk = day.and_then(|day| {
            let mut cache = self.months.borrow_mut();
            let month =
                MonthChain::read_cached(&self.history, MonthKey::of(day), &mut cache).merged();
            month
                .sessions
                .into_iter()
                .filter(|s| s.date <= on_or_before && keep(s))
                .max_by_key(|s| s.started)
        });
        match (from_pending, from_disk) {
            (Some(a), Some(b)) => Some(if a.started >= b.started { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    fn queue(&mut self, item: Pending) {
        match self.pending.iter_mut().find(|p| p.same_record(&item)) {
            Some(slot) => *slot = item,
            None => self.pending.push(item),
        }
    }

    /// Writes the queue month by month; what fails stays queued.
    fn flush(&mut self) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            self.flush_index();
            return Ok(());
        }
        if let Err(e) = fsio::create_private_dir(&self.history) {
            return Err(self.unsaved(e));
        }
        // Another backcoach on this data dir waits until these months are
        // written; each re-reads a month it did not write itself.
        let _lock = fsio::lock_exclusive(&self.dir);
        let keys: BTreeSet<MonthKey> = self
            .pending
            .iter()
            .map(|p| MonthKey::of(p.date()))
            .collect();
        let mut first_error = None;
        for key in keys {
            let mut chain = MonthChain::read_cached(&self.history, key, self.months.get_mut());
            for problem in &chain.problems {
                tracing::warn!("{problem} (left untouched; new data goes to a sibling file)");
            }
            for p in self
                .pending
                .iter()
                .filter(|p| MonthKey::of(p.date()) == key)
            {
                match p {
                    Pending::Session(s) => chain.put_session(&self.history, s),
                    Pending::CheckIn(c) => chain.put_checkin(&self.history, c),
                    Pending::Mark(d, k) => chain.put_mark(&self.history, *d, *k),
                }
            }
            match chain.write_cached(self.months.get_mut()) {
                Ok(()) => {
                    self.pending.retain(|p| MonthKey::of(p.date()) != key);
                    let flags = month_flags(&chain.merged(), key);
                    // Rewritten (two more fsyncs) only when a day's flags changed.
                    let changed = if chain.problems.is_empty() {
                        self.index_mut().set_month(key, &flags)
                    } else {
                        self.index_mut().merge_month(key, &flags)
                    };
                    self.index_dirty |= changed;
                }
                Err(e) => {
                    tracing::warn!("{e}");
                    first_error.get_or_insert(e);
                }
            }
        }
        self.flush_index();
        match first_error {
            Some(e) => Err(self.unsaved(e)),
            None => Ok(()),
        }
    }

    fn unsaved(&self, cause: StoreError) -> StoreError {
        StoreError::Unsaved {
            pending: self.pending.len(),
            cause: Box::new(cause),
        }
    }

    /// Writes the index if it changed. A failure is only logged: the month
    /// files (the truth) are saved, and the index is retried on the next save.
    fn flush_index(&mut self) {
        if !self.index_dirty {
            return;
        }
        if let Some((index, path)) = &self.index {
            match self.write_index(index, path) {
                Ok(()) => self.index_dirty = false,
                Err(e) => tracing::warn!("day index not updated: {e}"),
            }
        }
    }

    fn index_mut(&mut self) -> &mut DayIndex {
        if self.index.is_none() {
            let loaded = Self::read_index_at(&self.dir, &self.history);
            // A rebuilt index is worth writing even if no day changes.
            self.index_dirty |= loaded.rebuilt;
            self.index = Some((loaded.index, loaded.path));
        }
        let (index, _) = self.index.get_or_insert_with(Default::default);
        index
    }

    fn write_index(&self, index: &DayIndex, path: &Path) -> Result<(), StoreError> {
        let text = fsio::to_ron(&index::to_file(index), path, INDEX_HEADER)?;
        fsio::write_atomic(path, text.as_bytes())
    }

    fn read_index(&self) -> LoadedIndex {
        Self::read_index_at(&self.dir, &self.history)
    }

    fn read_index_at(dir: &Path, history: &Path) -> LoadedIndex {
        let chain = fsio::chain(dir, INDEX_STEM);
        let mut problems = Vec::new();
        if let Some(last) = chain.last() {
            match fsio::read_ron::<IndexFile>(last) {
                fsio::ReadOutcome::Parsed(file) => {
                    // Earlier files of the chain were unreadable once; report them still.
                    for path in &chain[..chain.len() - 1] {
                        if let fsio::ReadOutcome::Problem(p) = fsio::read_ron::<IndexFile>(path) {
                            problems.push(p);
                        }
                    }
                    return LoadedIndex {
                        index: index::from_file(&file),
                        path: last.clone(),
                        problems,
                        rebuilt: false,
                    };
                }
                fsio::ReadOutcome::Problem(p) => problems.push(p),
                fsio::ReadOutcome::Missing => {}
            }
        }
        // No readable index: rebuild it once from every month file.
        let mut index = DayIndex::default();
        for key in month_keys_in(history) {
            let chain = MonthChain::read(history, key);
            index.set_month(key, &month_flags(&chain.merged(), key));
        }
        LoadedIndex {
            index,
            path: fsio::next_free(dir, INDEX_STEM, &chain),
            problems,
            rebuilt: true,
        }
    }

    fn month_keys(&self) -> Vec<MonthKey> {
        month_keys_in(&self.history)
    }
}

/// `history` with the unsaved changes laid over what was read.
fn overlay(history: &mut History, pending: &[Pending]) {
    let range = history.range;
    let covered = |d: Date| range.is_some_and(|(from, to)| from <= d && d <= to);
    let mut month = MonthFile {
        sessions: std::mem::take(&mut history.sessions),
        checkins: std::mem::take(&mut history.checkins),
        marks: std::mem::take(&mut history.marks),
    };
    for p in pending.iter().filter(|p| covered(p.date())) {
        match p {
            Pending::Session(s) => month::upsert_session(&mut month, s.clone()),
            Pending::CheckIn(c) => month::upsert_checkin(&mut month, c.clone()),
            Pending::Mark(d, k) => month::set_mark(&mut month, *d, *k),
        }
    }
    history.sessions = month.sessions;
    history.checkins = month.checkins;
    history.marks = month.marks;
}

/// Every month that has a file (or a sibling) in `history`, oldest first.
fn month_keys_in(history: &Path) -> Vec<MonthKey> {
    let Ok(entries) = std::fs::read_dir(history) else {
        return Vec::new();
    };
    let keys: BTreeSet<MonthKey> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".ron")?;
            let month = stem.split('.').next()?;
            MonthKey::parse(month)
        })
        .collect();
    keys.into_iter().collect()
}
