//! End-to-end through the real binary: the plan preview offers the 5-minute
//! warm-up before a strength routine (guides 002 and 004), `w` takes it out or
//! puts it back, the profile remembers the choice for next time, and the
//! preview marks the numbers that are backcoach's own.

use crate::support::fixtures::REGULAR_PROFILE;
use crate::support::pty;
use crate::support::pty::Tui;

const T: std::time::Duration = pty::STEP;

/// `backcoach start pt-twelve` on the built-in catalog, through the check-in
/// (the warning signs are asked once a day) to the plan preview.
fn preview_of_pt_twelve(data: &str, first_today: bool) -> Tui {
    let mut tui = Tui::spawn(
        &["--data-dir", data, "--mute", "start", "pt-twelve"],
        &[("HOME", data)],
    );
    tui.wait_for("How much discomfort", T);
    tui.send("0");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    if first_today {
        tui.wait_for("Today, do you have any of these?", T);
        tui.send("\r");
    }
    tui.wait_for("Today's plan", T);
    tui
}

#[test]
fn the_warm_up_is_offered_w_takes_it_out_and_the_choice_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().display().to_string();
    let profile = dir.path().join("profile.ron");
    std::fs::write(&profile, REGULAR_PROFILE).expect("profile");

    // A profile from before the offer: the warm-up is in, first.
    let mut tui = preview_of_pt_twelve(&data, true);
    let screen = tui.wait_for("1. Neck rolls", T);
    assert!(
        screen.contains("The 5-minute warm-up comes first"),
        "{screen}"
    );
    assert!(screen.contains("w warm-up"), "{screen}");
    assert!(
        screen.contains("dose: backcoach's default; the guides give none"),
        "{screen}"
    );

    // `w` takes it out: the routine's own first exercise is first again.
    tui.send("w");
    let screen = tui.wait_for("w adds the 5-minute warm-up", T);
    assert!(screen.contains("1. Bridge"), "{screen}");
    assert!(!screen.contains("Neck rolls"), "{screen}");
    tui.send("\x1b");
    tui.wait_for("Routines", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
    let text = std::fs::read_to_string(&profile).expect("profile");
    assert!(text.contains("warm_up: false"), "{text}");

    // Next time it is offered, not included, and `w` puts it back.
    let mut tui = preview_of_pt_twelve(&data, false);
    let screen = tui.wait_for("w adds the 5-minute warm-up", T);
    assert!(screen.contains("1. Bridge"), "{screen}");
    tui.send("w");
    tui.wait_for("1. Neck rolls", T);
    // Enter starts the session with the warm-up first.
    tui.send("\r");
    tui.wait_for("Neck rolls", T);
    tui.send("q");
    tui.wait_for("Quit this session?", T);
    tui.send("y");
    assert_eq!(tui.wait_exit(T), Some(0));
    let text = std::fs::read_to_string(&profile).expect("profile");
    assert!(text.contains("warm_up: true"), "{text}");
}

#[test]
fn the_daily_routine_offers_no_warm_up() {
    // Guide 000: its two gentle stretches are the warm-up.
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().display().to_string();
    std::fs::write(dir.path().join("profile.ron"), REGULAR_PROFILE).expect("profile");
    let mut tui = Tui::spawn(
        &["--data-dir", &data, "--mute", "start"],
        &[("HOME", &data)],
    );
    tui.wait_for("How much discomfort", T);
    tui.send("0");
    tui.send("\r");
    tui.wait_for("What does it feel like?", T);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", T);
    tui.send("\r");
    let screen = tui.wait_for("Today's plan", T);
    assert!(screen.contains("1. Knee to chest"), "{screen}");
    assert!(!screen.contains("warm-up"), "{screen}");
    tui.send("w");
    tui.send("\x1b");
    tui.wait_for("Routines", T);
    tui.send("q");
    assert_eq!(tui.wait_exit(T), Some(0));
}
