//! May this routine start now? The day's own answer first (warning signs, a
//! safety stop), then the routine's spacing (48 hours between intense
//! sessions). Every path into a session asks here.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::today::{DayClosed, Today};
use crate::catalog::Routine;
use crate::domain::History;
use crate::rules::fitting::when_label;
use crate::rules::recovery;

/// Why a routine may not start now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No guided session at all today.
    DayClosed(DayClosed),
    /// This routine needs more recovery time since the last one that counts.
    TooSoon {
        /// The routine's name.
        routine: String,
        /// When it may start.
        at: Timestamp,
        /// Whether it is intense strength work (the guides' 48 hours).
        intense: bool,
    },
}

impl Refusal {
    /// The screen's title.
    pub fn title(&self) -> String {
        match self {
            Refusal::DayClosed(closed) => closed.title().to_string(),
            Refusal::TooSoon { routine, .. } => format!("{routine}: not yet"),
        }
    }

    /// What happened and what to do, one paragraph a line; times in `tz`.
    pub fn lines(&self, tz: &TimeZone) -> Vec<String> {
        match self {
            Refusal::DayClosed(closed) => closed.lines(),
            Refusal::TooSoon { at, intense, .. } => {
                let mut lines = Vec::new();
                if *intense {
                    lines.push(
                        "Heavy strength work needs about 48 hours between sessions so your muscles can recover."
                            .into(),
                    );
                } else {
                    lines.push(
                        "This routine is spaced out to give your back time to recover.".into(),
                    );
                }
                lines.push(format!("It is next due {}.", when_label(*at, tz)));
                lines.push(
                    "A gentle routine, such as the stretches or the desk break, is fine in between."
                        .into(),
                );
                lines
            }
        }
    }

    /// Whether it is about safety (the danger style) rather than spacing.
    pub fn is_safety(&self) -> bool {
        matches!(self, Refusal::DayClosed(_))
    }
}

/// Whether `routine` may start at `now`, given `today` and the history.
pub fn may_start(
    today: &Today,
    routine: &Routine,
    history: &History,
    now: Timestamp,
) -> Result<(), Refusal> {
    if let Some(closed) = &today.closed {
        return Err(Refusal::DayClosed(closed.clone()));
    }
    match recovery::next_allowed(routine, &history.sessions, now) {
        Some(at) if at > now => Err(Refusal::TooSoon {
            routine: routine.name.clone(),
            at,
            intense: routine.intense,
        }),
        _ => Ok(()),
    }
}

/// When `routine` is next due, if it is held back now (for the home screen).
pub fn next_due(routine: &Routine, history: &History, now: Timestamp) -> Option<Timestamp> {
    recovery::next_allowed(routine, &history.sessions, now).filter(|at| *at > now)
}
