//! The way into a session, the same for every path (`start`, `start
//! ROUTINE`, a routine picked on the home screen): the coach decides today
//! once the history is read, the gate lets the routine start or says why
//! not, the check-in asks what is due, the plan is built from its answers,
//! the preview shows it, and Enter starts the session.

use jiff::Timestamp;

use crate::coach::checkin::CheckInFlow;
use crate::coach::{Refusal, Today};
use crate::domain::{CheckIn, History, SessionRecord};
use crate::plan::Plan;
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
