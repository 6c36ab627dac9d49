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

use crate::catalog::Exercise;
use crate::domain::dates::{days_between, short_date};
use crate::domain::{
    CheckIn, Compared, DiscomfortKind, ExerciseRecord, RatingMoment, SessionRecord, SessionStatus,
};
use crate::rules::safety::kind_stops;

mod ladder;
#[cfg(test)]
mod tests;

pub use ladder::{Ladder, Rung};

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
        let day = short_date(date);
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
    pub step: Rung,
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
        let day = short_date(session.date);
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
                    short_date(worse.session.date)
                );
                return at(current, Change::Hold { reason });
            }
            let next = current + 1;
            let words = ladder.increase_words(ladder.steps()[current], ladder.steps()[next]);
            let reason = format!(
                "{words}: {} sessions without worsening since {}",
                number_word(SESSIONS_TO_PROGRESS),
                short_date(oldest.session.date)
            );
            at(next, Change::Increase { reason })
        }
        _ => at(current, Change::Same),
    }
}
