//! The phases of a step and how one leads to the next: get ready, the timer
//! or the count, held repetitions (paced or on `Space`), relax, rest. Each
//! phase lays out its cues and phrases from its start and deadline when it
//! begins; a phase that ends on a deadline starts the next one at that
//! deadline, so nothing drifts.

use std::time::Duration;

use tokio::time::Instant;

use super::results::SlotResult;
use super::speech::{self, Entered, Lines};
use super::{
    Banner, Cue, Due, Effect, FINAL_TICKS, FIRST_GET_READY, FLASH, HALFWAY_FROM_S, Phase, Phrase,
    Session, Step, StepKind, Work, cues, phrases,
};

/// How long after the session opens its first words come: the sound output
/// opens with the session and takes a moment to run; the first exercise's
/// get-ready ([`FIRST_GET_READY`]) leaves room for the introduction and the
/// count after it.
pub const FIRST_WORDS: Duration = Duration::from_secs(2);

impl Session {
    /// Begins the step under the cursor at `at`. `came_from` is the step just
    /// left (to tell a side switch or a rest from a fresh exercise).
    pub(super) fn enter_step(
        &mut self,
        at: Instant,
        came_from: Option<Step>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(step) = self.current_step().copied() else {
            self.finish(at, fx);
            return;
        };
        self.set_schedule(Vec::new());
        self.between = None;
        match step.kind {
            StepKind::Rest { secs } => {
                let deadline = at + Duration::from_secs(u64::from(secs));
                self.phase = Phase::Resting {
                    start: at,
                    deadline,
                };
                self.banner(Banner::Rest, at, fx);
                self.set_schedule(self.rest_schedule(secs, at, deadline, None));
            }
            StepKind::Work(work) => {
                let entered = entered(&step, came_from.as_ref());
                if entered == Entered::Fresh {
                    // Words for this exercise and the next, rendered ahead of their get-ready.
                    fx.push(Effect::PrepareVoice {
                        exercise: step.exercise,
                    });
                    if step.exercise + 1 < self.plan.exercises.len() {
                        fx.push(Effect::PrepareVoice {
                            exercise: step.exercise + 1,
                        });
                    }
                }
                if entered == Entered::SwitchingSides
                    && let Some(side) = step.side
                {
                    self.sound(Cue::SwitchSides, fx);
                    self.banner(Banner::SwitchSides(side), at, fx);
                }
                let get_ready = self.get_ready_length();
                // The session's first words wait until the sound output, just
                // opened, is running (PulseAudio takes a second or two).
                let first_words = if self.first_entry && get_ready >= FIRST_GET_READY {
                    at + FIRST_WORDS
                } else {
                    at
                };
                self.first_entry = false;
                if step.starts_with_get_ready(came_from.as_ref()) && !get_ready.is_zero() {
                    let deadline = at + get_ready;
                    self.phase = Phase::GetReady {
                        start: at,
                        deadline,
                    };
                    if entered != Entered::SwitchingSides {
                        self.sound(Cue::GetReady, fx);
                        self.banner(Banner::GetReady, at, fx);
                    }
                    let mut lines = self.lines();
                    speech::step_entry(&mut lines, &step, entered, first_words, Some(deadline));
                    let schedule = cues(Self::ticks(at, deadline))
                        .chain(phrases(lines))
                        .collect();
                    self.set_schedule(schedule);
                } else {
                    let mut lines = self.lines();
                    speech::step_entry(&mut lines, &step, entered, at, None);
                    for (due, phrase) in lines.out {
                        self.say(phrase, due, fx);
                    }
                    self.start_work(work, at, fx);
                }
            }
        }
    }

    /// The get-ready countdown for the step being entered: the session's
    /// first exercise gets at least [`super::Settings::first_get_ready`].
    fn get_ready_length(&self) -> Duration {
        if self.first_entry {
            self.settings.get_ready.max(self.settings.first_get_ready)
        } else {
            self.settings.get_ready
        }
    }

    /// A rest's cues and phrases from `start` to `deadline`; `after` leaves
    /// out what was due before it (a rest made longer with `+`).
    pub(super) fn rest_schedule(
        &self,
        secs: u32,
        start: Instant,
        deadline: Instant,
        after: Option<Instant>,
    ) -> Vec<(Instant, Due)> {
        let next = self.steps.get(self.cursor + 1);
        let mut lines = self.lines();
        speech::rest(&mut lines, secs, next, start, deadline);
        cues(Self::ticks(start, deadline))
            .chain(phrases(lines))
            .filter(|(t, _)| after.is_none_or(|a| *t > a))
            .collect()
    }

    pub(super) fn start_work(&mut self, work: Work, at: Instant, fx: &mut Vec<Effect>) {
        self.motion_from = at;
        let paced = self.current_step().is_some_and(|s| s.paced);
        match work {
            Work::Hold { .. } | Work::Duration { .. } | Work::Cycles { .. } => {
                let secs = work.timed_secs();
                let deadline = at + Duration::from_secs(u64::from(secs));
                self.phase = Phase::Timed {
                    start: at,
                    deadline,
                };
                let mut schedule: Vec<(Instant, Due)> = cues(Self::ticks(at, deadline)).collect();
                let mut lines = self.lines();
                match work {
                    Work::Cycles { pace, target } => {
                        // A tempo tick at every half cycle (breath in, breath out).
                        let half = Duration::from_millis(u64::from(pace) * 500);
                        let mut t = at + half;
                        schedule.clear();
                        while t < deadline && !half.is_zero() {
                            schedule.push((t, Due::Cue(Cue::Tempo)));
                            t += half;
                        }
                        speech::cycles(&mut lines, target, pace, at);
                    }
                    _ => {
                        if secs >= HALFWAY_FROM_S {
                            schedule.push((
                                at + Duration::from_millis(u64::from(secs) * 500),
                                Due::Cue(Cue::Halfway),
                            ));
                        }
                        speech::timed(&mut lines, work, at, deadline);
                    }
                }
                schedule.extend(phrases(lines));
                self.set_schedule(schedule);
                self.sound(Cue::Go, fx);
                self.banner(Banner::Go, at, fx);
            }
            Work::Reps { target } if paced => {
                self.phase = Phase::Beating {
                    done: 0,
                    start: at,
                    deadline: at + self.settings.beat,
                };
                self.sound(Cue::Go, fx);
                self.say(Phrase::Go, at, fx);
                if target == 1 {
                    self.sound(Cue::LastRep, fx);
                }
            }
            Work::Reps { target } => {
                self.phase = Phase::Counting { done: 0 };
                if target == 1 {
                    self.sound(Cue::LastRep, fx);
                }
            }
            Work::RepsWithHold { target, hold } if paced => {
                self.start_rep_hold(0, target, hold, at, fx);
            }
            Work::RepsWithHold { .. } => {
                self.phase = Phase::RepReady { done: 0 };
            }
        }
    }

    pub(super) fn start_rep_hold(
        &mut self,
        done: u32,
        target: u32,
        hold: u32,
        at: Instant,
        fx: &mut Vec<Effect>,
    ) {
        let deadline = at + Duration::from_secs(u64::from(hold));
        self.phase = Phase::RepHold {
            done,
            start: at,
            deadline,
        };
        // A tempo tick on every second of the hold: a count to hold to.
        let mut lines = self.lines();
        speech::rep_hold(&mut lines, done + 1, target, hold, at, deadline);
        let schedule = (1..hold)
            .map(|s| (at + Duration::from_secs(u64::from(s)), Due::Cue(Cue::Tempo)))
            .chain(phrases(lines))
            .collect();
        self.set_schedule(schedule);
        self.sound(
            if done + 1 == target {
                Cue::LastRep
            } else {
                Cue::Go
            },
            fx,
        );
        // A rep that starts by itself shows it too (a muted session still alerts).
        if self.current_step().is_some_and(|s| s.paced) {
            self.banner(Banner::Go, at, fx);
        }
    }

    /// A held repetition is over at `at` (its deadline, or `Space` in a paced
    /// set): counted with the seconds it was held, then the next one (after a
    /// pause to relax, or on `Space`), or the set is done.
    fn end_rep_hold(&mut self, done: u32, start: Instant, at: Instant, fx: &mut Vec<Effect>) {
        let Some(step) = self.current_step().copied() else {
            return;
        };
        let StepKind::Work(Work::RepsWithHold { target, hold }) = step.kind else {
            return;
        };
        let done = done + 1;
        self.sound(Cue::HoldEnd, fx);
        // At the session's very end "Session complete" says it all: a
        // "Relax." before it would make it wait (phrases never overlap).
        if !(done >= target && self.on_last_step()) {
            self.say(Phrase::Relax, at, fx);
        }
        self.record_partial_hold(at.saturating_duration_since(start).as_secs() as u32);
        if done >= target {
            let held = self.take_partial_hold();
            self.banner(Banner::SetDone, at, fx);
            self.complete_step(
                SlotResult {
                    reps: done,
                    held_s: held,
                    // A hold ended early with `Space` leaves the set short of its target.
                    full: held >= target.saturating_mul(hold),
                },
                at,
                fx,
            );
        } else if step.paced {
            self.banner(Banner::HoldEnd, at, fx);
            self.phase = Phase::RepRelax {
                done,
                start: at,
                deadline: at + self.settings.relax,
            };
            self.set_schedule(Vec::new());
        } else {
            self.phase = Phase::RepReady { done };
            self.set_schedule(Vec::new());
        }
    }

    /// One plain repetition counted at `at` (`Space`, or the metronome's beat).
    pub(super) fn count_rep(&mut self, done: u32, target: u32, at: Instant, fx: &mut Vec<Effect>) {
        let done = done + 1;
        self.say(Phrase::RepCount { done, target }, at, fx);
        if done >= target {
            self.banner(Banner::SetDone, at, fx);
            self.complete_step(
                SlotResult {
                    reps: done,
                    held_s: 0,
                    full: true,
                },
                at,
                fx,
            );
            return;
        }
        self.phase = match self.phase {
            Phase::Beating { .. } => Phase::Beating {
                done,
                start: at,
                deadline: at + self.settings.beat,
            },
            _ => Phase::Counting { done },
        };
        if done + 1 == target {
            self.sound(Cue::LastRep, fx);
        }
    }

    pub(super) fn on_deadline(&mut self, t: Instant, fx: &mut Vec<Effect>) {
        let Some(step) = self.current_step().copied() else {
            return;
        };
        match (self.phase, step.kind) {
            (Phase::GetReady { .. }, StepKind::Work(work)) => self.start_work(work, t, fx),
            (Phase::Timed { start, .. }, StepKind::Work(work)) => {
                let held = t.saturating_duration_since(start).as_secs() as u32;
                let (reps, banner, words) = match work {
                    Work::Cycles { target, .. } => (target, Banner::CyclesDone, Phrase::Relax),
                    Work::Duration { .. } => (0, Banner::MoveEnd, Phrase::EaseOff),
                    _ => (0, Banner::HoldEnd, Phrase::Relax),
                };
                self.sound(Cue::HoldEnd, fx);
                if !self.on_last_step() {
                    self.say(words, t, fx);
                }
                self.banner(banner, t, fx);
                self.complete_step(
                    SlotResult {
                        reps,
                        held_s: held,
                        full: true,
                    },
                    t,
                    fx,
                );
            }
            (Phase::RepHold { done, start, .. }, StepKind::Work(Work::RepsWithHold { .. })) => {
                self.end_rep_hold(done, start, t, fx);
            }
            (Phase::RepRelax { done, .. }, StepKind::Work(Work::RepsWithHold { target, hold })) => {
                self.start_rep_hold(done, target, hold, t, fx)
            }
            (Phase::Beating { done, .. }, StepKind::Work(Work::Reps { target })) => {
                self.count_rep(done, target, t, fx);
            }
            (Phase::Resting { .. }, StepKind::Rest { .. }) => {
                self.sound(Cue::RestOver, fx);
                self.banner(Banner::RestOver, t, fx);
                self.advance(t, fx);
            }
            _ => {}
        }
    }

    /// `Space` in a phase of the step under way: start now what was waiting
    /// (the get-ready, a held rep, the next paced rep), count a rep, or end
    /// a paced hold early.
    pub(super) fn space(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let Some(step) = self.current_step().copied() else {
            return;
        };
        let StepKind::Work(work) = step.kind else {
            return;
        };
        match (self.phase, work) {
            (Phase::GetReady { .. }, _) => self.start_work(work, now, fx),
            (Phase::Counting { done } | Phase::Beating { done, .. }, Work::Reps { target }) => {
                self.count_rep(done, target, now, fx);
            }
            (
                Phase::RepReady { done } | Phase::RepRelax { done, .. },
                Work::RepsWithHold { target, hold },
            ) => self.start_rep_hold(done, target, hold, now, fx),
            (Phase::RepHold { done, start, .. }, Work::RepsWithHold { .. }) if step.paced => {
                self.end_rep_hold(done, start, now, fx);
            }
            _ => {}
        }
    }

    pub(super) fn sound(&self, cue: Cue, fx: &mut Vec<Effect>) {
        if !self.muted {
            fx.push(Effect::Sound(cue));
        }
    }

    /// Says `phrase`, due at `at`: only while the voice is on and sound is
    /// not muted ("muted means silent"). The voice is taken either way, so
    /// what is laid out after it does not depend on whether it was heard.
    pub(super) fn say(&mut self, phrase: Phrase, at: Instant, fx: &mut Vec<Effect>) {
        let start = at.max(self.voice_free_at);
        self.voice_free_at =
            start + speech::estimated(&speech::text(phrase, &self.plan)) + speech::GAP;
        if self.voice && !self.muted {
            fx.push(Effect::Say { phrase, due: at });
        }
    }

    /// A fresh layout of phrases starting at `start`, after whatever is still being said.
    fn lines(&self) -> Lines<'_> {
        Lines::new(&self.plan, self.voice_free_at)
    }

    pub(super) fn banner(&mut self, banner: Banner, at: Instant, fx: &mut Vec<Effect>) {
        self.flash = Some((banner, at + FLASH));
        fx.push(Effect::Flash(banner));
    }

    /// The final ticks before `deadline` (only those after `start`).
    fn ticks(start: Instant, deadline: Instant) -> Vec<(Instant, Cue)> {
        (1..=FINAL_TICKS)
            .rev()
            .filter_map(|k| {
                let t = deadline.checked_sub(Duration::from_secs(u64::from(k)))?;
                (t > start).then_some((t, Cue::Tick))
            })
            .collect()
    }

    pub(super) fn set_schedule(&mut self, mut schedule: Vec<(Instant, Due)>) {
        schedule.sort_by_key(|(t, _)| *t);
        self.schedule = schedule;
        self.played = 0;
    }
}

/// How `step` is entered from `came_from` (the step just left in the same run).
fn entered(step: &Step, came_from: Option<&Step>) -> Entered {
    match came_from {
        None => Entered::Fresh,
        Some(prev) if matches!(prev.kind, StepKind::Rest { .. }) => Entered::AfterRest,
        Some(prev) if prev.set == step.set && prev.side.is_some() && prev.side != step.side => {
            Entered::SwitchingSides
        }
        Some(_) => Entered::NextSet,
    }
}
