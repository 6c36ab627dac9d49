//! Finding and doing one exercise, help on every screen, shell completions,
//! and plain outputs that no catalog can use to drive the terminal — each
//! through the real binary.

use std::process::Command;

use crate::support::fixtures::prepared_dir;
use crate::support::pty::{STEP, Tui, binary, export};

fn spawn(dir: &std::path::Path, args: &[&str]) -> Tui {
    let data = dir.display().to_string();
    let mut all = vec!["--data-dir", data.as_str(), "--mute"];
    all.extend(args);
    Tui::spawn(&all, &[("HOME", &data), ("LANG", "C.UTF-8")])
}

#[test]
fn the_browser_searches_as_you_type_and_does_one_exercise_now() {
    let (dir, _) = prepared_dir();
    let mut tui = spawn(dir.path(), &[]);
    tui.wait_for("Routines", STEP);
    tui.send("e");
    tui.wait_for("Exercises (65)", STEP);
    tui.send("/");
    tui.send("superm");
    let screen = tui.wait_for("Exercises (2 of 65)", STEP);
    assert!(screen.contains("Superman hold"), "{screen}");
    assert!(!screen.contains("Bird dog"), "{screen}");
    // Targets and categories are searched too.
    tui.send("\x7f\x7f\x7f\x7f\x7f\x7f");
    tui.send("hamstring");
    let screen = tui.wait_for("Search: hamstring", STEP);
    assert!(screen.contains("Hamstring stretch"), "{screen}");
    tui.send("\x1b");
    tui.wait_for("/ search", STEP);
    tui.send("/");
    tui.send("superman");
    tui.wait_for("Exercises (2 of 65)", STEP);
    tui.send("\r"); // done typing
    tui.send("\r"); // do it now?
    tui.wait_for("Do the Superman now, on its own?", STEP);
    tui.send("\r");
    tui.wait_for("Check-in · Superman", STEP);
    tui.send("2");
    tui.send("\r");
    tui.wait_for("What does it feel like?", STEP);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", STEP);
    tui.send("\r");
    let plan = tui.wait_for("Today's plan: Superman", STEP);
    assert!(plan.contains("Superman"), "{plan}");
    tui.send("\r");
    tui.wait_for("Set 1 of 1", STEP);
    tui.send("s");
    tui.wait_for("STOPPED FOR SAFETY", STEP);
    tui.send("q");
    assert_eq!(tui.wait_exit(STEP), Some(0));
    let history = export(dir.path());
    assert!(
        history.contains("routine_id: \"exercise:superman\""),
        "{history}"
    );
    assert!(history.contains("StoppedForSafety"), "{history}");
}

#[test]
fn start_exercise_goes_through_the_check_in_and_records_the_session() {
    let (dir, _) = prepared_dir();
    let mut tui = spawn(dir.path(), &["start", "--exercise", "bird-dog"]);
    tui.wait_for("Check-in · Bird dog", STEP);
    tui.send("?");
    tui.wait_for("Keys: check-in", STEP);
    tui.send("x");
    tui.send("1");
    tui.send("\r");
    tui.wait_for("What does it feel like?", STEP);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", STEP);
    tui.send("\r");
    tui.wait_for("Today's plan: Bird dog", STEP);
    tui.send("\r");
    tui.wait_for("Set 1 of", STEP);
    tui.send("q");
    tui.wait_for("Quit this session?", STEP);
    tui.send("y");
    assert_eq!(tui.wait_exit(STEP), Some(0));
    assert!(export(dir.path()).contains("routine_id: \"exercise:bird-dog\""));

    // An unknown exercise is a clear error, and nothing starts.
    let out = Command::new(binary())
        .args(["start", "--exercise", "no-such"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no exercise has the id \"no-such\""), "{err}");
}

#[test]
fn question_mark_lists_the_keys_on_home_week_and_setup() {
    let (dir, _) = prepared_dir();
    let mut tui = spawn(dir.path(), &[]);
    tui.wait_for("Routines", STEP);
    tui.send("?");
    let help = tui.wait_for("Keys: home", STEP);
    assert!(
        help.contains("the exercises: browse, search with /"),
        "{help}"
    );
    tui.send(" ");
    tui.send("w");
    tui.wait_for("this week", STEP);
    tui.send("?");
    tui.wait_for("Keys: week", STEP);
    tui.send(" ");
    tui.send("q");
    tui.send("p");
    tui.wait_for("Your profile", STEP);
    tui.send("?");
    let help = tui.wait_for("Keys: set-up", STEP);
    assert!(help.contains("Shift-Tab"), "{help}");
    tui.send(" ");
    // Shift-Tab moves back; each option is explained under it.
    tui.send("\t");
    let screen = tui.wait_for("check with a professional first", STEP);
    tui.send("\x1b[Z");
    let back = tui.wait_for("low doses that build up", STEP);
    assert_ne!(screen, back);
    tui.send("\x1b");
    tui.send("q");
    tui.wait_exit(STEP);
}

#[test]
fn bash_completions_load_and_complete_the_commands() {
    let out = Command::new(binary())
        .args(["completions", "bash"])
        .output()
        .expect("completions");
    assert!(out.status.success());
    let dir = tempfile::tempdir().expect("dir");
    let script = dir.path().join("backcoach.bash");
    std::fs::write(&script, &out.stdout).expect("write");
    // Load it in a real bash and ask what `backcoach st<TAB>` completes to.
    let probe = format!(
        "source {}; COMP_WORDS=(backcoach st); COMP_CWORD=1; COMP_LINE='backcoach st'; COMP_POINT=12; \
         _backcoach backcoach st backcoach; printf '%s\\n' \"${{COMPREPLY[@]}}\"; \
         COMP_WORDS=(backcoach start --ex); COMP_CWORD=2; COMP_LINE='backcoach start --ex'; COMP_POINT=20; \
         _backcoach backcoach --ex start; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let bash = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &probe])
        .output()
        .expect("bash");
    let words = String::from_utf8_lossy(&bash.stdout);
    assert!(
        bash.status.success(),
        "{}",
        String::from_utf8_lossy(&bash.stderr)
    );
    assert!(words.lines().any(|w| w == "start"), "{words}");
    assert!(words.lines().any(|w| w == "--exercise"), "{words}");
    for shell in ["zsh", "fish"] {
        let out = Command::new(binary())
            .args(["completions", shell])
            .output()
            .expect("completions");
        assert!(out.status.success() && !out.stdout.is_empty(), "{shell}");
    }
}

/// A user catalog whose names carry an ESC (a title-setting sequence and a
/// screen clear): every plain command prints it escaped.
const EVIL_CATALOG: &str = r#"(
    exercises: [
        (
            id: "evil",
            name: "Evil\u{1b}]0;owned\u{7}\u{1b}[2J hold",
            category: Core,
            targets: ["core"],
            position: "Anywhere",
            dose: (kind: Hold, sets: (1, 1), hold_s: (2, 2)),
            steps: ["Hold \u{1b}[31mstill\u{1b}[0m."],
            cue: "Breathe",
            level: Beginner,
            sources: ["test"],
        ),
    ],
    routines: [
        (
            id: "daily",
            name: "Evil\u{1b}[2J routine",
            summary: "For tests.",
            minutes: (1, 1),
            frequency: (days_per_week: (4, 5)),
            items: [(exercise: "evil")],
            sources: ["test"],
        ),
    ],
)
"#;

#[test]
fn a_name_with_an_escape_is_printed_escaped_by_every_plain_command() {
    let (dir, _) = prepared_dir();
    let catalog = dir.path().join("evil.ron");
    std::fs::write(&catalog, EVIL_CATALOG).expect("catalog");
    let data = dir.path().display().to_string();
    let cat = catalog.display().to_string();
    // A session of it, through the line mode: the history now holds the names.
    let mut session = Command::new(binary())
        .args(["--data-dir", &data, "--catalog", &cat, "--mute", "start"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start");
    {
        use std::io::Write;
        let stdin = session.stdin.as_mut().expect("stdin");
        writeln!(stdin, "1\n\n\n").expect("check-in");
        std::thread::sleep(std::time::Duration::from_millis(300));
        writeln!(stdin, "s").expect("stop");
    }
    let out = session.wait_with_output().expect("session");
    let lines = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(lines.contains("STOPPED FOR SAFETY"), "{lines}");
    let mut outputs = vec![("start (lines)".to_string(), lines)];
    for args in [
        vec!["list"],
        vec!["show", "evil"],
        vec!["show", "daily"],
        vec!["week", "--print"],
        vec!["export"],
        vec!["export", "--csv"],
        vec!["trends", "--print"],
        vec!["report", "--format", "md", "--out", "-"],
        vec!["report", "--out", "-"],
    ] {
        let out = Command::new(binary())
            .args(["--data-dir", &data, "--catalog", &cat])
            .args(&args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        outputs.push((
            args.join(" "),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        ));
    }
    for (command, text) in outputs {
        assert!(
            !text.contains('\x1b'),
            "{command} printed a raw ESC:\n{text:?}"
        );
        assert!(!text.contains('\x07'), "{command} printed a raw BEL");
        if command != "trends --print"
            && command != "week --print"
            && !command.starts_with("report")
        {
            // Escaped by backcoach (`\x1b`), or by RON itself in the export (`\u{1b}`).
            assert!(
                text.contains("\\x1b") || text.contains("\\u{1b}"),
                "{command} shows the escape:\n{text}"
            );
        }
    }
}
