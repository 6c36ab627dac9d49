//! `backcoach trends --print`: the trends screen's figures as plain text, one
//! fact per line or row, for scripts and terminals without the full screen.

use std::fmt::Write as _;

use super::{clean, date_label, summary_lines, week_label};
use crate::rules::trends::{Trends, sign_label, tenths_or_dash};

/// The trends as plain text.
pub fn text(t: &Trends) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Trends, last {} week{}: {}",
        t.window.weeks,
        if t.window.weeks == 1 { "" } else { "s" },
        t.window.label()
    );
    out.push('\n');
    let _ = writeln!(out, "{}", t.reading.text());
    for line in summary_lines(t) {
        let _ = writeln!(out, "{line}");
    }
    for p in &t.problems {
        let _ = writeln!(
            out,
            "Could not read {p} (left untouched): figures may miss it."
        );
    }
    out.push('\n');

    let header = [
        "Week",
        "Days",
        "Target",
        "Sessions",
        "Check-in",
        "During",
        "End",
        "Stops",
        "Signs",
        "Rest/sick",
    ];
    let rows: Vec<[String; 10]> = t
        .weeks
        .iter()
        .map(|w| {
            [
                week_label(w.bar.week_start),
                w.bar.active_days.to_string(),
                format!("{}{}", w.bar.target, if w.bar.met { " met" } else { "" }),
                w.sessions.to_string(),
                tenths_or_dash(w.checkin),
                tenths_or_dash(w.during),
                tenths_or_dash(w.after),
                w.stops.to_string(),
                w.warning_days.to_string(),
                format!("{}/{}", w.rest_days, w.sick_days),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut String, cells: [&str; 10]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.chars().count());
            if i == 0 {
                let _ = write!(text, "{cell}{pad}");
            } else {
                let _ = write!(text, "  {pad}{cell}");
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(&mut out, header);
    for row in &rows {
        line(&mut out, row.each_ref().map(String::as_str));
    }

    if !t.stops.is_empty() {
        out.push_str("\nSafety stops:\n");
        for s in &t.stops {
            let _ = writeln!(
                out,
                "- {}, {}: {}",
                date_label(s.date),
                clean(&s.routine),
                clean(&s.reason)
            );
        }
    }
    if !t.warnings.is_empty() {
        out.push_str("\nWarning signs at check-in:\n");
        for w in &t.warnings {
            let signs: Vec<&str> = w.signs.iter().map(|s| sign_label(*s)).collect();
            let _ = writeln!(out, "- {}: {}", date_label(w.date), signs.join("; "));
        }
    }
    if !t.marks.is_empty() {
        out.push_str("\nRest and sick days:\n");
        for m in &t.marks {
            let _ = writeln!(out, "- {}: {}", date_label(m.date), m.kind.label());
        }
    }
    for routine in &t.doses {
        let _ = writeln!(
            out,
            "\nDoses in {} ({} session{}):",
            clean(&routine.routine_name),
            routine.sessions,
            if routine.sessions == 1 { "" } else { "s" }
        );
        for series in &routine.exercises {
            let _ = writeln!(out, "- {}: {}", clean(&series.name), series.summary());
        }
    }
    out
}
