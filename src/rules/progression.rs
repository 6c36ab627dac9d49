//! Progression, one exercise at a time, read from the history.
//!
//! The guides' advice for someone new or coming back after a back issue is to
//! start very small, add a couple of repetitions every few days as long as
//! symptoms do not worsen, and work up to the routine's full dose. This module
//! turns that advice into a *dose ladder* per exercise and routine item, and
//! decides each day which rung to stand on:
//!
//! * the **floor** is the guides' starting dose for new or returning users
//!   (the exercise's `start` amount, else [`NEW_START_REPS`] reps in
//!   [`NEW_START_SETS`] set with the routine's shortest hold), or the routine's
//!   low end for regular exercisers, as in [`crate::plan::Plan::base`];
//! * the **cap** is the routine item's high end (most sets, most reps, longest
//!   hold);
//! * each rung is **one increment** above the last, in this order: reps grow by
//!   [`REP_STEP`] up to the cap; then one more set is added, and the reps per set
//!   drop so the total grows by about [`REP_STEP`] again (never below the
//!   floor's reps); once sets and reps are full, holds grow by [`HOLD_STEP_S`].
//!   Held stretches and planks (no reps) add sets first, then lengthen holds.
//!   Slow cycles and timed warm-ups do not progress: floor = cap = the
//!   routine's dose.
//!
//! Everything here is pure: the history and today's date come in, a
//! [`Decision`] with its reason in plain words comes out.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::catalog::{Amount, Dose, DoseKind, Exercise};
use crate::profile::Experience;
use crate::rules::safety::kind_stops;
use crate::store::records::{
    CheckIn, Compared, DiscomfortKind, ExerciseRecord, SessionRecord, SessionStatus,
};

/// Guide 000 starts new and returning people at 2 to 3 repetitions of each
/// exercise; we take the upper figure where the catalog names no start.
pub const NEW_START_REPS: u32 = 3;
/// The guides' starting dose is a single round of each exercise.
pub const NEW_START_SETS: u32 = 1;
/// Guide 000: "every few days, add a couple of repetitions".
pub const REP_STEP: u32 = 2;
/// Guide 000 lets holds grow from about 5 s toward 20–30 s and the superman's
/// hold get "slightly longer"; 5 s is the smallest step that reads as longer.
pub const HOLD_STEP_S: u32 = 5;
/// Guide 000's "every few days": at least this many calendar days between two
/// increases of the same exercise.
pub const MIN_DAYS_BETWEEN_INCREASES: i64 = 3;
/// Guide 000 adds reps only "as long as your symptoms do not worsen"; two
/// sessions in a row at the current dose without trouble are our evidence.
pub const SESSIONS_TO_PROGRESS: usize = 2;
/// Guide 000 lists harder bridge variations to try "over time"; we suggest one
/// after this many weeks at the routine's full dose without trouble.
pub const TOP_DOSE_WEEKS_FOR_HARDER: i64 = 2;
/// Guide 002: at least 48 hours between intense back-strength sessions so the
/// muscles can recover.
pub const INTENSE_GAP_HOURS: i64 = 48;

/// One rung of a dose ladder: the numbers a session runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Step {
    pub sets: u32,
    /// Repetitions (or cycles) per set, per side; 0 when not counted.
    pub reps: u32,
    /// Seconds of the hold, or of each repetition's hold; 0 when none.
    pub hold_s: u32,
    /// Seconds of a timed-duration exercise; 0 when none.
    pub duration_s: u32,
}

impl Step {
    /// Orders rungs the way the ladder climbs: total repetitions (sets when
    /// nothing is counted) first, then the hold or duration.
    fn key(self) -> (u32, u32) {
        (
            self.sets.max(1).saturating_mul(self.reps.max(1)),
            self.hold_s.max(self.duration_s),
        )
    }

    /// The dose of a history record in the ladder's terms.
    fn of_record(record: &ExerciseRecord) -> (u32, u32) {
        (
            record
                .sets_planned
                .max(1)
                .saturating_mul(record.target_reps.max(1)),
            record.target_hold_s,
        )
    }
}

fn counts_reps(kind: DoseKind) -> bool {
    matches!(kind, DoseKind::Reps | DoseKind::RepsWithHold)
}

fn counts_hold(kind: DoseKind) -> bool {
    matches!(kind, DoseKind::Hold | DoseKind::RepsWithHold)
}

/// Every dose an exercise may be planned at in one routine, from the starting
/// dose to the routine's full dose, one increment apart.
///
/// Keeping the whole ladder (rather than computing "+2" on the fly) makes
/// "one increment", "step back one" and "never below the start" exact, and
/// lets tests check that no plan ever jumps two rungs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ladder {
    kind: DoseKind,
    steps: Vec<Step>,
}

impl Ladder {
    /// The ladder for one routine item: `dose` is the item's resolved dose
    /// ([`crate::catalog::Routine::item_dose`]), `start` the exercise's starting
    /// amount from the guides.
    pub fn for_item(dose: &Dose, start: Option<&Amount>, experience: Experience) -> Ladder {
        let kind = dose.kind;
        let base = Step {
            sets: dose.sets.min().max(1),
            reps: dose.reps.map(|r| r.min()).unwrap_or(0),
            hold_s: dose.hold_s.map(|r| r.min()).unwrap_or(0),
            duration_s: dose.duration_s.map(|r| r.min()).unwrap_or(0),
        };
        if matches!(kind, DoseKind::Cycles | DoseKind::Duration) {
            return Ladder::new(kind, base, base);
        }
        let cap = Step {
            sets: dose.sets.max(),
            reps: dose.reps.map(|r| r.max()).unwrap_or(0),
            hold_s: dose.hold_s.map(|r| r.max()).unwrap_or(0),
            duration_s: base.duration_s,
        };
        let floor = match experience {
            Experience::Regular => base,
            Experience::New | Experience::Returning => {
                let start = start.cloned().unwrap_or_default();
                Step {
                    sets: start.sets.unwrap_or(NEW_START_SETS).min(base.sets).max(1),
                    reps: if counts_reps(kind) {
                        start.reps.unwrap_or(NEW_START_REPS).min(base.reps)
                    } else {
                        base.reps
                    },
                    hold_s: if counts_hold(kind) {
                        start.hold_s.unwrap_or(base.hold_s).min(base.hold_s)
                    } else {
                        base.hold_s
                    },
                    duration_s: base.duration_s,
                }
            }
        };
        Ladder::new(kind, floor, cap)
    }

    /// A ladder between two doses, for kinds and numbers of one's own choosing.
    ///
    /// A cap below the floor in any number is raised to the floor, so the
    /// ladder always has at least one rung.
    pub fn new(kind: DoseKind, floor: Step, cap: Step) -> Ladder {
        let cap = Step {
            sets: cap.sets.max(floor.sets),
            reps: cap.reps.max(floor.reps),
            hold_s: cap.hold_s.max(floor.hold_s),
            duration_s: cap.duration_s.max(floor.duration_s),
        };
        let reps_grow = counts_reps(kind);
        let hold_grows = counts_hold(kind);
        let mut steps = vec![floor];
        let mut cur = floor;
        loop {
            let next = if reps_grow && cur.reps < cap.reps {
                Step {
                    reps: cur.reps.saturating_add(REP_STEP).min(cap.reps),
                    ..cur
                }
            } else if !matches!(kind, DoseKind::Cycles | DoseKind::Duration) && cur.sets < cap.sets
            {
                let sets = cur.sets + 1;
                let reps = if reps_grow {
                    let total = cur.sets.saturating_mul(cur.reps).saturating_add(REP_STEP);
                    total.div_ceil(sets).max(floor.reps).min(cap.reps)
                } else {
                    cur.reps
                };
                Step { sets, reps, ..cur }
            } else if hold_grows && cur.hold_s < cap.hold_s {
                Step {
                    hold_s: cur.hold_s.saturating_add(HOLD_STEP_S).min(cap.hold_s),
                    ..cur
                }
            } else {
                break;
            };
            steps.push(next);
            cur = next;
        }
        Ladder { kind, steps }
    }

    /// The dose kind the ladder was built for.
    pub fn kind(&self) -> DoseKind {
        self.kind
    }

    /// Every rung, floor first.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The starting dose: a step back never goes below it.
    pub fn floor(&self) -> Step {
        self.steps[0]
    }

    /// The routine's full dose: no increase goes past it.
    pub fn cap(&self) -> Step {
        self.steps[self.top()]
    }

    /// Index of the cap.
    pub fn top(&self) -> usize {
        self.steps.len() - 1
    }

    /// The highest rung at or below a history record's dose, so a dose done in
    /// another routine (or before the catalog changed) still places the user.
    pub fn position(&self, record: &ExerciseRecord) -> usize {
        let key = Step::of_record(record);
        self.steps.iter().rposition(|s| s.key() <= key).unwrap_or(0)
    }

    /// The one number that differs between two rungs, in a few words: used for
    /// "back to …" reasons.
    fn dose_words(&self, from: Step, to: Step) -> String {
        if to.sets != from.sets {
            let sets = plural(to.sets, "set", "sets");
            if counts_reps(self.kind) {
                format!("{sets} of {}", to.reps)
            } else {
                sets
            }
        } else if to.reps != from.reps {
            plural(to.reps, "rep", "reps")
        } else {
            format!("{} s holds", to.hold_s)
        }
    }

    /// What an increase adds, in a few words: "+2 reps", "+1 set (2 × 6)".
    fn increase_words(&self, from: Step, to: Step) -> String {
        if to.sets > from.sets {
            if counts_reps(self.kind) {
                format!("+1 set ({} × {})", to.sets, to.reps)
            } else {
                format!("+1 set ({} sets)", to.sets)
            }
        } else if to.reps > from.reps {
            format!("+{}", plural(to.reps - from.reps, "rep", "reps"))
        } else {
            format!("+{} s hold", to.hold_s.saturating_sub(from.hold_s))
        }
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

fn number_word(n: usize) -> String {
    match n {
        1 => "one".into(),
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        5 => "five".into(),
        _ => n.to_string(),
    }
}

/// A date as the preview shows it: "Tue 17 Nov".
pub fn day_label(date: Date) -> String {
    date.strftime("%a %-d %b").to_string()
}

/// Why a session counts against an exercise: each one steps it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Sharp, shooting down a leg, numbness or tingling: the guides' stop kinds.
    StopKind(DiscomfortKind),
    /// A rating above the profile's limit.
    AboveLimit { value: u8 },
    /// A rating higher than an earlier one for the same exercise that session.
    Rising { from: u8, to: u8 },
    /// The session was stopped for safety during or right after this exercise.
    SafetyStop,
    /// The next check-in reported pain that lingered and got worse.
    Lingering,
}

impl Trouble {
    /// The trouble and its day in plain words: "discomfort 6 on Thu 19 Nov".
    pub fn describe(self, date: Date) -> String {
        let day = day_label(date);
        match self {
            Trouble::StopKind(DiscomfortKind::Sharp) => format!("sharp pain on {day}"),
            Trouble::StopKind(DiscomfortKind::ShootingDownLeg) => {
                format!("pain shooting down a leg on {day}")
            }
            Trouble::StopKind(kind) => format!("{} on {day}", kind.label()),
            Trouble::AboveLimit { value } => format!("discomfort {value} on {day}"),
            Trouble::Rising { from, to } => {
                format!("discomfort rose from {from} to {to} on {day}")
            }
            Trouble::SafetyStop => format!("session stopped for safety on {day}"),
            Trouble::Lingering => format!("pain lingered after {day}"),
        }
    }
}

/// What today's dose is compared with the last time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// No history for this exercise: the ladder's floor.
    Start,
    /// Same as last time (not yet earned an increase, or nothing to go on).
    Same,
    /// One rung up; the reason names the sessions that earned it.
    Increase { reason: String },
    /// One rung down, or kept at the floor, after trouble; the reason says which.
    StepBack { reason: String },
    /// At the routine's full dose: no further increase.
    Capped,
}

impl Change {
    /// The reason the preview shows, for the changes that have one.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Change::Increase { reason } | Change::StepBack { reason } => Some(reason),
            Change::Start | Change::Same | Change::Capped => None,
        }
    }
}

/// Today's dose of one exercise and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The rung on the ladder.
    pub index: usize,
    pub step: Step,
    pub change: Change,
    /// The exercise's harder variation (catalog id) once the full dose has gone
    /// well for [`TOP_DOSE_WEEKS_FOR_HARDER`] weeks; only ever a suggestion.
    pub suggest_harder: Option<String>,
}

/// What a later check-in said about a session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Aftermath {
    lingering: bool,
    worse: bool,
}

/// The history as the rules read it: sessions in time order, each with what
/// the next check-in said about it. Built once per plan, read per exercise.
#[derive(Debug, Clone)]
pub struct Past<'a> {
    sessions: Vec<&'a SessionRecord>,
    after: Vec<Aftermath>,
}

impl<'a> Past<'a> {
    /// Orders the history and ties each check-in to the session before it.
    /// Anything after `now` is ignored, so a clock set back cannot confuse it.
    pub fn new(sessions: &'a [SessionRecord], checkins: &[CheckIn], now: Timestamp) -> Past<'a> {
        let mut sorted: Vec<&SessionRecord> =
            sessions.iter().filter(|s| s.started <= now).collect();
        sorted.sort_by_key(|s| s.started);
        let mut after = vec![Aftermath::default(); sorted.len()];
        for c in checkins.iter().filter(|c| c.at <= now) {
            if let Some(i) = sorted.iter().rposition(|s| s.started < c.at) {
                after[i].lingering |= c.lingering;
                after[i].worse |= c.lingering || c.since_last == Some(Compared::Worse);
            }
        }
        Past {
            sessions: sorted,
            after,
        }
    }
}

/// One session that had something to do with the exercise.
struct Involvement<'a> {
    session: &'a SessionRecord,
    record: Option<&'a ExerciseRecord>,
    trouble: Option<Trouble>,
    /// Counted towards an increase: ended normally (not cut off, not stopped)
    /// and the next check-in did not report feeling worse.
    clean_session: bool,
}

impl Involvement<'_> {
    /// Done in full at the `at_least` dose, with nothing against it.
    fn good_at(&self, ladder: &Ladder, at_least: usize) -> bool {
        self.trouble.is_none()
            && self.clean_session
            && self
                .record
                .is_some_and(|r| r.completed && ladder.position(r) >= at_least)
    }
}

fn trouble_in(
    session: &SessionRecord,
    exercise: &Exercise,
    limit: u8,
    after: Aftermath,
    contains: bool,
) -> Option<Trouble> {
    let id = exercise.id.as_str();
    let mut ratings: Vec<_> = session
        .ratings
        .iter()
        .filter(|r| r.exercise_id.as_deref() == Some(id))
        .collect();
    ratings.sort_by_key(|r| r.at);
    if let Some(r) = ratings.iter().find(|r| kind_stops(r.kind)) {
        return Some(Trouble::StopKind(r.kind));
    }
    if let Some(r) = ratings
        .iter()
        .filter(|r| r.value > limit)
        .max_by_key(|r| r.value)
    {
        return Some(Trouble::AboveLimit { value: r.value });
    }
    if let Some(pair) = ratings.windows(2).find(|w| w[1].value > w[0].value) {
        return Some(Trouble::Rising {
            from: pair[0].value,
            to: pair[1].value,
        });
    }
    if let SessionStatus::StoppedForSafety { reason } = &session.status {
        let last_rated = session
            .ratings
            .iter()
            .filter(|r| r.exercise_id.is_some())
            .max_by_key(|r| r.at)
            .and_then(|r| r.exercise_id.as_deref());
        let reason = reason.to_lowercase();
        let name = exercise.name.to_lowercase();
        let named = reason.contains(&format!("during {name},"))
            || reason.ends_with(&format!("during {name}"))
            || reason.ends_with(&format!("after {name}"));
        if last_rated == Some(id) || named {
            return Some(Trouble::SafetyStop);
        }
    }
    if after.lingering && contains {
        return Some(Trouble::Lingering);
    }
    None
}

fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// Today's dose for one exercise from its history.
///
/// * no record yet: the floor ([`Change::Start`]);
/// * trouble in the latest session with it (a rating above `limit`, a stop
///   kind, a rising rating, a safety stop during or after it, lingering pain
///   reported at the next check-in): one rung below the dose it was last done
///   at, never below the floor;
/// * at the cap: [`Change::Capped`], with the harder variation suggested after
///   [`TOP_DOSE_WEEKS_FOR_HARDER`] weeks there without trouble;
/// * otherwise one rung up when the last [`SESSIONS_TO_PROGRESS`] sessions with
///   it were done in full at today's dose, without trouble, not stopped for
///   safety and not followed by a "worse" check-in, and the last increase was
///   at least [`MIN_DAYS_BETWEEN_INCREASES`] days before `today`; else the same.
pub fn decide(
    ladder: &Ladder,
    exercise: &Exercise,
    past: &Past<'_>,
    limit: u8,
    today: Date,
) -> Decision {
    let limit = limit.min(crate::rules::safety::ACCEPTABLE_LIMIT);
    let involved: Vec<Involvement> = past
        .sessions
        .iter()
        .zip(&past.after)
        .filter_map(|(&session, &after)| {
            let record = session
                .exercises
                .iter()
                .rev()
                .find(|r| r.exercise_id == exercise.id);
            let rated = session
                .ratings
                .iter()
                .any(|r| r.exercise_id.as_deref() == Some(exercise.id.as_str()));
            let trouble = trouble_in(session, exercise, limit, after, record.is_some() || rated);
            (record.is_some() || rated || trouble.is_some()).then(|| Involvement {
                session,
                record,
                trouble,
                clean_session: matches!(
                    session.status,
                    SessionStatus::Completed | SessionStatus::Partial
                ) && !after.worse,
            })
        })
        .collect();
    let done: Vec<&Involvement> = involved.iter().filter(|i| i.record.is_some()).collect();
    let at = |index: usize, change: Change| Decision {
        index,
        step: ladder.steps()[index],
        change,
        suggest_harder: None,
    };

    let current = done
        .last()
        .and_then(|i| i.record)
        .map(|r| ladder.position(r))
        .unwrap_or(0);

    if let Some(latest) = involved.last()
        && let Some(trouble) = latest.trouble
    {
        let why = trouble.describe(latest.session.date);
        let back = current.saturating_sub(1);
        let reason = if back < current {
            let words = ladder.dose_words(ladder.steps()[current], ladder.steps()[back]);
            format!("back to {words}: {why}")
        } else {
            format!("kept at the starting dose: {why}")
        };
        return at(back, Change::StepBack { reason });
    }
    if done.is_empty() {
        return at(0, Change::Start);
    }

    if current == ladder.top() {
        let mut decision = at(current, Change::Capped);
        let run: Vec<&&Involvement> = done
            .iter()
            .rev()
            .take_while(|i| i.good_at(ladder, current))
            .collect();
        if let Some(first) = run.last()
            && run.len() >= SESSIONS_TO_PROGRESS
            && days_between(first.session.date, today) >= TOP_DOSE_WEEKS_FOR_HARDER * 7
        {
            decision.suggest_harder = exercise.harder.clone();
        }
        return decision;
    }

    let recent: Vec<&&Involvement> = done.iter().rev().take(SESSIONS_TO_PROGRESS).collect();
    let earned =
        recent.len() == SESSIONS_TO_PROGRESS && recent.iter().all(|i| i.good_at(ladder, current));
    // The last increase: the latest record higher on the ladder than the one
    // before it, or the first record of all.
    let positions: Vec<usize> = done
        .iter()
        .filter_map(|i| i.record.map(|r| ladder.position(r)))
        .collect();
    let last_increase = (1..positions.len())
        .rev()
        .find(|&k| positions[k] > positions[k - 1])
        .unwrap_or(0);
    let waited =
        days_between(done[last_increase].session.date, today) >= MIN_DAYS_BETWEEN_INCREASES;
    match recent.last() {
        Some(oldest) if earned && waited => {
            let next = current + 1;
            let words = ladder.increase_words(ladder.steps()[current], ladder.steps()[next]);
            let reason = format!(
                "{words}: {} sessions without worsening since {}",
                number_word(SESSIONS_TO_PROGRESS),
                day_label(oldest.session.date)
            );
            at(next, Change::Increase { reason })
        }
        _ => at(current, Change::Same),
    }
}
