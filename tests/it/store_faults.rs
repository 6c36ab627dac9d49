//! The store under faults, through its API on real files: a second window
//! and the day index, a lock that cannot be had, a full disk, planted
//! links, leftovers of a crash, a data dir that is a file, and changes that
//! can only be copied elsewhere.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::records::*;
use crate::support::tmpfs::Tmpfs;
use backcoach::domain::*;
use backcoach::store::month::MonthFile;
use backcoach::store::{Store, StoreError};
use jiff::civil::{Date, date};

fn open(dir: &Path) -> Store {
    Store::open(dir).unwrap()
}

fn month_path(dir: &Path, stem: &str) -> PathBuf {
    dir.join("history").join(format!("{stem}.ron"))
}

fn stopped(d: Date) -> SessionRecord {
    session(
        d,
        SessionStatus::StoppedForSafety {
            reason: "Sharp pain during Bridge, set 1 of 2".into(),
        },
        5,
    )
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// The reproduction of the issue, with two stores as the two windows: B
/// marks a December day, A saves a safety stop in November, B marks another
/// December day. B's day index, read before A saved, used to be written
/// back whole and lose November: the next day's check-in then skipped "has
/// that pain eased?". The index is now derived from the month files under
/// the lock, so B's save carries A's November.
#[test]
fn a_second_window_never_erases_a_safety_stop_from_the_day_index() {
    for b_month in [12, 10] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let mut a = open(dir);
        let mut b = open(dir);
        b.set_mark(date(2026, b_month, 7), Some(DayMarkKind::Rest))
            .unwrap();
        let stop = stopped(date(2026, 11, 16));
        a.save_session(&stop).unwrap();
        b.set_mark(date(2026, b_month, 8), Some(DayMarkKind::Rest))
            .unwrap();

        let index = fs::read_to_string(dir.join("index.ron")).unwrap();
        assert!(index.contains("\"2026-11\""), "November lost:\n{index}");
        let next_day = date(2026, 11, 17);
        for reader in [&open(dir), &a, &b] {
            assert_eq!(reader.last_safety_stop(next_day), Some(stop.clone()));
            let flags = reader.load(next_day, next_day).index.get(stop.date);
            assert!(flags.has(DayFlags::SAFETY_STOP), "{flags:?}");
        }
    }
}

/// An index written before a crash (or by a version that did not know a
/// month) never hides what the month files hold: every read checks it.
#[test]
fn a_stale_or_foreign_index_is_corrected_from_the_month_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut store = open(dir);
    store.save_session(&done(date(2026, 10, 5))).unwrap();
    let stop = stopped(date(2026, 11, 16));
    store.save_session(&stop).unwrap();
    // An index that knows only October, as one written by a window that
    // never saw November (the old format, with no fingerprints).
    fs::write(
        dir.join("index.ron"),
        "(version: 1, months: {\"2026-10\": \"03\"})\n",
    )
    .unwrap();
    let fresh = open(dir);
    assert_eq!(fresh.last_safety_stop(date(2026, 11, 30)), Some(stop));
    assert_eq!(
        fresh.last_session(date(2026, 10, 31)).map(|s| s.date),
        Some(date(2026, 10, 5))
    );
    // Rewritten on the way (the lock was free): November is back on disk.
    let index = fs::read_to_string(dir.join("index.ron")).unwrap();
    assert!(index.contains("\"2026-11\""), "{index}");
    // A month whose files are gone is dropped from the index.
    fs::remove_file(month_path(dir, "2026-10")).unwrap();
    assert_eq!(open(dir).last_session(date(2026, 10, 31)), None);
}

/// A data dir copied elsewhere (a backup restored, a new machine): every
/// month file has a new inode and time, so every fingerprint in the index
/// moved. The first start re-reads them and writes the index again; before,
/// it was left stale, and every later start (the week, trends, `report`)
/// read every month of the history again (some 130 ms over ten years).
#[test]
fn a_copied_data_dir_is_indexed_again_once_not_on_every_start() {
    let tmp = tempfile::tempdir().unwrap();
    let original = tmp.path().join("original");
    let mut store = open(&original);
    for day in [date(2026, 8, 3), date(2026, 9, 7), date(2026, 10, 5)] {
        store.save_session(&done(day)).unwrap();
    }
    let stop = stopped(date(2026, 11, 16));
    store.save_session(&stop).unwrap();
    drop(store);
    let before = fs::read_to_string(original.join("index.ron")).unwrap();

    let copy = tmp.path().join("copy");
    fs::create_dir_all(copy.join("history")).unwrap();
    fs::copy(original.join("index.ron"), copy.join("index.ron")).unwrap();
    for entry in fs::read_dir(original.join("history")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), copy.join("history").join(entry.file_name())).unwrap();
    }
    let copied = open(&copy);
    assert_eq!(copied.last_safety_stop(date(2026, 11, 30)), Some(stop));
    let after = fs::read_to_string(copy.join("index.ron")).unwrap();
    assert_ne!(
        after, before,
        "the copy's index still holds the old fingerprints"
    );
    // The days are the same; only where they were read from moved.
    let days = |text: &str| text.split("sources").next().unwrap_or_default().to_owned();
    assert_eq!(days(&after), days(&before));
}

/// `.lock` cannot be opened (here a directory; also mode 000 or another
/// user's file): the save does not go ahead unlocked. It writes nothing,
/// keeps the record and says why; once the lock works, it lands.
#[test]
fn a_lock_that_cannot_be_opened_means_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut store = open(dir);
    fs::create_dir(dir.join(".lock")).unwrap();
    let s = done(monday());
    let err = store.save_session(&s).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("cannot lock"), "{message}");
    assert!(message.contains(".lock"), "{message}");
    assert_eq!(store.pending(), 1);
    assert!(!month_path(dir, "2026-03").exists(), "written unlocked");
    // Still shown to this window meanwhile.
    assert_eq!(store.load(monday(), monday()).sessions, vec![s.clone()]);

    fs::remove_dir(dir.join(".lock")).unwrap();
    store.retry_pending().unwrap();
    assert_eq!(open(dir).load(monday(), monday()).sessions, vec![s]);
}

/// Another window holding the lock longer than a save takes: this save
/// gives up after its short wait, writes nothing and says who holds it.
#[test]
fn a_lock_held_elsewhere_means_nothing_is_written_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut store = open(dir);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".lock"))
        .unwrap();
    let held = nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| e)
        .unwrap();
    let err = store.save_session(&done(monday())).unwrap_err();
    assert!(
        err.to_string()
            .contains("another backcoach window holds the history"),
        "{err}"
    );
    assert!(!dir.join("history").join("2026-03.ron").exists());
    drop(held);
    store.retry_pending().unwrap();
    assert_eq!(store.pending(), 0);
}

/// A link planted where a temporary file goes (the old fixed name, and the
/// new names of this very process) is never written through: the file it
/// points at keeps its content and its mode.
#[test]
fn a_temporary_file_that_is_a_link_is_never_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "the user's own file\n").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).unwrap();
    let history = dir.join("history");
    fs::create_dir(&history).unwrap();
    let pid = std::process::id();
    let mut links = vec![history.join(".2026-03.ron.tmp")];
    links.extend((0..40).map(|n| history.join(format!(".2026-03.ron.{pid}.{n}.tmp"))));
    for link in &links {
        std::os::unix::fs::symlink(&victim, link).unwrap();
    }
    let mut store = open(dir);
    let s = done(monday());
    store.save_session(&s).unwrap();
    assert_eq!(
        fs::read_to_string(&victim).unwrap(),
        "the user's own file\n"
    );
    assert_eq!(
        fs::metadata(&victim).unwrap().permissions().mode() & 0o777,
        0o644
    );
    assert_eq!(open(dir).load(monday(), monday()).sessions, vec![s]);
    // The links are not ours to remove.
    for link in &links {
        assert!(fs::symlink_metadata(link).unwrap().file_type().is_symlink());
    }
}

/// Temporary files left by a crash are removed once they are surely dead:
/// named as ours, plain files of this user, an hour old. Anything else
/// stays.
#[test]
fn leftovers_of_a_crash_are_removed_only_when_ours_and_old() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let history = dir.join("history");
    fs::create_dir(&history).unwrap();
    let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
    let plant = |name: &str, old: bool| {
        let path = history.join(name);
        fs::write(&path, "half a month").unwrap();
        if old {
            fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
    };
    plant(".2026-03.ron.4242.7.tmp", true);
    plant(".2026-03.ron.tmp", true);
    plant(".2026-03.ron.4242.8.tmp", false);
    plant(".notes.txt.tmp", true);
    let target = tmp.path().join("elsewhere");
    fs::write(&target, "x").unwrap();
    std::os::unix::fs::symlink(&target, history.join(".2026-04.ron.1.1.tmp")).unwrap();

    open(dir).save_session(&done(monday())).unwrap();
    assert_eq!(
        names_in(&history),
        vec![
            ".2026-03.ron.4242.8.tmp", // too young: perhaps a save in flight
            ".2026-04.ron.1.1.tmp",    // a link: not ours
            ".notes.txt.tmp",          // not named as ours
            "2026-03.ron",
        ]
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "x");
}

/// A full disk (a real tmpfs, filled): the save fails, keeps the record in
/// memory, leaves the month file as it was and no temporary file behind;
/// once there is room the retry lands it.
#[test]
fn a_full_disk_keeps_the_record_and_tears_nothing() {
    let Some(disk) = Tmpfs::mount(256) else {
        return;
    };
    let dir = disk.path().join("data");
    let mut store = open(&dir);
    let first = done(monday());
    store.save_session(&first).unwrap();
    let before = fs::read(month_path(&dir, "2026-03")).unwrap();
    disk.fill();

    let mut second = done(date(2026, 3, 17));
    second.exercises = (0..40)
        .map(|i| exercise(&format!("ex-{i}"), 3, 12, second.started))
        .collect();
    let err = store.save_session(&second).unwrap_err();
    assert!(
        matches!(err, StoreError::Unsaved { pending: 1, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("No space left"), "{err}");
    assert_eq!(fs::read(month_path(&dir, "2026-03")).unwrap(), before);
    assert!(
        names_in(&dir.join("history"))
            .iter()
            .all(|n| !n.ends_with(".tmp")),
        "{:?}",
        names_in(&dir.join("history"))
    );

    disk.free();
    store.retry_pending().unwrap();
    assert_eq!(
        open(&dir).load(monday(), date(2026, 3, 17)).sessions,
        vec![first, second]
    );
}

/// A data dir that is a file is named as such, in plain words.
#[test]
fn a_data_dir_that_is_a_file_is_named_plainly() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("backcoach");
    fs::write(&file, "not a folder").unwrap();
    for err in [
        Store::open(&file).unwrap_err(),
        Store::open_read_only(&file).unwrap_err(),
    ] {
        let message = err.to_string();
        assert!(message.contains(&file.display().to_string()), "{message}");
        assert!(message.contains("is a file, not a folder"), "{message}");
        assert!(!message.contains("os error"), "{message}");
    }
}

/// The plain-text commands' store reads and creates nothing: no folder (a
/// whole missing tree stays missing), no lock, no index.
#[test]
fn a_read_only_store_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no").join("such").join("dir");
    let store = Store::open_read_only(&missing).unwrap();
    let history = store.load(monday(), monday());
    assert!(history.sessions.is_empty());
    assert!(store.load_all().sessions.is_empty());
    assert!(!tmp.path().join("no").exists());

    let dir = tmp.path().join("data");
    open(&dir).save_session(&done(monday())).unwrap();
    fs::remove_file(dir.join("index.ron")).unwrap();
    fs::remove_file(dir.join(".lock")).unwrap();
    let before = names_in(&dir);
    let mut reader = Store::open_read_only(&dir).unwrap();
    assert_eq!(reader.load(monday(), monday()).sessions.len(), 1);
    assert_eq!(
        reader.last_session(monday()).map(|s| s.date),
        Some(monday())
    );
    assert!(reader.save_session(&done(monday())).is_err());
    assert_eq!(names_in(&dir), before);
}

/// What cannot be saved can be copied to a new file the user names: a file
/// in the month files' shape, private, never written over an existing one.
#[test]
fn unsaved_changes_can_be_copied_to_a_new_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut store = open(&dir);
    fs::write(dir.join("history"), "a file where the folder should be").unwrap();
    let s = stopped(monday());
    let c = checkin(monday(), 4);
    assert!(store.save_session(&s).is_err());
    assert!(store.save_checkin(&c).is_err());
    assert_eq!(store.pending(), 2);

    let copy = tmp.path().join("copy.ron");
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    assert_eq!(store.save_pending_copy(&copy, now).unwrap(), 2);
    let text = fs::read_to_string(&copy).unwrap();
    assert!(text.starts_with("// backcoach: changes that could not be saved"));
    let back: MonthFile = ron::from_str(&text).unwrap();
    assert_eq!(back.sessions, vec![s]);
    assert_eq!(back.checkins, vec![c]);
    assert_eq!(fs::metadata(&copy).unwrap().mode() & 0o777, 0o600);
    // Never over an existing file.
    let err = store.save_pending_copy(&copy, now).unwrap_err();
    assert!(err.to_string().contains("copy.ron"), "{err}");
    assert_eq!(fs::read_to_string(&copy).unwrap(), text);
    // Still held until the caller lets go.
    assert_eq!(store.pending(), 2);
    assert_eq!(store.discard_pending(), 2);
    assert_eq!(store.pending(), 0);
}

/// The quit prompt's three choices, as the store carries them out: a retry
/// that still fails keeps everything; a copy then lets go; a discard lets go.
#[test]
fn the_quit_prompts_choices_keep_or_let_go_as_asked() {
    use backcoach::store::UnsavedChoice;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut store = open(&dir);
    fs::write(dir.join("history"), "a file where the folder should be").unwrap();
    assert!(store.save_session(&done(monday())).is_err());
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();

    assert!(store.resolve_pending(UnsavedChoice::Retry, now).is_err());
    assert_eq!(store.pending(), 1);
    let copy = tmp.path().join("copy.ron");
    let note = store
        .resolve_pending(UnsavedChoice::CopyTo(copy.clone()), now)
        .unwrap()
        .unwrap();
    assert!(note.contains("copy.ron"), "{note}");
    assert_eq!(store.pending(), 0);
    // A copy that cannot be written keeps the changes.
    assert!(store.save_checkin(&checkin(monday(), 2)).is_err());
    assert!(
        store
            .resolve_pending(UnsavedChoice::CopyTo(copy.clone()), now)
            .is_err()
    );
    assert_eq!(store.pending(), 1);
    let note = store
        .resolve_pending(UnsavedChoice::Discard, now)
        .unwrap()
        .unwrap();
    assert!(note.contains("1 unsaved change(s) discarded"), "{note}");
    assert_eq!(store.pending(), 0);
    // Once the disk works, a retry with nothing held is simply done.
    fs::remove_file(dir.join("history")).unwrap();
    assert_eq!(
        store.resolve_pending(UnsavedChoice::Retry, now).unwrap(),
        None
    );
}
