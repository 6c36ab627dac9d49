//! The cue sounds: the project's own short WAVs (see `assets/README.md`),
//! compiled into the binary so there is nothing to install or lose, decoded
//! on first use and kept for the session.

use std::io::Cursor;

use rodio::Source;
use rodio::buffer::SamplesBuffer;

use crate::cue::Cue;

/// The encoded WAV of a cue, as compiled into the binary.
///
/// Public so tests and tools can check exactly what ships, not a copy on disk.
pub fn cue_bytes(cue: Cue) -> &'static [u8] {
    match cue {
        Cue::GetReady => include_bytes!("../../assets/cues/get-ready.wav").as_slice(),
        Cue::Tick => include_bytes!("../../assets/cues/tick.wav").as_slice(),
        Cue::Go => include_bytes!("../../assets/cues/go.wav").as_slice(),
        Cue::Halfway => include_bytes!("../../assets/cues/halfway.wav").as_slice(),
        Cue::HoldEnd => include_bytes!("../../assets/cues/hold-end.wav").as_slice(),
        Cue::SwitchSides => include_bytes!("../../assets/cues/switch-sides.wav").as_slice(),
        Cue::Tempo => include_bytes!("../../assets/cues/tempo.wav").as_slice(),
        Cue::LastRep => include_bytes!("../../assets/cues/last-rep.wav").as_slice(),
        Cue::RestOver => include_bytes!("../../assets/cues/rest-over.wav").as_slice(),
        Cue::SessionDone => include_bytes!("../../assets/cues/session-done.wav").as_slice(),
        Cue::SafetyAlert => include_bytes!("../../assets/cues/safety-alert.wav").as_slice(),
    }
}

/// The decoded cues of one player: decoding once per session costs a few
/// milliseconds, keeping them ≈ 100 KB.
#[derive(Default)]
pub(super) struct CueCache {
    slots: [Option<SamplesBuffer>; Cue::ALL.len()],
}

impl CueCache {
    /// The samples of `cue`, decoded on first use; `None` (logged) if the
    /// compiled-in file does not decode.
    pub fn get(&mut self, cue: Cue) -> Option<SamplesBuffer> {
        let slot = Cue::ALL.iter().position(|c| *c == cue)?;
        if self.slots[slot].is_none() {
            match decode_cue(cue) {
                Ok(samples) => self.slots[slot] = Some(samples),
                Err(e) => {
                    tracing::error!("audio: cannot decode the {cue:?} sound: {e}");
                    return None;
                }
            }
        }
        self.slots[slot].clone()
    }
}

/// Decode a compiled-in cue to samples.
pub(super) fn decode_cue(cue: Cue) -> Result<SamplesBuffer, rodio::decoder::DecoderError> {
    let decoder = rodio::Decoder::try_from(Cursor::new(cue_bytes(cue)))?;
    let channels = decoder.channels();
    let rate = decoder.sample_rate();
    let samples: Vec<rodio::Sample> = decoder.collect();
    Ok(SamplesBuffer::new(channels, rate, samples))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

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
    pub(crate) fn samples(cue: Cue) -> (u16, u32, Vec<f32>) {
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
    fn the_cache_decodes_each_cue_once_and_keeps_it() {
        let mut cache = CueCache::default();
        let first = cache.get(Cue::Go).expect("decodes");
        let again = cache.get(Cue::Go).expect("kept");
        assert_eq!(first.total_duration(), again.total_duration());
        assert!(cache.slots.iter().filter(|s| s.is_some()).count() == 1);
    }
}
