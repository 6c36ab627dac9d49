//! The exercise browser: every catalog exercise, with its details.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use crate::catalog::{self, Catalog, Exercise};
use crate::rules::build_up::BuildUp;
use crate::tui::theme::Theme;
use crate::tui::widgets::{figure, key_hints, panel};

/// What the browser asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowserAction {
    /// Stay on the browser (the key moved the selection or scrolled).
    None,
    /// Back to the home screen.
    Back,
}

/// The browser's state: which exercise is selected, how far the detail scrolled.
#[derive(Debug, Clone, Default)]
pub struct BrowserScreen {
    selected: usize,
    scroll: u16,
}

impl BrowserScreen {
    /// Handles a key; `count` is the number of exercises.
    pub fn on_key(&mut self, key: KeyEvent, catalog: &Catalog) -> BrowserAction {
        let count = catalog.exercises.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.saturating_sub(1);
                self.scroll = 0;
            }
            KeyCode::Down | KeyCode::Char('j') => {
                if self.selected + 1 < count {
                    self.selected += 1;
                }
                self.scroll = 0;
            }
            KeyCode::PageDown => self.scroll = self.scroll.saturating_add(5),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(5),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = count.saturating_sub(1),
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('h') => return BrowserAction::Back,
            KeyCode::Char(c) if c.is_ascii_alphabetic() => {
                // Jump to the next exercise starting with that letter.
                let c = c.to_ascii_lowercase();
                let start = self.selected + 1;
                let found = (0..count).map(|i| (start + i) % count.max(1)).find(|&i| {
                    catalog.exercises[i]
                        .name
                        .to_ascii_lowercase()
                        .starts_with(c)
                });
                if let Some(i) = found {
                    self.selected = i;
                    self.scroll = 0;
                }
            }
            _ => {}
        }
        BrowserAction::None
    }

    /// Draws the screen.
    pub fn render(&self, frame: &mut Frame, area: Rect, catalog: &Catalog, theme: &Theme) {
        let [body, foot] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(1)]).areas(area);
        let [list_area, detail_area] =
            Layout::horizontal([Constraint::Length(34), Constraint::Min(30)]).areas(body);
        let items: Vec<ListItem> = catalog
            .exercises
            .iter()
            .map(|e| {
                ListItem::new(Line::from(vec![
                    Span::raw(e.name.clone()),
                    Span::styled(format!("  {}", e.category.label()), theme.dim()),
                ]))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(panel(theme).title_top(Line::from(Span::styled(
                    format!(" Exercises ({}) ", catalog.exercises.len()),
                    theme.title(),
                ))))
                .highlight_style(theme.selected()),
            list_area,
            &mut state,
        );
        // The figure scrolls with the words (issue 17): as wide as the pane.
        let text_width = detail_area.width.saturating_sub(2);
        let lines = catalog
            .exercises
            .get(self.selected)
            .map(|e| detail_lines(e, catalog, text_width, theme))
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0))
                .block(panel(theme)),
            detail_area,
        );
        frame.render_widget(
            Paragraph::new(key_hints(
                theme,
                &[
                    ("↑↓", "choose"),
                    ("a–z", "jump"),
                    ("PgUp/PgDn", "scroll"),
                    ("Esc", "back"),
                ],
            )),
            foot,
        );
    }
}

fn detail_lines<'a>(
    e: &'a Exercise,
    catalog: &'a Catalog,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::from(Span::styled(e.name.as_str(), theme.title())),
        Line::from(Span::styled(
            format!(
                "{} · {} · {}",
                e.category.label(),
                e.level.label(),
                e.dose.summary()
            ),
            theme.accent(),
        )),
    ];
    lines.extend(figure::pose_lines(e, width, figure::mode(), theme));
    for own in &e.ours {
        lines.push(Line::from(Span::styled(own.note(), theme.dim())));
    }
    let build_up = BuildUp::of_exercise(e);
    for (i, start) in build_up.start_lines().into_iter().enumerate() {
        let label = if i == 0 { "Start at: " } else { "          " };
        lines.push(Line::raw(format!("{label}{start}")));
    }
    lines.push(Line::raw(format!(
        "Build to: {}",
        build_up.build_to_words()
    )));
    lines.push(Line::raw(format!("Targets: {}", e.targets.join(", "))));
    if !e.equipment.is_empty() {
        let q: Vec<_> = e.equipment.iter().map(|q| q.label()).collect();
        lines.push(Line::raw(format!("Equipment: {}", q.join(", "))));
    }
    lines.push(Line::raw(format!("Position: {}", e.position)));
    lines.push(Line::raw(""));
    for (i, step) in e.steps.iter().enumerate() {
        lines.push(Line::raw(format!("{}. {step}", i + 1)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Key cue: ", theme.dim()),
        Span::styled(e.cue.as_str(), theme.warn()),
    ]));
    for c in &e.cautions {
        lines.push(Line::from(Span::styled(format!("! {c}"), theme.warn())));
    }
    for l in &e.loading {
        lines.push(Line::from(Span::styled(
            format!("! Spine loading: {}. {}", l.words(), l.advice()),
            theme.warn(),
        )));
    }
    if let Some(alt) = e.alternative.as_deref().and_then(|a| catalog.exercise(a)) {
        lines.push(Line::raw(format!(
            "Gentler or no-equipment option: {}",
            alt.name
        )));
    }
    if let Some(h) = e.harder.as_deref().and_then(|a| catalog.exercise(a)) {
        lines.push(Line::raw(format!("Harder variation: {}", h.name)));
    }
    let titles: Vec<String> = e
        .sources
        .iter()
        .map(|s| catalog::source_title(catalog, s))
        .collect();
    lines.push(Line::from(Span::styled(
        format!("Source: {}", titles.join("; ")),
        theme.dim(),
    )));
    lines
}
