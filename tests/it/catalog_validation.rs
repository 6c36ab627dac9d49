//! Each validation rule, with a broken catalog: the message names the file,
//! the `line:column` and the offending id. Also the CLI's `check`, `list` and
//! `show` through the real binary, with their exit codes.

use assert_cmd::Command;
use backcoach::catalog::{CatalogError, parse};

/// A valid two-exercise, one-routine catalog; tests break one thing in it.
const GOOD: &str = r#"(
    exercises: [
        (
            id: "plank",
            name: "Plank",
            category: Core,
            targets: ["core"],
            position: "Forearms and toes",
            dose: (kind: Hold, sets: (2, 3), hold_s: (15, 30)),
            steps: ["Hold a straight line."],
            cue: "Hips level",
            level: Beginner,
            alternative: Some("bridge"),
            sources: ["004_1dc9c59fbca25a08.txt"],
        ),
        (
            id: "bridge",
            name: "Bridge",
            category: Core,
            targets: ["glutes"],
            position: "On your back",
            dose: (kind: Reps, sets: (2, 2), reps: (8, 10)),
            steps: ["Lift your hips."],
            cue: "Squeeze",
            level: Beginner,
            sources: ["000_d3442f2d4298181e.txt"],
        ),
    ],
    routines: [
        (
            id: "r",
            name: "R",
            summary: "S",
            minutes: (10, 15),
            frequency: (days_per_week: (3, 4)),
            items: [(exercise: "plank"), (exercise: "bridge", reps: Some((5, 10)))],
            sources: ["000_d3442f2d4298181e.txt"],
        ),
    ],
)
"#;

fn problems(source: &str) -> String {
    match parse(source, "my.ron") {
        Ok(_) => panic!("expected the catalog to be rejected"),
        Err(e @ CatalogError::Invalid { .. }) => e.to_string(),
        Err(other) => panic!("expected a validation error, got {other}"),
    }
}

fn replace_once(haystack: &str, from: &str, to: &str) -> String {
    assert!(
        haystack.contains(from),
        "the test's anchor {from:?} is missing"
    );
    haystack.replacen(from, to, 1)
}

#[test]
fn the_good_catalog_is_valid() {
    let catalog = parse(GOOD, "my.ron").expect("valid");
    assert_eq!(catalog.exercises.len(), 2);
}

#[test]
fn a_duplicate_id_is_named_where_it_repeats() {
    let bad = replace_once(GOOD, r#"id: "bridge","#, r#"id: "plank","#);
    let text = problems(&bad);
    assert!(
        text.lines()
            .any(|l| l == r#"my.ron:17:17: exercise "plank": duplicate id"#),
        "{text}"
    );
}

#[test]
fn a_routine_naming_an_unknown_exercise() {
    let bad = replace_once(GOOD, r#"(exercise: "plank")"#, r#"(exercise: "plonk")"#);
    assert_eq!(
        problems(&bad),
        r#"my.ron:36:32: routine "r": exercise "plonk" is not in this catalog"#
    );
}

#[test]
fn an_alternative_that_does_not_exist() {
    let bad = replace_once(
        GOOD,
        r#"alternative: Some("bridge")"#,
        r#"alternative: Some("wall-sit")"#,
    );
    assert_eq!(
        problems(&bad),
        r#"my.ron:13:31: exercise "plank": alternative "wall-sit" is not an exercise in this catalog"#
    );
}

#[test]
fn empty_steps() {
    let bad = replace_once(GOOD, r#"steps: ["Lift your hips."],"#, "steps: [],");
    assert_eq!(
        problems(&bad),
        r#"my.ron:23:20: exercise "bridge": the steps are empty"#
    );
}

#[test]
fn a_range_whose_min_exceeds_its_max() {
    let bad = replace_once(GOOD, "reps: (8, 10)", "reps: (10, 8)");
    assert_eq!(
        problems(&bad),
        r#"my.ron:22:52: exercise "bridge": reps (10, 8): the minimum exceeds the maximum"#
    );
    let bad = replace_once(GOOD, "reps: Some((5, 10))", "reps: Some((12, 10))");
    assert_eq!(
        problems(&bad),
        r#"my.ron:36:74: routine "r": reps (12, 10): the minimum exceeds the maximum"#
    );
}

#[test]
fn a_zero_length_hold() {
    let bad = replace_once(GOOD, "hold_s: (15, 30)", "hold_s: (0, 30)");
    assert_eq!(
        problems(&bad),
        r#"my.ron:9:54: exercise "plank": hold_s (0, 30): a zero-length hold"#
    );
}

#[test]
fn a_dose_missing_what_its_kind_needs() {
    let bad = replace_once(
        GOOD,
        "dose: (kind: Reps, sets: (2, 2), reps: (8, 10)),",
        "dose: (kind: Reps),",
    );
    assert_eq!(
        problems(&bad),
        r#"my.ron:22:19: exercise "bridge": a reps dose needs reps"#
    );
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let bad = replace_once(GOOD, "hold_s: (15, 30)", "hold_s: (0, 30)");
    let bad = replace_once(&bad, r#"(exercise: "plank")"#, r#"(exercise: "plonk")"#);
    let text = problems(&bad);
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("my.ron:9:") && lines[1].starts_with("my.ron:36:"),
        "{text}"
    );
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let bad = replace_once(GOOD, "reps: (8, 10)", "reps: (8, ten)");
    match parse(&bad, "my.ron") {
        Err(CatalogError::Syntax { line, col, .. }) => assert_eq!((line, col), (22, 56)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_start_the_dose_cannot_use() {
    // The progression would silently ignore these: they are reported instead.
    let bad = replace_once(
        GOOD,
        "dose: (kind: Reps, sets: (2, 2), reps: (8, 10)),",
        "dose: (kind: Reps, sets: (2, 2), reps: (8, 10)),\n            start: (reps: 12, hold_s: 5),",
    );
    assert_eq!(
        problems(&bad),
        "my.ron:23:27: exercise \"bridge\": start reps 12 is above the dose's lowest (8); a start never exceeds it\n\
         my.ron:23:39: exercise \"bridge\": start hold_s: a reps dose has no hold_s"
    );
    let bad = replace_once(
        GOOD,
        "dose: (kind: Reps, sets: (2, 2), reps: (8, 10)),",
        "dose: (kind: Cycles, reps: (3, 5)),\n            start: (reps: 2),",
    );
    assert_eq!(
        problems(&bad),
        r#"my.ron:23:20: exercise "bridge": start has no effect: slow cycles do not build up"#
    );
}

#[test]
fn a_warm_up_that_is_not_a_routine_or_is_its_own() {
    let bad = replace_once(
        GOOD,
        r#"minutes: (10, 15),"#,
        r#"minutes: (10, 15), warm_up: Some("stretch"),"#,
    );
    assert_eq!(
        problems(&bad),
        r#"my.ron:34:46: routine "r": warm_up "stretch" is not a routine in this catalog"#
    );
    let bad = replace_once(
        GOOD,
        r#"minutes: (10, 15),"#,
        r#"minutes: (10, 15), warm_up: Some("r"),"#,
    );
    assert_eq!(
        problems(&bad),
        r#"my.ron:34:46: routine "r": a routine cannot be its own warm-up"#
    );
    // An offer is one routine, never a chain.
    let chained = replace_once(
        GOOD,
        "    ],\n)\n",
        r#"        (id: "s", name: "S", summary: "S", minutes: (5, 5), frequency: (days_per_week: (1, 3)),
         warm_up: Some("t"), items: [(exercise: "plank")], sources: ["mine"]),
        (id: "t", name: "T", summary: "T", minutes: (5, 5), frequency: (days_per_week: (1, 3)),
         warm_up: Some("s"), items: [(exercise: "bridge")], sources: ["mine"]),
    ],
)
"#,
    );
    let text = problems(&chained);
    assert!(
        text.contains(r#"routine "s": warm_up "t" has a warm-up of its own; offer one routine"#),
        "{text}"
    );
    assert!(
        parse(
            &replace_once(&chained, r#"warm_up: Some("s"), "#, ""),
            "my.ron"
        )
        .is_ok()
    );
}

#[test]
fn guides_need_one_id_each_and_a_title() {
    let bad = replace_once(
        GOOD,
        "(\n    exercises: [",
        "(\n    guides: [(id: \"pt\", title: \"My physio's sheet\"), (id: \"pt\", title: \" \")],\n    exercises: [",
    );
    assert_eq!(
        problems(&bad),
        "my.ron:2:59: guide \"pt\": duplicate guide id\n\
         my.ron:2:72: guide \"pt\": the title is empty"
    );
}

// ---- through the real binary -------------------------------------------------

/// The README teaches the format with an example; it must be a catalog that
/// loads, with the routine it describes.
#[test]
fn the_readme_example_catalog_is_valid() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let example = readme
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README's ```ron block");
    let catalog = parse(example, "README.md").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.exercises.len(), 1);
    assert!(catalog.routine("legs").is_some());
}

fn backcoach() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_backcoach"));
    cmd.env_remove("BACKCOACH_CATALOG")
        .env_remove("BACKCOACH_DATA_DIR");
    cmd
}

#[test]
fn check_accepts_the_built_in_catalog() {
    let out = backcoach().arg("check").output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("valid") && text.contains("exercises") && text.contains("routines"),
        "{text}"
    );
}

#[test]
fn check_reports_a_malformed_file_with_its_position_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("mine.ron");
    let bad = replace_once(GOOD, "reps: (8, 10)", "reps: (8, ten)");
    std::fs::write(&path, &bad).expect("write");
    let out = backcoach().arg("check").arg(&path).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:22:56:", path.display())), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear message: {err}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), bad);
    // An invalid (but well-formed) catalog fails the same way, for every command.
    std::fs::write(
        &path,
        replace_once(GOOD, "hold_s: (15, 30)", "hold_s: (0, 30)"),
    )
    .expect("write");
    let out = backcoach()
        .arg("--catalog")
        .arg(&path)
        .arg("list")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":9:54:") && err.contains("zero-length hold"),
        "{err}"
    );
    let out = backcoach()
        .env("BACKCOACH_CATALOG", &path)
        .args(["start"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a catalog that fails validation never starts a session"
    );
}

#[test]
fn check_reports_a_missing_file() {
    let out = backcoach()
        .args(["check", "/nonexistent/catalog.ron"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/catalog.ron"));
}

#[test]
fn list_shows_every_exercise_and_routine() {
    let catalog = backcoach::catalog::builtin().expect("built-in");
    let rows = |what: &str| -> String {
        let out = backcoach().args(["list", what]).output().expect("run");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let row_of = |text: &str, id: &str| -> Option<String> {
        text.lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .map(str::to_string)
    };
    let text = rows("exercises");
    assert!(
        text.lines()
            .next()
            .is_some_and(|h| h.starts_with("ID") && h.contains("CATEGORY") && h.contains("DOSE"))
    );
    for e in &catalog.exercises {
        let row = row_of(&text, &e.id).unwrap_or_else(|| panic!("{} missing:\n{text}", e.id));
        assert!(row.contains(&e.name), "{row}");
        let dose = if e.ours.contains(&backcoach::catalog::ExerciseOwn::Dose) {
            format!("{} (backcoach's default)", e.dose.summary())
        } else {
            e.dose.summary()
        };
        assert!(row.ends_with(&dose), "{row}");
    }
    let text = rows("routines");
    for r in &catalog.routines {
        assert!(row_of(&text, &r.id).is_some(), "{} missing:\n{text}", r.id);
    }
    let daily = row_of(&text, "daily").expect("the daily routine");
    assert!(
        daily.ends_with("15 min, 4–5 days a week, once a day"),
        "the guides' frequency: {daily}"
    );
    let out = backcoach()
        .args(["--catalog", "/nope.ron", "list"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let out = backcoach()
        .args(["list", "stretches"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "a usage error is clap's exit code"
    );
}

#[test]
fn show_prints_an_exercise_and_a_routine() {
    let out = backcoach().args(["show", "bridge"]).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for part in [
        "Bridge (bridge)",
        "Targets:",
        "Dose:",
        "Start at:",
        "Build to:",
        "Steps:",
        "1. ",
        "Cautions:",
        "Source guides:",
        "  - Build a Stronger Back with These Proven Exercises\n",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    assert!(
        !text.contains(".txt"),
        "sources by title, not file name:\n{text}"
    );
    let out = backcoach().args(["show", "daily"]).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Bridge (bridge): 2 × 8–10 reps"), "{text}");
    assert!(
        text.contains("Superman (superman): 1–2 × 6–8 reps"),
        "{text}"
    );
}

#[test]
fn show_an_unknown_id_exits_one_with_a_clear_message() {
    let out = backcoach()
        .args(["show", "unicorn-pose"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        r#"backcoach: no exercise or routine has the id "unicorn-pose" (see `backcoach list`)"#
    );
}

/// `show` for an exercise a condition should avoid, and for one whose dose is
/// backcoach's own: what the user reads, whole.
#[test]
fn show_snapshots_a_condition_and_our_own_dose() {
    for id in ["superman", "hip-hinge"] {
        let out = backcoach().args(["show", id]).output().expect("run");
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        insta::assert_snapshot!(format!("show_{id}"), text);
    }
}

#[test]
fn show_says_who_should_avoid_a_spine_loading_and_what_is_ours() {
    let text = |id: &str| {
        let out = backcoach().args(["show", id]).output().expect("run");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let superman = text("superman");
    assert!(
        superman.contains("  - backward bending (extension). With spinal stenosis, leave it out"),
        "{superman}"
    );
    let child = text("childs-pose");
    assert!(
        child.contains(
            "  - deep forward bending (deep flexion). With a herniated disc, leave it out"
        ),
        "{child}"
    );
    let cat_cow = text("cat-cow");
    assert!(cat_cow.contains("pace: backcoach's default"), "{cat_cow}");
    assert!(cat_cow.contains("Pace:       8 s a cycle"), "{cat_cow}");
    let daily = text("daily");
    assert!(
        daily.contains("Rest:       30 s between sets (backcoach's default; the guides give none)"),
        "{daily}"
    );
    let gym = text("gym-back-day");
    assert!(gym.contains("Rest:       45–60 s between sets\n"), "{gym}");
    assert!(
        gym.contains("Length:     about 45–60 min (backcoach's estimate; the guide gives none)"),
        "{gym}"
    );
    assert!(
        gym.contains("Warm-up:    5-minute warm-up (warm-up) is offered first"),
        "{gym}"
    );
    let pt = text("pt-twelve");
    let hinge = pt
        .split("  - Hip hinge (hip-hinge)")
        .nth(1)
        .and_then(|rest| rest.split("\n  - ").next())
        .expect("the hip hinge in pt-twelve");
    assert!(
        hinge.contains("dose: backcoach's default; the guides give none"),
        "{pt}"
    );
}

/// A user catalog may cite what it likes; built-in guides named by file read
/// as their titles, other words as themselves.
#[test]
fn a_user_catalog_s_sources_print_as_titles_or_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("mine.ron");
    let mine = replace_once(
        GOOD,
        r#"sources: ["000_d3442f2d4298181e.txt"],
        ),
    ],"#,
        r#"sources: ["my physio's sheet", "000"],
        ),
    ],"#,
    );
    std::fs::write(&path, &mine).expect("write");
    let out = backcoach().arg("check").arg(&path).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let show = |id: &str| {
        let out = backcoach()
            .arg("--catalog")
            .arg(&path)
            .args(["show", id])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let plank = show("plank");
    assert!(
        plank.contains("Source guide:\n  - Lower back strengthening exercises\n"),
        "{plank}"
    );
    let bridge = show("bridge");
    assert!(
        bridge.contains(
            "Source guides:\n  - my physio's sheet\n  - Build a Stronger Back with These Proven Exercises\n"
        ),
        "{bridge}"
    );
}
