//! The trends screen (snapshots at 80×24 and 120×40, with and without
//! colour, and in ASCII), its keys, the ways to it from home and the week
//! screen, and `backcoach trends` / `backcoach report` through the binary
//! (files, modes, errors); in a pseudo-terminal: `e2e::trends`.

use std::os::unix::fs::PermissionsExt;

use crate::support::trends::*;
use assert_cmd::Command;
use backcoach::catalog;
use backcoach::domain::History;
use backcoach::domain::dates::add_days;
use backcoach::profile::Profile;
use backcoach::rules::trends::{SPANS, Trends, Window};
use backcoach::store::Store;
use backcoach::tui::app::{App, StartAt};
use backcoach::tui::screens::trends::{TrendsAction, TrendsScreen};
use backcoach::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::time::Instant;

const COLOUR: Theme = Theme {
    color: true,
    ascii: false,
};
const NO_COLOUR: Theme = Theme::monochrome();

/// The sample's spans as they read on the Monday after its last week.
fn sample_screen() -> TrendsScreen {
    let (history, profile) = (sample_history(), sample_profile());
    TrendsScreen::new(
        SPANS
            .iter()
            .map(|&weeks| {
                Trends::compute(
                    &history,
                    &profile,
                    Window::ending(sample_today(), weeks),
                    add_days(sample_today(), 1),
                )
            })
            .collect(),
    )
}

fn draw(screen: &TrendsScreen, theme: Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| screen.render(f, f.area(), &theme))
        .expect("draw");
    terminal
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_trends_screen_at_80x24_and_120x40_with_and_without_colour() {
    let mut screen = sample_screen();
    for (w, h) in [(80, 24), (120, 40)] {
        for (weeks, selected) in [(6, 0), (12, 1)] {
            screen.selected = selected;
            let name = format!("trends_{weeks}_weeks_{w}x{h}");
            // The text as a person sees it without colour…
            insta::assert_snapshot!(name.clone(), draw(&screen, NO_COLOUR, w, h).backend());
            // …and, for one span, every cell's style with and without colour.
            if weeks == 6 {
                insta::assert_debug_snapshot!(
                    format!("{name}_styles_colour"),
                    draw(&screen, COLOUR, w, h).backend().buffer()
                );
                insta::assert_debug_snapshot!(
                    format!("{name}_styles_no_colour"),
                    draw(&screen, NO_COLOUR, w, h).backend().buffer()
                );
            }
        }
    }
}

#[test]
fn without_colour_no_cell_has_a_colour_and_every_series_keeps_its_own_symbol() {
    let screen = sample_screen();
    let terminal = draw(&screen, NO_COLOUR, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    let text = terminal.backend().to_string();
    for symbol in ['•', '×', 'S', '!'] {
        assert!(text.contains(symbol), "{symbol} missing:\n{text}");
    }
    assert!(text.contains("• check-in × end"), "{text}");
}

#[test]
fn the_ascii_mode_draws_the_same_screen_in_ascii() {
    let mut screen = sample_screen();
    screen.ascii = true;
    let terminal = draw(&screen, NO_COLOUR, 80, 24);
    let text = terminal.backend().to_string();
    assert!(text.is_ascii(), "{text}");
    insta::assert_snapshot!("trends_ascii_80x24", text);
}

#[test]
fn with_no_history_the_screen_says_so() {
    let today = sample_today();
    let screen = TrendsScreen::new(Trends::for_spans(
        &History::default(),
        &Profile::default(),
        today,
    ));
    let text = draw(&screen, NO_COLOUR, 80, 24).backend().to_string();
    assert!(text.contains("Not enough check-ins yet"), "{text}");
    assert!(text.contains("No ratings in these weeks yet."), "{text}");
    assert!(
        text.contains("Doses: no exercise recorded in these weeks yet."),
        "{text}"
    );
    insta::assert_snapshot!("trends_empty_80x24", text);
}

#[test]
fn the_arrows_and_tab_toggle_6_12_and_26_weeks_and_q_goes_back() {
    let mut screen = sample_screen();
    let weeks = |s: &TrendsScreen| s.shown().map(|t| t.window.weeks);
    assert_eq!(weeks(&screen), Some(6));
    assert_eq!(screen.on_key(key(KeyCode::Left)), TrendsAction::None);
    assert_eq!(screen.on_key(key(KeyCode::Right)), TrendsAction::Redraw);
    assert_eq!(weeks(&screen), Some(12));
    assert_eq!(screen.on_key(key(KeyCode::Char('l'))), TrendsAction::Redraw);
    assert_eq!(weeks(&screen), Some(26));
    assert_eq!(screen.on_key(key(KeyCode::Right)), TrendsAction::None);
    assert_eq!(screen.on_key(key(KeyCode::Tab)), TrendsAction::Redraw);
    assert_eq!(weeks(&screen), Some(6));
    assert_eq!(screen.on_key(key(KeyCode::BackTab)), TrendsAction::Redraw);
    assert_eq!(weeks(&screen), Some(26));
    let text = draw(&screen, NO_COLOUR, 80, 24).backend().to_string();
    assert!(text.contains("[26] weeks"), "{text}");
    assert_eq!(screen.on_key(key(KeyCode::Char('q'))), TrendsAction::Back);
    assert_eq!(screen.on_key(key(KeyCode::Esc)), TrendsAction::Back);
    assert_eq!(
        screen.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        TrendsAction::Quit
    );
}

// ---- the ways in, inside the app ------------------------------------------

fn app_on(dir: &std::path::Path, start: StartAt) -> App {
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let store = Store::open(dir).expect("store");
    let mut app = App::new(
        catalog::builtin().expect("catalog"),
        store,
        start,
        backcoach::tui::app::SoundForRun::Muted,
        NO_COLOUR,
        tx,
    )
    .with_time_zone(jiff::tz::TimeZone::UTC);
    app.after_first_frame();
    app
}

fn app_screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| app.render(f)).expect("draw");
    terminal.backend().to_string()
}

#[test]
fn t_opens_trends_from_home_and_from_the_week_screen_and_q_comes_back() {
    let dir = tempfile::tempdir().expect("dir");
    write_sample(dir.path());
    let now = Instant::now();

    let mut app = app_on(dir.path(), StartAt::Home);
    assert!(app_screen(&app).contains("t trends"));
    app.on_key(key(KeyCode::Char('t')), now);
    let screen = app_screen(&app);
    assert!(screen.contains("Trends · "), "{screen}");
    assert!(screen.contains("[6] 12  26  weeks"), "{screen}");
    app.on_key(key(KeyCode::Right), now);
    assert!(app_screen(&app).contains("[12]"));
    app.on_key(key(KeyCode::Char('q')), now);
    assert!(app_screen(&app).contains("Routines"), "back home");
    assert!(!app.should_quit());

    let mut app = app_on(dir.path(), StartAt::Week(None));
    assert!(app_screen(&app).contains("t trends"));
    app.on_key(key(KeyCode::Char('t')), now);
    assert!(app_screen(&app).contains("Trends · "));
    app.on_key(key(KeyCode::Esc), now);
    let screen = app_screen(&app);
    assert!(screen.contains("Target:"), "back on the week: {screen}");
    assert!(!app.should_quit());

    // Opened on its own (`backcoach trends`), q leaves.
    let mut app = app_on(dir.path(), StartAt::Trends);
    assert!(app_screen(&app).contains("Trends · "));
    app.on_key(key(KeyCode::Char('q')), now);
    assert!(app.should_quit());
}

// ---- through the binary -----------------------------------------------------

fn backcoach(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("backcoach").expect("binary");
    cmd.arg("--data-dir")
        .arg(dir)
        .current_dir(dir)
        .env("HOME", dir);
    cmd
}

#[test]
fn report_writes_a_private_file_in_either_format_and_says_where() {
    let dir = tempfile::tempdir().expect("dir");
    write_sample(dir.path());

    let out = backcoach(dir.path())
        .args(["report", "--to", "2026-11-22"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("Wrote backcoach-report-2026-11-22.html"),
        "{stdout}"
    );
    let path = dir.path().join("backcoach-report-2026-11-22.html");
    let mode = std::fs::metadata(&path)
        .expect("the report")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let html = std::fs::read_to_string(&path).expect("read");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Sharp pain during Superman, set 1 of 1"));
    assert!(scraper::Html::parse_document(&html).errors.is_empty());

    // An existing file, readable by others, is replaced by a private one.
    let md = dir.path().join("sub-report.md");
    std::fs::write(&md, "old").expect("write");
    std::fs::set_permissions(&md, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    backcoach(dir.path())
        .args([
            "report",
            "--weeks",
            "6",
            "--to",
            "2026-11-22",
            "--format",
            "md",
            "--out",
            "sub-report.md",
        ])
        .assert()
        .success();
    assert_eq!(
        std::fs::metadata(&md).expect("md").permissions().mode() & 0o777,
        0o600
    );
    let text = std::fs::read_to_string(&md).expect("read");
    assert!(
        text.contains("# Back exercise log, Mon 12 Oct – Sun 22 Nov 2026 (6 weeks)"),
        "{text}"
    );

    // `--out -` prints it, for a pipe.
    let out = backcoach(dir.path())
        .args([
            "report",
            "--from",
            "2026-09-01",
            "--to",
            "2026-09-30",
            "--format",
            "md",
            "--out",
            "-",
        ])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("> **What this is: a personal log"),
        "{text}"
    );
    assert!(
        text.contains("Mon 31 Aug – Sun 4 Oct 2026 (5 weeks)"),
        "{text}"
    );
}

#[test]
fn report_refuses_bad_dates_and_spans_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("dir");
    let out = backcoach(dir.path())
        .args(["report", "--from", "2026-11-22", "--to", "2026-11-01"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "backcoach: --from 2026-11-22 is after --to 2026-11-01\n"
    );
    let out = backcoach(dir.path())
        .args(["report", "--from", "1900-01-01", "--to", "2026-11-01"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than 1100 weeks"));
    for args in [
        &["report", "--weeks", "0"][..],
        &["report", "--weeks", "4", "--from", "2026-11-01"],
        &["report", "--format", "pdf"],
        &["report", "--to", "yesterday"],
        &["trends", "--weeks", "4"],
    ] {
        backcoach(dir.path()).args(args).assert().code(2);
    }
    // Nothing was written.
    assert!(
        std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .all(|e| !e
                .file_name()
                .to_string_lossy()
                .starts_with("backcoach-report"))
    );
}

#[test]
fn trends_print_writes_the_figures_as_plain_text() {
    let dir = tempfile::tempdir().expect("dir");
    write_sample(dir.path());
    // From disk through the command, the same figures as from the sample in memory.
    let today = add_days(sample_today(), 1);
    let out =
        backcoach::cli::report::trends_print(Some(dir.path()), Some(12), today).expect("trends");
    let expected = Trends::compute(
        &sample_history(),
        &sample_profile(),
        Window::ending(today, 12),
        today,
    );
    assert_eq!(out.stdout, backcoach::report::text(&expected));
    assert!(out.stdout.contains("Sharp pain during Superman"));
    assert!(out.stderr.is_empty());

    // The binary, today: the last six weeks, whatever they hold.
    let out = backcoach(dir.path())
        .args(["trends", "--print"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Trends, last 6 weeks: "), "{text}");
    assert!(!text.contains('\u{1b}'));
}
