//! Keep other people's stderr output off the full-screen terminal.
//!
//! Native libraries write straight to file descriptor 2 and know nothing about
//! our screen: ALSA prints about twenty `ALSA lib ...` lines when there is no
//! sound card (and more on underruns), and any of that text lands in the
//! middle of the full-screen UI and corrupts it. While the UI owns the
//! terminal, [`StderrRedirect`] points fd 2 at the log file instead, so the
//! text is kept (it explains why there is no sound) but never drawn over.
//!
//! Rust's own `eprintln!` goes to the same descriptor, so it is redirected
//! too; that is the point: nothing but the UI may write to the terminal.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use nix::unistd::dup2_stderr;

/// While alive, the process's stderr (fd 2) writes into a file; dropping it
/// (or calling [`StderrRedirect::restore`]) points fd 2 back at the terminal.
///
/// Create it just before entering the full-screen UI and drop it just after
/// leaving it, so error messages printed before and after still reach the
/// user. Restoring is idempotent: the panic hook can restore early through a
/// [`StderrRestorer`] and the later drop then does nothing.
#[derive(Debug)]
#[must_use = "stderr is restored as soon as the guard is dropped"]
pub struct StderrRedirect {
    restorer: StderrRestorer,
}

/// A cloneable way to put stderr back, for places that cannot own the guard:
/// chiefly a panic hook, which must restore stderr before the panic message is
/// printed or the message would only reach the log file.
#[derive(Debug, Clone)]
pub struct StderrRestorer {
    /// The terminal's stderr, saved while redirected; `None` once restored.
    saved: Arc<Mutex<Option<OwnedFd>>>,
}

impl StderrRedirect {
    /// Point fd 2 at `path` (created with mode 0600 if missing, appended to
    /// otherwise, so it can be the same file the tracing log writes to).
    ///
    /// Fails, leaving stderr untouched, if the file cannot be opened or the
    /// descriptors cannot be duplicated; the caller can then carry on
    /// unredirected rather than refuse to start.
    pub fn to_file(path: &Path) -> io::Result<StderrRedirect> {
        // Without blocking: a FIFO given as the log must not freeze the app.
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .custom_flags(nix::libc::O_NONBLOCK)
            .open(path)?;
        Self::to_open_file(&file)
    }

    /// [`StderrRedirect::to_file`], or `/dev/null` when `path` cannot be
    /// opened: while full-screen, stderr must go somewhere other than the
    /// terminal, even when the log cannot be kept.
    pub fn to_file_or_null(path: &Path) -> io::Result<StderrRedirect> {
        Self::to_file(path).or_else(|_| Self::to_file(Path::new("/dev/null")))
    }

    /// Point fd 2 at an already open file (for callers that manage the file).
    pub fn to_open_file(file: &File) -> io::Result<StderrRedirect> {
        // Rust's stderr is unbuffered, but be explicit: nothing pending may be
        // written after the switch.
        io::stderr().flush()?;
        // `try_clone_to_owned` duplicates with close-on-exec set, so child
        // processes do not inherit a stray copy of the terminal.
        let saved = io::stderr().as_fd().try_clone_to_owned()?;
        dup2_stderr(file).map_err(io::Error::from)?;
        Ok(StderrRedirect {
            restorer: StderrRestorer {
                saved: Arc::new(Mutex::new(Some(saved))),
            },
        })
    }

    /// Put the terminal's stderr back now. Later calls, and the drop, do nothing.
    pub fn restore(&mut self) -> io::Result<()> {
        self.restorer.restore()
    }

    /// Whether fd 2 currently points at the file (false once restored).
    pub fn is_active(&self) -> bool {
        self.restorer.is_active()
    }

    /// A handle that can restore stderr from elsewhere, e.g. a panic hook.
    pub fn restorer(&self) -> StderrRestorer {
        self.restorer.clone()
    }
}

impl StderrRestorer {
    /// Put the terminal's stderr back if it is still redirected; safe to call
    /// any number of times, from any thread, including while panicking.
    pub fn restore(&self) -> io::Result<()> {
        // A poisoned lock only means another thread panicked while holding it;
        // the saved descriptor is still valid, and restoring matters most then.
        let mut saved = self.saved.lock().unwrap_or_else(PoisonError::into_inner);
        match saved.take() {
            Some(fd) => dup2_stderr(&fd).map_err(io::Error::from),
            None => Ok(()),
        }
    }

    /// Whether stderr is still redirected.
    pub fn is_active(&self) -> bool {
        self.saved
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }
}

impl Drop for StderrRedirect {
    fn drop(&mut self) {
        if let Err(e) = self.restorer.restore() {
            // stderr may still be the log file here, so this lands in the log.
            tracing::error!("could not restore stderr: {e}");
        }
    }
}
