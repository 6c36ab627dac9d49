//! The progression rules, table-driven on fixed dates.

use super::ladder::{counts_hold, counts_reps};
use super::*;
use crate::catalog::{Amount, Dose, DoseKind};
use crate::catalog::{Catalog, Range, builtin};
use crate::domain::{Rating, RatingMoment};
use crate::profile::Experience;
use DiscomfortKind::*;
use jiff::ToSpan;

fn catalog() -> Catalog {
    builtin().expect("the built-in catalog parses")
}

fn ladder_of(c: &Catalog, routine: &str, exercise: &str, experience: Experience) -> Ladder {
    let r = c.routine(routine).expect("routine");
    let item = r
        .items
        .iter()
        .find(|i| i.exercise == exercise)
        .expect("item");
    let ex = c.exercise(exercise).expect("exercise");
    Ladder::for_item(&r.item_dose(item, ex), ex.start.as_ref(), experience)
}

fn s(sets: u32, reps: u32, hold_s: u32) -> Rung {
    Rung {
        sets,
        reps,
        hold_s,
        duration_s: 0,
    }
}

fn day(n: i64) -> Date {
    Date::constant(2026, 11, 16)
        .checked_add(n.days())
        .expect("date")
}

fn at(n: i64, minute: i64) -> Timestamp {
    day(n)
        .at(18, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("zoned")
        .timestamp()
        .checked_add(minute.minutes())
        .expect("time")
}

/// An exercise done at a rung; `completed` as the engine would record it.
fn done(id: &str, step: Rung, completed: bool) -> ExerciseRecord {
    ExerciseRecord {
        exercise_id: id.into(),
        name: id.into(),
        finished_at: Timestamp::UNIX_EPOCH,
        sets_planned: step.sets,
        sets_done: step.sets,
        target_reps: step.reps,
        target_hold_s: step.hold_s.max(step.duration_s),
        reps_done: Vec::new(),
        hold_s_done: Vec::new(),
        completed,
    }
}

fn session(
    n: i64,
    status: SessionStatus,
    exercises: Vec<ExerciseRecord>,
    ratings: &[(&str, u8, DiscomfortKind)],
) -> SessionRecord {
    SessionRecord {
        id: at(n, 0).to_string(),
        routine_id: "daily".into(),
        routine_name: "daily".into(),
        date: day(n),
        started: at(n, 0),
        ended: Some(at(n, 15)),
        active_s: 600,
        status,
        intense: false,
        baseline: Some(1),
        exercises,
        ratings: ratings
            .iter()
            .enumerate()
            .map(|(k, (id, value, kind))| Rating {
                at: at(n, 1 + k as i64),
                value: *value,
                kind: *kind,
                moment: RatingMoment::AfterExercise,
                exercise_id: Some((*id).into()),
                set: None,
                side: None,
                decision: None,
            })
            .collect(),
    }
}

/// `session` with a closing rating of `value` at its end.
fn with_closing(mut session: SessionRecord, value: u8) -> SessionRecord {
    session.ratings.push(Rating {
        at: session.ended.unwrap_or(session.started),
        value,
        kind: DullAche,
        moment: RatingMoment::Closing,
        exercise_id: None,
        set: None,
        side: None,
        decision: None,
    });
    session
}

/// A completed session with the bridge done in full at `step`.
fn bridge_at(n: i64, step: Rung) -> SessionRecord {
    session(
        n,
        SessionStatus::Completed,
        vec![done("bridge", step, true)],
        &[],
    )
}

fn checkin(n: i64, lingering: bool, since_last: Option<Compared>) -> CheckIn {
    CheckIn {
        at: at(n, -5),
        date: day(n),
        baseline: 1,
        asked_warning_signs: false,
        warning_signs: Vec::new(),
        since_last,
        stop_pain_eased: None,
        lingering,
    }
}

fn stopped(reason: &str) -> SessionStatus {
    SessionStatus::StoppedForSafety {
        reason: reason.into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    Same,
    Increase,
    StepBack,
    Capped,
    Hold,
}

fn kind_of(change: &Change) -> Kind {
    match change {
        Change::Start => Kind::Start,
        Change::Same => Kind::Same,
        Change::Increase { .. } => Kind::Increase,
        Change::StepBack { .. } => Kind::StepBack,
        Change::Capped => Kind::Capped,
        Change::Hold { .. } => Kind::Hold,
    }
}

struct Row {
    name: &'static str,
    experience: Experience,
    limit: u8,
    sessions: Vec<SessionRecord>,
    checkins: Vec<CheckIn>,
    today: i64,
    index: usize,
    kind: Kind,
    /// Words the reason must contain.
    reason: Option<String>,
    harder: Option<&'static str>,
}

fn row(name: &'static str, sessions: Vec<SessionRecord>, today: i64) -> Row {
    Row {
        name,
        experience: Experience::New,
        limit: 5,
        sessions,
        checkins: Vec::new(),
        today,
        index: 0,
        kind: Kind::Same,
        reason: None,
        harder: None,
    }
}

impl Row {
    fn expect(mut self, index: usize, kind: Kind) -> Row {
        self.index = index;
        self.kind = kind;
        self
    }
    fn reason(mut self, words: String) -> Row {
        self.reason = Some(words);
        self
    }
    fn checkins(mut self, checkins: Vec<CheckIn>) -> Row {
        self.checkins = checkins;
        self
    }
    fn limit(mut self, limit: u8) -> Row {
        self.limit = limit;
        self
    }
    fn experience(mut self, experience: Experience) -> Row {
        self.experience = experience;
        self
    }
    fn harder(mut self, id: &'static str) -> Row {
        self.harder = Some(id);
        self
    }
}

#[test]
fn daily_bridge_ladder_for_a_new_user() {
    let c = catalog();
    let l = ladder_of(&c, "daily", "bridge", Experience::New);
    // The guides' 5 a day in one set, +2 reps to the routine's 10, a second
    // set keeping the total +2, up to 2 × 10, then the holds to 20 s.
    assert_eq!(
        l.steps(),
        &[
            s(1, 5, 12),
            s(1, 7, 12),
            s(1, 9, 12),
            s(1, 10, 12),
            s(2, 6, 12),
            s(2, 8, 12),
            s(2, 10, 12),
            s(2, 10, 17),
            s(2, 10, 20),
        ]
    );
    assert_eq!(ladder_of(&c, "daily", "bridge", Experience::Returning), l);
}

#[test]
fn ladders_of_the_builtin_routines() {
    let c = catalog();
    let rows: &[(&str, &str, Experience, &[Rung])] = &[
        (
            "daily",
            "superman",
            Experience::New,
            // Guide 000: "Begin with 5 to 8 repetitions".
            &[
                s(1, 5, 2),
                s(1, 7, 2),
                s(1, 8, 2),
                s(2, 5, 2),
                s(2, 7, 2),
                s(2, 8, 2),
                s(2, 8, 3),
            ],
        ),
        // Regular: from the routine's low end (as Plan::base) to its high end.
        (
            "daily",
            "bridge",
            Experience::Regular,
            &[s(2, 8, 12), s(2, 10, 12), s(2, 10, 17), s(2, 10, 20)],
        ),
        // A second set never drops below a regular's low end of reps.
        (
            "daily",
            "superman",
            Experience::Regular,
            &[s(1, 6, 2), s(1, 8, 2), s(2, 6, 2), s(2, 8, 2), s(2, 8, 3)],
        ),
        (
            "gym-back-day",
            "lat-pulldown",
            Experience::Regular,
            &[
                s(3, 8, 0),
                s(3, 10, 0),
                s(3, 12, 0),
                s(4, 10, 0),
                s(4, 12, 0),
            ],
        ),
        // A held stretch or plank: one set, then sets, then longer holds.
        (
            "home-beginner",
            "front-plank",
            Experience::New,
            &[
                s(1, 0, 20),
                s(2, 0, 20),
                s(3, 0, 20),
                s(3, 0, 25),
                s(3, 0, 30),
            ],
        ),
        // Knee to chest: about 5 s at first, toward 20–30 s.
        (
            "mini-workout",
            "knee-to-chest",
            Experience::New,
            &[
                s(1, 2, 5),
                s(1, 3, 5),
                s(1, 3, 10),
                s(1, 3, 15),
                s(1, 3, 20),
                s(1, 3, 25),
                s(1, 3, 30),
            ],
        ),
        // No start amount: 3 reps, one set.
        (
            "mini-workout",
            "dead-bug",
            Experience::New,
            &[
                s(1, 3, 0),
                s(1, 5, 0),
                s(1, 7, 0),
                s(1, 9, 0),
                s(1, 11, 0),
                s(1, 12, 0),
            ],
        ),
        // Daily's knee to chest: 2 reps of about 5 s, the holds growing
        // toward 20 to 30 s (guide 000).
        (
            "daily",
            "knee-to-chest",
            Experience::New,
            &[
                s(1, 2, 5),
                s(1, 2, 10),
                s(1, 2, 15),
                s(1, 2, 20),
                s(1, 2, 25),
                s(1, 2, 30),
            ],
        ),
        (
            "daily",
            "knee-to-chest",
            Experience::Regular,
            &[s(1, 2, 20), s(1, 2, 25), s(1, 2, 30)],
        ),
        // Slow cycles do not progress, whatever the start amount says.
        ("daily", "cat-cow", Experience::New, &[s(1, 5, 0)]),
    ];
    for (routine, exercise, experience, steps) in rows {
        let l = ladder_of(&c, routine, exercise, *experience);
        assert_eq!(l.steps(), *steps, "{routine} / {exercise} / {experience:?}");
    }
    let walk = ladder_of(&c, "mini-workout", "walk", Experience::New);
    assert_eq!(
        walk.steps(),
        &[Rung {
            sets: 1,
            reps: 0,
            hold_s: 0,
            duration_s: 300
        }]
    );
}

#[test]
fn floors_never_exceed_the_regular_start() {
    let c = catalog();
    for r in &c.routines {
        for item in &r.items {
            let Some(ex) = c.exercise(&item.exercise) else {
                continue;
            };
            let new = ladder_of(&c, &r.id, &ex.id, Experience::New);
            let regular = ladder_of(&c, &r.id, &ex.id, Experience::Regular);
            let (n, g) = (new.floor(), regular.floor());
            assert!(
                n.sets <= g.sets && n.reps <= g.reps && n.hold_s <= g.hold_s,
                "{} / {}: {n:?} above {g:?}",
                r.id,
                ex.id
            );
            assert_eq!(new.cap(), regular.cap(), "{} / {}", r.id, ex.id);
        }
    }
}

#[test]
fn progression_table() {
    let c = catalog();
    let new = ladder_of(&c, "daily", "bridge", Experience::New);
    let l = |i: usize| new.steps()[i];
    let top = new.top();
    let ok = SessionStatus::Completed;
    let rows = vec![
        // ---- start
        row("new, no history: the guides' starting dose", vec![], 0).expect(0, Kind::Start),
        row("regular, no history: the routine's low end", vec![], 0)
            .experience(Experience::Regular)
            .expect(0, Kind::Start),
        // ---- every few days, two clean sessions
        row(
            "two clean sessions, first 3 days ago: +2 reps",
            vec![bridge_at(0, l(0)), bridge_at(1, l(0))],
            3,
        )
        .expect(1, Kind::Increase)
        .reason(format!(
            "+2 reps: two sessions without worsening since {}",
            short_date(day(0))
        )),
        row(
            "two clean sessions, first only 2 days ago: wait",
            vec![bridge_at(0, l(0)), bridge_at(1, l(0))],
            2,
        )
        .expect(0, Kind::Same),
        row("one session is not enough", vec![bridge_at(0, l(0))], 5).expect(0, Kind::Same),
        row(
            "increased last session: two at the new dose needed",
            vec![bridge_at(0, l(0)), bridge_at(3, l(1))],
            7,
        )
        .expect(1, Kind::Same),
        row(
            "increased 2 days ago, two sessions since: wait for the 3rd day",
            vec![
                bridge_at(0, l(0)),
                bridge_at(1, l(0)),
                bridge_at(4, l(1)),
                bridge_at(5, l(1)),
            ],
            6,
        )
        .expect(1, Kind::Same),
        row(
            "increased 3 days ago, two sessions since: +2 reps",
            vec![
                bridge_at(0, l(0)),
                bridge_at(1, l(0)),
                bridge_at(4, l(1)),
                bridge_at(5, l(1)),
            ],
            7,
        )
        .expect(2, Kind::Increase),
        row(
            "reps full: a second set, total +2",
            vec![bridge_at(0, l(3)), bridge_at(3, l(3))],
            4,
        )
        .expect(4, Kind::Increase)
        .reason("+1 set (2 × 6)".into()),
        row(
            "sets and reps full: longer holds",
            vec![bridge_at(0, l(6)), bridge_at(3, l(6))],
            4,
        )
        .expect(7, Kind::Increase)
        .reason("+5 s hold".into()),
        row(
            "an incomplete exercise does not count",
            vec![
                bridge_at(0, l(0)),
                session(1, ok.clone(), vec![done("bridge", l(0), false)], &[]),
            ],
            3,
        )
        .expect(0, Kind::Same),
        row(
            "a session cut off mid-way does not count",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    SessionStatus::InProgress,
                    vec![done("bridge", l(0), true)],
                    &[],
                ),
            ],
            3,
        )
        .expect(0, Kind::Same),
        row(
            "a partial session with the bridge done in full counts",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    SessionStatus::Partial,
                    vec![done("bridge", l(0), true)],
                    &[],
                ),
            ],
            3,
        )
        .expect(1, Kind::Increase),
        // ---- ratings: 4 progresses, 5 (the top of the range) holds, 6 steps back
        row(
            "a rating of 4 still progresses",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    ok.clone(),
                    vec![done("bridge", l(0), true)],
                    &[("bridge", 4, DullAche)],
                ),
            ],
            3,
        )
        .expect(1, Kind::Increase),
        row(
            "a quick rating of 5, the top of the range: no increase today",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    ok.clone(),
                    vec![done("bridge", l(0), true)],
                    &[("bridge", 5, DullAche)],
                ),
            ],
            3,
        )
        .expect(0, Kind::Hold)
        .reason("no increase today: discomfort reached 5/10".into()),
        row(
            "a closing 8/10: back one increment (pain should ease quickly afterward)",
            vec![bridge_at(0, l(3)), with_closing(bridge_at(3, l(3)), 8)],
            6,
        )
        .expect(2, Kind::StepBack)
        .reason(format!(
            "the session on {} ended at 8/10",
            short_date(day(3))
        )),
        row(
            "a closing 5/10: no increase today",
            vec![bridge_at(0, l(0)), with_closing(bridge_at(1, l(0)), 5)],
            3,
        )
        .expect(0, Kind::Hold)
        .reason("ended at 5/10, the top of your comfortable range".into()),
        row(
            "a closing 3/10: progresses",
            vec![bridge_at(0, l(0)), with_closing(bridge_at(1, l(0)), 3)],
            3,
        )
        .expect(1, Kind::Increase),
        row(
            "a safety stop in another exercise of the last session: no increase today",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    stopped("Sharp pain during Cat-cow, set 1 of 1"),
                    vec![
                        done("bridge", l(0), true),
                        done("cat-cow", s(1, 5, 0), false),
                    ],
                    &[],
                ),
                bridge_at(2, l(0)),
                session(
                    3,
                    stopped("Sharp pain during Cat-cow, set 1 of 1"),
                    vec![
                        done("bridge", l(0), true),
                        done("cat-cow", s(1, 5, 0), false),
                    ],
                    &[],
                ),
            ],
            6,
        )
        .expect(0, Kind::Same),
        row(
            "a rating of 6: back one increment",
            vec![
                bridge_at(0, l(2)),
                bridge_at(1, l(3)),
                session(
                    4,
                    stopped("Discomfort 6/10, above your limit of 5 after Bridge"),
                    vec![done("bridge", l(3), true)],
                    &[("bridge", 6, DullAche)],
                ),
            ],
            6,
        )
        .expect(2, Kind::StepBack)
        .reason(format!(
            "back to 9 reps: discomfort 6 on {}",
            short_date(day(4))
        )),
        row(
            "a lowered limit of 3: a rating of 4 steps back",
            vec![
                bridge_at(0, l(2)),
                session(
                    3,
                    ok.clone(),
                    vec![done("bridge", l(2), true)],
                    &[("bridge", 4, DullAche)],
                ),
            ],
            6,
        )
        .limit(3)
        .expect(1, Kind::StepBack),
        row(
            "a limit above the guides' 5 is not honoured",
            vec![
                bridge_at(0, l(2)),
                session(
                    3,
                    ok.clone(),
                    vec![done("bridge", l(2), true)],
                    &[("bridge", 6, DullAche)],
                ),
            ],
            6,
        )
        .limit(8)
        .expect(1, Kind::StepBack),
        row(
            "the floor: trouble at the starting dose keeps it there",
            vec![session(
                0,
                ok.clone(),
                vec![done("bridge", l(0), true)],
                &[("bridge", 7, DullAche)],
            )],
            3,
        )
        .expect(0, Kind::StepBack)
        .reason("kept at the starting dose: discomfort 7".into()),
        row(
            "a high rating on another exercise: no step back, but no increase",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    stopped("Discomfort 6/10, above your limit of 5 after Cat-cow"),
                    vec![
                        done("bridge", l(0), true),
                        done("cat-cow", s(1, 5, 0), true),
                    ],
                    &[("bridge", 2, DullAche), ("cat-cow", 6, DullAche)],
                ),
            ],
            3,
        )
        .expect(0, Kind::Same),
        // ---- worsening
        row(
            "ratings rising 2 → 4: back one increment",
            vec![
                bridge_at(0, l(3)),
                session(
                    3,
                    ok.clone(),
                    vec![done("bridge", l(3), true)],
                    &[("bridge", 2, DullAche), ("bridge", 4, DullAche)],
                ),
            ],
            5,
        )
        .expect(2, Kind::StepBack)
        .reason("discomfort rose from 2 to 4".into()),
        row(
            "ratings steady 3, 3: progresses",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    ok.clone(),
                    vec![done("bridge", l(0), true)],
                    &[("bridge", 3, DullAche), ("bridge", 3, DullAche)],
                ),
            ],
            3,
        )
        .expect(1, Kind::Increase),
        row(
            "sharp pain, however low: back one increment",
            vec![
                bridge_at(0, l(3)),
                session(
                    3,
                    ok.clone(),
                    vec![done("bridge", l(3), true)],
                    &[("bridge", 1, Sharp)],
                ),
            ],
            5,
        )
        .expect(2, Kind::StepBack)
        .reason("sharp pain".into()),
        // ---- safety stops
        row(
            "stopped for safety during the bridge",
            vec![
                bridge_at(0, l(3)),
                session(
                    3,
                    stopped("Sharp pain during Bridge, set 1 of 1"),
                    vec![done("bridge", l(3), false)],
                    &[],
                ),
            ],
            5,
        )
        .expect(2, Kind::StepBack)
        .reason("session stopped for safety".into()),
        row(
            "stopped for safety, the bridge rated last",
            vec![
                bridge_at(0, l(3)),
                session(
                    3,
                    stopped("Discomfort 4/10, up from 1 at check-in, and getting worse"),
                    vec![done("bridge", l(3), true)],
                    &[("bridge", 4, DullAche)],
                ),
            ],
            5,
        )
        .expect(2, Kind::StepBack),
        row(
            "stopped during a different exercise whose name contains bridge's",
            vec![
                bridge_at(0, l(0)),
                session(
                    1,
                    stopped("Sharp pain during Single-leg bridge, set 1 of 2"),
                    vec![done("bridge", l(0), true)],
                    &[],
                ),
            ],
            3,
        )
        .expect(0, Kind::Same),
        // ---- check-ins
        row(
            "lingering pain at the next check-in: back one increment",
            vec![bridge_at(0, l(3)), bridge_at(3, l(3))],
            4,
        )
        .checkins(vec![checkin(4, true, Some(Compared::Worse))])
        .expect(2, Kind::StepBack)
        .reason(format!("pain lingered after {}", short_date(day(3)))),
        row(
            "felt worse since last time (not lingering): no increase",
            vec![bridge_at(0, l(0)), bridge_at(1, l(0))],
            3,
        )
        .checkins(vec![checkin(3, false, Some(Compared::Worse))])
        .expect(0, Kind::Hold)
        .reason(format!(
            "no increase today: your back feels worse than after the session on {}",
            short_date(day(1))
        )),
        row(
            "lingering after a session without the bridge: unaffected",
            vec![
                bridge_at(0, l(0)),
                bridge_at(1, l(0)),
                session(2, ok.clone(), vec![done("cat-cow", s(1, 5, 0), true)], &[]),
            ],
            3,
        )
        .checkins(vec![checkin(3, true, Some(Compared::Worse))])
        .expect(0, Kind::Hold),
        row(
            "after a step back, two clean sessions: climbs again",
            vec![
                bridge_at(0, l(3)),
                session(
                    3,
                    ok.clone(),
                    vec![done("bridge", l(3), true)],
                    &[("bridge", 6, DullAche)],
                ),
                bridge_at(4, l(2)),
                bridge_at(5, l(2)),
            ],
            6,
        )
        .expect(3, Kind::Increase),
        row(
            "after a step back, one clean session: not yet",
            vec![
                bridge_at(0, l(3)),
                session(
                    3,
                    ok.clone(),
                    vec![done("bridge", l(3), true)],
                    &[("bridge", 6, DullAche)],
                ),
                bridge_at(4, l(2)),
            ],
            6,
        )
        .expect(2, Kind::Same),
        // ---- the cap and the harder variation
        row(
            "at the routine's full dose: capped",
            vec![bridge_at(0, l(top)), bridge_at(3, l(top))],
            6,
        )
        .expect(top, Kind::Capped),
        row(
            "a bigger dose from another routine: capped at this one's",
            vec![bridge_at(0, s(2, 15, 12)), bridge_at(3, s(2, 15, 12))],
            6,
        )
        .expect(top, Kind::Capped),
        row(
            "13 days at the full dose: no suggestion yet",
            vec![
                bridge_at(0, l(top)),
                bridge_at(4, l(top)),
                bridge_at(8, l(top)),
                bridge_at(12, l(top)),
            ],
            13,
        )
        .expect(top, Kind::Capped),
        row(
            "14 days at the full dose: suggest the banded bridge",
            vec![
                bridge_at(0, l(top)),
                bridge_at(4, l(top)),
                bridge_at(8, l(top)),
                bridge_at(12, l(top)),
            ],
            14,
        )
        .expect(top, Kind::Capped)
        .harder("banded-bridge"),
        row(
            "14 days at the full dose but an incomplete session since: not yet",
            vec![
                bridge_at(0, l(top)),
                bridge_at(4, l(top)),
                session(8, ok.clone(), vec![done("bridge", l(top), false)], &[]),
                bridge_at(12, l(top)),
            ],
            14,
        )
        .expect(top, Kind::Capped),
    ];
    let bridge = c.exercise("bridge").expect("bridge");
    for r in rows {
        let ladder = ladder_of(&c, "daily", "bridge", r.experience);
        let past = Past::new(&r.sessions, &r.checkins, at(r.today, 0));
        let d = decide(&ladder, bridge, &past, r.limit, day(r.today));
        assert_eq!(
            (d.index, kind_of(&d.change)),
            (r.index, r.kind),
            "{}: {:?}",
            r.name,
            d.change
        );
        assert_eq!(d.step, ladder.steps()[r.index], "{}", r.name);
        if let Some(words) = &r.reason {
            let reason = d.change.reason().unwrap_or_default();
            assert!(
                reason.contains(words.as_str()),
                "{}: {reason:?} lacks {words:?}",
                r.name
            );
        }
        assert_eq!(d.suggest_harder.as_deref(), r.harder, "{}", r.name);
    }
}

#[test]
fn history_after_now_is_ignored() {
    let c = catalog();
    let ladder = ladder_of(&c, "daily", "bridge", Experience::New);
    let l = ladder.steps();
    let sessions = vec![bridge_at(0, l[0]), bridge_at(1, l[0]), bridge_at(9, l[5])];
    let past = Past::new(&sessions, &[], at(3, 0));
    let bridge = c.exercise("bridge").expect("bridge");
    let d = decide(&ladder, bridge, &past, 5, day(3));
    assert_eq!(d.index, 1);
}

#[test]
fn dates_read_as_weekday_day_month() {
    let label = short_date(Date::constant(2026, 11, 17));
    assert_eq!(label, "Tue 17 Nov");
    assert_eq!(short_date(Date::constant(2026, 11, 5)), "Thu 5 Nov");
}

fn one_increment(kind: DoseKind, a: Rung, b: Rung) -> bool {
    let reps_up =
        a.sets == b.sets && a.hold_s == b.hold_s && b.reps > a.reps && b.reps - a.reps <= REP_STEP;
    let set_up = b.sets == a.sets + 1 && a.hold_s == b.hold_s && {
        let (ta, tb) = (a.key().0, b.key().0);
        // A held exercise adds a whole set; a counted one about REP_STEP
        // reps, or at most one set at the floor's reps.
        tb > ta && (!counts_reps(kind) || tb - ta <= (REP_STEP + b.sets).max(b.reps))
    };
    let hold_up = a.sets == b.sets
        && a.reps == b.reps
        && b.hold_s > a.hold_s
        && b.hold_s - a.hold_s <= HOLD_STEP_S;
    reps_up || set_up || hold_up
}

proptest::proptest! {
    #[test]
    fn every_ladder_climbs_one_increment_at_a_time(
        kind in proptest::sample::select(vec![DoseKind::Reps, DoseKind::Hold, DoseKind::RepsWithHold]),
        sets in (1u32..=3, 0u32..=2),
        reps in (1u32..=12, 0u32..=10),
        hold in (1u32..=30, 0u32..=30),
        start in (proptest::option::of(1u32..=3), proptest::option::of(1u32..=15), proptest::option::of(1u32..=30)),
        experience in proptest::sample::select(vec![Experience::New, Experience::Returning, Experience::Regular]),
    ) {
        let dose = Dose {
            kind,
            per_side: false,
            sets: Range(sets.0, sets.0 + sets.1),
            reps: counts_reps(kind).then_some(Range(reps.0, reps.0 + reps.1)),
            hold_s: counts_hold(kind).then_some(Range(hold.0, hold.0 + hold.1)),
            duration_s: None,
            pace_s: None,
            rest_s: None,
        };
        let start = Amount { sets: start.0, reps: start.1, hold_s: start.2, duration_s: None };
        let l = Ladder::for_item(&dose, Some(&start), experience);
        let cap = l.cap();
        proptest::prop_assert_eq!(cap.sets, dose.sets.max());
        proptest::prop_assert_eq!(cap.reps, dose.reps.map(|r| r.max()).unwrap_or(0));
        proptest::prop_assert_eq!(cap.hold_s, dose.hold_s.map(|r| r.max()).unwrap_or(0));
        if experience == Experience::Regular {
            proptest::prop_assert_eq!(l.floor().sets, dose.sets.min());
            proptest::prop_assert_eq!(l.floor().reps, dose.reps.map(|r| r.min()).unwrap_or(0));
        }
        for w in l.steps().windows(2) {
            proptest::prop_assert!(w[0].key() < w[1].key(), "{:?}", l.steps());
            proptest::prop_assert!(one_increment(kind, w[0], w[1]), "{:?} -> {:?}", w[0], w[1]);
            proptest::prop_assert!(w[1].reps >= l.floor().reps);
        }
        // Every rung reads back as itself from a record done at it.
        for (i, step) in l.steps().iter().enumerate() {
            let rec = ExerciseRecord {
                exercise_id: "x".into(),
                name: "x".into(),
                finished_at: Timestamp::UNIX_EPOCH,
                sets_planned: step.sets,
                sets_done: step.sets,
                target_reps: step.reps,
                target_hold_s: step.hold_s,
                reps_done: vec![],
                hold_s_done: vec![],
                completed: true,
            };
            proptest::prop_assert_eq!(l.position(&rec), i);
        }
    }
}
