//! The player's sounds, offline: rodio's mixer with no device, pulled sample
//! by sample as the output thread would.

use std::sync::mpsc;

use super::placed::{Placed, Placement};
use super::player::{DUCK, PREFERRED_CHANNELS, PREFERRED_RATE, Speech, cue_source, describe};
use super::voice::Rendered;
use super::*;
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

/// Where the first non-silent sample is.
fn first_sound(out: &[f32]) -> usize {
    out.iter().position(|x| x.abs() > 0.0).expect("it sounds")
}

/// Within a millisecond: a placement is counted from the moment the output
/// first takes a sample, a few microseconds after the test made it.
fn about(actual: usize, expected: usize) -> bool {
    actual.abs_diff(expected) <= ms_of_samples(1)
}

#[test]
fn a_phrase_placed_ahead_starts_at_its_instant_and_reports_it_once() {
    let shared = shared(50);
    let (tx, rx) = mpsc::channel();
    let start = Instant::now() + Duration::from_millis(200);
    let placement = Placement::new(start, Duration::ZERO, 0, Arc::clone(&shared));
    let speech = Speech::new(phrase(300), placement, Arc::clone(&shared), move |at| {
        let _ = tx.send(at);
    });
    let out: Vec<f32> = speech.collect();
    // The phrase begins 200 ms into the stream, then plays whole.
    let first = first_sound(&out);
    assert!(about(first, ms_of_samples(200)), "{first}");
    assert_eq!(out.len() - first, ms_of_samples(300));
    assert!((peak(&out) - 0.5 * volume_gain(50)).abs() < 1e-3);
    // Reported once, as heard at its instant.
    let heard = rx.try_recv().expect("reported");
    assert!(heard.max(start) - heard.min(start) <= Duration::from_millis(1));
    assert!(rx.try_recv().is_err());
    // Over: nothing counts as speaking any more.
    assert_eq!(shared.speaking.load(Ordering::Relaxed), 0);
}

#[test]
fn the_device_buffer_is_allowed_for_a_sound_is_taken_that_much_before_its_instant() {
    let shared = shared(100);
    let start = Instant::now() + Duration::from_millis(500);
    let lead = Duration::from_millis(186);
    let (tx, rx) = mpsc::channel();
    let placement = Placement::new(start, lead, 0, Arc::clone(&shared));
    let speech = Speech::new(phrase(100), placement, Arc::clone(&shared), move |at| {
        let _ = tx.send(at);
    });
    let out: Vec<f32> = speech.collect();
    let first = first_sound(&out);
    assert!(about(first, ms_of_samples(500 - 186)), "{first}");
    // Heard at its instant: taken `lead` before it.
    let heard = rx.try_recv().expect("reported");
    assert!(heard.max(start) - heard.min(start) <= Duration::from_millis(1));

    // A cue placed the same way.
    let samples = cues::decode_cue(Cue::Tick).expect("decodes");
    let start = Instant::now() + Duration::from_millis(300);
    let placement = Placement::new(start, lead, 0, Arc::clone(&shared));
    let cue: Vec<f32> = Placed::new(samples, placement).collect();
    let first = first_sound(&cue);
    assert!(about(first, ms_of_samples(300 - 186)), "{first}");
    // Silence, then the whole cue.
    let tick = samples_of(Cue::Tick);
    assert_eq!(&cue[cue.len() - tick.len()..], &tick[..]);
}

#[test]
fn a_sound_due_already_starts_at_once() {
    let shared = shared(100);
    let placement = Placement::new(
        Instant::now() - Duration::from_millis(30),
        Duration::from_millis(186),
        0,
        Arc::clone(&shared),
    );
    let out: Vec<f32> = Speech::new(phrase(100), placement, Arc::clone(&shared), |_| {}).collect();
    assert_eq!(first_sound(&out), 0);
    let out: Vec<f32> = Placed::new(
        cues::decode_cue(Cue::Go).expect("decodes"),
        Placement::now(Arc::clone(&shared)),
    )
    .collect();
    assert_eq!(out, samples_of(Cue::Go));
}

#[test]
fn a_withdrawal_ends_what_has_not_started_and_spares_what_has() {
    let shared = shared(100);
    let ahead = Instant::now() + Duration::from_millis(400);
    let mut waiting = Speech::new(
        phrase(300),
        Placement::new(ahead, Duration::ZERO, 0, Arc::clone(&shared)),
        Arc::clone(&shared),
        |_| {},
    );
    let mut sounding = Speech::new(
        phrase(300),
        Placement::new(Instant::now(), Duration::ZERO, 0, Arc::clone(&shared)),
        Arc::clone(&shared),
        |_| {},
    );
    let _: Vec<f32> = waiting.by_ref().take(ms_of_samples(100)).collect();
    let begun: Vec<f32> = sounding.by_ref().take(ms_of_samples(100)).collect();
    assert!(peak(&begun) > 0.4);
    // A key: everything placed before it that has not started goes.
    shared.withdrawn.fetch_add(1, Ordering::Relaxed);
    assert_eq!(waiting.next(), None, "withdrawn in its silence");
    let rest: Vec<f32> = sounding.collect();
    assert_eq!(rest.len(), ms_of_samples(200), "the sounding one plays out");
    // A sound asked for after the withdrawal is placed as usual.
    let generation = shared.withdrawn.load(Ordering::Relaxed);
    let later: Vec<f32> = Speech::new(
        phrase(50),
        Placement::new(
            Instant::now(),
            Duration::ZERO,
            generation,
            Arc::clone(&shared),
        ),
        Arc::clone(&shared),
        |_| {},
    )
    .collect();
    assert_eq!(later.len(), ms_of_samples(50));
}

#[test]
fn the_voice_off_or_mute_silences_a_phrase_already_sounding() {
    for silence in [
        |s: &Shared| s.voice.store(false, Ordering::Relaxed),
        |s: &Shared| s.muted.store(true, Ordering::Relaxed),
    ] {
        let shared = shared(100);
        let mut speech = Speech::new(
            phrase(400),
            Placement::now(Arc::clone(&shared)),
            Arc::clone(&shared),
            |_| {},
        );
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
        Placement::now(Arc::clone(&shared)),
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
