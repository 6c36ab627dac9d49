//! The real audio edge on Linux: rodio → cpal → ALSA, with and without a
//! device, the chimes and the spoken coach (espeak-ng, installed by `make deps`).
//!
//! ALSA reads its configuration once per process, and pointing it somewhere
//! else means changing `HOME` (which is `unsafe` to set in a running, threaded
//! test). So each scenario runs in a child process: the test re-executes this
//! very binary, asking it to run only `audio_child` (by its full name, with
//! `--exact`), with `HOME` set to a temporary directory holding an
//! `.asoundrc` and an environment variable naming the scenario. The parent then checks what the child left behind: the
//! WAV file ALSA wrote, the child's real stderr, the log file.
#![cfg(target_os = "linux")]

use crate::support::pty;
use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use backcoach::audio::voice::Engine;
use backcoach::audio::{Audio, AudioStatus, VoiceSetup, cue_bytes};
use backcoach::cue::{Cue, Phrase};
use backcoach::quiet_stderr::StderrRedirect;
use backcoach::session::speech::Entry;
use rodio::Source;

/// Names the scenario a child process should act out.
const CHILD_ENV: &str = "BACKCOACH_AUDIO_TEST_CHILD";
/// The child's working directory (also its `HOME`).
const DIR_ENV: &str = "BACKCOACH_AUDIO_TEST_DIR";
/// How long a child may wait for the audio thread's verdict.
const STATUS_WAIT: Duration = Duration::from_secs(20);

/// Run `audio_child` in a fresh process whose ALSA configuration comes from
/// `dir/.asoundrc` (if any).
fn run_child(scenario: &str, dir: &Path) -> Output {
    let exe = std::env::current_exe().expect("test binary path");
    let output = Command::new(exe)
        .args([&child_test_name(), "--exact", "--ignored", "--nocapture"])
        .args(["--test-threads", "1"])
        .env(CHILD_ENV, scenario)
        .env(DIR_ENV, dir)
        .env("HOME", dir)
        // Make sure nothing else decides where ALSA's user config is.
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("ALSA_CONFIG_PATH")
        .env_remove("RUST_LOG")
        .output()
        .expect("run the child test process");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("CHILD DONE"),
        "child `{scenario}` failed: {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        output.status
    );
    output
}

/// `audio_child`'s name as the test harness knows it: its module path in
/// this binary without the crate's name (`audio_output::audio_child`), so
/// `--exact` runs it alone wherever the module sits.
fn child_test_name() -> String {
    let module = module_path!()
        .split_once("::")
        .map_or(module_path!(), |(_, inner)| inner);
    format!("{module}::audio_child")
}

fn write_asoundrc(dir: &Path, text: &str) {
    fs::write(dir.join(".asoundrc"), text).expect("write .asoundrc");
}

/// The scenarios, run only as a child of the tests below.
#[test]
#[ignore = "runs only as a child process of the other tests in this file"]
fn audio_child() {
    let Ok(scenario) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = PathBuf::from(std::env::var_os(DIR_ENV).expect("child needs its directory"));
    match scenario.as_str() {
        "play" => child_play(),
        "no-device" => child_no_device(&dir, true),
        "no-device-unguarded" => child_no_device(&dir, false),
        "redirect" => child_redirect(&dir),
        "speak" => child_speak(),
        "alert-on-open" => child_alert_on_open(),
        other => panic!("unknown scenario {other}"),
    }
    println!("CHILD DONE");
}

fn spawn_and_wait(volume: u8) -> (Audio, AudioStatus) {
    let (tx, rx) = mpsc::channel();
    let audio = Audio::spawn(volume, None, move |status| {
        let _ = tx.send(status);
    });
    let status = rx
        .recv_timeout(STATUS_WAIT)
        .expect("the audio thread reports a status");
    (audio, status)
}

/// Waits until `done()` holds, or panics saying `what` never happened. A
/// deadline for something that must happen on its own, not a measure of
/// how fast it is.
fn wait_until(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + STATUS_WAIT;
    while !done() {
        assert!(Instant::now() < deadline, "{what}: not by the deadline");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Drops the handle on a thread of its own and waits for it up to the
/// deadline: a drop that hangs fails here instead of hanging the test.
/// Then no audio thread and no output thread may be left: the drop
/// waited for the player to close the output and end, rather than giving
/// up on it (which it does after half a second) and leaving it running.
fn drop_and_check_closed(audio: Audio) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        drop(audio);
        let _ = tx.send(());
    });
    rx.recv_timeout(STATUS_WAIT)
        .expect("dropping the audio handle hangs");
    assert!(
        !thread_running("backcoach-audio"),
        "the audio thread outlived the handle"
    );
    assert!(
        !thread_running("cpal_alsa_out"),
        "the output is still open after the handle was dropped"
    );
}

/// CPU time (in clock ticks) used so far by our audio thread, from /proc.
fn audio_thread_cpu_ticks() -> u64 {
    for entry in fs::read_dir("/proc/self/task").expect("/proc/self/task") {
        let task = entry.expect("task entry").path();
        let Ok(comm) = fs::read_to_string(task.join("comm")) else {
            continue;
        };
        if comm.trim_end() == "backcoach-audio" {
            let stat = fs::read_to_string(task.join("stat")).expect("task stat");
            // Fields after "(comm) ": state is field 3, utime 14, stime 15.
            let after_comm = &stat[stat.rfind(')').expect("comm ends") + 2..];
            let fields: Vec<&str> = after_comm.split_whitespace().collect();
            let utime: u64 = fields[11].parse().expect("utime");
            let stime: u64 = fields[12].parse().expect("stime");
            return utime + stime;
        }
    }
    panic!("no thread named backcoach-audio");
}

fn child_play() {
    let (audio, status) = spawn_and_wait(100);
    assert_eq!(status, AudioStatus::Ready, "ALSA's file plugin is a device");
    audio.play(Cue::Go);
    // The `null` slave does not pace time, so the cue is written almost at
    // once; this gives the output thread time to be scheduled.
    wait_until("the output is open for the cue", || {
        thread_running("cpal_alsa_out")
    });
    std::thread::sleep(Duration::from_millis(400));
    // Our thread sleeps on its channel between cues: no polling. (cpal's own
    // output thread is busy here only because `null` does not pace.)
    let before = audio_thread_cpu_ticks();
    std::thread::sleep(Duration::from_millis(600));
    let idle_ticks = audio_thread_cpu_ticks() - before;
    println!("audio thread CPU while idle: {idle_ticks} ticks in 600 ms");
    assert!(
        idle_ticks <= 1,
        "the audio thread is busy while idle: {idle_ticks} ticks"
    );
    // Once the cue has played out, the output is closed with nothing asked
    // of the handle: no back-end thread is left running between cues.
    // (How soon, `IDLE_CLOSE` after the last sound, is the player's
    // constant; the CPU it saves is `scripts/measure`'s to report.)
    let open_since = Instant::now();
    wait_until("the output closes while nothing plays", || {
        !thread_running("cpal_alsa_out")
    });
    println!(
        "output closed {:?} after the idle check began",
        open_since.elapsed()
    );
    // The next cue opens it again, and plays (the parent checks the file).
    audio.play(Cue::Go);
    wait_until("the next cue reopens the output", || {
        thread_running("cpal_alsa_out")
    });
    // Room for the output thread to write the whole cue before the drop
    // closes it (not a bound on anything: the parent checks the file).
    std::thread::sleep(Duration::from_millis(400));
    // Dropping the handle closes the output and ends the thread.
    drop_and_check_closed(audio);
}

/// The safety stop's sentence, as the session's phrase book words it.
const SAFETY_SENTENCE: &str = "Stopped for safety. Stop exercising for today.";

/// The safety alert, then at once the sentence that follows it: rendered
/// by espeak-ng on the voice thread, played through the real output.
fn child_speak() {
    let (tx, rx) = mpsc::channel();
    let book = vec![Entry {
        phrase: Phrase::SafetyStop,
        text: SAFETY_SENTENCE.into(),
        exercises: vec![],
    }];
    let audio = Audio::spawn(100, Some(VoiceSetup { book, on: true }), move |status| {
        let _ = tx.send(status);
    });
    let first = rx.recv_timeout(STATUS_WAIT).expect("a status");
    assert_eq!(first, AudioStatus::Ready, "ALSA's file plugin is a device");
    // The book's one phrase is rendered ahead, before it is asked for.
    let voice = rx.recv_timeout(STATUS_WAIT).expect("the voice's status");
    assert_eq!(voice, AudioStatus::VoiceReady);
    audio.play_alert(Cue::SafetyAlert);
    audio.say(Phrase::SafetyStop, std::time::Instant::now());
    // The output is held to the clock even on the `null` slave: the alert,
    // then the sentence, then room for the device's buffer.
    std::thread::sleep(alert_length() + rendered_sentence() + Duration::from_millis(1200));
    drop(audio);
}

/// A cue plays, so the output is open with samples queued ahead; then the
/// safety alert, as a safety stop plays it (what was placed is withdrawn).
fn child_alert_on_open() {
    let (audio, status) = spawn_and_wait(100);
    assert_eq!(status, AudioStatus::Ready, "ALSA's file plugin is a device");
    audio.play(Cue::Go);
    std::thread::sleep(Duration::from_millis(300));
    audio.withdraw_ahead();
    audio.play_alert(Cue::SafetyAlert);
    std::thread::sleep(alert_length() + Duration::from_millis(1200));
    drop(audio);
}

/// Whether a thread of this process has this name.
fn thread_running(name: &str) -> bool {
    fs::read_dir("/proc/self/task")
        .expect("/proc/self/task")
        .filter_map(Result::ok)
        .any(|task| {
            fs::read_to_string(task.path().join("comm")).is_ok_and(|comm| comm.trim_end() == name)
        })
}

/// With no device, the handle never waits on the audio thread, shown by
/// order rather than by the clock: the thread's report waits until
/// `Audio::spawn` has returned (a spawn that waited for the device's
/// verdict would find the report held back, and the report would give up
/// at its deadline), and then stays held while every cue is played (a
/// `play` that waited for the thread could not return before it is let go).
fn child_no_device(dir: &Path, guarded: bool) {
    let mut guard =
        guarded.then(|| StderrRedirect::to_file(&dir.join("app.log")).expect("redirect stderr"));
    let (spawned_tx, spawned_rx) = mpsc::channel::<()>();
    let (played_tx, played_rx) = mpsc::channel::<()>();
    let (report_tx, report_rx) = mpsc::channel();
    let (released_tx, released_rx) = mpsc::channel();
    let audio = Audio::spawn(80, None, move |status| {
        let after_spawn = spawned_rx.recv_timeout(STATUS_WAIT).is_ok();
        let _ = report_tx.send((status, after_spawn));
        // Held here while the test plays every cue.
        let _ = released_tx.send(played_rx.recv_timeout(STATUS_WAIT).is_ok());
    });
    let _ = spawned_tx.send(());
    let (status, after_spawn) = report_rx
        .recv_timeout(STATUS_WAIT)
        .expect("the audio thread reports a status");
    // Playing with no device must be harmless, and must not wait: the
    // thread is held in its report until every play has returned.
    for cue in Cue::ALL {
        audio.play(cue);
    }
    let _ = played_tx.send(());
    let plays_returned_first = released_rx
        .recv_timeout(STATUS_WAIT)
        .expect("the report ends");
    // Dropping the handle ends the thread for good, without hanging.
    drop_and_check_closed(audio);
    if let Some(guard) = guard.as_mut() {
        guard.restore().expect("restore stderr");
    }
    drop(guard);
    println!("STATUS {status:?}");
    assert!(
        matches!(status, AudioStatus::NoDevice(ref reason) if !reason.is_empty()),
        "{status:?}"
    );
    assert!(
        after_spawn,
        "Audio::spawn waited for the device's verdict instead of returning at once"
    );
    assert!(
        plays_returned_first,
        "a play with no device waited for the audio thread"
    );
}

fn child_redirect(dir: &Path) {
    let log = dir.join("redirect.log");
    let mut err = std::io::stderr();
    writeln!(err, "before redirect").expect("write");
    let mut guard = StderrRedirect::to_file(&log).expect("redirect");
    assert!(guard.is_active());
    writeln!(err, "inside first").expect("write");
    // A panic hook would hold one of these.
    let restorer = guard.restorer();
    restorer.restore().expect("restore early");
    assert!(!guard.is_active());
    writeln!(err, "after early restore").expect("write");
    guard.restore().expect("restoring twice is fine");
    drop(guard);
    writeln!(err, "after first drop").expect("write");

    let second = StderrRedirect::to_file(&log).expect("redirect again");
    writeln!(err, "inside second").expect("write");
    drop(second);
    writeln!(err, "after second drop").expect("write");
}

/// A WAV as ALSA's file plugin writes it: PCM integer or float, any rate.
struct Wav {
    channels: usize,
    rate: u32,
    /// Interleaved, scaled to -1.0..=1.0.
    samples: Vec<f32>,
}

/// Parse the WAV ourselves: the file plugin may leave the header's sizes
/// unfinished if the stream is cut, so the data runs to the end of file.
fn parse_wav(bytes: &[u8]) -> Wav {
    assert!(bytes.len() > 44 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WAVE");
    let mut pos = 12;
    let mut format = None;
    while pos + 8 <= bytes.len() {
        let id = &bytes[pos..pos + 4];
        let size = u32::from_le_bytes(bytes[pos + 4..pos + 8].try_into().expect("4 bytes"));
        let body = pos + 8;
        if id == b"fmt " {
            let tag = u16::from_le_bytes([bytes[body], bytes[body + 1]]);
            let channels = u16::from_le_bytes([bytes[body + 2], bytes[body + 3]]);
            let rate = u32::from_le_bytes(bytes[body + 4..body + 8].try_into().expect("4 bytes"));
            let bits = u16::from_le_bytes([bytes[body + 14], bytes[body + 15]]);
            format = Some((tag, channels, rate, bits));
        } else if id == b"data" {
            let (tag, channels, rate, bits) = format.expect("fmt before data");
            let end = bytes
                .len()
                .min(body.saturating_add(size as usize))
                .max(body);
            // An unfinished header says 0 or 0x7fff_ffff: take everything.
            let end = if size == 0 { bytes.len() } else { end };
            let data = &bytes[body..end];
            let samples = match (tag, bits) {
                (1, 16) => data
                    .chunks_exact(2)
                    .map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0)
                    .collect(),
                (1, 32) => data
                    .chunks_exact(4)
                    .map(|b| i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f32 / 2_147_483_648.0)
                    .collect(),
                (3, 32) => data
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .collect(),
                other => panic!("unexpected WAV sample format {other:?}"),
            };
            return Wav {
                channels: channels.into(),
                rate,
                samples,
            };
        }
        pos = body + size as usize + (size as usize & 1);
    }
    panic!("no data chunk");
}

/// A `.asoundrc` sending the default device to a WAV file through ALSA's
/// `file` plugin.
fn file_asoundrc(out: &Path) -> String {
    format!(
        "pcm.!default {{\n  type file\n  slave.pcm \"null\"\n  file \"{}\"\n  format \"wav\"\n}}\n",
        out.display()
    )
}

/// The first channel of a WAV, its rate, and every sample.
fn first_channel(wav: &Wav) -> Vec<f32> {
    wav.samples.iter().step_by(wav.channels).copied().collect()
}

/// The sentence as espeak-ng says it here: how long its sound lasts.
fn rendered_sentence() -> Duration {
    let engine = Engine::find()
        .expect("espeak-ng is not installed: `make deps` (run by `make test`) installs it");
    engine.render(SAFETY_SENTENCE).expect("renders").duration()
}

/// How long the safety alert sounds.
fn alert_length() -> Duration {
    let alert =
        rodio::Decoder::try_from(Cursor::new(cue_bytes(Cue::SafetyAlert))).expect("decodes");
    let rate = f64::from(alert.sample_rate().get()) * f64::from(alert.channels().get());
    Duration::from_secs_f64(alert.count() as f64 / rate)
}

/// Index of the first and last sample louder than `threshold`.
fn audible_span(samples: &[f32], threshold: f32) -> Option<(usize, usize)> {
    let first = samples.iter().position(|x| x.abs() > threshold)?;
    let last = samples.iter().rposition(|x| x.abs() > threshold)?;
    Some((first, last))
}

/// Where the alert starts in `heard` (found by its own waveform), checked
/// to be the first sound there (`what` says why it must be).
fn alert_comes_first(heard: &[f32], alert: &[f32], what: &str) -> usize {
    let at = find(heard, alert).expect("the alert is in the file");
    let (first, _) = audible_span(heard, 0.01).expect("the file is not silent");
    let (a_first, _) = audible_span(alert, 0.01).expect("the alert is not silent");
    assert_eq!(first, at + a_first, "{what}");
    at
}

#[test]
fn a_cue_played_through_the_real_output_reaches_alsa() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.wav");
    write_asoundrc(dir.path(), &file_asoundrc(&out));
    let output = run_child("play", dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("Dropping DeviceSink") && !stderr.contains("audio stream error"),
        "rodio printed on stderr:\n{stderr}"
    );

    let wav = parse_wav(&fs::read(&out).expect("ALSA wrote the file"));
    assert!(
        wav.channels >= 1 && wav.rate >= 8_000,
        "{} ch, {} Hz",
        wav.channels,
        wav.rate
    );
    // One channel is enough: every channel carries the cue.
    let left: Vec<f32> = wav.samples.iter().step_by(wav.channels).copied().collect();

    let cue = rodio::Decoder::try_from(Cursor::new(cue_bytes(Cue::Go))).expect("decodes");
    let cue_rate = cue.sample_rate().get();
    let cue: Vec<f32> = cue.collect();
    let cue_peak = cue.iter().fold(0.0f32, |m, x| m.max(x.abs()));

    let peak = left.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    assert!(
        (peak - cue_peak).abs() < 0.05,
        "written peak {peak}, cue peak {cue_peak} (volume 100 plays it as recorded)"
    );
    // The whole cue made it out, once: the audible stretch lasts as long as
    // the cue's own (compared in time, in case the output was resampled).
    let (first, last) = audible_span(&left, 0.01).expect("the file is not silent");
    let (cue_first, cue_last) = audible_span(&cue, 0.01).expect("the cue is not silent");
    let written = (last - first) as f64 / f64::from(wav.rate);
    let expected = (cue_last - cue_first) as f64 / f64::from(cue_rate);
    assert!(
        (written - expected).abs() < 0.005,
        "audible for {written:.4} s, the cue for {expected:.4} s"
    );
}

#[test]
fn no_device_reports_and_prints_nothing_on_the_terminal() {
    let asoundrc = "pcm.!default { type hw; card \"NoSuchBackcoachCard\" }\n\
                    ctl.!default { type hw; card \"NoSuchBackcoachCard\" }\n";

    // First, without the redirect: learn what ALSA prints here, if anything.
    let bare_dir = tempfile::tempdir().expect("temp dir");
    write_asoundrc(bare_dir.path(), asoundrc);
    let bare = run_child("no-device-unguarded", bare_dir.path());
    let bare_stderr = String::from_utf8_lossy(&bare.stderr);
    let alsa_prints = bare_stderr.contains("ALSA lib");

    // Then as the app runs it: stderr redirected into the log file.
    let dir = tempfile::tempdir().expect("temp dir");
    write_asoundrc(dir.path(), asoundrc);
    let output = run_child("no-device", dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("STATUS NoDevice("), "{stdout}");
    assert!(
        !stderr.contains("ALSA lib") && !stderr.contains("Dropping DeviceSink"),
        "text reached the terminal:\n{stderr}"
    );
    let log = fs::read_to_string(dir.path().join("app.log")).unwrap_or_default();
    if alsa_prints {
        assert!(
            log.contains("ALSA lib"),
            "ALSA's messages were lost, log:\n{log}"
        );
    }
}

#[test]
fn stderr_redirect_sends_fd2_to_the_file_and_restores_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = run_child("redirect", dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for line in [
        "before redirect",
        "after early restore",
        "after first drop",
        "after second drop",
    ] {
        assert!(
            stderr.contains(line),
            "{line:?} missing from the terminal:\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("inside"),
        "redirected text on the terminal:\n{stderr}"
    );

    let log_path = dir.path().join("redirect.log");
    let log = fs::read_to_string(&log_path).expect("log written");
    assert!(
        log.contains("inside first") && log.contains("inside second"),
        "{log}"
    );
    assert!(!log.contains("after"), "{log}");
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(&log_path).expect("log").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the log may hold health data");
}

/// Through the whole app: `m` mutes the coaching cues, yet the safety alert
/// still reaches the real output (rodio → cpal → ALSA's file plugin) when
/// `s` stops the session. Only `--mute` (no device at all) silences it.
#[test]
fn the_safety_alert_plays_through_the_real_output_after_m() {
    // One counted exercise: nothing plays when it starts, so the only sound
    // the session can make after `m` is the alert.
    let (dir, catalog, out) = app_dir();
    let data = dir.path().display().to_string();
    let catalog = catalog.display().to_string();
    // Chimes only (`--no-voice`): the spoken coach would introduce the
    // exercise before `m`; its test is below.
    let mut tui = pty::Tui::spawn(
        &[
            "--data-dir",
            &data,
            "--catalog",
            &catalog,
            "--no-voice",
            "start",
        ],
        &[("HOME", &data), ("XDG_CONFIG_HOME", &data)],
    );
    let step = pty::STEP;
    tui.wait_for("How much discomfort", step);
    tui.send("1");
    tui.send("\r");
    tui.wait_for("What does it feel like?", step);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", step);
    tui.send("\r");
    tui.wait_for("Today's plan", step);
    tui.send("\r");
    tui.wait_for("Rep 0 of 5", step);
    tui.send("m");
    tui.wait_for("muted", step);
    tui.send("s");
    tui.wait_for("STOPPED FOR SAFETY", step);
    // The alert is ~1 s; the unpaced null slave writes it at once.
    std::thread::sleep(Duration::from_millis(800));
    tui.send("q");
    assert_eq!(tui.wait_exit(step), Some(0));
    // The app's own lines reach its log: the subscriber, built once the
    // screen has changed, took the output's opening.
    let log = fs::read_to_string(dir.path().join("backcoach.log")).unwrap_or_default();
    assert!(log.contains("audio: output open in"), "the log: {log}");

    let wav = parse_wav(&fs::read(&out).expect("ALSA wrote the file"));
    let left: Vec<f32> = wav.samples.iter().step_by(wav.channels).copied().collect();
    let alert =
        rodio::Decoder::try_from(Cursor::new(cue_bytes(Cue::SafetyAlert))).expect("decodes");
    let alert_rate = alert.sample_rate().get();
    let alert: Vec<f32> = alert.collect();
    let (first, last) =
        audible_span(&left, 0.01).expect("the alert was heard: the file is not silent");
    let (a_first, a_last) = audible_span(&alert, 0.01).expect("the alert is not silent");
    let written = (last - first) as f64 / f64::from(wav.rate);
    let expected = (a_last - a_first) as f64 / f64::from(alert_rate);
    assert!(
        (written - expected).abs() < 0.01,
        "audible for {written:.4} s, the alert lasts {expected:.4} s"
    );
}

/// Real speech through the real output: espeak-ng renders the safety
/// stop's sentence ahead on the voice thread, and when it is asked for
/// right after the alert it reaches ALSA whole, at full length, after the
/// alert and not over it: the alert's samples are in the file exactly as
/// recorded, and the sentence is the next and last sound.
///
/// How soon after the alert it starts is a real-time figure: the `null`
/// slave is not paced, so the stream runs ahead of the clock and any wait
/// between the two sounds on a busy machine shows up as seconds of
/// silence. `scripts/measure` reports it on a paced output ("Phrase start
/// after it could start", from the app's log); here it is only printed.
#[test]
fn a_spoken_phrase_reaches_alsa_right_after_the_alert() {
    let expected = rendered_sentence();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.wav");
    write_asoundrc(dir.path(), &file_asoundrc(&out));
    let output = run_child("speak", dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("espeak") && !stderr.contains("Dropping DeviceSink"),
        "something printed on stderr:\n{stderr}"
    );

    let wav = parse_wav(&fs::read(&out).expect("ALSA wrote the file"));
    let left = first_channel(&wav);
    let rate = f64::from(wav.rate);
    let alert =
        rodio::Decoder::try_from(Cursor::new(cue_bytes(Cue::SafetyAlert))).expect("decodes");
    let alert_rate = f64::from(alert.sample_rate().get());
    let alert: Vec<f32> = alert.collect();
    assert_eq!(
        rate, alert_rate,
        "the output took the cues' own rate, so samples compare one to one"
    );

    let (_, last) = audible_span(&left, 0.01).expect("the file is not silent");
    // The alert, found by its own waveform: the first sound, and alone:
    // every one of its samples as recorded (volume 100), so nothing was
    // mixed over it.
    let at = alert_comes_first(&left, &alert, "a sound came before the alert");
    let alert_end = at + alert.len();
    let alone = left[at..alert_end]
        .iter()
        .zip(&alert)
        .all(|(heard, recorded)| (heard - recorded).abs() < 0.002);
    assert!(alone, "something sounds over the alert");
    // Then the sentence: the first sound after the alert, and the last.
    let (s_first, s_last) = audible_span(&left[alert_end..], 0.01).expect("speech after the alert");
    assert_eq!(alert_end + s_last, last, "the sentence is the last sound");
    let speech_len = (s_last - s_first) as f64 / rate;
    println!(
        "alert {:.3}–{:.3} s, speech {:.3} s after it for {speech_len:.3} s (rendered: {expected:?})",
        at as f64 / rate,
        alert_end as f64 / rate,
        s_first as f64 / rate
    );
    // A plausible length: all of it, as long as espeak-ng says it.
    let want = expected.as_secs_f64();
    assert!(
        (speech_len - want).abs() < 0.05 && (1.5..6.0).contains(&speech_len),
        "audible for {speech_len:.3} s, rendered {want:.3} s"
    );
    // Not silence and not clipping: speech at the coach's level.
    let peak = left[alert_end..].iter().fold(0.0f32, |m, x| m.max(x.abs()));
    assert!((0.5..=0.75).contains(&peak), "speech peak {peak}");
}

/// The safety alert is not queued behind what the open output holds (up to
/// two periods, 0.74 s): it gets an output of its own, which starts with it.
/// ALSA's `file` plugin starts its file afresh for each output, so the
/// file holds the alert's output alone, the alert from its first samples.
#[test]
fn the_safety_alert_opens_a_fresh_output_and_starts_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.wav");
    write_asoundrc(dir.path(), &file_asoundrc(&out));
    run_child("alert-on-open", dir.path());

    let wav = parse_wav(&fs::read(&out).expect("ALSA wrote the file"));
    let left = first_channel(&wav);
    let alert =
        rodio::Decoder::try_from(Cursor::new(cue_bytes(Cue::SafetyAlert))).expect("decodes");
    assert_eq!(wav.rate, alert.sample_rate().get(), "the cues' own rate");
    let alert: Vec<f32> = alert.collect();
    let at = alert_comes_first(
        &left,
        &alert,
        "the cue before the alert is not in its output",
    );
    let starts_after = at as f64 / f64::from(wav.rate);
    assert!(
        starts_after < 0.05,
        "the alert starts {starts_after:.3} s into its output"
    );
}

/// The catalog of the whole-app audio tests: one counted exercise.
const ONE_SQUAT: &str = r#"#![enable(implicit_some)]
(
    exercises: [(
        id: "squat", name: "Squat", category: Strength, targets: ["legs"],
        position: "Standing", dose: (kind: Reps, sets: (1, 1), reps: (5, 5)),
        steps: ["Sit back and stand."], cue: "Chest up", level: Beginner, sources: ["test"],
    )],
    routines: [(
        id: "daily", name: "One move", summary: "For tests.", minutes: (1, 1),
        frequency: (days_per_week: (1, 7)), items: [(exercise: "squat")], sources: ["test"],
    )],
)
"#;

/// A data dir with a full-volume profile, the one-squat catalog and an
/// `.asoundrc` writing to `out.wav`; returns (dir, catalog path, wav path).
fn app_dir() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.wav");
    write_asoundrc(dir.path(), &file_asoundrc(&out));
    fs::write(
        dir.path().join("profile.ron"),
        "(experience: Regular, conditions: [], equipment: [], weekly_target: 4, volume: 100, bell: false, discomfort_limit: 5)\n",
    )
    .expect("profile");
    let catalog = dir.path().join("one.ron");
    fs::write(&catalog, ONE_SQUAT).expect("catalog");
    (dir, catalog, out)
}

/// Through the whole app, voice on: the exercise is introduced aloud, and
/// when `s` stops the session the alert sounds and the safety stop's first
/// sentence is spoken right after it. Nothing the engine might print
/// reaches the screen.
#[test]
fn the_safety_stop_is_spoken_after_the_alert_through_the_real_output() {
    let sentence = rendered_sentence().as_secs_f64();
    let (dir, catalog, out) = app_dir();
    let data = dir.path().display().to_string();
    let catalog = catalog.display().to_string();
    let mut tui = pty::Tui::spawn(
        &["--data-dir", &data, "--catalog", &catalog, "start"],
        &[("HOME", &data), ("XDG_CONFIG_HOME", &data)],
    );
    let step = pty::STEP;
    tui.wait_for("How much discomfort", step);
    tui.send("1");
    tui.send("\r");
    tui.wait_for("What does it feel like?", step);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", step);
    tui.send("\r");
    tui.wait_for("Today's plan", step);
    tui.send("\r");
    tui.wait_for("Rep 0 of 5", step);
    let screen = tui.wait_for("voice on", step);
    assert!(screen.contains("sound on · voice on"), "{screen}");
    // Time for "Squat. Chest up." to be rendered and said; what the output
    // wrote so far (the alert opens an output of its own, which ALSA's file
    // plugin starts afresh).
    std::thread::sleep(Duration::from_millis(2500));
    let before_stop = parse_wav(&fs::read(&out).expect("ALSA wrote the file"));
    assert!(
        audible_span(&first_channel(&before_stop), 0.01).is_some(),
        "the exercise was introduced aloud before the stop"
    );
    tui.send("s");
    tui.wait_for("STOPPED FOR SAFETY", step);
    // The output plays in real time: the alert and the whole sentence.
    std::thread::sleep(alert_length() + rendered_sentence() + Duration::from_millis(1200));
    tui.send("q");
    assert_eq!(tui.wait_exit(step), Some(0));
    let raw = String::from_utf8_lossy(&tui.raw()).to_string();
    assert!(
        !raw.contains("espeak"),
        "the speech engine printed on the screen"
    );

    let wav = parse_wav(&fs::read(&out).expect("ALSA wrote the file"));
    let left = first_channel(&wav);
    let rate = f64::from(wav.rate);
    let alert =
        rodio::Decoder::try_from(Cursor::new(cue_bytes(Cue::SafetyAlert))).expect("decodes");
    let alert_rate = f64::from(alert.sample_rate().get());
    let alert: Vec<f32> = alert.collect();
    // The alert, found by its own waveform (at volume 100 it is written as
    // it is; the unpaced `null` slave makes positions in the file say
    // nothing about time, so the test looks for content and order).
    let at = alert_comes_first(&left, &alert, "the alert is the first sound of its output");
    let alert_end = at + (alert.len() as f64 * rate / alert_rate) as usize;
    let (_, last) = audible_span(&left, 0.01).expect("the file is not silent");
    // After the alert: the sentence, whole; nothing over the alert.
    let (s_first, s_last) =
        audible_span(&left[alert_end..], 0.01).expect("the sentence after the alert");
    assert_eq!(alert_end + s_last, last, "the sentence is the last sound");
    let heard = (s_last - s_first) as f64 / rate;
    println!(
        "the sentence: {heard:.3} s, from {:.3} s after the alert (rendered {sentence:.3} s)",
        s_first as f64 / rate
    );
    assert!(
        (heard - sentence).abs() < 0.05,
        "{heard:.3} s of speech after the alert, rendered {sentence:.3} s"
    );
}

/// Where `needle`'s loud part first appears in `hay`, sample for sample
/// (give or take 16-bit rounding), as the index where `needle` would start.
fn find(hay: &[f32], needle: &[f32]) -> Option<usize> {
    let (lead, _) = audible_span(needle, 0.05)?;
    let probe = &needle[lead..(lead + 400).min(needle.len())];
    let found = hay
        .windows(probe.len())
        .position(|w| w.iter().zip(probe).all(|(a, b)| (a - b).abs() < 0.002))?;
    found.checked_sub(lead)
}

/// With no speech engine (here: none on `PATH`), the header says so in a
/// few words and the cues go on; with `BACKCOACH_VOICE=0` the voice is off
/// and `v` says it stays off for the run.
#[test]
fn without_an_engine_or_with_the_voice_off_the_header_says_so() {
    let (dir, catalog, _) = app_dir();
    let data = dir.path().display().to_string();
    let catalog = catalog.display().to_string();
    let empty = tempfile::tempdir().expect("temp dir");
    let path = empty.path().display().to_string();
    let mut tui = pty::Tui::spawn(
        &["--data-dir", &data, "--catalog", &catalog, "start"],
        &[("HOME", &data), ("XDG_CONFIG_HOME", &data), ("PATH", &path)],
    );
    let step = pty::STEP;
    pty::check_in(&mut tui, "1");
    let screen = tui.wait_for("voice: espeak-ng not installed", step);
    assert!(
        screen.contains("sound on · voice: espeak-ng not installed"),
        "{screen}"
    );
    tui.send("q");
    tui.send("y");
    assert_eq!(tui.wait_exit(step), Some(0));

    // A fresh data dir: no session before, so the same check-in.
    let (dir, catalog, _) = app_dir();
    let data = dir.path().display().to_string();
    let catalog = catalog.display().to_string();
    let mut tui = pty::Tui::spawn(
        &["--data-dir", &data, "--catalog", &catalog, "start"],
        &[
            ("HOME", &data),
            ("XDG_CONFIG_HOME", &data),
            ("BACKCOACH_VOICE", "0"),
        ],
    );
    pty::check_in(&mut tui, "1");
    let screen = tui.wait_for("voice off", step);
    assert!(screen.contains("sound on · voice off"), "{screen}");
    tui.send("v");
    tui.wait_for("THE VOICE IS OFF FOR THIS RUN", step);
    tui.send("q");
    tui.send("y");
    assert_eq!(tui.wait_exit(step), Some(0));
}
