//! Turns the engine's effects into the session's history record.
//!
//! Kept apart from the edges so what gets saved is tested without a disk:
//! the app applies every effect here and saves the record whenever it changed.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Effect, Ending};
use crate::domain::{ExerciseRecord, SessionRecord, SessionStatus};
use crate::plan::Plan;

/// The record of the running session, kept up to date from effects.
#[derive(Debug, Clone)]
pub struct SessionLog {
    record: SessionRecord,
    /// One slot per planned exercise, so a redone exercise replaces its record.
    slots: Vec<Option<ExerciseRecord>>,
}

impl SessionLog {
    /// A new record, in progress, for a session starting at `started` on the local `date`.
    pub fn new(plan: &Plan, started: Timestamp, date: Date, baseline: Option<u8>) -> SessionLog {
        SessionLog {
            record: SessionRecord {
                id: started.to_string(),
                routine_id: plan.routine_id.clone(),
                routine_name: plan.routine_name.clone(),
                date,
                started,
                ended: None,
                active_s: 0,
                status: SessionStatus::InProgress,
                intense: plan.intense,
                baseline,
                exercises: Vec::new(),
                ratings: Vec::new(),
            },
            slots: vec![None; plan.exercises.len()],
        }
    }

    /// The record as it stands.
    pub fn record(&self) -> &SessionRecord {
        &self.record
    }

    /// Applies one effect; returns whether the record changed (and must be saved).
    pub fn apply(&mut self, effect: &Effect, now_wall: Timestamp, active_s: u32) -> bool {
        match effect {
            Effect::ExerciseDone { index, record } => {
                if let Some(slot) = self.slots.get_mut(*index) {
                    *slot = Some(record.clone());
                }
                self.record.exercises = self.slots.iter().flatten().cloned().collect();
                self.record.active_s = active_s;
                true
            }
            Effect::Rated(rating) => {
                self.record.ratings.push(rating.clone());
                true
            }
            Effect::Ended(ending) => {
                self.record.status = match ending {
                    Ending::Completed => SessionStatus::Completed,
                    Ending::Quit => SessionStatus::Partial,
                    Ending::Stopped { reason } => SessionStatus::StoppedForSafety {
                        reason: reason.clone(),
                    },
                };
                self.record.ended = Some(now_wall);
                self.record.active_s = active_s;
                true
            }
            Effect::Sound(_) | Effect::Flash(_) => false,
        }
    }

    /// Marks a session cut short by a signal or a closed terminal as partial.
    pub fn interrupt(&mut self, now_wall: Timestamp, active_s: u32) {
        if self.record.status == SessionStatus::InProgress {
            self.record.status = SessionStatus::Partial;
            self.record.ended = Some(now_wall);
            self.record.active_s = active_s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RatingMoment;
    use crate::session::tests_support::{plan_of_reps, run_keys};
    use crate::session::{Key, Settings};

    #[test]
    fn effects_build_the_record_and_a_redone_exercise_replaces_its_own() {
        let plan = plan_of_reps(&[("a", 1, 2), ("b", 1, 1)]);
        let start = Timestamp::from_second(1_700_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let date = Date::constant(2026, 11, 22);
        let mut log = SessionLog::new(&plan, start, date, Some(1));
        assert_eq!(log.record().status, SessionStatus::InProgress);
        let effects = run_keys(
            plan.clone(),
            Settings::default(),
            &[
                Key::Space,
                Key::Space,
                Key::Char('2'),
                Key::Left,
                Key::Left,
                Key::Space,
            ],
        );
        for e in &effects {
            log.apply(e, start, 10);
        }
        let r = log.record();
        assert_eq!(r.exercises.len(), 1, "exercise a is saved once");
        assert_eq!(r.exercises[0].reps_done, vec![2]);
        assert_eq!(r.ratings.len(), 1);
        assert_eq!(r.ratings[0].moment, RatingMoment::AfterExercise);
        assert_eq!(r.baseline, Some(1));
        let effects = run_keys(plan, Settings::default(), &[Key::Char('q'), Key::Char('y')]);
        for e in &effects {
            log.apply(e, start, 12);
        }
        assert_eq!(log.record().status, SessionStatus::Partial);
        assert_eq!(log.record().active_s, 12);
    }
}
