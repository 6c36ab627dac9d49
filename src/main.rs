//! The thin binary: parse the command line, run one command, pick the exit code.

use std::process::ExitCode;

use backcoach::catalog;
use backcoach::cli::{self, Cli, Command, UserError};
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("backcoach: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), UserError> {
    match &cli.command {
        Some(Command::Check { path }) => {
            let path = path.as_deref().or(cli.catalog.as_deref());
            print!("{}", cli::check(path)?);
            Ok(())
        }
        Some(Command::List { what }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            print!("{}", cli::list(&catalog, *what));
            Ok(())
        }
        Some(Command::Show { id }) => {
            let catalog = catalog::load(cli.catalog.as_deref())?;
            print!("{}", cli::show(&catalog, id)?);
            Ok(())
        }
        Some(Command::Week { print: true, date }) => {
            let today = backcoach::store::commands::today();
            backcoach::store::commands::week_print(cli.data_dir.as_deref(), *date, today)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(())
        }
        Some(Command::Export { csv }) => {
            backcoach::store::commands::export(cli.data_dir.as_deref(), *csv)
                .map_err(|e| UserError::Other(e.to_string()))?
                .emit();
            Ok(())
        }
        _ => Err(UserError::Other("this command is not built yet".into())),
    }
}
