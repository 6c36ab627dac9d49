//! The log file: everything the app and its libraries want to say while the
//! screen is full-screen goes here, never onto the terminal.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Mutex;

/// Opens (appending) the log file, readable by the user alone, and routes
/// `tracing` output into it. The level comes from `BACKCOACH_LOG` (default `info`).
pub fn init(path: &Path) -> io::Result<()> {
    let file: File = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)?;
    let level = std::env::var("BACKCOACH_LOG")
        .ok()
        .and_then(|l| l.parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::INFO);
    let _ = tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_max_level(level)
        .try_init();
    Ok(())
}
