//! The exercises' figures: every built-in exercise has one that moves; each
//! one's start and end pose as a snapshot (reviewed by eye against the
//! guides), a few larger and in ASCII; bad poses named with `line:column`;
//! one colour plus shape; `show ID --figure` through the binary.

use assert_cmd::Command;
use backcoach::catalog::{self, CatalogError, Exercise, parse};
use backcoach::figure::{self, Mode};
use backcoach::tui::theme::Theme;
use backcoach::tui::widgets::figure::FigureWidget;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

fn builtin() -> catalog::Catalog {
    catalog::builtin_from_text().expect("the built-in catalog")
}

/// The start and end drawings side by side under their captions, with a
/// line saying what is drawn.
fn pair(e: &Exercise, cols: u16, rows: u16, mode: Mode) -> String {
    let fig = e.figure.as_ref().expect("a figure");
    let (first, second) = e.dose.kind.pose_captions();
    let start = figure::picture(fig, 0.0, false, cols, rows, mode).lines();
    let end = figure::picture(fig, 1.0, false, cols, rows, mode).lines();
    let width = usize::from(cols) + 3;
    let pad = |s: &str| {
        let mut s = s.to_string();
        s.extend(std::iter::repeat_n(' ', width - s.chars().count()));
        s
    };
    let mut out = format!("{} — {}\n", e.name, e.position);
    out.push_str(&format!("{}{second}\n", pad(first)));
    for (a, b) in start.iter().zip(&end) {
        out.push_str(format!("{}{b}", pad(a)).trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn every_built_in_exercise_has_a_figure_that_moves() {
    let catalog = builtin();
    let missing: Vec<&str> = catalog
        .exercises
        .iter()
        .filter(|e| e.figure.is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "exercises without a figure: {missing:?}"
    );
    for e in &catalog.exercises {
        let fig = e.figure.as_ref().expect("checked above");
        assert_ne!(
            fig.resolve(&fig.start),
            fig.resolve(&fig.end),
            "{}: the start and end poses are the same",
            e.id
        );
        // Something is drawn for both, and the two drawings differ.
        let start = figure::picture(fig, 0.0, false, 24, 12, Mode::Braille);
        let end = figure::picture(fig, 1.0, false, 24, 12, Mode::Braille);
        assert_ne!(start, end, "{}: the drawings do not move", e.id);
    }
}

#[test]
fn every_built_in_figure_at_24_by_12() {
    for e in &builtin().exercises {
        insta::assert_snapshot!(format!("figure_{}", e.id), pair(e, 24, 12, Mode::Braille));
    }
}

#[test]
fn a_few_figures_larger() {
    let catalog = builtin();
    for id in [
        "bird-dog",
        "bridge",
        "cat-cow",
        "bodyweight-squat",
        "side-plank",
    ] {
        let e = catalog.exercise(id).expect("exercise");
        insta::assert_snapshot!(format!("figure_large_{id}"), pair(e, 44, 18, Mode::Braille));
    }
}

#[test]
fn a_few_figures_in_ascii() {
    let catalog = builtin();
    for id in [
        "bird-dog",
        "bridge",
        "bodyweight-squat",
        "side-plank",
        "pull-up",
    ] {
        let e = catalog.exercise(id).expect("exercise");
        let text = pair(e, 24, 12, Mode::Ascii);
        let drawing: Vec<&str> = text.lines().skip(1).collect();
        assert!(drawing.iter().all(|l| l.is_ascii()), "{text}");
        insta::assert_snapshot!(format!("figure_ascii_{id}"), text);
    }
}

#[test]
fn the_other_side_is_the_mirror_image() {
    let catalog = builtin();
    let e = catalog.exercise("bird-dog").expect("bird dog");
    let fig = e.figure.as_ref().expect("figure");
    let cells = |mirror: bool, mode: Mode| -> Vec<Vec<char>> {
        figure::picture(fig, 1.0, mirror, 24, 12, mode)
            .cells
            .chunks(24)
            .map(|row| row.iter().map(|(c, _)| *c).collect())
            .collect()
    };
    // ASCII: each row read backwards, slashes swapped.
    let swap = |c: char| match c {
        '/' => '\\',
        '\\' => '/',
        other => other,
    };
    let flipped: Vec<Vec<char>> = cells(false, Mode::Ascii)
        .into_iter()
        .map(|row| row.into_iter().rev().map(swap).collect())
        .collect();
    assert_eq!(flipped, cells(true, Mode::Ascii));
    // Braille: each row backwards, the two columns of dots in a cell swapped.
    let flip_dots = |c: char| {
        let Some(bits) = (c as u32).checked_sub(0x2800).filter(|b| *b < 256) else {
            return c;
        };
        let pairs = [(0, 3), (1, 4), (2, 5), (6, 7)];
        let swapped = pairs.iter().fold(0, |acc, &(a, b)| {
            acc | (((bits >> a) & 1) << b) | (((bits >> b) & 1) << a)
        });
        char::from_u32(0x2800 + swapped).unwrap_or(c)
    };
    let flipped: Vec<Vec<char>> = cells(false, Mode::Braille)
        .into_iter()
        .map(|row| row.into_iter().rev().map(flip_dots).collect())
        .collect();
    assert_eq!(flipped, cells(true, Mode::Braille));
}

/// One colour plus shape: the body in the accent colour (bold), props and
/// the floor dim; with `NO_COLOR`, no colour at all and the same shapes.
#[test]
fn the_figure_uses_one_colour_and_reads_without_it() {
    let catalog = builtin();
    let e = catalog.exercise("romanian-deadlift").expect("exercise");
    let fig = e.figure.as_ref().expect("figure");
    let draw = |theme: Theme| {
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 12));
        FigureWidget::new(fig, 1.0, &theme).render(buf.area, &mut buf);
        buf
    };
    let colour = draw(Theme {
        color: true,
        ascii: false,
    });
    let plain = draw(Theme {
        color: false,
        ascii: false,
    });
    let colours: std::collections::BTreeSet<String> = colour
        .content()
        .iter()
        .filter(|c| c.fg != Color::Reset)
        .map(|c| format!("{:?}", c.fg))
        .collect();
    assert_eq!(colours.len(), 1, "{colours:?}");
    assert!(plain.content().iter().all(|c| c.fg == Color::Reset));
    let symbols = |b: &Buffer| {
        b.content()
            .iter()
            .map(|c| c.symbol().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        symbols(&colour),
        symbols(&plain),
        "the same shapes either way"
    );
    // Props (the dumbbells) and the floor are dim, the body is not.
    assert!(
        plain
            .content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::DIM))
    );
    assert!(
        plain
            .content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::BOLD))
    );
}

// ---- validation --------------------------------------------------------------

/// A valid one-exercise catalog with a figure; tests break it.
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
            sources: ["my physio"],
            figure: (
                base: FaceDown,
                end: (trunk: 7, arm_l: -90, forearm_l: 0, thigh_l: -173, foot_l: -90),
            ),
        ),
    ],
    routines: [
        (
            id: "r",
            name: "R",
            summary: "S",
            minutes: (5, 5),
            frequency: (days_per_week: (3, 4)),
            items: [(exercise: "plank")],
            sources: ["my physio"],
        ),
    ],
)
"#;

#[test]
fn a_catalog_figure_parses() {
    let catalog = parse(GOOD, "my.ron").expect("valid");
    assert!(catalog.exercises[0].figure.is_some());
}

#[test]
fn an_unknown_joint_is_named_with_its_line_and_column() {
    let bad = GOOD.replace("forearm_l: 0", "elbow_l: 0");
    match parse(&bad, "my.ron") {
        Err(e @ CatalogError::Syntax { .. }) => {
            let text = e.to_string();
            assert!(text.starts_with("my.ron:16:45: "), "{text}");
            assert!(text.contains("elbow_l"), "{text}");
            assert!(
                text.contains("forearm_l"),
                "the joints it knows are listed: {text}"
            );
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn an_angle_out_of_range_is_named_with_its_line_and_column() {
    let bad = GOOD
        .replace("arm_l: -90", "arm_l: -200")
        .replace("trunk: 7", "trunk: 7, spine: 95");
    match parse(&bad, "my.ron") {
        Err(e @ CatalogError::Invalid { .. }) => {
            let text = e.to_string();
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(
                lines,
                [
                    r#"my.ron:16:40: exercise "plank": figure end spine: 95 is out of range, -90 to 90 degrees"#,
                    r#"my.ron:16:51: exercise "plank": figure end arm_l: -200 is out of range, -180 to 180 degrees"#,
                ],
                "{text}"
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn an_unknown_base_or_prop_is_named_too() {
    for (from, to, word) in [
        ("base: FaceDown", "base: Lying", "Lying"),
        ("end: (", "props: [Trampoline], end: (", "Trampoline"),
    ] {
        match parse(&GOOD.replace(from, to), "my.ron") {
            Err(e @ CatalogError::Syntax { .. }) => {
                let text = e.to_string();
                assert!(text.starts_with("my.ron:"), "{text}");
                assert!(text.contains(word), "{text}");
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
}

#[test]
fn an_exercise_without_a_figure_still_works_and_shows_none() {
    let plain = GOOD.replace(
        "            figure: (\n                base: FaceDown,\n                end: (trunk: 7, arm_l: -90, forearm_l: 0, thigh_l: -173, foot_l: -90),\n            ),\n",
        "",
    );
    let catalog = parse(&plain, "my.ron").expect("valid without a figure");
    let e = &catalog.exercises[0];
    assert!(e.figure.is_none());
    let text = backcoach::cli::figure::show(&catalog, "plank", Mode::Braille).expect("show");
    assert!(text.starts_with("(no figure for this exercise)"), "{text}");
    let lines =
        backcoach::tui::widgets::figure::pose_lines(e, 44, Mode::Braille, &Theme::default());
    assert!(lines.is_empty());
}

// ---- `show ID --figure` through the binary --------------------------------------

fn show_figure(locale: &str, extra: &[&str]) -> String {
    let out = Command::cargo_bin("backcoach")
        .expect("binary")
        .args(["show", "bird-dog", "--figure"])
        .args(extra)
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env("LANG", locale)
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn show_figure_draws_both_poses_above_the_text() {
    let text = show_figure("C.UTF-8", &[]);
    let (figures, rest) = text
        .split_once("Bird dog (bird-dog)")
        .expect("the usual text follows");
    assert!(figures.starts_with("Start"), "{figures}");
    assert!(figures.contains("Hold"), "{figures}");
    assert!(figures.contains("The left side is shown"), "{figures}");
    assert!(
        figures
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{figures}"
    );
    assert!(rest.contains("Steps:"), "{rest}");
}

#[test]
fn show_figure_is_ascii_with_the_ascii_option() {
    // Plain commands write ASCII on a terminal whose locale is not UTF-8, or
    // with `--ascii` (redirected to a file they keep UTF-8).
    let text = show_figure("C", &["--ascii"]);
    let (figures, _) = text
        .split_once("Bird dog (bird-dog)")
        .expect("the usual text follows");
    assert!(figures.is_ascii(), "{figures}");
    assert!(figures.contains('O'), "a head: {figures}");
    assert!(figures.contains("____"), "a floor: {figures}");
}
