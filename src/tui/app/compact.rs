//! Small terminals (issue 18): below 80×24 a running session keeps its
//! essentials in plain lines, the check-in and messages still draw (they
//! wrap), and every other screen asks for a larger terminal. Below 40×12 a
//! running session pauses itself, so no hold runs on unseen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use tokio::time::Instant;

use super::journey::Stage;
use super::{App, Screen, render_too_small};
use crate::tui::screens::session_small;

impl App {
    /// Draws a screen on a terminal smaller than 80×24; `false` when the
    /// screen draws as usual at this size (the check-in, a message).
    pub(super) fn render_small(&self, frame: &mut Frame, area: Rect) -> bool {
        let theme = &self.theme;
        let fits_compact = !session_small::too_small(area);
        match &self.screen {
            Screen::Session(_) if !fits_compact => session_small::render_paused(frame, area, theme),
            Screen::Session(run) => {
                let view = run.engine.view(Instant::now());
                let status = run.status();
                session_small::render(frame, area, &view, &status, theme);
            }
            Screen::Journey(journey)
                if fits_compact && matches!(journey.stage, Stage::CheckIn { .. }) =>
            {
                return false;
            }
            Screen::Message(_) if fits_compact => return false,
            _ => render_too_small(frame, area, theme),
        }
        true
    }

    /// The terminal is now `width` × `height`: smaller than 40×12, a running
    /// session pauses itself (the screen says so; `p` resumes once it is larger).
    pub fn fit(&mut self, width: u16, height: u16, now: Instant) {
        let Screen::Session(run) = &mut self.screen else {
            return;
        };
        let view = run.engine.view(now);
        let running = view.end.is_none() && view.modal.is_none() && !view.paused;
        if running && session_small::too_small(Rect::new(0, 0, width, height)) {
            let pause = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE);
            run.key(pause, now, self.clock.now_or_last(), false);
        }
    }
}
