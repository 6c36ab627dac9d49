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
//! the queue is written month by month (atomically), under the data dir's
//! lock. What fails to write, or cannot take the lock, stays queued, is still
//! returned by [`Store::load`], and is written by the next save or
//! [`Store::retry_pending`], so a full disk, a permission problem or another
//! window never silently drops a rating. What can never be written can be
//! copied to a file the user names ([`Store::save_pending_copy`]).
//!
//! The day index is derived data, checked against the month files on every
//! read (see [`index`]): it can never hide a record.

pub mod export;
mod fsio;
pub mod index;
pub mod month;
mod unsaved;

use unsaved::{Pending, overlay};
pub use unsaved::{UnsavedChoice, default_copy_path};

#[cfg(test)]
mod decision_tests;
#[cfg(test)]
mod fault_tests;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::{
    CheckIn, DayFlags, DayIndex, DayMarkKind, FileProblem, History, MonthKey, SessionRecord,
    SessionStatus,
};
use crate::profile::Profile;
use index::Derived;
use month::{MonthCache, MonthChain, MonthFile};

pub use fsio::{DIR_MODE, FILE_MODE, write_atomic};

/// The folder of month files inside the data dir.
pub const HISTORY_DIR: &str = "history";
/// Stem of the profile file (`profile.ron`).
pub const PROFILE_STEM: &str = "profile";
/// From this many months on, a load parses its month files on every core.
const PARALLEL_FROM_MONTHS: usize = 8;
/// Stem of the day index (`index.ron`).
pub const INDEX_STEM: &str = "index";

/// A failure to find, create or write the store's files; always names the path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused: the OS error first (a one-line banner may
    /// cut what follows), then the operation and the path.
    #[error("{} (cannot {op} {})", plain(source), path.display())]
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
    /// The data dir (or its history folder) is a file.
    #[error(
        "{} is a file, not a folder: backcoach keeps its data in a folder there; move the file away or choose another place with --data-dir",
        .0.display()
    )]
    NotADirectory(PathBuf),
    /// Another backcoach window held the lock for longer than a save takes.
    #[error("another backcoach window holds the history ({} is locked)", .0.display())]
    Busy(PathBuf),
    /// The lock file cannot be opened or locked: nothing is written unlocked.
    #[error("cannot lock {}: {}", path.display(), plain(source))]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The store was opened for reading only (a plain-text command).
    #[error("the history was opened for reading only")]
    ReadOnly,
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

/// An OS error in words, without the "(os error 28)" a user cannot act on.
fn plain(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text,
    }
}

impl StoreError {
    /// Why, without the note that changes are kept and retried (for a
    /// prompt that is itself about those changes).
    pub fn reason(&self) -> String {
        match self {
            StoreError::Unsaved { cause, .. } => cause.to_string(),
            other => other.to_string(),
        }
    }

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

/// The history store of one data dir.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    history: PathBuf,
    pending: Vec<Pending>,
    running: Option<String>,
    /// Writes nothing, creates nothing (the plain-text commands).
    read_only: bool,
    /// The day index as last derived: a cache, checked against the month
    /// files on every read.
    derived: RefCell<Option<Derived>>,
    /// Month files read or written lately, so repeated reads of the same
    /// months (a screen, the plan, each save) parse each file once.
    months: RefCell<MonthCache>,
    /// Temporary files left by a crash were looked for (once per run).
    swept: bool,
}

impl Store {
    /// Opens (creating, 0700) the data dir. Reads nothing, so start-up stays
    /// instant whatever the size of the history.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fsio::create_private_dir(dir)?;
        Ok(Store::new(dir, false))
    }

    /// Opens the data dir for reading only: nothing is created or written
    /// (no folder, no lock, no index), and a missing dir reads as empty.
    pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
        match std::fs::metadata(dir) {
            Ok(meta) if !meta.is_dir() => Err(StoreError::NotADirectory(dir.to_path_buf())),
            _ => Ok(Store::new(dir, true)),
        }
    }

    fn new(dir: &Path, read_only: bool) -> Store {
        Store {
            dir: dir.to_path_buf(),
            history: dir.join(HISTORY_DIR),
            pending: Vec::new(),
            running: None,
            read_only,
            derived: RefCell::new(None),
            months: RefCell::new(MonthCache::default()),
            swept: false,
        }
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
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let _lock = fsio::lock_exclusive(&self.dir)?;
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
        for chain in self.read_months(&MonthKey::span(from, to)) {
            let key = chain.key;
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
        let (index, problems) = self.day_index();
        history.index = index;
        history.problems.extend(problems);
        history
    }

    /// The chains of `keys`, in order. A few months (a screen, a plan) go
    /// through the cache; many (a report over years, an export) are parsed
    /// on every core at once and not cached: parsing is the cost (ten years
    /// of daily sessions is some 15 MB of RON), and the cache only holds a
    /// handful of months anyway.
    fn read_months(&self, keys: &[MonthKey]) -> Vec<MonthChain> {
        if keys.len() <= PARALLEL_FROM_MONTHS {
            let mut cache = self.months.borrow_mut();
            return keys
                .iter()
                .map(|key| MonthChain::read_cached(&self.history, *key, &mut cache))
                .collect();
        }
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 8);
        let per_worker = keys.len().div_ceil(workers);
        let dir = self.history.as_path();
        std::thread::scope(|scope| {
            let handles: Vec<_> = keys
                .chunks(per_worker)
                .map(|chunk| {
                    scope.spawn(move || {
                        chunk
                            .iter()
                            .map(|key| MonthChain::read(dir, *key))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .zip(keys.chunks(per_worker))
                .flat_map(|(handle, chunk)| {
                    // A worker that panicked (it cannot: reading returns
                    // problems, not panics) is read again here.
                    handle.join().unwrap_or_else(|_| {
                        chunk
                            .iter()
                            .map(|key| MonthChain::read(dir, *key))
                            .collect()
                    })
                })
                .collect()
        })
    }

    /// Every month on disk (for export): the one reader whose cost grows with
    /// the years, by nature.
    pub fn load_all(&self) -> History {
        let mut history = History {
            running: self.running.clone(),
            ..History::default()
        };
        let keys = self.month_keys();
        for chain in self.read_months(&keys) {
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
        let day = self.day_index().0.latest_with(flag, on_or_before);
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

    /// Writes the queue month by month, holding the lock; what fails stays
    /// queued, and without the lock nothing is written at all.
    fn flush(&mut self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(self.unsaved(StoreError::ReadOnly));
        }
        if self.pending.is_empty() {
            return Ok(());
        }
        if let Err(e) = fsio::create_private_dir(&self.history) {
            return Err(self.unsaved(e));
        }
        // Another backcoach on this data dir waits until these months are
        // written; each re-reads a month it did not write itself.
        let _lock = match fsio::lock_exclusive(&self.dir) {
            Ok(lock) => lock,
            Err(e) => {
                tracing::warn!("{e}");
                return Err(self.unsaved(e));
            }
        };
        if !std::mem::replace(&mut self.swept, true) {
            fsio::remove_stale_temps(&self.history);
            fsio::remove_stale_temps(&self.dir);
        }
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
                Ok(()) => self.pending.retain(|p| MonthKey::of(p.date()) != key),
                Err(e) => {
                    tracing::warn!("{e}");
                    first_error.get_or_insert(e);
                }
            }
        }
        // Still under the lock: the index follows what the month files now
        // say, every window's months included.
        self.refresh_index(true);
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

    /// The day index, checked against the month files now, with the index
    /// files that could not be read.
    fn day_index(&self) -> (DayIndex, Vec<FileProblem>) {
        self.refresh_index(false);
        let derived = self.derived.borrow();
        match derived.as_ref() {
            Some(d) => (d.index.clone(), d.problems.clone()),
            None => (DayIndex::default(), Vec::new()),
        }
    }

    /// Brings the cached index in line with the month files and writes it
    /// when it changed: under the save's lock (`locked`), or if the lock is
    /// free right now (a cache may wait for the next save). A failure to
    /// write is only logged: the month files are the truth.
    fn refresh_index(&self, locked: bool) {
        let mut slot = self.derived.borrow_mut();
        let derived = slot.get_or_insert_with(|| Derived::read(&self.dir));
        let mut cache = self.months.borrow_mut();
        derived.refresh(
            &index::list_months(&self.history),
            &self.history,
            &mut cache,
        );
        if self.read_only || !derived.dirty {
            return;
        }
        let _lock = if locked {
            None
        } else {
            match fsio::try_lock(&self.dir) {
                Some(lock) => {
                    // Another window may have saved since the listing.
                    derived.refresh(
                        &index::list_months(&self.history),
                        &self.history,
                        &mut cache,
                    );
                    Some(lock)
                }
                None => return,
            }
        };
        if let Err(e) = derived.write_if_dirty() {
            tracing::warn!("day index not updated: {e}");
        }
    }

    fn month_keys(&self) -> Vec<MonthKey> {
        month_keys_in(&self.history)
    }
}

/// Every month that has a file (or a sibling) in `history`, oldest first.
fn month_keys_in(history: &Path) -> Vec<MonthKey> {
    index::list_months(history).into_keys().collect()
}
