//! What the line mode says about a running session: one line for each change
//! a person needs, worked out from the engine's successive views — a new
//! exercise, set, side or phase ("Bridge, set 1 of 2: rep 3 of 8, hold 12
//! seconds", "Switch to the right side", "Rest 45 seconds"), a countdown
//! every 10 seconds and each of its last 3 ("10 seconds left", "3", "2",
//! "1"), a rep counted, a pause, a prompt, the end or a safety stop. Never a
//! line a second: a screen reader reads every line aloud.
//!
//! Pure: views in, lines out, and [`next_moment`] says when the next
//! countdown line is due, so the loop wakes then and not every second.

use std::time::Duration;

use tokio::time::Instant;

use crate::domain::{SessionStatus, Side};
use crate::session::{EndView, ModalView, Readout, Session, View};
use crate::tui::words;

/// How the person gives the common answers, for the words of the prompts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Keys pressed in a terminal: `Space`, `Enter`, letters.
    Terminal,
    /// Line commands on standard input: an empty line, `p`, `r 4`, `s`.
    Lines,
}

impl Keys {
    /// What counts a rep or starts a hold.
    fn space(self) -> &'static str {
        match self {
            Keys::Terminal => "Press Space",
            Keys::Lines => "Send an empty line",
        }
    }
}

/// The phase as far as the lines care: a change of it is worth a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    GetReady,
    Hold,
    Move,
    Reps,
    RepReady,
    RepHold(u32),
    RepRelax(u32),
    Beat,
    Cycles(u32),
    Rest,
    Between,
    Finished,
}

impl Phase {
    fn of(readout: &Readout) -> Phase {
        match *readout {
            Readout::GetReady { .. } => Phase::GetReady,
            Readout::Hold { .. } => Phase::Hold,
            Readout::Move { .. } => Phase::Move,
            Readout::Reps { .. } => Phase::Reps,
            Readout::RepReady { .. } => Phase::RepReady,
            Readout::RepHold { rep, .. } => Phase::RepHold(rep),
            Readout::RepRelax { done, .. } => Phase::RepRelax(done),
            Readout::Beat { .. } => Phase::Beat,
            Readout::Cycles { rep, .. } => Phase::Cycles(rep),
            Readout::Rest { .. } => Phase::Rest,
            Readout::Between { .. } => Phase::Between,
            Readout::Finished => Phase::Finished,
        }
    }
}

/// What the last lines were about.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    exercise: usize,
    set: u32,
    side: Option<Side>,
    phase: Phase,
    reps_done: u32,
    paused: bool,
    modal: Option<ModalView>,
    end: Option<EndView>,
}

/// Turns successive views into the lines worth saying.
#[derive(Debug, Clone)]
pub struct Narrator {
    keys: Keys,
    seen: Option<Seen>,
    /// The remaining seconds last said in the countdown under way.
    said: Option<u64>,
}

/// The seconds a countdown shows, when the phase counts down.
fn countdown(readout: &Readout) -> Option<u64> {
    match *readout {
        Readout::GetReady { remaining_s }
        | Readout::Hold { remaining_s, .. }
        | Readout::Move { remaining_s, .. }
        | Readout::RepHold { remaining_s, .. }
        | Readout::Rest { remaining_s, .. } => Some(remaining_s),
        _ => None,
    }
}

/// "1 second", "45 seconds".
fn seconds(n: u64) -> String {
    if n == 1 {
        "1 second".into()
    } else {
        format!("{n} seconds")
    }
}

/// The next remaining-seconds value below `shown` that gets a line: the next
/// multiple of 10, then 3, 2 and 1.
fn next_said(shown: u64) -> Option<u64> {
    match shown {
        0 | 1 => None,
        2..=4 => Some(shown - 1).filter(|v| *v <= 3),
        _ if shown > 10 => Some((shown - 1) / 10 * 10),
        _ => Some(3),
    }
}

/// When the next countdown line is due: the countdown `deadline` less the
/// seconds that line says; `None` when no countdown runs or none is left.
pub fn next_moment(view: &View<'_>, deadline: Instant) -> Option<Instant> {
    if view.paused || view.modal.is_some() || view.end.is_some() {
        return None;
    }
    let next = next_said(countdown(&view.readout)?)?;
    deadline.checked_sub(Duration::from_secs(next))
}

/// The next moment the line mode must wake for `session`: the engine's own
/// next event (a cue, a phase's end) or the next countdown line, whichever
/// is first; `None` while only a key can change anything. At most one
/// wake-up a second during a hold, and most seconds none.
pub fn wake(session: &Session, now: Instant) -> Option<Instant> {
    let event = session.next_deadline()?;
    let view = session.view(now);
    let line = session
        .countdown_deadline()
        .and_then(|deadline| next_moment(&view, deadline))
        .filter(|at| *at > now);
    Some(line.map_or(event, |at| at.min(event)))
}

impl Narrator {
    /// A narrator for a person who answers with `keys`.
    pub fn new(keys: Keys) -> Narrator {
        Narrator {
            keys,
            seen: None,
            said: None,
        }
    }

    /// The lines `view` calls for, after the views already seen.
    pub fn lines(&mut self, view: &View<'_>) -> Vec<String> {
        let now = Seen {
            exercise: view.exercise_number,
            set: view.set,
            side: view.side,
            phase: Phase::of(&view.readout),
            reps_done: match view.readout {
                Readout::Reps { done, .. } | Readout::Beat { done, .. } => done,
                _ => 0,
            },
            paused: view.paused,
            modal: view.modal.clone(),
            end: view.end.clone(),
        };
        let before = self.seen.replace(now.clone());
        let mut out = Vec::new();
        if now.end.is_some() {
            if before.as_ref().map(|b| &b.end) != Some(&now.end) {
                self.end_lines(view, before.as_ref(), &mut out);
            }
            return out;
        }
        let modal_before = before.as_ref().and_then(|b| b.modal.as_ref());
        if let Some(modal) = &view.modal {
            self.modal_lines(view, modal, modal_before, &mut out);
            return out;
        }
        let paused_before = before.as_ref().is_some_and(|b| b.paused);
        if view.paused {
            if !paused_before {
                out.push("PAUSED: every timer stops. Press p to resume.".into());
            }
            return out;
        }
        if paused_before {
            out.push("Resumed.".into());
        }
        self.step_lines(view, before.as_ref(), &now, &mut out);
        out
    }

    fn step_lines(
        &mut self,
        view: &View<'_>,
        before: Option<&Seen>,
        now: &Seen,
        out: &mut Vec<String>,
    ) {
        let Some(ex) = view.exercise else { return };
        let new_exercise = before.is_none_or(|b| b.exercise != now.exercise);
        if new_exercise && now.phase != Phase::Between {
            out.push(format!(
                "Exercise {} of {}: {}. {}.",
                view.exercise_number, view.exercise_count, ex.name, ex.position
            ));
            for (i, step) in ex.steps.iter().enumerate() {
                out.push(format!("  {}. {step}", i + 1));
            }
            out.push(format!("Key cue: {}.", ex.cue));
        }
        let same_phase = before.is_some_and(|b| {
            !new_exercise && b.phase == now.phase && b.set == now.set && b.side == now.side
        });
        if !new_exercise
            && let (Some(b), Some(side)) = (before, now.side)
            && b.side.is_some()
            && b.side != now.side
        {
            out.push(format!("Switch to the {} side.", side.label()));
        }
        if same_phase {
            if let Readout::Reps { done, target } | Readout::Beat { done, target } = view.readout
                && before.is_some_and(|b| b.reps_done != done)
            {
                out.push(format!("Rep {done} of {target}."));
            }
            self.countdown_line(&view.readout, out);
            return;
        }
        self.said = countdown(&view.readout);
        let space = self.keys.space();
        let lead = {
            let side = view
                .side
                .map(|s| format!(", {} side", s.label()))
                .unwrap_or_default();
            format!("{}, set {} of {}{side}", ex.name, view.set, view.sets)
        };
        let line = match view.readout {
            Readout::GetReady { remaining_s } => format!(
                "Get ready: {lead}. Starts in {} ({space} to start now).",
                seconds(remaining_s)
            ),
            Readout::Hold { total_s, .. } => format!("{lead}: hold {}.", seconds(total_s)),
            Readout::Move { total_s, .. } => {
                format!("{lead}: keep moving for {}.", seconds(total_s))
            }
            Readout::Reps { target, .. } => {
                format!("{lead}: {target} reps. {space} after each rep.")
            }
            Readout::RepReady { done: 0, target } => format!(
                "{lead}: {target} reps, hold {} each. {space} to start each rep.",
                seconds(u64::from(ex.hold_s))
            ),
            Readout::RepReady { done, target } => {
                format!(
                    "Rep {done} of {target} done. {space} to start rep {}.",
                    done + 1
                )
            }
            Readout::RepHold {
                rep,
                target,
                total_s,
                ..
            } => format!("{lead}: rep {rep} of {target}, hold {}.", seconds(total_s)),
            // Paced held reps: a short pause to relax, then the next hold.
            Readout::RepRelax {
                done,
                target,
                remaining_s,
                ..
            } => format!(
                "Rep {done} of {target} done. Relax; rep {} starts in {} ({space} to start now).",
                done + 1,
                seconds(remaining_s)
            ),
            Readout::Beat { target, .. } => format!(
                "{lead}: {target} reps, counted for you at a steady pace ({space} counts one now)."
            ),
            Readout::Cycles { rep: 1, target, .. } => format!(
                "{lead}: {target} slow cycles, {} each, breathing in then out. Cycle 1.",
                seconds(u64::from(ex.pace_s))
            ),
            Readout::Cycles { rep, target, .. } => format!("Cycle {rep} of {target}."),
            Readout::Rest { total_s, .. } => match &view.next {
                Some(next) => format!("Rest {}. Next: {next}.", seconds(total_s)),
                None => format!("Rest {}.", seconds(total_s)),
            },
            Readout::Between { .. } | Readout::Finished => return,
        };
        out.push(line);
    }

    /// "20 seconds left", then "3", "2", "1": once each, at most one line a call.
    fn countdown_line(&mut self, readout: &Readout, out: &mut Vec<String>) {
        let (Some(shown), Some(said)) = (countdown(readout), self.said) else {
            return;
        };
        if shown == 0 || shown >= said {
            return;
        }
        let crossed_ten = (shown..said).any(|s| s % 10 == 0);
        if shown <= 3 {
            out.push(shown.to_string());
        } else if crossed_ten {
            out.push(format!("{} left.", seconds(shown)));
        } else {
            return;
        }
        self.said = Some(shown);
    }

    fn modal_lines(
        &self,
        view: &View<'_>,
        modal: &ModalView,
        before: Option<&ModalView>,
        out: &mut Vec<String>,
    ) {
        let same_kind =
            before.is_some_and(|b| std::mem::discriminant(b) == std::mem::discriminant(modal));
        if same_kind {
            // Only the digits typed changed: say them back (keys are not echoed).
            let typed = |m: &ModalView| match m {
                ModalView::RateNumber { typed } | ModalView::AfterExercise { typed, .. } => {
                    Some(typed.clone())
                }
                _ => None,
            };
            if let Some(t) = typed(modal).filter(|t| !t.is_empty())
                && before.and_then(typed).as_ref() != Some(&t)
            {
                out.push(t);
            }
            return;
        }
        let (then, keep) = match self.keys {
            Keys::Terminal => ("then Enter", "Enter alone keeps"),
            Keys::Lines => ("on a line", "an empty line keeps"),
        };
        match modal {
            ModalView::Help => out.extend(help_lines(self.keys)),
            ModalView::ConfirmQuit { counts, .. } => {
                let kept = if counts.worked() == 0 {
                    "Nothing is done yet: it is saved as skipped and counts for nothing today."
                        .to_string()
                } else {
                    format!(
                        "What you did is saved as partial: {}.",
                        counts.summary(view.exercise_count)
                    )
                };
                out.push(format!("Quit this session? {kept} y quits, n keeps going."));
            }
            ModalView::RateNumber { .. } => out.push(format!(
                "How much discomfort do you feel right now? Type 0 (none) to 10 (worst), {then}. s: sharp pain."
            )),
            ModalView::RateKind { value } => {
                let kinds: Vec<String> = words::kind_keys()
                    .map(|(k, kind)| format!("{k}: {}", kind.label()))
                    .collect();
                out.push(format!(
                    "Discomfort {value}/10. What does it feel like? {}.",
                    kinds.join("; ")
                ));
            }
            ModalView::AfterExercise { exercise, last, .. } => out.push(format!(
                "{exercise} done. How does your back feel now? Type 0 to 10, {then}; {keep} {last}/10. s: sharp, l: down a leg, i: numbness or tingling, u: new or unusual."
            )),
            ModalView::Worse { value, baseline } => out.push(format!(
                "You rated {value}/10; at check-in it was {baseline}/10. Is your pain getting worse? y: yes, stop for today; n: no, carry on."
            )),
        }
    }

    fn end_lines(&self, view: &View<'_>, before: Option<&Seen>, out: &mut Vec<String>) {
        let Some(end) = &view.end else { return };
        match end {
            EndView::Stopped { reason, kind } => {
                out.push(words::STOPPED_FOR_SAFETY.to_string());
                out.push(format!("{reason}."));
                out.push("What to do now:".into());
                out.extend(words::safety_advice(*kind).into_iter().map(str::to_string));
            }
            EndView::Quit => out.push(
                "Session quit. What you did is saved; nothing done is saved as skipped.".into(),
            ),
            EndView::Completed {
                status,
                counts,
                exercises,
                active,
                closing_typed,
                closing,
            } => {
                let was = before.and_then(|b| b.end.as_ref());
                let first = !matches!(was, Some(EndView::Completed { .. }));
                if first {
                    let (title, meaning) = words::ending(status);
                    let secs = active.as_secs();
                    out.push(title.to_string());
                    out.push(format!(
                        "{} in {}:{:02}. {meaning}",
                        counts.summary(view.exercise_count),
                        secs / 60,
                        secs % 60
                    ));
                    for (name, amount) in exercises {
                        out.push(format!("  {name}: {amount}"));
                    }
                }
                match closing {
                    None if first => out.push(format!(
                        "How does your back feel now, 0 to 10? Type a number, {}.",
                        match self.keys {
                            Keys::Terminal => "then Enter",
                            Keys::Lines => "on a line",
                        }
                    )),
                    None => {
                        if !closing_typed.is_empty() {
                            out.push(closing_typed.clone());
                        }
                    }
                    Some(v) => {
                        out.push(format!("Thank you: {v}/10 noted for next time."));
                        if *v > crate::rules::safety::ACCEPTABLE_LIMIT {
                            out.push(words::ABOVE_RANGE.into());
                        }
                    }
                }
                if *status == SessionStatus::Skipped && first {
                    // Nothing else to say: the rating still helps next time.
                }
            }
        }
    }
}

/// The keys (or line commands) of a session, for `?`.
pub fn help_lines(keys: Keys) -> Vec<String> {
    let rows: &[(&str, &str)] = match keys {
        Keys::Terminal => &[
            ("Space", "count one rep; start a hold or a rep; continue"),
            ("p", "pause or resume (every timer stops)"),
            ("n", "next: finish this step early"),
            ("b", "restart this rep or set; twice: the previous exercise"),
            ("+", "add 15 seconds to a rest"),
            ("r", "rate your discomfort now (timers pause)"),
            ("s", "sharp pain: stop at once"),
            ("m", "mute or unmute"),
            ("q", "quit (asks first; what you did is kept)"),
        ],
        Keys::Lines => &[
            (
                "an empty line",
                "count one rep; start a hold or a rep; continue",
            ),
            ("p", "pause or resume (every timer stops)"),
            ("n", "next: finish this step early"),
            ("b", "restart this rep or set; twice: the previous exercise"),
            ("+", "add 15 seconds to a rest"),
            ("r", "rate your discomfort now; r 4 rates 4 at once"),
            ("s", "sharp pain: stop at once"),
            ("m", "mute or unmute"),
            ("q", "quit (asks first; what you did is kept)"),
        ],
    };
    let mut lines = vec!["Keys:".to_string()];
    lines.extend(rows.iter().map(|(k, what)| format!("  {k}: {what}")));
    lines.push(match keys {
        Keys::Terminal => "Any key closes this help.".into(),
        Keys::Lines => "Any line closes this help.".into(),
    });
    lines
}

#[cfg(test)]
#[path = "narrate_tests.rs"]
mod tests;
