//! Fills a data dir with years of daily sessions, for measuring start-up with
//! a long history (`scripts/measure` runs it). Not part of the app.
//!
//! Usage: `cargo run --release --example gen_history -- DIR YEARS [LAST_DAY]`
//! (LAST_DAY defaults to yesterday, so today's plan is not gated by it).

use std::path::PathBuf;
use std::process::ExitCode;

use backcoach::store::Store;
use jiff::Zoned;
use jiff::civil::Date;

#[path = "../benches/support/gen_history.rs"]
mod gen_history;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_history DIR YEARS [LAST_DAY as YYYY-MM-DD]";
    let (Some(dir), Some(years)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let Ok(years) = years.parse::<i16>() else {
        eprintln!("YEARS must be a whole number\n{usage}");
        return ExitCode::from(2);
    };
    let last = match args.get(2) {
        Some(text) => match text.parse::<Date>() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("LAST_DAY: {e}\n{usage}");
                return ExitCode::from(2);
            }
        },
        None => Zoned::now().date().yesterday().unwrap_or(Date::MIN),
    };
    let first = last.saturating_sub(jiff::Span::new().years(years));
    let dir = PathBuf::from(dir);
    if let Err(e) = gen_history::generate(&dir, first, last) {
        eprintln!("gen_history: writing {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    // Build the day index once, as the first run after an upgrade would.
    match Store::open(&dir) {
        Ok(store) => {
            store.load(last, last);
        }
        Err(e) => {
            eprintln!("gen_history: opening the store: {e}");
            return ExitCode::from(1);
        }
    }
    println!(
        "{} days, {first} to {last}, in {}",
        (last - first).get_days() + 1,
        dir.display()
    );
    ExitCode::SUCCESS
}
