//! How long a plan takes: the preview's "about 6 min today" and the session
//! header's "about 4 min left", from the same step layout the engine runs.
//!
//! Timers count exactly (holds, movements, cycles at their pace, rests, the
//! get-ready countdown where the engine shows one); what the person paces
//! is counted at the typical pace of [`crate::plan`]: [`REP_PACE_S`] per
//! counted repetition, [`HELD_REP_GAP_S`] between held repetitions and
//! [`BETWEEN_EXERCISES_S`] for the quick check between exercises.

use std::time::Duration;

use super::steps::{self, Step, StepKind, Work};
use crate::catalog::Routine;
use crate::plan::{BETWEEN_EXERCISES_S, HELD_REP_GAP_S, Plan, REP_PACE_S};

fn secs(n: u32) -> Duration {
    Duration::from_secs(u64::from(n))
}

/// One held repetition: setting up, then the hold.
pub(crate) fn held_rep(hold: u32) -> Duration {
    secs(hold) + secs(HELD_REP_GAP_S)
}

/// One counted repetition at the typical pace.
pub(crate) fn counted_rep() -> Duration {
    secs(REP_PACE_S)
}

/// The pause between two exercises (the quick check).
pub(crate) fn between_exercises() -> Duration {
    secs(BETWEEN_EXERCISES_S)
}

/// The work of one step, without any get-ready countdown.
pub(crate) fn work(work: Work) -> Duration {
    match work {
        Work::Hold { .. } | Work::Duration { .. } | Work::Cycles { .. } => secs(work.timed_secs()),
        Work::Reps { target } => counted_rep() * target,
        Work::RepsWithHold { target, hold } => held_rep(hold) * target,
    }
}

/// A whole step entered from `prev`, get-ready countdown included when the
/// engine shows one.
pub(crate) fn step(step: &Step, prev: Option<&Step>, get_ready: Duration) -> Duration {
    match step.kind {
        StepKind::Rest { secs: s } => secs(s),
        StepKind::Work(w) => {
            let ready = if step.starts_with_get_ready(prev) {
                get_ready
            } else {
                Duration::ZERO
            };
            ready + work(w)
        }
    }
}

/// For every step, the time of all the steps after it, with the pause
/// between exercises wherever the next step starts a new one.
pub(crate) fn after_each(steps: &[Step], get_ready: Duration) -> Vec<Duration> {
    let mut after = vec![Duration::ZERO; steps.len()];
    let mut acc = Duration::ZERO;
    for i in (0..steps.len()).rev() {
        after[i] = acc;
        let prev = Step::came_from(steps, i);
        acc += step(&steps[i], prev, get_ready);
        if prev.is_none() && i > 0 {
            acc += between_exercises();
        }
    }
    after
}

/// How long `plan` takes from its first step to its end at the typical pace.
pub fn total(plan: &Plan, get_ready: Duration) -> Duration {
    let steps = steps::build(plan);
    match steps.first() {
        Some(first) => {
            step(first, None, get_ready)
                + after_each(&steps, get_ready)
                    .first()
                    .copied()
                    .unwrap_or_default()
        }
        None => Duration::ZERO,
    }
}

/// Whole minutes, at least one: how the screens speak of a length.
pub fn minutes(d: Duration) -> u64 {
    ((d.as_secs() + 30) / 60).max(1)
}

/// The preview's line about today's length: "About 6 min today." and, when
/// today's plan is shorter than the routine at its full dose (`full`, from
/// [`Plan::full`]), "About 6 min today; builds toward the full 15-minute
/// routine." with the guide's own length of the routine.
pub fn length_line(today: &Plan, full: Option<(&Plan, &Routine)>, get_ready: Duration) -> String {
    let today_len = total(today, get_ready);
    let mut line = format!("About {} min today", minutes(today_len));
    if let Some((full_plan, routine)) = full
        && today_len < total(full_plan, get_ready)
    {
        let m = routine.minutes;
        let length = if m.min() == m.max() {
            m.min().to_string()
        } else {
            format!("{}-to-{}", m.min(), m.max())
        };
        line.push_str(&format!("; builds toward the full {length}-minute routine"));
    }
    line.push('.');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn builtin() -> Catalog {
        crate::catalog::builtin().expect("the built-in catalog loads")
    }

    #[test]
    fn a_beginner_daily_routine_says_it_builds_toward_the_full_one() {
        let catalog = builtin();
        let routine = catalog.routine("daily").expect("daily");
        let full = Plan::full(&catalog, routine);
        let mut today = Plan::base(&catalog, routine);
        for ex in &mut today.exercises {
            ex.sets = 1;
            ex.reps = ex.reps.min(3);
        }
        let line = length_line(&today, Some((&full, routine)), super::super::GET_READY);
        assert!(
            line.starts_with("About ")
                && line.ends_with("; builds toward the full 15-minute routine."),
            "{line}"
        );
        let same = length_line(&full, Some((&full, routine)), super::super::GET_READY);
        assert!(same.ends_with("min today."), "{same}");
    }

    #[test]
    fn every_rest_get_ready_and_rep_is_counted_once() {
        use crate::catalog::DoseKind;
        let mut plan = crate::session::tests_support::plan_of_reps(&[("a", 2, 10)]);
        plan.exercises[0].rest_s = 30;
        let mut hold = plan.exercises[0].clone();
        hold.kind = DoseKind::Hold;
        hold.hold_s = 20;
        hold.per_side = true;
        hold.sets = 2;
        hold.rest_s = 15;
        plan.exercises.push(hold);
        let ready = Duration::from_secs(5);
        // Reps: 2 × 10 × 4 s + 30 s rest; between: 5 s; hold: get ready, left
        // 20, get ready, right 20, rest 15, left 20 (no get-ready after a
        // rest), get ready, right 20.
        let expected = 80 + 30 + 5 + (5 + 20 + 5 + 20 + 15 + 20 + 5 + 20);
        assert_eq!(total(&plan, ready), Duration::from_secs(expected));
    }
}
