//! The history store on a real (temporary) disk: round trips, crash safety,
//! unreadable files, failed saves and file modes.

use crate::support::records;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::support::records::*;
use backcoach::domain::History;
use backcoach::domain::*;
use backcoach::profile::{Condition, Experience, Profile};
use backcoach::rules::week;
use backcoach::store::Store;
use backcoach::store::month::MonthFile;
use jiff::civil::{Date, date};

fn open(dir: &Path) -> Store {
    Store::open(dir).unwrap()
}

fn load_month(store: &Store, y: i16, m: i8) -> History {
    let first = date(y, m, 1);
    store.load(first, first.last_of_month())
}

fn month_path(dir: &Path, stem: &str) -> PathBuf {
    dir.join("history").join(format!("{stem}.ron"))
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn every_kind_of_session(d: Date) -> Vec<SessionRecord> {
    let mut full = session(d, SessionStatus::Completed, 20);
    full.intense = true;
    full.exercises[1].hold_s_done = vec![10, 10];
    full.exercises[1].completed = false;
    for (i, kind) in DiscomfortKind::ALL.into_iter().enumerate() {
        let moment = [
            RatingMoment::During,
            RatingMoment::AfterExercise,
            RatingMoment::Closing,
        ][i % 3];
        full.ratings.push(Rating {
            at: at(d, 18, 5 + i as i8),
            value: i as u8 * 2,
            kind,
            moment,
            exercise_id: (i % 2 == 0).then(|| "bridge".to_string()),
            set: (i % 2 == 1).then_some(i as u32),
            side: [None, Some(Side::Left), Some(Side::Right)][i % 3],
            decision: Some(format!("continue, \"quoted\" {i}\nsecond line").into()),
        });
    }
    let mut running = session(d, SessionStatus::InProgress, 5);
    running.id = "running".into();
    running.ended = None;
    running.baseline = None;
    let mut partial = session(d, SessionStatus::Partial, 7);
    partial.id = "partial".into();
    let mut stopped = session(
        d,
        SessionStatus::StoppedForSafety {
            reason: "sharp pain (7/10) during Bridge".into(),
        },
        3,
    );
    stopped.id = "stopped".into();
    vec![full, running, partial, stopped]
}

#[test]
fn every_record_kind_round_trips_through_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let d = date(2026, 3, 18);
    let sessions = every_kind_of_session(d);
    let mut checkin = checkin(d, 4);
    checkin.asked_warning_signs = true;
    checkin.warning_signs = WarningSign::ALL.to_vec();
    checkin.since_last = Some(Compared::Worse);
    checkin.stop_pain_eased = Some(false);
    checkin.lingering = true;
    let mut other = records::checkin(date(2026, 3, 19), 2);
    other.since_last = Some(Compared::Better);
    let profile = Profile {
        experience: Experience::Returning,
        conditions: vec![Condition::HerniatedDisc, Condition::SpinalStenosis],
        weekly_target: 5,
        volume: 40,
        bell: true,
        discomfort_limit: 3,
        ..Profile::default()
    };
    {
        let mut store = open(&dir);
        for s in &sessions {
            store.save_session(s).unwrap();
        }
        store.save_checkin(&checkin).unwrap();
        store.save_checkin(&other).unwrap();
        store
            .set_mark(date(2026, 3, 20), Some(DayMarkKind::Rest))
            .unwrap();
        store
            .set_mark(date(2026, 3, 21), Some(DayMarkKind::Sick))
            .unwrap();
        store.save_profile(&profile).unwrap();
    }
    let store = open(&dir);
    let history = load_month(&store, 2026, 3);
    assert!(history.problems.is_empty(), "{:?}", history.problems);
    let mut expected = sessions.clone();
    expected.sort_by_key(|s| s.started);
    let mut got = history.sessions.clone();
    got.sort_by_key(|s| s.started);
    assert_eq!(got.len(), expected.len());
    for s in &expected {
        assert!(got.contains(s), "missing {s:?}");
    }
    assert_eq!(history.checkins, vec![checkin, other]);
    assert_eq!(
        history.marks,
        vec![
            DayMark {
                date: date(2026, 3, 20),
                kind: DayMarkKind::Rest
            },
            DayMark {
                date: date(2026, 3, 21),
                kind: DayMarkKind::Sick
            },
        ]
    );
    assert_eq!(store.load_profile().unwrap(), Some(profile));
    // The file is plain RON a person can read.
    let text = fs::read_to_string(month_path(&dir, "2026-03")).unwrap();
    assert!(text.contains("routine_name: \"Daily routine\""), "{text}");
    assert!(text.contains("StoppedForSafety"), "{text}");
}

#[test]
fn saving_again_replaces_by_id_and_marks_can_be_cleared() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let mut s = session(monday(), SessionStatus::InProgress, 0);
    s.exercises.clear();
    store.save_session(&s).unwrap();
    s.exercises.push(exercise("a", 1, 5, s.started));
    store.save_session(&s).unwrap();
    s.status = SessionStatus::Completed;
    store.save_session(&s).unwrap();
    store.set_mark(monday(), Some(DayMarkKind::Rest)).unwrap();
    store.set_mark(monday(), Some(DayMarkKind::Sick)).unwrap();
    let history = open(tmp.path()).load(monday(), monday());
    assert_eq!(history.sessions, vec![s]);
    assert_eq!(history.marks.len(), 1);
    assert_eq!(history.marks[0].kind, DayMarkKind::Sick);
    store.set_mark(monday(), None).unwrap();
    assert!(open(tmp.path()).load(monday(), monday()).marks.is_empty());
}

#[test]
fn a_session_cut_off_after_its_second_exercise_reloads_as_partial() {
    let tmp = tempfile::tempdir().unwrap();
    let d = date(2026, 3, 18);
    let started = at(d, 7, 30);
    let mut record = SessionRecord {
        id: started.to_string(),
        routine_id: "daily".into(),
        routine_name: "Daily routine".into(),
        date: d,
        started,
        ended: None,
        active_s: 0,
        status: SessionStatus::InProgress,
        intense: false,
        baseline: Some(2),
        exercises: Vec::new(),
        ratings: Vec::new(),
    };
    let mut store = open(tmp.path());
    store.save_session(&record).unwrap();
    for (i, id) in ["pelvic-tilt", "cat-cow"].into_iter().enumerate() {
        record
            .exercises
            .push(exercise(id, 2, 10, at(d, 7, 35 + i as i8 * 5)));
        record.active_s += 240;
        store.save_session(&record).unwrap();
    }
    // The process's own view: still running, not interrupted.
    let own = store.load(d, d);
    assert_eq!(own.interrupted().count(), 0);
    assert_eq!(own.status_of(&own.sessions[0]), SessionStatus::InProgress);
    // kill -9: the store is dropped without an end; the next start reads it back.
    drop(store);
    let next = open(tmp.path());
    let history = next.load(d, d);
    assert_eq!(history.sessions.len(), 1);
    let s = &history.sessions[0];
    assert_eq!(s.exercises.len(), 2);
    assert_eq!(s.exercises[1].exercise_id, "cat-cow");
    assert_eq!(history.status_of(s), SessionStatus::Partial);
    assert_eq!(
        history.interrupted().map(|s| &s.id).collect::<Vec<_>>(),
        vec![&record.id]
    );
    // The week shows that day as partial, with its work counted.
    let (from, to) = week::needed_range(d);
    let summary = week::summarize(
        &next.load(from, to),
        &Profile::default(),
        d,
        date(2026, 3, 22),
    );
    let day = summary.days.iter().find(|x| x.date == d).unwrap();
    assert_eq!(day.status, week::DayStatus::Partial);
    assert_eq!(day.sets, 4);
    assert_eq!(summary.this_week.active_days, 1);
}

/// Writes a good month, corrupts it the way a crash or a careless edit would,
/// and checks the file is reported, kept byte for byte, and worked around.
fn corrupted_month_is_reported_and_kept(
    corrupt: impl Fn(&str) -> String,
    expect_line: Option<usize>,
) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    {
        let mut store = open(dir);
        store.save_session(&done(date(2026, 2, 10))).unwrap();
        store.save_session(&done(date(2026, 3, 2))).unwrap();
        store.save_session(&done(date(2026, 3, 3))).unwrap();
        store.save_session(&done(date(2026, 4, 6))).unwrap();
    }
    let march = month_path(dir, "2026-03");
    let good = fs::read_to_string(&march).unwrap();
    let bad = corrupt(&good);
    fs::write(&march, &bad).unwrap();

    let mut store = open(dir);
    let history = store.load(date(2026, 2, 1), date(2026, 4, 30));
    assert_eq!(history.problems.len(), 1, "{:?}", history.problems);
    let problem = &history.problems[0];
    assert_eq!(problem.path, march);
    // A truncated file fails at its last token.
    let expect_line = expect_line.unwrap_or(bad.trim_end().split('\n').count());
    assert_eq!(problem.line, expect_line, "{problem}");
    assert!(problem.col >= 1, "{problem}");
    let shown = problem.to_string();
    assert!(
        shown.starts_with(&format!(
            "{}:{}:{}: ",
            march.display(),
            problem.line,
            problem.col
        )),
        "{shown}"
    );
    // The other months still load.
    let dates: Vec<Date> = history.sessions.iter().map(|s| s.date).collect();
    assert_eq!(dates, vec![date(2026, 2, 10), date(2026, 4, 6)]);

    // New data for March is still saved, beside the unreadable file.
    let new = done(date(2026, 3, 20));
    store.save_session(&new).unwrap();
    store
        .set_mark(date(2026, 3, 21), Some(DayMarkKind::Rest))
        .unwrap();
    let mut update = new.clone();
    update.active_s += 60;
    store.save_session(&update).unwrap();
    assert_eq!(
        fs::read_to_string(&march).unwrap(),
        bad,
        "unreadable file was changed"
    );
    assert!(month_path(dir, "2026-03.1").exists());

    let again = open(dir).load(date(2026, 3, 1), date(2026, 3, 31));
    assert_eq!(again.problems.len(), 1);
    assert_eq!(again.sessions, vec![update]);
    assert_eq!(again.marks.len(), 1);
    assert_eq!(fs::read(&march).unwrap(), bad.as_bytes());
}

#[test]
fn a_truncated_month_file_is_reported_with_line_and_column_and_left_alone() {
    corrupted_month_is_reported_and_kept(
        |good| {
            // Cut in the middle of the second session, as a torn write would.
            let cut = good.rfind("routine_name").unwrap();
            good[..cut].to_string()
        },
        None,
    );
}

#[test]
fn a_corrupted_month_file_names_the_exact_line() {
    // Break line 5 (inside the first session): a value of the wrong type.
    let line = 5;
    corrupted_month_is_reported_and_kept(
        |good| {
            let mut lines: Vec<String> = good.lines().map(String::from).collect();
            let indent = lines[line - 1].len() - lines[line - 1].trim_start().len();
            let key = lines[line - 1]
                .trim_start()
                .split(':')
                .next()
                .unwrap()
                .to_string();
            lines[line - 1] = format!("{}{key}: ???,", " ".repeat(indent));
            lines.join("\n")
        },
        Some(line),
    );
}

#[test]
fn load_reads_only_the_months_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    store.save_session(&done(monday())).unwrap();
    // Unreadable months far away: loading March must not even open them.
    fs::write(month_path(tmp.path(), "2019-01"), "((((").unwrap();
    fs::write(month_path(tmp.path(), "2026-05"), "((((").unwrap();
    let history = store.load(date(2026, 3, 1), date(2026, 3, 31));
    assert!(history.problems.is_empty(), "{:?}", history.problems);
    assert_eq!(history.sessions.len(), 1);
    let both = store.load(date(2026, 3, 1), date(2026, 5, 31));
    assert_eq!(both.problems.len(), 1);
}

/// Makes the history directory unwritable. Permission bits do not stop root,
/// so when running as root the directory is moved away and a plain file put
/// in its place (every write then fails with "not a directory").
struct Unwritable {
    history: PathBuf,
    moved: Option<PathBuf>,
}

impl Unwritable {
    fn new(history: &Path) -> Unwritable {
        fs::set_permissions(history, fs::Permissions::from_mode(0o500)).unwrap();
        let probe = history.join("probe");
        if fs::write(&probe, b"x").is_err() {
            return Unwritable {
                history: history.to_path_buf(),
                moved: None,
            };
        }
        fs::remove_file(&probe).unwrap();
        fs::set_permissions(history, fs::Permissions::from_mode(0o700)).unwrap();
        let away = history.with_extension("away");
        fs::rename(history, &away).unwrap();
        fs::write(history, b"not a directory").unwrap();
        Unwritable {
            history: history.to_path_buf(),
            moved: Some(away),
        }
    }

    fn restore(self) {
        match &self.moved {
            Some(away) => {
                fs::remove_file(&self.history).unwrap();
                fs::rename(away, &self.history).unwrap();
            }
            None => fs::set_permissions(&self.history, fs::Permissions::from_mode(0o700)).unwrap(),
        }
    }
}

#[test]
fn a_failed_save_is_surfaced_kept_in_memory_and_retried() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut store = open(dir);
    let first = done(monday());
    store.save_session(&first).unwrap();
    let before = fs::read(month_path(dir, "2026-03")).unwrap();

    let blocked = Unwritable::new(store.history_dir());
    let mut second = session(date(2026, 3, 17), SessionStatus::InProgress, 5);
    let err = store.save_session(&second).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("history"), "no path in: {message}");
    assert!(message.contains("kept in memory"), "{message}");
    assert_eq!(store.pending(), 1);
    second.status = SessionStatus::Completed;
    assert!(store.save_session(&second).is_err());
    assert_eq!(
        store.pending(),
        1,
        "a newer version replaces the queued one"
    );
    let check = checkin(date(2026, 3, 17), 3);
    assert!(store.save_checkin(&check).is_err());
    assert!(
        store
            .set_mark(date(2026, 3, 18), Some(DayMarkKind::Sick))
            .is_err()
    );
    assert_eq!(store.pending(), 3);
    assert!(store.retry_pending().is_err());
    // What is in memory is still shown.
    let shown = store.load(date(2026, 3, 16), date(2026, 3, 22));
    assert!(shown.sessions.contains(&second));
    assert!(shown.checkins.contains(&check));
    assert_eq!(shown.marks.len(), 1);

    blocked.restore();
    assert_eq!(fs::read(month_path(dir, "2026-03")).unwrap(), before);
    store.retry_pending().unwrap();
    assert_eq!(store.pending(), 0);
    let reread = open(dir).load(date(2026, 3, 16), date(2026, 3, 22));
    assert_eq!(reread.sessions, vec![first, second]);
    assert_eq!(reread.checkins, vec![check]);
    assert_eq!(reread.marks.len(), 1);
}

#[test]
fn files_are_private_to_the_user() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested").join("backcoach");
    let mut store = open(&dir);
    assert_eq!(mode(&dir), 0o700);
    store.save_session(&done(monday())).unwrap();
    store.save_profile(&Profile::default()).unwrap();
    assert_eq!(mode(&dir.join("history")), 0o700);
    assert_eq!(mode(&month_path(&dir, "2026-03")), 0o600);
    assert_eq!(mode(&dir.join("profile.ron")), 0o600);
    assert_eq!(mode(&dir.join("index.ron")), 0o600);
    // A month file someone widened is written back private.
    fs::set_permissions(
        month_path(&dir, "2026-03"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    store.save_session(&done(date(2026, 3, 17))).unwrap();
    assert_eq!(mode(&month_path(&dir, "2026-03")), 0o600);
    // No temporary files left behind: the history folder holds month files only.
    let names: Vec<String> = fs::read_dir(dir.join("history"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["2026-03.ron".to_string()]);
    // The (empty) lock file beside them is private too.
    assert_eq!(mode(&dir.join(".lock")), 0o600);
}

#[test]
fn opening_reads_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("history")).unwrap();
    fs::write(month_path(tmp.path(), "2026-03"), "garbage").unwrap();
    fs::write(tmp.path().join("index.ron"), "garbage").unwrap();
    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.pending(), 0);
}

#[test]
fn an_unreadable_profile_is_reported_and_never_written_over() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    assert_eq!(store.load_profile().unwrap(), None);
    let path = tmp.path().join("profile.ron");
    fs::write(&path, "(\n  experience: Sometimes,\n)\n").unwrap();
    let problem = store.load_profile().unwrap_err();
    assert_eq!((problem.line, problem.path.clone()), (2, path.clone()));
    let profile = Profile {
        weekly_target: 3,
        ..Profile::default()
    };
    store.save_profile(&profile).unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(\n  experience: Sometimes,\n)\n"
    );
    assert_eq!(store.load_profile().unwrap(), Some(profile.clone()));
    let again = Profile {
        weekly_target: 5,
        ..profile
    };
    store.save_profile(&again).unwrap();
    assert_eq!(store.load_profile().unwrap(), Some(again));
    assert!(!tmp.path().join("profile.2.ron").exists());
}

#[test]
fn last_session_and_last_safety_stop_are_found_across_months() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let stop = session(
        date(2025, 11, 3),
        SessionStatus::StoppedForSafety {
            reason: "numbness".into(),
        },
        4,
    );
    store.save_session(&stop).unwrap();
    for d in [date(2026, 1, 5), date(2026, 2, 9), date(2026, 3, 2)] {
        store.save_session(&done(d)).unwrap();
    }
    for fresh in [false, true] {
        let store = open(tmp.path());
        if fresh {
            // The index is derived: without it, it is rebuilt.
            fs::remove_file(tmp.path().join("index.ron")).unwrap();
        }
        assert_eq!(
            store.last_session(date(2026, 3, 31)).map(|s| s.date),
            Some(date(2026, 3, 2))
        );
        assert_eq!(
            store.last_session(date(2026, 2, 28)).map(|s| s.date),
            Some(date(2026, 2, 9))
        );
        assert_eq!(
            store.last_safety_stop(date(2026, 3, 31)),
            Some(stop.clone())
        );
        assert_eq!(store.last_safety_stop(date(2025, 10, 31)), None);
    }
}

#[test]
fn export_lists_every_session_and_rating_and_reports_unreadable_files() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let mut sessions = every_kind_of_session(date(2026, 3, 18));
    sessions[0].routine_name = "Back, \"gentle\" one".into();
    for s in &sessions {
        store.save_session(s).unwrap();
    }
    store.save_session(&done(date(2025, 12, 30))).unwrap();
    store.save_checkin(&checkin(date(2026, 3, 18), 4)).unwrap();
    fs::write(month_path(tmp.path(), "2026-01"), "(sessions: [").unwrap();

    let ron_out = backcoach::cli::commands::export(Some(tmp.path()), false).unwrap();
    assert_eq!(ron_out.stderr.len(), 1);
    assert!(
        ron_out.stderr[0].contains("2026-01.ron:1:"),
        "{:?}",
        ron_out.stderr
    );
    let back: MonthFile = ron::from_str(&ron_out.stdout).unwrap();
    assert_eq!(back.sessions.len(), 5);
    assert_eq!(back.checkins.len(), 1);
    let ratings: usize = back.sessions.iter().map(|s| s.ratings.len()).sum();
    assert_eq!(ratings, DiscomfortKind::ALL.len());

    let csv = backcoach::cli::commands::export(Some(tmp.path()), true).unwrap();
    let rows = parse_csv(&csv.stdout);
    assert_eq!(rows[0], backcoach::store::export::CSV_COLUMNS.to_vec());
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let count = |kind: &str| rows.iter().filter(|r| r[0] == kind).count();
    assert_eq!(count("session"), 5);
    assert_eq!(count("rating"), DiscomfortKind::ALL.len());
    assert_eq!(count("exercise"), 10);
    assert_eq!(count("checkin"), 1);
    assert!(rows.iter().any(|r| r[5] == "Back, \"gentle\" one"));
    assert!(rows.iter().any(|r| r[26].contains("\nsecond line")));
    // The cut-off session is exported as partial.
    assert!(rows.iter().any(|r| r[1] == "running" && r[6] == "partial"));
}

/// A small RFC 4180 reader, enough to check the export's quoting.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// Two backcoach windows on one data dir, saving into the same month at the
/// same time: every session of both is on disk afterwards (each save holds
/// the history lock while it reads, changes and writes the month).
#[test]
fn two_stores_saving_into_one_month_at_once_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    const EACH: usize = 25;
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut store = open(&dir);
                for i in 0..EACH {
                    let mut s = done(monday());
                    s.id = format!("writer-{w}-session-{i}");
                    store.save_session(&s).unwrap();
                    assert_eq!(store.pending(), 0);
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let history = open(&dir).load(monday(), monday());
    let mut ids: Vec<String> = history.sessions.iter().map(|s| s.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 2 * EACH, "lost sessions; kept: {ids:?}");
}
