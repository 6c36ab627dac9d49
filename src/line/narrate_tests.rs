//! The line mode's words and wake-ups, on the real engine and tokio's paused
//! clock: what a screen-reader user hears through a plan, and how seldom
//! the loop wakes to say it.

use std::time::Duration;

use tokio::time::Instant;

use super::*;
use crate::catalog::DoseKind;
use crate::plan::{Plan, PlannedExercise};
use crate::session::{Key, Session, Settings};

fn exercise(id: &str, kind: DoseKind, sets: u32, reps: u32, hold_s: u32) -> PlannedExercise {
    PlannedExercise {
        exercise_id: id.into(),
        name: id.into(),
        part: None,
        kind,
        per_side: false,
        sets,
        reps,
        hold_s,
        duration_s: 0,
        pace_s: 8,
        rest_s: 45,
        position: "Lying on your back".into(),
        steps: vec!["Lift.".into(), "Lower.".into()],
        cue: "Slow".into(),
        reasons: vec![],
        figure: None,
    }
}

fn plan(exercises: Vec<PlannedExercise>) -> Plan {
    Plan {
        routine_id: "test".into(),
        routine_name: "Test".into(),
        intense: false,
        exercises,
        notes: vec![],
    }
}

/// Runs the session as the line loop does: wake only when [`wake`] says,
/// narrate each view; `keys` are pressed when the session waits for one.
/// Returns every line and every wake-up time (from the start).
fn drive(plan: Plan, keys: &[Key]) -> (Vec<String>, Vec<Duration>) {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan, Settings::default(), t0);
    let mut narrator = Narrator::new(Keys::Terminal);
    let mut lines = narrator.lines(&session.view(t0));
    let mut wakes = Vec::new();
    let mut keys = keys.iter();
    let mut now = t0;
    for _ in 0..10_000 {
        if session.ending().is_some() {
            break;
        }
        match wake(&session, now) {
            Some(at) => {
                now = at;
                wakes.push(now - t0);
                session.tick(now);
            }
            None => {
                let Some(key) = keys.next() else { break };
                session.key(*key, now);
            }
        }
        lines.extend(narrator.lines(&session.view(now)));
    }
    (lines, wakes)
}

#[tokio::test(start_paused = true)]
async fn a_held_rep_set_reads_as_the_issue_asks() {
    let bridge = exercise("Bridge", DoseKind::RepsWithHold, 2, 2, 12);
    let (lines, _) = drive(
        plan(vec![bridge]),
        &[
            Key::Space,
            Key::Space,
            Key::Space,
            Key::Space,
            Key::Enter,
            Key::Enter,
        ],
    );
    let text = lines.join("\n");
    for expected in [
        "Exercise 1 of 1: Bridge. Lying on your back.",
        "  1. Lift.",
        "Key cue: Slow.",
        "Bridge, set 1 of 2: 2 reps, hold 12 seconds each. Press Space to start each rep.",
        "Bridge, set 1 of 2: rep 1 of 2, hold 12 seconds.",
        "10 seconds left.",
        "3\n2\n1",
        "Rep 1 of 2 done. Press Space to start rep 2.",
        "Rest 45 seconds. Next: Bridge, set 2 of 2.",
        "40 seconds left.",
        "Bridge, set 2 of 2: 2 reps, hold 12 seconds each.",
        "ROUTINE COMPLETE",
        "How does your back feel now, 0 to 10? Type a number, then Enter.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Never a line a second: a 12 s hold says its start, 10 s left, 3, 2, 1;
    // the 45 s rest 40, 30, 20 and 10 s left, 3, 2, 1.
    let marks = text.matches("seconds left").count();
    assert_eq!(marks, 4 + 4, "one mark per hold, four in the rest:\n{text}");
    assert_eq!(lines.iter().filter(|l| *l == "3").count(), 5, "{text}");
}

#[tokio::test(start_paused = true)]
async fn a_long_hold_wakes_at_most_once_a_second_and_mostly_not_at_all() {
    let plank = exercise("Plank", DoseKind::Hold, 1, 0, 60);
    let (lines, wakes) = drive(plan(vec![plank]), &[Key::Space, Key::Enter, Key::Enter]);
    let text = lines.join("\n");
    for expected in [
        "Get ready: Plank, set 1 of 1. Starts in 5 seconds (Press Space to start now).",
        "Plank, set 1 of 1: hold 60 seconds.",
        "50 seconds left.",
        "40 seconds left.",
        "20 seconds left.",
        "10 seconds left.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("59"), "no line a second:\n{text}");
    // Wake-ups inside the hold: no two within a second of each other.
    let mut last: Option<Duration> = None;
    for w in &wakes {
        if let Some(l) = last {
            assert!(
                *w - l >= Duration::from_millis(500),
                "wakes {l:?} and {w:?}"
            );
        }
        last = Some(*w);
    }
    assert!(
        wakes.len() <= 20,
        "a 60 s hold and its get-ready: {} wake-ups: {wakes:?}",
        wakes.len()
    );
}

#[tokio::test(start_paused = true)]
async fn sides_pauses_and_safety_each_get_one_line() {
    let mut side_plank = exercise("Side plank", DoseKind::Hold, 1, 0, 5);
    side_plank.per_side = true;
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![side_plank]), Settings::default(), t0);
    let mut narrator = Narrator::new(Keys::Lines);
    let mut lines = narrator.lines(&session.view(t0));
    let mut now = t0;
    // Through get-ready and the left side's hold.
    while !lines
        .iter()
        .any(|l| l.starts_with("Switch to the right side"))
    {
        let at = wake(&session, now).expect("a timer runs");
        now = at;
        session.tick(now);
        lines.extend(narrator.lines(&session.view(now)));
        assert!(now - t0 < Duration::from_secs(60), "{lines:#?}");
    }
    session.key(Key::Char('p'), now);
    lines.extend(narrator.lines(&session.view(now)));
    assert_eq!(
        lines.last().map(String::as_str),
        Some("PAUSED: every timer stops. Press p to resume.")
    );
    assert_eq!(wake(&session, now), None, "no wake-up while paused");
    session.key(Key::Char('p'), now);
    lines.extend(narrator.lines(&session.view(now)));
    assert!(lines.iter().any(|l| l == "Resumed."));
    session.key(Key::Char('s'), now);
    let end = narrator.lines(&session.view(now));
    assert_eq!(end.first().map(String::as_str), Some("STOPPED FOR SAFETY"));
    assert!(
        end.iter()
            .any(|l| l.contains("See a healthcare professional"))
    );
    assert!(narrator.lines(&session.view(now)).is_empty(), "said once");
}

#[test]
fn countdown_lines_fall_on_tens_then_the_last_three() {
    assert_eq!(next_said(60), Some(50));
    assert_eq!(next_said(11), Some(10));
    assert_eq!(next_said(10), Some(3));
    assert_eq!(next_said(5), Some(3));
    assert_eq!(next_said(3), Some(2));
    assert_eq!(next_said(2), Some(1));
    assert_eq!(next_said(1), None);
}
