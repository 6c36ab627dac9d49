//! Snapshots of the session screen in the phases and header states no other
//! snapshot shows: the get-ready before a hold, slow cycles, a held rep
//! while it is held, and the header when the session cannot be saved and
//! no audio device is there. Drawn with `ui_snapshots`' helpers, at 80×24
//! and 120×40.

use backcoach::catalog::DoseKind;
use backcoach::plan::PlannedExercise;
use backcoach::profile::Pacing;
use backcoach::session::{Pace, Session, Settings};
use backcoach::tui::screens::session::Status;
use tokio::time::Instant;

use crate::support::plans::{builtin as planned, in_routine};
use crate::ui_snapshots::{draw_session, draw_session_with, plan, plank_session, s, status};

/// Snapshots `name` at 80×24 and 120×40 with the header's `status`.
fn snap(name: &str, session: &Session, at: Instant, status: &Status) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("{name}_{w}x{h}"),
            draw_session_with(session, at, w, h, status)
        );
    }
}

/// Held reps that run themselves, as a new profile has them.
fn paced() -> Settings {
    Settings {
        pace: Pace {
            pacing: Pacing::Paced,
            metronome: false,
        },
        ..Settings::default()
    }
}

/// Before the first set of a hold: what to do, and the countdown to it.
#[test]
fn the_get_ready_before_a_hold() {
    let t0 = Instant::now();
    let plank = PlannedExercise {
        sets: 3,
        hold_s: 20,
        ..planned("front-plank")
    };
    let (mut session, _) = Session::new(
        plan(vec![plank, planned("childs-pose")]),
        Settings::default(),
        t0,
    );
    session.tick(t0 + s(2));
    let screen = draw_session(&session, t0 + s(2), 80, 24);
    assert!(screen.contains("Get ready · starts in 3 s"), "{screen}");
    snap("get_ready", &session, t0 + s(2), &status());
}

/// Slow cycles paced by the breath: the cycle count and which way to move.
#[test]
fn slow_cycles_mid_way() {
    let t0 = Instant::now();
    let cat_cow = PlannedExercise {
        kind: DoseKind::Cycles,
        sets: 1,
        reps: 5,
        pace_s: 8,
        ..in_routine("daily", "cat-cow")
    };
    let (mut session, _) = Session::new(plan(vec![cat_cow]), Settings::default(), t0);
    // Get ready 5 s, then 8 s a cycle: 15 s in is cycle 2, past its middle.
    session.tick(t0 + s(5));
    let at = t0 + s(20);
    session.tick(at);
    let screen = draw_session(&session, at, 80, 24);
    assert!(screen.contains("of 5"), "{screen}");
    snap("cycles", &session, at, &status());
}

/// A held rep while it is held (the paced default): the rep, its hold
/// counting down, and what follows.
#[test]
fn a_held_rep_while_it_is_held() {
    let t0 = Instant::now();
    let bridge = PlannedExercise {
        sets: 1,
        reps: 5,
        hold_s: 12,
        ..in_routine("daily", "bridge")
    };
    let (mut session, _) = Session::new(plan(vec![bridge, planned("childs-pose")]), paced(), t0);
    // Get ready 5 s, then rep 1 is held for 12 s: 9 s in, 3 s are left.
    session.tick(t0 + s(5));
    let at = t0 + s(14);
    session.tick(at);
    let screen = draw_session(&session, at, 80, 24);
    assert!(screen.contains("Rep 1 of 5"), "{screen}");
    snap("held_rep_hold", &session, at, &status());
}

/// The header when a save failed and there is no audio device: the sound
/// state on the frame, the save problem in the banner under it.
#[test]
fn the_header_when_not_saved_and_without_sound() {
    let (mut session, t0) = plank_session();
    session.tick(t0 + s(12));
    let status = Status {
        save_problem: Some(
            "no space left on device (cannot write ~/.local/share/backcoach/history/2026-11.ron)"
                .into(),
        ),
        ..status()
    };
    let screen = draw_session_with(&session, t0 + s(12), 120, 40, &status);
    assert!(screen.contains("no sound: no audio device"), "{screen}");
    assert!(screen.contains("Not saved yet: no space left"), "{screen}");
    snap("header_not_saved", &session, t0 + s(12), &status);
}
