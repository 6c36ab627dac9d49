//! The clinician's report and the trends screen on ten years of daily
//! sessions: the report's figures and HTML must stay well under 100 ms over
//! the whole ten years, and opening the trends screen must not grow with
//! the years (it reads only the 26 weeks it can show).
//!
//! Run: `cargo bench --bench report`.

use std::path::PathBuf;
use std::sync::OnceLock;

use backcoach::domain::History;
use backcoach::profile::Profile;
use backcoach::report::{self, Report};
use backcoach::rules::trends::{Trends, Window};
use backcoach::store::Store;
use jiff::civil::{Date, date};

#[path = "support/gen_history.rs"]
mod gen_history;

/// The last day of the generated history: "today" for the benchmark.
fn today() -> Date {
    date(2026, 11, 22)
}

/// The first day of ten years.
fn first() -> Date {
    date(2016, 11, 21)
}

/// A data dir with ten years, built once (and left to the OS's temp cleaner
/// only if the process dies: it is deleted at the end of `main`).
static FIXTURE: OnceLock<tempfile::TempDir> = OnceLock::new();

fn fixture() -> PathBuf {
    FIXTURE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            gen_history::generate(dir.path(), first(), today()).expect("generate");
            let store = Store::open(dir.path()).expect("store");
            store.load(today(), today());
            dir
        })
        .path()
        .to_path_buf()
}

fn ten_years() -> (History, Window) {
    let window = Window::between(first(), today());
    let (from, to) = window.needed_range(today());
    (
        Store::open(&fixture()).expect("store").load(from, to),
        window,
    )
}

fn main() {
    divan::main();
}

/// Figures and HTML for all ten years, from a history already read.
#[divan::bench(sample_count = 20)]
fn html_report_of_ten_years_in_memory(bencher: divan::Bencher) {
    let (history, window) = ten_years();
    let profile = Profile::default();
    bencher.bench(|| {
        let trends = Trends::compute(&history, &profile, window, today());
        let html = report::html(&Report {
            trends: &trends,
            profile: &profile,
            generated: today(),
        });
        assert!(html.len() > 100_000);
        html
    });
}

/// Markdown for all ten years, from a history already read.
#[divan::bench(sample_count = 20)]
fn markdown_report_of_ten_years_in_memory(bencher: divan::Bencher) {
    let (history, window) = ten_years();
    let profile = Profile::default();
    bencher.bench(|| {
        let trends = Trends::compute(&history, &profile, window, today());
        report::markdown(&Report {
            trends: &trends,
            profile: &profile,
            generated: today(),
        })
    });
}

/// `backcoach report --from <ten years ago>` without the write: open the
/// store, read all 120 month files, compute, render.
#[divan::bench(sample_count = 10)]
fn html_report_of_ten_years_from_disk(bencher: divan::Bencher) {
    let dir = fixture();
    let args = backcoach::cli::report::ReportArgs {
        weeks: None,
        from: Some(first()),
        to: Some(today()),
        format: backcoach::cli::report::Format::Html,
        out: None,
    };
    bencher.bench(|| backcoach::cli::report::make(Some(&dir), &args, today()).expect("report"));
}

/// The reading alone, for comparison with the line above: open the store and
/// parse all 120 month files (the store's part of a ten-year report).
#[divan::bench(sample_count = 10)]
fn read_ten_years_from_disk(bencher: divan::Bencher) {
    let dir = fixture();
    let window = Window::between(first(), today());
    let (from, to) = window.needed_range(today());
    bencher.bench(|| Store::open(&dir).expect("store").load(from, to));
}

/// `backcoach report` (the last 12 weeks) on a ten-year history.
#[divan::bench(sample_count = 20)]
fn html_report_of_12_weeks_from_a_ten_year_history(bencher: divan::Bencher) {
    let dir = fixture();
    let args = backcoach::cli::report::ReportArgs {
        weeks: None,
        from: None,
        to: Some(today()),
        format: backcoach::cli::report::Format::Html,
        out: None,
    };
    bencher.bench(|| backcoach::cli::report::make(Some(&dir), &args, today()).expect("report"));
}

/// What `t` costs: read the 26 weeks the screen can show and compute all three spans.
#[divan::bench(sample_count = 20)]
fn open_trends_screen_on_a_ten_year_history(bencher: divan::Bencher) {
    let dir = fixture();
    let profile = Profile::default();
    bencher.bench(|| {
        let store = Store::open(&dir).expect("store");
        let (from, to) = backcoach::rules::trends::spans_needed_range(today());
        let history = store.load(from, to);
        Trends::for_spans(&history, &profile, today())
    });
}
