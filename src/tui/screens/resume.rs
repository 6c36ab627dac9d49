//! The offer to pick up a session cut off earlier today, shown after the
//! check-in: resume at the exercise where it stopped (what was done is
//! kept), or start fresh.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::theme::Theme;
use crate::tui::widgets::{hanging, key_hints, panel};

/// What the offer asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeAction {
    /// Nothing.
    None,
    /// Pick the session up where it stopped.
    Resume,
    /// Start the routine from its first exercise.
    Fresh,
    /// Back home.
    Home,
}

/// Handles a key.
pub fn on_key(key: KeyEvent) -> ResumeAction {
    match key.code {
        KeyCode::Char('y' | 'r') | KeyCode::Enter => ResumeAction::Resume,
        KeyCode::Char('n' | 'f') => ResumeAction::Fresh,
        KeyCode::Esc | KeyCode::Char('h' | 'q') => ResumeAction::Home,
        _ => ResumeAction::None,
    }
}

/// Draws the offer: the routine, where it stopped and what comes next.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    routine_name: &str,
    step: usize,
    steps: usize,
    exercise: &str,
    theme: &Theme,
) {
    let width = usize::from(area.width.saturating_sub(2));
    let mut text = vec![
        Line::raw(""),
        Line::from(Span::styled("  Resume your session?", theme.title())),
        Line::raw(""),
    ];
    for sentence in [
        format!("Your {routine_name} was cut off earlier today. What you did is kept."),
        format!("Resuming starts at exercise {step} of {steps}: {exercise}."),
    ] {
        text.extend(hanging(&sentence, width, "  ", "  "));
    }
    text.push(Line::raw(""));
    text.push(key_hints(
        theme,
        &[("y", "resume"), ("n", "start fresh"), ("Esc", "home")],
    ));
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(panel(theme)),
        area,
    );
}
