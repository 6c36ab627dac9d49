//! The line mode through the real binary: driven over plain pipes with line
//! commands (as a script or a screen reader's plain terminal would), chosen
//! by itself for `TERM=dumb`, and ASCII-only in the C locale.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::fixtures::prepared_dir;
use crate::support::pty::{STEP, Tui, binary, export};

/// backcoach with its stdin and stdout on pipes.
struct Piped {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Arc<Mutex<Vec<u8>>>,
}

impl Piped {
    fn start(dir: &Path, catalog: &Path, args: &[&str], env: &[(&str, &str)]) -> Piped {
        let data = dir.display().to_string();
        let mut cmd = Command::new(binary());
        cmd.args([
            "--data-dir",
            &data,
            "--catalog",
            &catalog.display().to_string(),
            "--mute",
        ])
        .args(args)
        .env("HOME", &data)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn backcoach");
        let stdout = child.stdout.take().expect("stdout");
        let out = Arc::new(Mutex::new(Vec::new()));
        let sink = out.clone();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = Vec::new();
            while reader.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
                sink.lock().expect("out").extend_from_slice(&line);
                line.clear();
            }
        });
        Piped {
            stdin: child.stdin.take(),
            child,
            out,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().expect("out")).into_owned()
    }

    /// Waits until the output holds `text` `count` times in all.
    fn wait_for_nth(&self, text: &str, count: usize) -> String {
        let deadline = Instant::now() + STEP;
        loop {
            let out = self.text();
            if out.matches(text).count() >= count {
                return out;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?} (x{count}); output:\n{out}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_for_nth(text, 1)
    }

    /// Sends one line command.
    fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}").expect("write a line");
        stdin.flush().expect("flush");
        thread::sleep(Duration::from_millis(80));
    }

    fn exit_code(&mut self) -> Option<i32> {
        let deadline = Instant::now() + STEP;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                thread::sleep(Duration::from_millis(100));
                return status.code();
            }
            thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Piped {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The check-in with discomfort `baseline` and no warning signs, then begin.
fn check_in(p: &mut Piped, baseline: &str) {
    p.wait_for("How much discomfort do you feel in your back right now?");
    p.send(baseline);
    p.wait_for("What does it feel like?");
    p.send("");
    p.wait_for("Today, do you have any of these?");
    p.send("");
    p.wait_for("Send an empty line to begin");
    p.send("");
}

#[test]
fn a_pipe_completes_the_tiny_routine_with_line_commands_and_rates_3() {
    let (dir, catalog) = prepared_dir();
    let mut p = Piped::start(dir.path(), &catalog, &["start"], &[]);
    check_in(&mut p, "2");
    p.wait_for("Get ready: Tiny hold, set 1 of 1.");
    p.send(""); // start the hold now
    p.wait_for("Tiny hold done. How does your back feel now?");
    p.send(""); // keep 2/10
    p.wait_for("What does it feel like?");
    p.send(""); // a dull ache
    p.wait_for("Tiny reps, set 1 of 2: 2 reps.");
    p.send("");
    p.send("");
    p.wait_for("Tiny reps, set 2 of 2: 2 reps.");
    p.send("");
    p.send("");
    p.wait_for("Tiny reps done. How does your back feel now?");
    p.send("");
    p.wait_for("What does it feel like?");
    p.send("");
    p.wait_for("Tiny sides, set 1 of 1, left side: 1 reps, hold 1 second each.");
    p.send("");
    p.wait_for("Switch to the right side.");
    p.send("");
    let out = p.wait_for("How does your back feel now, 0 to 10?");
    assert!(out.contains("ROUTINE COMPLETE"), "{out}");
    assert!(out.contains("3 of 3 done"), "{out}");
    p.send("3");
    let out = p.wait_for("Thank you: 3/10 noted for next time.");
    assert_eq!(p.exit_code(), Some(0), "{out}");
    // Plain lines: no escape sequence, no redraw.
    assert!(!out.contains('\x1b'), "{out:?}");
    // No line a second: the whole run says fewer than 80 lines.
    assert!(out.lines().count() < 80, "{out}");
    let history = export(dir.path());
    assert!(history.contains("status: Completed"), "{history}");
    assert!(history.contains("moment: Closing"), "{history}");
}

#[test]
fn a_pipe_rates_3_then_s_stops_for_safety_and_the_day_is_closed() {
    let (dir, catalog) = prepared_dir();
    let mut p = Piped::start(dir.path(), &catalog, &["start", "--plain"], &[]);
    check_in(&mut p, "2");
    p.wait_for("Get ready: Tiny hold");
    p.send("r 3");
    p.send("s");
    let out = p.wait_for("STOPPED FOR SAFETY");
    let out = {
        let _ = out;
        p.wait_for("not a diagnosis")
    };
    assert!(out.contains("Sharp pain"), "the reason is said:\n{out}");
    assert!(out.contains("See a healthcare professional"), "{out}");
    assert_eq!(p.exit_code(), Some(0), "{out}");
    let history = export(dir.path());
    assert!(history.contains("StoppedForSafety"), "{history}");
    assert!(
        history.contains("value: 3"),
        "the rating of 3 is saved:\n{history}"
    );

    // Like the full screen, the line mode refuses for the rest of the day.
    let mut again = Piped::start(dir.path(), &catalog, &["start", "--plain"], &[]);
    let out = again.wait_for("today");
    assert_eq!(again.exit_code(), Some(0), "{out}");
    assert!(out.contains("NO EXERCISE TODAY"), "{out}");
    assert!(!out.contains("How much discomfort"), "no check-in:\n{out}");
}

#[test]
fn one_exercise_runs_as_lines_too() {
    let (dir, catalog) = prepared_dir();
    let mut p = Piped::start(
        dir.path(),
        &catalog,
        &["start", "--plain", "--exercise", "tiny-reps"],
        &[],
    );
    check_in(&mut p, "1");
    p.wait_for("Exercise 1 of 1: Tiny reps.");
    p.send("q");
    p.wait_for("Quit this session?");
    p.send("y");
    p.wait_for("Session quit.");
    assert_eq!(p.exit_code(), Some(0));
    let history = export(dir.path());
    assert!(
        history.contains("routine_id: \"exercise:tiny-reps\""),
        "{history}"
    );
}

#[test]
fn term_dumb_gets_lines_with_no_escape_at_all() {
    let (dir, catalog) = prepared_dir();
    let data = dir.path().display().to_string();
    let mut tui = Tui::spawn(
        &[
            "--data-dir",
            &data,
            "--catalog",
            &catalog.display().to_string(),
            "--mute",
            "start",
        ],
        &[("HOME", &data), ("TERM", "dumb"), ("LANG", "C.UTF-8")],
    );
    tui.wait_for("How much discomfort", STEP);
    tui.send("2");
    tui.wait_for("2", STEP);
    tui.send("\r");
    tui.wait_for("What does it feel like?", STEP);
    tui.send("\r");
    tui.wait_for("Today, do you have any", STEP);
    tui.send("\r");
    tui.wait_for("Press Enter to begin", STEP);
    tui.send("s");
    tui.send("\r");
    tui.wait_for("Get ready", STEP);
    tui.send("s");
    tui.wait_for("STOPPED FOR SAFETY", STEP);
    assert_eq!(tui.wait_exit(STEP), Some(0));
    let raw = tui.raw();
    assert!(
        !raw.contains(&0x1b),
        "no escape sequence of any kind: {:?}",
        String::from_utf8_lossy(&raw)
    );
    assert!(tui.terminal_normal());
}

#[test]
fn the_c_locale_gets_ascii_only_in_lines_and_on_the_full_screen() {
    let (dir, catalog) = prepared_dir();
    let mut p = Piped::start(
        dir.path(),
        &catalog,
        &["start"],
        &[("LANG", "C"), ("LC_ALL", "C")],
    );
    check_in(&mut p, "2");
    p.wait_for("Get ready");
    p.send("s");
    p.wait_for("not a diagnosis");
    let bytes = p.out.lock().expect("out").clone();
    assert!(
        bytes.iter().all(|b| *b < 0x80),
        "{}",
        String::from_utf8_lossy(&bytes)
    );

    // The full screen too: home, then a session of the built-in catalog.
    let (dir, _) = prepared_dir();
    let data = dir.path().display().to_string();
    let mut tui = Tui::spawn(
        &["--data-dir", &data, "--mute"],
        &[("HOME", &data), ("LANG", "C"), ("LC_ALL", "C")],
    );
    tui.wait_for("Routines", STEP);
    tui.send("\r");
    tui.wait_for("How much discomfort", STEP);
    tui.send("2");
    tui.send("\r");
    tui.wait_for("What does it feel like?", STEP);
    tui.send("\r");
    tui.wait_for("Today, do you have any", STEP);
    tui.send("\r");
    tui.wait_for("Today's plan", STEP);
    tui.send("\r");
    tui.wait_for("Set 1 of", STEP);
    tui.send("?");
    tui.wait_for("Keys", STEP);
    tui.send("q");
    tui.send("q");
    tui.send("y");
    tui.send("q");
    tui.wait_exit(STEP);
    let raw = tui.raw();
    let high: Vec<u8> = raw.iter().copied().filter(|b| *b >= 0x80).collect();
    assert!(
        high.is_empty(),
        "bytes above 0x7F: {:?}\n{}",
        high,
        String::from_utf8_lossy(&raw)
    );
}

#[test]
fn term_dumb_and_no_color_full_screens_send_no_colour() {
    for env in [[("TERM", "dumb")], [("NO_COLOR", "1")]] {
        let (dir, _) = prepared_dir();
        let data = dir.path().display().to_string();
        let mut vars = vec![("HOME", data.as_str()), ("LANG", "C.UTF-8")];
        vars.extend(env);
        let mut tui = Tui::spawn(&["--data-dir", &data, "--mute"], &vars);
        tui.wait_for("Routines", STEP);
        tui.send("w");
        tui.wait_for("Mon", STEP);
        tui.send("q");
        tui.send("q");
        tui.wait_exit(STEP);
        let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
        for sgr in sgr_sequences(&raw) {
            let colour = sgr.split(';').any(|p| {
                p.parse::<u32>()
                    .is_ok_and(|n| (30..=49).contains(&n) || (90..=107).contains(&n))
            });
            assert!(!colour, "{env:?}: a colour escape {sgr:?}");
        }
        assert!(
            raw.contains("\x1b[1m") || raw.contains(";1m") || raw.contains("\x1b[7"),
            "{env:?}: emphasis still shows"
        );
    }
}

/// The parameters of every `ESC [ ... m` in `raw`.
fn sgr_sequences(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find("\x1b[") {
        let after = &rest[at + 2..];
        let end = after
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        if after[end..].starts_with('m') {
            found.push(after[..end].to_string());
        }
        rest = &after[end.min(after.len())..];
    }
    found
}
