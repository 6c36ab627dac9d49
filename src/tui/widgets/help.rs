//! The `?` overlay outside a session: the keys of the screen you are on,
//! each with what it does, in a box over the screen. Any key closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{BorderType, Clear, Paragraph, Wrap};

use super::{centered, frame_of, hanging};
use crate::tui::theme::Theme;

/// One screen's keys for the overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// The screen's name, in the overlay's title ("Keys: home").
    pub screen: &'static str,
    /// Each key (as it is typed) and what it does.
    pub keys: Vec<(&'static str, &'static str)>,
}

/// The closing line of every help overlay.
const CLOSE: &str = "Any key closes this help.";

impl Help {
    /// Draws the overlay centred in `area`, as wide as the keys need (at most `area`).
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let key_width = self
            .keys
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(1)
            + 2;
        let longest = self
            .keys
            .iter()
            .map(|(_, what)| what.chars().count())
            .max()
            .unwrap_or(0);
        let width = (key_width + longest + 4)
            .max(CLOSE.len() + 4)
            .min(usize::from(area.width)) as u16;
        let text_width = usize::from(width.saturating_sub(4)).saturating_sub(key_width);
        let indent = " ".repeat(key_width + 1);
        let mut lines: Vec<Line> = Vec::new();
        for (key, what) in &self.keys {
            let mut wrapped = hanging(what, text_width.max(10), "", "").into_iter();
            let first = wrapped.next().map(|l| l.to_string()).unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!(" {key:<key_width$}"), theme.key()),
                Span::raw(first),
            ]));
            lines.extend(wrapped.map(|l| Line::raw(format!("{indent}{l}"))));
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(format!(" {CLOSE}"), theme.dim())));
        let height = (lines.len() as u16 + 2).min(area.height);
        let rect = centered(area, width, height);
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                frame_of(theme, BorderType::Double)
                    .border_style(theme.title())
                    .title_top(Line::from(Span::styled(
                        format!(" Keys: {} ", self.screen),
                        theme.title(),
                    ))),
            ),
            rect,
        );
    }
}
