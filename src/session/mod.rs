//! The session engine: a pure state machine that takes a person through a plan.
//!
//! No terminal, no sound, no files: keys and time go in, a [`View`] and a list
//! of [`Effect`]s come out. Every timer is a deadline (start + duration,
//! shifted by pauses), never a sum of sleeps, and phase changes that happen on
//! a deadline start the next phase *at that deadline*, so a long session ends
//! with no drift however late the caller wakes. While paused, in a prompt or
//! waiting for a key, [`Session::next_wake`] is `None`: nothing to wake for.
//!
//! This file holds the types, the construction, the deadlines and the key
//! dispatch; the rest of the engine is split by idea into child modules,
//! which see the session's private fields:
//!
//! * `phases`: the phases of a step and their cues and phrases;
//! * `moves`: moving through the plan (a step ending, `n`, `b`, `+`, the end, quitting);
//! * `pause`: freezing time for a pause or a prompt, and moving it on after;
//! * `rating`: the prompts, the ratings and their decisions, the safety stop;
//! * `results`: what was done of each exercise, and its records;
//! * `show` and [`view`]: what the screen shows, built from the state;
//! * `motion`: where the figure is; [`speech`]: what the coach says.

pub mod ahead;
pub mod estimate;
mod motion;
mod moves;
mod pause;
mod phases;
mod rating;
pub mod record;
pub use phases::FIRST_WORDS;
mod results;
mod resume;
mod show;
pub mod speech;
pub mod steps;
pub mod view;

use std::time::Duration;

use jiff::Timestamp;
use tokio::time::Instant;

use crate::cue::{Cue, Phrase};
use crate::domain::{DiscomfortKind, ExerciseRecord, Rating, RatingMoment, Side, TypedRating};
use crate::plan::{HELD_REP_GAP_S, Plan, REP_PACE_S};
use crate::rules::safety;
use results::Results;
pub use resume::CannotResume;
use speech::Lines;
pub use steps::{Pace, Step, StepKind, Work};
pub use view::{Banner, Counts, EndView, ModalView, Readout, View};

/// The get-ready countdown before a timed exercise or a paced set.
pub const GET_READY: Duration = Duration::from_secs(5);
/// The least get-ready countdown before the session's first exercise: time
/// to get down on the mat.
pub const FIRST_GET_READY: Duration = Duration::from_secs(10);
/// The pause between two held repetitions of a paced set: lower, settle,
/// go again (the catalog gives no tempo; [`HELD_REP_GAP_S`] is the plan's).
pub const RELAX: Duration = Duration::from_secs(HELD_REP_GAP_S as u64);
/// One repetition on the metronome ([`REP_PACE_S`], the plan's typical pace).
pub const BEAT: Duration = Duration::from_secs(REP_PACE_S as u64);
/// What `+` adds to a rest.
pub const REST_EXTENSION: Duration = Duration::from_secs(15);
/// How long a phase-change banner stays on screen.
pub const FLASH: Duration = Duration::from_secs(1);
/// Holds at least this long get a halfway chime.
pub const HALFWAY_FROM_S: u32 = 20;
/// Ticks before the end of a hold or a rest.
pub const FINAL_TICKS: u32 = 3;
/// A timer (hold, movement, cycles, held rep) cut short with `n`, `b` or a
/// quit counts its seconds only from this many on: pressing `n` through a
/// routine lands in holds (no get-ready after a rest) and is a skip, not work.
pub const MIN_COUNTED_S: u32 = 3;
/// A second `b` within this time goes to the previous exercise (the first
/// one restarts the rep or set under way), as a music player's "previous".
pub const BACK_AGAIN: Duration = Duration::from_secs(2);

/// A key, as the engine understands it (the TUI maps terminal keys to these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// The space bar: counts a rep, starts a hold or a held rep, or answers a prompt.
    Space,
    /// Enter: confirms a typed rating, or keeps the last one in the quick rating.
    Enter,
    /// Escape: asks to quit, or backs out of the open prompt.
    Esc,
    /// Backspace: deletes the last typed digit of a rating.
    Backspace,
    /// Left arrow: back to the previous step, like `b`.
    Left,
    /// Right arrow: finishes the current step early, like `n`.
    Right,
    /// Any other character key: the command letters and the rating digits.
    Char(char),
}

/// Something the edges must do: play, flash, save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Play this cue now (only emitted while not muted).
    Sound(Cue),
    /// Say this phrase now (only emitted while the voice is on and not
    /// muted); `due` is the instant it was meant for, so the audio edge can
    /// tell how late it starts.
    Say {
        /// What to say.
        phrase: Phrase,
        /// When it is due: a deadline, or the moment a key asked for it.
        due: Instant,
    },
    /// Exercise `exercise` comes soon (or is starting): have the words it
    /// may say rendered now, ahead of its get-ready. Emitted as each
    /// exercise starts, for itself and the next one.
    PrepareVoice {
        /// Place of the exercise in the plan.
        exercise: usize,
    },
    /// A phase change to flash on screen (and ring the bell if the profile asks).
    Flash(Banner),
    /// An exercise is left with some of it done (finished, cut short, gone
    /// back from, or quit or stopped during): save it before the frame that
    /// says so. `index` is its place in the plan; a later record for the same
    /// index holds at least as much (the better of every attempt). An
    /// exercise skipped with nothing done has no record.
    ExerciseDone {
        /// Place of the exercise in the plan.
        index: usize,
        /// What was done of it, ready to save.
        record: ExerciseRecord,
    },
    /// A discomfort rating to save.
    Rated(Rating),
    /// The session is over.
    Ended(Ending),
}

impl Effect {
    /// Whether the frame drawn after this effect announces what it records
    /// (an exercise done, the session's end): the record must then be on
    /// disk before that frame is drawn ("saved, then shown"). An fsync takes
    /// about 2 ms, which nobody sees; a kill in between then never loses what
    /// the screen called done.
    pub fn must_save_before_showing(&self) -> bool {
        matches!(self, Effect::ExerciseDone { .. } | Effect::Ended(_))
    }
}

/// How a session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// Ran through to the end of the plan (steps cut short with `n`
    /// included); the record's status then depends on how much was done
    /// ([`record::status_for`]).
    Completed,
    /// Quit early: saved as partial (skipped when nothing was done).
    Quit,
    /// Stopped by the safety rules; the reason in plain words.
    Stopped {
        /// What stopped it and where, capitalised, for the safety screen and the record.
        reason: String,
    },
}

/// What the engine needs to know beyond the plan. [`Settings::default`] is
/// the plainest run (every held repetition on `Space`, no voice, the same
/// get-ready throughout), which most tests build on; the app fills it from
/// the profile.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Highest acceptable discomfort (the profile's, never above the guides' 5).
    pub limit: u8,
    /// The check-in discomfort.
    pub baseline: Option<u8>,
    /// Whether cues start muted; `m` toggles muting during the session.
    pub muted: bool,
    /// Sound is off for the whole run (`--mute`): `m` says so instead of unmuting.
    pub mute_locked: bool,
    /// Wall-clock time of the start, to stamp records.
    pub started_wall: Timestamp,
    /// Length of the get-ready countdown.
    pub get_ready: Duration,
    /// The least countdown before the first exercise entered (the app:
    /// [`FIRST_GET_READY`]); shorter values leave `get_ready` alone.
    pub first_get_ready: Duration,
    /// Whether held-rep sets run themselves and plain reps are counted on a beat.
    pub pace: Pace,
    /// The pause between two held repetitions of a paced set.
    pub relax: Duration,
    /// One repetition on the metronome.
    pub beat: Duration,
    /// Whether the coach speaks; `v` toggles it during the session.
    pub voice: bool,
    /// The voice is off for the whole run (`--no-voice`): `v` says so.
    pub voice_locked: bool,
    /// The glance layout (`g`): the big number without the step list.
    pub glance: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            limit: safety::ACCEPTABLE_LIMIT,
            baseline: None,
            muted: false,
            mute_locked: false,
            started_wall: Timestamp::UNIX_EPOCH,
            get_ready: GET_READY,
            first_get_ready: Duration::ZERO,
            pace: Pace::MANUAL,
            relax: RELAX,
            beat: BEAT,
            voice: false,
            voice_locked: false,
            glance: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Not started yet (between exercises, behind the quick rating).
    Waiting,
    GetReady {
        start: Instant,
        deadline: Instant,
    },
    /// Hold, Duration and Cycles: a single timed run.
    Timed {
        start: Instant,
        deadline: Instant,
    },
    Counting {
        done: u32,
    },
    RepReady {
        done: u32,
    },
    RepHold {
        done: u32,
        start: Instant,
        deadline: Instant,
    },
    /// A paced held-rep set between two holds: the next one starts at `deadline`.
    RepRelax {
        done: u32,
        start: Instant,
        deadline: Instant,
    },
    /// Plain reps on the metronome: rep `done + 1` is counted at `deadline`.
    Beating {
        done: u32,
        start: Instant,
        deadline: Instant,
    },
    Resting {
        start: Instant,
        deadline: Instant,
    },
    Over,
}

/// The prompt or overlay open on top of the session, with what the engine
/// needs to act on its keys: the digits being typed, the exercise a quick
/// check belongs to, the rating "getting worse?" waits to decide on. What
/// the screen shows of it is a different thing ([`ModalView`]: names,
/// counts, texts), built from this in one place (`Session::modal_view`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Modal {
    Help,
    ConfirmQuit,
    RateNumber {
        typed: TypedRating,
    },
    RateKind {
        value: u8,
    },
    AfterExercise {
        exercise: usize,
        typed: TypedRating,
    },
    /// The quick check's second step: what the discomfort feels like.
    AfterExerciseKind {
        exercise: usize,
        value: u8,
    },
    Worse {
        rating: Rating,
        baseline: u8,
        after_exercise: bool,
    },
}

/// Something due at an instant of the current phase: a cue or a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Due {
    Cue(Cue),
    Say(Phrase),
}

/// Cues as schedule entries.
fn cues(items: Vec<(Instant, Cue)>) -> impl Iterator<Item = (Instant, Due)> {
    items.into_iter().map(|(t, c)| (t, Due::Cue(c)))
}

/// A phase's phrases as schedule entries.
fn phrases(lines: Lines<'_>) -> impl Iterator<Item = (Instant, Due)> {
    lines.out.into_iter().map(|(t, p)| (t, Due::Say(p)))
}

/// Where a rating belongs, for the rules and the record.
#[derive(Debug, Clone, Copy)]
struct RatingPlace {
    exercise: Option<usize>,
    set: Option<u32>,
    side: Option<Side>,
    moment: RatingMoment,
}

/// A running session.
#[derive(Debug, Clone)]
pub struct Session {
    plan: Plan,
    steps: Vec<Step>,
    /// Estimated seconds of all steps after index i.
    est_after: Vec<Duration>,
    settings: Settings,
    started: Instant,
    cursor: usize,
    phase: Phase,
    /// Cues and phrases due in the current phase, in time order, and how
    /// many were played.
    schedule: Vec<(Instant, Due)>,
    played: usize,
    user_paused: bool,
    modal: Option<Modal>,
    frozen_since: Option<Instant>,
    frozen_total: Duration,
    flash: Option<(Banner, Instant)>,
    muted: bool,
    /// The coach speaks (`v`).
    voice: bool,
    /// The glance layout (`g`).
    glance: bool,
    /// When the voice is free again, by estimate: later phrases are laid out after it.
    voice_free_at: Instant,
    /// No exercise entered yet: the first gets [`Settings::first_get_ready`].
    first_entry: bool,
    /// Per exercise, per set and side: the best of every attempt.
    results: Results,
    /// When `b` was last pressed: a second press soon after goes further back.
    last_back: Option<Instant>,
    /// The exercise just left, while the quick check between exercises is up.
    between: Option<usize>,
    /// Ratings given in this session, with the exercise index they belong to.
    ratings: Vec<(Option<usize>, u8)>,
    last_value: Option<u8>,
    ending: Option<Ending>,
    stop_kind: Option<DiscomfortKind>,
    closing_typed: TypedRating,
    closing: Option<u8>,
    /// The last moment the engine saw, so time never runs backwards.
    last_now: Instant,
    /// Seconds held so far across the reps of the current held-rep set.
    partial_hold: u32,
    /// The prompt to return to if "quit?" is answered no (the quick rating,
    /// or the "getting worse?" question).
    return_to: Option<Modal>,
    /// When the work under way began, for the figure's pace while reps are
    /// counted (issue 17); moved on by pauses like every other time.
    motion_from: Instant,
}

impl Session {
    /// Starts a session at `now`; the first step begins at once.
    pub fn new(plan: Plan, settings: Settings, now: Instant) -> (Session, Vec<Effect>) {
        let mut session = Session::ready(plan, settings, now);
        let mut fx = Vec::new();
        if session.steps.is_empty() {
            session.finish(now, &mut fx);
        } else {
            session.enter_step(now, None, &mut fx);
        }
        // What the first step says at once.
        fx.extend(session.tick(now));
        (session, fx)
    }

    /// A session at its first step, not yet entered.
    fn ready(plan: Plan, settings: Settings, now: Instant) -> Session {
        let steps = steps::build_paced(&plan, settings.pace);
        let est_after = estimate::after_each(&steps, settings.get_ready);
        let results = Results::new(&plan);
        let muted = settings.muted || settings.mute_locked;
        let voice = settings.voice && !settings.voice_locked;
        let glance = settings.glance;
        let mut session = Session {
            plan,
            steps,
            est_after,
            settings,
            started: now,
            cursor: 0,
            phase: Phase::Waiting,
            schedule: Vec::new(),
            played: 0,
            user_paused: false,
            modal: None,
            frozen_since: None,
            frozen_total: Duration::ZERO,
            flash: None,
            muted,
            voice,
            glance,
            voice_free_at: now,
            first_entry: true,
            results,
            last_back: None,
            between: None,
            ratings: Vec::new(),
            last_value: None,
            ending: None,
            stop_kind: None,
            closing_typed: TypedRating::default(),
            closing: None,
            last_now: now,
            partial_hold: 0,
            return_to: None,
            motion_from: now,
        };
        session.last_value = session.settings.baseline;
        session
    }

    /// The plan being run.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Whether the session has ended (completed, quit or stopped).
    pub fn ending(&self) -> Option<&Ending> {
        self.ending.as_ref()
    }

    /// Whether cues are muted.
    pub fn muted(&self) -> bool {
        self.muted
    }

    /// Whether the coach speaks (the voice is on and sound is not muted is
    /// what makes it heard).
    pub fn voice(&self) -> bool {
        self.voice
    }

    /// Whether the glance layout is on.
    pub fn glance(&self) -> bool {
        self.glance
    }

    /// The session's phrase book: every phrase it may say, with its words,
    /// in the order it first says them. Hand it to the audio edge when the
    /// session starts.
    pub fn phrase_book(&self) -> Vec<speech::Entry> {
        speech::book(&self.plan, &self.steps)
    }

    /// Active time so far, pauses and prompts left out.
    pub fn active(&self, now: Instant) -> Duration {
        let now = self.clamp(now);
        let frozen_now = self.frozen_since.map(|f| now.saturating_duration_since(f));
        now.saturating_duration_since(self.started)
            .saturating_sub(self.frozen_total)
            .saturating_sub(frozen_now.unwrap_or_default())
    }

    fn clamp(&self, now: Instant) -> Instant {
        now.max(self.last_now)
    }

    fn frozen(&self) -> bool {
        self.frozen_since.is_some()
    }

    /// The next moment something must happen (a cue, a phase change, a banner
    /// ending); `None` while paused, in a prompt, waiting for a key, or over.
    pub fn next_deadline(&self) -> Option<Instant> {
        if self.frozen() {
            return None;
        }
        let cue = self.schedule.get(self.played).map(|(t, _)| *t);
        let phase = self.phase_deadline();
        let flash = self.flash.map(|(_, until)| until);
        [cue, phase, flash].into_iter().flatten().min()
    }

    /// The next moment something may be heard (a cue or phrase of the
    /// schedule, or the sound of a phase ending), so the audio edge can have
    /// its output open by then; `None` while nothing can sound (paused, in a
    /// prompt, muted, over).
    pub fn next_sound(&self) -> Option<Instant> {
        if self.frozen() || self.muted {
            return None;
        }
        let scheduled = self.schedule[self.played..]
            .iter()
            .find(|(_, due)| matches!(due, Due::Cue(_)) || self.voice)
            .map(|(t, _)| *t);
        [scheduled, self.phase_deadline()]
            .into_iter()
            .flatten()
            .min()
    }

    /// The next moment the screen changes (a second ticking over, a breath
    /// turning) or something must happen: the event loop sleeps until then.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        // The figure's next step (issue 17), also while reps are counted.
        let motion = self.next_motion_step(self.clamp(now));
        let Some(event) = self.next_deadline() else {
            return motion;
        };
        let visible = self.next_visible_change(self.clamp(now));
        let wake = match visible {
            Some(v) => v.min(event),
            None => event,
        };
        Some(motion.map_or(wake, |m| m.min(wake)))
    }

    /// When the countdown under way (get-ready, hold, rest, a held rep)
    /// ends; `None` when none runs. While paused it is where the countdown
    /// stood (resuming moves it on). The line mode says "10 seconds left"
    /// from it without waking every second.
    pub fn countdown_deadline(&self) -> Option<Instant> {
        self.phase_deadline()
    }

    fn phase_deadline(&self) -> Option<Instant> {
        match self.phase {
            Phase::GetReady { deadline, .. }
            | Phase::Timed { deadline, .. }
            | Phase::RepHold { deadline, .. }
            | Phase::RepRelax { deadline, .. }
            | Phase::Beating { deadline, .. }
            | Phase::Resting { deadline, .. } => Some(deadline),
            _ => None,
        }
    }

    /// When the shown whole seconds (or the breath) next change.
    fn next_visible_change(&self, now: Instant) -> Option<Instant> {
        let deadline = self.phase_deadline()?;
        let remaining = deadline.saturating_duration_since(now);
        if remaining.is_zero() {
            return Some(deadline);
        }
        // Shown = ceil(remaining); it drops at deadline - (shown - 1) s.
        let shown = remaining.as_nanos().div_ceil(1_000_000_000) as u64;
        let mut next = deadline - Duration::from_secs(shown - 1);
        if let (Phase::Timed { start, .. }, Some(Work::Cycles { pace, .. })) =
            (self.phase, self.current_work())
        {
            // Breath turns every half cycle.
            let half = Duration::from_millis(u64::from(pace) * 500);
            if !half.is_zero() {
                let since = now.saturating_duration_since(start);
                let k = since.as_nanos() / half.as_nanos() + 1;
                let turn = start + half * u32::try_from(k).unwrap_or(u32::MAX);
                if turn > now {
                    next = next.min(turn);
                }
            }
        }
        Some(next)
    }

    fn current_step(&self) -> Option<&Step> {
        self.steps.get(self.cursor)
    }

    /// Whether the step under way is the session's last: its end is the
    /// session's, and "Session complete" is what is said then.
    fn on_last_step(&self) -> bool {
        self.cursor + 1 >= self.steps.len()
    }

    fn current_work(&self) -> Option<Work> {
        match self.current_step()?.kind {
            StepKind::Work(w) => Some(w),
            StepKind::Rest { .. } => None,
        }
    }

    /// Moves time forward to `now`: plays due cues, ends phases at their
    /// deadlines (each next phase starting at the exact deadline).
    pub fn tick(&mut self, now: Instant) -> Vec<Effect> {
        let mut fx = Vec::new();
        let now = self.clamp(now);
        self.last_now = now;
        // Bounded: every iteration consumes a cue, a banner or a phase.
        for _ in 0..10_000 {
            let Some(t) = self.next_deadline() else { break };
            if t > now {
                break;
            }
            if let Some((_, until)) = self.flash
                && until <= t
            {
                self.flash = None;
                continue;
            }
            if let Some(&(at, due)) = self.schedule.get(self.played)
                && at <= t
            {
                self.played += 1;
                match due {
                    Due::Cue(cue) => self.sound(cue, &mut fx),
                    Due::Say(phrase) => self.say(phrase, at, &mut fx),
                }
                continue;
            }
            if self.phase_deadline() == Some(t) {
                self.on_deadline(t, &mut fx);
                continue;
            }
            break;
        }
        fx
    }

    /// Handles one key at `now` (time is brought up to `now` first).
    pub fn key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        let mut fx = self.tick(now);
        let now = self.clamp(now);
        if let Some(ending) = &self.ending {
            if matches!(ending, Ending::Completed) {
                self.closing_key(key, now, &mut fx);
            }
            return fx;
        }
        if let Some(modal) = self.modal.clone() {
            self.modal_key(modal, key, now, &mut fx);
            // The next exercise (after the quick check) says its first words now.
            fx.extend(self.tick(now));
            return fx;
        }
        match key {
            Key::Char('p') => self.toggle_pause(now),
            Key::Char('m') => self.toggle_mute(now, &mut fx),
            Key::Char('v') => self.toggle_voice(now, &mut fx),
            Key::Char('g') => self.glance = !self.glance,
            Key::Char('?') => self.open_modal(Modal::Help, now),
            Key::Char('q') | Key::Esc => self.open_modal(Modal::ConfirmQuit, now),
            Key::Char('r') => self.open_modal(
                Modal::RateNumber {
                    typed: TypedRating::default(),
                },
                now,
            ),
            Key::Char('s') => self.sharp(now, &mut fx),
            _ if self.user_paused => {}
            Key::Space => self.space(now, &mut fx),
            Key::Char('n') | Key::Right => self.skip(now, &mut fx),
            Key::Char('b') | Key::Left => self.back(now, &mut fx),
            Key::Char('+') => self.extend_rest(),
            _ => {}
        }
        // What the key started says its first words now, not at the next wake.
        fx.extend(self.tick(now));
        fx
    }

    /// `m`: mute or unmute; in a run started with `--mute` sound stays off
    /// and a banner says so.
    fn toggle_mute(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.settings.mute_locked {
            self.banner(Banner::SoundOffForRun, now, fx);
        } else {
            self.muted = !self.muted;
        }
    }

    /// `v`: the voice on or off for this session; in a run started with
    /// `--no-voice` it stays off and a banner says so.
    fn toggle_voice(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.settings.voice_locked {
            self.banner(Banner::VoiceOffForRun, now, fx);
        } else {
            self.voice = !self.voice;
        }
    }
}

#[cfg(test)]
mod ahead_tests;
#[cfg(test)]
mod honest_tests;
#[cfg(test)]
mod paced_tests;
#[cfg(test)]
mod prompt_tests;
#[cfg(test)]
mod speech_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod tests_support;
#[cfg(test)]
mod time_left_tests;
