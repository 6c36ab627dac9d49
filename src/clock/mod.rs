//! The wall clock, as something that can fail.
//!
//! `jiff::Timestamp::now()` panics when the system time lies outside the
//! range jiff supports (years -9999 to 9999): a clock set to the year 10000
//! would crash the app mid-session. Every reading here goes through
//! `Timestamp::try_from(SystemTime)` and returns a [`ClockError`] instead,
//! which the commands turn into a clear message and exit code 1.
//!
//! The clock is a value passed down (the app holds one; the plain commands
//! take one), so tests can hand in a far-future time. The binary's tests
//! drive the real executable, so debug builds (the ones `cargo test` runs)
//! also read `BACKCOACH_NOW`: seconds since 1970 at which the clock starts,
//! then runs forward in real time. Release builds ignore it: a stray
//! variable must never make the app record wrong dates.

use std::cell::Cell;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use jiff::Timestamp;

mod zone;
pub use zone::local_zone;

/// The clock read a time outside what can be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockError {
    /// The reading, in seconds since 1970 (negative before), saturated.
    pub seconds: i64,
}

impl ClockError {
    fn of(time: SystemTime) -> ClockError {
        let seconds = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_secs())
                .map(|s| -s)
                .unwrap_or(i64::MIN),
        };
        ClockError { seconds }
    }

    /// The year the clock reads, roughly (enough to see what is wrong).
    pub fn year(self) -> i64 {
        1970 + self.seconds.div_euclid(31_556_952)
    }
}

impl fmt::Display for ClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the system clock reads the year {}, outside the dates backcoach can record \
             (years -9999 to 9999); set the clock to the right date and time, then start again",
            self.year()
        )
    }
}

impl std::error::Error for ClockError {}

/// Where readings come from.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// The operating system's clock.
    System,
    /// A given moment, running forward from when the clock was made.
    From {
        at: SystemTime,
        since: std::time::Instant,
    },
}

/// The wall clock: fallible readings, plus the last good one for code that
/// must carry on for a moment after the clock broke (saving what was done).
#[derive(Debug)]
pub struct Clock {
    source: Source,
    last_good: Cell<Option<Timestamp>>,
    failure: Cell<Option<ClockError>>,
}

impl Clock {
    /// The system clock (in debug builds, `BACKCOACH_NOW` when set: see the
    /// module's notes).
    pub fn system() -> Clock {
        #[cfg(debug_assertions)]
        if let Some(seconds) = std::env::var("BACKCOACH_NOW")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
        {
            return Clock::starting_at(epoch_plus(seconds));
        }
        Clock::with_source(Source::System)
    }

    /// A clock that reads `at` now and runs forward in real time (tests).
    pub fn starting_at(at: SystemTime) -> Clock {
        Clock::with_source(Source::From {
            at,
            since: std::time::Instant::now(),
        })
    }

    fn with_source(source: Source) -> Clock {
        Clock {
            source,
            last_good: Cell::new(None),
            failure: Cell::new(None),
        }
    }

    /// The time now, or why it cannot be had.
    pub fn now(&self) -> Result<Timestamp, ClockError> {
        let time = match self.source {
            Source::System => SystemTime::now(),
            Source::From { at, since } => match at.checked_add(since.elapsed()) {
                Some(time) => time,
                None => return Err(ClockError { seconds: i64::MAX }),
            },
        };
        let reading = Timestamp::try_from(time).map_err(|_| ClockError::of(time));
        if let Ok(now) = reading {
            self.last_good.set(Some(now));
        }
        reading
    }

    /// The time now; when the clock has left the supported range, the last
    /// good reading instead (so what was done can still be saved with a
    /// sensible time), and the failure is kept for [`Clock::failure`].
    /// Before any good reading, the earliest time jiff knows stands in: a
    /// caller checks [`Clock::now`] once before relying on this.
    pub fn now_or_last(&self) -> Timestamp {
        match self.now() {
            Ok(now) => now,
            Err(e) => {
                self.failure.set(Some(e));
                self.last_good.get().unwrap_or(Timestamp::MIN)
            }
        }
    }

    /// The first failure [`Clock::now_or_last`] met, if any: the app ends
    /// (after saving) when there is one.
    pub fn failure(&self) -> Option<ClockError> {
        self.failure.get()
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::system()
    }
}

/// `UNIX_EPOCH` plus (or minus) `seconds`, saturating at what `SystemTime`
/// can hold.
#[cfg(any(debug_assertions, test))]
fn epoch_plus(seconds: i64) -> SystemTime {
    let magnitude = std::time::Duration::from_secs(seconds.unsigned_abs());
    let moved = if seconds >= 0 {
        UNIX_EPOCH.checked_add(magnitude)
    } else {
        UNIX_EPOCH.checked_sub(magnitude)
    };
    moved.unwrap_or(UNIX_EPOCH)
}

/// Seconds since 1970 of the last moment jiff can represent
/// (9999-12-30 22:00:00 UTC): the clock fails just after it.
pub fn last_supported_second() -> i64 {
    Timestamp::MAX.as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_past_9999_is_an_error_not_a_panic() {
        let far = epoch_plus(last_supported_second() + 86_400 * 400);
        let clock = Clock::starting_at(far);
        let err = clock.now().expect_err("out of range");
        assert_eq!(err.year(), 10001);
        let text = err.to_string();
        assert!(text.contains("year 10001"), "{text}");
        assert!(
            clock.failure().is_none(),
            "now() reports, it does not record"
        );
        assert_eq!(clock.now_or_last(), Timestamp::MIN);
        assert_eq!(clock.failure(), Some(err));
    }

    #[test]
    fn the_last_good_reading_stands_in_once_the_clock_runs_out() {
        // One second before the end of the range: good now, bad a moment later.
        let edge = epoch_plus(last_supported_second());
        let clock = Clock::starting_at(edge);
        let good = clock.now().expect("in range");
        assert_eq!(good.as_second(), last_supported_second());
        // Two seconds later (moved by hand rather than waited for).
        let mut clock = clock;
        clock.source = Source::From {
            at: edge,
            since: std::time::Instant::now() - std::time::Duration::from_secs(2),
        };
        assert_eq!(clock.now_or_last(), good);
        assert!(clock.failure().is_some());
    }

    #[test]
    fn before_1970_and_at_the_low_end() {
        let clock = Clock::starting_at(epoch_plus(-86_400));
        let seconds = clock.now().expect("1969 is fine").as_second();
        assert_eq!(seconds.div_euclid(86_400), -1);
        let err = ClockError::of(epoch_plus(Timestamp::MIN.as_second() - 86_400 * 800));
        assert!(err.year() < -9999, "{}", err.year());
    }
}
