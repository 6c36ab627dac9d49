//! The store's faults as a user meets them, through the real binary: two
//! windows on one data dir, a full disk, a lock that cannot be had, a
//! history that cannot be written and the quit that follows, a planted
//! link, hostile catalogs, a clock past 9999, a data dir that is a file,
//! read-only commands, and Ctrl-C.
//!
//! The clock is set with `BACKCOACH_NOW` (seconds since 1970), which only
//! debug builds read: under `cargo test --release` those tests say so and
//! pass.

use crate::support::{fixtures, pty, records};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use crate::support::fixtures::prepared_dir;
use crate::support::pty::{Tui, check_in};
use crate::support::tmpfs::Tmpfs;
use assert_cmd::Command;
use backcoach::domain::SessionStatus;
use backcoach::store::Store;
use backcoach::store::month::MonthFile;
use jiff::civil::date;

const T: Duration = pty::STEP;

/// Monday 16 November 2026, 12:00 UTC, in seconds since 1970.
const NOV_16_NOON: i64 = 1_794_830_400;
const DAY: i64 = 86_400;

/// Whether this build reads `BACKCOACH_NOW` (debug builds only).
fn clock_can_be_set() -> bool {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: release builds ignore BACKCOACH_NOW");
    }
    cfg!(debug_assertions)
}

/// `backcoach ARGS` in a pseudo-terminal on `dir`, muted, in UTC, with the
/// clock at `now` (seconds since 1970) and `home` as the home folder.
fn spawn_at(dir: &Path, home: &Path, now: i64, args: &[&str]) -> Tui {
    let data = dir.display().to_string();
    let mut all = vec!["--data-dir", data.as_str(), "--mute"];
    all.extend_from_slice(args);
    let now = now.to_string();
    Tui::spawn(
        &all,
        &[
            ("HOME", &home.display().to_string()),
            ("TZ", "UTC"),
            ("BACKCOACH_NOW", &now),
        ],
    )
}

/// Waits until a row of the screen holds both `day` and `status`.
fn wait_for_row(tui: &Tui, day: &str, status: &str) {
    let deadline = std::time::Instant::now() + T;
    loop {
        let screen = tui.screen();
        if screen
            .lines()
            .any(|l| l.contains(day) && l.contains(status))
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no row with {day:?} and {status:?}:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn backcoach() -> Command {
    let mut cmd = Command::new(pty::binary());
    cmd.env_remove("BACKCOACH_DATA_DIR")
        .env_remove("BACKCOACH_CATALOG")
        .timeout(T);
    cmd
}

/// The reproduction, with two real windows: B on the week screen marks a
/// rest day in December; A does a session in November and stops it with
/// `s`; B marks another December day. The next day's check-in must still
/// ask whether that pain has eased (it used to skip it: B's second save
/// wrote back an index without November).
#[test]
fn a_second_window_marking_days_never_hides_a_safety_stop() {
    if !clock_can_be_set() {
        return;
    }
    let (dir, catalog) = prepared_dir();
    let home = tempfile::tempdir().unwrap();
    let cat = catalog.display().to_string();
    let mut b = spawn_at(
        dir.path(),
        home.path(),
        NOV_16_NOON,
        &["--catalog", &cat, "week", "--date", "2026-12-07"],
    );
    wait_for_row(&b, "Mon 7 Dec", "future");
    b.send("m");
    wait_for_row(&b, "Mon 7 Dec", "rest");

    let mut a = spawn_at(
        dir.path(),
        home.path(),
        NOV_16_NOON,
        &["--catalog", &cat, "start"],
    );
    check_in(&mut a, "1");
    a.wait_for("Tiny hold", T);
    a.send("s");
    a.wait_for("STOPPED FOR SAFETY", T);
    a.send("q");
    assert_eq!(a.wait_exit(T), Some(0));

    b.send("j");
    b.send("m");
    wait_for_row(&b, "Tue 8 Dec", "rest");
    b.send("q");
    assert_eq!(b.wait_exit(T), Some(0));

    let index = fs::read_to_string(dir.path().join("index.ron")).unwrap();
    assert!(index.contains("\"2026-11\""), "November lost:\n{index}");
    let mut next_day = spawn_at(
        dir.path(),
        home.path(),
        NOV_16_NOON + DAY,
        &["--catalog", &cat, "start"],
    );
    // The stop is asked about before anything else.
    next_day.wait_for("Has that pain eased?", T);
    next_day.send("\x1b");
}

/// A full disk under the data dir (a real tmpfs, filled): the log and
/// stderr share it, and failing to log used to panic (exit 101) and lose
/// the session. Now the screen says "Not saved yet", the quit says it is
/// not saved, and the prompt copies the session to a file in the home
/// folder.
#[test]
fn a_full_disk_shows_not_saved_and_the_quit_copies_the_session_home() {
    let Some(disk) = Tmpfs::mount(512) else {
        return;
    };
    let data = disk.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::write(data.join("profile.ron"), fixtures::REGULAR_PROFILE).unwrap();
    let home = tempfile::tempdir().unwrap();
    let catalog = home.path().join("tiny.ron");
    fs::write(&catalog, fixtures::TINY_CATALOG).unwrap();
    disk.fill();

    let data_arg = data.display().to_string();
    let mut tui = Tui::spawn(
        &[
            "--data-dir",
            &data_arg,
            "--catalog",
            &catalog.display().to_string(),
            "--mute",
            "start",
        ],
        &[("HOME", &home.path().display().to_string())],
    );
    check_in(&mut tui, "1");
    let screen = tui.wait_for("Not saved yet", T);
    assert!(screen.contains("No space left"), "{screen}");
    tui.send("q");
    let screen = tui.wait_for("Quit this session?", T);
    assert!(screen.contains("NOT saved yet"), "{screen}");
    assert!(!screen.contains("saved as partial"), "{screen}");
    tui.send("y");
    tui.wait_for("not saved to the history", T);
    tui.send("c");
    tui.wait_for("Save a copy to this new file", T);
    tui.send("\r");
    assert_eq!(tui.wait_exit(T), Some(0));
    assert!(tui.terminal_normal());

    let copies: Vec<_> = fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.display().to_string().contains("backcoach-unsaved-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy: MonthFile = ron::from_str(&fs::read_to_string(&copies[0]).unwrap()).unwrap();
    assert_eq!(copy.sessions.len(), 1);
    assert_eq!(copy.sessions[0].routine_id, "daily");
    assert_eq!(copy.checkins.len(), 1);
    assert!(
        String::from_utf8_lossy(&tui.raw()).contains("copied to"),
        "the shell is told where the copy went"
    );
}

/// `.lock` is a directory: no save may go ahead unlocked. The screen says
/// it cannot lock, nothing reaches history/, and quitting asks; discarding
/// takes the typed word.
#[test]
fn a_lock_that_cannot_be_opened_writes_nothing_and_discarding_takes_the_word() {
    let (dir, catalog) = prepared_dir();
    fs::create_dir(dir.path().join(".lock")).unwrap();
    let mut tui = pty::start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    let screen = tui.wait_for("Not saved yet", T);
    assert!(screen.contains("cannot lock"), "{screen}");
    tui.send("q");
    tui.send("y");
    tui.wait_for("not saved to the history", T);
    tui.send("d");
    tui.send("disc");
    tui.send("\r");
    tui.wait_for("Type the word discard", T);
    tui.send("ard");
    tui.send("\r");
    assert_eq!(tui.wait_exit(T), Some(0));
    assert!(
        !dir.path().join("history").exists()
            || fs::read_dir(dir.path().join("history")).unwrap().count() == 0,
        "written without the lock"
    );
    assert!(String::from_utf8_lossy(&tui.raw()).contains("discarded"));
}

/// The history cannot be written (a file where its folder goes): `q`, `y`
/// no longer exits 0 with the session gone. Trying again says it still
/// fails; other keys do not quit past it; a copy to a path typed by the
/// user lands.
#[test]
fn quitting_with_an_unwritable_history_asks_and_never_claims_saved() {
    let (dir, catalog) = prepared_dir();
    fs::write(dir.path().join("history"), "a file where the folder goes").unwrap();
    let mut tui = pty::start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    tui.wait_for("Not saved yet", T);
    tui.send("q");
    tui.send("y");
    tui.wait_for("not saved to the history", T);
    tui.send("r");
    tui.wait_for("Still not saved", T);
    tui.send("\x1b");
    tui.send("q");
    tui.wait_for("not saved to the history", T);
    tui.send("c");
    tui.send("\x15"); // Ctrl-U: clear the default
    let mine = dir.path().join("my-copy.ron");
    tui.send(&mine.display().to_string());
    tui.send("\r");
    assert_eq!(tui.wait_exit(T), Some(0));
    let copy: MonthFile = ron::from_str(&fs::read_to_string(&mine).unwrap()).unwrap();
    assert_eq!(copy.sessions.len(), 1);
    assert_eq!(copy.sessions[0].status, SessionStatus::Partial);
}

/// Ctrl-C (or a signal) with changes the history cannot take: nobody is
/// asked, the changes are copied to the home folder and the shell is told
/// where; the exit code is 130.
#[test]
fn ctrl_c_with_unsaved_changes_copies_them_home() {
    let (dir, catalog) = prepared_dir();
    fs::write(dir.path().join("history"), "a file where the folder goes").unwrap();
    let mut tui = pty::start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    tui.wait_for("Not saved yet", T);
    tui.send("\x03");
    assert_eq!(tui.wait_exit(T), Some(130));
    let raw = String::from_utf8_lossy(&tui.raw()).to_string();
    assert!(raw.contains("a copy is in"), "{raw}");
    let copies: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.display().to_string().contains("backcoach-unsaved-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy: MonthFile = ron::from_str(&fs::read_to_string(&copies[0]).unwrap()).unwrap();
    assert_eq!(copy.sessions.len(), 1);
    assert_eq!(copy.sessions[0].status, SessionStatus::Partial);
}

/// A link planted at the temporary name older versions used: the file it
/// points at is neither overwritten nor made private.
#[test]
fn a_planted_link_at_a_temporary_name_is_not_followed() {
    if !clock_can_be_set() {
        return;
    }
    let (dir, catalog) = prepared_dir();
    let home = tempfile::tempdir().unwrap();
    let victim = home.path().join("notes.txt");
    fs::write(&victim, "mine\n").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).unwrap();
    let history = dir.path().join("history");
    fs::create_dir(&history).unwrap();
    std::os::unix::fs::symlink(&victim, history.join(".2026-11.ron.tmp")).unwrap();
    let cat = catalog.display().to_string();
    let mut tui = spawn_at(
        dir.path(),
        home.path(),
        NOV_16_NOON,
        &["--catalog", &cat, "start"],
    );
    check_in(&mut tui, "1");
    tui.wait_for("Tiny hold", T);
    tui.send("s");
    tui.wait_for("STOPPED FOR SAFETY", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "mine\n");
    let mode = fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    let saved = Store::open(dir.path()).unwrap().load_all().sessions;
    assert_eq!(saved.len(), 1);
}

/// A catalog `check` used to accept, whose 4294967295 reps made `start`
/// allocate 4 GB and abort with the terminal left full-screen: refused by
/// both, with `line:column`.
#[test]
fn a_catalog_asking_four_billion_reps_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let text = fixtures::TINY_CATALOG.replace("reps: (2, 2)", "reps: (1, 4294967295)");
    fs::write(&path, text).unwrap();
    let expected = format!(
        "{}:22:52: exercise \"tiny-reps\": reps (1, 4294967295): at most 100",
        path.display()
    );
    for args in [
        vec!["check", path.to_str().unwrap()],
        vec!["--catalog", path.to_str().unwrap(), "start"],
    ] {
        let out = backcoach()
            .args(&args)
            .arg("--data-dir")
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&expected), "{args:?}: {stderr}");
    }
}

/// `/dev/zero` (which grew to 4 GB) and a FIFO (which blocked forever) as
/// the catalog: refused at once, before reading.
#[test]
fn a_device_or_a_fifo_as_catalog_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("catalog.fifo");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    for (path, what) in [
        (Path::new("/dev/zero"), "a device"),
        (fifo.as_path(), "a FIFO"),
    ] {
        for args in [
            vec!["check".into(), path.display().to_string()],
            vec![
                "--catalog".into(),
                path.display().to_string(),
                "list".into(),
            ],
        ] {
            let out = backcoach().args(&args).output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(what), "{stderr}");
            assert!(stderr.contains("not a regular file"), "{stderr}");
        }
    }
    // A large file is refused before it is read.
    let big = dir.path().join("big.ron");
    let file = fs::File::create(&big).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap();
    let out = backcoach().arg("check").arg(&big).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 4 MB"));
}

/// Text that is not UTF-8 is named with the line and column of the bad
/// byte; brackets nested past the parser's limit are explained in our words.
#[test]
fn bad_bytes_and_deep_nesting_in_a_catalog_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.ron");
    fs::write(&bad, b"(\n  exercises: [\n    (id: \"caf\xe9\"),\n  ],\n)").unwrap();
    let out = backcoach().arg("check").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("latin1.ron:3:14: not UTF-8"), "{stderr}");

    let deep = dir.path().join("deep.ron");
    let nested = format!("{}{}", "(".repeat(300), ")".repeat(300));
    fs::write(
        &deep,
        format!("(exercises: [], routines: [], extra: {nested})"),
    )
    .unwrap();
    let out = backcoach().arg("check").arg(&deep).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("deep.ron:1:"), "{stderr}");
    assert!(stderr.contains("nested too deeply"), "{stderr}");
    assert!(!stderr.contains("serde_stacker"), "{stderr}");
}

/// 8 000 copies of one exercise: every duplicate is named, in linear time
/// (it took 64 s). Bounded generously: the point is not quadratic.
#[test]
fn thousands_of_duplicate_ids_are_judged_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let one = r#"(id: "dup", name: "D", category: Core, targets: ["x"], position: "p", dose: (kind: Reps, reps: (1, 2)), steps: ["s"], cue: "c", level: Beginner, sources: ["t"]),"#;
    let text = format!(
        "(exercises: [\n{}\n], routines: [])",
        vec![one; 8000].join("\n")
    );
    let path = dir.path().join("dups.ron");
    fs::write(&path, text).unwrap();
    let out = backcoach().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("duplicate id").count(), 7999);
    assert!(stderr.contains("dups.ron:8001:6: exercise \"dup\": duplicate id"));
}

/// A clock past 9999-12-30: `week --print` and `start` say so and exit 1
/// (they panicked with exit 101); the terminal is never left full-screen.
#[test]
fn a_clock_past_the_year_9999_is_a_clear_error() {
    if !clock_can_be_set() {
        return;
    }
    let (dir, catalog) = prepared_dir();
    let far = (backcoach::clock::last_supported_second() + 400 * DAY).to_string();
    let out = backcoach()
        .args(["week", "--print", "--data-dir"])
        .arg(dir.path())
        .env("BACKCOACH_NOW", &far)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("system clock reads the year 10001"),
        "{stderr}"
    );

    let cat = catalog.display().to_string();
    let mut tui = spawn_at(
        dir.path(),
        dir.path(),
        backcoach::clock::last_supported_second() + 400 * DAY,
        &["--catalog", &cat, "start"],
    );
    assert_eq!(tui.wait_exit(T), Some(1));
    assert!(tui.screen().contains("year 10001"), "{}", tui.screen());
    assert!(tui.terminal_normal());
}

/// The clock runs past 9999-12-30 during a session: what was done is
/// saved (as partial, or stopped for safety if the `s` came first), the
/// app says why it stops and exits 1, the terminal restored.
#[test]
fn a_clock_running_out_mid_session_saves_and_exits_cleanly() {
    if !clock_can_be_set() {
        return;
    }
    let (dir, catalog) = prepared_dir();
    let cat = catalog.display().to_string();
    let start = std::time::Instant::now();
    let lead = 6;
    let mut tui = spawn_at(
        dir.path(),
        dir.path(),
        backcoach::clock::last_supported_second() - lead,
        &["--catalog", &cat, "start"],
    );
    check_in(&mut tui, "1");
    tui.wait_for("Tiny hold", T);
    // The first exercise's get-ready is at least 10 s: start the 2 s hold
    // now, so it is done before the clock runs out.
    tui.wait_for("Get ready", T);
    tui.send(" ");
    // Past the end of the clock's range, then a key that records a time.
    let left = Duration::from_secs(lead as u64 + 2).saturating_sub(start.elapsed());
    std::thread::sleep(left);
    tui.send("s");
    let code = tui.wait_exit(T);
    assert_eq!(code, Some(1), "{}", tui.screen());
    assert!(tui.terminal_normal());
    let raw = String::from_utf8_lossy(&tui.raw()).to_string();
    assert!(raw.contains("system clock reads the year"), "{raw}");
    let saved = Store::open(dir.path()).unwrap().load_all().sessions;
    assert_eq!(saved.len(), 1, "the session is on disk");
    assert!(
        saved[0].status == SessionStatus::Partial || saved[0].is_safety_stop(),
        "{:?}",
        saved[0].status
    );
}

/// A data dir that is a file: a plain message naming it (it said "File
/// exists (os error 17)").
#[test]
fn a_data_dir_that_is_a_file_is_named_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    fs::write(&file, "x").unwrap();
    for args in [vec!["start"], vec!["week", "--print"], vec!["export"]] {
        let out = backcoach()
            .arg("--data-dir")
            .arg(&file)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{} is a file, not a folder", file.display())),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("os error"), "{stderr}");
    }
}

/// `week --print` and `export` only read: with a home that does not exist
/// they create no directory tree, and a named data dir is not created.
#[test]
fn read_only_commands_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("no-such-home");
    for args in [vec!["week", "--print"], vec!["export"]] {
        let out = backcoach()
            .env("HOME", &home)
            .env_remove("XDG_DATA_HOME")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!home.exists(), "{args:?} created {}", home.display());
        let data = dir.path().join("data");
        let out = backcoach()
            .arg("--data-dir")
            .arg(&data)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!data.exists(), "{args:?} created the data dir");
    }
    // On a data dir with history, no lock and no index appear either.
    let data = dir.path().join("used");
    let mut store = Store::open(&data).unwrap();
    store
        .save_session(&records::done(date(2026, 3, 16)))
        .unwrap();
    fs::remove_file(data.join("index.ron")).unwrap();
    fs::remove_file(data.join(".lock")).unwrap();
    let out = backcoach()
        .arg("--data-dir")
        .arg(&data)
        .args(["week", "--print", "--date", "2026-03-16"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Mon 16 Mar"));
    assert!(!data.join("index.ron").exists());
    assert!(!data.join(".lock").exists());
}

/// Ctrl-C typed as a key exits like SIGINT: 130 (it exited 0).
#[test]
fn the_ctrl_c_key_exits_130_like_sigint() {
    let (dir, catalog) = prepared_dir();
    let mut tui = pty::start_tiny(dir.path(), &catalog);
    tui.wait_for("How much discomfort", T);
    tui.send("\x03");
    assert_eq!(tui.wait_exit(T), Some(130));
    assert!(tui.terminal_normal());

    let mut tui = pty::start_tiny(dir.path(), &catalog);
    tui.wait_for("How much discomfort", T);
    pty::signal(tui.pid().unwrap(), "INT");
    assert_eq!(tui.wait_exit(T), Some(130));
}
