//! One step of the session engine: what the event loop asks of it at each
//! wake-up (a tick through a second boundary, then the view to draw) and on a
//! key press.
//!
//! Run: `cargo bench --bench engine`.

use std::time::Duration;

use backcoach::catalog;
use backcoach::plan::Plan;
use backcoach::session::{Key, Session, Settings};
use tokio::time::Instant;

fn main() {
    divan::main();
}

/// The built-in "daily" routine with its first exercise a 600 s hold, so a
/// benchmark can step through hundreds of seconds without it ending.
fn long_hold() -> (Session, Instant) {
    let catalog = catalog::builtin().expect("the built-in catalog is valid");
    let routine = catalog.routine("daily").expect("the daily routine");
    let mut plan = Plan::base(&catalog, routine);
    let first = &mut plan.exercises[0];
    first.kind = catalog::DoseKind::Hold;
    first.per_side = false;
    first.hold_s = 600;
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan, Settings::default(), t0);
    session.key(Key::Space, t0);
    (session, t0)
}

/// A wake-up: `next_wake`, `tick` at that moment (a second boundary) and the
/// view for the frame, as the loop does once a second during a hold.
#[divan::bench]
fn tick_through_a_second(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let (mut session, t0) = long_hold();
            let at = t0 + Duration::from_millis(100_500);
            session.tick(at);
            (session, at)
        })
        .bench_local_values(|(mut session, at)| {
            let wake = session.next_wake(at).expect("a hold has a next wake");
            let fx = session.tick(wake);
            let view = session.view(wake);
            (fx, view.readout, session)
        });
}

/// A key press during a hold: pause, then resume (every pending time moves).
#[divan::bench]
fn key_pause_and_resume(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let (mut session, t0) = long_hold();
            let at = t0 + Duration::from_millis(30_250);
            session.tick(at);
            (session, at)
        })
        .bench_local_values(|(mut session, at)| {
            let mut fx = session.key(Key::Char('p'), at);
            fx.extend(session.key(Key::Char('p'), at + Duration::from_secs(2)));
            (fx, session)
        });
}

/// The heaviest key: `n` finishes the exercise early (its record is made)
/// and opens the quick rating.
#[divan::bench]
fn key_next_exercise(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let (mut session, t0) = long_hold();
            let at = t0 + Duration::from_millis(45_000);
            session.tick(at);
            (session, at)
        })
        .bench_local_values(|(mut session, at)| {
            let fx = session.key(Key::Char('n'), at);
            (fx, session)
        });
}
