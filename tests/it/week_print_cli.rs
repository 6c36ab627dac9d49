//! `backcoach week --print` through the binary, on a data dir of hand-written RON.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const MARCH: &str = r#"// Written by hand: the files are plain RON a person can edit.
(
  sessions: [
    (
      id: "2026-03-16T18:00:00Z",
      routine_id: "daily",
      routine_name: "Daily routine",
      date: "2026-03-16",
      started: "2026-03-16T18:00:00Z",
      ended: Some("2026-03-16T18:16:00Z"),
      active_s: 900,
      status: Completed,
      exercises: [
        (exercise_id: "cat-cow", name: "Cat-cow", finished_at: "2026-03-16T18:05:00Z",
         sets_planned: 2, sets_done: 2, target_reps: 10, target_hold_s: 0,
         reps_done: [10, 10], completed: true),
      ],
    ),
    (
      id: "2026-03-17T07:00:00Z",
      routine_id: "mini",
      routine_name: "Mini workout",
      date: "2026-03-17",
      started: "2026-03-17T07:00:00Z",
      active_s: 300,
      status: InProgress,
      exercises: [
        (exercise_id: "bridge", name: "Bridge", finished_at: "2026-03-17T07:04:00Z",
         sets_planned: 3, sets_done: 1, target_reps: 8, target_hold_s: 5,
         reps_done: [8], hold_s_done: [40], completed: false),
      ],
    ),
    (
      id: "2026-03-18T18:00:00Z",
      routine_id: "daily",
      routine_name: "Daily routine",
      date: "2026-03-18",
      started: "2026-03-18T18:00:00Z",
      active_s: 240,
      status: StoppedForSafety(reason: "sharp pain (7/10) during Bird dog"),
    ),
  ],
  checkins: [
    (at: "2026-03-16T17:58:00Z", date: "2026-03-16", baseline: 3),
  ],
  marks: [
    (date: "2026-03-20", kind: Rest),
  ],
)
"#;

const BROKEN_FEBRUARY: &str = "(\n  sessions: [\n    (\n      id: 12,\n";

fn fill(dir: &Path) {
    fs::create_dir_all(dir.join("history")).unwrap();
    fs::write(dir.join("history/2026-03.ron"), MARCH).unwrap();
    fs::write(dir.join("history/2026-02.ron"), BROKEN_FEBRUARY).unwrap();
    fs::write(
        dir.join("profile.ron"),
        "(experience: New, weekly_target: 3)\n",
    )
    .unwrap();
}

#[test]
fn week_print_writes_the_week_as_plain_text() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let output = Command::cargo_bin("backcoach")
        .unwrap()
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["week", "--print", "--date", "2026-03-19"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.starts_with("Week 12, 2026 · Mon 16 Mar – Sun 22 Mar 2026"),
        "{stdout}"
    );
    let expected_days = [
        "Mon 2026-03-16  done         15 min  Daily routine",
        "Tue 2026-03-17  partial       5 min  Mini workout",
        "Wed 2026-03-18  stopped       4 min  Daily routine",
        "Thu 2026-03-19  missed",
        "Fri 2026-03-20  rest",
        "Sat 2026-03-21  missed",
        "Sun 2026-03-22  missed",
    ];
    for line in expected_days {
        assert!(
            stdout.lines().any(|l| l == line),
            "no line {line:?} in\n{stdout}"
        );
    }
    // The profile's target of 3, lowered by the rest day; the stopped day had no exercise.
    assert!(
        stdout.contains("Target: 2 of 2 days (3 less 1 marked rest/sick day) — met"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Week 12: 2 days, 24 min, 3 sets, 28 reps"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Last safety stop: Wed 18 Mar 2026"),
        "{stdout}"
    );
    // The broken month is named with line:column on stderr and in the notices, and left alone.
    let broken = tmp.path().join("history/2026-02.ron");
    let named = format!("{}:4:11:", broken.display());
    assert!(stderr.contains(&named), "stderr: {stderr}");
    assert!(stdout.contains(&named), "{stdout}");
    assert_eq!(fs::read_to_string(&broken).unwrap(), BROKEN_FEBRUARY);
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let output = Command::cargo_bin("backcoach")
        .unwrap()
        .env("BACKCOACH_DATA_DIR", tmp.path())
        .args(["week", "--print", "--date", "2026-03-22"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("Mon 2026-03-16  done"), "{stdout}");
}

#[test]
fn a_bad_date_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    Command::cargo_bin("backcoach")
        .unwrap()
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["week", "--print", "--date", "2026-13-40"])
        .assert()
        .code(2);
}

#[test]
fn export_prints_every_session_and_rating_through_the_binary() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let ron_out = Command::cargo_bin("backcoach")
        .unwrap()
        .arg("--data-dir")
        .arg(tmp.path())
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(ron_out.status.code(), Some(0));
    let text = String::from_utf8(ron_out.stdout).unwrap();
    let back: backcoach::store::month::MonthFile = ron::from_str(&text).unwrap();
    assert_eq!(back.sessions.len(), 3);
    assert!(
        String::from_utf8(ron_out.stderr)
            .unwrap()
            .contains("2026-02.ron:4:11:")
    );

    let csv = Command::cargo_bin("backcoach")
        .unwrap()
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["export", "--csv"])
        .output()
        .unwrap();
    assert_eq!(csv.status.code(), Some(0));
    let text = String::from_utf8(csv.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("record,session_id,date,time,")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.iter().filter(|r| r.starts_with("session,")).count(), 3);
    assert!(
        rows.iter()
            .any(|r| r.contains("\"sharp pain (7/10) during Bird dog\"")
                || r.contains("sharp pain (7/10) during Bird dog")),
        "{text}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("mark,,2026-03-20,")),
        "{text}"
    );
}
