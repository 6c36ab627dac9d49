//! The week screen drawn on a test terminal (80×24 and 120×40), and its keys.

use crate::support::records::*;
use backcoach::domain::History;
use backcoach::domain::dates;
use backcoach::domain::*;
use backcoach::profile::Profile;
use backcoach::rules::week::{self, WeekSummary};
use backcoach::tui::screens::week::{WeekAction, WeekScreen};
use backcoach::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Thursday of the typical week.
fn today() -> Date {
    date(2026, 3, 19)
}

fn draw(summary: WeekSummary, width: u16, height: u16) -> Terminal<TestBackend> {
    let screen = WeekScreen::new(summary);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| screen.render(f, f.area(), &Theme::monochrome()))
        .unwrap();
    terminal
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

fn summarize(h: &History) -> WeekSummary {
    week::summarize(h, &Profile::default(), today(), today())
}

fn typical() -> History {
    let mon = monday();
    let d = |i| dates::add_days(mon, i);
    let mut sessions = Vec::new();
    // Last week: four days.
    for i in [-7, -5, -3, -2] {
        sessions.push(done(d(i)));
    }
    // The five weeks before: three or four days each.
    for w in 2..8 {
        for i in 0..(3 + w % 2) {
            sessions.push(done(d(-7 * w + i * 2)));
        }
    }
    let mut mini = session(d(1), SessionStatus::Partial, 9);
    mini.routine_name = "Mini workout".into();
    mini.exercises.truncate(1);
    sessions.extend([done(d(0)), mini, done(d(2))]);
    let checkins = (0..6)
        .flat_map(|w| {
            [
                checkin(d(-7 * w), 1 + w as u8),
                checkin(d(-7 * w + 2), w as u8),
            ]
        })
        .collect();
    History {
        sessions,
        checkins,
        marks: vec![DayMark {
            date: d(5),
            kind: DayMarkKind::Rest,
        }],
        ..History::default()
    }
}

fn with_safety_stop() -> History {
    let mut h = typical();
    let mut stop = session(
        today(),
        SessionStatus::StoppedForSafety {
            reason: "sharp pain (7/10) during Bird dog".into(),
        },
        4,
    );
    stop.id = "stop".into();
    h.sessions.push(stop);
    h
}

/// A user's first day: a check-in and one session today, nothing before.
fn first_day() -> History {
    History {
        sessions: vec![done(today())],
        checkins: vec![checkin(today(), 2)],
        ..History::default()
    }
}

macro_rules! snapshots {
    ($name:ident, $history:expr) => {
        #[test]
        fn $name() {
            let summary = summarize(&$history);
            for (w, h) in [(80, 24), (120, 40)] {
                let terminal = draw(summary.clone(), w, h);
                let text = text_of(&terminal);
                for day in &summary.days {
                    assert!(text.contains(day.status.label()));
                }
                insta::assert_snapshot!(
                    format!("{}_{w}x{h}", stringify!($name)),
                    terminal.backend()
                );
            }
        }
    };
}

snapshots!(empty_history, History::default());
snapshots!(typical_week, typical());
snapshots!(week_with_a_safety_stop, with_safety_stop());
snapshots!(first_day_week, first_day());

#[test]
fn on_the_first_day_earlier_days_are_not_started_not_missed() {
    let s = summarize(&first_day());
    let words: Vec<_> = s.days.iter().map(|d| d.status.label()).collect();
    assert_eq!(
        words,
        [
            "not started",
            "not started",
            "not started",
            "done",
            "future",
            "future",
            "future"
        ]
    );
    assert!(!text_of(&draw(s, 80, 24)).contains("missed"));
    // With nothing recorded at all, today is the first day.
    let empty = summarize(&History::default());
    assert_eq!(empty.days[0].status.label(), "not started");
}

#[test]
fn every_status_word_is_on_screen() {
    let text = text_of(&draw(summarize(&typical()), 80, 24));
    for word in ["done", "partial", "today", "rest", "future"] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    assert!(text.contains("Target: 3 of 3 days"), "{text}");
    let stop = text_of(&draw(summarize(&with_safety_stop()), 80, 24));
    assert!(stop.contains("stopped"), "{stop}");
    assert!(stop.contains("Last safety stop"), "{stop}");
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn keys_move_between_weeks_and_days_and_cycle_marks() {
    let mut screen = WeekScreen::new(summarize(&typical()));
    assert_eq!(screen.selected, 3, "today is selected");
    assert_eq!(
        screen.on_key(key(KeyCode::Left)),
        WeekAction::ShowWeek(date(2026, 3, 9))
    );
    assert_eq!(
        screen.on_key(key(KeyCode::Right)),
        WeekAction::ShowWeek(date(2026, 3, 23))
    );
    assert_eq!(screen.on_key(key(KeyCode::Up)), WeekAction::Redraw);
    assert_eq!(screen.selected, 2);
    for _ in 0..10 {
        screen.on_key(key(KeyCode::Down));
    }
    assert_eq!(screen.selected, 6);
    assert_eq!(screen.on_key(key(KeyCode::Down)), WeekAction::None);
    // Saturday is marked rest: m makes it sick, then clears it.
    screen.on_key(key(KeyCode::Up));
    assert_eq!(
        screen.on_key(key(KeyCode::Char('m'))),
        WeekAction::MarkDay(date(2026, 3, 21), Some(DayMarkKind::Sick))
    );
    screen.on_key(key(KeyCode::Up));
    assert_eq!(
        screen.on_key(key(KeyCode::Char('m'))),
        WeekAction::MarkDay(date(2026, 3, 20), Some(DayMarkKind::Rest))
    );
    let footer = text_of(&{
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| screen.render(f, f.area(), &Theme::default()))
            .unwrap();
        t
    });
    assert!(footer.contains("m mark Fri 20 Mar as rest"), "{footer}");
    assert_eq!(
        screen.on_key(key(KeyCode::Char('c'))),
        WeekAction::ShowWeek(today())
    );
    assert_eq!(screen.selected, 3);
    assert_eq!(screen.on_key(key(KeyCode::Char('t'))), WeekAction::Trends);
    assert_eq!(screen.on_key(key(KeyCode::Char('q'))), WeekAction::Back);
    assert_eq!(screen.on_key(key(KeyCode::Esc)), WeekAction::Back);
    assert_eq!(
        screen.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        WeekAction::Quit
    );
}

#[test]
fn tiny_and_odd_sizes_do_not_panic() {
    let summary = summarize(&with_safety_stop());
    for (w, h) in [(1, 1), (20, 5), (40, 12), (79, 23), (200, 60)] {
        draw(summary.clone(), w, h);
    }
}
