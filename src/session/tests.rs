//! Engine tests: time is fed in explicitly, or runs on tokio's paused clock.

use std::time::Duration;

use tokio::time::Instant;

use super::tests_support::planned as ex;
use super::*;
use crate::catalog::DoseKind;
use crate::domain::{RatingDecision, SessionStatus};
use crate::plan::{Plan, PlannedExercise};

fn hold(id: &str, secs: u32) -> PlannedExercise {
    PlannedExercise {
        hold_s: secs,
        ..ex(id, DoseKind::Hold)
    }
}

fn reps(id: &str, sets: u32, n: u32, rest: u32) -> PlannedExercise {
    PlannedExercise {
        sets,
        reps: n,
        rest_s: rest,
        ..ex(id, DoseKind::Reps)
    }
}

fn plan(exercises: Vec<PlannedExercise>) -> Plan {
    Plan {
        routine_id: "test".into(),
        routine_name: "Test routine".into(),
        intense: false,
        exercises,
        notes: vec![],
    }
}

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn sounds(fx: &[Effect]) -> Vec<Cue> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Sound(c) => Some(*c),
            _ => None,
        })
        .collect()
}

/// Runs time forward second by millisecond-exact steps, collecting (offset, cue).
fn cue_times(session: &mut Session, t0: Instant, until: Duration) -> Vec<(Duration, Cue)> {
    let mut out = Vec::new();
    while let Some(next) = session.next_deadline() {
        if next > t0 + until {
            break;
        }
        for cue in sounds(&session.tick(next)) {
            out.push((next - t0, cue));
        }
    }
    out
}

#[test]
fn a_hold_ends_exactly_at_its_deadline_with_ticks_before_it() {
    let t0 = Instant::now();
    let (mut session, fx) = Session::new(plan(vec![hold("plank", 10)]), Settings::default(), t0);
    assert_eq!(sounds(&fx), vec![Cue::GetReady]);
    assert!(matches!(
        session.view(t0).readout,
        Readout::GetReady { remaining_s: 5 }
    ));
    let cues = cue_times(&mut session, t0, s(60));
    // Get ready 5 s (ticks at 2, 3, 4), then the 10 s hold: ticks at 7, 8, 9 s into it.
    assert_eq!(
        cues,
        vec![
            (s(2), Cue::Tick),
            (s(3), Cue::Tick),
            (s(4), Cue::Tick),
            (s(5), Cue::Go),
            (s(12), Cue::Tick),
            (s(13), Cue::Tick),
            (s(14), Cue::Tick),
            (s(15), Cue::HoldEnd),
            (s(15), Cue::SessionDone),
        ]
    );
    assert_eq!(session.ending(), Some(&Ending::Completed));
    assert_eq!(session.next_deadline(), None);
}

#[test]
fn a_hold_shows_its_remaining_whole_seconds() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![hold("plank", 10)]), Settings::default(), t0);
    session.tick(t0 + s(5));
    assert_eq!(
        session.view(t0 + s(5)).readout,
        Readout::Hold {
            remaining_s: 10,
            total_s: 10
        }
    );
    let v = session.view(t0 + Duration::from_millis(5_001));
    assert_eq!(
        v.readout,
        Readout::Hold {
            remaining_s: 10,
            total_s: 10
        }
    );
    session.tick(t0 + Duration::from_millis(6_000));
    let v = session.view(t0 + Duration::from_millis(6_000));
    assert_eq!(
        v.readout,
        Readout::Hold {
            remaining_s: 9,
            total_s: 10
        }
    );
    assert!((v.gauge - 0.1).abs() < 1e-9);
    // The next visible change is exactly one second on.
    assert_eq!(
        session.next_wake(t0 + Duration::from_millis(6_000)),
        Some(t0 + s(7))
    );
    assert_eq!(
        session.next_wake(t0 + Duration::from_millis(6_400)),
        Some(t0 + s(7))
    );
}

#[test]
fn a_halfway_chime_only_on_holds_of_twenty_seconds_or_more() {
    let t0 = Instant::now();
    let (mut long, _) = Session::new(plan(vec![hold("a", 20)]), Settings::default(), t0);
    assert!(cue_times(&mut long, t0, s(60)).contains(&(s(15), Cue::Halfway)));
    let (mut short, _) = Session::new(plan(vec![hold("a", 19)]), Settings::default(), t0);
    assert!(
        !cue_times(&mut short, t0, s(60))
            .iter()
            .any(|(_, c)| *c == Cue::Halfway)
    );
}

#[test]
fn pausing_for_seven_seconds_shifts_every_later_deadline_by_seven() {
    let t0 = Instant::now();
    let p = plan(vec![hold("a", 10), hold("b", 10)]);
    let (mut plain, _) = Session::new(p.clone(), Settings::default(), t0);
    let expected: Vec<_> = cue_times(&mut plain, t0, s(600));

    let (mut paused, _) = Session::new(p, Settings::default(), t0);
    let mut got = Vec::new();
    // Run to 8 s (3 s into the first hold), pause 7 s, resume.
    for (t, cue) in cue_times(&mut paused, t0, s(8)) {
        got.push((t, cue));
    }
    paused.key(Key::Char('p'), t0 + s(8));
    assert_eq!(
        paused.next_deadline(),
        None,
        "nothing to wake for while paused"
    );
    assert!(paused.view(t0 + s(12)).paused);
    // The display is frozen while paused.
    assert_eq!(
        paused.view(t0 + s(12)).readout,
        Readout::Hold {
            remaining_s: 7,
            total_s: 10
        }
    );
    paused.key(Key::Char('p'), t0 + s(15));
    // The first exercise ends with the quick rating; answer it at once each time.
    loop {
        let Some(next) = paused.next_deadline() else {
            if paused.ending().is_some() {
                break;
            }
            // Waiting for the quick rating: answer at the moment the hold ended.
            let at = paused.last_now;
            paused.key(Key::Enter, at);
            continue;
        };
        for cue in sounds(&paused.tick(next)) {
            got.push((next - t0, cue));
        }
    }
    let shifted: Vec<_> = expected
        .iter()
        .map(|&(t, c)| if t > s(8) { (t + s(7), c) } else { (t, c) })
        .collect();
    // `plain` never answered its quick rating; compare the first exercise, then the shape.
    let first_len = shifted
        .iter()
        .position(|(_, c)| *c == Cue::HoldEnd)
        .map(|i| i + 1)
        .unwrap_or(0);
    assert_eq!(&got[..first_len], &shifted[..first_len]);
    assert_eq!(got[first_len - 1], (s(22), Cue::HoldEnd));
    // Active time leaves the pause out: 5 + 10 + 5 + 10 s of exercise.
    assert_eq!(paused.active(t0 + s(1000)), s(30));
}

#[test]
fn per_side_holds_do_left_then_right_with_a_switch_cue() {
    let t0 = Instant::now();
    let side_plank = PlannedExercise {
        per_side: true,
        ..hold("side-plank", 10)
    };
    let (mut session, _) = Session::new(plan(vec![side_plank]), Settings::default(), t0);
    assert_eq!(session.view(t0).side, Some(Side::Left));
    let cues = cue_times(&mut session, t0, s(15));
    assert_eq!(cues.last(), Some(&(s(15), Cue::SwitchSides)));
    let v = session.view(t0 + s(15));
    assert_eq!(v.side, Some(Side::Right));
    assert_eq!(v.flash, Some(Banner::SwitchSides(Side::Right)));
    assert!(matches!(v.readout, Readout::GetReady { remaining_s: 5 }));
    let rest = cue_times(&mut session, t0, s(60));
    assert_eq!(rest.last(), Some(&(s(30), Cue::SessionDone)));
}

#[test]
fn reps_are_counted_with_space_and_the_set_ends_at_the_target() {
    let t0 = Instant::now();
    let (mut session, _) =
        Session::new(plan(vec![reps("squat", 2, 3, 45)]), Settings::default(), t0);
    assert_eq!(
        session.view(t0).readout,
        Readout::Reps { done: 0, target: 3 }
    );
    assert_eq!(
        session.next_deadline(),
        None,
        "no wake-ups while waiting for a key"
    );
    session.key(Key::Space, t0 + s(2));
    let fx = session.key(Key::Space, t0 + s(4));
    assert_eq!(sounds(&fx), vec![Cue::LastRep]);
    assert_eq!(
        session.view(t0 + s(4)).readout,
        Readout::Reps { done: 2, target: 3 }
    );
    session.key(Key::Space, t0 + s(6));
    // Set 1 done: the rest starts, 45 s, with 3-2-1 ticks and a rest-over cue.
    let v = session.view(t0 + s(6));
    assert_eq!(
        v.readout,
        Readout::Rest {
            remaining_s: 45,
            total_s: 45
        }
    );
    assert_eq!(v.set, 1);
    let cues = cue_times(&mut session, t0, s(51));
    assert_eq!(
        cues,
        vec![
            (s(48), Cue::Tick),
            (s(49), Cue::Tick),
            (s(50), Cue::Tick),
            (s(51), Cue::RestOver)
        ]
    );
    let v = session.view(t0 + s(51));
    assert_eq!((v.set, v.sets), (2, 2));
    assert_eq!(v.readout, Readout::Reps { done: 0, target: 3 });
}

#[test]
fn a_rest_can_be_lengthened_and_skipped() {
    let t0 = Instant::now();
    let (mut session, _) =
        Session::new(plan(vec![reps("squat", 3, 1, 45)]), Settings::default(), t0);
    session.key(Key::Space, t0);
    session.key(Key::Char('+'), t0 + s(10));
    assert_eq!(
        session.view(t0 + s(10)).readout,
        Readout::Rest {
            remaining_s: 50,
            total_s: 60
        }
    );
    let cues = cue_times(&mut session, t0, s(60));
    assert_eq!(cues.first(), Some(&(s(57), Cue::Tick)));
    // A one-rep set announces its only rep as the last one.
    assert_eq!(
        &cues[cues.len() - 2..],
        &[(s(60), Cue::RestOver), (s(60), Cue::LastRep)]
    );
    // Second rest: skip it with n.
    session.key(Key::Space, t0 + s(61));
    assert!(matches!(
        session.view(t0 + s(61)).readout,
        Readout::Rest { .. }
    ));
    session.key(Key::Char('n'), t0 + s(62));
    assert_eq!(session.view(t0 + s(62)).set, 3);
    assert_eq!(
        session.view(t0 + s(62)).readout,
        Readout::Reps { done: 0, target: 1 }
    );
}

#[test]
fn reps_with_hold_time_each_rep_and_count_it_when_the_hold_ends() {
    let t0 = Instant::now();
    let bird_dog = PlannedExercise {
        per_side: true,
        reps: 2,
        hold_s: 3,
        ..ex("bird-dog", DoseKind::RepsWithHold)
    };
    let (mut session, _) = Session::new(plan(vec![bird_dog]), Settings::default(), t0);
    assert_eq!(
        session.view(t0).readout,
        Readout::RepReady { done: 0, target: 2 }
    );
    assert_eq!(session.next_deadline(), None);
    let fx = session.key(Key::Space, t0 + s(1));
    assert_eq!(sounds(&fx), vec![Cue::Go]);
    assert_eq!(
        session.view(t0 + s(1)).readout,
        Readout::RepHold {
            rep: 1,
            target: 2,
            remaining_s: 3,
            total_s: 3
        }
    );
    let cues = cue_times(&mut session, t0, s(10));
    assert_eq!(
        cues,
        vec![(s(2), Cue::Tempo), (s(3), Cue::Tempo), (s(4), Cue::HoldEnd)]
    );
    assert_eq!(
        session.view(t0 + s(4)).readout,
        Readout::RepReady { done: 1, target: 2 }
    );
    let fx = session.key(Key::Space, t0 + s(5));
    assert_eq!(sounds(&fx), vec![Cue::LastRep]);
    let cues = cue_times(&mut session, t0, s(8));
    assert_eq!(cues.last(), Some(&(s(8), Cue::SwitchSides)));
    let v = session.view(t0 + s(8));
    assert_eq!(v.side, Some(Side::Right));
    assert_eq!(v.readout, Readout::RepReady { done: 0, target: 2 });
}

#[test]
fn cycles_are_paced_by_breath_and_counted() {
    let t0 = Instant::now();
    let cat_cow = PlannedExercise {
        reps: 3,
        pace_s: 8,
        ..ex("cat-cow", DoseKind::Cycles)
    };
    let (mut session, _) = Session::new(plan(vec![cat_cow]), Settings::default(), t0);
    session.tick(t0 + s(5));
    let v = session.view(t0 + s(5));
    assert!(matches!(
        v.readout,
        Readout::Cycles {
            rep: 1,
            target: 3,
            breath_in: true,
            ..
        }
    ));
    let v = session.view(t0 + s(9));
    assert!(matches!(
        v.readout,
        Readout::Cycles {
            rep: 1,
            breath_in: false,
            ..
        }
    ));
    let v = session.view(t0 + s(13));
    assert!(matches!(
        v.readout,
        Readout::Cycles {
            rep: 2,
            breath_in: true,
            ..
        }
    ));
    let cues = cue_times(&mut session, t0, s(60));
    let tempos: Vec<_> = cues
        .iter()
        .filter(|(_, c)| *c == Cue::Tempo)
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(tempos, vec![s(9), s(13), s(17), s(21), s(25)]);
    assert_eq!(cues.last(), Some(&(s(29), Cue::SessionDone)));
}

#[test]
fn a_timed_duration_counts_down_minutes() {
    let t0 = Instant::now();
    let walk = PlannedExercise {
        duration_s: 300,
        ..ex("walk", DoseKind::Duration)
    };
    let (mut session, _) = Session::new(plan(vec![walk]), Settings::default(), t0);
    session.tick(t0 + s(5));
    assert_eq!(
        session.view(t0 + s(65)).readout,
        Readout::Move {
            remaining_s: 240,
            total_s: 300
        }
    );
    let cues = cue_times(&mut session, t0, s(400));
    assert!(cues.contains(&(s(155), Cue::Halfway)));
    assert_eq!(cues.last(), Some(&(s(305), Cue::SessionDone)));
}

#[test]
fn skipping_a_step_cancels_its_pending_cues() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(
        plan(vec![hold("a", 10), hold("b", 10)]),
        Settings::default(),
        t0,
    );
    session.tick(t0 + s(5));
    session.key(Key::Char('n'), t0 + s(8));
    // Three seconds held: the quick rating is up; no ticks of the hold cut
    // short may play.
    assert_eq!(session.next_deadline(), None);
    let fx = session.key(Key::Enter, t0 + s(20));
    assert_eq!(sounds(&fx), vec![Cue::GetReady]);
    let cues = cue_times(&mut session, t0, s(100));
    assert!(cues.iter().all(|(t, _)| *t >= s(20)), "{cues:?}");
    assert_eq!(cues.last(), Some(&(s(35), Cue::SessionDone)));
}

#[test]
fn mute_suppresses_sounds_but_not_banners() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![hold("a", 10)]), Settings::default(), t0);
    session.key(Key::Char('m'), t0);
    assert!(session.muted());
    assert!(cue_times(&mut session, t0, s(100)).is_empty());
    assert_eq!(session.ending(), Some(&Ending::Completed));
    // Banners still flash.
    let (mut again, fx) = Session::new(
        plan(vec![hold("a", 10)]),
        Settings {
            muted: true,
            ..Settings::default()
        },
        t0,
    );
    assert!(sounds(&fx).is_empty());
    assert!(fx.contains(&Effect::Flash(Banner::GetReady)));
    let fx = again.tick(t0 + s(5));
    assert!(fx.contains(&Effect::Flash(Banner::Go)));
}

#[test]
fn back_returns_to_the_previous_step() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![reps("a", 2, 2, 30)]), Settings::default(), t0);
    session.key(Key::Space, t0);
    session.key(Key::Space, t0);
    assert!(matches!(session.view(t0).readout, Readout::Rest { .. }));
    session.key(Key::Char('b'), t0 + s(1));
    let v = session.view(t0 + s(1));
    assert_eq!(
        (v.set, v.readout),
        (1, Readout::Reps { done: 0, target: 2 })
    );
    session.key(Key::Left, t0 + s(2));
    assert_eq!(
        session.view(t0 + s(2)).set,
        1,
        "back at the first step stays there"
    );
}

#[test]
fn quit_asks_first_and_saves_what_was_done_as_partial() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![reps("a", 2, 3, 30)]), Settings::default(), t0);
    session.key(Key::Space, t0);
    session.key(Key::Char('q'), t0 + s(1));
    assert_eq!(
        session.view(t0 + s(1)).modal,
        Some(ModalView::ConfirmQuit {
            counts: Counts {
                done: 0,
                partly: 1,
                skipped: 0
            },
            in_progress: Some("A: 1 set · 1 rep".into()),
        })
    );
    session.key(Key::Char('n'), t0 + s(2));
    assert_eq!(session.view(t0 + s(2)).modal, None);
    assert_eq!(session.ending(), None);
    session.key(Key::Space, t0 + s(3));
    session.key(Key::Space, t0 + s(3));
    session.key(Key::Esc, t0 + s(4));
    let fx = session.key(Key::Char('y'), t0 + s(5));
    assert_eq!(session.ending(), Some(&Ending::Quit));
    let record = fx.iter().find_map(|e| match e {
        Effect::ExerciseDone { record, .. } => Some(record.clone()),
        _ => None,
    });
    let record = record.expect("the exercise in progress is saved");
    assert_eq!(
        (record.sets_done, record.reps_done.clone(), record.completed),
        (1, vec![3], false)
    );
    assert!(fx.contains(&Effect::Ended(Ending::Quit)));
}

#[test]
fn an_exercise_is_saved_before_the_next_begins() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(
        plan(vec![reps("a", 1, 2, 0), hold("b", 5)]),
        Settings::default(),
        t0,
    );
    session.key(Key::Space, t0 + s(1));
    let fx = session.key(Key::Space, t0 + s(2));
    let saved = fx
        .iter()
        .position(|e| matches!(e, Effect::ExerciseDone { index: 0, .. }));
    assert!(saved.is_some(), "{fx:?}");
    assert!(matches!(
        session.view(t0 + s(2)).modal,
        Some(ModalView::AfterExercise { .. })
    ));
    // The next exercise only starts after the quick rating.
    assert_eq!(session.next_deadline(), None);
    session.key(Key::Char('2'), t0 + s(3));
    let fx = session.key(Key::Enter, t0 + s(3));
    assert!(fx.iter().any(|e| matches!(e, Effect::Rated(r) if r.value == 2 && r.moment == RatingMoment::AfterExercise && r.exercise_id.as_deref() == Some("a"))));
    assert!(matches!(
        session.view(t0 + s(3)).readout,
        Readout::GetReady { .. }
    ));
}

// ---- ratings and the safety stop -------------------------------------------

fn stopped(session: &Session) -> bool {
    matches!(session.ending(), Some(Ending::Stopped { .. }))
}

fn assert_safety_stop(session: &Session, fx: &[Effect], at: Instant) {
    assert!(stopped(session));
    assert!(sounds(fx).contains(&Cue::SafetyAlert));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Ended(Ending::Stopped { .. })))
    );
    assert_eq!(session.next_deadline(), None, "every timer stops");
    assert!(matches!(
        session.view(at).end,
        Some(EndView::Stopped { .. })
    ));
}

#[test]
fn s_during_a_hold_a_rest_and_a_rep_set_stops_for_safety() {
    let t0 = Instant::now();
    // During a hold.
    let (mut a, _) = Session::new(plan(vec![hold("plank", 20)]), Settings::default(), t0);
    a.tick(t0 + s(8));
    let fx = a.key(Key::Char('s'), t0 + s(8));
    assert_safety_stop(&a, &fx, t0 + s(9));
    let Some(Ending::Stopped { reason }) = a.ending() else {
        unreachable!()
    };
    assert_eq!(reason, "Sharp pain during PLANK, set 1 of 1");
    // During a rest.
    let (mut b, _) = Session::new(plan(vec![reps("squat", 2, 1, 45)]), Settings::default(), t0);
    b.key(Key::Space, t0);
    assert!(matches!(b.view(t0).readout, Readout::Rest { .. }));
    let fx = b.key(Key::Char('s'), t0 + s(3));
    assert_safety_stop(&b, &fx, t0 + s(4));
    // During a rep set.
    let (mut c, _) = Session::new(plan(vec![reps("squat", 2, 5, 45)]), Settings::default(), t0);
    c.key(Key::Space, t0);
    let fx = c.key(Key::Char('s'), t0 + s(1));
    assert_safety_stop(&c, &fx, t0 + s(2));
    // The session cannot go on: keys do nothing any more.
    for key in [
        Key::Space,
        Key::Char('p'),
        Key::Char('n'),
        Key::Char('b'),
        Key::Esc,
    ] {
        assert!(c.key(key, t0 + s(3)).is_empty());
        assert!(stopped(&c));
    }
}

#[test]
fn a_rating_of_six_stops_and_five_continues() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![hold("plank", 30)]), Settings::default(), t0);
    session.tick(t0 + s(6));
    session.key(Key::Char('r'), t0 + s(6));
    assert_eq!(
        session.next_deadline(),
        None,
        "timers pause while the prompt is open"
    );
    session.key(Key::Char('5'), t0 + s(7));
    session.key(Key::Enter, t0 + s(8));
    assert_eq!(
        session.view(t0 + s(8)).modal,
        Some(ModalView::RateKind { value: 5 })
    );
    let fx = session.key(Key::Enter, t0 + s(9));
    assert!(fx.iter().any(
        |e| matches!(e, Effect::Rated(r) if r.value == 5 && r.kind == DiscomfortKind::DullAche)
    ));
    assert!(!stopped(&session));
    // The hold lost no time to the prompt: 1 s done before, 29 s still to go.
    assert_eq!(
        session.view(t0 + s(9)).readout,
        Readout::Hold {
            remaining_s: 29,
            total_s: 30
        }
    );

    let (mut six, _) = Session::new(plan(vec![hold("plank", 30)]), Settings::default(), t0);
    six.tick(t0 + s(6));
    six.key(Key::Char('r'), t0 + s(6));
    six.key(Key::Char('6'), t0 + s(6));
    six.key(Key::Enter, t0 + s(6));
    let fx = six.key(Key::Enter, t0 + s(6));
    assert_safety_stop(&six, &fx, t0 + s(7));
    let Some(Ending::Stopped { reason }) = six.ending() else {
        unreachable!()
    };
    assert!(
        reason.contains("6/10") && reason.contains("PLANK"),
        "{reason}"
    );
}

#[test]
fn ten_is_typed_as_one_then_zero() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![hold("plank", 30)]), Settings::default(), t0);
    session.key(Key::Char('r'), t0);
    session.key(Key::Char('1'), t0);
    session.key(Key::Char('0'), t0);
    assert_eq!(
        session.view(t0).modal,
        Some(ModalView::RateNumber { typed: "10".into() })
    );
    session.key(Key::Char('5'), t0);
    assert_eq!(
        session.view(t0).modal,
        Some(ModalView::RateNumber { typed: "10".into() })
    );
}

#[test]
fn a_stop_kind_stops_whatever_the_number() {
    let t0 = Instant::now();
    for (key, kind) in [
        ('s', DiscomfortKind::Sharp),
        ('l', DiscomfortKind::ShootingDownLeg),
        ('n', DiscomfortKind::NumbnessTingling),
    ] {
        let (mut session, _) = Session::new(plan(vec![hold("plank", 30)]), Settings::default(), t0);
        session.key(Key::Char('r'), t0);
        session.key(Key::Char('1'), t0);
        session.key(Key::Enter, t0);
        let fx = session.key(Key::Char(key), t0);
        assert_safety_stop(&session, &fx, t0);
        assert!(
            matches!(session.view(t0).end, Some(EndView::Stopped { kind: Some(k), .. }) if k == kind)
        );
    }
}

#[test]
fn a_rise_during_the_same_exercise_stops() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![hold("plank", 60)]), Settings::default(), t0);
    for value in ['2', '3'] {
        session.key(Key::Char('r'), t0);
        session.key(Key::Char(value), t0);
        session.key(Key::Enter, t0);
        session.key(Key::Enter, t0);
    }
    assert!(stopped(&session));
}

#[test]
fn two_above_baseline_asks_getting_worse() {
    let t0 = Instant::now();
    let settings = Settings {
        baseline: Some(1),
        ..Settings::default()
    };
    let rate = |session: &mut Session, v: char| {
        session.key(Key::Char('r'), t0);
        session.key(Key::Char(v), t0);
        session.key(Key::Enter, t0);
        session.key(Key::Enter, t0)
    };
    let (mut no, _) = Session::new(
        plan(vec![hold("a", 60), hold("b", 60)]),
        settings.clone(),
        t0,
    );
    rate(&mut no, '3');
    assert_eq!(
        no.view(t0).modal,
        Some(ModalView::Worse {
            value: 3,
            baseline: 1
        })
    );
    let fx = no.key(Key::Char('n'), t0);
    assert!(fx.iter().any(
        |e| matches!(e, Effect::Rated(r) if r.decision == Some(RatingDecision::NotGettingWorse))
    ));
    assert!(!stopped(&no));
    assert_eq!(no.view(t0).modal, None);

    let (mut yes, _) = Session::new(plan(vec![hold("a", 60)]), settings, t0);
    rate(&mut yes, '3');
    let fx = yes.key(Key::Char('y'), t0);
    assert_safety_stop(&yes, &fx, t0);
}

#[test]
fn the_quick_rating_keeps_the_last_value_with_enter() {
    let t0 = Instant::now();
    let settings = Settings {
        baseline: Some(2),
        ..Settings::default()
    };
    let (mut session, _) = Session::new(
        plan(vec![reps("a", 1, 1, 0), reps("b", 1, 1, 0)]),
        settings,
        t0,
    );
    session.key(Key::Space, t0);
    assert_eq!(
        session.view(t0).modal,
        Some(ModalView::AfterExercise {
            exercise: "A".into(),
            last: 2,
            typed: String::new(),
        })
    );
    let fx = session.key(Key::Enter, t0);
    assert!(fx.iter().any(
        |e| matches!(e, Effect::Rated(r) if r.value == 2 && r.moment == RatingMoment::AfterExercise)
    ));
    assert_eq!(
        session.view(t0).readout,
        Readout::Reps { done: 0, target: 1 }
    );
}

#[test]
fn the_end_screen_takes_a_closing_rating() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![reps("a", 1, 1, 0)]), Settings::default(), t0);
    let fx = session.key(Key::Space, t0 + s(3));
    assert!(fx.contains(&Effect::Ended(Ending::Completed)));
    assert!(sounds(&fx).contains(&Cue::SessionDone));
    session.key(Key::Char('3'), t0 + s(4));
    let fx = session.key(Key::Enter, t0 + s(5));
    assert!(fx.iter().any(
        |e| matches!(e, Effect::Rated(r) if r.value == 3 && r.moment == RatingMoment::Closing)
    ));
    assert!(matches!(
        session.view(t0 + s(5)).end,
        Some(EndView::Completed {
            closing: Some(3),
            ref exercises,
            status: SessionStatus::Completed,
            ..
        }) if exercises.len() == 1
    ));
}

#[test]
fn the_end_screen_adds_up_each_exercise_from_what_was_recorded() {
    let t0 = Instant::now();
    let side_hold = PlannedExercise {
        per_side: true,
        ..hold("side-plank", 3)
    };
    let (mut session, _) = Session::new(
        plan(vec![side_hold, reps("squat", 2, 2, 0)]),
        no_get_ready(),
        t0,
    );
    let mut recorded = Vec::new();
    let mut now = t0;
    while session.ending().is_none() && now < t0 + s(600) {
        now += Duration::from_millis(500);
        let mut fx = session.tick(now);
        if session.view(now).modal.is_some() {
            fx.extend(session.key(Key::Enter, now));
        } else if matches!(
            session.view(now).readout,
            Readout::Reps { .. } | Readout::RepReady { .. } | Readout::GetReady { .. }
        ) {
            fx.extend(session.key(Key::Space, now));
        }
        recorded.extend(fx.into_iter().filter_map(|e| match e {
            Effect::ExerciseDone { record, .. } => Some(record),
            _ => None,
        }));
    }
    let Some(EndView::Completed { exercises, .. }) = session.view(now).end else {
        panic!("the routine did not complete");
    };
    assert_eq!(
        exercises,
        vec![
            (
                "SIDE-PLANK".to_string(),
                "1 set · 6 s · both sides".to_string()
            ),
            ("SQUAT".to_string(), "2 sets · 4 reps".to_string()),
        ]
    );
    // The same tally went into the saved records.
    let plank = recorded
        .iter()
        .rfind(|r| r.exercise_id == "side-plank")
        .expect("saved");
    assert_eq!((plank.sets_done, plank.hold_s_done.clone()), (1, vec![6]));
    let squat = recorded
        .iter()
        .rfind(|r| r.exercise_id == "squat")
        .expect("saved");
    assert_eq!((squat.sets_done, squat.reps_done.clone()), (2, vec![2, 2]));
    assert!(plank.completed && squat.completed);
}

// ---- the event loop on tokio's paused clock ------------------------------------

/// What the real loop does: sleep until the next wake, then tick; answer the
/// quick rating at once. Returns the instant the session completed.
async fn run_like_the_loop(session: &mut Session, lateness: Duration) -> Instant {
    loop {
        if session.ending().is_some() {
            return session.last_now;
        }
        match session.next_wake(Instant::now()) {
            Some(wake) => {
                tokio::time::sleep_until(wake + lateness).await;
                session.tick(Instant::now());
            }
            None => {
                session.key(Key::Enter, Instant::now());
            }
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_scripted_twenty_minute_routine_ends_with_no_drift() {
    // 8 exercises of 2 × 60 s holds with 15 s rests, and a 5 s get-ready each:
    // 8 × (5 + 60 + 15 + 60) = 1120 s; plus a 80 s walk with its get-ready = 1205 s.
    let mut exercises: Vec<PlannedExercise> = (0..8)
        .map(|i| PlannedExercise {
            sets: 2,
            rest_s: 15,
            ..hold(&format!("h{i}"), 60)
        })
        .collect();
    exercises.push(PlannedExercise {
        duration_s: 80,
        ..ex("walk", DoseKind::Duration)
    });
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(exercises), Settings::default(), t0);
    // Wake 3 ms late every time, as a loaded machine might.
    let end = run_like_the_loop(&mut session, Duration::from_millis(3)).await;
    assert_eq!(session.ending(), Some(&Ending::Completed));
    // The session ended at its exact deadline, not 3 ms × hundreds of wakes later.
    let completed_at = session.active(end);
    assert_eq!(completed_at, s(1205));
}

#[tokio::test(start_paused = true)]
async fn the_loop_wakes_about_once_a_second_during_a_hold() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan(vec![hold("plank", 60)]), Settings::default(), t0);
    let mut wakes = 0;
    while session.ending().is_none() {
        let Some(wake) = session.next_wake(Instant::now()) else {
            break;
        };
        tokio::time::sleep_until(wake).await;
        session.tick(Instant::now());
        wakes += 1;
    }
    // 5 s get-ready + 60 s hold: one wake per visible second (and cue), no more.
    assert!(wakes <= 66, "{wakes} wakes");
    assert!(wakes >= 60, "{wakes} wakes");
    assert_eq!(Instant::now() - t0, s(65));
}

// ---- property: random keys and times -------------------------------------------

mod property {
    use super::*;
    use proptest::prelude::*;

    fn arb_exercise() -> impl Strategy<Value = PlannedExercise> {
        (
            0usize..5,
            any::<bool>(),
            1u32..=3,
            1u32..=4,
            1u32..=12,
            0u32..=20,
        )
            .prop_map(|(kind, per_side, sets, reps_n, secs, rest)| {
                let kind = [
                    DoseKind::Reps,
                    DoseKind::Hold,
                    DoseKind::RepsWithHold,
                    DoseKind::Cycles,
                    DoseKind::Duration,
                ][kind];
                PlannedExercise {
                    per_side,
                    sets,
                    reps: reps_n,
                    hold_s: secs,
                    duration_s: secs,
                    pace_s: secs.min(8),
                    rest_s: rest,
                    ..ex("x", kind)
                }
            })
    }

    fn arb_key() -> impl Strategy<Value = Key> {
        prop_oneof![
            Just(Key::Space),
            Just(Key::Enter),
            Just(Key::Esc),
            Just(Key::Backspace),
            Just(Key::Left),
            Just(Key::Right),
            proptest::sample::select(vec![
                'p', 'n', 'b', 'r', 'm', '?', 'q', 'y', '+', '0', '3', '7', '1', 't', 'a', 'l'
            ])
            .prop_map(Key::Char),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics_never_goes_back_in_time_and_always_ends(
            exercises in proptest::collection::vec(arb_exercise(), 1..4),
            events in proptest::collection::vec((arb_key(), 0u64..4000), 0..80),
        ) {
            let t0 = Instant::now();
            let (mut session, _) = Session::new(plan(exercises), Settings::default(), t0);
            let mut now = t0;
            let mut last_elapsed = Duration::ZERO;
            for (key, gap_ms) in events {
                now += Duration::from_millis(gap_ms);
                session.tick(now);
                session.key(key, now);
                let v = session.view(now);
                prop_assert!(v.elapsed >= last_elapsed, "active time went backwards");
                prop_assert!((0.0..=1.0).contains(&v.gauge));
                last_elapsed = v.elapsed;
                if let Some(d) = session.next_deadline() {
                    prop_assert!(d + Duration::from_secs(3600) > now);
                }
            }
            // Drive to the end: answer prompts, skip steps.
            for _ in 0..10_000 {
                if session.ending().is_some() { break; }
                now += Duration::from_millis(500);
                session.tick(now);
                let key = match session.view(now).modal {
                    Some(ModalView::Help) => Key::Esc,
                    Some(ModalView::ConfirmQuit { .. }) => Key::Char('n'),
                    Some(ModalView::RateNumber { .. }) => Key::Esc,
                    Some(ModalView::RateKind { .. }) => Key::Esc,
                    Some(ModalView::AfterExercise { .. }) => Key::Enter,
                    Some(ModalView::Worse { .. }) => Key::Char('n'),
                    None if session.view(now).paused => Key::Char('p'),
                    None => Key::Char('n'),
                };
                session.key(key, now);
            }
            prop_assert!(session.ending().is_some(), "the session must end in done, quit or stopped");
        }

        #[test]
        fn a_sharp_report_never_continues(
            exercises in proptest::collection::vec(arb_exercise(), 1..3),
            before in proptest::collection::vec((arb_key(), 0u64..3000), 0..30),
            after in proptest::collection::vec((arb_key(), 0u64..3000), 0..30),
        ) {
            let t0 = Instant::now();
            let (mut session, _) = Session::new(plan(exercises), Settings::default(), t0);
            let mut now = t0;
            for (key, gap) in before {
                now += Duration::from_millis(gap);
                session.key(key, now);
            }
            if session.ending().is_none() {
                // Close any prompt first, then report sharp pain.
                while session.view(now).modal.is_some() && session.ending().is_none() {
                    session.key(Key::Esc, now);
                    if let Some(ModalView::ConfirmQuit { .. }) = session.view(now).modal { session.key(Key::Char('n'), now); }
                    if let Some(ModalView::Worse { .. }) = session.view(now).modal { session.key(Key::Char('n'), now); }
                    if let Some(ModalView::AfterExercise { .. }) = session.view(now).modal { session.key(Key::Enter, now); }
                }
                if session.ending().is_none() {
                    session.key(Key::Char('s'), now);
                    prop_assert!(stopped(&session));
                    for (key, gap) in after {
                        now += Duration::from_millis(gap);
                        session.tick(now);
                        session.key(key, now);
                        prop_assert!(stopped(&session));
                        prop_assert_eq!(session.next_deadline(), None);
                    }
                }
            }
        }
    }
}

// ---- the cue schedule on tokio's paused clock -------------------------------------

/// Runs the session like the event loop (sleep to the next wake, tick) and
/// records when each sound was asked for, relative to `t0`. `keys` are pressed
/// at their offsets.
async fn cues_on_the_clock(
    session: &mut Session,
    t0: Instant,
    until: Duration,
    keys: &[(Duration, Key)],
) -> Vec<(Duration, Cue)> {
    let mut heard = Vec::new();
    let mut keys = keys.to_vec();
    keys.sort_by_key(|(t, _)| *t);
    let mut keys = keys.into_iter().peekable();
    loop {
        let now = Instant::now();
        if now - t0 >= until || session.ending().is_some() {
            break;
        }
        let wake = session.next_wake(now);
        let key_at = keys.peek().map(|(t, _)| t0 + *t);
        let next = match (wake, key_at) {
            (Some(w), Some(k)) => w.min(k),
            (w, k) => match w.or(k) {
                Some(t) => t,
                None => break,
            },
        };
        tokio::time::sleep_until(next.min(t0 + until)).await;
        let now = Instant::now();
        let mut fx = session.tick(now);
        while keys.peek().is_some_and(|(t, _)| t0 + *t <= now) {
            if let Some((_, key)) = keys.next() {
                fx.extend(session.key(key, now));
            }
        }
        heard.extend(sounds(&fx).into_iter().map(|c| (now - t0, c)));
    }
    heard
}

/// Two 10 s holds that start at once (no get-ready): the cue-schedule tests' routine.
fn two_ten_second_holds() -> (Instant, Session, Vec<Effect>) {
    let t0 = Instant::now();
    let (session, fx) = Session::new(
        plan(vec![hold("plank", 10), hold("side", 10)]),
        no_get_ready(),
        t0,
    );
    (t0, session, fx)
}

fn no_get_ready() -> Settings {
    Settings {
        get_ready: Duration::ZERO,
        ..Settings::default()
    }
}

#[tokio::test(start_paused = true)]
async fn a_ten_second_hold_ticks_at_seven_eight_nine_and_ends_at_ten() {
    let (t0, mut session, fx) = two_ten_second_holds();
    assert_eq!(sounds(&fx), vec![Cue::Go]);
    let heard = cues_on_the_clock(&mut session, t0, s(10), &[]).await;
    assert_eq!(
        heard,
        vec![
            (s(7), Cue::Tick),
            (s(8), Cue::Tick),
            (s(9), Cue::Tick),
            (s(10), Cue::HoldEnd)
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn a_pause_shifts_the_cues_by_its_length() {
    let (t0, mut session, _) = two_ten_second_holds();
    let keys = [(s(3), Key::Char('p')), (s(10), Key::Char('p'))];
    let heard = cues_on_the_clock(&mut session, t0, s(17), &keys).await;
    assert_eq!(
        heard,
        vec![
            (s(14), Cue::Tick),
            (s(15), Cue::Tick),
            (s(16), Cue::Tick),
            (s(17), Cue::HoldEnd)
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn mute_suppresses_the_cues_on_the_clock() {
    let (t0, mut session, _) = two_ten_second_holds();
    let keys = [
        (s(1), Key::Char('m')),
        (s(8) + Duration::from_millis(500), Key::Char('m')),
    ];
    let heard = cues_on_the_clock(&mut session, t0, s(10), &keys).await;
    // Muted from 1 s to 8.5 s: only the last tick and the end are heard.
    assert_eq!(heard, vec![(s(9), Cue::Tick), (s(10), Cue::HoldEnd)]);
}

#[tokio::test(start_paused = true)]
async fn a_skipped_step_cancels_its_pending_cues_on_the_clock() {
    let t0 = Instant::now();
    let settings = no_get_ready();
    let first = PlannedExercise {
        sets: 2,
        rest_s: 20,
        ..hold("plank", 10)
    };
    let (mut session, _) = Session::new(plan(vec![first]), settings, t0);
    let keys = [(s(5), Key::Char('n'))];
    let heard = cues_on_the_clock(&mut session, t0, s(26), &keys).await;
    // The hold's 7-8-9 s ticks never sound; the rest (5 s to 25 s) ticks at 22, 23, 24.
    assert_eq!(
        heard,
        vec![
            (s(22), Cue::Tick),
            (s(23), Cue::Tick),
            (s(24), Cue::Tick),
            (s(25), Cue::RestOver),
            (s(25), Cue::Go)
        ]
    );
}
