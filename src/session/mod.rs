//! The session engine: a pure state machine that takes a person through a plan.
//!
//! No terminal, no sound, no files: keys and time go in, a [`View`] and a list
//! of [`Effect`]s come out. Every timer is a deadline (start + duration,
//! shifted by pauses), never a sum of sleeps, and phase changes that happen on
//! a deadline start the next phase *at that deadline*, so a long session ends
//! with no drift however late the caller wakes. While paused, in a prompt or
//! waiting for a key, [`Session::next_wake`] is `None`: nothing to wake for.

pub mod estimate;
mod motion;
mod phases;
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
use crate::domain::{
    DiscomfortKind, ExerciseOutcome, ExerciseRecord, Rating, RatingMoment, Side, TypedRating,
};
use crate::plan::{HELD_REP_GAP_S, Plan, REP_PACE_S};
use crate::rules::safety::{self, Action, RatingFacts, Rule};
use results::{Results, SlotResult};
pub use resume::CannotResume;
use speech::Lines;
pub use steps::{Pace, Step, StepKind, Work};
pub use view::{Banner, Counts, EndView, Main, ModalView, View};

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
#[derive(Debug)]
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

    // ---- freezing (pause and prompts) -------------------------------------

    fn freeze(&mut self, now: Instant) {
        if self.frozen_since.is_none() {
            self.frozen_since = Some(now);
        }
    }

    fn thaw(&mut self, now: Instant) {
        if self.user_paused || self.modal.is_some() {
            return;
        }
        if let Some(since) = self.frozen_since.take() {
            let d = now.saturating_duration_since(since);
            self.frozen_total += d;
            self.shift(d);
        }
    }

    /// Moves every pending time by `d`: a pause pushes the whole schedule on.
    fn shift(&mut self, d: Duration) {
        match &mut self.phase {
            Phase::GetReady { start, deadline }
            | Phase::Timed { start, deadline }
            | Phase::RepHold {
                start, deadline, ..
            }
            | Phase::RepRelax {
                start, deadline, ..
            }
            | Phase::Beating {
                start, deadline, ..
            }
            | Phase::Resting { start, deadline } => {
                *start += d;
                *deadline += d;
            }
            _ => {}
        }
        self.voice_free_at += d;
        for (t, _) in &mut self.schedule {
            *t += d;
        }
        self.motion_from += d;
        if let Some((_, until)) = &mut self.flash {
            *until += d;
        }
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

    fn toggle_pause(&mut self, now: Instant) {
        self.user_paused = !self.user_paused;
        if self.user_paused {
            self.freeze(now);
        } else {
            self.thaw(now);
        }
    }

    fn open_modal(&mut self, modal: Modal, now: Instant) {
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

    // ---- sounds and banners ----------------------------------------------

    fn sound(&self, cue: Cue, fx: &mut Vec<Effect>) {
        if !self.muted {
            fx.push(Effect::Sound(cue));
        }
    }

    /// Says `phrase`, due at `at`: only while the voice is on and sound is
    /// not muted ("muted means silent"). The voice is taken either way, so
    /// what is laid out after it does not depend on whether it was heard.
    fn say(&mut self, phrase: Phrase, at: Instant, fx: &mut Vec<Effect>) {
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

    fn banner(&mut self, banner: Banner, at: Instant, fx: &mut Vec<Effect>) {
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

    fn set_schedule(&mut self, mut schedule: Vec<(Instant, Due)>) {
        schedule.sort_by_key(|(t, _)| *t);
        self.schedule = schedule;
        self.played = 0;
    }

    /// Seconds held so far in the current held-rep set (kept across reps).
    fn record_partial_hold(&mut self, secs: u32) {
        self.partial_hold += secs;
    }

    fn take_partial_hold(&mut self) -> u32 {
        std::mem::take(&mut self.partial_hold)
    }

    fn slot_index(&self, step: &Step) -> usize {
        let per_set = if self.plan.exercises[step.exercise].per_side {
            2
        } else {
            1
        };
        let side = usize::from(step.side == Some(Side::Right));
        (step.set.saturating_sub(1) as usize) * per_set + side
    }

    /// Stores what the current work step achieved, then moves on.
    fn complete_step(&mut self, result: SlotResult, at: Instant, fx: &mut Vec<Effect>) {
        self.keep_result(result);
        self.advance(at, fx);
    }

    /// Keeps `result` for the current work step (unless an earlier attempt
    /// at the same set and side did more).
    fn keep_result(&mut self, result: SlotResult) {
        if let Some(step) = self.current_step().copied()
            && matches!(step.kind, StepKind::Work(_))
        {
            let slot = self.slot_index(&step);
            self.results.keep(step.exercise, slot, result);
        }
    }

    /// What the step under way has achieved by `at` (reps counted, seconds
    /// held or moved): `None` outside a work step (a rest, between exercises).
    fn progress(&self, at: Instant) -> Option<SlotResult> {
        let work = self.current_work()?;
        // A timer cut short in its first seconds was skipped, not done.
        let secs_since = |start: Instant| match at.saturating_duration_since(start).as_secs() {
            s if s < u64::from(MIN_COUNTED_S) => 0,
            s => s as u32,
        };
        Some(match (self.phase, work) {
            (Phase::Timed { start, .. }, Work::Cycles { pace, .. }) => SlotResult {
                reps: secs_since(start) / pace.max(1),
                held_s: secs_since(start),
                full: false,
            },
            (Phase::Timed { start, .. }, _) => SlotResult {
                reps: 0,
                held_s: secs_since(start),
                full: false,
            },
            (Phase::Counting { done }, _) => SlotResult {
                reps: done,
                held_s: 0,
                full: false,
            },
            (Phase::RepReady { done } | Phase::RepRelax { done, .. }, _) => SlotResult {
                reps: done,
                held_s: self.partial_hold,
                full: false,
            },
            (Phase::Beating { done, .. }, _) => SlotResult {
                reps: done,
                held_s: 0,
                full: false,
            },
            (Phase::RepHold { done, start, .. }, _) => SlotResult {
                reps: done,
                held_s: self.partial_hold + secs_since(start),
                full: false,
            },
            (Phase::GetReady { .. }, _) => SlotResult::default(),
            _ => return None,
        })
    }

    /// Keeps what the step under way has achieved so far (measured at the
    /// moment time stopped, if a prompt froze it): `n`, `b`, quitting and a
    /// safety stop never lose the set in progress.
    fn capture(&mut self, now: Instant) {
        let at = self.frozen_since.unwrap_or(now);
        if let Some(result) = self.progress(at) {
            self.keep_result(result);
        }
    }

    /// Whether any of exercise `index` was done, over every attempt.
    fn worked(&self, index: usize) -> bool {
        self.results.outcome(&self.plan, index) != ExerciseOutcome::Skipped
    }

    /// Moves the cursor forward. Leaving an exercise with work in it saves it
    /// and asks the quick check; one skipped with nothing done leads straight
    /// to the next.
    fn advance(&mut self, at: Instant, fx: &mut Vec<Effect>) {
        let Some(prev) = self.current_step().copied() else {
            return;
        };
        self.partial_hold = 0;
        self.cursor += 1;
        self.set_schedule(Vec::new());
        let next = self.current_step().copied();
        let leaving = next.is_none_or(|n| n.exercise != prev.exercise);
        let worked = leaving && self.worked(prev.exercise);
        if worked {
            fx.push(self.exercise_done(prev.exercise, at));
        }
        // What comes next is said before the quick check, ahead of its get-ready.
        if let Some(next) = next.filter(|_| worked) {
            self.say(
                Phrase::Next {
                    exercise: next.exercise,
                    side: next.side,
                },
                at,
                fx,
            );
        }
        match next {
            None => self.finish(at, fx),
            Some(_) if worked => {
                self.phase = Phase::Waiting;
                self.between = Some(prev.exercise);
                // The banner of the step just ended would stand frozen over
                // "Exercise done" for as long as the quick check is up.
                self.flash = None;
                self.open_modal(
                    Modal::AfterExercise {
                        exercise: prev.exercise,
                        typed: TypedRating::default(),
                    },
                    at,
                );
            }
            Some(_) if leaving => self.enter_step(at, None, fx),
            Some(_) => self.enter_step(at, Some(prev), fx),
        }
    }

    fn finish(&mut self, at: Instant, fx: &mut Vec<Effect>) {
        self.phase = Phase::Over;
        self.set_schedule(Vec::new());
        self.ending = Some(Ending::Completed);
        self.sound(Cue::SessionDone, fx);
        self.say(Phrase::SessionComplete, at, fx);
        self.banner(Banner::Done, at, fx);
        self.frozen_since.get_or_insert(at);
        fx.push(Effect::Ended(Ending::Completed));
    }

    fn wall(&self, at: Instant) -> Timestamp {
        let since = at.saturating_duration_since(self.started);
        self.settings
            .started_wall
            .checked_add(since)
            .unwrap_or(self.settings.started_wall)
    }

    /// The record of one exercise from what its slots hold.
    fn exercise_done(&self, index: usize, at: Instant) -> Effect {
        Effect::ExerciseDone {
            index,
            record: self.exercise_record(index, at),
        }
    }

    fn exercise_record(&self, index: usize, at: Instant) -> ExerciseRecord {
        self.results.record(&self.plan, index, self.wall(at))
    }

    // ---- keys -------------------------------------------------------------

    /// `n`: finish the current step early, keeping what was done of it,
    /// and move on; pending cues are dropped.
    fn skip(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.current_step().is_none() {
            return;
        }
        self.capture(now);
        self.advance(now, fx);
    }

    /// `b`, like a music player's "previous": the first press restarts what
    /// is under way (the held repetition being held, else the set on this
    /// side; during a rest, the set before it); with nothing under way, it
    /// goes back to the previous set or side of this exercise. A press with
    /// nowhere closer to go, or a second press within [`BACK_AGAIN`], goes
    /// to the start of the previous exercise. What was done is kept either
    /// way: a redone set keeps the better of its attempts.
    fn back(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let again = self
            .last_back
            .is_some_and(|t| now.saturating_duration_since(t) <= BACK_AGAIN);
        self.last_back = Some(now);
        self.capture(now);
        if !again && self.restart_here(now, fx) {
            return;
        }
        self.back_to_previous_exercise(now, fx);
    }

    /// The first `b`: restarts the rep or set under way, or steps back one
    /// set or side within the exercise. False when there is nowhere closer
    /// to go than the previous exercise.
    fn restart_here(&mut self, now: Instant, fx: &mut Vec<Effect>) -> bool {
        let under_way = match self.phase {
            Phase::RepHold { done, .. } => {
                // Only this repetition starts over; the ones before it stand.
                // A paced set gives a moment to get back into position.
                let paced = self.current_step().is_some_and(|s| s.paced);
                self.phase = if paced {
                    Phase::RepRelax {
                        done,
                        start: now,
                        deadline: now + self.settings.relax,
                    }
                } else {
                    Phase::RepReady { done }
                };
                self.set_schedule(Vec::new());
                return true;
            }
            Phase::Counting { done }
            | Phase::RepReady { done }
            | Phase::RepRelax { done, .. }
            | Phase::Beating { done, .. } => done > 0,
            Phase::Timed { .. } => true,
            _ => false,
        };
        if !under_way {
            // Nothing to restart here: back to the set or side before this
            // step (over a rest), within the same exercise.
            let Some(exercise) = self.current_step().map(|s| s.exercise) else {
                return false;
            };
            let Some(earlier) = (0..self.cursor)
                .rev()
                .take_while(|&i| self.steps[i].exercise == exercise)
                .find(|&i| matches!(self.steps[i].kind, StepKind::Work(_)))
            else {
                return false;
            };
            self.cursor = earlier;
        }
        self.partial_hold = 0;
        self.set_schedule(Vec::new());
        self.enter_step(now, None, fx);
        true
    }

    /// Back to the first step of the previous exercise (the first exercise
    /// starts over); the exercise left is saved if any of it was done.
    fn back_to_previous_exercise(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let Some(current) = self.current_step().map(|s| s.exercise) else {
            return;
        };
        if self.worked(current) {
            fx.push(self.exercise_done(current, now));
        }
        let target = current.saturating_sub(1);
        self.cursor = self
            .steps
            .iter()
            .position(|s| s.exercise == target)
            .unwrap_or(0);
        self.partial_hold = 0;
        self.set_schedule(Vec::new());
        self.enter_step(now, None, fx);
    }

    fn extend_rest(&mut self) {
        if let Phase::Resting { start, deadline } = self.phase
            && let Some(StepKind::Rest { secs }) = self.current_step().map(|s| s.kind)
        {
            let deadline = deadline + REST_EXTENSION;
            self.phase = Phase::Resting { start, deadline };
            let remaining = self.rest_schedule(secs, start, deadline, Some(self.last_now));
            self.set_schedule(remaining);
        }
    }

    // ---- ratings and the safety stop ---------------------------------------

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

    /// Judges a rating with the stop rules and acts on the decision.
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
        let decision = safety::judge(RatingFacts {
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
        match decision.action {
            Action::Continue => {
                rating.decision = Some("continued".into());
                fx.push(Effect::Rated(rating));
                self.close_modal(now, fx);
            }
            Action::Stop => {
                rating.decision = Some(format!("stopped: {}", decision.rule.describe()));
                fx.push(Effect::Rated(rating));
                self.stop(decision.rule, place, now, fx);
            }
            Action::AskWorse => {
                let baseline = match decision.rule {
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
    fn sharp(&mut self, now: Instant, fx: &mut Vec<Effect>) {
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
        rating.decision = Some("stopped: sharp pain reported with s".into());
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

    /// Keeps the set in progress and saves the exercise under way if any of
    /// it was done (between exercises the last one is already saved).
    fn save_exercise_under_way(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.phase == Phase::Waiting || self.phase == Phase::Over {
            return;
        }
        self.capture(now);
        if let Some(current) = self.current_step().map(|s| s.exercise)
            && self.worked(current)
        {
            fx.push(self.exercise_done(current, now));
        }
    }

    fn quit(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        self.save_exercise_under_way(now, fx);
        self.modal = None;
        self.phase = Phase::Over;
        self.set_schedule(Vec::new());
        self.flash = None;
        self.frozen_since.get_or_insert(now);
        self.ending = Some(Ending::Quit);
        fx.push(Effect::Ended(Ending::Quit));
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
                    rating.decision = Some("kept: rated again with r".into());
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

    fn modal_key(&mut self, modal: Modal, key: Key, now: Instant, fx: &mut Vec<Effect>) {
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
                Key::Char(c @ '0'..='9') => {
                    typed.push(c);
                    self.modal = Some(Modal::RateNumber { typed });
                }
                Key::Backspace => {
                    typed.backspace();
                    self.modal = Some(Modal::RateNumber { typed });
                }
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
                    Key::Char(c @ '0'..='9') => {
                        typed.push(c);
                        self.modal = Some(Modal::AfterExercise { exercise, typed });
                    }
                    Key::Backspace => {
                        typed.backspace();
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
                    rating.decision = Some(format!(
                        "stopped: {}",
                        Rule::AboveBaseline {
                            baseline,
                            value: rating.value
                        }
                        .describe()
                    ));
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
                    self.stop(
                        Rule::AboveBaseline {
                            baseline,
                            value: rating.value,
                        },
                        place,
                        now,
                        fx,
                    );
                }
                Key::Char('n') | Key::Char('N') => {
                    rating.decision = Some("continued: not getting worse".into());
                    fx.push(Effect::Rated(rating));
                    self.close_modal(now, fx);
                }
                _ => {}
            },
        }
    }

    fn closing_key(&mut self, key: Key, now: Instant, fx: &mut Vec<Effect>) {
        if self.closing.is_some() {
            return;
        }
        let place = RatingPlace {
            exercise: None,
            set: None,
            side: None,
            moment: RatingMoment::Closing,
        };
        match key {
            Key::Char(c @ '0'..='9') => {
                self.closing_typed.push(c);
            }
            Key::Backspace => {
                self.closing_typed.backspace();
            }
            // Sharp pain at the very end is still a safety stop: the day's
            // other sessions are closed by it, and the screen says what to do.
            Key::Char('s') => {
                let value = self.closing_typed.value().or(self.last_value).unwrap_or(0);
                let mut rating = self.rating(value, DiscomfortKind::Sharp, place, now);
                rating.decision = Some("stopped: sharp pain reported with s".into());
                fx.push(Effect::Rated(rating));
                self.ending = None;
                self.stop(Rule::StopKind(DiscomfortKind::Sharp), place, now, fx);
            }
            Key::Enter => {
                if let Some(value) = self.closing_typed.value() {
                    self.closing = Some(value);
                    let place = RatingPlace {
                        exercise: None,
                        set: None,
                        side: None,
                        moment: RatingMoment::Closing,
                    };
                    let mut rating = self.rating(value, DiscomfortKind::DullAche, place, now);
                    rating.decision = Some("closing rating".into());
                    fx.push(Effect::Rated(rating));
                }
            }
            _ => {}
        }
    }

    fn modal_view(&self, modal: &Modal) -> ModalView {
        match modal {
            Modal::Help => ModalView::Help,
            Modal::ConfirmQuit => {
                let (counts, in_progress) = self.quit_summary();
                ModalView::ConfirmQuit {
                    counts,
                    in_progress,
                }
            }
            Modal::RateNumber { typed } => ModalView::RateNumber {
                typed: typed.text().to_string(),
            },
            Modal::RateKind { value } => ModalView::RateKind { value: *value },
            Modal::AfterExercise { exercise, typed } => ModalView::AfterExercise {
                exercise: self.plan.exercises[*exercise].name.clone(),
                last: self.last_value.unwrap_or(0),
                typed: typed.text().to_string(),
            },
            Modal::Worse {
                rating, baseline, ..
            } => ModalView::Worse {
                value: rating.value,
                baseline: *baseline,
            },
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

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
mod time_left_tests;

/// Small builders shared by tests across the crate.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;
    use crate::catalog::DoseKind;
    use crate::plan::PlannedExercise;

    /// A plan of rep-counted exercises `(id, sets, reps)` with no rests.
    pub fn plan_of_reps(items: &[(&str, u32, u32)]) -> Plan {
        Plan {
            routine_id: "test".into(),
            routine_name: "Test".into(),
            intense: false,
            exercises: items
                .iter()
                .map(|&(id, sets, reps)| PlannedExercise {
                    exercise_id: id.into(),
                    name: id.to_uppercase(),
                    part: None,
                    kind: DoseKind::Reps,
                    per_side: false,
                    sets,
                    reps,
                    hold_s: 0,
                    duration_s: 0,
                    pace_s: 8,
                    rest_s: 0,
                    position: String::new(),
                    steps: vec!["do it".into()],
                    cue: "breathe".into(),
                    reasons: vec![],
                    figure: None,
                })
                .collect(),
            notes: vec![],
        }
    }

    /// One exercise of `kind` called `id` (named in capitals), one set, no
    /// rest: tests set the numbers they need.
    pub fn planned(id: &str, kind: DoseKind) -> PlannedExercise {
        PlannedExercise {
            kind,
            reps: 0,
            ..plan_of_reps(&[(id, 1, 0)]).exercises.remove(0)
        }
    }

    /// A plan of these exercises.
    pub fn plan_of(exercises: Vec<PlannedExercise>) -> Plan {
        Plan {
            exercises,
            ..plan_of_reps(&[])
        }
    }

    /// Starts a session and presses `keys` one second apart; returns every effect.
    pub fn run_keys(plan: Plan, settings: Settings, keys: &[Key]) -> Vec<Effect> {
        let t0 = Instant::now();
        let (mut session, mut fx) = Session::new(plan, settings, t0);
        for (i, key) in keys.iter().enumerate() {
            fx.extend(session.key(*key, t0 + Duration::from_secs(i as u64 + 1)));
        }
        fx
    }
}
