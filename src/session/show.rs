//! What the screen shows at a given moment, computed from the engine's state
//! (the [`View`]), and the time left from the real plan.

use std::time::Duration;

use tokio::time::Instant;

use super::results::Results;
use super::{
    Counts, EndView, Ending, Modal, ModalView, Phase, Readout, Session, StepKind, View, Work,
    estimate, record,
};
use crate::domain::ExerciseOutcome;

impl Session {
    /// What the screen shows at `now`.
    pub fn view(&self, now: Instant) -> View<'_> {
        let now = self.clamp(now);
        // While frozen, time stands still at the moment it froze.
        let at = self.frozen_since.unwrap_or(now);
        let secs_left = |deadline: Instant| {
            deadline
                .saturating_duration_since(at)
                .as_nanos()
                .div_ceil(1_000_000_000) as u64
        };
        let step = self.current_step().copied();
        let work = self.current_work();
        let (readout, gauge) = match (self.phase, work) {
            (Phase::GetReady { start, deadline }, _) => {
                let total = deadline.saturating_duration_since(start);
                (
                    Readout::GetReady {
                        remaining_s: secs_left(deadline),
                    },
                    ratio(at.saturating_duration_since(start), total),
                )
            }
            (Phase::Timed { start, deadline }, Some(Work::Cycles { target, pace })) => {
                let since = at.saturating_duration_since(start);
                let pace_d = Duration::from_secs(u64::from(pace.max(1)));
                let cycle = (since.as_nanos() / pace_d.as_nanos()) as u32;
                let within = since.as_nanos() % pace_d.as_nanos();
                let total = deadline.saturating_duration_since(start);
                (
                    Readout::Cycles {
                        rep: (cycle + 1).min(target),
                        target,
                        breath_in: within < pace_d.as_nanos() / 2,
                        remaining_s: secs_left(deadline),
                        total_s: total.as_secs(),
                    },
                    ratio(since, total),
                )
            }
            (Phase::Timed { start, deadline }, work) => {
                let total = deadline.saturating_duration_since(start);
                let (remaining_s, total_s) = (secs_left(deadline), total.as_secs());
                (
                    if matches!(work, Some(Work::Duration { .. })) {
                        Readout::Move {
                            remaining_s,
                            total_s,
                        }
                    } else {
                        Readout::Hold {
                            remaining_s,
                            total_s,
                        }
                    },
                    ratio(at.saturating_duration_since(start), total),
                )
            }
            (Phase::Counting { done }, Some(Work::Reps { target })) => (
                Readout::Reps { done, target },
                done as f64 / target.max(1) as f64,
            ),
            (Phase::RepReady { done }, Some(Work::RepsWithHold { target, .. })) => (
                Readout::RepReady { done, target },
                done as f64 / target.max(1) as f64,
            ),
            (
                Phase::RepRelax {
                    done,
                    start,
                    deadline,
                },
                Some(Work::RepsWithHold { target, .. }),
            ) => (
                Readout::RepRelax {
                    done,
                    target,
                    remaining_s: secs_left(deadline),
                    total_s: deadline.saturating_duration_since(start).as_secs(),
                },
                done as f64 / target.max(1) as f64,
            ),
            (Phase::Beating { done, .. }, Some(Work::Reps { target })) => (
                Readout::Beat { done, target },
                done as f64 / target.max(1) as f64,
            ),
            (
                Phase::RepHold {
                    done,
                    start,
                    deadline,
                },
                Some(Work::RepsWithHold { target, .. }),
            ) => {
                let total = deadline.saturating_duration_since(start);
                (
                    Readout::RepHold {
                        rep: done + 1,
                        target,
                        remaining_s: secs_left(deadline),
                        total_s: total.as_secs(),
                    },
                    ratio(at.saturating_duration_since(start), total),
                )
            }
            (Phase::Resting { start, deadline }, _) => {
                let total = deadline.saturating_duration_since(start);
                (
                    Readout::Rest {
                        remaining_s: secs_left(deadline),
                        total_s: total.as_secs(),
                    },
                    ratio(at.saturating_duration_since(start), total),
                )
            }
            (Phase::Waiting, _) => (
                Readout::Between {
                    outcome: self.between.map_or(ExerciseOutcome::Done, |i| {
                        self.results.outcome(&self.plan, i)
                    }),
                },
                0.0,
            ),
            _ => (Readout::Finished, 1.0),
        };
        // Between exercises the cursor already points at the next one; the
        // screen (and every prompt over it) still shows the one just done.
        let shown_exercise = match self.phase {
            Phase::Waiting => self.between.or(step.map(|s| s.exercise)),
            Phase::Over => step
                .map(|s| s.exercise)
                .or(self.plan.exercises.len().checked_sub(1)),
            _ => step.map(|s| s.exercise),
        };
        let exercise = shown_exercise.and_then(|i| self.plan.exercises.get(i));
        let end = self.ending.as_ref().map(|e| self.end_view(e, now));
        View {
            routine_name: &self.plan.routine_name,
            exercise_number: shown_exercise.map(|i| i + 1).unwrap_or(0),
            exercise_count: self.plan.exercises.len(),
            elapsed: self.active(now),
            left: self.time_left(at),
            muted: self.muted,
            mute_locked: self.settings.mute_locked,
            voice: self.voice,
            voice_locked: self.settings.voice_locked,
            glance: self.glance,
            exercise,
            set: match (self.phase, self.between) {
                (Phase::Waiting, Some(i)) => self.plan.exercises[i].sets,
                _ => step.map(|s| s.set).unwrap_or(0),
            },
            sets: exercise.map(|e| e.sets.max(1)).unwrap_or(0),
            side: step
                .and_then(|s| s.side)
                .filter(|_| self.phase != Phase::Waiting),
            readout,
            gauge: gauge.clamp(0.0, 1.0),
            paused: self.user_paused,
            modal: self.modal.as_ref().map(|m| self.modal_view(m)),
            flash: self.flash.map(|(b, _)| b),
            next: self.next_label(),
            end,
            motion: self.motion(at),
        }
    }

    fn end_view(&self, ending: &Ending, now: Instant) -> EndView {
        match ending {
            Ending::Completed => {
                let planned = self.plan.exercises.len();
                let mut counts = self.counts(&self.results);
                // Having run to the end, every exercise not done was skipped.
                counts.skipped = planned.saturating_sub(counts.worked());
                EndView::Completed {
                    status: record::status_for(ending, counts.worked(), planned),
                    counts,
                    exercises: (0..planned)
                        .map(|i| {
                            (
                                self.plan.exercises[i].name.clone(),
                                self.results.amount(&self.plan, i),
                            )
                        })
                        .collect(),
                    active: self.active(now),
                    closing_typed: self.closing_typed.text().to_string(),
                    closing: self.closing,
                }
            }
            Ending::Quit => EndView::Quit,
            Ending::Stopped { reason } => EndView::Stopped {
                reason: reason.clone(),
                kind: self.stop_kind,
            },
        }
    }

    /// Done, partly done and skipped among the exercises reached so far.
    fn counts(&self, results: &Results) -> Counts {
        let mut counts = Counts::default();
        for i in (0..self.plan.exercises.len()).filter(|&i| results.reached(i)) {
            match results.outcome(&self.plan, i) {
                ExerciseOutcome::Done => counts.done += 1,
                ExerciseOutcome::PartlyDone => counts.partly += 1,
                ExerciseOutcome::Skipped => counts.skipped += 1,
            }
        }
        counts
    }

    /// What quitting now would save: the counts with the set in progress
    /// kept, and what was done of the exercise under way in this attempt.
    fn quit_summary(&self) -> (Counts, Option<String>) {
        let mut results = self.results.clone();
        let mut in_progress = None;
        let at = self.frozen_since.unwrap_or(self.last_now);
        if let (Some(step), Some(progress)) = (self.current_step(), self.progress(at)) {
            let slot = self.slot_index(step);
            results.keep(step.exercise, slot, progress);
            if results.outcome(&self.plan, step.exercise) != ExerciseOutcome::Skipped {
                in_progress = Some(format!(
                    "{}: {}",
                    self.plan.exercises[step.exercise].name,
                    results.amount(&self.plan, step.exercise)
                ));
            }
        }
        (self.counts(&results), in_progress)
    }

    /// Time still to go from `at`, from the real plan: what is left of the
    /// step under way (its timer, or its reps at the typical pace), then
    /// every later step, rest, get-ready countdown and quick check.
    fn time_left(&self, at: Instant) -> Duration {
        if self.ending.is_some() {
            return Duration::ZERO;
        }
        let Some(step) = self.current_step() else {
            return Duration::ZERO;
        };
        let until = |deadline: Instant| deadline.saturating_duration_since(at);
        let here = match (self.phase, step.kind) {
            (Phase::Waiting, _) => {
                estimate::between_exercises() + estimate::step(step, None, self.settings.get_ready)
            }
            (Phase::GetReady { deadline, .. }, StepKind::Work(w)) => {
                until(deadline) + estimate::work(w)
            }
            (Phase::Timed { deadline, .. } | Phase::Resting { deadline, .. }, _) => until(deadline),
            (Phase::Counting { done }, StepKind::Work(Work::Reps { target })) => {
                estimate::counted_rep() * target.saturating_sub(done)
            }
            (Phase::Beating { done, deadline, .. }, StepKind::Work(Work::Reps { target })) => {
                until(deadline) + estimate::counted_rep() * target.saturating_sub(done + 1)
            }
            (
                Phase::RepRelax { done, deadline, .. },
                StepKind::Work(Work::RepsWithHold { target, hold }),
            ) => until(deadline) + estimate::held_rep(hold) * target.saturating_sub(done),
            (Phase::RepReady { done }, StepKind::Work(Work::RepsWithHold { target, hold })) => {
                estimate::held_rep(hold) * target.saturating_sub(done)
            }
            (
                Phase::RepHold { done, deadline, .. },
                StepKind::Work(Work::RepsWithHold { target, hold }),
            ) => until(deadline) + estimate::held_rep(hold) * target.saturating_sub(done + 1),
            _ => estimate::step(step, None, self.settings.get_ready),
        };
        here + self.est_after.get(self.cursor).copied().unwrap_or_default()
    }

    /// What comes after the current step, in a few words.
    fn next_label(&self) -> Option<String> {
        let from = if self.phase == Phase::Waiting {
            self.cursor
        } else {
            self.cursor + 1
        };
        let next = self.steps.get(from)?;
        let ex = &self.plan.exercises[next.exercise];
        Some(match next.kind {
            StepKind::Rest { secs } => format!("rest {secs} s"),
            StepKind::Work(_) => {
                let mut s = ex.name.clone();
                if next.sets > 1 {
                    s.push_str(&format!(", set {} of {}", next.set, next.sets));
                }
                if let Some(side) = next.side {
                    s.push_str(&format!(", {} side", side.label()));
                }
                if Some(next.exercise) != self.current_step().map(|c| c.exercise)
                    || self.phase == Phase::Waiting
                {
                    s.push_str(&format!(" — {}", ex.dose_label()));
                }
                s
            }
        })
    }

    fn modal_view(&self, modal: &Modal) -> ModalView {
        match modal {
            Modal::Help => ModalView::Help,
            Modal::ConfirmQuit => {
                let (counts, in_progress) = self.quit_summary();
                ModalView::ConfirmQuit {
                    counts,
                    in_progress,
                }
            }
            Modal::RateNumber { typed } => ModalView::RateNumber {
                typed: typed.text().to_string(),
            },
            Modal::RateKind { value } => ModalView::RateKind { value: *value },
            Modal::AfterExercise { exercise, typed } => ModalView::AfterExercise {
                exercise: self.plan.exercises[*exercise].name.clone(),
                last: self.last_value.unwrap_or(0),
                typed: typed.text().to_string(),
            },
            Modal::Worse {
                rating, baseline, ..
            } => ModalView::Worse {
                value: rating.value,
                baseline: *baseline,
            },
        }
    }
}

fn ratio(part: Duration, whole: Duration) -> f64 {
    if whole.is_zero() {
        1.0
    } else {
        (part.as_secs_f64() / whole.as_secs_f64()).clamp(0.0, 1.0)
    }
}
