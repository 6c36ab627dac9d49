//! The catalog as the screens show it: `show`, the plan preview and the
//! exercise browser agree on where an exercise starts and what it builds up
//! to; backcoach's own numbers are marked; the preview offers the warm-up.

use crate::support::plans::fitted;
use assert_cmd::Command;
use backcoach::catalog::{self, Catalog, Equipment};
use backcoach::domain::History;
use backcoach::plan::Plan;
use backcoach::profile::{Experience, Profile};
use backcoach::rules::warm_up;
use backcoach::tui::screens::browser::BrowserScreen;
use backcoach::tui::screens::preview::{PreviewAction, PreviewScreen};
use backcoach::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn catalog() -> Catalog {
    catalog::builtin().expect("the built-in catalog")
}

fn noon() -> Timestamp {
    "2026-11-16T12:00:00Z".parse().expect("a time")
}

/// Today's plan of a routine for a profile with no history, as the app makes it.
fn plan(c: &Catalog, routine: &str, profile: &Profile) -> Plan {
    fitted(c, routine, profile, &History::default(), noon()).plan
}

/// The screen's text, one line per row, right-trimmed.
fn draw(w: u16, h: u16, render: impl FnOnce(&mut ratatui::Frame)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(render).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row.trim_end().to_string() + "\n"
        })
        .collect()
}

fn preview_text(screen: &PreviewScreen, w: u16, h: u16) -> String {
    draw(w, h, |f| screen.render(f, f.area(), &Theme::monochrome()))
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn show(id: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_backcoach"))
        .env_remove("BACKCOACH_CATALOG")
        .env_remove("BACKCOACH_DATA_DIR")
        .args(["show", id])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// `show ID`'s line for the daily routine: (start at, build to).
fn show_daily_span(id: &str) -> (String, String) {
    let text = show(id);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("  15-minute daily routine (daily): "))
        .unwrap_or_else(|| panic!("no daily line in show {id}:\n{text}"));
    match line.split_once(" → ") {
        Some((start, top)) => (start.to_string(), top.to_string()),
        None => {
            let one = line.strip_suffix(" each time").expect("one dose each time");
            (one.to_string(), one.to_string())
        }
    }
}

/// The preview's lines for one exercise: its own line and the lines under it.
fn preview_block(text: &str, name: &str) -> Vec<String> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_string())
        .collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&format!(". {name}  ")))
        .unwrap_or_else(|| panic!("{name} is not in the preview:\n{text}"));
    let mut block = vec![lines[at].clone()];
    block.extend(
        lines[at + 1..]
            .iter()
            .take_while(|l| {
                !l.is_empty()
                    && !l.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && !l.starts_with("Strengthen")
            })
            .cloned(),
    );
    block
}

#[test]
fn show_and_the_daily_preview_agree_on_start_and_build_to() {
    let c = catalog();
    // Someone new, as after the first-run set-up, with a band; no history.
    let profile = Profile {
        experience: Experience::New,
        equipment: vec![Equipment::Band],
        ..Profile::default()
    };
    let plan = plan(&c, "daily", &profile);
    let mut screen = PreviewScreen::new(plan.clone());
    screen.mark_own_numbers(&c);
    let text = preview_text(&screen, 160, 40);
    for (id, name) in [
        ("knee-to-chest", "Knee to chest"),
        ("superman", "Superman"),
        ("cat-cow", "Cat-cow"),
    ] {
        let (start, top) = show_daily_span(id);
        let block = preview_block(&text, name);
        // Today's dose on the preview is `show`'s start, and the session runs it.
        assert!(
            block[0].ends_with(&format!("{name}  {start}")),
            "{id}: show starts at {start:?}, the preview says {:?}",
            block[0]
        );
        let planned = plan
            .exercises
            .iter()
            .find(|e| e.exercise_id == id)
            .expect("planned");
        assert_eq!(planned.dose_label(), start, "{id}: the session's dose");
        // What it builds up toward on the preview is `show`'s build-to.
        let toward = block
            .iter()
            .find_map(|l| l.strip_prefix("starting dose: builds up toward "))
            .map(|l| l.trim_end_matches(" while it feels fine").to_string());
        if start == top {
            assert_eq!(toward, None, "{id}: nothing to build up to:\n{block:?}");
        } else {
            assert_eq!(toward.as_deref(), Some(top.as_str()), "{id}: {block:?}");
        }
    }
    // The numbers themselves, from the guides.
    assert_eq!(
        show_daily_span("knee-to-chest"),
        (
            "2 reps per side, 5 s hold each".into(),
            "2 reps per side, 30 s hold each".into()
        )
    );
    assert_eq!(
        show_daily_span("superman"),
        (
            "5 reps, 2 s hold each".into(),
            "2 × 8 reps, 3 s hold each".into()
        )
    );
    assert_eq!(
        show_daily_span("cat-cow"),
        ("5 slow cycles".into(), "5 slow cycles".into())
    );
}

#[test]
fn the_preview_offers_the_warm_up_and_w_puts_it_in_or_takes_it_out() {
    let c = catalog();
    let profile = Profile {
        experience: Experience::Regular,
        ..Profile::default()
    };
    let base = plan(&c, "pt-twelve", &profile);
    let offered =
        warm_up::offered(&c, c.routine("pt-twelve").expect("pt-twelve")).expect("an offer");
    let warm = plan(&c, &offered.id, &profile);
    let mut screen = PreviewScreen::new(base.clone());
    screen.offer_warm_up(warm.clone(), true);
    screen.mark_own_numbers(&c);
    assert_eq!(screen.warm_up_included(), Some(true));
    assert_eq!(screen.plan, warm_up::with_warm_up(&base, &warm));
    assert_eq!(screen.plan.exercises[0].exercise_id, "neck-rolls");
    insta::assert_snapshot!(
        "preview_pt_twelve_warm_up_120x48",
        preview_text(&screen, 120, 48)
    );

    assert_eq!(screen.on_key(key('w')), PreviewAction::WarmUp(false));
    assert_eq!(screen.plan, base, "the plan started is the routine alone");
    let text = preview_text(&screen, 120, 48);
    assert!(
        text.contains(
            "Warm up before strength work, the guides advise: w adds the 5-minute warm-up."
        ),
        "{text}"
    );
    assert!(!text.contains("Neck rolls"), "{text}");
    assert_eq!(screen.on_key(key('w')), PreviewAction::WarmUp(true));
    assert_eq!(
        screen.plan.exercises.len(),
        base.exercises.len() + warm.exercises.len()
    );

    // Offered already out (the profile's choice), it starts without.
    let mut screen = PreviewScreen::new(base.clone());
    screen.offer_warm_up(warm, false);
    assert_eq!(screen.plan, base);
    // Without an offer, w does nothing.
    let mut screen = PreviewScreen::new(base.clone());
    assert_eq!(screen.on_key(key('w')), PreviewAction::None);
    assert_eq!(screen.plan, base);
}

#[test]
fn the_preview_marks_backcoach_s_own_numbers() {
    let c = catalog();
    let profile = Profile {
        experience: Experience::Regular,
        equipment: vec![Equipment::Gym],
        ..Profile::default()
    };
    let mut screen = PreviewScreen::new(plan(&c, "pt-twelve", &profile));
    screen.mark_own_numbers(&c);
    let text = preview_text(&screen, 120, 60);
    let own = "dose: backcoach's default; the guides give none";
    for name in [
        "Bent-over row",
        "Hip hinge",
        "Kickstand RDL",
        "Pallof press",
    ] {
        let block = preview_block(&text, name);
        assert!(block.iter().any(|l| l == own), "{name}: {block:?}");
    }
    for name in ["Bird dog", "Front plank", "Bodyweight squat"] {
        let block = preview_block(&text, name);
        assert!(!block.iter().any(|l| l == own), "{name}: {block:?}");
    }
    let mut screen = PreviewScreen::new(plan(&c, "daily", &profile));
    screen.mark_own_numbers(&c);
    let text = preview_text(&screen, 120, 40);
    assert!(
        preview_block(&text, "Bridge")
            .iter()
            .any(|l| l.starts_with("hold seconds: backcoach's default")),
        "{text}"
    );
    assert!(
        preview_block(&text, "Cat-cow")
            .iter()
            .any(|l| l.starts_with("pace: backcoach's default")),
        "{text}"
    );
}

/// The browser with one exercise selected.
fn browser_text(c: &Catalog, id: &str) -> String {
    let mut browser = BrowserScreen::default();
    let index = c
        .exercises
        .iter()
        .position(|e| e.id == id)
        .expect("exercise");
    for _ in 0..index {
        browser.on_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE), c);
    }
    draw(120, 40, |f| {
        browser.render(f, f.area(), c, &Theme::monochrome())
    })
}

#[test]
fn the_browser_shows_start_build_to_our_default_and_who_should_avoid_it() {
    let c = catalog();
    let superman = browser_text(&c, "superman");
    insta::assert_snapshot!("browser_superman_120x40", superman);
    for part in [
        "Start at: 5 reps, 2 s hold each (new or returning)",
        "Build to: 12 reps, 3 s hold each",
        "Spine loading: backward bending. With spinal stenosis",
        "Source: Build a Stronger Back with These Proven Exercises;",
    ] {
        assert!(superman.contains(part), "{part}:\n{superman}");
    }
    let hinge = browser_text(&c, "hip-hinge");
    insta::assert_snapshot!("browser_hip_hinge_120x40", hinge);
    assert!(
        hinge.contains("dose: backcoach's default; the guides give none"),
        "{hinge}"
    );
    assert!(hinge.contains("Build to: 2 × 12 reps"), "{hinge}");
    // `show` says the same.
    let text = show("hip-hinge");
    assert!(text.contains("Build to:   2 × 12 reps\n"), "{text}");
}
