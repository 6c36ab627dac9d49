//! Trends over weeks: every figure the trends screen, `trends --print` and
//! the clinician's report show, computed once from a loaded [`History`] and
//! the profile.
//!
//! Pure, like the other rules: the caller loads [`Window::needed_range`]
//! and passes today's date. Weeks run Monday to Sunday, as on the week
//! screen; a window is always whole weeks. The week screen's definitions are
//! reused, never restated: active days and targets come from
//! [`week::week_bars`], every mean from [`week::mean_of`], and the six-week
//! reading from [`week::SixWeeks`] (the same rule that raises the week
//! screen's notice). Doses are ordered the way the progression ladder climbs
//! ([`Rung::of_record`]), so a step back shows as a step down.

use crate::domain::dates;
use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::domain::dates::{add_days, monday_of};
use crate::domain::{
    DayMark, DayMarkKind, History, RatingMoment, SessionRecord, SessionStatus, WarningSign,
};
use crate::profile::Profile;
use crate::rules::week::{self, SixWeeks, WeekBar};

mod doses;

pub use doses::{DoseChange, DosePoint, DoseSeries, PlannedDose, RoutineDoses};

/// The spans the trends screen toggles between, in weeks.
pub const SPANS: [u32; 3] = [6, 12, 26];

/// Weeks a report covers when no dates are given.
pub const DEFAULT_REPORT_WEEKS: u32 = 12;

/// The longest window accepted (ten years and a bit), so a typo in `--from`
/// cannot ask for millennia.
pub const MAX_WEEKS: u32 = 1100;

/// A slope smaller than this (points a week) reads as "steady".
const STEADY_PER_WEEK: f64 = 0.05;

/// Whole weeks, Monday to Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The Monday of the first week.
    pub first_monday: Date,
    /// How many weeks, at least 1.
    pub weeks: u32,
}

impl Window {
    /// The `weeks` weeks ending with the week of `date`.
    pub fn ending(date: Date, weeks: u32) -> Window {
        let weeks = weeks.clamp(1, MAX_WEEKS);
        Window {
            first_monday: add_days(monday_of(date), -7 * (i64::from(weeks) - 1)),
            weeks,
        }
    }

    /// The weeks from the week of `from` to the week of `to` (in either
    /// order), at most [`MAX_WEEKS`] ending with the week of the later date.
    pub fn between(from: Date, to: Date) -> Window {
        let (from, to) = (from.min(to), from.max(to));
        let days = monday_of(from)
            .until(monday_of(to))
            .map_or(0, |s| s.get_days());
        let weeks = u32::try_from(days / 7 + 1).unwrap_or(MAX_WEEKS);
        Window::ending(to, weeks)
    }

    /// The first day (a Monday).
    pub fn from(&self) -> Date {
        self.first_monday
    }

    /// The last day (a Sunday).
    pub fn to(&self) -> Date {
        add_days(self.first_monday, 7 * i64::from(self.weeks) - 1)
    }

    /// Number of days.
    pub fn days(&self) -> usize {
        self.weeks as usize * 7
    }

    /// Every week's Monday, oldest first.
    pub fn mondays(&self) -> impl Iterator<Item = Date> + use<> {
        let first = self.first_monday;
        (0..i64::from(self.weeks)).map(move |w| add_days(first, 7 * w))
    }

    /// Whether `date` falls inside.
    pub fn contains(&self, date: Date) -> bool {
        self.from() <= date && date <= self.to()
    }

    /// Days from the window's start (`None` outside it).
    fn offset(&self, date: Date) -> Option<usize> {
        if !self.contains(date) {
            return None;
        }
        let days = self.from().until(date).ok()?.get_days();
        usize::try_from(days).ok()
    }

    /// The six weeks the reading looks at, on `today`.
    fn reading_weeks(&self, today: Date) -> (Date, Date) {
        let last_monday = add_days(self.to(), -6);
        let last_complete = last_monday.min(add_days(monday_of(today), -7));
        (
            add_days(last_complete, -7 * (week::NO_IMPROVEMENT_WEEKS - 1)),
            add_days(last_complete, 6),
        )
    }

    /// The dates to load for [`Trends::compute`] on `today`: the window and
    /// the six weeks the reading looks at, which may start earlier.
    pub fn needed_range(&self, today: Date) -> (Date, Date) {
        let (first, last) = self.reading_weeks(today);
        (self.from().min(first), self.to().max(last))
    }

    /// "Mon 12 Oct – Sun 22 Nov 2026"; both years when they differ.
    pub fn label(&self) -> String {
        let from = if self.from().year() == self.to().year() {
            dates::short_date(self.from())
        } else {
            dates::long_date(self.from())
        };
        format!("{from} – {}", dates::long_date(self.to()))
    }
}

/// One week of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekTrend {
    /// Active days against the week's target, as the week screen counts them.
    pub bar: WeekBar,
    /// Sessions with work done.
    pub sessions: u32,
    /// Sessions quit early or cut off.
    pub partial: u32,
    /// Exercise minutes, pauses left out.
    pub minutes: u32,
    /// Mean check-in discomfort (before sessions), in tenths.
    pub checkin: Option<u16>,
    /// Mean discomfort rated during sessions (`r`, `s`, the quick check after
    /// each exercise), in tenths.
    pub during: Option<u16>,
    /// Mean closing rating (how the back felt at the end), in tenths.
    pub after: Option<u16>,
    /// Sessions stopped for safety.
    pub stops: u32,
    /// Days with a warning sign reported at check-in.
    pub warning_days: u32,
    /// Days marked rest.
    pub rest_days: u32,
    /// Days marked sick.
    pub sick_days: u32,
}

/// One day of the window, for the discomfort chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayTrend {
    /// The date.
    pub date: Date,
    /// Mean check-in discomfort that day, in tenths.
    pub checkin: Option<u16>,
    /// Each session's closing rating that day, in order.
    pub closing: Vec<u8>,
    /// A session was stopped for safety.
    pub stop: bool,
    /// A warning sign was reported at check-in.
    pub warning: bool,
    /// Marked rest or sick.
    pub mark: Option<DayMarkKind>,
}

/// A session the stop rules ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// The day of the stop.
    pub date: Date,
    /// The routine's name.
    pub routine: String,
    /// The stop rules' reason, in plain words.
    pub reason: String,
}

/// A day warning signs were reported at check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarningDay {
    /// The day.
    pub date: Date,
    /// Every sign answered yes that day, in the check-in's order.
    pub signs: Vec<WarningSign>,
}

/// Which way a series is heading: the least-squares slope of its weekly means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slope {
    /// Points (0–10) a week; negative is down.
    pub per_week: f64,
    /// Weeks with a value that went into it.
    pub weeks: usize,
}

impl Slope {
    /// "falling 0.3 a week", "rising 0.1 a week", "steady".
    pub fn words(&self) -> String {
        if self.per_week.abs() < STEADY_PER_WEEK {
            "steady".into()
        } else if self.per_week < 0.0 {
            format!("falling {:.1} a week", -self.per_week)
        } else {
            format!("rising {:.1} a week", self.per_week)
        }
    }
}

/// The six-week reading: the guides' six-week rule, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// What the rule read.
    pub six: SixWeeks,
}

impl Reading {
    /// Whether the guides' advice to see a professional applies (the same
    /// decision as the week screen's notice).
    pub fn advises_professional(&self) -> bool {
        self.six.advice().is_some()
    }

    /// Whether the figures are there at both ends.
    pub fn has_figures(&self) -> bool {
        self.six.early_tenths.is_some() && self.six.late_tenths.is_some()
    }

    /// The figures: "Check-in discomfort went from 5.2 to 2.8 over the 6
    /// weeks to Sun 22 Nov (…)". Without them, why not.
    pub fn headline(&self) -> String {
        match (self.six.early_tenths, self.six.late_tenths) {
            (Some(early), Some(late)) => format!(
                "Check-in discomfort went from {} to {} over the {} weeks to {} (mean of the first {} weeks, then of the last {}).",
                tenths(early),
                tenths(late),
                week::NO_IMPROVEMENT_WEEKS,
                dates::short_date(self.six.last),
                week::COMPARE_WEEKS,
                week::COMPARE_WEEKS
            ),
            _ => format!(
                "Not enough check-ins yet for the six-week reading: it compares the first and last {} of the {} weeks to {}.",
                week::COMPARE_WEEKS,
                week::NO_IMPROVEMENT_WEEKS,
                dates::short_date(self.six.last)
            ),
        }
    }

    /// The guides' advice, when it applies: six weeks without a clear
    /// improvement, after regular exercise or with pain that kept the user
    /// from it (the week screen's rule, in the same words).
    pub fn advice(&self) -> Option<String> {
        let clear = format!(
            "a fall of at least {} point",
            tenths(week::MIN_IMPROVEMENT_TENTHS)
        );
        if !self.advises_professional() {
            return None;
        }
        Some(if self.six.regular {
            format!(
                "Not a clear improvement ({clear}) after {} weeks of regular exercise: the guides advise seeing a healthcare professional, such as your doctor or a physical therapist.",
                week::NO_IMPROVEMENT_WEEKS
            )
        } else {
            format!(
                "Not a clear improvement ({clear}) over {} weeks, and the pain has kept you from exercising regularly: the guides advise seeing a healthcare professional, such as your doctor or a physical therapist.",
                week::NO_IMPROVEMENT_WEEKS
            )
        })
    }

    /// The headline and, when it applies, the advice, as one paragraph.
    pub fn text(&self) -> String {
        match self.advice() {
            Some(advice) => format!("{} {advice}", self.headline()),
            None => self.headline(),
        }
    }
}

/// Every figure of the trends screen and the report, for one window.
#[derive(Debug, Clone, PartialEq)]
pub struct Trends {
    /// The weeks covered.
    pub window: Window,
    /// The day it was computed on (the reading looks at complete weeks before it).
    pub today: Date,
    /// The profile's weekly target (days).
    pub target: u8,
    /// One per week, oldest first.
    pub weeks: Vec<WeekTrend>,
    /// One per day, oldest first.
    pub days: Vec<DayTrend>,
    /// Every safety stop, oldest first.
    pub stops: Vec<Stop>,
    /// Every day with warning signs, oldest first.
    pub warnings: Vec<WarningDay>,
    /// Rest and sick days, oldest first.
    pub marks: Vec<DayMark>,
    /// Doses per routine, the routine done most first.
    pub doses: Vec<RoutineDoses>,
    /// The six-week reading.
    pub reading: Reading,
    /// Files that could not be read (`path:line:col: message`): the figures
    /// may miss what they held.
    pub problems: Vec<String>,
}

/// Which of a session's ratings go into which mean.
fn moment_is_during(moment: RatingMoment) -> bool {
    matches!(moment, RatingMoment::During | RatingMoment::AfterExercise)
}

/// A session's closing rating (the last one, if given twice).
fn closing_of(session: &SessionRecord) -> Option<u8> {
    session
        .ratings
        .iter()
        .rev()
        .find(|r| r.moment == RatingMoment::Closing)
        .map(|r| r.value)
}

impl Trends {
    /// Every figure for `window` on `today`; `history` should cover
    /// [`Window::needed_range`].
    pub fn compute(history: &History, profile: &Profile, window: Window, today: Date) -> Trends {
        let mut days: Vec<DayTrend> = (0..window.days() as i64)
            .map(|i| DayTrend {
                date: add_days(window.from(), i),
                checkin: None,
                closing: Vec::new(),
                stop: false,
                warning: false,
                mark: None,
            })
            .collect();
        let mut weeks: Vec<WeekTrend> = week::week_bars(history, profile, window.mondays())
            .into_iter()
            .map(|bar| WeekTrend {
                bar,
                sessions: 0,
                partial: 0,
                minutes: 0,
                checkin: None,
                during: None,
                after: None,
                stops: 0,
                warning_days: 0,
                rest_days: 0,
                sick_days: 0,
            })
            .collect();
        let mut day_checkins: Vec<Vec<u8>> = vec![Vec::new(); days.len()];
        let mut week_values: Vec<[Vec<u8>; 3]> = vec![Default::default(); weeks.len()];
        let mut week_seconds = vec![0u32; weeks.len()];
        let mut signs_by_day: BTreeMap<Date, Vec<WarningSign>> = BTreeMap::new();
        for c in &history.checkins {
            let Some(i) = window.offset(c.date) else {
                continue;
            };
            day_checkins[i].push(c.baseline);
            week_values[i / 7][0].push(c.baseline);
            if !c.warning_signs.is_empty() {
                days[i].warning = true;
                signs_by_day
                    .entry(c.date)
                    .or_default()
                    .extend(c.warning_signs.iter().copied());
            }
        }
        // Each day once, its signs in the check-in's order.
        let warnings: Vec<WarningDay> = signs_by_day
            .into_iter()
            .map(|(date, signs)| WarningDay {
                date,
                signs: WarningSign::ALL
                    .into_iter()
                    .filter(|s| signs.contains(s))
                    .collect(),
            })
            .collect();
        let mut stops = Vec::new();
        for s in &history.sessions {
            let Some(i) = window.offset(s.date) else {
                continue;
            };
            let w = i / 7;
            if s.did_work() {
                weeks[w].sessions += 1;
            }
            if history.status_of(s) == SessionStatus::Partial {
                weeks[w].partial += 1;
            }
            week_seconds[w] = week_seconds[w].saturating_add(s.active_s);
            for r in &s.ratings {
                if moment_is_during(r.moment) {
                    week_values[w][1].push(r.value);
                }
            }
            if let Some(closing) = closing_of(s) {
                days[i].closing.push(closing);
                week_values[w][2].push(closing);
            }
            if let SessionStatus::StoppedForSafety { reason } = &s.status {
                days[i].stop = true;
                weeks[w].stops += 1;
                stops.push(Stop {
                    date: s.date,
                    routine: s.routine_name.clone(),
                    reason: reason.clone(),
                });
            }
        }
        let mut marks = Vec::new();
        for m in &history.marks {
            let Some(i) = window.offset(m.date) else {
                continue;
            };
            days[i].mark = Some(m.kind);
            marks.retain(|kept: &DayMark| kept.date != m.date);
            marks.push(*m);
        }
        for (day, values) in days.iter_mut().zip(&day_checkins) {
            day.checkin = week::mean_of(values.iter().copied());
        }
        for (i, week) in weeks.iter_mut().enumerate() {
            let [checkin, during, after] = &week_values[i];
            week.checkin = week::mean_of(checkin.iter().copied());
            week.during = week::mean_of(during.iter().copied());
            week.after = week::mean_of(after.iter().copied());
            week.minutes = week_seconds[i].saturating_add(30) / 60;
            let days = &days[i * 7..i * 7 + 7];
            week.warning_days = days.iter().filter(|d| d.warning).count() as u32;
            week.rest_days = days
                .iter()
                .filter(|d| d.mark == Some(DayMarkKind::Rest))
                .count() as u32;
            week.sick_days = days
                .iter()
                .filter(|d| d.mark == Some(DayMarkKind::Sick))
                .count() as u32;
        }
        let last_monday = add_days(window.to(), -6);
        Trends {
            window,
            today,
            target: profile.effective_target(),
            weeks,
            days,
            stops,
            warnings,
            marks,
            doses: doses::doses(history, window),
            reading: Reading {
                six: SixWeeks::read(history, last_monday, today),
            },
            problems: history.problems.iter().map(|p| p.to_string()).collect(),
        }
    }

    /// The trends for each of [`SPANS`] ending with the week of `today`,
    /// from one history covering [`spans_needed_range`].
    pub fn for_spans(history: &History, profile: &Profile, today: Date) -> Vec<Trends> {
        SPANS
            .iter()
            .map(|&weeks| Trends::compute(history, profile, Window::ending(today, weeks), today))
            .collect()
    }

    /// The weekly check-in means' slope (`None` with fewer than two weeks of check-ins).
    pub fn checkin_slope(&self) -> Option<Slope> {
        slope(self.weeks.iter().map(|w| w.checkin))
    }

    /// The routine done most in the window, with its doses.
    pub fn main_routine(&self) -> Option<&RoutineDoses> {
        self.doses.first()
    }

    /// Sessions with work done over the window.
    pub fn sessions(&self) -> u32 {
        self.weeks.iter().map(|w| w.sessions).sum()
    }

    /// Weeks that met their target.
    pub fn weeks_met(&self) -> usize {
        self.weeks.iter().filter(|w| w.bar.met).count()
    }
}

/// What to load for [`Trends::for_spans`] on `today`.
pub fn spans_needed_range(today: Date) -> (Date, Date) {
    let longest = SPANS.iter().copied().max().unwrap_or(1);
    Window::ending(today, longest).needed_range(today)
}

/// Least-squares slope of weekly values in tenths, as points a week.
pub fn slope(weekly_tenths: impl IntoIterator<Item = Option<u16>>) -> Option<Slope> {
    let points: Vec<(f64, f64)> = weekly_tenths
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i as f64, f64::from(v) / 10.0)))
        .collect();
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    Some(Slope {
        per_week: sxy / sxx,
        weeks: points.len(),
    })
}

/// "5.2" from tenths.
pub fn tenths(t: u16) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// A mean for a table: "5.2", or "–" when there is none.
pub fn tenths_or_dash(t: Option<u16>) -> String {
    t.map_or_else(|| "–".to_string(), tenths)
}

/// A warning sign in a few words, for lists.
pub fn sign_label(sign: WarningSign) -> &'static str {
    sign.label()
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn windows_are_whole_weeks_ending_with_the_given_week() {
        let w = Window::ending(date(2026, 11, 22), 6);
        assert_eq!(w.from(), date(2026, 10, 12));
        assert_eq!(w.to(), date(2026, 11, 22));
        assert_eq!(w.days(), 42);
        let b = Window::between(date(2026, 11, 4), date(2026, 10, 14));
        assert_eq!((b.from(), b.to()), (date(2026, 10, 12), date(2026, 11, 8)));
        assert_eq!(Window::ending(date(2026, 11, 22), 0).weeks, 1);
    }

    #[test]
    fn doses_read_in_words() {
        let d = |sets, reps, hold_s| PlannedDose { sets, reps, hold_s };
        assert_eq!(d(2, 8, 12).label(), "2 × 8 reps, 12 s hold");
        assert_eq!(d(3, 0, 20).label(), "3 × 20 s");
        assert_eq!(d(1, 1, 0).label(), "1 × 1 rep");
        assert_eq!(d(2, 0, 0).label(), "2 sets");
        assert_eq!(d(2, 8, 12).short(), "2×8 12s");
    }

    #[test]
    fn the_slope_is_the_least_squares_line_through_the_weeks_with_values() {
        let s = slope([Some(50), None, Some(40), Some(30)]).expect("slope");
        assert!((s.per_week - (-0.6428571)).abs() < 1e-6, "{s:?}");
        assert_eq!(s.weeks, 3);
        assert_eq!(s.words(), "falling 0.6 a week");
        assert_eq!(slope([Some(30), None]), None);
        assert_eq!(
            slope([Some(30), Some(30)]).map(|s| s.words()),
            Some("steady".into())
        );
    }
}
