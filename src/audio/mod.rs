//! Sound through rodio, on threads of their own: the cues, and the spoken
//! coach.
//!
//! The event loop must never wait on audio: opening a sound device can take
//! tens of milliseconds (or fail slowly, printing as it goes), rendering a
//! phrase takes a speech engine ~10 ms, and a sound must never delay a frame
//! or a key press. So [`Audio::spawn`] returns at once and a dedicated thread
//! ([`player`]) opens the default output device, reports back through a
//! callback, then sleeps on a channel until a sound is asked for. Playback
//! itself happens on rodio's (cpal's) output thread, which mixes overlapping
//! sounds. The spoken coach's phrases are rendered by a speech engine on a
//! third thread ([`voice`]) from the session's phrase book, ahead of their
//! deadlines, and played through the same output at the same volume.
//!
//! With no device (SSH, a server, CI, sound switched off) everything keeps
//! working and [`Audio::play`] is a cheap no-op; with no speech engine the
//! cues play alone. The header says which.
//!
//! # Wiring, in order
//! 1. Before entering full-screen: [`crate::quiet_stderr::StderrRedirect::to_file`]
//!    on the log file (ALSA prints when opening fails, and may print later on
//!    underruns), and have the panic hook call its
//!    [`restorer`](crate::quiet_stderr::StderrRedirect::restorer).
//! 2. When a session screen opens: [`Audio::spawn`] with the profile volume
//!    and the session's phrase book (when the run may speak), forwarding
//!    [`AudioStatus`] to the event loop, which folds it into a [`SoundState`]
//!    and a [`VoiceState`] for the header. Set [`Audio::set_muted`] if muted.
//! 3. On the engine's effects: [`Audio::play`] (or [`Audio::play_alert`] for
//!    the safety alert), [`Audio::say`], [`Audio::prepare`]; on `m` and `v`:
//!    [`Audio::set_muted`] and [`Audio::set_voice`]. What the session will
//!    sound in the next seconds goes ahead with [`Audio::play_at`] and
//!    [`Audio::say`], and is withdrawn with [`Audio::withdraw_ahead`] on a key.
//! 4. When the session screen closes: drop the [`Audio`] (this closes the
//!    device), and only after leaving full-screen drop the redirect.

mod cues;
mod output;
mod placed;
mod player;
pub mod voice;

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use cues::cue_bytes;
use player::Command;

use crate::cue::{Cue, Phrase};
use crate::session::speech::Entry;

/// One period of the output format asked for first. A sound reaches the
/// ear at most two periods after it reaches the mixer (the period under way,
/// then the device's buffer), so this sets how far ahead the session hands
/// its sounds over ([`crate::session::ahead::PLACE_LAST`]).
pub fn preferred_period() -> Duration {
    Duration::from_secs_f64(
        f64::from(player::PREFERRED_PERIOD_FRAMES) / f64::from(player::PREFERRED_RATE.get()),
    )
}

/// How far below full volume 1 % is. 40 dB spreads the 0–100 profile
/// setting evenly over what the ear hears as "quiet" to "full", where a
/// linear scale would crowd all the audible change into the bottom tenth.
const VOLUME_RANGE_DB: f32 = 40.0;

/// The amplitude factor for a profile volume (0–100; more counts as 100).
///
/// 0 is silence, 100 plays the cue as recorded, and in between each step is
/// the same loudness change in decibels, so the setting feels even.
pub fn volume_gain(volume: u8) -> f32 {
    let volume = volume.min(100);
    if volume == 0 {
        return 0.0;
    }
    let db = -VOLUME_RANGE_DB * (1.0 - f32::from(volume) / 100.0);
    10f32.powf(db / 20.0)
}

/// What the audio threads found out, reported once known (and again if the
/// device goes away while playing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AudioStatus {
    /// The device is open: cues will be heard.
    Ready,
    /// There is no usable output device, or it went away; the reason is for
    /// the log, the user sees [`SoundState::NoDevice`].
    NoDevice(String),
    /// The speech engine rendered its first phrase: the coach will be heard.
    VoiceReady,
    /// No speech engine ("espeak-ng not installed"): cues only. The words
    /// are for the header.
    NoVoice(String),
}

/// The sound state the header shows, so the user always knows whether a
/// silent session is their choice or the machine's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoundState {
    /// Cues play.
    On,
    /// The user muted the cues (`m`).
    Muted,
    /// No audio device: the session runs silently.
    NoDevice,
}

impl SoundState {
    /// The words for the header.
    pub fn label(self) -> &'static str {
        match self {
            SoundState::On => "sound on",
            SoundState::Muted => "muted",
            SoundState::NoDevice => "no sound: no audio device",
        }
    }

    /// The words for the session's header: the sound's, and while sound is
    /// on the voice's after them (`sound on · voice on`) when it is known.
    pub fn header(self, voice: Option<&VoiceState>) -> String {
        match (self, voice) {
            (SoundState::On, Some(voice)) => format!("{} · {}", self.label(), voice.label()),
            _ => self.label().to_string(),
        }
    }

    /// The state after the audio thread reports: a ready device keeps the
    /// user's mute choice, a missing one overrides it; the voice's reports
    /// change nothing here.
    pub fn with_status(self, status: &AudioStatus) -> SoundState {
        match (status, self) {
            (AudioStatus::NoDevice(_), _) => SoundState::NoDevice,
            (AudioStatus::Ready, SoundState::Muted) => SoundState::Muted,
            (AudioStatus::Ready, _) => SoundState::On,
            (AudioStatus::VoiceReady | AudioStatus::NoVoice(_), state) => state,
        }
    }
}

/// What the header says about the spoken coach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoiceState {
    /// The coach speaks (or will, once its first phrase is rendered).
    On,
    /// Turned off: `v`, the profile, or `--no-voice`.
    Off,
    /// No speech engine on this machine; the reason ("espeak-ng not installed").
    Missing(String),
}

impl VoiceState {
    /// The words for the header, after the sound's: `voice on`,
    /// `voice off`, `voice: espeak-ng not installed`.
    pub fn label(&self) -> String {
        match self {
            VoiceState::On => "voice on".into(),
            VoiceState::Off => "voice off".into(),
            VoiceState::Missing(reason) => format!("voice: {reason}"),
        }
    }
}

/// Volume, mute and voice, shared by the handle (which changes them), the
/// audio thread and every playing sound (which read them).
#[derive(Debug)]
struct Shared {
    volume: AtomicU8,
    muted: AtomicBool,
    /// The spoken coach is on (`v`).
    voice: AtomicBool,
    /// Phrases sounding now: the chimes duck under them.
    speaking: AtomicUsize,
    /// False once the thread has given up (no device) or stopped.
    alive: AtomicBool,
    /// How many times sounds placed ahead were withdrawn (a key changed
    /// what comes): a placed sound asked for before the last withdrawal
    /// ends unheard if it has not started.
    withdrawn: AtomicU64,
}

impl Shared {
    fn new(volume: u8, voice: bool) -> Shared {
        Shared {
            volume: AtomicU8::new(volume.min(100)),
            muted: AtomicBool::new(false),
            voice: AtomicBool::new(voice),
            speaking: AtomicUsize::new(0),
            alive: AtomicBool::new(true),
            withdrawn: AtomicU64::new(0),
        }
    }

    fn gain(&self) -> f32 {
        if self.muted.load(Ordering::Relaxed) {
            0.0
        } else {
            self.volume_gain()
        }
    }

    /// A cue's gain: the volume, ducked while the coach speaks.
    fn cue_gain(&self) -> f32 {
        if self.speaking.load(Ordering::Relaxed) > 0 {
            self.gain() * player::DUCK
        } else {
            self.gain()
        }
    }

    /// A phrase's gain: the volume, silent when muted or the voice is off.
    fn speech_gain(&self) -> f32 {
        if self.voice.load(Ordering::Relaxed) {
            self.gain()
        } else {
            0.0
        }
    }

    /// Whether a phrase asked for now is to be heard.
    fn speaks(&self) -> bool {
        self.voice.load(Ordering::Relaxed) && !self.muted.load(Ordering::Relaxed)
    }

    /// The volume's gain whatever the mute: a safety alert's.
    fn volume_gain(&self) -> f32 {
        volume_gain(self.volume.load(Ordering::Relaxed))
    }
}

/// How long dropping [`Audio`] waits for its thread before leaving it behind.
const SHUTDOWN_WAIT: Duration = Duration::from_millis(500);

/// The spoken coach for a session: its phrase book, and whether it starts on.
#[derive(Debug, Clone)]
pub struct VoiceSetup {
    /// Every phrase the session may say ([`crate::session::Session::phrase_book`]).
    pub book: Vec<Entry>,
    /// On at the start (the profile's choice); [`Audio::set_voice`] changes it.
    pub on: bool,
}

/// The handle to the player. Cheap to call from the event loop: every
/// method only stores an atomic or sends on a channel, never waits.
///
/// Dropping it closes the device (the stream must only be open while a
/// session can play sounds), waiting at most half a second for the thread.
pub struct Audio {
    shared: Arc<Shared>,
    commands: Sender<Command>,
    thread: Option<JoinHandle<()>>,
    /// Disconnects when the thread has finished (its sender is dropped).
    exited: Receiver<()>,
}

impl fmt::Debug for Audio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Audio")
            .field("shared", &self.shared)
            .finish_non_exhaustive()
    }
}

impl Audio {
    /// Start the player thread and return at once, before any device is
    /// touched, so opening never delays a frame. With `voice`, the speech
    /// engine starts rendering the book once the device is known to work.
    ///
    /// `on_status` is called from the audio threads with [`AudioStatus::Ready`]
    /// or [`AudioStatus::NoDevice`] once the device is open or known missing,
    /// with `NoDevice` again if the device is lost later, and with the
    /// voice's [`AudioStatus::VoiceReady`] or [`AudioStatus::NoVoice`]. Forward
    /// it to the event loop (e.g. an unbounded tokio sender); do not block in it.
    ///
    /// ALSA prints to stderr while failing to open: have a
    /// [`crate::quiet_stderr::StderrRedirect`] in place before calling this
    /// in full-screen mode.
    pub fn spawn(
        volume: u8,
        voice: Option<VoiceSetup>,
        on_status: impl FnMut(AudioStatus) + Send + 'static,
    ) -> Audio {
        let voice_on = voice.as_ref().is_some_and(|v| v.on);
        let shared = Arc::new(Shared::new(volume, voice_on));
        let (commands, inbox) = mpsc::channel();
        let (exited_tx, exited) = mpsc::channel::<()>();
        // Kept outside the thread's closure so it can still be told if the
        // thread cannot be started at all.
        let on_status = Arc::new(Mutex::new(Some(on_status)));
        let book = voice.map(|v| v.book);

        let thread = {
            let shared = Arc::clone(&shared);
            let events = commands.clone();
            let on_status = Arc::clone(&on_status);
            std::thread::Builder::new()
                .name("backcoach-audio".into())
                .spawn(move || {
                    let _exited = exited_tx;
                    let taken = on_status
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .take();
                    if let Some(on_status) = taken {
                        player::run_player(&shared, &inbox, events, book, on_status);
                    }
                    shared.alive.store(false, Ordering::Relaxed);
                })
        };
        let thread = match thread {
            Ok(thread) => Some(thread),
            Err(e) => {
                tracing::error!("audio: could not start the audio thread: {e}");
                shared.alive.store(false, Ordering::Relaxed);
                let taken = on_status
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                if let Some(mut on_status) = taken {
                    on_status(AudioStatus::NoDevice(format!(
                        "could not start the audio thread: {e}"
                    )));
                }
                None
            }
        };
        Audio {
            shared,
            commands,
            thread,
            exited,
        }
    }

    /// Play a cue now, mixed over any cue still sounding. Never waits; does
    /// nothing when muted or when there is no device.
    pub fn play(&self, cue: Cue) {
        if self.shared.muted.load(Ordering::Relaxed) || !self.shared.alive.load(Ordering::Relaxed) {
            return;
        }
        // A closed channel means the thread has stopped: nothing to play on.
        let _ = self.commands.send(Command::Play {
            cue,
            at: Instant::now(),
            alert: false,
            generation: self.generation(),
        });
    }

    /// Play a cue due at `at`, placed in the stream ahead of time so it is
    /// heard then (see [`Audio::withdraw_ahead`]). Does nothing when muted
    /// or when there is no device.
    pub fn play_at(&self, cue: Cue, at: Instant) {
        if self.shared.muted.load(Ordering::Relaxed) || !self.shared.alive.load(Ordering::Relaxed) {
            return;
        }
        let _ = self.commands.send(Command::Play {
            cue,
            at,
            alert: false,
            generation: self.generation(),
        });
    }

    /// Withdraw every cue and phrase asked for ahead of its instant that has
    /// not started (a key changed what comes; the session places them again).
    /// What the device already holds still plays: at most its buffer.
    pub fn withdraw_ahead(&self) {
        self.shared.withdrawn.fetch_add(1, Ordering::Relaxed);
        let _ = self.commands.send(Command::Withdraw);
    }

    fn generation(&self) -> u64 {
        self.shared.withdrawn.load(Ordering::Relaxed)
    }

    /// Play a safety alert now, muted or not (`m` silences coaching cues, not
    /// the alert that a session has been stopped for safety). Does nothing
    /// when there is no device (`--mute` opens none).
    pub fn play_alert(&self, cue: Cue) {
        if !self.shared.alive.load(Ordering::Relaxed) {
            return;
        }
        let _ = self.commands.send(Command::Play {
            cue,
            at: Instant::now(),
            alert: true,
            generation: self.generation(),
        });
    }

    /// Say a phrase due at `due`: then if it is rendered (after the phrase
    /// sounding, if any; `due` may be ahead, see [`Audio::withdraw_ahead`]),
    /// as soon as it is rendered otherwise, dropped if that is too late to
    /// help. Does nothing when muted, with the voice off, or with no device.
    pub fn say(&self, phrase: Phrase, due: Instant) {
        if !self.shared.speaks() || !self.shared.alive.load(Ordering::Relaxed) {
            return;
        }
        let _ = self.commands.send(Command::Say {
            phrase,
            due,
            generation: self.generation(),
        });
    }

    /// The next sound is due at `at` (`None`: nothing is due): the output
    /// is opened a little before, and kept open until then if it would
    /// otherwise close just before.
    pub fn expect(&self, at: Option<Instant>) {
        let _ = self.commands.send(Command::Expect(at));
    }

    /// Exercise `exercise` (a plan index) comes soon: have its phrases rendered.
    pub fn prepare(&self, exercise: usize) {
        let _ = self.commands.send(Command::Prepare(exercise));
    }

    /// Mute or unmute at once: a sound that is playing goes quiet within a
    /// few milliseconds (plus the device's buffer), and muted sounds are not queued.
    pub fn set_muted(&self, muted: bool) {
        self.shared.muted.store(muted, Ordering::Relaxed);
    }

    /// The spoken coach on or off (`v`): a phrase sounding goes quiet at
    /// once; turned on, what is missing is rendered.
    pub fn set_voice(&self, on: bool) {
        let was = self.shared.voice.swap(on, Ordering::Relaxed);
        if on && !was {
            let _ = self.commands.send(Command::VoiceOn);
        }
    }
}

impl Audio {
    /// Lets what was asked for play out, then closes the device: waits until
    /// the last sound has been taken by the output, at most `within`.
    pub fn finish(self, within: Duration) {
        if self.commands.send(Command::Finish).is_ok() {
            let _ = self.exited.recv_timeout(within);
        }
    }
}

impl Drop for Audio {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Shutdown);
        match self.exited.recv_timeout(SHUTDOWN_WAIT) {
            Ok(()) | Err(RecvTimeoutError::Disconnected) => {
                if let Some(thread) = self.thread.take()
                    && thread.join().is_err()
                {
                    tracing::error!("audio: the audio thread panicked");
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                // Never hang the app on a stuck sound driver: leave the thread
                // to finish (or die with the process).
                tracing::warn!(
                    "audio: the audio thread did not stop within {SHUTDOWN_WAIT:?}; leaving it"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
