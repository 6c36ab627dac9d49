//! What was read from the history for a range of dates: the facts every rule
//! and the coach read, whatever the store does to keep them on disk.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::days::{DayFlags, DayIndex, MonthKey};
use crate::domain::{CheckIn, DayMark, SessionRecord, SessionStatus};

/// A file that could not be read: shown to the user, never written over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file, as given to the store (absolute when the data dir is).
    pub path: PathBuf,
    /// 1-based; 0 when the problem has no position (e.g. permission denied).
    pub line: usize,
    /// 1-based; 0 when the problem has no position.
    pub col: usize,
    /// What is wrong, in ron's words.
    pub message: String,
}

impl FileProblem {
    /// A problem reading the file at all (no position in it).
    pub fn io(path: &Path, error: &std::io::Error) -> FileProblem {
        FileProblem {
            path: path.to_path_buf(),
            line: 0,
            col: 0,
            message: error.to_string(),
        }
    }
}

impl fmt::Display for FileProblem {
    /// `path:line:col: message`, the shape editors and terminals jump to;
    /// `path: message` when there is no position.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.col,
                self.message
            )
        }
    }
}

impl std::error::Error for FileProblem {}

/// What was read for a range of dates, with what could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// The dates fully read from the month files; outside it only `index` is known.
    pub range: Option<(Date, Date)>,
    /// Sessions in the range, oldest first.
    pub sessions: Vec<SessionRecord>,
    /// Check-ins in the range, oldest first.
    pub checkins: Vec<CheckIn>,
    /// Marked days in the range, oldest first.
    pub marks: Vec<DayMark>,
    /// Files that could not be read (the rest was still loaded).
    pub problems: Vec<FileProblem>,
    /// Months in the range with a file that could not be read: for their days
    /// the day index (written before the file broke) fills the gaps.
    pub incomplete_months: Vec<MonthKey>,
    /// The id of the caller's own running session: not reported as interrupted.
    pub running: Option<String>,
    /// Every recorded day's flags, for streaks beyond the range.
    pub index: DayIndex,
}

impl History {
    /// Sessions cut off by a crash or `kill -9` (still `InProgress` on disk):
    /// shown as partial, and reported on the next start.
    pub fn interrupted(&self) -> impl Iterator<Item = &SessionRecord> {
        self.sessions
            .iter()
            .filter(|s| s.was_interrupted(self.running.as_deref()))
    }

    /// The status to show for `session` (interrupted ones read as partial).
    pub fn status_of(&self, session: &SessionRecord) -> SessionStatus {
        session.effective_status(self.running.as_deref())
    }

    /// Whether everything about `date` was read from the month files (so the
    /// day index is not needed for it).
    pub fn covers(&self, date: Date) -> bool {
        self.range
            .is_some_and(|(from, to)| from <= date && date <= to)
            && !self.incomplete_months.contains(&MonthKey::of(date))
    }

    /// The flags of every day that has records here.
    pub fn record_flags(&self) -> BTreeMap<Date, DayFlags> {
        DayFlags::of_records(&self.sessions, &self.marks)
    }

    /// Puts every list in time order.
    pub fn sort(&mut self) {
        self.sessions.sort_by_key(|s| (s.date, s.started));
        self.checkins.sort_by_key(|c| c.at);
        self.marks.sort_by_key(|m| m.date);
    }
}
