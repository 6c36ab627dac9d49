//! The warm-up offer. Guides 002 and 004 advise a few minutes of easy movement
//! before strength work, and no deep static stretching at the start; a routine
//! that starts with such work names a warm-up routine (`warm_up` in the
//! catalog), which the plan preview offers in front of it with one key, and
//! the profile remembers the choice.

use crate::catalog::{Catalog, Routine};
use crate::plan::Plan;

/// The warm-up routine offered before `routine`, when it names one the
/// catalog holds.
pub fn offered<'c>(catalog: &'c Catalog, routine: &Routine) -> Option<&'c Routine> {
    catalog.routine(routine.warm_up.as_deref()?)
}

/// `plan` with the warm-up's exercises in front, each under the warm-up's
/// name, and the warm-up's notes after the plan's own. Everything else stays
/// the routine's (id, name, intensity), so the session is recorded as the
/// routine it warmed up for.
pub fn with_warm_up(plan: &Plan, warm_up: &Plan) -> Plan {
    let part = Some(warm_up.routine_name.clone());
    let mut exercises: Vec<_> = warm_up
        .exercises
        .iter()
        .cloned()
        .map(|mut e| {
            e.part = part.clone();
            e
        })
        .collect();
    exercises.extend(plan.exercises.iter().cloned());
    let mut notes = plan.notes.clone();
    notes.extend(warm_up.notes.iter().cloned());
    Plan {
        exercises,
        notes,
        ..plan.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{DoseKind, builtin};
    use crate::plan::PlannedExercise;
    use proptest::prelude::*;

    fn exercise(id: String, part: Option<String>) -> PlannedExercise {
        PlannedExercise {
            exercise_id: id.clone(),
            name: id,
            part,
            kind: DoseKind::Reps,
            per_side: false,
            sets: 1,
            reps: 5,
            hold_s: 0,
            duration_s: 0,
            pace_s: 8,
            rest_s: 30,
            position: String::new(),
            steps: vec!["Move.".into()],
            cue: String::new(),
            reasons: Vec::new(),
            figure: None,
        }
    }

    fn plan(id: &str, n: usize, intense: bool) -> Plan {
        Plan {
            routine_id: id.into(),
            routine_name: format!("{id} routine"),
            intense,
            exercises: (0..n)
                .map(|k| exercise(format!("{id}-{k}"), Some("Strength".into())))
                .collect(),
            notes: vec![format!("{id} note")],
        }
    }

    proptest! {
        #[test]
        fn the_warm_up_goes_first_and_the_plan_stays_the_routine_s(
            main in 0usize..8,
            warm in 0usize..6,
            intense in any::<bool>(),
        ) {
            let base = plan("main", main, intense);
            let warm_up = plan("warm", warm, false);
            let both = with_warm_up(&base, &warm_up);
            prop_assert_eq!(&both.routine_id, "main");
            prop_assert_eq!(&both.routine_name, "main routine");
            prop_assert_eq!(both.intense, intense);
            prop_assert_eq!(both.exercises.len(), main + warm);
            for (k, e) in both.exercises.iter().enumerate() {
                if k < warm {
                    prop_assert_eq!(&e.exercise_id, &format!("warm-{k}"));
                    prop_assert_eq!(e.part.as_deref(), Some("warm routine"));
                } else {
                    prop_assert_eq!(&e.exercise_id, &format!("main-{}", k - warm));
                    prop_assert_eq!(e.part.as_deref(), Some("Strength"));
                }
            }
            prop_assert_eq!(both.notes, vec!["main note".to_string(), "warm note".into()]);
        }
    }

    #[test]
    fn strength_routines_offer_the_5_minute_warm_up() {
        let c = builtin().expect("catalog");
        let offer = |id: &str| offered(&c, c.routine(id).expect("routine")).map(|r| r.id.clone());
        for id in ["home-beginner", "gym-back-day", "pt-twelve"] {
            assert_eq!(offer(id).as_deref(), Some("warm-up"), "{id}");
        }
        // The daily routine opens with guide 000's gentle warm-up stretches;
        // the mini workout has its own walk; the rest are gentle throughout.
        for id in [
            "daily",
            "mini-workout",
            "warm-up",
            "gentle-stretches",
            "desk-break",
        ] {
            assert_eq!(offer(id), None, "{id}");
        }
    }
}
