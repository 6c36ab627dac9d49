//! What was done of each exercise: one result per set and side, kept at the
//! best of every attempt (going back and redoing never replaces done work
//! with less), and the records and words made from them.

use jiff::Timestamp;
use tokio::time::Instant;

use super::{Effect, MIN_COUNTED_S, Phase, Session, Step, StepKind, Work};
use crate::catalog::DoseKind;
use crate::domain::{ExerciseOutcome, ExerciseRecord, Side};
use crate::plan::{Plan, PlannedExercise};

/// What one side of one set achieved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SlotResult {
    /// Repetitions (or cycles) done.
    pub reps: u32,
    /// Seconds held or moved.
    pub held_s: u32,
    /// The full target was reached.
    pub full: bool,
}

impl SlotResult {
    /// Whether anything at all was done.
    pub fn did_work(self) -> bool {
        self.full || self.reps > 0 || self.held_s > 0
    }

    fn amount(self) -> (bool, u32, u32) {
        (self.full, self.reps, self.held_s)
    }
}

/// Every exercise's slots (per set, per side) and, for a resumed session,
/// the records carried over from before the interruption.
#[derive(Debug, Clone)]
pub(crate) struct Results {
    slots: Vec<Vec<Option<SlotResult>>>,
    prior: Vec<Option<ExerciseRecord>>,
}

/// One exercise's slots added up set by set.
struct Tally {
    /// Sets with work on every side.
    sets_done: u32,
    /// Reps of each set with work in it, its sides together.
    reps_done: Vec<u32>,
    /// Seconds held in each set with work in it, its sides together.
    hold_s_done: Vec<u32>,
    /// Every side of every set done in full.
    completed: bool,
}

/// Slots per set: two for a one-sided exercise (left, right), else one.
pub(crate) fn sides(ex: &PlannedExercise) -> usize {
    if ex.per_side { 2 } else { 1 }
}

impl Results {
    /// Nothing done yet, one slot per set and side of `plan`.
    pub fn new(plan: &Plan) -> Results {
        Results {
            slots: plan
                .exercises
                .iter()
                .map(|e| vec![None; e.sets.max(1) as usize * sides(e)])
                .collect(),
            prior: vec![None; plan.exercises.len()],
        }
    }

    /// Keeps `result` for a slot unless an earlier attempt at it did more.
    pub fn keep(&mut self, exercise: usize, slot: usize, result: SlotResult) {
        if let Some(s) = self.slots.get_mut(exercise).and_then(|e| e.get_mut(slot)) {
            match s {
                Some(old) if old.amount() > result.amount() => {}
                _ => *s = Some(result),
            }
        }
    }

    /// A record from the interrupted session this one resumes.
    pub fn carry_over(&mut self, exercise: usize, record: ExerciseRecord) {
        if let Some(p) = self.prior.get_mut(exercise) {
            *p = Some(match p.take() {
                Some(old) => ExerciseRecord::better_of(old, record),
                None => record,
            });
        }
    }

    /// Whether the session has been at this exercise (even only to skip it).
    pub fn reached(&self, exercise: usize) -> bool {
        self.prior.get(exercise).is_some_and(Option::is_some)
            || self
                .slots
                .get(exercise)
                .is_some_and(|s| s.iter().any(Option::is_some))
    }

    fn tally(&self, plan: &Plan, index: usize) -> Tally {
        let per_set = plan.exercises.get(index).map_or(1, sides);
        let mut tally = Tally {
            sets_done: 0,
            reps_done: Vec::new(),
            hold_s_done: Vec::new(),
            completed: true,
        };
        let slots = self.slots.get(index).map(Vec::as_slice).unwrap_or(&[]);
        for set in slots.chunks(per_set) {
            let worked = |s: &Option<SlotResult>| s.is_some_and(SlotResult::did_work);
            tally.sets_done += u32::from(set.iter().all(worked));
            tally.completed &= set.iter().all(|s| s.is_some_and(|s| s.full));
            if set.iter().any(worked) {
                let done = set.iter().flatten();
                tally.reps_done.push(done.clone().map(|s| s.reps).sum());
                tally.hold_s_done.push(done.map(|s| s.held_s).sum());
            }
        }
        tally
    }

    /// The record of exercise `index`: this run's sets, or the record carried
    /// over from before an interruption when that one holds more.
    pub fn record(&self, plan: &Plan, index: usize, finished_at: Timestamp) -> ExerciseRecord {
        let ex = &plan.exercises[index];
        let Tally {
            sets_done,
            reps_done,
            hold_s_done,
            completed,
        } = self.tally(plan, index);
        let target_hold_s = match ex.kind {
            DoseKind::Duration => ex.duration_s,
            _ => ex.hold_s,
        };
        let now = ExerciseRecord {
            exercise_id: ex.exercise_id.clone(),
            name: ex.name.clone(),
            finished_at,
            sets_planned: ex.sets,
            sets_done,
            target_reps: ex.reps,
            target_hold_s,
            reps_done,
            hold_s_done,
            completed,
        };
        match self.prior.get(index).cloned().flatten() {
            Some(before) => ExerciseRecord::better_of(before, now),
            None => now,
        }
    }

    /// Done, partly done or skipped, over every attempt.
    pub fn outcome(&self, plan: &Plan, index: usize) -> ExerciseOutcome {
        self.record(plan, index, Timestamp::UNIX_EPOCH).outcome()
    }

    /// What was done of one exercise, in a few words: `2 sets · 16 reps`,
    /// `1 set · 30 s · both sides`; "skipped" when nothing was.
    pub fn amount(&self, plan: &Plan, index: usize) -> String {
        let ex = &plan.exercises[index];
        let record = self.record(plan, index, Timestamp::UNIX_EPOCH);
        if !record.did_work() {
            return ExerciseOutcome::Skipped.label().into();
        }
        let sets = record.reps_done.len() as u32;
        let reps: u32 = record.reps_done.iter().sum();
        let held: u32 = record.hold_s_done.iter().sum();
        let mut parts = vec![plural(sets, "set", "sets")];
        parts.push(match ex.kind {
            DoseKind::Reps | DoseKind::RepsWithHold => plural(reps, "rep", "reps"),
            DoseKind::Cycles => plural(reps, "cycle", "cycles"),
            DoseKind::Hold | DoseKind::Duration => format!("{held} s"),
        });
        if ex.per_side {
            parts.push(
                if record.sets_done == sets {
                    "both sides"
                } else {
                    "one side cut short"
                }
                .into(),
            );
        }
        parts.join(" · ")
    }
}

/// What the session under way has done so far, and its records.
impl Session {
    /// Seconds held so far in the current held-rep set (kept across reps).
    pub(super) fn record_partial_hold(&mut self, secs: u32) {
        self.partial_hold += secs;
    }

    pub(super) fn take_partial_hold(&mut self) -> u32 {
        std::mem::take(&mut self.partial_hold)
    }

    pub(super) fn slot_index(&self, step: &Step) -> usize {
        let per_set = if self.plan.exercises[step.exercise].per_side {
            2
        } else {
            1
        };
        let side = usize::from(step.side == Some(Side::Right));
        (step.set.saturating_sub(1) as usize) * per_set + side
    }

    /// Keeps `result` for the current work step (unless an earlier attempt
    /// at the same set and side did more).
    pub(super) fn keep_result(&mut self, result: SlotResult) {
        if let Some(step) = self.current_step().copied()
            && matches!(step.kind, StepKind::Work(_))
        {
            let slot = self.slot_index(&step);
            self.results.keep(step.exercise, slot, result);
        }
    }

    /// What the step under way has achieved by `at` (reps counted, seconds
    /// held or moved): `None` outside a work step (a rest, between exercises).
    pub(super) fn progress(&self, at: Instant) -> Option<SlotResult> {
        let work = self.current_work()?;
        // A timer cut short in its first seconds was skipped, not done.
        let secs_since = |start: Instant| match at.saturating_duration_since(start).as_secs() {
            s if s < u64::from(MIN_COUNTED_S) => 0,
            s => s as u32,
        };
        Some(match (self.phase, work) {
            (Phase::Timed { start, .. }, Work::Cycles { pace, .. }) => SlotResult {
                reps: secs_since(start) / pace.max(1),
                held_s: secs_since(start),
                full: false,
            },
            (Phase::Timed { start, .. }, _) => SlotResult {
                reps: 0,
                held_s: secs_since(start),
                full: false,
            },
            (Phase::Counting { done }, _) => SlotResult {
                reps: done,
                held_s: 0,
                full: false,
            },
            (Phase::RepReady { done } | Phase::RepRelax { done, .. }, _) => SlotResult {
                reps: done,
                held_s: self.partial_hold,
                full: false,
            },
            (Phase::Beating { done, .. }, _) => SlotResult {
                reps: done,
                held_s: 0,
                full: false,
            },
            (Phase::RepHold { done, start, .. }, _) => SlotResult {
                reps: done,
                held_s: self.partial_hold + secs_since(start),
                full: false,
            },
            (Phase::GetReady { .. }, _) => SlotResult::default(),
            _ => return None,
        })
    }

    /// Keeps what the step under way has achieved so far (measured at the
    /// moment time stopped, if a prompt froze it): `n`, `b`, quitting and a
    /// safety stop never lose the set in progress.
    pub(super) fn capture(&mut self, now: Instant) {
        let at = self.frozen_since.unwrap_or(now);
        if let Some(result) = self.progress(at) {
            self.keep_result(result);
        }
    }

    /// Whether any of exercise `index` was done, over every attempt.
    pub(super) fn worked(&self, index: usize) -> bool {
        self.results.outcome(&self.plan, index) != ExerciseOutcome::Skipped
    }

    pub(super) fn wall(&self, at: Instant) -> Timestamp {
        let since = at.saturating_duration_since(self.started);
        self.settings
            .started_wall
            .checked_add(since)
            .unwrap_or(self.settings.started_wall)
    }

    /// The record of one exercise from what its slots hold.
    pub(super) fn exercise_done(&self, index: usize, at: Instant) -> Effect {
        Effect::ExerciseDone {
            index,
            record: self.exercise_record(index, at),
        }
    }

    fn exercise_record(&self, index: usize, at: Instant) -> ExerciseRecord {
        self.results.record(&self.plan, index, self.wall(at))
    }
}

/// `1 set`, `2 sets`.
pub(crate) fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests_support::plan_of_reps;

    #[test]
    fn a_slot_keeps_the_better_of_two_attempts() {
        let plan = plan_of_reps(&[("a", 2, 10)]);
        let mut results = Results::new(&plan);
        let full = SlotResult {
            reps: 10,
            held_s: 0,
            full: true,
        };
        results.keep(0, 0, full);
        results.keep(0, 0, SlotResult::default());
        results.keep(
            0,
            1,
            SlotResult {
                reps: 4,
                ..SlotResult::default()
            },
        );
        results.keep(0, 1, SlotResult::default());
        let r = results.record(&plan, 0, Timestamp::UNIX_EPOCH);
        assert_eq!(r.reps_done, vec![10, 4]);
        assert_eq!(r.sets_done, 2);
        assert_eq!(r.outcome(), ExerciseOutcome::PartlyDone);
        assert_eq!(results.amount(&plan, 0), "2 sets · 14 reps");
    }

    #[test]
    fn a_set_skipped_on_every_side_counts_for_nothing() {
        let plan = plan_of_reps(&[("a", 2, 10)]);
        let mut results = Results::new(&plan);
        results.keep(0, 0, SlotResult::default());
        results.keep(0, 1, SlotResult::default());
        assert!(results.reached(0));
        let r = results.record(&plan, 0, Timestamp::UNIX_EPOCH);
        assert_eq!((r.sets_done, r.reps_done.len()), (0, 0));
        assert_eq!(r.outcome(), ExerciseOutcome::Skipped);
        assert_eq!(results.amount(&plan, 0), "skipped");
    }
}
