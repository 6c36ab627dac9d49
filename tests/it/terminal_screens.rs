//! Every terminal: the check-in, the session and the safety screen drawn by
//! the real app with no colour (`TERM=dumb`, `NO_COLOR`), in ASCII (a locale
//! that is not UTF-8, `--ascii`) and at 40×12; and a session on a terminal
//! smaller than that pauses itself.

use crate::support::fixtures;
use backcoach::catalog;
use backcoach::store::Store;
use backcoach::tui::app::{App, SoundForRun, StartAt};
use backcoach::tui::caps::Caps;
use backcoach::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tokio::time::Instant;

/// What `LANG=C` (or `--ascii`) on a terminal without colour gives.
const ASCII: Theme = Theme {
    color: false,
    ascii: true,
};

/// The three screens every terminal must show.
#[derive(Debug, Clone, Copy)]
enum At {
    CheckIn,
    Session,
    Safety,
}

fn key(app: &mut App, code: KeyCode, now: Instant) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

/// The app on the tiny catalog, at `at`.
fn app_at(theme: Theme, at: At) -> (App, tempfile::TempDir) {
    let (dir, catalog_path) = fixtures::prepared_dir();
    let catalog = catalog::load_file(&catalog_path).expect("the tiny catalog");
    let store = Store::open(dir.path()).expect("store");
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let mut app = App::new(
        catalog,
        store,
        StartAt::Session("daily".into()),
        SoundForRun::Muted,
        theme,
        tx,
    )
    .with_time_zone(jiff::tz::TimeZone::UTC);
    app.after_first_frame();
    let now = Instant::now();
    if matches!(at, At::Session | At::Safety) {
        key(&mut app, KeyCode::Char('2'), now);
        key(&mut app, KeyCode::Enter, now);
        key(&mut app, KeyCode::Enter, now); // the kind: a dull ache
        key(&mut app, KeyCode::Enter, now);
        key(&mut app, KeyCode::Enter, now);
        // Start the hold now rather than after the get-ready.
        key(&mut app, KeyCode::Char(' '), now);
    }
    if matches!(at, At::Safety) {
        key(&mut app, KeyCode::Char('s'), now);
    }
    (app, dir)
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| app.render(f)).expect("draw");
    terminal
}

fn no_colour(buffer: &Buffer) -> bool {
    buffer
        .content()
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
}

fn all_ascii(buffer: &Buffer) -> bool {
    buffer.content().iter().all(|c| c.symbol().is_ascii())
}

#[tokio::test(start_paused = true)]
async fn without_colour_the_screens_read_in_words_and_emphasis() {
    // What TERM=dumb and NO_COLOR give (a UTF-8 locale).
    let theme = Caps::from_vars(
        |k| match k {
            "TERM" => Some("dumb".into()),
            "LANG" => Some("C.UTF-8".into()),
            _ => None,
        },
        false,
    )
    .theme();
    assert_eq!(theme, Theme::monochrome());
    for (at, name) in [
        (At::CheckIn, "no_colour_checkin_80x24"),
        (At::Session, "no_colour_session_80x24"),
        (At::Safety, "no_colour_safety_80x24"),
    ] {
        let (app, _dir) = app_at(theme, at);
        let terminal = draw(&app, 80, 24);
        assert!(no_colour(terminal.backend().buffer()), "{name}");
        insta::assert_snapshot!(name, terminal.backend());
    }
}

#[tokio::test(start_paused = true)]
async fn in_ascii_not_one_character_is_beyond_ascii() {
    for (at, name) in [
        (At::CheckIn, "ascii_checkin_80x24"),
        (At::Session, "ascii_session_80x24"),
        (At::Safety, "ascii_safety_80x24"),
    ] {
        let (app, _dir) = app_at(ASCII, at);
        let terminal = draw(&app, 80, 24);
        assert!(all_ascii(terminal.backend().buffer()), "{name}");
        insta::assert_snapshot!(name, terminal.backend());
    }
}

#[tokio::test(start_paused = true)]
async fn at_40x12_the_essentials_stay() {
    for (at, name) in [
        (At::CheckIn, "small_checkin_40x12"),
        (At::Session, "small_session_40x12"),
        (At::Safety, "small_safety_40x12"),
    ] {
        let (app, _dir) = app_at(Theme::monochrome(), at);
        let terminal = draw(&app, 40, 12);
        let text = terminal.backend().to_string();
        assert!(!text.contains("Make the terminal larger"), "{text}");
        insta::assert_snapshot!(name, terminal.backend());
    }
    let (app, _dir) = app_at(Theme::monochrome(), At::Session);
    let text = draw(&app, 40, 12).backend().to_string();
    for essential in [
        "Tiny hold",
        "Set 1 of 1",
        "Hold · 2 s left",
        "s = sharp pain",
    ] {
        assert!(text.contains(essential), "{essential}: {text}");
    }
    let (app, _dir) = app_at(Theme::monochrome(), At::Safety);
    let text = draw(&app, 40, 12).backend().to_string();
    assert!(text.contains("STOPPED FOR SAFETY"), "{text}");
    // The same in ASCII at 40×12.
    let (app, _dir) = app_at(ASCII, At::Session);
    let terminal = draw(&app, 40, 12);
    assert!(all_ascii(terminal.backend().buffer()));
    insta::assert_snapshot!("small_ascii_session_40x12", terminal.backend());
}

#[tokio::test(start_paused = true)]
async fn smaller_than_40x12_the_session_pauses_itself_and_says_so() {
    let (mut app, _dir) = app_at(Theme::monochrome(), At::Session);
    let now = Instant::now();
    app.fit(39, 12, now);
    let text = draw(&app, 39, 12).backend().to_string();
    assert!(text.contains("PAUSED"), "{text}");
    assert!(text.contains("Too small (39×12; needs 40×12)"), "{text}");
    assert_eq!(app.next_wake(now), None, "every timer stopped");
    // Larger again: still paused until the person says so; p resumes.
    app.fit(80, 24, now);
    let text = draw(&app, 80, 24).backend().to_string();
    assert!(text.contains("PAUSED — press p to resume"), "{text}");
    key(&mut app, KeyCode::Char('p'), now);
    assert!(app.next_wake(now).is_some(), "running again");
}

#[tokio::test(start_paused = true)]
async fn home_below_80x24_asks_for_room_without_talking_of_timers() {
    let (dir, catalog_path) = fixtures::prepared_dir();
    let catalog = catalog::load_file(&catalog_path).expect("the tiny catalog");
    let store = Store::open(dir.path()).expect("store");
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let mut app = App::new(
        catalog,
        store,
        StartAt::Home,
        SoundForRun::Muted,
        Theme::monochrome(),
        tx,
    );
    app.after_first_frame();
    let text = draw(&app, 60, 20).backend().to_string();
    assert!(text.contains("Make the terminal larger"), "{text}");
    assert!(
        !text.contains("Timers"),
        "only a session has timers: {text}"
    );
}

#[test]
fn home_never_cuts_the_last_session_or_a_notice_mid_word() {
    use backcoach::tui::screens::home::{HomeNotice, HomeScreen};
    let catalog = catalog::builtin().expect("catalog");
    let mut home = HomeScreen::new(&catalog, |_| None);
    home.status = Some(
        "Last session: Mon 30 Nov, 15-minute daily routine for a strong back (completed)".into(),
    );
    let long = "Could not read /home/someone/.local/share/backcoach/profile.ron:3:14: expected a number; it is left untouched. Starting a routine asks what to do.";
    home.notices = vec![
        HomeNotice::safety(long.into()),
        HomeNotice::plain(
            "Your session of Mon 30 Nov was cut off; what you did is saved as partial.".into(),
        ),
    ];
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| home.render(f, f.area(), &Theme::monochrome()))
        .expect("draw");
    let text = terminal.backend().to_string();
    // The last-session line ends whole or with an ellipsis, never "(complete".
    assert!(!text.contains("(complete\""), "{text}");
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.contains("(completed)") || first.contains('…'),
        "{first}"
    );
    // Every word of every notice is on screen.
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in long.split_whitespace().chain(["partial."]) {
        assert!(flat.contains(word), "{word:?} missing:\n{text}");
    }
}
