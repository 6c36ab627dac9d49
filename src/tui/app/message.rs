//! Short message screens: a routine that may not start now (and why), an
//! unknown routine, a profile that could not be read.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::theme::Theme;
use crate::tui::widgets::{hanging, key_hints, panel};

/// How a message looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain information.
    Plain,
    /// About safety: drawn in the danger style.
    Safety,
}

/// The ways on from a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Home or quit.
    HomeOrQuit,
    /// The profile could not be read: go on with a safe profile for this run
    /// (into the routine with this id), home, or quit.
    SafeProfile {
        /// The routine the user was on the way into.
        routine_id: String,
    },
    /// Read and go on: into this routine's check-in, or home when `None`.
    Continue {
        /// The routine the user was on the way into, if any.
        routine_id: Option<String>,
    },
}

/// A message screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The title line.
    pub title: String,
    /// One paragraph a line.
    pub lines: Vec<String>,
    /// How it looks.
    pub tone: Tone,
    /// The ways on.
    pub choice: Choice,
}

/// What a key on a message asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageAction {
    /// Nothing.
    None,
    /// The home screen.
    Home,
    /// Leave backcoach.
    Quit,
    /// Go on into this routine with a safe profile.
    ContinueSafely(String),
    /// Go on into this routine's check-in.
    Start(String),
}

impl Message {
    /// Handles a key.
    pub fn on_key(&self, key: KeyEvent) -> MessageAction {
        match (&self.choice, key.code) {
            (_, KeyCode::Char('q')) => MessageAction::Quit,
            (Choice::SafeProfile { routine_id }, KeyCode::Char('c')) => {
                MessageAction::ContinueSafely(routine_id.clone())
            }
            (Choice::Continue { routine_id }, KeyCode::Enter | KeyCode::Char(' ')) => {
                match routine_id {
                    Some(id) => MessageAction::Start(id.clone()),
                    None => MessageAction::Home,
                }
            }
            (_, KeyCode::Char('h') | KeyCode::Esc) => MessageAction::Home,
            (Choice::HomeOrQuit, KeyCode::Enter) => MessageAction::Home,
            _ => MessageAction::None,
        }
    }

    /// Draws it.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let title_style = match self.tone {
            Tone::Plain => theme.title(),
            Tone::Safety => theme.danger(),
        };
        let mut text = vec![
            Line::from(Span::styled(format!("  {}", self.title), title_style)),
            Line::raw(""),
        ];
        // Wrapped lines keep their indent (inside the border: 2 columns).
        let width = usize::from(area.width.saturating_sub(2));
        for line in &self.lines {
            let indent = "  ".to_string() + &" ".repeat(leading_spaces(line));
            text.extend(hanging(line.trim_start(), width, &indent, &indent));
        }
        text.push(Line::raw(""));
        if self.tone == Tone::Safety {
            text.push(Line::from(Span::styled(
                "  backcoach gives general guidance, not a diagnosis.",
                theme.dim(),
            )));
        }
        let hints: &[(&str, &str)] = match self.choice {
            Choice::HomeOrQuit => &[("h", "home"), ("q", "quit")],
            Choice::SafeProfile { .. } => &[
                ("c", "continue with a safe profile"),
                ("h", "home"),
                ("q", "quit"),
            ],
            Choice::Continue { .. } => &[("Enter", "continue"), ("q", "quit")],
        };
        text.push(Line::raw(""));
        text.push(key_hints(theme, hints));
        let border = match self.tone {
            Tone::Plain => theme.dim(),
            Tone::Safety => theme.danger(),
        };
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .block(panel(theme).border_style(border)),
            area,
        );
    }
}

/// How far a line of a message is indented (list items are).
fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start().len()
}
