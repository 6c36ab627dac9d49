//! One frame of the session screen during a hold, rendered into ratatui's
//! `TestBackend` (no terminal I/O): the whole cost of drawing, every second.
//! The exercise's figure is part of every frame (the hold's first exercise,
//! knee to chest, has one); a frame of counted reps has it moving, and the
//! figure is also measured alone.
//!
//! Run: `cargo bench --bench render`.

use std::time::Duration;

use backcoach::audio::SoundState;
use backcoach::catalog;
use backcoach::figure::{self, Mode};
use backcoach::plan::Plan;
use backcoach::session::{Key, Session, Settings};
use backcoach::tui::screens::session::{self as session_screen, Status};
use backcoach::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::time::Instant;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn main() {
    divan::main();
}

/// The built-in "daily" routine's first exercise made a 60 s hold, 20.5 s in.
fn holding() -> (Session, Instant) {
    let catalog = catalog::builtin().expect("the built-in catalog is valid");
    let routine = catalog.routine("daily").expect("the daily routine");
    let mut plan = Plan::base(&catalog, routine);
    let first = &mut plan.exercises[0];
    first.kind = catalog::DoseKind::Hold;
    first.per_side = false;
    first.hold_s = 60;
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan, Settings::default(), t0);
    // Space skips the get-ready: the hold starts at once.
    session.key(Key::Space, t0);
    (session, t0 + Duration::from_millis(20_500))
}

fn status() -> Status {
    Status {
        sound: SoundState::On,
        voice: None,
        save_problem: None,
    }
}

/// `render` alone: the widgets into the frame's buffer, as `Terminal::draw`
/// calls it (the buffer diff and terminal writes are in `draw_and_diff`).
#[divan::bench(args = SIZES)]
fn session_hold_frame(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let (session, at) = holding();
    let theme = Theme::default();
    let status = status();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    bencher.bench_local(|| {
        let view = session.view(at);
        let frame = terminal.get_frame();
        let area = frame.area();
        let mut frame = frame;
        session_screen::render(&mut frame, area, &view, &status, &theme);
    });
}

/// A full `Terminal::draw` one second after the previous frame: render, diff
/// against the last frame, and hand the changed cells to the backend.
#[divan::bench(args = SIZES)]
fn draw_and_diff(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let (session, at) = holding();
    let theme = Theme::default();
    let status = status();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    let mut second = 0u64;
    bencher.bench_local(|| {
        second = (second + 1) % 30;
        let view = session.view(at + Duration::from_secs(second));
        terminal
            .draw(|f| session_screen::render(f, f.area(), &view, &status, &theme))
            .map(|_| ())
    });
}

/// Bird dog counted as reps, 1.3 s into the set: its figure on the way to
/// the end pose, as the loop draws it about five times a second.
fn counting() -> (Session, Instant) {
    let catalog = catalog::builtin().expect("the built-in catalog is valid");
    let routine = catalog.routine("daily").expect("the daily routine");
    let mut plan = Plan::base(&catalog, routine);
    let bird_dog = catalog.exercise("bird-dog").expect("bird dog");
    let first = &mut plan.exercises[0];
    first.kind = catalog::DoseKind::Reps;
    first.per_side = false;
    first.reps = 10;
    first.figure = bird_dog.figure.clone();
    let t0 = Instant::now();
    let (session, _) = Session::new(plan, Settings::default(), t0);
    (session, t0 + Duration::from_millis(1_300))
}

/// `render` of a frame whose figure is moving (counted reps).
#[divan::bench(args = SIZES)]
fn session_reps_frame_moving_figure(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let (session, at) = counting();
    assert!(session.view(at).motion.is_some_and(|m| m > 0.0 && m < 1.0));
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let status = status();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    bencher.bench_local(|| {
        let view = session.view(at);
        let mut frame = terminal.get_frame();
        let area = frame.area();
        session_screen::render(&mut frame, area, &view, &status, &theme);
    });
}

/// The figure alone: the bird dog halfway, at the smallest size and the
/// largest the session gives it.
#[divan::bench(args = [(24, 12), (48, 16)])]
fn figure_alone(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let catalog = catalog::builtin().expect("the built-in catalog is valid");
    let bird_dog = catalog.exercise("bird-dog").expect("bird dog");
    let fig = bird_dog.figure.clone().expect("a figure");
    bencher.bench_local(|| figure::picture(&fig, 0.5, false, w, h, Mode::Braille));
}
