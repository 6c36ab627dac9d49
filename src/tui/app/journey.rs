//! The way into a session, the same for every path (`start`, `start
//! ROUTINE`, a routine picked on the home screen): the coach decides today
//! once the history is read, the gate lets the routine start or says why
//! not, the check-in asks what is due, the plan is built from its answers,
//! the preview shows it, and Enter starts the session.

use crate::domain::dates;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::catalog::{Catalog, Routine};
use crate::coach::checkin::CheckInFlow;
use crate::coach::{self, Refusal, Situation, Today};
use crate::domain::{CheckIn, History, SessionRecord};
use crate::plan::Plan;
use crate::profile::Profile;
use crate::rules::fitting::Planned;
use crate::store::Store;
use crate::tui::screens::preview::PreviewScreen;

/// What the coach read for the check-in, kept to build the plan from its answers.
pub struct Read {
    /// The history the coach looked at (the last weeks up to today).
    pub history: History,
    /// Today, as the coach decided it.
    pub today: Today,
}

/// Where on the way into a session the user is.
pub enum Stage {
    /// The first frame of `start`: drawn before the history is read.
    Reading,
    /// The check-in, with what the coach read for it.
    CheckIn {
        /// The questions and answers so far.
        flow: Box<CheckInFlow>,
        /// What the coach read.
        read: Box<Read>,
    },
    /// A session cut off earlier today: resume it, or start fresh.
    ResumeOffer {
        /// The interrupted session as saved.
        record: Box<SessionRecord>,
        /// Today's plan without that session in the history, so its doses
        /// are the ones it started with.
        plan: Box<Plan>,
        /// Where it picks up: the plan's exercise index.
        at: usize,
        /// The preview of a fresh start, if the offer is declined.
        fresh: Box<PreviewScreen>,
        /// The check-in just answered.
        checkin: CheckIn,
    },
    /// Today's plan, built from the check-in's answers.
    Preview {
        /// The plan on screen.
        screen: Box<PreviewScreen>,
        /// The check-in it was built from (its baseline starts the session).
        checkin: CheckIn,
    },
}

/// The way into one routine's session.
pub struct Journey {
    /// The routine's catalog id.
    pub routine_id: String,
    /// Where the user is.
    pub stage: Stage,
}

/// What opening the way into a session came to.
pub enum Opened {
    /// The check-in is up.
    CheckIn(Journey),
    /// The routine may not start now; the refusal says why.
    Refused(Refusal),
}

/// The check-in for `routine_id` if `today` and the gate allow it.
pub fn open(routine_id: &str, gate: Result<(), Refusal>, read: Read, now: Timestamp) -> Opened {
    match gate {
        Err(refusal) => Opened::Refused(refusal),
        Ok(()) => Opened::CheckIn(Journey {
            routine_id: routine_id.to_string(),
            stage: Stage::CheckIn {
                flow: Box::new(CheckInFlow::new(&read.today, now)),
                read: Box::new(read),
            },
        }),
    }
}

// ---- shared by every way into a session (the full screen and the line mode) ----

/// What the coach reads to decide about today: the last weeks of history
/// and the last session however old.
pub fn read_today(store: &Store, profile: &Profile, now: Timestamp, today: Date) -> Read {
    let history = store.load(dates::add_days(today, -coach::today::LOOKBACK_DAYS), today);
    let last_session = store.last_session(today);
    let today = coach::today(Situation {
        profile,
        history: &history,
        last_session: last_session.as_ref(),
        now,
        today,
    });
    Read { history, today }
}

/// What planning needs besides the history: the catalog, the profile in
/// force and the time.
pub struct Context<'a> {
    /// The catalog in use.
    pub catalog: &'a Catalog,
    /// The profile in force.
    pub profile: &'a Profile,
    /// The time now.
    pub now: Timestamp,
    /// The local time zone.
    pub tz: &'a TimeZone,
}

impl<'a> Context<'a> {
    /// Bundles what planning needs.
    pub fn new(
        catalog: &'a Catalog,
        profile: &'a Profile,
        now: Timestamp,
        tz: &'a TimeZone,
    ) -> Context<'a> {
        Context {
            catalog,
            profile,
            now,
            tz,
        }
    }

    /// Today's plan for `routine` from the check-in's answers.
    pub fn plan(&self, routine: &Routine, history: &History, checkin: &CheckIn) -> Planned {
        coach::plan_after_checkin(
            self.catalog,
            routine,
            self.profile,
            history,
            checkin,
            self.now,
            self.tz,
        )
    }
}

/// The warm-up the routine with this id offers, planned from the same
/// check-in, if it offers one.
pub fn warm_up_plan(
    ctx: &Context<'_>,
    routine_id: &str,
    history: &History,
    checkin: &CheckIn,
) -> Option<Planned> {
    let routine = ctx.catalog.routine(routine_id)?;
    let warm_up = crate::rules::warm_up::offered(ctx.catalog, routine)?;
    Some(ctx.plan(warm_up, history, checkin))
}

/// A session of `routine` cut off earlier today that can be picked up:
/// the record, today's plan as it started (that session left out of the
/// history) and the exercise it resumes at.
pub fn resume_offer(
    ctx: &Context<'_>,
    routine: &Routine,
    read: &Read,
    checkin: &CheckIn,
) -> Option<(SessionRecord, Plan, usize)> {
    let record = read
        .today
        .resumable
        .as_ref()
        .filter(|r| r.routine_id == routine.id)?;
    let mut without = read.history.clone();
    without.sessions.retain(|s| s.id != record.id);
    let planned = ctx.plan(routine, &without, checkin);
    let at = crate::session::record::resume_point(&planned.plan, record)?;
    Some((record.clone(), planned.plan, at))
}
