//! The app between the store and the screen: when saving fails (disk full,
//! no permission) the session screen says so, nothing is lost, and the save
//! is retried until it lands; and the first screen never waits for the
//! history to be read.

use crate::support::records;
use std::time::Duration;

use backcoach::catalog;
use backcoach::domain::SessionStatus;
use backcoach::profile::Profile;
use backcoach::store::Store;
use backcoach::tui::app::{App, SAVE_RETRY, SoundForRun, StartAt};
use backcoach::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::time::Instant;

fn key(app: &mut App, code: KeyCode, now: Instant) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| app.render(f)).expect("draw");
    terminal.backend().to_string()
}

#[test]
fn a_failed_save_is_shown_kept_and_retried() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(dir.path()).expect("store");
    store.save_profile(&Profile::default()).expect("profile");
    // The history folder is a plain file: every history write fails.
    let history = dir.path().join("history");
    std::fs::write(&history, "not a folder").expect("block");

    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let catalog = catalog::builtin().expect("catalog");
    let mut app = App::new(
        catalog,
        store,
        StartAt::Session("daily".into()),
        SoundForRun::Muted,
        Theme::monochrome(),
        tx,
    );
    app.after_first_frame();
    let t0 = Instant::now();
    key(&mut app, KeyCode::Char('1'), t0);
    key(&mut app, KeyCode::Enter, t0); // the number
    key(&mut app, KeyCode::Enter, t0); // its kind: a dull ache
    key(&mut app, KeyCode::Enter, t0);
    key(&mut app, KeyCode::Enter, t0);
    // The session's first frame is drawn before anything is written.
    assert!(!screen(&app).contains("Not saved yet"));
    assert!(
        app.flush_saves(t0),
        "the failure changes what the screen says"
    );
    let shown = screen(&app);
    assert!(shown.contains("Not saved yet"), "{shown}");
    assert!(
        app.session_record()
            .is_some_and(|r| r.status == SessionStatus::InProgress)
    );
    // The loop will wake to retry even while nothing else is due.
    let wake = app.next_wake(t0).expect("a retry is scheduled");
    assert!(wake <= t0 + SAVE_RETRY);

    // Still failing: still shown, retried again later.
    app.tick(t0 + SAVE_RETRY);
    assert!(screen(&app).contains("Not saved yet"));

    // The disk is fixed: the next retry lands everything.
    std::fs::remove_file(&history).expect("unblock");
    app.tick(t0 + SAVE_RETRY * 2 + Duration::from_millis(1));
    let shown = screen(&app);
    assert!(!shown.contains("Not saved yet"), "{shown}");
    let saved = Store::open(dir.path()).expect("store").load_all();
    assert_eq!(saved.sessions.len(), 1, "the session is on disk");
    assert_eq!(saved.checkins.len(), 1, "the check-in is on disk");
}

/// The first frame never waits for the history: the home screen and the
/// check-in's frame are drawn from the catalog and profile alone, and what
/// the history says (a session cut off yesterday, the questions about it)
/// fills in once the loop calls `after_first_frame`.
#[test]
fn the_first_screen_is_drawn_before_the_history_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(dir.path()).expect("store");
    store.save_profile(&Profile::default()).expect("profile");
    let yesterday = jiff::Zoned::now().date().yesterday().expect("a yesterday");
    let started = yesterday
        .at(18, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("time")
        .timestamp();
    let mut cut_off = records::session_at(started, yesterday, SessionStatus::InProgress, 2);
    cut_off.ended = None;
    store.save_session(&cut_off).expect("seeded");

    let new_app = |start: StartAt| {
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        let store = Store::open(dir.path()).expect("store");
        App::new(
            catalog::builtin().expect("catalog"),
            store,
            start,
            SoundForRun::Muted,
            Theme::monochrome(),
            tx,
        )
        .with_time_zone(jiff::tz::TimeZone::UTC)
    };

    let mut home = new_app(StartAt::Home);
    let first = screen(&home);
    assert!(first.contains("15-minute daily routine"), "{first}");
    assert!(!first.contains("cut off"), "{first}");
    assert!(home.after_first_frame(), "the screen fills in");
    let filled = screen(&home);
    assert!(filled.contains("cut off"), "{filled}");
    assert!(!home.after_first_frame(), "only once");

    let mut start = new_app(StartAt::Session("daily".into()));
    let t0 = Instant::now();
    // The check-in's frame is drawn first, before the history is known (its
    // first question depends on it: a safety stop is asked about first)...
    let first = screen(&start);
    assert!(first.contains("Check-in"), "{first}");
    assert!(!first.contains("How much discomfort"), "{first}");
    start.after_first_frame();
    assert!(screen(&start).contains("How much discomfort"));
    key(&mut start, KeyCode::Char('2'), t0);
    key(&mut start, KeyCode::Enter, t0);
    key(&mut start, KeyCode::Enter, t0); // a dull ache
    // ...and the question about the last session follows once it is.
    let asked = screen(&start);
    assert!(asked.contains("last session"), "{asked}");
}

/// Saved, then shown: the frame that announces an exercise done is drawn
/// only after its record is on disk. The loop calls `save_before_showing`
/// right before every draw; here the record is missing from disk until it is
/// called, and there once it has been.
#[test]
fn an_exercise_done_is_on_disk_before_the_frame_that_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(dir.path()).expect("store");
    store
        .save_profile(&Profile {
            experience: backcoach::profile::Experience::Regular,
            ..Profile::default()
        })
        .expect("profile");
    let catalog = catalog::parse(
        r#"#![enable(implicit_some)]
(
    exercises: [(
        id: "squat", name: "Squat", category: Strength, targets: ["legs"],
        position: "Standing", dose: (kind: Reps, sets: (1, 1), reps: (2, 2)),
        steps: ["Sit back and stand."], cue: "Chest up", level: Beginner, sources: ["test"],
    ), (
        id: "row", name: "Row", category: Strength, targets: ["back"],
        position: "Standing", dose: (kind: Reps, sets: (1, 1), reps: (2, 2)),
        steps: ["Pull."], cue: "Shoulders down", level: Beginner, sources: ["test"],
    )],
    routines: [(
        id: "daily", name: "Two moves", summary: "For tests.", minutes: (1, 1),
        frequency: (days_per_week: (1, 7)), items: [(exercise: "squat"), (exercise: "row")],
        sources: ["test"],
    )],
)
"#,
        "test",
    )
    .expect("catalog");
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let mut app = App::new(
        catalog,
        store,
        StartAt::Session("daily".into()),
        SoundForRun::Muted,
        Theme::monochrome(),
        tx,
    );
    app.after_first_frame();
    let t0 = Instant::now();
    for code in [
        KeyCode::Char('1'),
        KeyCode::Enter,
        KeyCode::Enter, // the kind: a dull ache
        KeyCode::Enter,
        KeyCode::Enter,
    ] {
        key(&mut app, code, t0);
    }
    app.flush_saves(t0);
    let on_disk = || {
        Store::open(dir.path())
            .expect("store")
            .load_all()
            .sessions
            .first()
            .map(|s| s.exercises.len())
            .unwrap_or(0)
    };
    assert_eq!(on_disk(), 0);
    key(&mut app, KeyCode::Char(' '), t0);
    key(&mut app, KeyCode::Char(' '), t0);
    assert!(
        screen(&app).contains("Squat done"),
        "the quick check is next"
    );
    assert_eq!(on_disk(), 0, "not written by the key itself");
    app.save_before_showing(t0);
    assert_eq!(on_disk(), 1, "on disk before the frame is drawn");
}
