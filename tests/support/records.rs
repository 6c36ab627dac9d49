//! Builders shared by the store and week tests.
#![allow(dead_code)]

use backcoach::domain::*;
use jiff::Timestamp;
use jiff::civil::{Date, date};

/// A timestamp at `h:m` UTC on `d`.
pub fn at(d: Date, h: i8, m: i8) -> Timestamp {
    d.at(h, m, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
}

pub fn exercise(id: &str, sets: u32, reps: u32, finished: Timestamp) -> ExerciseRecord {
    ExerciseRecord {
        exercise_id: id.into(),
        name: format!("Exercise {id}"),
        finished_at: finished,
        sets_planned: sets,
        sets_done: sets,
        target_reps: reps,
        target_hold_s: 0,
        reps_done: vec![reps; sets as usize],
        hold_s_done: Vec::new(),
        completed: true,
    }
}

/// A session on `d` starting at 18:00 UTC, lasting `minutes`.
pub fn session(d: Date, status: SessionStatus, minutes: u32) -> SessionRecord {
    session_at(at(d, 18, 0), d, status, minutes)
}

/// A session of the daily routine that started at `started` (local date `d`),
/// lasting `minutes`, with cat-cow and the bridge done.
pub fn session_at(
    started: Timestamp,
    d: Date,
    status: SessionStatus,
    minutes: u32,
) -> SessionRecord {
    SessionRecord {
        id: started.to_string(),
        routine_id: "daily".into(),
        routine_name: "Daily routine".into(),
        date: d,
        started,
        ended: Some(started + jiff::SignedDuration::from_mins(i64::from(minutes))),
        active_s: minutes * 60,
        status,
        intense: false,
        baseline: Some(3),
        exercises: vec![
            exercise("cat-cow", 2, 10, started),
            exercise("bridge", 2, 8, started),
        ],
        ratings: Vec::new(),
    }
}

pub fn done(d: Date) -> SessionRecord {
    session(d, SessionStatus::Completed, 15)
}

pub fn checkin(d: Date, baseline: u8) -> CheckIn {
    CheckIn {
        at: at(d, 17, 55),
        date: d,
        baseline,
        asked_warning_signs: false,
        warning_signs: Vec::new(),
        since_last: None,
        stop_pain_eased: None,
        lingering: false,
    }
}

/// A day often used by the tests: Monday 16 March 2026.
pub fn monday() -> Date {
    date(2026, 3, 16)
}

/// A small tmpfs mounted for a test (a disk that can be filled), unmounted
/// when dropped. Mounting needs root (CI runs as root): elsewhere the test
/// that asks for one prints why it is skipped and passes.
pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `kib` KiB, or says why it cannot.
    pub fn mount(kib: u32) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={kib}k,mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            Ok(o) => {
                eprintln!(
                    "skipped: cannot mount a tmpfs to fill ({})",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: cannot run mount ({e})");
                None
            }
        }
    }

    /// The mounted folder.
    pub fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Fills the disk to the last byte with a file called `filler`.
    pub fn fill(&self) {
        use std::io::Write;
        let mut file = std::fs::File::create(self.path().join("filler")).expect("filler");
        let block = vec![0u8; 4096];
        while file.write_all(&block).is_ok() {}
        while file.write_all(&[0]).is_ok() {}
        let _ = file.sync_all();
    }

    /// Frees the space `fill` took.
    pub fn free(&self) {
        std::fs::remove_file(self.path().join("filler")).expect("remove filler");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}
