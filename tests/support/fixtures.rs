//! The tiny catalog and a profile that skips the set-up: the data dir most
//! tests of the app start from, in-process or through the binary.
#![allow(dead_code)]

use std::path::PathBuf;

/// A tiny catalog for end-to-end runs: short holds, few reps.
pub const TINY_CATALOG: &str = r#"#![enable(implicit_some)]
(
    exercises: [
        (
            id: "tiny-hold",
            name: "Tiny hold",
            category: Core,
            targets: ["core"],
            position: "On your forearms",
            dose: (kind: Hold, sets: (1, 1), hold_s: (2, 2)),
            steps: ["Hold still."],
            cue: "Breathe",
            level: Beginner,
            sources: ["test"],
        ),
        (
            id: "tiny-reps",
            name: "Tiny reps",
            category: Strength,
            targets: ["legs"],
            position: "Standing",
            dose: (kind: Reps, sets: (2, 2), reps: (2, 2), rest_s: (1, 1)),
            steps: ["Bend and stand."],
            cue: "Chest up",
            level: Beginner,
            sources: ["test"],
        ),
        (
            id: "tiny-sides",
            name: "Tiny sides",
            category: Core,
            targets: ["back"],
            position: "On hands and knees",
            dose: (kind: RepsWithHold, per_side: true, sets: (1, 1), reps: (1, 1), hold_s: (1, 1)),
            steps: ["Reach and hold."],
            cue: "Flat back",
            level: Beginner,
            sources: ["test"],
        ),
    ],
    routines: [
        (
            id: "daily",
            name: "Tiny routine",
            summary: "For tests.",
            minutes: (1, 1),
            frequency: (days_per_week: (4, 5)),
            rest_s: (1, 1),
            items: [
                (exercise: "tiny-hold"),
                (exercise: "tiny-reps"),
                (exercise: "tiny-sides"),
            ],
            sources: ["test"],
        ),
    ],
)
"#;

/// A profile that skips the first-run set-up (a regular exerciser, so doses
/// are the routine's). Held reps wait for `Space` (`pacing: Manual`), as
/// these tests press it; the paced default has tests of its own.
pub const REGULAR_PROFILE: &str = "(experience: Regular, conditions: [], equipment: [], weekly_target: 4, volume: 70, bell: false, discomfort_limit: 5, pacing: Manual)\n";

/// A data dir with a profile and the tiny catalog beside it; returns (dir, catalog path).
pub fn prepared_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("profile.ron"), REGULAR_PROFILE).expect("profile");
    let catalog = dir.path().join("tiny.ron");
    std::fs::write(&catalog, TINY_CATALOG).expect("catalog");
    (dir, catalog)
}
