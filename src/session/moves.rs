//! Moving through the plan: on to the next step when one ends (saving an
//! exercise left with work in it and asking the quick check), `n`, `b`,
//! `+`, the end of the routine and quitting.

use tokio::time::Instant;

use super::results::SlotResult;
use super::{
    BACK_AGAIN, Banner, Cue, Effect, Ending, Modal, Phase, Phrase, REST_EXTENSION, Session,
    StepKind, TypedRating,
};

impl Session {
    /// Stores what the current work step achieved, then moves on.
    pub(super) fn complete_step(&mut self, result: SlotResult, at: Instant, fx: &mut Vec<Effect>) {
        self.keep_result(result);
        self.advance(at, fx);
    }

    /// Moves the cursor forward. Leaving an exercise with work in it saves it
    /// and asks the quick check; one skipped with nothing done leads straight
    /// to the next.
    pub(super) fn advance(&mut self, at: Instant, fx: &mut Vec<Effect>) {
        let Some(prev) = self.current_step().copied() else {
            return;
        };
        self.partial_hold = 0;
        self.cursor += 1;
        self.set_schedule(Vec::new());
        let next = self.current_step().copied();
        let leaving = next.is_none_or(|n| n.exercise != prev.exercise);
        let worked = leaving && self.worked(prev.exercise);
        if worked {
            fx.push(self.exercise_done(prev.exercise, at));
        }
        // What comes next is said before the quick check, ahead of its get-ready.
        if let Some(next) = next.filter(|_| worked) {
            self.say(
                Phrase::Next {
                    exercise: next.exercise,
                    side: next.side,
                },
                at,
                fx,
            );
        }
        match next {
            None => self.finish(at, fx),
            Some(_) if worked => {
                self.phase = Phase::Waiting;
                self.between = Some(prev.exercise);
                // The banner of the step just ended would stand frozen over
                // "Exercise done" for as long as the quick check is up.
                self.flash = None;
                self.open_modal(
                    Modal::AfterExercise {
                        exercise: prev.exercise,
                        typed: TypedRating::default(),
                    },
                    at,
                );
            }
            Some(_) if leaving => self.enter_step(at, None, fx),
            Some(_) => self.enter_step(at, Some(prev), fx),
        }
    }

    pub(super) fn finish(&mut self, at: Instant, fx: &mut Vec<Effect>) {
        self.phase = Phase::Over;
        self.set_schedule(Vec::new());
        self.ending = Some(Ending::Completed);
        self.sound(Cue::SessionDone, fx);
        self.say(Phrase::SessionComplete, at, fx);
        self.banner(Banner::Done, at, fx);
        self.frozen_since.get_or_insert(at);
        fx.push(Effect::Ended(Ending::Completed));
    }

    /// `n`: finish the current step early, keeping what was done of it,
    /// and move on; pending cues are dropped.
    pub(super) fn skip(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.current_step().is_none() {
            return;
        }
        self.capture(now);
        self.advance(now, fx);
    }

    /// `b`, like a music player's "previous": the first press restarts what
    /// is under way (the held repetition being held, else the set on this
    /// side; during a rest, the set before it); with nothing under way, it
    /// goes back to the previous set or side of this exercise. A press with
    /// nowhere closer to go, or a second press within [`BACK_AGAIN`], goes
    /// to the start of the previous exercise. What was done is kept either
    /// way: a redone set keeps the better of its attempts.
    pub(super) fn back(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let again = self
            .last_back
            .is_some_and(|t| now.saturating_duration_since(t) <= BACK_AGAIN);
        self.last_back = Some(now);
        self.capture(now);
        if !again && self.restart_here(now, fx) {
            return;
        }
        self.back_to_previous_exercise(now, fx);
    }

    /// The first `b`: restarts the rep or set under way, or steps back one
    /// set or side within the exercise. False when there is nowhere closer
    /// to go than the previous exercise.
    fn restart_here(&mut self, now: Instant, fx: &mut Vec<Effect>) -> bool {
        let under_way = match self.phase {
            Phase::RepHold { done, .. } => {
                // Only this repetition starts over; the ones before it stand.
                // A paced set gives a moment to get back into position.
                let paced = self.current_step().is_some_and(|s| s.paced);
                self.phase = if paced {
                    Phase::RepRelax {
                        done,
                        start: now,
                        deadline: now + self.settings.relax,
                    }
                } else {
                    Phase::RepReady { done }
                };
                self.set_schedule(Vec::new());
                return true;
            }
            Phase::Counting { done }
            | Phase::RepReady { done }
            | Phase::RepRelax { done, .. }
            | Phase::Beating { done, .. } => done > 0,
            Phase::Timed { .. } => true,
            _ => false,
        };
        if !under_way {
            // Nothing to restart here: back to the set or side before this
            // step (over a rest), within the same exercise.
            let Some(exercise) = self.current_step().map(|s| s.exercise) else {
                return false;
            };
            let Some(earlier) = (0..self.cursor)
                .rev()
                .take_while(|&i| self.steps[i].exercise == exercise)
                .find(|&i| matches!(self.steps[i].kind, StepKind::Work(_)))
            else {
                return false;
            };
            self.cursor = earlier;
        }
        self.partial_hold = 0;
        self.set_schedule(Vec::new());
        self.enter_step(now, None, fx);
        true
    }

    /// Back to the first step of the previous exercise (the first exercise
    /// starts over); the exercise left is saved if any of it was done.
    fn back_to_previous_exercise(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let Some(current) = self.current_step().map(|s| s.exercise) else {
            return;
        };
        if self.worked(current) {
            fx.push(self.exercise_done(current, now));
        }
        let target = current.saturating_sub(1);
        self.cursor = self
            .steps
            .iter()
            .position(|s| s.exercise == target)
            .unwrap_or(0);
        self.partial_hold = 0;
        self.set_schedule(Vec::new());
        self.enter_step(now, None, fx);
    }

    pub(super) fn extend_rest(&mut self) {
        if let Phase::Resting { start, deadline } = self.phase
            && let Some(StepKind::Rest { secs }) = self.current_step().map(|s| s.kind)
        {
            let deadline = deadline + REST_EXTENSION;
            self.phase = Phase::Resting { start, deadline };
            let remaining = self.rest_schedule(secs, start, deadline, Some(self.last_now));
            self.set_schedule(remaining);
        }
    }

    /// Keeps the set in progress and saves the exercise under way if any of
    /// it was done (between exercises the last one is already saved).
    pub(super) fn save_exercise_under_way(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.phase == Phase::Waiting || self.phase == Phase::Over {
            return;
        }
        self.capture(now);
        if let Some(current) = self.current_step().map(|s| s.exercise)
            && self.worked(current)
        {
            fx.push(self.exercise_done(current, now));
        }
    }

    pub(super) fn quit(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        self.save_exercise_under_way(now, fx);
        self.modal = None;
        self.phase = Phase::Over;
        self.set_schedule(Vec::new());
        self.flash = None;
        self.frozen_since.get_or_insert(now);
        self.ending = Some(Ending::Quit);
        fx.push(Effect::Ended(Ending::Quit));
    }
}
