//! The spoken coach's script: which phrase at which instant, and the words
//! of every phrase a session may say.
//!
//! Pure, like the rest of the engine: the engine asks for a phase's phrases
//! when the phase starts (from its start and deadline, so a pause moves them
//! with every other cue and a skip drops them), and says them through
//! [`super::Effect::Say`]. The words come from [`book`], built once when a
//! session starts and handed to the audio edge, which renders them ahead of
//! their deadlines on a thread of its own: speech starts on time, and the
//! event loop never waits for a synthesiser.
//!
//! Phrases never talk over each other by design: each phase's phrases are
//! laid out with an estimate of how long each one takes to say
//! ([`estimated`]), and a phrase that would start before the one before it is
//! over (the "3" of a 3 s get-ready after a long introduction) is left out.
//! The audio edge plays phrases one after another anyway.

use std::time::Duration;

use tokio::time::Instant;

use super::steps::{Step, StepKind, Work};
use crate::cue::Phrase;
use crate::domain::Side;
use crate::plan::{Plan, PlannedExercise};

/// Seconds counted aloud before a deadline: "3, 2, 1".
pub const COUNTDOWN: u32 = 3;
/// How long before the end of a rest the next set is announced.
pub const ANNOUNCE_BEFORE_REST_END: Duration = Duration::from_secs(6);
/// Room kept between two phrases, so they never run together.
pub(crate) const GAP: Duration = Duration::from_millis(200);

/// One phrase of the book: its words, and the exercises that may say it
/// (empty: any exercise may), so the audio edge keeps the samples of an
/// exercise's phrases only around that exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What is said.
    pub phrase: Phrase,
    /// The words, as the synthesiser reads them.
    pub text: String,
    /// Plan indexes of the exercises that may say it; empty for phrases
    /// shared by the whole session (counts, "Relax.", the safety stop).
    pub exercises: Vec<usize>,
}

/// The words of `phrase` in this plan.
pub fn text(phrase: Phrase, plan: &Plan) -> String {
    let exercise = |i: usize| plan.exercises.get(i);
    let get_ready = |on: bool| if on { " Get ready." } else { "" };
    match phrase {
        Phrase::Intro {
            exercise: i,
            side,
            cue,
            get_ready: ready,
        } => {
            let Some(ex) = exercise(i) else {
                return get_ready(ready).trim().to_string();
            };
            let mut s = sentence(&name_and_side(ex, side));
            if cue && !ex.cue.trim().is_empty() {
                s.push(' ');
                s.push_str(&sentence(&ex.cue));
            }
            s.push_str(get_ready(ready));
            s
        }
        // With the key cue: the time to listen is the quick check, which
        // waits for the person; a short get-ready leaves no room for it.
        Phrase::Next { exercise: i, side } => match exercise(i) {
            Some(ex) if !ex.cue.trim().is_empty() => format!(
                "Next: {} {}",
                sentence(&name_and_side(ex, side)),
                sentence(&ex.cue)
            ),
            Some(ex) => format!("Next: {}", sentence(&name_and_side(ex, side))),
            None => "Next.".into(),
        },
        Phrase::SwitchSides { side, get_ready: g } => {
            format!(
                "Switch sides. {} side.{}",
                capitalised(side.label()),
                get_ready(g)
            )
        }
        Phrase::Set {
            set,
            sets,
            side,
            get_ready: g,
        } => {
            let mut s = if set >= sets && sets > 1 {
                "Last set".to_string()
            } else {
                format!("Set {set} of {sets}")
            };
            if let Some(side) = side {
                s.push_str(&format!(", {} side", side.label()));
            }
            s.push('.');
            s.push_str(get_ready(g));
            s
        }
        Phrase::Count(n) => format!("{n}."),
        Phrase::Hold => "Hold.".into(),
        Phrase::Go => "Go.".into(),
        Phrase::RepStart { rep, target } if rep >= target && target > 1 => "Hold. Last one.".into(),
        Phrase::RepStart { rep, target } => format!("Hold. {rep} of {target}."),
        Phrase::Relax => "Relax.".into(),
        Phrase::EaseOff => "Time. Ease off.".into(),
        Phrase::Halfway => "Halfway.".into(),
        Phrase::BreatheIn { cycle, cycles } if cycle >= cycles && cycles > 1 => {
            "Breathe in. Last one.".into()
        }
        Phrase::BreatheIn { cycle, cycles } => format!("Breathe in. {cycle} of {cycles}."),
        Phrase::BreatheOut => "Breathe out.".into(),
        Phrase::RepCount { done, target } if done + 1 == target => {
            format!("{done}. Last one.")
        }
        Phrase::RepCount { done, .. } => format!("{done}."),
        Phrase::Rest { secs } if secs >= 60 && secs % 60 == 0 => match secs / 60 {
            1 => "Rest, one minute.".into(),
            m => format!("Rest, {m} minutes."),
        },
        Phrase::Rest { secs } => format!("Rest, {secs} seconds."),
        Phrase::SessionComplete => "Session complete. Well done.".into(),
        Phrase::SafetyStop => "Stopped for safety. Stop exercising for today.".into(),
    }
}

fn name_and_side(ex: &PlannedExercise, side: Option<Side>) -> String {
    match side {
        Some(side) => format!("{}, {} side", ex.name, side.label()),
        None => ex.name.clone(),
    }
}

/// `text` ending with one full stop (a key cue is written without one).
fn sentence(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches(['.', ',', ';', ':']);
    format!("{trimmed}.")
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// About how long `text` takes to say at the voice's pace (espeak-ng at 160
/// words a minute, measured: "Hold." 0.5 s, "Bird dog, left side. Long and
/// level, no tipping. Get ready." 4.5 s), erring long: it only decides what
/// is left out so that phrases do not overlap.
pub fn estimated(text: &str) -> Duration {
    let mut ms = 0u64;
    for word in text.split_whitespace() {
        ms += 120;
        for c in word.chars() {
            ms += match c {
                // A number is read out: "forty-five".
                '0'..='9' => 180,
                '.' | ',' | ';' | ':' | '?' | '!' => 200,
                c if c.is_alphabetic() => 45,
                _ => 0,
            };
        }
    }
    Duration::from_millis(ms + ms / 10)
}

/// A phase's phrases, laid out so that none starts before the last one is
/// (by estimate) over.
#[derive(Debug)]
pub(crate) struct Lines<'a> {
    plan: &'a Plan,
    /// When the voice is free again.
    free_at: Instant,
    /// The phrases, in time order.
    pub out: Vec<(Instant, Phrase)>,
}

impl<'a> Lines<'a> {
    /// Nothing said yet; the voice is busy until `free_at` (a phrase still
    /// being said when the phase starts).
    pub fn new(plan: &'a Plan, free_at: Instant) -> Lines<'a> {
        Lines {
            plan,
            free_at,
            out: Vec::new(),
        }
    }

    /// When the voice will be free, by estimate, after everything laid out.
    pub fn free_at(&self) -> Instant {
        self.free_at
    }

    /// Says `phrase` at `at`, or as soon after it as the voice is free.
    pub fn say(&mut self, at: Instant, phrase: Phrase) {
        let start = at.max(self.free_at);
        self.free_at = start + estimated(&text(phrase, self.plan)) + GAP;
        self.out.push((at, phrase));
    }

    /// Says `phrase` at `at` only if the voice is free by then.
    pub fn say_if_free(&mut self, at: Instant, phrase: Phrase) {
        if at >= self.free_at {
            self.say(at, phrase);
        }
    }

    /// "3", "2", "1" in the last seconds before `deadline` (after `start`),
    /// each one only if nothing is still being said.
    pub fn countdown(&mut self, start: Instant, deadline: Instant) {
        for k in (1..=COUNTDOWN).rev() {
            if let Some(at) = deadline.checked_sub(Duration::from_secs(u64::from(k)))
                && at > start
            {
                self.say_if_free(at, Phrase::Count(k));
            }
        }
    }
}

/// How a work step is entered, for its first words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entered {
    /// A fresh exercise, or the same one started again.
    Fresh,
    /// The other side of the same set.
    SwitchingSides,
    /// The next set, with no rest in between.
    NextSet,
    /// Straight out of a rest of its own exercise (the rest's end said it).
    AfterRest,
}

/// What is said when a work step is entered at `start`: its introduction
/// and, with a get-ready countdown to `deadline`, the count to it. The key
/// cue is said with the introduction when it fits before the count.
pub(crate) fn step_entry(
    lines: &mut Lines<'_>,
    step: &Step,
    entered: Entered,
    start: Instant,
    get_ready: Option<Instant>,
) {
    let ready = get_ready.is_some();
    let first = match entered {
        Entered::Fresh => {
            let with_cue = Phrase::Intro {
                exercise: step.exercise,
                side: step.side,
                cue: true,
                get_ready: ready,
            };
            // The cue only if it leaves the count to be heard (or nothing follows).
            let fits = match get_ready {
                Some(deadline) => {
                    let count_from = deadline
                        .checked_sub(Duration::from_secs(u64::from(COUNTDOWN)))
                        .unwrap_or(start);
                    lines.free_at().max(start) + estimated(&text(with_cue, lines.plan)) + GAP
                        <= count_from
                }
                None => true,
            };
            Some(if fits {
                with_cue
            } else {
                Phrase::Intro {
                    exercise: step.exercise,
                    side: step.side,
                    cue: false,
                    get_ready: ready,
                }
            })
        }
        Entered::SwitchingSides => step.side.map(|side| Phrase::SwitchSides {
            side,
            get_ready: ready,
        }),
        Entered::NextSet => Some(Phrase::Set {
            set: step.set,
            sets: step.sets,
            side: step.side,
            get_ready: ready,
        }),
        Entered::AfterRest => None,
    };
    if let Some(phrase) = first {
        lines.say(start, phrase);
    }
    if let Some(deadline) = get_ready {
        lines.countdown(start, deadline);
    }
}

/// A rest from `start` to `deadline`: how long, then (`next`, the step it
/// leads to) which set comes, then the count to it.
pub(crate) fn rest(
    lines: &mut Lines<'_>,
    secs: u32,
    next: Option<&Step>,
    start: Instant,
    deadline: Instant,
) {
    lines.say(start, Phrase::Rest { secs });
    if let Some(next) = next
        && let Some(at) = deadline.checked_sub(ANNOUNCE_BEFORE_REST_END)
        && at > start
    {
        lines.say_if_free(
            at,
            Phrase::Set {
                set: next.set,
                sets: next.sets,
                side: next.side,
                get_ready: false,
            },
        );
    }
    lines.countdown(start, deadline);
}

/// A timed hold or movement from `start` to `deadline`: "Hold." or "Go.",
/// "Halfway." in a long one, the count to its end.
pub(crate) fn timed(lines: &mut Lines<'_>, work: Work, start: Instant, deadline: Instant) {
    let secs = work.timed_secs();
    lines.say(
        start,
        match work {
            Work::Duration { .. } => Phrase::Go,
            _ => Phrase::Hold,
        },
    );
    if secs >= super::HALFWAY_FROM_S {
        lines.say_if_free(
            start + Duration::from_millis(u64::from(secs) * 500),
            Phrase::Halfway,
        );
    }
    lines.countdown(start, deadline);
}

/// Slow cycles of `pace` seconds from `start`: in at each cycle's start (with
/// its number), out at its middle.
pub(crate) fn cycles(lines: &mut Lines<'_>, target: u32, pace: u32, start: Instant) {
    let half = Duration::from_millis(u64::from(pace) * 500);
    for cycle in 1..=target {
        let begins = start + half * (2 * (cycle - 1));
        lines.say_if_free(
            begins,
            Phrase::BreatheIn {
                cycle,
                cycles: target,
            },
        );
        lines.say_if_free(begins + half, Phrase::BreatheOut);
    }
}

/// One held repetition from `start` to `deadline`: "Hold. 4 of 8.", "Halfway."
/// in a long hold, the count to its end.
pub(crate) fn rep_hold(
    lines: &mut Lines<'_>,
    rep: u32,
    target: u32,
    hold: u32,
    start: Instant,
    deadline: Instant,
) {
    lines.say(start, Phrase::RepStart { rep, target });
    if hold >= super::HALFWAY_FROM_S {
        lines.say_if_free(
            start + Duration::from_millis(u64::from(hold) * 500),
            Phrase::Halfway,
        );
    }
    lines.countdown(start, deadline);
}

/// Every phrase `plan` may say, each once, in the order a run through it
/// first says them (so rendering them in order has each one ready before it
/// is due), with the exercises that use each one.
pub fn book(plan: &Plan, steps: &[Step]) -> Vec<Entry> {
    let mut book = Book::default();
    // First the first step's introduction, said the moment the session
    // starts, then what every exercise says.
    if let Some(first) = steps.first() {
        for get_ready in [true, false] {
            for cue in [true, false] {
                book.add(
                    Phrase::Intro {
                        exercise: first.exercise,
                        side: first.side,
                        cue,
                        get_ready,
                    },
                    Some(first.exercise),
                );
            }
        }
    }
    for phrase in [
        Phrase::Count(3),
        Phrase::Count(2),
        Phrase::Count(1),
        Phrase::Hold,
        Phrase::Go,
        Phrase::Relax,
        Phrase::EaseOff,
        Phrase::Halfway,
        Phrase::BreatheOut,
        Phrase::SessionComplete,
        Phrase::SafetyStop,
    ] {
        book.add(phrase, None);
    }
    for (i, step) in steps.iter().enumerate() {
        let ex = Some(step.exercise);
        match step.kind {
            StepKind::Rest { secs } => book.add(Phrase::Rest { secs }, ex),
            StepKind::Work(work) => {
                let first_of_exercise = Step::came_from(steps, i).is_none();
                for get_ready in [true, false] {
                    for cue in [true, false] {
                        book.add(
                            Phrase::Intro {
                                exercise: step.exercise,
                                side: step.side,
                                cue,
                                get_ready,
                            },
                            ex,
                        );
                    }
                    if let Some(side) = step.side {
                        book.add(Phrase::SwitchSides { side, get_ready }, ex);
                    }
                    if step.set > 1 {
                        book.add(
                            Phrase::Set {
                                set: step.set,
                                sets: step.sets,
                                side: step.side,
                                get_ready,
                            },
                            ex,
                        );
                    }
                }
                if step.set > 1 {
                    // Announced at the end of the rest before it.
                    book.add(
                        Phrase::Set {
                            set: step.set,
                            sets: step.sets,
                            side: step.side,
                            get_ready: false,
                        },
                        ex,
                    );
                }
                if first_of_exercise {
                    book.add(
                        Phrase::Next {
                            exercise: step.exercise,
                            side: step.side,
                        },
                        ex,
                    );
                }
                match work {
                    Work::RepsWithHold { target, .. } => {
                        for rep in 1..=target {
                            book.add(Phrase::RepStart { rep, target }, ex);
                        }
                    }
                    Work::Reps { target } => {
                        for done in 1..=target {
                            book.add(Phrase::RepCount { done, target }, ex);
                        }
                    }
                    Work::Cycles { target, .. } => {
                        for cycle in 1..=target {
                            book.add(
                                Phrase::BreatheIn {
                                    cycle,
                                    cycles: target,
                                },
                                ex,
                            );
                        }
                    }
                    Work::Hold { .. } | Work::Duration { .. } => {}
                }
            }
        }
    }
    book.entries(plan)
}

/// The book being gathered: phrases in first-use order, with their exercises.
#[derive(Default)]
struct Book {
    phrases: Vec<(Phrase, Vec<usize>)>,
}

impl Book {
    /// Adds `phrase` for `exercise` (`None`: shared by every exercise).
    fn add(&mut self, phrase: Phrase, exercise: Option<usize>) {
        match self.phrases.iter_mut().find(|(p, _)| *p == phrase) {
            Some((_, exercises)) => match exercise {
                // Shared by the whole session from now on.
                None => exercises.clear(),
                Some(i) if !exercises.is_empty() && !exercises.contains(&i) => exercises.push(i),
                Some(_) => {}
            },
            None => self.phrases.push((phrase, exercise.into_iter().collect())),
        }
    }

    fn entries(self, plan: &Plan) -> Vec<Entry> {
        self.phrases
            .into_iter()
            .map(|(phrase, exercises)| Entry {
                phrase,
                text: text(phrase, plan),
                exercises,
            })
            .collect()
    }
}
