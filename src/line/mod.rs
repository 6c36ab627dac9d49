//! The line mode (`backcoach start --plain`, and by itself when stdout is
//! not a terminal or `TERM=dumb`): the same way into a session and the same
//! session engine as the full screen, told as lines of text instead of a
//! screen that redraws — for screen readers, pipes and dumb terminals.
//!
//! The way in is the coach's, as on the full screen: the profile, today and
//! the gate (a closed day refuses here too), the check-in, the plan from its
//! answers, the resume offer, then the session, its quick checks, its end or
//! its safety stop, each saved as the full screen saves them. Keys come from
//! the terminal when there is one ([`input::terminal_keys`]); otherwise each
//! line of standard input is a command ([`input::stdin_lines`]).

pub mod input;
pub mod narrate;
mod stages;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::plain::{escape_controls, to_ascii};
use crate::quiet_stderr::StderrRedirect;
use crate::store::Store;
use crate::tui::Exit;
use crate::tui::app::SoundForRun;
use input::Input;
use narrate::Keys;

/// What a line-mode run needs.
pub struct Options {
    /// The catalog in use.
    pub catalog: Catalog,
    /// The data dir (history, profile, log).
    pub data_dir: PathBuf,
    /// The routine to run: a catalog routine's id, or one exercise's
    /// (see [`crate::coach::one_exercise`]).
    pub routine_id: String,
    /// `--mute` or not.
    pub sound: SoundForRun,
    /// Write ASCII only (the locale is not UTF-8, or `--ascii`).
    pub ascii: bool,
}

/// Lines to standard output, one at a time as they happen.
pub struct Out {
    /// In raw mode a line end needs a carriage return too.
    raw: bool,
    ascii: bool,
    /// Everything said, kept for tests.
    #[cfg(test)]
    pub said: Vec<String>,
}

impl Out {
    fn new(raw: bool, ascii: bool) -> Out {
        Out {
            raw,
            ascii,
            #[cfg(test)]
            said: Vec::new(),
        }
    }

    /// Says one line: control characters escaped (a catalog's name cannot
    /// drive the terminal), ASCII where the terminal needs it, flushed at once.
    pub fn say(&mut self, line: &str) {
        let safe = escape_controls(line);
        let text = if self.ascii {
            to_ascii(&safe)
        } else {
            safe.clone()
        };
        let end = if self.raw { "\r\n" } else { "\n" };
        let mut stdout = std::io::stdout().lock();
        // A closed pipe is not a reason to stop a session.
        let _ = write!(stdout, "{text}{end}");
        let _ = stdout.flush();
        #[cfg(test)]
        self.said.push(text.into_owned());
    }
}

/// Raw mode while keys come from the terminal; back to normal on every way out.
struct RawMode;

impl RawMode {
    fn enable() -> std::io::Result<RawMode> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// What the run waits on: the person, signals.
pub(crate) struct Events {
    input: mpsc::UnboundedReceiver<Input>,
    ended: bool,
    sigint: tokio::signal::unix::Signal,
    sigterm: tokio::signal::unix::Signal,
    sighup: tokio::signal::unix::Signal,
}

/// One thing that happened.
pub(crate) enum Happened {
    Input(Input),
    /// The wake-up asked for came.
    Wake,
    /// A signal: its number.
    Signal(i32),
}

impl Events {
    /// The next input, wake-up or signal; `wake` is when to wake if nothing comes.
    pub(crate) async fn next(&mut self, wake: Option<Instant>) -> Happened {
        let sleep = async {
            match wake {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            input = self.input.recv(), if !self.ended => {
                let input = input.unwrap_or(Input::End);
                if input == Input::End {
                    self.ended = true;
                }
                Happened::Input(input)
            }
            _ = sleep => Happened::Wake,
            _ = self.sigint.recv() => Happened::Signal(2),
            _ = self.sigterm.recv() => Happened::Signal(15),
            _ = self.sighup.recv() => Happened::Signal(1),
        }
    }

    /// Whether standard input has ended (no more commands).
    pub(crate) fn ended(&self) -> bool {
        self.ended
    }
}

/// Runs the way into a session and the session as lines, until the session
/// ends (or the way in stops: a refusal, a blocked check-in, `q`).
pub fn run(options: Options) -> Result<Exit, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let store = Store::open(&options.data_dir).map_err(|e| e.to_string())?;
    let log = crate::logging::log_path(&options.data_dir);
    let _ = crate::logging::init(&log);
    let from_terminal = std::io::stdin().is_terminal();
    let raw = if from_terminal {
        Some(RawMode::enable().map_err(|e| format!("the terminal: {e}"))?)
    } else {
        None
    };
    // Lines end with a carriage return only where raw mode needs one.
    let out = Out::new(
        raw.is_some() && std::io::stdout().is_terminal(),
        options.ascii,
    );
    // The sound library may print (ALSA): that goes to the log, not between the lines.
    let redirect = StderrRedirect::to_file_or_null(&log).ok();
    let result = runtime.block_on(async {
        let input = if from_terminal {
            input::terminal_keys()
        } else {
            input::stdin_lines()
        }
        .map_err(|e| e.to_string())?;
        let events = Events {
            input,
            ended: false,
            sigint: signal(SignalKind::interrupt()).map_err(|e| e.to_string())?,
            sigterm: signal(SignalKind::terminate()).map_err(|e| e.to_string())?,
            sighup: signal(SignalKind::hangup()).map_err(|e| e.to_string())?,
        };
        let keys = if from_terminal {
            Keys::Terminal
        } else {
            Keys::Lines
        };
        let mut line = stages::LineRun::new(options, store, out, events, keys, Clock::system());
        line.run().await
    });
    drop(redirect);
    drop(raw);
    result
}
