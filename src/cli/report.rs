//! `backcoach trends --print` and `backcoach report`: load the weeks asked
//! for, compute the figures ([`Trends`]), and print them or write the
//! report. The report is health data: it is written readable by the user
//! alone (0600), atomically, and never printed unless asked (`--out -`).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use super::commands::{Output, problems, profile_or_default};
use crate::profile::Profile;
use crate::report::{self, Report};
use crate::rules::trends::{DEFAULT_REPORT_WEEKS, MAX_WEEKS, SPANS, Trends, Window};
use crate::store::{Store, StoreError, data_dir, write_atomic};

// The options of `backcoach report`. Its subcommand's arguments are built
// when it runs (clap's `defer`), and this doc comment then becomes the
// command's line in `--help`: it is the variant's own words.
/// A summary to take to a clinician, written readable by you alone.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct ReportArgs {
    /// Weeks to cover, ending with the week of --to (default 12).
    #[arg(long, value_name = "N", conflicts_with = "from",
          value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_WEEKS)))]
    pub weeks: Option<u32>,
    /// First day to cover (its whole week is included).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<Date>,
    /// Last day to cover (its whole week is included; default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<Date>,
    /// HTML (charts, prints well) or Markdown.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// Where to write it (default: backcoach-report-<date>.html or .md in
    /// the current directory); `-` prints it to stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The report's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One self-contained HTML page: inline charts, print-friendly, no scripts.
    Html,
    /// Markdown: the same sections, tables instead of charts.
    Md,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
        }
    }
}

/// What can go wrong making a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The data dir could not be opened, or the report not written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `--from` after `--to`.
    #[error("--from {from} is after --to {to}")]
    FromAfterTo {
        /// The first day asked for.
        from: Date,
        /// The last day asked for.
        to: Date,
    },
    /// More weeks than [`MAX_WEEKS`] between `--from` and `--to`.
    #[error("{from} to {to} is more than {MAX_WEEKS} weeks: choose a later --from")]
    TooLong {
        /// The first day asked for.
        from: Date,
        /// The last day asked for.
        to: Date,
    },
    /// The current directory is needed for a relative `--out` and is gone.
    #[error("cannot find the current directory for {}: {source}", path.display())]
    CurrentDir {
        /// The relative path given.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
}

/// The weeks `args` ask for on `today`.
pub fn window(args: &ReportArgs, today: Date) -> Result<Window, ReportError> {
    let to = args.to.unwrap_or(today);
    match args.from {
        Some(from) if from > to => Err(ReportError::FromAfterTo { from, to }),
        Some(from) => {
            let window = Window::between(from, to);
            if window.from() > from {
                return Err(ReportError::TooLong { from, to });
            }
            Ok(window)
        }
        None => Ok(Window::ending(
            to,
            args.weeks.unwrap_or(DEFAULT_REPORT_WEEKS),
        )),
    }
}

/// Loads what `window` needs and computes its figures, with the profile
/// they were computed for; unreadable files are added to `stderr`.
fn trends_of(
    store: &Store,
    window: Window,
    today: Date,
    stderr: &mut Vec<String>,
) -> (Trends, Profile) {
    let profile = profile_or_default(store, stderr);
    let (from, to) = window.needed_range(today);
    let history = store.load(from, to);
    stderr.extend(problems(&history.problems));
    let trends = Trends::compute(&history, &profile, window, today);
    (trends, profile)
}

/// `backcoach trends --print [--weeks N]`: the last `weeks` weeks as plain text.
pub fn trends_print(
    data_dir_override: Option<&Path>,
    weeks: Option<u32>,
    today: Date,
) -> Result<Output, StoreError> {
    let store = Store::open(&data_dir(data_dir_override)?)?;
    let mut stderr = Vec::new();
    let window = Window::ending(today, weeks.unwrap_or(SPANS[0]));
    let (trends, _) = trends_of(&store, window, today, &mut stderr);
    Ok(Output {
        stdout: report::text(&trends),
        stderr,
    })
}

/// A report made and not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// The HTML or Markdown.
    pub body: String,
    /// Where it goes; `None` for stdout (`--out -`).
    pub path: Option<PathBuf>,
    /// Problems reading the data dir, one line each.
    pub stderr: Vec<String>,
}

/// The report `args` ask for on `today`, and where it goes.
pub fn make(
    data_dir_override: Option<&Path>,
    args: &ReportArgs,
    today: Date,
) -> Result<Made, ReportError> {
    let window = window(args, today)?;
    let store = Store::open(&data_dir(data_dir_override)?)?;
    let mut stderr = Vec::new();
    let (trends, profile) = trends_of(&store, window, today, &mut stderr);
    let report = Report {
        trends: &trends,
        profile: &profile,
        generated: today,
    };
    let body = match args.format {
        Format::Html => report::html(&report),
        Format::Md => report::markdown(&report),
    };
    // A control character in a catalog's name never reaches the file (nor a
    // terminal it is printed on): it reads as an escape.
    let body = crate::plain::escape_controls(&body).into_owned();
    let path = match &args.out {
        Some(path) if path.as_os_str() == "-" => None,
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from(format!(
            "backcoach-report-{}.{}",
            window.to().min(today),
            args.format.extension()
        ))),
    };
    Ok(Made { body, path, stderr })
}

/// `backcoach report ...`: writes the report (0600, atomically) and says
/// where, or prints it with `--out -`.
pub fn report(
    data_dir_override: Option<&Path>,
    args: &ReportArgs,
    today: Date,
) -> Result<Output, ReportError> {
    let Made { body, path, stderr } = make(data_dir_override, args, today)?;
    let Some(path) = path else {
        return Ok(Output {
            stdout: body,
            stderr,
        });
    };
    let absolute = if path.is_absolute() {
        path.clone()
    } else {
        std::env::current_dir()
            .map_err(|source| ReportError::CurrentDir {
                path: path.clone(),
                source,
            })?
            .join(&path)
    };
    write_atomic(&absolute, body.as_bytes())?;
    Ok(Output {
        stdout: format!(
            "Wrote {} (readable by you alone). It is your own log, not a diagnosis.\n",
            path.display()
        ),
        stderr,
    })
}
