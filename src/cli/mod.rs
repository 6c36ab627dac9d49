//! The command line (the README's "Usage") and the plain-text commands.
//!
//! Plain-text output is built as strings so tests can check it without a
//! process; `main` only prints and picks the exit code.

pub mod commands;
pub mod figure;
pub mod report;

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::catalog::{self, Catalog, CatalogError, Exercise, ExerciseOwn, Routine, RoutineOwn};
use crate::rules::build_up::BuildUp;

/// backcoach — a calm terminal coach for back-strengthening routines.
///
/// General guidance from public exercise guides, not medical advice: see a
/// healthcare professional for pain that is sharp, spreading or lasting.
#[derive(Debug, Parser)]
#[command(name = "backcoach", version, about, long_about = None)]
pub struct Cli {
    /// Use this catalog instead of the built-in catalog.ron.
    #[arg(long, global = true, env = "BACKCOACH_CATALOG", value_name = "PATH")]
    pub catalog: Option<PathBuf>,

    /// Where history, check-ins and the profile live.
    #[arg(long, global = true, env = "BACKCOACH_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// No sound for this run (also BACKCOACH_MUTE=1).
    #[arg(long, global = true, env = "BACKCOACH_MUTE", value_parser = clap::builder::FalseyValueParser::new())]
    pub mute: bool,

    /// ASCII drawing only (also chosen when the locale is not UTF-8).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Chimes only, no spoken coach, for this run (also BACKCOACH_VOICE=0).
    #[arg(long = "no-voice", global = true)]
    pub no_voice: bool,

    /// BACKCOACH_VOICE: 0 (or false, no, off) is `--no-voice`.
    #[arg(long = "voice", global = true, hide = true, env = "BACKCOACH_VOICE",
          value_name = "BOOL", value_parser = clap::builder::BoolishValueParser::new())]
    pub voice: Option<bool>,

    /// The command to run; none opens the home screen.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Whether this run has no spoken coach (`--no-voice`, `BACKCOACH_VOICE=0`).
    pub fn voice_off(&self) -> bool {
        self.no_voice || self.voice == Some(false)
    }
}

/// The commands (the README's "Usage"). Each one's arguments are built
/// only when it is the one run (clap's `defer`): a start builds one
/// command's arguments, not all ten.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Check in, then the guided session of ROUTINE (default: the daily routine).
    Start {
        /// Routine id (see `backcoach list routines`).
        #[arg(conflicts_with = "exercise")]
        routine: Option<String>,
        /// One exercise on its own (see `backcoach list exercises`), with the
        /// usual check-in, safety rules and record.
        #[arg(long, value_name = "ID")]
        exercise: Option<String>,
        /// The session as lines of text, for screen readers, pipes and
        /// `TERM=dumb` (chosen by itself when stdout is not a terminal or
        /// TERM is dumb).
        #[arg(long)]
        plain: bool,
    },
    /// The week's adherence screen.
    Week {
        /// Write the week as plain text to stdout and exit.
        #[arg(long)]
        print: bool,
        /// Any day of the week to show (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<jiff::civil::Date>,
    },
    /// Plain-text table of exercises and/or routines.
    List {
        /// Only exercises or only routines (both when left out).
        #[arg(value_enum)]
        what: Option<ListWhat>,
    },
    /// One exercise or routine as plain text.
    Show {
        /// Exercise or routine id.
        id: String,
        /// Draw the start and end positions first (ASCII when the locale is not UTF-8).
        #[arg(long)]
        figure: bool,
    },
    /// Validate a catalog file (default: the built-in one).
    Check {
        /// The catalog file (the built-in catalog.ron when left out).
        path: Option<PathBuf>,
    },
    /// Every recorded session and rating, to stdout.
    Export {
        /// CSV instead of RON.
        #[arg(long)]
        csv: bool,
    },
    /// Discomfort, adherence and doses over weeks.
    Trends {
        /// Write the trends as plain text to stdout and exit.
        #[arg(long)]
        print: bool,
        /// Weeks to print, ending with this week (default 6; the screen toggles 6, 12 and 26).
        #[arg(long, value_name = "N", requires = "print",
              value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::rules::trends::MAX_WEEKS)))]
        weeks: Option<u32>,
    },
    /// A summary to take to a clinician, written readable by you alone.
    Report(report::ReportArgs),
    /// Shell completions to stdout: `source <(backcoach completions bash)`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: CompletionShell,
    },
}

/// The shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    /// GNU bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
}

/// `backcoach completions SHELL`: the completion script for `shell`.
pub fn completions(shell: CompletionShell) -> String {
    use clap::CommandFactory;
    use clap_complete::Shell;
    let shell = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "backcoach", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// What `list` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    /// Every exercise with its category and dose.
    Exercises,
    /// Every routine with its length and weekly frequency.
    Routines,
}

/// The default routine of `backcoach start`.
pub const DEFAULT_ROUTINE: &str = "daily";

/// A failure a user can act on: printed as one message, exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// The catalog could not be read, or has a syntax error or invalid entries.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// `show` was given an id that no exercise or routine has.
    #[error("no exercise or routine has the id \"{0}\" (see `backcoach list`)")]
    UnknownId(String),
    /// `start --exercise` was given an id that no exercise has.
    #[error("no exercise has the id \"{0}\" (see `backcoach list exercises`)")]
    UnknownExercise(String),
    /// `start` was given an id that no routine has.
    #[error("no routine has the id \"{0}\" (see `backcoach list routines`)")]
    UnknownRoutine(String),
    /// The data dir or the history could not be opened, read or written.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The system clock reads a time outside the dates that can be recorded.
    #[error(transparent)]
    Clock(#[from] crate::clock::ClockError),
    /// A report could not be made or written.
    #[error(transparent)]
    Report(#[from] report::ReportError),
    /// The terminal could not be set up, read or restored.
    #[error("the terminal")]
    Terminal(#[source] std::io::Error),
    /// The line mode stopped on a problem it already put in words.
    #[error("{0}")]
    Line(String),
}

impl UserError {
    /// The message and each cause not already in it, on one line: what is
    /// printed after "backcoach: ".
    pub fn with_causes(&self) -> String {
        let mut text = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            let said = c.to_string();
            if !text.contains(&said) {
                text.push_str(": ");
                text.push_str(&said);
            }
            cause = c.source();
        }
        text
    }
}

/// Prints plain text to stdout: control characters escaped (a user's
/// catalog cannot drive the terminal), ASCII look-alikes when `ascii`; a
/// closed pipe (`| head`) is not an error.
pub fn print_text(text: &str, ascii: bool) {
    use std::io::Write as _;
    let safe = crate::plain::escape_controls(text);
    let text = if ascii {
        crate::plain::to_ascii(&safe)
    } else {
        safe
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// `backcoach list [exercises|routines]`.
pub fn list(catalog: &Catalog, what: Option<ListWhat>) -> String {
    let mut out = String::new();
    if what != Some(ListWhat::Routines) {
        let rows: Vec<[String; 4]> = catalog
            .exercises
            .iter()
            .map(|e| {
                [
                    e.id.clone(),
                    e.name.clone(),
                    e.category.label().to_string(),
                    list_dose(e),
                ]
            })
            .collect();
        table(&mut out, ["ID", "NAME", "CATEGORY", "DOSE"], &rows);
    }
    if what.is_none() {
        out.push('\n');
    }
    if what != Some(ListWhat::Exercises) {
        let rows: Vec<[String; 4]> = catalog
            .routines
            .iter()
            .map(|r| {
                [
                    r.id.clone(),
                    r.name.clone(),
                    "routine".to_string(),
                    format!("{} min, {}", r.minutes.label(), r.frequency_label()),
                ]
            })
            .collect();
        table(&mut out, ["ID", "NAME", "CATEGORY", "DOSE"], &rows);
    }
    out
}

/// An exercise's usual dose for `list`, marked when it is backcoach's own.
fn list_dose(e: &Exercise) -> String {
    if e.ours.contains(&ExerciseOwn::Dose) {
        format!("{} (backcoach's default)", e.dose.summary())
    } else {
        e.dose.summary()
    }
}

fn table(out: &mut String, header: [&str; 4], rows: &[[String; 4]]) {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut String, cells: [&str; 4]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                let pad = widths[i] - cell.chars().count();
                let _ = write!(text, "{cell}{}  ", " ".repeat(pad));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(out, header);
    for row in rows {
        line(out, [&row[0], &row[1], &row[2], &row[3]]);
    }
}

/// `backcoach show ID`.
pub fn show(catalog: &Catalog, id: &str) -> Result<String, UserError> {
    if let Some(e) = catalog.exercise(id) {
        Ok(show_exercise(catalog, e))
    } else if let Some(r) = catalog.routine(id) {
        Ok(show_routine(catalog, r))
    } else {
        Err(UserError::UnknownId(id.to_string()))
    }
}

fn show_exercise(catalog: &Catalog, e: &Exercise) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", e.name, e.id);
    if !e.aliases.is_empty() {
        let _ = writeln!(out, "Also called: {}", e.aliases.join(", "));
    }
    let _ = writeln!(out, "Category:   {}", e.category.label());
    let _ = writeln!(out, "Level:      {}", e.level.label());
    let _ = writeln!(out, "Targets:    {}", e.targets.join(", "));
    let equipment = if e.equipment.is_empty() {
        "none".to_string()
    } else {
        e.equipment
            .iter()
            .map(|q| q.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "Equipment:  {equipment}");
    let _ = writeln!(out, "Position:   {}", e.position);
    let _ = writeln!(
        out,
        "Dose:       {} ({})",
        e.dose.summary(),
        e.dose.kind.label()
    );
    for own in &e.ours {
        let _ = writeln!(out, "            {}", own.note());
    }
    if let Some(pace) = e.dose.pace_s {
        let _ = writeln!(out, "Pace:       {pace} s a cycle");
    }
    if let Some(rest) = e.dose.rest_s {
        let _ = writeln!(out, "Rest:       {} s between sets", rest.label());
    }
    let build_up = BuildUp::of_exercise(e);
    for (i, line) in build_up.start_lines().iter().enumerate() {
        let label = if i == 0 { "Start at:" } else { "" };
        let _ = writeln!(out, "{label:<12}{line}");
    }
    let _ = writeln!(out, "Build to:   {}", build_up.build_to_words());
    let in_routines: Vec<String> = catalog
        .routines
        .iter()
        .flat_map(|r| r.items.iter().map(move |item| (r, item)))
        .filter(|(_, item)| item.exercise == e.id)
        .map(|(r, item)| {
            let span = BuildUp::of_item(r, item, e).span_words();
            format!("  {} ({}): {span}", r.name, r.id)
        })
        .collect();
    if !in_routines.is_empty() {
        out.push_str("In routines, when new or returning (start at → build to):\n");
        for line in in_routines {
            let _ = writeln!(out, "{line}");
        }
    }
    out.push_str("\nSteps:\n");
    for (i, step) in e.steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. {step}", i + 1);
    }
    let _ = writeln!(out, "\nKey cue: {}", e.cue);
    if !e.cautions.is_empty() {
        out.push_str("\nCautions:\n");
        for c in &e.cautions {
            let _ = writeln!(out, "  - {c}");
        }
    }
    if !e.loading.is_empty() {
        out.push_str("\nSpine loading:\n");
        for l in &e.loading {
            let _ = writeln!(out, "  - {} ({}). {}", l.words(), l.label(), l.advice());
        }
    }
    if e.alternative.is_some() || e.harder.is_some() {
        out.push('\n');
    }
    if let Some(alt) = &e.alternative {
        let name = catalog
            .exercise(alt)
            .map(|a| a.name.as_str())
            .unwrap_or(alt);
        let _ = writeln!(out, "Safer alternative: {name} ({alt})");
    }
    if let Some(harder) = &e.harder {
        let name = catalog
            .exercise(harder)
            .map(|a| a.name.as_str())
            .unwrap_or(harder);
        let _ = writeln!(out, "Harder variation: {name} ({harder})");
    }
    write_sources(&mut out, catalog, &e.sources);
    out.push_str(DISCLAIMER);
    out
}

/// The sources by title, never by file name.
fn write_sources(out: &mut String, catalog: &Catalog, sources: &[String]) {
    let label = if sources.len() == 1 {
        "Source guide"
    } else {
        "Source guides"
    };
    let _ = writeln!(out, "\n{label}:");
    for s in sources {
        let _ = writeln!(out, "  - {}", catalog::source_title(catalog, s));
    }
}

fn show_routine(catalog: &Catalog, r: &Routine) -> String {
    let mut out = String::new();
    let ours = |own: RoutineOwn| {
        if r.ours.contains(&own) {
            format!(" ({})", own.note())
        } else {
            String::new()
        }
    };
    let _ = writeln!(out, "{} ({})", r.name, r.id);
    let _ = writeln!(out, "{}", r.summary);
    let _ = writeln!(
        out,
        "Length:     about {} min{}",
        r.minutes.label(),
        ours(RoutineOwn::Minutes)
    );
    let _ = writeln!(
        out,
        "How often:  {}{}",
        r.frequency_label(),
        ours(RoutineOwn::Days)
    );
    let rest_note = if r.rest_s.is_none() {
        format!(" ({DEFAULT_REST_NOTE})")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "Rest:       {} s between sets{rest_note}",
        r.rest().label()
    );
    if r.intense {
        out.push_str("Intense:    yes, keep 48 hours between such sessions\n");
    }
    if let Some(w) = crate::rules::warm_up::offered(catalog, r) {
        let _ = writeln!(
            out,
            "Warm-up:    {} ({}) is offered first; the guides advise warming up before strength work",
            w.name, w.id
        );
    }
    out.push_str("\nExercises:\n");
    let mut part: Option<&str> = None;
    for item in &r.items {
        if item.part.as_deref() != part {
            part = item.part.as_deref();
            if let Some(p) = part {
                let _ = writeln!(out, "  {p}:");
            }
        }
        let indent = if part.is_some() { "    " } else { "  " };
        match catalog.exercise(&item.exercise) {
            Some(e) => {
                let dose = r.item_dose(item, e);
                let _ = write!(out, "{indent}- {} ({}): {}", e.name, e.id, dose.summary());
                if let Some(note) = &item.note {
                    let _ = write!(out, " — {note}");
                }
                out.push('\n');
                let build_up = BuildUp::of_item(r, item, e);
                if build_up.grows() {
                    let _ = writeln!(
                        out,
                        "{indent}    new or returning: {}",
                        build_up.span_words()
                    );
                }
                if r.item_dose_is_ours(item, e) {
                    let _ = writeln!(out, "{indent}    {}", ExerciseOwn::Dose.note());
                }
            }
            None => {
                let _ = writeln!(out, "{indent}- {} (unknown exercise)", item.exercise);
            }
        }
    }
    write_sources(&mut out, catalog, &r.sources);
    out.push_str(DISCLAIMER);
    out
}

/// Said after a routine's rest when the routine gives none.
const DEFAULT_REST_NOTE: &str = "backcoach's default; the guides give none";

/// Printed under every `show`: what backcoach is and is not.
pub const DISCLAIMER: &str = "\nGeneral guidance, not medical advice. Stop if pain is sharp, spreads or gets \
worse, and see a healthcare professional.\n";

/// `backcoach check [PATH]`: the success line, or the catalog's error.
pub fn check(path: Option<&std::path::Path>) -> Result<String, UserError> {
    // The built-in catalog is checked from its text, the file this command names.
    let catalog = match path {
        Some(path) => catalog::load_file(path)?,
        None => catalog::builtin_from_text()?,
    };
    let name = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| format!("{} (built-in)", catalog::BUILTIN_NAME));
    Ok(format!(
        "{name}: valid, {} exercises and {} routines\n",
        catalog.exercises.len(),
        catalog.routines.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_print_as_one_line_with_their_causes_once() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let store = crate::store::StoreError::io("create", std::path::Path::new("/d/history"), io);
        // The store's message already names its cause: not repeated.
        let line = UserError::Store(store).with_causes();
        assert_eq!(line.matches("permission denied").count(), 1, "{line}");
        assert!(line.contains("/d/history"), "{line}");
        // The terminal's message is its cause.
        let term = UserError::Terminal(std::io::Error::other("not a terminal"));
        assert_eq!(term.with_causes(), "the terminal: not a terminal");
    }

    #[test]
    fn mute_is_a_flag_before_or_after_the_command() {
        let cli = Cli::try_parse_from(["backcoach", "--mute", "start"]).expect("parse");
        assert!(cli.mute);
        assert!(matches!(
            cli.command,
            Some(Command::Start { routine: None, .. })
        ));
        let cli = Cli::try_parse_from(["backcoach", "start", "daily", "--mute"]).expect("parse");
        assert!(cli.mute);
        assert!(
            matches!(cli.command, Some(Command::Start { routine: Some(r), .. }) if r == "daily")
        );
        let cli = Cli::try_parse_from(["backcoach", "list"]).expect("parse");
        assert!(!cli.mute);
    }

    #[test]
    fn no_voice_is_a_global_flag_like_mute() {
        for args in [
            &["backcoach", "--no-voice", "start"][..],
            &["backcoach", "start", "daily", "--no-voice"],
            &["backcoach", "--voice=false", "start"],
            &["backcoach", "--voice", "0", "start"],
        ] {
            let cli = Cli::try_parse_from(args).expect("parse");
            assert!(cli.voice_off(), "{args:?}");
            assert!(!cli.mute);
        }
        if std::env::var_os("BACKCOACH_VOICE").is_none() {
            let cli = Cli::try_parse_from(["backcoach", "start"]).expect("parse");
            assert!(!cli.voice_off());
            let cli = Cli::try_parse_from(["backcoach", "--voice=on", "start"]).expect("parse");
            assert!(!cli.voice_off());
        }
        // Not a word clap would accept silently.
        assert!(Cli::try_parse_from(["backcoach", "--voice=maybe", "start"]).is_err());
    }

    #[test]
    fn every_command_s_help_opens_with_its_line_in_the_list() {
        // The commands' arguments are built only when one runs (`defer`):
        // what a command says of itself must still be what the list says.
        use clap::CommandFactory;
        Cli::command().debug_assert();
        // The list (`backcoach --help`) is drawn before any command is built.
        let list = Cli::command();
        let mut built = Cli::command();
        built.build();
        let mut checked = 0;
        for sub in list.get_subcommands() {
            let listed = sub.get_about().map(|a| a.to_string());
            let name = sub.get_name().to_string();
            let own = built.find_subcommand_mut(&name).expect("the command");
            let mut help = Vec::new();
            own.write_help(&mut help).expect("help");
            let help = String::from_utf8(help).expect("UTF-8");
            let first = help.lines().next().unwrap_or_default();
            assert_eq!(Some(first.to_string()), listed, "`{name} --help`");
            checked += 1;
        }
        assert!(checked >= 9, "{checked} commands");
    }
}
