//! The sounds a session will make before a horizon if no key comes, each
//! with its instant, so the audio edge can place them in the stream ahead of
//! their deadlines. An output that takes its samples in large periods (far
//! less CPU than small ones) then still sounds each cue and phrase on time:
//! a sound asked for only at its deadline would wait for the next period.
//!
//! Worked out on a copy of the session moved forward deadline by deadline,
//! so it is exactly what [`Session::tick`] will emit; a key can change what
//! comes, so the edge withdraws what it placed ahead on every key.

use std::collections::VecDeque;
use std::time::Duration;

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

/// How far ahead the session's cues and phrases go to the audio side, to be
/// placed in the stream and heard on their instants: more than the output's
/// three periods of release (1.11 s at 8192 frames) plus a second between
/// wakes.
pub const PLACE_AHEAD: Duration = Duration::from_secs(3);

/// More is placed at a wake when what is placed runs out within this.
pub const PLACE_AGAIN: Duration = Duration::from_secs(2);

/// The loop wakes to place more, if it would not wake anyway, this long
/// before what is placed runs out: the least a sound is handed over ahead,
/// more than the output needs to have it heard on time (its next period and
/// its buffer: two periods, 0.74 s at 8192 frames; `tests/it` holds the two
/// together).
pub const PLACE_LAST: Duration = Duration::from_millis(1200);

/// The edge's account of what it handed over ahead: each cue and phrase is
/// placed once, and not played again when the session emits it on time.
#[derive(Debug)]
pub struct Ahead {
    /// Handed over, not yet emitted by the session.
    placed: VecDeque<(Instant, Effect)>,
    /// Everything due up to here has been handed over.
    until: Instant,
}

impl Ahead {
    /// Nothing placed yet at `now`.
    pub fn new(now: Instant) -> Ahead {
        Ahead {
            placed: VecDeque::new(),
            until: now,
        }
    }

    /// The sounds to hand over now, each with its instant, when what is
    /// placed runs short (none otherwise). A safety alert is never placed:
    /// it needs a key, and is played when emitted.
    pub fn more(&mut self, session: &Session, now: Instant) -> Vec<(Instant, Effect)> {
        if now + PLACE_AGAIN < self.until {
            return Vec::new();
        }
        // Anything left over was due and never emitted: forget it.
        self.placed.retain(|(at, _)| *at + PLACE_AHEAD > now);
        let horizon = now + PLACE_AHEAD;
        let more: Vec<_> = session
            .sounds_ahead(self.until.max(now), horizon)
            .into_iter()
            .filter(|(_, e)| *e != Effect::Sound(crate::cue::Cue::SafetyAlert))
            .collect();
        self.placed.extend(more.iter().cloned());
        self.until = horizon;
        more
    }

    /// Whether `effect`, emitted by the session at `now`, was handed over
    /// already (it is then forgotten: placed once, heard once).
    pub fn was_placed(&mut self, effect: &Effect, now: Instant) -> bool {
        let found = self
            .placed
            .iter()
            .position(|(at, placed)| placed == effect && *at <= now);
        found.and_then(|i| self.placed.remove(i)).is_some()
    }

    /// A key may change what comes: everything handed over is forgotten (and
    /// placed again from the new state). True if anything was, for the audio
    /// side to withdraw.
    pub fn withdraw(&mut self, now: Instant) -> bool {
        let any = !self.placed.is_empty();
        self.placed.clear();
        self.until = now;
        any
    }

    /// When the loop must wake to place more, if sounds can come at all
    /// (never while paused or waiting for a key).
    pub fn wake(&self, session: &Session) -> Option<Instant> {
        session.next_sound()?;
        self.until.checked_sub(PLACE_LAST)
    }
}
