//! The facts table: every number of the built-in catalog, with the guide's
//! words it comes from, or why it is backcoach's own.
//!
//! One row per exercise (its usual dose and starting dose), per routine (its
//! length, frequency and rest) and per routine item (the dose a session runs).
//! `numbers` is the catalog's numbers as `catalog_facts.rs` (its parent module) writes them;
//! a change to any number in `catalog.ron` fails that test until its row here
//! changes with it. Quotes are short and exact: the test finds each one in its
//! guide's text when the guides are at hand (`../shared/guides`).

/// What a row's numbers rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// A guide's words: its short id and an exact quote.
    G(&'static str, &'static str),
    /// Backcoach's own number: which one (`dose`, `pace`, `hold`, `sets`,
    /// `minutes`, `days`, `rest`) and why.
    Ours(&'static str, &'static str),
}

/// What a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// An exercise's usual dose and starting dose.
    Exercise(&'static str),
    /// A routine's length, frequency and rest.
    Routine(&'static str),
    /// One item of a routine: (routine id, exercise id).
    Item(&'static str, &'static str),
}

impl Subject {
    /// The row's key: what it is about, the id, and the item's exercise.
    pub fn key(self) -> Key<'static> {
        match self {
            Subject::Exercise(id) => ("exercise", id, ""),
            Subject::Routine(id) => ("routine", id, ""),
            Subject::Item(routine, exercise) => ("item", routine, exercise),
        }
    }
}

/// What a row is about, as a map key: (`exercise` | `routine` | `item`, id,
/// the item's exercise id or "").
pub type Key<'a> = (&'static str, &'a str, &'a str);

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Fact {
    pub subject: Subject,
    pub numbers: &'static str,
    pub said: &'static [Said],
}

use Said::{G, Ours};

const fn ex(id: &'static str, numbers: &'static str, said: &'static [Said]) -> Fact {
    Fact {
        subject: Subject::Exercise(id),
        numbers,
        said,
    }
}

const fn routine(id: &'static str, numbers: &'static str, said: &'static [Said]) -> Fact {
    Fact {
        subject: Subject::Routine(id),
        numbers,
        said,
    }
}

const fn item(
    routine: &'static str,
    exercise: &'static str,
    numbers: &'static str,
    said: &'static [Said],
) -> Fact {
    Fact {
        subject: Subject::Item(routine, exercise),
        numbers,
        said,
    }
}

const STRETCH_002: Said = G(
    "002",
    "Hold each stretch for 20 to 30 seconds and repeat 2 to 3 times",
);
const STRETCH_000: Said = G(
    "000",
    "hold each position 20 to 30 seconds and aim for 2 to 3 sets",
);
const START_000: Said = G("000", "Start with 2 to 3 repetitions of each exercise");
const BEGINNER_002: Said = G("002", "start with 2 sets of 8 to 12 controlled reps");
const NO_REST: Said = Ours(
    "rest",
    "no guide gives a rest between sets for this routine",
);
const PT_ROUND: Said = Ours("sets", "guide 001 gives no numbers: one round of each move");

/// Every number of the built-in catalog.
pub const FACTS: &[Fact] = &[
    // ------------------------------------------------------------ warm-up moves
    ex(
        "walk",
        "duration, sets 1, duration 300 s",
        &[G("004", "Warm up: 5 minutes of easy walking or cycling")],
    ),
    ex(
        "cycle",
        "duration, sets 1, duration 300 s",
        &[G("004", "Warm up: 5 minutes of easy walking or cycling")],
    ),
    ex(
        "neck-rolls",
        "duration, sets 1, duration 30 s",
        &[G(
            "002",
            "roll your head in a semicircle from shoulder to shoulder for 30 seconds",
        )],
    ),
    ex(
        "shoulder-rolls",
        "duration, sets 1, duration 30–60 s",
        &[G("002", "arm circles for 30 to 60 seconds")],
    ),
    ex(
        "thoracic-rotation",
        "reps a side, sets 1, reps 10",
        &[G("002", "Try 10 reps per side")],
    ),
    ex(
        "hip-circles",
        "duration, sets 1, duration 30–60 s",
        &[Ours(
            "dose",
            "004 names hip circles without numbers; as long as 002's arm circles",
        )],
    ),
    ex(
        "leg-swings",
        "duration a side, sets 1, duration 30 s",
        &[Ours("dose", "004 names leg swings without numbers")],
    ),
    ex(
        "lunge",
        "reps a side, sets 1, reps 3–5",
        &[Ours(
            "dose",
            "004 says \"a few\" lunges; 3–5 is our reading",
        )],
    ),
    // ------------------------------------------------------------ stretches
    ex(
        "knee-to-chest",
        "reps+hold a side, sets 1, reps 2–3, hold 20–30 s; start reps 2, hold 5 s",
        &[
            G("000", "Hold for about 5 seconds"),
            G("000", "Try 2 to 3 repetitions per leg"),
            G("000", "progress toward longer holds of 20 to 30 seconds"),
            G("004", "Hold for 20 to 30 seconds"),
            G("003", "Hold for 20–30 seconds"),
        ],
    ),
    ex(
        "double-knee-to-chest",
        "reps+hold, sets 1, reps 2–3, hold 20–30 s",
        &[
            G("003", "pull one or both knees to the chest"),
            G("003", "Hold for 20–30 seconds"),
            STRETCH_000,
        ],
    ),
    ex(
        "cat-cow",
        "cycles, sets 1, reps 3–5, pace 8 s",
        &[
            G("000", "repeat 3 to 5 times, twice per day"),
            G("000", "Pause for a breath"),
            Ours(
                "pace",
                "the guides give no seconds: two slow breaths a cycle",
            ),
        ],
    ),
    ex(
        "childs-pose",
        "hold, sets 1, hold 30–60 s",
        &[G("003", "Breathe deeply for 30–60 seconds")],
    ),
    ex(
        "seated-rotation",
        "reps+hold a side, sets 1, reps 3–5, hold 10 s",
        &[G(
            "004",
            "Hold for 10 seconds and repeat 3 to 5 times per side",
        )],
    ),
    ex(
        "floor-rotation",
        "reps+hold a side, sets 1, reps 2–3, hold 5–10 s",
        &[
            G("004", "Hold for 5 to 10 seconds, then return to center"),
            G("004", "2 to 3 times per side"),
        ],
    ),
    ex(
        "pec-doorway-stretch",
        "hold, sets 2–3, hold 20–30 s",
        &[STRETCH_002],
    ),
    ex(
        "upper-trap-stretch",
        "hold a side, sets 2–3, hold 20–30 s",
        &[STRETCH_002],
    ),
    ex(
        "levator-stretch",
        "hold a side, sets 2–3, hold 20–30 s",
        &[STRETCH_002],
    ),
    ex(
        "hip-flexor-stretch",
        "hold a side, sets 2–3, hold 20–30 s",
        &[STRETCH_000],
    ),
    ex(
        "hamstring-stretch",
        "hold a side, sets 2–3, hold 20–30 s",
        &[STRETCH_000],
    ),
    ex(
        "foam-rolling",
        "duration, sets 1, duration 60–120 s",
        &[Ours("dose", "002 says \"a few minutes\" of accessory work")],
    ),
    // ------------------------------------------------------------ core
    ex(
        "drawing-in",
        "reps+hold, sets 1, reps 8–10, hold 5–10 s",
        &[
            G("004", "Hold for 5 to 10 seconds, breathing normally"),
            G("004", "Relax and repeat 8 to 10 times"),
        ],
    ),
    ex(
        "pelvic-tilt",
        "cycles, sets 1, reps 8–10, pace 8 s",
        &[Ours(
            "dose",
            "003 gives no numbers: as the drawing-in maneuver",
        )],
    ),
    ex(
        "dead-bug",
        "reps a side, sets 1, reps 8–12",
        &[G("004", "Perform 8 to 12 controlled reps per side")],
    ),
    ex(
        "bird-dog",
        "reps+hold a side, sets 1, reps 8–10, hold 3 s",
        &[
            G("004", "Hold for 3 seconds, then return and switch sides"),
            G("004", "Do 8 to 10 reps per side"),
        ],
    ),
    ex(
        "front-plank",
        "hold, sets 2–3, hold 15–30 s",
        &[G(
            "004",
            "Hold for 15 to 30 seconds. Rest and repeat 2 to 3 times",
        )],
    ),
    ex(
        "knee-plank",
        "hold, sets 2–3, hold 15–30 s",
        &[
            G("001", "You can also modify it by going down on your knees"),
            G(
                "004",
                "Hold for 15 to 30 seconds. Rest and repeat 2 to 3 times",
            ),
        ],
    ),
    ex(
        "side-plank",
        "hold a side, sets 2–3, hold 10–20 s",
        &[G(
            "004",
            "Hold for 10 to 20 seconds per side, 2 to 3 rounds",
        )],
    ),
    ex(
        "side-plank-twist",
        "reps a side, sets 2–3, reps 5–8",
        &[Ours("dose", "004 names the twist without numbers")],
    ),
    ex(
        "pallof-press",
        "reps a side, sets 2, reps 8–12",
        &[Ours(
            "dose",
            "001 gives no numbers: 002's beginner rows stand in",
        )],
    ),
    ex(
        "bridge",
        "reps+hold, sets 2, reps 10–15, hold 12–20 s; start sets 1, reps 5, hold 12 s",
        &[
            G("000", "Hold for three deep breaths"),
            G("000", "Start with 5 repetitions a day"),
            G(
                "000",
                "aim for up to 30 total repetitions, broken into a couple of sets",
            ),
            G("004", "Hold for 3 to 5 breaths"),
            G("004", "Bridge, 2 sets of 10 to 15 reps"),
            Ours("hold", "breaths become seconds at about 4 s a breath"),
        ],
    ),
    // ------------------------------------------------------------ strength
    ex(
        "banded-bridge",
        "reps+hold, sets 2, reps 8–10, hold 12 s",
        &[Ours("dose", "000 names the progression without numbers")],
    ),
    ex(
        "single-leg-bridge",
        "reps+hold a side, sets 2, reps 8–10, hold 12 s",
        &[Ours(
            "dose",
            "000 and 004 name the progression without numbers",
        )],
    ),
    ex(
        "superman",
        "reps+hold, sets 1, reps 8–12, hold 2–3 s; start reps 5, hold 2 s",
        &[
            G("000", "Hold for 2 to 3 seconds, then lower with control"),
            G("000", "Begin with 5 to 8 repetitions"),
            G("004", "Aim for 8 to 12 reps"),
        ],
    ),
    ex(
        "superman-hold",
        "hold, sets 1, hold 5–10 s",
        &[G("003", "Hold for 5–10 seconds, then release")],
    ),
    ex(
        "back-extension",
        "reps, sets 2, reps 8–12; start reps 2",
        &[BEGINNER_002, START_000],
    ),
    ex(
        "floor-back-extension",
        "reps, sets 1, reps 5–8; start reps 2",
        &[Ours("dose", "000 gives no numbers: the superman's 5–8")],
    ),
    ex(
        "side-lying-leg-lift",
        "reps a side, sets 2, reps 8–10; start reps 2",
        &[Ours("dose", "000 names it as an add-on without numbers")],
    ),
    ex(
        "banded-lateral-walk",
        "reps a side, sets 2, reps 8–10; start reps 2",
        &[Ours("dose", "000 names it as an add-on without numbers")],
    ),
    ex(
        "bodyweight-squat",
        "reps, sets 2, reps 10–15; start sets 2, reps 8",
        &[
            G("000", "Start with 2 sets of 8 to 10 repetitions"),
            G("004", "Do 10 to 15 reps"),
            G("004", "Bodyweight squats, 2 sets of 10 to 15 reps"),
        ],
    ),
    ex(
        "hip-hinge",
        "reps, sets 2, reps 8–12",
        &[Ours(
            "dose",
            "001 gives no numbers: 002's beginner rows stand in",
        )],
    ),
    ex(
        "good-morning",
        "reps, sets 1, reps 8–12",
        &[G("004", "Perform 8 to 12 reps")],
    ),
    ex(
        "kickstand-rdl",
        "reps a side, sets 2, reps 8–12",
        &[Ours("dose", "001 gives no numbers: as the hip hinge")],
    ),
    ex(
        "romanian-deadlift",
        "reps, sets 2, reps 8–12",
        &[Ours("dose", "003 gives no numbers: as the hip hinge")],
    ),
    ex(
        "barbell-deadlift",
        "reps, sets 2, reps 8–12",
        &[Ours(
            "dose",
            "000 and 002 give no numbers: as the hip hinge",
        )],
    ),
    // ------------------------------------------------------------ upper back
    ex(
        "band-pull-apart",
        "reps, sets 2, reps 10–15; start reps 2",
        &[
            G("000", "Aim for 2 sets of 10 to 15 repetitions"),
            START_000,
        ],
    ),
    ex(
        "scapular-wall-slide",
        "reps, sets 1, reps 8–10; start reps 2",
        &[G("000", "Move slowly for 8 to 10 repetitions"), START_000],
    ),
    ex(
        "wall-angel",
        "reps, sets 1, reps 8–10",
        &[Ours(
            "dose",
            "002 and 003 give no numbers: the wall slide's 8–10",
        )],
    ),
    ex(
        "scapular-squeeze",
        "reps+hold, sets 1, reps 3–5, hold 5 s",
        &[G(
            "002",
            "holding 5 seconds and relaxing. Try 3 to 5 reps, twice a day",
        )],
    ),
    ex(
        "bent-over-iyt",
        "reps, sets 2, reps 8–12",
        &[Ours(
            "dose",
            "001 gives no numbers: 002's beginner rows stand in",
        )],
    ),
    ex(
        "bent-over-row",
        "reps, sets 2, reps 8–12",
        &[Ours(
            "dose",
            "001 gives no numbers: 002's beginner rows stand in",
        )],
    ),
    ex(
        "band-row",
        "reps, sets 2, reps 8–12",
        &[G("002", "One arm dumbbell or band row"), BEGINNER_002],
    ),
    ex(
        "one-arm-dumbbell-row",
        "reps a side, sets 2, reps 8–12",
        &[BEGINNER_002, G("002", "3 sets of 10 to 12 per side")],
    ),
    ex(
        "chest-supported-row",
        "reps, sets 2, reps 8–12",
        &[Ours(
            "dose",
            "003 gives no numbers: 002's beginner rows stand in",
        )],
    ),
    ex(
        "suspension-row",
        "reps, sets 2, reps 8–12",
        &[G("002", "TRX or suspension trainer rows"), BEGINNER_002],
    ),
    ex(
        "face-pull",
        "reps, sets 2, reps 12–15",
        &[
            G(
                "002",
                "Face pulls or cable rear delt flyes, 3 sets of 12 to 15",
            ),
            BEGINNER_002,
        ],
    ),
    ex(
        "cable-rear-delt-fly",
        "reps, sets 2, reps 12–15",
        &[
            G(
                "002",
                "Face pulls or cable rear delt flyes, 3 sets of 12 to 15",
            ),
            BEGINNER_002,
        ],
    ),
    ex(
        "lat-pulldown",
        "reps, sets 2, reps 8–12",
        &[
            G("002", "Lat pulldown or pullups, 3 to 4 sets of 8 to 12"),
            BEGINNER_002,
        ],
    ),
    ex(
        "band-pulldown",
        "reps, sets 2, reps 8–12",
        &[
            G(
                "002",
                "resistance band pulldowns can stand in for machine lat work",
            ),
            BEGINNER_002,
        ],
    ),
    ex(
        "assisted-pull-up",
        "reps, sets 2, reps 8–12",
        &[
            G("002", "Supported pullups or band assisted pullups"),
            BEGINNER_002,
        ],
    ),
    ex(
        "pull-up",
        "reps, sets 2, reps 8–12",
        &[
            G("002", "Lat pulldown or pullups, 3 to 4 sets of 8 to 12"),
            BEGINNER_002,
        ],
    ),
    ex(
        "barbell-row",
        "reps, sets 2, reps 8–10",
        &[
            G("002", "Bent over barbell rows, 3 to 4 sets of 8 to 10"),
            BEGINNER_002,
        ],
    ),
    ex(
        "pendlay-row",
        "reps, sets 2, reps 8–12",
        &[Ours("dose", "002 lists it without numbers")],
    ),
    ex(
        "renegade-row",
        "reps a side, sets 2, reps 8–12",
        &[Ours("dose", "002 lists it without numbers")],
    ),
    ex(
        "t-bar-row",
        "reps, sets 2, reps 8–12",
        &[Ours("dose", "002 lists it without numbers")],
    ),
    ex(
        "gorilla-row",
        "reps a side, sets 2, reps 8–12",
        &[Ours("dose", "002 lists it without numbers")],
    ),
    // ------------------------------------------------------------ daily (000)
    routine(
        "daily",
        "15 min, 4–5 days a week, 1 a day, rest 30 s (default)",
        &[
            G("000", "Most people can complete this in about 15 minutes"),
            G("000", "once a day, then build to 4 or 5 days a week"),
            NO_REST,
        ],
    ),
    item(
        "daily",
        "knee-to-chest",
        "sets 1, reps 2, hold 20–30 s",
        &[
            G("000", "Knee to chest stretch: 2 reps per leg"),
            G("000", "progress toward longer holds of 20 to 30 seconds"),
        ],
    ),
    item(
        "daily",
        "cat-cow",
        "sets 1, reps 5",
        &[G("000", "Cat stretch: 5 slow cycles")],
    ),
    item(
        "daily",
        "bridge",
        "sets 2, reps 8–10, hold 12–20 s",
        &[
            G("000", "Bridge: 2 sets of 8 to 10 reps"),
            G("004", "Hold for 3 to 5 breaths"),
        ],
    ),
    item(
        "daily",
        "superman",
        "sets 1–2, reps 6–8, hold 2–3 s",
        &[
            G("000", "Superman: 1 to 2 sets of 6 to 8 reps"),
            G("000", "Hold for 2 to 3 seconds"),
        ],
    ),
    item(
        "daily",
        "band-pull-apart",
        "sets 2, reps 10–12",
        &[G(
            "000",
            "Resistance band pull aparts: 2 sets of 10 to 12 reps",
        )],
    ),
    // ------------------------------------------------------------ mini workout (004)
    routine(
        "mini-workout",
        "15–20 min, 3–4 days a week, rest 30 s (default)",
        &[
            G(
                "004",
                "A focused 15 to 20 minute mini workout, three or four days a week",
            ),
            NO_REST,
        ],
    ),
    item(
        "mini-workout",
        "walk",
        "sets 1, duration 300 s",
        &[G("004", "Warm up: 5 minutes of easy walking or cycling")],
    ),
    item(
        "mini-workout",
        "drawing-in",
        "sets 1, reps 8–10, hold 5–10 s",
        &[
            G("004", "Drawing in maneuver, 8 to 10 reps"),
            G("004", "Hold for 5 to 10 seconds"),
        ],
    ),
    item(
        "mini-workout",
        "dead-bug",
        "sets 1, reps 8–12",
        &[G("004", "Dead bug, 8 to 12 reps per side")],
    ),
    item(
        "mini-workout",
        "bridge",
        "sets 2, reps 10–15, hold 12–20 s",
        &[
            G("004", "Bridge, 2 sets of 10 to 15 reps"),
            G("004", "Hold for 3 to 5 breaths"),
        ],
    ),
    item(
        "mini-workout",
        "bird-dog",
        "sets 2, reps 8–10, hold 3 s",
        &[
            G(
                "004",
                "Bird dog or Superman, 2 sets of 8 to 10 reps per side",
            ),
            G("004", "Hold for 3 seconds"),
        ],
    ),
    item(
        "mini-workout",
        "bodyweight-squat",
        "sets 2, reps 10–15",
        &[G("004", "Bodyweight squats, 2 sets of 10 to 15 reps")],
    ),
    item(
        "mini-workout",
        "knee-to-chest",
        "sets 1, reps 2–3, hold 20–30 s",
        &[
            G("004", "Knee to chest, 2 to 3 holds per leg"),
            G("004", "Hold for 20 to 30 seconds"),
        ],
    ),
    item(
        "mini-workout",
        "floor-rotation",
        "sets 1, reps 2–3, hold 5–10 s",
        &[
            G(
                "004",
                "Lower back rotational stretch, 2 to 3 holds per side",
            ),
            G("004", "Hold for 5 to 10 seconds"),
        ],
    ),
    item(
        "mini-workout",
        "cat-cow",
        "sets 1, reps 3–5",
        &[G("004", "Cat stretch, 3 to 5 slow cycles")],
    ),
    // ------------------------------------------------------------ warm-up (002)
    routine(
        "warm-up",
        "5 min, 1–3 days a week, rest 30 s (default)",
        &[
            G("002", "You can use a simple 5 minute sequence like this"),
            G("002", "Aim to train your back 1 to 3 times per week"),
            NO_REST,
        ],
    ),
    item(
        "warm-up",
        "neck-rolls",
        "sets 1, duration 30 s",
        &[G("002", "from shoulder to shoulder for 30 seconds")],
    ),
    item(
        "warm-up",
        "shoulder-rolls",
        "sets 1, duration 30–60 s",
        &[G("002", "arm circles for 30 to 60 seconds")],
    ),
    item(
        "warm-up",
        "cat-cow",
        "sets 1, reps 10",
        &[G("002", "Aim for 10 smooth repetitions")],
    ),
    item(
        "warm-up",
        "thoracic-rotation",
        "sets 1, reps 10",
        &[G("002", "Try 10 reps per side")],
    ),
    // ------------------------------------------------------------ at-home beginner (002)
    routine(
        "home-beginner",
        "20–25 min, 3 days a week, 48 h apart, rest 45–60 s",
        &[
            G(
                "002",
                "Perform this 3 times per week, with a rest day between sessions",
            ),
            G("002", "Keep rest periods around 45 to 60 seconds"),
            Ours("minutes", "002 gives no length for this routine"),
        ],
    ),
    item(
        "home-beginner",
        "band-pull-apart",
        "sets 3, reps 12–15",
        &[G("002", "Resistance band pull aparts, 3 sets of 12 to 15")],
    ),
    item(
        "home-beginner",
        "one-arm-dumbbell-row",
        "sets 3, reps 10–12",
        &[G(
            "002",
            "One arm dumbbell or band row, 3 sets of 10 to 12 per side",
        )],
    ),
    item(
        "home-beginner",
        "superman-hold",
        "sets 3, hold 15–20 s",
        &[G(
            "002",
            "Superman holds on the floor, 3 sets of 15 to 20 seconds",
        )],
    ),
    item(
        "home-beginner",
        "front-plank",
        "sets 3, hold 20–30 s",
        &[G("002", "Plank, 3 sets of 20 to 30 seconds")],
    ),
    item(
        "home-beginner",
        "childs-pose",
        "sets 2–3, hold 20–30 s",
        &[G("002", "Finish with child"), STRETCH_002],
    ),
    item(
        "home-beginner",
        "knee-to-chest",
        "sets 1, reps 2–3, hold 15–30 s",
        &[
            G("002", "Hold 15 to 30 seconds, then switch sides"),
            G("002", "Repeat 2 to 3 times per side"),
        ],
    ),
    // ------------------------------------------------------------ gym back day (002)
    routine(
        "gym-back-day",
        "45–60 min, 1–3 days a week, 48 h apart, rest 45–60 s, intense",
        &[
            G(
                "002",
                "Aim to train your back 1 to 3 times per week with at least 48 hours between intense sessions",
            ),
            G("002", "Keep rest periods around 45 to 60 seconds"),
            Ours("minutes", "002 gives no length for this routine"),
        ],
    ),
    item(
        "gym-back-day",
        "lat-pulldown",
        "sets 3–4, reps 8–12",
        &[G("002", "Lat pulldown or pullups, 3 to 4 sets of 8 to 12")],
    ),
    item(
        "gym-back-day",
        "barbell-row",
        "sets 3–4, reps 8–10",
        &[G("002", "Bent over barbell rows, 3 to 4 sets of 8 to 10")],
    ),
    item(
        "gym-back-day",
        "one-arm-dumbbell-row",
        "sets 3, reps 10–12",
        &[G(
            "002",
            "One arm dumbbell rows, 3 sets of 10 to 12 per side",
        )],
    ),
    item(
        "gym-back-day",
        "face-pull",
        "sets 3, reps 12–15",
        &[G(
            "002",
            "Face pulls or cable rear delt flyes, 3 sets of 12 to 15",
        )],
    ),
    item(
        "gym-back-day",
        "back-extension",
        "sets 3, reps 10–15",
        &[G("002", "Back extensions, 3 sets of 10 to 15")],
    ),
    item(
        "gym-back-day",
        "pec-doorway-stretch",
        "sets 2–3, hold 20–30 s",
        &[
            G("002", "Finish with upper back and chest stretches"),
            STRETCH_002,
        ],
    ),
    item(
        "gym-back-day",
        "childs-pose",
        "sets 2–3, hold 20–30 s",
        &[
            G("002", "Child’s pose to lengthen the entire back"),
            STRETCH_002,
        ],
    ),
    // ------------------------------------------------------------ gentle stretches (002, 003, 004)
    routine(
        "gentle-stretches",
        "8–10 min, 7 days a week, 2–3 a day, rest 30 s (default)",
        &[
            G("000", "2 to 3 times daily"),
            Ours("minutes", "no guide gives a length for these stretches"),
            NO_REST,
        ],
    ),
    item(
        "gentle-stretches",
        "pelvic-tilt",
        "sets 1, reps 8–10",
        &[Ours("dose", "003 gives no numbers")],
    ),
    item(
        "gentle-stretches",
        "knee-to-chest",
        "sets 1, reps 2–3, hold 15–30 s",
        &[
            G("002", "Hold 15 to 30 seconds, then switch sides"),
            G("002", "Repeat 2 to 3 times per side twice daily"),
        ],
    ),
    item(
        "gentle-stretches",
        "double-knee-to-chest",
        "sets 1, reps 2–3, hold 20–30 s",
        &[G("003", "Hold for 20–30 seconds"), STRETCH_000],
    ),
    item(
        "gentle-stretches",
        "floor-rotation",
        "sets 1, reps 2–3, hold 5–10 s",
        &[
            G("004", "Hold for 5 to 10 seconds, then return to center"),
            G("004", "2 to 3 times per side"),
        ],
    ),
    item(
        "gentle-stretches",
        "cat-cow",
        "sets 1, reps 3–5",
        &[G("004", "Repeat 3 to 5 times, twice per day")],
    ),
    item(
        "gentle-stretches",
        "childs-pose",
        "sets 1, hold 30–60 s",
        &[G("003", "Breathe deeply for 30–60 seconds")],
    ),
    // ------------------------------------------------------------ desk break (002, 004)
    routine(
        "desk-break",
        "8–12 min, 5–7 days a week, 2 a day, rest 30 s (default)",
        &[
            G("002", "Try 3 to 5 reps, twice a day"),
            G("004", "twice a day if you sit a lot"),
            Ours("minutes", "no guide gives a length for this routine"),
            Ours("days", "no guide gives days a week for this routine"),
            NO_REST,
        ],
    ),
    item(
        "desk-break",
        "scapular-squeeze",
        "sets 1, reps 3–5, hold 5 s",
        &[G(
            "002",
            "holding 5 seconds and relaxing. Try 3 to 5 reps, twice a day",
        )],
    ),
    item(
        "desk-break",
        "pec-doorway-stretch",
        "sets 2–3, hold 20–30 s",
        &[STRETCH_002],
    ),
    item(
        "desk-break",
        "upper-trap-stretch",
        "sets 2–3, hold 20–30 s",
        &[STRETCH_002],
    ),
    item(
        "desk-break",
        "levator-stretch",
        "sets 2–3, hold 20–30 s",
        &[STRETCH_002],
    ),
    item(
        "desk-break",
        "seated-rotation",
        "sets 1, reps 3–5, hold 10 s",
        &[G(
            "004",
            "Hold for 10 seconds and repeat 3 to 5 times per side, twice a day if you sit a lot",
        )],
    ),
    // ------------------------------------------------------------ twelve PT picks (001)
    routine(
        "pt-twelve",
        "15–20 min, 2–3 days a week, rest 30 s (default)",
        &[
            Ours("minutes", "001 gives no numbers at all"),
            Ours("days", "001 gives no numbers at all"),
            NO_REST,
        ],
    ),
    item(
        "pt-twelve",
        "bridge",
        "sets 1, reps 10–15, hold 12–20 s",
        &[PT_ROUND, G("004", "Bridge, 2 sets of 10 to 15 reps")],
    ),
    item(
        "pt-twelve",
        "superman",
        "sets 1, reps 8–12, hold 2–3 s",
        &[PT_ROUND, G("004", "Aim for 8 to 12 reps")],
    ),
    item(
        "pt-twelve",
        "bird-dog",
        "sets 1, reps 8–10, hold 3 s",
        &[PT_ROUND, G("004", "Do 8 to 10 reps per side")],
    ),
    item(
        "pt-twelve",
        "front-plank",
        "sets 1, hold 15–30 s",
        &[PT_ROUND, G("004", "Hold for 15 to 30 seconds")],
    ),
    item(
        "pt-twelve",
        "side-plank",
        "sets 1, hold 10–20 s",
        &[PT_ROUND, G("004", "Hold for 10 to 20 seconds per side")],
    ),
    item(
        "pt-twelve",
        "bent-over-row",
        "sets 1, reps 8–12",
        &[PT_ROUND, Ours("dose", "001 gives no numbers")],
    ),
    item(
        "pt-twelve",
        "bent-over-iyt",
        "sets 1, reps 8–12",
        &[PT_ROUND, Ours("dose", "001 gives no numbers")],
    ),
    item(
        "pt-twelve",
        "hip-hinge",
        "sets 1, reps 8–12",
        &[PT_ROUND, Ours("dose", "001 gives no numbers")],
    ),
    item(
        "pt-twelve",
        "kickstand-rdl",
        "sets 1, reps 8–12",
        &[PT_ROUND, Ours("dose", "001 gives no numbers")],
    ),
    item(
        "pt-twelve",
        "band-pull-apart",
        "sets 1, reps 10–15",
        &[PT_ROUND, G("000", "Aim for 2 sets of 10 to 15 repetitions")],
    ),
    item(
        "pt-twelve",
        "pallof-press",
        "sets 1, reps 8–12",
        &[PT_ROUND, Ours("dose", "001 gives no numbers")],
    ),
    item(
        "pt-twelve",
        "bodyweight-squat",
        "sets 1, reps 10–15",
        &[PT_ROUND, G("004", "Do 10 to 15 reps")],
    ),
];
