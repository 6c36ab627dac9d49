//! The trends screen: discomfort, adherence and doses over the last 6, 12 or
//! 26 weeks, and the six-week reading in words.
//!
//! Drawn from [`Trends`] figures computed before it opens (one per span, so
//! the toggle needs no disk); keys become [`TrendsAction`]s. Every series
//! differs by its symbol as well as its colour, and a legend names the
//! symbols, so the charts read with `NO_COLOR`; with `ascii` set every
//! symbol, border and axis is plain ASCII.

use crate::domain::dates;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::symbols::{self, Marker};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Block, Borders, Chart, Dataset, GraphType, Paragraph, Sparkline, Wrap,
};

use crate::rules::trends::{DoseSeries, SPANS, Trends};
use crate::tui::theme::Theme;

/// What the app should do after a key on the trends screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendsAction {
    /// Nothing changed.
    None,
    /// The span changed: draw again.
    Redraw,
    /// Back to the previous screen.
    Back,
    /// Leave the application.
    Quit,
}

/// The trends screen's state: the figures for each span and the span shown.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendsScreen {
    /// One per [`SPANS`] entry, in that order.
    pub spans: Vec<Trends>,
    /// Index into `spans`.
    pub selected: usize,
    /// Draw with ASCII characters only (borders, bars, markers, axes).
    pub ascii: bool,
}

/// The symbols one drawing mode uses.
struct Glyphs {
    checkin: char,
    closing: char,
    mean: Marker,
    mean_legend: &'static str,
    up: &'static str,
    down: &'static str,
    arrow: &'static str,
    met: &'static str,
}

/// The smallest scale of a dose sparkline, in ladder levels.
const SPARK_MIN_MAX: u64 = 4;

const UNICODE: Glyphs = Glyphs {
    checkin: '•',
    closing: '×',
    mean: Marker::Braille,
    mean_legend: "⠤⠤",
    up: "↑",
    down: "↓",
    arrow: "→",
    met: "✓",
};

const ASCII: Glyphs = Glyphs {
    checkin: 'o',
    closing: 'x',
    mean: Marker::Custom('.'),
    mean_legend: "..",
    up: "^",
    down: "v",
    arrow: "->",
    met: "*",
};

const ASCII_BORDER: symbols::border::Set = symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

const ASCII_BARS: symbols::bar::Set = symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "=",
    five_eighths: "=",
    half: "-",
    three_eighths: "-",
    one_quarter: "_",
    one_eighth: "_",
    empty: " ",
};

impl TrendsScreen {
    /// A screen on `spans` (one per [`SPANS`] entry), showing the first.
    pub fn new(spans: Vec<Trends>) -> TrendsScreen {
        TrendsScreen {
            spans,
            selected: 0,
            ascii: false,
        }
    }

    /// The figures shown.
    pub fn shown(&self) -> Option<&Trends> {
        self.spans.get(self.selected)
    }

    /// Turns a key into an action; only the span toggle changes state.
    pub fn on_key(&mut self, key: KeyEvent) -> TrendsAction {
        if key.kind == KeyEventKind::Release {
            return TrendsAction::None;
        }
        let n = self.spans.len().max(1);
        let before = self.selected;
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return TrendsAction::Quit;
            }
            KeyCode::Right | KeyCode::Char('l') => self.selected = (self.selected + 1).min(n - 1),
            KeyCode::Left | KeyCode::Char('h') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Tab => self.selected = (self.selected + 1) % n,
            KeyCode::BackTab => self.selected = (self.selected + n - 1) % n,
            KeyCode::Char('q') | KeyCode::Esc => return TrendsAction::Back,
            _ => return TrendsAction::None,
        }
        if self.selected == before {
            TrendsAction::None
        } else {
            TrendsAction::Redraw
        }
    }

    fn glyphs(&self) -> &'static Glyphs {
        if self.ascii { &ASCII } else { &UNICODE }
    }

    fn block(&self, title: String, theme: &Theme) -> Block<'static> {
        let block = Block::default()
            .borders(Borders::ALL)
            .title_top(Line::styled(title, theme.title()));
        if self.ascii {
            block.border_set(ASCII_BORDER)
        } else {
            block
        }
    }

    /// Draws the screen into `area`: fits 80×24, and gives larger terminals
    /// taller charts.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let Some(t) = self.shown() else {
            return;
        };
        let reading = self.reading_lines(t, theme);
        let width = usize::from(area.width.max(1));
        let reading_rows = reading
            .iter()
            .map(|l| l.width().div_ceil(width).max(1))
            .sum::<usize>()
            .min(4) as u16;
        let dose_rows = t
            .main_routine()
            .map_or(1, |r| r.exercises.len() + 1)
            .min(usize::from(area.height / 3)) as u16;
        let [title, reading_area, charts, doses, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(reading_rows),
            Constraint::Min(8),
            Constraint::Length(dose_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_title(frame, title, t, theme);
        frame.render_widget(
            Paragraph::new(reading).wrap(Wrap { trim: true }),
            reading_area,
        );
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(charts);
        self.render_discomfort(frame, left, t, theme);
        self.render_adherence(frame, right, t, theme);
        self.render_doses(frame, doses, t, theme);
        self.render_footer(frame, footer, theme);
        if self.ascii {
            asciify(frame.buffer_mut(), area);
        }
    }

    fn reading_lines(&self, t: &Trends, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines = vec![Line::styled(t.reading.headline(), theme.text())];
        if let Some(advice) = t.reading.advice() {
            let style = if t.reading.advises_professional() {
                theme.danger()
            } else {
                theme.warn()
            };
            lines.push(Line::from(vec![
                Span::styled("! ", style),
                Span::styled(advice, style),
            ]));
        }
        lines
    }

    fn render_title(&self, frame: &mut Frame, area: Rect, t: &Trends, theme: &Theme) {
        let mut toggle = Vec::new();
        for (i, weeks) in SPANS.iter().enumerate() {
            let text = if i == self.selected {
                format!("[{weeks}]")
            } else {
                format!(" {weeks} ")
            };
            let style = if i == self.selected {
                theme.selected()
            } else {
                theme.dim()
            };
            toggle.push(Span::styled(text, style));
        }
        toggle.push(Span::styled(" weeks", theme.dim()));
        let toggle = Line::from(toggle);
        let [left, right] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(toggle.width() as u16),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("Trends · {}", t.window.label()),
                theme.title(),
            )),
            left,
        );
        frame.render_widget(Paragraph::new(toggle), right);
    }

    fn render_discomfort(&self, frame: &mut Frame, area: Rect, t: &Trends, theme: &Theme) {
        let g = self.glyphs();
        let checkins: Vec<(f64, f64)> = t
            .days
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.checkin.map(|v| (i as f64, f64::from(v) / 10.0)))
            .collect();
        let closing: Vec<(f64, f64)> = t
            .days
            .iter()
            .enumerate()
            .flat_map(|(i, d)| d.closing.iter().map(move |v| (i as f64, f64::from(*v))))
            .collect();
        let means: Vec<(f64, f64)> = t
            .weeks
            .iter()
            .enumerate()
            .filter_map(|(w, week)| {
                week.checkin
                    .map(|v| ((w * 7 + 3) as f64, f64::from(v) / 10.0))
            })
            .collect();
        let stops: Vec<(f64, f64)> = t
            .days
            .iter()
            .enumerate()
            .filter(|(_, d)| d.stop)
            .map(|(i, _)| (i as f64, 10.0))
            .collect();
        let signs: Vec<(f64, f64)> = t
            .days
            .iter()
            .enumerate()
            .filter(|(_, d)| d.warning)
            .map(|(i, _)| (i as f64, 9.0))
            .collect();
        let datasets = vec![
            Dataset::default()
                .marker(g.mean)
                .graph_type(GraphType::Line)
                .style(theme.warn())
                .data(&means),
            Dataset::default()
                .marker(Marker::Custom(g.checkin))
                .graph_type(GraphType::Scatter)
                .style(theme.accent())
                .data(&checkins),
            Dataset::default()
                .marker(Marker::Custom(g.closing))
                .graph_type(GraphType::Scatter)
                .style(theme.ok())
                .data(&closing),
            Dataset::default()
                .marker(Marker::Custom('!'))
                .graph_type(GraphType::Scatter)
                .style(theme.danger())
                .data(&signs),
            Dataset::default()
                .marker(Marker::Custom('S'))
                .graph_type(GraphType::Scatter)
                .style(theme.danger())
                .data(&stops),
        ];
        let last = t.days.len().saturating_sub(1);
        let legend = Line::from(vec![
            Span::styled(format!("{} ", g.checkin), theme.accent()),
            Span::styled("check-in ", theme.dim()),
            Span::styled(format!("{} ", g.closing), theme.ok()),
            Span::styled("end ", theme.dim()),
            Span::styled(format!("{} ", g.mean_legend), theme.warn()),
            Span::styled("week mean ", theme.dim()),
            Span::styled("S", theme.danger()),
            Span::styled(" stop ", theme.dim()),
            Span::styled("!", theme.danger()),
            Span::styled(" sign", theme.dim()),
        ]);
        let chart = Chart::new(datasets)
            .block(
                self.block("Discomfort 0–10".to_string(), theme)
                    .title_bottom(legend),
            )
            .x_axis(
                Axis::default()
                    .bounds([0.0, last.max(1) as f64])
                    .labels([
                        dates::day_month(t.window.from()),
                        dates::day_month(t.window.to()),
                    ])
                    .style(theme.dim()),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, 10.0])
                    .labels(["0", "5", "10"])
                    .style(theme.dim()),
            );
        frame.render_widget(chart, area);
        if checkins.is_empty() && closing.is_empty() {
            let inner = Rect {
                x: area.x + 8,
                y: area.y + area.height / 2,
                width: area.width.saturating_sub(8),
                height: 1,
            };
            frame.render_widget(
                Paragraph::new(Span::styled("No ratings in these weeks yet.", theme.dim())),
                inner,
            );
        }
    }

    fn render_adherence(&self, frame: &mut Frame, area: Rect, t: &Trends, theme: &Theme) {
        let g = self.glyphs();
        let n = t.weeks.len().max(1) as u16;
        // Each week gets a bar and a one-column gap while they fit.
        let slot = (area.width.saturating_sub(2) + 1) / n;
        let (bar_width, gap) = if slot >= 2 {
            ((slot - 1).min(5), 1)
        } else {
            (1, 0)
        };
        let labelled = bar_width >= 3;
        let bars: Vec<Bar> = t
            .weeks
            .iter()
            .map(|w| {
                let style = if w.bar.met { theme.ok() } else { theme.gauge() };
                // Met weeks carry a mark, so they read without colour.
                let met = if w.bar.met { g.met } else { "" };
                let value = if labelled {
                    format!("{}{met}", w.bar.active_days)
                } else {
                    met.to_string()
                };
                let label = if labelled {
                    format!("W{:02}", w.bar.iso_week)
                } else {
                    String::new()
                };
                Bar::with_label(label, u64::from(w.bar.active_days))
                    .text_value(value)
                    .style(style)
            })
            .collect();
        let title = format!("Active days · target {}", t.target);
        let mut chart = BarChart::vertical(bars)
            .block(self.block(title, theme).title_bottom(Line::styled(
                format!(
                    "{} target met: {} of {} weeks",
                    g.met,
                    t.weeks_met(),
                    t.weeks.len()
                ),
                theme.dim(),
            )))
            .bar_width(bar_width)
            .bar_gap(gap)
            .max(7)
            .value_style(theme.text().add_modifier(Modifier::REVERSED))
            .label_style(theme.dim());
        if self.ascii {
            chart = chart.bar_set(ASCII_BARS);
        }
        frame.render_widget(chart, area);
    }

    fn render_doses(&self, frame: &mut Frame, area: Rect, t: &Trends, theme: &Theme) {
        if area.height == 0 {
            return;
        }
        let Some(routine) = t.main_routine() else {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    "Doses: no exercise recorded in these weeks yet.",
                    theme.dim(),
                )),
                area,
            );
            return;
        };
        let rows =
            Layout::vertical(vec![Constraint::Length(1); usize::from(area.height)]).split(area);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled("Doses", theme.title()),
                Span::styled(
                    format!(
                        ", start {} now ({} up, {} step back) · ",
                        self.glyphs().arrow,
                        self.glyphs().up,
                        self.glyphs().down
                    ),
                    theme.dim(),
                ),
                Span::styled(routine.routine_name.clone(), theme.title()),
                Span::styled(
                    format!(
                        ", {} session{}",
                        routine.sessions,
                        if routine.sessions == 1 { "" } else { "s" }
                    ),
                    theme.dim(),
                ),
            ])),
            rows[0],
        );
        for (series, row) in routine.exercises.iter().zip(rows.iter().skip(1)) {
            self.render_dose_row(frame, *row, series, t, theme);
        }
    }

    fn render_dose_row(
        &self,
        frame: &mut Frame,
        area: Rect,
        series: &DoseSeries,
        t: &Trends,
        theme: &Theme,
    ) {
        let g = self.glyphs();
        let (Some(first), Some(latest)) = (series.first(), series.latest()) else {
            return;
        };
        let doses = if first.dose == latest.dose {
            latest.dose.short()
        } else {
            format!("{} {} {}", first.dose.short(), g.arrow, latest.dose.short())
        };
        let counts = format!("{}{} {}{}", g.up, series.ups(), g.down, series.step_backs());
        let [name, dose, counts_area, spark] = Layout::horizontal([
            Constraint::Length(20),
            Constraint::Length(20),
            Constraint::Length(8),
            Constraint::Min(0),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(series.name.clone(), theme.text())),
            name,
        );
        frame.render_widget(Paragraph::new(Span::styled(doses, theme.accent())), dose);
        let count_style = if series.step_backs() > 0 {
            theme.warn()
        } else {
            theme.dim()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(counts, count_style)),
            counts_area,
        );
        let columns = usize::from(spark.width);
        let mut levels: Vec<Option<u64>> = vec![None; columns];
        let days = t.days.len().max(1);
        for p in &series.points {
            let offset = t
                .window
                .from()
                .until(p.date)
                .map_or(0, |s| s.get_days().max(0) as usize);
            if let Some(slot) = levels.get_mut(offset * columns / days) {
                *slot = Some(p.level as u64 + 1);
            }
        }
        // A dose that never moved stays low rather than filling the row.
        let mut sparkline = Sparkline::default()
            .data(levels)
            .max((series.top_level() as u64 + 1).max(SPARK_MIN_MAX))
            .style(theme.gauge())
            .absent_value_symbol(" ");
        if self.ascii {
            sparkline = sparkline.bar_set(ASCII_BARS);
        }
        frame.render_widget(sparkline, spark);
    }

    fn render_footer(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let keys = [
            (
                if self.ascii { "<-/->" } else { "←/→" },
                "6 · 12 · 26 weeks",
            ),
            ("q", "back"),
        ];
        let mut spans = Vec::new();
        for (i, (key, what)) in keys.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled("  ", theme.dim()));
            }
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::styled(format!(" {what}"), theme.dim()));
        }
        spans.push(Span::styled(
            "   backcoach report: a summary for your clinician",
            theme.dim(),
        ));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// Replaces what is left of non-ASCII drawing and punctuation in `area`
/// (the chart axes ratatui always draws with line characters, separators in
/// titles) with ASCII look-alikes; markers and bars are chosen in ASCII already.
fn asciify(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                let plain = match cell.symbol() {
                    "│" => "|",
                    "─" => "-",
                    "└" | "┌" | "┐" | "┘" | "╭" | "╮" | "╰" | "╯" => "+",
                    "·" => ".",
                    "–" | "—" => "-",
                    "→" => ">",
                    "×" => "x",
                    "✓" => "*",
                    s if s.is_ascii() => continue,
                    _ => "?",
                };
                cell.set_symbol(plain);
            }
        }
    }
}
