//! The catalog's data model: what `catalog.ron` (and any user catalog) holds.
//!
//! Every number in the built-in catalog comes from the five exercise guides or
//! is marked as backcoach's own (`ours`), and screens say which; the words are
//! our own. The model is plain data so the session engine and the rules can be
//! tested without a file in sight.

use serde::{Deserialize, Serialize};

/// An inclusive range `(min, max)` as the guides state doses ("8 to 10 reps").
///
/// Written in RON as a tuple, `(8, 10)`; a single number is `(5, 5)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range(pub u32, pub u32);

impl Range {
    /// The lower bound: where a regular exerciser starts.
    pub fn min(self) -> u32 {
        self.0
    }
    /// The upper bound: the top of the dose a routine asks for.
    pub fn max(self) -> u32 {
        self.1
    }
    /// Human form used by `list`, `show` and the preview: `8–10` or `5`.
    pub fn label(self) -> String {
        if self.0 == self.1 {
            self.0.to_string()
        } else {
            format!("{}–{}", self.0, self.1)
        }
    }
}

/// The whole catalog: the guides it draws on, its exercises, then the
/// routines built from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// The guides that sources name by their short id, with titles people can
    /// read. A user catalog may leave them out (the built-in guides still
    /// resolve) or add its own.
    #[serde(default)]
    pub guides: Vec<Guide>,
    /// Every exercise, each under an id no other exercise or routine uses.
    pub exercises: Vec<Exercise>,
    /// The sample routines; their items name exercises above by id.
    pub routines: Vec<Routine>,
}

/// One guide the catalog draws on: `show` and the browser print its title,
/// never a file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    /// Short id that `sources` use ("000").
    pub id: String,
    /// The title people can read.
    pub title: String,
    /// The guide's text file, so a reader can check a number against it.
    #[serde(default)]
    pub file: Option<String>,
}

/// A number of an exercise that is backcoach's own choice, not a guide's:
/// screens and `show` say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExerciseOwn {
    /// The whole usual dose (and starting dose): the guides name the exercise
    /// but give no numbers for it.
    Dose,
    /// The seconds per slow cycle: the guides say "slowly", not how long.
    Pace,
    /// The hold in seconds: the guides count breaths, not seconds.
    Hold,
}

impl ExerciseOwn {
    /// What `show`, the browser and the preview print about it.
    pub fn note(self) -> &'static str {
        match self {
            ExerciseOwn::Dose => "dose: backcoach's default; the guides give none",
            ExerciseOwn::Pace => "pace: backcoach's default; the guides give no seconds",
            ExerciseOwn::Hold => "hold seconds: backcoach's default; the guides count breaths",
        }
    }
}

/// A number of a routine that is backcoach's own choice, not its guide's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoutineOwn {
    /// How long it takes: the guide gives no length for it.
    Minutes,
    /// Days a week: the guide gives no frequency for it.
    Days,
}

impl RoutineOwn {
    /// What `show` prints after the number.
    pub fn note(self) -> &'static str {
        match self {
            RoutineOwn::Minutes => "backcoach's estimate; the guide gives none",
            RoutineOwn::Days => "backcoach's default; the guide gives none",
        }
    }
}

/// Broad family of an exercise; decides where it sits in a session and in `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Gentle movement to start a session (easy walk, hip circles, leg swings).
    WarmUp,
    /// Stretches and mobility work (knee-to-chest, cat-cow, child's pose).
    Stretch,
    /// Deep-core and trunk stability work (drawing-in, bird dog, planks).
    Core,
    /// Back, hip and leg strength (superman, squats, deadlifts).
    Strength,
    /// Upper back and posture work (rows, pull-aparts, wall slides).
    UpperBack,
}

impl Category {
    /// Lower-case label for plain-text output.
    pub fn label(self) -> &'static str {
        match self {
            Category::WarmUp => "warm-up",
            Category::Stretch => "stretch",
            Category::Core => "core",
            Category::Strength => "strength",
            Category::UpperBack => "upper back",
        }
    }
}

/// Equipment an exercise needs beyond the floor, a wall, a chair and a door.
///
/// A profile lists what the user has; `Gym` stands for a full gym and so
/// implies every other item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Equipment {
    /// A long resistance band (pull-aparts, band rows, pallof press).
    Band,
    /// A loop band around the thighs (banded bridge, lateral walks).
    MiniBand,
    /// Dumbbells for the free-weight rows (bent-over, one-arm, renegade).
    Dumbbells,
    /// A bench to lie on face down (chest-supported row).
    Bench,
    /// A bar to hang from (pull-up, assisted pull-up).
    PullUpBar,
    /// A foam roller for rolling out the back.
    FoamRoller,
    /// Machines, cables, barbells, suspension trainers, back-extension benches.
    Gym,
}

impl Equipment {
    /// Every kind, in the order the set-up screen offers them.
    pub const ALL: [Equipment; 7] = [
        Equipment::Band,
        Equipment::MiniBand,
        Equipment::Dumbbells,
        Equipment::Bench,
        Equipment::PullUpBar,
        Equipment::FoamRoller,
        Equipment::Gym,
    ];

    /// Lower-case label for plain-text output.
    pub fn label(self) -> &'static str {
        match self {
            Equipment::Band => "resistance band",
            Equipment::MiniBand => "mini band",
            Equipment::Dumbbells => "dumbbells",
            Equipment::Bench => "bench",
            Equipment::PullUpBar => "pull-up bar",
            Equipment::FoamRoller => "foam roller",
            Equipment::Gym => "gym",
        }
    }
}

/// How the spine is loaded; the condition filters leave out what a condition
/// should avoid (herniated disc: deep flexion; spinal stenosis: extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpineLoad {
    /// Deep forward bending, such as toe touches.
    DeepFlexion,
    /// Strong backward bending, such as the superman.
    Extension,
    /// Twisting through the spine, such as rotation stretches.
    Rotation,
    /// Weight pressing down through the spine (loaded barbell lifts).
    AxialLoad,
}

impl SpineLoad {
    /// Lower-case label for plain-text output.
    pub fn label(self) -> &'static str {
        match self {
            SpineLoad::DeepFlexion => "deep flexion",
            SpineLoad::Extension => "extension",
            SpineLoad::Rotation => "rotation",
            SpineLoad::AxialLoad => "axial load",
        }
    }

    /// The loading in plain words.
    pub fn words(self) -> &'static str {
        match self {
            SpineLoad::DeepFlexion => "deep forward bending",
            SpineLoad::Extension => "backward bending",
            SpineLoad::Rotation => "twisting",
            SpineLoad::AxialLoad => "weight pressing down through the spine",
        }
    }

    /// Who should avoid the loading, as `show` and the browser print it. The
    /// conditions named here are the ones the plan rules leave such exercises
    /// out for (a test holds the two together).
    pub fn advice(self) -> &'static str {
        match self {
            SpineLoad::DeepFlexion => {
                "With a herniated disc, leave it out unless your doctor or physical therapist \
                 says otherwise; backcoach leaves it out of your plans when your profile lists a \
                 herniated disc."
            }
            SpineLoad::Extension => {
                "With spinal stenosis, leave it out unless your doctor or physical therapist \
                 says otherwise; backcoach leaves it out of your plans when your profile lists \
                 spinal stenosis."
            }
            SpineLoad::Rotation => {
                "The guides name no condition that rules it out; turn only as far as feels easy."
            }
            SpineLoad::AxialLoad => {
                "Have a coach or physical therapist check your form; with a herniated disc or \
                 spinal stenosis, ask your doctor or physical therapist first."
            }
        }
    }
}

/// Who an exercise suits; the home screen and preview show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// Fine for someone new to exercise.
    Beginner,
    /// Needs a base of regular training (single-leg bridge, Romanian deadlift).
    Intermediate,
    /// Demanding lifts for experienced exercisers (barbell deadlift, Pendlay row).
    Advanced,
}

impl Level {
    /// Lower-case label for plain-text output.
    pub fn label(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

/// The kind of dose, which decides the timer or counter a session shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DoseKind {
    /// Counted repetitions (bodyweight squat 2×10): `Space` counts each one.
    Reps,
    /// A held position (plank 15–30 s): a countdown with a gauge.
    Hold,
    /// Repetitions each held a few seconds (bridge, bird dog, drawing-in).
    RepsWithHold,
    /// Slow breath-paced movement cycles (cat-cow).
    Cycles,
    /// Keep moving for a while (a 5-minute walk).
    Duration,
}

impl DoseKind {
    /// What a figure's start and end poses are called for this kind of
    /// dose: a hold is held in the end pose, slow cycles breathe in toward it.
    pub fn pose_captions(self) -> (&'static str, &'static str) {
        match self {
            DoseKind::Hold | DoseKind::RepsWithHold => ("Start", "Hold"),
            DoseKind::Cycles => ("Breathe out", "Breathe in"),
            DoseKind::Reps | DoseKind::Duration => ("Start", "End"),
        }
    }

    /// Lower-case label for plain-text output.
    pub fn label(self) -> &'static str {
        match self {
            DoseKind::Reps => "reps",
            DoseKind::Hold => "timed hold",
            DoseKind::RepsWithHold => "reps with a hold",
            DoseKind::Cycles => "slow cycles",
            DoseKind::Duration => "timed duration",
        }
    }
}

/// A dose as the guides state it, with ranges. Only the fields the kind needs
/// are set: `reps` for Reps/RepsWithHold/Cycles, `hold_s` for Hold/RepsWithHold,
/// `duration_s` for Duration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dose {
    /// Which numbers below apply, and the timer or counter the session shows.
    pub kind: DoseKind,
    /// Done on the left, then the right (bird dog, side plank, knee-to-chest).
    #[serde(default)]
    pub per_side: bool,
    /// Number of sets; one when left out.
    #[serde(default = "one_set")]
    pub sets: Range,
    /// Repetitions per set (per side when `per_side`), or cycles for Cycles.
    #[serde(default)]
    pub reps: Option<Range>,
    /// Seconds of a hold, or of each repetition's hold.
    #[serde(default)]
    pub hold_s: Option<Range>,
    /// Seconds of a timed-duration exercise.
    #[serde(default)]
    pub duration_s: Option<Range>,
    /// Seconds per slow cycle (one breath in, one breath out) for Cycles.
    #[serde(default)]
    pub pace_s: Option<u32>,
    /// Rest between sets; the routine's rest applies when absent.
    #[serde(default)]
    pub rest_s: Option<Range>,
}

fn one_set() -> Range {
    Range(1, 1)
}

/// One fixed amount (not a range): the starting dose the guides name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Amount {
    /// Number of sets, where the guides give one.
    #[serde(default)]
    pub sets: Option<u32>,
    /// Repetitions per set (per side for one-sided exercises).
    #[serde(default)]
    pub reps: Option<u32>,
    /// Seconds of a hold, or of each repetition's hold.
    #[serde(default)]
    pub hold_s: Option<u32>,
    /// Seconds of a timed-duration exercise.
    #[serde(default)]
    pub duration_s: Option<u32>,
}

/// One exercise of the catalog, with everything a session, the filters and
/// `show` need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    /// Stable id used by routines, the history and the command line.
    pub id: String,
    /// Name shown on screens and by `list` and `show`.
    pub name: String,
    /// Other names the exercise goes by; `show` prints them.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Broad family, printed by `list`, `show` and the browser.
    pub category: Category,
    /// Muscles worked, in plain words.
    pub targets: Vec<String>,
    /// Needed equipment; empty means none.
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// Where the body starts, in one line.
    pub position: String,
    /// The usual dose from the guides.
    pub dose: Dose,
    /// The guides' starting dose for someone new or returning after an issue;
    /// what the dose builds up to is the top of `dose` (or of a routine's own
    /// numbers), read from the progression's ladder.
    #[serde(default)]
    pub start: Option<Amount>,
    /// How to do it, step by step, in our own words.
    pub steps: Vec<String>,
    /// The one thing to keep in mind while doing it; shown large on screen.
    pub cue: String,
    /// Safety notes in plain words, listed by `show` and the browser.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Spine-loading tags the condition filters use.
    #[serde(default)]
    pub loading: Vec<SpineLoad>,
    /// Who it suits, from beginner to advanced; `show` prints it.
    pub level: Level,
    /// A safer exercise to do instead, where a guide names one.
    #[serde(default)]
    pub alternative: Option<String>,
    /// The harder variation the guides progress to.
    #[serde(default)]
    pub harder: Option<String>,
    /// The exercise to plan instead, for good, once this one has made pain
    /// worse (guide 004: do not persist with the superman if it worsens
    /// symptoms; the bird dog loads the spine much less).
    #[serde(default)]
    pub switch_if_worse: Option<String>,
    /// The numbers that are backcoach's own, not a guide's; empty when every
    /// number comes from the guides.
    #[serde(default)]
    pub ours: Vec<ExerciseOwn>,
    /// The guides the facts come from: guide ids (titles are printed), or any
    /// words a user catalog likes ("my physio").
    pub sources: Vec<String>,
    /// The exercise drawn as a figure: a base posture, its start and end
    /// poses, props. `show --figure`, the browser and the session draw it;
    /// an exercise without one simply shows no figure.
    #[serde(default)]
    pub figure: Option<crate::figure::Figure>,
}

/// How often a routine is meant to be done, as the guides say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frequency {
    /// Days per week.
    pub days_per_week: Range,
    /// Sessions per day, where the guides say so (stretches: twice daily).
    #[serde(default)]
    pub times_per_day: Option<Range>,
    /// Minimum hours between two sessions (intense strength work: 48).
    #[serde(default)]
    pub min_hours_between: Option<u32>,
}

/// One exercise inside a routine, with the routine's own dose where it
/// differs from the exercise's usual one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutineItem {
    /// Id of the catalog exercise to do; validation checks it exists.
    pub exercise: String,
    /// The part of the routine it belongs to ("Warm-up", "Core activation").
    #[serde(default)]
    pub part: Option<String>,
    /// Sets for this routine, in place of the exercise's usual sets.
    #[serde(default)]
    pub sets: Option<Range>,
    /// Repetitions per set for this routine, in place of the exercise's usual ones.
    #[serde(default)]
    pub reps: Option<Range>,
    /// Hold in seconds for this routine, in place of the exercise's usual one.
    #[serde(default)]
    pub hold_s: Option<Range>,
    /// Duration in seconds for this routine, in place of the exercise's usual one.
    #[serde(default)]
    pub duration_s: Option<Range>,
    /// Rest between sets in seconds; wins over the exercise's and the routine's rest.
    #[serde(default)]
    pub rest_s: Option<Range>,
    /// A short remark shown in the preview ("or superman").
    #[serde(default)]
    pub note: Option<String>,
}

/// A sample routine from the guides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Routine {
    /// Stable id used by `start`, `show` and the history.
    pub id: String,
    /// Name shown on screens, by `list` and `show`, and kept in the history.
    pub name: String,
    /// A sentence or two on what it does, shown by `show` and on the home screen.
    pub summary: String,
    /// How long the guides say it takes, in minutes.
    pub minutes: Range,
    /// How often to do it, as the guides say.
    pub frequency: Frequency,
    /// Heavy strength work that needs 48 hours before the next such session.
    #[serde(default)]
    pub intense: bool,
    /// Rest between sets unless an item or exercise says otherwise; when left
    /// out, [`DEFAULT_REST_S`], which `show` marks as backcoach's own.
    #[serde(default)]
    pub rest_s: Option<Range>,
    /// The routine offered before this one as a warm-up (its id), where the
    /// guides advise warming up first.
    #[serde(default)]
    pub warm_up: Option<String>,
    /// The exercises in the order a session runs them.
    pub items: Vec<RoutineItem>,
    /// The numbers that are backcoach's own, not the guide's.
    #[serde(default)]
    pub ours: Vec<RoutineOwn>,
    /// The guides the routine comes from: guide ids, or a user's own words.
    pub sources: Vec<String>,
}

/// Rest between sets where a routine gives none: backcoach's own default, as
/// no guide gives a rest for most routines.
pub const DEFAULT_REST_S: Range = Range(30, 30);

impl Catalog {
    /// The exercise with this id, if any.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// The routine with this id, if any.
    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    /// The guide a source names, by its short id or its file name.
    pub fn guide(&self, source: &str) -> Option<&Guide> {
        self.guides
            .iter()
            .find(|g| g.id == source || g.file.as_deref() == Some(source))
    }
}

/// One fixed dose in words, as the preview, `show` and the browser print it:
/// `2 × 10 reps`, `5 reps per side, 20 s hold each`, `5 min`. Every fixed dose
/// is worded here, so the screens can never disagree on how a dose reads.
pub fn amount_summary(
    kind: DoseKind,
    per_side: bool,
    sets: u32,
    reps: u32,
    hold_s: u32,
    duration_s: u32,
) -> String {
    let one = |n: u32| Some(Range(n, n));
    Dose {
        kind,
        per_side,
        sets: Range(sets.max(1), sets.max(1)),
        reps: one(reps),
        hold_s: one(hold_s),
        duration_s: one(duration_s),
        pace_s: None,
        rest_s: None,
    }
    .summary()
}

impl Dose {
    /// One-line summary for tables and previews: `2 × 8–10 reps, 12–20 s hold`.
    pub fn summary(&self) -> String {
        let sets = if self.sets == Range(1, 1) {
            String::new()
        } else {
            format!("{} × ", self.sets.label())
        };
        let side = if self.per_side { " per side" } else { "" };
        let reps = self.reps.map(|r| r.label()).unwrap_or_else(|| "?".into());
        let hold = self.hold_s.map(|h| h.label()).unwrap_or_else(|| "?".into());
        // "1 rep", "2 reps", "1–2 reps".
        let one = self.reps == Some(Range(1, 1));
        let (rep, cycle) = if one {
            ("rep", "cycle")
        } else {
            ("reps", "cycles")
        };
        match self.kind {
            DoseKind::Reps => format!("{sets}{reps} {rep}{side}"),
            DoseKind::Hold => format!("{sets}{hold} s hold{side}"),
            DoseKind::RepsWithHold => format!("{sets}{reps} {rep}{side}, {hold} s hold each"),
            DoseKind::Cycles => format!("{sets}{reps} slow {cycle}"),
            DoseKind::Duration => {
                let d = self.duration_s.unwrap_or(Range(0, 0));
                let label = if d.min().is_multiple_of(60) && d.max().is_multiple_of(60) {
                    format!("{} min", Range(d.min() / 60, d.max() / 60).label())
                } else {
                    format!("{} s", d.label())
                };
                format!("{sets}{label}{side}")
            }
        }
    }
}

impl Routine {
    /// The dose of one item: the routine's numbers where it gives them, the
    /// exercise's usual dose otherwise, and the routine's rest between sets.
    pub fn item_dose(&self, item: &RoutineItem, exercise: &Exercise) -> Dose {
        let base = &exercise.dose;
        Dose {
            kind: base.kind,
            per_side: base.per_side,
            sets: item.sets.unwrap_or(base.sets),
            reps: item.reps.or(base.reps),
            hold_s: item.hold_s.or(base.hold_s),
            duration_s: item.duration_s.or(base.duration_s),
            pace_s: base.pace_s,
            rest_s: item.rest_s.or(base.rest_s).or(Some(self.rest())),
        }
    }

    /// Rest between sets: the routine's own, else [`DEFAULT_REST_S`].
    pub fn rest(&self) -> Range {
        self.rest_s.unwrap_or(DEFAULT_REST_S)
    }

    /// Whether an item's dose is backcoach's own: its exercise's usual dose is
    /// ours and the routine does not give every number the exercise counts.
    pub fn item_dose_is_ours(&self, item: &RoutineItem, exercise: &Exercise) -> bool {
        if !exercise.ours.contains(&ExerciseOwn::Dose) {
            return false;
        }
        let given = match exercise.dose.kind {
            DoseKind::Reps | DoseKind::Cycles => item.reps.is_some(),
            DoseKind::Hold => item.hold_s.is_some(),
            DoseKind::RepsWithHold => item.reps.is_some() && item.hold_s.is_some(),
            DoseKind::Duration => item.duration_s.is_some(),
        };
        !(given && item.sets.is_some())
    }

    /// Frequency in words: `4–5 days a week`, plus the gap for intense work.
    pub fn frequency_label(&self) -> String {
        let mut s = format!("{} days a week", self.frequency.days_per_week.label());
        if let Some(t) = self.frequency.times_per_day {
            let times = match (t.min(), t.max()) {
                (1, 1) => "once a day".to_string(),
                (2, 2) => "twice a day".to_string(),
                _ => format!("{} times a day", t.label()),
            };
            s.push_str(&format!(", {times}"));
        }
        if let Some(h) = self.frequency.min_hours_between {
            s.push_str(&format!(", {h} h between sessions"));
        }
        s
    }
}
