//! Dose series: each exercise's planned dose per session over a window,
//! placed on the progression ladder's order so a climb reads as a climb and
//! a step back as a step down.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{Window, plural};
use crate::domain::{ExerciseRecord, History, SessionRecord};
use crate::rules::progression::Rung;

/// The planned dose of one session, in the record's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlannedDose {
    /// Sets planned.
    pub sets: u32,
    /// Repetitions (or cycles) per set; 0 when not counted.
    pub reps: u32,
    /// Seconds of the hold (or each repetition's hold, or the duration); 0 when none.
    pub hold_s: u32,
}

impl PlannedDose {
    fn of(record: &ExerciseRecord) -> PlannedDose {
        PlannedDose {
            sets: record.sets_planned,
            reps: record.target_reps,
            hold_s: record.target_hold_s,
        }
    }

    /// "2 × 8 reps, 12 s hold", "3 × 20 s", "2 × 10 reps".
    pub fn label(&self) -> String {
        match (self.reps, self.hold_s) {
            (0, 0) => format!("{} set{}", self.sets, plural(self.sets)),
            (0, h) => format!("{} × {h} s", self.sets),
            (r, 0) => format!("{} × {r} rep{}", self.sets, plural(r)),
            (r, h) => format!("{} × {r} rep{}, {h} s hold", self.sets, plural(r)),
        }
    }

    /// "2×8 12s": for narrow columns.
    pub fn short(&self) -> String {
        match (self.reps, self.hold_s) {
            (0, 0) => format!("{}", self.sets),
            (0, h) => format!("{}×{h}s", self.sets),
            (r, 0) => format!("{}×{r}", self.sets),
            (r, h) => format!("{}×{r} {h}s", self.sets),
        }
    }
}

/// How a session's dose compares with the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DoseChange {
    /// The first session in the window.
    First,
    /// The same rung.
    Same,
    /// Up the ladder.
    Up,
    /// A step back.
    Down,
}

impl DoseChange {
    /// Words for a table of dose changes.
    pub fn label(self) -> &'static str {
        match self {
            DoseChange::First => "first in this period",
            DoseChange::Same => "same",
            DoseChange::Up => "up",
            DoseChange::Down => "step back",
        }
    }
}

/// One session's dose of an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DosePoint {
    /// The session's date.
    pub date: Date,
    /// The planned dose.
    pub dose: PlannedDose,
    /// Every set done at the full target.
    pub completed: bool,
    /// The dose's place among the doses of this series, lowest 0, in the
    /// order the progression ladder climbs.
    pub level: usize,
    /// Against the session before.
    pub change: DoseChange,
}

/// One exercise's dose over the window, within one routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoseSeries {
    /// Catalog id of the exercise.
    pub exercise_id: String,
    /// Its name as last recorded.
    pub name: String,
    /// One point per session, oldest first (never empty).
    pub points: Vec<DosePoint>,
}

impl DoseSeries {
    /// Where it started in the window.
    pub fn first(&self) -> Option<&DosePoint> {
        self.points.first()
    }

    /// The latest dose.
    pub fn latest(&self) -> Option<&DosePoint> {
        self.points.last()
    }

    /// The highest level reached.
    pub fn top_level(&self) -> usize {
        self.points.iter().map(|p| p.level).max().unwrap_or(0)
    }

    /// Steps up the ladder.
    pub fn ups(&self) -> usize {
        self.count(DoseChange::Up)
    }

    /// Steps back.
    pub fn step_backs(&self) -> usize {
        self.count(DoseChange::Down)
    }

    fn count(&self, change: DoseChange) -> usize {
        self.points.iter().filter(|p| p.change == change).count()
    }

    /// The points where the dose changed (the first included): what a table
    /// of the dose over time needs.
    pub fn changes(&self) -> impl Iterator<Item = &DosePoint> {
        self.points.iter().filter(|p| p.change != DoseChange::Same)
    }

    /// "1 × 3 reps → 2 × 8 reps (4 steps up, 1 step back)".
    pub fn summary(&self) -> String {
        let (Some(first), Some(latest)) = (self.first(), self.latest()) else {
            return String::new();
        };
        let mut text = if first.dose == latest.dose {
            format!("{} throughout", latest.dose.label())
        } else {
            format!("{} → {}", first.dose.label(), latest.dose.label())
        };
        let (ups, backs) = (self.ups() as u32, self.step_backs() as u32);
        let steps: Vec<String> = [(ups, "up"), (backs, "back")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, way)| format!("{n} step{} {way}", plural(*n)))
            .collect();
        if !steps.is_empty() {
            text.push_str(&format!(" ({})", steps.join(", ")));
        }
        text
    }
}

/// One routine's exercises and their doses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineDoses {
    /// Catalog id of the routine.
    pub routine_id: String,
    /// Its name as last recorded.
    pub routine_name: String,
    /// Sessions of it with work done in the window.
    pub sessions: u32,
    /// Each exercise done in it, in the order of the latest session.
    pub exercises: Vec<DoseSeries>,
}

/// Every routine done in the window (most sessions first, then by name) with
/// the dose series of its exercises.
pub(super) fn doses(history: &History, window: Window) -> Vec<RoutineDoses> {
    let mut by_routine: BTreeMap<&str, Vec<&SessionRecord>> = BTreeMap::new();
    for s in history.sessions.iter().filter(|s| window.contains(s.date)) {
        by_routine.entry(s.routine_id.as_str()).or_default().push(s);
    }
    let mut routines: Vec<RoutineDoses> = by_routine
        .into_iter()
        .filter_map(|(id, sessions)| {
            let worked = sessions.iter().filter(|s| s.did_work()).count() as u32;
            let latest = sessions.last()?;
            Some(RoutineDoses {
                routine_id: id.to_string(),
                routine_name: latest.routine_name.clone(),
                sessions: worked,
                exercises: series_of(&sessions),
            })
        })
        .filter(|r| !r.exercises.is_empty())
        .collect();
    routines.sort_by(|a, b| {
        b.sessions
            .cmp(&a.sessions)
            .then_with(|| a.routine_name.cmp(&b.routine_name))
    });
    routines
}

/// The dose series of every exercise in `sessions` (oldest first), in the
/// order of the latest session that has them.
fn series_of(sessions: &[&SessionRecord]) -> Vec<DoseSeries> {
    let mut order: Vec<&str> = Vec::new();
    for s in sessions.iter().rev() {
        for e in &s.exercises {
            if !order.contains(&e.exercise_id.as_str()) {
                order.push(&e.exercise_id);
            }
        }
    }
    order
        .into_iter()
        .map(|id| {
            let records: Vec<(Date, &ExerciseRecord)> = sessions
                .iter()
                .flat_map(|s| {
                    s.exercises
                        .iter()
                        .filter(move |e| e.exercise_id == id)
                        .map(move |e| (s.date, e))
                })
                .collect();
            series(id, &records)
        })
        .collect()
}

fn series(id: &str, records: &[(Date, &ExerciseRecord)]) -> DoseSeries {
    let mut keys: Vec<(u32, u32)> = records.iter().map(|(_, r)| Rung::of_record(r)).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut points: Vec<DosePoint> = Vec::with_capacity(records.len());
    for (date, record) in records {
        let key = Rung::of_record(record);
        let level = keys.partition_point(|k| *k < key);
        let change = match points.last() {
            None => DoseChange::First,
            Some(prev) if level > prev.level => DoseChange::Up,
            Some(prev) if level < prev.level => DoseChange::Down,
            Some(_) => DoseChange::Same,
        };
        points.push(DosePoint {
            date: *date,
            dose: PlannedDose::of(record),
            completed: record.completed,
            level,
            change,
        });
    }
    DoseSeries {
        exercise_id: id.to_string(),
        name: records
            .last()
            .map(|(_, r)| r.name.clone())
            .unwrap_or_else(|| id.to_string()),
        points,
    }
}
