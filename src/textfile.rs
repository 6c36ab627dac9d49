//! Reading a text file someone else controls (a `--catalog`, a month of
//! history) without trusting it: only a regular file, only up to a size
//! limit, only UTF-8, and every failure said in plain words with a position
//! where there is one.
//!
//! A FIFO would block the read forever and `/dev/zero` would fill memory,
//! so the file is opened without blocking, checked with `fstat` on the open
//! descriptor (no window for a swap between the check and the read) and read
//! at most one byte past the limit.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Why a text file was not read.
#[derive(Debug)]
pub enum TextFileError {
    /// Opening or reading failed (missing, permission denied…).
    Io(io::Error),
    /// Not a regular file: what it is instead ("a directory", "a FIFO"…).
    NotRegular(&'static str),
    /// Larger than the caller accepts.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// Not UTF-8: the 1-based line and column of the first bad byte.
    NotUtf8 {
        /// Line of the first byte that is not UTF-8.
        line: usize,
        /// Column (in characters) of that byte.
        col: usize,
    },
}

impl fmt::Display for TextFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextFileError::Io(e) => write!(f, "{e}"),
            TextFileError::NotRegular(what) => {
                write!(f, "it is {what}, not a regular file")
            }
            TextFileError::TooLarge { limit } => write!(
                f,
                "the file is larger than {} MB, more than such a file ever needs",
                limit / (1024 * 1024)
            ),
            TextFileError::NotUtf8 { .. } => f.write_str("not UTF-8 text (save the file as UTF-8)"),
        }
    }
}

impl std::error::Error for TextFileError {}

/// Reads `path` as UTF-8 text if it is a regular file of at most `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<String, TextFileError> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(TextFileError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(TextFileError::TooLarge { limit });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let (line, col) = position_after(&e.as_bytes()[..valid]);
        TextFileError::NotUtf8 { line, col }
    })
}

/// Opens `path` for reading without blocking (a FIFO with no writer would
/// otherwise hang here) and refuses anything but a regular file.
fn open_regular(path: &Path) -> Result<File, TextFileError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(nix::libc::O_NONBLOCK | nix::libc::O_CLOEXEC)
        .open(path)
        .map_err(TextFileError::Io)?;
    let kind = file.metadata().map_err(TextFileError::Io)?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    Err(TextFileError::NotRegular(if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "something other than a file"
    }))
}

/// The 1-based line and column just after `prefix` (columns in characters).
pub fn position_after(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// ron's message for a parse error, except where it speaks to a Rust
/// programmer rather than to the person who wrote the file.
pub fn ron_message(code: &ron::error::Error) -> String {
    match code {
        ron::error::Error::ExceededRecursionLimit => {
            "brackets nested too deeply (over 128 levels); no catalog or history file needs more than ten"
                .to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position_after(b""), (1, 1));
        assert_eq!(position_after(b"ab\ncd"), (2, 3));
        assert_eq!(position_after("é\nxé".as_bytes()), (2, 3));
    }

    #[test]
    fn bad_utf8_is_placed_and_a_fifo_or_device_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("dir");
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, b"(\n  name: \"caf\xe9\",\n)").expect("write");
        match read(&bad, 1024) {
            Err(TextFileError::NotUtf8 { line, col }) => assert_eq!((line, col), (2, 13)),
            other => panic!("{other:?}"),
        }
        let fifo = dir.path().join("fifo");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
        assert!(matches!(
            read(&fifo, 1024),
            Err(TextFileError::NotRegular("a FIFO (named pipe)"))
        ));
        assert!(matches!(
            read(Path::new("/dev/zero"), 1024),
            Err(TextFileError::NotRegular("a device"))
        ));
        assert!(matches!(
            read(dir.path(), 1024),
            Err(TextFileError::NotRegular("a directory"))
        ));
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b' '; 1025]).expect("write");
        assert!(matches!(
            read(&big, 1024),
            Err(TextFileError::TooLarge { limit: 1024 })
        ));
        std::fs::write(&big, vec![b' '; 1024]).expect("write");
        assert_eq!(read(&big, 1024).expect("at the limit").len(), 1024);
    }

    #[test]
    fn the_recursion_limit_is_explained_in_our_words() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let err = ron::from_str::<ron::Value>(&deep).expect_err("too deep");
        let message = ron_message(&err.code);
        assert!(message.contains("nested too deeply"), "{message}");
        assert!(!message.contains("serde_stacker"), "{message}");
    }
}
