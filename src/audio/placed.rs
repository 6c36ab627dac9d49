//! Where a sound starts in the stream. The output takes its samples a whole
//! period at a time and plays them a period later (cpal keeps two periods in
//! the device's buffer), so a sound asked for only at its deadline waits for
//! the next period and then the buffer. Cues and phrases the session knows
//! ahead ([`crate::session::Session::sounds_ahead`]) are therefore handed
//! over early and placed sample-exactly: the silence before each is counted
//! from the moment the output first takes a sample of it, so it is heard at
//! its instant whatever the period. A sound placed ahead is withdrawn (ends
//! unheard) if a key changes what comes before it starts.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use rodio::{ChannelCount, SampleRate, Source};

use super::Shared;

/// What a placed sound does with the sample the output asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Still before its start: a sample of silence.
    Silence,
    /// Sounding: the sound's own sample.
    Sound,
    /// Withdrawn before it started: the source ends.
    Withdrawn,
}

/// A sound's place in the stream: heard at `start` (or at once, if that has
/// passed), unless withdrawn first.
#[derive(Debug)]
pub(super) struct Placement {
    start: Instant,
    /// The device's buffer: how long after the output takes a sample it is heard.
    lead: Duration,
    /// The withdrawals counted when it was asked for ([`Shared::withdrawn`]).
    generation: u64,
    shared: Arc<Shared>,
    /// Samples of silence still to give; known once the output first asks.
    silence: Option<usize>,
    started: bool,
    /// When its first sample is heard, by the clock the start was given in.
    heard_at: Option<Instant>,
}

impl Placement {
    /// Heard at `start`, the output's samples being heard `lead` after they
    /// are taken; withdrawn if [`Shared::withdrawn`] moves past `generation`
    /// before it starts.
    pub fn new(start: Instant, lead: Duration, generation: u64, shared: Arc<Shared>) -> Placement {
        Placement {
            start,
            lead,
            generation,
            shared,
            silence: None,
            started: false,
            heard_at: None,
        }
    }

    /// Heard as soon as the output takes it.
    #[cfg(test)]
    pub fn now(shared: Arc<Shared>) -> Placement {
        let generation = shared.withdrawn.load(Ordering::Relaxed);
        Placement::new(Instant::now(), Duration::ZERO, generation, shared)
    }

    /// When its first sample is (or will be) heard; known once the output
    /// has asked for a sample.
    pub fn heard_at(&self) -> Option<Instant> {
        self.heard_at
    }

    /// The next sample, at `rate` samples a second (all channels).
    pub fn step(&mut self, rate: u32) -> Step {
        if self.started {
            return Step::Sound;
        }
        let silence = match self.silence {
            Some(n) => n,
            None => {
                let taken = Instant::now();
                let take_at = self.start.checked_sub(self.lead).unwrap_or(self.start);
                let wait = take_at.saturating_duration_since(taken);
                let n = (wait.as_secs_f64() * f64::from(rate.max(1))).round() as usize;
                self.heard_at = Some(taken + wait + self.lead);
                n
            }
        };
        if self.shared.withdrawn.load(Ordering::Relaxed) != self.generation {
            self.silence = Some(0);
            return Step::Withdrawn;
        }
        if silence == 0 {
            self.started = true;
            return Step::Sound;
        }
        self.silence = Some(silence - 1);
        Step::Silence
    }
}

/// A cue at its place in the stream.
pub(super) struct Placed<S> {
    inner: S,
    placement: Placement,
}

impl<S: Source> Placed<S> {
    pub fn new(inner: S, placement: Placement) -> Placed<S> {
        Placed { inner, placement }
    }
}

impl<S: Source> Iterator for Placed<S> {
    type Item = rodio::Sample;

    fn next(&mut self) -> Option<rodio::Sample> {
        let per_second = self.inner.sample_rate().get() * u32::from(self.inner.channels().get());
        match self.placement.step(per_second) {
            Step::Silence => Some(0.0),
            Step::Sound => self.inner.next(),
            Step::Withdrawn => None,
        }
    }
}

impl<S: Source> Source for Placed<S> {
    fn current_span_len(&self) -> Option<usize> {
        // The silence before it is counted in the source's own samples, so
        // its channels and rate hold throughout.
        None
    }

    fn channels(&self) -> ChannelCount {
        self.inner.channels()
    }

    fn sample_rate(&self) -> SampleRate {
        self.inner.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}
