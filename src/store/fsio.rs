//! The only code that touches the disk: private modes, atomic replacement,
//! and reading a RON file into either a value or a `FileProblem`.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use nix::libc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{FileProblem, StoreError};
use crate::textfile::{self, TextFileError};

/// Health data: only the user may read or write the files...
pub const FILE_MODE: u32 = 0o600;
/// ...or list the directories.
pub const DIR_MODE: u32 = 0o700;

/// Creates `dir` (and missing parents) readable by the user alone. A file
/// where the directory should be is named as such, not as "File exists".
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => return Err(StoreError::NotADirectory(dir.to_path_buf())),
        Err(_) => {}
    }
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
        .map_err(|source| match fs::metadata(dir) {
            Ok(meta) if !meta.is_dir() => StoreError::NotADirectory(dir.to_path_buf()),
            _ => StoreError::io("create directory", dir, source),
        })
}

/// Name of the lock file at the data dir's root.
pub const LOCK_FILE: &str = ".lock";

/// How long a save waits for another backcoach on the same data dir to
/// finish writing (a save takes a few milliseconds) before it gives up,
/// keeps its records in memory and says so.
const LOCK_WAIT: Duration = Duration::from_millis(500);

/// The held lock: released when dropped (and by the kernel when its holder
/// dies, even by `kill -9`).
pub type Lock = nix::fcntl::Flock<File>;

/// Holds `<dir>/.lock` exclusively while a save reads, changes and writes
/// the month files, so two backcoach windows on one data dir never write
/// over each other's records. A save that cannot have it does not write:
/// the lock file cannot be opened (a directory, no permission, a read-only
/// disk) or another window keeps it past [`LOCK_WAIT`].
pub fn lock_exclusive(dir: &Path) -> Result<Lock, StoreError> {
    lock(dir, LOCK_WAIT)
}

/// The lock if it is free right now: for work that may as well be skipped
/// (rewriting the derived day index after a read).
pub fn try_lock(dir: &Path) -> Option<Lock> {
    lock(dir, Duration::ZERO).ok()
}

fn lock(dir: &Path, wait: Duration) -> Result<Lock, StoreError> {
    use nix::fcntl::{Flock, FlockArg};
    let path = dir.join(LOCK_FILE);
    let cannot = |source: io::Error| StoreError::Lock {
        path: path.clone(),
        source,
    };
    // No following a link out of the data dir, no blocking on a FIFO.
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(&path)
        .map_err(cannot)?;
    if !file.metadata().map_err(cannot)?.is_file() {
        return Err(cannot(io::Error::other("it is not a regular file")));
    }
    let give_up = std::time::Instant::now() + wait;
    loop {
        match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(lock) => return Ok(lock),
            Err((back, nix::errno::Errno::EWOULDBLOCK)) => {
                if std::time::Instant::now() >= give_up {
                    return Err(StoreError::Busy(path));
                }
                file = back;
                std::thread::sleep(Duration::from_millis(2));
            }
            Err((_, errno)) => return Err(cannot(io::Error::from(errno))),
        }
    }
}

/// Replaces `path` with `bytes` so that a crash leaves either the old or the
/// new file, never a torn one: a fresh temporary file in the same directory,
/// write, fsync, rename over, fsync the directory.
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
    let (file, tmp) = create_temp(dir, &name)?;
    let result = write_then_rename(file, &tmp, path, dir, bytes);
    if matches!(result, Err(Failed::BeforeRename(_))) {
        // Ours alone (created exclusively): safe to remove.
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(Failed::into_error)
}

/// Temporary files are named `.<name>.<pid>.<n>.tmp`: unique to this
/// process and this write, so two windows never share one.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// How many names to try when one is taken (by a leftover or a planted link).
const TEMP_ATTEMPTS: usize = 64;

/// A new temporary file for `name` in `dir`, created exclusively (never an
/// existing file, never through a symbolic link) and private from the start.
fn create_temp(dir: &Path, name: &str) -> Result<(File, PathBuf), StoreError> {
    let pid = std::process::id();
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..TEMP_ATTEMPTS {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{pid}.{n}.tmp"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(FILE_MODE)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&tmp)
        {
            Ok(file) => return Ok((file, tmp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(StoreError::io("create a temporary file in", dir, e)),
        }
    }
    Err(StoreError::io("create a temporary file in", dir, last))
}

/// Where an atomic write stopped.
enum Failed {
    /// The temporary file is still there (and only ours).
    BeforeRename(StoreError),
    /// Renamed: the new content is in place, only its durability is unsure.
    AfterRename(StoreError),
}

impl Failed {
    fn into_error(self) -> StoreError {
        match self {
            Failed::BeforeRename(e) | Failed::AfterRename(e) => e,
        }
    }
}

fn write_then_rename(
    mut file: File,
    tmp: &Path,
    path: &Path,
    dir: &Path,
    bytes: &[u8],
) -> Result<FileStamp, Failed> {
    // Named by the file being replaced: the temporary name means nothing to a user.
    let before = |op, e| Failed::BeforeRename(StoreError::io(op, path, e));
    write_all(&mut file, tmp, bytes).map_err(|e| before("write", e))?;
    file.sync_all().map_err(|e| before("sync", e))?;
    let stamp = file
        .metadata()
        .map(|m| FileStamp::of_metadata(&m))
        .map_err(|e| before("read the metadata of", e))?;
    drop(file);
    rename(tmp, path).map_err(|e| Failed::BeforeRename(StoreError::io("replace", path, e)))?;
    sync_dir(dir).map_err(|e| Failed::AfterRename(StoreError::io("sync directory", dir, e)))?;
    Ok(stamp)
}

fn write_all(file: &mut File, tmp: &Path, bytes: &[u8]) -> io::Result<()> {
    #[cfg(test)]
    if faults::fails(faults::WriteStep::Write, tmp) {
        // A disk filling up mid-write: half of it lands, then ENOSPC.
        file.write_all(&bytes[..bytes.len() / 2])?;
        return Err(io::Error::from_raw_os_error(libc::ENOSPC));
    }
    let _ = tmp;
    file.write_all(bytes)
}

fn rename(tmp: &Path, path: &Path) -> io::Result<()> {
    #[cfg(test)]
    if faults::fails(faults::WriteStep::Rename, path) {
        return Err(io::Error::from_raw_os_error(libc::EIO));
    }
    fs::rename(tmp, path)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(test)]
    if faults::fails(faults::WriteStep::SyncDir, dir) {
        return Err(io::Error::from_raw_os_error(libc::EIO));
    }
    File::open(dir).and_then(|d| d.sync_all())
}

/// Writes `bytes` to a new file at `path` (never over an existing one, never
/// through a link), private and fsynced: a copy the user asked for.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| StoreError::io("create", path, e))?;
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| StoreError::io("write", path, e));
    if result.is_err() {
        let _ = fs::remove_file(path);
    }
    result
}

/// A temporary file left by a crash is removed once it is surely dead: named
/// as ours, a plain file (not a link) of this user, and untouched this long.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Removes temporary files a crash left in `dir` (see [`STALE_AFTER`]).
/// Called under the lock, so no save of another window is writing them.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let uid = nix::unistd::geteuid().as_raw();
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.file_type().is_file() && meta.uid() == uid && old {
            match fs::remove_file(&path) {
                Ok(()) => tracing::info!("removed {}, left by an interrupted save", path.display()),
                Err(e) => tracing::warn!("cannot remove {}: {e}", path.display()),
            }
        }
    }
}

/// `.<name>.<pid>.<n>.tmp`, or `.<name>.tmp` as versions before 0.2 named them.
fn is_temp_name(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let parts: Vec<&str> = inner.rsplitn(3, '.').collect();
    let numbered = parts.len() == 3
        && parts[..2]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let known = |stem: &str| stem.ends_with(".ron");
    (numbered && known(parts[2])) || known(inner)
}

/// Test-only seam: makes chosen steps of atomic writes fail, as a full disk,
/// a failing rename or a failing directory sync would.
#[cfg(test)]
pub mod faults {
    use std::cell::RefCell;
    use std::path::Path;

    /// A step of an atomic write.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum WriteStep {
        /// Writing the temporary file (fails half-way, with ENOSPC).
        Write,
        /// Renaming it over the real file.
        Rename,
        /// Syncing the directory after the rename (the new file is in place).
        SyncDir,
    }

    type Plan = Box<dyn FnMut(WriteStep, &Path) -> bool>;

    thread_local! {
        static PLAN: RefCell<Option<Plan>> = RefCell::new(None);
    }

    /// From now on, on this thread, `plan(step, path)` says which steps fail.
    pub fn inject(plan: impl FnMut(WriteStep, &Path) -> bool + 'static) {
        PLAN.with(|p| *p.borrow_mut() = Some(Box::new(plan)));
    }

    /// Back to a disk that works.
    pub fn clear() {
        PLAN.with(|p| *p.borrow_mut() = None);
    }

    pub(super) fn fails(step: WriteStep, path: &Path) -> bool {
        PLAN.with(|p| p.borrow_mut().as_mut().is_some_and(|plan| plan(step, path)))
    }
}

/// What identifies one version of a file: device, inode, length and
/// modification time. Every atomic write makes a new inode, so a file whose
/// stamp is unchanged has not been replaced or rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: i64,
    mtime_ns: i64,
}

impl FileStamp {
    /// The stamp of the file at `path` now, if it can be read.
    pub fn of(path: &Path) -> Option<FileStamp> {
        fs::metadata(path).ok().map(|m| FileStamp::of_metadata(&m))
    }

    /// The stamp of a file whose metadata is at hand.
    pub fn of_metadata(m: &fs::Metadata) -> FileStamp {
        FileStamp {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: m.mtime(),
            mtime_ns: m.mtime_nsec(),
        }
    }

    /// Feeds the stamp into a fingerprint (see `index`).
    pub fn words(&self) -> [u64; 5] {
        [
            self.dev,
            self.ino,
            self.len,
            self.mtime as u64,
            self.mtime_ns as u64,
        ]
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

/// The largest history, profile or index file read: a month of daily
/// sessions is about 130 KB, so 64 MB is hundreds of times any real one,
/// yet keeps a stray huge file from exhausting memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads and parses a RON file; every failure becomes a `FileProblem` with a
/// position when there is one.
pub fn read_ron<T: DeserializeOwned>(path: &Path) -> ReadOutcome<T> {
    let text = match textfile::read(path, MAX_FILE_BYTES) {
        Ok(text) => text,
        Err(TextFileError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
            return ReadOutcome::Missing;
        }
        Err(TextFileError::NotUtf8 { line, col }) => {
            return ReadOutcome::Problem(FileProblem {
                path: path.to_path_buf(),
                line,
                col,
                message: "not valid UTF-8 text".into(),
            });
        }
        Err(other) => {
            return ReadOutcome::Problem(FileProblem {
                path: path.to_path_buf(),
                line: 0,
                col: 0,
                message: other.to_string(),
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
                message: textfile::ron_message(&e.code),
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
    }

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        assert!(is_temp_name(".2026-03.ron.4242.7.tmp"));
        assert!(is_temp_name(".index.ron.1.0.tmp"));
        assert!(is_temp_name(".2026-03.ron.tmp"));
        assert!(!is_temp_name("2026-03.ron"));
        assert!(!is_temp_name(".2026-03.ron.x.7.tmp"));
        assert!(!is_temp_name(".notes.txt.tmp"));
        assert!(!is_temp_name(".lock"));
    }

    #[test]
    fn new_data_never_goes_into_an_unreadable_file() {
        let dir = Path::new("/d");
        assert_eq!(next_free(dir, "2026-03", &[]), dir.join("2026-03.ron"));
        let chain = vec![dir.join("2026-03.ron"), dir.join("2026-03.1.ron")];
        assert_eq!(next_free(dir, "2026-03", &chain), dir.join("2026-03.2.ron"));
    }
}
