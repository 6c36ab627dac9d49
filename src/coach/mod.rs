//! The coach: the one place that owns *today*. From the profile, the facts of
//! the history and the time now, it decides whether a session may start (and
//! if not, why and until when), which check-in questions are due, the plan
//! built from the check-in's answers, and the notices to show. Pure: no
//! files, no terminal, no clock of its own. Every path into a session goes
//! through it: [`today::today`], then [`gate::may_start`], then the
//! [`checkin::CheckInFlow`], then [`plan_after_checkin`].

pub mod checkin;
pub mod gate;
pub mod one_exercise;
pub mod today;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::catalog::{Catalog, Routine};
use crate::domain::{CheckIn, History};
use crate::profile::Profile;
use crate::rules::fitting::{self, Planned};

pub use gate::{Refusal, may_start};
pub use today::{DayClosed, Situation, Today, TodayNotice, today};

/// Today's plan for `routine`, built from the check-in just answered: its
/// "worse than last time", lingering pain and the rest count today, not only
/// from tomorrow on. `history` is what [`today()`] read; the check-in is
/// added to it if it is not there yet.
pub fn plan_after_checkin(
    catalog: &Catalog,
    routine: &Routine,
    profile: &Profile,
    history: &History,
    checkin: &CheckIn,
    now: Timestamp,
    tz: &TimeZone,
) -> Planned {
    let mut with_checkin = history.clone();
    if !with_checkin.checkins.iter().any(|c| c.at == checkin.at) {
        with_checkin.checkins.push(checkin.clone());
        with_checkin.checkins.sort_by_key(|c| c.at);
    }
    let mut planned = fitting::build(catalog, routine, profile, &with_checkin, now, tz);
    let suggestions = std::mem::take(&mut planned.suggestions);
    planned.plan.notes.extend(suggestions);
    planned
}

#[cfg(test)]
mod tests;
