//! The session hands its sounds to the audio side far enough ahead for the
//! output it opens: a larger period (less CPU a minute, issue 21) must not
//! make a placed sound late.

use backcoach::audio::preferred_period;
use backcoach::session::ahead::{PLACE_AGAIN, PLACE_AHEAD, PLACE_LAST};

/// A sound is heard at most two periods after it reaches the mixer: the
/// least it is handed over ahead covers that with room for the loop's
/// wake-up to be late.
#[test]
fn every_sound_is_handed_over_more_than_the_output_needs() {
    let needs = preferred_period() * 2;
    assert!(
        PLACE_LAST >= needs + needs / 4,
        "placed at least {PLACE_LAST:?} ahead; the output needs {needs:?}"
    );
}

/// The audio side holds a placed sound until three periods before its
/// instant; what is placed at a wake reaches past that by a second, so a
/// wake a second apart never finds the next sound unplaced.
#[test]
fn the_horizon_reaches_past_the_release_by_a_second() {
    let release = preferred_period() * 3;
    assert!(PLACE_AHEAD >= release + std::time::Duration::from_secs(1));
    assert!(PLACE_LAST < PLACE_AGAIN && PLACE_AGAIN < PLACE_AHEAD);
}
