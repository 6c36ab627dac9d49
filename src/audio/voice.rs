//! The spoken coach's voice: an offline speech engine (espeak-ng on Linux,
//! `say` on macOS) run as a child process, one phrase at a time, on a thread
//! of its own, long before each phrase is due; and the rendered phrases kept
//! for the exercises around the one under way.
//!
//! The engine never sees the terminal: its stdin and stdout are pipes and its
//! stderr is thrown away. Without an engine the session runs with chimes
//! only, and the header says why.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use crate::cue::Phrase;
use crate::session::speech::Entry;

/// The speech engine a Linux user installs (Debian package of the same name).
pub const ESPEAK: &str = "espeak-ng";
/// Words a minute: a calm pace for someone following with their eyes closed.
const WORDS_PER_MINUTE: u32 = 160;
/// Samples quieter than this (of 32 768) at either end of a phrase are cut,
/// so a phrase starts with its first sound and takes no memory for silence.
const SILENCE: i16 = 200;
/// Silence kept after a phrase's last sound, so it does not end with a click.
const TAIL_MS: u32 = 40;
/// A phrase's loudest sample is brought to this (of full scale), level with
/// the cues' own peaks, before the profile's volume applies.
const PEAK: f32 = 0.7;

/// A rendered phrase: mono 16-bit samples at `rate`, silence trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Samples per second.
    pub rate: u32,
    /// The samples, one channel.
    pub samples: Arc<[i16]>,
}

impl Rendered {
    /// How long the phrase sounds.
    pub fn duration(&self) -> std::time::Duration {
        std::time::Duration::from_secs_f64(self.samples.len() as f64 / f64::from(self.rate.max(1)))
    }
}

/// Why a phrase could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    /// No speech engine on this machine: chimes only.
    #[error("{0} not installed")]
    NotInstalled(&'static str),
    /// The engine ran but failed, or said nothing we could read.
    #[error("{engine} failed: {reason}")]
    Failed {
        /// The engine's name.
        engine: &'static str,
        /// What went wrong, in words.
        reason: String,
    },
}

/// An offline speech engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Engine {
    /// espeak-ng at this path.
    Espeak(PathBuf),
    /// macOS's `say`.
    Say(PathBuf),
}

impl Engine {
    /// The engine of this machine: `say` on macOS, espeak-ng found on `PATH`
    /// elsewhere.
    pub fn find() -> Result<Engine, VoiceError> {
        if cfg!(target_os = "macos") {
            return on_path("say")
                .map(Engine::Say)
                .ok_or(VoiceError::NotInstalled("say"));
        }
        on_path(ESPEAK)
            .map(Engine::Espeak)
            .ok_or(VoiceError::NotInstalled(ESPEAK))
    }

    /// The engine's name, for the header and the log.
    pub fn name(&self) -> &'static str {
        match self {
            Engine::Espeak(_) => ESPEAK,
            Engine::Say(_) => "say",
        }
    }

    /// Renders `text` to samples: a child process, its stderr discarded.
    pub fn render(&self, text: &str) -> Result<Rendered, VoiceError> {
        let failed = |reason: String| VoiceError::Failed {
            engine: self.name(),
            reason,
        };
        let wav = match self {
            Engine::Espeak(path) => {
                // The text on stdin: nothing in it is read as an option.
                let mut child = Command::new(path)
                    .args(["-s", &WORDS_PER_MINUTE.to_string(), "--stdout"])
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .map_err(|e| failed(e.to_string()))?;
                if let Some(mut stdin) = child.stdin.take() {
                    stdin
                        .write_all(text.as_bytes())
                        .map_err(|e| failed(e.to_string()))?;
                }
                let mut wav = Vec::new();
                if let Some(mut stdout) = child.stdout.take() {
                    stdout
                        .read_to_end(&mut wav)
                        .map_err(|e| failed(e.to_string()))?;
                }
                let status = child.wait().map_err(|e| failed(e.to_string()))?;
                if !status.success() {
                    return Err(failed(format!("exited with {status}")));
                }
                wav
            }
            Engine::Say(path) => {
                let out = std::env::temp_dir().join(format!(
                    "backcoach-say-{}-{}.wav",
                    std::process::id(),
                    next_id()
                ));
                let status = Command::new(path)
                    .arg("-o")
                    .arg(&out)
                    .args(["--data-format=LEI16@22050", "-r", "170", "--", text])
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .map_err(|e| failed(e.to_string()))?;
                let wav = std::fs::read(&out);
                let _ = std::fs::remove_file(&out);
                if !status.success() {
                    return Err(failed(format!("exited with {status}")));
                }
                wav.map_err(|e| failed(e.to_string()))?
            }
        };
        let (rate, samples) =
            parse_wav(&wav).ok_or_else(|| failed("no audio in its output".into()))?;
        let samples = trim_and_level(&samples, rate);
        if samples.is_empty() {
            return Err(failed("only silence".into()));
        }
        Ok(Rendered {
            rate,
            samples: samples.into(),
        })
    }
}

fn next_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The first file called `name` in a directory of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The rate and mono 16-bit samples of a WAV. espeak-ng writes to a pipe,
/// so its header's sizes are placeholders: the data runs to the end.
pub fn parse_wav(bytes: &[u8]) -> Option<(u32, Vec<i16>)> {
    if bytes.len() < 12 || &bytes[..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return None;
    }
    let mut pos = 12;
    let mut format = None;
    while pos + 8 <= bytes.len() {
        let id = &bytes[pos..pos + 4];
        let size = u32::from_le_bytes(bytes[pos + 4..pos + 8].try_into().ok()?) as usize;
        let body = pos + 8;
        if id == b"fmt " {
            let f = bytes.get(body..body + 16)?;
            let tag = u16::from_le_bytes([f[0], f[1]]);
            let channels = u16::from_le_bytes([f[2], f[3]]);
            let rate = u32::from_le_bytes([f[4], f[5], f[6], f[7]]);
            let bits = u16::from_le_bytes([f[14], f[15]]);
            format = Some((tag, channels, rate, bits));
        } else if id == b"data" {
            let (tag, channels, rate, bits) = format?;
            if tag != 1 || bits != 16 || channels == 0 || rate == 0 {
                return None;
            }
            let end = match body.checked_add(size) {
                Some(end) if size != 0 && end <= bytes.len() => end,
                _ => bytes.len(),
            };
            let samples: Vec<i16> = bytes[body..end]
                .chunks_exact(2 * usize::from(channels))
                // The first channel is enough: a voice is mono.
                .map(|frame| i16::from_le_bytes([frame[0], frame[1]]))
                .collect();
            return Some((rate, samples));
        }
        pos = body.checked_add(size)?.checked_add(size & 1)?;
    }
    None
}

/// `samples` with the silence at either end cut (a short tail kept) and the
/// loudest sample brought to [`PEAK`].
fn trim_and_level(samples: &[i16], rate: u32) -> Vec<i16> {
    let loud = |x: &i16| x.unsigned_abs() > SILENCE.unsigned_abs();
    let Some(first) = samples.iter().position(loud) else {
        return Vec::new();
    };
    let last = samples.iter().rposition(loud).unwrap_or(first);
    let tail = (rate * TAIL_MS / 1000) as usize;
    let end = (last + 1 + tail).min(samples.len());
    let part = &samples[first..end];
    let peak = part
        .iter()
        .map(|x| x.unsigned_abs())
        .max()
        .unwrap_or(1)
        .max(1);
    let gain = PEAK * 32_767.0 / f32::from(peak);
    part.iter()
        .map(|&x| (f32::from(x) * gain).round().clamp(-32_768.0, 32_767.0) as i16)
        .collect()
}

/// A phrase to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Job {
    pub phrase: Phrase,
    pub text: String,
}

/// What the renderer tells the player.
#[derive(Debug)]
pub(super) enum Made {
    /// A phrase is ready.
    Rendered(Phrase, Rendered),
    /// There is no engine: chimes only. The words are for the header.
    NoEngine(String),
    /// One phrase failed (logged); others may still work.
    Failed(Phrase),
}

/// The renderer's queue: the player adds jobs (urgent ones in front), the
/// renderer thread takes them one by one.
#[derive(Debug, Default)]
pub(super) struct Queue {
    jobs: Mutex<(VecDeque<Job>, bool)>,
    ready: Condvar,
}

impl Queue {
    /// Adds a job at the back, or in front when it is due now.
    pub fn push(&self, job: Job, urgent: bool) {
        let mut jobs = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        if urgent {
            jobs.0.push_front(job);
        } else {
            jobs.0.push_back(job);
        }
        self.ready.notify_one();
    }

    /// Tells the renderer to stop once its current phrase is done.
    pub fn close(&self) {
        let mut jobs = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        jobs.1 = true;
        jobs.0.clear();
        self.ready.notify_one();
    }

    /// The next job, waiting (using no CPU) for one; `None` once closed.
    fn next(&self) -> Option<Job> {
        let mut jobs = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if jobs.1 {
                return None;
            }
            if let Some(job) = jobs.0.pop_front() {
                return Some(job);
            }
            jobs = self
                .ready
                .wait(jobs)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// The renderer thread's body: find the engine (or say there is none), then
/// render each job as it comes, reporting through `made`.
pub(super) fn render_jobs(queue: &Queue, made: &dyn Fn(Made)) {
    let engine = match Engine::find() {
        Ok(engine) => engine,
        Err(e) => {
            tracing::info!("voice: {e}; chimes only");
            made(Made::NoEngine(e.to_string()));
            return;
        }
    };
    tracing::debug!("voice: rendering with {engine:?}");
    while let Some(job) = queue.next() {
        let started = std::time::Instant::now();
        match engine.render(&job.text) {
            Ok(rendered) => {
                tracing::trace!(
                    "voice: {:?} rendered in {:?}, {:?} long",
                    job.phrase,
                    started.elapsed(),
                    rendered.duration()
                );
                made(Made::Rendered(job.phrase, rendered));
            }
            Err(VoiceError::NotInstalled(name)) => {
                made(Made::NoEngine(format!("{name} not installed")));
                return;
            }
            Err(e) => {
                tracing::warn!("voice: {:?} ({:?}): {e}", job.phrase, job.text);
                made(Made::Failed(job.phrase));
            }
        }
    }
}

/// How many recently prepared exercises keep their phrases: the one under
/// way, the next, and the one before (for `b`).
const KEEP_EXERCISES: usize = 3;

/// The session's phrases: the book's words, what is rendered, what is being
/// rendered, and which exercises are near. Owned by the player thread.
#[derive(Debug, Default)]
pub(super) struct Phrases {
    book: HashMap<Phrase, (String, Vec<usize>)>,
    /// The book's order: the order phrases are first said.
    order: Vec<Phrase>,
    rendered: HashMap<Phrase, Rendered>,
    pending: HashSet<Phrase>,
    /// Exercises prepared lately, newest last.
    near: VecDeque<usize>,
}

impl Phrases {
    /// The book of a session.
    pub fn new(book: Vec<Entry>) -> Phrases {
        let order = book.iter().map(|e| e.phrase).collect();
        Phrases {
            book: book
                .into_iter()
                .map(|e| (e.phrase, (e.text, e.exercises)))
                .collect(),
            order,
            ..Phrases::default()
        }
    }

    /// Whether the phrase belongs near the exercises prepared lately (or to
    /// the whole session).
    fn wanted(&self, phrase: &Phrase) -> bool {
        match self.book.get(phrase) {
            Some((_, exercises)) => {
                exercises.is_empty() || exercises.iter().any(|e| self.near.contains(e))
            }
            None => false,
        }
    }

    /// Exercise `exercise` comes soon: its phrases become wanted (rendered
    /// by the next [`Phrases::missing`]); phrases of exercises no longer
    /// near are let go.
    pub fn prepare(&mut self, exercise: usize) {
        if !self.near.contains(&exercise) {
            self.near.push_back(exercise);
            while self.near.len() > KEEP_EXERCISES {
                self.near.pop_front();
            }
        }
        let keep: HashSet<Phrase> = self
            .rendered
            .keys()
            .filter(|p| self.wanted(p))
            .copied()
            .collect();
        self.rendered.retain(|p, _| keep.contains(p));
    }

    /// Every wanted phrase neither rendered nor pending, marked pending.
    pub fn missing(&mut self) -> Vec<Job> {
        let jobs: Vec<Job> = self
            .order
            .iter()
            .filter(|p| {
                self.wanted(p) && !self.rendered.contains_key(p) && !self.pending.contains(p)
            })
            .filter_map(|p| {
                self.book.get(p).map(|(text, _)| Job {
                    phrase: *p,
                    text: text.clone(),
                })
            })
            .collect();
        self.pending.extend(jobs.iter().map(|j| j.phrase));
        jobs
    }

    /// The job for a phrase asked for now that is not rendered, unless it
    /// is already on its way (or unknown).
    pub fn urgent(&mut self, phrase: Phrase) -> Option<Job> {
        if self.pending.contains(&phrase) || self.rendered.contains_key(&phrase) {
            return None;
        }
        let (text, _) = self.book.get(&phrase)?;
        self.pending.insert(phrase);
        Some(Job {
            phrase,
            text: text.clone(),
        })
    }

    /// Whether a phrase is on its way.
    pub fn is_pending(&self, phrase: &Phrase) -> bool {
        self.pending.contains(phrase)
    }

    /// A phrase came back from the renderer (kept only if still wanted).
    pub fn rendered(&mut self, phrase: Phrase, rendered: Rendered) {
        self.pending.remove(&phrase);
        if self.wanted(&phrase) {
            self.rendered.insert(phrase, rendered);
        }
    }

    /// A phrase the renderer could not render: not asked for again.
    pub fn failed(&mut self, phrase: Phrase) {
        self.pending.remove(&phrase);
        self.book.remove(&phrase);
    }

    /// The samples of a phrase, if rendered.
    pub fn get(&self, phrase: &Phrase) -> Option<&Rendered> {
        self.rendered.get(phrase)
    }

    /// Samples held, for the log.
    pub fn held_samples(&self) -> usize {
        self.rendered.values().map(|r| r.samples.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(rate: u32, samples: &[i16], data_size: u32) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(b"RIFF");
        b.extend_from_slice(&0x7fff_ffffu32.to_le_bytes());
        b.extend_from_slice(b"WAVEfmt ");
        b.extend_from_slice(&16u32.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&rate.to_le_bytes());
        b.extend_from_slice(&(rate * 2).to_le_bytes());
        b.extend_from_slice(&2u16.to_le_bytes());
        b.extend_from_slice(&16u16.to_le_bytes());
        b.extend_from_slice(b"data");
        b.extend_from_slice(&data_size.to_le_bytes());
        for s in samples {
            b.extend_from_slice(&s.to_le_bytes());
        }
        b
    }

    #[test]
    fn a_streamed_wav_is_read_to_its_end_whatever_its_header_says() {
        let samples = [0i16, 5, -5, 1000, -1000, 0];
        for size in [0, 0x7fff_ffff, 12] {
            let (rate, read) = parse_wav(&wav(22_050, &samples, size)).expect("parses");
            assert_eq!(rate, 22_050);
            assert_eq!(read, samples.to_vec(), "data size {size:#x}");
        }
        assert_eq!(parse_wav(b"not a wav"), None);
        assert_eq!(parse_wav(&wav(22_050, &samples, 4)[..30]), None);
    }

    #[test]
    fn silence_is_trimmed_and_the_phrase_levelled() {
        let rate = 1000;
        let mut samples = vec![0i16; 100];
        samples.extend([3000, -6000, 3000]);
        samples.extend(vec![10i16; 200]);
        let out = trim_and_level(&samples, rate);
        // Starts on its first sound, keeps 40 ms (40 samples) of tail.
        assert_eq!(out.len(), 3 + 40);
        assert_eq!(out[1], (-PEAK * 32_767.0).round() as i16);
        assert!(trim_and_level(&[0, 10, -10], rate).is_empty());
    }

    fn entry(phrase: Phrase, exercises: Vec<usize>) -> Entry {
        Entry {
            phrase,
            text: format!("{phrase:?}"),
            exercises,
        }
    }

    fn rendered() -> Rendered {
        Rendered {
            rate: 22_050,
            samples: vec![1i16; 10].into(),
        }
    }

    #[test]
    fn phrases_are_rendered_near_their_exercise_and_let_go_after() {
        let intro = |exercise| Phrase::Next {
            exercise,
            side: None,
        };
        let mut phrases = Phrases::new(vec![
            entry(Phrase::Hold, vec![]),
            entry(intro(0), vec![0]),
            entry(intro(1), vec![1]),
            entry(intro(2), vec![2]),
            entry(intro(3), vec![3]),
            entry(intro(4), vec![4]),
        ]);
        let names = |jobs: Vec<Job>| jobs.into_iter().map(|j| j.phrase).collect::<Vec<_>>();
        // Before any exercise: what every exercise says.
        assert_eq!(names(phrases.missing()), vec![Phrase::Hold]);
        // The session starts: exercise 0 and the next one.
        phrases.prepare(0);
        phrases.prepare(1);
        let asked = names(phrases.missing());
        assert_eq!(asked, vec![intro(0), intro(1)]);
        for p in asked.into_iter().chain([Phrase::Hold]) {
            phrases.rendered(p, rendered());
        }
        // Nothing is asked twice.
        phrases.prepare(1);
        assert!(phrases.missing().is_empty());
        phrases.prepare(2);
        assert_eq!(names(phrases.missing()), vec![intro(2)]);
        phrases.rendered(intro(2), rendered());
        // Exercise 3 comes: 0 is let go, shared phrases stay.
        phrases.prepare(3);
        assert_eq!(names(phrases.missing()), vec![intro(3)]);
        assert!(phrases.get(&intro(0)).is_none());
        assert!(phrases.get(&Phrase::Hold).is_some());
        assert!(phrases.get(&intro(1)).is_some());
        // A phrase due now that is not rendered goes in front, once.
        let job = phrases.urgent(intro(4)).expect("a job");
        assert_eq!(job.phrase, intro(4));
        assert!(phrases.is_pending(&intro(4)));
        assert!(phrases.urgent(intro(4)).is_none());
        // A failed phrase is not asked for again.
        phrases.failed(intro(3));
        assert!(phrases.urgent(intro(3)).is_none());
    }

    #[test]
    fn the_queue_gives_urgent_jobs_first_and_stops_when_closed() {
        let queue = Queue::default();
        let job = |p| Job {
            phrase: p,
            text: String::new(),
        };
        queue.push(job(Phrase::Hold), false);
        queue.push(job(Phrase::Relax), false);
        queue.push(job(Phrase::Go), true);
        assert_eq!(queue.next().map(|j| j.phrase), Some(Phrase::Go));
        assert_eq!(queue.next().map(|j| j.phrase), Some(Phrase::Hold));
        queue.close();
        assert_eq!(queue.next(), None);
    }

    /// The real engine, when installed (`make deps` installs it): a phrase
    /// becomes a second or two of sound.
    #[test]
    fn espeak_ng_renders_a_phrase_when_installed() {
        let Ok(engine) = Engine::find() else {
            eprintln!("espeak-ng is not installed: run `make deps`");
            return;
        };
        let rendered = engine
            .render("Stopped for safety. Stop exercising for today.")
            .expect("renders");
        let secs = rendered.duration().as_secs_f64();
        assert!((1.5..6.0).contains(&secs), "{secs} s");
        assert!(rendered.samples.iter().any(|s| s.unsigned_abs() > 10_000));
    }
}
