//! The log file: everything the app and its libraries want to say while the
//! screen is full-screen goes here, never onto the terminal.
//!
//! Logging must never stop the app. On a full disk the log cannot be
//! written, and `tracing-subscriber` reports a failed write with
//! `eprintln!`, which panics when stderr (redirected into the same full
//! disk) fails too. So the writer here swallows every error, counting the
//! lines it could not write and saying how many once it can write again,
//! and the subscriber's own error reports are off. It opens the file without
//! blocking (a FIFO given as the log never freezes the app).
//!
//! Where the log goes: `BACKCOACH_LOG_FILE` when set (e.g. another disk when
//! the data dir's is full), `off` in `BACKCOACH_LOG` for no log at all, and
//! `backcoach.log` in the data dir otherwise.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use tracing_subscriber::fmt::MakeWriter;

/// The log's file name in the data dir.
pub const LOG_FILE: &str = "backcoach.log";

/// Where the log (and, while full-screen, stderr) goes: the file named by
/// `BACKCOACH_LOG_FILE`, nowhere (`/dev/null`) when `BACKCOACH_LOG=off`, else
/// `backcoach.log` in `data_dir`.
pub fn log_path(data_dir: &Path) -> PathBuf {
    if std::env::var("BACKCOACH_LOG").is_ok_and(|l| l.eq_ignore_ascii_case("off")) {
        return PathBuf::from("/dev/null");
    }
    match std::env::var_os("BACKCOACH_LOG_FILE") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => data_dir.join(LOG_FILE),
    }
}

/// Opens (appending) the log file, readable by the user alone, and routes
/// `tracing` output into it. The level comes from `BACKCOACH_LOG` (default
/// `info`; `off` for none).
pub fn init(path: &Path) -> io::Result<()> {
    let log = LossyLog::open(path)?;
    let level = std::env::var("BACKCOACH_LOG")
        .ok()
        .and_then(|l| l.parse::<tracing_subscriber::filter::LevelFilter>().ok())
        .unwrap_or(tracing_subscriber::filter::LevelFilter::INFO);
    let _ = tracing_subscriber::fmt()
        .with_writer(log)
        .with_ansi(false)
        .with_max_level(level)
        .log_internal_errors(false)
        .try_init();
    Ok(())
}

/// A log file that never fails: what cannot be written is dropped and
/// counted, and the count is written once writing works again.
#[derive(Debug, Clone)]
pub struct LossyLog {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    file: Mutex<File>,
    /// Lines that could not be written.
    dropped: AtomicU64,
    /// How many of those the log has already said it lost.
    reported: AtomicU64,
}

impl LossyLog {
    /// Opens `path` for appending (created 0600), without blocking.
    pub fn open(path: &Path) -> io::Result<LossyLog> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .custom_flags(nix::libc::O_NONBLOCK | nix::libc::O_CLOEXEC)
            .open(path)?;
        Ok(LossyLog {
            inner: Arc::new(Inner {
                file: Mutex::new(file),
                dropped: AtomicU64::new(0),
                reported: AtomicU64::new(0),
            }),
        })
    }

    /// Lines dropped so far because the file could not take them.
    pub fn dropped(&self) -> u64 {
        self.inner.dropped.load(Ordering::Relaxed)
    }

    /// Writes one line (or any bytes); never fails.
    fn write_line(&self, bytes: &[u8]) {
        // A panic elsewhere while holding the lock leaves the file usable.
        let mut file = self
            .inner
            .file
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let dropped = self.inner.dropped.load(Ordering::Relaxed);
        let reported = self.inner.reported.load(Ordering::Relaxed);
        if dropped > reported {
            let note = format!(
                "[backcoach: {} log line(s) could not be written]\n",
                dropped - reported
            );
            if file.write_all(note.as_bytes()).is_ok() {
                self.inner.reported.store(dropped, Ordering::Relaxed);
            }
        }
        if file.write_all(bytes).is_err() {
            self.inner.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// One event's writer, handed out by [`LossyLog`].
#[derive(Debug)]
pub struct LossyWriter<'a> {
    log: &'a LossyLog,
}

impl Write for LossyWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.log.write_line(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for LossyLog {
    type Writer = LossyWriter<'a>;

    fn make_writer(&'a self) -> Self::Writer {
        LossyWriter { log: self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_device_drops_and_counts_lines_and_never_fails() {
        // /dev/full answers every write with "No space left on device".
        let log = LossyLog::open(Path::new("/dev/full")).expect("open /dev/full");
        let subscriber = tracing_subscriber::fmt()
            .with_writer(log.clone())
            .with_ansi(false)
            .log_internal_errors(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::warn!("first");
            tracing::warn!("second");
        });
        assert_eq!(log.dropped(), 2);
        let mut writer = log.make_writer();
        assert_eq!(writer.write(b"third\n").expect("never fails"), 6);
        assert!(writer.flush().is_ok());
        assert_eq!(log.dropped(), 3);
    }

    #[test]
    fn once_writing_works_again_the_log_says_how_much_it_lost() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("x.log");
        let log = LossyLog::open(&path).expect("open");
        log.inner.dropped.store(4, Ordering::Relaxed);
        log.write_line(b"back\n");
        log.write_line(b"again\n");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            text,
            "[backcoach: 4 log line(s) could not be written]\nback\nagain\n"
        );
    }

    #[test]
    fn a_fifo_as_the_log_never_blocks() {
        let dir = tempfile::tempdir().expect("dir");
        let fifo = dir.path().join("log.fifo");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
        // No reader: opening for writing without blocking fails at once.
        assert!(LossyLog::open(&fifo).is_err());
    }
}
