//! `sounds_ahead` on tokio's paused clock: what it foretells is exactly what
//! the session then emits, at the same instants, window after window; nothing
//! while paused or muted.

use std::time::Duration;

use tokio::time::Instant;

use super::tests_support::{plan_of, planned};
use super::*;
use crate::catalog::DoseKind;
use crate::plan::PlannedExercise;
use crate::profile::Pacing;

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// Voice on, paced, as the app runs a session.
fn spoken() -> Settings {
    Settings {
        voice: true,
        pace: Pace {
            pacing: Pacing::Paced,
            metronome: false,
        },
        get_ready: GET_READY,
        first_get_ready: FIRST_GET_READY,
        ..Settings::default()
    }
}

/// A paced held-rep set and a timed hold after it: ticks, tempo, halfway,
/// phase changes and phrases.
fn plan() -> Plan {
    plan_of(vec![
        PlannedExercise {
            reps: 3,
            hold_s: 6,
            cue: "Heels down".into(),
            ..planned("bridge", DoseKind::RepsWithHold)
        },
        PlannedExercise {
            hold_s: 25,
            cue: "Long spine".into(),
            ..planned("plank", DoseKind::Hold)
        },
    ])
}

fn is_sound(e: &Effect) -> bool {
    matches!(e, Effect::Sound(_) | Effect::Say { .. })
}

/// Runs the session as the event loop does, no key but `Enter` for the
/// quick check between exercises, recording each sound with the instant it
/// was emitted (a phrase at its own deadline).
async fn heard(session: &mut Session, until: Instant) -> Vec<(Instant, Effect)> {
    let mut out = Vec::new();
    while session.ending().is_none() && Instant::now() < until {
        let Some(wake) = session.next_wake(Instant::now()) else {
            // A prompt waits for its key.
            let now = Instant::now();
            for e in session.key(Key::Enter, now) {
                if is_sound(&e) {
                    out.push((now, e));
                }
            }
            continue;
        };
        tokio::time::sleep_until(wake.min(until)).await;
        let now = Instant::now();
        for e in session.tick(now) {
            match e {
                Effect::Say { due, .. } => out.push((due, e)),
                Effect::Sound(_) => out.push((now, e)),
                _ => {}
            }
        }
    }
    out
}

#[tokio::test(start_paused = true)]
async fn what_is_foretold_is_what_sounds_at_the_same_instants() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(), spoken(), t0);
    // The paced set up to its last rep: no prompt in the way.
    let until = t0 + s(10 + 3 * 6 + 2 * 3 - 1);
    let foretold = session.sounds_ahead(t0, until);
    let sounded = heard(&mut session, until).await;
    assert!(
        sounded.len() > 12,
        "ticks, tempo and phrases sounded: {sounded:?}"
    );
    assert!(
        sounded.iter().any(|(_, e)| matches!(e, Effect::Say { .. })),
        "{sounded:?}"
    );
    assert_eq!(foretold, sounded);
}

#[tokio::test(start_paused = true)]
async fn windows_one_after_another_foretell_each_sound_once() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(), spoken(), t0);
    let until = t0 + s(10 + 3 * 6 + 2 * 3 - 1);
    // As the event loop asks: at each wake, for the next 1.5 s after what it
    // already placed.
    let mut placed_until = t0;
    let mut foretold = Vec::new();
    let mut sounded = Vec::new();
    while Instant::now() < until {
        let now = Instant::now();
        let horizon = (now + Duration::from_millis(1500)).min(until);
        foretold.extend(session.sounds_ahead(placed_until, horizon));
        placed_until = placed_until.max(horizon);
        let Some(wake) = session.next_wake(now) else {
            break;
        };
        tokio::time::sleep_until(wake.min(until)).await;
        let now = Instant::now();
        for e in session.tick(now) {
            match e {
                Effect::Say { due, .. } => sounded.push((due, e)),
                Effect::Sound(_) => sounded.push((now, e)),
                _ => {}
            }
        }
    }
    assert!(!sounded.is_empty());
    assert_eq!(foretold, sounded);
}

#[tokio::test(start_paused = true)]
async fn nothing_is_foretold_while_paused_or_muted() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(), spoken(), t0);
    let far = t0 + s(60);
    assert!(!session.sounds_ahead(t0, far).is_empty());

    let _ = session.key(Key::Char('p'), t0 + s(2));
    assert_eq!(session.sounds_ahead(t0, far), Vec::new(), "paused");
    let _ = session.key(Key::Char('p'), t0 + s(3));
    assert!(!session.sounds_ahead(t0 + s(3), far).is_empty(), "resumed");

    let _ = session.key(Key::Char('m'), t0 + s(4));
    assert_eq!(session.sounds_ahead(t0 + s(4), far), Vec::new(), "muted");
}

#[tokio::test(start_paused = true)]
async fn a_pause_moves_what_comes_so_foretold_sounds_must_be_withdrawn_on_a_key() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(), spoken(), t0);
    let before = session.sounds_ahead(t0, t0 + s(30));
    let _ = session.key(Key::Char('p'), t0 + s(2));
    let _ = session.key(Key::Char('p'), t0 + s(7));
    let after = session.sounds_ahead(t0 + s(7), t0 + s(35));
    // What was due after the pause comes 5 s later: anything placed ahead
    // before the pause would sound early.
    let next_before = before.iter().find(|(t, _)| *t > t0 + s(2)).cloned();
    let next_after = after.first().cloned();
    assert!(next_before.is_some(), "{before:?}");
    assert_eq!(next_after, next_before.map(|(t, e)| (t + s(5), e)));
}
