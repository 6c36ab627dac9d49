//! Catalog validation: a catalog that breaks a rule never starts a session.
//!
//! Each rule yields a [`Problem`] naming the offending id and where it sits
//! in the file, found with the [`Locator`]. Every check is linear in the
//! size of the catalog (ids are looked up in hash sets, positions through
//! the locator's index of ids), so a catalog of thousands of duplicates is
//! judged in milliseconds.
//!
//! Doses are bounded ([`limits`]): a catalog is someone's text, and a
//! session holds per-rep and per-set state, so `reps: (1, 4294967295)` must
//! be refused here, not discovered as a 4 GB allocation mid-session.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Deref;

use super::locate::{Locator, Pos};
use super::model::Amount;
use super::model::{Catalog, DoseKind, Exercise, Range, Routine};
use crate::figure::pose::joint_range;

/// One broken rule, with where it is and which id it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the offending value (or else its exercise or routine) sits; `None` if not found.
    pub pos: Option<Pos>,
    /// "exercise \"bridge\"" or "routine \"daily\"".
    pub subject: String,
    /// What is wrong, in a few plain words ("the name is empty").
    pub message: String,
}

/// The source scanned for positions only when a problem needs one: a valid
/// catalog (every start of the app) never pays for the scan.
struct LazyLocator<'a> {
    source: &'a str,
    scanned: OnceCell<Locator>,
}

impl Deref for LazyLocator<'_> {
    type Target = Locator;

    fn deref(&self) -> &Locator {
        self.scanned.get_or_init(|| Locator::new(self.source))
    }
}

/// The largest values a catalog may ask for, from the guides with room to
/// spare. Their largest doses are 30 reps, 4 sets, 60-second holds, 5-minute
/// timed stretches, 60-second rests, 30 minutes of walking and routines of
/// a dozen exercises; each limit is several times that, and small enough
/// that no session can grow without bound.
pub mod limits {
    /// Repetitions (or slow cycles) per set.
    pub const REPS: u32 = 100;
    /// Sets of one exercise.
    pub const SETS: u32 = 10;
    /// Seconds of a hold or a timed exercise: 30 minutes.
    pub const HOLD_OR_DURATION_S: u32 = 30 * 60;
    /// Seconds of rest between sets: 10 minutes.
    pub const REST_S: u32 = 10 * 60;
    /// Seconds per slow cycle (a breath in and out).
    pub const PACE_S: u32 = 60;
    /// Exercises in one routine.
    pub const ROUTINE_ITEMS: usize = 100;
    /// The length a routine states, in minutes: 4 hours.
    pub const ROUTINE_MINUTES: u32 = 240;
    /// Sessions a day a routine asks for.
    pub const TIMES_PER_DAY: u32 = 10;
    /// Hours between two sessions of a routine: a week.
    pub const HOURS_BETWEEN: u32 = 7 * 24;
}

/// The limit of a dose field, with its unit for messages.
fn dose_limit(field: &str) -> Option<(u32, &'static str)> {
    match field {
        "reps" => Some((limits::REPS, "")),
        "sets" => Some((limits::SETS, "")),
        "hold_s" | "duration_s" => Some((limits::HOLD_OR_DURATION_S, " s (30 minutes)")),
        "rest_s" => Some((limits::REST_S, " s (10 minutes)")),
        "pace_s" => Some((limits::PACE_S, " s")),
        "minutes" => Some((limits::ROUTINE_MINUTES, " minutes")),
        "times_per_day" => Some((limits::TIMES_PER_DAY, "")),
        "min_hours_between" => Some((limits::HOURS_BETWEEN, " hours (a week)")),
        _ => None,
    }
}

/// "`field` is `value`: at most `limit`" when `value` is above its limit.
fn above_limit(field: &str, shown: &str, value: u32) -> Option<String> {
    let (limit, unit) = dose_limit(field)?;
    (value > limit).then(|| format!("{field} {shown}: at most {limit}{unit}"))
}

/// Checks every rule and returns all problems found, in file order.
pub fn validate(catalog: &Catalog, source: &str) -> Vec<Problem> {
    let loc = LazyLocator {
        source,
        scanned: OnceCell::new(),
    };
    let exercise_ids: HashSet<&str> = catalog.exercises.iter().map(|e| e.id.as_str()).collect();
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();

    let ids: Vec<&str> = catalog
        .exercises
        .iter()
        .map(|e| e.id.as_str())
        .chain(catalog.routines.iter().map(|r| r.id.as_str()))
        .collect();
    // The n-th occurrence of each id, so positions point at the right struct.
    let mut occurrence = Vec::with_capacity(ids.len());
    for id in &ids {
        let n = seen.entry(id).or_insert(0);
        occurrence.push(*n);
        *n += 1;
    }

    for (i, ex) in catalog.exercises.iter().enumerate() {
        let n = occurrence[i];
        let subject = format!("exercise \"{}\"", ex.id);
        let mut push = |pos: Option<Pos>, message: String| {
            problems.push(Problem {
                pos: pos.or_else(|| loc.owner(&ex.id, n)),
                subject: subject.clone(),
                message,
            })
        };
        if n > 0 {
            push(loc.nth_pair("id", &ex.id, n), "duplicate id".into());
        }
        check_exercise(&exercise_ids, ex, &loc, n, &mut push);
        check_start_fits_the_dose(ex, &loc, n, &mut push);
        check_figure(ex, &loc, n, &mut push);
    }

    let offset = catalog.exercises.len();
    for (j, routine) in catalog.routines.iter().enumerate() {
        let n = occurrence[offset + j];
        let subject = format!("routine \"{}\"", routine.id);
        let mut push = |pos: Option<Pos>, message: String| {
            problems.push(Problem {
                pos: pos.or_else(|| loc.owner(&routine.id, n)),
                subject: subject.clone(),
                message,
            })
        };
        if n > 0 {
            push(loc.nth_pair("id", &routine.id, n), "duplicate id".into());
        }
        check_routine(&exercise_ids, routine, &loc, n, &mut push);
        check_warm_up(catalog, routine, &loc, n, &mut push);
    }

    check_guides(catalog, &loc, &mut problems);

    problems.sort_by_key(|p| p.pos.map(|p| (p.line, p.col)).unwrap_or((usize::MAX, 0)));
    problems
}

fn check_exercise(
    exercises: &HashSet<&str>,
    ex: &Exercise,
    loc: &LazyLocator<'_>,
    n: usize,
    push: &mut impl FnMut(Option<Pos>, String),
) {
    let id = ex.id.as_str();
    if ex.id.trim().is_empty() {
        push(loc.owner(id, n), "the id is empty".into());
    }
    if ex.name.trim().is_empty() {
        push(
            loc.field_in_owner(id, n, &["name"]),
            "the name is empty".into(),
        );
    }
    if ex.steps.is_empty() || ex.steps.iter().any(|s| s.trim().is_empty()) {
        push(
            loc.field_in_owner(id, n, &["steps"]),
            "the steps are empty".into(),
        );
    }
    if ex.sources.is_empty() {
        push(
            loc.field_in_owner(id, n, &["sources"]),
            "no source guide is named".into(),
        );
    }
    for (field, target) in [
        ("alternative", &ex.alternative),
        ("harder", &ex.harder),
        ("switch_if_worse", &ex.switch_if_worse),
    ] {
        if let Some(target) = target
            && !exercises.contains(target.as_str())
        {
            push(
                loc.pair_in_owner(id, n, field, target),
                format!("{field} \"{target}\" is not an exercise in this catalog"),
            );
        }
    }

    let dose = &ex.dose;
    let ranges = [
        ("sets", Some(dose.sets)),
        ("reps", dose.reps),
        ("hold_s", dose.hold_s),
        ("duration_s", dose.duration_s),
        ("rest_s", dose.rest_s),
    ];
    for (field, range) in ranges {
        if let Some(range) = range {
            check_range(
                range,
                field,
                field != "rest_s",
                || loc.field_in_owner(id, n, &["dose", field]),
                push,
            );
        }
    }
    let needs: &[(&str, bool)] = match dose.kind {
        DoseKind::Reps | DoseKind::Cycles => &[("reps", dose.reps.is_some())],
        DoseKind::Hold => &[("hold_s", dose.hold_s.is_some())],
        DoseKind::RepsWithHold => &[
            ("reps", dose.reps.is_some()),
            ("hold_s", dose.hold_s.is_some()),
        ],
        DoseKind::Duration => &[("duration_s", dose.duration_s.is_some())],
    };
    for (field, present) in needs {
        if !present {
            push(
                loc.field_in_owner(id, n, &["dose"]),
                format!("a {} dose needs {field}", dose.kind.label()),
            );
        }
    }
    if let Some(pace) = dose.pace_s {
        let problem = match above_limit("pace_s", &pace.to_string(), pace) {
            Some(above) => Some(above),
            None => (pace == 0).then(|| "pace_s is zero".to_string()),
        };
        if let Some(problem) = problem {
            push(loc.field_in_owner(id, n, &["dose", "pace_s"]), problem);
        }
    }
    for (name, amount) in [("start", &ex.start)] {
        if let Some(amount) = amount {
            for (field, value) in [
                ("sets", amount.sets),
                ("reps", amount.reps),
                ("hold_s", amount.hold_s),
                ("duration_s", amount.duration_s),
            ] {
                let at = || loc.field_in_owner(id, n, &[name, field]);
                match value {
                    Some(0) => push(at(), format!("{name} {field} is zero")),
                    Some(v) => {
                        if let Some(above) = above_limit(field, &v.to_string(), v) {
                            push(at(), format!("{name} {above}"));
                        }
                    }
                    None => {}
                }
            }
        }
    }
}

fn check_routine(
    exercises: &HashSet<&str>,
    routine: &Routine,
    loc: &LazyLocator<'_>,
    n: usize,
    push: &mut impl FnMut(Option<Pos>, String),
) {
    let id = routine.id.as_str();
    if routine.name.trim().is_empty() {
        push(
            loc.field_in_owner(id, n, &["name"]),
            "the name is empty".into(),
        );
    }
    if routine.items.is_empty() {
        push(
            loc.field_in_owner(id, n, &["items"]),
            "the routine has no exercises".into(),
        );
    }
    if routine.items.len() > limits::ROUTINE_ITEMS {
        push(
            loc.field_in_owner(id, n, &["items"]),
            format!(
                "the routine has {} exercises: at most {}",
                routine.items.len(),
                limits::ROUTINE_ITEMS
            ),
        );
    }
    if let Some(times) = routine.frequency.times_per_day {
        check_range(
            times,
            "times_per_day",
            true,
            || loc.field_in_owner(id, n, &["frequency", "times_per_day"]),
            push,
        );
    }
    if let Some(hours) = routine.frequency.min_hours_between
        && let Some(above) = above_limit("min_hours_between", &hours.to_string(), hours)
    {
        push(
            loc.field_in_owner(id, n, &["frequency", "min_hours_between"]),
            above,
        );
    }
    check_range(
        routine.minutes,
        "minutes",
        true,
        || loc.field_in_owner(id, n, &["minutes"]),
        push,
    );
    if let Some(rest_s) = routine.rest_s {
        check_range(
            rest_s,
            "rest_s",
            false,
            || loc.field_in_owner(id, n, &["rest_s"]),
            push,
        );
    }
    check_range(
        routine.frequency.days_per_week,
        "days_per_week",
        true,
        || loc.field_in_owner(id, n, &["frequency", "days_per_week"]),
        push,
    );
    if routine.frequency.days_per_week.max() > 7 {
        push(
            loc.field_in_owner(id, n, &["frequency", "days_per_week"]),
            "a week has only 7 days".into(),
        );
    }
    for (k, item) in routine.items.iter().enumerate() {
        if !exercises.contains(item.exercise.as_str()) {
            push(
                loc.field_in_list_item(id, n, "items", k, &["exercise"]),
                format!("exercise \"{}\" is not in this catalog", item.exercise),
            );
        }
        for (field, range) in [
            ("sets", item.sets),
            ("reps", item.reps),
            ("hold_s", item.hold_s),
            ("duration_s", item.duration_s),
            ("rest_s", item.rest_s),
        ] {
            if let Some(range) = range {
                check_range(
                    range,
                    field,
                    field != "rest_s",
                    || loc.field_in_list_item(id, n, "items", k, &[field]),
                    push,
                );
            }
        }
    }
}

/// Min above max is always wrong; a zero lower bound is wrong where a zero
/// would mean nothing to do (a zero-length hold, zero sets); a maximum
/// above the field's limit is refused (see [`limits`]).
fn check_range(
    range: Range,
    field: &str,
    nonzero: bool,
    at: impl Fn() -> Option<Pos>,
    push: &mut impl FnMut(Option<Pos>, String),
) {
    if range.min() > range.max() {
        push(
            at(),
            format!(
                "{field} ({}, {}): the minimum exceeds the maximum",
                range.min(),
                range.max()
            ),
        );
    } else if let Some(above) = above_limit(
        field,
        &format!("({}, {})", range.min(), range.max()),
        range.max(),
    ) {
        push(at(), above);
    } else if nonzero && range.min() == 0 {
        let what = match field {
            "hold_s" => "a zero-length hold".to_string(),
            "duration_s" => "a zero-length duration".to_string(),
            other => format!("{other} of zero"),
        };
        push(
            at(),
            format!("{field} ({}, {}): {what}", range.min(), range.max()),
        );
    }
}

/// A starting dose only means something for the numbers the dose's kind
/// builds up, and only at or below the dose's low end: anything else would be
/// silently ignored by the progression, so it is reported instead.
fn check_start_fits_the_dose(
    ex: &Exercise,
    loc: &LazyLocator<'_>,
    n: usize,
    push: &mut impl FnMut(Option<Pos>, String),
) {
    let Some(start) = &ex.start else { return };
    let dose = &ex.dose;
    let id = ex.id.as_str();
    let at = |field: &str| loc.field_in_owner(id, n, &["start", field]);
    if matches!(dose.kind, DoseKind::Cycles | DoseKind::Duration) {
        if *start != Amount::default() {
            push(
                loc.field_in_owner(id, n, &["start"]),
                format!(
                    "start has no effect: {} do not build up",
                    match dose.kind {
                        DoseKind::Cycles => "slow cycles",
                        _ => "timed durations",
                    }
                ),
            );
        }
        return;
    }
    let counted = [
        ("sets", start.sets, Some(dose.sets)),
        ("reps", start.reps, dose.reps),
        ("hold_s", start.hold_s, dose.hold_s),
        ("duration_s", start.duration_s, None),
    ];
    for (field, value, range) in counted {
        let Some(value) = value else { continue };
        match range {
            None => push(
                at(field),
                format!("start {field}: a {} dose has no {field}", dose.kind.label()),
            ),
            Some(range) if value > range.min() => push(
                at(field),
                format!(
                    "start {field} {value} is above the dose's lowest ({}); a start never exceeds it",
                    range.min()
                ),
            ),
            Some(_) => {}
        }
    }
}

/// A warm-up offer names another routine of the catalog, one with no warm-up
/// of its own (an offer is one routine, never a chain).
fn check_warm_up(
    catalog: &Catalog,
    routine: &Routine,
    loc: &LazyLocator<'_>,
    n: usize,
    push: &mut impl FnMut(Option<Pos>, String),
) {
    let Some(warm_up) = &routine.warm_up else {
        return;
    };
    let at = || loc.pair_in_owner(&routine.id, n, "warm_up", warm_up);
    match catalog.routine(warm_up) {
        None => push(
            at(),
            format!("warm_up \"{warm_up}\" is not a routine in this catalog"),
        ),
        Some(w) if w.id == routine.id => {
            push(at(), "a routine cannot be its own warm-up".into());
        }
        Some(w) if w.warm_up.is_some() => push(
            at(),
            format!("warm_up \"{warm_up}\" has a warm-up of its own; offer one routine"),
        ),
        Some(_) => {}
    }
}

/// Guides are named by their short id: each id once, each with a title.
fn check_guides(catalog: &Catalog, loc: &LazyLocator<'_>, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for guide in &catalog.guides {
        let n = seen.entry(guide.id.as_str()).or_insert(0);
        let subject = format!("guide \"{}\"", guide.id);
        if guide.id.trim().is_empty() {
            problems.push(Problem {
                pos: loc.nth_pair("id", &guide.id, *n),
                subject: subject.clone(),
                message: "the id is empty".into(),
            });
        }
        if *n > 0 {
            problems.push(Problem {
                pos: loc.nth_pair("id", &guide.id, *n),
                subject: subject.clone(),
                message: "duplicate guide id".into(),
            });
        }
        if guide.title.trim().is_empty() {
            problems.push(Problem {
                pos: loc.pair_in_owner(&guide.id, *n, "title", &guide.title),
                subject,
                message: "the title is empty".into(),
            });
        }
        *n += 1;
    }
}

/// A figure's angles are directions (-180 to 180 degrees), its spine a bend
/// (-90 to 90) and its reaches percentages; a joint it does not know never
/// parses (serde names it with its `line:column`).
fn check_figure(
    ex: &Exercise,
    loc: &LazyLocator<'_>,
    n: usize,
    push: &mut impl FnMut(Option<Pos>, String),
) {
    let Some(figure) = &ex.figure else { return };
    for (pose_name, pose) in [("start", &figure.start), ("end", &figure.end)] {
        for (joint, angle) in pose.joints() {
            let Some(angle) = angle else { continue };
            let (low, high) = joint_range(joint);
            if !(low..=high).contains(&angle) {
                let unit = if joint.ends_with("reach") {
                    "%"
                } else {
                    " degrees"
                };
                push(
                    loc.field_in_owner(&ex.id, n, &["figure", pose_name, joint]),
                    format!(
                        "figure {pose_name} {joint}: {angle} is out of range, {low} to {high}{unit}"
                    ),
                );
            }
        }
    }
}
