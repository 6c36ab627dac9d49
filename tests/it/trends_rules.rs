//! The trends figures and the clinician's report: table tests of the pure
//! rules on fixed histories (gaps, rest and sick days, a stop, warning
//! signs, ten years), the golden Markdown report, and the HTML report
//! parsed by an HTML parser and searched for its figures.

use crate::support::trends::*;
use backcoach::domain::dates;
use backcoach::domain::dates::add_days;
use backcoach::domain::*;
use backcoach::profile::Profile;
use backcoach::report::{self, Report};
use backcoach::rules::trends::{DoseChange, Trends, Window};
use backcoach::rules::week::{self, Notice};
use jiff::civil::{Date, date};
use scraper::{Html, Selector};

// ---- builders -------------------------------------------------------------

fn checkin_on(d: Date, baseline: u8) -> CheckIn {
    CheckIn {
        at: at(d, 17, 55),
        date: d,
        baseline,
        asked_warning_signs: true,
        warning_signs: Vec::new(),
        since_last: None,
        stop_pain_eased: None,
        lingering: false,
    }
}

fn exercise(
    id: &str,
    sets: u32,
    reps: u32,
    hold_s: u32,
    completed: bool,
    d: Date,
) -> ExerciseRecord {
    ExerciseRecord {
        exercise_id: id.into(),
        name: format!("Exercise {id}"),
        finished_at: at(d, 18, 10),
        sets_planned: sets,
        sets_done: if completed { sets } else { 0 },
        target_reps: reps,
        target_hold_s: hold_s,
        reps_done: Vec::new(),
        hold_s_done: Vec::new(),
        completed,
    }
}

fn rated(d: Date, value: u8, kind: DiscomfortKind, moment: RatingMoment) -> Rating {
    Rating {
        at: at(d, 18, 5),
        value,
        kind,
        moment,
        exercise_id: None,
        set: None,
        side: None,
        decision: None,
    }
}

fn session_on(d: Date, status: SessionStatus, ratings: Vec<Rating>) -> SessionRecord {
    SessionRecord {
        id: format!("{d}"),
        routine_id: "daily".into(),
        routine_name: "Daily routine".into(),
        date: d,
        started: at(d, 18, 0),
        ended: Some(at(d, 18, 15)),
        active_s: 900,
        status,
        intense: false,
        baseline: None,
        exercises: vec![exercise("bridge", 1, 3, 0, true, d)],
        ratings,
    }
}

fn history(
    sessions: Vec<SessionRecord>,
    checkins: Vec<CheckIn>,
    marks: Vec<DayMark>,
    range: (Date, Date),
) -> History {
    let mut h = History {
        range: Some(range),
        sessions,
        checkins,
        marks,
        ..History::default()
    };
    h.sort();
    h
}

// ---- weekly means, with a gap, marked days, a stop and a warning sign -----

#[test]
fn weekly_figures_over_a_gap_marked_days_a_stop_and_a_warning_sign() {
    let mon = date(2026, 11, 2);
    let d = |i| add_days(mon, i);
    let sessions = vec![
        session_on(
            d(0),
            SessionStatus::Completed,
            vec![
                rated(d(0), 4, DiscomfortKind::DullAche, RatingMoment::During),
                rated(
                    d(0),
                    3,
                    DiscomfortKind::DullAche,
                    RatingMoment::AfterExercise,
                ),
                rated(d(0), 2, DiscomfortKind::DullAche, RatingMoment::Closing),
            ],
        ),
        session_on(d(2), SessionStatus::Partial, vec![]),
        // Week 3: a stop on Friday.
        session_on(
            d(18),
            SessionStatus::StoppedForSafety {
                reason: "Sharp pain during Bridge, set 1 of 1".into(),
            },
            vec![rated(d(18), 7, DiscomfortKind::Sharp, RatingMoment::During)],
        ),
    ];
    let mut sign = checkin_on(d(19), 3);
    sign.warning_signs = vec![WarningSign::NumbnessTingling, WarningSign::PainDownLeg];
    let checkins = vec![
        checkin_on(d(0), 5),
        checkin_on(d(2), 2),
        checkin_on(d(18), 6),
        sign,
    ];
    let marks = vec![
        DayMark {
            date: d(8),
            kind: DayMarkKind::Rest,
        },
        DayMark {
            date: d(9),
            kind: DayMarkKind::Sick,
        },
    ];
    let window = Window::ending(d(20), 3);
    assert_eq!(window.from(), mon);
    let h = history(sessions, checkins, marks, window.needed_range(d(21)));
    let t = Trends::compute(&h, &Profile::default(), window, d(21));

    // (active, target, met, sessions, partial, check-in, during, end, stops, sign days, rest, sick)
    type Row = (
        u8,
        u8,
        bool,
        u32,
        u32,
        Option<u16>,
        Option<u16>,
        Option<u16>,
        u32,
        u32,
        u32,
        u32,
    );
    let rows: Vec<Row> = t
        .weeks
        .iter()
        .map(|w| {
            (
                w.bar.active_days,
                w.bar.target,
                w.bar.met,
                w.sessions,
                w.partial,
                w.checkin,
                w.during,
                w.after,
                w.stops,
                w.warning_days,
                w.rest_days,
                w.sick_days,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            // Two check-ins (5, 2) → 3.5; during 4 and after-exercise 3 → 3.5; closing 2.
            (2, 4, false, 2, 1, Some(35), Some(35), Some(20), 0, 0, 0, 0),
            // The gap: nothing but a rest and a sick day, which lower the target to 2.
            (0, 2, false, 0, 0, None, None, None, 0, 0, 1, 1),
            // The stop (its check-in 6, rated 7 during) and the warning-sign day (3).
            (1, 4, false, 1, 0, Some(45), Some(70), None, 1, 1, 0, 0),
        ]
    );
    assert_eq!(t.sessions(), 3);
    assert_eq!(
        t.stops
            .iter()
            .map(|s| (s.date, s.reason.as_str()))
            .collect::<Vec<_>>(),
        vec![(d(18), "Sharp pain during Bridge, set 1 of 1")]
    );
    assert_eq!(t.warnings.len(), 1);
    // Signs in the check-in's order, whatever order they were saved in.
    assert_eq!(
        t.warnings[0].signs,
        vec![WarningSign::PainDownLeg, WarningSign::NumbnessTingling]
    );
    assert_eq!(t.marks.len(), 2);
    let day = |i: usize| &t.days[i];
    assert_eq!(
        (day(0).checkin, day(0).closing.clone()),
        (Some(50), vec![2])
    );
    assert_eq!(day(1).checkin, None);
    assert_eq!(
        (day(8).mark, day(9).mark),
        (Some(DayMarkKind::Rest), Some(DayMarkKind::Sick))
    );
    assert!(day(18).stop && !day(18).warning);
    assert!(day(19).warning && !day(19).stop);
}

// ---- the trend line -------------------------------------------------------

#[test]
fn the_trend_is_the_least_squares_slope_of_the_weekly_check_in_means() {
    let cases: [(&[Option<u16>], Option<&str>); 6] = [
        (
            &[Some(50), Some(40), Some(30), Some(20)],
            Some("falling 1.0 a week"),
        ),
        (&[Some(20), Some(20), Some(20)], Some("steady")),
        (&[Some(10), None, Some(30)], Some("rising 1.0 a week")),
        (&[Some(52), Some(49), Some(51), Some(50)], Some("steady")),
        (&[None, Some(30), None], None),
        (&[], None),
    ];
    for (weeks, words) in cases {
        let got = backcoach::rules::trends::slope(weeks.iter().copied());
        assert_eq!(got.map(|s| s.words()).as_deref(), words, "{weeks:?}");
    }
}

// ---- the six-week reading -------------------------------------------------

/// Six complete weeks before the week of `today` with `active` days each and
/// the given check-in values per week.
fn six_weeks(today: Date, active: [i64; 6], checkins: [&[u8]; 6]) -> History {
    let first = add_days(dates::monday_of(today), -42);
    let mut sessions = Vec::new();
    let mut cs = Vec::new();
    for w in 0..6 {
        let monday = add_days(first, 7 * w as i64);
        for i in 0..active[w] {
            sessions.push(session_on(
                add_days(monday, i),
                SessionStatus::Completed,
                vec![],
            ));
        }
        for (i, v) in checkins[w].iter().enumerate() {
            cs.push(checkin_on(add_days(monday, i as i64), *v));
        }
    }
    history(sessions, cs, vec![], (first, today))
}

#[test]
fn the_six_week_reading_says_the_figures_and_the_guides_advice_when_it_applies() {
    let today = date(2026, 11, 25);
    let regular = [3; 6];
    let improving: [&[u8]; 6] = [&[5, 5, 5], &[6, 5], &[4], &[3], &[3, 3, 3], &[2, 3]];
    let flat: [&[u8]; 6] = [&[4, 4], &[4], &[4], &[4], &[4, 5], &[4]];
    let gone: [&[u8]; 6] = [&[1], &[0], &[1], &[0], &[0], &[0]];
    let none: [&[u8]; 6] = [&[], &[], &[], &[], &[], &[]];
    let headline = |from: &str, to: &str| {
        format!(
            "Check-in discomfort went from {from} to {to} over the 6 weeks to Sun 22 Nov (mean of the first 2 weeks, then of the last 2)."
        )
    };
    // (active days, check-ins, headline, advises a professional, some advice)
    let cases = [
        (regular, improving, headline("5.2", "2.8"), false, false),
        (regular, flat, headline("4.0", "4.3"), true, true),
        // One week with a single active day: not six regular weeks, but the
        // pain has not improved in six weeks either: the advice stands.
        ([3, 3, 1, 3, 3, 3], flat, headline("4.0", "4.3"), true, true),
        (regular, gone, headline("0.5", "0.0"), false, false),
        (
            regular,
            none,
            "Not enough check-ins yet for the six-week reading: it compares the first and last 2 of the 6 weeks to Sun 22 Nov.".to_string(),
            false,
            false,
        ),
    ];
    for (active, checkins, expected, professional, advice) in cases {
        let h = six_weeks(today, active, checkins);
        let profile = Profile::default();
        let t = Trends::compute(&h, &profile, Window::ending(today, 6), today);
        assert_eq!(t.reading.headline(), expected);
        assert_eq!(t.reading.advises_professional(), professional, "{expected}");
        let text = t.reading.advice();
        assert_eq!(text.is_some(), advice, "{expected}: {text:?}");
        if let Some(text) = text {
            assert!(
                text.contains("the guides advise seeing a healthcare professional"),
                "{text}"
            );
        }
        // One rule: the week screen's notice fires exactly when the reading advises.
        let summary = week::summarize(&h, &profile, today, today);
        let notice = summary
            .notices
            .iter()
            .any(|n| matches!(n, Notice::SeeProfessional { .. }));
        assert_eq!(notice, professional, "{expected}");
    }
}

// ---- dose series ----------------------------------------------------------

#[test]
fn dose_series_climb_the_ladder_and_show_a_step_back_after_a_stop() {
    let mon = date(2026, 9, 7);
    // (day, bridge sets, reps, completed, stopped)
    let plan: [(i64, u32, u32, bool, bool); 8] = [
        (0, 1, 3, true, false),
        (2, 1, 3, true, false),
        (4, 1, 5, true, false),
        (7, 1, 7, true, false),
        (9, 1, 7, false, true),
        (11, 1, 5, true, false),
        (14, 1, 7, true, false),
        (16, 2, 5, true, false),
    ];
    let mut sessions: Vec<SessionRecord> = plan
        .iter()
        .map(|&(i, sets, reps, completed, stopped)| {
            let d = add_days(mon, i);
            let status = if stopped {
                SessionStatus::StoppedForSafety {
                    reason: "Sharp pain during Exercise bridge, set 1 of 1".into(),
                }
            } else {
                SessionStatus::Completed
            };
            let mut s = session_on(d, status, vec![]);
            s.exercises = vec![
                exercise(
                    "plank",
                    2 + u32::from(i >= 14),
                    0,
                    20 + 5 * u32::from(i >= 7),
                    true,
                    d,
                ),
                exercise("bridge", sets, reps, 12, completed, d),
            ];
            s
        })
        .collect();
    let mut desk = session_on(add_days(mon, 3), SessionStatus::Completed, vec![]);
    desk.routine_id = "desk".into();
    desk.routine_name = "Desk break".into();
    sessions.push(desk);
    let window = Window::ending(add_days(mon, 20), 3);
    let h = history(
        sessions,
        vec![],
        vec![],
        window.needed_range(add_days(mon, 21)),
    );
    let t = Trends::compute(&h, &Profile::default(), window, add_days(mon, 21));

    let main = t.main_routine().expect("a routine");
    assert_eq!(
        (main.routine_name.as_str(), main.sessions),
        ("Daily routine", 8)
    );
    assert_eq!(t.doses[1].routine_name, "Desk break");
    let ids: Vec<&str> = main
        .exercises
        .iter()
        .map(|s| s.exercise_id.as_str())
        .collect();
    assert_eq!(ids, ["plank", "bridge"]);

    let bridge = &main.exercises[1];
    let levels: Vec<usize> = bridge.points.iter().map(|p| p.level).collect();
    let changes: Vec<DoseChange> = bridge.points.iter().map(|p| p.change).collect();
    use DoseChange::*;
    assert_eq!(levels, [0, 0, 1, 2, 2, 1, 2, 3]);
    assert_eq!(changes, [First, Same, Up, Up, Same, Down, Up, Up]);
    assert_eq!(
        (bridge.ups(), bridge.step_backs(), bridge.top_level()),
        (4, 1, 3)
    );
    assert_eq!(
        bridge.summary(),
        "1 × 3 reps, 12 s hold → 2 × 5 reps, 12 s hold (4 steps up, 1 step back)"
    );
    assert_eq!(bridge.changes().count(), 6);
    assert!(!bridge.points[4].completed);

    // A held exercise: longer holds, then one more set.
    let plank = &main.exercises[0];
    let levels: Vec<usize> = plank.points.iter().map(|p| p.level).collect();
    assert_eq!(levels, [0, 0, 0, 1, 1, 1, 2, 2]);
    assert_eq!(plank.summary(), "2 × 20 s → 3 × 25 s (2 steps up)");
}

// ---- ten years --------------------------------------------------------------

/// One session of six exercises and a check-in every day from `first` to `last`.
fn years_of_history(first: Date, last: Date) -> History {
    let mut h = History {
        range: Some((first, last)),
        ..History::default()
    };
    let mut d = first;
    while d <= last {
        let mut s = session_on(
            d,
            SessionStatus::Completed,
            vec![rated(d, 2, DiscomfortKind::DullAche, RatingMoment::Closing)],
        );
        s.exercises = (0..6)
            .map(|i| exercise(&format!("exercise-{i}"), 2, 10, 5, true, d))
            .collect();
        h.sessions.push(s);
        h.checkins.push(checkin_on(d, 3));
        d = d.tomorrow().expect("a next day");
    }
    h
}

#[test]
fn ten_years_of_history_every_figure_over_every_week() {
    let last = date(2026, 11, 22);
    let first = date(2016, 11, 21);
    let h = years_of_history(first, last);
    let window = Window::between(first, last);
    assert_eq!(
        (window.from(), window.to(), window.weeks),
        (first, last, 522)
    );
    let t = Trends::compute(&h, &Profile::default(), window, add_days(last, 1));
    assert_eq!(t.weeks.len(), 522);
    assert_eq!(t.days.len(), 522 * 7);
    assert_eq!(t.sessions() as usize, h.sessions.len());
    assert_eq!(t.weeks_met(), 522);
    assert!(
        t.weeks
            .iter()
            .all(|w| w.checkin == Some(30) && w.after == Some(20))
    );
    assert_eq!(
        t.checkin_slope().map(|s| s.words()).as_deref(),
        Some("steady")
    );
    let main = t.main_routine().expect("the daily routine");
    assert_eq!(main.exercises.len(), 6);
    assert!(
        main.exercises
            .iter()
            .all(|s| s.points.len() == h.sessions.len()
                && s.summary() == "2 × 10 reps, 5 s hold throughout")
    );
    // The reading: steady at 3 over six regular weeks → see a professional.
    assert!(t.reading.advises_professional());

    let profile = Profile::default();
    let report = Report {
        trends: &t,
        profile: &profile,
        generated: add_days(last, 1),
    };
    let html = report::html(&report);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert_eq!(select(&doc, "table.weeks tbody tr").len(), 522);
    assert!(report::markdown(&report).lines().count() > 522);
}

// ---- the report -------------------------------------------------------------

fn sample_trends() -> Trends {
    let window = Window::ending(sample_today(), 12);
    Trends::compute(
        &sample_history(),
        &sample_profile(),
        window,
        add_days(sample_today(), 1),
    )
}

fn sample_report<T>(f: impl FnOnce(&Report<'_>) -> T) -> T {
    let t = sample_trends();
    let profile = sample_profile();
    f(&Report {
        trends: &t,
        profile: &profile,
        generated: add_days(sample_today(), 1),
    })
}

#[test]
fn the_markdown_report_of_the_sample_weeks_matches_the_golden_file() {
    let md = sample_report(report::markdown);
    assert!(md.starts_with("> **What this is: a personal log"), "{md}");
    insta::assert_snapshot!("report_sample_markdown", md);
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a selector");
    doc.select(&selector).collect()
}

fn text_of(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>()
}

#[test]
fn the_html_report_is_well_formed_self_contained_and_holds_the_figures() {
    let html = sample_report(report::html);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);

    // What it is, before anything else.
    let body_first = select(&doc, "body > *");
    assert_eq!(body_first[0].value().attr("class"), Some("what"));
    assert!(text_of(&body_first[0]).contains("not a diagnosis"));
    assert_eq!(
        text_of(&select(&doc, "h1")[0]),
        "Back exercise log, Mon 31 Aug – Sun 22 Nov 2026 (12 weeks)"
    );

    // Self-contained: no script, nothing that fetches, a policy that forbids both.
    assert!(select(&doc, "script, link, img, iframe, object, embed").is_empty());
    assert!(select(&doc, "[src], [href]").is_empty());
    let csp = select(&doc, "meta[http-equiv=Content-Security-Policy]");
    assert_eq!(
        csp[0].value().attr("content"),
        Some("default-src 'none'; style-src 'unsafe-inline'")
    );
    assert!(!html.contains("url("));
    assert!(html.contains("@media print"));

    // The profile.
    let profile: Vec<String> = select(&doc, "dl dd").iter().map(text_of).collect();
    assert_eq!(profile[0], "herniated disc");
    assert!(profile[1].starts_with("5 of 10"), "{profile:?}");
    assert_eq!(profile[2], "4 active days a week");

    // Sessions per week against the target, and the weekly means.
    let rows = select(&doc, "table.weeks tbody tr");
    assert_eq!(rows.len(), 12);
    let cells = |row: usize| -> Vec<String> {
        let sel = Selector::parse("td").expect("td");
        rows[row].select(&sel).map(|c| text_of(&c)).collect()
    };
    assert_eq!(
        cells(0),
        [
            "W36 · 31 Aug 2026",
            "4",
            "4 ✓",
            "4",
            "56",
            "5.0",
            "4.3",
            "4.0",
            "0",
            "0",
            "0 / 0"
        ]
    );
    // The week with two sick days: target 2, one session, not met.
    assert_eq!(
        cells(6),
        [
            "W42 · 12 Oct 2026",
            "1",
            "2",
            "1",
            "14",
            "3.0",
            "2.3",
            "2.0",
            "0",
            "0",
            "0 / 2"
        ]
    );
    assert_eq!(cells(4)[8], "1", "the week of the stop");

    // Charts: adherence, discomfort, and one per exercise of each routine.
    assert_eq!(select(&doc, "svg").len(), 2 + 4 + 1);
    assert_eq!(select(&doc, "svg rect.met, svg rect.short").len(), 12);
    assert_eq!(
        select(&doc, "svg circle.back").len(),
        1,
        "the superman's step back"
    );

    // Every stop with its reason and date; the warning sign; the notes.
    let all = text_of(&select(&doc, "body")[0]);
    for expected in [
        "Wed 30 Sep 2026",
        "Sharp pain during Superman, set 1 of 1",
        "Tue 20 Oct 2026",
        "pain spreading down a leg",
        "Bridge: 1 × 3 reps, 12 s hold → 2 × 6 reps, 12 s hold (5 steps up)",
        "Superman: 1 × 3 reps, 2 s hold → 2 × 5 reps, 2 s hold (5 steps up, 1 step back)",
        "Tue 13 Oct 2026sick",
        "Fri 6 Nov 2026rest",
        "Check-in discomfort went from 3.3 to 2.3 over the 6 weeks to Sun 22 Nov",
        "Back pain that has not improved within about six weeks of regular gentle exercise: see a healthcare professional.",
    ] {
        assert!(all.contains(expected), "missing {expected:?}");
    }
    assert!(select(&doc, "p.advice").is_empty(), "improved: no advice");
}

#[test]
fn the_report_shows_the_advice_when_pain_has_not_improved() {
    let today = date(2026, 11, 25);
    let flat: [&[u8]; 6] = [&[4, 4], &[4], &[4], &[4], &[4, 5], &[4]];
    let h = six_weeks(today, [3; 6], flat);
    let profile = Profile::default();
    let t = Trends::compute(&h, &profile, Window::ending(today, 6), today);
    let r = Report {
        trends: &t,
        profile: &profile,
        generated: today,
    };
    let doc = Html::parse_document(&report::html(&r));
    let advice = select(&doc, "p.advice");
    assert_eq!(advice.len(), 1);
    assert!(text_of(&advice[0]).contains("the guides advise seeing a healthcare professional"));
    assert!(report::markdown(&r).contains("**Not a clear improvement"));
}

#[test]
fn names_from_the_records_cannot_inject_markup() {
    let d = date(2026, 11, 16);
    let mut s = session_on(
        d,
        SessionStatus::StoppedForSafety {
            reason: "<script>alert(1)</script> | a \u{1b}[2J clear".into(),
        },
        vec![],
    );
    s.routine_name = "Mine <b>bold</b> & \"quoted\" | piped".into();
    s.exercises[0].name = "Bridge</svg><script>x</script>".into();
    let window = Window::ending(d, 1);
    let h = history(vec![s], vec![], vec![], window.needed_range(d));
    let t = Trends::compute(&h, &Profile::default(), window, d);
    let profile = Profile::default();
    let r = Report {
        trends: &t,
        profile: &profile,
        generated: d,
    };
    let html = report::html(&r);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert!(select(&doc, "script, b").is_empty());
    assert!(!html.contains('\u{1b}'));
    let all = text_of(&select(&doc, "body")[0]);
    assert!(
        all.contains("<script>alert(1)</script> | a  [2J clear"),
        "{all}"
    );
    assert!(all.contains("Mine <b>bold</b> & \"quoted\" | piped"));

    let md = report::markdown(&r);
    assert!(!md.contains('\u{1b}'));
    assert!(
        md.contains("| Mine \\<b\\>bold\\</b\\> & \"quoted\" \\| piped |"),
        "{md}"
    );
    assert!(!report::text(&t).contains('\u{1b}'));
}

#[test]
fn the_plain_text_trends_say_the_reading_the_weeks_and_the_doses() {
    let text = report::text(&sample_trends());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Trends, last 12 weeks: Mon 31 Aug – Sun 22 Nov 2026"
    );
    assert!(
        lines[2].starts_with("Check-in discomfort went from 3.3 to 2.3"),
        "{text}"
    );
    assert!(
        text.contains("W42 · 12 Oct 2026     1       2         1"),
        "{text}"
    );
    assert!(text.contains(
        "- Wed 30 Sep 2026, 15-minute daily routine: Sharp pain during Superman, set 1 of 1"
    ));
    assert!(text.contains("Doses in 15-minute daily routine (44 sessions):"));
    assert!(text.contains(
        "- Superman: 1 × 3 reps, 2 s hold → 2 × 5 reps, 2 s hold (5 steps up, 1 step back)"
    ));
}

#[test]
fn a_partial_session_and_an_unreadable_file_are_accounted_for() {
    let mut h = sample_history();
    h.problems.push(FileProblem {
        path: "history/2026-10.ron".into(),
        line: 3,
        col: 7,
        message: "Expected integer".into(),
    });
    let t = Trends::compute(
        &h,
        &sample_profile(),
        Window::ending(sample_today(), 12),
        sample_today(),
    );
    assert_eq!(t.weeks.iter().map(|w| w.partial).sum::<u32>(), 1);
    assert_eq!(t.problems, ["history/2026-10.ron:3:7: Expected integer"]);
    let profile = sample_profile();
    let html = report::html(&Report {
        trends: &t,
        profile: &profile,
        generated: sample_today(),
    });
    assert!(html.contains("could not be read"));
    assert!(html.contains("history/2026-10.ron:3:7: Expected integer"));
}
