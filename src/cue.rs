//! What the coach makes heard: the sound cues and the spoken phrases. The
//! engine says which one is due, the audio edge plays it.

use serde::{Deserialize, Serialize};

use crate::domain::Side;

/// A moment a user who is looking at the floor needs to hear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cue {
    /// Get into position: the get-ready countdown has begun.
    GetReady,
    /// One of the last three seconds of a hold or a rest.
    Tick,
    /// The hold, set or timed movement starts now.
    Go,
    /// Halfway through a hold of 20 s or more.
    Halfway,
    /// The hold (or a repetition's hold) is over.
    HoldEnd,
    /// Change to the other side.
    SwitchSides,
    /// Breath or repetition pace.
    Tempo,
    /// The last repetition of a set.
    LastRep,
    /// Rest is over: back to work.
    RestOver,
    /// The routine is complete.
    SessionDone,
    /// A safety stop: distinct from every other cue.
    SafetyAlert,
}

impl Cue {
    /// Every cue, for tests and asset checks.
    pub const ALL: [Cue; 11] = [
        Cue::GetReady,
        Cue::Tick,
        Cue::Go,
        Cue::Halfway,
        Cue::HoldEnd,
        Cue::SwitchSides,
        Cue::Tempo,
        Cue::LastRep,
        Cue::RestOver,
        Cue::SessionDone,
        Cue::SafetyAlert,
    ];
}

/// Something the spoken coach says, named by what it means rather than by its
/// words: the engine says which phrase is due and when, the session's phrase
/// book ([`crate::session::speech::book`]) gives each its words, and the audio
/// edge plays the samples it rendered from them ahead of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phrase {
    /// An exercise comes up (fresh, or started again): "Bird dog, left side.
    /// Long and level, no tipping. Get ready." `cue` adds the key cue (when it
    /// fits before the countdown), `get_ready` the last words.
    Intro {
        /// Index of the exercise in the plan.
        exercise: usize,
        /// The side it starts on, for a one-sided exercise.
        side: Option<Side>,
        /// Say its one-line key cue too.
        cue: bool,
        /// A get-ready countdown follows.
        get_ready: bool,
    },
    /// Said as an exercise ends, before the quick check: "Next: bird dog,
    /// left side. Long and level, no tipping."
    Next {
        /// Index of the exercise in the plan.
        exercise: usize,
        /// The side it starts on, for a one-sided exercise.
        side: Option<Side>,
    },
    /// "Switch sides. Right side." (and "Get ready." when a countdown follows).
    SwitchSides {
        /// The side now starting.
        side: Side,
        /// A get-ready countdown follows.
        get_ready: bool,
    },
    /// A set that starts without a rest before it, or the one a rest leads
    /// to: "Set 2 of 3." or "Last set." (and its side, and "Get ready.").
    Set {
        /// The set starting, 1-based.
        set: u32,
        /// Sets of the exercise.
        sets: u32,
        /// The side it starts on, for a one-sided exercise.
        side: Option<Side>,
        /// A get-ready countdown follows.
        get_ready: bool,
    },
    /// One of the last seconds of a countdown: "3", "2", "1".
    Count(u32),
    /// A timed hold starts: "Hold."
    Hold,
    /// A timed movement or a metronome set starts: "Go."
    Go,
    /// A held repetition starts: "Hold. 4 of 8." ("Hold. Last one.").
    RepStart {
        /// The repetition starting, 1-based.
        rep: u32,
        /// Repetitions in the set.
        target: u32,
    },
    /// A hold is over: "Relax."
    Relax,
    /// A timed movement is over: "Time. Ease off."
    EaseOff,
    /// Halfway through a long hold: "Halfway."
    Halfway,
    /// A slow cycle begins, breathing in: "Breathe in. 2 of 5." ("Breathe
    /// in. Last one.").
    BreatheIn {
        /// The cycle starting, 1-based.
        cycle: u32,
        /// Cycles in the set.
        cycles: u32,
    },
    /// Halfway through a slow cycle: "Breathe out."
    BreatheOut,
    /// A counted repetition: "4." ("7. Last one." when one is left).
    RepCount {
        /// Repetitions done so far.
        done: u32,
        /// Repetitions in the set.
        target: u32,
    },
    /// A rest between sets begins: "Rest, 45 seconds."
    Rest {
        /// Its length in seconds.
        secs: u32,
    },
    /// The end of the routine: "Session complete. Well done."
    SessionComplete,
    /// The safety stop's first sentence: "Stopped for safety. Stop exercising
    /// for today."
    SafetyStop,
}

impl Phrase {
    /// The exercise whose words this phrase carries (a name or a key cue),
    /// so the audio edge renders it shortly before that exercise and lets it
    /// go after; `None` for the phrases every exercise shares.
    pub fn exercise(self) -> Option<usize> {
        match self {
            Phrase::Intro { exercise, .. } | Phrase::Next { exercise, .. } => Some(exercise),
            _ => None,
        }
    }
}
