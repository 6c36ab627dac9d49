//! End-to-end: the exercise's figure on the real session screen, in a
//! pseudo-terminal: drawn beside the timer, moving into the end pose when a
//! held rep starts, and in ASCII when the locale is not UTF-8.

use std::time::{Duration, Instant};

use crate::support::fixtures::prepared_dir;
use crate::support::pty::{STEP, Tui, check_in};

fn is_braille(c: char) -> bool {
    ('\u{2801}'..='\u{28ff}').contains(&c)
}

/// What the figure's place beside the timer holds (rows below the set line,
/// right of the text), at 80×24.
fn figure_area(screen: &str) -> String {
    screen
        .lines()
        .skip(5)
        .take(7)
        .map(|l| l.chars().skip(51).take(28).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The built-in daily routine, started with `lang` as the locale; returns
/// at its first exercise (knee to chest, waiting for Space).
fn start_daily(dir: &std::path::Path, lang: &str) -> Tui {
    let data = dir.display().to_string();
    let mut tui = Tui::spawn(
        &["--data-dir", &data, "--mute", "start"],
        &[("HOME", &data), ("LANG", lang), ("LC_ALL", lang)],
    );
    check_in(&mut tui, "1");
    tui.wait_for("Knee to chest", STEP);
    tui.wait_for("Space to start rep 1", STEP);
    tui
}

#[test]
fn the_figure_is_drawn_beside_the_timer_and_moves_into_the_hold() {
    let (dir, _) = prepared_dir();
    let mut tui = start_daily(dir.path(), "C.UTF-8");
    let waiting = figure_area(&tui.screen());
    assert!(
        waiting.chars().any(is_braille),
        "no figure:\n{}",
        tui.screen()
    );

    // The held rep starts: within a second the figure eases into the knee
    // hugged to the chest, and stays there while the hold counts down.
    tui.send(" ");
    tui.wait_for("Rep 1 of", STEP);
    let deadline = Instant::now() + STEP;
    let mut holding = figure_area(&tui.screen());
    while holding == waiting && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        holding = figure_area(&tui.screen());
    }
    assert_ne!(holding, waiting, "the figure did not move");
    assert!(holding.chars().any(is_braille), "{holding}");

    tui.send("q");
    tui.wait_for("Quit this session?", STEP);
    tui.send("y");
    assert_eq!(tui.wait_exit(STEP), Some(0));
    assert!(tui.terminal_normal());
}

#[test]
fn the_figure_is_ascii_when_the_locale_is_not_utf8() {
    let (dir, _) = prepared_dir();
    let mut tui = start_daily(dir.path(), "C");
    let area = figure_area(&tui.screen());
    assert!(!area.chars().any(is_braille), "{area}");
    assert!(area.contains('O'), "a head:\n{}", tui.screen());
    assert!(area.contains("___"), "a floor:\n{}", tui.screen());
    tui.send("q");
    tui.wait_for("Quit this session?", STEP);
    tui.send("y");
    assert_eq!(tui.wait_exit(STEP), Some(0));
}
