//! Writes the trends tests' sample twelve weeks (and its profile) into a data
//! dir, for `scripts/report-screenshot` and for trying `backcoach trends` and
//! `backcoach report` by hand. Not part of the app.
//!
//! Usage: `cargo run --example sample_history -- DIR`, then
//! `backcoach --data-dir DIR report --to 2026-11-22`.

use std::process::ExitCode;

#[path = "../tests/support/records.rs"]
mod records;
#[path = "../tests/support/trends.rs"]
mod trends;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: sample_history DIR");
        return ExitCode::from(2);
    };
    trends::write_sample(std::path::Path::new(&dir));
    println!(
        "Wrote twelve weeks to {} ending {}",
        dir,
        trends::sample_today()
    );
    ExitCode::SUCCESS
}
