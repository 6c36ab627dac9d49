//! The user's profile: where they start, what they have, what to avoid.
//!
//! Stored as `profile.ron` in the data dir; the rules read it, the set-up
//! screen writes it.

use serde::{Deserialize, Serialize};

use crate::catalog::Equipment;

/// The guides' upper bound of acceptable discomfort during exercise (0–10).
pub const DEFAULT_DISCOMFORT_LIMIT: u8 = 5;
/// The lowest limit the set-up offers (and the safe profile uses).
pub const MIN_DISCOMFORT_LIMIT: u8 = 1;
/// Days a week the guides suggest building up to (4 or 5 a week; 3 or 4 for the mini workout).
pub const DEFAULT_WEEKLY_TARGET: u8 = 4;
/// The weekly target a profile may set, from the guides' ranges.
pub const WEEKLY_TARGET_RANGE: std::ops::RangeInclusive<u8> = 1..=7;

/// The get-ready countdowns a profile may choose, in seconds (issue 16: 3, 5
/// or 10; the first exercise of a session always gets at least 10).
pub const GET_READY_CHOICES: [u8; 3] = [3, 5, 10];
/// The get-ready countdown of a new profile, in seconds.
pub const DEFAULT_GET_READY_S: u8 = 5;

/// How a set of held repetitions (and slow cycles) moves on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pacing {
    /// Hands-free: get ready, hold, relax a moment, next rep, to the end of
    /// the set, with no key (someone lying on the floor cannot reach one).
    #[default]
    Paced,
    /// `Space` starts each held repetition, as a person at the keyboard likes.
    Manual,
}

impl Pacing {
    /// Words for the set-up.
    pub fn label(self) -> &'static str {
        match self {
            Pacing::Paced => "paced (hands-free)",
            Pacing::Manual => "I press Space",
        }
    }
}

/// Where the user starts; new or returning users begin at the guides' starting dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Experience {
    /// New to back exercises.
    New,
    /// Coming back after a back issue.
    Returning,
    /// Already exercising regularly.
    Regular,
}

/// A diagnosed condition the guides give movement advice for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Condition {
    /// Avoid deep forward bending.
    HerniatedDisc,
    /// Avoid strong backward bending.
    SpinalStenosis,
}

impl Condition {
    /// Label for the preview and set-up.
    pub fn label(self) -> &'static str {
        match self {
            Condition::HerniatedDisc => "herniated disc",
            Condition::SpinalStenosis => "spinal stenosis",
        }
    }
}

/// The profile as stored in `profile.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Sets the starting dose: new and returning users begin lower than regular exercisers.
    pub experience: Experience,
    /// Diagnosed conditions; exercises with a loading to avoid are swapped or left out.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// What the user has at home; exercises needing anything else are swapped or left out.
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// Days a week to aim for (1–7), as the week screen counts them.
    #[serde(default = "default_target")]
    pub weekly_target: u8,
    /// Sound volume, 0–100.
    #[serde(default = "default_volume")]
    pub volume: u8,
    /// Ring the terminal bell on phase changes too.
    #[serde(default)]
    pub bell: bool,
    /// Highest acceptable discomfort; can only be set at or below the guides' 5.
    #[serde(default = "default_limit")]
    pub discomfort_limit: u8,
    /// A history of back injury or a spinal condition (guide 003: see a
    /// healthcare provider about it).
    #[serde(default)]
    pub back_injury_history: bool,
    /// Put the warm-up in front of routines that offer one (guides 002 and
    /// 004: warm up before strength work); `w` on the plan preview turns it
    /// on or off, and the choice is kept here.
    #[serde(default = "default_warm_up")]
    pub warm_up: bool,
    /// A spoken coach during sessions (`v` turns it off for a session,
    /// `--no-voice` for a run).
    #[serde(default = "default_voice")]
    pub voice: bool,
    /// Held repetitions and cycles run themselves, or wait for `Space`.
    #[serde(default)]
    pub pacing: Pacing,
    /// Plain repetitions (no hold) counted aloud at a steady pace, so no key
    /// is needed for them either; `Space` still counts one at once.
    #[serde(default)]
    pub metronome: bool,
    /// Seconds of the get-ready countdown: one of [`GET_READY_CHOICES`].
    #[serde(default = "default_get_ready")]
    pub get_ready_s: u8,
    /// The session's glance layout (`g`): the big number without the steps.
    #[serde(default)]
    pub glance: bool,
}

fn default_target() -> u8 {
    DEFAULT_WEEKLY_TARGET
}
fn default_volume() -> u8 {
    70
}
fn default_limit() -> u8 {
    DEFAULT_DISCOMFORT_LIMIT
}
fn default_warm_up() -> bool {
    true
}
fn default_voice() -> bool {
    true
}
fn default_get_ready() -> u8 {
    DEFAULT_GET_READY_S
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            experience: Experience::New,
            conditions: Vec::new(),
            equipment: Vec::new(),
            weekly_target: DEFAULT_WEEKLY_TARGET,
            volume: default_volume(),
            bell: false,
            discomfort_limit: DEFAULT_DISCOMFORT_LIMIT,
            back_injury_history: false,
            warm_up: default_warm_up(),
            voice: default_voice(),
            pacing: Pacing::default(),
            metronome: false,
            get_ready_s: DEFAULT_GET_READY_S,
            glance: false,
        }
    }
}

impl Profile {
    /// The profile used for a run when `profile.ron` cannot be read and the
    /// user chooses to go on: the lowest discomfort limit, every condition
    /// filter on, the starting doses, no equipment. Never saved.
    pub fn safe() -> Profile {
        Profile {
            experience: Experience::New,
            conditions: vec![Condition::HerniatedDisc, Condition::SpinalStenosis],
            equipment: Vec::new(),
            discomfort_limit: MIN_DISCOMFORT_LIMIT,
            back_injury_history: true,
            ..Profile::default()
        }
    }

    /// Whether the guides say to check with a doctor or physical therapist
    /// before starting: a condition, a return after a back issue (000, 002,
    /// 004), or a history of back injury or spinal conditions (003).
    pub fn needs_professional_check(&self) -> bool {
        !self.conditions.is_empty()
            || self.experience == Experience::Returning
            || self.back_injury_history
    }

    /// The advice, in plain words, for the screen after the set-up.
    pub fn professional_check_advice(&self) -> Vec<String> {
        let mut why: Vec<String> = self
            .conditions
            .iter()
            .map(|c| c.label().to_string())
            .collect();
        if self.experience == Experience::Returning {
            why.push("coming back after a back issue".into());
        }
        if self.back_injury_history {
            why.push("a history of back injury or spinal conditions".into());
        }
        vec![
            format!("You told us about: {}.", why.join(", ")),
            "The guides advise checking with a doctor or physical therapist before starting back exercises in your situation: they can say which movements are safest for you.".into(),
            "backcoach leaves out what your conditions should avoid and starts you gently, but it gives general guidance, not a diagnosis.".into(),
        ]
    }

    /// The limit actually applied: a profile may only lower the guides' limit.
    pub fn effective_limit(&self) -> u8 {
        self.discomfort_limit.min(DEFAULT_DISCOMFORT_LIMIT)
    }

    /// The weekly target kept inside the allowed range.
    pub fn effective_target(&self) -> u8 {
        self.weekly_target
            .clamp(*WEEKLY_TARGET_RANGE.start(), *WEEKLY_TARGET_RANGE.end())
    }

    /// The get-ready countdown in force: the chosen one of
    /// [`GET_READY_CHOICES`], or the nearest one to a hand-edited value.
    pub fn effective_get_ready_s(&self) -> u8 {
        GET_READY_CHOICES
            .into_iter()
            .min_by_key(|c| c.abs_diff(self.get_ready_s))
            .unwrap_or(DEFAULT_GET_READY_S)
    }

    /// Whether the user has this piece of equipment (a gym has everything).
    pub fn has(&self, item: Equipment) -> bool {
        self.equipment.contains(&item) || self.equipment.contains(&Equipment::Gym)
    }
}
