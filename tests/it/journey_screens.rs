//! Snapshots of the screens on the way into a session, drawn by the real app
//! from a real data dir: a day closed by a warning sign, an urgent sign, a
//! safety stop the day before (its notice and first question), a profile
//! that cannot be read, the advice after the set-up, the resume offer, the
//! check-in at 120×40, the day closed by a stop earlier today, a routine
//! that needs more recovery time, and an unknown routine. (The session's
//! header when saving fails: `session_screens`.)

use crate::support::records;
use backcoach::catalog;
use backcoach::clock::Clock;
use backcoach::domain::{CheckIn, SessionStatus, WarningSign};
use backcoach::profile::{Condition, Experience, Profile};
use backcoach::store::Store;
use backcoach::tui::app::{App, SoundForRun, StartAt};
use backcoach::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::time::Instant;

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.render(f)).expect("draw");
    terminal.backend().to_string()
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE), Instant::now());
    }
}

/// Today in the app's own terms: the tests pin the app to UTC.
fn today() -> Date {
    Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

fn regular() -> Profile {
    Profile {
        experience: Experience::Regular,
        ..Profile::default()
    }
}

/// The app on a fresh data dir prepared by `seed`, at `start`, history read.
fn app_with(start: StartAt, seed: impl FnOnce(&mut Store)) -> App {
    app_at(Clock::system(), start, seed)
}

/// The same with the app's clock: a fixed day makes dates in messages fixed.
fn app_at(clock: Clock, start: StartAt, seed: impl FnOnce(&mut Store)) -> App {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let mut store = Store::open(&dir).expect("store");
    seed(&mut store);
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let mut app = App::new(
        catalog::builtin().expect("catalog"),
        store,
        start,
        SoundForRun::Muted,
        Theme::monochrome(),
        tx,
    )
    .with_time_zone(jiff::tz::TimeZone::UTC)
    .with_clock(clock);
    app.after_first_frame();
    app
}

fn checkin_now(signs: &[WarningSign]) -> CheckIn {
    CheckIn {
        at: Timestamp::now(),
        date: today(),
        baseline: 2,
        asked_warning_signs: true,
        warning_signs: signs.to_vec(),
        since_last: None,
        stop_pain_eased: None,
        lingering: false,
    }
}

fn start_daily() -> StartAt {
    StartAt::Session("daily".into())
}

#[test]
fn a_day_closed_by_a_warning_sign_and_by_an_urgent_one() {
    let app = app_with(start_daily(), |store| {
        store.save_profile(&regular()).expect("profile");
        store
            .save_checkin(&checkin_now(&[WarningSign::NumbnessTingling]))
            .expect("check-in");
    });
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("NO EXERCISE TODAY"), "{screen}");
    insta::assert_snapshot!("day_closed_warning_sign_80x24", screen);

    let app = app_with(start_daily(), |store| {
        store.save_profile(&regular()).expect("profile");
        store
            .save_checkin(&checkin_now(&[WarningSign::SaddleNumbness]))
            .expect("check-in");
    });
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("GET URGENT MEDICAL CARE"), "{screen}");
    insta::assert_snapshot!("day_closed_urgent_sign_80x24", screen);
}

#[test]
fn the_day_after_a_stop_the_check_in_asks_about_it_first_at_120x40() {
    let app = app_with(start_daily(), |store| {
        store.save_profile(&regular()).expect("profile");
        let yesterday = today().yesterday().expect("yesterday");
        let started = records::at(yesterday, 9, 0);
        let stop = records::session_at(
            started,
            yesterday,
            SessionStatus::StoppedForSafety {
                reason: "Sharp pain during Bridge, set 1 of 2".into(),
            },
            10,
        );
        store.save_session(&stop).expect("seed");
    });
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("Has that pain eased?"), "{screen}");
    assert!(
        screen.contains("Yesterday's session was stopped for safety"),
        "{screen}"
    );
    // The day of the stop is not a fixed date in a snapshot: check it, then
    // snapshot the rest with it filtered.
    let day = backcoach::domain::dates::short_date(today().yesterday().expect("yesterday"));
    insta::assert_snapshot!(
        "checkin_after_a_stop_120x40",
        screen.replace(&day, "Ddd dd Mmm")
    );
}

#[test]
fn an_unreadable_profile_asks_before_any_session() {
    let app = app_with(start_daily(), |store| {
        std::fs::write(
            store.dir().join("profile.ron"),
            "(experience: Returning, discomfort_limit: three)\n",
        )
        .expect("bad profile");
    });
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("could not be read"), "{screen}");
    // The data dir is a temporary path: filtered out of the snapshot.
    let filtered: String = screen
        .lines()
        .map(|l| {
            if l.contains("profile.ron:") {
                "[profile.ron:line:col: the problem]".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("profile_unreadable_80x24", filtered);
}

#[test]
fn the_advice_after_a_set_up_with_a_condition() {
    let mut app = app_with(StartAt::Home, |_| {});
    // First run: the set-up. Returning, then herniated disc, then save.
    let right = KeyEvent::new(KeyCode::Right, KeyModifiers::NONE);
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    app.on_key(right, Instant::now());
    app.on_key(down, Instant::now());
    app.on_key(down, Instant::now());
    press(&mut app, " \n");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Before you start"), "{screen}");
    assert!(
        screen.contains(Condition::HerniatedDisc.label()),
        "{screen}"
    );
    insta::assert_snapshot!("before_you_start_80x24", screen);
}

#[test]
fn the_resume_offer() {
    let mut app = app_with(start_daily(), |store| {
        store.save_profile(&regular()).expect("profile");
        store.save_checkin(&checkin_now(&[])).expect("check-in");
        let started = Timestamp::now()
            .checked_sub(jiff::SignedDuration::from_mins(20))
            .expect("time");
        let mut cut = records::session_at(started, today(), SessionStatus::Partial, 5);
        cut.routine_name = "15-minute daily routine".into();
        cut.exercises = vec![records::exercise("knee-to-chest", 2, 2, started)];
        cut.exercises[0].target_hold_s = 20;
        store.save_session(&cut).expect("seed");
    });
    // Baseline (a dull ache), then "same" about the last session.
    press(&mut app, "1\n\ns");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Resume your session?"), "{screen}");
    insta::assert_snapshot!("resume_offer_80x24", screen);
}

/// The other messages on the way into a session, on a fixed day (Wednesday
/// 18 November 2026, 10:00 UTC): the day closed by a safety stop earlier
/// today, the gym day asked for the day after the last one (48 hours of
/// recovery), and a routine id that does not exist.
#[test]
fn the_other_messages_on_the_way_in() {
    let now: Timestamp = "2026-11-18T10:00:00Z".parse().expect("a time");
    let today = Date::constant(2026, 11, 18);
    let yesterday = Date::constant(2026, 11, 17);
    let fixed = || Clock::starting_at(now.into());

    let app = app_at(fixed(), start_daily(), |store| {
        store.save_profile(&regular()).expect("profile");
        let stop = records::session_at(
            records::at(today, 8, 0),
            today,
            SessionStatus::StoppedForSafety {
                reason: "Sharp pain during Bridge, set 1 of 2".into(),
            },
            10,
        );
        store.save_session(&stop).expect("seed");
    });
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("NO EXERCISE TODAY"), "{screen}");
    insta::assert_snapshot!("day_closed_safety_stop_80x24", screen);

    let app = app_at(fixed(), StartAt::Session("gym-back-day".into()), |store| {
        store.save_profile(&regular()).expect("profile");
        let mut gym = records::session_at(
            records::at(yesterday, 18, 0),
            yesterday,
            SessionStatus::Completed,
            50,
        );
        gym.routine_id = "gym-back-day".into();
        gym.routine_name = "Gym back day".into();
        gym.intense = true;
        store.save_session(&gym).expect("seed");
    });
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Gym back day: not yet"), "{screen}");
    // 48 hours after yesterday's session ended at 18:50.
    assert!(screen.contains("next due Thu 19 Nov, 18:50"), "{screen}");
    insta::assert_snapshot!("not_yet_80x24", screen);

    let app = app_at(
        fixed(),
        StartAt::Session("no-such-routine".into()),
        |store| {
            store.save_profile(&regular()).expect("profile");
        },
    );
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Unknown routine"), "{screen}");
    insta::assert_snapshot!("unknown_routine_80x24", screen);
}
