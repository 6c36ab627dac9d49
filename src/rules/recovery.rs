//! Recovery between strength sessions: one definition of "48 hours between
//! intense sessions" (guide 002: "at least 48 hours between intense sessions
//! so muscles can recover"), read by the start gate, the home screen and the
//! week screen alike, so they can never disagree.
//!
//! The hours run from the *end* of the last session that counts (its start
//! when it was cut off before its end was written) to the *start* of the
//! next: the muscles recover from the work, which ends when the session does.

use jiff::{SignedDuration, Timestamp};

use crate::catalog::Routine;
use crate::domain::SessionRecord;

/// Guide 002: at least 48 hours between intense back-strength sessions.
pub const INTENSE_GAP_HOURS: i64 = 48;

/// The hours `routine` needs after a session that counts for it: its own
/// `min_hours_between`, and at least [`INTENSE_GAP_HOURS`] when it is
/// intense. `None` when the routine needs no spacing.
pub fn gap_hours(routine: &Routine) -> Option<i64> {
    let own = routine.frequency.min_hours_between.map(i64::from);
    if routine.intense {
        Some(own.unwrap_or(0).max(INTENSE_GAP_HOURS))
    } else {
        own
    }
}

/// Whether `session` counts against `routine`'s spacing: work was done in it
/// (a session with nothing done strained nothing), and it is the same
/// routine, or both are intense.
pub fn counts_for(routine: &Routine, session: &SessionRecord) -> bool {
    session.did_work() && (session.routine_id == routine.id || (routine.intense && session.intense))
}

/// When `routine` may next start: the end of the last session that counts
/// plus [`gap_hours`]. `None` when there is no spacing or no such session;
/// a time at or before `now` means it may start now. Sessions after `now`
/// (a clock set back) are ignored.
pub fn next_allowed(
    routine: &Routine,
    sessions: &[SessionRecord],
    now: Timestamp,
) -> Option<Timestamp> {
    let hours = gap_hours(routine)?;
    let last_end = sessions
        .iter()
        .filter(|s| s.started <= now && counts_for(routine, s))
        .map(SessionRecord::end_or_start)
        .max()?;
    last_end.checked_add(SignedDuration::from_hours(hours)).ok()
}

/// Whether two intense sessions were too close: fewer than
/// [`INTENSE_GAP_HOURS`] from the end of `first` to the start of `second`.
/// The whole hours between them when they were.
pub fn too_close(first: &SessionRecord, second: &SessionRecord) -> Option<i64> {
    let gap = second.started.duration_since(first.end_or_start());
    (gap < SignedDuration::from_hours(INTENSE_GAP_HOURS)).then(|| gap.as_hours().max(0))
}
