//! Turns the engine's effects into the session's history record.
//!
//! Kept apart from the edges so what gets saved is tested without a disk:
//! the app applies every effect here and saves the record whenever it changed.
//!
//! Saved, then shown: an effect for which [`Effect::must_save_before_showing`]
//! holds (an exercise done, the session's end) changes what the next frame
//! announces, so the app saves the record *before* drawing that frame; any
//! other change may be saved after the frame is out.
//!
//! A session interrupted today can be resumed: [`SessionLog::resume`] keeps
//! its record (same id, what was done, its ratings) and [`resume_point`]
//! says at which exercise the engine picks it up
//! ([`super::Session::resume`]).

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Effect, Ending};
use crate::domain::{ExerciseRecord, SessionRecord, SessionStatus};
use crate::plan::Plan;

/// The status a session's end earns (the README's "What counts"): a safety
/// stop stays one; a quit session is partial (the user contract promises
/// so; with nothing done it counts for nothing all the same, since only work
/// done makes an active day); reaching the end with no exercise done at all
/// is skipped, with at least half of the `planned` exercises done or partly
/// done (`worked`) completed, otherwise partial.
pub fn status_for(ending: &Ending, worked: usize, planned: usize) -> SessionStatus {
    match ending {
        Ending::Stopped { reason } => SessionStatus::StoppedForSafety {
            reason: reason.clone(),
        },
        Ending::Quit => SessionStatus::Partial,
        Ending::Completed if worked == 0 => SessionStatus::Skipped,
        Ending::Completed if worked * 2 >= planned => SessionStatus::Completed,
        Ending::Completed => SessionStatus::Partial,
    }
}

/// Where a resumed session picks up: the exercise it stopped in when that
/// one was not finished, else the one after the last exercise done (the
/// latest record). `None` when nothing was done or nothing is left.
pub fn resume_point(plan: &Plan, record: &SessionRecord) -> Option<usize> {
    let indices = plan_indices(plan, record);
    let (last, index) = record
        .exercises
        .iter()
        .zip(&indices)
        .filter(|(e, _)| e.did_work())
        .filter_map(|(e, i)| i.map(|i| (e, i)))
        .max_by_key(|(e, i)| (e.finished_at, *i))?;
    let at = if last.completed { index + 1 } else { index };
    (at < plan.exercises.len()).then_some(at)
}

/// The plan index of each of the record's exercises, matched by id in plan
/// order (an exercise that appears twice takes its places in turn).
pub(super) fn plan_indices(plan: &Plan, record: &SessionRecord) -> Vec<Option<usize>> {
    let mut taken = vec![false; plan.exercises.len()];
    record
        .exercises
        .iter()
        .map(|e| {
            let i = plan
                .exercises
                .iter()
                .enumerate()
                .position(|(i, p)| !taken[i] && p.exercise_id == e.exercise_id)?;
            taken[i] = true;
            Some(i)
        })
        .collect()
}

/// The record of the running session, kept up to date from effects.
#[derive(Debug, Clone)]
pub struct SessionLog {
    record: SessionRecord,
    /// One slot per planned exercise, so a redone exercise keeps its better record.
    slots: Vec<Option<ExerciseRecord>>,
    /// Records of a resumed session that today's plan has no place for.
    unplaced: Vec<ExerciseRecord>,
    /// Active seconds before this run, for a resumed session.
    active_before: u32,
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
            unplaced: Vec::new(),
            active_before: 0,
        }
    }

    /// Picks up an interrupted session's record to go on with it: same id,
    /// date and start, its exercises and ratings kept, running again. Records
    /// of exercises no longer in `plan` are kept as they are.
    pub fn resume(plan: &Plan, mut record: SessionRecord) -> SessionLog {
        let mut slots = vec![None; plan.exercises.len()];
        let mut unplaced = Vec::new();
        let indices = plan_indices(plan, &record);
        for (e, i) in std::mem::take(&mut record.exercises)
            .into_iter()
            .zip(indices)
        {
            match i.and_then(|i| slots.get_mut(i)) {
                Some(slot) => *slot = Some(e),
                None => unplaced.push(e),
            }
        }
        let active_before = record.active_s;
        record.status = SessionStatus::InProgress;
        record.ended = None;
        let mut log = SessionLog {
            record,
            slots,
            unplaced,
            active_before,
        };
        log.refresh();
        log
    }

    fn refresh(&mut self) {
        self.record.exercises = self
            .slots
            .iter()
            .flatten()
            .chain(&self.unplaced)
            .cloned()
            .collect();
    }

    fn worked(&self) -> usize {
        self.slots.iter().flatten().filter(|e| e.did_work()).count()
    }

    /// The record as it stands.
    pub fn record(&self) -> &SessionRecord {
        &self.record
    }

    /// Applies one effect; returns whether the record changed (and must be saved).
    /// `active_s` is this run's active time (a resumed session adds what it
    /// had before).
    pub fn apply(&mut self, effect: &Effect, now_wall: Timestamp, active_s: u32) -> bool {
        let active_s = self.active_before.saturating_add(active_s);
        match effect {
            Effect::ExerciseDone { index, record } => {
                if let Some(slot) = self.slots.get_mut(*index) {
                    *slot = Some(match slot.take() {
                        Some(old) => ExerciseRecord::better_of(old, record.clone()),
                        None => record.clone(),
                    });
                }
                self.refresh();
                self.record.active_s = active_s;
                true
            }
            Effect::Rated(rating) => {
                self.record.ratings.push(rating.clone());
                true
            }
            Effect::Ended(ending) => {
                self.record.status = status_for(ending, self.worked(), self.slots.len());
                self.record.ended = Some(now_wall);
                self.record.active_s = active_s;
                true
            }
            Effect::Sound(_)
            | Effect::Say { .. }
            | Effect::PrepareVoice { .. }
            | Effect::Flash(_) => false,
        }
    }

    /// Marks a session cut short by a signal or a closed terminal as
    /// partial (skipped when nothing was done).
    pub fn interrupt(&mut self, now_wall: Timestamp, active_s: u32) {
        if self.record.status == SessionStatus::InProgress {
            self.record.status = status_for(&Ending::Quit, self.worked(), self.slots.len());
            self.record.ended = Some(now_wall);
            self.record.active_s = self.active_before.saturating_add(active_s);
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
                Key::Space, // the kind: a dull ache
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
