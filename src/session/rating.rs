//! The prompts over a running session and the decisions on a rating: help
//! and "quit?", `r` (the number, then the kind), the quick check after an
//! exercise, "getting worse?", the closing rating, `s`, and the safety stop
//! the rules decide on. A prompt freezes time; answering it thaws it (or
//! starts the next exercise after the quick check).

use tokio::time::Instant;

use super::{Cue, Effect, Ending, Key, Modal, Phase, Phrase, RatingPlace, Session, TypedRating};
use crate::domain::{DiscomfortKind, Rating, RatingDecision, RatingMoment};
use crate::rules::safety::{self, Action, RatingFacts, Rule};

impl Session {
    pub(super) fn open_modal(&mut self, modal: Modal, now: Instant) {
        self.modal = Some(modal);
        self.freeze(now);
    }

    fn close_modal(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let was = self.modal.take();
        if matches!(was, Some(Modal::AfterExercise { .. }))
            || matches!(
                was,
                Some(Modal::Worse {
                    after_exercise: true,
                    ..
                })
            )
        {
            // The next exercise starts when the quick rating is answered.
            self.user_paused = false;
            if let Some(since) = self.frozen_since.take() {
                self.frozen_total += now.saturating_duration_since(since);
            }
            if self.ending.is_none() {
                self.enter_step(now, None, fx);
            }
            return;
        }
        self.thaw(now);
    }

    fn place(&self, moment: RatingMoment, exercise: Option<usize>) -> RatingPlace {
        match moment {
            RatingMoment::During => {
                let step = self.current_step();
                RatingPlace {
                    exercise: step.map(|s| s.exercise),
                    set: step.map(|s| s.set),
                    side: step.and_then(|s| s.side),
                    moment,
                }
            }
            _ => RatingPlace {
                exercise,
                set: None,
                side: None,
                moment,
            },
        }
    }

    fn rating(&self, value: u8, kind: DiscomfortKind, place: RatingPlace, at: Instant) -> Rating {
        Rating {
            at: self.wall(at),
            value,
            kind,
            moment: place.moment,
            exercise_id: place
                .exercise
                .map(|i| self.plan.exercises[i].exercise_id.clone()),
            set: place.set,
            side: place.side,
            decision: None,
        }
    }

    /// Judges a rating with the stop rules and acts on its verdict.
    fn rate(
        &mut self,
        value: u8,
        kind: DiscomfortKind,
        place: RatingPlace,
        now: Instant,
        fx: &mut Vec<Effect>,
    ) {
        let previous = self
            .ratings
            .iter()
            .rev()
            .find(|(ex, _)| place.exercise.is_some() && *ex == place.exercise)
            .map(|(_, v)| *v);
        let verdict = safety::judge(RatingFacts {
            value,
            kind,
            limit: self.settings.limit,
            baseline: self.settings.baseline,
            previous_same_exercise: previous,
        });
        let mut rating = self.rating(value, kind, place, now);
        self.ratings.push((place.exercise, value));
        self.last_value = Some(value);
        let after_exercise = place.moment == RatingMoment::AfterExercise;
        match verdict.action {
            Action::Continue => {
                rating.decision = Some(RatingDecision::Continued);
                fx.push(Effect::Rated(rating));
                self.close_modal(now, fx);
            }
            Action::Stop => {
                rating.decision = Some(RatingDecision::stopped(verdict.rule.describe()));
                fx.push(Effect::Rated(rating));
                self.stop(verdict.rule, place, now, fx);
            }
            Action::AskWorse => {
                let baseline = match verdict.rule {
                    Rule::AboveBaseline { baseline, .. } => baseline,
                    _ => self.settings.baseline.unwrap_or(0),
                };
                self.modal = Some(Modal::Worse {
                    rating,
                    baseline,
                    after_exercise,
                });
                self.freeze(now);
            }
        }
    }

    /// `s`: sharp pain, reported in one key: stop at once.
    pub(super) fn sharp(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let place = self.place(RatingMoment::During, None);
        self.sharp_at(None, place, now, fx);
    }

    /// Sharp pain at `place`, rated `value` (typed in a prompt) or the last
    /// value given: recorded, then the session stops.
    fn sharp_at(
        &mut self,
        value: Option<u8>,
        place: RatingPlace,
        now: Instant,
        fx: &mut Vec<Effect>,
    ) {
        let value = value.or(self.last_value).unwrap_or(0);
        let mut rating = self.rating(value, DiscomfortKind::Sharp, place, now);
        rating.decision = Some(RatingDecision::SharpReported);
        fx.push(Effect::Rated(rating));
        self.stop(Rule::StopKind(DiscomfortKind::Sharp), place, now, fx);
    }

    /// Ends the session for safety: every timer stops, the alert plays once.
    fn stop(&mut self, rule: Rule, place: RatingPlace, now: Instant, fx: &mut Vec<Effect>) {
        let mut reason = rule.describe();
        if let Some(i) = place.exercise {
            let ex = &self.plan.exercises[i];
            match (place.moment, place.set) {
                (RatingMoment::During, Some(set)) => {
                    reason.push_str(&format!(
                        " during {}, set {} of {}",
                        ex.name,
                        set,
                        ex.sets.max(1)
                    ));
                    if let Some(side) = place.side {
                        reason.push_str(&format!(", {} side", side.label()));
                    }
                }
                _ => reason.push_str(&format!(" after {}", ex.name)),
            }
        }
        let reason = capitalise(&reason);
        self.save_exercise_under_way(now, fx);
        self.stop_kind = match rule {
            Rule::StopKind(kind) => Some(kind),
            _ => None,
        };
        self.modal = None;
        self.phase = Phase::Over;
        self.set_schedule(Vec::new());
        self.flash = None;
        self.frozen_since.get_or_insert(now);
        // The alert is a safety signal: it plays once even when cues are muted.
        fx.push(Effect::Sound(Cue::SafetyAlert));
        // Its first sentence is spoken after it (the voice's own rules: not when muted).
        self.say(Phrase::SafetyStop, now, fx);
        self.ending = Some(Ending::Stopped {
            reason: reason.clone(),
        });
        fx.push(Effect::Ended(Ending::Stopped { reason }));
    }

    /// Keys that work the same from every overlay and prompt: `s` stops at
    /// once, `q` (or Esc) asks to quit, `r` opens the rating. Returns whether
    /// the key was one of them.
    fn overlay_key(&mut self, modal: &Modal, key: Key, now: Instant, fx: &mut Vec<Effect>) -> bool {
        match (key, modal) {
            // In the kind prompt `s` is "sharp", which stops too (with the typed value).
            (Key::Char('s'), Modal::RateKind { .. }) => false,
            (Key::Char('s'), _) => {
                let value = match modal {
                    Modal::RateNumber { typed } | Modal::AfterExercise { typed, .. } => {
                        typed.value()
                    }
                    Modal::Worse { rating, .. } => Some(rating.value),
                    _ => None,
                };
                let place = match modal {
                    Modal::AfterExercise { exercise, .. } => {
                        self.place(RatingMoment::AfterExercise, Some(*exercise))
                    }
                    _ => self.place(RatingMoment::During, None),
                };
                self.sharp_at(value, place, now, fx);
                true
            }
            // `q` answers "yes" in the quit prompt itself.
            (Key::Char('q'), Modal::ConfirmQuit) => false,
            (Key::Char('q') | Key::Esc, Modal::AfterExercise { .. } | Modal::Worse { .. }) => {
                // Answering "no" returns to this prompt.
                self.return_to = Some(modal.clone());
                self.modal = Some(Modal::ConfirmQuit);
                true
            }
            (Key::Char('q'), _) => {
                self.modal = Some(Modal::ConfirmQuit);
                true
            }
            // Already rating.
            (Key::Char('r'), Modal::RateNumber { .. } | Modal::AfterExercise { .. }) => false,
            (Key::Char('r'), _) => {
                if let Modal::Worse { rating, .. } = modal {
                    // The rating it asked about is kept; a new one follows.
                    let mut rating = rating.clone();
                    rating.decision = Some(RatingDecision::RatedAgain);
                    fx.push(Effect::Rated(rating));
                }
                self.return_to = None;
                self.modal = Some(Modal::RateNumber {
                    typed: TypedRating::default(),
                });
                true
            }
            _ => false,
        }
    }

    pub(super) fn modal_key(&mut self, modal: Modal, key: Key, now: Instant, fx: &mut Vec<Effect>) {
        if self.overlay_key(&modal, key, now, fx) {
            return;
        }
        match modal {
            Modal::Help => {
                self.close_modal(now, fx);
            }
            Modal::ConfirmQuit => match key {
                Key::Char('y') | Key::Char('Y') | Key::Char('q') => self.quit(now, fx),
                Key::Char('n') | Key::Char('N') | Key::Esc => {
                    match self.return_to.take() {
                        // Back to the prompt it was opened from.
                        Some(prompt) => self.modal = Some(prompt),
                        None => self.close_modal(now, fx),
                    }
                }
                _ => {}
            },
            Modal::RateNumber { mut typed } => match key {
                _ if edit(&mut typed, key) => self.modal = Some(Modal::RateNumber { typed }),
                Key::Enter | Key::Space => {
                    if let Some(value) = typed.value() {
                        self.modal = Some(Modal::RateKind { value });
                    }
                }
                Key::Esc => self.close_modal(now, fx),
                _ => {}
            },
            Modal::RateKind { value } => {
                let kind = match key {
                    Key::Enter | Key::Space | Key::Char('a') => Some(DiscomfortKind::DullAche),
                    Key::Char('t') => Some(DiscomfortKind::Stretch),
                    Key::Char('s') => Some(DiscomfortKind::Sharp),
                    Key::Char('l') => Some(DiscomfortKind::ShootingDownLeg),
                    Key::Char('n' | 'i') => Some(DiscomfortKind::NumbnessTingling),
                    Key::Char('u') => Some(DiscomfortKind::NewOrUnusual),
                    Key::Esc | Key::Backspace => {
                        self.modal = Some(Modal::RateNumber {
                            typed: TypedRating::with(value),
                        });
                        None
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    let place = self.place(RatingMoment::During, None);
                    self.rate(value, kind, place, now, fx);
                }
            }
            Modal::AfterExercise {
                exercise,
                mut typed,
            } => {
                let place = self.place(RatingMoment::AfterExercise, Some(exercise));
                // Typed digits, else the last value (Enter alone keeps it).
                let value = typed.value().or(self.last_value).unwrap_or(0);
                match key {
                    _ if edit(&mut typed, key) => {
                        self.modal = Some(Modal::AfterExercise { exercise, typed });
                    }
                    // `n` and → go on as Enter does: a key pressed to skip
                    // ahead never reports a symptom.
                    Key::Enter | Key::Space | Key::Char('n') | Key::Right => {
                        self.rate(value, DiscomfortKind::DullAche, place, now, fx);
                    }
                    Key::Char('l') => {
                        self.rate(value, DiscomfortKind::ShootingDownLeg, place, now, fx)
                    }
                    Key::Char('i') => {
                        self.rate(value, DiscomfortKind::NumbnessTingling, place, now, fx)
                    }
                    Key::Char('u') => {
                        self.rate(value, DiscomfortKind::NewOrUnusual, place, now, fx)
                    }
                    _ => {}
                }
            }
            Modal::Worse {
                mut rating,
                baseline,
                ..
            } => match key {
                Key::Char('y') | Key::Char('Y') => {
                    let rule = Rule::AboveBaseline {
                        baseline,
                        value: rating.value,
                    };
                    rating.decision = Some(RatingDecision::stopped(rule.describe()));
                    fx.push(Effect::Rated(rating.clone()));
                    let place = RatingPlace {
                        exercise: rating.exercise_id.as_ref().and_then(|id| {
                            self.plan
                                .exercises
                                .iter()
                                .position(|e| &e.exercise_id == id)
                        }),
                        set: rating.set,
                        side: rating.side,
                        moment: rating.moment,
                    };
                    self.stop(rule, place, now, fx);
                }
                Key::Char('n') | Key::Char('N') => {
                    rating.decision = Some(RatingDecision::NotGettingWorse);
                    fx.push(Effect::Rated(rating));
                    self.close_modal(now, fx);
                }
                _ => {}
            },
        }
    }

    pub(super) fn closing_key(&mut self, key: Key, now: Instant, fx: &mut Vec<Effect>) {
        if self.closing.is_some() {
            return;
        }
        let place = self.place(RatingMoment::Closing, None);
        match key {
            _ if edit(&mut self.closing_typed, key) => {}
            // Sharp pain at the very end is still a safety stop: the day's
            // other sessions are closed by it, and the screen says what to do.
            Key::Char('s') => {
                self.ending = None;
                self.sharp_at(self.closing_typed.value(), place, now, fx);
            }
            Key::Enter => {
                if let Some(value) = self.closing_typed.value() {
                    self.closing = Some(value);
                    let mut rating = self.rating(value, DiscomfortKind::DullAche, place, now);
                    rating.decision = Some(RatingDecision::Closing);
                    fx.push(Effect::Rated(rating));
                }
            }
            _ => {}
        }
    }
}

/// Digits and Backspace edit a typed 0–10 rating, the same in every
/// prompt that takes one; whether `key` was one of them.
fn edit(typed: &mut TypedRating, key: Key) -> bool {
    match key {
        Key::Char(c @ '0'..='9') => {
            typed.push(c);
            true
        }
        Key::Backspace => {
            typed.backspace();
            true
        }
        _ => false,
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
