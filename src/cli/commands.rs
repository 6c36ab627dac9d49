//! The plain-text commands that read the history: `week --print` and
//! `export`. They return text so tests can check them without a process;
//! `main` prints it. Unreadable files go to stderr and the rest is still
//! printed (exit 0), as the README's "When something goes wrong" says. They only read: no data dir,
//! lock or index is created by them.

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;

use crate::clock::{Clock, ClockError};
use crate::domain::FileProblem;
use crate::plain::escape_controls;
use crate::profile::Profile;
use crate::rules::week;
use crate::store::{Store, StoreError, data_dir, export};

/// What a command prints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    /// The text for standard output.
    pub stdout: String,
    /// One line each (`path:line:col: message`).
    pub stderr: Vec<String>,
}

impl Output {
    /// Prints both streams; a closed pipe (`| head`) is not an error.
    /// Control characters (from a user's catalog or a hand-edited history)
    /// are printed escaped, so no name can drive the terminal.
    pub fn emit(&self) {
        self.emit_text(false);
    }

    /// [`Output::emit`], in ASCII look-alikes when `ascii` (text for people
    /// on a terminal whose locale is not UTF-8).
    pub fn emit_text(&self, ascii: bool) {
        super::print_text(&self.stdout, ascii);
        let mut err = std::io::stderr().lock();
        for line in &self.stderr {
            let _ = writeln!(err, "backcoach: {}", escape_controls(line));
        }
    }
}

/// Today's local date (the system time zone), or why the clock cannot say.
pub fn today(clock: &Clock) -> Result<Date, ClockError> {
    Ok(clock.now()?.to_zoned(crate::clock::local_zone()).date())
}

/// The profile, or the defaults with the problem reported.
pub(crate) fn profile_or_default(store: &Store, stderr: &mut Vec<String>) -> Profile {
    match store.load_profile() {
        Ok(Some(p)) => p,
        Ok(None) => Profile::default(),
        Err(problem) => {
            stderr.push(format!("{problem} (using the default profile)"));
            Profile::default()
        }
    }
}

pub(crate) fn problems(list: &[FileProblem]) -> Vec<String> {
    list.iter()
        .map(|p| format!("{p} (left untouched)"))
        .collect()
}

/// `backcoach week --print [--date D]`: the week of `date` (default today).
pub fn week_print(
    data_dir_override: Option<&Path>,
    date: Option<Date>,
    today: Date,
) -> Result<Output, StoreError> {
    let store = Store::open_read_only(&data_dir(data_dir_override)?)?;
    let mut stderr = Vec::new();
    let profile = profile_or_default(&store, &mut stderr);
    let week_of = date.unwrap_or(today);
    let (from, to) = week::needed_range(week_of);
    let history = store.load(from, to);
    stderr.extend(problems(&history.problems));
    let summary = week::summarize(&history, &profile, week_of, today);
    Ok(Output {
        stdout: week::render_text(&summary),
        stderr,
    })
}

/// `backcoach export [--csv]`: every session and rating.
pub fn export(data_dir_override: Option<&Path>, csv: bool) -> Result<Output, StoreError> {
    let store = Store::open_read_only(&data_dir(data_dir_override)?)?;
    let history = store.load_all();
    let stdout = if csv {
        export::to_csv(&history)
    } else {
        export::to_ron(&history)?
    };
    Ok(Output {
        stdout,
        stderr: problems(&history.problems),
    })
}
