//! End-to-end: the real binary in a pseudo-terminal, driven with real keys.

mod common;

use std::time::Duration;

use backcoach::domain::{RatingMoment, SessionRecord, SessionStatus};
use backcoach::store::Store;
use common::{Tui, check_in, prepared_dir, signal, start_tiny};

/// Every session the data dir holds.
fn sessions(dir: &std::path::Path) -> Vec<SessionRecord> {
    Store::open(dir).expect("store").load_all().sessions
}

const T: Duration = common::STEP;

fn env_without_sound(home: &std::path::Path) -> Vec<(&'static str, String)> {
    // A HOME with no ALSA config: this machine's default device has no card, so
    // ALSA prints its errors — which must never reach the screen.
    vec![("HOME", home.display().to_string())]
}

#[test]
fn a_tiny_routine_completes_with_real_keys() {
    let (dir, catalog) = prepared_dir();
    let data = dir.path().display().to_string();
    let env = env_without_sound(dir.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut tui = Tui::spawn(
        &[
            "--data-dir",
            &data,
            "--catalog",
            &catalog.display().to_string(),
            "start",
        ],
        &env,
    );
    check_in(&mut tui, "1");

    // A timed hold: get ready (skipped with Space), then the countdown.
    let screen = tui.wait_for("Tiny hold", T);
    assert!(screen.contains("Set 1 of 1"), "{screen}");
    assert!(screen.contains("Step 1 of 3"), "{screen}");
    tui.wait_for("Get ready", T);
    tui.send(" ");
    let screen = tui.wait_for("s left", T);
    assert!(
        screen.contains("Hold · 2 s left") || screen.contains("Hold · 1 s left"),
        "{screen}"
    );
    tui.wait_for("Tiny hold done", T);
    tui.send("\r");

    // Counted reps, two sets with a rest between.
    let screen = tui.wait_for("Rep 0 of 2", T);
    assert!(
        screen.contains("Tiny reps") && screen.contains("Set 1 of 2"),
        "{screen}"
    );
    tui.send(" ");
    tui.wait_for("Rep 1 of 2", T);
    tui.send(" ");
    tui.wait_for("Rest", T);
    let screen = tui.wait_for("Set 2 of 2", T);
    assert!(screen.contains("Rep 0 of 2"), "{screen}");
    tui.send(" ");
    tui.send(" ");
    tui.wait_for("Tiny reps done", T);
    tui.send("\r");

    // Per side, each rep held: left, then right.
    let screen = tui.wait_for("Tiny sides", T);
    assert!(screen.contains("left side"), "{screen}");
    tui.send(" ");
    tui.wait_for("·  right side", T);
    tui.send(" ");

    // The end screen and its closing rating.
    tui.wait_for("ROUTINE COMPLETE", T);
    tui.send("2\r");
    tui.wait_for("Thank you", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    assert!(tui.terminal_normal());
    let raw = String::from_utf8_lossy(&tui.raw()).to_string();
    assert!(!raw.contains("ALSA lib"), "ALSA printed onto the screen");
    assert!(!raw.contains("rodio"), "rodio printed onto the screen");

    // The history holds the whole session.
    let saved = sessions(dir.path());
    assert_eq!(saved.len(), 1);
    let session = &saved[0];
    assert_eq!(session.status, SessionStatus::Completed);
    assert_eq!(session.baseline, Some(1));
    let done: Vec<_> = session
        .exercises
        .iter()
        .map(|e| (e.exercise_id.as_str(), e.sets_done, e.completed))
        .collect();
    assert_eq!(
        done,
        vec![
            ("tiny-hold", 1, true),
            ("tiny-reps", 2, true),
            ("tiny-sides", 1, true)
        ]
    );
    assert_eq!(session.exercises[1].reps_done, vec![2, 2]);
    let moments: Vec<_> = session
        .ratings
        .iter()
        .map(|r| (r.moment, r.value))
        .collect();
    assert_eq!(
        moments,
        vec![
            (RatingMoment::AfterExercise, 1),
            (RatingMoment::AfterExercise, 1),
            (RatingMoment::Closing, 2)
        ]
    );
}

#[test]
fn sigterm_mid_session_restores_the_terminal() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "0");
    tui.wait_for("Tiny hold", T);
    assert!(!tui.terminal_normal(), "full-screen while the session runs");
    signal(tui.pid().expect("pid"), "TERM");
    let code = tui.wait_exit(T);
    assert_eq!(code, Some(128 + 15));
    assert!(
        tui.terminal_normal(),
        "left the alternate screen and showed the cursor"
    );
    let raw = tui.raw();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).to_string();
    assert!(
        tail.contains("\x1b[?1049l"),
        "alternate screen left: {tail:?}"
    );
    let saved = sessions(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].status,
        SessionStatus::Skipped,
        "a session ended by a signal before any work counts for nothing"
    );
}

#[test]
fn quitting_asks_first() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "0");
    tui.wait_for("Tiny hold", T);
    tui.send("q");
    tui.wait_for("Quit this session?", T);
    tui.send("n");
    tui.send("q");
    tui.wait_for("Quit this session?", T);
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
    assert!(tui.terminal_normal());
}

#[test]
fn an_unknown_routine_is_a_clear_error_before_full_screen() {
    let (dir, _) = prepared_dir();
    let out = std::process::Command::new(common::binary())
        .args([
            "--data-dir",
            &dir.path().display().to_string(),
            "start",
            "nope",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no routine has the id \"nope\""), "{err}");
}

/// A bad catalog in a real terminal: exit code 1, the message with the file
/// and `line:column` on the normal screen, and the terminal as it was.
#[test]
fn a_bad_catalog_in_a_terminal_leaves_the_message_and_a_normal_terminal() {
    let (dir, _) = prepared_dir();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n    exercises: [\n").expect("write");
    let data = dir.path().display().to_string();
    let bad_arg = bad.display().to_string();
    let mut tui = Tui::spawn(&["--data-dir", &data, "--catalog", &bad_arg, "start"], &[]);
    assert_eq!(tui.wait_exit(T), Some(1));
    let screen = tui.wait_for("bad.ron:2:17: ", T);
    assert!(screen.contains("backcoach: "), "{screen}");
    assert!(tui.terminal_normal());
}

#[test]
fn the_screen_redraws_on_resize_and_asks_for_more_room_when_too_small() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "0");
    tui.wait_for("Tiny hold", T);
    tui.send("p");
    tui.resize(60, 20);
    tui.wait_for("Make the terminal larger", T);
    tui.resize(120, 40);
    let screen = tui.wait_for("Tiny hold", T);
    assert!(screen.contains("PAUSED"), "{screen}");
    assert!(!screen.contains("Make the terminal larger"), "{screen}");
    // The layout uses the wider screen: the steps move to a column of their own.
    assert!(screen.contains("How to do it"), "{screen}");
    tui.send("q");
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
}
