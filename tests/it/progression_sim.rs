//! Simulated users on the daily routine, driven through `rules::fitting::build`
//! session after session: does the coach climb at the guides' pace, one
//! increment at a time, and step back (then climb again) after a safety stop?

use std::collections::BTreeMap;

use backcoach::catalog::{self, Catalog, DoseKind, Equipment};
use backcoach::domain::History;
use backcoach::domain::{
    DiscomfortKind, ExerciseRecord, Rating, RatingMoment, SessionRecord, SessionStatus,
};
use backcoach::plan::{Plan, PlannedExercise};
use backcoach::profile::{Experience, Profile};
use backcoach::rules::fitting::build;
use backcoach::rules::progression::{Ladder, MIN_DAYS_BETWEEN_INCREASES, Rung};
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// Days of the week the simulated user exercises: 4 a week, as the daily
/// routine's guide suggests building up to.
const TRAINING_DAYS: [Weekday; 4] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Thursday,
    Weekday::Friday,
];
/// A low, comfortable rating after each exercise.
const LOW_RATING: u8 = 2;
const WEEKS: i64 = 12;

fn catalog() -> Catalog {
    catalog::builtin().expect("the built-in catalog parses")
}

fn user() -> Profile {
    Profile {
        experience: Experience::New,
        equipment: vec![Equipment::Band],
        ..Profile::default()
    }
}

/// A Monday to start on.
fn first_day() -> Date {
    Date::constant(2026, 11, 16)
}

fn evening(date: Date) -> Timestamp {
    date.at(18, 0, 0, 0)
        .to_zoned(TimeZone::UTC)
        .expect("zoned")
        .timestamp()
}

/// The daily routine's ladder for each exercise, as the coach builds it.
fn ladders(c: &Catalog, p: &Profile) -> BTreeMap<String, Ladder> {
    let r = c.routine("daily").expect("daily");
    r.items
        .iter()
        .map(|item| {
            let ex = c.exercise(&item.exercise).expect("exercise");
            let ladder = Ladder::for_item(&r.item_dose(item, ex), ex.start.as_ref(), p.experience);
            (ex.id.clone(), ladder)
        })
        .collect()
}

fn record_of(e: &PlannedExercise, at: Timestamp, completed: bool) -> ExerciseRecord {
    ExerciseRecord {
        exercise_id: e.exercise_id.clone(),
        name: e.name.clone(),
        finished_at: at,
        sets_planned: e.sets,
        sets_done: if completed { e.sets } else { 0 },
        target_reps: e.reps,
        target_hold_s: if e.kind == DoseKind::Duration {
            e.duration_s
        } else {
            e.hold_s
        },
        reps_done: Vec::new(),
        hold_s_done: Vec::new(),
        completed,
    }
}

fn rating(e: &PlannedExercise, at: Timestamp, value: u8) -> Rating {
    Rating {
        at,
        value,
        kind: DiscomfortKind::DullAche,
        moment: RatingMoment::AfterExercise,
        exercise_id: Some(e.exercise_id.clone()),
        set: None,
        side: None,
        decision: None,
    }
}

/// The session the user does with `plan`: every exercise in full with a low
/// rating, unless `stop_at` names the exercise rated 7 that stops it.
fn do_session(plan: &Plan, date: Date, stop_at: Option<&str>) -> SessionRecord {
    let started = evening(date);
    let mut exercises = Vec::new();
    let mut ratings = Vec::new();
    let mut status = SessionStatus::Completed;
    for (k, e) in plan.exercises.iter().enumerate() {
        let at = started
            .checked_add((2 * k as i64 + 2).minutes())
            .expect("time");
        exercises.push(record_of(e, at, true));
        if stop_at == Some(e.exercise_id.as_str()) {
            ratings.push(rating(e, at, 7));
            status = SessionStatus::StoppedForSafety {
                reason: format!("Discomfort 7/10, above your limit of 5 after {}", e.name),
            };
            break;
        }
        ratings.push(rating(e, at, LOW_RATING));
    }
    SessionRecord {
        id: started.to_string(),
        routine_id: plan.routine_id.clone(),
        routine_name: plan.routine_name.clone(),
        date,
        started,
        ended: started.checked_add(15.minutes()).ok(),
        active_s: 900,
        status,
        intense: plan.intense,
        baseline: Some(1),
        exercises,
        ratings,
    }
}

/// One planned session as the simulation saw it: its day number and every
/// exercise's rung on its ladder.
struct Day {
    n: i64,
    rungs: BTreeMap<String, usize>,
    reasons: BTreeMap<String, Vec<String>>,
}

/// Runs the user for `WEEKS` weeks; `stop` names a day number and the exercise
/// that stops that session for safety.
fn simulate(stop: Option<(i64, &str)>) -> (Vec<Day>, BTreeMap<String, Ladder>) {
    let c = catalog();
    let p = user();
    let routine = c.routine("daily").expect("daily");
    let ladders = ladders(&c, &p);
    let mut history = History::default();
    let mut days = Vec::new();
    for n in 0..WEEKS * 7 {
        let date = first_day().checked_add(n.days()).expect("date");
        if !TRAINING_DAYS.contains(&date.weekday()) {
            continue;
        }
        let planned = build(&c, routine, &p, &history, evening(date), &TimeZone::UTC);
        assert_eq!(planned.not_before, None, "the daily routine is never gated");
        let mut rungs = BTreeMap::new();
        let mut reasons = BTreeMap::new();
        for e in &planned.plan.exercises {
            let ladder = &ladders[&e.exercise_id];
            let probe = record_of(e, evening(date), true);
            let rung = ladder.position(&probe);
            let step = Rung {
                sets: e.sets,
                reps: e.reps,
                hold_s: e.hold_s,
                duration_s: e.duration_s,
            };
            assert_eq!(
                ladder.steps()[rung],
                step,
                "day {n}: {} is planned on a rung of its ladder",
                e.exercise_id
            );
            rungs.insert(e.exercise_id.clone(), rung);
            reasons.insert(e.exercise_id.clone(), e.reasons.clone());
        }
        let stop_at = stop.filter(|(d, _)| *d == n).map(|(_, id)| id);
        history
            .sessions
            .push(do_session(&planned.plan, date, stop_at));
        days.push(Day { n, rungs, reasons });
    }
    (days, ladders)
}

#[test]
fn steady_user_reaches_the_full_dose_at_the_guides_pace() {
    let (days, ladders) = simulate(None);
    for w in days.windows(2) {
        for (id, rung) in &w[1].rungs {
            let before = w[0].rungs[id];
            assert!(
                *rung == before || *rung == before + 1,
                "{id}: rung {before} on day {} then {rung} on day {}",
                w[0].n,
                w[1].n
            );
        }
    }
    for (id, ladder) in &ladders {
        let increments = ladder.top() as i64;
        let reached = days
            .iter()
            .find(|d| d.rungs[id] == ladder.top())
            .unwrap_or_else(|| panic!("{id} never reached the full dose"));
        // Never faster than one increment every few days; and with 4 sessions a
        // week (never more than 3 days apart) no slower than one every
        // MIN_DAYS_BETWEEN_INCREASES + 1 days, after the first few days.
        let fastest = increments * MIN_DAYS_BETWEEN_INCREASES;
        let slowest = increments * (MIN_DAYS_BETWEEN_INCREASES + 1);
        assert!(
            (fastest..=slowest).contains(&reached.n),
            "{id}: {increments} increments took {} days",
            reached.n
        );
        eprintln!(
            "{id}: {increments} increments, full dose {:?} on day {} (week {:.1})",
            ladder.cap(),
            reached.n,
            reached.n as f64 / 7.0
        );
        // Once there, it stays there.
        assert!(
            days.iter()
                .filter(|d| d.n >= reached.n)
                .all(|d| d.rungs[id] == ladder.top())
        );
    }
    // The bridge and the superman have real climbs: weeks, not days.
    for id in ["bridge", "superman"] {
        assert!(
            ladders[id].top() >= 5,
            "{id}: a climb of several increments"
        );
    }
}

#[test]
fn a_safety_stop_in_week_two_steps_back_then_climbs_again() {
    // Thursday of week two, stopped by a rating of 7 after the bridge.
    let stop_day = 10;
    let (days, ladders) = simulate(Some((stop_day, "bridge")));
    let (steady, _) = simulate(None);
    let stop = days
        .iter()
        .position(|d| d.n == stop_day)
        .expect("a session that day");
    let at_stop = days[stop].rungs["bridge"];
    assert!(at_stop > 0, "the bridge had climbed before the stop");
    let next = &days[stop + 1];
    assert_eq!(next.rungs["bridge"], at_stop - 1, "one increment back");
    assert!(
        next.reasons["bridge"]
            .iter()
            .any(|r| r.starts_with("back to ") && r.contains("discomfort 7 on Thu 26 Nov")),
        "{:?}",
        next.reasons["bridge"]
    );
    // Exercises done before the stop without trouble are not stepped back.
    for id in ["knee-to-chest", "cat-cow"] {
        assert!(next.rungs[id] >= days[stop].rungs[id], "{id}");
    }
    // Then it climbs again, one increment at a time, to the full dose.
    for w in days[stop + 1..].windows(2) {
        let (a, b) = (w[0].rungs["bridge"], w[1].rungs["bridge"]);
        assert!(b == a || b == a + 1, "day {}: {a} -> {b}", w[1].n);
    }
    let back_up = days[stop + 1..]
        .iter()
        .find(|d| d.rungs["bridge"] == at_stop)
        .expect("climbs back to where it was");
    assert!(back_up.n > next.n);
    let top = ladders["bridge"].top();
    let reached = |ds: &[Day]| {
        ds.iter()
            .find(|d| d.rungs["bridge"] == top)
            .map(|d| d.n)
            .expect("reaches the full dose")
    };
    // Later than without the stop, by a few days.
    assert!(reached(&days) > reached(&steady));
    eprintln!(
        "bridge: rung {at_stop} at the stop on day {stop_day}, rung {} on day {}, back to \
         rung {at_stop} on day {}, full dose on day {} (without the stop: day {})",
        next.rungs["bridge"],
        next.n,
        back_up.n,
        reached(&days),
        reached(&steady)
    );
}
