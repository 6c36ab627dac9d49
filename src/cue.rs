//! The sound cues: the engine says which one is due, the audio edge plays it.

use serde::{Deserialize, Serialize};

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
