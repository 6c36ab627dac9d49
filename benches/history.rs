//! Loading and computing the week over 1, 3 and 10 years of daily sessions
//! (together, as the week screen does, and each alone):
//! the cost must stay flat as years pile up (one file per month, only the
//! months of the shown weeks are read; streaks come from the day index).
//!
//! Run: `cargo bench --bench history`.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use backcoach::domain::*;
use backcoach::rules::week;
use backcoach::store::Store;
use jiff::civil::{Date, date};

#[path = "support/gen_history.rs"]
mod gen_history;

const YEARS: [i16; 3] = [1, 3, 10];

/// The last day of every generated history: "today" for the benchmark.
fn today() -> Date {
    date(2026, 11, 22)
}

/// Data dirs, built once per size and deleted at the end.
static FIXTURES: Mutex<Vec<(i16, tempfile::TempDir)>> = Mutex::new(Vec::new());

fn main() {
    divan::main();
    if let Ok(mut fixtures) = FIXTURES.lock() {
        fixtures.clear();
    }
}

fn fixture(years: i16) -> PathBuf {
    let mut fixtures = FIXTURES.lock().unwrap();
    if let Some((_, dir)) = fixtures.iter().find(|(y, _)| *y == years) {
        return dir.path().to_path_buf();
    }
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), years);
    // Build the day index once (as the first run after an upgrade would).
    let store = Store::open(dir.path()).unwrap();
    store.load(today(), today());
    assert!(dir.path().join("index.ron").exists());
    let path = dir.path().to_path_buf();
    fixtures.push((years, dir));
    path
}

/// One session a day for `years` years up to `today()`.
fn generate(dir: &Path, years: i16) {
    let first = today().saturating_sub(jiff::Span::new().years(years));
    gen_history::generate(dir, first, today()).unwrap();
}

/// What showing the week screen costs: open the store, read the profile,
/// load the weeks needed, compute the summary (streak of every week included).
#[divan::bench(args = YEARS, sample_count = 30)]
fn open_load_and_summarize_week(bencher: divan::Bencher, years: i16) {
    let dir = fixture(years);
    bencher.bench(|| {
        let store = Store::open(&dir).unwrap();
        let profile = store.load_profile().ok().flatten().unwrap_or_default();
        let (from, to) = week::needed_range(today());
        let history = store.load(from, to);
        let summary = week::summarize(&history, &profile, today(), today());
        // Every week since the first is in the streak: it is really counted.
        assert!(i64::from(summary.streak.weeks) >= i64::from(years) * 52 - 1);
        summary
    });
}

/// History load alone: the months of the weeks the week screen shows, read
/// and parsed from disk by a fresh store (no cache), day index included.
#[divan::bench(args = YEARS, sample_count = 30)]
fn load_shown_weeks(bencher: divan::Bencher, years: i16) {
    let dir = fixture(years);
    let (from, to) = week::needed_range(today());
    bencher.bench(|| Store::open(&dir).unwrap().load(from, to));
}

/// Week computation alone: the summary (days, adherence, streak) from a
/// history already in memory.
#[divan::bench(args = YEARS, sample_count = 30)]
fn week_summary(bencher: divan::Bencher, years: i16) {
    let dir = fixture(years);
    let store = Store::open(&dir).unwrap();
    let profile = store.load_profile().ok().flatten().unwrap_or_default();
    let (from, to) = week::needed_range(today());
    let history = store.load(from, to);
    bencher.bench(|| week::summarize(&history, &profile, today(), today()));
}

/// The session start's look-ups: the last session and the last safety stop
/// (there is none, the worst case: the index is searched, no month file read).
#[divan::bench(args = YEARS, sample_count = 30)]
fn last_session_and_safety_stop(bencher: divan::Bencher, years: i16) {
    let dir = fixture(years);
    bencher.bench(|| {
        let store = Store::open(&dir).unwrap();
        (store.last_session(today()), store.last_safety_stop(today()))
    });
}

/// What each save during a session costs in a ten-year history: read the
/// current month, write it and the day index atomically (with their fsyncs).
#[divan::bench(args = YEARS, sample_count = 20)]
fn save_session_after_an_exercise(bencher: divan::Bencher, years: i16) {
    let dir = fixture(years);
    let mut store = Store::open(&dir).unwrap();
    let started = today()
        .at(7, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp();
    let record = SessionRecord {
        id: "bench-running".into(),
        routine_id: "daily".into(),
        routine_name: "Daily routine".into(),
        date: today(),
        started,
        ended: None,
        active_s: 120,
        status: SessionStatus::InProgress,
        intense: false,
        baseline: Some(2),
        exercises: Vec::new(),
        ratings: Vec::new(),
    };
    bencher.bench_local(|| store.save_session(&record).unwrap());
}
