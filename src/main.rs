//! The thin binary: parse the command line, run one command, pick the exit code.

use std::path::PathBuf;
use std::process::ExitCode;
use std::thread::JoinHandle;

use backcoach::catalog::{self, Catalog, CatalogError};
use backcoach::cli::{self, Cli, Command, UserError};
use backcoach::store::{self, Store};
use backcoach::tui::app::{App, StartAt};
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
            let routine = routine
                .clone()
                .unwrap_or_else(|| cli::DEFAULT_ROUTINE.to_string());
            full_screen(&cli, StartAt::Session(routine))
        }
        Some(Command::Week { print: false, date }) => full_screen(&cli, StartAt::Week(*date)),
        None => full_screen(&cli, StartAt::Home),
        Some(Command::Week { print: true, date }) => {
            let today = backcoach::store::commands::today();
            backcoach::store::commands::week_print(cli.data_dir.as_deref(), *date, today)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { csv }) => {
            backcoach::store::commands::export(cli.data_dir.as_deref(), *csv)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Runs a full-screen command. The catalog is parsed on a thread of its own
/// while the data dir, the log and the terminal are set up (parsing is the
/// largest part of the time to the first frame); a bad catalog or an unknown
/// routine still ends the command with its message and exit code 1.
fn full_screen(cli: &Cli, start: StartAt) -> Result<ExitCode, UserError> {
    let catalog = CatalogLoad::start(cli.catalog.clone());
    let dir =
        store::data_dir(cli.data_dir.as_deref()).map_err(|e| UserError::Other(e.to_string()))?;
    let store = Store::open(&dir).map_err(|e| UserError::Other(e.to_string()))?;
    let log = dir.join("backcoach.log");
    let _ = backcoach::logging::init(&log);
    let muted = cli.mute;
    let exit = tui::run(
        |tx| {
            let catalog = catalog.finish()?;
            if let StartAt::Session(routine) = &start
                && catalog.routine(routine).is_none()
            {
                return Err(UserError::UnknownRoutine(routine.clone()));
            }
            Ok(App::new(
                catalog,
                store,
                start,
                muted,
                Theme::from_env(),
                tx,
            ))
        },
        &log,
    )
    .map_err(|e| match e.downcast::<UserError>() {
        Ok(user) => user,
        Err(e) => UserError::Other(e.to_string()),
    })?;
    Ok(match exit {
        Exit::Normal => ExitCode::SUCCESS,
        Exit::Signal(n) => ExitCode::from(128 + n as u8),
    })
}

/// The catalog being parsed on its own thread (or, if no thread could be
/// started, parsed when it is needed).
enum CatalogLoad {
    Parsing(JoinHandle<Result<Catalog, CatalogError>>),
    Later(Option<PathBuf>),
}

impl CatalogLoad {
    fn start(path: Option<PathBuf>) -> CatalogLoad {
        let for_thread = path.clone();
        match std::thread::Builder::new()
            .name("backcoach-catalog".into())
            .spawn(move || catalog::load(for_thread.as_deref()))
        {
            Ok(handle) => CatalogLoad::Parsing(handle),
            Err(_) => CatalogLoad::Later(path),
        }
    }

    fn finish(self) -> Result<Catalog, UserError> {
        let loaded = match self {
            CatalogLoad::Parsing(handle) => handle.join().map_err(|_| {
                UserError::Other("the catalog could not be read (see backcoach.log)".into())
            })?,
            CatalogLoad::Later(path) => catalog::load(path.as_deref()),
        };
        Ok(loaded?)
    }
}
