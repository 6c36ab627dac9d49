//! Builders of history records (sessions, exercises, check-ins on fixed
//! days) shared by the store, week, resume and end-to-end tests.
#![allow(dead_code)]

use backcoach::domain::*;
use jiff::Timestamp;
use jiff::civil::{Date, date};

/// A timestamp at `h:m` UTC on `d`.
pub fn at(d: Date, h: i8, m: i8) -> Timestamp {
    d.at(h, m, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("a valid time")
        .timestamp()
}

pub fn exercise(id: &str, sets: u32, reps: u32, finished: Timestamp) -> ExerciseRecord {
    ExerciseRecord {
        exercise_id: id.into(),
        name: format!("Exercise {id}"),
        finished_at: finished,
        sets_planned: sets,
        sets_done: sets,
        target_reps: reps,
        target_hold_s: 0,
        reps_done: vec![reps; sets as usize],
        hold_s_done: Vec::new(),
        completed: true,
    }
}

/// A session on `d` starting at 18:00 UTC, lasting `minutes`.
pub fn session(d: Date, status: SessionStatus, minutes: u32) -> SessionRecord {
    session_at(at(d, 18, 0), d, status, minutes)
}

/// A session of the daily routine that started at `started` (local date `d`),
/// lasting `minutes`, with cat-cow and the bridge done.
pub fn session_at(
    started: Timestamp,
    d: Date,
    status: SessionStatus,
    minutes: u32,
) -> SessionRecord {
    SessionRecord {
        id: started.to_string(),
        routine_id: "daily".into(),
        routine_name: "Daily routine".into(),
        date: d,
        started,
        ended: Some(started + jiff::SignedDuration::from_mins(i64::from(minutes))),
        active_s: minutes * 60,
        status,
        intense: false,
        baseline: Some(3),
        exercises: vec![
            exercise("cat-cow", 2, 10, started),
            exercise("bridge", 2, 8, started),
        ],
        ratings: Vec::new(),
    }
}

pub fn done(d: Date) -> SessionRecord {
    session(d, SessionStatus::Completed, 15)
}

pub fn checkin(d: Date, baseline: u8) -> CheckIn {
    CheckIn {
        at: at(d, 17, 55),
        date: d,
        baseline,
        asked_warning_signs: false,
        warning_signs: Vec::new(),
        since_last: None,
        stop_pain_eased: None,
        lingering: false,
    }
}

/// A day often used by the tests: Monday 16 March 2026.
pub fn monday() -> Date {
    date(2026, 3, 16)
}
