//! The prompts on top of a session: every discomfort prompt takes the same
//! typed 0–10 input, and `s`, `q` and `r` work from every one of them.

use std::time::Duration;

use tokio::time::Instant;

use super::tests_support::plan_of_reps;
use super::*;
use crate::domain::RatingDecision;

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// A session of two one-rep exercises, after the first is done: the quick
/// check is open.
fn at_quick_check(baseline: u8) -> (Session, Instant) {
    let t0 = Instant::now();
    let settings = Settings {
        baseline: Some(baseline),
        ..Settings::default()
    };
    let (mut session, _) = Session::new(plan_of_reps(&[("a", 1, 1), ("b", 1, 1)]), settings, t0);
    session.key(Key::Space, t0);
    assert!(matches!(
        session.view(t0).modal,
        Some(ModalView::AfterExercise { .. })
    ));
    (session, t0)
}

fn keys(session: &mut Session, at: Instant, keys: &str) -> Vec<Effect> {
    let mut fx = Vec::new();
    for c in keys.chars() {
        fx.extend(session.key(
            match c {
                '\n' => Key::Enter,
                '<' => Key::Backspace,
                ' ' => Key::Space,
                c => Key::Char(c),
            },
            at,
        ));
    }
    fx
}

fn after_exercise_ratings(fx: &[Effect]) -> Vec<(u8, DiscomfortKind)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Rated(r) if r.moment == RatingMoment::AfterExercise => Some((r.value, r.kind)),
            _ => None,
        })
        .collect()
}

fn stop_reason(session: &Session) -> Option<&str> {
    match session.ending() {
        Some(Ending::Stopped { reason }) => Some(reason),
        _ => None,
    }
}

#[test]
fn the_quick_check_records_what_was_typed_one_then_zero_is_ten() {
    let (mut session, t0) = at_quick_check(2);
    // One digit alone records nothing yet: someone in severe pain can type 10.
    let fx = keys(&mut session, t0, "1");
    assert!(after_exercise_ratings(&fx).is_empty());
    assert!(matches!(
        session.view(t0).modal,
        Some(ModalView::AfterExercise { ref typed, .. }) if typed == "1"
    ));
    let fx = keys(&mut session, t0, "0\n");
    assert_eq!(
        after_exercise_ratings(&fx),
        vec![(10, DiscomfortKind::DullAche)]
    );
    let reason = stop_reason(&session).expect("ten is above the limit: stopped");
    assert!(reason.contains("10/10"), "{reason}");
}

#[test]
fn the_quick_check_table() {
    // (keys at the quick check, rating recorded, stops)
    type Row = (&'static str, Option<(u8, DiscomfortKind)>, bool);
    let rows: &[Row] = &[
        ("\n", Some((2, DiscomfortKind::DullAche)), false),
        ("3\n", Some((3, DiscomfortKind::DullAche)), false),
        ("8<3\n", Some((3, DiscomfortKind::DullAche)), false),
        ("6\n", Some((6, DiscomfortKind::DullAche)), true),
        ("n", Some((2, DiscomfortKind::DullAche)), false),
        ("s", Some((2, DiscomfortKind::Sharp)), true),
        ("3s", Some((3, DiscomfortKind::Sharp)), true),
        ("l", Some((2, DiscomfortKind::ShootingDownLeg)), true),
        ("i", Some((2, DiscomfortKind::NumbnessTingling)), true),
        ("4u", Some((4, DiscomfortKind::NewOrUnusual)), true),
        ("x", None, false),
    ];
    for (typed, rating, stops) in rows {
        let (mut session, t0) = at_quick_check(2);
        let fx = keys(&mut session, t0, typed);
        let ratings = after_exercise_ratings(&fx);
        assert_eq!(ratings.first().copied(), *rating, "keys {typed:?}");
        assert_eq!(stop_reason(&session).is_some(), *stops, "keys {typed:?}");
    }
}

#[test]
fn s_stops_from_every_overlay_and_prompt() {
    let openers: &[(&str, &str)] = &[
        ("help", "?"),
        ("quit prompt", "q"),
        ("rating prompt", "r"),
        ("rating prompt with digits", "r3"),
        ("kind prompt", "r3\n"),
    ];
    for (name, open) in openers {
        let t0 = Instant::now();
        let (mut session, _) = Session::new(plan_of_reps(&[("a", 1, 5)]), Settings::default(), t0);
        keys(&mut session, t0, open);
        assert!(
            session.view(t0).modal.is_some(),
            "{name}: an overlay is open"
        );
        let fx = keys(&mut session, t0, "s");
        assert!(stop_reason(&session).is_some(), "{name}: s stops");
        assert!(
            fx.contains(&Effect::Sound(crate::cue::Cue::SafetyAlert)),
            "{name}: the alert sounds"
        );
    }
    // The "getting worse?" question and the quick check too.
    let (mut session, t0) = at_quick_check(1);
    keys(&mut session, t0, "3\n");
    assert!(matches!(
        session.view(t0).modal,
        Some(ModalView::Worse { .. })
    ));
    keys(&mut session, t0, "s");
    assert!(stop_reason(&session).is_some());
}

#[test]
fn q_asks_to_quit_from_every_overlay_and_no_returns_to_the_prompt() {
    // From help: quit prompt; "no" closes it and the session goes on.
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of_reps(&[("a", 1, 5)]), Settings::default(), t0);
    keys(&mut session, t0, "?q");
    assert!(matches!(
        session.view(t0).modal,
        Some(ModalView::ConfirmQuit { .. })
    ));
    keys(&mut session, t0, "n");
    assert_eq!(session.view(t0).modal, None);
    // From the quick check: "no" goes back to the quick check.
    let (mut session, t0) = at_quick_check(2);
    keys(&mut session, t0, "q");
    assert!(matches!(
        session.view(t0).modal,
        Some(ModalView::ConfirmQuit { .. })
    ));
    keys(&mut session, t0, "n");
    assert!(matches!(
        session.view(t0).modal,
        Some(ModalView::AfterExercise { .. })
    ));
    // From the rating prompt: q then y quits.
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of_reps(&[("a", 1, 5)]), Settings::default(), t0);
    let fx = keys(&mut session, t0, "rqy");
    assert!(fx.contains(&Effect::Ended(Ending::Quit)));
}

#[test]
fn r_opens_the_rating_from_every_overlay() {
    for open in ["?", "q"] {
        let t0 = Instant::now();
        let (mut session, _) = Session::new(plan_of_reps(&[("a", 1, 5)]), Settings::default(), t0);
        keys(&mut session, t0, open);
        keys(&mut session, t0, "r");
        assert!(
            matches!(session.view(t0).modal, Some(ModalView::RateNumber { .. })),
            "from {open:?}"
        );
    }
    // From "getting worse?": the rating asked about is kept, a new one follows.
    let (mut session, t0) = at_quick_check(1);
    keys(&mut session, t0, "3\n");
    let fx = keys(&mut session, t0, "r");
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Rated(r) if r.value == 3))
    );
    assert!(matches!(
        session.view(t0).modal,
        Some(ModalView::RateNumber { .. })
    ));
}

#[test]
fn the_safety_alert_is_an_effect_even_after_m() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of_reps(&[("a", 1, 5)]), Settings::default(), t0);
    keys(&mut session, t0, "m");
    assert!(session.muted());
    let fx = keys(&mut session, t0 + s(1), "s");
    assert!(fx.contains(&Effect::Sound(crate::cue::Cue::SafetyAlert)));
}

#[test]
fn sharp_pain_at_the_closing_rating_is_a_safety_stop() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of_reps(&[("a", 1, 1)]), Settings::default(), t0);
    let fx = keys(&mut session, t0, " ");
    assert!(fx.contains(&Effect::Ended(Ending::Completed)));
    let fx = keys(&mut session, t0 + s(2), "4s");
    assert!(fx.iter().any(|e| matches!(e, Effect::Rated(r)
        if r.moment == RatingMoment::Closing && r.kind == DiscomfortKind::Sharp && r.value == 4)));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Ended(Ending::Stopped { .. })))
    );
    assert!(stop_reason(&session).is_some_and(|r| r.starts_with("Sharp pain")));
}

fn decisions(fx: &[Effect]) -> Vec<RatingDecision> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Rated(r) => r.decision.clone(),
            _ => None,
        })
        .collect()
}

#[test]
fn every_prompt_records_its_decision() {
    use crate::domain::RatingDecision::*;
    let stopped = RatingDecision::stopped;
    // (check-in baseline, keys at the quick check, the decisions recorded)
    let cases: [(u8, &str, Vec<RatingDecision>); 9] = [
        (2, "3\n", vec![Continued]),
        (
            2,
            "7\n",
            vec![stopped("discomfort 7/10, above your limit of 5")],
        ),
        (2, "l", vec![stopped("pain shooting down a leg")]),
        (2, "s", vec![SharpReported]),
        (1, "4\nn", vec![NotGettingWorse]),
        (
            1,
            "4\ny",
            vec![stopped(
                "discomfort 4/10, up from 1 at check-in, and getting worse",
            )],
        ),
        (1, "4\nr", vec![RatedAgain]),
        // The closing rating: the last exercise done (no quick check after
        // it), then 2 and Enter.
        (2, "\n 2\n", vec![Continued, Closing]),
        // `s` at the closing rating is still a safety stop.
        (2, "\n s", vec![Continued, SharpReported]),
    ];
    for (baseline, typed, expected) in cases {
        let (mut session, t0) = at_quick_check(baseline);
        let fx = keys(&mut session, t0, typed);
        assert_eq!(decisions(&fx), expected, "{typed:?}");
    }
}

#[test]
fn a_rating_that_rose_for_the_same_exercise_stops_with_the_rule_in_words() {
    let (mut session, t0) = at_quick_check(5);
    // During the second exercise: 2, then 4 for the same exercise.
    let fx = keys(&mut session, t0, "\nr2\n\nr4\n\n");
    assert_eq!(
        decisions(&fx),
        vec![
            RatingDecision::Continued,
            RatingDecision::Continued,
            RatingDecision::stopped("discomfort rose from 2 to 4"),
        ]
    );
}
