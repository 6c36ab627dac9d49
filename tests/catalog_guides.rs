//! The built-in catalog against the five guides: every exercise and routine
//! they name is there, and the doses carry the guides' numbers.
//!
//! The guide texts are not needed (nor embedded): the numbers below were read
//! from them by hand, and each check names the guide it comes from.

use std::collections::HashSet;

use backcoach::catalog::{
    self, Catalog, Category, DoseKind, Equipment, Exercise, Range, Routine, SpineLoad,
};

/// The guide files an exercise or routine may cite.
const GUIDES: [&str; 5] = [
    "000_d3442f2d4298181e.txt",
    "001_7d36417308f018ed.txt",
    "002_c81b84e4ff07c281.txt",
    "003_33fe72860b04ff9e.txt",
    "004_1dc9c59fbca25a08.txt",
];

/// Ids other code and tests rely on.
const REQUIRED_EXERCISES: &[&str] = &[
    "knee-to-chest",
    "double-knee-to-chest",
    "cat-cow",
    "childs-pose",
    "seated-rotation",
    "floor-rotation",
    "pec-doorway-stretch",
    "upper-trap-stretch",
    "levator-stretch",
    "hip-flexor-stretch",
    "hamstring-stretch",
    "foam-rolling",
    "neck-rolls",
    "shoulder-rolls",
    "thoracic-rotation",
    "hip-circles",
    "leg-swings",
    "walk",
    "cycle",
    "lunge",
    "drawing-in",
    "pelvic-tilt",
    "dead-bug",
    "bird-dog",
    "front-plank",
    "knee-plank",
    "side-plank",
    "pallof-press",
    "bridge",
    "banded-bridge",
    "single-leg-bridge",
    "superman",
    "superman-hold",
    "back-extension",
    "floor-back-extension",
    "side-lying-leg-lift",
    "banded-lateral-walk",
    "bodyweight-squat",
    "hip-hinge",
    "good-morning",
    "kickstand-rdl",
    "romanian-deadlift",
    "barbell-deadlift",
    "band-pull-apart",
    "scapular-wall-slide",
    "wall-angel",
    "scapular-squeeze",
    "bent-over-iyt",
    "bent-over-row",
    "band-row",
    "one-arm-dumbbell-row",
    "chest-supported-row",
    "suspension-row",
    "face-pull",
    "cable-rear-delt-fly",
    "lat-pulldown",
    "assisted-pull-up",
    "pull-up",
    "barbell-row",
    "pendlay-row",
    "renegade-row",
    "t-bar-row",
    "gorilla-row",
    "band-pulldown",
];

fn cat() -> Catalog {
    catalog::builtin().expect("the built-in catalog parses and validates")
}

fn ex<'a>(c: &'a Catalog, id: &str) -> &'a Exercise {
    c.exercise(id)
        .unwrap_or_else(|| panic!("exercise {id} is missing"))
}

fn routine<'a>(c: &'a Catalog, id: &str) -> &'a Routine {
    c.routine(id)
        .unwrap_or_else(|| panic!("routine {id} is missing"))
}

/// The usual dose of one exercise of the built-in catalog.
fn dose(id: &str) -> catalog::Dose {
    ex(&cat(), id).dose.clone()
}

fn r(min: u32, max: u32) -> Range {
    Range(min, max)
}

/// The dose a routine's item asks for, by position.
fn item(c: &Catalog, routine_id: &str, index: usize) -> (String, catalog::Dose) {
    let rt = routine(c, routine_id);
    let it = &rt.items[index];
    let dose = rt.item_dose(it, ex(c, &it.exercise));
    (it.exercise.clone(), dose)
}

// ------------------------------------------------------------------ structure

#[test]
fn builtin_catalog_validates() {
    let c = cat();
    assert!(
        c.exercises.len() >= 60,
        "only {} exercises",
        c.exercises.len()
    );
    assert!(c.routines.len() >= 8);
}

#[test]
fn every_required_exercise_exists() {
    let c = cat();
    let missing: Vec<_> = REQUIRED_EXERCISES
        .iter()
        .filter(|id| c.exercise(id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing exercises: {missing:?}");
}

#[test]
fn ids_are_unique_and_kebab_case() {
    let c = cat();
    let mut seen = HashSet::new();
    let ids = c
        .exercises
        .iter()
        .map(|e| e.id.as_str())
        .chain(c.routines.iter().map(|r| r.id.as_str()));
    for id in ids {
        assert!(seen.insert(id), "duplicate id {id}");
        let ok = !id.is_empty()
            && !id.starts_with('-')
            && !id.ends_with('-')
            && !id.contains("--")
            && id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        assert!(ok, "id {id:?} is not kebab-case");
    }
}

#[test]
fn seated_spinal_twist_is_an_alias_of_seated_rotation() {
    let c = cat();
    let e = ex(&c, "seated-rotation");
    assert!(e.aliases.iter().any(|a| a == "seated spinal twist"));
    assert!(e.sources.iter().any(|s| s.starts_with("003_")));
}

#[test]
fn every_exercise_is_fully_described() {
    let c = cat();
    for e in &c.exercises {
        let id = &e.id;
        assert!(!e.name.trim().is_empty(), "{id}: name");
        assert!(!e.targets.is_empty(), "{id}: targets");
        assert!(!e.position.trim().is_empty(), "{id}: position");
        assert!(
            (3..=6).contains(&e.steps.len()),
            "{id}: {} steps, want 3 to 6",
            e.steps.len()
        );
        for s in &e.steps {
            assert!(s.ends_with('.'), "{id}: step is not a sentence: {s:?}");
            assert!(s.chars().count() <= 120, "{id}: step too long: {s:?}");
        }
        assert!(!e.cue.trim().is_empty(), "{id}: cue");
        assert!(
            e.cue.chars().count() <= 50,
            "{id}: cue too long for the big line"
        );
        for s in &e.cautions {
            assert!(s.ends_with('.'), "{id}: caution is not a sentence: {s:?}");
        }
    }
}

#[test]
fn every_source_names_a_guide_file() {
    let c = cat();
    let named = c
        .exercises
        .iter()
        .map(|e| (e.id.as_str(), &e.sources))
        .chain(c.routines.iter().map(|r| (r.id.as_str(), &r.sources)));
    for (id, sources) in named {
        assert!(!sources.is_empty(), "{id}: no source");
        for s in sources {
            assert!(looks_like_guide(s), "{id}: {s:?} is not NNN_hex.txt");
            assert!(
                GUIDES.contains(&s.as_str()),
                "{id}: {s:?} is not one of the five guides"
            );
        }
    }
}

/// `NNN_` then 16 lower-case hex digits, then `.txt`.
fn looks_like_guide(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".txt") else {
        return false;
    };
    let Some((num, hex)) = stem.split_once('_') else {
        return false;
    };
    num.len() == 3
        && num.chars().all(|c| c.is_ascii_digit())
        && hex.len() == 16
        && hex
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

#[test]
fn every_dose_has_the_fields_its_kind_needs() {
    let c = cat();
    for e in &c.exercises {
        let d = &e.dose;
        let id = &e.id;
        match d.kind {
            DoseKind::Reps => assert!(d.reps.is_some() && d.hold_s.is_none(), "{id}"),
            DoseKind::Hold => assert!(d.hold_s.is_some() && d.reps.is_none(), "{id}"),
            DoseKind::RepsWithHold => assert!(d.reps.is_some() && d.hold_s.is_some(), "{id}"),
            DoseKind::Cycles => {
                assert!(d.reps.is_some(), "{id}");
                assert!(d.pace_s.is_some(), "{id}: cycles need a pace");
            }
            DoseKind::Duration => assert!(d.duration_s.is_some(), "{id}"),
        }
        if d.kind != DoseKind::Duration {
            assert!(
                d.duration_s.is_none(),
                "{id}: duration on a {:?} dose",
                d.kind
            );
        }
    }
}

#[test]
fn routine_items_only_override_what_their_kind_uses() {
    let c = cat();
    for rt in &c.routines {
        for it in &rt.items {
            let kind = ex(&c, &it.exercise).dose.kind;
            let what = format!("{} / {}", rt.id, it.exercise);
            let has_reps = matches!(
                kind,
                DoseKind::Reps | DoseKind::RepsWithHold | DoseKind::Cycles
            );
            let has_hold = matches!(kind, DoseKind::Hold | DoseKind::RepsWithHold);
            assert!(
                it.reps.is_none() || has_reps,
                "{what}: reps on a {kind:?} exercise"
            );
            assert!(
                it.hold_s.is_none() || has_hold,
                "{what}: hold on a {kind:?} exercise"
            );
            assert!(
                it.duration_s.is_none() || kind == DoseKind::Duration,
                "{what}: duration on a {kind:?} exercise"
            );
        }
    }
}

// ------------------------------------------------------------------ relations

#[test]
fn required_relations() {
    let c = cat();
    let alt = |id: &str| ex(&c, id).alternative.clone();
    let harder = |id: &str| ex(&c, id).harder.clone();
    assert_eq!(alt("superman").as_deref(), Some("bird-dog"));
    assert_eq!(alt("superman-hold").as_deref(), Some("bird-dog"));
    assert_eq!(harder("bridge").as_deref(), Some("banded-bridge"));
    assert_eq!(
        harder("banded-bridge").as_deref(),
        Some("single-leg-bridge")
    );
    assert_eq!(harder("knee-plank").as_deref(), Some("front-plank"));
    assert_eq!(alt("front-plank").as_deref(), Some("knee-plank"));
    assert_eq!(
        alt("double-knee-to-chest").as_deref(),
        Some("knee-to-chest")
    );
    // Guide 002's stand-ins.
    assert_eq!(alt("lat-pulldown").as_deref(), Some("band-pulldown"));
    assert_eq!(alt("one-arm-dumbbell-row").as_deref(), Some("band-row"));
    assert_eq!(alt("band-row").as_deref(), Some("one-arm-dumbbell-row"));
    assert_eq!(alt("pull-up").as_deref(), Some("assisted-pull-up"));
}

#[test]
fn an_alternative_never_shares_a_loading_tag() {
    let c = cat();
    for e in &c.exercises {
        if let Some(alt) = &e.alternative {
            let a = ex(&c, alt);
            let shared: Vec<_> = e.loading.iter().filter(|l| a.loading.contains(l)).collect();
            assert!(shared.is_empty(), "{} -> {alt} shares {shared:?}", e.id);
            assert_ne!(&e.id, alt, "{} is its own alternative", e.id);
        }
    }
}

#[test]
fn loading_tags() {
    let c = cat();
    let has = |id: &str, l: SpineLoad| ex(&c, id).loading.contains(&l);
    for id in [
        "superman",
        "superman-hold",
        "back-extension",
        "floor-back-extension",
    ] {
        assert!(has(id, SpineLoad::Extension), "{id} must carry Extension");
    }
    for id in [
        "barbell-deadlift",
        "barbell-row",
        "pendlay-row",
        "t-bar-row",
        "good-morning",
    ] {
        assert!(has(id, SpineLoad::AxialLoad), "{id} must carry AxialLoad");
    }
    for id in ["seated-rotation", "floor-rotation", "thoracic-rotation"] {
        assert!(has(id, SpineLoad::Rotation), "{id} must carry Rotation");
    }
    // The gentle, neutral-spine basics carry nothing.
    for id in [
        "bird-dog",
        "bridge",
        "knee-to-chest",
        "dead-bug",
        "front-plank",
        "walk",
    ] {
        assert!(
            ex(&c, id).loading.is_empty(),
            "{id} should carry no loading tag"
        );
    }
}

#[test]
fn equipment_follows_the_guides() {
    let c = cat();
    let eq = |id: &str| ex(&c, id).equipment.clone();
    for id in [
        "barbell-deadlift",
        "barbell-row",
        "pendlay-row",
        "t-bar-row",
        "lat-pulldown",
        "face-pull",
        "cable-rear-delt-fly",
        "suspension-row",
        "back-extension",
    ] {
        assert_eq!(eq(id), vec![Equipment::Gym], "{id}");
    }
    assert_eq!(
        eq("gorilla-row"),
        vec![Equipment::Dumbbells],
        "kettlebells count as dumbbells"
    );
    assert_eq!(eq("band-pull-apart"), vec![Equipment::Band]);
    assert_eq!(eq("banded-bridge"), vec![Equipment::MiniBand]);
    assert_eq!(eq("foam-rolling"), vec![Equipment::FoamRoller]);
    for id in [
        "pec-doorway-stretch",
        "scapular-wall-slide",
        "seated-rotation",
        "superman",
        "bridge",
    ] {
        assert!(eq(id).is_empty(), "{id} needs no equipment");
    }
}

#[test]
fn categories() {
    let c = cat();
    let of = |id: &str| ex(&c, id).category;
    assert_eq!(of("walk"), Category::WarmUp);
    assert_eq!(of("childs-pose"), Category::Stretch);
    assert_eq!(of("dead-bug"), Category::Core);
    assert_eq!(of("bodyweight-squat"), Category::Strength);
    assert_eq!(of("band-pull-apart"), Category::UpperBack);
}

// ------------------------------------------------------------------ exercise doses

#[test]
fn front_plank_holds_15_to_30_s_for_2_to_3_rounds() {
    // Guide 004.
    let d = dose("front-plank");
    assert_eq!(d.kind, DoseKind::Hold);
    assert_eq!(d.hold_s, Some(r(15, 30)));
    assert_eq!(d.sets, r(2, 3));
}

#[test]
fn side_plank_holds_10_to_20_s_per_side() {
    // Guide 004.
    let d = dose("side-plank");
    assert_eq!(d.kind, DoseKind::Hold);
    assert!(d.per_side);
    assert_eq!(d.hold_s, Some(r(10, 20)));
    assert_eq!(d.sets, r(2, 3));
}

#[test]
fn bird_dog_holds_3_s_for_8_to_10_per_side() {
    // Guide 004.
    let d = dose("bird-dog");
    assert_eq!(d.kind, DoseKind::RepsWithHold);
    assert!(d.per_side);
    assert_eq!(d.hold_s, Some(r(3, 3)));
    assert_eq!(d.reps, Some(r(8, 10)));
}

#[test]
fn bridge_starts_at_5_and_holds_three_to_five_breaths() {
    // Guide 000: start with 5, up to 30 in a couple of sets; guide 004: 3–5 breaths.
    let e = ex(&cat(), "bridge").clone();
    assert_eq!(e.dose.kind, DoseKind::RepsWithHold);
    assert_eq!(e.dose.hold_s, Some(r(12, 20)));
    let start = e.start.expect("bridge start");
    assert_eq!(start.reps, Some(5));
    assert_eq!(start.sets, Some(1));
    let top = e.top.expect("bridge top");
    assert_eq!(top.sets.unwrap() * top.reps.unwrap(), 30);
}

#[test]
fn knee_to_chest_holds_5_s_per_leg_building_to_30() {
    // Guide 000.
    let e = ex(&cat(), "knee-to-chest").clone();
    assert_eq!(e.dose.kind, DoseKind::RepsWithHold);
    assert!(e.dose.per_side);
    assert_eq!(e.dose.hold_s, Some(r(5, 5)));
    assert_eq!(e.dose.reps, Some(r(2, 3)));
    assert_eq!(e.start.and_then(|s| s.hold_s), Some(5));
    assert_eq!(e.top.and_then(|t| t.hold_s), Some(30));
}

#[test]
fn superman_holds_2_to_3_s_for_5_to_8() {
    // Guide 000 (the more conservative of 000 and 004).
    let d = dose("superman");
    assert_eq!(d.kind, DoseKind::RepsWithHold);
    assert_eq!(d.hold_s, Some(r(2, 3)));
    assert_eq!(d.reps, Some(r(5, 8)));
    // Guide 003.
    let h = dose("superman-hold");
    assert_eq!(h.kind, DoseKind::Hold);
    assert_eq!(h.hold_s, Some(r(5, 10)));
}

#[test]
fn dead_bug_is_8_to_12_per_side() {
    // Guide 004.
    let d = dose("dead-bug");
    assert_eq!(d.kind, DoseKind::Reps);
    assert!(d.per_side);
    assert_eq!(d.reps, Some(r(8, 12)));
}

#[test]
fn drawing_in_holds_5_to_10_s_for_8_to_10() {
    // Guide 004.
    let d = dose("drawing-in");
    assert_eq!(d.kind, DoseKind::RepsWithHold);
    assert_eq!(d.hold_s, Some(r(5, 10)));
    assert_eq!(d.reps, Some(r(8, 10)));
}

#[test]
fn stretches_hold_20_to_30_s_for_2_to_3_sets() {
    // Guide 002.
    let c = cat();
    for id in [
        "pec-doorway-stretch",
        "upper-trap-stretch",
        "levator-stretch",
    ] {
        let d = &ex(&c, id).dose;
        assert_eq!(d.kind, DoseKind::Hold, "{id}");
        assert_eq!(d.hold_s, Some(r(20, 30)), "{id}");
        assert_eq!(d.sets, r(2, 3), "{id}");
    }
    // Guide 003.
    assert_eq!(ex(&c, "childs-pose").dose.hold_s, Some(r(30, 60)));
}

#[test]
fn rotations_follow_guide_004() {
    let c = cat();
    let seated = &ex(&c, "seated-rotation").dose;
    assert_eq!(seated.kind, DoseKind::RepsWithHold);
    assert!(seated.per_side);
    assert_eq!(seated.hold_s, Some(r(10, 10)));
    assert_eq!(seated.reps, Some(r(3, 5)));
    let floor = &ex(&c, "floor-rotation").dose;
    assert!(floor.per_side);
    assert_eq!(floor.hold_s, Some(r(5, 10)));
    assert_eq!(floor.reps, Some(r(2, 3)));
}

#[test]
fn rep_counts_from_guide_000_and_004() {
    let c = cat();
    let squat = &ex(&c, "bodyweight-squat").dose;
    assert_eq!((squat.sets, squat.reps), (r(2, 2), Some(r(8, 10))));
    let pull = &ex(&c, "band-pull-apart").dose;
    assert_eq!((pull.sets, pull.reps), (r(2, 2), Some(r(10, 15))));
    assert_eq!(ex(&c, "scapular-wall-slide").dose.reps, Some(r(8, 10)));
    assert_eq!(ex(&c, "good-morning").dose.reps, Some(r(8, 12)));
    let squeeze = &ex(&c, "scapular-squeeze").dose;
    assert_eq!(
        (squeeze.reps, squeeze.hold_s),
        (Some(r(3, 5)), Some(r(5, 5)))
    );
}

#[test]
fn cat_cow_is_slow_breath_paced_cycles() {
    let d = dose("cat-cow");
    assert_eq!(d.kind, DoseKind::Cycles);
    assert_eq!(d.reps, Some(r(3, 5)));
    assert_eq!(d.pace_s, Some(8));
}

#[test]
fn warm_up_durations() {
    let c = cat();
    assert_eq!(ex(&c, "walk").dose.duration_s, Some(r(300, 300)));
    assert_eq!(ex(&c, "neck-rolls").dose.duration_s, Some(r(30, 30)));
    assert_eq!(ex(&c, "shoulder-rolls").dose.duration_s, Some(r(30, 60)));
    let t = &ex(&c, "thoracic-rotation").dose;
    assert!(t.per_side);
    assert_eq!(t.reps, Some(r(10, 10)));
}

// ------------------------------------------------------------------ routines

fn exercises_of(c: &Catalog, id: &str) -> Vec<String> {
    routine(c, id)
        .items
        .iter()
        .map(|i| i.exercise.clone())
        .collect()
}

#[test]
fn every_routine_has_its_items_in_order() {
    let c = cat();
    let expect: &[(&str, &[&str])] = &[
        (
            "daily",
            &[
                "knee-to-chest",
                "cat-cow",
                "bridge",
                "superman",
                "band-pull-apart",
            ],
        ),
        (
            "mini-workout",
            &[
                "walk",
                "drawing-in",
                "dead-bug",
                "bridge",
                "bird-dog",
                "bodyweight-squat",
                "knee-to-chest",
                "floor-rotation",
                "cat-cow",
            ],
        ),
        (
            "warm-up",
            &[
                "neck-rolls",
                "shoulder-rolls",
                "cat-cow",
                "thoracic-rotation",
            ],
        ),
        (
            "home-beginner",
            &[
                "band-pull-apart",
                "one-arm-dumbbell-row",
                "superman-hold",
                "front-plank",
                "childs-pose",
                "knee-to-chest",
            ],
        ),
        (
            "gym-back-day",
            &[
                "lat-pulldown",
                "barbell-row",
                "one-arm-dumbbell-row",
                "face-pull",
                "back-extension",
                "pec-doorway-stretch",
                "childs-pose",
            ],
        ),
        (
            "gentle-stretches",
            &[
                "pelvic-tilt",
                "knee-to-chest",
                "double-knee-to-chest",
                "floor-rotation",
                "cat-cow",
                "childs-pose",
            ],
        ),
        (
            "desk-break",
            &[
                "scapular-squeeze",
                "pec-doorway-stretch",
                "upper-trap-stretch",
                "levator-stretch",
                "seated-rotation",
            ],
        ),
        (
            "pt-twelve",
            &[
                "bridge",
                "superman",
                "bird-dog",
                "front-plank",
                "side-plank",
                "bent-over-row",
                "bent-over-iyt",
                "hip-hinge",
                "kickstand-rdl",
                "band-pull-apart",
                "pallof-press",
                "bodyweight-squat",
            ],
        ),
    ];
    for (id, items) in expect {
        assert_eq!(exercises_of(&c, id), *items, "routine {id}");
        let rt = routine(&c, id);
        assert!(!rt.summary.trim().is_empty(), "{id}: summary");
    }
}

#[test]
fn daily_routine_doses_follow_guide_000() {
    let c = cat();
    let rt = routine(&c, "daily");
    assert_eq!(rt.minutes, r(15, 15));
    assert_eq!(rt.frequency.days_per_week, r(4, 5));

    let (_, k2c) = item(&c, "daily", 0);
    assert!(k2c.per_side);
    assert_eq!(k2c.reps, Some(r(2, 2)));
    let (_, cat_cow) = item(&c, "daily", 1);
    assert_eq!(cat_cow.kind, DoseKind::Cycles);
    assert_eq!(cat_cow.reps, Some(r(5, 5)));
    let (_, bridge) = item(&c, "daily", 2);
    assert_eq!((bridge.sets, bridge.reps), (r(2, 2), Some(r(8, 10))));
    let (_, superman) = item(&c, "daily", 3);
    assert_eq!((superman.sets, superman.reps), (r(1, 2), Some(r(6, 8))));
    let (_, pull) = item(&c, "daily", 4);
    assert_eq!((pull.sets, pull.reps), (r(2, 2), Some(r(10, 12))));
}

#[test]
fn mini_workout_follows_guide_004() {
    let c = cat();
    let rt = routine(&c, "mini-workout");
    assert_eq!(rt.minutes, r(15, 20));
    assert_eq!(rt.frequency.days_per_week, r(3, 4));
    let parts: Vec<_> = rt.items.iter().map(|i| i.part.as_deref()).collect();
    assert_eq!(parts[0], Some("Warm-up"));
    assert_eq!(parts[1], Some("Core activation"));
    assert_eq!(parts[3], Some("Strength"));
    assert_eq!(parts[6], Some("Stretches"));

    let (_, walk) = item(&c, "mini-workout", 0);
    assert_eq!(walk.duration_s, Some(r(300, 300)));
    let (_, dead_bug) = item(&c, "mini-workout", 2);
    assert!(dead_bug.per_side);
    assert_eq!(dead_bug.reps, Some(r(8, 12)));
    let (_, bridge) = item(&c, "mini-workout", 3);
    assert_eq!((bridge.sets, bridge.reps), (r(2, 2), Some(r(10, 15))));
    let (_, bird) = item(&c, "mini-workout", 4);
    assert_eq!((bird.sets, bird.reps), (r(2, 2), Some(r(8, 10))));
    assert!(
        rt.items[4]
            .note
            .as_deref()
            .unwrap_or("")
            .contains("superman")
    );
    let (_, cat_cow) = item(&c, "mini-workout", 8);
    assert_eq!(cat_cow.reps, Some(r(3, 5)));
}

#[test]
fn warm_up_follows_guide_002() {
    let c = cat();
    assert_eq!(routine(&c, "warm-up").minutes, r(5, 5));
    let (_, cat_cow) = item(&c, "warm-up", 2);
    assert_eq!(cat_cow.reps, Some(r(10, 10)));
    let (_, rotation) = item(&c, "warm-up", 3);
    assert!(rotation.per_side);
    assert_eq!(rotation.reps, Some(r(10, 10)));
}

#[test]
fn home_beginner_rests_45_to_60_s_three_days_a_week() {
    let c = cat();
    let rt = routine(&c, "home-beginner");
    assert_eq!(rt.rest_s, r(45, 60));
    assert_eq!(rt.frequency.days_per_week, r(3, 3));
    let (_, pull) = item(&c, "home-beginner", 0);
    assert_eq!((pull.sets, pull.reps), (r(3, 3), Some(r(12, 15))));
    assert_eq!(pull.rest_s, Some(r(45, 60)));
    let (_, row) = item(&c, "home-beginner", 1);
    assert!(row.per_side);
    assert_eq!((row.sets, row.reps), (r(3, 3), Some(r(10, 12))));
    let (id, hold) = item(&c, "home-beginner", 2);
    assert_eq!(id, "superman-hold");
    assert_eq!(hold.kind, DoseKind::Hold);
    assert_eq!((hold.sets, hold.hold_s), (r(3, 3), Some(r(15, 20))));
    let (_, plank) = item(&c, "home-beginner", 3);
    assert_eq!((plank.sets, plank.hold_s), (r(3, 3), Some(r(20, 30))));
}

#[test]
fn gym_back_day_is_intense_with_48_hours_between() {
    let c = cat();
    let rt = routine(&c, "gym-back-day");
    assert!(rt.intense);
    assert_eq!(rt.frequency.min_hours_between, Some(48));
    assert_eq!(rt.frequency.days_per_week, r(1, 3));
    let (_, pulldown) = item(&c, "gym-back-day", 0);
    assert_eq!((pulldown.sets, pulldown.reps), (r(3, 4), Some(r(8, 12))));
    let (_, rows) = item(&c, "gym-back-day", 1);
    assert_eq!((rows.sets, rows.reps), (r(3, 4), Some(r(8, 10))));
    let (_, face) = item(&c, "gym-back-day", 3);
    assert_eq!((face.sets, face.reps), (r(3, 3), Some(r(12, 15))));
    let (_, ext) = item(&c, "gym-back-day", 4);
    assert_eq!((ext.sets, ext.reps), (r(3, 3), Some(r(10, 15))));
    // Only the gym day is intense.
    for other in c.routines.iter().filter(|r| r.id != "gym-back-day") {
        assert!(!other.intense, "{} should not be intense", other.id);
    }
}

#[test]
fn stretch_and_desk_routines_are_done_several_times_a_day() {
    let c = cat();
    let gentle = routine(&c, "gentle-stretches");
    assert_eq!(gentle.frequency.times_per_day, Some(r(2, 3)));
    let desk = routine(&c, "desk-break");
    assert_eq!(desk.frequency.times_per_day, Some(r(2, 2)));
    let (_, squeeze) = item(&c, "desk-break", 0);
    assert_eq!(
        (squeeze.reps, squeeze.hold_s),
        (Some(r(3, 5)), Some(r(5, 5)))
    );
    let (_, rotation) = item(&c, "desk-break", 4);
    assert_eq!(
        (rotation.reps, rotation.hold_s),
        (Some(r(3, 5)), Some(r(10, 10)))
    );
}

#[test]
fn pt_twelve_is_one_round_of_usual_doses() {
    let c = cat();
    let rt = routine(&c, "pt-twelve");
    assert_eq!(rt.items.len(), 12);
    assert!(rt.sources.iter().any(|s| s.starts_with("001_")));
    for it in &rt.items {
        assert_eq!(it.sets, Some(r(1, 1)), "{}: one round", it.exercise);
        assert!(
            it.reps.is_none() && it.hold_s.is_none(),
            "{}: usual dose",
            it.exercise
        );
    }
}

#[test]
fn routine_doses_are_complete() {
    let c = cat();
    for rt in &c.routines {
        assert!(rt.minutes.min() > 0, "{}", rt.id);
        for it in &rt.items {
            let d = rt.item_dose(it, ex(&c, &it.exercise));
            assert!(
                !d.summary().contains('?'),
                "{} / {}: {}",
                rt.id,
                it.exercise,
                d.summary()
            );
            assert!(d.rest_s.is_some());
        }
    }
}

/// The app starts from the compact form `build.rs` makes of `catalog.ron`;
/// it must be exactly the catalog the text says.
#[test]
fn the_compact_built_in_catalog_is_the_text_catalog() {
    let compact = catalog::builtin().expect("compact form");
    let text = catalog::builtin_from_text().expect("text form");
    assert_eq!(compact, text);
}
