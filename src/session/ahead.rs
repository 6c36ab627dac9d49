//! The sounds a session will make before a horizon if no key comes, each
//! with its instant, so the audio edge can place them in the stream ahead of
//! their deadlines. An output that takes its samples in large periods (far
//! less CPU than small ones) then still sounds each cue and phrase on time:
//! a sound asked for only at its deadline would wait for the next period.
//!
//! Worked out on a copy of the session moved forward deadline by deadline,
//! so it is exactly what [`Session::tick`] will emit; a key can change what
//! comes, so the edge withdraws what it placed ahead on every key.

use tokio::time::Instant;

use super::{Effect, Session};

impl Session {
    /// The cues and phrases due after `after` and up to `horizon`, in time
    /// order, if no key is pressed: each [`Effect::Sound`] or
    /// [`Effect::Say`] with the instant it is due. Empty while time stands
    /// still (paused, a prompt, waiting for a key, over) or muted.
    pub fn sounds_ahead(&self, after: Instant, horizon: Instant) -> Vec<(Instant, Effect)> {
        let mut out = Vec::new();
        if self.next_sound().is_none_or(|t| t > horizon) {
            return out;
        }
        let mut peek = self.clone();
        // Bounded like `tick`: every round consumes a cue, a banner or a phase.
        for _ in 0..10_000 {
            let Some(t) = peek.next_deadline() else {
                break;
            };
            if t > horizon {
                break;
            }
            for effect in peek.tick(t) {
                let due = match effect {
                    Effect::Say { due, .. } => due,
                    Effect::Sound(_) => t,
                    _ => continue,
                };
                if due > after {
                    out.push((due, effect));
                }
            }
        }
        out
    }
}
