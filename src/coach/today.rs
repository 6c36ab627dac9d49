//! Today, as the coach sees it: whether any session may start, which
//! check-in questions are due and what the user should be told. One pure
//! function of the profile, the history and the time, so every path into a
//! session (`start`, another routine, the home screen) gets the same answer.

use crate::domain::dates;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::dates::short_date;
use crate::domain::{CheckIn, History, RatingMoment, SessionRecord, SessionStatus, WarningSign};
use crate::profile::Profile;
use crate::rules::week;

/// Days of history the coach reads before today: the six complete weeks of
/// the six-week rule, this week, and the weeks the progression looks back on.
pub const LOOKBACK_DAYS: i64 = 8 * 7;

/// What the coach is told about the world.
#[derive(Debug, Clone, Copy)]
pub struct Situation<'a> {
    /// The profile in force (a safe one when the file could not be read).
    pub profile: &'a Profile,
    /// What was read of the last [`LOOKBACK_DAYS`] up to today.
    pub history: &'a History,
    /// The latest session on or before today, however old (the store finds
    /// it through its day index when it predates `history`).
    pub last_session: Option<&'a SessionRecord>,
    /// The time now.
    pub now: Timestamp,
    /// Today's local date.
    pub today: Date,
}

/// Why no guided session may start for the rest of today, by any path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayClosed {
    /// Warning signs were marked at a check-in today.
    WarningSigns(Vec<WarningSign>),
    /// A session was stopped for safety today.
    SafetyStop {
        /// The stop's reason, as saved.
        reason: String,
    },
    /// Today's check-in said the pain that stopped the last session has not eased.
    StopNotEased {
        /// The stop's reason, as saved.
        reason: String,
    },
}

impl DayClosed {
    /// The screen's title.
    pub fn title(&self) -> &'static str {
        match self {
            DayClosed::WarningSigns(signs) if signs.iter().any(|s| s.is_urgent()) => {
                "GET URGENT MEDICAL CARE"
            }
            _ => "NO EXERCISE TODAY",
        }
    }

    /// What happened and what to do, in plain words, one paragraph a line.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = match self {
            DayClosed::WarningSigns(signs) => {
                let mut lines = vec!["You reported:".to_string()];
                lines.extend(
                    signs
                        .iter()
                        .map(|s| format!("  • {}", s.question().trim_end_matches('?'))),
                );
                if signs.iter().any(|s| s.is_urgent()) {
                    lines.push(
                        "Some of these can be signs of a problem that needs care today. Get urgent medical care now: call your doctor's urgent line or emergency services. (These signs go beyond the exercise guides: they are what a clinician would call urgent.)"
                            .into(),
                    );
                } else {
                    lines.push(
                        "These are signs the guides say to get checked. Please do not exercise today, and see a healthcare professional."
                            .into(),
                    );
                }
                lines
            }
            DayClosed::SafetyStop { reason } => vec![
                format!("Today's session was stopped for safety: {reason}."),
                "No more guided exercise today. Gentle walking is fine as long as it stays comfortable."
                    .into(),
                "If the pain is sharp, spreads down a leg, or does not ease, see a healthcare professional."
                    .into(),
            ],
            DayClosed::StopNotEased { reason } => vec![
                if reason.is_empty() {
                    "Your last session was stopped for safety, and that pain has not eased.".into()
                } else {
                    format!("Your last session was stopped for safety ({reason}), and that pain has not eased.")
                },
                "Please do not exercise today. Rest, and move gently only as far as it is comfortable."
                    .into(),
                "If the pain does not ease, is sharp, or spreads down a leg, see a healthcare professional."
                    .into(),
            ],
        };
        lines.push("The check-in questions come back tomorrow.".into());
        lines
    }

    /// One line for the home screen.
    pub fn summary(&self) -> String {
        match self {
            DayClosed::WarningSigns(signs) if signs.iter().any(|s| s.is_urgent()) => {
                "No exercise today: you reported signs that need urgent medical care. Please get care now.".into()
            }
            DayClosed::WarningSigns(_) => {
                "No exercise today: you reported warning signs at the check-in. Please see a healthcare professional; the questions come back tomorrow.".into()
            }
            DayClosed::SafetyStop { .. } => {
                "No more exercise today: today's session was stopped for safety. Gentle walking is fine; tomorrow's check-in asks how it is.".into()
            }
            DayClosed::StopNotEased { .. } => {
                "No exercise today: the pain that stopped your last session has not eased. Rest; the questions come back tomorrow.".into()
            }
        }
    }
}

/// A safety stop on an earlier day that the check-in must ask about first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopFollowUp {
    /// The day of the stopped session.
    pub date: Date,
    /// Why it was stopped, as saved.
    pub reason: String,
}

/// The last session, for "compared to the end of your last session".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinceLast {
    /// Its day.
    pub date: Date,
    /// Its closing rating, else its last rating; none if it had none.
    pub ended_at: Option<u8>,
    /// Its highest rating: a "worse" after one near the limit is lingering pain.
    pub highest: Option<u8>,
}

/// Something to tell the user on home and at the check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TodayNotice {
    /// A stop on an earlier day: the check-in will ask about it first.
    StopFollowUp {
        /// The day of the stop.
        date: Date,
    },
    /// The latest check-in reported pain that lingered after a session.
    Lingering {
        /// The day of that check-in.
        date: Date,
    },
    /// The guides' six-week rule (the week screen's reading).
    SixWeeks(week::Notice),
    /// A history file could not be read (`path:line:col: message`).
    UnreadableFile(String),
}

impl TodayNotice {
    /// The notice as one sentence.
    pub fn text(&self, today: Date) -> String {
        match self {
            TodayNotice::StopFollowUp { date } => format!(
                "{} was stopped for safety: the check-in will first ask whether that pain has eased.",
                capitalise(&whose(*date, today, "session"))
            ),
            TodayNotice::Lingering { date } => format!(
                "At {} your pain had lingered after exercise: today's doses step back.",
                whose(*date, today, "check-in")
            ),
            TodayNotice::SixWeeks(notice) => notice.text(),
            TodayNotice::UnreadableFile(problem) => {
                format!("Could not read {problem}; it is left untouched.")
            }
        }
    }

    /// Whether it is about safety (drawn in the warning style).
    pub fn is_safety(&self) -> bool {
        !matches!(self, TodayNotice::UnreadableFile(_))
    }
}

/// "yesterday's session", "today's check-in", "the session on Mon 30 Nov".
fn whose(date: Date, today: Date, what: &str) -> String {
    if dates::add_days(date, 1) == today {
        format!("yesterday's {what}")
    } else if date == today {
        format!("today's {what}")
    } else {
        format!("the {what} on {}", short_date(date))
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Today, decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today {
    /// The local date it is about.
    pub date: Date,
    /// Why no session may start today, if none may.
    pub closed: Option<DayClosed>,
    /// A stop on an earlier day to ask about before anything else.
    pub follow_up: Option<StopFollowUp>,
    /// The last session to compare with (not asked after a stop follow-up).
    pub since_last: Option<SinceLast>,
    /// Whether the warning-sign questions are still due today.
    pub warning_signs_due: bool,
    /// The discomfort limit in force (the profile's, at most the guides' 5).
    pub limit: u8,
    /// What to tell the user, most important first.
    pub notices: Vec<TodayNotice>,
    /// A session cut off earlier today with work done in it (quit, a closed
    /// window, a power cut): offered for resume when its routine is started
    /// again. Never one stopped for safety (that closes the day).
    pub resumable: Option<SessionRecord>,
}

impl Today {
    /// Whether a guided session may start today at all.
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }
}

/// Today as the coach decides it.
pub fn today(situation: Situation<'_>) -> Today {
    let Situation {
        profile,
        history,
        last_session,
        now,
        today,
    } = situation;
    let checkins_today: Vec<&CheckIn> = history
        .checkins
        .iter()
        .filter(|c| c.date == today && c.at <= now)
        .collect();
    let sessions_today = history
        .sessions
        .iter()
        .filter(|s| s.date == today && s.started <= now);

    let closed = closed_today(&checkins_today, sessions_today, history);
    let follow_up = last_session
        .filter(|s| s.date < today)
        .and_then(|last| stop_to_follow_up(last, history));
    let since_last = match (&follow_up, last_session) {
        (None, Some(last)) => Some(SinceLast {
            date: last.date,
            ended_at: ended_at(last),
            highest: last.ratings.iter().map(|r| r.value).max(),
        }),
        _ => None,
    };
    let warning_signs_due = !checkins_today.iter().any(|c| c.asked_warning_signs);

    let mut notices = Vec::new();
    if let Some(f) = &follow_up {
        notices.push(TodayNotice::StopFollowUp { date: f.date });
    }
    if let Some(notice) = week::six_week_notice(history, today) {
        notices.push(TodayNotice::SixWeeks(notice));
    }
    if let Some(date) = lingering_since(history, now) {
        notices.push(TodayNotice::Lingering { date });
    }
    notices.extend(
        history
            .problems
            .iter()
            .map(|p| TodayNotice::UnreadableFile(p.to_string())),
    );
    let resumable = history
        .sessions
        .iter()
        .filter(|s| s.started <= now && s.resumable_on(today, history.running.as_deref()))
        .filter(|s| s.exercises.iter().any(|e| e.did_work()))
        .max_by_key(|s| s.started)
        .cloned();
    Today {
        date: today,
        closed,
        follow_up,
        since_last,
        warning_signs_due,
        limit: profile.effective_limit(),
        notices,
        resumable,
    }
}

/// The most serious reason today is closed, from today's records.
fn closed_today<'a>(
    checkins: &[&CheckIn],
    sessions: impl Iterator<Item = &'a SessionRecord>,
    history: &History,
) -> Option<DayClosed> {
    let mut signs: Vec<WarningSign> = Vec::new();
    for c in checkins {
        for sign in &c.warning_signs {
            if !signs.contains(sign) {
                signs.push(*sign);
            }
        }
    }
    if !signs.is_empty() {
        signs.sort_by_key(|s| WarningSign::ALL.iter().position(|a| a == s));
        return Some(DayClosed::WarningSigns(signs));
    }
    let stop = sessions
        .filter_map(|s| match &s.status {
            SessionStatus::StoppedForSafety { reason } => Some((s.started, reason)),
            _ => None,
        })
        .max_by_key(|(at, _)| *at);
    if let Some((_, reason)) = stop {
        return Some(DayClosed::SafetyStop {
            reason: reason.clone(),
        });
    }
    let not_eased = checkins
        .iter()
        .filter(|c| c.stop_pain_eased == Some(false))
        .max_by_key(|c| c.at)?;
    let reason = history
        .sessions
        .iter()
        .filter(|s| s.started < not_eased.at)
        .filter_map(|s| match &s.status {
            SessionStatus::StoppedForSafety { reason } => Some((s.started, reason.clone())),
            _ => None,
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, reason)| reason)
        .unwrap_or_default();
    Some(DayClosed::StopNotEased { reason })
}

/// The stop to ask about: `last` was stopped for safety on an earlier day and
/// no check-in since has said the pain eased.
fn stop_to_follow_up(last: &SessionRecord, history: &History) -> Option<StopFollowUp> {
    let SessionStatus::StoppedForSafety { reason } = &last.status else {
        return None;
    };
    let cleared = history
        .checkins
        .iter()
        .any(|c| c.at > last.started && c.stop_pain_eased == Some(true));
    (!cleared).then(|| StopFollowUp {
        date: last.date,
        reason: reason.clone(),
    })
}

/// The day of the latest check-in, when it reported lingering pain and no
/// session has followed it yet.
fn lingering_since(history: &History, now: Timestamp) -> Option<Date> {
    let latest = history
        .checkins
        .iter()
        .filter(|c| c.at <= now)
        .max_by_key(|c| c.at)?;
    let session_after = history
        .sessions
        .iter()
        .any(|s| s.started > latest.at && s.started <= now && s.did_work());
    (latest.lingering && !session_after).then_some(latest.date)
}

/// How a session ended: its closing rating, or its last rating.
fn ended_at(session: &SessionRecord) -> Option<u8> {
    session
        .ratings
        .iter()
        .rev()
        .find(|r| r.moment == RatingMoment::Closing)
        .or_else(|| session.ratings.last())
        .map(|r| r.value)
}
