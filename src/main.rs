//! The thin binary: parse the command line, run one command, pick the exit code.

use std::process::ExitCode;

use backcoach::catalog::{self, Catalog};
use backcoach::cli::{self, Cli, Command, UserError};
use backcoach::clock::Clock;
use backcoach::store::{self, Store};
use backcoach::tui::app::{App, SoundForRun, StartAt};
use backcoach::tui::theme::Theme;
use backcoach::tui::{self, Exit};
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("backcoach: {e}");
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
            print!("{}", cli::list(&catalog, *what));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Show { id }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            print!("{}", cli::show(&catalog, id)?);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Start { routine }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            let routine = routine
                .clone()
                .unwrap_or_else(|| cli::DEFAULT_ROUTINE.to_string());
            if catalog.routine(&routine).is_none() {
                return Err(UserError::UnknownRoutine(routine));
            }
            full_screen(&cli, catalog, StartAt::Session(routine))
        }
        Some(Command::Week { print: false, date }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            full_screen(&cli, catalog, StartAt::Week(*date))
        }
        None => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            full_screen(&cli, catalog, StartAt::Home)
        }
        Some(Command::Week { print: true, date }) => {
            let today = backcoach::cli::commands::today(&Clock::system())
                .map_err(|e| UserError::Other(e.to_string()))?;
            backcoach::cli::commands::week_print(cli.data_dir.as_deref(), *date, today)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { csv }) => {
            backcoach::cli::commands::export(cli.data_dir.as_deref(), *csv)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(ExitCode::SUCCESS)
        }
        // Trends and the report (issue 19).
        Some(Command::Trends { print: false, .. }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            full_screen(&cli, catalog, StartAt::Trends)
        }
        Some(Command::Trends { print: true, weeks }) => {
            let today = backcoach::cli::commands::today(&Clock::system())
                .map_err(|e| UserError::Other(e.to_string()))?;
            backcoach::cli::report::trends_print(cli.data_dir.as_deref(), *weeks, today)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Report(args)) => {
            let today = backcoach::cli::commands::today(&Clock::system())
                .map_err(|e| UserError::Other(e.to_string()))?;
            backcoach::cli::report::report(cli.data_dir.as_deref(), args, today)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn full_screen(cli: &Cli, catalog: Catalog, start: StartAt) -> Result<ExitCode, UserError> {
    // A clock outside the recordable dates is said before the screen changes.
    let clock = Clock::system();
    clock.now().map_err(|e| UserError::Other(e.to_string()))?;
    let dir =
        store::data_dir(cli.data_dir.as_deref()).map_err(|e| UserError::Other(e.to_string()))?;
    let store = Store::open(&dir).map_err(|e| UserError::Other(e.to_string()))?;
    let log = backcoach::logging::log_path(&dir);
    let _ = backcoach::logging::init(&log);
    let sound = if cli.mute {
        SoundForRun::Muted
    } else if cli.voice_off() {
        SoundForRun::ChimesOnly
    } else {
        SoundForRun::On
    };
    let exit = tui::run(
        |tx| App::new(catalog, store, start, sound, Theme::from_env(), tx).with_clock(clock),
        &log,
    )
    .map_err(|e| UserError::Other(e.to_string()))?;
    Ok(match exit {
        Exit::Normal => ExitCode::SUCCESS,
        Exit::Signal(n) => ExitCode::from(128 + n as u8),
    })
}
