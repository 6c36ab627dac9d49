//! The week screen: the seven days with their status in words, the target
//! and its bar, this week against last, the streak, eight weeks of active
//! days, six weeks of check-in discomfort, and the notices.
//!
//! Drawn from a [`WeekSummary`] only; keys become [`WeekAction`]s for the
//! app to carry out (load another week, save a mark), so the screen never
//! touches the disk.

use crate::domain::dates;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Block, Borders, Chart, Dataset, GraphType, LineGauge, Paragraph, Wrap,
};

use crate::domain::DayMarkKind;
use crate::rules::week::{self, DayStatus, DaySummary, WeekSummary};
use crate::tui::theme::Theme;
use crate::tui::widgets::hanging;

/// What the app should do after a key on the week screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WeekAction {
    /// Nothing changed.
    None,
    /// The selection moved: draw again.
    Redraw,
    /// Load and show the week containing this date.
    ShowWeek(Date),
    /// Save this mark for the day (`None` clears it), then reload the week.
    MarkDay(Date, Option<DayMarkKind>),
    /// Open the trends screen.
    Trends,
    /// Back to the previous screen.
    Back,
    /// Leave the application.
    Quit,
}

/// The week screen's state: the summary shown and the selected day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekScreen {
    /// What is shown (replaced when another week is loaded).
    pub summary: WeekSummary,
    /// 0 (Monday) to 6 (Sunday).
    pub selected: usize,
}

/// The mark that `m` gives a day next: none → rest → sick → none.
pub fn next_mark(current: Option<DayMarkKind>) -> Option<DayMarkKind> {
    match current {
        None => Some(DayMarkKind::Rest),
        Some(DayMarkKind::Rest) => Some(DayMarkKind::Sick),
        Some(DayMarkKind::Sick) => None,
    }
}

impl WeekScreen {
    /// A screen on `summary`, with today selected when it is in that week.
    pub fn new(summary: WeekSummary) -> WeekScreen {
        let selected = today_index(&summary).unwrap_or(0);
        WeekScreen { summary, selected }
    }

    /// Shows another summary (after `ShowWeek` or `MarkDay`), keeping the
    /// selected weekday.
    pub fn set_summary(&mut self, summary: WeekSummary) {
        self.summary = summary;
        self.selected = self.selected.min(6);
    }

    /// The selected day.
    pub fn selected_day(&self) -> Option<&DaySummary> {
        self.summary.days.get(self.selected)
    }

    /// Turns a key into an action; only moving the selection changes state.
    pub fn on_key(&mut self, key: KeyEvent) -> WeekAction {
        if key.kind == KeyEventKind::Release {
            return WeekAction::None;
        }
        let start = self.summary.week_start;
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => WeekAction::Quit,
            KeyCode::Left | KeyCode::Char('h') => WeekAction::ShowWeek(dates::add_days(start, -7)),
            KeyCode::Right | KeyCode::Char('l') => WeekAction::ShowWeek(dates::add_days(start, 7)),
            KeyCode::Char('t') => WeekAction::Trends,
            KeyCode::Char('c') => {
                self.selected =
                    usize::try_from(self.summary.today.weekday().to_monday_zero_offset())
                        .unwrap_or(0);
                WeekAction::ShowWeek(self.summary.today)
            }
            KeyCode::Up | KeyCode::Char('k') if self.selected > 0 => {
                self.selected -= 1;
                WeekAction::Redraw
            }
            KeyCode::Down | KeyCode::Char('j') if self.selected < 6 => {
                self.selected += 1;
                WeekAction::Redraw
            }
            KeyCode::Char('m') => match self.selected_day() {
                Some(day) => WeekAction::MarkDay(day.date, next_mark(day.mark)),
                None => WeekAction::None,
            },
            KeyCode::Char('q') | KeyCode::Esc => WeekAction::Back,
            _ => WeekAction::None,
        }
    }

    /// Draws the screen into `area`; fits 80×24 and gives larger terminals
    /// taller charts, more notice lines and per-day sets and reps.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let s = &self.summary;
        // Each notice wrapped by hand, its later lines indented under its text.
        let width = usize::from(area.width.max(1));
        let notices: Vec<Line> = s
            .notices
            .iter()
            .flat_map(|n| {
                let style = if n.is_safety() {
                    theme.danger()
                } else {
                    theme.warn()
                };
                hanging(&n.text(), width, "! ", "  ")
                    .into_iter()
                    .enumerate()
                    .map(move |(i, line)| {
                        let text = line.to_string();
                        match text.strip_prefix("! ") {
                            Some(rest) if i == 0 => Line::from(vec![
                                Span::styled("! ", style),
                                Span::styled(rest.to_string(), theme.text()),
                            ]),
                            _ => Line::styled(text, theme.text()),
                        }
                    })
            })
            .collect();
        let notice_lines = notices.len();
        // Fixed rows: title 1, days 7, target 1, totals 2, streak 1, footer 1;
        // the charts keep at least 7 rows.
        let room = usize::from(area.height.saturating_sub(13 + 7));
        let notice_height = notice_lines.min(room) as u16;
        let [title, days, target, totals, streak, charts, notes, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(7),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(notice_height),
            Constraint::Length(1),
        ])
        .areas(area);

        self.render_title(frame, title, theme);
        self.render_days(frame, days, theme);
        self.render_target(frame, target, theme);
        let (this, last) = s.totals_labels();
        frame.render_widget(
            Paragraph::new(vec![
                totals_line(this, &s.this_week, theme.text()),
                totals_line(last, &s.last_week, theme.dim()),
            ]),
            totals,
        );
        let streak_style = if s.streak.weeks > 0 {
            theme.ok()
        } else {
            theme.text()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(s.streak_line(), streak_style)),
            streak,
        );
        self.render_charts(frame, charts, theme);
        frame.render_widget(Paragraph::new(notices).wrap(Wrap { trim: false }), notes);
        self.render_footer(frame, footer, theme);
    }

    fn render_title(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let s = &self.summary;
        let relative = s.relative_label();
        let [left, right] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(relative.len() as u16 + 1),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(Span::styled(s.title(), theme.title())), left);
        frame.render_widget(
            Paragraph::new(Span::styled(relative, theme.dim())).right_aligned(),
            right,
        );
    }

    fn render_days(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let wide = area.width >= 100;
        let lines: Vec<Line> = self
            .summary
            .days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let selected = i == self.selected;
                let mut spans = vec![
                    Span::raw(if selected { "▸ " } else { "  " }),
                    Span::raw(format!("{:<11}", dates::short_date(day.date))),
                    Span::styled(
                        format!("{:<12}", day.status.label()),
                        status_style(day.status, theme),
                    ),
                ];
                let mut rest = String::new();
                if day.minutes > 0 || !day.routines.is_empty() {
                    rest.push_str(&format!("{:>3} min  ", day.minutes));
                    if wide {
                        rest.push_str(&format!("{:>2} sets {:>3} reps  ", day.sets, day.reps));
                    }
                    rest.push_str(&day.routines.join(", "));
                }
                if let Some(mark) = day.mark
                    && !matches!(day.status, DayStatus::Rest | DayStatus::Sick)
                {
                    rest.push_str(&format!("  (marked {})", mark.label()));
                }
                spans.push(Span::styled(rest, theme.text()));
                let line = Line::from(spans);
                if selected {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn render_target(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let s = &self.summary;
        let label = s.target_line();
        let [text, bar] = Layout::horizontal([
            Constraint::Length(label.chars().count() as u16 + 2),
            Constraint::Min(0),
        ])
        .areas(area);
        let style = if s.met { theme.ok() } else { theme.text() };
        frame.render_widget(Paragraph::new(Span::styled(label, style)), text);
        frame.render_widget(
            LineGauge::default()
                .ratio(s.target.ratio(s.this_week.active_days))
                .label("")
                .filled_symbol("█")
                .unfilled_symbol("░")
                .filled_style(theme.gauge())
                .unfilled_style(theme.dim()),
            bar,
        );
    }

    fn render_charts(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        if area.height < 3 {
            return;
        }
        let s = &self.summary;
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        let bars: Vec<Bar> = s
            .recent_weeks
            .iter()
            .map(|w| {
                let style = if w.met { theme.ok() } else { theme.gauge() };
                Bar::with_label(format!("W{:02}", w.iso_week), u64::from(w.active_days))
                    .text_value(w.active_days.to_string())
                    .style(style)
            })
            .collect();
        let inner_width = left.width.saturating_sub(2);
        let bar_width = ((inner_width / 8).saturating_sub(1)).clamp(3, 6);
        frame.render_widget(
            BarChart::vertical(bars)
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title_top(Line::styled(
                            format!("Active days, last {} weeks", week::CHART_WEEKS),
                            theme.title(),
                        )),
                )
                .bar_width(bar_width)
                .bar_gap(1)
                .max(7)
                .value_style(
                    theme
                        .text()
                        .add_modifier(ratatui::style::Modifier::REVERSED),
                )
                .label_style(theme.dim()),
            left,
        );
        let weekly: Vec<String> = s
            .discomfort_weekly
            .iter()
            .map(|w| w.map_or("–".to_string(), |t| format!("{}.{}", t / 10, t % 10)))
            .collect();
        let points: Vec<(f64, f64)> = s
            .discomfort_daily
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i as f64, f64::from(v))))
            .collect();
        let last = s.discomfort_daily.len().saturating_sub(1);
        let first_day = dates::add_days(s.week_end(), -(last as i64));
        let chart = Chart::new(vec![
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.warn())
                .data(&points),
        ])
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title_top(Line::styled(
                    format!("Check-in discomfort, {} weeks", week::DISCOMFORT_WEEKS),
                    theme.title(),
                ))
                .title_bottom(Line::styled(
                    format!("weekly: {}", weekly.join(" ")),
                    theme.dim(),
                )),
        )
        .x_axis(
            Axis::default()
                .bounds([0.0, last as f64])
                .labels([dates::day_month(first_day), dates::day_month(s.week_end())])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 10.0])
                .labels(["0", "5", "10"])
                .style(theme.dim()),
        );
        frame.render_widget(chart, right);
    }

    fn render_footer(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let mark_hint = match self.selected_day() {
            Some(day) => match next_mark(day.mark) {
                Some(kind) => format!("mark {} as {}", dates::short_date(day.date), kind.label()),
                None => format!("clear mark of {}", dates::short_date(day.date)),
            },
            None => "mark day".into(),
        };
        let keys = [
            ("←/→", "week".to_string()),
            ("c", "this week".to_string()),
            ("↑/↓", "day".to_string()),
            ("m", mark_hint),
            ("t", "trends".to_string()),
            ("q", "back".to_string()),
        ];
        let mut spans = Vec::new();
        for (i, (key, what)) in keys.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled("  ", theme.dim()));
            }
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::styled(format!(" {what}"), theme.dim()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

fn today_index(summary: &WeekSummary) -> Option<usize> {
    summary.days.iter().position(|d| d.date == summary.today)
}

fn status_style(status: DayStatus, theme: &Theme) -> Style {
    match status {
        DayStatus::Done => theme.ok(),
        DayStatus::Partial => theme.warn(),
        DayStatus::Skipped | DayStatus::NotStarted => theme.dim(),
        DayStatus::Stopped => theme.danger(),
        DayStatus::Today => theme.accent(),
        DayStatus::Rest | DayStatus::Sick | DayStatus::Future => theme.dim(),
        DayStatus::Missed => theme.text(),
    }
}

fn totals_line(label: String, t: &week::WeekTotals, style: Style) -> Line<'static> {
    Line::styled(format!("{label}: {}", week::totals_words(t, " · ")), style)
}
