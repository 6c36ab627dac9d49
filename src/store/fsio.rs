//! The only code that touches the disk: private modes, atomic replacement,
//! and reading a RON file into either a value or a `FileProblem`.

use std::fs::{self, DirBuilder, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{FileProblem, StoreError};

/// Health data: only the user may read or write the files...
pub const FILE_MODE: u32 = 0o600;
/// ...or list the directories.
pub const DIR_MODE: u32 = 0o700;

/// Creates `dir` (and missing parents) readable by the user alone.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
        .map_err(|source| StoreError::io("create directory", dir, source))
}

/// Name of the lock file in the history folder.
pub const LOCK_FILE: &str = ".lock";

/// How long a save waits for another backcoach on the same data dir to
/// finish writing before it writes anyway.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

/// Holds `<dir>/.lock` exclusively while a save reads, changes and writes the
/// month files, so two backcoach windows on one data dir never write over
/// each other's records. `None` when the lock cannot be had (a read-only
/// folder: the write then fails and says so; a process that keeps it past
/// [`LOCK_WAIT`]: the save goes ahead unlocked rather than freezing the screen).
/// The kernel drops the lock when its holder dies, even by `kill -9`.
pub fn lock_exclusive(dir: &Path) -> Option<nix::fcntl::Flock<File>> {
    use nix::fcntl::{Flock, FlockArg};
    let path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(FILE_MODE)
        .open(&path)
        .ok()?;
    let give_up = std::time::Instant::now() + LOCK_WAIT;
    loop {
        match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(lock) => return Some(lock),
            Err((back, nix::errno::Errno::EWOULDBLOCK)) if std::time::Instant::now() < give_up => {
                file = back;
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err((_, errno)) => {
                tracing::warn!(
                    "{}: cannot lock ({errno}); saving without it",
                    path.display()
                );
                return None;
            }
        }
    }
}

/// Replaces `path` with `bytes` so that a crash leaves either the old or the
/// new file, never a torn one: temporary file in the same directory, write,
/// fsync, rename over, fsync the directory.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_stamped(path, bytes).map(|_| ())
}

/// [`write_atomic`], returning the identity of the file written (taken from
/// the open file before the rename, so it is exactly what was written).
pub fn write_atomic_stamped(path: &Path, bytes: &[u8]) -> Result<FileStamp, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    let result = write_then_rename(&tmp, path, dir, bytes);
    if result.is_err() {
        // Best effort: a leftover temporary file is harmless (never read) but untidy.
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_rename(
    tmp: &Path,
    path: &Path,
    dir: &Path,
    bytes: &[u8],
) -> Result<FileStamp, StoreError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(FILE_MODE)
        .open(tmp)
        .map_err(|e| StoreError::io("create", tmp, e))?;
    // The mode above only applies to a new file; a leftover one may be wider.
    file.set_permissions(Permissions::from_mode(FILE_MODE))
        .map_err(|e| StoreError::io("set permissions of", tmp, e))?;
    file.write_all(bytes)
        .map_err(|e| StoreError::io("write", tmp, e))?;
    file.sync_all()
        .map_err(|e| StoreError::io("sync", tmp, e))?;
    let stamp = file
        .metadata()
        .map(|m| FileStamp::of_metadata(&m))
        .map_err(|e| StoreError::io("read the metadata of", tmp, e))?;
    drop(file);
    fs::rename(tmp, path).map_err(|e| StoreError::io("replace", path, e))?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("sync directory", dir, e))?;
    Ok(stamp)
}

/// What identifies one version of a file: device, inode, length and
/// modification time. Every atomic write makes a new inode, so a file whose
/// stamp is unchanged has not been replaced or rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now, if it can be read.
    pub fn of(path: &Path) -> Option<FileStamp> {
        fs::metadata(path).ok().map(|m| FileStamp::of_metadata(&m))
    }

    fn of_metadata(m: &fs::Metadata) -> FileStamp {
        FileStamp {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            modified: m.modified().ok(),
        }
    }
}

/// Serializes `value` as pretty RON, optionally after a `//` comment header.
pub fn to_ron<T: Serialize>(value: &T, path: &Path, header: &str) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .compact_arrays(true)
        .indentor("  ");
    let body = ron::ser::to_string_pretty(value, config).map_err(|e| StoreError::Encode {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(format!("{header}{body}\n"))
}

/// What reading one file gave.
pub enum ReadOutcome<T> {
    /// No such file: nothing recorded there yet.
    Missing,
    Parsed(T),
    /// Present but unreadable: report it, never write over it.
    Problem(FileProblem),
}

/// Reads and parses a RON file; every failure becomes a `FileProblem` with a
/// position when there is one.
pub fn read_ron<T: DeserializeOwned>(path: &Path) -> ReadOutcome<T> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return ReadOutcome::Missing,
        Err(e) => return ReadOutcome::Problem(FileProblem::io(path, &e)),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let (line, col) = position_of(&e.as_bytes()[..valid]);
            return ReadOutcome::Problem(FileProblem {
                path: path.to_path_buf(),
                line,
                col,
                message: "not valid UTF-8 text".into(),
            });
        }
    };
    match ron::from_str::<T>(&text) {
        Ok(value) => ReadOutcome::Parsed(value),
        Err(e) => {
            let (line, col) = (e.span.start.line, e.span.start.col);
            ReadOutcome::Problem(FileProblem {
                path: path.to_path_buf(),
                line,
                col: skip_blanks(&text, line, col),
                message: e.code.to_string(),
            })
        }
    }
}

/// ron points just after the previous token; when only blanks separate it
/// from the offending one on the same line, point at the offending token.
fn skip_blanks(text: &str, line: usize, col: usize) -> usize {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return col;
    };
    let rest: Vec<char> = row.chars().skip(col.saturating_sub(1)).collect();
    let blanks = rest
        .iter()
        .take_while(|c| **c == ' ' || **c == '\t')
        .count();
    if blanks > 0 && blanks < rest.len() {
        col + blanks
    } else {
        col
    }
}

/// 1-based line and column just after `prefix`.
fn position_of(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// `stem.ron`, then the siblings `stem.1.ron`, `stem.2.ron`… that exist.
///
/// A sibling is only ever created when the file before it could not be read,
/// so the chain is probed until the first missing sibling (the first file may
/// be missing on its own, e.g. removed by hand).
pub fn chain(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let first = dir.join(format!("{stem}.ron"));
    if first.exists() {
        paths.push(first);
    }
    for n in 1.. {
        let sibling = sibling_path(dir, stem, n);
        if !sibling.exists() {
            break;
        }
        paths.push(sibling);
    }
    paths
}

/// The `n`th sibling of `stem.ron` (`n` ≥ 1).
pub fn sibling_path(dir: &Path, stem: &str, n: usize) -> PathBuf {
    dir.join(format!("{stem}.{n}.ron"))
}

/// The file to write new data of `stem` into: the last file of the chain when
/// it can be read, else a fresh sibling after it, so an unreadable file is
/// never written over.
pub fn next_free(dir: &Path, stem: &str, chain: &[PathBuf]) -> PathBuf {
    let mut n = 1;
    while chain.contains(&sibling_path(dir, stem, n)) {
        n += 1;
    }
    if chain.is_empty() {
        dir.join(format!("{stem}.ron"))
    } else {
        sibling_path(dir, stem, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_point_at_the_offending_token() {
        let text = "(\n  a: 1,\n  b:   ???,\n)";
        assert_eq!(skip_blanks(text, 3, 5), 8);
        assert_eq!(skip_blanks(text, 3, 8), 8);
        // Blanks to the end of the line: keep ron's position.
        assert_eq!(skip_blanks("x   ", 1, 2), 2);
        assert_eq!(position_of(b"ab\ncd"), (2, 3));
    }

    #[test]
    fn new_data_never_goes_into_an_unreadable_file() {
        let dir = Path::new("/d");
        assert_eq!(next_free(dir, "2026-03", &[]), dir.join("2026-03.ron"));
        let chain = vec![dir.join("2026-03.ron"), dir.join("2026-03.1.ron")];
        assert_eq!(next_free(dir, "2026-03", &chain), dir.join("2026-03.2.ron"));
    }
}
