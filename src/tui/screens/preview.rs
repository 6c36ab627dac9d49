//! The plan preview: today's dose of every exercise and why it changed.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::plan::Plan;
use crate::tui::theme::Theme;
use crate::tui::widgets::{key_hints, panel};

/// What the preview asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewAction {
    /// Stay on the preview (the key scrolled, or did nothing).
    None,
    /// Go on: to the check-in, or to the session once the check-in is done.
    Start,
    /// Back to the home screen without starting.
    Back,
}

/// The preview's state.
#[derive(Debug, Clone)]
pub struct PreviewScreen {
    /// The plan shown; starting hands it on to the check-in or the session.
    pub plan: Plan,
    /// A line shown above the plan (e.g. the check-in's baseline).
    pub note: Option<String>,
    scroll: u16,
}

impl PreviewScreen {
    /// A preview of `plan`.
    pub fn new(plan: Plan) -> PreviewScreen {
        PreviewScreen {
            plan,
            note: None,
            scroll: 0,
        }
    }

    /// Handles a key.
    pub fn on_key(&mut self, key: KeyEvent) -> PreviewAction {
        match key.code {
            KeyCode::Enter | KeyCode::Char(' ') => PreviewAction::Start,
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('h') => PreviewAction::Back,
            KeyCode::Down | KeyCode::Char('j') => {
                self.scroll = self.scroll.saturating_add(1);
                PreviewAction::None
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.scroll = self.scroll.saturating_sub(1);
                PreviewAction::None
            }
            _ => PreviewAction::None,
        }
    }

    /// Draws the screen.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [body, foot] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(1)]).areas(area);
        let mut lines: Vec<Line> = Vec::new();
        if let Some(note) = &self.note {
            lines.push(Line::from(Span::styled(note.clone(), theme.dim())));
            lines.push(Line::raw(""));
        }
        let mut part: Option<&str> = None;
        for (i, ex) in self.plan.exercises.iter().enumerate() {
            if ex.part.as_deref() != part {
                part = ex.part.as_deref();
                if let Some(p) = part {
                    lines.push(Line::from(Span::styled(p.to_string(), theme.warn())));
                }
            }
            lines.push(Line::from(vec![
                Span::styled(format!("{:>2}. ", i + 1), theme.dim()),
                Span::styled(ex.name.clone(), theme.text()),
                Span::styled(format!("  {}", ex.dose_label()), theme.accent()),
            ]));
            for reason in &ex.reasons {
                lines.push(Line::from(Span::styled(
                    format!("      {reason}"),
                    theme.dim(),
                )));
            }
        }
        // Notes already shown under their exercise are not repeated.
        let notes: Vec<&String> = self
            .plan
            .notes
            .iter()
            .filter(|n| !self.plan.exercises.iter().any(|e| e.reasons.contains(n)))
            .collect();
        if !notes.is_empty() {
            lines.push(Line::raw(""));
            for note in notes {
                lines.push(Line::from(Span::styled(format!("• {note}"), theme.warn())));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Mild discomfort (up to 5 of 10) is normal. Sharp, shooting or worsening pain: press s and stop.",
            theme.dim(),
        )));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0))
                .block(panel(theme).title_top(Line::from(Span::styled(
                    format!(" Today's plan: {} ", self.plan.routine_name),
                    theme.title(),
                )))),
            body,
        );
        frame.render_widget(
            Paragraph::new(key_hints(
                theme,
                &[("Enter", "start"), ("↑↓", "scroll"), ("Esc", "back")],
            )),
            foot,
        );
    }
}
