//! Changes not yet on disk: every save is queued here first and written
//! when the history can be; what a failed write keeps, where a copy of the
//! unsaved changes goes, and how they are laid over what is read.

use super::*;

/// A write waiting in memory: every save passes through here.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pending {
    Session(SessionRecord),
    CheckIn(CheckIn),
    Mark(Date, Option<DayMarkKind>),
}

impl Pending {
    pub(super) fn date(&self) -> Date {
        match self {
            Pending::Session(s) => s.date,
            Pending::CheckIn(c) => c.date,
            Pending::Mark(d, _) => *d,
        }
    }

    /// Whether `other` is a newer version of the same record.
    pub(super) fn same_record(&self, other: &Pending) -> bool {
        match (self, other) {
            (Pending::Session(a), Pending::Session(b)) => a.id == b.id && a.date == b.date,
            (Pending::CheckIn(a), Pending::CheckIn(b)) => a.at == b.at && a.date == b.date,
            (Pending::Mark(a, _), Pending::Mark(b, _)) => a == b,
            _ => false,
        }
    }
}

impl Store {
    /// Writes the unsaved changes to a new file at `path` (never over an
    /// existing one), in the shape of a month file so a person can read it
    /// and nothing is lost when the history cannot be written. Returns how
    /// many changes it holds; they stay queued until [`Store::discard_pending`].
    pub fn save_pending_copy(&self, path: &Path, now: Timestamp) -> Result<usize, StoreError> {
        let text = self.pending_as_ron(path, now)?;
        fsio::write_new(path, text.as_bytes())?;
        Ok(self.pending.len())
    }

    fn pending_as_ron(&self, path: &Path, now: Timestamp) -> Result<String, StoreError> {
        let mut copy = MonthFile::default();
        for p in &self.pending {
            match p {
                Pending::Session(s) => month::upsert_session(&mut copy, s.clone()),
                Pending::CheckIn(c) => month::upsert_checkin(&mut copy, c.clone()),
                Pending::Mark(d, k) => month::set_mark(&mut copy, *d, *k),
            }
        }
        let header = format!(
            "// backcoach: changes that could not be saved to the history in {}, copied on {now}.\n\
             // The same shape as a month file in history/YYYY-MM.ron: records can be moved there by hand.\n",
            self.dir.display()
        );
        fsio::to_ron(&copy, path, &header)
    }

    /// Carries out what the user chose for changes that cannot be saved.
    /// `Ok` when nothing is left unsaved, with what to tell the user once
    /// the screen is gone; the error says why the choice failed (the
    /// changes are still held).
    pub fn resolve_pending(
        &mut self,
        choice: UnsavedChoice,
        now: Timestamp,
    ) -> Result<Option<String>, StoreError> {
        match choice {
            UnsavedChoice::Retry => self.flush().map(|()| None),
            UnsavedChoice::CopyTo(path) => {
                let n = self.save_pending_copy(&path, now)?;
                self.discard_pending();
                Ok(Some(format!(
                    "{n} unsaved change(s) copied to {}",
                    path.display()
                )))
            }
            UnsavedChoice::Discard => Ok(Some(format!(
                "{} unsaved change(s) discarded, as you asked",
                self.discard_pending()
            ))),
        }
    }

    /// On the way out with changes still unsaved and no one to ask (a
    /// signal, the terminal closing, Ctrl-C): one more try, then a copy in
    /// the home folder, and failing that the records themselves as text.
    /// Returns what to tell the user once the screen is back to normal.
    pub fn rescue_pending(&mut self, now: Timestamp) -> Option<String> {
        if self.pending.is_empty() {
            return None;
        }
        let why = match self.flush() {
            Ok(()) => return None,
            Err(StoreError::Unsaved { cause, .. }) => *cause,
            Err(other) => other,
        };
        let path = default_copy_path(now);
        match self.save_pending_copy(&path, now) {
            Ok(n) => {
                self.discard_pending();
                Some(format!(
                    "{n} change(s) could not be saved to the history ({why}); a copy is in {}",
                    path.display()
                ))
            }
            Err(e) => {
                let text = self.pending_as_ron(&path, now).unwrap_or_default();
                Some(format!(
                    "{} change(s) could not be saved to the history ({why}) nor copied ({e}); here they are:\n{text}",
                    self.pending.len()
                ))
            }
        }
    }

    /// Forgets the unsaved changes (after the user typed "discard", or once
    /// a copy holds them). Returns how many there were.
    pub fn discard_pending(&mut self) -> usize {
        std::mem::take(&mut self.pending).len()
    }
}

/// `history` with the unsaved changes laid over what was read.
pub(super) fn overlay(history: &mut History, pending: &[Pending]) {
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

/// What to do with changes that cannot be saved (the quit prompt's choices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Try writing the history again.
    Retry,
    /// Write a copy to this new file, then let the changes go.
    CopyTo(PathBuf),
    /// Let the changes go.
    Discard,
}

/// Where the quit prompt offers to copy unsaved changes: the home folder
/// (the data dir may be what cannot be written), named by the time.
pub fn default_copy_path(now: Timestamp) -> PathBuf {
    let home = directories::BaseDirs::new()
        .map(|b| b.home_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."));
    let stamp = now.strftime("%Y-%m-%d-%H%M%S");
    home.join(format!("backcoach-unsaved-{stamp}.ron"))
}
