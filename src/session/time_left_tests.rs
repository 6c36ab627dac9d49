//! The time left shown at every step against the time really left, for
//! every built-in routine run at the default pace (a property test over the
//! catalog), and the preview's total against the run's length.

use std::time::Duration;

use proptest::prelude::*;
use tokio::time::Instant;

use super::*;
use crate::plan::{BETWEEN_EXERCISES_S, HELD_REP_GAP_S, Plan, REP_PACE_S};

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// Plays `session` as a person at the default pace would: timers run out,
/// each counted rep takes REP_PACE_S, each held rep starts HELD_REP_GAP_S
/// after the one before, the quick check is answered after
/// BETWEEN_EXERCISES_S. Returns every (moment, time left shown) after each
/// change, and the moment the session ended.
fn run_at_default_pace(session: &mut Session, t0: Instant) -> (Vec<(Instant, Duration)>, Instant) {
    let mut now = t0;
    let mut since = t0;
    let identity = |session: &Session, now: Instant| {
        let v = session.view(now);
        format!(
            "{}/{}/{:?}/{:?}/{:?}",
            v.exercise_number,
            v.set,
            v.side,
            v.readout,
            v.modal.is_some()
        )
        .split("remaining_s")
        .next()
        .unwrap_or_default()
        .to_string()
    };
    let mut samples = vec![(now, session.view(now).left)];
    let mut last = identity(session, now);
    for _ in 0..100_000 {
        if session.ending().is_some() {
            return (samples, now);
        }
        let v = session.view(now);
        let user = match (&v.modal, v.readout) {
            (Some(_), _) => Some((since + s(u64::from(BETWEEN_EXERCISES_S)), None)),
            (None, Readout::Reps { .. }) => {
                Some((since + s(u64::from(REP_PACE_S)), Some(Key::Space)))
            }
            (None, Readout::RepReady { .. }) => {
                Some((since + s(u64::from(HELD_REP_GAP_S)), Some(Key::Space)))
            }
            _ => None,
        };
        let timer = session.next_deadline();
        match (user, timer) {
            (Some((at, key)), t) if t.is_none_or(|t| at <= t) => {
                now = at;
                match key {
                    Some(k) => {
                        session.key(k, now);
                    }
                    None => {
                        session.key(Key::Char('0'), now);
                        for _ in 0..2 {
                            if session.view(now).modal.is_some() {
                                session.key(Key::Enter, now);
                            }
                        }
                    }
                }
            }
            (_, Some(t)) => {
                now = t;
                session.tick(now);
            }
            (_, None) => panic!("the session waits for nothing"),
        }
        let id = identity(session, now);
        if id != last {
            since = now;
            last = id;
            samples.push((now, session.view(now).left));
        }
    }
    panic!("the session did not end");
}

/// A plan of `routine` with each dose picked within its ranges by `picks`.
fn plan_within_ranges(routine: usize, picks: &[u32]) -> Plan {
    let catalog = crate::catalog::builtin().expect("built-in catalog");
    let routine = &catalog.routines[routine % catalog.routines.len()];
    let mut plan = Plan::base(&catalog, routine);
    let mut pick = picks.iter().copied().cycle();
    let mut within = |r: Option<crate::catalog::Range>, now: u32| match r {
        Some(r) => r.min() + pick.next().unwrap_or(0) % (r.max() - r.min() + 1),
        None => now,
    };
    for (planned, item) in plan.exercises.iter_mut().zip(&routine.items) {
        let Some(exercise) = catalog.exercise(&item.exercise) else {
            continue;
        };
        let dose = routine.item_dose(item, exercise);
        planned.sets = within(Some(dose.sets), planned.sets).max(1);
        planned.reps = within(dose.reps, planned.reps);
        planned.hold_s = within(dose.hold_s, planned.hold_s);
        planned.duration_s = within(dose.duration_s, planned.duration_s);
        planned.rest_s = within(dose.rest_s, planned.rest_s);
    }
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every built-in routine, any dose within its ranges, run at the
    /// default pace: at every step the time left shown is within 15 % of the
    /// time that really was left, and the preview's total is the run's length.
    #[test]
    fn time_left_is_within_fifteen_percent_at_every_step(
        routine in 0usize..64,
        picks in proptest::collection::vec(0u32..1000, 1..40),
    ) {
        let p = plan_within_ranges(routine, &picks);
        let total = estimate::total(&p, GET_READY);
        let t0 = Instant::now();
        let (mut session, _) = Session::new(p.clone(), Settings::default(), t0);
        let (samples, end) = run_at_default_pace(&mut session, t0);
        let run_length = end - t0;
        prop_assert!(
            total.abs_diff(run_length) * 100 <= run_length * 15,
            "{}: preview says {total:?}, the run took {run_length:?}", p.routine_id
        );
        for (at, left) in samples {
            let real = end - at;
            prop_assert!(
                left.abs_diff(real) * 100 <= real * 15,
                "{}: {:?} in, {left:?} shown left, {real:?} really left",
                p.routine_id, at - t0
            );
        }
    }
}

#[test]
fn the_daily_routine_never_says_nothing_is_left_while_holds_remain() {
    // The reported case: "about 0 min left" on step 3 with the bridge holds
    // and two more exercises to come.
    let p = plan_within_ranges(0, &[0]);
    assert_eq!(p.routine_id, "daily");
    let t0 = Instant::now();
    let (mut session, _) = Session::new(p, Settings::default(), t0);
    let (samples, end) = run_at_default_pace(&mut session, t0);
    for (at, left) in samples {
        if end - at >= s(60) {
            assert!(
                left >= s(45),
                "{left:?} left shown with {:?} to go",
                end - at
            );
        }
    }
}
