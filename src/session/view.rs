//! What the session screen shows, computed from the engine's state.
//!
//! The screen draws a [`View`] and nothing else, so whatever is on screen can
//! be checked in an engine test without a terminal.

use std::time::Duration;

use crate::plan::PlannedExercise;
use crate::store::records::{DiscomfortKind, Side};

/// A short banner that flashes on every phase change, so a muted or silent
/// session still alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Banner {
    GetReady,
    Go,
    HoldEnd,
    SwitchSides(Side),
    RestOver,
    Rest,
    SetDone,
    Done,
}

impl Banner {
    /// The banner's words.
    pub fn text(self) -> String {
        match self {
            Banner::GetReady => "GET READY".into(),
            Banner::Go => "GO".into(),
            Banner::HoldEnd => "HOLD DONE — RELAX".into(),
            Banner::SwitchSides(side) => {
                format!("SWITCH SIDES — NOW {}", side.label().to_uppercase())
            }
            Banner::RestOver => "REST OVER — GO".into(),
            Banner::Rest => "REST".into(),
            Banner::SetDone => "SET DONE".into(),
            Banner::Done => "ROUTINE COMPLETE".into(),
        }
    }
}

/// The big number in the middle of the screen and what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Main {
    /// Counting down to the start of a timed exercise.
    GetReady { remaining_s: u64 },
    /// A timed hold or a timed movement.
    Hold { remaining_s: u64, total_s: u64 },
    /// Counting repetitions with `Space`.
    Reps { done: u32, target: u32 },
    /// Waiting for `Space` to start the next held repetition.
    RepReady { done: u32, target: u32 },
    /// Holding repetition `rep`.
    RepHold {
        rep: u32,
        target: u32,
        remaining_s: u64,
        total_s: u64,
    },
    /// Slow cycle `rep`, breathing in or out.
    Cycles {
        rep: u32,
        target: u32,
        breath_in: bool,
        remaining_s: u64,
        total_s: u64,
    },
    /// Rest between sets.
    Rest { remaining_s: u64, total_s: u64 },
    /// Between exercises, while the quick rating is asked.
    Between,
    /// The routine is over.
    Finished,
}

/// The prompt or overlay on top of the session, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalView {
    Help,
    ConfirmQuit,
    /// Typing the 0–10 number.
    RateNumber {
        typed: String,
    },
    /// Picking the kind of discomfort for `value`.
    RateKind {
        value: u8,
    },
    /// The quick rating after an exercise; `Enter` keeps `last`.
    AfterExercise {
        exercise: String,
        last: u8,
    },
    /// "Getting worse?" after a rating well above the check-in.
    Worse {
        value: u8,
        baseline: u8,
    },
}

/// How the session ended, for the end and safety screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndView {
    Completed {
        exercises_done: usize,
        /// What was done, one line per exercise: name and amount.
        done: Vec<(String, String)>,
        active: Duration,
        /// The closing rating being typed, or the one given.
        closing_typed: String,
        closing: Option<u8>,
    },
    Quit,
    Stopped {
        reason: String,
        kind: Option<DiscomfortKind>,
    },
}

/// Everything the session screen draws.
#[derive(Debug, Clone, PartialEq)]
pub struct View<'a> {
    pub routine_name: &'a str,
    /// 1-based index of the current exercise.
    pub exercise_number: usize,
    pub exercise_count: usize,
    /// Active time so far, pauses left out.
    pub elapsed: Duration,
    /// Rough time still to go.
    pub left: Duration,
    pub muted: bool,
    pub exercise: Option<&'a PlannedExercise>,
    pub set: u32,
    pub sets: u32,
    pub side: Option<Side>,
    pub main: Main,
    /// Progress of the hold or the set, 0.0–1.0.
    pub gauge: f64,
    pub paused: bool,
    pub modal: Option<ModalView>,
    pub flash: Option<Banner>,
    /// What comes after this step, in a few words.
    pub next: Option<String>,
    pub end: Option<EndView>,
}
