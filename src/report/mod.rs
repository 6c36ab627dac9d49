//! The report to take to a clinician, and the plain-text trends.
//!
//! Built as strings from the figures [`Trends`] computed, so tests read
//! them without a process and the command line only writes them:
//! a self-contained HTML page ([`html`]: inline SVG charts, print CSS, no
//! script, nothing fetched), the same in Markdown ([`markdown`]), and the
//! plain text of `backcoach trends --print` ([`text`]).
//!
//! Every report opens by saying what it is: a log the user kept, not a
//! diagnosis. Names come from the user's records and catalog, so they are
//! escaped for the format they land in, control characters removed.

mod html;
mod markdown;
mod svg;
mod text;

use crate::domain::dates;
use jiff::civil::Date;

use html::escape;
pub use html::html;
pub use markdown::markdown;
pub use text::text;

use crate::profile::{DEFAULT_DISCOMFORT_LIMIT, Experience, Profile};
use crate::rules::trends::Trends;

/// Everything a report shows.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The figures.
    pub trends: &'a Trends,
    /// The user's profile: conditions, limit, target.
    pub profile: &'a Profile,
    /// The day the report was made.
    pub generated: Date,
}

/// The report's first line: what it is, and what it is not.
pub const WHAT_THIS_IS: &str = "What this is: a personal log kept with backcoach, a terminal exercise coach — the exercise \
its user did and the discomfort they rated themselves. It is not a diagnosis and not medical advice.";

/// The guides' advice on when to see a professional, in our words, shown in every report.
pub const WHEN_TO_SEE_A_PROFESSIONAL: [&str; 3] = [
    "Back pain that has not improved within about six weeks of regular gentle exercise: see a healthcare professional.",
    "Pain spreading down a leg, numbness or tingling, sudden sharp back pain, or pain that gets worse at rest or wakes one at night: see a healthcare professional.",
    "Pain that is sharp, grows during an exercise, or lingers and worsens afterwards: stop that exercise and talk with a healthcare professional.",
];

impl Report<'_> {
    /// "Back exercise log, Mon 7 Sep – Sun 22 Nov 2026 (12 weeks)".
    pub fn title(&self) -> String {
        let weeks = self.trends.window.weeks;
        format!(
            "Back exercise log, {} ({} week{})",
            self.trends.window.label(),
            weeks,
            if weeks == 1 { "" } else { "s" }
        )
    }

    /// The profile as label–value rows.
    pub fn profile_rows(&self) -> Vec<(&'static str, String)> {
        let p = self.profile;
        let conditions = if p.conditions.is_empty() {
            "none recorded".to_string()
        } else {
            p.conditions
                .iter()
                .map(|c| c.label())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let limit = p.effective_limit();
        let limit = if limit < DEFAULT_DISCOMFORT_LIMIT {
            format!(
                "{limit} of 10 (set below the guides' {DEFAULT_DISCOMFORT_LIMIT}); a rating above it stops a session"
            )
        } else {
            format!("{limit} of 10 (the guides' upper bound); a rating above it stops a session")
        };
        vec![
            ("Conditions", conditions),
            ("Discomfort limit", limit),
            (
                "Weekly target",
                format!("{} active days a week", p.effective_target()),
            ),
            (
                "Started as",
                match p.experience {
                    Experience::New => "new to back exercises",
                    Experience::Returning => "returning after a back issue",
                    Experience::Regular => "already exercising regularly",
                }
                .to_string(),
            ),
        ]
    }

    /// The summary lines: sessions, weeks on target, the trend, stops, signs.
    pub fn summary_lines(&self) -> Vec<String> {
        summary_lines(self.trends)
    }
}

/// The figures at a glance, shared by the report and `trends --print`.
fn summary_lines(t: &Trends) -> Vec<String> {
    let weeks = t.weeks.len();
    let mut lines = vec![format!(
        "{} session{} with exercise done; {} of {} week{} met the weekly target of {} day{}.",
        t.sessions(),
        plural(t.sessions() as usize),
        t.weeks_met(),
        weeks,
        plural(weeks),
        t.target,
        plural(usize::from(t.target))
    )];
    lines.push(match t.checkin_slope() {
        Some(slope) => format!(
            "Check-in discomfort over the period: {} (least-squares line through {} weekly means).",
            slope.words(),
            slope.weeks
        ),
        None => "Check-in discomfort over the period: too few weeks with check-ins to draw a line."
            .to_string(),
    });
    lines.push(format!(
        "Safety stops: {}. Days with warning signs at check-in: {}. Rest or sick days marked: {}.",
        t.stops.len(),
        t.warnings.len(),
        t.marks.len()
    ));
    lines
}

/// "Mon 16 Nov 2026".
fn date_label(date: Date) -> String {
    dates::long_date(date)
}

/// The week's label in tables: "W47 · 16 Nov 2026".
fn week_label(monday: Date) -> String {
    format!(
        "W{:02} · {} {}",
        monday.iso_week_date().week(),
        dates::day_month(monday),
        monday.year()
    )
}

/// User text without control characters (an ESC in a catalog name must not
/// reach a terminal or a file as one), on one line.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
