//! Colours and emphasis, one place for all screens.
//!
//! Only the terminal's named colours and modifiers are used, never a fixed
//! background, so every screen reads on dark and light themes alike; with
//! `NO_COLOR` set, emphasis falls back to bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

/// The styles screens draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` is set: modifiers only.
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

impl Theme {
    /// Honours the `NO_COLOR` convention (any non-empty value turns colour off).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Body text.
    pub fn text(&self) -> Style {
        Style::new()
    }
    /// Secondary text: hints, labels, what comes next.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
    /// Titles and the exercise name.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// The big numbers and the current count.
    pub fn accent(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// Good news: done, target met.
    pub fn ok(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }
    /// Attention: paused, partial, a notice.
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// Danger: the safety screen, a stop.
    pub fn danger(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    /// A key name in a hint line (`Space`, `p`).
    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// The selected row of a list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// A banner that must be seen even with sound off.
    pub fn banner(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// The filled part of a gauge.
    pub fn gauge(&self) -> Style {
        self.fg(Color::Cyan)
    }
}
