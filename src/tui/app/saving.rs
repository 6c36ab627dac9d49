//! Saving from the app: a running session saved before the frame that
//! announces work done (and after any other frame), a failed save retried,
//! and quitting held by the unsaved-changes prompt while the store could
//! not write.

use crossterm::event::KeyEvent;
use tokio::time::Instant;

use super::{App, SAVE_RETRY, Screen};
use crate::tui::screens::unsaved::{UnsavedAction, UnsavedPrompt};

impl App {
    /// Quitting with changes the store could not write opens the prompt
    /// instead (unless a signal or Ctrl-C ends the run: nobody to ask).
    fn hold_quit_for_unsaved(&mut self) -> bool {
        if !self.quit || self.unsaved.is_some() || self.exit != crate::tui::Exit::Normal {
            return false;
        }
        let Err(problem) = self.store.retry_pending() else {
            return false;
        };
        self.quit = false;
        let copy_to = crate::store::default_copy_path(self.clock.now_or_last());
        let prompt = UnsavedPrompt::new(self.store.pending(), problem.reason(), copy_to);
        self.unsaved = Some(prompt);
        true
    }

    pub(super) fn on_unsaved_key(&mut self, key: KeyEvent) {
        let Some(UnsavedAction::Choose(choice)) = self.unsaved.as_mut().map(|p| p.on_key(key))
        else {
            return;
        };
        match self.store.resolve_pending(choice, self.clock.now_or_last()) {
            Ok(note) => (self.exit_note, self.unsaved, self.quit) = (note, None, true),
            Err(e) => {
                let pending = self.store.pending();
                if let Some(prompt) = self.unsaved.as_mut() {
                    prompt.failed(pending, format!("Still not saved: {}", e.reason()));
                }
            }
        }
    }

    /// Saves the running session first when the frame about to be drawn
    /// announces work done (an exercise done, the session over): what the
    /// screen calls done is on disk (an fsync, ~2 ms). The loop calls it
    /// before drawing; every other save waits until the frame is out.
    pub fn save_before_showing(&mut self, now: Instant) {
        if let Screen::Session(run) = &mut self.screen
            && std::mem::take(&mut run.save_before_showing)
        {
            self.flush_saves(now);
        }
    }

    /// Saves the running session if it changed; the loop calls it once the
    /// frame showing the change is out, so an fsync never delays a frame.
    /// Returns whether what the screen says about saving changed.
    pub fn flush_saves(&mut self, now: Instant) -> bool {
        let Screen::Session(run) = &mut self.screen else {
            return self.hold_quit_for_unsaved();
        };
        if !std::mem::take(&mut run.save_due) {
            return self.hold_quit_for_unsaved();
        }
        let before = run.save_problem.clone();
        match self.store.save_session(run.log.record()) {
            Ok(()) => run.save_problem = None,
            Err(e) => {
                tracing::warn!("saving the session failed: {e}");
                run.save_problem = Some(e.reason());
                self.retry_at = Some(now + SAVE_RETRY);
            }
        }
        let changed = before != run.save_problem;
        changed | self.hold_quit_for_unsaved()
    }
}
