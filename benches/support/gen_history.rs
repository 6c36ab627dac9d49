//! A realistic history, generated: one session a day (six exercises, four
//! ratings) and a check-in, written straight as month files the way the store
//! writes them. Shared by `benches/history.rs` and `examples/gen_history.rs`
//! (which `scripts/measure` runs to fill a data dir with ten years).

use std::io;
use std::path::Path;

use backcoach::domain::*;
use backcoach::store::month::MonthFile;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

/// Writes `history/YYYY-MM.ron` month files under `dir` with one session and
/// one check-in on every day from `first` to `last`, both included.
pub fn generate(dir: &Path, first: Date, last: Date) -> io::Result<()> {
    let history = dir.join("history");
    std::fs::create_dir_all(&history)?;
    let mut month = MonthFile::default();
    let mut day = first;
    while day <= last {
        let started: Timestamp = day
            .at(18, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map_err(io::Error::other)?
            .timestamp();
        let exercises = (0..6)
            .map(|i| ExerciseRecord {
                exercise_id: format!("exercise-{i}"),
                name: format!("Exercise number {i}"),
                finished_at: started + SignedDuration::from_mins(2 * i + 2),
                sets_planned: 2,
                sets_done: 2,
                target_reps: 10,
                target_hold_s: 5,
                reps_done: vec![10, 10],
                hold_s_done: vec![50, 50],
                completed: true,
            })
            .collect();
        let ratings = (0..4)
            .map(|i| Rating {
                at: started + SignedDuration::from_mins(3 * i + 2),
                value: 2,
                kind: DiscomfortKind::DullAche,
                moment: RatingMoment::AfterExercise,
                exercise_id: Some(format!("exercise-{i}")),
                set: None,
                side: None,
                decision: Some(RatingDecision::Continued),
            })
            .collect();
        month.sessions.push(SessionRecord {
            id: started.to_string(),
            routine_id: "daily".into(),
            routine_name: "Daily routine".into(),
            date: day,
            started,
            ended: Some(started + SignedDuration::from_mins(16)),
            active_s: 900,
            status: SessionStatus::Completed,
            intense: day.day() % 3 == 0,
            baseline: Some(3),
            exercises,
            ratings,
        });
        month.checkins.push(CheckIn {
            at: started,
            date: day,
            baseline: (day.day() % 5) as u8,
            asked_warning_signs: true,
            warning_signs: Vec::new(),
            since_last: Some(Compared::Same),
            stop_pain_eased: None,
            lingering: false,
        });
        let next = day.tomorrow().map_err(io::Error::other)?;
        if next.month() != day.month() || next > last {
            let name = format!("{:04}-{:02}.ron", day.year(), day.month());
            // Formatted as the store writes month files (src/store/fsio.rs).
            let config = ron::ser::PrettyConfig::new()
                .compact_arrays(true)
                .indentor("  ");
            let text = ron::ser::to_string_pretty(&month, config).map_err(io::Error::other)?;
            std::fs::write(history.join(name), text)?;
            month = MonthFile::default();
        }
        day = next;
    }
    Ok(())
}
