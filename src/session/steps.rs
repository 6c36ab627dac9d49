//! A plan flattened into steps: every set, every side, every rest.

use crate::catalog::DoseKind;
use crate::domain::Side;
use crate::plan::{Plan, PlannedExercise};
use crate::profile::Pacing;

/// The work of one step, with its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Hold for `secs`.
    Hold {
        /// Length of the hold, in seconds.
        secs: u32,
    },
    /// Count `target` repetitions with `Space`.
    Reps {
        /// Repetitions to count.
        target: u32,
    },
    /// `target` repetitions, each held `hold` seconds; `Space` starts each one.
    RepsWithHold {
        /// Repetitions in the set.
        target: u32,
        /// Seconds each repetition is held.
        hold: u32,
    },
    /// `target` slow cycles of `pace` seconds each.
    Cycles {
        /// Number of cycles in the set.
        target: u32,
        /// Seconds one full cycle takes, breath in and breath out.
        pace: u32,
    },
    /// Keep moving for `secs`.
    Duration {
        /// How long to keep moving, in seconds.
        secs: u32,
    },
}

impl Work {
    /// Whether the step runs on a timer that needs a get-ready countdown first.
    pub fn is_timed(self) -> bool {
        matches!(
            self,
            Work::Hold { .. } | Work::Cycles { .. } | Work::Duration { .. }
        )
    }

    /// Seconds of the timed part (0 for rep-based work).
    pub fn timed_secs(self) -> u32 {
        match self {
            Work::Hold { secs } | Work::Duration { secs } => secs,
            Work::Cycles { target, pace } => target.saturating_mul(pace),
            _ => 0,
        }
    }
}

/// What a step is: work, or rest between sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A set, or one side of a set, with the work it asks for.
    Work(Work),
    /// Rest between sets, for `secs` seconds.
    Rest {
        /// Length of the rest, in seconds.
        secs: u32,
    },
}

/// One step of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Index into the plan's exercises.
    pub exercise: usize,
    /// 1-based set number.
    pub set: u32,
    /// Sets planned for this exercise, at least 1.
    pub sets: u32,
    /// The side this step works for a per-side exercise; `None` otherwise and for rests.
    pub side: Option<Side>,
    /// Work or rest, with its target.
    pub kind: StepKind,
    /// The set runs itself (held repetitions paced, or plain repetitions on
    /// the metronome): it opens with a get-ready countdown like a timer.
    pub paced: bool,
}

impl Step {
    /// Whether the step opens with the get-ready countdown when entered from
    /// `prev` (the step just left within the same run, `None` when it starts
    /// an exercise or is re-entered): timed work and paced sets do, except
    /// straight after a rest of its own exercise, which was the time to get
    /// ready (its last seconds are counted down).
    pub fn starts_with_get_ready(&self, prev: Option<&Step>) -> bool {
        let after_rest = prev.is_some_and(|p| {
            p.exercise == self.exercise && matches!(p.kind, StepKind::Rest { .. })
        });
        matches!(self.kind, StepKind::Work(w) if w.is_timed() || self.paced) && !after_rest
    }

    /// The step before `index` that the session passes through on its way
    /// to it: the previous step of the same exercise, `None` at the start of
    /// an exercise (the quick check comes between exercises).
    pub fn came_from(steps: &[Step], index: usize) -> Option<&Step> {
        let prev = steps.get(index.checked_sub(1)?)?;
        (prev.exercise == steps.get(index)?.exercise).then_some(prev)
    }
}

/// The work one set (one side) of an exercise asks for.
pub fn work_of(ex: &PlannedExercise) -> Work {
    let at_least_one = |n: u32| n.max(1);
    match ex.kind {
        DoseKind::Reps => Work::Reps {
            target: at_least_one(ex.reps),
        },
        DoseKind::Hold => Work::Hold {
            secs: at_least_one(ex.hold_s),
        },
        DoseKind::RepsWithHold => Work::RepsWithHold {
            target: at_least_one(ex.reps),
            hold: at_least_one(ex.hold_s),
        },
        DoseKind::Cycles => Work::Cycles {
            target: at_least_one(ex.reps),
            pace: at_least_one(ex.pace_s),
        },
        DoseKind::Duration => Work::Duration {
            secs: at_least_one(ex.duration_s),
        },
    }
}

/// How the person moves a set on: whether held repetitions run themselves
/// ([`Pacing`]) and whether plain ones are counted on a metronome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pace {
    /// Held repetitions: paced, or `Space` for each.
    pub pacing: Pacing,
    /// Plain repetitions counted at a steady pace, with no key.
    pub metronome: bool,
}

impl Pace {
    /// Each held repetition waits for `Space`, each plain one is counted
    /// with it: the session as it was before pacing.
    pub const MANUAL: Pace = Pace {
        pacing: Pacing::Manual,
        metronome: false,
    };

    /// Whether a set of `work` runs itself.
    pub fn runs(self, work: Work) -> bool {
        match work {
            Work::RepsWithHold { .. } => self.pacing == Pacing::Paced,
            Work::Reps { .. } => self.metronome,
            // Timers run themselves anyway.
            Work::Hold { .. } | Work::Cycles { .. } | Work::Duration { .. } => false,
        }
    }
}

/// Every step of a plan, in order: each set's sides, then a rest before the
/// next set; each held-rep set waits for `Space` ([`Pace::MANUAL`]).
pub fn build(plan: &Plan) -> Vec<Step> {
    build_paced(plan, Pace::MANUAL)
}

/// Every step of a plan, in order, with sets paced as `pace` says.
pub fn build_paced(plan: &Plan, pace: Pace) -> Vec<Step> {
    let mut steps = Vec::new();
    for (index, ex) in plan.exercises.iter().enumerate() {
        let sets = ex.sets.max(1);
        let work = work_of(ex);
        let paced = pace.runs(work);
        let sides: &[Option<Side>] = if ex.per_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for set in 1..=sets {
            for &side in sides {
                steps.push(Step {
                    exercise: index,
                    set,
                    sets,
                    side,
                    kind: StepKind::Work(work),
                    paced,
                });
            }
            if set < sets && ex.rest_s > 0 {
                steps.push(Step {
                    exercise: index,
                    set,
                    sets,
                    side: None,
                    kind: StepKind::Rest { secs: ex.rest_s },
                    paced: false,
                });
            }
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::PlannedExercise;

    fn ex(kind: DoseKind, per_side: bool, sets: u32) -> PlannedExercise {
        PlannedExercise {
            exercise_id: "x".into(),
            name: "X".into(),
            part: None,
            kind,
            per_side,
            sets,
            reps: 8,
            hold_s: 3,
            duration_s: 60,
            pace_s: 8,
            rest_s: 45,
            position: String::new(),
            steps: vec![],
            cue: String::new(),
            reasons: vec![],
            figure: None,
        }
    }

    #[test]
    fn sides_and_rests_are_laid_out_in_order() {
        let plan = Plan {
            routine_id: "r".into(),
            routine_name: "R".into(),
            intense: false,
            exercises: vec![
                ex(DoseKind::RepsWithHold, true, 2),
                ex(DoseKind::Hold, false, 1),
            ],
            notes: vec![],
        };
        let steps = build(&plan);
        let shape: Vec<(usize, u32, Option<Side>, bool)> = steps
            .iter()
            .map(|s| {
                (
                    s.exercise,
                    s.set,
                    s.side,
                    matches!(s.kind, StepKind::Rest { .. }),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (0, 1, Some(Side::Left), false),
                (0, 1, Some(Side::Right), false),
                (0, 1, None, true),
                (0, 2, Some(Side::Left), false),
                (0, 2, Some(Side::Right), false),
                (1, 1, None, false),
            ]
        );
    }
}
