//! End-to-end through the real binary: the safety stop, a `kill -9` mid-session,
//! and the first run with progression on the next.

use crate::support::pty;
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use crate::support::fixtures::prepared_dir;
use crate::support::pty::{Tui, check_in, signal, start_tiny};
use crate::support::records::{exercise, session_at};
use backcoach::domain::{
    DiscomfortKind, ExerciseRecord, RatingMoment, SessionRecord, SessionStatus,
};
use backcoach::store::Store;
use jiff::{Timestamp, ToSpan};

const T: Duration = pty::STEP;

#[test]
fn rate_three_then_sharp_pain_stops_for_safety_and_the_history_holds_it() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "2");
    tui.wait_for("Tiny hold", T);
    // Rate 3, a dull ache: within the limit, the session goes on.
    tui.send("r");
    tui.wait_for("How much discomfort do you feel right now?", T);
    tui.send("3");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    let screen = tui.wait_for("Tiny hold", T);
    assert!(!screen.contains("What does it feel like?"), "{screen}");
    // Then sharp pain in one key.
    tui.send("s");
    let screen = tui.wait_for("STOPPED FOR SAFETY", T);
    assert!(
        screen.contains("Sharp pain during Tiny hold, set 1 of 1"),
        "{screen}"
    );
    assert!(screen.contains("healthcare professional"), "{screen}");
    // The session cannot be resumed: session keys do nothing.
    tui.send(" ");
    tui.send("p");
    tui.send("n");
    assert!(tui.screen().contains("STOPPED FOR SAFETY"));
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));

    let saved = Store::open(dir.path()).expect("store").load_all().sessions;
    assert_eq!(saved.len(), 1);
    let SessionStatus::StoppedForSafety { reason } = &saved[0].status else {
        panic!("{:?}", saved[0].status)
    };
    assert!(reason.contains("Sharp pain"), "{reason}");
    let ratings: Vec<_> = saved[0]
        .ratings
        .iter()
        .map(|r| (r.value, r.kind, r.moment, r.exercise_id.as_deref(), r.set))
        .collect();
    assert_eq!(
        ratings,
        vec![
            (
                3,
                DiscomfortKind::DullAche,
                RatingMoment::During,
                Some("tiny-hold"),
                Some(1)
            ),
            (
                3,
                DiscomfortKind::Sharp,
                RatingMoment::During,
                Some("tiny-hold"),
                Some(1)
            ),
        ]
    );
}

#[test]
fn a_session_killed_after_its_second_exercise_reloads_as_partial_with_two_done() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "0");
    tui.wait_for("Get ready", T);
    tui.send(" ");
    tui.wait_for("Tiny hold done", T);
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("Rep 0 of 2", T);
    tui.send(" ");
    tui.send(" ");
    tui.wait_for("Set 2 of 2", T);
    tui.send(" ");
    tui.send(" ");
    tui.wait_for("Tiny reps done", T);
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("Tiny sides", T);
    signal(tui.pid().expect("pid"), "KILL");
    tui.wait_exit(T);

    let store = Store::open(dir.path()).expect("store");
    let history = store.load_all();
    assert_eq!(history.sessions.len(), 1);
    let session = &history.sessions[0];
    assert_eq!(history.status_of(session), SessionStatus::Partial);
    let done: Vec<_> = session
        .exercises
        .iter()
        .map(|e| e.exercise_id.as_str())
        .collect();
    assert_eq!(done, vec!["tiny-hold", "tiny-reps"]);

    // The next start says so.
    let data = dir.path().display().to_string();
    let mut home = Tui::spawn(
        &[
            "--data-dir",
            &data,
            "--catalog",
            &catalog.display().to_string(),
            "--mute",
        ],
        &[("HOME", &data)],
    );
    home.wait_for("was cut off", T);
    home.send("q");
    assert_eq!(home.wait_exit(T), Some(0));
}

/// A completed session of the daily routine `days_ago`, with the bridge done at `reps`.
fn daily_with_bridge(days_ago: i64, reps: u32) -> SessionRecord {
    let started = Timestamp::now() - (days_ago * 24).hours();
    let date = started.to_zoned(jiff::tz::TimeZone::system()).date();
    let mut session = session_at(started, date, SessionStatus::Completed, 15);
    session.routine_name = "15-minute daily routine".into();
    session.baseline = Some(1);
    session.exercises = vec![ExerciseRecord {
        name: "Bridge".into(),
        target_hold_s: 12,
        hold_s_done: vec![reps * 12],
        ..exercise("bridge", 1, reps, started + 10.minutes())
    }];
    session
}

#[test]
fn first_run_set_up_then_starting_doses_then_an_increase_with_its_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().display().to_string();
    let mut tui = Tui::spawn(
        &["--data-dir", &data, "--mute", "start"],
        &[("HOME", &data)],
    );
    // The first-run set-up, with real keys: returning after an issue, a herniated disc.
    tui.wait_for("Set-up", T);
    tui.send("\x1b[C"); // → : returning after an issue
    tui.wait_for("returning after an issue", T);
    tui.send("\x1b[B"); // ↓ : a past back injury or spinal condition (guide 003)
    tui.send("\x1b[B"); // ↓ : herniated disc
    tui.send(" ");
    tui.send("\r");
    // Said once, as the guides do: check with a professional before starting.
    let screen = tui.wait_for("Before you start", T);
    assert!(screen.contains("doctor or physical therapist"), "{screen}");
    assert!(screen.contains("herniated disc"), "{screen}");
    tui.send("\r");
    tui.wait_for("How much discomfort", T);
    tui.send("1");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", T);
    tui.send("\r");
    // The plan preview shows the guides' starting dose, not the routine's full one.
    let screen = tui.wait_for("Today's plan", T);
    assert!(screen.contains("Bridge  5 reps"), "{screen}");
    assert!(screen.contains("starting dose"), "{screen}");
    tui.send("\x1b");
    tui.wait_for("Routines", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    let profile = dir.path().join("profile.ron");
    let text = std::fs::read_to_string(&profile).expect("profile written");
    assert!(
        text.contains("Returning") && text.contains("HerniatedDisc"),
        "{text}"
    );
    let mode = std::fs::metadata(&profile)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);

    // Two sessions at 5 reps without trouble, the first a week ago: +2 reps.
    let mut store = Store::open(dir.path()).expect("store");
    store.save_session(&daily_with_bridge(7, 5)).expect("seed");
    store.save_session(&daily_with_bridge(4, 5)).expect("seed");
    let mut tui = Tui::spawn(
        &["--data-dir", &data, "--mute", "start"],
        &[("HOME", &data)],
    );
    tui.wait_for("How much discomfort", T);
    tui.send("0");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("Compared to the end of your last session", T);
    tui.send("s");
    let screen = tui.wait_for("Today's plan", T);
    assert!(screen.contains("Bridge  7 reps"), "{screen}");
    assert!(
        screen.contains("+2 reps: two sessions without worsening since"),
        "{screen}"
    );
    tui.send("\x1b");
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
}
