//! The audio thread: it opens the output, plays cues and phrases into rodio's
//! mixer, and sleeps on its channel in between. An open output costs CPU even
//! in silence, so the output is closed [`IDLE_CLOSE`] after the last sound
//! and opened again for the next one (on this thread, never the event loop's).
//!
//! Phrases are played one after another, never over each other or over the
//! safety alert: a phrase asked for while another sounds starts the moment
//! that one ends, placed sample-exactly in the stream. While a phrase sounds,
//! the chimes are ducked under it. The words come from the renderer thread
//! ([`super::voice`]), started with the player and stopped at once if there
//! is no output.
//!
//! One idea in one file (a little over 700 lines): the loop, the output's
//! opening and closing and the queue of sounds share one state, which a
//! split would have to hand around.

use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rodio::buffer::SamplesBuffer;
use rodio::cpal;
use rodio::{ChannelCount, SampleRate, Source};

use super::cues::CueCache;
use super::output::{Output, Preferred, Sound};
use super::placed::{Placed, Placement, Step};
use super::voice::{self, Made, Phrases, Queue, Rendered};
use super::{AudioStatus, Shared};
use crate::cue::{Cue, Phrase};

/// Cues asked for this long ago are dropped rather than played late (a tick
/// heard half a second after its second is worse than none); this only
/// happens while the device is still opening.
const STALE_CUE: Duration = Duration::from_millis(500);

/// A phrase that could start only this long after its deadline is dropped:
/// "3" said after "2" is due helps nobody.
const STALE_SPEECH: Duration = Duration::from_millis(1500);

/// How often a playing sound re-reads the volume, so mute is heard at once.
const GAIN_UPDATE: Duration = Duration::from_millis(5);

/// How far the chimes go down while the coach speaks (about −12 dB).
pub(super) const DUCK: f32 = 0.25;

/// How long before an expected sound the output is opened: PulseAudio can
/// take a second or more to get a new stream going (until then the output
/// takes no samples), and a "3" said late is worse than none.
pub(super) const PREOPEN: Duration = Duration::from_secs(2);

/// How long the output stays open after the last sound has finished. An open
/// stream costs CPU all the time, silent or not (with PulseAudio behind ALSA,
/// ≈ 6.5 ms of CPU per second across cpal's and libpulse's threads, some 400 ms
/// a minute), so it is closed between sounds and opened again for the next
/// (≈ 9 ms, on this thread, never the event loop's). The wait also lets the
/// device's buffer drain before closing, and keeps one stream for a run of
/// ticks a second apart.
pub(super) const IDLE_CLOSE: Duration = Duration::from_millis(1500);

/// The output format asked for first: the cues' own, so nothing is
/// resampled in our process. This matters because the output thread runs for
/// as long as a session is open, even in silence, and mixing costs for every
/// output sample: mono at 22 050 Hz is a quarter of stereo at 48 kHz.
/// Mono is safe: PulseAudio, PipeWire and ALSA's `plug` all copy a mono
/// stream to every speaker. espeak-ng speaks at the same rate.
pub(super) const PREFERRED_CHANNELS: ChannelCount = ChannelCount::new(1).unwrap();
pub(super) const PREFERRED_RATE: SampleRate = SampleRate::new(22_050).unwrap();
/// About 371 ms per period at 22 050 Hz, in 16-bit like the cues (every
/// device and plugin takes it; ALSA's `file` plugin writes a wrong WAV
/// header for 32-bit float). An open output costs CPU per period, in cpal's
/// thread and (behind ALSA) in PulseAudio's client thread, and a paced set
/// keeps it open throughout (a tempo tick every second): 1024 frames cost
/// 220 ms of CPU a minute of such a set, 2048 frames 137, 4096 frames 119,
/// 8192 frames 81. The session's sounds are placed ahead of their instants
/// ([`super::placed`], [`crate::session::ahead::PLACE_LAST`]), so the period
/// does not make them late; a sound a key asks for waits for the next
/// period and the buffer (0.37–0.74 s), except the safety alert, which
/// opens a fresh output and is heard at once. Ignored by fallbacks.
pub(super) const PREFERRED_PERIOD_FRAMES: u32 = 8192;

/// What the handle, the output and the renderer ask of the audio thread.
pub(super) enum Command {
    Play {
        cue: Cue,
        /// When it is due: now, or ahead.
        at: Instant,
        /// A safety alert: heard even when muted with `m`, never ducked.
        alert: bool,
        /// [`Shared::withdrawn`] when asked.
        generation: u64,
    },
    Say {
        phrase: Phrase,
        due: Instant,
        generation: u64,
    },
    /// What was placed ahead and has not started is withdrawn.
    Withdraw,
    /// Nothing more will be asked: end once what was asked has played.
    Finish,
    /// An exercise comes: render its words now.
    Prepare(usize),
    /// The next sound is due then (or nothing is).
    Expect(Option<Instant>),
    /// The voice was turned on (`v`): render what is missing.
    VoiceOn,
    /// From the renderer.
    Made(Made),
    /// From the output: a phrase's first sound was taken, `planned` being
    /// when it was meant to start (its deadline, or the end of the phrase
    /// before it).
    Started {
        phrase: Phrase,
        due: Instant,
        planned: Instant,
        at: Instant,
    },
    /// From cpal's error callback: the device went away.
    DeviceLost(String),
    Shutdown,
}

/// The spoken coach's part of the player: the words, the renderer, and
/// where the voice is in the stream.
struct Voice {
    phrases: Phrases,
    queue: Arc<Queue>,
    /// Whether the engine works: unknown until it renders or fails.
    engine: Option<bool>,
    /// When the phrase (or alert) sounding now ends: the next starts then.
    busy_until: Instant,
    /// A phrase asked for before it was rendered, its deadline and generation.
    waiting: Option<(Phrase, Instant, u64)>,
    /// Phrases placed in the stream: when each starts and ends.
    placed: Vec<(Instant, Instant)>,
    /// Every phrase heard: (its deadline, when it was meant to start, when it did).
    heard: Vec<(Instant, Instant, Instant)>,
}

/// The player's state between commands.
struct Player<'a, F: FnMut(AudioStatus)> {
    shared: &'a Arc<Shared>,
    events: Sender<Command>,
    on_status: F,
    sink: Option<Output>,
    /// When the open output may be closed: nothing is left to hear by then.
    quiet_at: Instant,
    /// The next sound the engine expects, not yet opened for.
    expected: Option<Instant>,
    /// The open output's buffer: a sample is heard this long after it is
    /// taken (one period; zero when the device chose its own).
    lead: Duration,
    cues: CueCache,
    voice: Option<Voice>,
    /// Sounds placed ahead, held here until shortly before the output takes
    /// them (in time order): in the mixer, each would cost a little for
    /// every sample it waits.
    held: Vec<(Instant, Sound)>,
    /// When the last sound asked for has been heard.
    last_end: Instant,
    /// Every sound not yet over: when it is heard from and to. A withdrawal
    /// keeps those that may have started, and the output closes after them.
    sounding: Vec<(Instant, Instant)>,
    /// Nothing more will be asked ([`Command::Finish`]).
    finishing: bool,
}

/// The audio thread: open the device, report, then sleep on the channel;
/// the device is closed while nothing plays and opened again for the next sound.
pub(super) fn run_player(
    shared: &Arc<Shared>,
    inbox: &Receiver<Command>,
    events: Sender<Command>,
    book: Option<Vec<crate::session::speech::Entry>>,
    on_status: impl FnMut(AudioStatus),
) {
    let started = Instant::now();
    let mut player = Player {
        shared,
        events,
        on_status,
        sink: None,
        quiet_at: Instant::now() + IDLE_CLOSE,
        expected: None,
        lead: Duration::ZERO,
        cues: CueCache::default(),
        voice: None,
        held: Vec::new(),
        last_end: Instant::now(),
        sounding: Vec::new(),
        finishing: false,
    };
    // The voice starts rendering while the device opens: the first phrase
    // is due the moment the session starts.
    let renderer = book.map(|book| player.start_voice(book));
    match open_sink(player.events.clone()) {
        Ok(sink) => {
            tracing::info!(
                "audio: output open in {:?}: {} ch, {} Hz, {:?}, buffer {:?}",
                started.elapsed(),
                sink.config().channels,
                sink.config().rate,
                sink.config().format,
                sink.config().period,
            );
            player.lead = sink.lead();
            player.sink = Some(sink);
        }
        Err(reason) => {
            tracing::warn!(
                "audio: no sound, no usable output device ({reason}); took {:?}",
                started.elapsed()
            );
            shared.alive.store(false, Ordering::Relaxed);
            // No device: the renderer stops after the phrase in hand.
            if let Some(voice) = &player.voice {
                voice.queue.close();
            }
            (player.on_status)(AudioStatus::NoDevice(reason));
            return;
        }
    }
    (player.on_status)(AudioStatus::Ready);

    // Blocks between commands: the thread uses no CPU while nothing is asked.
    loop {
        let command = match player.next_wake() {
            Some(at) => match inbox.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(command) => command,
                Err(RecvTimeoutError::Timeout) => {
                    if !player.woken() {
                        break;
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match inbox.recv() {
                Ok(command) => command,
                Err(_) => break,
            },
        };
        match command {
            Command::Shutdown => break,
            command => {
                if !player.handle(command) {
                    break;
                }
            }
        }
    }
    if let Some(voice) = &player.voice {
        voice.queue.close();
        log_lateness(&voice.heard);
    }
    drop(player.sink.take());
    // The renderer stops after the phrase in hand (≈ 10 ms): left to finish
    // on its own, never waited for.
    drop(renderer);
    tracing::debug!("audio: output closed");
}

impl<F: FnMut(AudioStatus)> Player<'_, F> {
    /// When the thread must wake with no command: to close the quiet output,
    /// or to open it ahead of an expected sound.
    fn next_wake(&self) -> Option<Instant> {
        let release = self.held.first().map(|(at, _)| *at);
        let done = self.finishing.then_some(self.last_end);
        [self.device_wake(), release, done]
            .into_iter()
            .flatten()
            .min()
    }

    /// When the output must be looked at: closed once quiet, or opened
    /// ahead of an expected sound.
    fn device_wake(&self) -> Option<Instant> {
        match (&self.sink, self.expected) {
            (Some(_), _) => Some(self.quiet_at),
            (None, Some(at)) => Some(at.checked_sub(PREOPEN).unwrap_or(at)),
            (None, None) => None,
        }
    }

    /// Finishing, and everything asked for has been heard.
    fn finished(&self) -> bool {
        self.finishing
            && self.held.is_empty()
            && Instant::now() >= self.last_end
            && self.voice.as_ref().is_none_or(|v| v.waiting.is_none())
    }

    /// Puts a sound into the mixer, or holds it until `release` if that is
    /// later than now.
    fn mix(&mut self, release: Instant, source: Sound) {
        if release > Instant::now() {
            let i = self.held.partition_point(|(at, _)| *at <= release);
            self.held.insert(i, (release, source));
        } else if let Some(sink) = &self.sink {
            sink.add(source);
        }
    }

    /// When a sound heard at `start` goes into the mixer: one period of the
    /// output's wait and its buffer before the output takes it, and a period
    /// to spare.
    fn release_for(&self, start: Instant) -> Instant {
        start.checked_sub(self.lead * 3).unwrap_or(start)
    }

    /// Held sounds whose time has come go into the mixer.
    fn release_held(&mut self) {
        let now = Instant::now();
        let due = self.held.partition_point(|(at, _)| *at <= now);
        let released: Vec<_> = self.held.drain(..due).collect();
        if !released.is_empty() && !self.ensure_sink() {
            return;
        }
        if let Some(sink) = &self.sink {
            for (_, source) in released {
                sink.add(source);
            }
        }
    }

    /// The wake came: let held sounds go, then close the output if nothing
    /// is due soon, keep it open for a sound due soon, or open it ahead of
    /// one. False when the output is gone (reported).
    fn woken(&mut self) -> bool {
        self.release_held();
        if self.finished() {
            return false;
        }
        let now = Instant::now();
        if self.device_wake().is_none_or(|at| at > now) {
            return self.shared.alive.load(Ordering::Relaxed);
        }
        let soon = self.expected.filter(|at| *at <= now + PREOPEN + IDLE_CLOSE);
        match (&self.sink, soon) {
            (Some(_), Some(at)) => {
                // Closing now would mean opening again for it.
                self.quiet_at = self.quiet_at.max(at + IDLE_CLOSE);
                self.expected = None;
            }
            (Some(_), None) => {
                self.sink = None;
                tracing::debug!("audio: output closed while nothing plays");
            }
            (None, _) => {
                let Some(at) = self.expected.take() else {
                    return true;
                };
                if !self.ensure_sink() {
                    return false;
                }
                tracing::trace!(
                    "audio: output opened {:?} ahead of a sound",
                    at.saturating_duration_since(now)
                );
                self.quiet_at = self.quiet_at.max(at + IDLE_CLOSE);
            }
        }
        true
    }

    /// Starts the renderer thread with the session's book; the words every
    /// exercise shares are rendered first if the voice is on.
    fn start_voice(
        &mut self,
        book: Vec<crate::session::speech::Entry>,
    ) -> Option<std::thread::JoinHandle<()>> {
        let queue = Arc::new(Queue::default());
        let renderer = {
            let queue = Arc::clone(&queue);
            let events = Mutex::new(self.events.clone());
            std::thread::Builder::new()
                .name("backcoach-voice".into())
                .spawn(move || {
                    voice::render_jobs(&queue, &|made| {
                        let events = events.lock().unwrap_or_else(PoisonError::into_inner);
                        let _ = events.send(Command::Made(made));
                    });
                })
        };
        let renderer = match renderer {
            Ok(handle) => Some(handle),
            Err(e) => {
                tracing::error!("voice: could not start the renderer thread: {e}");
                (self.on_status)(AudioStatus::NoVoice("could not start".into()));
                return None;
            }
        };
        self.voice = Some(Voice {
            phrases: Phrases::new(book),
            queue,
            engine: None,
            busy_until: Instant::now(),
            waiting: None,
            placed: Vec::new(),
            heard: Vec::new(),
        });
        self.render_missing();
        renderer
    }

    /// Queues every wanted phrase not rendered yet, if the voice is on.
    fn render_missing(&mut self) {
        let on = self.shared.voice.load(Ordering::Relaxed);
        if let Some(voice) = &mut self.voice
            && on
            && voice.engine != Some(false)
        {
            for job in voice.phrases.missing() {
                voice.queue.push(job, false);
            }
        }
    }

    /// Handles one command; false when the thread must end.
    fn handle(&mut self, command: Command) -> bool {
        match command {
            Command::Play {
                cue,
                at,
                alert,
                generation,
            } => self.play_cue(cue, at, alert, generation),
            Command::Say {
                phrase,
                due,
                generation,
            } => self.say(phrase, due, generation),
            Command::Withdraw => {
                self.withdraw();
                true
            }
            Command::Finish => {
                self.finishing = true;
                !self.finished()
            }
            Command::Prepare(exercise) => {
                if let Some(voice) = &mut self.voice {
                    voice.phrases.prepare(exercise);
                    tracing::debug!(
                        "voice: exercise {exercise} comes; {} samples of phrases held",
                        voice.phrases.held_samples()
                    );
                }
                self.render_missing();
                true
            }
            Command::VoiceOn => {
                self.render_missing();
                true
            }
            Command::Expect(at) => {
                self.expected = at;
                true
            }
            Command::Made(made) => self.made(made),
            Command::Started {
                phrase,
                due,
                planned,
                at,
            } => {
                tracing::debug!(
                    "voice: {phrase:?} started {:?} after its deadline ({:?} after it could)",
                    at.saturating_duration_since(due),
                    at.saturating_duration_since(planned)
                );
                if let Some(voice) = &mut self.voice {
                    voice.heard.push((due, planned, at));
                }
                true
            }
            Command::DeviceLost(reason) => {
                tracing::warn!("audio: output device lost: {reason}");
                self.shared.alive.store(false, Ordering::Relaxed);
                self.sink = None;
                (self.on_status)(AudioStatus::NoDevice(reason));
                false
            }
            Command::Shutdown => false,
        }
    }

    /// The output, opened if it was closed; false (reported) if it cannot be.
    fn ensure_sink(&mut self) -> bool {
        if self.sink.is_some() {
            return true;
        }
        match open_sink(self.events.clone()) {
            Ok(opened) => {
                self.lead = opened.lead();
                self.sink = Some(opened);
                true
            }
            Err(reason) => {
                tracing::warn!("audio: the output could not be opened again: {reason}");
                self.shared.alive.store(false, Ordering::Relaxed);
                (self.on_status)(AudioStatus::NoDevice(reason));
                false
            }
        }
    }

    /// Plays a cue due at `at` (now, or ahead: placed in the stream to be
    /// heard then); dropped if it could only be heard well after its moment.
    fn play_cue(&mut self, cue: Cue, at: Instant, alert: bool, generation: u64) -> bool {
        if self.shared.muted.load(Ordering::Relaxed) && !alert {
            return true;
        }
        let now = Instant::now();
        let late = now.saturating_duration_since(at);
        if late > STALE_CUE {
            tracing::debug!("audio: dropped {cue:?}, {late:?} late");
            return true;
        }
        let Some(samples) = self.cues.get(cue) else {
            return true;
        };
        if alert && self.sink.take().is_some() {
            // The open output holds up to two periods (0.74 s) queued before
            // anything new; a fresh one plays the alert first. What it held
            // was withdrawn by the safety stop anyway.
            tracing::debug!("audio: output opened afresh for the safety alert");
        }
        if !self.ensure_sink() {
            return false;
        }
        let length = samples.total_duration().unwrap_or(Duration::from_secs(1));
        let placement = Placement::new(at, self.lead, generation, Arc::clone(self.shared));
        let shared = Arc::clone(self.shared);
        let source: Sound = if alert {
            Box::new(Placed::new(
                cue_source(samples, move || shared.volume_gain()),
                placement,
            ))
        } else {
            Box::new(Placed::new(
                cue_source(samples, move || shared.cue_gain()),
                placement,
            ))
        };
        self.mix(self.release_for(at), source);
        // Reckoned as on an output under way even for the alert's fresh
        // one (heard sooner): what follows it is placed after its end.
        let ends = self.heard_from(at, now) + length;
        self.last_end = self.last_end.max(ends);
        self.sounding.retain(|(_, end)| *end > now);
        self.sounding.push((ends - length, ends));
        if alert && let Some(voice) = &mut self.voice {
            // The safety stop's sentence follows the alert, never over it.
            voice.busy_until = voice.busy_until.max(ends);
        }
        self.quiet_at = self.quiet_at.max(ends + IDLE_CLOSE);
        true
    }

    /// When a sound due at `at` is heard at the latest: then, if that is
    /// far enough ahead to be placed; otherwise after the next period and
    /// the device's buffer.
    fn heard_from(&self, at: Instant, now: Instant) -> Instant {
        at.max(now + self.lead * 2)
    }

    fn say(&mut self, phrase: Phrase, due: Instant, generation: u64) -> bool {
        let Some(voice) = &mut self.voice else {
            return true;
        };
        if voice.engine == Some(false) || !self.shared.speaks() {
            return true;
        }
        match voice.phrases.get(&phrase).cloned() {
            Some(rendered) => self.speak(phrase, rendered, due, generation),
            None => {
                // Not rendered yet: as soon as it is, if still in time.
                if !voice.phrases.is_pending(&phrase)
                    && let Some(job) = voice.phrases.urgent(phrase)
                {
                    tracing::debug!("voice: {phrase:?} asked for before it was rendered");
                    voice.queue.push(job, true);
                }
                voice.waiting = Some((phrase, due, generation));
                true
            }
        }
    }

    /// Plays a rendered phrase due at `due` (now, or ahead): then, or when
    /// the phrase (or alert) sounding before it ends; dropped if that is too
    /// late to help.
    fn speak(&mut self, phrase: Phrase, rendered: Rendered, due: Instant, generation: u64) -> bool {
        let now = Instant::now();
        let Some(voice) = &mut self.voice else {
            return true;
        };
        // When it could start: its deadline, or the end of what sounds before it.
        let could = due.max(voice.busy_until);
        let start = could.max(now);
        let late = start.saturating_duration_since(due);
        if late > STALE_SPEECH {
            tracing::debug!("voice: dropped {phrase:?}: it could start only {late:?} late");
            return true;
        }
        let heard = could.max(now + self.lead * 2);
        voice.busy_until = heard + rendered.duration();
        voice.placed.retain(|(_, end)| *end > now);
        voice.placed.push((heard, voice.busy_until));
        let ends = voice.busy_until;
        self.last_end = self.last_end.max(ends);
        self.sounding.retain(|(_, end)| *end > now);
        self.sounding.push((heard, ends));
        if !self.ensure_sink() {
            return false;
        }
        let placement = Placement::new(start, self.lead, generation, Arc::clone(self.shared));
        let events = self.events.clone();
        let source = Speech::new(rendered, placement, Arc::clone(self.shared), move |at| {
            let _ = events.send(Command::Started {
                phrase,
                due,
                planned: could,
                at,
            });
        });
        self.mix(self.release_for(start), Box::new(source));
        self.quiet_at = self.quiet_at.max(ends + IDLE_CLOSE);
        true
    }

    /// Sounds placed ahead that have not started were withdrawn (they end
    /// unheard): the voice is free once what has started ends.
    fn withdraw(&mut self) {
        // Held sounds were all placed before the withdrawal and none has started.
        self.held.clear();
        let now = Instant::now();
        // What starts within the device's buffer may be in it already.
        let committed = now + self.lead * 2;
        // The output closes once what may have started is over, not after
        // what was withdrawn (a pause would otherwise keep it open, waking).
        self.sounding.retain(|(start, _)| *start <= committed);
        let over = self
            .sounding
            .iter()
            .map(|(_, end)| *end)
            .max()
            .unwrap_or(now);
        self.last_end = self.last_end.min(over);
        self.quiet_at = self.quiet_at.min(over + IDLE_CLOSE);
        let Some(voice) = &mut self.voice else {
            return;
        };
        voice.placed.retain(|(start, _)| *start <= committed);
        voice.busy_until = voice
            .placed
            .iter()
            .map(|(_, end)| *end)
            .max()
            .unwrap_or(now)
            .min(voice.busy_until);
        voice.waiting = None;
    }

    fn made(&mut self, made: Made) -> bool {
        let Some(voice) = &mut self.voice else {
            return true;
        };
        match made {
            Made::Rendered(phrase, rendered) => {
                if voice.engine.is_none() {
                    voice.engine = Some(true);
                    (self.on_status)(AudioStatus::VoiceReady);
                }
                voice.phrases.rendered(phrase, rendered.clone());
                if let Some((waiting, due, generation)) = voice.waiting
                    && waiting == phrase
                {
                    voice.waiting = None;
                    if self.shared.speaks() {
                        return self.speak(phrase, rendered, due, generation);
                    }
                }
            }
            Made::NoEngine(reason) => {
                voice.engine = Some(false);
                voice.waiting = None;
                (self.on_status)(AudioStatus::NoVoice(reason));
            }
            Made::Failed(phrase) => {
                voice.phrases.failed(phrase);
                if voice.waiting.is_some_and(|(p, _, _)| p == phrase) {
                    voice.waiting = None;
                }
            }
        }
        true
    }
}

/// One line in the log at the end of a session: how late the phrases started
/// (`scripts/measure` reads it).
fn log_lateness(heard: &[(Instant, Instant, Instant)]) {
    if heard.is_empty() {
        return;
    }
    let mut after_deadline: Vec<f64> = heard
        .iter()
        .map(|(due, _, at)| at.saturating_duration_since(*due).as_secs_f64() * 1000.0)
        .collect();
    let mut after_planned: Vec<f64> = heard
        .iter()
        .map(|(_, planned, at)| at.saturating_duration_since(*planned).as_secs_f64() * 1000.0)
        .collect();
    let queued = heard
        .iter()
        .filter(|(due, planned, _)| planned > due)
        .count();
    let summary = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[v.len() - 1])
    };
    let (median, worst) = summary(&mut after_planned);
    let (median_due, worst_due) = summary(&mut after_deadline);
    tracing::info!(
        "voice: {} phrases; start after they could (deadline, or the phrase before ending): median {median:.1} ms, worst {worst:.1} ms; after the deadline: median {median_due:.1} ms, worst {worst_due:.1} ms; {queued} waited for a phrase before them",
        heard.len()
    );
}

/// A playing cue whose loudness follows `gain` (re-read every few ms), so
/// volume changes, mute and ducking reach sounds already in the mixer.
pub(super) fn cue_source(
    samples: SamplesBuffer,
    gain: impl Fn() -> f32 + Send + 'static,
) -> impl Source + Send + 'static {
    samples
        .amplify(0.0)
        .periodic_access(GAIN_UPDATE, move |source| source.set_factor(gain()))
}

/// A phrase at its place in the stream ([`Placement`]), at the voice's
/// gain. While it sounds it counts as speaking (the chimes duck); when its
/// first sample is heard is reported once.
pub(super) struct Speech {
    rendered: Rendered,
    pos: usize,
    placement: Placement,
    shared: Arc<Shared>,
    gain: f32,
    until_gain_update: usize,
    gain_every: usize,
    on_start: Option<Box<dyn FnOnce(Instant) + Send>>,
    speaking: bool,
}

impl Speech {
    /// A phrase heard where `placement` puts it.
    pub fn new(
        rendered: Rendered,
        placement: Placement,
        shared: Arc<Shared>,
        on_start: impl FnOnce(Instant) + Send + 'static,
    ) -> Speech {
        let rate = rendered.rate.max(1);
        Speech {
            placement,
            pos: 0,
            gain: shared.speech_gain(),
            until_gain_update: 0,
            gain_every: (GAIN_UPDATE.as_secs_f64() * f64::from(rate)).max(1.0) as usize,
            shared,
            rendered,
            on_start: Some(Box::new(on_start)),
            speaking: false,
        }
    }

    fn stop_speaking(&mut self) {
        if std::mem::take(&mut self.speaking) {
            self.shared.speaking.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

impl Iterator for Speech {
    type Item = rodio::Sample;

    fn next(&mut self) -> Option<rodio::Sample> {
        match self.placement.step(self.rendered.rate) {
            Step::Silence => return Some(0.0),
            Step::Withdrawn => return None,
            Step::Sound => {}
        }
        let Some(&sample) = self.rendered.samples.get(self.pos) else {
            self.stop_speaking();
            return None;
        };
        if self.pos == 0 {
            self.speaking = true;
            self.shared.speaking.fetch_add(1, Ordering::Relaxed);
            if let Some(on_start) = self.on_start.take() {
                on_start(self.placement.heard_at().unwrap_or_else(Instant::now));
            }
        }
        if self.until_gain_update == 0 {
            self.gain = self.shared.speech_gain();
            self.until_gain_update = self.gain_every;
        }
        self.until_gain_update -= 1;
        self.pos += 1;
        Some(f32::from(sample) / 32_768.0 * self.gain)
    }
}

impl Source for Speech {
    fn current_span_len(&self) -> Option<usize> {
        // Mono at the phrase's rate throughout, its silence included.
        None
    }

    fn channels(&self) -> ChannelCount {
        PREFERRED_CHANNELS
    }

    fn sample_rate(&self) -> SampleRate {
        SampleRate::new(self.rendered.rate).unwrap_or(PREFERRED_RATE)
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}

impl Drop for Speech {
    fn drop(&mut self) {
        self.stop_speaking();
    }
}

/// Open the default output device, preferring the cues' own format and
/// falling back to the device's.
fn open_sink(events: Sender<Command>) -> Result<Output, String> {
    let preferred = Preferred {
        channels: PREFERRED_CHANNELS,
        rate: PREFERRED_RATE,
        period: PREFERRED_PERIOD_FRAMES,
    };
    Output::open(&preferred, || {
        // PulseAudio's ALSA plugin answers "I/O error" hundreds of times
        // while a new stream gets going: the first is logged, the rest counted.
        let events = events.clone();
        let mut repeated = 0u64;
        move |e: cpal::Error| on_stream_error(&events, e, &mut repeated)
    })
}

/// cpal's error callback, on its output thread: log through tracing (rodio's
/// default callback prints to stderr) and report a lost device.
fn on_stream_error(events: &Sender<Command>, e: cpal::Error, repeated: &mut u64) {
    match e.kind() {
        cpal::ErrorKind::Xrun => tracing::debug!("audio: underrun: {e}"),
        cpal::ErrorKind::DeviceNotAvailable
        | cpal::ErrorKind::HostUnavailable
        | cpal::ErrorKind::StreamInvalidated => {
            let _ = events.send(Command::DeviceLost(e.to_string()));
        }
        _ => {
            *repeated += 1;
            if repeated.is_power_of_two() {
                tracing::warn!(
                    "audio: output stream error ({repeated} so far on this stream): {e}"
                );
            }
        }
    }
}

/// An error and its causes on one line, for the log and the status.
pub(super) fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}
