//! Writes the trends tests' sample twelve weeks (and its profile) into a data
//! dir, for `scripts/report-screenshot` and for trying `backcoach trends` and
//! `backcoach report` by hand. Not part of the app.
//!
//! Usage: `cargo run --example sample_history -- DIR`, then
//! `backcoach --data-dir DIR report --to 2026-11-22`.

use std::process::ExitCode;

#[path = "../tests/trends_common/mod.rs"]
mod trends_common;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: sample_history DIR");
        return ExitCode::from(2);
    };
    trends_common::write_sample(std::path::Path::new(&dir));
    println!(
        "Wrote twelve weeks to {} ending {}",
        dir,
        trends_common::sample_today()
    );
    ExitCode::SUCCESS
}
