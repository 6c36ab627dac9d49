//! The output device: a cpal stream whose callback mixes the sounds asked
//! for. Our own mixer, not rodio's: rodio's checks its queue of new sounds
//! on every sample (7 % of the CPU of a paced set with sound, measured with
//! `perf`), this one once per period; and the stream's period is ours to
//! choose. rodio still provides the sounds ([`Source`]) and, when the
//! device will not take the cues' own format, the conversion to its.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use rodio::cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use rodio::cpal::{self, BufferSize, FromSample, SampleFormat, SizedSample, StreamConfig};
use rodio::source::UniformSourceIterator;
use rodio::{ChannelCount, SampleRate, Source};

/// A sound for the mixer.
pub(super) type Sound = Box<dyn Source + Send>;

/// What the device took: the log says it, and the period sets how far
/// ahead sounds are placed.
#[derive(Debug, Clone, Copy)]
pub(super) struct OutputConfig {
    pub channels: ChannelCount,
    pub rate: SampleRate,
    pub format: SampleFormat,
    /// Frames per period, when we chose it (the device's own otherwise).
    pub period: Option<u32>,
}

/// An open output: sounds added play at once, mixed. Dropping it closes the
/// device.
pub(super) struct Output {
    _stream: cpal::Stream,
    sounds: Sender<Sound>,
    config: OutputConfig,
}

/// The format asked for first.
pub(super) struct Preferred {
    pub channels: ChannelCount,
    pub rate: SampleRate,
    /// Frames per period.
    pub period: u32,
}

impl Output {
    /// Opens the default output device in the preferred format (16-bit),
    /// or failing that in the device's own; `on_error` (made afresh for
    /// each attempt) hears the stream's errors on cpal's thread.
    pub fn open<E>(preferred: &Preferred, on_error: impl Fn() -> E) -> Result<Output, String>
    where
        E: FnMut(cpal::Error) + Send + 'static,
    {
        let host = cpal::default_host();
        let device = host
            .default_output_device()
            .ok_or_else(|| "no default output device".to_string())?;
        let wanted = OutputConfig {
            channels: preferred.channels,
            rate: preferred.rate,
            format: SampleFormat::I16,
            period: Some(preferred.period),
        };
        match Output::build(&device, wanted, on_error()) {
            Ok(output) => Ok(output),
            Err(first) => {
                let own = device
                    .default_output_config()
                    .map_err(|e| format!("{first}; the device's own format is unknown: {e}"))?;
                let config = OutputConfig {
                    channels: ChannelCount::new(own.channels()).ok_or("a device of no channels")?,
                    rate: SampleRate::new(own.sample_rate()).ok_or("a device of rate 0")?,
                    format: own.sample_format(),
                    period: None,
                };
                Output::build(&device, config, on_error())
                    .map_err(|e| format!("{first}; in the device's own format: {e}"))
            }
        }
    }

    fn build<E>(device: &cpal::Device, config: OutputConfig, on_error: E) -> Result<Output, String>
    where
        E: FnMut(cpal::Error) + Send + 'static,
    {
        let stream_config = StreamConfig {
            channels: config.channels.get(),
            sample_rate: config.rate.get(),
            buffer_size: config.period.map_or(BufferSize::Default, BufferSize::Fixed),
        };
        let (sounds, incoming) = mpsc::channel();
        let mut mix = Mix::new(incoming, &config);
        macro_rules! build {
            ($($format:ident => $t:ty),+) => {
                match config.format {
                    $(SampleFormat::$format => device.build_output_stream::<$t, _, _>(
                        stream_config,
                        move |out: &mut [$t], _| mix.fill(out),
                        on_error,
                        None,
                    ),)+
                    other => return Err(format!("unsupported sample format {other}")),
                }
            };
        }
        let stream =
            build!(I16 => i16, F32 => f32, I32 => i32, U16 => u16, U8 => u8, I8 => i8, F64 => f64)
                .map_err(|e| super::player::describe(&e))?;
        stream.play().map_err(|e| super::player::describe(&e))?;
        Ok(Output {
            _stream: stream,
            sounds,
            config,
        })
    }

    /// Plays `sound` from the next period on, in the output's format.
    pub fn add(&self, sound: Sound) {
        let sound: Sound = if sound.channels() == self.config.channels
            && sound.sample_rate() == self.config.rate
        {
            sound
        } else {
            Box::new(UniformSourceIterator::new(
                sound,
                self.config.channels,
                self.config.rate,
            ))
        };
        // Fails only once the stream is gone (closing): nothing to hear then.
        let _ = self.sounds.send(sound);
    }

    /// What the device took.
    pub fn config(&self) -> &OutputConfig {
        &self.config
    }

    /// How long after the output takes a sample it is heard: cpal keeps two
    /// periods in the device's buffer and takes one when one is free, so one
    /// period (unknown, so zero, when the device chose its own).
    pub fn lead(&self) -> Duration {
        self.config.period.map_or(Duration::ZERO, |frames| {
            Duration::from_secs_f64(f64::from(frames) / f64::from(self.config.rate.get()))
        })
    }
}

/// How far a device may take samples ahead of the clock before the mixer
/// waits for it: more than any real device's buffer.
const AHEAD_OF_TIME: Duration = Duration::from_secs(1);

/// The mixer, on cpal's thread: the sounds playing, summed sample by sample.
struct Mix {
    incoming: Receiver<Sound>,
    playing: Vec<Sound>,
    /// Samples a second, all channels.
    per_second: f64,
    /// The first period, and the samples given since.
    since: Option<Instant>,
    given: u64,
}

impl Mix {
    fn new(incoming: Receiver<Sound>, config: &OutputConfig) -> Mix {
        Mix {
            incoming,
            playing: Vec::new(),
            per_second: f64::from(config.rate.get()) * f64::from(config.channels.get()),
            since: None,
            given: 0,
        }
    }

    /// One period: new sounds join once, at its start. A device that takes
    /// samples faster than it could play them (ALSA's `null`, the default
    /// on some servers) is held to the clock rather than spun on: a whole
    /// core, and sounds placed ahead gone by in an instant.
    fn fill<T: SizedSample + FromSample<f32>>(&mut self, out: &mut [T]) {
        let now = Instant::now();
        let since = *self.since.get_or_insert(now);
        let played = Duration::from_secs_f64(self.given as f64 / self.per_second);
        let period = Duration::from_secs_f64(out.len() as f64 / self.per_second);
        if let Some(excess) = played.checked_sub(now - since + AHEAD_OF_TIME) {
            // At most a period per wait: a device that only looked ahead
            // (samples taken while it failed to start, say) is caught up
            // with once, then never waited for again.
            if excess > period {
                self.since = Some(since.checked_sub(excess - period).unwrap_or(since));
            }
            std::thread::sleep(excess.min(period));
        }
        self.given += out.len() as u64;
        self.fill_now(out);
    }

    fn fill_now<T: SizedSample + FromSample<f32>>(&mut self, out: &mut [T]) {
        self.playing.extend(self.incoming.try_iter());
        if self.playing.is_empty() {
            out.fill(T::EQUILIBRIUM);
            return;
        }
        for sample in out.iter_mut() {
            let mut sum = 0.0;
            self.playing.retain_mut(|sound| match sound.next() {
                Some(v) => {
                    sum += v;
                    true
                }
                None => false,
            });
            *sample = T::from_sample(sum);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sounds_join_at_a_period_start_mix_and_leave_when_done() {
        let (tx, incoming) = mpsc::channel();
        let ch = ChannelCount::new(1).expect("1");
        let rate = SampleRate::new(8000).expect("8000");
        let config = OutputConfig {
            channels: ch,
            rate,
            format: SampleFormat::F32,
            period: Some(4),
        };
        let mut mix = Mix::new(incoming, &config);
        let mut out = [1i16; 4];
        mix.fill(&mut out);
        assert_eq!(out, [0; 4], "silence with nothing to play");
        let _ =
            tx.send(Box::new(rodio::buffer::SamplesBuffer::new(ch, rate, vec![0.25; 6])) as Sound);
        let _ =
            tx.send(Box::new(rodio::buffer::SamplesBuffer::new(ch, rate, vec![0.25; 2])) as Sound);
        let mut out = [0f32; 4];
        mix.fill(&mut out);
        assert_eq!(out, [0.5, 0.5, 0.25, 0.25]);
        mix.fill(&mut out);
        assert_eq!(out, [0.25, 0.25, 0.0, 0.0]);
        assert!(mix.playing.is_empty());
    }

    #[test]
    fn a_device_taking_samples_faster_than_time_is_held_to_the_clock() {
        let (_tx, incoming) = mpsc::channel();
        let config = OutputConfig {
            channels: ChannelCount::new(2).expect("2"),
            rate: SampleRate::new(1000).expect("1000"),
            format: SampleFormat::I16,
            period: Some(100),
        };
        let mut mix = Mix::new(incoming, &config);
        let t0 = Instant::now();
        let mut out = [0i16; 200];
        // 1.3 s of samples asked for at once: the first second goes at once,
        // the rest waits for the clock.
        for _ in 0..13 {
            mix.fill(&mut out);
        }
        let took = t0.elapsed();
        assert!(took >= Duration::from_millis(190), "{took:?}");
    }

    #[test]
    fn a_device_far_ahead_is_waited_for_a_period_once_then_not_again() {
        let (_tx, incoming) = mpsc::channel();
        let config = OutputConfig {
            channels: ChannelCount::new(1).expect("1"),
            rate: SampleRate::new(1000).expect("1000"),
            format: SampleFormat::I16,
            period: Some(100),
        };
        let mut mix = Mix::new(incoming, &config);
        let mut out = [0i16; 100];
        mix.fill(&mut out);
        // Ten seconds taken while the device failed to start.
        mix.given += 10_000;
        let t0 = Instant::now();
        mix.fill(&mut out);
        let first = t0.elapsed();
        assert!(first <= Duration::from_millis(150), "{first:?}");
        // Now it takes a period every 100 ms, as a real device does: no wait.
        std::thread::sleep(Duration::from_millis(100));
        let t1 = Instant::now();
        mix.fill(&mut out);
        assert!(
            t1.elapsed() < Duration::from_millis(30),
            "{:?}",
            t1.elapsed()
        );
    }
}
