//! One exercise on its own ("do it now" in the browser, `start --exercise
//! ID`): a routine of that one exercise, so it goes the same way as every
//! routine — today, the gate, the check-in, the plan from its answers (the
//! profile's conditions, equipment and the progression ladder included), the
//! session with its safety rules, and the record.
//!
//! Its routine id is the exercise's id behind [`PREFIX`], so the history
//! tells such a session from a routine's, and a session of it cut off earlier
//! today is offered for resume like any other.

use std::borrow::Cow;

use crate::catalog::{Catalog, Exercise, Frequency, Range, Routine, RoutineItem, RoutineOwn};

/// What a one-exercise routine's id starts with: `exercise:superman`.
pub const PREFIX: &str = "exercise:";

/// The routine id of `exercise_id` done on its own.
pub fn routine_id(exercise_id: &str) -> String {
    format!("{PREFIX}{exercise_id}")
}

/// The exercise id behind a one-exercise routine id, if it is one.
pub fn exercise_id(routine_id: &str) -> Option<&str> {
    routine_id.strip_prefix(PREFIX)
}

/// `exercise` as a routine of its own: its usual dose, its own rest (else
/// the default rest between sets), no warm-up, its sources.
pub fn routine(exercise: &Exercise) -> Routine {
    Routine {
        id: routine_id(&exercise.id),
        name: exercise.name.clone(),
        summary: format!("The {} on its own.", exercise.name),
        minutes: Range(1, 1),
        frequency: Frequency {
            days_per_week: Range(1, 7),
            times_per_day: None,
            min_hours_between: None,
        },
        intense: false,
        rest_s: None,
        warm_up: None,
        items: vec![RoutineItem {
            exercise: exercise.id.clone(),
            part: None,
            sets: None,
            reps: None,
            hold_s: None,
            duration_s: None,
            rest_s: None,
            note: None,
        }],
        ours: vec![RoutineOwn::Minutes, RoutineOwn::Days],
        sources: exercise.sources.clone(),
    }
}

/// The routine a session with this id runs: the catalog's routine, or one
/// exercise on its own; `None` when neither exists.
pub fn resolve<'c>(catalog: &'c Catalog, id: &str) -> Option<Cow<'c, Routine>> {
    if let Some(r) = catalog.routine(id) {
        return Some(Cow::Borrowed(r));
    }
    let exercise = catalog.exercise(exercise_id(id)?)?;
    Some(Cow::Owned(routine(exercise)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{Situation, may_start, plan_after_checkin, today};
    use crate::domain::{CheckIn, History, SessionRecord, SessionStatus};
    use crate::profile::{Condition, Experience, Profile};
    use jiff::Timestamp;
    use jiff::tz::TimeZone;

    fn catalog() -> Catalog {
        crate::catalog::builtin().expect("the built-in catalog")
    }

    fn now() -> Timestamp {
        "2026-11-30T09:00:00Z".parse().expect("a time")
    }

    fn checkin() -> CheckIn {
        CheckIn {
            at: now(),
            date: now().to_zoned(TimeZone::UTC).date(),
            baseline: 2,
            asked_warning_signs: true,
            warning_signs: Vec::new(),
            since_last: None,
            stop_pain_eased: None,
            lingering: false,
        }
    }

    #[test]
    fn resolves_routines_first_then_single_exercises() {
        let catalog = catalog();
        assert_eq!(
            resolve(&catalog, "daily").map(|r| r.id.clone()),
            Some("daily".to_string())
        );
        let one = resolve(&catalog, "exercise:superman").expect("superman on its own");
        assert_eq!(one.items.len(), 1);
        assert_eq!(one.items[0].exercise, "superman");
        assert_eq!(one.name, "Superman");
        assert!(resolve(&catalog, "exercise:no-such").is_none());
        assert!(
            resolve(&catalog, "superman").is_none(),
            "an exercise id alone is no routine"
        );
    }

    #[test]
    fn the_plan_is_the_exercise_at_the_profiles_dose() {
        let catalog = catalog();
        let superman = catalog.exercise("superman").expect("superman");
        let routine = routine(superman);
        let profile = Profile {
            experience: Experience::New,
            ..Profile::default()
        };
        let planned = plan_after_checkin(
            &catalog,
            &routine,
            &profile,
            &History::default(),
            &checkin(),
            now(),
            &TimeZone::UTC,
        );
        assert_eq!(planned.plan.routine_id, "exercise:superman");
        assert_eq!(planned.plan.exercises.len(), 1);
        assert_eq!(planned.plan.exercises[0].exercise_id, "superman");
    }

    #[test]
    fn a_condition_swaps_in_the_safer_alternative_as_in_a_routine() {
        let catalog = catalog();
        let superman = catalog.exercise("superman").expect("superman");
        let profile = Profile {
            conditions: vec![Condition::SpinalStenosis],
            ..Profile::default()
        };
        let planned = plan_after_checkin(
            &catalog,
            &routine(superman),
            &profile,
            &History::default(),
            &checkin(),
            now(),
            &TimeZone::UTC,
        );
        assert!(
            planned
                .plan
                .exercises
                .iter()
                .all(|e| e.exercise_id != "superman"),
            "the superman bends the back strongly backwards: {:?}",
            planned.plan
        );
    }

    #[test]
    fn a_closed_day_refuses_a_single_exercise_too() {
        let catalog = catalog();
        let superman = catalog.exercise("superman").expect("superman");
        let date = now().to_zoned(TimeZone::UTC).date();
        let started = now() - jiff::SignedDuration::from_hours(1);
        let stopped = SessionRecord {
            id: started.to_string(),
            routine_id: "daily".into(),
            routine_name: "Daily".into(),
            date,
            started,
            ended: Some(started),
            active_s: 60,
            status: SessionStatus::StoppedForSafety {
                reason: "Sharp pain".into(),
            },
            intense: false,
            baseline: Some(2),
            exercises: Vec::new(),
            ratings: Vec::new(),
        };
        let history = History {
            sessions: vec![stopped.clone()],
            ..History::default()
        };
        let profile = Profile::default();
        let today = today(Situation {
            profile: &profile,
            history: &history,
            last_session: Some(&stopped),
            now: now(),
            today: date,
        });
        assert!(may_start(&today, &routine(superman), &history, now()).is_err());
    }
}
