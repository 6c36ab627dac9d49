//! `backcoach trends` and the trends screen from home and the week screen,
//! through the real binary in a pseudo-terminal (the screen itself is
//! tested in `it::trends_ui`).

use std::time::Duration;

use crate::support::pty::{self, Tui};
use crate::support::trends::write_sample;

const T: Duration = pty::STEP;

#[test]
fn backcoach_trends_opens_full_screen_and_t_opens_it_from_home() {
    let dir = tempfile::tempdir().expect("dir");
    write_sample(dir.path());
    let data = dir.path().display().to_string();

    let mut tui = Tui::spawn(
        &["--data-dir", &data, "--mute", "trends"],
        &[("HOME", &data)],
    );
    let screen = tui.wait_for("Trends · ", T);
    assert!(screen.contains("[6] 12  26  weeks"), "{screen}");
    assert!(screen.contains("Discomfort 0–10"), "{screen}");
    tui.send("\x1b[C"); // →
    tui.wait_for("[12]", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    assert!(tui.terminal_normal());

    let mut tui = Tui::spawn(&["--data-dir", &data, "--mute"], &[("HOME", &data)]);
    tui.wait_for("t trends", T);
    tui.send("t");
    tui.wait_for("Trends · ", T);
    tui.send("q");
    tui.wait_for("Routines", T);
    tui.send("w");
    tui.wait_for("Target:", T);
    tui.send("t");
    tui.wait_for("Trends · ", T);
    tui.send("q");
    tui.wait_for("Target:", T);
    tui.send("q");
    tui.wait_for("Routines", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
}
