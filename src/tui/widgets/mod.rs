//! Small widgets and layout helpers the screens share.

pub mod ascii;
pub mod ascii_digits;
pub mod bigdigits;
pub mod figure;
pub mod help;

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::theme::Theme;

/// A centred rectangle of at most `width` × `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// The rounded (or ASCII), quiet frame around a screen's panels.
pub fn panel(theme: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .border_style(theme.dim())
}

/// A frame of `kind` (double, thick), or ASCII when the theme says so.
pub fn frame_of(theme: &Theme, kind: BorderType) -> Block<'static> {
    let block = Block::default().borders(Borders::ALL);
    if theme.ascii {
        block.border_set(super::theme::ASCII_BORDER)
    } else {
        block.border_type(kind)
    }
}

/// The frame of a prompt over a screen: double lines (ASCII when the theme
/// says so) in `style`, with `title` on top.
pub fn popup_frame<'a>(theme: &Theme, title: &str, style: Style) -> Block<'a> {
    frame_of(theme, BorderType::Double)
        .border_style(style)
        .title_top(Line::from(Span::styled(format!(" {title} "), style)))
}

/// A footer line of key hints: `Space rep · p pause · …`.
pub fn key_hints<'a>(theme: &Theme, hints: &[(&'a str, &'a str)]) -> Line<'a> {
    let mut spans = Vec::with_capacity(hints.len() * 3);
    for (i, (key, what)) in hints.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim()));
        }
        spans.push(Span::styled(*key, theme.key()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(*what, theme.text()));
    }
    Line::from(spans)
}

/// `text` wrapped to `width` columns, its first line after `first`, every
/// later line after `rest`: a wrapped line keeps its indent (ratatui's own
/// wrapping starts continuation lines at the left edge).
pub fn hanging(text: &str, width: usize, first: &str, rest: &str) -> Vec<Line<'static>> {
    let options = textwrap::Options::new(width.max(10))
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| Line::raw(l.into_owned()))
        .collect()
}

/// The smallest terminal every screen is laid out for.
pub const MIN_WIDTH: u16 = 80;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 24;
