//! Whole-screen snapshots (ratatui `TestBackend` + insta) of the session,
//! its prompts, the end and safety screens, and the other screens, at 80×24
//! and 120×40.

use std::time::Duration;

use crate::support::plans::{builtin as planned, plan_of};
use backcoach::audio::SoundState;
use backcoach::catalog;
use backcoach::coach::Today;
use backcoach::coach::checkin::{Answer, CheckInFlow};
use backcoach::plan::{Plan, PlannedExercise};
use backcoach::profile::Profile;
use backcoach::session::{Key, Readout, Session, Settings};
use backcoach::store::Store;
use backcoach::tui::app::{App, SoundForRun, StartAt};
use backcoach::tui::screens::checkin as checkin_screen;
use backcoach::tui::screens::preview::PreviewScreen;
use backcoach::tui::screens::session::{self as session_screen, Status};
use backcoach::tui::screens::setup::SetupScreen;
use backcoach::tui::theme::Theme;
use jiff::Timestamp;
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::time::Instant;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

pub(crate) fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

pub(crate) fn plan(exercises: Vec<PlannedExercise>) -> Plan {
    plan_of("home-beginner", "At-home beginner back routine", exercises)
}

pub(crate) fn status() -> Status {
    Status {
        sound: SoundState::NoDevice,
        voice: None,
        save_problem: None,
    }
}

pub(crate) fn draw_session(session: &Session, at: Instant, w: u16, h: u16) -> String {
    draw_session_with(session, at, w, h, &status())
}

/// The session screen with what the edges add (sound, saving) given.
pub(crate) fn draw_session_with(
    session: &Session,
    at: Instant,
    w: u16,
    h: u16,
    status: &Status,
) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            session_screen::render(f, f.area(), &session.view(at), status, &Theme::monochrome())
        })
        .expect("draw");
    terminal.backend().to_string()
}

pub(crate) fn snap_session(name: &str, session: &Session, at: Instant) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw_session(session, at, w, h));
    }
}

pub(crate) fn plank_session() -> (Session, Instant) {
    let t0 = Instant::now();
    let plank = PlannedExercise {
        sets: 3,
        hold_s: 20,
        ..planned("front-plank")
    };
    let (mut session, _) = Session::new(
        plan(vec![plank, planned("childs-pose")]),
        Settings::default(),
        t0,
    );
    session.tick(t0 + s(5));
    (session, t0)
}

#[test]
fn a_hold() {
    let (mut session, t0) = plank_session();
    session.tick(t0 + s(12));
    snap_session("hold", &session, t0 + s(12));
}

#[test]
fn a_rep_set() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(
        plan(vec![planned("band-pull-apart")]),
        Settings::default(),
        t0,
    );
    for i in 0..4 {
        session.key(Key::Space, t0 + s(i));
    }
    snap_session("reps", &session, t0 + s(4));
}

#[test]
fn a_rest() {
    let (mut session, t0) = plank_session();
    session.tick(t0 + s(25));
    session.tick(t0 + s(40));
    snap_session("rest", &session, t0 + s(40));
}

#[test]
fn paused() {
    let (mut session, t0) = plank_session();
    session.key(Key::Char('p'), t0 + s(9));
    snap_session("paused", &session, t0 + s(30));
}

#[test]
fn help() {
    let (mut session, t0) = plank_session();
    session.key(Key::Char('?'), t0 + s(9));
    snap_session("help", &session, t0 + s(9));
}

#[test]
fn the_rating_prompt_and_its_kinds() {
    let (mut session, t0) = plank_session();
    session.key(Key::Char('r'), t0 + s(9));
    session.key(Key::Char('3'), t0 + s(9));
    snap_session("rate_number", &session, t0 + s(9));
    session.key(Key::Enter, t0 + s(9));
    snap_session("rate_kind", &session, t0 + s(9));
}

#[test]
fn the_getting_worse_question() {
    let t0 = Instant::now();
    let settings = Settings {
        baseline: Some(1),
        ..Settings::default()
    };
    let (mut session, _) = Session::new(plan(vec![planned("front-plank")]), settings, t0);
    for key in [Key::Char('r'), Key::Char('3'), Key::Enter, Key::Enter] {
        session.key(key, t0 + s(6));
    }
    snap_session("worse", &session, t0 + s(6));
}

#[test]
fn the_quick_rating_after_an_exercise() {
    let t0 = Instant::now();
    let one = PlannedExercise {
        sets: 1,
        reps: 2,
        ..planned("band-pull-apart")
    };
    let (mut session, _) = Session::new(
        plan(vec![one, planned("front-plank")]),
        Settings::default(),
        t0,
    );
    session.key(Key::Space, t0 + s(1));
    session.key(Key::Space, t0 + s(2));
    snap_session("after_exercise", &session, t0 + s(2));
}

#[test]
fn the_safety_screen() {
    let (mut session, t0) = plank_session();
    session.key(Key::Char('s'), t0 + s(9));
    snap_session("safety", &session, t0 + s(9));
}

#[test]
fn the_end_screen() {
    let t0 = Instant::now();
    let one = PlannedExercise {
        sets: 1,
        reps: 1,
        ..planned("band-pull-apart")
    };
    let (mut session, _) = Session::new(plan(vec![one]), Settings::default(), t0);
    session.key(Key::Space, t0 + s(95));
    session.key(Key::Char('2'), t0 + s(96));
    snap_session("end", &session, t0 + s(96));
}

#[test]
fn the_quit_prompt_says_what_it_keeps() {
    let (mut session, t0) = plank_session();
    session.key(Key::Char('q'), t0 + s(12));
    snap_session("quit_mid_hold", &session, t0 + s(12));
    let (mut fresh, t0) = plank_session();
    fresh.key(Key::Char('q'), t0 + s(6));
    snap_session("quit_nothing_done", &fresh, t0 + s(6));
}

/// `n` (which also goes on from a quick check) once a second until the end.
fn skip_to_the_end(session: &mut Session, from: Instant) {
    for i in 0..30 {
        if session.ending().is_some() {
            return;
        }
        session.key(Key::Char('n'), from + s(i));
    }
    panic!("the session did not end");
}

#[test]
fn the_end_screen_when_little_or_nothing_was_done() {
    let t0 = Instant::now();
    let exercises = vec![
        PlannedExercise {
            sets: 1,
            reps: 4,
            ..planned("band-pull-apart")
        },
        planned("front-plank"),
        planned("childs-pose"),
    ];
    // Two reps of the first, the rest skipped: partial.
    let (mut session, _) = Session::new(plan(exercises.clone()), Settings::default(), t0);
    session.key(Key::Space, t0 + s(4));
    session.key(Key::Space, t0 + s(8));
    session.key(Key::Char('n'), t0 + s(9));
    session.key(Key::Char('1'), t0 + s(10));
    session.key(Key::Enter, t0 + s(10));
    skip_to_the_end(&mut session, t0 + s(11));
    snap_session("end_partial", &session, t0 + s(40));
    // Everything skipped.
    let (mut session, _) = Session::new(plan(exercises), Settings::default(), t0);
    skip_to_the_end(&mut session, t0 + s(1));
    snap_session("end_skipped", &session, t0 + s(40));
}

#[test]
fn a_timed_movement() {
    let t0 = Instant::now();
    let rolls = PlannedExercise {
        kind: backcoach::catalog::DoseKind::Duration,
        duration_s: 30,
        ..planned("neck-rolls")
    };
    let (mut session, _) = Session::new(plan(vec![rolls]), Settings::default(), t0);
    session.tick(t0 + s(6));
    snap_session("move", &session, t0 + s(6));
}

fn draw_app(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.render(f)).expect("draw");
    terminal.backend().to_string()
}

fn app(start: StartAt, profile: Option<Profile>) -> App {
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let catalog = catalog::builtin().expect("catalog");
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let store = Store::open(&dir).expect("store");
    if let Some(profile) = profile {
        store.save_profile(&profile).expect("profile");
    }
    let mut app = App::new(
        catalog,
        store,
        start,
        SoundForRun::Muted,
        Theme::monochrome(),
        tx,
    );
    app.after_first_frame();
    app
}

#[test]
fn the_home_screen() {
    let home = app(StartAt::Home, Some(Profile::default()));
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("home_{w}x{h}"), draw_app(&home, w, h));
    }
}

#[test]
fn too_small_asks_for_a_larger_terminal() {
    let home = app(StartAt::Home, Some(Profile::default()));
    let screen = draw_app(&home, 60, 20);
    assert!(screen.contains("Make the terminal larger"), "{screen}");
    insta::assert_snapshot!("too_small_60x20", screen);
}

#[test]
fn the_first_run_set_up() {
    let form = SetupScreen::new(Profile::default(), true);
    for (w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| form.render(f, f.area(), &Theme::monochrome()))
            .expect("draw");
        insta::assert_snapshot!(format!("setup_{w}x{h}"), terminal.backend().to_string());
    }
}

#[test]
fn the_check_in() {
    let today = Today {
        date: Date::constant(2026, 11, 22),
        closed: None,
        follow_up: None,
        since_last: None,
        warning_signs_due: true,
        limit: 5,
        notices: Vec::new(),
        resumable: None,
    };
    let mut flow = CheckInFlow::new(&today, Timestamp::UNIX_EPOCH);
    let render = |flow: &CheckInFlow, w, h| {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| {
                checkin_screen::render(
                    f,
                    f.area(),
                    flow,
                    "15-minute daily routine",
                    &[],
                    &Theme::monochrome(),
                )
            })
            .expect("draw");
        terminal.backend().to_string()
    };
    flow.answer(Answer::Char('2'));
    insta::assert_snapshot!("checkin_baseline_80x24", render(&flow, 80, 24));
    flow.answer(Answer::Enter);
    insta::assert_snapshot!("checkin_kind_80x24", render(&flow, 80, 24));
    flow.answer(Answer::Enter);
    flow.answer(Answer::Char('2'));
    insta::assert_snapshot!("checkin_signs_80x24", render(&flow, 80, 24));
    flow.answer(Answer::Enter);
    insta::assert_snapshot!("checkin_blocked_80x24", render(&flow, 80, 24));
}

#[test]
fn the_plan_preview() {
    let catalog = catalog::builtin().expect("catalog");
    let mut plan = Plan::base(&catalog, catalog.routine("daily").expect("daily"));
    plan.exercises[2]
        .reasons
        .push("+2 reps: two sessions without worsening since Tue 17 Nov".into());
    plan.notes
        .push("Band pull-apart left out: needs a resistance band".into());
    let preview = PreviewScreen::new(plan);
    for (w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| preview.render(f, f.area(), &Theme::monochrome()))
            .expect("draw");
        insta::assert_snapshot!(format!("preview_{w}x{h}"), terminal.backend().to_string());
    }
}

#[test]
fn what_the_screen_always_says() {
    // The README's session screen: the exercise name, `Set X of Y`, and `Rep N of M` or the hold's seconds.
    let (mut session, t0) = plank_session();
    session.tick(t0 + s(12));
    let hold = draw_session(&session, t0 + s(12), 80, 24);
    assert!(
        hold.contains("Front plank") && hold.contains("Set 1 of 3") && hold.contains("13 s left"),
        "{hold}"
    );
    let t0 = Instant::now();
    let (mut reps, _) = Session::new(
        plan(vec![planned("band-pull-apart")]),
        Settings::default(),
        t0,
    );
    reps.key(Key::Space, t0);
    let screen = draw_session(&reps, t0, 80, 24);
    assert!(
        screen.contains("Set 1 of 3") && screen.contains("Rep 1 of 12"),
        "{screen}"
    );
    let (mut stop, t0) = plank_session();
    stop.key(Key::Char('s'), t0 + s(6));
    assert!(draw_session(&stop, t0 + s(6), 80, 24).contains("STOPPED FOR SAFETY"));
}

/// A session record for the preview snapshot: `exercises` as (id, reps done at), `rating` on the last.
fn seeded(
    day: i16,
    exercises: &[(&str, u32)],
    rating: Option<u8>,
) -> backcoach::domain::SessionRecord {
    use backcoach::domain::*;
    let date = Date::constant(2026, 11, day as i8);
    let started = crate::support::records::at(date, 9, 0);
    let status = if rating.is_some_and(|r| r > 5) {
        SessionStatus::StoppedForSafety {
            reason: "Discomfort 6/10, above your limit of 5 during Bird dog, set 1 of 1, left side"
                .into(),
        }
    } else {
        SessionStatus::Completed
    };
    let mut session = crate::support::records::session_at(started, date, status, 0);
    session.routine_name = "15-minute daily routine".into();
    session.active_s = 900;
    session.baseline = Some(1);
    session.exercises = exercises
        .iter()
        .map(|(id, reps)| ExerciseRecord {
            name: id.to_string(),
            target_hold_s: if *id == "bridge" { 12 } else { 3 },
            ..crate::support::records::exercise(id, 1, *reps, started)
        })
        .collect();
    session.ratings = rating
        .map(|value| Rating {
            at: started,
            value,
            kind: DiscomfortKind::DullAche,
            moment: RatingMoment::During,
            exercise_id: exercises.last().map(|(id, _)| id.to_string()),
            set: Some(1),
            side: Some(Side::Left),
            decision: None,
        })
        .into_iter()
        .collect();
    session
}

#[test]
fn a_preview_with_increases_a_step_back_and_swaps() {
    use backcoach::domain::History;
    use backcoach::profile::{Condition, Experience};
    use backcoach::rules::fitting::build;
    let catalog = catalog::builtin().expect("catalog");
    let profile = Profile {
        experience: Experience::New,
        conditions: vec![Condition::SpinalStenosis],
        ..Profile::default()
    };
    let history = History {
        sessions: vec![
            seeded(12, &[("bridge", 5), ("bird-dog", 3)], None),
            seeded(15, &[("bird-dog", 5)], Some(6)),
            seeded(18, &[("bridge", 5)], None),
        ],
        checkins: vec![],
        ..History::default()
    };
    let now = Date::constant(2026, 11, 22)
        .at(9, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("a valid time")
        .timestamp();
    let planned = build(
        &catalog,
        catalog.routine("daily").expect("daily"),
        &profile,
        &history,
        now,
        &jiff::tz::TimeZone::UTC,
    );
    let text = format!(
        "{:?}",
        planned
            .plan
            .exercises
            .iter()
            .map(|e| &e.reasons)
            .collect::<Vec<_>>()
    );
    assert!(text.contains("+2 reps"), "{text}");
    assert!(text.contains("back to"), "{text}");
    assert!(
        text.contains("instead of Superman: spinal stenosis"),
        "{text}"
    );
    let preview = PreviewScreen::new(planned.plan);
    for (w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| preview.render(f, f.area(), &Theme::monochrome()))
            .expect("draw");
        insta::assert_snapshot!(
            format!("preview_coached_{w}x{h}"),
            terminal.backend().to_string()
        );
    }
}

/// The session screen as the daily routine really draws it, partway through
/// the bridge; the README's screenshot must be this very text.
fn daily_routine_mid_bridge() -> String {
    let catalog = catalog::builtin().expect("catalog");
    let routine = catalog.routine("daily").expect("daily routine");
    let t0 = Instant::now();
    let (mut session, _) = Session::new(Plan::base(&catalog, routine), Settings::default(), t0);
    // The two stretches take about four minutes; `n` moves through their steps
    // and Enter keeps the quick rating that follows each exercise.
    let mut now = t0;
    let mut guard = 0;
    while session.view(now).exercise.map(|e| e.exercise_id.as_str()) != Some("bridge") {
        now += s(20);
        if session.view(now).modal.is_some() {
            session.key(Key::Enter, now);
        } else {
            session.key(Key::Right, now);
        }
        guard += 1;
        assert!(guard < 100, "never reached the bridge");
    }
    // Two reps held to their end, then rep 3 started and 4 s into its hold.
    for _ in 0..3 {
        let view = session.view(now);
        if view.modal.is_some() {
            session.key(Key::Enter, now);
        }
        now += s(3);
        session.tick(now);
        session.key(Key::Space, now);
        now += s(
            if matches!(session.view(now).readout, Readout::RepHold { rep: 3, .. }) {
                4
            } else {
                13
            },
        );
        session.tick(now);
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let status = Status {
        sound: SoundState::On,
        voice: None,
        save_problem: None,
    };
    terminal
        .draw(|f| {
            session_screen::render(
                f,
                f.area(),
                &session.view(now),
                &status,
                &Theme::monochrome(),
            )
        })
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row.trim_end().to_string() + "\n"
        })
        .collect()
}

#[test]
fn the_readme_screenshot_is_a_real_render() {
    let screen = daily_routine_mid_bridge();
    assert!(screen.contains("Bridge"), "{screen}");
    assert!(screen.contains("Rep 3 of"), "{screen}");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let block = readme
        .split("```\n")
        .find(|part| part.starts_with('╭'))
        .expect("the README's screenshot block");
    let block: String = block
        .lines()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect();
    assert_eq!(
        block, screen,
        "README.md's screenshot differs from the real render; paste this in:\n{screen}"
    );
}

// ---- the screen read from the mat (issue 16) ----------------------------------

const SCALED: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// The big number grows with the terminal: three rows at 80×24 (the layout
/// of every other 80×24 snapshot), larger where there is room.
#[test]
fn the_big_number_grows_with_the_terminal() {
    let (mut session, t0) = plank_session();
    session.tick(t0 + s(12));
    for (w, h) in SCALED {
        insta::assert_snapshot!(
            format!("digits_hold_{w}x{h}"),
            draw_session(&session, t0 + s(12), w, h)
        );
    }
    // A rest of 100 s and more reads as m:ss, which takes more columns.
    let t0 = Instant::now();
    let plank = PlannedExercise {
        sets: 2,
        hold_s: 20,
        rest_s: 120,
        ..planned("front-plank")
    };
    let (mut session, _) = Session::new(plan(vec![plank]), Settings::default(), t0);
    session.tick(t0 + s(5));
    session.tick(t0 + s(25));
    session.tick(t0 + s(40));
    for (w, h) in SCALED {
        insta::assert_snapshot!(
            format!("digits_rest_{w}x{h}"),
            draw_session(&session, t0 + s(40), w, h)
        );
    }
}

/// `g`: the name, the set and side, the big number, the gauge and what comes
/// next; no steps, no key cue.
#[test]
fn the_glance_layout() {
    let t0 = Instant::now();
    let bird_dog = PlannedExercise {
        sets: 1,
        reps: 8,
        hold_s: 3,
        ..planned("bird-dog")
    };
    let settings = Settings {
        glance: true,
        pace: backcoach::session::Pace {
            pacing: backcoach::profile::Pacing::Paced,
            metronome: false,
        },
        ..Settings::default()
    };
    let (mut session, _) = Session::new(plan(vec![bird_dog, planned("childs-pose")]), settings, t0);
    // Get ready 5 s, then rep 1 held 3 s and 3 s of relax: 6.5 s is rep 2's pause.
    session.tick(t0 + s(5));
    session.tick(t0 + s(8));
    let at = t0 + Duration::from_millis(9_500);
    session.tick(at);
    assert!(matches!(
        session.view(at).readout,
        Readout::RepRelax { done: 1, .. }
    ));
    for (w, h) in SCALED {
        insta::assert_snapshot!(
            format!("glance_relax_{w}x{h}"),
            draw_session(&session, at, w, h)
        );
    }
    // `g` again: the steps are back.
    session.key(Key::Char('g'), at);
    assert!(!session.view(at).glance);
    let screen = draw_session(&session, at, 80, 24);
    assert!(
        screen.contains("Key cue") && screen.contains("1."),
        "{screen}"
    );
}
