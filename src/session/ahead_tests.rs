//! `sounds_ahead` on tokio's paused clock: what it foretells is exactly what
//! the session then emits, at the same instants, window after window; nothing
//! while paused or muted.

use std::time::Duration;

use tokio::time::Instant;

use super::ahead::{Ahead, PLACE_LAST};
use super::tests_support::{plan_of, planned, spoken};
use super::*;
use crate::catalog::DoseKind;
use crate::plan::PlannedExercise;

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
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

/// What the audio side hears when the event loop drives `session` with an
/// [`Ahead`] as `SessionRun` does, pressing `keys` at their offsets from
/// `t0`: each sound with its instant, whether it went ahead (and how far
/// ahead), against every sound the session emitted.
struct Heard {
    /// (instant, sound, handed over this long before it).
    heard: Vec<(Instant, Effect, Duration)>,
    emitted: Vec<(Instant, Effect)>,
}

async fn drive(
    session: &mut Session,
    t0: Instant,
    until: Instant,
    keys: &[(Duration, Key)],
) -> Heard {
    let mut ahead = Ahead::new(t0);
    // Handed over ahead and not withdrawn: (instant, sound, when handed over).
    let mut pending: Vec<(Instant, Effect, Instant)> = Vec::new();
    let mut heard = Vec::new();
    let mut emitted = Vec::new();
    let mut keys = keys.iter().copied().peekable();
    let take = |fx: Vec<Effect>,
                now: Instant,
                ahead: &mut Ahead,
                heard: &mut Vec<_>,
                emitted: &mut Vec<_>| {
        for e in fx {
            let at = match e {
                Effect::Say { due, .. } => due,
                Effect::Sound(_) => now,
                _ => continue,
            };
            emitted.push((at, e.clone()));
            if !ahead.was_placed(&e, now) {
                heard.push((at, e, Duration::ZERO));
            }
        }
    };
    for (at, e) in ahead.more(session, t0) {
        pending.push((at, e, t0));
    }
    while Instant::now() < until && session.ending().is_none() {
        let key_at = keys.peek().map(|(t, _)| t0 + *t);
        let Some(wake) = [
            session.next_wake(Instant::now()),
            ahead.wake(session),
            key_at,
        ]
        .into_iter()
        .flatten()
        .min() else {
            break;
        };
        tokio::time::sleep_until(wake.min(until)).await;
        let now = Instant::now();
        take(session.tick(now), now, &mut ahead, &mut heard, &mut emitted);
        while keys.peek().is_some_and(|(t, _)| t0 + *t <= now) {
            let Some((_, key)) = keys.next() else { break };
            if ahead.withdraw(now) {
                // The audio side drops what has not started.
                pending.retain(|(at, _, _)| *at <= now);
            }
            take(
                session.key(key, now),
                now,
                &mut ahead,
                &mut heard,
                &mut emitted,
            );
        }
        for (at, e) in ahead.more(session, now) {
            pending.push((at, e, now));
        }
    }
    let now = Instant::now();
    for (at, e, handed) in pending {
        if at <= now {
            heard.push((at, e, at - handed));
        }
    }
    heard.sort_by_key(|(t, _, _)| *t);
    emitted.sort_by_key(|(t, _)| *t);
    Heard { heard, emitted }
}

fn sounds(heard: &Heard) -> Vec<(Instant, Effect)> {
    heard
        .heard
        .iter()
        .map(|(t, e, _)| (*t, e.clone()))
        .collect()
}

#[tokio::test(start_paused = true)]
async fn with_no_key_every_sound_goes_ahead_once_far_enough_to_be_placed() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(), spoken(), t0);
    let until = t0 + s(10 + 3 * 6 + 2 * 3 - 1);
    let run = drive(&mut session, t0, until, &[]).await;
    assert!(run.emitted.len() > 12, "{:?}", run.emitted);
    // Heard once each, at the instant the session emitted it.
    assert_eq!(sounds(&run), run.emitted);
    // All of them handed over ahead, by more than the output needs (two
    // periods of 8192 frames at 22 050 Hz: 0.74 s).
    let least = run.heard.iter().map(|(_, _, lead)| *lead).min();
    assert!(least >= Some(PLACE_LAST), "{least:?}");
}

#[tokio::test(start_paused = true)]
async fn a_key_withdraws_what_went_ahead_and_each_sound_is_still_heard_once() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(), spoken(), t0);
    let until = t0 + s(40);
    // A pause in the get-ready, another in the first held rep; `n` skips on.
    let keys = [
        (Duration::from_millis(4500), Key::Char('p')),
        (s(7), Key::Char('p')),
        (Duration::from_millis(17_300), Key::Char('p')),
        (s(19), Key::Char('p')),
        (Duration::from_millis(24_700), Key::Char('n')),
    ];
    let run = drive(&mut session, t0, until, &keys).await;
    assert!(run.emitted.len() > 12, "{:?}", run.emitted);
    assert_eq!(sounds(&run), run.emitted);
}
