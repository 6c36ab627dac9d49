//! The store under injected faults: two `Store`s on one data dir (two
//! windows), saves interleaved at random, and writes, renames and directory
//! syncs failing at random through the test-only seam in `fsio`.
//!
//! After every step: every file parses, no temporary file is left, every
//! record a store no longer holds in memory (it reported it written) is on
//! disk as last saved, and the day index agrees with the month files, so
//! the last safety stop is found by any store, fresh or long-lived.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::civil::{Date, date};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::fsio::faults::{self, WriteStep};
use super::fsio::{self, ReadOutcome};
use super::index::IndexFile;
use super::month::MonthFile;
use super::{Pending, Store};
use crate::domain::{CheckIn, DayFlags, DayMarkKind, SessionRecord, SessionStatus};

/// What one step does.
#[derive(Debug, Clone)]
enum Op {
    /// Saves version `version` of session `n` of the store, on `day`.
    Session {
        n: u8,
        day: u16,
        version: u8,
        stop: bool,
    },
    CheckIn {
        day: u16,
        minute: u8,
    },
    Mark {
        day: u16,
        kind: Option<DayMarkKind>,
    },
    Retry,
}

/// One step: which store, what, and which write step fails (the `n`-th time
/// it happens during the step).
#[derive(Debug, Clone)]
struct Turn {
    store: usize,
    op: Op,
    fault: Option<(WriteStep, u8)>,
}

/// Days from 20 February to 10 April 2026: three months, a month boundary
/// or two inside most runs.
fn day(offset: u16) -> Date {
    date(2026, 2, 20)
        .checked_add(jiff::Span::new().days(i64::from(offset % 50)))
        .expect("in range")
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..4, 0u16..50, 0u8..4, any::<bool>()).prop_map(|(n, day, version, stop)| {
            Op::Session { n, day, version, stop }
        }),
        2 => (0u16..50, 0u8..60).prop_map(|(day, minute)| Op::CheckIn { day, minute }),
        2 => (0u16..50, prop_oneof![
            Just(None),
            Just(Some(DayMarkKind::Rest)),
            Just(Some(DayMarkKind::Sick)),
        ])
        .prop_map(|(day, kind)| Op::Mark { day, kind }),
        1 => Just(Op::Retry),
    ]
}

fn step() -> impl Strategy<Value = Turn> {
    let fault = prop_oneof![
        3 => Just(None),
        1 => (prop_oneof![Just(WriteStep::Write), Just(WriteStep::Rename), Just(WriteStep::SyncDir)], 0u8..3)
            .prop_map(Some),
    ];
    (0usize..2, op(), fault).prop_map(|(store, op, fault)| Turn { store, op, fault })
}

fn at(d: Date, minute: u8) -> Timestamp {
    d.at(18, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("in range")
        .timestamp()
        + SignedDuration::from_mins(i64::from(minute))
}

fn session(store: usize, n: u8, d: Date, version: u8, stop: bool) -> SessionRecord {
    let started = at(d, 0);
    SessionRecord {
        // Each store's sessions are its own: two windows never share one;
        // a session's date is part of what it is (its id is its start).
        id: format!("window-{store}-session-{n}-on-{d}"),
        routine_id: "daily".into(),
        routine_name: "Daily routine".into(),
        date: d,
        started,
        ended: Some(started + SignedDuration::from_mins(i64::from(version) + 1)),
        active_s: u32::from(version) * 60,
        status: if stop {
            SessionStatus::StoppedForSafety {
                reason: format!("Sharp pain (version {version})"),
            }
        } else {
            SessionStatus::Completed
        },
        intense: false,
        baseline: Some(version),
        exercises: Vec::new(),
        ratings: Vec::new(),
    }
}

fn checkin(store: usize, d: Date, minute: u8) -> CheckIn {
    CheckIn {
        // Odd minutes for one window, even for the other: never the same check-in.
        at: at(d, minute * 2 + store as u8),
        date: d,
        baseline: minute % 11,
        asked_warning_signs: false,
        warning_signs: Vec::new(),
        since_last: None,
        stop_pain_eased: None,
        lingering: false,
    }
}

/// The key a record is replaced by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Session(String),
    CheckIn(Timestamp),
    Mark(Date),
}

fn key_of(p: &Pending) -> Key {
    match p {
        Pending::Session(s) => Key::Session(s.id.clone()),
        Pending::CheckIn(c) => Key::CheckIn(c.at),
        Pending::Mark(d, _) => Key::Mark(*d),
    }
}

/// Runs one step with its fault armed; what the step queued.
fn run(stores: &mut [Store; 2], s: &Turn) -> Option<Pending> {
    let store = &mut stores[s.store];
    if let Some((fail_step, nth)) = s.fault {
        let mut seen = 0u8;
        faults::inject(move |step, _| {
            if step != fail_step {
                return false;
            }
            seen += 1;
            seen == nth + 1
        });
    }
    let queued = match s.op {
        Op::Session {
            n,
            day: d,
            version,
            stop,
        } => {
            let record = session(s.store, n, day(d), version, stop);
            let _ = store.save_session(&record);
            Some(Pending::Session(record))
        }
        Op::CheckIn { day: d, minute } => {
            let c = checkin(s.store, day(d), minute);
            let _ = store.save_checkin(&c);
            Some(Pending::CheckIn(c))
        }
        Op::Mark { day: d, kind } => {
            // Marks of even days belong to one window, odd days to the other.
            let d = day(d - d % 2 + s.store as u16);
            let _ = store.set_mark(d, kind);
            Some(Pending::Mark(d, kind))
        }
        Op::Retry => {
            let _ = store.retry_pending();
            None
        }
    };
    faults::clear();
    queued
}

/// Every file in the data dir parses; no temporary file is left.
fn every_file_readable(dir: &Path) -> Result<(), TestCaseError> {
    let history = dir.join(super::HISTORY_DIR);
    for entry in std::fs::read_dir(&history).into_iter().flatten().flatten() {
        let name = entry.file_name().into_string().expect("utf-8 names");
        prop_assert!(!name.ends_with(".tmp"), "temporary file left: {name}");
        let read = fsio::read_ron::<MonthFile>(&entry.path());
        prop_assert!(matches!(read, ReadOutcome::Parsed(_)), "unreadable {name}");
    }
    for path in fsio::chain(dir, super::INDEX_STEM) {
        let read = fsio::read_ron::<IndexFile>(&path);
        prop_assert!(matches!(read, ReadOutcome::Parsed(_)), "unreadable index");
    }
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().into_string().expect("utf-8 names");
        prop_assert!(!name.ends_with(".tmp"), "temporary file left: {name}");
    }
    Ok(())
}

fn on_disk(dir: &Path) -> BTreeMap<Key, Pending> {
    let all = Store::open(dir).expect("open").load_all();
    let mut found = BTreeMap::new();
    for s in all.sessions {
        found.insert(Key::Session(s.id.clone()), Pending::Session(s));
    }
    for c in all.checkins {
        found.insert(Key::CheckIn(c.at), Pending::CheckIn(c));
    }
    for m in all.marks {
        found.insert(Key::Mark(m.date), Pending::Mark(m.date, Some(m.kind)));
    }
    found
}

fn check(
    dir: &Path,
    stores: &[Store; 2],
    queued: &[BTreeMap<Key, Pending>; 2],
) -> Result<(), TestCaseError> {
    every_file_readable(dir)?;
    let disk = on_disk(dir);
    for (w, store) in stores.iter().enumerate() {
        let held: BTreeSet<Key> = store.pending.iter().map(key_of).collect();
        for (key, latest) in &queued[w] {
            if held.contains(key) {
                continue;
            }
            // Reported written (no longer held): on disk as last saved.
            match latest {
                Pending::Mark(_, None) => {
                    prop_assert!(!disk.contains_key(key), "cleared mark back: {key:?}")
                }
                _ => prop_assert_eq!(disk.get(key), Some(latest), "lost or stale: {:?}", key),
            }
        }
    }
    // The index agrees with the month files, for a fresh store and for both
    // long-lived ones (whose cached index must not hide the other's saves).
    let all = Store::open(dir).expect("open").load_all();
    let truth = DayFlags::of_records(&all.sessions, &all.marks);
    let from = date(2026, 2, 1);
    let to = date(2026, 4, 30);
    let latest_stop = all
        .sessions
        .iter()
        .filter(|s| s.is_safety_stop())
        .max_by_key(|s| s.started)
        .map(|s| s.id.clone());
    let fresh = Store::open(dir).expect("open");
    for store in [&fresh, &stores[0], &stores[1]] {
        let index = store.load(from, to).index;
        let days: BTreeMap<Date, DayFlags> = index.days().collect();
        let pending_days: BTreeSet<Date> = store.pending.iter().map(Pending::date).collect();
        for (d, flags) in &truth {
            if !pending_days.contains(d) {
                prop_assert_eq!(days.get(d), Some(flags), "index misses {}", d);
            }
        }
        for (d, flags) in &days {
            if !pending_days.contains(d) {
                prop_assert_eq!(truth.get(d), Some(flags), "index invents {}", d);
            }
        }
        if store.pending.is_empty() {
            let found = store.last_safety_stop(to).map(|s| s.id);
            prop_assert_eq!(&found, &latest_stop);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn two_windows_with_failing_writes_lose_nothing_reported_written(
        steps in prop::collection::vec(step(), 1..24)
    ) {
        let tmp = tempfile::tempdir().expect("dir");
        let dir = tmp.path();
        let mut stores = [Store::open(dir).expect("open"), Store::open(dir).expect("open")];
        let mut queued: [BTreeMap<Key, Pending>; 2] = [BTreeMap::new(), BTreeMap::new()];
        for s in &steps {
            if let Some(p) = run(&mut stores, s) {
                queued[s.store].insert(key_of(&p), p);
            }
            check(dir, &stores, &queued)?;
        }
        // The disk works again: everything lands.
        for store in &mut stores {
            prop_assert!(store.retry_pending().is_ok());
            prop_assert_eq!(store.pending(), 0);
        }
        check(dir, &stores, &queued)?;
    }
}
