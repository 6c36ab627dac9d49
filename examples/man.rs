//! Writes backcoach's man pages (`backcoach.1` and one per command) from the
//! command line's own definition, so they never disagree with `--help`:
//! `make man`, or `cargo run --example man -- DIR`.

use std::path::PathBuf;

use clap::CommandFactory;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/man".into()),
    );
    std::fs::create_dir_all(&dir)?;
    let command = backcoach::cli::Cli::command();
    clap_mangen::generate_to(command, &dir)?;
    println!("man pages written to {}", dir.display());
    Ok(())
}
