//! The notices: the last safety stop, intense sessions too close, and the
//! guides' six-week rule.

use super::*;

/// The latest safety stop within the chart's weeks (older ones are history).
pub(super) fn last_safety_stop(history: &History, (from, until): (Date, Date)) -> Option<Notice> {
    history
        .sessions
        .iter()
        .filter(|s| from <= s.date && s.date <= until)
        .filter_map(|s| match &s.status {
            SessionStatus::StoppedForSafety { reason } => Some((s, reason)),
            _ => None,
        })
        .max_by_key(|(s, _)| s.started)
        .map(|(s, reason)| Notice::SafetyStop {
            date: s.date,
            routine: s.routine_name.clone(),
            reason: reason.clone(),
        })
}

/// Pairs of intense sessions (with work done) too close together, where the
/// second one falls in the shown week.
pub(super) fn intense_too_close(history: &History, week_start: Date) -> Vec<Notice> {
    let week_end = add_days(week_start, 6);
    let mut intense: Vec<&SessionRecord> = history
        .sessions
        .iter()
        .filter(|s| s.intense && s.did_work())
        .collect();
    intense.sort_by_key(|s| s.started);
    intense
        .windows(2)
        .filter_map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            if b.date < week_start || b.date > week_end {
                return None;
            }
            recovery::too_close(a, b).map(|hours| Notice::IntenseTooClose {
                first: a.date,
                second: b.date,
                hours,
            })
        })
        .collect()
}

/// What the guides' six-week rule reads: the six complete weeks ending with
/// the shown week (or the week before, while the shown week is still
/// running), whether each was regular ([`REGULAR_DAYS_PER_WEEK`]), and the
/// mean check-in discomfort of the first and last [`COMPARE_WEEKS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SixWeeks {
    /// The Monday of the first of the six weeks.
    pub first: Date,
    /// The Sunday of the last of the six weeks.
    pub last: Date,
    /// Every one of the six weeks had at least [`REGULAR_DAYS_PER_WEEK`] active days.
    pub regular: bool,
    /// Mean check-in discomfort of the first [`COMPARE_WEEKS`], in tenths.
    pub early_tenths: Option<u16>,
    /// Mean check-in discomfort of the last [`COMPARE_WEEKS`], in tenths.
    pub late_tenths: Option<u16>,
}

impl SixWeeks {
    /// The six weeks the rule reads for the week of `week_start` on `today`.
    pub fn read(history: &History, week_start: Date, today: Date) -> SixWeeks {
        SixWeeks::read_with(history, &Facts::new(history), week_start, today)
    }

    fn read_with(history: &History, facts: &Facts<'_>, week_start: Date, today: Date) -> SixWeeks {
        let last_complete = monday_of(week_start).min(add_days(monday_of(today), -7));
        let first = add_days(last_complete, -7 * (NO_IMPROVEMENT_WEEKS - 1));
        SixWeeks {
            first,
            last: add_days(last_complete, 6),
            regular: (0..NO_IMPROVEMENT_WEEKS)
                .all(|w| facts.tally(add_days(first, 7 * w)).active >= REGULAR_DAYS_PER_WEEK),
            early_tenths: mean_tenths(history, first, add_days(first, 7 * COMPARE_WEEKS - 1)),
            late_tenths: mean_tenths(
                history,
                add_days(last_complete, -7 * (COMPARE_WEEKS - 1)),
                add_days(last_complete, 6),
            ),
        }
    }

    /// Whether the check-in discomfort went down by [`MIN_IMPROVEMENT_TENTHS`]
    /// or more; `None` without check-ins at both ends.
    pub fn improved(&self) -> Option<bool> {
        Some(self.early_tenths? >= self.late_tenths? + MIN_IMPROVEMENT_TENTHS)
    }

    /// The rule itself: check-ins six weeks apart, discomfort still there at
    /// the end and not down by [`MIN_IMPROVEMENT_TENTHS`] → see a
    /// professional. Whether the weeks were regular only changes the words:
    /// pain that kept someone from exercising for six weeks needs seeing to
    /// all the more.
    pub fn advice(&self) -> Option<Notice> {
        let (early, late) = (self.early_tenths?, self.late_tenths?);
        (late >= 10 && self.improved() == Some(false)).then_some(Notice::SeeProfessional {
            early_tenths: early,
            late_tenths: late,
            exercised: self.regular,
        })
    }
}

pub(super) fn six_week_rule(
    history: &History,
    facts: &Facts<'_>,
    week_start: Date,
    today: Date,
) -> Option<Notice> {
    SixWeeks::read_with(history, facts, week_start, today).advice()
}

/// The six-week rule as of `today` alone (home and the check-in show it
/// too): `history` must cover the last [`NO_IMPROVEMENT_WEEKS`] complete
/// weeks (and their day flags).
pub fn six_week_notice(history: &History, today: Date) -> Option<Notice> {
    let facts = Facts::new(history);
    six_week_rule(history, &facts, monday_of(today), today)
}
