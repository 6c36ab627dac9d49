//! One frame of the session screen during a hold, rendered into ratatui's
//! `TestBackend` (no terminal I/O): the whole cost of drawing, every second.
//!
//! Run: `cargo bench --bench render`.

use std::time::Duration;

use backcoach::catalog;
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
        sound: "sound on".into(),
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
