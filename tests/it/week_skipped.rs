//! A session skipped from start to end (`n` through every exercise), run by
//! the real engine and saved through the real store, changes no week figure,
//! no streak, no 48-hour gate or notice, and no progression.

use backcoach::domain::dates;
use std::time::Duration;

use crate::support::records::*;
use backcoach::catalog::{self, Catalog, DoseKind};
use backcoach::domain::*;
use backcoach::plan::{Plan, PlannedExercise};
use backcoach::profile::{Experience, Profile};
use backcoach::rules::fitting;
use backcoach::rules::week::{self, DayStatus, WeekSummary};
use backcoach::session::record::SessionLog;
use backcoach::session::{Ending, Key, Session, Settings};
use backcoach::store::Store;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use tokio::time::Instant;

/// The engine run with `n` pressed until the end, every effect applied to
/// the record as the app does.
fn skip_everything(plan: &Plan, started: Timestamp, date: Date) -> SessionRecord {
    let mut log = SessionLog::new(plan, started, date, Some(2));
    let t0 = Instant::now();
    let settings = Settings {
        started_wall: started,
        ..Settings::default()
    };
    let (mut session, fx) = Session::new(plan.clone(), settings, t0);
    let mut effects = fx;
    let mut now = t0;
    while session.ending().is_none() {
        now += Duration::from_secs(1);
        effects.extend(session.key(Key::Char('n'), now));
        assert!(
            now - t0 < Duration::from_secs(600),
            "never ended: {:?}",
            session.view(now)
        );
    }
    assert_eq!(session.ending(), Some(&Ending::Completed));
    for e in &effects {
        log.apply(e, started + SignedDuration::from_secs(60), 5);
    }
    log.record().clone()
}

/// What a session done in full at `plan`'s doses records.
fn done_in_full(plan: &Plan, started: Timestamp, date: Date) -> SessionRecord {
    let record = |e: &PlannedExercise| ExerciseRecord {
        exercise_id: e.exercise_id.clone(),
        name: e.name.clone(),
        finished_at: started,
        sets_planned: e.sets,
        sets_done: e.sets,
        target_reps: e.reps,
        target_hold_s: if e.kind == DoseKind::Duration {
            e.duration_s
        } else {
            e.hold_s
        },
        reps_done: vec![e.reps; e.sets as usize],
        hold_s_done: vec![e.hold_s * e.reps.max(1); e.sets as usize],
        completed: true,
    };
    SessionRecord {
        id: started.to_string(),
        routine_id: plan.routine_id.clone(),
        routine_name: plan.routine_name.clone(),
        date,
        started,
        ended: Some(started + SignedDuration::from_mins(50)),
        active_s: 3000,
        status: SessionStatus::Completed,
        intense: plan.intense,
        baseline: Some(2),
        exercises: plan.exercises.iter().map(record).collect(),
        ratings: Vec::new(),
    }
}

struct Figures {
    week: WeekSummary,
    gate: Option<Timestamp>,
    plan: Plan,
}

fn figures(store: &Store, catalog: &Catalog, today: Date, now: Timestamp) -> Figures {
    let gym = catalog.routine("gym-back-day").expect("gym back day");
    let profile = Profile {
        experience: Experience::Regular,
        ..Profile::default()
    };
    let (from, to) = week::needed_range(today);
    let history = store.load(from, to);
    Figures {
        week: week::summarize(&history, &profile, today, today),
        gate: backcoach::rules::recovery::next_allowed(gym, &history.sessions, now),
        plan: fitting::build(catalog, gym, &profile, &history, now, &TimeZone::UTC).plan,
    }
}

#[test]
fn a_skipped_session_changes_no_week_figure_streak_gate_or_progression() {
    let catalog = catalog::builtin().expect("catalog");
    let gym = catalog.routine("gym-back-day").expect("gym back day");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    // Thursday: a streak of two full weeks before, the daily routine on
    // Monday and Tuesday, and a gym back day yesterday.
    let mon = monday();
    let today = dates::add_days(mon, 3);
    for week_back in 1..=2 {
        for day in 0..4 {
            store
                .save_session(&done(dates::add_days(mon, -7 * week_back + day)))
                .expect("save");
        }
    }
    store.save_session(&done(mon)).expect("save");
    store
        .save_session(&done(dates::add_days(mon, 1)))
        .expect("save");
    let yesterday = dates::add_days(mon, 2);
    store
        .save_session(&done_in_full(
            &Plan::base(&catalog, gym),
            at(yesterday, 17, 0),
            yesterday,
        ))
        .expect("save");
    let now = at(today, 19, 30);
    let before = figures(&store, &catalog, today, now);

    // Today, the gym back day skipped from start to end.
    let skipped = skip_everything(&Plan::base(&catalog, gym), at(today, 18, 0), today);
    assert_eq!(skipped.status, SessionStatus::Skipped);
    assert!(skipped.exercises.is_empty() && skipped.intense);
    store.save_session(&skipped).expect("save");
    let after = figures(
        &Store::open(dir.path()).expect("store"),
        &catalog,
        today,
        now,
    );

    assert_eq!(before.week.days[3].status, DayStatus::Today);
    assert_eq!(after.week.days[3].status, DayStatus::Skipped);
    assert_eq!(after.week.days[3].minutes, 0);
    assert!(!after.week.days[3].active);
    assert_eq!(after.week.this_week, before.week.this_week);
    assert_eq!(after.week.target, before.week.target);
    assert_eq!(after.week.met, before.week.met);
    assert_eq!(after.week.streak, before.week.streak);
    assert_eq!(after.week.recent_weeks, before.week.recent_weeks);
    assert_eq!(after.week.notices, before.week.notices, "no 48-hour notice");
    assert_eq!(after.gate, before.gate, "the 48-hour gate is unmoved");
    assert_eq!(after.plan, before.plan, "progression is unchanged");
    let text = week::render_text(&after.week);
    let thursday = text
        .lines()
        .find(|l| l.starts_with("Thu 2026-03-19"))
        .expect("today's line");
    assert!(
        thursday.contains("skipped") && !thursday.contains("done"),
        "{text}"
    );
}
