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
//!   floor's reps, so a regular exerciser adds a set at the routine's low end);
//!   once sets and reps are full, holds grow by [`HOLD_STEP_S`].
//!   Held stretches and planks (no reps) add sets first, then lengthen holds.
//!   Slow cycles and timed warm-ups do not progress: floor = cap = the
//!   routine's dose.
//!
//! Everything here is pure: the history and today's date come in, a
//! [`Decision`] with its reason in plain words comes out.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::catalog::{Amount, Dose, DoseKind, Exercise};
use crate::domain::{
    CheckIn, Compared, DiscomfortKind, ExerciseRecord, RatingMoment, SessionRecord, SessionStatus,
};
use crate::profile::Experience;
use crate::rules::safety::kind_stops;

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
/// One rung of a dose ladder: the numbers a session runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Step {
    /// Rounds of the exercise; for held stretches and planks, the holds.
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
    pub fn of_record(record: &ExerciseRecord) -> (u32, u32) {
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
    crate::rules::week::short_date(date)
}

/// Why a session counts against an exercise: each one steps it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Sharp, shooting down a leg, numbness or tingling: the guides' stop kinds.
    StopKind(DiscomfortKind),
    /// A rating above the profile's limit.
    AboveLimit {
        /// The highest rating above the limit that session, 0–10.
        value: u8,
    },
    /// A rating higher than an earlier one for the same exercise that session.
    Rising {
        /// The earlier rating.
        from: u8,
        /// The higher rating after it.
        to: u8,
    },
    /// The session was stopped for safety during or right after this exercise.
    SafetyStop,
    /// The next check-in reported pain that lingered and got worse.
    Lingering,
    /// The session that held it ended with a closing rating above the limit,
    /// or of a kind that stops (guide 000: discomfort should ease quickly
    /// afterward).
    EndedAbove {
        /// The closing rating, 0–10.
        value: u8,
    },
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
            Trouble::EndedAbove { value } => format!("the session on {day} ended at {value}/10"),
        }
    }

    /// Whether this trouble shows the exercise itself made pain worse (a
    /// stop kind, a rating above the limit, a rise, a stop during it), as
    /// opposed to how the whole session ended or the day after.
    pub fn aggravated_by_exercise(self) -> bool {
        matches!(
            self,
            Trouble::StopKind(_)
                | Trouble::AboveLimit { .. }
                | Trouble::Rising { .. }
                | Trouble::SafetyStop
        )
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
    Increase {
        /// The new dose and the sessions that earned it, for the preview.
        reason: String,
    },
    /// One rung down, or kept at the floor, after trouble; the reason says which.
    StepBack {
        /// The dose it goes back to and the trouble behind it, for the preview.
        reason: String,
    },
    /// An increase was earned, but nothing goes up today; the reason says why
    /// (a "worse" check-in, a safety stop, a rating at the limit).
    Hold {
        /// "no increase today: …", for the preview.
        reason: String,
    },
    /// At the routine's full dose: no further increase.
    Capped,
}

impl Change {
    /// The reason the preview shows, for the changes that have one.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Change::Increase { reason } | Change::StepBack { reason } | Change::Hold { reason } => {
                Some(reason)
            }
            Change::Start | Change::Same | Change::Capped => None,
        }
    }
}

/// Today's dose of one exercise and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The rung on the ladder, so callers and tests can compare days.
    pub index: usize,
    /// Today's numbers (the rung itself).
    pub step: Step,
    /// What changed since last time, with the reason the preview shows.
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

impl Past<'_> {
    /// Why nothing should increase today, whatever each exercise earned: the
    /// latest session was stopped for safety, ended at or above the limit,
    /// had a quick rating at or above it, or the check-in after it said the
    /// back feels worse. `None` when none of these holds.
    pub fn hold_reason(&self, limit: u8) -> Option<String> {
        let (session, after) = self.sessions.iter().zip(&self.after).next_back()?;
        let day = day_label(session.date);
        if after.worse {
            return Some(format!(
                "no increase today: your back feels worse than after the session on {day}"
            ));
        }
        if session.is_safety_stop() {
            return Some(format!(
                "no increase today: the session on {day} was stopped for safety"
            ));
        }
        if let Some(closing) = closing_rating(session)
            && closing.value >= limit
        {
            return Some(format!(
                "no increase today: the session on {day} ended at {}/10, the top of your comfortable range",
                closing.value
            ));
        }
        let quick = session
            .ratings
            .iter()
            .filter(|r| r.moment != RatingMoment::Closing && r.value >= limit)
            .max_by_key(|r| r.value)?;
        Some(format!(
            "no increase today: discomfort reached {}/10 on {day}, the top of your comfortable range",
            quick.value
        ))
    }

    /// The first time `exercise` made pain worse (a stop kind, a rating above
    /// the limit, a rise, a stop during it): its day and what happened.
    pub fn aggravation(&self, exercise: &Exercise, limit: u8) -> Option<(Date, Trouble)> {
        let limit = limit.min(crate::rules::safety::ACCEPTABLE_LIMIT);
        self.sessions.iter().find_map(|session| {
            let contains = session
                .exercises
                .iter()
                .any(|r| r.exercise_id == exercise.id);
            trouble_in(session, exercise, limit, Aftermath::default(), contains)
                .filter(|t| t.aggravated_by_exercise())
                .map(|t| (session.date, t))
        })
    }

    /// Whether a session after `date` did `exercise_id` (so advice given the
    /// first time need not be repeated).
    pub fn done_after(&self, date: Date, exercise_id: &str) -> bool {
        self.sessions
            .iter()
            .any(|s| s.date > date && s.exercises.iter().any(|r| r.exercise_id == exercise_id))
    }
}

/// One session that had something to do with the exercise.
struct Involvement<'a> {
    session: &'a SessionRecord,
    record: Option<&'a ExerciseRecord>,
    trouble: Option<Trouble>,
    /// Counted towards an increase: ended normally (not cut off, not stopped).
    clean_session: bool,
    /// The next check-in said the back felt worse than at its end.
    followed_by_worse: bool,
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
    if contains
        && let Some(closing) = closing_rating(session)
        && (closing.value > limit || kind_stops(closing.kind))
    {
        return Some(Trouble::EndedAbove {
            value: closing.value,
        });
    }
    None
}

/// The session's closing rating ("how does your back feel now?" at its end).
fn closing_rating(session: &SessionRecord) -> Option<&crate::domain::Rating> {
    session
        .ratings
        .iter()
        .rev()
        .find(|r| r.moment == RatingMoment::Closing)
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
            (record.is_some() || rated || trouble.is_some()).then_some(Involvement {
                session,
                record,
                trouble,
                clean_session: matches!(
                    session.status,
                    SessionStatus::Completed | SessionStatus::Partial
                ),
                followed_by_worse: after.worse,
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
    let worse_after = recent.iter().find(|i| i.followed_by_worse);
    match recent.last() {
        Some(oldest) if earned && waited => {
            if let Some(reason) = past.hold_reason(limit) {
                return at(current, Change::Hold { reason });
            }
            if let Some(worse) = worse_after {
                let reason = format!(
                    "no increase yet: your back felt worse after the session on {}",
                    day_label(worse.session.date)
                );
                return at(current, Change::Hold { reason });
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Range, builtin};
    use crate::domain::{Rating, RatingMoment};
    use DiscomfortKind::*;
    use jiff::ToSpan;

    fn catalog() -> Catalog {
        builtin().expect("the built-in catalog parses")
    }

    fn ladder_of(c: &Catalog, routine: &str, exercise: &str, experience: Experience) -> Ladder {
        let r = c.routine(routine).expect("routine");
        let item = r
            .items
            .iter()
            .find(|i| i.exercise == exercise)
            .expect("item");
        let ex = c.exercise(exercise).expect("exercise");
        Ladder::for_item(&r.item_dose(item, ex), ex.start.as_ref(), experience)
    }

    fn s(sets: u32, reps: u32, hold_s: u32) -> Step {
        Step {
            sets,
            reps,
            hold_s,
            duration_s: 0,
        }
    }

    fn day(n: i64) -> Date {
        Date::constant(2026, 11, 16)
            .checked_add(n.days())
            .expect("date")
    }

    fn at(n: i64, minute: i64) -> Timestamp {
        day(n)
            .at(18, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .expect("zoned")
            .timestamp()
            .checked_add(minute.minutes())
            .expect("time")
    }

    /// An exercise done at a rung; `completed` as the engine would record it.
    fn done(id: &str, step: Step, completed: bool) -> ExerciseRecord {
        ExerciseRecord {
            exercise_id: id.into(),
            name: id.into(),
            finished_at: Timestamp::UNIX_EPOCH,
            sets_planned: step.sets,
            sets_done: step.sets,
            target_reps: step.reps,
            target_hold_s: step.hold_s.max(step.duration_s),
            reps_done: Vec::new(),
            hold_s_done: Vec::new(),
            completed,
        }
    }

    fn session(
        n: i64,
        status: SessionStatus,
        exercises: Vec<ExerciseRecord>,
        ratings: &[(&str, u8, DiscomfortKind)],
    ) -> SessionRecord {
        SessionRecord {
            id: at(n, 0).to_string(),
            routine_id: "daily".into(),
            routine_name: "daily".into(),
            date: day(n),
            started: at(n, 0),
            ended: Some(at(n, 15)),
            active_s: 600,
            status,
            intense: false,
            baseline: Some(1),
            exercises,
            ratings: ratings
                .iter()
                .enumerate()
                .map(|(k, (id, value, kind))| Rating {
                    at: at(n, 1 + k as i64),
                    value: *value,
                    kind: *kind,
                    moment: RatingMoment::AfterExercise,
                    exercise_id: Some((*id).into()),
                    set: None,
                    side: None,
                    decision: None,
                })
                .collect(),
        }
    }

    /// `session` with a closing rating of `value` at its end.
    fn with_closing(mut session: SessionRecord, value: u8) -> SessionRecord {
        session.ratings.push(Rating {
            at: session.ended.unwrap_or(session.started),
            value,
            kind: DullAche,
            moment: RatingMoment::Closing,
            exercise_id: None,
            set: None,
            side: None,
            decision: None,
        });
        session
    }

    /// A completed session with the bridge done in full at `step`.
    fn bridge_at(n: i64, step: Step) -> SessionRecord {
        session(
            n,
            SessionStatus::Completed,
            vec![done("bridge", step, true)],
            &[],
        )
    }

    fn checkin(n: i64, lingering: bool, since_last: Option<Compared>) -> CheckIn {
        CheckIn {
            at: at(n, -5),
            date: day(n),
            baseline: 1,
            asked_warning_signs: false,
            warning_signs: Vec::new(),
            since_last,
            stop_pain_eased: None,
            lingering,
        }
    }

    fn stopped(reason: &str) -> SessionStatus {
        SessionStatus::StoppedForSafety {
            reason: reason.into(),
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Kind {
        Start,
        Same,
        Increase,
        StepBack,
        Capped,
        Hold,
    }

    fn kind_of(change: &Change) -> Kind {
        match change {
            Change::Start => Kind::Start,
            Change::Same => Kind::Same,
            Change::Increase { .. } => Kind::Increase,
            Change::StepBack { .. } => Kind::StepBack,
            Change::Capped => Kind::Capped,
            Change::Hold { .. } => Kind::Hold,
        }
    }

    struct Row {
        name: &'static str,
        experience: Experience,
        limit: u8,
        sessions: Vec<SessionRecord>,
        checkins: Vec<CheckIn>,
        today: i64,
        index: usize,
        kind: Kind,
        /// Words the reason must contain.
        reason: Option<String>,
        harder: Option<&'static str>,
    }

    fn row(name: &'static str, sessions: Vec<SessionRecord>, today: i64) -> Row {
        Row {
            name,
            experience: Experience::New,
            limit: 5,
            sessions,
            checkins: Vec::new(),
            today,
            index: 0,
            kind: Kind::Same,
            reason: None,
            harder: None,
        }
    }

    impl Row {
        fn expect(mut self, index: usize, kind: Kind) -> Row {
            self.index = index;
            self.kind = kind;
            self
        }
        fn reason(mut self, words: String) -> Row {
            self.reason = Some(words);
            self
        }
        fn checkins(mut self, checkins: Vec<CheckIn>) -> Row {
            self.checkins = checkins;
            self
        }
        fn limit(mut self, limit: u8) -> Row {
            self.limit = limit;
            self
        }
        fn experience(mut self, experience: Experience) -> Row {
            self.experience = experience;
            self
        }
        fn harder(mut self, id: &'static str) -> Row {
            self.harder = Some(id);
            self
        }
    }

    #[test]
    fn daily_bridge_ladder_for_a_new_user() {
        let c = catalog();
        let l = ladder_of(&c, "daily", "bridge", Experience::New);
        // The guides' 5 a day in one set, +2 reps to the routine's 10, a second
        // set keeping the total +2, up to 2 × 10, then the holds to 20 s.
        assert_eq!(
            l.steps(),
            &[
                s(1, 5, 12),
                s(1, 7, 12),
                s(1, 9, 12),
                s(1, 10, 12),
                s(2, 6, 12),
                s(2, 8, 12),
                s(2, 10, 12),
                s(2, 10, 17),
                s(2, 10, 20),
            ]
        );
        assert_eq!(ladder_of(&c, "daily", "bridge", Experience::Returning), l);
    }

    #[test]
    fn ladders_of_the_builtin_routines() {
        let c = catalog();
        let rows: &[(&str, &str, Experience, &[Step])] = &[
            (
                "daily",
                "superman",
                Experience::New,
                // Guide 000: "Begin with 5 to 8 repetitions".
                &[
                    s(1, 5, 2),
                    s(1, 7, 2),
                    s(1, 8, 2),
                    s(2, 5, 2),
                    s(2, 7, 2),
                    s(2, 8, 2),
                    s(2, 8, 3),
                ],
            ),
            // Regular: from the routine's low end (as Plan::base) to its high end.
            (
                "daily",
                "bridge",
                Experience::Regular,
                &[s(2, 8, 12), s(2, 10, 12), s(2, 10, 17), s(2, 10, 20)],
            ),
            // A second set never drops below a regular's low end of reps.
            (
                "daily",
                "superman",
                Experience::Regular,
                &[s(1, 6, 2), s(1, 8, 2), s(2, 6, 2), s(2, 8, 2), s(2, 8, 3)],
            ),
            (
                "gym-back-day",
                "lat-pulldown",
                Experience::Regular,
                &[
                    s(3, 8, 0),
                    s(3, 10, 0),
                    s(3, 12, 0),
                    s(4, 10, 0),
                    s(4, 12, 0),
                ],
            ),
            // A held stretch or plank: one set, then sets, then longer holds.
            (
                "home-beginner",
                "front-plank",
                Experience::New,
                &[
                    s(1, 0, 20),
                    s(2, 0, 20),
                    s(3, 0, 20),
                    s(3, 0, 25),
                    s(3, 0, 30),
                ],
            ),
            // Knee to chest: about 5 s at first, toward 20–30 s.
            (
                "mini-workout",
                "knee-to-chest",
                Experience::New,
                &[
                    s(1, 2, 5),
                    s(1, 3, 5),
                    s(1, 3, 10),
                    s(1, 3, 15),
                    s(1, 3, 20),
                    s(1, 3, 25),
                    s(1, 3, 30),
                ],
            ),
            // No start amount: 3 reps, one set.
            (
                "mini-workout",
                "dead-bug",
                Experience::New,
                &[
                    s(1, 3, 0),
                    s(1, 5, 0),
                    s(1, 7, 0),
                    s(1, 9, 0),
                    s(1, 11, 0),
                    s(1, 12, 0),
                ],
            ),
            // Daily's knee to chest: 2 reps of about 5 s, the holds growing
            // toward 20 to 30 s (guide 000).
            (
                "daily",
                "knee-to-chest",
                Experience::New,
                &[
                    s(1, 2, 5),
                    s(1, 2, 10),
                    s(1, 2, 15),
                    s(1, 2, 20),
                    s(1, 2, 25),
                    s(1, 2, 30),
                ],
            ),
            (
                "daily",
                "knee-to-chest",
                Experience::Regular,
                &[s(1, 2, 20), s(1, 2, 25), s(1, 2, 30)],
            ),
            // Slow cycles do not progress, whatever the start amount says.
            ("daily", "cat-cow", Experience::New, &[s(1, 5, 0)]),
        ];
        for (routine, exercise, experience, steps) in rows {
            let l = ladder_of(&c, routine, exercise, *experience);
            assert_eq!(l.steps(), *steps, "{routine} / {exercise} / {experience:?}");
        }
        let walk = ladder_of(&c, "mini-workout", "walk", Experience::New);
        assert_eq!(
            walk.steps(),
            &[Step {
                sets: 1,
                reps: 0,
                hold_s: 0,
                duration_s: 300
            }]
        );
    }

    #[test]
    fn floors_never_exceed_the_regular_start() {
        let c = catalog();
        for r in &c.routines {
            for item in &r.items {
                let Some(ex) = c.exercise(&item.exercise) else {
                    continue;
                };
                let new = ladder_of(&c, &r.id, &ex.id, Experience::New);
                let regular = ladder_of(&c, &r.id, &ex.id, Experience::Regular);
                let (n, g) = (new.floor(), regular.floor());
                assert!(
                    n.sets <= g.sets && n.reps <= g.reps && n.hold_s <= g.hold_s,
                    "{} / {}: {n:?} above {g:?}",
                    r.id,
                    ex.id
                );
                assert_eq!(new.cap(), regular.cap(), "{} / {}", r.id, ex.id);
            }
        }
    }

    #[test]
    fn progression_table() {
        let c = catalog();
        let new = ladder_of(&c, "daily", "bridge", Experience::New);
        let l = |i: usize| new.steps()[i];
        let top = new.top();
        let ok = SessionStatus::Completed;
        let rows = vec![
            // ---- start
            row("new, no history: the guides' starting dose", vec![], 0).expect(0, Kind::Start),
            row("regular, no history: the routine's low end", vec![], 0)
                .experience(Experience::Regular)
                .expect(0, Kind::Start),
            // ---- every few days, two clean sessions
            row(
                "two clean sessions, first 3 days ago: +2 reps",
                vec![bridge_at(0, l(0)), bridge_at(1, l(0))],
                3,
            )
            .expect(1, Kind::Increase)
            .reason(format!(
                "+2 reps: two sessions without worsening since {}",
                day_label(day(0))
            )),
            row(
                "two clean sessions, first only 2 days ago: wait",
                vec![bridge_at(0, l(0)), bridge_at(1, l(0))],
                2,
            )
            .expect(0, Kind::Same),
            row("one session is not enough", vec![bridge_at(0, l(0))], 5).expect(0, Kind::Same),
            row(
                "increased last session: two at the new dose needed",
                vec![bridge_at(0, l(0)), bridge_at(3, l(1))],
                7,
            )
            .expect(1, Kind::Same),
            row(
                "increased 2 days ago, two sessions since: wait for the 3rd day",
                vec![
                    bridge_at(0, l(0)),
                    bridge_at(1, l(0)),
                    bridge_at(4, l(1)),
                    bridge_at(5, l(1)),
                ],
                6,
            )
            .expect(1, Kind::Same),
            row(
                "increased 3 days ago, two sessions since: +2 reps",
                vec![
                    bridge_at(0, l(0)),
                    bridge_at(1, l(0)),
                    bridge_at(4, l(1)),
                    bridge_at(5, l(1)),
                ],
                7,
            )
            .expect(2, Kind::Increase),
            row(
                "reps full: a second set, total +2",
                vec![bridge_at(0, l(3)), bridge_at(3, l(3))],
                4,
            )
            .expect(4, Kind::Increase)
            .reason("+1 set (2 × 6)".into()),
            row(
                "sets and reps full: longer holds",
                vec![bridge_at(0, l(6)), bridge_at(3, l(6))],
                4,
            )
            .expect(7, Kind::Increase)
            .reason("+5 s hold".into()),
            row(
                "an incomplete exercise does not count",
                vec![
                    bridge_at(0, l(0)),
                    session(1, ok.clone(), vec![done("bridge", l(0), false)], &[]),
                ],
                3,
            )
            .expect(0, Kind::Same),
            row(
                "a session cut off mid-way does not count",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        SessionStatus::InProgress,
                        vec![done("bridge", l(0), true)],
                        &[],
                    ),
                ],
                3,
            )
            .expect(0, Kind::Same),
            row(
                "a partial session with the bridge done in full counts",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        SessionStatus::Partial,
                        vec![done("bridge", l(0), true)],
                        &[],
                    ),
                ],
                3,
            )
            .expect(1, Kind::Increase),
            // ---- ratings: 4 progresses, 5 (the top of the range) holds, 6 steps back
            row(
                "a rating of 4 still progresses",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        ok.clone(),
                        vec![done("bridge", l(0), true)],
                        &[("bridge", 4, DullAche)],
                    ),
                ],
                3,
            )
            .expect(1, Kind::Increase),
            row(
                "a quick rating of 5, the top of the range: no increase today",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        ok.clone(),
                        vec![done("bridge", l(0), true)],
                        &[("bridge", 5, DullAche)],
                    ),
                ],
                3,
            )
            .expect(0, Kind::Hold)
            .reason("no increase today: discomfort reached 5/10".into()),
            row(
                "a closing 8/10: back one increment (pain should ease quickly afterward)",
                vec![bridge_at(0, l(3)), with_closing(bridge_at(3, l(3)), 8)],
                6,
            )
            .expect(2, Kind::StepBack)
            .reason(format!(
                "the session on {} ended at 8/10",
                day_label(day(3))
            )),
            row(
                "a closing 5/10: no increase today",
                vec![bridge_at(0, l(0)), with_closing(bridge_at(1, l(0)), 5)],
                3,
            )
            .expect(0, Kind::Hold)
            .reason("ended at 5/10, the top of your comfortable range".into()),
            row(
                "a closing 3/10: progresses",
                vec![bridge_at(0, l(0)), with_closing(bridge_at(1, l(0)), 3)],
                3,
            )
            .expect(1, Kind::Increase),
            row(
                "a safety stop in another exercise of the last session: no increase today",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        stopped("Sharp pain during Cat-cow, set 1 of 1"),
                        vec![
                            done("bridge", l(0), true),
                            done("cat-cow", s(1, 5, 0), false),
                        ],
                        &[],
                    ),
                    bridge_at(2, l(0)),
                    session(
                        3,
                        stopped("Sharp pain during Cat-cow, set 1 of 1"),
                        vec![
                            done("bridge", l(0), true),
                            done("cat-cow", s(1, 5, 0), false),
                        ],
                        &[],
                    ),
                ],
                6,
            )
            .expect(0, Kind::Same),
            row(
                "a rating of 6: back one increment",
                vec![
                    bridge_at(0, l(2)),
                    bridge_at(1, l(3)),
                    session(
                        4,
                        stopped("Discomfort 6/10, above your limit of 5 after Bridge"),
                        vec![done("bridge", l(3), true)],
                        &[("bridge", 6, DullAche)],
                    ),
                ],
                6,
            )
            .expect(2, Kind::StepBack)
            .reason(format!(
                "back to 9 reps: discomfort 6 on {}",
                day_label(day(4))
            )),
            row(
                "a lowered limit of 3: a rating of 4 steps back",
                vec![
                    bridge_at(0, l(2)),
                    session(
                        3,
                        ok.clone(),
                        vec![done("bridge", l(2), true)],
                        &[("bridge", 4, DullAche)],
                    ),
                ],
                6,
            )
            .limit(3)
            .expect(1, Kind::StepBack),
            row(
                "a limit above the guides' 5 is not honoured",
                vec![
                    bridge_at(0, l(2)),
                    session(
                        3,
                        ok.clone(),
                        vec![done("bridge", l(2), true)],
                        &[("bridge", 6, DullAche)],
                    ),
                ],
                6,
            )
            .limit(8)
            .expect(1, Kind::StepBack),
            row(
                "the floor: trouble at the starting dose keeps it there",
                vec![session(
                    0,
                    ok.clone(),
                    vec![done("bridge", l(0), true)],
                    &[("bridge", 7, DullAche)],
                )],
                3,
            )
            .expect(0, Kind::StepBack)
            .reason("kept at the starting dose: discomfort 7".into()),
            row(
                "a high rating on another exercise: no step back, but no increase",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        stopped("Discomfort 6/10, above your limit of 5 after Cat-cow"),
                        vec![
                            done("bridge", l(0), true),
                            done("cat-cow", s(1, 5, 0), true),
                        ],
                        &[("bridge", 2, DullAche), ("cat-cow", 6, DullAche)],
                    ),
                ],
                3,
            )
            .expect(0, Kind::Same),
            // ---- worsening
            row(
                "ratings rising 2 → 4: back one increment",
                vec![
                    bridge_at(0, l(3)),
                    session(
                        3,
                        ok.clone(),
                        vec![done("bridge", l(3), true)],
                        &[("bridge", 2, DullAche), ("bridge", 4, DullAche)],
                    ),
                ],
                5,
            )
            .expect(2, Kind::StepBack)
            .reason("discomfort rose from 2 to 4".into()),
            row(
                "ratings steady 3, 3: progresses",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        ok.clone(),
                        vec![done("bridge", l(0), true)],
                        &[("bridge", 3, DullAche), ("bridge", 3, DullAche)],
                    ),
                ],
                3,
            )
            .expect(1, Kind::Increase),
            row(
                "sharp pain, however low: back one increment",
                vec![
                    bridge_at(0, l(3)),
                    session(
                        3,
                        ok.clone(),
                        vec![done("bridge", l(3), true)],
                        &[("bridge", 1, Sharp)],
                    ),
                ],
                5,
            )
            .expect(2, Kind::StepBack)
            .reason("sharp pain".into()),
            // ---- safety stops
            row(
                "stopped for safety during the bridge",
                vec![
                    bridge_at(0, l(3)),
                    session(
                        3,
                        stopped("Sharp pain during Bridge, set 1 of 1"),
                        vec![done("bridge", l(3), false)],
                        &[],
                    ),
                ],
                5,
            )
            .expect(2, Kind::StepBack)
            .reason("session stopped for safety".into()),
            row(
                "stopped for safety, the bridge rated last",
                vec![
                    bridge_at(0, l(3)),
                    session(
                        3,
                        stopped("Discomfort 4/10, up from 1 at check-in, and getting worse"),
                        vec![done("bridge", l(3), true)],
                        &[("bridge", 4, DullAche)],
                    ),
                ],
                5,
            )
            .expect(2, Kind::StepBack),
            row(
                "stopped during a different exercise whose name contains bridge's",
                vec![
                    bridge_at(0, l(0)),
                    session(
                        1,
                        stopped("Sharp pain during Single-leg bridge, set 1 of 2"),
                        vec![done("bridge", l(0), true)],
                        &[],
                    ),
                ],
                3,
            )
            .expect(0, Kind::Same),
            // ---- check-ins
            row(
                "lingering pain at the next check-in: back one increment",
                vec![bridge_at(0, l(3)), bridge_at(3, l(3))],
                4,
            )
            .checkins(vec![checkin(4, true, Some(Compared::Worse))])
            .expect(2, Kind::StepBack)
            .reason(format!("pain lingered after {}", day_label(day(3)))),
            row(
                "felt worse since last time (not lingering): no increase",
                vec![bridge_at(0, l(0)), bridge_at(1, l(0))],
                3,
            )
            .checkins(vec![checkin(3, false, Some(Compared::Worse))])
            .expect(0, Kind::Hold)
            .reason(format!(
                "no increase today: your back feels worse than after the session on {}",
                day_label(day(1))
            )),
            row(
                "lingering after a session without the bridge: unaffected",
                vec![
                    bridge_at(0, l(0)),
                    bridge_at(1, l(0)),
                    session(2, ok.clone(), vec![done("cat-cow", s(1, 5, 0), true)], &[]),
                ],
                3,
            )
            .checkins(vec![checkin(3, true, Some(Compared::Worse))])
            .expect(0, Kind::Hold),
            row(
                "after a step back, two clean sessions: climbs again",
                vec![
                    bridge_at(0, l(3)),
                    session(
                        3,
                        ok.clone(),
                        vec![done("bridge", l(3), true)],
                        &[("bridge", 6, DullAche)],
                    ),
                    bridge_at(4, l(2)),
                    bridge_at(5, l(2)),
                ],
                6,
            )
            .expect(3, Kind::Increase),
            row(
                "after a step back, one clean session: not yet",
                vec![
                    bridge_at(0, l(3)),
                    session(
                        3,
                        ok.clone(),
                        vec![done("bridge", l(3), true)],
                        &[("bridge", 6, DullAche)],
                    ),
                    bridge_at(4, l(2)),
                ],
                6,
            )
            .expect(2, Kind::Same),
            // ---- the cap and the harder variation
            row(
                "at the routine's full dose: capped",
                vec![bridge_at(0, l(top)), bridge_at(3, l(top))],
                6,
            )
            .expect(top, Kind::Capped),
            row(
                "a bigger dose from another routine: capped at this one's",
                vec![bridge_at(0, s(2, 15, 12)), bridge_at(3, s(2, 15, 12))],
                6,
            )
            .expect(top, Kind::Capped),
            row(
                "13 days at the full dose: no suggestion yet",
                vec![
                    bridge_at(0, l(top)),
                    bridge_at(4, l(top)),
                    bridge_at(8, l(top)),
                    bridge_at(12, l(top)),
                ],
                13,
            )
            .expect(top, Kind::Capped),
            row(
                "14 days at the full dose: suggest the banded bridge",
                vec![
                    bridge_at(0, l(top)),
                    bridge_at(4, l(top)),
                    bridge_at(8, l(top)),
                    bridge_at(12, l(top)),
                ],
                14,
            )
            .expect(top, Kind::Capped)
            .harder("banded-bridge"),
            row(
                "14 days at the full dose but an incomplete session since: not yet",
                vec![
                    bridge_at(0, l(top)),
                    bridge_at(4, l(top)),
                    session(8, ok.clone(), vec![done("bridge", l(top), false)], &[]),
                    bridge_at(12, l(top)),
                ],
                14,
            )
            .expect(top, Kind::Capped),
        ];
        let bridge = c.exercise("bridge").expect("bridge");
        for r in rows {
            let ladder = ladder_of(&c, "daily", "bridge", r.experience);
            let past = Past::new(&r.sessions, &r.checkins, at(r.today, 0));
            let d = decide(&ladder, bridge, &past, r.limit, day(r.today));
            assert_eq!(
                (d.index, kind_of(&d.change)),
                (r.index, r.kind),
                "{}: {:?}",
                r.name,
                d.change
            );
            assert_eq!(d.step, ladder.steps()[r.index], "{}", r.name);
            if let Some(words) = &r.reason {
                let reason = d.change.reason().unwrap_or_default();
                assert!(
                    reason.contains(words.as_str()),
                    "{}: {reason:?} lacks {words:?}",
                    r.name
                );
            }
            assert_eq!(d.suggest_harder.as_deref(), r.harder, "{}", r.name);
        }
    }

    #[test]
    fn history_after_now_is_ignored() {
        let c = catalog();
        let ladder = ladder_of(&c, "daily", "bridge", Experience::New);
        let l = ladder.steps();
        let sessions = vec![bridge_at(0, l[0]), bridge_at(1, l[0]), bridge_at(9, l[5])];
        let past = Past::new(&sessions, &[], at(3, 0));
        let bridge = c.exercise("bridge").expect("bridge");
        let d = decide(&ladder, bridge, &past, 5, day(3));
        assert_eq!(d.index, 1);
    }

    #[test]
    fn dates_read_as_weekday_day_month() {
        let label = day_label(Date::constant(2026, 11, 17));
        assert_eq!(label, "Tue 17 Nov");
        assert_eq!(day_label(Date::constant(2026, 11, 5)), "Thu 5 Nov");
    }

    fn one_increment(kind: DoseKind, a: Step, b: Step) -> bool {
        let reps_up = a.sets == b.sets
            && a.hold_s == b.hold_s
            && b.reps > a.reps
            && b.reps - a.reps <= REP_STEP;
        let set_up = b.sets == a.sets + 1 && a.hold_s == b.hold_s && {
            let (ta, tb) = (a.key().0, b.key().0);
            // A held exercise adds a whole set; a counted one about REP_STEP
            // reps, or at most one set at the floor's reps.
            tb > ta && (!counts_reps(kind) || tb - ta <= (REP_STEP + b.sets).max(b.reps))
        };
        let hold_up = a.sets == b.sets
            && a.reps == b.reps
            && b.hold_s > a.hold_s
            && b.hold_s - a.hold_s <= HOLD_STEP_S;
        reps_up || set_up || hold_up
    }

    proptest::proptest! {
        #[test]
        fn every_ladder_climbs_one_increment_at_a_time(
            kind in proptest::sample::select(vec![DoseKind::Reps, DoseKind::Hold, DoseKind::RepsWithHold]),
            sets in (1u32..=3, 0u32..=2),
            reps in (1u32..=12, 0u32..=10),
            hold in (1u32..=30, 0u32..=30),
            start in (proptest::option::of(1u32..=3), proptest::option::of(1u32..=15), proptest::option::of(1u32..=30)),
            experience in proptest::sample::select(vec![Experience::New, Experience::Returning, Experience::Regular]),
        ) {
            let dose = Dose {
                kind,
                per_side: false,
                sets: Range(sets.0, sets.0 + sets.1),
                reps: counts_reps(kind).then_some(Range(reps.0, reps.0 + reps.1)),
                hold_s: counts_hold(kind).then_some(Range(hold.0, hold.0 + hold.1)),
                duration_s: None,
                pace_s: None,
                rest_s: None,
            };
            let start = Amount { sets: start.0, reps: start.1, hold_s: start.2, duration_s: None };
            let l = Ladder::for_item(&dose, Some(&start), experience);
            let cap = l.cap();
            proptest::prop_assert_eq!(cap.sets, dose.sets.max());
            proptest::prop_assert_eq!(cap.reps, dose.reps.map(|r| r.max()).unwrap_or(0));
            proptest::prop_assert_eq!(cap.hold_s, dose.hold_s.map(|r| r.max()).unwrap_or(0));
            if experience == Experience::Regular {
                proptest::prop_assert_eq!(l.floor().sets, dose.sets.min());
                proptest::prop_assert_eq!(l.floor().reps, dose.reps.map(|r| r.min()).unwrap_or(0));
            }
            for w in l.steps().windows(2) {
                proptest::prop_assert!(w[0].key() < w[1].key(), "{:?}", l.steps());
                proptest::prop_assert!(one_increment(kind, w[0], w[1]), "{:?} -> {:?}", w[0], w[1]);
                proptest::prop_assert!(w[1].reps >= l.floor().reps);
            }
            // Every rung reads back as itself from a record done at it.
            for (i, step) in l.steps().iter().enumerate() {
                let rec = ExerciseRecord {
                    exercise_id: "x".into(),
                    name: "x".into(),
                    finished_at: Timestamp::UNIX_EPOCH,
                    sets_planned: step.sets,
                    sets_done: step.sets,
                    target_reps: step.reps,
                    target_hold_s: step.hold_s,
                    reps_done: vec![],
                    hold_s_done: vec![],
                    completed: true,
                };
                proptest::prop_assert_eq!(l.position(&rec), i);
            }
        }
    }
}
