//! The report in Markdown: the same sections and figures as the HTML page,
//! tables instead of charts.

use std::fmt::Write as _;

use super::{Report, WHAT_THIS_IS, WHEN_TO_SEE_A_PROFESSIONAL, clean, date_label, week_label};
use crate::rules::trends::{sign_label, tenths_or_dash};

/// Escapes the characters Markdown would read as formatting, links, HTML
/// or table cells, and drops control characters.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn table(out: &mut String, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = header
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 0 { "---" } else { "---:" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

fn left_table(out: &mut String, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

/// The whole report as Markdown.
pub fn markdown(report: &Report<'_>) -> String {
    let t = report.trends;
    let mut out = String::new();
    let _ = writeln!(out, "> **{}**\n", escape(WHAT_THIS_IS));
    let _ = writeln!(out, "# {}\n", escape(&report.title()));
    let _ = writeln!(out, "Made on {}.\n", date_label(report.generated));

    out.push_str("## At a glance\n\n");
    for line in report.summary_lines() {
        let _ = writeln!(out, "- {}", escape(&line));
    }
    out.push('\n');
    let _ = writeln!(out, "{}\n", escape(&t.reading.headline()));
    if let Some(advice) = t.reading.advice() {
        let _ = writeln!(out, "**{}**\n", escape(&advice));
    }
    if !t.problems.is_empty() {
        out.push_str(
            "**Some history files could not be read, so these figures may miss what they held:**\n\n",
        );
        for p in &t.problems {
            let _ = writeln!(out, "- {}", escape(p));
        }
        out.push('\n');
    }

    out.push_str("## Profile\n\n");
    for (label, value) in report.profile_rows() {
        let _ = writeln!(out, "- **{label}:** {}", escape(&value));
    }
    out.push('\n');

    out.push_str("## Sessions and discomfort per week\n\n");
    out.push_str(
        "Active days against the week's target (the weekly target less days marked rest or sick; ✓ met), sessions with exercise done, minutes of exercise, and mean discomfort from 0 (none) to 10 (worst imaginable): at the check-in before a session, during it, and at its end.\n\n",
    );
    table(
        &mut out,
        &[
            "Week",
            "Active days",
            "Target",
            "Sessions",
            "Minutes",
            "Check-in",
            "During",
            "End",
            "Stops",
            "Sign days",
            "Rest / sick",
        ],
        t.weeks.iter().map(|w| {
            vec![
                week_label(w.bar.week_start),
                w.bar.active_days.to_string(),
                format!("{}{}", w.bar.target, if w.bar.met { " ✓" } else { "" }),
                w.sessions.to_string(),
                w.minutes.to_string(),
                tenths_or_dash(w.checkin),
                tenths_or_dash(w.during),
                tenths_or_dash(w.after),
                w.stops.to_string(),
                w.warning_days.to_string(),
                format!("{} / {}", w.rest_days, w.sick_days),
            ]
        }),
    );

    out.push_str("## Safety stops\n\n");
    if t.stops.is_empty() {
        out.push_str("None in this period.\n\n");
    } else {
        left_table(
            &mut out,
            &["Date", "Routine", "Reason"],
            t.stops
                .iter()
                .map(|s| vec![date_label(s.date), escape(&s.routine), escape(&s.reason)]),
        );
    }

    out.push_str("## Warning signs reported at check-in\n\n");
    if t.warnings.is_empty() {
        out.push_str("None in this period.\n\n");
    } else {
        left_table(
            &mut out,
            &["Date", "Signs"],
            t.warnings.iter().map(|w| {
                let signs: Vec<&str> = w.signs.iter().map(|s| sign_label(*s)).collect();
                vec![date_label(w.date), signs.join("; ")]
            }),
        );
    }

    out.push_str("## Doses over time\n\n");
    if t.doses.is_empty() {
        out.push_str("No exercise recorded in this period.\n\n");
    } else {
        out.push_str("Each exercise's planned dose per session, at every change: the coach raises a dose one step at a time after sessions without trouble, and steps back after trouble.\n\n");
    }
    for routine in &t.doses {
        let _ = writeln!(
            out,
            "### {} ({} session{})\n",
            escape(&routine.routine_name),
            routine.sessions,
            if routine.sessions == 1 { "" } else { "s" }
        );
        for series in &routine.exercises {
            let _ = writeln!(
                out,
                "**{}**: {}\n",
                escape(&series.name),
                escape(&series.summary())
            );
            left_table(
                &mut out,
                &["Date", "Dose", "Change"],
                series.changes().map(|p| {
                    vec![
                        date_label(p.date),
                        p.dose.label(),
                        p.change.label().to_string(),
                    ]
                }),
            );
        }
    }

    out.push_str("## Notes: rest and sick days\n\n");
    if t.marks.is_empty() {
        out.push_str("No days marked.\n\n");
    } else {
        left_table(
            &mut out,
            &["Date", "Marked"],
            t.marks
                .iter()
                .map(|m| vec![date_label(m.date), m.kind.label().to_string()]),
        );
    }

    out.push_str("## When the exercise guides advise seeing a professional\n\n");
    for line in WHEN_TO_SEE_A_PROFESSIONAL {
        let _ = writeln!(out, "- {}", escape(line));
    }
    out
}
