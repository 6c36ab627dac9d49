//! End-to-end: the real binary in a pseudo-terminal, driven with real keys.

use crate::support::pty;
use std::time::Duration;

use crate::support::fixtures::prepared_dir;
use crate::support::pty::{Tui, check_in, signal, start_tiny};
use backcoach::domain::{RatingMoment, SessionRecord, SessionStatus};
use backcoach::store::Store;

/// Every session the data dir holds.
fn sessions(dir: &std::path::Path) -> Vec<SessionRecord> {
    Store::open(dir).expect("store").load_all().sessions
}

const T: Duration = pty::STEP;

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
    tui.wait_for("What does it feel like?", T);
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
    tui.wait_for("What does it feel like?", T);
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
    assert_eq!(saved[0].status, SessionStatus::Partial);
    assert!(
        !saved[0].did_work(),
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
    let out = std::process::Command::new(pty::binary())
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
    // Below 80×24 the session keeps its essentials in plain lines (issue 18).
    tui.resize(60, 20);
    let small = tui.wait_for("PAUSED — p resumes", T);
    assert!(small.contains("s = sharp pain"), "{small}");
    assert!(!small.contains("Make the terminal larger"), "{small}");
    tui.resize(120, 40);
    let screen = tui.wait_for("How to do it", T);
    assert!(screen.contains("PAUSED"), "{screen}");
    assert!(!screen.contains("Make the terminal larger"), "{screen}");
    // The layout uses the wider screen: the steps move to a column of their own.
    assert!(screen.contains("How to do it"), "{screen}");
    tui.send("q");
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
}

/// Today's line of `backcoach week --print`.
fn week_print_today(dir: &std::path::Path) -> String {
    let out = std::process::Command::new(pty::binary())
        .args(["--data-dir", &dir.display().to_string(), "week", "--print"])
        .output()
        .expect("run week --print");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let today = jiff::Zoned::now().date().to_string();
    text.lines()
        .find(|l| l.contains(&today))
        .unwrap_or_else(|| panic!("no line for {today} in\n{text}"))
        .to_string()
}

#[test]
fn skipping_everything_is_not_a_done_day() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    tui.wait_for("Tiny hold", T);
    // Through every step of the three exercises with `n`.
    for _ in 0..12 {
        if tui.screen().contains("NOTHING DONE TODAY") {
            break;
        }
        tui.send("n");
    }
    let screen = tui.wait_for("NOTHING DONE TODAY", T);
    assert!(screen.contains("0 of 3 done, 3 skipped"), "{screen}");
    assert!(!screen.contains("ROUTINE COMPLETE"), "{screen}");
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    let saved = sessions(dir.path());
    assert_eq!(saved[0].status, SessionStatus::Skipped);
    let line = week_print_today(dir.path());
    assert!(line.contains("skipped") && !line.contains("done"), "{line}");
}

/// One exercise of held repetitions, two seconds each, one side at a time.
const HELD_REPS_CATALOG: &str = r#"#![enable(implicit_some)]
(
    exercises: [
        (
            id: "tiny-knee",
            name: "Tiny knee to chest",
            category: Stretch,
            targets: ["lower back"],
            position: "On your back",
            dose: (kind: RepsWithHold, per_side: true, sets: (1, 1), reps: (2, 2), hold_s: (2, 2)),
            steps: ["Hug one knee in and hold."],
            cue: "Relax your shoulders",
            level: Beginner,
            sources: ["test"],
        ),
    ],
    routines: [
        (
            id: "daily",
            name: "Held reps",
            summary: "For tests.",
            minutes: (1, 1),
            frequency: (days_per_week: (4, 5)),
            items: [(exercise: "tiny-knee")],
            sources: ["test"],
        ),
    ],
)
"#;

#[test]
fn one_held_rep_then_quit_is_in_the_export() {
    let (dir, _) = prepared_dir();
    let catalog = dir.path().join("held.ron");
    std::fs::write(&catalog, HELD_REPS_CATALOG).expect("catalog");
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    tui.wait_for("Tiny knee to chest", T);
    tui.wait_for("Rep 0 of 2", T);
    tui.send(" ");
    tui.wait_for("Space to start rep 2", T);
    tui.send("q");
    let screen = tui.wait_for("Quit this session?", T);
    assert!(screen.contains("saved as partial"), "{screen}");
    assert!(screen.contains("The set in progress is kept"), "{screen}");
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
    let out = std::process::Command::new(pty::binary())
        .args([
            "--data-dir",
            &dir.path().display().to_string(),
            "export",
            "--csv",
        ])
        .output()
        .expect("run export");
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8_lossy(&out.stdout).to_string();
    let header: Vec<&str> = csv.lines().next().expect("header").split(',').collect();
    let column = |name: &str| header.iter().position(|c| *c == name).expect(name);
    let row: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("exercise,") && l.contains("tiny-knee"))
        .unwrap_or_else(|| panic!("no exercise row in\n{csv}"))
        .split(',')
        .collect();
    assert_eq!(row[column("reps_done")], "1", "{csv}");
    assert_eq!(row[column("hold_s_done")], "2", "{csv}");
    assert_eq!(row[column("completed")], "false", "{csv}");
    let session_row = csv
        .lines()
        .find(|l| l.starts_with("session,"))
        .expect("a session row");
    assert!(session_row.contains(",partial,"), "{session_row}");
}

#[test]
fn a_session_quit_at_step_three_is_offered_for_resume_and_resumes_at_step_three() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    // Step 1: the 2 s hold, then the quick check.
    tui.wait_for("Get ready", T);
    tui.send(" ");
    tui.wait_for("Tiny hold done", T);
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    // Step 2: two sets of two reps.
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
    // Step 3: quit.
    tui.wait_for("Step 3 of 3", T);
    tui.send("q");
    tui.wait_for("Quit this session?", T);
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
    let before = sessions(dir.path());
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].status, SessionStatus::Partial);

    // The next start offers it after the check-in, at step 3.
    let mut tui = start_tiny(dir.path(), &catalog);
    tui.wait_for("How much discomfort", T);
    tui.send("1");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("how does your back feel now?", T);
    tui.send("s");
    let screen = tui.wait_for("Resume your session?", T);
    assert!(screen.contains("exercise 3 of 3: Tiny sides"), "{screen}");
    tui.send("y");
    let screen = tui.wait_for("Tiny sides", T);
    assert!(screen.contains("Step 3 of 3"), "{screen}");
    // Finish it: left then right, one held rep each.
    for _ in 0..2 {
        tui.wait_for("Space", T);
        tui.send(" ");
        std::thread::sleep(Duration::from_millis(1300));
    }
    tui.wait_for("ROUTINE COMPLETE", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    let after = sessions(dir.path());
    assert_eq!(after.len(), 1, "the same session went on: {after:?}");
    assert_eq!(after[0].id, before[0].id);
    assert_eq!(after[0].status, SessionStatus::Completed);
    let done: Vec<&str> = after[0]
        .exercises
        .iter()
        .map(|e| e.exercise_id.as_str())
        .collect();
    assert_eq!(done, vec!["tiny-hold", "tiny-reps", "tiny-sides"]);
}

#[test]
fn declining_the_resume_starts_fresh_and_a_safety_stop_is_never_offered() {
    let (dir, catalog) = prepared_dir();
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    tui.wait_for("Get ready", T);
    tui.send(" ");
    tui.wait_for("Tiny hold done", T);
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("Rep 0 of 2", T);
    tui.send("q");
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
    let mut tui = start_tiny(dir.path(), &catalog);
    tui.wait_for("How much discomfort", T);
    tui.send("1");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("how does your back feel now?", T);
    tui.send("s");
    tui.wait_for("Resume your session?", T);
    tui.send("n");
    tui.wait_for("Today's plan", T);
    tui.send("\r");
    let screen = tui.wait_for("Tiny hold", T);
    assert!(screen.contains("Step 1 of 3"), "{screen}");
    // A stop now: tomorrow this session is not resumed, and today is closed.
    tui.send("s");
    tui.wait_for("STOPPED FOR SAFETY", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    let mut tui = start_tiny(dir.path(), &catalog);
    let screen = tui.wait_for("NO EXERCISE TODAY", T);
    assert!(!screen.contains("Resume"), "{screen}");
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
}

// ---- hands-free (issue 16) ----------------------------------------------------

/// A profile as a new user's set-up leaves it: paced held reps, the voice on.
const PACED_PROFILE: &str = "(experience: Regular, conditions: [], equipment: [], weekly_target: 4, volume: 70, bell: false, discomfort_limit: 5)\n";

/// Issue 16's first reproduction: a set of held reps needed `Space` for
/// every rep. Now, with the default (paced) profile, the set runs to its end
/// with no key at all: get ready, hold, relax, next rep, the other side.
#[test]
fn a_paced_set_of_held_reps_runs_to_its_end_with_no_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("profile.ron"), PACED_PROFILE).expect("profile");
    let catalog = dir.path().join("held.ron");
    std::fs::write(&catalog, HELD_REPS_CATALOG).expect("catalog");
    let mut tui = start_tiny(dir.path(), &catalog);
    check_in(&mut tui, "1");
    // At least 10 s to get down on the mat before the first exercise.
    let screen = tui.wait_for("Get ready · starts in", T);
    assert!(
        screen.contains("starts in 10 s") || screen.contains("starts in 9 s"),
        "{screen}"
    );
    // Left: 2 holds of 2 s with 3 s between; then right the same, after its
    // get-ready: about 30 s in all, not one key pressed.
    tui.wait_for("relax · rep 2 in", Duration::from_secs(20));
    tui.wait_for("right side", Duration::from_secs(20));
    let screen = tui.wait_for("ROUTINE COMPLETE", Duration::from_secs(30));
    assert!(screen.contains("1 of 1 done"), "{screen}");
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    let saved = sessions(dir.path());
    assert_eq!(saved.len(), 1);
    let knee = &saved[0].exercises[0];
    assert_eq!(
        (
            knee.reps_done.clone(),
            knee.hold_s_done.clone(),
            knee.completed
        ),
        (vec![4], vec![8], true),
        "both sides, two reps of 2 s each"
    );
}

/// Issue 16's second reproduction: the digits were three rows tall even at
/// 200×60. Now they fill the room there; `g` hides the steps, and the
/// choice is kept in the profile for the next session.
#[test]
fn the_number_is_large_at_200x60_and_the_glance_layout_is_kept() {
    let (dir, catalog) = prepared_dir();
    let data = dir.path().display().to_string();
    let args = [
        "--data-dir",
        &data,
        "--catalog",
        &catalog.display().to_string(),
        "--mute",
        "start",
    ];
    let env = [("HOME", data.as_str())];
    let mut tui = Tui::spawn_program(&pty::binary(), &args, &env, 200, 60);
    check_in(&mut tui, "1");
    let screen = tui.wait_for("Get ready · starts in", T);
    let tall = screen.lines().filter(|l| l.contains("████")).count();
    assert!(tall >= 14, "{tall} rows of digits:\n{screen}");
    assert!(screen.contains("1. Hold still."), "{screen}");
    tui.send("g");
    let screen = tui.wait_for("TINY HOLD", T);
    assert!(
        !screen.contains("1. Hold still."),
        "the steps are hidden:\n{screen}"
    );
    tui.send("q");
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
    let profile = std::fs::read_to_string(dir.path().join("profile.ron")).expect("profile");
    assert!(profile.contains("glance: true"), "{profile}");

    // The next session (in a data dir of its own, with this profile) opens
    // in the glance layout, even at 80×24.
    let next = tempfile::tempdir().expect("temp dir");
    std::fs::write(next.path().join("profile.ron"), profile).expect("profile");
    let data = next.path().display().to_string();
    let args = [
        "--data-dir",
        &data,
        "--catalog",
        &catalog.display().to_string(),
        "--mute",
        "start",
    ];
    let env = [("HOME", data.as_str())];
    let mut tui = Tui::spawn_program(&pty::binary(), &args, &env, 80, 24);
    tui.wait_for("How much discomfort", T);
    tui.send("1");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", T);
    tui.send("\r");
    tui.wait_for("Today's plan", T);
    tui.send("\r");
    tui.wait_for("Get ready · starts in", T);
    let screen = tui.wait_for("TINY HOLD", T);
    assert!(!screen.contains("1. Hold still."), "{screen}");
    tui.send("q");
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
}
