//! Today's plan against the built-in catalog: condition filters, equipment
//! swaps, starting doses, reasons in the preview, the harder-variation
//! suggestion and the 48-hour gate.

use crate::support::plans::fitted;
use backcoach::catalog::{self, Catalog, Equipment, SpineLoad};
use backcoach::domain::History;
use backcoach::domain::{
    CheckIn, Compared, DiscomfortKind, ExerciseRecord, Rating, RatingMoment, SessionRecord,
    SessionStatus,
};
use backcoach::plan::Plan;
use backcoach::profile::{Condition, Experience, Profile};
use backcoach::rules::fitting::{Planned, avoided_load, build, when_label};
use backcoach::rules::progression::Ladder;
use backcoach::rules::recovery::{self, INTENSE_GAP_HOURS};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

fn catalog() -> Catalog {
    catalog::builtin().expect("the built-in catalog parses")
}

fn profile(experience: Experience, conditions: &[Condition], equipment: &[Equipment]) -> Profile {
    Profile {
        experience,
        conditions: conditions.to_vec(),
        equipment: equipment.to_vec(),
        ..Profile::default()
    }
}

fn day(n: i64) -> Date {
    Date::constant(2026, 11, 16)
        .checked_add(n.days())
        .expect("date")
}

fn noon(n: i64) -> Timestamp {
    day(n)
        .at(12, 0, 0, 0)
        .to_zoned(TimeZone::UTC)
        .expect("zoned")
        .timestamp()
}

fn plan_for(routine: &str, p: &Profile, history: &History, now: Timestamp) -> Planned {
    fitted(&catalog(), routine, p, history, now)
}

fn ids(planned: &Planned) -> Vec<&str> {
    planned
        .plan
        .exercises
        .iter()
        .map(|e| e.exercise_id.as_str())
        .collect()
}

fn session(
    routine: &str,
    started: Timestamp,
    status: SessionStatus,
    intense: bool,
    exercises: Vec<ExerciseRecord>,
) -> SessionRecord {
    SessionRecord {
        id: started.to_string(),
        routine_id: routine.into(),
        routine_name: routine.into(),
        date: started.to_zoned(TimeZone::UTC).date(),
        started,
        ended: None,
        active_s: 0,
        status,
        intense,
        baseline: None,
        exercises,
        ratings: Vec::new(),
    }
}

fn record(id: &str, sets: u32, reps: u32, hold_s: u32) -> ExerciseRecord {
    ExerciseRecord {
        exercise_id: id.into(),
        name: id.into(),
        finished_at: Timestamp::UNIX_EPOCH,
        sets_planned: sets,
        sets_done: sets,
        target_reps: reps,
        target_hold_s: hold_s,
        reps_done: Vec::new(),
        hold_s_done: Vec::new(),
        completed: true,
    }
}

const CONDITION_SETS: [&[Condition]; 3] = [
    &[Condition::HerniatedDisc],
    &[Condition::SpinalStenosis],
    &[Condition::HerniatedDisc, Condition::SpinalStenosis],
];

const EQUIPMENT_SETS: [&[Equipment]; 4] = [
    &[],
    &[Equipment::Band],
    &[Equipment::Band, Equipment::MiniBand, Equipment::Dumbbells],
    &[Equipment::Gym],
];

#[test]
fn no_planned_routine_loads_the_spine_the_way_a_condition_forbids() {
    let c = catalog();
    let mut swaps = 0;
    for routine in &c.routines {
        for conditions in CONDITION_SETS {
            for equipment in EQUIPMENT_SETS {
                for experience in [Experience::New, Experience::Regular] {
                    let p = profile(experience, conditions, equipment);
                    let planned = build(
                        &c,
                        routine,
                        &p,
                        &History::default(),
                        noon(0),
                        &TimeZone::UTC,
                    );
                    for id in ids(&planned) {
                        let ex = c
                            .exercise(id)
                            .expect("planned exercises are in the catalog");
                        for condition in conditions {
                            assert!(
                                !ex.loading.contains(&avoided_load(*condition)),
                                "{}: {id} planned for {condition:?}",
                                routine.id
                            );
                        }
                        for item in &ex.equipment {
                            assert!(p.has(*item), "{}: {id} needs {item:?}", routine.id);
                        }
                    }
                    swaps += planned
                        .plan
                        .exercises
                        .iter()
                        .filter(|e| e.reasons.iter().any(|r| r.contains(" instead of ")))
                        .count();
                }
            }
        }
    }
    assert!(swaps > 0, "some exercise was swapped rather than dropped");
}

#[test]
fn the_filters_name_the_guides_loads() {
    assert_eq!(
        avoided_load(Condition::HerniatedDisc),
        SpineLoad::DeepFlexion
    );
    assert_eq!(
        avoided_load(Condition::SpinalStenosis),
        SpineLoad::Extension
    );
}

#[test]
fn without_a_condition_the_forbidden_loads_stay() {
    // The filter is what keeps them out: with no condition they are planned.
    let p = profile(Experience::Regular, &[], &[Equipment::Band]);
    let daily = plan_for("daily", &p, &History::default(), noon(0));
    assert!(ids(&daily).contains(&"superman"));
    let gentle = plan_for("gentle-stretches", &p, &History::default(), noon(0));
    assert!(ids(&gentle).contains(&"double-knee-to-chest"));
    assert!(ids(&gentle).contains(&"childs-pose"));
}

#[test]
fn stenosis_swaps_superman_for_bird_dog_and_says_why() {
    let p = profile(
        Experience::Regular,
        &[Condition::SpinalStenosis],
        &[Equipment::Band],
    );
    let planned = plan_for("daily", &p, &History::default(), noon(0));
    let bird = planned
        .plan
        .exercises
        .iter()
        .find(|e| e.exercise_id == "bird-dog")
        .expect("bird dog in place of the superman");
    assert!(!ids(&planned).contains(&"superman"));
    let why = "Bird dog instead of Superman: spinal stenosis";
    assert_eq!(bird.reasons.first().map(String::as_str), Some(why));
    assert!(planned.plan.notes.iter().any(|n| n == why));
    // Same kind of exercise: the routine's numbers (1–2 × 6–8) carry over.
    assert_eq!((bird.sets, bird.reps, bird.hold_s), (1, 6, 3));
    // In its place in the routine.
    assert_eq!(ids(&planned)[3], "bird-dog");
}

#[test]
fn a_swap_of_another_kind_takes_the_alternatives_own_dose() {
    let p = profile(
        Experience::Regular,
        &[Condition::SpinalStenosis],
        &[Equipment::Band, Equipment::Dumbbells],
    );
    let planned = plan_for("home-beginner", &p, &History::default(), noon(0));
    let c = catalog();
    let bird_dose = &c.exercise("bird-dog").expect("bird dog").dose;
    let bird = planned
        .plan
        .exercises
        .iter()
        .find(|e| e.exercise_id == "bird-dog")
        .expect("bird dog in place of the superman hold");
    assert_eq!(bird.sets, bird_dose.sets.min());
    assert_eq!(bird.reps, bird_dose.reps.map(|r| r.min()).unwrap_or(0));
    assert_eq!(bird.hold_s, bird_dose.hold_s.map(|r| r.min()).unwrap_or(0));
}

#[test]
fn herniated_disc_leaves_out_deep_flexion_without_a_fitting_alternative() {
    let p = profile(Experience::Regular, &[Condition::HerniatedDisc], &[]);
    let planned = plan_for("gentle-stretches", &p, &History::default(), noon(0));
    let got = ids(&planned);
    assert!(!got.contains(&"childs-pose"));
    assert!(!got.contains(&"double-knee-to-chest"));
    // Knee to chest, the double's alternative, is already in the routine once.
    assert_eq!(got.iter().filter(|id| **id == "knee-to-chest").count(), 1);
    assert!(
        planned
            .plan
            .notes
            .iter()
            .any(|n| n == "Child's pose left out: herniated disc"),
        "{:?}",
        planned.plan.notes
    );
    assert!(
        planned
            .plan
            .notes
            .iter()
            .any(|n| n.starts_with("Double knee to chest left out: herniated disc"))
    );
}

#[test]
fn missing_equipment_swaps_or_leaves_out_and_says_so() {
    // No band: the pull-apart has no alternative in the catalog.
    let p = profile(Experience::Regular, &[], &[]);
    let daily = plan_for("daily", &p, &History::default(), noon(0));
    assert!(!ids(&daily).contains(&"band-pull-apart"));
    assert!(
        daily
            .plan
            .notes
            .iter()
            .any(|n| n.contains("left out: no resistance band")),
        "{:?}",
        daily.plan.notes
    );

    // A home gym of bands and dumbbells on the gym back day: each machine or
    // barbell move becomes the nearest alternative, none twice.
    let p = profile(
        Experience::Regular,
        &[],
        &[Equipment::Band, Equipment::Dumbbells],
    );
    let gym = plan_for("gym-back-day", &p, &History::default(), noon(0));
    let got = ids(&gym);
    assert_eq!(
        got,
        [
            "band-pulldown",
            "band-row",
            "one-arm-dumbbell-row",
            "band-pull-apart",
            "bird-dog",
            "pec-doorway-stretch",
            "childs-pose"
        ]
    );
    let pulldown = &gym.plan.exercises[0];
    assert_eq!(
        pulldown.reasons,
        ["Band pulldown instead of Lat pulldown: no gym"]
    );
    // With a gym nothing changes.
    let p = profile(Experience::Regular, &[], &[Equipment::Gym]);
    let gym = plan_for("gym-back-day", &p, &History::default(), noon(0));
    assert!(gym.plan.notes.is_empty());
}

#[test]
fn a_regular_with_everything_and_no_history_gets_the_routine_as_written() {
    let c = catalog();
    let p = profile(Experience::Regular, &[], &[Equipment::Gym]);
    for r in &c.routines {
        let planned = build(&c, r, &p, &History::default(), noon(0), &TimeZone::UTC);
        assert_eq!(planned.plan, Plan::base(&c, r), "{}", r.id);
        assert!(planned.suggestions.is_empty());
    }
}

#[test]
fn a_new_user_starts_at_the_guides_starting_dose_and_is_told_so() {
    let p = profile(Experience::New, &[], &[Equipment::Band]);
    let planned = plan_for("daily", &p, &History::default(), noon(0));
    let by_id = |id: &str| {
        planned
            .plan
            .exercises
            .iter()
            .find(|e| e.exercise_id == id)
            .expect("planned")
            .clone()
    };
    let bridge = by_id("bridge");
    assert_eq!((bridge.sets, bridge.reps, bridge.hold_s), (1, 5, 12));
    assert_eq!(
        bridge.reasons,
        ["starting dose: builds up toward 2 × 10 reps, 20 s hold each while it feels fine"]
    );
    // Guide 000: "Begin with 5 to 8 repetitions".
    let superman = by_id("superman");
    assert_eq!((superman.sets, superman.reps), (1, 5));
    let pull = by_id("band-pull-apart");
    assert_eq!((pull.sets, pull.reps), (1, 2));
    // Guide 000: holds of about 5 s, growing toward 20 to 30 s.
    let knee = by_id("knee-to-chest");
    assert_eq!((knee.reps, knee.hold_s), (2, 5));
    assert_eq!(
        knee.reasons,
        ["starting dose: builds up toward 2 reps per side, 30 s hold each while it feels fine"]
    );
    // Already at the routine's dose: nothing to explain.
    assert!(by_id("cat-cow").reasons.is_empty());
}

#[test]
fn the_preview_says_why_a_dose_went_up() {
    let p = profile(Experience::New, &[], &[Equipment::Band]);
    let history = History {
        sessions: vec![
            session(
                "daily",
                noon(0),
                SessionStatus::Completed,
                false,
                vec![record("bridge", 1, 5, 12)],
            ),
            session(
                "daily",
                noon(1),
                SessionStatus::Completed,
                false,
                vec![record("bridge", 1, 5, 12)],
            ),
        ],
        checkins: Vec::new(),
        ..History::default()
    };
    let planned = plan_for("daily", &p, &history, noon(3));
    let bridge = planned
        .plan
        .exercises
        .iter()
        .find(|e| e.exercise_id == "bridge")
        .expect("bridge");
    assert_eq!(bridge.reps, 7);
    assert_eq!(
        bridge.reasons,
        ["+2 reps: two sessions without worsening since Mon 16 Nov"]
    );
    // A day earlier it is too soon.
    let planned = plan_for("daily", &p, &history, noon(2));
    let bridge = &planned.plan.exercises[2];
    assert_eq!((bridge.reps, bridge.reasons.len()), (5, 0));
}

fn two_weeks_at_full_bridge() -> History {
    let c = catalog();
    let r = c.routine("daily").expect("daily");
    let item = r
        .items
        .iter()
        .find(|i| i.exercise == "bridge")
        .expect("item");
    let ex = c.exercise("bridge").expect("bridge");
    let ladder = Ladder::for_item(&r.item_dose(item, ex), ex.start.as_ref(), Experience::New);
    let cap = ladder.cap();
    History {
        sessions: [0, 3, 7, 10, 14]
            .iter()
            .map(|n| {
                session(
                    "daily",
                    noon(*n),
                    SessionStatus::Completed,
                    false,
                    vec![record("bridge", cap.sets, cap.reps, cap.hold_s)],
                )
            })
            .collect(),
        checkins: Vec::new(),
        ..History::default()
    }
}

#[test]
fn two_weeks_at_the_full_dose_suggests_the_harder_variation_without_switching() {
    let history = two_weeks_at_full_bridge();
    let with_band = profile(
        Experience::New,
        &[],
        &[Equipment::Band, Equipment::MiniBand],
    );
    let planned = plan_for("daily", &with_band, &history, noon(15));
    assert!(ids(&planned).contains(&"bridge"), "never switched");
    assert!(!ids(&planned).contains(&"banded-bridge"));
    assert_eq!(planned.suggestions.len(), 1, "{:?}", planned.suggestions);
    assert!(planned.suggestions[0].contains("try the Banded bridge"));

    // Without a mini band, the next variation that needs none.
    let no_band = profile(Experience::New, &[], &[Equipment::Band]);
    let planned = plan_for("daily", &no_band, &history, noon(15));
    assert!(
        planned.suggestions[0].contains("try the Single-leg bridge (Banded bridge: no mini band)"),
        "{:?}",
        planned.suggestions
    );

    // Thirteen days after reaching it: not yet.
    let planned = plan_for("daily", &with_band, &history, noon(13));
    assert!(planned.suggestions.is_empty());
}

fn gym_day(started: Timestamp) -> SessionRecord {
    session(
        "gym-back-day",
        started,
        SessionStatus::Completed,
        true,
        vec![record("lat-pulldown", 3, 8, 0)],
    )
}

/// When `routine` may next start, seen from long after every session.
fn next_allowed(
    routine: &backcoach::catalog::Routine,
    sessions: &[SessionRecord],
) -> Option<Timestamp> {
    recovery::next_allowed(routine, sessions, noon(365))
}

#[test]
fn the_gate_and_the_week_screen_read_one_definition_of_48_hours() {
    let c = catalog();
    let routine = c.routine("gym-back-day").expect("gym day");
    let mut first = gym_day(noon(0));
    // A 50-minute session: the hours run from its end.
    first.ended = first
        .started
        .checked_add(SignedDuration::from_mins(50))
        .ok();
    let end = first.ended.expect("end");
    let due = end
        .checked_add(SignedDuration::from_hours(INTENSE_GAP_HOURS))
        .expect("time");
    assert_eq!(
        next_allowed(routine, std::slice::from_ref(&first)),
        Some(due)
    );
    // 47 hours after its end the gate is closed, and a session started then
    // is exactly what the week screen flags; at 48 hours neither objects.
    let at_47 = end
        .checked_add(SignedDuration::from_hours(47))
        .expect("time");
    let gym = profile(Experience::Regular, &[], &[Equipment::Gym]);
    let history = History {
        sessions: vec![first.clone()],
        ..History::default()
    };
    assert_eq!(
        plan_for("gym-back-day", &gym, &history, at_47).not_before,
        Some(due)
    );
    assert_eq!(recovery::too_close(&first, &gym_day(at_47)), Some(47));
    assert_eq!(
        plan_for("gym-back-day", &gym, &history, due).not_before,
        None
    );
    assert_eq!(recovery::too_close(&first, &gym_day(due)), None);
}

#[test]
fn the_48_hour_gate_for_intense_routines() {
    let gym = profile(Experience::Regular, &[], &[Equipment::Gym]);
    let last = noon(0);
    let history = History {
        sessions: vec![gym_day(last)],
        checkins: Vec::new(),
        ..History::default()
    };
    let due = last
        .checked_add(SignedDuration::from_hours(INTENSE_GAP_HOURS))
        .expect("time");
    let c = catalog();
    let routine = c.routine("gym-back-day").expect("gym day");
    assert_eq!(next_allowed(routine, &history.sessions), Some(due));

    let hour = SignedDuration::from_hours(1);
    let before = due.checked_sub(hour).expect("time");
    assert_eq!(
        plan_for("gym-back-day", &gym, &history, before).not_before,
        Some(due)
    );
    assert_eq!(
        plan_for("gym-back-day", &gym, &history, due).not_before,
        None
    );
    // A session "after now" (a clock set back) does not gate today.
    let earlier = last.checked_sub(hour).expect("time");
    assert_eq!(
        plan_for("gym-back-day", &gym, &history, earlier).not_before,
        None
    );
    // Other routines are not held back by it.
    assert_eq!(plan_for("daily", &gym, &history, before).not_before, None);
    assert_eq!(when_label(due, &TimeZone::UTC), "Wed 18 Nov, 12:00");
}

#[test]
fn what_counts_as_the_last_intense_session() {
    let c = catalog();
    let routine = c.routine("gym-back-day").expect("gym day");
    let t = noon(0);
    let gap = SignedDuration::from_hours(INTENSE_GAP_HOURS);
    // Any intense session counts, whichever routine it came from.
    let other = session(
        "my-heavy-day",
        t,
        SessionStatus::Completed,
        true,
        vec![record("barbell-row", 3, 8, 0)],
    );
    assert_eq!(next_allowed(routine, &[other]), t.checked_add(gap).ok());
    // Quit before any exercise was recorded: not a session for spacing.
    let empty = session("gym-back-day", t, SessionStatus::Partial, true, vec![]);
    assert_eq!(next_allowed(routine, &[empty]), None);
    // Stopped for safety after some work: it counts.
    let stopped = session(
        "gym-back-day",
        t,
        SessionStatus::StoppedForSafety {
            reason: "Sharp pain".into(),
        },
        true,
        vec![record("lat-pulldown", 3, 8, 0)],
    );
    assert_eq!(next_allowed(routine, &[stopped]), t.checked_add(gap).ok());
    // The latest one decides.
    let later = noon(1);
    assert_eq!(
        next_allowed(routine, &[gym_day(later), gym_day(t)]),
        later.checked_add(gap).ok()
    );
    // A gentle routine is never gated; a spaced one only by itself.
    assert_eq!(
        next_allowed(c.routine("daily").expect("daily"), &[gym_day(t)]),
        None
    );
    let home = c.routine("home-beginner").expect("home");
    assert_eq!(next_allowed(home, &[gym_day(t)]), None);
    let home_session = session(
        "home-beginner",
        t,
        SessionStatus::Completed,
        false,
        vec![record("front-plank", 3, 0, 20)],
    );
    assert_eq!(next_allowed(home, &[home_session]), t.checked_add(gap).ok());
}

fn rating(at: Timestamp, exercise: Option<&str>, value: u8, moment: RatingMoment) -> Rating {
    Rating {
        at,
        value,
        kind: DiscomfortKind::DullAche,
        moment,
        exercise_id: exercise.map(str::to_string),
        set: Some(1),
        side: None,
        decision: None,
    }
}

#[test]
fn a_superman_that_made_pain_worse_gives_way_to_the_bird_dog_for_good() {
    let p = profile(Experience::New, &[], &[Equipment::Band]);
    // Discomfort rose from 2 to 4 during the superman: a stop.
    let mut stopped = session(
        "daily",
        noon(0),
        SessionStatus::StoppedForSafety {
            reason: "Discomfort rose from 2 to 4 during Superman, set 1 of 1".into(),
        },
        false,
        vec![record("superman", 1, 2, 2)],
    );
    stopped.ratings = vec![
        rating(noon(0), Some("superman"), 2, RatingMoment::During),
        rating(noon(0), Some("superman"), 4, RatingMoment::During),
    ];
    let history = History {
        sessions: vec![stopped.clone()],
        ..History::default()
    };
    let next = plan_for("daily", &p, &history, noon(1));
    let ids: Vec<&str> = next
        .plan
        .exercises
        .iter()
        .map(|e| e.exercise_id.as_str())
        .collect();
    assert!(!ids.contains(&"superman"), "{ids:?}");
    assert!(ids.contains(&"bird-dog"), "{ids:?}");
    let bird = next
        .plan
        .exercises
        .iter()
        .find(|e| e.exercise_id == "bird-dog")
        .expect("bird dog");
    assert!(
        bird.reasons
            .iter()
            .any(|r| r.contains("instead of Superman: it made your pain worse")),
        "{:?}",
        bird.reasons
    );
    let advice =
        |planned: &Planned| {
            planned.plan.notes.iter().any(|n| {
                n.contains("not to keep on with it") && n.contains("healthcare professional")
            })
        };
    assert!(advice(&next), "{:?}", next.plan.notes);

    // Once a session has done the bird dog in its place, the switch stays but
    // the advice is not repeated.
    let with_bird_dog = session(
        "daily",
        noon(2),
        SessionStatus::Completed,
        false,
        vec![record("bird-dog", 1, 3, 3)],
    );
    let history = History {
        sessions: vec![stopped, with_bird_dog],
        ..History::default()
    };
    let later = plan_for("daily", &p, &history, noon(5));
    assert!(
        later
            .plan
            .exercises
            .iter()
            .any(|e| e.exercise_id == "bird-dog")
    );
    assert!(
        !later
            .plan
            .exercises
            .iter()
            .any(|e| e.exercise_id == "superman")
    );
    assert!(!advice(&later), "{:?}", later.plan.notes);
}

#[test]
fn a_calm_superman_stays_in_the_plan() {
    let p = profile(Experience::New, &[], &[Equipment::Band]);
    let mut calm = session(
        "daily",
        noon(0),
        SessionStatus::Completed,
        false,
        vec![record("superman", 1, 2, 2)],
    );
    calm.ratings = vec![rating(
        noon(0),
        Some("superman"),
        2,
        RatingMoment::AfterExercise,
    )];
    let history = History {
        sessions: vec![calm],
        ..History::default()
    };
    let next = plan_for("daily", &p, &history, noon(1));
    assert!(
        next.plan
            .exercises
            .iter()
            .any(|e| e.exercise_id == "superman")
    );
}

#[test]
fn worse_at_check_in_removes_the_increase_and_the_preview_says_why() {
    let p = profile(Experience::New, &[], &[Equipment::Band]);
    let c = catalog();
    let daily = c.routine("daily").expect("daily");
    let floor = |id: &str| {
        let item = daily.items.iter().find(|i| i.exercise == id).expect("item");
        let ex = c.exercise(id).expect("exercise");
        Ladder::for_item(
            &daily.item_dose(item, ex),
            ex.start.as_ref(),
            Experience::New,
        )
        .floor()
    };
    let b = floor("bridge");
    let sessions: Vec<SessionRecord> = [0, 1]
        .iter()
        .map(|n| {
            session(
                "daily",
                noon(*n),
                SessionStatus::Completed,
                false,
                vec![record("bridge", b.sets, b.reps, b.hold_s)],
            )
        })
        .collect();
    let history = History {
        sessions: sessions.clone(),
        ..History::default()
    };
    let bridge = |planned: &Planned| {
        planned
            .plan
            .exercises
            .iter()
            .find(|e| e.exercise_id == "bridge")
            .cloned()
            .expect("bridge")
    };
    let earned = plan_for("daily", &p, &history, noon(4));
    assert!(
        bridge(&earned).reps > b.reps,
        "two good sessions earn an increase"
    );
    // Today's check-in: worse than after the last session.
    let worse = CheckIn {
        at: noon(4)
            .checked_sub(SignedDuration::from_mins(5))
            .expect("time"),
        date: day(4),
        baseline: 2,
        asked_warning_signs: true,
        warning_signs: vec![],
        since_last: Some(Compared::Worse),
        stop_pain_eased: None,
        lingering: false,
    };
    let history = History {
        sessions,
        checkins: vec![worse],
        ..History::default()
    };
    let held = plan_for("daily", &p, &history, noon(4));
    let bridge_today = bridge(&held);
    assert_eq!(bridge_today.reps, b.reps);
    assert!(
        bridge_today
            .reasons
            .iter()
            .any(|r| r.starts_with("no increase today: your back feels worse")),
        "{:?}",
        bridge_today.reasons
    );
    assert!(
        !bridge_today
            .reasons
            .iter()
            .any(|r| r.contains("without worsening")),
        "{:?}",
        bridge_today.reasons
    );
}
