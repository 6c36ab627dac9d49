//! The home screen: the routines with their length and frequency, and the
//! ways to the week screen, the exercise browser and the profile.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use crate::catalog::Catalog;
use crate::tui::theme::Theme;
use crate::tui::widgets::{hanging, key_hints, panel};

/// One routine as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineRow {
    /// The routine's catalog id, passed on when it is chosen.
    pub id: String,
    /// The routine's name, as listed.
    pub name: String,
    /// The catalog's description of the routine, for the detail panel.
    pub summary: String,
    /// How long it takes, as shown ("10–15 min").
    pub minutes: String,
    /// How often to do it, in words ("4–5 days a week, once a day").
    pub frequency: String,
    /// Days a week alone, for the narrow list.
    pub days: String,
    /// The exercises, as `name — dose` lines.
    pub exercises: Vec<String>,
    /// "not before Thu 18:00" for intense routines inside their 48 hours.
    pub not_before: Option<String>,
}

/// What the home screen asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeAction {
    /// Nothing for the app to do (the key moved the selection, or did nothing).
    None,
    /// Go into the routine with this id: the check-in, then today's plan.
    Start(String),
    /// Open the week screen.
    Week,
    /// Open the trends screen.
    Trends,
    /// Open the exercise browser.
    Browse,
    /// Open the profile editor.
    Profile,
    /// Leave backcoach.
    Quit,
}

/// A line at the top of the home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeNotice {
    /// The sentence.
    pub text: String,
    /// About safety (drawn in the warning style) rather than plain news.
    pub safety: bool,
}

impl HomeNotice {
    /// A notice about safety.
    pub fn safety(text: String) -> HomeNotice {
        HomeNotice { text, safety: true }
    }

    /// Plain news.
    pub fn plain(text: String) -> HomeNotice {
        HomeNotice {
            text,
            safety: false,
        }
    }
}

/// How many notice lines the home screen gives room to (the rest wait).
const MAX_NOTICE_LINES: u16 = 4;

/// The home screen's state.
#[derive(Debug, Clone)]
pub struct HomeScreen {
    /// The catalog's routines, in catalog order.
    pub rows: Vec<RoutineRow>,
    /// A line about the last session or this week, when known.
    pub status: Option<String>,
    /// What to tell the user at the top, most important first: the coach's
    /// notices (no exercise today, the six-week rule…), unreadable files.
    pub notices: Vec<HomeNotice>,
    selected: usize,
}

impl HomeScreen {
    /// Rows from the catalog; intense routines' next-due times come from the app.
    pub fn new(catalog: &Catalog, not_before: impl Fn(&str) -> Option<String>) -> HomeScreen {
        let rows = catalog
            .routines
            .iter()
            .map(|r| RoutineRow {
                id: r.id.clone(),
                name: r.name.clone(),
                summary: r.summary.clone(),
                minutes: format!("{} min", r.minutes.label()),
                frequency: r.frequency_label(),
                days: format!("{} days a week", r.frequency.days_per_week.label()),
                exercises: r
                    .items
                    .iter()
                    .filter_map(|item| {
                        let e = catalog.exercise(&item.exercise)?;
                        Some(format!("{} — {}", e.name, r.item_dose(item, e).summary()))
                    })
                    .collect(),
                not_before: not_before(&r.id),
            })
            .collect();
        HomeScreen {
            rows,
            status: None,
            notices: Vec::new(),
            selected: 0,
        }
    }

    /// The selected routine's id.
    pub fn selected(&self) -> Option<&str> {
        self.rows.get(self.selected).map(|r| r.id.as_str())
    }

    /// Handles a key.
    pub fn on_key(&mut self, key: KeyEvent) -> HomeAction {
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.saturating_sub(1);
                HomeAction::None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                if self.selected + 1 < self.rows.len() {
                    self.selected += 1;
                }
                HomeAction::None
            }
            KeyCode::Enter | KeyCode::Char(' ') => match self.selected() {
                Some(id) => HomeAction::Start(id.to_string()),
                None => HomeAction::None,
            },
            KeyCode::Char('w') => HomeAction::Week,
            KeyCode::Char('t') => HomeAction::Trends,
            KeyCode::Char('e') => HomeAction::Browse,
            KeyCode::Char('p') => HomeAction::Profile,
            KeyCode::Char('q') | KeyCode::Esc => HomeAction::Quit,
            _ => HomeAction::None,
        }
    }

    /// Draws the screen.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        // Each notice wrapped here, so the lines counted are the lines shown.
        let width = usize::from(area.width.saturating_sub(1).max(10));
        let notice_lines: Vec<Line> = self
            .notices
            .iter()
            .flat_map(|n| {
                let style = if n.safety { theme.warn() } else { theme.text() };
                hanging(&n.text, width, " ", "   ")
                    .into_iter()
                    .map(move |l| Line::from(Span::styled(l.to_string(), style)))
            })
            .collect();
        // Room for every notice line the screen can spare (the list keeps 8 rows).
        let room = area.height.saturating_sub(11).max(MAX_NOTICE_LINES);
        let notice_height = (notice_lines.len() as u16).min(room);
        let [head, notices, body, foot, disclaimer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(notice_height),
            Constraint::Min(8),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        // The tagline gives way to the last session's line, which is never cut
        // short in the middle of a word: it ends with … when it must.
        let mut title = vec![Span::styled(" backcoach", theme.title())];
        let tagline = "  a calm coach for your back";
        let free = usize::from(area.width).saturating_sub(" backcoach".len());
        match &self.status {
            Some(status) => {
                let status = format!("   {status}");
                if status.chars().count() + tagline.len() <= free {
                    title.push(Span::styled(tagline, theme.dim()));
                }
                let status = if status.chars().count() > free {
                    let cut: String = status.chars().take(free.saturating_sub(1)).collect();
                    format!("{}…", cut.trim_end())
                } else {
                    status
                };
                title.push(Span::styled(status, theme.text()));
            }
            None => title.push(Span::styled(tagline, theme.dim())),
        }
        frame.render_widget(Paragraph::new(Line::from(title)), head);
        frame.render_widget(Paragraph::new(notice_lines), notices);

        let [list_area, detail_area] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        let items: Vec<ListItem> = self
            .rows
            .iter()
            .map(|r| {
                let mut lines = vec![Line::from(Span::styled(r.name.clone(), theme.text()))];
                let mut meta = format!("  {} · {}", r.minutes, r.days);
                if let Some(nb) = &r.not_before {
                    meta.push_str(&format!(" · {nb}"));
                }
                lines.push(Line::from(Span::styled(meta, theme.dim())));
                ListItem::new(lines)
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(
                    panel(theme).title_top(Line::from(Span::styled(" Routines ", theme.title()))),
                )
                .highlight_style(theme.selected())
                .highlight_symbol("▶ "),
            list_area,
            &mut state,
        );

        let mut detail: Vec<Line> = Vec::new();
        if let Some(r) = self.rows.get(self.selected) {
            detail.push(Line::from(Span::styled(r.name.clone(), theme.title())));
            detail.push(Line::raw(r.summary.clone()));
            detail.push(Line::raw(""));
            detail.push(Line::from(Span::styled(
                format!("About {} · {}", r.minutes, r.frequency),
                theme.dim(),
            )));
            if let Some(nb) = &r.not_before {
                detail.push(Line::from(Span::styled(
                    format!("Intense: give your back 48 hours — {nb}"),
                    theme.warn(),
                )));
            }
            detail.push(Line::raw(""));
            for e in &r.exercises {
                detail.push(Line::raw(format!("• {e}")));
            }
        }
        frame.render_widget(
            Paragraph::new(detail)
                .wrap(Wrap { trim: true })
                .block(panel(theme)),
            detail_area,
        );
        frame.render_widget(
            Paragraph::new(key_hints(
                theme,
                &[
                    ("↑↓", "choose"),
                    ("Enter", "start"),
                    ("w", "week"),
                    ("t", "trends"),
                    ("e", "exercises"),
                    ("p", "profile"),
                    ("?", "keys"),
                    ("q", "quit"),
                ],
            )),
            foot,
        );
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                " Not medical advice. Sharp or worsening pain: stop, and see a professional.",
                theme.dim(),
            ))),
            disclaimer,
        );
    }
}
