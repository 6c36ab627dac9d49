//! Paced sets on tokio's paused clock: held repetitions that run themselves
//! (get ready, hold, relax, next), `Space` to end a hold early or start the
//! next rep at once, `p`, `b`; the metronome for plain reps; the get-ready
//! lengths a profile chooses.

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

fn settings(pacing: Pacing) -> Settings {
    Settings {
        pace: Pace {
            pacing,
            metronome: false,
        },
        first_get_ready: FIRST_GET_READY,
        started_wall: jiff::Timestamp::from_second(1_790_000_000).expect("a valid time"),
        ..Settings::default()
    }
}

fn bridge(reps: u32, hold: u32) -> PlannedExercise {
    PlannedExercise {
        reps,
        hold_s: hold,
        ..planned("bridge", DoseKind::RepsWithHold)
    }
}

/// Runs the session on the paused clock as the event loop does, pressing
/// `keys` at their offsets from `t0`, until it ends or `until`; returns every effect.
async fn run(
    session: &mut Session,
    t0: Instant,
    until: Duration,
    keys: &[(Duration, Key)],
) -> Vec<Effect> {
    let mut fx = Vec::new();
    let mut keys = keys.iter().copied().peekable();
    while session.ending().is_none() && Instant::now() - t0 < until {
        let key_at = keys.peek().map(|(t, _)| t0 + *t);
        let next = match (session.next_wake(Instant::now()), key_at) {
            (Some(w), Some(k)) => w.min(k),
            (Some(w), None) => w,
            (None, Some(k)) => k,
            (None, None) => break,
        };
        tokio::time::sleep_until(next.min(t0 + until)).await;
        let now = Instant::now();
        fx.extend(session.tick(now));
        while keys.peek().is_some_and(|(t, _)| t0 + *t <= now) {
            if let Some((_, key)) = keys.next() {
                fx.extend(session.key(key, now));
            }
        }
    }
    fx
}

fn records(fx: &[Effect]) -> Vec<ExerciseRecord> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::ExerciseDone { record, .. } => Some(record.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn a_paced_bridge_of_eight_twelve_second_holds_runs_to_the_end_with_no_key() {
    let t0 = Instant::now();
    let (mut paced, _) = Session::new(plan_of(vec![bridge(8, 12)]), settings(Pacing::Paced), t0);
    assert!(matches!(
        paced.view(t0).readout,
        Readout::GetReady { remaining_s: 10 }
    ));
    let fx = run(&mut paced, t0, s(600), &[]).await;
    assert_eq!(paced.ending(), Some(&Ending::Completed));
    // 10 s to get down, 8 holds of 12 s, 7 pauses of 3 s between them.
    assert_eq!(Instant::now() - t0, s(10 + 8 * 12 + 7 * 3));
    let paced_records = records(&fx);
    assert_eq!(paced_records.len(), 1);
    let r = &paced_records[0];
    assert_eq!((r.sets_done, r.completed), (1, true));
    assert_eq!(
        (r.reps_done.clone(), r.hold_s_done.clone()),
        (vec![8], vec![96])
    );

    // The same set by hand, Space pressed when each paced hold began: the same record.
    let t1 = Instant::now();
    let (mut manual, _) = Session::new(plan_of(vec![bridge(8, 12)]), settings(Pacing::Manual), t1);
    assert!(matches!(
        manual.view(t1).readout,
        Readout::RepReady { done: 0, target: 8 }
    ));
    let keys: Vec<(Duration, Key)> = (0..8).map(|k| (s(10 + 15 * k), Key::Space)).collect();
    let fx = run(&mut manual, t1, s(600), &keys).await;
    assert_eq!(manual.ending(), Some(&Ending::Completed));
    assert_eq!(records(&fx), paced_records);
}

#[tokio::test(start_paused = true)]
async fn space_during_a_paced_hold_ends_that_rep_early() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of(vec![bridge(3, 12)]), settings(Pacing::Paced), t0);
    let fx = run(&mut session, t0, s(15), &[(s(15), Key::Space)]).await;
    assert!(fx.contains(&Effect::Sound(Cue::HoldEnd)), "{fx:?}");
    // Rep 1 is done with its 5 s; the next starts after the pause.
    assert_eq!(
        session.view(t0 + s(15)).readout,
        Readout::RepRelax {
            done: 1,
            target: 3,
            remaining_s: 3,
            total_s: 3
        }
    );
    let fx = run(&mut session, t0, s(600), &[]).await;
    // 15 + 3 relax + 12 + 3 + 12: the other two reps held in full.
    assert_eq!(Instant::now() - t0, s(45));
    let r = &records(&fx)[0];
    assert_eq!(
        (r.reps_done.clone(), r.hold_s_done.clone()),
        (vec![3], vec![29])
    );
    // A rep cut short leaves the set short of its target: partly done.
    assert!(!r.completed);
}

#[tokio::test(start_paused = true)]
async fn space_while_relaxing_starts_the_next_rep_at_once() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of(vec![bridge(2, 5)]), settings(Pacing::Paced), t0);
    // Hold 1 from 10 to 15, relax until 18: Space at 16 starts rep 2 then.
    run(&mut session, t0, s(16), &[(s(16), Key::Space)]).await;
    assert_eq!(
        session.view(t0 + s(16)).readout,
        Readout::RepHold {
            rep: 2,
            target: 2,
            remaining_s: 5,
            total_s: 5
        }
    );
    run(&mut session, t0, s(600), &[]).await;
    assert_eq!(Instant::now() - t0, s(21));
}

#[tokio::test(start_paused = true)]
async fn a_pause_holds_a_paced_set_still() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of(vec![bridge(2, 5)]), settings(Pacing::Paced), t0);
    // Paused during the relax after rep 1 (15–18 s) for 20 s.
    let keys = [(s(16), Key::Char('p')), (s(36), Key::Char('p'))];
    run(&mut session, t0, s(37), &keys).await;
    assert_eq!(
        session.view(t0 + s(37)).readout,
        Readout::RepRelax {
            done: 1,
            target: 2,
            remaining_s: 1,
            total_s: 3
        }
    );
    run(&mut session, t0, s(600), &[]).await;
    // 10 + 5 + 3 + 5 = 23 s without the pause.
    assert_eq!(Instant::now() - t0, s(23 + 20));
}

#[tokio::test(start_paused = true)]
async fn b_during_a_paced_hold_relaxes_then_holds_that_rep_again() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of(vec![bridge(2, 5)]), settings(Pacing::Paced), t0);
    run(&mut session, t0, s(12), &[(s(12), Key::Char('b'))]).await;
    assert_eq!(
        session.view(t0 + s(12)).readout,
        Readout::RepRelax {
            done: 0,
            target: 2,
            remaining_s: 3,
            total_s: 3
        }
    );
    let fx = run(&mut session, t0, s(600), &[]).await;
    // Rep 1 again from 15 to 20, relax, rep 2 from 23 to 28.
    assert_eq!(Instant::now() - t0, s(28));
    let r = &records(&fx)[0];
    assert_eq!((r.reps_done.clone(), r.completed), (vec![2], true));
}

#[tokio::test(start_paused = true)]
async fn manual_held_reps_still_wait_for_space() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of(vec![bridge(2, 5)]), settings(Pacing::Manual), t0);
    run(&mut session, t0, s(60), &[(s(1), Key::Space)]).await;
    // Rep 1 held, then it waits: no timer runs.
    assert_eq!(
        session.view(Instant::now()).readout,
        Readout::RepReady { done: 1, target: 2 }
    );
    assert_eq!(session.next_deadline(), None);
}

#[tokio::test(start_paused = true)]
async fn the_get_ready_is_the_profiles_and_the_first_exercise_gets_at_least_ten_seconds() {
    let hold = |id: &str| PlannedExercise {
        hold_s: 5,
        ..planned(id, DoseKind::Hold)
    };
    for (get_ready, first, second) in [(3, 10, 3), (5, 10, 5), (10, 10, 10)] {
        let t0 = Instant::now();
        let settings = Settings {
            get_ready: s(get_ready),
            ..settings(Pacing::Paced)
        };
        let (mut session, _) = Session::new(plan_of(vec![hold("a"), hold("b")]), settings, t0);
        assert_eq!(
            session.view(t0).readout,
            Readout::GetReady { remaining_s: first },
            "{get_ready} s"
        );
        // The first hold, then the quick check answered at once.
        run(&mut session, t0, s(first + 5), &[]).await;
        let now = Instant::now();
        session.key(Key::Enter, now);
        assert_eq!(
            session.view(now).readout,
            Readout::GetReady {
                remaining_s: second
            },
            "{get_ready} s"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn the_metronome_counts_plain_reps_with_no_key_and_space_counts_one_at_once() {
    let t0 = Instant::now();
    let squats = PlannedExercise {
        reps: 3,
        ..planned("squat", DoseKind::Reps)
    };
    let settings = Settings {
        pace: Pace {
            pacing: Pacing::Manual,
            metronome: true,
        },
        ..settings(Pacing::Manual)
    };
    let (mut session, _) = Session::new(plan_of(vec![squats]), settings, t0);
    assert!(matches!(
        session.view(t0).readout,
        Readout::GetReady { remaining_s: 10 }
    ));
    // The beat counts at 14 s; Space counts the second at 15; the third comes a beat later.
    run(&mut session, t0, s(15), &[(s(15), Key::Space)]).await;
    assert_eq!(
        session.view(t0 + s(15)).readout,
        Readout::Beat { done: 2, target: 3 }
    );
    let fx = run(&mut session, t0, s(600), &[]).await;
    assert_eq!(Instant::now() - t0, s(19));
    let r = &records(&fx)[0];
    assert_eq!((r.reps_done.clone(), r.completed), (vec![3], true));
}

#[tokio::test(start_paused = true)]
async fn time_left_of_a_paced_set_counts_its_holds_and_pauses() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of(vec![bridge(8, 12)]), settings(Pacing::Paced), t0);
    // In the pause after rep 3 (at 10 + 3 × 15 − 3 = 52 s): 3 s, then five
    // reps at 12 + 3 s each (the estimate counts a pause after the last too).
    run(&mut session, t0, s(53), &[]).await;
    let view = session.view(t0 + s(53));
    assert!(
        matches!(view.readout, Readout::RepRelax { done: 3, .. }),
        "{:?}",
        view.readout
    );
    assert_eq!(view.left, s(2 + 5 * 15));
}

#[tokio::test(start_paused = true)]
async fn each_paced_rep_flashes_its_start_and_end_so_a_muted_session_still_alerts() {
    let t0 = Instant::now();
    let settings = Settings {
        muted: true,
        ..settings(Pacing::Paced)
    };
    let (mut session, _) = Session::new(plan_of(vec![bridge(3, 5)]), settings, t0);
    let fx = run(&mut session, t0, s(600), &[]).await;
    let banners: Vec<Banner> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Flash(b) => Some(*b),
            _ => None,
        })
        .collect();
    assert_eq!(
        banners,
        vec![
            Banner::Go,
            Banner::HoldEnd,
            Banner::Go,
            Banner::HoldEnd,
            Banner::Go,
            Banner::SetDone,
            Banner::Done
        ]
    );
    assert!(!fx.iter().any(|e| matches!(e, Effect::Sound(_))));
}
