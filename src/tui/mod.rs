//! The full-screen terminal UI: one `tokio::select!` loop over key presses,
//! the engine's next deadline, background results and signals. It draws only
//! when something changed, and sleeps with no periodic wake-up while paused or
//! waiting for a key.

pub mod app;
pub mod backend;
pub mod caps;
pub mod screens;
pub mod theme;
pub mod widgets;
pub mod words;

use std::io::{self, IsTerminal, Stdout, Write};
use std::path::Path;

use crossterm::event::{Event, KeyEventKind};
use ratatui::Terminal;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::quiet_stderr::StderrRedirect;
use app::{App, Background};
use backend::LeanBackend;

/// The terminal the app draws on.
type Term = Terminal<LeanBackend<Stdout>>;

/// How the full-screen part ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Normal,
    /// A signal ended it (exit code 128 + signal number).
    Signal(i32),
}

/// Runs the app full-screen until it quits; the terminal is restored on every
/// way out (normal exit, signal, panic), and nothing but the app draws on it.
pub fn run(
    make_app: impl FnOnce(mpsc::UnboundedSender<Background>) -> io::Result<App>,
    log_path: &Path,
) -> io::Result<Exit> {
    if !std::io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the full-screen commands need a terminal (plain text: `backcoach week --print`, `backcoach list`)",
        ));
    }
    // ALSA and other libraries write to stderr; while full-screen, that goes to the log.
    let redirect = StderrRedirect::to_file_or_null(log_path).ok();
    let restorer = redirect.as_ref().map(|r| r.restorer());
    // The screen changes first, so the terminal answers at once; the runtime
    // and the app are built while its first frame is on the way.
    restoring(enter_full_screen())?;
    let runtime = restoring(
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
    )?;
    let (tx, rx) = mpsc::unbounded_channel();
    let mut app = restoring(make_app(tx))?;
    // Only the colours the terminal shows (none for NO_COLOR or TERM=dumb).
    let colors = caps::Caps::detect(false).colors;
    let mut terminal = restoring(Terminal::new(
        LeanBackend::new(io::stdout()).with_colors(colors),
    ))?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(r) = &restorer {
            let _ = r.restore();
        }
        ratatui_hook(info);
    }));
    let result = runtime.block_on(event_loop(&mut app, &mut terminal, rx));
    ratatui::restore();
    let note = app.take_exit_note();
    // The app owns the audio output: it closes (and ALSA may talk) while
    // stderr still goes to the log, not onto the user's shell.
    drop(app);
    drop(redirect);
    if let Some(note) = note {
        // Where unsaved changes went; the shell may be gone (no panic then).
        let _ = writeln!(io::stderr(), "backcoach: {note}");
    }
    result
}

/// A step of setting up the full screen: if it fails, the terminal is given
/// back as it was before the error is reported on it.
fn restoring<T>(step: io::Result<T>) -> io::Result<T> {
    step.inspect_err(|_| ratatui::restore())
}

/// What `ratatui::init` does, without building a terminal of its own (one
/// more size query of the tty before the first frame) and without panicking
/// when the terminal cannot be set up: a panic hook that restores the
/// terminal, raw mode, the alternate screen.
fn enter_full_screen() -> io::Result<()> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        // The terminal's drop shows the cursor when a panic unwinds; the
        // release build aborts instead, so the hook shows it itself.
        let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
        hook(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    // A pseudo-terminal hands what we wrote to the terminal from a kernel
    // worker queued on this CPU, which runs only once we stop for a moment:
    // without this, the switch reached the terminal together with the first
    // frame, 0.7–3 ms later, in one start of five (README, "Performance").
    std::thread::yield_now();
    Ok(())
}

async fn event_loop(
    app: &mut App,
    terminal: &mut Term,
    mut background: mpsc::UnboundedReceiver<Background>,
) -> io::Result<Exit> {
    let mut events = terminal_events()?;
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut dirty = true;
    let mut first_frame = true;
    loop {
        if dirty {
            // Saved, then shown: a frame that announces work done waits for
            // its record to be on disk.
            app.save_before_showing(Instant::now());
            // Below 40×12 a running session pauses itself (issue 18).
            let size = terminal.size()?;
            app.fit(size.width, size.height, Instant::now());
            terminal.draw(|frame| app.render(frame))?;
            dirty = false;
            if app.take_bell() {
                let mut out = io::stdout();
                out.write_all(b"\x07")?;
                out.flush()?;
            }
            // Debug builds only: a panic on demand, for the test that the
            // panic hook restores the terminal with the release profile's
            // panic setting (tests/e2e/panic.rs).
            #[cfg(debug_assertions)]
            if first_frame && std::env::var_os("BACKCOACH_TEST_PANIC").is_some() {
                panic!("BACKCOACH_TEST_PANIC: a panic on demand, after the first frame");
            }
            if std::mem::take(&mut first_frame) && app.after_first_frame() {
                // The history arrived: the screen fills in.
                dirty = true;
                continue;
            }
        }
        // Saving (an fsync) waits until the frame that shows the change is out.
        if app.flush_saves(Instant::now()) {
            dirty = true;
            continue;
        }
        if let Some(e) = app.clock_failure() {
            // Save what was done (with the last good time), then end: exit 1.
            app.interrupt(Instant::now());
            return Err(io::Error::other(e));
        }
        if app.should_quit() {
            return Ok(app.exit_status());
        }
        let wake = app.next_wake(Instant::now());
        tokio::select! {
            event = events.recv() => match event {
                Some(Ok(Event::Key(key))) if key.kind == KeyEventKind::Press => {
                    app.on_key(key, Instant::now());
                    dirty = true;
                }
                Some(Ok(Event::Resize(..))) => {
                    terminal.backend_mut().size_changed();
                    terminal.autoresize()?;
                    dirty = true;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => {
                    // The terminal went away: save what was done.
                    app.interrupt(Instant::now());
                    return Ok(Exit::Signal(1));
                }
            },
            _ = sleep_until(wake), if wake.is_some() => {
                app.tick(Instant::now());
                dirty = true;
            }
            Some(msg) = background.recv() => {
                app.background(msg);
                dirty = true;
            }
            _ = sigterm.recv() => { app.interrupt(Instant::now()); return Ok(Exit::Signal(15)); }
            _ = sighup.recv() => { app.interrupt(Instant::now()); return Ok(Exit::Signal(1)); }
            _ = sigint.recv() => { app.interrupt(Instant::now()); return Ok(Exit::Signal(2)); }
        }
    }
}

/// Terminal events, read by a thread of their own that blocks until the
/// terminal has something (no polling, no wake-up while nothing happens).
///
/// crossterm's `EventStream` does the same with a helper thread, but every
/// poll of the stream from the loop also tries the reader's lock, which the
/// helper holds while it waits: each wake-up of the loop then spun through
/// a dozen `sched_yield` calls. Here the loop only reads a channel.
fn terminal_events() -> io::Result<mpsc::UnboundedReceiver<io::Result<Event>>> {
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::Builder::new()
        .name("backcoach-keys".into())
        .spawn(move || {
            loop {
                let event = crossterm::event::read();
                let failed = event.is_err();
                if tx.send(event).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(rx)
}

async fn sleep_until(wake: Option<Instant>) {
    match wake {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}
