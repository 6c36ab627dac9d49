//! Small builders shared by tests across the crate.

use super::*;
use crate::catalog::DoseKind;
use crate::plan::PlannedExercise;

/// A plan of rep-counted exercises `(id, sets, reps)` with no rests.
pub fn plan_of_reps(items: &[(&str, u32, u32)]) -> Plan {
    Plan {
        routine_id: "test".into(),
        routine_name: "Test".into(),
        intense: false,
        exercises: items
            .iter()
            .map(|&(id, sets, reps)| PlannedExercise {
                exercise_id: id.into(),
                name: id.to_uppercase(),
                part: None,
                kind: DoseKind::Reps,
                per_side: false,
                sets,
                reps,
                hold_s: 0,
                duration_s: 0,
                pace_s: 8,
                rest_s: 0,
                position: String::new(),
                steps: vec!["do it".into()],
                cue: "breathe".into(),
                reasons: vec![],
                figure: None,
            })
            .collect(),
        notes: vec![],
    }
}

/// One exercise of `kind` called `id` (named in capitals), one set, no
/// rest: tests set the numbers they need.
pub fn planned(id: &str, kind: DoseKind) -> PlannedExercise {
    PlannedExercise {
        kind,
        reps: 0,
        ..plan_of_reps(&[(id, 1, 0)]).exercises.remove(0)
    }
}

/// A plan of these exercises.
pub fn plan_of(exercises: Vec<PlannedExercise>) -> Plan {
    Plan {
        exercises,
        ..plan_of_reps(&[])
    }
}

/// Starts a session and presses `keys` one second apart; returns every effect.
pub fn run_keys(plan: Plan, settings: Settings, keys: &[Key]) -> Vec<Effect> {
    let t0 = Instant::now();
    let (mut session, mut fx) = Session::new(plan, settings, t0);
    for (i, key) in keys.iter().enumerate() {
        fx.extend(session.key(*key, t0 + Duration::from_secs(i as u64 + 1)));
    }
    fx
}

/// The app's settings: voice on, paced, a 5 s get-ready and 10 s before the first exercise.
pub fn spoken() -> Settings {
    Settings {
        voice: true,
        pace: Pace {
            pacing: crate::profile::Pacing::Paced,
            metronome: false,
        },
        get_ready: GET_READY,
        first_get_ready: FIRST_GET_READY,
        ..Settings::default()
    }
}
