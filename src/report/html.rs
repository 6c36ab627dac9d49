//! The report as one self-contained HTML page: inline CSS (with print
//! rules) and inline SVG, no script, nothing fetched — a content security
//! policy in the page forbids both, so even a browser would refuse.

use std::fmt::Write as _;

use super::{Report, WHAT_THIS_IS, WHEN_TO_SEE_A_PROFESSIONAL, clean, date_label, svg, week_label};
use crate::rules::trends::tenths_or_dash;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #111; background: #fff; max-width: 54rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; break-after: avoid; }
p, ul { margin: .35rem 0; }
.what { border: 2px solid #111; padding: .55rem .8rem; font-weight: 600; margin: 0 0 .8rem; }
.meta { color: #444; }
.reading { border-left: 4px solid #555; padding: .35rem .8rem; background: #f3f3f3; }
.advice { border-left: 6px solid #b00020; padding: .45rem .8rem; background: #fff1f1; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; font-variant-numeric: tabular-nums; margin: .3rem 0 .6rem; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #ccc; padding: .18rem .4rem; text-align: right; vertical-align: top; }
th { border-bottom: 2px solid #777; font-weight: 600; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; margin: .3rem 0; break-inside: avoid; }
svg text { font: 10px system-ui, sans-serif; fill: #222; }
svg .axis { fill: #555; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .met { fill: #2b5d8a; stroke: #2b5d8a; }
svg .short { fill: #fff; stroke: #2b5d8a; stroke-width: 1.2; }
svg .target { stroke: #111; stroke-width: 2.2; }
svg .checkin { stroke: #2b5d8a; fill: #2b5d8a; }
svg .during { stroke: #a15c00; fill: #fff; stroke-dasharray: 6 3; }
svg .during.mark { stroke-dasharray: none; stroke-width: 1.4; }
svg .after { stroke: #3d7a3d; fill: #3d7a3d; stroke-dasharray: 1.5 3; }
svg .after.mark { stroke-dasharray: none; }
svg .line { fill: none; stroke-width: 2; }
svg .day { fill: #9ab; }
svg .stop { fill: #b00020; font-weight: 700; }
svg .sign { fill: #a15c00; font-weight: 700; }
svg .dose { fill: none; stroke: #2b5d8a; stroke-width: 2; }
svg .back { fill: none; stroke: #b00020; stroke-width: 1.6; }
.dose-row { break-inside: avoid; }
footer { margin-top: 2rem; color: #555; font-size: 9pt; }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .reading, .advice { background: none; }
}
"#;

/// Escapes text for HTML (and SVG) content and attribute values, and drops
/// control characters.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn paragraph(out: &mut String, class: &str, text: &str) {
    let _ = writeln!(out, "<p class=\"{class}\">{}</p>", escape(text));
}

/// The whole report as an HTML document.
pub fn html(report: &Report<'_>) -> String {
    let t = report.trends;
    let mut out = String::with_capacity(64 * 1024 + t.weeks.len() * 2048);
    let title = report.title();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"generator\" content=\"backcoach\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    paragraph(&mut out, "what", WHAT_THIS_IS);
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    paragraph(
        &mut out,
        "meta",
        &format!("Made on {}.", date_label(report.generated)),
    );

    out.push_str("<h2>At a glance</h2>\n<ul>\n");
    for line in report.summary_lines() {
        let _ = writeln!(out, "<li>{}</li>", escape(&line));
    }
    out.push_str("</ul>\n");
    paragraph(&mut out, "reading", &t.reading.headline());
    if let Some(advice) = t.reading.advice() {
        paragraph(&mut out, "advice", &advice);
    }
    if !t.problems.is_empty() {
        out.push_str("<p class=\"advice\">Some history files could not be read, so these figures may miss what they held:</p>\n<ul>\n");
        for p in &t.problems {
            let _ = writeln!(out, "<li>{}</li>", escape(p));
        }
        out.push_str("</ul>\n");
    }

    out.push_str("<h2>Profile</h2>\n<dl>\n");
    for (label, value) in report.profile_rows() {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(&value));
    }
    out.push_str("</dl>\n");

    out.push_str("<h2>Sessions per week against the target</h2>\n");
    out.push_str(&svg::adherence(t));
    out.push_str("\n<h2>Discomfort</h2>\n");
    paragraph(
        &mut out,
        "meta",
        "Rated by the user from 0 (none) to 10 (worst imaginable): at the check-in before a session, during it (on request and after each exercise) and at its end.",
    );
    out.push_str(&svg::discomfort(t));
    out.push('\n');
    weeks_table(&mut out, report);

    out.push_str("<h2>Safety stops</h2>\n");
    if t.stops.is_empty() {
        out.push_str("<p>None in this period.</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr><th>Date</th><th class=\"text\">Routine</th><th class=\"text\">Reason</th></tr></thead>\n<tbody>\n");
        for s in &t.stops {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td></tr>",
                escape(&date_label(s.date)),
                escape(&s.routine),
                escape(&s.reason)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    out.push_str("<h2>Warning signs reported at check-in</h2>\n");
    if t.warnings.is_empty() {
        out.push_str("<p>None in this period.</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr><th>Date</th><th class=\"text\">Signs</th></tr></thead>\n<tbody>\n");
        for w in &t.warnings {
            let signs: Vec<&str> = w
                .signs
                .iter()
                .map(|s| crate::rules::trends::sign_label(*s))
                .collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"text\">{}</td></tr>",
                escape(&date_label(w.date)),
                escape(&signs.join("; "))
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    doses(&mut out, report);

    out.push_str("<h2>Notes: rest and sick days</h2>\n");
    if t.marks.is_empty() {
        out.push_str("<p>No days marked.</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr><th>Date</th><th class=\"text\">Marked</th></tr></thead>\n<tbody>\n");
        for m in &t.marks {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"text\">{}</td></tr>",
                escape(&date_label(m.date)),
                m.kind.label()
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    out.push_str("<h2>When the exercise guides advise seeing a professional</h2>\n<ul>\n");
    for line in WHEN_TO_SEE_A_PROFESSIONAL {
        let _ = writeln!(out, "<li>{}</li>", escape(line));
    }
    out.push_str("</ul>\n");
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</body>\n</html>",
        escape(WHAT_THIS_IS)
    );
    out
}

fn weeks_table(out: &mut String, report: &Report<'_>) {
    out.push_str(
        "<table class=\"weeks\">\n<thead><tr><th>Week</th><th>Active days</th><th>Target</th><th>Sessions</th><th>Minutes</th>\
<th>Check-in</th><th>During</th><th>End</th><th>Stops</th><th>Sign days</th><th>Rest / sick</th></tr></thead>\n<tbody>\n",
    );
    for w in &report.trends.weeks {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} / {}</td></tr>",
            escape(&week_label(w.bar.week_start)),
            w.bar.active_days,
            w.bar.target,
            if w.bar.met { " ✓" } else { "" },
            w.sessions,
            w.minutes,
            tenths_or_dash(w.checkin),
            tenths_or_dash(w.during),
            tenths_or_dash(w.after),
            w.stops,
            w.warning_days,
            w.rest_days,
            w.sick_days
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn doses(out: &mut String, report: &Report<'_>) {
    let t = report.trends;
    out.push_str("<h2>Doses over time</h2>\n");
    if t.doses.is_empty() {
        out.push_str("<p>No exercise recorded in this period.</p>\n");
        return;
    }
    paragraph(
        out,
        "meta",
        "Each exercise's planned dose per session. The coach raises a dose one step at a time after sessions without trouble, and steps back after trouble (circled in the charts).",
    );
    let mut chart = 0;
    for routine in &t.doses {
        let _ = writeln!(
            out,
            "<h3>{} ({} session{})</h3>",
            escape(&routine.routine_name),
            routine.sessions,
            if routine.sessions == 1 { "" } else { "s" }
        );
        for series in &routine.exercises {
            chart += 1;
            let _ = writeln!(
                out,
                "<div class=\"dose-row\"><p><strong>{}</strong>: {}</p>",
                escape(&series.name),
                escape(&series.summary())
            );
            out.push_str(&svg::dose(series, t.window, &format!("dose{chart}")));
            out.push_str("\n<table>\n<thead><tr><th>Date</th><th class=\"text\">Dose</th><th class=\"text\">Change</th></tr></thead>\n<tbody>\n");
            for p in series.changes() {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td></tr>",
                    escape(&date_label(p.date)),
                    escape(&p.dose.label()),
                    p.change.label()
                );
            }
            out.push_str("</tbody>\n</table>\n</div>\n");
        }
    }
}
