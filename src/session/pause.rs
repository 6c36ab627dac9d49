//! Freezing time: a pause (`p`) or an open prompt stops every timer, and
//! thawing moves every pending time (deadlines, cues, phrases, the banner,
//! the figure) on by the time frozen, so nothing is lost or rushed.

use std::time::Duration;

use tokio::time::Instant;

use super::{Phase, Session};

impl Session {
    pub(super) fn freeze(&mut self, now: Instant) {
        if self.frozen_since.is_none() {
            self.frozen_since = Some(now);
        }
    }

    pub(super) fn thaw(&mut self, now: Instant) {
        if self.user_paused || self.modal.is_some() {
            return;
        }
        if let Some(since) = self.frozen_since.take() {
            let d = now.saturating_duration_since(since);
            self.frozen_total += d;
            self.shift(d);
        }
    }

    /// Moves every pending time by `d`: a pause pushes the whole schedule on.
    fn shift(&mut self, d: Duration) {
        match &mut self.phase {
            Phase::GetReady { start, deadline }
            | Phase::Timed { start, deadline }
            | Phase::RepHold {
                start, deadline, ..
            }
            | Phase::RepRelax {
                start, deadline, ..
            }
            | Phase::Beating {
                start, deadline, ..
            }
            | Phase::Resting { start, deadline } => {
                *start += d;
                *deadline += d;
            }
            _ => {}
        }
        self.voice_free_at += d;
        for (t, _) in &mut self.schedule {
            *t += d;
        }
        self.motion_from += d;
        if let Some((_, until)) = &mut self.flash {
            *until += d;
        }
    }

    pub(super) fn toggle_pause(&mut self, now: Instant) {
        self.user_paused = !self.user_paused;
        if self.user_paused {
            self.freeze(now);
        } else {
            self.thaw(now);
        }
    }
}
