//! Sound cues through rodio, on a thread of their own.
//!
//! The event loop must never wait on audio: opening a sound device can take
//! tens of milliseconds (or fail slowly, printing as it goes), and a cue must
//! never delay a frame or a key press. So [`Audio::spawn`] returns at once and
//! a dedicated thread opens the default output device, reports back through a
//! callback, then sleeps on a channel until a cue is asked for. Playback itself
//! happens on rodio's (cpal's) output thread, which mixes overlapping cues.
//! An open output costs CPU even in silence, so the thread closes it
//! `IDLE_CLOSE` after the last cue ends and opens it again for the next one.
//!
//! With no device (SSH, a server, CI, sound switched off) everything keeps
//! working and [`Audio::play`] is a cheap no-op; the header says why.
//!
//! The cue sounds are the project's own (see `assets/README.md`), compiled into
//! the binary so there is nothing to install or lose.
//!
//! # Wiring, in order
//! 1. Before entering full-screen: [`crate::quiet_stderr::StderrRedirect::to_file`]
//!    on the log file (ALSA prints when opening fails, and may print later on
//!    underruns), and have the panic hook call its
//!    [`restorer`](crate::quiet_stderr::StderrRedirect::restorer).
//! 2. When a session screen opens: [`Audio::spawn`] with the profile volume,
//!    forwarding [`AudioStatus`] to the event loop, which folds it into a
//!    [`SoundState`] for the header. Set [`Audio::set_muted`] if muted.
//! 3. On the engine's cue effects: [`Audio::play`]; on `m`:
//!    [`SoundState::toggle_mute`] and [`Audio::set_muted`].
//! 4. When the session screen closes: drop the [`Audio`] (this closes the
//!    device), and only after leaving full-screen drop the redirect.

use std::fmt;
use std::io::Cursor;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rodio::buffer::SamplesBuffer;
use rodio::cpal::{self, BufferSize, SampleFormat};
use rodio::{ChannelCount, DeviceSinkBuilder, MixerDeviceSink, SampleRate, Source};

use crate::cue::Cue;

/// The encoded WAV of a cue, as compiled into the binary.
///
/// Public so tests and tools can check exactly what ships, not a copy on disk.
pub fn cue_bytes(cue: Cue) -> &'static [u8] {
    match cue {
        Cue::GetReady => include_bytes!("../assets/cues/get-ready.wav").as_slice(),
        Cue::Tick => include_bytes!("../assets/cues/tick.wav").as_slice(),
        Cue::Go => include_bytes!("../assets/cues/go.wav").as_slice(),
        Cue::Halfway => include_bytes!("../assets/cues/halfway.wav").as_slice(),
        Cue::HoldEnd => include_bytes!("../assets/cues/hold-end.wav").as_slice(),
        Cue::SwitchSides => include_bytes!("../assets/cues/switch-sides.wav").as_slice(),
        Cue::Tempo => include_bytes!("../assets/cues/tempo.wav").as_slice(),
        Cue::LastRep => include_bytes!("../assets/cues/last-rep.wav").as_slice(),
        Cue::RestOver => include_bytes!("../assets/cues/rest-over.wav").as_slice(),
        Cue::SessionDone => include_bytes!("../assets/cues/session-done.wav").as_slice(),
        Cue::SafetyAlert => include_bytes!("../assets/cues/safety-alert.wav").as_slice(),
    }
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

/// What the audio thread found out about the output device, reported once it
/// knows (and again if the device goes away while playing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AudioStatus {
    /// The device is open: cues will be heard.
    Ready,
    /// There is no usable output device, or it went away; the reason is for
    /// the log, the user sees [`SoundState::NoDevice`].
    NoDevice(String),
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

    /// The state after the user presses `m`: mute and unmute flip at once;
    /// with no device there is nothing to toggle.
    pub fn toggle_mute(self) -> SoundState {
        match self {
            SoundState::On => SoundState::Muted,
            SoundState::Muted => SoundState::On,
            SoundState::NoDevice => SoundState::NoDevice,
        }
    }

    /// The state after the audio thread reports: a ready device keeps the
    /// user's mute choice, a missing one overrides it.
    pub fn with_status(self, status: &AudioStatus) -> SoundState {
        match (status, self) {
            (AudioStatus::NoDevice(_), _) => SoundState::NoDevice,
            (AudioStatus::Ready, SoundState::Muted) => SoundState::Muted,
            (AudioStatus::Ready, _) => SoundState::On,
        }
    }

    /// Whether cues should be sent to the player at all.
    pub fn is_audible(self) -> bool {
        self == SoundState::On
    }
}

/// Cues asked for this long ago are dropped rather than played late (a tick
/// heard half a second after its second is worse than none); this only
/// happens while the device is still opening.
const STALE_CUE: Duration = Duration::from_millis(500);

/// How long dropping [`Audio`] waits for its thread before leaving it behind.
const SHUTDOWN_WAIT: Duration = Duration::from_millis(500);

/// How often a playing cue re-reads the volume, so mute is heard at once.
const GAIN_UPDATE: Duration = Duration::from_millis(5);

/// The output format asked for first: the cues' own, so nothing is
/// resampled in our process. This matters because the output thread runs for
/// as long as a session is open, even in silence, and rodio's mixer costs
/// about 11 ns per output sample: mono at 22 050 Hz is ≈ 30 ms of CPU a
/// minute, stereo at 48 kHz would be ≈ 140 ms, more than our whole budget.
/// Mono is safe: PulseAudio, PipeWire and ALSA's `plug` all copy a mono
/// stream to every speaker.
const PREFERRED_CHANNELS: ChannelCount = ChannelCount::new(1).unwrap();
const PREFERRED_RATE: SampleRate = SampleRate::new(22_050).unwrap();
/// 16-bit like the cues: every device and plugin takes it (ALSA's `file`
/// plugin, for one, writes a wrong WAV header for 32-bit float).
const PREFERRED_FORMAT: SampleFormat = SampleFormat::I16;
/// About 46 ms per period at 22 050 Hz: low enough latency for a "go",
/// few enough wake-ups (≈22/s) to stay cheap. Ignored by fallbacks.
const PREFERRED_PERIOD_FRAMES: u32 = 1024;

/// Volume and mute, shared by the handle (which changes them), the audio
/// thread and every playing cue (which read them).
#[derive(Debug)]
struct Shared {
    volume: AtomicU8,
    muted: AtomicBool,
    /// False once the thread has given up (no device) or stopped.
    alive: AtomicBool,
}

impl Shared {
    fn gain(&self) -> f32 {
        if self.muted.load(Ordering::Relaxed) {
            0.0
        } else {
            self.volume_gain()
        }
    }

    /// The volume's gain whatever the mute: a safety alert's.
    fn volume_gain(&self) -> f32 {
        volume_gain(self.volume.load(Ordering::Relaxed))
    }
}

enum Command {
    Play {
        cue: Cue,
        asked: Instant,
        /// A safety alert: heard even when muted with `m`.
        alert: bool,
    },
    /// From cpal's error callback: the device went away.
    DeviceLost(String),
    Shutdown,
}

/// The handle to the cue player. Cheap to call from the event loop: every
/// method only stores an atomic or sends on a channel, never waits.
///
/// Dropping it closes the device (the stream must only be open while a
/// session can play cues), waiting at most half a second for the thread.
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
    /// touched, so opening never delays a frame.
    ///
    /// `on_status` is called from the audio thread with [`AudioStatus::Ready`]
    /// or [`AudioStatus::NoDevice`] once the device is open or known missing,
    /// and with `NoDevice` again if the device is lost later. Forward it to
    /// the event loop (e.g. an unbounded tokio sender); do not block in it.
    ///
    /// ALSA prints to stderr while failing to open: have a
    /// [`crate::quiet_stderr::StderrRedirect`] in place before calling this
    /// in full-screen mode.
    pub fn spawn(volume: u8, on_status: impl FnMut(AudioStatus) + Send + 'static) -> Audio {
        let shared = Arc::new(Shared {
            volume: AtomicU8::new(volume.min(100)),
            muted: AtomicBool::new(false),
            alive: AtomicBool::new(true),
        });
        let (commands, inbox) = mpsc::channel();
        let (exited_tx, exited) = mpsc::channel::<()>();
        // Kept outside the thread's closure so it can still be told if the
        // thread cannot be started at all.
        let on_status = Arc::new(Mutex::new(Some(on_status)));

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
                        run_player(&shared, &inbox, events, on_status);
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
            asked: Instant::now(),
            alert: false,
        });
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
            asked: Instant::now(),
            alert: true,
        });
    }

    /// Change the volume (0–100, as in the profile); cues already sounding
    /// follow within a few milliseconds.
    pub fn set_volume(&self, volume: u8) {
        self.shared.volume.store(volume.min(100), Ordering::Relaxed);
    }

    /// Mute or unmute at once: a cue that is sounding goes quiet within a few
    /// milliseconds (plus the device's buffer), and muted cues are not queued.
    pub fn set_muted(&self, muted: bool) {
        self.shared.muted.store(muted, Ordering::Relaxed);
    }

    /// The volume as last set (0–100).
    pub fn volume(&self) -> u8 {
        self.shared.volume.load(Ordering::Relaxed)
    }

    /// Whether cues are muted.
    pub fn is_muted(&self) -> bool {
        self.shared.muted.load(Ordering::Relaxed)
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

/// How long the output stays open after the last cue has finished. An open
/// stream costs CPU all the time, silent or not (with PulseAudio behind ALSA,
/// ≈ 6.5 ms of CPU per second across cpal's and libpulse's threads, some 400 ms
/// a minute), so it is closed between cues and opened again for the next one
/// (≈ 9 ms, on this thread, never the event loop's). The wait also lets the
/// device's buffer drain before closing, and keeps one stream for a run of
/// ticks a second apart.
const IDLE_CLOSE: Duration = Duration::from_millis(1500);

/// The audio thread: open the device, report, then sleep on the channel;
/// the device is closed while no cue plays and opened again on the next one.
fn run_player(
    shared: &Arc<Shared>,
    inbox: &Receiver<Command>,
    events: Sender<Command>,
    mut on_status: impl FnMut(AudioStatus),
) {
    let started = Instant::now();
    let mut sink = match open_sink(events.clone()) {
        Ok(sink) => Some(sink),
        Err(reason) => {
            tracing::warn!(
                "audio: no sound, no usable output device ({reason}); took {:?}",
                started.elapsed()
            );
            shared.alive.store(false, Ordering::Relaxed);
            on_status(AudioStatus::NoDevice(reason));
            return;
        }
    };
    if let Some(sink) = &sink {
        tracing::info!(
            "audio: output open in {:?}: {} ch, {} Hz, {:?}, buffer {:?}",
            started.elapsed(),
            sink.config().channel_count(),
            sink.config().sample_rate(),
            sink.config().sample_format(),
            sink.config().buffer_size(),
        );
    }
    on_status(AudioStatus::Ready);

    let mut cache: [Option<SamplesBuffer>; Cue::ALL.len()] = Default::default();
    // When the open stream may be closed: nothing is left to hear by then.
    let mut quiet_at = Instant::now() + IDLE_CLOSE;
    // Blocks between commands: the thread uses no CPU while nothing is asked.
    loop {
        let command = if sink.is_some() {
            match inbox.recv_timeout(quiet_at.saturating_duration_since(Instant::now())) {
                Ok(command) => command,
                Err(RecvTimeoutError::Timeout) => {
                    sink = None;
                    tracing::debug!("audio: output closed while no cue plays");
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match inbox.recv() {
                Ok(command) => command,
                Err(_) => break,
            }
        };
        match command {
            Command::Play { cue, asked, alert } => {
                if shared.muted.load(Ordering::Relaxed) && !alert {
                    continue;
                }
                let late = asked.elapsed();
                if late > STALE_CUE {
                    tracing::debug!("audio: dropped {cue:?}, {late:?} late");
                    continue;
                }
                let Some(samples) = cached_samples(&mut cache, cue) else {
                    continue;
                };
                if sink.is_none() {
                    match open_sink(events.clone()) {
                        Ok(opened) => sink = Some(opened),
                        Err(reason) => {
                            tracing::warn!("audio: the output could not be opened again: {reason}");
                            shared.alive.store(false, Ordering::Relaxed);
                            on_status(AudioStatus::NoDevice(reason));
                            return;
                        }
                    }
                }
                let length = samples.total_duration().unwrap_or(Duration::from_secs(1));
                if let Some(sink) = &sink {
                    let shared = Arc::clone(shared);
                    if alert {
                        sink.mixer()
                            .add(cue_source(samples, move || shared.volume_gain()));
                    } else {
                        sink.mixer().add(cue_source(samples, move || shared.gain()));
                    }
                }
                quiet_at = quiet_at.max(Instant::now() + length + IDLE_CLOSE);
            }
            Command::DeviceLost(reason) => {
                tracing::warn!("audio: output device lost: {reason}");
                shared.alive.store(false, Ordering::Relaxed);
                drop(sink);
                on_status(AudioStatus::NoDevice(reason));
                return;
            }
            Command::Shutdown => break,
        }
    }
    drop(sink);
    tracing::debug!("audio: output closed");
}

/// The decoded samples of a cue, decoded on first use and kept: decoding
/// once per session costs a few milliseconds, keeping them ≈ 100 KB.
fn cached_samples(
    cache: &mut [Option<SamplesBuffer>; Cue::ALL.len()],
    cue: Cue,
) -> Option<SamplesBuffer> {
    let slot = Cue::ALL.iter().position(|c| *c == cue)?;
    if cache[slot].is_none() {
        match decode_cue(cue) {
            Ok(samples) => cache[slot] = Some(samples),
            Err(e) => {
                tracing::error!("audio: cannot decode the {cue:?} sound: {e}");
                return None;
            }
        }
    }
    cache[slot].clone()
}

/// Decode a compiled-in cue to samples.
fn decode_cue(cue: Cue) -> Result<SamplesBuffer, rodio::decoder::DecoderError> {
    let decoder = rodio::Decoder::try_from(Cursor::new(cue_bytes(cue)))?;
    let channels = decoder.channels();
    let rate = decoder.sample_rate();
    let samples: Vec<rodio::Sample> = decoder.collect();
    Ok(SamplesBuffer::new(channels, rate, samples))
}

/// A playing cue whose loudness follows `gain` (re-read every few ms), so
/// volume changes and mute reach sounds already in the mixer.
fn cue_source(
    samples: SamplesBuffer,
    gain: impl Fn() -> f32 + Send + 'static,
) -> impl Source + Send + 'static {
    samples
        .amplify(0.0)
        .periodic_access(GAIN_UPDATE, move |source| source.set_factor(gain()))
}

/// Open the default output device, preferring the cues' own format and
/// falling back to whatever the device supports.
fn open_sink(events: Sender<Command>) -> Result<MixerDeviceSink, String> {
    let on_error = move |e: cpal::Error| on_stream_error(&events, e);
    let builder = DeviceSinkBuilder::from_default_device()
        .map_err(|e| describe(&e))?
        .with_error_callback(on_error)
        .with_channels(PREFERRED_CHANNELS)
        .with_sample_rate(PREFERRED_RATE)
        .with_sample_format(PREFERRED_FORMAT)
        .with_buffer_size(BufferSize::Fixed(PREFERRED_PERIOD_FRAMES));
    let mut sink = builder.open_sink_or_fallback().map_err(|e| describe(&e))?;
    // rodio would otherwise print a line to stderr when the sink is dropped.
    sink.log_on_drop(false);
    Ok(sink)
}

/// cpal's error callback, on its output thread: log through tracing (rodio's
/// default callback prints to stderr) and report a lost device.
fn on_stream_error(events: &Sender<Command>, e: cpal::Error) {
    match e.kind() {
        cpal::ErrorKind::Xrun => tracing::debug!("audio: underrun: {e}"),
        cpal::ErrorKind::DeviceNotAvailable
        | cpal::ErrorKind::HostUnavailable
        | cpal::ErrorKind::StreamInvalidated => {
            let _ = events.send(Command::DeviceLost(e.to_string()));
        }
        _ => tracing::warn!("audio: output stream error: {e}"),
    }
}

/// An error and its causes on one line, for the log and the status.
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lengths `scripts/make-cues` gives each cue (see assets/README.md).
    const CUE_MS: [(Cue, u64); 11] = [
        (Cue::GetReady, 320),
        (Cue::Tick, 80),
        (Cue::Go, 260),
        (Cue::Halfway, 180),
        (Cue::HoldEnd, 300),
        (Cue::SwitchSides, 300),
        (Cue::Tempo, 80),
        (Cue::LastRep, 200),
        (Cue::RestOver, 300),
        (Cue::SessionDone, 650),
        (Cue::SafetyAlert, 700),
    ];

    fn expected_ms(cue: Cue) -> u64 {
        CUE_MS
            .iter()
            .find(|(c, _)| *c == cue)
            .map(|(_, ms)| *ms)
            .expect("every cue has an expected length")
    }

    /// Decode exactly as shipped, with rodio's own decoder.
    fn samples(cue: Cue) -> (u16, u32, Vec<f32>) {
        let decoder = rodio::Decoder::try_from(Cursor::new(cue_bytes(cue))).expect("decodes");
        let channels = decoder.channels().get();
        let rate = decoder.sample_rate().get();
        (channels, rate, decoder.collect())
    }

    fn peak(s: &[f32]) -> f32 {
        s.iter().fold(0.0, |m, x| m.max(x.abs()))
    }

    fn rms(s: &[f32]) -> f32 {
        (s.iter().map(|x| x * x).sum::<f32>() / s.len() as f32).sqrt()
    }

    /// Zero crossings per second over the audible part: a cheap stand-in for
    /// pitch, enough to tell a low call from a high chime.
    fn crossings_per_second(s: &[f32], rate: u32) -> f32 {
        let loud: Vec<f32> = s.iter().copied().filter(|x| x.abs() > 0.02).collect();
        let crossings = loud
            .windows(2)
            .filter(|w| (w[0] < 0.0) != (w[1] < 0.0))
            .count();
        crossings as f32 * rate as f32 / loud.len() as f32
    }

    #[test]
    fn every_cue_decodes_to_its_length_and_is_not_silent() {
        for cue in Cue::ALL {
            let (channels, rate, s) = samples(cue);
            assert_eq!(channels, 1, "{cue:?} is mono");
            assert_eq!(rate, 22_050, "{cue:?} rate");
            let ms = s.len() as f64 * 1000.0 / f64::from(rate);
            let want = expected_ms(cue) as f64;
            assert!(
                (ms - want).abs() <= 2.0,
                "{cue:?}: {ms:.1} ms, want {want} ms"
            );
            assert!((80.0..=700.0).contains(&ms), "{cue:?}: {ms:.1} ms");
            assert!(peak(&s) >= 0.2, "{cue:?} peak {}", peak(&s));
            assert!(peak(&s) <= 0.8, "{cue:?} leaves headroom: {}", peak(&s));
            assert!(rms(&s) >= 0.05, "{cue:?} rms {}", rms(&s));
        }
    }

    #[test]
    fn decoder_reports_the_same_length_as_the_samples() {
        for cue in Cue::ALL {
            let decoder = rodio::Decoder::try_from(Cursor::new(cue_bytes(cue))).expect("decodes");
            let total = decoder.total_duration().expect("a WAV knows its length");
            let want = Duration::from_millis(expected_ms(cue));
            assert!(
                total.abs_diff(want) <= Duration::from_millis(2),
                "{cue:?}: {total:?}, want {want:?}"
            );
        }
    }

    #[test]
    fn cues_start_and_end_in_silence_so_they_do_not_click() {
        for cue in Cue::ALL {
            let (_, _, s) = samples(cue);
            let first = s.first().copied().unwrap_or(1.0).abs();
            let last = s.last().copied().unwrap_or(1.0).abs();
            assert!(first < 0.01 && last < 0.01, "{cue:?}: {first} … {last}");
        }
    }

    #[test]
    fn cue_sounds_are_all_different_files() {
        for (i, a) in Cue::ALL.iter().enumerate() {
            for b in &Cue::ALL[i + 1..] {
                assert_ne!(cue_bytes(*a), cue_bytes(*b), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn safety_alert_is_the_longest_and_lowest_cue() {
        let (_, rate, alert) = samples(Cue::SafetyAlert);
        let alert_zcr = crossings_per_second(&alert, rate);
        for cue in Cue::ALL.into_iter().filter(|c| *c != Cue::SafetyAlert) {
            let (_, rate, s) = samples(cue);
            assert!(
                alert.len() > s.len(),
                "{cue:?} is not shorter than the alert"
            );
            let zcr = crossings_per_second(&s, rate);
            assert!(
                alert_zcr * 1.2 < zcr,
                "{cue:?} ({zcr:.0}/s) is not clearly higher than the alert ({alert_zcr:.0}/s)"
            );
        }
    }

    #[test]
    fn cues_are_small() {
        let total: usize = Cue::ALL.iter().map(|c| cue_bytes(*c).len()).sum();
        assert!(total < 200_000, "{total} bytes");
    }

    #[test]
    fn volume_curve_is_monotonic_silent_at_zero_and_unity_at_full() {
        assert_eq!(volume_gain(0), 0.0);
        assert_eq!(volume_gain(100), 1.0);
        assert_eq!(volume_gain(250), 1.0);
        for v in 0..100u8 {
            assert!(volume_gain(v) < volume_gain(v + 1), "{v}");
        }
        // Even steps in dB: half the setting is well below half the amplitude.
        assert!(volume_gain(50) < 0.25 && volume_gain(50) > 0.05);
        assert!(volume_gain(1) > 0.0 && volume_gain(1) < 0.02);
    }

    #[test]
    fn sound_state_labels_and_mute_toggle() {
        assert_eq!(SoundState::On.label(), "sound on");
        assert_eq!(SoundState::Muted.label(), "muted");
        assert_eq!(SoundState::NoDevice.label(), "no sound: no audio device");
        assert_eq!(SoundState::On.toggle_mute(), SoundState::Muted);
        assert_eq!(SoundState::Muted.toggle_mute(), SoundState::On);
        assert_eq!(SoundState::NoDevice.toggle_mute(), SoundState::NoDevice);
        let lost = AudioStatus::NoDevice("gone".into());
        assert_eq!(SoundState::Muted.with_status(&lost), SoundState::NoDevice);
        assert_eq!(
            SoundState::Muted.with_status(&AudioStatus::Ready),
            SoundState::Muted
        );
        assert_eq!(
            SoundState::On.with_status(&AudioStatus::Ready),
            SoundState::On
        );
        assert!(SoundState::On.is_audible());
        assert!(!SoundState::Muted.is_audible() && !SoundState::NoDevice.is_audible());
    }

    fn shared(volume: u8) -> Arc<Shared> {
        Arc::new(Shared {
            volume: AtomicU8::new(volume),
            muted: AtomicBool::new(false),
            alive: AtomicBool::new(true),
        })
    }

    /// Play a cue into an offline rodio mixer, as the device sink would.
    fn offline(cue: Cue, shared: &Arc<Shared>) -> rodio::mixer::MixerSource {
        let (mixer, output) = rodio::mixer::mixer(PREFERRED_CHANNELS, PREFERRED_RATE);
        let samples = decode_cue(cue).expect("decodes");
        let shared = Arc::clone(shared);
        mixer.add(cue_source(samples, move || shared.gain()));
        output
    }

    fn ms_of_samples(ms: usize) -> usize {
        ms * PREFERRED_RATE.get() as usize / 1000
    }

    #[test]
    fn mute_silences_a_cue_that_is_already_playing() {
        let shared = shared(100);
        let mut out = offline(Cue::SessionDone, &shared);
        let before: Vec<f32> = out.by_ref().take(ms_of_samples(100)).collect();
        assert!(peak(&before) > 0.1);
        shared.muted.store(true, Ordering::Relaxed);
        // Within one gain update (5 ms) the cue is silent.
        let _settling: Vec<f32> = out.by_ref().take(ms_of_samples(6)).collect();
        let after: Vec<f32> = out.by_ref().take(ms_of_samples(200)).collect();
        assert_eq!(after.len(), ms_of_samples(200));
        assert_eq!(peak(&after), 0.0);
    }

    #[test]
    fn volume_scales_the_cue() {
        let full: Vec<f32> = offline(Cue::Go, &shared(100)).collect();
        let half: Vec<f32> = offline(Cue::Go, &shared(50)).collect();
        let (_, _, raw) = samples(Cue::Go);
        assert!((peak(&full) - peak(&raw)).abs() < 1e-4);
        let ratio = peak(&half) / peak(&full);
        assert!((ratio - volume_gain(50)).abs() < 1e-3, "{ratio}");
        let silent: Vec<f32> = offline(Cue::Go, &shared(0)).collect();
        assert_eq!(peak(&silent), 0.0);
    }

    #[test]
    fn overlapping_cues_mix() {
        let shared = shared(100);
        let (mixer, output) = rodio::mixer::mixer(PREFERRED_CHANNELS, PREFERRED_RATE);
        for cue in [Cue::Tick, Cue::Go] {
            let shared = Arc::clone(&shared);
            mixer.add(cue_source(decode_cue(cue).expect("decodes"), move || {
                shared.gain()
            }));
        }
        let mixed: Vec<f32> = output.collect();
        // As long as the longer cue, and not just one of them.
        assert_eq!(mixed.len(), samples(Cue::Go).2.len());
        let go = samples(Cue::Go).2;
        assert!(
            mixed
                .iter()
                .zip(&go)
                .take(ms_of_samples(60))
                .any(|(m, g)| (m - g).abs() > 0.05)
        );
    }

    #[test]
    fn errors_are_described_with_their_causes() {
        let inner = std::io::Error::other("card 0 missing");
        let outer = rodio::DeviceSinkError::BuildError(cpal::Error::with_message(
            cpal::ErrorKind::DeviceNotAvailable,
            inner.to_string(),
        ));
        let text = describe(&outer);
        assert!(text.starts_with("Error opening the stream"), "{text}");
        assert!(text.contains("card 0 missing"), "{text}");
    }
}
