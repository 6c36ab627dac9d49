//! A fixed, realistic twelve weeks for the trends and report tests, the
//! report's screenshot and the benchmark: a person coming back after a back
//! issue (herniated disc) does the daily routine three or four days a week,
//! the bridge and the superman climb their progression ladders, one session
//! is stopped for sharp pain (the superman steps back after it), one morning
//! brings a warning sign, a week with two sick days has a single session, and
//! check-in discomfort falls from about 5 to about 2.
#![allow(dead_code)]

use backcoach::domain::dates::add_days;
use backcoach::domain::*;
use backcoach::profile::{Condition, Experience, Profile};
use backcoach::store::Store;
use jiff::civil::{Date, date};
use jiff::{SignedDuration, Timestamp};

/// The last day of the sample: Sunday 22 November 2026.
pub fn sample_today() -> Date {
    date(2026, 11, 22)
}

/// The Monday of the sample's first week (12 weeks before the last).
pub fn sample_first_monday() -> Date {
    date(2026, 8, 31)
}

/// The sample's profile.
pub fn sample_profile() -> Profile {
    Profile {
        experience: Experience::Returning,
        conditions: vec![Condition::HerniatedDisc],
        weekly_target: 4,
        discomfort_limit: 5,
        ..Profile::default()
    }
}

pub use super::records::at;

/// A rung of a dose: (sets, reps, hold seconds).
type Rung = (u32, u32, u32);

const KNEE_TO_CHEST: [Rung; 1] = [(2, 2, 5)];
const CAT_COW: [Rung; 1] = [(1, 5, 0)];
const BRIDGE: [Rung; 6] = [
    (1, 3, 12),
    (1, 5, 12),
    (1, 7, 12),
    (1, 8, 12),
    (2, 5, 12),
    (2, 6, 12),
];
const SUPERMAN: [Rung; 5] = [(1, 3, 2), (1, 5, 2), (1, 6, 2), (2, 4, 2), (2, 5, 2)];

fn record(id: &str, name: &str, rung: Rung, finished: Timestamp, done: bool) -> ExerciseRecord {
    let (sets, reps, hold) = rung;
    let sets_done = if done { sets } else { sets.saturating_sub(1) };
    ExerciseRecord {
        exercise_id: id.into(),
        name: name.into(),
        finished_at: finished,
        sets_planned: sets,
        sets_done,
        target_reps: reps,
        target_hold_s: hold,
        reps_done: vec![reps; sets_done as usize],
        hold_s_done: vec![reps * hold; if hold > 0 { sets_done as usize } else { 0 }],
        completed: done,
    }
}

fn rating(
    at: Timestamp,
    value: u8,
    kind: DiscomfortKind,
    moment: RatingMoment,
    exercise: Option<&str>,
) -> Rating {
    Rating {
        at,
        value,
        kind,
        moment,
        exercise_id: exercise.map(str::to_string),
        set: None,
        side: None,
        decision: None,
    }
}

/// The check-in discomfort of day `i` (0 = the first Monday): about 5 at
/// the start, about 2 at the end, with a wobble.
fn baseline(i: i64) -> u8 {
    let trend = 5.0 - 3.0 * (i as f64) / 83.0;
    let wobble = [0.0, 0.6, -0.4, 0.3, -0.2, 0.5, -0.5][(i % 7) as usize];
    (trend + wobble).round().clamp(0.0, 10.0) as u8
}

/// The sample history, as the store would return it for its twelve weeks
/// and the six before (so the six-week reading has what it reads).
pub fn sample_history() -> History {
    let first = sample_first_monday();
    let mut history = History {
        range: Some((add_days(first, -42), sample_today())),
        ..History::default()
    };
    // Days of each week with the daily routine: Mon, Wed, Fri, Sat; week 6
    // (sick Tue–Wed) has only Fri.
    let mut bridge = 0usize;
    let mut superman = 0usize;
    let mut n = 0usize;
    for w in 0..12i64 {
        let days: &[i64] = match w {
            6 => &[4],
            9 => &[0, 2, 5],
            _ => &[0, 2, 4, 5],
        };
        for &d in days {
            let i = w * 7 + d;
            let day = add_days(first, i);
            let start = at(day, 18, 0);
            let base = baseline(i);
            history.checkins.push(CheckIn {
                at: start - SignedDuration::from_mins(2),
                date: day,
                baseline: base,
                asked_warning_signs: true,
                warning_signs: Vec::new(),
                since_last: Some(Compared::Same),
                stop_pain_eased: None,
                lingering: false,
            });
            let stopped = w == 4 && d == 2;
            let partial = w == 8 && d == 5;
            let min = |m: i64| start + SignedDuration::from_mins(m);
            let mut exercises = vec![
                record(
                    "knee-to-chest",
                    "Knee to chest",
                    KNEE_TO_CHEST[0],
                    min(3),
                    true,
                ),
                record("cat-cow", "Cat-cow", CAT_COW[0], min(5), true),
                record("bridge", "Bridge", BRIDGE[bridge], min(9), true),
            ];
            let mut ratings = vec![
                rating(
                    min(3),
                    base.saturating_sub(1),
                    DiscomfortKind::DullAche,
                    RatingMoment::AfterExercise,
                    Some("knee-to-chest"),
                ),
                rating(
                    min(9),
                    base,
                    DiscomfortKind::DullAche,
                    RatingMoment::AfterExercise,
                    Some("bridge"),
                ),
            ];
            let status = if stopped {
                exercises.push(record(
                    "superman",
                    "Superman",
                    SUPERMAN[superman],
                    min(12),
                    false,
                ));
                ratings.push(rating(
                    min(11),
                    3,
                    DiscomfortKind::DullAche,
                    RatingMoment::During,
                    Some("superman"),
                ));
                ratings.push(rating(
                    min(12),
                    6,
                    DiscomfortKind::Sharp,
                    RatingMoment::During,
                    Some("superman"),
                ));
                SessionStatus::StoppedForSafety {
                    reason: "Sharp pain during Superman, set 1 of 1".into(),
                }
            } else if partial {
                SessionStatus::Partial
            } else {
                exercises.push(record(
                    "superman",
                    "Superman",
                    SUPERMAN[superman],
                    min(12),
                    true,
                ));
                ratings.push(rating(
                    min(12),
                    base.saturating_sub(1),
                    DiscomfortKind::DullAche,
                    RatingMoment::AfterExercise,
                    Some("superman"),
                ));
                ratings.push(rating(
                    min(15),
                    base.saturating_sub(1),
                    DiscomfortKind::DullAche,
                    RatingMoment::Closing,
                    None,
                ));
                SessionStatus::Completed
            };
            history.sessions.push(SessionRecord {
                id: start.to_string(),
                routine_id: "daily".into(),
                routine_name: "15-minute daily routine".into(),
                date: day,
                started: start,
                ended: Some(min(15)),
                active_s: if stopped { 600 } else { 840 },
                status,
                intense: false,
                baseline: Some(base),
                exercises,
                ratings,
            });
            n += 1;
            // Climb a rung every third session; the superman steps back after the stop.
            if stopped {
                superman = superman.saturating_sub(1);
            } else if n.is_multiple_of(3) {
                bridge = (bridge + 1).min(BRIDGE.len() - 1);
                superman = (superman + 1).min(SUPERMAN.len() - 1);
            }
        }
    }
    // A desk break now and then.
    for w in [1i64, 5, 10] {
        let day = add_days(first, w * 7 + 3);
        let start = at(day, 12, 30);
        history.sessions.push(SessionRecord {
            id: start.to_string(),
            routine_id: "desk-break".into(),
            routine_name: "Desk break".into(),
            date: day,
            started: start,
            ended: Some(start + SignedDuration::from_mins(9)),
            active_s: 480,
            status: SessionStatus::Completed,
            intense: false,
            baseline: Some(baseline(w * 7 + 3)),
            exercises: vec![record(
                "seated-twist",
                "Seated twist",
                (1, 4, 5),
                start + SignedDuration::from_mins(8),
                true,
            )],
            ratings: vec![rating(
                start + SignedDuration::from_mins(9),
                2,
                DiscomfortKind::Stretch,
                RatingMoment::Closing,
                None,
            )],
        });
        history.checkins.push(CheckIn {
            at: start - SignedDuration::from_mins(1),
            date: day,
            baseline: baseline(w * 7 + 3),
            asked_warning_signs: true,
            warning_signs: Vec::new(),
            since_last: None,
            stop_pain_eased: None,
            lingering: false,
        });
    }
    // A morning with a warning sign (no session that day).
    let sign_day = add_days(first, 7 * 7 + 1);
    history.checkins.push(CheckIn {
        at: at(sign_day, 8, 0),
        date: sign_day,
        baseline: 4,
        asked_warning_signs: true,
        warning_signs: vec![WarningSign::PainDownLeg],
        since_last: Some(Compared::Worse),
        stop_pain_eased: None,
        lingering: false,
    });
    // Sick Tuesday and Wednesday of week 6; a planned rest day in week 9.
    history.marks.extend([
        DayMark {
            date: add_days(first, 6 * 7 + 1),
            kind: DayMarkKind::Sick,
        },
        DayMark {
            date: add_days(first, 6 * 7 + 2),
            kind: DayMarkKind::Sick,
        },
        DayMark {
            date: add_days(first, 9 * 7 + 4),
            kind: DayMarkKind::Rest,
        },
    ]);
    history.sort();
    history
}

/// Writes the sample history and profile into `dir` through the real store.
pub fn write_sample(dir: &std::path::Path) {
    let mut store = Store::open(dir).expect("open the store");
    store
        .save_profile(&sample_profile())
        .expect("save the profile");
    let history = sample_history();
    for s in &history.sessions {
        store.save_session(s).expect("save a session");
    }
    for c in &history.checkins {
        store.save_checkin(c).expect("save a check-in");
    }
    for m in &history.marks {
        store.set_mark(m.date, Some(m.kind)).expect("save a mark");
    }
}
