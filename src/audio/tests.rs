//! The player's sounds, offline: rodio's mixer with no device, pulled sample
//! by sample as the output thread would.

use std::sync::mpsc;

use super::player::{DUCK, PREFERRED_CHANNELS, PREFERRED_RATE, Speech, cue_source, describe};
use super::voice::Rendered;
use super::*;
use rodio::Source;
use rodio::cpal;

fn peak(s: &[f32]) -> f32 {
    s.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn shared(volume: u8) -> Arc<Shared> {
    Arc::new(Shared::new(volume, true))
}

fn samples_of(cue: Cue) -> Vec<f32> {
    cues::decode_cue(cue).expect("decodes").collect()
}

/// Play a cue into an offline rodio mixer, as the device sink would.
fn offline(cue: Cue, shared: &Arc<Shared>) -> rodio::mixer::MixerSource {
    let (mixer, output) = rodio::mixer::mixer(PREFERRED_CHANNELS, PREFERRED_RATE);
    let samples = cues::decode_cue(cue).expect("decodes");
    let shared = Arc::clone(shared);
    mixer.add(cue_source(samples, move || shared.cue_gain()));
    output
}

fn ms_of_samples(ms: usize) -> usize {
    ms * PREFERRED_RATE.get() as usize / 1000
}

/// A steady tone standing in for a rendered phrase: `ms` long at half scale.
fn phrase(ms: usize) -> Rendered {
    Rendered {
        rate: PREFERRED_RATE.get(),
        samples: (0..ms_of_samples(ms))
            .map(|i| if i % 2 == 0 { 16_384 } else { -16_384 })
            .collect::<Vec<i16>>()
            .into(),
    }
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
fn sound_and_voice_states_read_as_the_header_says_them() {
    assert_eq!(SoundState::On.label(), "sound on");
    assert_eq!(SoundState::Muted.label(), "muted");
    assert_eq!(SoundState::NoDevice.label(), "no sound: no audio device");
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
    let no_voice = AudioStatus::NoVoice("espeak-ng not installed".into());
    assert_eq!(SoundState::On.with_status(&no_voice), SoundState::On);
    assert_eq!(VoiceState::On.label(), "voice on");
    assert_eq!(VoiceState::Off.label(), "voice off");
    assert_eq!(
        VoiceState::Missing("espeak-ng not installed".into()).label(),
        "voice: espeak-ng not installed"
    );
}

#[test]
fn the_header_gives_the_voice_only_while_sound_is_on() {
    let missing = VoiceState::Missing("espeak-ng not installed".into());
    assert_eq!(
        SoundState::On.header(Some(&VoiceState::On)),
        "sound on · voice on"
    );
    assert_eq!(
        SoundState::On.header(Some(&missing)),
        "sound on · voice: espeak-ng not installed"
    );
    assert_eq!(SoundState::On.header(None), "sound on");
    assert_eq!(SoundState::Muted.header(Some(&VoiceState::On)), "muted");
    assert_eq!(
        SoundState::NoDevice.header(Some(&VoiceState::Off)),
        "no sound: no audio device"
    );
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
    let raw = samples_of(Cue::Go);
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
        mixer.add(cue_source(
            cues::decode_cue(cue).expect("decodes"),
            move || shared.cue_gain(),
        ));
    }
    let mixed: Vec<f32> = output.collect();
    // As long as the longer cue, and not just one of them.
    let go = samples_of(Cue::Go);
    assert_eq!(mixed.len(), go.len());
    assert!(
        mixed
            .iter()
            .zip(&go)
            .take(ms_of_samples(60))
            .any(|(m, g)| (m - g).abs() > 0.05)
    );
}

#[test]
fn a_phrase_starts_after_its_delay_at_the_volume_and_reports_its_start_once() {
    let shared = shared(50);
    let (tx, rx) = mpsc::channel();
    let speech = Speech::new(
        phrase(300),
        Duration::from_millis(200),
        Arc::clone(&shared),
        move |at| {
            let _ = tx.send(at);
        },
    );
    assert_eq!(
        speech.total_duration(),
        Some(Duration::from_millis(500)),
        "the delay and the phrase"
    );
    let out: Vec<f32> = speech.collect();
    let first = out.iter().position(|x| x.abs() > 0.0).expect("it sounds");
    // Sample-exact: the phrase begins exactly 200 ms into the stream.
    assert_eq!(first, ms_of_samples(200));
    assert_eq!(out.len(), ms_of_samples(500));
    assert!((peak(&out) - 0.5 * volume_gain(50)).abs() < 1e-3);
    assert!(rx.try_recv().is_ok() && rx.try_recv().is_err());
    // Over: nothing counts as speaking any more.
    assert_eq!(shared.speaking.load(Ordering::Relaxed), 0);
}

#[test]
fn the_voice_off_or_mute_silences_a_phrase_already_sounding() {
    for silence in [
        |s: &Shared| s.voice.store(false, Ordering::Relaxed),
        |s: &Shared| s.muted.store(true, Ordering::Relaxed),
    ] {
        let shared = shared(100);
        let mut speech = Speech::new(phrase(400), Duration::ZERO, Arc::clone(&shared), |_| {});
        let before: Vec<f32> = speech.by_ref().take(ms_of_samples(100)).collect();
        assert!(peak(&before) > 0.4);
        silence(&shared);
        let _settling: Vec<f32> = speech.by_ref().take(ms_of_samples(6)).collect();
        let after: Vec<f32> = speech.by_ref().take(ms_of_samples(200)).collect();
        assert_eq!(peak(&after), 0.0);
    }
}

#[test]
fn the_chimes_duck_while_the_coach_speaks_but_the_alert_does_not() {
    let shared = shared(100);
    let (mixer, output) = rodio::mixer::mixer(PREFERRED_CHANNELS, PREFERRED_RATE);
    let chime = cues::decode_cue(Cue::SessionDone).expect("decodes");
    let alert = cues::decode_cue(Cue::SafetyAlert).expect("decodes");
    {
        let shared = Arc::clone(&shared);
        mixer.add(cue_source(chime, move || shared.cue_gain()));
    }
    let mut output = output;
    let alone: Vec<f32> = output.by_ref().take(ms_of_samples(100)).collect();
    // Now a phrase starts: the chime goes down to DUCK of itself.
    mixer.add(Speech::new(
        phrase(2000),
        Duration::ZERO,
        Arc::clone(&shared),
        |_| {},
    ));
    let _settling: Vec<f32> = output.by_ref().take(ms_of_samples(20)).collect();
    assert_eq!(shared.speaking.load(Ordering::Relaxed), 1);
    assert!((shared.cue_gain() - DUCK).abs() < 1e-6);
    assert!(peak(&alone) > 0.1);
    // The same chime played now comes out at DUCK of its level.
    let ducked: Vec<f32> = {
        let shared = Arc::clone(&shared);
        cue_source(
            cues::decode_cue(Cue::SessionDone).expect("decodes"),
            move || shared.cue_gain(),
        )
        .take(ms_of_samples(100))
        .collect()
    };
    assert!(
        (peak(&ducked) - DUCK * peak(&alone)).abs() < 1e-3,
        "{} vs {}",
        peak(&ducked),
        peak(&alone)
    );
    // An alert's gain is the volume's, whatever is said.
    let alert_gain = {
        let shared = Arc::clone(&shared);
        move || shared.volume_gain()
    };
    assert_eq!(alert_gain(), 1.0);
    let loud: Vec<f32> = cue_source(alert, alert_gain).collect();
    assert!((peak(&loud) - peak(&samples_of(Cue::SafetyAlert))).abs() < 1e-4);
    // Once the phrase is over, the chimes are back to full.
    let _rest: Vec<f32> = output.by_ref().take(ms_of_samples(2100)).collect();
    assert_eq!(shared.speaking.load(Ordering::Relaxed), 0);
    assert_eq!(shared.cue_gain(), 1.0);
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
