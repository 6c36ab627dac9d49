//! The built-in catalog against the five guides: every exercise and routine
//! they name is there, described, related and tagged as the guides say. The
//! numbers are pinned one by one in the facts table (`catalog_facts.rs`).

use std::collections::HashSet;

use backcoach::catalog::{
    self, Catalog, Category, DoseKind, Equipment, Exercise, Range, Routine, SpineLoad,
};

/// The five guides: short id and text file.
const GUIDES: [(&str, &str); 5] = [
    ("000", "000_d3442f2d4298181e.txt"),
    ("001", "001_7d36417308f018ed.txt"),
    ("002", "002_c81b84e4ff07c281.txt"),
    ("003", "003_33fe72860b04ff9e.txt"),
    ("004", "004_1dc9c59fbca25a08.txt"),
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

fn r(min: u32, max: u32) -> Range {
    Range(min, max)
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
    assert!(e.sources.iter().any(|s| s == "003"));
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
fn every_source_names_a_guide_by_its_short_id() {
    let c = cat();
    let ids: Vec<&str> = c.guides.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, GUIDES.map(|(id, _)| id));
    for (id, file) in GUIDES {
        let guide = c.guide(id).expect("guide");
        assert_eq!(guide.file.as_deref(), Some(file));
        assert_eq!(
            c.guide(file),
            Some(guide),
            "a file name finds its guide too"
        );
        assert!(
            !guide.title.contains(".txt"),
            "{id}: a title people can read"
        );
    }
    let named = c
        .exercises
        .iter()
        .map(|e| (e.id.as_str(), &e.sources))
        .chain(c.routines.iter().map(|r| (r.id.as_str(), &r.sources)));
    for (id, sources) in named {
        assert!(!sources.is_empty(), "{id}: no source");
        for s in sources {
            assert!(ids.contains(&s.as_str()), "{id}: {s:?} is not a guide id");
        }
    }
}

#[test]
fn guides_read_by_their_titles() {
    let c = cat();
    let title = |id: &str| catalog::source_title(&c, id);
    assert_eq!(
        title("000"),
        "Build a Stronger Back with These Proven Exercises"
    );
    assert_eq!(
        title("001"),
        "12 Back Strengthening Exercises Physical Therapists Swear By"
    );
    assert_eq!(
        title("003_33fe72860b04ff9e.txt"),
        "10 Essential Exercises for Strengthening Your Back Muscles + How to Stretch Your Lower Back"
    );
    // A user catalog without a guide list still reads the built-in guides by
    // title, and keeps its own words for anything else.
    let mut mine = c.clone();
    mine.guides.clear();
    assert_eq!(
        catalog::source_title(&mine, "000"),
        "Build a Stronger Back with These Proven Exercises"
    );
    assert_eq!(catalog::source_title(&mine, "my physio"), "my physio");
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
        // Guide 001 describes it with no equipment: pt-twelve keeps it for everyone.
        "bent-over-row",
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
fn pt_twelve_is_one_round_of_usual_doses() {
    let c = cat();
    let rt = routine(&c, "pt-twelve");
    assert_eq!(rt.items.len(), 12);
    assert!(rt.sources.iter().any(|s| s == "001"));
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

// ------------------------------------------------------------------ words

#[test]
fn cautions_name_the_condition_that_should_avoid_the_exercise() {
    use backcoach::profile::Condition;
    use backcoach::rules::fitting::avoided_load;
    let c = cat();
    for condition in [Condition::HerniatedDisc, Condition::SpinalStenosis] {
        let load = avoided_load(condition);
        // What `show` prints for the loading names the condition the plan
        // rules leave it out for.
        assert!(
            load.advice().contains(condition.label()),
            "{load:?}: {}",
            load.advice()
        );
        let affected: Vec<&Exercise> = c
            .exercises
            .iter()
            .filter(|e| e.loading.contains(&load))
            .collect();
        assert!(!affected.is_empty(), "{load:?}");
        for e in affected {
            assert!(
                e.cautions.iter().any(|s| s.contains(condition.label())),
                "{}: no caution names {}",
                e.id,
                condition.label()
            );
        }
    }
    for e in c
        .exercises
        .iter()
        .filter(|e| e.loading.contains(&SpineLoad::AxialLoad))
    {
        assert!(
            e.cautions
                .iter()
                .any(|s| s.contains("herniated disc") && s.contains("spinal stenosis")),
            "{}: heavy spine loading names both conditions",
            e.id
        );
    }
}

#[test]
fn the_bridge_says_how_its_seconds_follow_from_breaths() {
    // Guides 000 and 004 hold the bridge for three to five breaths; the
    // catalog times them at about 4 s a breath, marks that as its own, and
    // says so in the step the timer runs beside.
    let c = cat();
    let bridge = ex(&c, "bridge");
    assert!(bridge.ours.contains(&catalog::ExerciseOwn::Hold));
    assert_eq!(bridge.dose.hold_s, Some(r(3 * 4, 5 * 4)));
    assert!(
        bridge
            .steps
            .iter()
            .any(|s| s.contains("three to five slow breaths") && s.contains("about 4 seconds each")),
        "{:?}",
        bridge.steps
    );
}

#[test]
fn the_squat_keeps_the_knees_in_line_with_the_toes() {
    // Guide 004: "keeping your knees in line with your toes".
    let c = cat();
    let steps = ex(&c, "bodyweight-squat").steps.join(" ");
    assert!(steps.contains("in line with your toes"), "{steps}");
    assert!(!steps.contains("over your toes"), "{steps}");
}

#[test]
fn warm_ups_come_before_strength_work_not_deep_stretches() {
    // Guide 004: avoid deep static stretching at the start. No routine opens
    // with a deep (flexion) stretch; which routines offer the warm-up is
    // tested with the offer (src/rules/warm_up.rs).
    let c = cat();
    for rt in &c.routines {
        let first = ex(&c, &rt.items[0].exercise);
        assert!(
            !first.loading.contains(&SpineLoad::DeepFlexion),
            "{} opens with a deep stretch",
            rt.id
        );
    }
    assert!(
        !routine(&c, "gym-back-day")
            .summary
            .contains("warm-up first")
    );
}
