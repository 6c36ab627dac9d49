//! Resuming a session interrupted earlier today (quit, closed window, power
//! cut): the engine starts at the exercise where it stopped, with what was
//! done before carried over, so the end screen and the record add up the
//! whole session. A safety stop is never resumed.

use std::fmt;

use tokio::time::Instant;

use super::record::{plan_indices, resume_point};
use super::{Effect, Session, Settings};
use crate::domain::SessionRecord;
use crate::plan::Plan;

/// Why an interrupted session cannot be picked up again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CannotResume {
    /// It was stopped by the safety rules: it is never resumed.
    SafetyStop,
    /// Nothing was done in it, or nothing is left of today's plan.
    NothingToResume,
}

impl fmt::Display for CannotResume {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CannotResume::SafetyStop => "a session stopped for safety is never resumed",
            CannotResume::NothingToResume => "nothing of that session is left to resume",
        })
    }
}

impl std::error::Error for CannotResume {}

impl Session {
    /// Picks up `from`, a session interrupted earlier (the caller checks it
    /// is today's with [`SessionRecord::resumable_on`]), at the exercise
    /// where it stopped ([`resume_point`]): its records and ratings are
    /// carried over (the stop rules still compare with the ratings given
    /// before), the exercise it stopped in starts again from its first set,
    /// and whatever is redone keeps the better of the two attempts. Pair it
    /// with [`super::record::SessionLog::resume`] so the same record goes on.
    pub fn resume(
        plan: Plan,
        settings: Settings,
        now: Instant,
        from: &SessionRecord,
    ) -> Result<(Session, Vec<Effect>), CannotResume> {
        if from.is_safety_stop() {
            return Err(CannotResume::SafetyStop);
        }
        let start = resume_point(&plan, from).ok_or(CannotResume::NothingToResume)?;
        let indices = plan_indices(&plan, from);
        let mut session = Session::ready(plan, settings, now);
        // The stop rules compare with the check-in of the session resumed.
        session.settings.baseline = session.settings.baseline.or(from.baseline);
        session.last_value = session.settings.baseline;
        for (record, index) in from.exercises.iter().zip(indices) {
            if let Some(i) = index
                && record.did_work()
            {
                session.results.carry_over(i, record.clone());
            }
        }
        for rating in &from.ratings {
            let exercise = rating.exercise_id.as_ref().and_then(|id| {
                session
                    .plan
                    .exercises
                    .iter()
                    .position(|e| &e.exercise_id == id)
            });
            session.ratings.push((exercise, rating.value));
            session.last_value = Some(rating.value);
        }
        session.cursor = session
            .steps
            .iter()
            .position(|s| s.exercise == start)
            .ok_or(CannotResume::NothingToResume)?;
        let mut fx = Vec::new();
        session.enter_step(now, None, &mut fx);
        // What the first step says at once.
        fx.extend(session.tick(now));
        Ok((session, fx))
    }
}
