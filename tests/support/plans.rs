//! Plans built by hand or fitted as the app fits them, for the tests that
//! run the engine or draw a plan: one copy of each builder.
#![allow(dead_code)]

use backcoach::catalog::{self, Catalog, DoseKind};
use backcoach::domain::History;
use backcoach::plan::{Plan, PlannedExercise};
use backcoach::profile::Profile;
use backcoach::rules::fitting::{Planned, build};
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A plan of `exercises` for the routine `id` called `name`.
pub fn plan_of(id: &str, name: &str, exercises: Vec<PlannedExercise>) -> Plan {
    Plan {
        routine_id: id.into(),
        routine_name: name.into(),
        intense: false,
        exercises,
        notes: vec![],
    }
}

/// A rep-counted exercise `id` (named in capitals): `sets` of `n`, no rest.
pub fn reps(id: &str, sets: u32, n: u32) -> PlannedExercise {
    PlannedExercise {
        exercise_id: id.into(),
        name: id.to_uppercase(),
        part: None,
        kind: DoseKind::Reps,
        per_side: false,
        sets,
        reps: n,
        hold_s: 0,
        duration_s: 0,
        pace_s: 8,
        rest_s: 0,
        position: String::new(),
        steps: vec!["do it".into()],
        cue: "slowly".into(),
        reasons: vec![],
        figure: None,
    }
}

/// Exercise `id` as the built-in routine `routine` plans it before any
/// history (its base dose, its figure).
pub fn in_routine(routine: &str, id: &str) -> PlannedExercise {
    let catalog = catalog::builtin().expect("built-in catalog");
    let r = catalog.routine(routine).expect("routine");
    Plan::base(&catalog, r)
        .exercises
        .into_iter()
        .find(|p| p.exercise_id == id)
        .expect("the routine has the exercise")
}

/// Exercise `id` of the built-in catalog as the at-home beginner routine
/// doses it, or at the top of its catalog dose if that routine lacks it.
pub fn builtin(id: &str) -> PlannedExercise {
    let catalog = catalog::builtin().expect("built-in catalog");
    let routine = catalog.routine("home-beginner").expect("home-beginner");
    let base = Plan::base(&catalog, routine);
    let e = catalog.exercise(id).expect("exercise");
    base.exercises
        .into_iter()
        .find(|p| p.exercise_id == id)
        .unwrap_or(PlannedExercise {
            exercise_id: e.id.clone(),
            name: e.name.clone(),
            part: None,
            kind: e.dose.kind,
            per_side: e.dose.per_side,
            sets: e.dose.sets.max(),
            reps: e.dose.reps.map(|r| r.max()).unwrap_or(0),
            hold_s: e.dose.hold_s.map(|r| r.max()).unwrap_or(0),
            duration_s: e.dose.duration_s.map(|r| r.max()).unwrap_or(0),
            pace_s: 8,
            rest_s: 45,
            position: e.position.clone(),
            steps: e.steps.clone(),
            cue: e.cue.clone(),
            reasons: vec![],
            figure: None,
        })
}

/// Today's plan of `routine` for `profile` after `history`, fitted as the
/// app fits it (the clock in UTC).
pub fn fitted(
    c: &Catalog,
    routine: &str,
    profile: &Profile,
    history: &History,
    now: Timestamp,
) -> Planned {
    let r = c.routine(routine).expect("routine");
    build(c, r, profile, history, now, &TimeZone::UTC)
}
