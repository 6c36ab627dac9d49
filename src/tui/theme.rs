//! Colours and emphasis, one place for all screens.
//!
//! Only the terminal's 8 basic named colours and modifiers are used, never a
//! fixed background, so every screen reads on dark and light themes alike
//! and on any colour terminal (16 colours are enough); with `NO_COLOR` or a
//! terminal without colour, emphasis falls back to bold, reverse and
//! underline. With `ascii`, borders, gauges and symbols are ASCII.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// The styles screens draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False with `NO_COLOR` or a terminal without colour: modifiers only.
    pub color: bool,
    /// ASCII drawing only: the locale is not UTF-8, or `--ascii`.
    pub ascii: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            ascii: false,
        }
    }
}

/// Borders drawn with `+`, `-` and `|`.
pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// From what the terminal can do (see [`super::caps`]): `NO_COLOR`,
    /// `TERM`, the locale's character set.
    pub fn from_env() -> Theme {
        super::caps::Caps::detect(false).theme()
    }

    /// No colour, Unicode drawing: what `NO_COLOR` gives on a UTF-8 terminal.
    pub const fn monochrome() -> Theme {
        Theme {
            color: false,
            ascii: false,
        }
    }

    /// The border of a panel: rounded, or ASCII.
    pub fn border_set(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::ROUNDED
        }
    }

    /// The filled and empty parts of a line gauge.
    pub fn gauge_symbols(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("#", "-")
        } else {
            ("━", "─")
        }
    }

    /// A word separator in a line: `·`, or `-` in ASCII.
    pub fn dot(&self) -> &'static str {
        if self.ascii { "-" } else { "·" }
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
