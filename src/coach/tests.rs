//! The coach's rules, table-driven on fixed dates: what closes a day, what
//! the check-in asks first, which notices are due, what the gate says, and
//! the plan built from the check-in's answers.

use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::checkin::{Answer, CheckInFlow, State};
use super::*;
use crate::catalog::builtin;
use crate::domain::{
    CheckIn, Compared, DiscomfortKind, ExerciseRecord, Rating, RatingMoment, SessionRecord,
    SessionStatus, WarningSign,
};
use crate::profile::Experience;
use crate::rules::progression::Ladder;

/// Monday 30 November 2026: "today" in every row.
const TODAY: Date = date(2026, 11, 30);

fn at(day: Date, hour: i8) -> Timestamp {
    day.at(hour, 0, 0, 0)
        .to_zoned(TimeZone::UTC)
        .expect("a valid time")
        .timestamp()
}

fn days_ago(n: i64) -> Date {
    crate::domain::dates::add_days(TODAY, -n)
}

fn session(day: Date, hour: i8, status: SessionStatus, exercises: &[&str]) -> SessionRecord {
    let started = at(day, hour);
    SessionRecord {
        id: started.to_string(),
        routine_id: "daily".into(),
        routine_name: "15-minute daily routine".into(),
        date: day,
        started,
        ended: started.checked_add(SignedDuration::from_mins(15)).ok(),
        active_s: 900,
        status,
        intense: false,
        baseline: Some(1),
        exercises: exercises
            .iter()
            .map(|id| ExerciseRecord {
                exercise_id: (*id).into(),
                name: (*id).into(),
                finished_at: started,
                sets_planned: 1,
                sets_done: 1,
                target_reps: 5,
                target_hold_s: 0,
                reps_done: vec![5],
                hold_s_done: vec![],
                completed: true,
            })
            .collect(),
        ratings: Vec::new(),
    }
}

fn stopped(day: Date, hour: i8) -> SessionRecord {
    session(
        day,
        hour,
        SessionStatus::StoppedForSafety {
            reason: "Sharp pain during Bridge, set 1 of 2".into(),
        },
        &["bridge"],
    )
}

fn checkin(day: Date, hour: i8) -> CheckIn {
    CheckIn {
        at: at(day, hour),
        date: day,
        baseline: 2,
        asked_warning_signs: true,
        warning_signs: Vec::new(),
        since_last: None,
        stop_pain_eased: None,
        lingering: false,
    }
}

fn with_signs(mut c: CheckIn, signs: &[WarningSign]) -> CheckIn {
    c.warning_signs = signs.to_vec();
    c
}

fn eased(mut c: CheckIn, eased: bool) -> CheckIn {
    c.stop_pain_eased = Some(eased);
    c
}

fn history(sessions: Vec<SessionRecord>, checkins: Vec<CheckIn>) -> History {
    History {
        range: Some((days_ago(today::LOOKBACK_DAYS), TODAY)),
        sessions,
        checkins,
        ..History::default()
    }
}

/// Today as the coach decides it at `hour` on [`TODAY`].
fn decide(h: &History, hour: i8) -> Today {
    let profile = Profile::default();
    let last = h.sessions.iter().max_by_key(|s| s.started);
    today(Situation {
        profile: &profile,
        history: h,
        last_session: last,
        now: at(TODAY, hour),
        today: TODAY,
    })
}

#[derive(Debug, PartialEq)]
enum Closed {
    Open,
    Signs,
    Urgent,
    Stop,
    NotEased,
}

fn closed_kind(t: &Today) -> Closed {
    match &t.closed {
        None => Closed::Open,
        Some(DayClosed::WarningSigns(s)) if s.iter().any(|s| s.is_urgent()) => Closed::Urgent,
        Some(DayClosed::WarningSigns(_)) => Closed::Signs,
        Some(DayClosed::SafetyStop { .. }) => Closed::Stop,
        Some(DayClosed::StopNotEased { .. }) => Closed::NotEased,
    }
}

#[test]
fn what_closes_the_day() {
    let rows: Vec<(&str, History, Closed)> = vec![
        ("a first day", history(vec![], vec![]), Closed::Open),
        (
            "a warning sign marked this morning",
            history(
                vec![],
                vec![with_signs(
                    checkin(TODAY, 8),
                    &[WarningSign::NumbnessTingling],
                )],
            ),
            Closed::Signs,
        ),
        (
            "then a later check-in with no signs does not reopen it",
            history(
                vec![],
                vec![
                    with_signs(checkin(TODAY, 8), &[WarningSign::PainDownLeg]),
                    checkin(TODAY, 9),
                ],
            ),
            Closed::Signs,
        ),
        (
            "an urgent sign",
            history(
                vec![],
                vec![with_signs(
                    checkin(TODAY, 8),
                    &[WarningSign::SaddleNumbness],
                )],
            ),
            Closed::Urgent,
        ),
        (
            "a warning sign yesterday: today is open again",
            history(
                vec![],
                vec![with_signs(
                    checkin(days_ago(1), 8),
                    &[WarningSign::PainDownLeg],
                )],
            ),
            Closed::Open,
        ),
        (
            "a safety stop this morning",
            history(vec![stopped(TODAY, 8)], vec![checkin(TODAY, 7)]),
            Closed::Stop,
        ),
        (
            "a stop this morning, then \"yes, it eased\" the same day: still closed",
            history(
                vec![stopped(TODAY, 8)],
                vec![checkin(TODAY, 7), eased(checkin(TODAY, 9), true)],
            ),
            Closed::Stop,
        ),
        (
            "a stop yesterday, \"no, it has not eased\" today",
            history(
                vec![stopped(days_ago(1), 8)],
                vec![eased(checkin(TODAY, 8), false)],
            ),
            Closed::NotEased,
        ),
        (
            "a stop yesterday, \"yes\" today",
            history(
                vec![stopped(days_ago(1), 8)],
                vec![eased(checkin(TODAY, 8), true)],
            ),
            Closed::Open,
        ),
        (
            "a completed session this morning",
            history(
                vec![session(TODAY, 8, SessionStatus::Completed, &["bridge"])],
                vec![checkin(TODAY, 7)],
            ),
            Closed::Open,
        ),
        (
            "too much pain at this morning's check-in closes nothing (it may ease)",
            history(
                vec![],
                vec![CheckIn {
                    baseline: 8,
                    ..checkin(TODAY, 7)
                }],
            ),
            Closed::Open,
        ),
    ];
    for (name, h, expected) in rows {
        assert_eq!(closed_kind(&decide(&h, 12)), expected, "{name}");
    }
}

#[test]
fn what_the_check_in_asks_first() {
    // (history, answered keys, expected question or outcome)
    let stop_yesterday = history(vec![stopped(days_ago(1), 8)], vec![]);
    let t = decide(&stop_yesterday, 12);
    assert!(t.follow_up.is_some(), "a stop yesterday is followed up");
    assert!(
        t.since_last.is_none(),
        "the stop question replaces the comparison"
    );
    let flow = CheckInFlow::new(&t, at(TODAY, 12));
    assert!(matches!(
        flow.state(),
        State::Asking(checkin::Question::StopEased { .. })
    ));

    // A stop three weeks ago with sessions since: nothing to follow up.
    let later = history(
        vec![
            stopped(days_ago(21), 8),
            session(days_ago(2), 8, SessionStatus::Completed, &["bridge"]),
        ],
        vec![eased(checkin(days_ago(2), 7), true)],
    );
    let t = decide(&later, 12);
    assert!(t.follow_up.is_none());
    assert_eq!(t.since_last.as_ref().map(|s| s.date), Some(days_ago(2)));

    // A stop a week ago, never answered (no session since): asked now.
    let unanswered = history(vec![stopped(days_ago(7), 8)], vec![]);
    assert!(decide(&unanswered, 12).follow_up.is_some());

    // Warning signs: asked once a day.
    let asked = history(vec![], vec![checkin(TODAY, 7)]);
    assert!(!decide(&asked, 12).warning_signs_due);
    let not_asked = history(vec![], vec![checkin(days_ago(1), 7)]);
    assert!(decide(&not_asked, 12).warning_signs_due);
}

#[test]
fn answers_that_close_the_day_are_what_the_next_start_reads() {
    // The flow's record, once saved, closes the day for every later path.
    for (name, hist, keys, expected) in [
        (
            "a warning sign",
            history(vec![], vec![]),
            "2\n\n2\n",
            Closed::Signs,
        ),
        (
            "an urgent sign",
            history(vec![], vec![]),
            "2\n\n8\n",
            Closed::Urgent,
        ),
        (
            "sharp pain at the check-in",
            history(vec![], vec![]),
            "2\ns",
            Closed::Signs,
        ),
        (
            "not eased",
            history(vec![stopped(days_ago(1), 8)], vec![]),
            "n",
            Closed::NotEased,
        ),
    ] {
        let t = decide(&hist, 10);
        let mut flow = CheckInFlow::new(&t, at(TODAY, 10));
        for c in keys.chars() {
            flow.answer(if c == '\n' {
                Answer::Enter
            } else {
                Answer::Char(c)
            });
        }
        assert!(matches!(flow.state(), State::Blocked(_)), "{name}");
        let mut saved = hist.clone();
        saved.checkins.push(flow.record().clone());
        assert_eq!(closed_kind(&decide(&saved, 11)), expected, "{name}");
        // Tomorrow the questions come back.
        let profile = Profile::default();
        let tomorrow = crate::domain::dates::add_days(TODAY, 1);
        let next = today(Situation {
            profile: &profile,
            history: &saved,
            last_session: saved.sessions.last(),
            now: at(tomorrow, 9),
            today: tomorrow,
        });
        assert!(next.warning_signs_due, "{name}: asked again tomorrow");
    }
}

#[test]
fn the_gate_refuses_every_routine_on_a_closed_day_and_spaces_intense_ones() {
    let catalog = builtin().expect("catalog");
    let closed = history(
        vec![],
        vec![with_signs(checkin(TODAY, 7), &[WarningSign::PainDownLeg])],
    );
    let t = decide(&closed, 12);
    for routine in &catalog.routines {
        let refusal = may_start(&t, routine, &closed, at(TODAY, 12)).expect_err("closed");
        assert!(refusal.is_safety(), "{}", routine.id);
        let lines = refusal.lines(&TimeZone::UTC).join(" ");
        assert!(lines.contains("healthcare professional"), "{lines}");
        assert!(lines.contains("tomorrow"), "{lines}");
    }
    // Intense: 48 hours from the end of the last intense session.
    let gym = catalog.routine("gym-back-day").expect("gym");
    let mut heavy = session(days_ago(2), 10, SessionStatus::Completed, &["lat-pulldown"]);
    heavy.routine_id = "gym-back-day".into();
    heavy.intense = true;
    let end = heavy.ended.expect("end");
    let h = history(vec![heavy], vec![]);
    let t = decide(&h, 9);
    let before = end
        .checked_add(SignedDuration::from_hours(47))
        .expect("time");
    let after = end
        .checked_add(SignedDuration::from_hours(48))
        .expect("time");
    assert!(matches!(
        may_start(&t, gym, &h, before),
        Err(Refusal::TooSoon { intense: true, .. })
    ));
    assert_eq!(may_start(&t, gym, &h, after), Ok(()));
    // A gentle routine is fine in between.
    let daily = catalog.routine("daily").expect("daily");
    assert_eq!(may_start(&t, daily, &h, before), Ok(()));
}

#[test]
fn notices_for_home_and_the_check_in() {
    // A stop yesterday: the check-in will ask about it.
    let t = decide(&history(vec![stopped(days_ago(1), 8)], vec![]), 12);
    assert!(t.notices.iter().any(|n| {
        matches!(n, TodayNotice::StopFollowUp { .. })
            && n.text(TODAY)
                .starts_with("Yesterday's session was stopped for safety")
    }));
    // Lingering pain at the latest check-in, no session since.
    let lingering = CheckIn {
        lingering: true,
        since_last: Some(Compared::Worse),
        ..checkin(days_ago(1), 9)
    };
    let t = decide(&history(vec![], vec![lingering]), 12);
    assert!(
        t.notices
            .iter()
            .any(|n| matches!(n, TodayNotice::Lingering { .. }))
    );
    // Six weeks of check-ins without improvement, no exercise at all.
    let checkins: Vec<CheckIn> = (1..=7)
        .map(|w| CheckIn {
            baseline: 5,
            ..checkin(days_ago(7 * w), 9)
        })
        .collect();
    let t = decide(&history(vec![], checkins), 12);
    let six = t
        .notices
        .iter()
        .find(|n| matches!(n, TodayNotice::SixWeeks(_)))
        .expect("the six-week rule applies without exercise too");
    assert!(six.text(TODAY).contains("healthcare professional"));
    // An unreadable month is named.
    let mut h = history(vec![], vec![]);
    h.problems.push(crate::domain::FileProblem {
        path: "history/2026-11.ron".into(),
        line: 3,
        col: 7,
        message: "Expected integer".into(),
    });
    let t = decide(&h, 12);
    assert!(
        t.notices
            .iter()
            .any(|n| n.text(TODAY).contains("2026-11.ron:3:7"))
    );
}

#[test]
fn the_plan_is_built_from_the_check_in_answers() {
    let catalog = builtin().expect("catalog");
    let daily = catalog.routine("daily").expect("daily");
    let profile = Profile {
        experience: Experience::New,
        equipment: vec![crate::catalog::Equipment::Band],
        ..Profile::default()
    };
    let item = daily
        .items
        .iter()
        .find(|i| i.exercise == "bridge")
        .expect("item");
    let bridge = catalog.exercise("bridge").expect("bridge");
    let floor = Ladder::for_item(
        &daily.item_dose(item, bridge),
        bridge.start.as_ref(),
        Experience::New,
    )
    .floor();
    let at_floor = |day: Date| {
        let mut s = session(day, 9, SessionStatus::Completed, &[]);
        s.exercises = vec![ExerciseRecord {
            exercise_id: "bridge".into(),
            name: "Bridge".into(),
            finished_at: s.started,
            sets_planned: floor.sets,
            sets_done: floor.sets,
            target_reps: floor.reps,
            target_hold_s: floor.hold_s,
            reps_done: vec![floor.reps; floor.sets as usize],
            hold_s_done: vec![],
            completed: true,
        }];
        s
    };
    let h = history(vec![at_floor(days_ago(4)), at_floor(days_ago(2))], vec![]);
    let plan_with = |answer: CheckIn| {
        plan_after_checkin(
            &catalog,
            daily,
            &profile,
            &h,
            &answer,
            at(TODAY, 9),
            &TimeZone::UTC,
        )
    };
    let bridge_of = |p: &crate::rules::fitting::Planned| {
        p.plan
            .exercises
            .iter()
            .find(|e| e.exercise_id == "bridge")
            .cloned()
            .expect("bridge")
    };
    // (answer, bridge grows, reason contains)
    let rows = [
        (Compared::Better, true, "without worsening"),
        (Compared::Same, true, "without worsening"),
        (
            Compared::Worse,
            false,
            "no increase today: your back feels worse",
        ),
    ];
    for (answer, grows, reason) in rows {
        let c = CheckIn {
            since_last: Some(answer),
            ..checkin(TODAY, 8)
        };
        let planned = plan_with(c);
        let b = bridge_of(&planned);
        assert_eq!(b.reps > floor.reps, grows, "{answer:?}");
        assert!(
            b.reasons.iter().any(|r| r.contains(reason)),
            "{answer:?}: {:?}",
            b.reasons
        );
    }
    // Lingering (worse after a session near the limit): a step back, today.
    let mut near_limit = at_floor(days_ago(2));
    near_limit.ratings.push(Rating {
        at: near_limit.started,
        value: 5,
        kind: DiscomfortKind::DullAche,
        moment: RatingMoment::AfterExercise,
        exercise_id: Some("bridge".into()),
        set: None,
        side: None,
        decision: None,
    });
    let h2 = history(vec![at_floor(days_ago(4)), near_limit], vec![]);
    let lingering = CheckIn {
        since_last: Some(Compared::Worse),
        lingering: true,
        ..checkin(TODAY, 8)
    };
    let planned = plan_after_checkin(
        &catalog,
        daily,
        &profile,
        &h2,
        &lingering,
        at(TODAY, 9),
        &TimeZone::UTC,
    );
    let b = bridge_of(&planned);
    assert!(b.reps <= floor.reps);
    assert!(
        b.reasons.iter().any(|r| r.contains("pain lingered")),
        "{:?}",
        b.reasons
    );
}
