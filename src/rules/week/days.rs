//! Each day's status and figures, the week's totals, the streak and the
//! discomfort means.

use super::*;

pub(super) fn sessions_on(history: &History, date: Date) -> impl Iterator<Item = &SessionRecord> {
    history.sessions.iter().filter(move |s| s.date == date)
}

pub(super) fn day_summary(
    history: &History,
    facts: &Facts<'_>,
    date: Date,
    today: Date,
    first_use: Date,
) -> DaySummary {
    let mark = history
        .marks
        .iter()
        .rev()
        .find(|m| m.date == date)
        .map(|m| m.kind)
        .or_else(|| {
            if history.covers(date) {
                None
            } else {
                facts.get(date).mark()
            }
        });
    let mut status = None;
    let mut seconds = 0u32;
    let mut routines: Vec<String> = Vec::new();
    let (mut sets, mut reps) = (0, 0);
    for s in sessions_on(history, date) {
        let this = match history.status_of(s) {
            SessionStatus::StoppedForSafety { .. } => DayStatus::Stopped,
            // The caller's own session, still running: under way.
            SessionStatus::InProgress => DayStatus::Partial,
            // A session with nothing done (skipped to the end, or quit or
            // cut off before any work) is a skipped day whatever it is called.
            _ if !s.did_work() => DayStatus::Skipped,
            SessionStatus::Completed => DayStatus::Done,
            SessionStatus::Partial => DayStatus::Partial,
            SessionStatus::Skipped => DayStatus::Skipped,
        };
        // The day shows the most telling of its sessions.
        let rank = |d: DayStatus| match d {
            DayStatus::Stopped => 3,
            DayStatus::Done => 2,
            DayStatus::Partial => 1,
            _ => 0,
        };
        status = Some(match status {
            Some(before) if rank(before) >= rank(this) => before,
            _ => this,
        });
        // A skipped session (nothing done) adds nothing to the day's figures.
        if this != DayStatus::Skipped {
            seconds = seconds.saturating_add(s.active_s);
            sets += s.sets_done();
            reps += s.reps_done();
        }
        if !routines.contains(&s.routine_name) {
            routines.push(s.routine_name.clone());
        }
    }
    let status = status.unwrap_or(match mark {
        Some(DayMarkKind::Rest) => DayStatus::Rest,
        Some(DayMarkKind::Sick) => DayStatus::Sick,
        None if date > today => DayStatus::Future,
        None if date == today => DayStatus::Today,
        None if date < first_use => DayStatus::NotStarted,
        None => DayStatus::Missed,
    });
    DaySummary {
        date,
        status,
        mark,
        active: facts.get(date).has(DayFlags::ACTIVE),
        minutes: minutes(seconds),
        routines,
        sets,
        reps,
    }
}

pub(super) fn minutes(seconds: u32) -> u32 {
    seconds.saturating_add(30) / 60
}

pub(super) fn totals(history: &History, facts: &Facts<'_>, monday: Date) -> WeekTotals {
    let sunday = add_days(monday, 6);
    let mut seconds = 0u32;
    let mut out = WeekTotals {
        active_days: u32::from(facts.tally(monday).active),
        ..WeekTotals::default()
    };
    for s in history.sessions.iter().filter(|s| {
        monday <= s.date && s.date <= sunday && history.status_of(s) != SessionStatus::Skipped
    }) {
        seconds = seconds.saturating_add(s.active_s);
        out.sets += s.sets_done();
        out.reps += s.reps_done();
    }
    out.minutes = minutes(seconds);
    out
}

/// Walks back week by week from the shown week only as long as weeks meet
/// their target, and never past the first recorded day: the cost is the
/// streak's length in index look-ups, no file reads.
pub(super) fn streak(facts: &Facts<'_>, target: u8, week_start: Date, today: Date) -> Streak {
    let this_monday = monday_of(today);
    let mut week = week_start.min(this_monday);
    let mut current_week_open = false;
    if week == this_monday && !facts.met(week, target) {
        current_week_open = true;
        week = add_days(week, -7);
    }
    let mut weeks = 0;
    while let Some(earliest) = facts.earliest {
        if add_days(week, 6) < earliest || !facts.met(week, target) {
            break;
        }
        weeks += 1;
        week = add_days(week, -7);
    }
    Streak {
        weeks,
        current_week_open,
    }
}

/// Mean check-in discomfort from `from` to `to`, in tenths.
pub fn mean_tenths(history: &History, from: Date, to: Date) -> Option<u16> {
    mean_of(
        history
            .checkins
            .iter()
            .filter(|c| from <= c.date && c.date <= to)
            .map(|c| c.baseline),
    )
}

/// The mean of discomfort values (0–10, larger ones count as 10) in tenths,
/// rounded half up; `None` without values. One definition for every mean
/// shown, so a chart and the six-week reading never disagree.
pub fn mean_of(values: impl IntoIterator<Item = u8>) -> Option<u16> {
    let (mut n, mut sum) = (0u32, 0u32);
    for v in values {
        n += 1;
        sum += u32::from(v.min(10)) * 10;
    }
    (n > 0).then(|| ((sum + n / 2) / n) as u16)
}
