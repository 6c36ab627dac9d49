//! Where the exercise's figure is between its start pose (0) and its end
//! pose (1), from the engine's phase and clock: it eases into the end pose
//! as a held rep begins, and during the get-ready before a hold (the time to
//! get into position), then stays there for the hold; it follows the breath
//! in slow cycles (in: toward the end pose, out: back), and keeps the
//! guides' slow pace (about two seconds each way) while reps are counted or
//! a timed movement goes on. Everywhere else it rests in the start pose.
//! A hold itself never moves the figure, so it costs no frame beyond the
//! seconds ticking over.
//!
//! The motion moves in steps, and the engine wakes only when the next step
//! is due ([`Session::next_motion_step`]): at most ten a second, one per
//! change, none while paused or in a prompt (the clock is frozen then).

use std::time::Duration;

use tokio::time::Instant;

use super::{Phase, Session, Work};
use crate::plan::REP_PACE_S;

/// How long a held rep takes to ease into its end pose.
pub const EASE_IN: Duration = Duration::from_secs(1);
/// Steps of one ease from one pose to the other.
pub const STEPS: u32 = 8;
/// The shortest time between two steps: eight redraws a second at most, so
/// with the countdown's own tick a moving figure stays within ten a second.
pub const MIN_STEP: Duration = Duration::from_millis(125);

/// How the figure moves in the current phase.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Curve {
    /// Still, at this fraction of the way to the end pose.
    Still(f32),
    /// From the start pose to the end pose over `over`, from `from` on, then still.
    EaseIn { from: Instant, over: Duration },
    /// To the end pose and back every `period`, from `from` on.
    Loop { from: Instant, period: Duration },
}

impl Session {
    /// Where the figure is at `at` (already frozen-aware), or `None` when
    /// nothing is to be drawn: the exercise on screen has no figure, or the
    /// session is over.
    pub(super) fn motion(&self, at: Instant) -> Option<f32> {
        Some(value(self.curve()?, at))
    }

    /// The next moment the figure moves on a step; `None` while it stands
    /// still, and while the clock is frozen (paused, or a prompt is open).
    pub(super) fn next_motion_step(&self, now: Instant) -> Option<Instant> {
        if self.frozen() {
            return None;
        }
        let (from, length, steps) = match self.curve()? {
            Curve::Still(_) => return None,
            Curve::EaseIn { from, over } => {
                if now >= from + over {
                    return None;
                }
                (from, over, steps_over(over))
            }
            Curve::Loop { from, period } => (from, period / 2, steps_over(period / 2)),
        };
        let step = length / steps;
        if step.is_zero() {
            return None;
        }
        let since = now.saturating_duration_since(from);
        let k = since.as_nanos() / step.as_nanos() + 1;
        Some(from + step * u32::try_from(k).unwrap_or(u32::MAX))
    }

    /// The motion of the phase under way, when the exercise on screen has a figure.
    fn curve(&self) -> Option<Curve> {
        if self.ending.is_some() {
            return None;
        }
        let shown = match self.phase {
            Phase::Waiting => self.between.or(self.current_step().map(|s| s.exercise)),
            _ => self.current_step().map(|s| s.exercise),
        }?;
        self.plan.exercises.get(shown)?.figure.as_ref()?;
        let pace = Duration::from_secs(u64::from(REP_PACE_S));
        Some(match (self.phase, self.current_work()) {
            (Phase::GetReady { start, deadline }, Some(Work::Hold { .. })) => Curve::EaseIn {
                from: start,
                over: deadline.saturating_duration_since(start),
            },
            (Phase::Timed { start, .. }, Some(Work::Cycles { pace, .. })) => Curve::Loop {
                from: start,
                period: Duration::from_secs(u64::from(pace.max(1))),
            },
            (Phase::Timed { start, .. }, Some(Work::Duration { .. })) => Curve::Loop {
                from: start,
                period: pace,
            },
            (Phase::Timed { .. }, _) => Curve::Still(1.0),
            (
                Phase::RepHold {
                    start, deadline, ..
                },
                _,
            ) => Curve::EaseIn {
                from: start,
                over: EASE_IN.min(deadline.saturating_duration_since(start) / 2),
            },
            (Phase::Counting { .. }, _) => Curve::Loop {
                from: self.motion_from,
                period: pace,
            },
            // The metronome (issue 16): one rep a beat, in step with the count.
            (
                Phase::Beating {
                    start, deadline, ..
                },
                _,
            ) => Curve::Loop {
                from: start,
                period: Some(deadline.saturating_duration_since(start))
                    .filter(|p| !p.is_zero())
                    .unwrap_or(pace),
            },
            _ => Curve::Still(0.0),
        })
    }
}

/// Steps in an ease of `length`: eight, or fewer when that would be faster
/// than eight a second.
fn steps_over(length: Duration) -> u32 {
    let most = (length.as_millis() / MIN_STEP.as_millis()).max(1);
    STEPS.min(u32::try_from(most).unwrap_or(STEPS))
}

/// The figure's place on `curve` at `at`: whole steps only, eased so it
/// starts and stops gently.
fn value(curve: Curve, at: Instant) -> f32 {
    match curve {
        Curve::Still(v) => v,
        Curve::EaseIn { from, over } => {
            let steps = steps_over(over);
            smooth(stepped(at.saturating_duration_since(from), over, steps).min(1.0))
        }
        Curve::Loop { from, period } => {
            let half = period / 2;
            if half.is_zero() {
                return 0.0;
            }
            let steps = steps_over(half);
            let since = at.saturating_duration_since(from);
            let into = Duration::from_nanos((since.as_nanos() % period.as_nanos()) as u64);
            let going = into < half;
            let part = stepped(if going { into } else { into - half }, half, steps).min(1.0);
            smooth(if going { part } else { 1.0 - part })
        }
    }
}

/// The fraction of `length` gone at `since`, down to a whole number of steps.
fn stepped(since: Duration, length: Duration, steps: u32) -> f32 {
    if length.is_zero() {
        return 1.0;
    }
    let k = (since.as_nanos() * u128::from(steps) / length.as_nanos()).min(u128::from(steps));
    k as f32 / steps as f32
}

/// Smoothstep: slow out of a pose, slow into the next.
fn smooth(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

#[cfg(test)]
mod tests {
    //! On tokio's paused clock: where the figure is at 0 %, 50 % and 100 %
    //! of a rep, a hold and a breath; frozen while paused; how often the
    //! loop wakes for it.

    use std::time::Duration;

    use tokio::time::{Instant, advance};

    use super::super::tests_support::plan_of_reps;
    use super::super::{Key, Session, Settings};
    use crate::catalog::DoseKind;
    use crate::figure::{Base, Figure, Lead, Pose};
    use crate::plan::Plan;

    fn figure() -> Figure {
        Figure {
            base: Base::Standing,
            view: None,
            anchor: None,
            lead: Lead::Left,
            props: vec![],
            start: Pose::default(),
            end: Pose {
                trunk: Some(30),
                ..Pose::default()
            },
        }
    }

    /// One exercise of `kind` with a figure (no get-ready, so timed work
    /// starts at once).
    fn plan(kind: DoseKind, reps: u32, hold_s: u32) -> Plan {
        let mut plan = plan_of_reps(&[("move", 1, reps)]);
        let ex = &mut plan.exercises[0];
        ex.kind = kind;
        ex.hold_s = hold_s;
        ex.duration_s = hold_s;
        ex.pace_s = 8;
        ex.figure = Some(figure());
        plan
    }

    fn settings() -> Settings {
        Settings {
            get_ready: Duration::ZERO,
            ..Settings::default()
        }
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn motion(session: &Session) -> Option<f32> {
        session.view(Instant::now()).motion
    }

    #[tokio::test(start_paused = true)]
    async fn a_held_rep_eases_into_the_end_pose_and_stays_there() {
        let (mut session, _) = Session::new(
            plan(DoseKind::RepsWithHold, 3, 10),
            settings(),
            Instant::now(),
        );
        // Waiting for Space: the start pose, and nothing to wake for.
        assert_eq!(motion(&session), Some(0.0));
        assert_eq!(session.next_wake(Instant::now()), None);
        session.key(Key::Space, Instant::now());
        assert_eq!(motion(&session), Some(0.0), "0 % of the rep");
        advance(ms(500)).await;
        session.tick(Instant::now());
        assert_eq!(motion(&session), Some(0.5), "50 %");
        advance(ms(500)).await;
        session.tick(Instant::now());
        assert_eq!(motion(&session), Some(1.0), "100 %: the end pose");
        advance(Duration::from_secs(8)).await;
        session.tick(Instant::now());
        assert_eq!(motion(&session), Some(1.0), "held in the end pose");
        advance(Duration::from_secs(2)).await;
        session.tick(Instant::now());
        assert_eq!(
            motion(&session),
            Some(0.0),
            "the hold is over: back to the start"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn counted_reps_go_to_the_end_pose_and_back_at_the_guides_pace() {
        let (session, _) = Session::new(plan(DoseKind::Reps, 10, 0), settings(), Instant::now());
        assert_eq!(motion(&session), Some(0.0));
        // Two seconds each way (REP_PACE_S = 4).
        let at = |d: u64| session.view(Instant::now() + ms(d)).motion;
        assert_eq!(at(1_000), Some(0.5));
        assert_eq!(at(2_000), Some(1.0));
        assert_eq!(at(3_000), Some(0.5));
        assert_eq!(at(4_000), Some(0.0));
        // Counting reps is no longer a wait with nothing to draw.
        assert_eq!(
            session.next_wake(Instant::now()),
            Some(Instant::now() + ms(250))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn slow_cycles_follow_the_breath() {
        let (session, _) = Session::new(plan(DoseKind::Cycles, 3, 0), settings(), Instant::now());
        let at = |d: u64| session.view(Instant::now() + ms(d)).motion;
        let breath_in = |d: u64| {
            matches!(
                session.view(Instant::now() + ms(d)).readout,
                super::super::Readout::Cycles {
                    breath_in: true,
                    ..
                }
            )
        };
        // An 8 s cycle: in for 4 s toward the end pose, out for 4 s back.
        assert_eq!(at(0), Some(0.0));
        assert!(breath_in(2_000));
        assert_eq!(at(2_000), Some(0.5));
        assert_eq!(at(4_000), Some(1.0));
        assert!(!breath_in(6_000));
        assert_eq!(at(6_000), Some(0.5));
        assert_eq!(at(8_000), Some(0.0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_hold_is_got_into_during_the_get_ready_then_stands_still() {
        let t0 = Instant::now();
        let five = Settings {
            get_ready: Duration::from_secs(5),
            ..Settings::default()
        };
        let (mut session, _) = Session::new(plan(DoseKind::Hold, 0, 30), five, t0);
        let at = |s: &Session, d: u64| s.view(t0 + ms(d)).motion;
        // Getting ready: from the start pose into the held one.
        assert_eq!(at(&session, 0), Some(0.0));
        assert_eq!(at(&session, 2_500), Some(0.5));
        session.tick(t0 + ms(2_600));
        assert_eq!(session.next_wake(t0 + ms(2_600)), Some(t0 + ms(3_000)));
        session.tick(t0 + ms(5_000));
        // The hold: the end pose, 0 %, 50 % and 100 % of the way through.
        for d in [5_000, 20_000, 34_999] {
            assert_eq!(at(&session, d), Some(1.0), "{d} ms");
        }
        // The only wakes are the seconds ticking over.
        session.tick(t0 + ms(6_500));
        assert_eq!(session.next_wake(t0 + ms(6_500)), Some(t0 + ms(7_000)));
    }

    #[tokio::test(start_paused = true)]
    async fn a_hold_started_at_once_shows_the_held_pose() {
        let t0 = Instant::now();
        let five = Settings {
            get_ready: Duration::from_secs(5),
            ..Settings::default()
        };
        let (mut session, _) = Session::new(plan(DoseKind::Hold, 0, 30), five, t0);
        // Space skips the get-ready: the figure is in position at once.
        session.key(Key::Space, t0 + ms(1_000));
        assert_eq!(at_now(&session, t0 + ms(1_000)), Some(1.0));
    }

    fn at_now(session: &Session, at: Instant) -> Option<f32> {
        session.view(at).motion
    }

    #[tokio::test(start_paused = true)]
    async fn the_figure_is_frozen_while_paused_and_goes_on_from_there() {
        let (mut session, _) =
            Session::new(plan(DoseKind::Reps, 10, 0), settings(), Instant::now());
        advance(ms(1_000)).await;
        session.key(Key::Char('p'), Instant::now());
        assert_eq!(motion(&session), Some(0.5));
        // Paused: no wake at all, and the figure does not move.
        assert_eq!(session.next_wake(Instant::now()), None);
        advance(Duration::from_secs(37)).await;
        session.tick(Instant::now());
        assert_eq!(motion(&session), Some(0.5));
        assert_eq!(session.next_wake(Instant::now()), None);
        session.key(Key::Char('p'), Instant::now());
        assert_eq!(motion(&session), Some(0.5), "resumed where it stood");
        advance(ms(1_000)).await;
        session.tick(Instant::now());
        assert_eq!(motion(&session), Some(1.0));
    }

    #[tokio::test(start_paused = true)]
    async fn the_loop_wakes_at_most_eight_times_a_second_and_once_per_step() {
        let (mut session, _) =
            Session::new(plan(DoseKind::Reps, 10, 0), settings(), Instant::now());
        let t0 = Instant::now();
        let mut wakes = Vec::new();
        let mut shown = Vec::new();
        while Instant::now() - t0 < Duration::from_secs(8) {
            let Some(wake) = session.next_wake(Instant::now()) else {
                panic!("counting reps with a figure wakes for its steps");
            };
            tokio::time::sleep_until(wake).await;
            session.tick(Instant::now());
            wakes.push(Instant::now() - t0);
            shown.push(motion(&session));
        }
        for pair in wakes.windows(2) {
            assert!(pair[1] - pair[0] >= ms(125), "{wakes:?}");
        }
        // Every wake shows a new step: no wake is wasted on a still figure.
        for pair in shown.windows(2) {
            assert_ne!(pair[0], pair[1], "{shown:?}");
        }
        // Two reps of 4 s, eight steps each way.
        assert_eq!(wakes.len(), 32);
    }

    #[tokio::test(start_paused = true)]
    async fn no_figure_means_no_motion_and_no_wake() {
        let mut plan = plan(DoseKind::Reps, 10, 0);
        plan.exercises[0].figure = None;
        let (session, _) = Session::new(plan, settings(), Instant::now());
        assert_eq!(motion(&session), None);
        assert_eq!(session.next_wake(Instant::now()), None);
    }

    #[test]
    fn a_fast_pace_is_held_to_eight_steps_a_second() {
        assert_eq!(super::steps_over(Duration::from_secs(2)), 8);
        assert_eq!(super::steps_over(ms(500)), 4);
        assert_eq!(super::steps_over(ms(50)), 1);
    }
}
