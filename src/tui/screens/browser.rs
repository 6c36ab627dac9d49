//! The exercise browser: every catalog exercise, with its details; `/`
//! searches names, targets and categories as you type, and Enter offers to
//! do the selected exercise now, on its own.

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{BorderType, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::catalog::{self, Catalog, Exercise};
use crate::rules::build_up::BuildUp;
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, figure, frame_of, hanging, key_hints, panel};

/// What the browser asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserAction {
    /// Stay on the browser (the key moved the selection, scrolled or searched).
    None,
    /// Back to the home screen.
    Back,
    /// Do the exercise with this id now, on its own: the check-in first.
    DoNow(String),
}

/// The browser's state: the search, which match is selected, how far the
/// detail scrolled.
#[derive(Debug, Clone, Default)]
pub struct BrowserScreen {
    /// Index into the exercises that match the search.
    selected: usize,
    scroll: u16,
    /// The search as typed (empty: every exercise).
    query: String,
    /// Keys go to the search line.
    typing: bool,
    /// "Do it now?" is asked about this exercise.
    offer: Option<String>,
    /// How far the detail can scroll, as last drawn (a layout fact:
    /// `PgDn` never scrolls a detail that already fits).
    max_scroll: Cell<u16>,
}

/// Whether `e` matches the search `query` (lower case): its name, id, other
/// names, targets or category.
fn matches(e: &Exercise, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let has = |text: &str| text.to_lowercase().contains(query);
    has(&e.name)
        || has(&e.id)
        || has(e.category.label())
        || e.aliases.iter().any(|a| has(a))
        || e.targets.iter().any(|t| has(t))
}

impl BrowserScreen {
    /// Whether keys are going to the search line (`?` is then a character).
    pub fn typing(&self) -> bool {
        self.typing
    }

    /// The exercises that match the search, in catalog order.
    fn shown<'c>(&self, catalog: &'c Catalog) -> Vec<&'c Exercise> {
        let query = self.query.to_lowercase();
        catalog
            .exercises
            .iter()
            .filter(|e| matches(e, &query))
            .collect()
    }

    fn select(&mut self, i: usize) {
        self.selected = i;
        self.scroll = 0;
    }

    /// Handles a key.
    pub fn on_key(&mut self, key: KeyEvent, catalog: &Catalog) -> BrowserAction {
        if let Some(id) = self.offer.take() {
            return match key.code {
                KeyCode::Enter | KeyCode::Char('y') => BrowserAction::DoNow(id),
                _ => BrowserAction::None,
            };
        }
        let count = self.shown(catalog).len();
        match key.code {
            KeyCode::Up => self.select(self.selected.saturating_sub(1)),
            KeyCode::Down => self.select((self.selected + 1).min(count.saturating_sub(1))),
            KeyCode::Enter if self.typing => self.typing = false,
            KeyCode::Esc if self.typing => {
                self.typing = false;
                self.query.clear();
                self.select(0);
            }
            KeyCode::Backspace if self.typing => {
                self.query.pop();
                self.select(0);
            }
            KeyCode::Char(c) if self.typing => {
                self.query.push(c);
                self.select(0);
            }
            KeyCode::Char('/') => self.typing = true,
            KeyCode::Char('k') => self.select(self.selected.saturating_sub(1)),
            KeyCode::Char('j') => self.select((self.selected + 1).min(count.saturating_sub(1))),
            KeyCode::Enter => {
                self.offer = self.shown(catalog).get(self.selected).map(|e| e.id.clone());
            }
            KeyCode::PageDown => {
                self.scroll = self.scroll.saturating_add(5).min(self.max_scroll.get());
            }
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(5),
            KeyCode::Home => self.select(0),
            KeyCode::End => self.select(count.saturating_sub(1)),
            KeyCode::Esc if !self.query.is_empty() => {
                self.query.clear();
                self.select(0);
            }
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('h') => return BrowserAction::Back,
            KeyCode::Char(c) if c.is_ascii_alphabetic() => {
                // Jump to the next exercise starting with that letter.
                let c = c.to_ascii_lowercase();
                let shown = self.shown(catalog);
                let start = self.selected + 1;
                let found = (0..count)
                    .map(|i| (start + i) % count.max(1))
                    .find(|&i| shown[i].name.to_ascii_lowercase().starts_with(c));
                if let Some(i) = found {
                    self.select(i);
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
        let shown = self.shown(catalog);
        // Wide enough for the longest name and category, at most 45 %.
        let name_w = catalog
            .exercises
            .iter()
            .map(|e| e.name.chars().count())
            .max()
            .unwrap_or(10);
        let cat_w = catalog
            .exercises
            .iter()
            .map(|e| e.category.label().chars().count())
            .max()
            .unwrap_or(8);
        let list_w = ((name_w + cat_w + 4) as u16).clamp(30, body.width * 45 / 100);
        let [left, detail_area] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(30)]).areas(body);
        let [search_area, list_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(left);
        let search = if self.typing || !self.query.is_empty() {
            let cursor = if self.typing { "_" } else { "" };
            Line::from(vec![
                Span::styled(" Search: ", theme.dim()),
                Span::styled(format!("{}{cursor}", self.query), theme.accent()),
            ])
        } else {
            Line::from(Span::styled(" / search", theme.dim()))
        };
        frame.render_widget(Paragraph::new(search), search_area);
        // A row: the name (cut with … when it must be) and the category, in full.
        let room = usize::from(list_w.saturating_sub(2));
        let items: Vec<ListItem> = shown
            .iter()
            .map(|e| {
                let category = e.category.label();
                let name_room = room.saturating_sub(category.chars().count() + 2).max(4);
                let name: String = if e.name.chars().count() > name_room {
                    let cut: String = e.name.chars().take(name_room - 1).collect();
                    format!("{cut}…")
                } else {
                    e.name.clone()
                };
                let gap = room.saturating_sub(name.chars().count() + category.chars().count());
                ListItem::new(Line::from(vec![
                    Span::raw(name),
                    Span::raw(" ".repeat(gap.max(1))),
                    Span::styled(category, theme.dim()),
                ]))
            })
            .collect();
        let title = if shown.len() == catalog.exercises.len() {
            format!(" Exercises ({}) ", catalog.exercises.len())
        } else {
            format!(
                " Exercises ({} of {}) ",
                shown.len(),
                catalog.exercises.len()
            )
        };
        let block = panel(theme).title_top(Line::from(Span::styled(title, theme.title())));
        if items.is_empty() {
            frame.render_widget(
                Paragraph::new(format!("No exercise matches \"{}\".", self.query))
                    .wrap(Wrap { trim: true })
                    .block(block),
                list_area,
            );
        } else {
            let mut state = ListState::default().with_selected(Some(self.selected));
            frame.render_stateful_widget(
                List::new(items)
                    .block(block)
                    .highlight_style(theme.selected()),
                list_area,
                &mut state,
            );
        }
        // The figure scrolls with the words (issue 17): as wide as the pane.
        let text_width = detail_area.width.saturating_sub(2);
        let lines = shown
            .get(self.selected)
            .map(|e| detail_lines(e, catalog, text_width, theme))
            .unwrap_or_default();
        let detail = Paragraph::new(lines).wrap(Wrap { trim: false });
        let visible = detail_area.height.saturating_sub(2);
        let total = detail.line_count(detail_area.width.saturating_sub(2));
        self.max_scroll.set(
            u16::try_from(total)
                .unwrap_or(u16::MAX)
                .saturating_sub(visible),
        );
        frame.render_widget(
            detail
                .scroll((self.scroll.min(self.max_scroll.get()), 0))
                .block(panel(theme)),
            detail_area,
        );
        let hints: &[(&str, &str)] = if self.typing {
            &[
                ("type", "search"),
                ("↑↓", "choose"),
                ("Enter", "done"),
                ("Esc", "clear"),
            ]
        } else {
            &[
                ("↑↓", "choose"),
                ("/", "search"),
                ("Enter", "do it now"),
                ("PgUp/PgDn", "scroll"),
                ("?", "keys"),
                ("Esc", "back"),
            ]
        };
        frame.render_widget(Paragraph::new(key_hints(theme, hints)), foot);
        if let Some(e) = self.offer.as_deref().and_then(|id| catalog.exercise(id)) {
            render_offer(frame, area, e, theme);
        }
    }
}

/// "Do it now?": one exercise on its own, the usual way in.
fn render_offer(frame: &mut Frame, area: Rect, e: &Exercise, theme: &Theme) {
    let width = 60.min(area.width);
    let mut lines = vec![Line::from(Span::styled(
        format!(" Do the {} now, on its own?", e.name),
        theme.title(),
    ))];
    lines.extend(hanging(
        "The check-in comes first; the usual safety rules apply and the session is recorded.",
        usize::from(width.saturating_sub(4)),
        " ",
        " ",
    ));
    lines.push(Line::raw(""));
    lines.push(key_hints(
        theme,
        &[("Enter", "yes, start"), ("any other key", "no")],
    ));
    let rect = centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(frame_of(theme, BorderType::Double).border_style(theme.title())),
        rect,
    );
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
    lines.extend(figure::pose_lines(e, width, figure::mode(theme), theme));
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
