//! A running guided session and its edges: the engine, the record being
//! written, the sound output and what the screen says about saving. Engine
//! effects become the world here: cues are played, phrases said, records
//! change.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::Instant;

use super::{Background, SoundForRun};
use crate::audio::{Audio, AudioStatus, SoundState, VoiceSetup, VoiceState};
use crate::cue::Cue;
use crate::domain::{CheckIn, SessionRecord};
use crate::plan::Plan;
use crate::profile::Profile;
use crate::session::ahead::Ahead;
use crate::session::record::SessionLog;
use crate::session::{self, Effect, Ending, Key, Pace, Session, Settings};
use crate::tui::screens::session::Status;

/// How long the line mode waits at most, after a session, for its last
/// sounds to play out (the safety stop's alert and sentence take ~5 s).
pub const AUDIO_FINISH: Duration = Duration::from_secs(10);

/// What a running session needs from the app to start.
#[derive(Debug, Clone)]
pub struct Start {
    /// Today's plan, as previewed.
    pub plan: Plan,
    /// The check-in discomfort.
    pub baseline: Option<u8>,
    /// The discomfort limit in force.
    pub limit: u8,
    /// The profile in force: volume, voice, pacing, get-ready, glance.
    pub profile: Profile,
    /// `--mute` for this run: no device is opened at all; `--no-voice`: cues only.
    pub sound: SoundForRun,
    /// Wall-clock time and local date of the start.
    pub started: Timestamp,
    /// The local date it is filed under.
    pub date: Date,
}

impl Start {
    /// A session of `plan` after the check-in it was built from, starting
    /// at `started` with the profile in force (the full screen and the
    /// line mode start it the same way).
    pub fn after_checkin(
        plan: Plan,
        checkin: &CheckIn,
        profile: &Profile,
        sound: SoundForRun,
        started: Timestamp,
        tz: &TimeZone,
    ) -> Start {
        Start {
            plan,
            baseline: Some(checkin.baseline),
            limit: profile.effective_limit(),
            profile: profile.clone(),
            sound,
            started,
            date: started.to_zoned(tz.clone()).date(),
        }
    }

    fn settings(&self, started_wall: Timestamp) -> Settings {
        Settings {
            limit: self.limit,
            baseline: self.baseline,
            muted: self.sound == SoundForRun::Muted,
            mute_locked: self.sound == SoundForRun::Muted,
            started_wall,
            get_ready: Duration::from_secs(u64::from(self.profile.effective_get_ready_s())),
            first_get_ready: session::FIRST_GET_READY,
            pace: Pace {
                pacing: self.profile.pacing,
                metronome: self.profile.metronome,
            },
            voice: self.profile.voice && self.sound == SoundForRun::On,
            voice_locked: self.sound != SoundForRun::On,
            glance: self.profile.glance,
            ..Settings::default()
        }
    }
}

/// What a key did to the session, for the app's routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Still on the session (or its end or safety screen).
    Stay,
    /// The user asked to leave backcoach.
    Quit,
    /// The user asked for the home screen (from the end or safety screen).
    Home,
    /// The user asked for the week screen (from the end or safety screen).
    Week,
}

/// A running guided session and its edges.
pub struct SessionRun {
    /// The pure engine.
    pub engine: Session,
    /// The record it writes.
    pub log: SessionLog,
    audio: Option<Audio>,
    /// What the header says about sound.
    pub sound: SoundState,
    /// No speech engine on this machine: the header says so ("espeak-ng not installed").
    voice_missing: Option<String>,
    sound_for_run: SoundForRun,
    /// The glance layout as last saved in the profile.
    glance_saved: bool,
    /// Why the last save failed, while it keeps failing.
    pub save_problem: Option<String>,
    /// The record changed and is to be saved once the frame is out.
    pub save_due: bool,
    /// The change must be on disk before the frame that shows it (an
    /// exercise done, the session over): saved, then shown.
    pub save_before_showing: bool,
    /// A terminal bell is due (the profile asks for one on phase changes).
    pub bell_due: bool,
    /// The next sound the audio side was told to expect.
    expected: Option<Instant>,
    /// Cues and phrases handed to the audio side ahead of their instants:
    /// the engine emits them again then, and they are not played twice.
    ahead: Ahead,
}

impl SessionRun {
    /// Starts the session at `now`, with the audio device opening in the background.
    pub fn start(
        start: Start,
        background: &UnboundedSender<Background>,
        now: Instant,
        wall: Timestamp,
    ) -> SessionRun {
        let settings = start.settings(start.started);
        let log = SessionLog::new(&start.plan, start.started, start.date, start.baseline);
        let (engine, fx) = Session::new(start.plan.clone(), settings, now);
        SessionRun::with(engine, fx, log, &start, background, now, wall)
    }

    /// Picks up `from`, cut off earlier today, at the exercise where it
    /// stopped; the same record goes on (what was done is kept).
    pub fn resume(
        start: Start,
        from: &SessionRecord,
        background: &UnboundedSender<Background>,
        now: Instant,
        wall: Timestamp,
    ) -> Option<SessionRun> {
        // Records keep their times from the first start.
        let settings = start.settings(from.started);
        let (engine, fx) = Session::resume(start.plan.clone(), settings, now, from).ok()?;
        let log = SessionLog::resume(&start.plan, from.clone());
        Some(SessionRun::with(
            engine, fx, log, &start, background, now, wall,
        ))
    }

    fn with(
        engine: Session,
        fx: Vec<Effect>,
        log: SessionLog,
        start: &Start,
        background: &UnboundedSender<Background>,
        now: Instant,
        wall: Timestamp,
    ) -> SessionRun {
        // The whole session's phrases go to the audio side now, to be
        // rendered there ahead of their deadlines (never on this loop).
        let voice = (start.sound == SoundForRun::On).then(|| VoiceSetup {
            book: engine.phrase_book(),
            on: engine.voice(),
        });
        let audio = match start.sound {
            SoundForRun::Muted => None,
            SoundForRun::On | SoundForRun::ChimesOnly => {
                let tx = background.clone();
                Some(Audio::spawn(start.profile.volume, voice, move |status| {
                    let _ = tx.send(Background::Audio(status));
                }))
            }
        };
        let sound = match start.sound {
            SoundForRun::Muted => SoundState::Muted,
            SoundForRun::On | SoundForRun::ChimesOnly => SoundState::On,
        };
        let glance_saved = start.profile.glance;
        let mut run = SessionRun {
            engine,
            log,
            audio,
            sound,
            voice_missing: None,
            sound_for_run: start.sound,
            glance_saved,
            save_problem: None,
            // On disk from the first moment (right after its first frame): a
            // cut-off session shows up as partial.
            save_due: true,
            save_before_showing: false,
            bell_due: false,
            expected: None,
            ahead: Ahead::new(now),
        };
        run.apply(fx, now, wall, false);
        run.place_ahead(now);
        run
    }

    /// The record as it stands.
    pub fn record(&self) -> &SessionRecord {
        self.log.record()
    }

    /// Turns engine effects into the world: sounds, the bell, the record.
    fn apply(&mut self, fx: Vec<Effect>, now: Instant, wall: Timestamp, bell: bool) {
        let active = self.engine.active(now).as_secs() as u32;
        self.save_before_showing |= fx.iter().any(Effect::must_save_before_showing);
        for effect in &fx {
            match effect {
                Effect::Sound(_) | Effect::Say { .. } if self.ahead.was_placed(effect, now) => {}
                Effect::Sound(cue) => {
                    if let Some(audio) = &self.audio {
                        if *cue == Cue::SafetyAlert {
                            // A safety signal: heard once even after `m`.
                            audio.play_alert(*cue);
                        } else {
                            audio.play(*cue);
                        }
                    }
                }
                Effect::Say { phrase, due } => {
                    if let Some(audio) = &self.audio {
                        audio.say(*phrase, due.into_std());
                    }
                }
                Effect::PrepareVoice { exercise } => {
                    if let Some(audio) = &self.audio {
                        audio.prepare(*exercise);
                    }
                }
                Effect::Flash(_) => self.bell_due |= bell,
                _ => self.save_due |= self.log.apply(effect, wall, active),
            }
        }
        self.expect_next_sound();
    }

    /// Hands the cues and phrases of the next seconds to the audio side, to
    /// be heard on their instants, when what is placed runs short.
    fn place_ahead(&mut self, now: Instant) {
        let Some(audio) = &self.audio else {
            return;
        };
        if self.engine.ending().is_some() {
            return;
        }
        for (at, effect) in self.ahead.more(&self.engine, now) {
            match effect {
                Effect::Sound(cue) => audio.play_at(cue, at.into_std()),
                Effect::Say { phrase, due } => audio.say(phrase, due.into_std()),
                _ => {}
            }
        }
    }

    /// Tells the audio side when the next sound is due, so its output is
    /// open by then (opening one takes up to a second or two, with
    /// PulseAudio; a phrase must start on its deadline).
    fn expect_next_sound(&mut self) {
        let next = self.engine.next_sound();
        if next != self.expected {
            self.expected = next;
            if let Some(audio) = &self.audio {
                audio.expect(next.map(Instant::into_std));
            }
        }
    }

    /// Time reached a wake-up.
    pub fn tick(&mut self, now: Instant, wall: Timestamp, bell: bool) {
        let fx = self.engine.tick(now);
        self.apply(fx, now, wall, bell);
        self.place_ahead(now);
    }

    /// The next moment the session must wake.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        // Only while sounds can come: never while paused or waiting for a key.
        let place = self
            .audio
            .as_ref()
            .and_then(|_| self.ahead.wake(&self.engine));
        [self.engine.next_wake(now), place]
            .into_iter()
            .flatten()
            .min()
    }

    /// The session is over and the run about to go: its last sounds (the
    /// safety stop's sentence, say) play out first, for at most `within`.
    /// (The full screen keeps the run, and its sounds, while the end screen
    /// shows; the output itself closes once quiet.)
    pub fn finish_audio(&mut self, within: Duration) {
        if let Some(audio) = self.audio.take() {
            audio.finish(within);
        }
    }

    /// The audio thread reported on the device or the voice.
    pub fn audio_status(&mut self, status: &AudioStatus) {
        self.sound = self.sound.with_status(status);
        match status {
            AudioStatus::NoVoice(reason) => self.voice_missing = Some(reason.clone()),
            AudioStatus::VoiceReady => self.voice_missing = None,
            AudioStatus::Ready | AudioStatus::NoDevice(_) => {}
        }
    }

    /// Cut off (a signal, the terminal closing): the record says so.
    pub fn interrupt(&mut self, now: Instant, wall: Timestamp) {
        if self.engine.ending().is_none() {
            let active = self.engine.active(now).as_secs() as u32;
            self.log.interrupt(wall, active);
        }
    }

    /// A key press.
    pub fn key(&mut self, key: KeyEvent, now: Instant, wall: Timestamp, bell: bool) -> After {
        if let Some(ending) = self.engine.ending().cloned() {
            // After the end (or a safety stop) the only ways on are home, week or quit.
            match key.code {
                KeyCode::Char('h') => return After::Home,
                KeyCode::Char('w') => return After::Week,
                KeyCode::Char('q') | KeyCode::Esc => return After::Quit,
                _ if ending != Ending::Completed => return After::Stay,
                _ => {}
            }
        }
        let Some(engine_key) = engine_key(key) else {
            return After::Stay;
        };
        // What was due by now sounds as placed; after the key, what comes is
        // placed again.
        let due = self.engine.tick(now);
        self.apply(due, now, wall, bell);
        if self.ahead.withdraw(now)
            && let Some(audio) = &self.audio
        {
            audio.withdraw_ahead();
        }
        let fx = self.engine.key(engine_key, now);
        let quit = fx.iter().any(|e| matches!(e, Effect::Ended(Ending::Quit)));
        self.apply(fx, now, wall, bell);
        // Mute and voice follow the engine once its effects (a safety alert
        // among them) have been handed to the output.
        if let Some(audio) = &self.audio {
            audio.set_muted(self.engine.muted());
            audio.set_voice(self.engine.voice());
        }
        // Mute, voice and pause change what comes next.
        self.expect_next_sound();
        self.place_ahead(now);
        self.sound = match (self.engine.muted(), self.sound) {
            (_, SoundState::NoDevice) => SoundState::NoDevice,
            (true, _) => SoundState::Muted,
            (false, _) if self.sound_for_run == SoundForRun::Muted => SoundState::Muted,
            (false, _) => SoundState::On,
        };
        if quit { After::Quit } else { After::Stay }
    }

    /// What the header says about sound, the voice and saving: "sound on ·
    /// voice on", "muted" (always, with `--mute`), "sound on · voice:
    /// espeak-ng not installed", "no sound: no audio device".
    pub fn status(&self) -> Status {
        let sound = match self.sound_for_run {
            SoundForRun::Muted => SoundState::Muted,
            _ => self.sound,
        };
        Status {
            sound,
            voice: Some(self.voice()),
            save_problem: self.save_problem.clone(),
        }
    }

    /// What the header says about the spoken coach.
    pub fn voice(&self) -> VoiceState {
        match (&self.voice_missing, self.engine.voice()) {
            (_, false) => VoiceState::Off,
            (Some(reason), true) => VoiceState::Missing(reason.clone()),
            (None, true) => VoiceState::On,
        }
    }

    /// The glance layout was turned on or off with `g` since the profile was
    /// last saved: the new choice, once, for the app to keep in the profile.
    pub fn take_glance_change(&mut self) -> Option<bool> {
        let now = self.engine.glance();
        (now != self.glance_saved).then(|| {
            self.glance_saved = now;
            now
        })
    }
}

/// A terminal key as the engine understands it.
pub fn engine_key(key: KeyEvent) -> Option<Key> {
    Some(match key.code {
        KeyCode::Char(' ') => Key::Space,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        _ => return None,
    })
}
