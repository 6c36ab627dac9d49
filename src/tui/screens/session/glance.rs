//! The glance layout (`g`): for someone on the mat, a few steps from the
//! screen. Only the exercise's name, its set and side, the big number as
//! large as it fits, what it counts, and the gauge, all centred; what comes
//! next stays on the line under it. The steps and the key cue are left out.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{progress_bar, readout_text, render_number, widest};
use crate::plan::PlannedExercise;
use crate::session::View;
use crate::tui::theme::Theme;
use crate::tui::widgets::bigdigits::{BigDigits, Size};

/// Rows besides the big number: name, set, a blank, a blank, caption, gauge.
const BESIDE_DIGITS: u16 = 6;

/// Draws the glance layout of `view` in `area` (the body between the header
/// and the "Next:" line).
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    view: &View<'_>,
    ex: &PlannedExercise,
    theme: &Theme,
) {
    let size = Size::fitting(
        widest(&view.readout),
        area.width.saturating_sub(4),
        area.height.saturating_sub(BESIDE_DIGITS),
    );
    let [_, name, set, _, digits, _, caption, gauge, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(size.rows()),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);

    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            ex.name.to_uppercase(),
            theme.title().add_modifier(Modifier::BOLD),
        )))
        .alignment(Alignment::Center),
        name,
    );
    let mut words = vec![Span::styled(
        format!("Set {} of {}", view.set, view.sets),
        theme.text().add_modifier(Modifier::BOLD),
    )];
    if let Some(side) = view.side {
        words.push(Span::styled("  ·  ", theme.dim()));
        words.push(Span::styled(
            format!("{} side", capitalised(side.label())),
            theme.warn().add_modifier(Modifier::BOLD),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(words)).alignment(Alignment::Center),
        set,
    );

    let (big, words) = readout_text(&view.readout);
    if let Some(big) = &big {
        let width = BigDigits::width_at(big, size).min(digits.width);
        let centred = Rect {
            x: digits.x + (digits.width - width) / 2,
            width,
            ..digits
        };
        render_number(frame, centred, big, size, view, theme);
    }
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            words,
            theme.text().add_modifier(Modifier::BOLD),
        )))
        .alignment(Alignment::Center),
        caption,
    );
    if let Some(bar) = progress_bar(view, theme) {
        let gauge = Rect {
            x: gauge.x + 2,
            width: gauge.width.saturating_sub(4),
            ..gauge
        };
        frame.render_widget(bar, gauge);
    }
}

/// "Left", "Right".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
