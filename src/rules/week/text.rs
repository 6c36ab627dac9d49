//! The week in plain text, for `week --print`.

use super::*;

pub(super) fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub(super) fn tenths(t: u16) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// A week's totals in words, `sep` between them: "1 day, 12 min, 2 sets, 16 reps".
pub fn totals_words(t: &WeekTotals, sep: &str) -> String {
    [
        format!("{} day{}", t.active_days, plural(t.active_days)),
        format!("{} min", t.minutes),
        format!("{} set{}", t.sets, plural(t.sets)),
        format!("{} rep{}", t.reps, plural(t.reps)),
    ]
    .join(sep)
}

pub(super) fn totals_line(label: &str, t: &WeekTotals) -> String {
    format!("{label}: {}", totals_words(t, ", "))
}

/// The week as plain text, for `backcoach week --print`: the same facts as
/// the screen, one per line, for scripts and for people who prefer text.
pub fn render_text(summary: &WeekSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", summary.title(), summary.relative_label());
    out.push('\n');
    for day in &summary.days {
        let mut line = format!(
            "{} {}  {:<11}",
            weekday_name(day.date),
            day.date,
            day.status.label()
        );
        if day.minutes > 0 || !day.routines.is_empty() {
            let _ = write!(line, " {:>3} min  {}", day.minutes, day.routines.join(", "));
        }
        if let Some(mark) = day.mark
            && !matches!(day.status, DayStatus::Rest | DayStatus::Sick)
        {
            let _ = write!(line, "  (marked {})", mark.label());
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
    let _ = writeln!(out, "{}", summary.target_line());
    let (this, last) = summary.totals_labels();
    let _ = writeln!(out, "{}", totals_line(&this, &summary.this_week));
    let _ = writeln!(out, "{}", totals_line(&last, &summary.last_week));
    let _ = writeln!(out, "{}", summary.streak_line());
    let bars: Vec<String> = summary
        .recent_weeks
        .iter()
        .map(|w| {
            format!(
                "W{:02} {}/{}{}",
                w.iso_week,
                w.active_days,
                w.target,
                if w.met { "*" } else { "" }
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "Active days, last {CHART_WEEKS} weeks (* met): {}",
        bars.join("  ")
    );
    let weekly: Vec<String> = summary
        .discomfort_weekly
        .iter()
        .map(|w| w.map_or("-".to_string(), tenths))
        .collect();
    let _ = writeln!(
        out,
        "Check-in discomfort, last {DISCOMFORT_WEEKS} weeks (0-10, weekly mean): {}",
        weekly.join("  ")
    );
    if !summary.notices.is_empty() {
        out.push_str("\nNotices:\n");
        for notice in &summary.notices {
            let _ = writeln!(out, "- {}", notice.text());
        }
    }
    out
}
