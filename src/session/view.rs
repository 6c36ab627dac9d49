//! What the session screen shows, computed from the engine's state.
//!
//! The screen draws a [`View`] and nothing else, so whatever is on screen can
//! be checked in an engine test without a terminal.

use std::time::Duration;

use crate::domain::{DiscomfortKind, ExerciseOutcome, SessionStatus, Side};
use crate::plan::PlannedExercise;

/// A short banner that flashes on every phase change, so a muted or silent
/// session still alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Banner {
    /// The get-ready countdown before a timed exercise has begun.
    GetReady,
    /// A timed hold, movement or run of cycles starts now.
    Go,
    /// A timed hold has ended: relax.
    HoldEnd,
    /// A timed movement (neck rolls, a walk) has ended.
    MoveEnd,
    /// A run of slow cycles has ended.
    CyclesDone,
    /// Time to change sides; carries the side now starting.
    SwitchSides(Side),
    /// The rest is over: the next set starts.
    RestOver,
    /// A rest between sets has begun.
    Rest,
    /// The last repetition of a set is done.
    SetDone,
    /// The end of the routine is reached.
    Done,
    /// `m` pressed in a run started with `--mute`: sound stays off.
    SoundOffForRun,
    /// `v` pressed in a run started with `--no-voice`: the voice stays off.
    VoiceOffForRun,
}

impl Banner {
    /// The banner's words.
    pub fn text(self) -> String {
        match self {
            Banner::GetReady => "GET READY".into(),
            Banner::Go => "GO".into(),
            Banner::HoldEnd => "HOLD DONE — RELAX".into(),
            Banner::MoveEnd => "TIME — EASE OFF".into(),
            Banner::CyclesDone => "CYCLES DONE".into(),
            Banner::SwitchSides(side) => {
                format!("SWITCH SIDES — NOW {}", side.label().to_uppercase())
            }
            Banner::RestOver => "REST OVER — GO".into(),
            Banner::Rest => "REST".into(),
            Banner::SetDone => "SET DONE".into(),
            Banner::Done => "END OF ROUTINE".into(),
            Banner::SoundOffForRun => "SOUND IS OFF FOR THIS RUN (--mute)".into(),
            Banner::VoiceOffForRun => "THE VOICE IS OFF FOR THIS RUN (--no-voice)".into(),
        }
    }
}

/// The big number in the middle of the screen and what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readout {
    /// Counting down to the start of a timed exercise.
    GetReady {
        /// Seconds left in the countdown, rounded up, as the big digits show them.
        remaining_s: u64,
    },
    /// A timed hold.
    Hold {
        /// Seconds left, rounded up, as the big digits show them.
        remaining_s: u64,
        /// Full length of the hold, in seconds.
        total_s: u64,
    },
    /// A timed movement: keep moving (neck rolls, a walk).
    Move {
        /// Seconds left, rounded up, as the big digits show them.
        remaining_s: u64,
        /// Full length of the movement, in seconds.
        total_s: u64,
    },
    /// Counting repetitions with `Space`.
    Reps {
        /// Repetitions counted so far.
        done: u32,
        /// Repetitions in the set.
        target: u32,
    },
    /// Waiting for `Space` to start the next held repetition.
    RepReady {
        /// Held repetitions finished so far.
        done: u32,
        /// Repetitions in the set.
        target: u32,
    },
    /// A paced held-rep set between two holds: relax, the next one starts by itself.
    RepRelax {
        /// Held repetitions finished so far.
        done: u32,
        /// Repetitions in the set.
        target: u32,
        /// Seconds until the next hold, rounded up.
        remaining_s: u64,
        /// Length of the pause, in seconds.
        total_s: u64,
    },
    /// Plain repetitions counted on the metronome.
    Beat {
        /// Repetitions counted so far.
        done: u32,
        /// Repetitions in the set.
        target: u32,
    },
    /// Holding repetition `rep`.
    RepHold {
        /// Which repetition is being held, 1-based.
        rep: u32,
        /// Repetitions in the set.
        target: u32,
        /// Seconds left in this hold, rounded up, as the big digits show them.
        remaining_s: u64,
        /// Full length of one hold, in seconds.
        total_s: u64,
    },
    /// Slow cycle `rep`, breathing in or out.
    Cycles {
        /// The current cycle, 1-based, never past `target`.
        rep: u32,
        /// Cycles in the set.
        target: u32,
        /// True in the first half of each cycle (breathe in), false in the second (breathe out).
        breath_in: bool,
        /// Seconds left of the whole run of cycles, rounded up, as the big digits show them.
        remaining_s: u64,
        /// Length of the whole run of cycles, in seconds.
        total_s: u64,
    },
    /// Rest between sets.
    Rest {
        /// Seconds of rest left, rounded up, as the big digits show them.
        remaining_s: u64,
        /// Full length of the rest in seconds, time added with `+` included.
        total_s: u64,
    },
    /// Between exercises, while the quick rating is asked.
    Between {
        /// What came of the exercise just left: done or partly done.
        outcome: ExerciseOutcome,
    },
    /// The routine is over.
    Finished,
}

/// What the screen shows of the prompt or overlay on top of the session:
/// the engine's own state of it stays inside the engine, and this is built
/// from it in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalView {
    /// The list of keys; any key closes it.
    Help,
    /// "Quit this session?", with what quitting will save.
    ConfirmQuit {
        /// The exercises so far, the one in progress counted as it stands.
        counts: Counts,
        /// The exercise in progress and what was done of it in this attempt
        /// ("Bridge: 1 set · 3 reps"), when anything was.
        in_progress: Option<String>,
    },
    /// Typing the 0–10 number.
    RateNumber {
        /// The digits typed so far: empty, or a number from 0 to 10.
        typed: String,
    },
    /// Picking the kind of discomfort for `value`.
    RateKind {
        /// The 0–10 rating just typed.
        value: u8,
    },
    /// The quick rating after an exercise: 0–10 typed then `Enter`, or
    /// `Enter` alone to keep `last`; one key for each kind that stops.
    AfterExercise {
        /// Name of the exercise just finished.
        exercise: String,
        /// The latest rating (or the check-in one), 0 if there is none.
        last: u8,
        /// The digits typed so far: empty, or a number from 0 to 10.
        typed: String,
    },
    /// "Getting worse?" after a rating well above the check-in.
    Worse {
        /// The rating just given, 0–10.
        value: u8,
        /// The check-in rating it is compared with.
        baseline: u8,
    },
}

/// How many exercises were done, partly done and skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Done in full.
    pub done: usize,
    /// Some repetitions or seconds, short of the plan.
    pub partly: usize,
    /// Nothing done.
    pub skipped: usize,
}

impl Counts {
    /// Exercises with any work in them.
    pub fn worked(&self) -> usize {
        self.done + self.partly
    }

    /// "3 of 5 done, 1 partly done, 1 skipped" (parts with nothing in them left out).
    pub fn summary(&self, planned: usize) -> String {
        let mut parts = vec![format!("{} of {planned} done", self.done)];
        if self.partly > 0 {
            parts.push(format!("{} partly done", self.partly));
        }
        if self.skipped > 0 {
            parts.push(format!("{} skipped", self.skipped));
        }
        parts.join(", ")
    }
}

/// How the session ended, for the end and safety screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndView {
    /// The plan ran through to its end (with `n` or not).
    Completed {
        /// What the record says: completed, partial (less than half done) or skipped.
        status: SessionStatus,
        /// Done, partly done and skipped, over the whole plan.
        counts: Counts,
        /// Every exercise: its name and what was done of it ("skipped" when nothing).
        exercises: Vec<(String, String)>,
        /// Active time of the session, pauses and prompts left out.
        active: Duration,
        /// The closing rating being typed, or the one given.
        closing_typed: String,
        /// The closing rating once confirmed with `Enter`; `None` while it is typed.
        closing: Option<u8>,
    },
    /// Quit early at the person's request; saved as partial.
    Quit,
    /// Stopped by the safety rules.
    Stopped {
        /// What stopped it and where, in plain words, shown in bold on the safety screen.
        reason: String,
        /// The discomfort kind behind the stop, if any; leg pain or numbness adds a warning.
        kind: Option<DiscomfortKind>,
    },
}

/// Everything the session screen draws.
#[derive(Debug, Clone, PartialEq)]
pub struct View<'a> {
    /// Name of the routine, shown in the frame's title.
    pub routine_name: &'a str,
    /// 1-based index of the current exercise.
    pub exercise_number: usize,
    /// Number of exercises in the plan.
    pub exercise_count: usize,
    /// Active time so far, pauses left out.
    pub elapsed: Duration,
    /// Rough time still to go.
    pub left: Duration,
    /// Whether cues are muted (toggled with `m`), for the sound status and key hints.
    pub muted: bool,
    /// Started with `--mute`: sound stays off for the run and `m` cannot turn it on.
    pub mute_locked: bool,
    /// Whether the coach speaks (toggled with `v`).
    pub voice: bool,
    /// Started with `--no-voice`: `v` cannot turn the voice on.
    pub voice_locked: bool,
    /// The glance layout (`g`): the name, side, big number, gauge and what comes next.
    pub glance: bool,
    /// The exercise on screen: the current one, or the one just done during its quick rating.
    pub exercise: Option<&'a PlannedExercise>,
    /// Current set number, 1-based (the last set during the quick rating); 0 if no step is current.
    pub set: u32,
    /// Sets planned for the exercise on screen; 0 if none is shown.
    pub sets: u32,
    /// The side being worked in a per-side exercise; `None` otherwise and between exercises.
    pub side: Option<Side>,
    /// The big number in the middle of the screen and what it counts.
    pub readout: Readout,
    /// Progress of the hold or the set, 0.0–1.0.
    pub gauge: f64,
    /// Whether the person paused with `p` (an open prompt does not count).
    pub paused: bool,
    /// The prompt or overlay on top, if one is open.
    pub modal: Option<ModalView>,
    /// The phase-change banner, while it is on screen (about a second).
    pub flash: Option<Banner>,
    /// What comes after this step, in a few words.
    pub next: Option<String>,
    /// How the session ended, once it has; `None` while it runs.
    pub end: Option<EndView>,
    /// Where the exercise's figure is, from its start pose (0.0) to its end
    /// pose (1.0), in time with the rep, hold or breath; `None` when there
    /// is no figure to draw.
    pub motion: Option<f32>,
}
