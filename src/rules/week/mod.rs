//! The week's adherence: statuses, targets, streaks and notices.
//!
//! Pure: everything comes from a [`History`] the caller loaded for
//! [`needed_range`], a profile, and the dates. Weeks run Monday to Sunday
//! (ISO 8601) and are computed on civil dates, so a clock change inside a
//! week changes nothing; the 48-hour rule compares absolute instants, so a
//! 23-hour day counts as 23 hours.
//!
//! Streaks look further back than the loaded range through the store's day
//! index (`History::index`, one character per recorded day), walking back
//! week by week only as long as the streak lasts.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use crate::domain::DayFlags;
use crate::domain::History;
use crate::domain::dates::{
    add_days, days_between, long_date, monday_of, short_date, weekday_name,
};
use crate::domain::{DayMarkKind, SessionRecord, SessionStatus};
use crate::profile::Profile;
use crate::rules::recovery::{self, INTENSE_GAP_HOURS};

mod days;
mod facts;
mod notices;
#[cfg(test)]
mod tests;
mod text;

use days::*;
pub use days::{mean_of, mean_tenths};
use facts::*;
use notices::*;
pub use notices::{SixWeeks, six_week_notice};
use text::*;
pub use text::{render_text, totals_words};

/// The guides: "if your back pain does not improve within about 6 weeks of
/// regular gentle exercise, seek advice from a healthcare professional".
pub const NO_IMPROVEMENT_WEEKS: i64 = 6;

/// What "regular" exercise means for the six-week rule: at least this many
/// active days in every one of the six weeks. The guides' lightest plans are
/// 1–3 strength sessions or 3–4 mini workouts a week; two days a week is the
/// floor of that, chosen low so the advice is not withheld from someone who
/// exercises steadily but below their own target.
pub const REGULAR_DAYS_PER_WEEK: u8 = 2;

/// Weeks averaged at each end of the six-week window to tell whether the
/// check-in discomfort went down (one check-in a week is enough).
pub const COMPARE_WEEKS: i64 = 2;

/// How much the check-in discomfort (0–10) must fall, in tenths of a point,
/// to count as "improved": one whole point, so day-to-day noise does not.
pub const MIN_IMPROVEMENT_TENTHS: u16 = 10;

/// Weeks in the active-days chart (the shown week and the seven before it).
pub const CHART_WEEKS: i64 = 8;

/// Weeks in the check-in discomfort line.
pub const DISCOMFORT_WEEKS: i64 = 6;

/// The dates a caller must load for [`summarize`] of the week of `week_of`:
/// the eight weeks of the chart (which also hold last week, the six-week
/// window and the days before Monday that the 48-hour rule looks at).
pub fn needed_range(week_of: Date) -> (Date, Date) {
    let monday = monday_of(week_of);
    (
        add_days(monday, -7 * (CHART_WEEKS - 1)),
        add_days(monday, 6),
    )
}

/// What a day of the week shows, in words a screen reader can say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayStatus {
    /// A session was completed.
    Done,
    /// Only partial sessions (quit early, cut off, or less than half done).
    Partial,
    /// Only sessions with nothing done: they count for nothing.
    Skipped,
    /// A session ended by the stop rules.
    Stopped,
    /// Marked as planned rest.
    Rest,
    /// Marked as sick.
    Sick,
    /// A past day with nothing recorded, after the first use.
    Missed,
    /// A day before the first use of backcoach: nothing was missed.
    NotStarted,
    /// Today, nothing recorded yet.
    Today,
    /// Still to come.
    Future,
}

impl DayStatus {
    /// The word shown on the screen and in `week --print`.
    pub fn label(self) -> &'static str {
        match self {
            DayStatus::Done => "done",
            DayStatus::Partial => "partial",
            DayStatus::Skipped => "skipped",
            DayStatus::Stopped => "stopped",
            DayStatus::Rest => "rest",
            DayStatus::Sick => "sick",
            DayStatus::Missed => "missed",
            DayStatus::NotStarted => "not started",
            DayStatus::Today => "today",
            DayStatus::Future => "future",
        }
    }
}

/// One day of the shown week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySummary {
    /// The calendar date.
    pub date: Date,
    /// What the day shows.
    pub status: DayStatus,
    /// The day's mark, shown even when sessions took place.
    pub mark: Option<DayMarkKind>,
    /// Whether the day counts towards the target.
    pub active: bool,
    /// Exercise minutes (pauses left out), rounded.
    pub minutes: u32,
    /// Names of the routines done, in order, each once.
    pub routines: Vec<String>,
    /// Sets done over all sessions of the day.
    pub sets: u32,
    /// Repetitions done over all sessions of the day.
    pub reps: u32,
}

/// Totals of one week, for this week against last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekTotals {
    /// Days that count towards the target.
    pub active_days: u32,
    /// Exercise minutes, pauses left out.
    pub minutes: u32,
    /// Sets done.
    pub sets: u32,
    /// Repetitions (or cycles) done.
    pub reps: u32,
}

/// The week's target: the profile's, lowered by one per marked day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekTarget {
    /// The profile's weekly target (default 4 days).
    pub profile: u8,
    /// Days marked rest or sick with no exercise done.
    pub marked_days: u8,
    /// What this week asks: `profile - marked_days`, at least 0.
    pub effective: u8,
}

impl WeekTarget {
    fn new(profile: u8, marked_days: u8) -> WeekTarget {
        WeekTarget {
            profile,
            marked_days,
            effective: profile.saturating_sub(marked_days),
        }
    }

    /// Progress towards the target, 0.0–1.0 (safe for `Gauge::ratio`).
    pub fn ratio(&self, active_days: u32) -> f64 {
        if self.effective == 0 {
            1.0
        } else {
            (f64::from(active_days) / f64::from(self.effective)).clamp(0.0, 1.0)
        }
    }
}

/// Consecutive weeks that met their target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streak {
    /// Number of weeks, ending with the shown week (or, while the current
    /// week has not met its target yet, with the week before).
    pub weeks: u32,
    /// The current week is shown, has not met its target yet, and so does
    /// not break the streak (yet).
    pub current_week_open: bool,
}

/// One bar of the eight-week chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekBar {
    /// The Monday of that week.
    pub week_start: Date,
    /// Its ISO week number, for the label.
    pub iso_week: i8,
    /// Days that counted towards the target.
    pub active_days: u8,
    /// That week's target after marked days.
    pub target: u8,
    /// Whether the target was met.
    pub met: bool,
}

/// Something the user should know, in plain words (see [`Notice::text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The latest session the stop rules ended, within the chart's weeks.
    SafetyStop {
        /// The day of the stop.
        date: Date,
        /// The routine that was stopped.
        routine: String,
        /// The stop rules' reason, in plain words.
        reason: String,
    },
    /// Two intense strength sessions closer than [`INTENSE_GAP_HOURS`].
    IntenseTooClose {
        /// The day of the earlier session.
        first: Date,
        /// The day of the later session.
        second: Date,
        /// Whole hours between the end of the first and the start of the second.
        hours: i64,
    },
    /// Six weeks of check-ins and the discomfort has not gone down: the
    /// guides advise seeing a healthcare professional (after six weeks of
    /// regular exercise; and all the more when pain kept the user from it).
    SeeProfessional {
        /// Mean check-in discomfort of the first two weeks, in tenths.
        early_tenths: u16,
        /// Mean check-in discomfort of the last two weeks, in tenths.
        late_tenths: u16,
        /// Whether those six weeks held regular exercise (else the pain kept
        /// the user from it).
        exercised: bool,
    },
    /// A history file could not be read (`path:line:col: message`).
    UnreadableFile(String),
}

impl Notice {
    /// The notice as one sentence.
    pub fn text(&self) -> String {
        match self {
            Notice::SafetyStop {
                date,
                routine,
                reason,
            } => format!(
                "Last safety stop: {} ({routine}): {reason}. Start gently; stop if pain is sharp, spreads or gets worse.",
                long_date(*date)
            ),
            Notice::IntenseTooClose {
                first,
                second,
                hours,
            } => format!(
                "Intense strength sessions on {} and {} were only {hours} hours apart: leave at least {INTENSE_GAP_HOURS} hours between them so muscles can recover.",
                short_date(*first),
                short_date(*second)
            ),
            Notice::SeeProfessional {
                early_tenths,
                late_tenths,
                exercised: true,
            } => format!(
                "After {NO_IMPROVEMENT_WEEKS} weeks of regular exercise your check-in discomfort has not gone down ({} then, {} now): please see a healthcare professional.",
                tenths(*early_tenths),
                tenths(*late_tenths)
            ),
            Notice::SeeProfessional {
                early_tenths,
                late_tenths,
                exercised: false,
            } => format!(
                "Over {NO_IMPROVEMENT_WEEKS} weeks your check-in discomfort has not gone down ({} then, {} now) and has kept you from exercising regularly: please see a healthcare professional.",
                tenths(*early_tenths),
                tenths(*late_tenths)
            ),
            Notice::UnreadableFile(problem) => {
                format!("Could not read {problem} (left untouched)")
            }
        }
    }

    /// Whether the notice is about safety (drawn in the danger style).
    pub fn is_safety(&self) -> bool {
        matches!(
            self,
            Notice::SafetyStop { .. } | Notice::SeeProfessional { .. }
        )
    }
}

/// Everything the week screen and `week --print` show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekSummary {
    /// The Monday of the shown week.
    pub week_start: Date,
    /// The day the summary was computed for: decides today, future and missed.
    pub today: Date,
    /// The first day anything was recorded (a session, a mark or a
    /// check-in), or today when nothing was: days before it are "not started".
    pub first_use: Date,
    /// ISO week-numbering year (differs from the calendar year around New Year).
    pub iso_year: i16,
    /// ISO week number, 1–53.
    pub iso_week: i8,
    /// Monday to Sunday.
    pub days: Vec<DaySummary>,
    /// The week's target.
    pub target: WeekTarget,
    /// Totals of the shown week.
    pub this_week: WeekTotals,
    /// Totals of the week before, to compare.
    pub last_week: WeekTotals,
    /// Whether the shown week met its target.
    pub met: bool,
    /// Weeks in a row that met their target.
    pub streak: Streak,
    /// The last [`CHART_WEEKS`] weeks, oldest first, ending with the shown one.
    pub recent_weeks: Vec<WeekBar>,
    /// Check-in discomfort per day over the last [`DISCOMFORT_WEEKS`] weeks,
    /// oldest first (the mean when several, `None` on days without).
    pub discomfort_daily: Vec<Option<u8>>,
    /// The same per week, in tenths of a point.
    pub discomfort_weekly: Vec<Option<u16>>,
    /// Safety stop, 48-hour rule, six-week rule and unreadable files, most important first.
    pub notices: Vec<Notice>,
}

impl WeekSummary {
    /// The Sunday of the shown week.
    pub fn week_end(&self) -> Date {
        add_days(self.week_start, 6)
    }

    /// Whether the shown week is the current one.
    pub fn is_current_week(&self) -> bool {
        self.week_start == monday_of(self.today)
    }

    /// "this week", "last week", "3 weeks ago", "next week"…
    pub fn relative_label(&self) -> String {
        let weeks = days_between(monday_of(self.today), self.week_start) / 7;
        match weeks {
            0 => "this week".into(),
            -1 => "last week".into(),
            1 => "next week".into(),
            n if n < 0 => format!("{} weeks ago", -n),
            n => format!("in {n} weeks"),
        }
    }

    /// "Week 47, 2026 · Mon 16 Nov – Sun 22 Nov 2026".
    pub fn title(&self) -> String {
        format!(
            "Week {}, {} · {} – {}",
            self.iso_week,
            self.iso_year,
            short_date(self.week_start),
            long_date(self.week_end())
        )
    }

    /// "3 of 4 days" with what lowered the target.
    pub fn target_line(&self) -> String {
        let mut line = format!(
            "Target: {} of {} day{}",
            self.this_week.active_days,
            self.target.effective,
            plural(u32::from(self.target.effective))
        );
        if self.target.marked_days > 0 {
            let _ = write!(
                line,
                " ({} less {} marked rest/sick day{})",
                self.target.profile,
                self.target.marked_days,
                plural(u32::from(self.target.marked_days))
            );
        }
        line.push_str(if self.met {
            " — met"
        } else if self.week_end() < self.today {
            " — not met"
        } else {
            " — not met yet"
        });
        line
    }

    /// How the totals lines name the shown week and the one before:
    /// "This week"/"Last week" for the current week, else "Week 12"/"Week 11".
    pub fn totals_labels(&self) -> (String, String) {
        if self.is_current_week() {
            ("This week".into(), "Last week".into())
        } else {
            let before = add_days(self.week_start, -7).iso_week_date().week();
            (format!("Week {}", self.iso_week), format!("Week {before}"))
        }
    }

    /// "Streak: 5 weeks meeting the target".
    pub fn streak_line(&self) -> String {
        let mut line = format!(
            "Streak: {} week{} meeting the target",
            self.streak.weeks,
            plural(self.streak.weeks)
        );
        if self.streak.current_week_open {
            line.push_str(" (this week still open)");
        }
        line
    }
}

/// Everything about the week of `week_of` as of `today`. `history` should
/// cover [`needed_range`]`(week_of)`; the streak also uses its day index.
pub fn summarize(history: &History, profile: &Profile, week_of: Date, today: Date) -> WeekSummary {
    let facts = Facts::new(history);
    let week_start = monday_of(week_of);
    let target_days = profile.effective_target();
    let iso = week_start.iso_week_date();

    let first_use = [
        facts.earliest,
        history.checkins.iter().map(|c| c.date).min(),
        Some(today),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(today);
    let days: Vec<DaySummary> = (0..7)
        .map(|i| day_summary(history, &facts, add_days(week_start, i), today, first_use))
        .collect();

    let tally = facts.tally(week_start);
    let target = WeekTarget::new(target_days, tally.marked);
    let met = tally.active >= target.effective;
    let this_week = totals(history, &facts, week_start);
    let last_week = totals(history, &facts, add_days(week_start, -7));

    let recent_weeks = bars(
        &facts,
        target_days,
        (0..CHART_WEEKS).map(|i| add_days(week_start, -7 * (CHART_WEEKS - 1 - i))),
    );

    let first_day = add_days(week_start, -7 * (DISCOMFORT_WEEKS - 1));
    let discomfort_daily = (0..DISCOMFORT_WEEKS * 7)
        .map(|i| {
            let d = add_days(first_day, i);
            mean_tenths(history, d, d).map(|t| ((t + 5) / 10) as u8)
        })
        .collect();
    let discomfort_weekly = (0..DISCOMFORT_WEEKS)
        .map(|w| {
            let start = add_days(first_day, 7 * w);
            mean_tenths(history, start, add_days(start, 6))
        })
        .collect();

    let mut notices = Vec::new();
    if let Some(stop) = last_safety_stop(history, needed_range(week_start)) {
        notices.push(stop);
    }
    if let Some(advice) = six_week_rule(history, &facts, week_start, today) {
        notices.push(advice);
    }
    notices.extend(intense_too_close(history, week_start));
    notices.extend(
        history
            .problems
            .iter()
            .map(|p| Notice::UnreadableFile(p.to_string())),
    );

    WeekSummary {
        week_start,
        today,
        first_use,
        iso_year: iso.year(),
        iso_week: iso.week(),
        days,
        target,
        this_week,
        last_week,
        met,
        streak: streak(&facts, target_days, week_start, today),
        recent_weeks,
        discomfort_daily,
        discomfort_weekly,
        notices,
    }
}

/// The [`WeekBar`] of each week starting on one of `mondays`, in that order:
/// what the week screen's chart shows, for any number of weeks (trends, the report).
pub fn week_bars(
    history: &History,
    profile: &Profile,
    mondays: impl IntoIterator<Item = Date>,
) -> Vec<WeekBar> {
    bars(&Facts::new(history), profile.effective_target(), mondays)
}

fn bars(
    facts: &Facts<'_>,
    target_days: u8,
    mondays: impl IntoIterator<Item = Date>,
) -> Vec<WeekBar> {
    mondays
        .into_iter()
        .map(|start| {
            let t = facts.tally(start);
            let target = WeekTarget::new(target_days, t.marked).effective;
            WeekBar {
                week_start: start,
                iso_week: start.iso_week_date().week(),
                active_days: t.active,
                target,
                met: t.active >= target,
            }
        })
        .collect()
}
