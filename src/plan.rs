//! Today's plan: a routine with every dose resolved to plain numbers.
//!
//! The session engine runs a [`Plan`] and never looks at the catalog, so the
//! plan carries everything the screen shows (name, steps, cue). The coach's
//! rules (profile, conditions, equipment, progression) decide the numbers in
//! [`crate::rules::fitting`]; this module only holds the result.

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, DoseKind, Range, Routine};

/// Seconds per slow cycle when the catalog gives no pace: one breath in, one out.
pub const DEFAULT_PACE_S: u32 = 8;

/// Seconds one counted repetition typically takes, for the time estimate.
///
/// The catalog gives no tempo for counted repetitions; the guides ask for
/// them "slowly" and "controlled" (guide 000: "move slowly"; guide 002:
/// "controlled reps", "smooth, controlled movements"). The usual reading of a
/// controlled repetition is about two seconds each way, so four seconds.
pub const REP_PACE_S: u32 = 4;

/// Seconds between one held repetition and the next, for the time estimate:
/// lowering out of the hold and setting up again before `Space` starts the
/// next one (about two seconds down, one to settle).
pub const HELD_REP_GAP_S: u32 = 3;

/// Seconds between two exercises, for the time estimate: answering the quick
/// check (a number and `Enter`) and reading what comes next.
pub const BETWEEN_EXERCISES_S: u32 = 5;

/// One exercise of today's plan with its dose fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedExercise {
    /// The exercise's catalog id; the session's records and ratings refer to it.
    pub exercise_id: String,
    /// The exercise's name, as the screens show it.
    pub name: String,
    /// The routine part it belongs to ("Warm-up").
    pub part: Option<String>,
    /// What the session counts or times: reps, holds, slow cycles or a duration.
    pub kind: DoseKind,
    /// Done on the left, then the right: each set runs once per side.
    pub per_side: bool,
    /// How many sets today.
    pub sets: u32,
    /// Repetitions (or cycles) per set, per side; 0 when not counted.
    pub reps: u32,
    /// Seconds of the hold, or of each repetition's hold; 0 when none.
    pub hold_s: u32,
    /// Seconds of a timed-duration exercise; 0 when none.
    pub duration_s: u32,
    /// Seconds per slow cycle.
    pub pace_s: u32,
    /// Rest between sets, seconds.
    pub rest_s: u32,
    /// Where the body starts, in one line (from the catalog).
    pub position: String,
    /// How to do it, step by step (from the catalog).
    pub steps: Vec<String>,
    /// The one thing to keep in mind while doing it; the session shows it large.
    pub cue: String,
    /// Why today's dose or exercise differs from the routine's (shown in the preview).
    pub reasons: Vec<String>,
    /// The exercise's figure (from the catalog), drawn beside the steps and
    /// moved by the session in time with the rep, hold or breath.
    #[serde(default)]
    pub figure: Option<crate::figure::Figure>,
}

impl PlannedExercise {
    /// The dose in a few words: `2 × 10 reps`, `3 × 30 s`, `5 min`, worded
    /// as `show` and the browser word the same numbers.
    pub fn dose_label(&self) -> String {
        crate::catalog::amount_summary(
            self.kind,
            self.per_side,
            self.sets,
            self.reps,
            self.hold_s,
            self.duration_s,
        )
    }
}

/// A routine ready to run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The routine's catalog id; saved with the session.
    pub routine_id: String,
    /// The routine's name, the title of the preview and the session screens.
    pub routine_name: String,
    /// Heavy strength work: the 48-hour rule applies to the next one.
    pub intense: bool,
    /// Today's exercises, in the order the session runs them.
    pub exercises: Vec<PlannedExercise>,
    /// Routine-level notes for the preview (exercises left out and why).
    pub notes: Vec<String>,
}

impl Plan {
    /// The routine at the low end of each of its doses, with no coaching applied.
    ///
    /// This is what a regular exerciser starts from; the coach's rules adjust it.
    pub fn base(catalog: &Catalog, routine: &Routine) -> Plan {
        Plan::at(catalog, routine, Range::min)
    }

    /// The routine at the top of each of its doses: what progression builds
    /// toward, and what the preview's "builds toward the full routine" means.
    pub fn full(catalog: &Catalog, routine: &Routine) -> Plan {
        Plan::at(catalog, routine, Range::max)
    }

    /// The routine with every dose range resolved by `pick` (rests at their
    /// low end either way).
    fn at(catalog: &Catalog, routine: &Routine, pick: fn(Range) -> u32) -> Plan {
        let exercises = routine
            .items
            .iter()
            .filter_map(|item| {
                let exercise = catalog.exercise(&item.exercise)?;
                let dose = routine.item_dose(item, exercise);
                Some(PlannedExercise {
                    exercise_id: exercise.id.clone(),
                    name: exercise.name.clone(),
                    part: item.part.clone(),
                    kind: dose.kind,
                    per_side: dose.per_side,
                    sets: pick(dose.sets).max(1),
                    reps: dose.reps.map(pick).unwrap_or(0),
                    hold_s: dose.hold_s.map(pick).unwrap_or(0),
                    duration_s: dose.duration_s.map(pick).unwrap_or(0),
                    pace_s: dose.pace_s.unwrap_or(DEFAULT_PACE_S),
                    rest_s: dose.rest_s.map(|r| r.min()).unwrap_or(routine.rest().min()),
                    position: exercise.position.clone(),
                    steps: exercise.steps.clone(),
                    cue: exercise.cue.clone(),
                    reasons: Vec::new(),
                    figure: exercise.figure.clone(),
                })
            })
            .collect();
        Plan {
            routine_id: routine.id.clone(),
            routine_name: routine.name.clone(),
            intense: routine.intense,
            exercises,
            notes: Vec::new(),
        }
    }
}
