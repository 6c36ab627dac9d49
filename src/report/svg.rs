//! Inline SVG charts for the HTML report. Plain shapes with fixed view boxes
//! that scale to the page; every series differs by line pattern and marker
//! shape as well as colour, so the charts read when printed in black and white.

use crate::domain::dates;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::escape;
use crate::rules::trends::{DoseChange, DoseSeries, Trends, Window};

/// The width every chart is drawn at (user units; the page scales it).
const WIDTH: f64 = 720.0;
/// At most this many labels along a time axis.
const MAX_LABELS: usize = 12;
/// Windows up to this many days also show each day's check-in as a dot.
const DAILY_DOTS_UP_TO_DAYS: usize = 371;
/// Series with up to this many points get a marker on each.
const MARKERS_UP_TO: usize = 60;

/// The plotting area inside a chart's margins.
struct Plot {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

impl Plot {
    fn new(height: f64, left: f64, top: f64, bottom: f64) -> Plot {
        Plot {
            left,
            top,
            width: WIDTH - left - 10.0,
            height: height - top - bottom,
        }
    }

    fn bottom(&self) -> f64 {
        self.top + self.height
    }

    fn right(&self) -> f64 {
        self.left + self.width
    }

    /// The y of `value` on a 0..=`max` scale.
    fn y(&self, value: f64, max: f64) -> f64 {
        let max = if max > 0.0 { max } else { 1.0 };
        self.bottom() - self.height * (value / max).clamp(0.0, 1.0)
    }

    /// The centre x of slot `i` of `n`.
    fn x(&self, i: usize, n: usize) -> f64 {
        self.left + self.width * (i as f64 + 0.5) / n.max(1) as f64
    }
}

fn open(out: &mut String, height: f64, id: &str, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" class=\"chart\">\
<title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(title),
        escape(desc)
    );
}

/// Horizontal grid lines with their values on the left.
fn grid(out: &mut String, plot: &Plot, max: f64, values: &[f64]) {
    for &v in values {
        let y = plot.y(v, max);
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>",
            plot.left,
            plot.right(),
            plot.left - 4.0,
            y + 3.5
        );
    }
}

/// Dates under the plot, at most [`MAX_LABELS`] of them.
fn week_labels(out: &mut String, plot: &Plot, mondays: &[Date]) {
    let n = mondays.len();
    let step = n.div_ceil(MAX_LABELS).max(1);
    for (i, monday) in mondays.iter().enumerate().step_by(step) {
        let label = if step > 4 {
            format!("{} {}", dates::day_month(*monday), monday.year() % 100)
        } else {
            dates::day_month(*monday)
        };
        let _ = write!(
            out,
            "<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            plot.x(i, n),
            plot.bottom() + 14.0,
            escape(&label)
        );
    }
}

/// Active days per week as bars, each week's target as a bar across it;
/// weeks that met the target are filled, the others outlined.
pub fn adherence(t: &Trends) -> String {
    let mut out = String::new();
    let height = 190.0;
    let plot = Plot::new(height, 28.0, 10.0, 22.0);
    open(
        &mut out,
        height,
        "adherence",
        "Active days per week against the target",
        "One bar per week: the days with exercise done. The dark line across each bar is that week's target (the weekly target less days marked rest or sick). Filled bars met the target; outlined bars did not.",
    );
    grid(
        &mut out,
        &plot,
        7.0,
        &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    );
    let n = t.weeks.len();
    let slot = plot.width / n.max(1) as f64;
    let bar = (slot * 0.7).max(0.5);
    for (i, w) in t.weeks.iter().enumerate() {
        let x = plot.x(i, n) - bar / 2.0;
        let y = plot.y(f64::from(w.bar.active_days), 7.0);
        let class = if w.bar.met { "met" } else { "short" };
        let _ = write!(
            out,
            "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\"><title>{}: {} of {} days</title></rect>",
            plot.bottom() - y,
            escape(&dates::short_date(w.bar.week_start)),
            w.bar.active_days,
            w.bar.target
        );
        let ty = plot.y(f64::from(w.bar.target), 7.0);
        let _ = write!(
            out,
            "<line class=\"target\" x1=\"{:.1}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\"/>",
            x - (slot - bar).min(4.0) / 2.0,
            x + bar + (slot - bar).min(4.0) / 2.0
        );
    }
    let mondays: Vec<Date> = t.weeks.iter().map(|w| w.bar.week_start).collect();
    week_labels(&mut out, &plot, &mondays);
    out.push_str("</svg>");
    out
}

/// One series of the discomfort chart: how it is drawn and named.
struct Series {
    class: &'static str,
    marker: Marker,
    label: &'static str,
}

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
}

fn marker(out: &mut String, kind: Marker, class: &str, x: f64, y: f64) {
    let _ = match kind {
        Marker::Circle => write!(
            out,
            "<circle class=\"{class} mark\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.2\"/>"
        ),
        Marker::Square => write!(
            out,
            "<rect class=\"{class} mark\" x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"6\"/>",
            x - 3.0,
            y - 3.0
        ),
        Marker::Triangle => write!(
            out,
            "<path class=\"{class} mark\" d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\"/>",
            y - 3.8,
            x + 3.6,
            y + 2.6,
            x - 3.6,
            y + 2.6
        ),
    };
}

/// Weekly means of the check-in, during and after ratings as three lines
/// (solid with dots, dashed with squares, dotted with triangles), each day's
/// check-in as a faint dot on shorter windows, and a row above the plot
/// marking weeks with a safety stop (S) or a warning sign (!).
pub fn discomfort(t: &Trends) -> String {
    let mut out = String::new();
    let height = 250.0;
    let plot = Plot::new(height, 28.0, 26.0, 42.0);
    open(
        &mut out,
        height,
        "discomfort",
        "Discomfort, 0 to 10: weekly means",
        "Solid line with dots: the check-in before sessions. Dashed line with squares: ratings during sessions. Dotted line with triangles: the rating at the end of each session. Faint dots: each day's check-in. S above a week: a safety stop; ! above a week: a warning sign reported at check-in.",
    );
    grid(&mut out, &plot, 10.0, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    let n = t.weeks.len();
    let days = t.days.len();
    if days <= DAILY_DOTS_UP_TO_DAYS {
        for (i, d) in t.days.iter().enumerate() {
            if let Some(v) = d.checkin {
                let x = plot.left + plot.width * (i as f64 + 0.5) / days.max(1) as f64;
                let _ = write!(
                    out,
                    "<circle class=\"day\" cx=\"{x:.1}\" cy=\"{:.1}\" r=\"1.8\"/>",
                    plot.y(f64::from(v) / 10.0, 10.0)
                );
            }
        }
    }
    let series = [
        Series {
            class: "checkin",
            marker: Marker::Circle,
            label: "check-in (before)",
        },
        Series {
            class: "during",
            marker: Marker::Square,
            label: "during sessions",
        },
        Series {
            class: "after",
            marker: Marker::Triangle,
            label: "end of session",
        },
    ];
    for (s, values) in series.iter().zip([
        t.weeks.iter().map(|w| w.checkin).collect::<Vec<_>>(),
        t.weeks.iter().map(|w| w.during).collect(),
        t.weeks.iter().map(|w| w.after).collect(),
    ]) {
        let points: Vec<Option<(f64, f64)>> = values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| (plot.x(i, n), plot.y(f64::from(v) / 10.0, 10.0))))
            .collect();
        for run in points.split(Option::is_none) {
            let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
            if run.len() > 1 {
                let coords: Vec<String> =
                    run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                let _ = write!(
                    out,
                    "<polyline class=\"{} line\" points=\"{}\"/>",
                    s.class,
                    coords.join(" ")
                );
            }
        }
        if n <= MARKERS_UP_TO {
            for (x, y) in points.iter().flatten() {
                marker(&mut out, s.marker, s.class, *x, *y);
            }
        }
    }
    for (i, w) in t.weeks.iter().enumerate() {
        let x = plot.x(i, n);
        if w.stops > 0 {
            let _ = write!(
                out,
                "<text class=\"stop\" x=\"{x:.1}\" y=\"12\" text-anchor=\"middle\">S</text>"
            );
        }
        if w.warning_days > 0 {
            let _ = write!(
                out,
                "<text class=\"sign\" x=\"{x:.1}\" y=\"23\" text-anchor=\"middle\">!</text>"
            );
        }
    }
    let mondays: Vec<Date> = t.weeks.iter().map(|w| w.bar.week_start).collect();
    week_labels(&mut out, &plot, &mondays);
    let legend_y = height - 8.0;
    let mut x = plot.left;
    for s in &series {
        let _ = write!(
            out,
            "<line class=\"{} line\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
            s.class,
            legend_y - 3.5,
            x + 22.0,
            legend_y - 3.5
        );
        marker(&mut out, s.marker, s.class, x + 11.0, legend_y - 3.5);
        let _ = write!(
            out,
            "<text class=\"axis\" x=\"{:.1}\" y=\"{legend_y:.1}\">{}</text>",
            x + 27.0,
            s.label
        );
        x += 27.0 + s.label.len() as f64 * 6.2 + 18.0;
    }
    let _ = write!(
        out,
        "<text class=\"stop\" x=\"{x:.1}\" y=\"{legend_y:.1}\">S</text>\
<text class=\"axis\" x=\"{:.1}\" y=\"{legend_y:.1}\">safety stop</text>\
<text class=\"sign\" x=\"{:.1}\" y=\"{legend_y:.1}\">!</text>\
<text class=\"axis\" x=\"{:.1}\" y=\"{legend_y:.1}\">warning sign</text>",
        x + 10.0,
        x + 90.0,
        x + 98.0
    );
    out.push_str("</svg>");
    out
}

/// One exercise's dose as a step line over the window: each step up the
/// progression ladder climbs, a step back drops (and is circled).
pub fn dose(series: &DoseSeries, window: Window, id: &str) -> String {
    let mut out = String::new();
    let height = 64.0;
    let plot = Plot::new(height, 8.0, 8.0, 8.0);
    let desc = format!("{}: {}", series.name, series.summary());
    open(
        &mut out,
        height,
        id,
        &format!("Dose of {} over time", series.name),
        &desc,
    );
    let days = window.days();
    let x_of = |date: Date| {
        let offset = window.from().until(date).map_or(0, |s| s.get_days());
        plot.left + plot.width * (offset as f64 + 0.5) / days.max(1) as f64
    };
    let top = series.top_level().max(1) as f64;
    let y_of = |level: usize| plot.y(level as f64, top);
    let _ = write!(
        out,
        "<line class=\"grid\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        plot.left,
        plot.bottom(),
        plot.right(),
        plot.bottom()
    );
    let mut path = String::new();
    for p in series.changes() {
        let (x, y) = (x_of(p.date), y_of(p.level));
        if path.is_empty() {
            let _ = write!(path, "M{x:.1} {y:.1}");
        } else {
            let _ = write!(path, "H{x:.1}V{y:.1}");
        }
    }
    if let Some(last) = series.latest() {
        let _ = write!(path, "H{:.1}", x_of(last.date));
    }
    let _ = write!(out, "<path class=\"dose\" d=\"{path}\"/>");
    for p in series
        .points
        .iter()
        .filter(|p| p.change == DoseChange::Down)
    {
        let _ = write!(
            out,
            "<circle class=\"back\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"><title>{}: back to {}</title></circle>",
            x_of(p.date),
            y_of(p.level),
            escape(&dates::short_date(p.date)),
            escape(&p.dose.label())
        );
    }
    out.push_str("</svg>");
    out
}
