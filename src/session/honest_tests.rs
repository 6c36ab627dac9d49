//! Engine tests for an honest session and an honest record: skipping, going
//! back, quitting, time left and resuming mean what a user thinks they mean.

use std::time::Duration;

use jiff::Timestamp;
use jiff::civil::Date;
use tokio::time::Instant;

use super::record::{SessionLog, resume_point};
use super::tests_support::planned as ex;
use super::*;
use crate::catalog::DoseKind;
use crate::domain::{ExerciseOutcome, SessionRecord, SessionStatus};
use crate::plan::{Plan, PlannedExercise};

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn reps(id: &str, sets: u32, n: u32, rest: u32) -> PlannedExercise {
    PlannedExercise {
        sets,
        reps: n,
        rest_s: rest,
        ..ex(id, DoseKind::Reps)
    }
}

fn hold(id: &str, secs: u32) -> PlannedExercise {
    PlannedExercise {
        hold_s: secs,
        ..ex(id, DoseKind::Hold)
    }
}

fn held_reps(id: &str, n: u32, hold_s: u32, per_side: bool) -> PlannedExercise {
    PlannedExercise {
        reps: n,
        hold_s,
        per_side,
        ..ex(id, DoseKind::RepsWithHold)
    }
}

fn cycles(id: &str, n: u32, pace: u32) -> PlannedExercise {
    PlannedExercise {
        reps: n,
        pace_s: pace,
        ..ex(id, DoseKind::Cycles)
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

fn no_get_ready() -> Settings {
    Settings {
        get_ready: Duration::ZERO,
        ..Settings::default()
    }
}

/// A session with its record beside it, every effect applied as the app does.
struct Run {
    session: Session,
    log: SessionLog,
    effects: Vec<Effect>,
    now: Instant,
    t0: Instant,
}

impl Run {
    fn new(p: Plan, settings: Settings) -> Run {
        let t0 = Instant::now();
        let log = SessionLog::new(
            &p,
            Timestamp::UNIX_EPOCH,
            Date::constant(2026, 11, 30),
            None,
        );
        let (session, fx) = Session::new(p, settings, t0);
        let mut run = Run {
            session,
            log,
            effects: Vec::new(),
            now: t0,
            t0,
        };
        run.apply(fx);
        run
    }

    fn apply(&mut self, fx: Vec<Effect>) -> Vec<Effect> {
        let active = self.session.active(self.now).as_secs() as u32;
        for e in &fx {
            self.log.apply(e, Timestamp::UNIX_EPOCH, active);
        }
        self.effects.extend(fx.iter().cloned());
        fx
    }

    /// Presses `key` `after` the last moment.
    fn key(&mut self, key: Key, after: Duration) -> Vec<Effect> {
        self.now += after;
        let fx = self.session.key(key, self.now);
        self.apply(fx)
    }

    /// Lets time run to `at` (from the start).
    fn until(&mut self, at: Duration) -> Vec<Effect> {
        self.now = self.t0 + at;
        let fx = self.session.tick(self.now);
        self.apply(fx)
    }

    /// Answers the quick check after an exercise with 0 (types the number
    /// and confirms, whichever the prompt wants).
    fn answer(&mut self) -> Vec<Effect> {
        let mut fx = self.key(Key::Char('0'), Duration::ZERO);
        for _ in 0..2 {
            if self.session.view(self.now).modal.is_some() {
                fx.extend(self.key(Key::Enter, Duration::ZERO));
            }
        }
        fx
    }

    fn view(&self) -> View<'_> {
        self.session.view(self.now)
    }

    fn record_of(&self, id: &str) -> Option<&ExerciseRecord> {
        self.log
            .record()
            .exercises
            .iter()
            .find(|e| e.exercise_id == id)
    }
}

fn saved(fx: &[Effect]) -> Vec<&ExerciseRecord> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::ExerciseDone { record, .. } => Some(record),
            _ => None,
        })
        .collect()
}

// ---- statuses and the record ----------------------------------------------

#[test]
fn skipping_every_exercise_is_a_skipped_session_that_saves_no_exercise() {
    let mut run = Run::new(
        plan(vec![
            // After a skipped rest the next set's hold starts at once: a
            // second of it before the next `n` is still a skip.
            PlannedExercise {
                sets: 2,
                rest_s: 30,
                ..hold("plank", 10)
            },
            reps("squat", 2, 5, 30),
            held_reps("bird-dog", 3, 5, true),
        ]),
        Settings::default(),
    );
    let mut presses = 0;
    while run.session.ending().is_none() && presses < 50 {
        run.key(Key::Char('n'), s(1));
        presses += 1;
        assert_eq!(
            run.view().modal,
            None,
            "no quick check after an exercise with nothing done"
        );
    }
    assert_eq!(run.session.ending(), Some(&Ending::Completed));
    assert!(saved(&run.effects).is_empty(), "{:?}", run.effects);
    let record = run.log.record();
    assert_eq!(record.status, SessionStatus::Skipped);
    assert!(record.exercises.is_empty());
    assert!(!record.did_work());
    let Some(EndView::Completed {
        status,
        counts,
        exercises,
        ..
    }) = run.view().end
    else {
        panic!("no end screen");
    };
    assert_eq!(status, SessionStatus::Skipped);
    assert_eq!(counts.summary(3), "0 of 3 done, 3 skipped");
    assert!(exercises.iter().all(|(_, amount)| amount == "skipped"));
}

#[test]
fn a_routine_run_to_its_end_is_completed_only_with_half_of_it_done() {
    let four = || {
        plan(vec![
            reps("a", 1, 2, 0),
            reps("b", 1, 2, 0),
            reps("c", 1, 2, 0),
            reps("d", 1, 2, 0),
        ])
    };
    // Two done, two skipped: completed, "2 of 4 done, 2 skipped".
    let mut run = Run::new(four(), Settings::default());
    for _ in 0..2 {
        run.key(Key::Space, s(4));
        run.key(Key::Space, s(4));
        run.answer();
    }
    run.key(Key::Char('n'), s(1));
    run.key(Key::Char('n'), s(1));
    assert_eq!(run.log.record().status, SessionStatus::Completed);
    let Some(EndView::Completed { counts, .. }) = run.view().end else {
        panic!("no end screen");
    };
    assert_eq!(counts.summary(4), "2 of 4 done, 2 skipped");

    // One partly done, three skipped: partial.
    let mut run = Run::new(four(), Settings::default());
    run.key(Key::Space, s(4));
    run.key(Key::Char('n'), s(1));
    run.answer();
    for _ in 0..3 {
        run.key(Key::Char('n'), s(1));
    }
    assert_eq!(run.session.ending(), Some(&Ending::Completed));
    assert_eq!(run.log.record().status, SessionStatus::Partial);
    let Some(EndView::Completed { counts, .. }) = run.view().end else {
        panic!("no end screen");
    };
    assert_eq!(counts.summary(4), "0 of 4 done, 1 partly done, 3 skipped");
}

#[test]
fn n_mid_set_records_the_reps_and_seconds_done_so_far() {
    let mut run = Run::new(
        plan(vec![reps("squat", 1, 10, 0), hold("plank", 30)]),
        no_get_ready(),
    );
    for _ in 0..4 {
        run.key(Key::Space, s(4));
    }
    let fx = run.key(Key::Char('n'), s(1));
    let squat = saved(&fx)[0];
    assert_eq!(
        (squat.reps_done.clone(), squat.outcome()),
        (vec![4], ExerciseOutcome::PartlyDone)
    );
    run.answer();
    let fx = run.key(Key::Char('n'), s(12));
    let plank = saved(&fx)[0];
    assert_eq!(plank.hold_s_done, vec![12]);
    assert_eq!(run.log.record().status, SessionStatus::Completed);
}

// ---- back and forward -------------------------------------------------------

#[test]
fn going_back_and_skipping_a_done_exercise_keeps_it_done() {
    // The reproduction: cat-cow done in full, `b` from the bridge, then `n`.
    let mut run = Run::new(
        plan(vec![cycles("cat-cow", 5, 8), reps("bridge", 2, 8, 30)]),
        no_get_ready(),
    );
    run.until(s(40));
    assert!(matches!(
        run.view().modal,
        Some(ModalView::AfterExercise { .. })
    ));
    run.answer();
    run.key(Key::Space, s(4));
    run.key(Key::Char('b'), s(1));
    let fx = run.key(Key::Char('b'), s(1));
    assert_eq!(run.view().exercise_number, 1, "a second b goes to cat-cow");
    let bridge = saved(&fx);
    assert_eq!(bridge.len(), 1, "the bridge's rep is saved on the way back");
    assert_eq!(bridge[0].reps_done, vec![1]);
    let fx = run.key(Key::Char('n'), s(1));
    let again = saved(&fx);
    assert!(
        again[0].completed && again[0].reps_done == vec![5],
        "{again:?}"
    );
    let cat_cow = run.record_of("cat-cow").expect("cat-cow is in the record");
    assert_eq!(
        (cat_cow.completed, cat_cow.reps_done.clone()),
        (true, vec![5])
    );
}

#[test]
fn b_mid_set_restarts_that_set_and_keeps_earlier_exercises() {
    let mut run = Run::new(
        plan(vec![reps("cat-cow", 1, 2, 0), reps("superman", 2, 6, 30)]),
        no_get_ready(),
    );
    run.key(Key::Space, s(4));
    run.key(Key::Space, s(4));
    run.answer();
    // Superman set 1 in full, the rest, then rep 4 of set 2.
    for _ in 0..6 {
        run.key(Key::Space, s(4));
    }
    run.until(run.now - run.t0 + s(30));
    for _ in 0..4 {
        run.key(Key::Space, s(4));
    }
    assert_eq!(run.view().readout, Readout::Reps { done: 4, target: 6 });
    let fx = run.key(Key::Char('b'), s(3));
    let v = run.view();
    assert_eq!(
        (v.exercise_number, v.set, v.readout),
        (2, 2, Readout::Reps { done: 0, target: 6 }),
        "the set starts over, not the exercise before"
    );
    assert!(saved(&fx).is_empty());
    for _ in 0..6 {
        run.key(Key::Space, s(4));
    }
    let superman = run.record_of("superman").expect("saved");
    assert_eq!(
        (superman.sets_done, superman.reps_done.clone()),
        (2, vec![6, 6])
    );
    let cat_cow = run.record_of("cat-cow").expect("kept");
    assert!(cat_cow.completed);
}

#[test]
fn b_during_a_held_rep_restarts_only_that_rep() {
    let mut run = Run::new(plan(vec![held_reps("bridge", 3, 5, false)]), no_get_ready());
    run.key(Key::Space, s(3));
    run.until(s(8));
    run.key(Key::Space, s(3));
    assert!(matches!(
        run.view().readout,
        Readout::RepHold { rep: 2, .. }
    ));
    run.key(Key::Char('b'), s(2));
    assert_eq!(run.view().readout, Readout::RepReady { done: 1, target: 3 });
}

#[test]
fn b_with_nothing_under_way_steps_back_one_set_and_twice_goes_to_the_exercise_before() {
    let mut run = Run::new(
        plan(vec![reps("a", 1, 1, 0), reps("b", 2, 2, 20)]),
        no_get_ready(),
    );
    run.key(Key::Space, s(4));
    run.answer();
    run.key(Key::Space, s(4));
    run.key(Key::Space, s(4));
    // During the rest: back to the set before it.
    assert!(matches!(run.view().readout, Readout::Rest { .. }));
    run.key(Key::Char('b'), s(5));
    assert_eq!((run.view().exercise_number, run.view().set), (2, 1));
    // Three seconds later (not "again"), nothing under way: still set 1 is
    // the first work of the exercise, so back to the exercise before.
    run.key(Key::Char('b'), s(3));
    assert_eq!(run.view().exercise_number, 1);
    let b = run.record_of("b").expect("b's set is kept");
    assert_eq!(b.reps_done, vec![2]);
}

#[test]
fn redoing_an_exercise_keeps_the_better_of_the_two_attempts() {
    let mut run = Run::new(
        plan(vec![reps("a", 1, 5, 0), reps("b", 1, 2, 0)]),
        no_get_ready(),
    );
    run.key(Key::Space, s(4));
    run.key(Key::Space, s(4));
    run.key(Key::Char('n'), s(1));
    run.answer();
    assert_eq!(
        run.record_of("a").map(|r| r.outcome()),
        Some(ExerciseOutcome::PartlyDone)
    );
    // Back to a, done in full this time.
    run.key(Key::Char('b'), s(1));
    for _ in 0..5 {
        run.key(Key::Space, s(4));
    }
    run.answer();
    assert_eq!(
        run.record_of("a").map(|r| r.outcome()),
        Some(ExerciseOutcome::Done)
    );
    // Back again, one rep, skipped: still done.
    run.key(Key::Char('b'), s(1));
    run.key(Key::Space, s(4));
    run.key(Key::Char('n'), s(1));
    let a = run.record_of("a").expect("a");
    assert_eq!(
        (a.outcome(), a.reps_done.clone()),
        (ExerciseOutcome::Done, vec![5])
    );
}

// ---- quitting -----------------------------------------------------------------

#[test]
fn quit_mid_set_keeps_the_reps_and_seconds_done() {
    // The reproduction: knee to chest, one 5 s rep held, q y.
    let mut run = Run::new(
        plan(vec![
            held_reps("knee-to-chest", 2, 5, true),
            hold("plank", 30),
        ]),
        no_get_ready(),
    );
    run.key(Key::Space, s(2));
    run.until(s(7));
    assert_eq!(run.view().readout, Readout::RepReady { done: 1, target: 2 });
    run.key(Key::Char('q'), s(1));
    let Some(ModalView::ConfirmQuit {
        counts,
        in_progress,
    }) = run.view().modal
    else {
        panic!("no quit prompt");
    };
    assert_eq!(counts.worked(), 1);
    assert_eq!(
        in_progress.as_deref(),
        Some("KNEE-TO-CHEST: 1 set · 1 rep · one side cut short")
    );
    let fx = run.key(Key::Char('y'), s(1));
    let knee = saved(&fx);
    assert_eq!(
        (knee[0].reps_done.clone(), knee[0].hold_s_done.clone()),
        (vec![1], vec![5])
    );
    assert_eq!(run.log.record().status, SessionStatus::Partial);
    assert_eq!(run.log.record().exercises.len(), 1);
}

#[test]
fn quit_during_a_hold_keeps_the_seconds_held_before_the_prompt() {
    let mut run = Run::new(plan(vec![hold("plank", 30)]), no_get_ready());
    run.key(Key::Char('q'), s(7));
    // Ten seconds reading the prompt do not count as holding.
    let fx = run.key(Key::Char('y'), s(10));
    assert_eq!(saved(&fx)[0].hold_s_done, vec![7]);
}

#[test]
fn quitting_with_nothing_done_says_so_and_saves_a_partial_session_that_counts_for_nothing() {
    let mut run = Run::new(plan(vec![hold("plank", 30)]), Settings::default());
    run.key(Key::Char('q'), s(1));
    let Some(ModalView::ConfirmQuit {
        counts,
        in_progress,
    }) = run.view().modal
    else {
        panic!("no quit prompt");
    };
    assert_eq!((counts.worked(), in_progress), (0, None));
    run.key(Key::Char('y'), s(1));
    // The contract: a quit session is saved as partial; with nothing done it
    // is no active day, target, streak or 48-hour gap all the same.
    assert_eq!(run.log.record().status, SessionStatus::Partial);
    assert!(!run.log.record().did_work());
}

// ---- what the screen says -------------------------------------------------------

#[test]
fn the_quick_check_and_its_follow_up_stay_over_the_exercise_just_done() {
    let p = plan(vec![
        PlannedExercise {
            per_side: true,
            ..hold("side-plank", 5)
        },
        reps("squat", 1, 5, 0),
    ]);
    let mut run = Run::new(
        p,
        Settings {
            baseline: Some(1),
            ..Settings::default()
        },
    );
    // Left side in full, then `n` during the right side's get-ready.
    run.until(s(10));
    run.key(Key::Char('n'), s(1));
    let v = run.view();
    assert_eq!(
        v.flash, None,
        "no banner stands frozen over the quick check"
    );
    assert_eq!(
        v.readout,
        Readout::Between {
            outcome: ExerciseOutcome::PartlyDone
        }
    );
    // A rating two above the check-in asks "getting worse?" — still over side plank.
    run.key(Key::Char('4'), s(1));
    if run
        .view()
        .modal
        .is_some_and(|m| !matches!(m, ModalView::Worse { .. }))
    {
        run.key(Key::Enter, Duration::ZERO);
        run.key(Key::Enter, Duration::ZERO);
    }
    let v = run.view();
    assert!(
        matches!(v.modal, Some(ModalView::Worse { .. })),
        "{:?}",
        v.modal
    );
    assert_eq!(v.exercise.map(|e| e.name.as_str()), Some("SIDE-PLANK"));
    assert_eq!(v.exercise_number, 1);
}

#[test]
fn movements_and_cycles_end_with_their_own_words() {
    let walk = PlannedExercise {
        duration_s: 10,
        ..ex("neck-rolls", DoseKind::Duration)
    };
    let mut run = Run::new(plan(vec![walk, cycles("cat-cow", 2, 4)]), no_get_ready());
    assert_eq!(
        run.view().readout,
        Readout::Move {
            remaining_s: 10,
            total_s: 10
        }
    );
    let fx = run.until(s(10));
    assert!(fx.contains(&Effect::Flash(Banner::MoveEnd)));
    run.answer();
    let fx = run.until(s(18));
    assert!(fx.contains(&Effect::Flash(Banner::CyclesDone)), "{fx:?}");
    assert_eq!(Banner::MoveEnd.text(), "TIME — EASE OFF");
}

#[test]
fn with_mute_locked_m_says_sound_is_off_for_the_run() {
    let mut run = Run::new(
        plan(vec![hold("plank", 30)]),
        Settings {
            muted: true,
            mute_locked: true,
            ..Settings::default()
        },
    );
    let fx = run.key(Key::Char('m'), s(1));
    assert!(fx.contains(&Effect::Flash(Banner::SoundOffForRun)));
    let v = run.view();
    assert!(v.muted && v.mute_locked);
    assert!(!fx.iter().any(|e| matches!(e, Effect::Sound(_))));
}

#[test]
fn what_announces_an_exercise_done_comes_with_an_effect_to_save_first() {
    let mut run = Run::new(
        plan(vec![reps("a", 1, 2, 0), hold("b", 5), reps("c", 1, 1, 0)]),
        no_get_ready(),
    );
    let mut announced = 0;
    let mut step = |run: &mut Run, fx: Vec<Effect>| {
        let v = run.view();
        let shows_done = matches!(v.readout, Readout::Between { .. }) || v.end.is_some();
        if shows_done {
            announced += 1;
            assert!(
                fx.iter().any(Effect::must_save_before_showing),
                "{fx:?} shows an exercise done before it is saved"
            );
        }
    };
    run.key(Key::Space, s(4));
    let fx = run.key(Key::Space, s(4));
    step(&mut run, fx);
    run.answer();
    let fx = run.until(run.now - run.t0 + s(5));
    step(&mut run, fx);
    run.answer();
    let fx = run.key(Key::Space, s(4));
    step(&mut run, fx);
    assert_eq!(announced, 3);
}

// ---- resuming -------------------------------------------------------------------

fn four_exercises() -> Plan {
    plan(vec![
        reps("a", 1, 2, 0),
        reps("b", 1, 2, 0),
        reps("c", 2, 2, 10),
        reps("d", 1, 2, 0),
    ])
}

/// Exercises a and b done, one rep of c, then quit.
fn quit_at_step_three() -> SessionRecord {
    let mut run = Run::new(four_exercises(), no_get_ready());
    for _ in 0..2 {
        run.key(Key::Space, s(4));
        run.key(Key::Space, s(4));
        run.answer();
    }
    run.key(Key::Space, s(4));
    run.key(Key::Char('q'), s(1));
    run.key(Key::Char('y'), s(1));
    run.log.record().clone()
}

#[test]
fn a_quit_session_resumes_at_the_exercise_where_it_stopped_with_its_work_kept() {
    let before = quit_at_step_three();
    assert_eq!(before.status, SessionStatus::Partial);
    assert!(before.resumable_on(before.date, None));
    let p = four_exercises();
    assert_eq!(resume_point(&p, &before), Some(2));

    let t0 = Instant::now();
    let (mut session, fx) =
        Session::resume(p.clone(), no_get_ready(), t0, &before).expect("resumable");
    let mut log = SessionLog::resume(&p, before.clone());
    for e in &fx {
        log.apply(e, Timestamp::UNIX_EPOCH, 0);
    }
    let v = session.view(t0);
    assert_eq!((v.exercise_number, v.set), (3, 1), "resumes at step 3");
    let mut now = t0;
    let mut press = |session: &mut Session, log: &mut SessionLog, key: Key| {
        now += s(4);
        for e in session.key(key, now) {
            log.apply(&e, Timestamp::UNIX_EPOCH, 20);
        }
    };
    // c: both sets, the rest, then d.
    press(&mut session, &mut log, Key::Space);
    press(&mut session, &mut log, Key::Space);
    press(&mut session, &mut log, Key::Char('n'));
    press(&mut session, &mut log, Key::Space);
    press(&mut session, &mut log, Key::Space);
    press(&mut session, &mut log, Key::Enter);
    press(&mut session, &mut log, Key::Space);
    press(&mut session, &mut log, Key::Space);
    assert_eq!(session.ending(), Some(&Ending::Completed));
    let Some(EndView::Completed { counts, .. }) = session.view(now).end else {
        panic!("no end screen");
    };
    assert_eq!(counts.summary(4), "4 of 4 done");
    let after = log.record();
    assert_eq!(after.id, before.id, "the same session goes on");
    assert_eq!(after.status, SessionStatus::Completed);
    let ids: Vec<_> = after
        .exercises
        .iter()
        .map(|e| e.exercise_id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(after.exercises.iter().all(|e| e.completed));
    assert!(after.active_s >= before.active_s + 20);
    assert!(after.ratings.len() > before.ratings.len());
    assert_eq!(after.ratings[..before.ratings.len()], before.ratings[..]);
}

#[test]
fn a_safety_stop_or_a_session_with_nothing_done_is_never_resumed() {
    let mut stopped = quit_at_step_three();
    stopped.status = SessionStatus::StoppedForSafety {
        reason: "Sharp pain during C".into(),
    };
    assert!(!stopped.resumable_on(stopped.date, None));
    assert_eq!(
        Session::resume(
            four_exercises(),
            Settings::default(),
            Instant::now(),
            &stopped
        )
        .err(),
        Some(CannotResume::SafetyStop)
    );
    let mut nothing = quit_at_step_three();
    nothing.exercises.clear();
    assert!(!nothing.resumable_on(nothing.date, None));
    assert_eq!(
        Session::resume(
            four_exercises(),
            Settings::default(),
            Instant::now(),
            &nothing
        )
        .err(),
        Some(CannotResume::NothingToResume)
    );
    let yesterday = quit_at_step_three();
    assert!(!yesterday.resumable_on(Date::constant(2026, 12, 1), None));
}

#[test]
fn stop_reasons_read_as_plain_sentences() {
    let rate = |run: &mut Run, digit: char, kind: Key| {
        run.key(Key::Char('r'), s(1));
        run.key(Key::Char(digit), Duration::ZERO);
        run.key(Key::Enter, Duration::ZERO);
        run.key(kind, Duration::ZERO)
    };
    let reason = |run: &Run| match run.session.ending() {
        Some(Ending::Stopped { reason }) => reason.clone(),
        other => panic!("not stopped: {other:?}"),
    };
    let mut run = Run::new(plan(vec![held_reps("knee", 2, 5, true)]), no_get_ready());
    rate(&mut run, '3', Key::Enter);
    rate(&mut run, '4', Key::Enter);
    assert_eq!(
        reason(&run),
        "Discomfort rose from 3 to 4 during KNEE, set 1 of 1, left side"
    );
    let mut run = Run::new(plan(vec![hold("plank", 30)]), no_get_ready());
    rate(&mut run, '2', Key::Char('n'));
    assert_eq!(
        reason(&run),
        "Numbness or tingling during PLANK, set 1 of 1"
    );
    let mut run = Run::new(plan(vec![hold("plank", 30)]), no_get_ready());
    rate(&mut run, '2', Key::Char('l'));
    assert_eq!(
        reason(&run),
        "Pain shooting down a leg during PLANK, set 1 of 1"
    );
}

// ---- never losing work, whatever the keys ----------------------------------------

#[derive(Debug, Clone, Copy)]
enum Act {
    Key(Key),
    Wait(u64),
    Answer,
}

fn act() -> impl proptest::strategy::Strategy<Value = Act> {
    use proptest::prelude::*;
    prop_oneof![
        4 => Just(Act::Key(Key::Space)),
        2 => Just(Act::Key(Key::Char('n'))),
        2 => Just(Act::Key(Key::Char('b'))),
        1 => Just(Act::Key(Key::Left)),
        1 => Just(Act::Key(Key::Char('p'))),
        3 => (1u64..15).prop_map(Act::Wait),
        2 => Just(Act::Answer),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever is pressed, an exercise's record never holds less than it
    /// did (done work is never replaced with less), never disappears once
    /// saved, and only exercises with work in them are recorded.
    #[test]
    fn no_key_sequence_loses_recorded_work(acts in proptest::collection::vec(act(), 1..120)) {
        let p = plan(vec![
            PlannedExercise { sets: 2, rest_s: 10, ..hold("plank", 6) },
            reps("squat", 2, 3, 5),
            held_reps("bird-dog", 2, 3, true),
            cycles("cat-cow", 2, 4),
        ]);
        let mut run = Run::new(p, no_get_ready());
        let mut best: std::collections::BTreeMap<String, (ExerciseOutcome, u32, u32)> =
            Default::default();
        for a in acts {
            if run.session.ending().is_some() {
                break;
            }
            match a {
                Act::Key(k) => {
                    run.key(k, s(1));
                }
                Act::Wait(n) => {
                    let at = run.now - run.t0 + s(n);
                    run.until(at);
                }
                Act::Answer => {
                    if run.view().modal.is_some() {
                        run.answer();
                    }
                }
            }
            for e in &run.log.record().exercises {
                proptest::prop_assert!(e.did_work(), "a record with nothing done: {e:?}");
                let amount = (
                    e.outcome(),
                    e.reps_done.iter().sum::<u32>(),
                    e.hold_s_done.iter().sum::<u32>(),
                );
                if let Some(before) = best.get(&e.exercise_id) {
                    proptest::prop_assert!(amount >= *before, "{} went from {before:?} to {amount:?}", e.exercise_id);
                }
                best.insert(e.exercise_id.clone(), amount);
            }
            proptest::prop_assert_eq!(run.log.record().exercises.len(), best.len());
        }
    }
}
