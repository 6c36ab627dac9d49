//! The thin binary: parse the command line, run one command, pick the exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use backcoach::catalog::{self, Catalog, CatalogError};
use backcoach::cli::{self, Cli, Command, UserError};
use backcoach::clock::{Clock, ClockError};
use backcoach::store::{self, Store};
use backcoach::tui::app::{App, SoundForRun, StartAt};
use backcoach::tui::caps::Caps;
use backcoach::tui::{self, Exit};
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("backcoach: {}", e.with_causes());
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, UserError> {
    match &cli.command {
        Some(Command::Check { path }) => {
            let path = path.as_deref().or(cli.catalog.as_deref());
            print!("{}", cli::check(path)?);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List { what }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            cli::print_text(&cli::list(&catalog, *what), text_ascii(&cli));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Show { id, figure }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            if *figure {
                // The figures above the text (issue 17), in ASCII where text is.
                let mode = if text_ascii(&cli) {
                    backcoach::figure::Mode::Ascii
                } else {
                    backcoach::figure::Mode::Braille
                };
                cli::print_text(&cli::figure::show(&catalog, id, mode)?, text_ascii(&cli));
            } else {
                cli::print_text(&cli::show(&catalog, id)?, text_ascii(&cli));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Start {
            routine,
            exercise,
            plain,
        }) => {
            // Lines instead of a screen: asked for, a pipe, or a dumb terminal.
            let caps = Caps::detect(cli.ascii);
            let lines = *plain || caps.dumb || !std::io::stdout().is_terminal();
            // The built-in catalog's own routine needs no check before the
            // screen changes (tests/it/catalog_facts.rs holds it there).
            if routine.is_none() && exercise.is_none() && cli.catalog.is_none() && !lines {
                let routine = cli::DEFAULT_ROUTINE.to_string();
                return full_screen(&cli, ScreenCatalog::BuiltIn, StartAt::Session(routine));
            }
            let catalog = catalog::load(cli.catalog.as_deref())?;
            // One exercise on its own goes the same way as a routine (issue 18).
            let routine = match exercise {
                Some(id) if catalog.exercise(id).is_none() => {
                    return Err(UserError::UnknownExercise(id.clone()));
                }
                Some(id) => backcoach::coach::one_exercise::routine_id(id),
                None => routine
                    .clone()
                    .unwrap_or_else(|| cli::DEFAULT_ROUTINE.to_string()),
            };
            if exercise.is_none() && catalog.routine(&routine).is_none() {
                return Err(UserError::UnknownRoutine(routine));
            }
            if lines {
                return line_mode(&cli, catalog, routine, caps);
            }
            full_screen(
                &cli,
                ScreenCatalog::Loaded(catalog),
                StartAt::Session(routine),
            )
        }
        Some(Command::Completions { shell }) => {
            print!("{}", cli::completions(*shell));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Week { print: false, date }) => {
            full_screen(&cli, ScreenCatalog::for_cli(&cli)?, StartAt::Week(*date))
        }
        None => full_screen(&cli, ScreenCatalog::for_cli(&cli)?, StartAt::Home),
        Some(Command::Week { print: true, date }) => {
            let today = backcoach::cli::commands::today(&Clock::system())?;
            backcoach::cli::commands::week_print(cli.data_dir.as_deref(), *date, today)?
                .emit_text(text_ascii(&cli));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { csv }) => {
            backcoach::cli::commands::export(cli.data_dir.as_deref(), *csv)?.emit();
            Ok(ExitCode::SUCCESS)
        }
        // Trends and the report (issue 19).
        Some(Command::Trends { print: false, .. }) => {
            full_screen(&cli, ScreenCatalog::for_cli(&cli)?, StartAt::Trends)
        }
        Some(Command::Trends { print: true, weeks }) => {
            let today = backcoach::cli::commands::today(&Clock::system())?;
            backcoach::cli::report::trends_print(cli.data_dir.as_deref(), *weeks, today)?
                .emit_text(text_ascii(&cli));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Report(args)) => {
            let today = backcoach::cli::commands::today(&Clock::system())?;
            backcoach::cli::report::report(cli.data_dir.as_deref(), args, today)?.emit();
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Whether plain text for people (`list`, `show`, `week --print`, `trends
/// --print`) is written in ASCII: `--ascii`, or a terminal whose locale is
/// not UTF-8. Redirected to a file or a pipe it keeps every character, as
/// exports and reports always do (they are data).
fn text_ascii(cli: &Cli) -> bool {
    cli.ascii || (Caps::detect(false).ascii && std::io::stdout().is_terminal())
}

/// `start` as lines of text (screen readers, pipes, `TERM=dumb`).
fn line_mode(
    cli: &Cli,
    catalog: Catalog,
    routine_id: String,
    caps: Caps,
) -> Result<ExitCode, UserError> {
    let clock = Clock::system();
    clock.now()?;
    let data_dir = store::data_dir(cli.data_dir.as_deref())?;
    let exit = backcoach::line::run(backcoach::line::Options {
        catalog,
        data_dir,
        routine_id,
        // The lines are read out by the user's own screen reader: the spoken
        // coach would talk over it, so the line mode plays chimes only.
        sound: if cli.mute {
            SoundForRun::Muted
        } else {
            SoundForRun::ChimesOnly
        },
        ascii: caps.ascii,
    })
    .map_err(UserError::Line)?;
    Ok(match exit {
        Exit::Normal => ExitCode::SUCCESS,
        Exit::Signal(n) => ExitCode::from(128 + n as u8),
    })
}

/// The catalog of a full-screen run. A user's file is read and checked
/// before the screen changes, so its errors (with `line:column`) land on the
/// normal screen; the built-in one, which the build and the tests check, is
/// decoded after the switch, so the terminal answers sooner.
enum ScreenCatalog {
    Loaded(Catalog),
    BuiltIn,
}

impl ScreenCatalog {
    fn for_cli(cli: &Cli) -> Result<Self, UserError> {
        Ok(match cli.catalog.as_deref() {
            Some(path) => Self::Loaded(catalog::load_file(path)?),
            None => Self::BuiltIn,
        })
    }

    fn load(self) -> Result<Catalog, CatalogError> {
        match self {
            Self::Loaded(catalog) => Ok(catalog),
            Self::BuiltIn => catalog::builtin(),
        }
    }
}

fn full_screen(cli: &Cli, catalog: ScreenCatalog, start: StartAt) -> Result<ExitCode, UserError> {
    // A clock outside the recordable dates is said before the screen changes.
    let clock = Clock::system();
    clock.now()?;
    let dir = store::data_dir(cli.data_dir.as_deref())?;
    let store = Store::open(&dir)?;
    let log = backcoach::logging::log_path(&dir);
    let sound = if cli.mute {
        SoundForRun::Muted
    } else if cli.voice_off() {
        SoundForRun::ChimesOnly
    } else {
        SoundForRun::On
    };
    let exit = tui::run(
        |tx| {
            // The log's subscriber is built after the screen has changed
            // (0.07 ms at start; nothing logs before it).
            let _ = backcoach::logging::init(&log);
            let catalog = catalog.load().map_err(std::io::Error::other)?;
            let theme = Caps::detect(cli.ascii).theme();
            Ok(App::new(catalog, store, start, sound, theme, tx).with_clock(clock))
        },
        &log,
    )
    .map_err(screen_error)?;
    Ok(match exit {
        Exit::Normal => ExitCode::SUCCESS,
        Exit::Signal(n) => ExitCode::from(128 + n as u8),
    })
}

/// What stopped a full-screen run, in the user's words: the clock running
/// out mid-session and the built-in catalog come back through the terminal's
/// error; anything else is the terminal's.
fn screen_error(e: std::io::Error) -> UserError {
    if let Some(clock) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<ClockError>())
    {
        return UserError::Clock(*clock);
    }
    if !e.get_ref().is_some_and(|inner| inner.is::<CatalogError>()) {
        return UserError::Terminal(e);
    }
    match e.into_inner().map(|inner| inner.downcast::<CatalogError>()) {
        Some(Ok(catalog)) => UserError::Catalog(*catalog),
        Some(Err(other)) => UserError::Terminal(std::io::Error::other(other)),
        None => UserError::Terminal(std::io::Error::other("the terminal")),
    }
}
