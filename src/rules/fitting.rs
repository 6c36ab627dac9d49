//! Fitting a routine to today: a catalog routine fitted to the user's profile and history.
//!
//! The coach leaves out what a condition should avoid or the user has no
//! equipment for (swapping in the catalog's safer alternative where one fits),
//! sets every dose from the progression ladder, and keeps intense strength
//! routines 48 hours apart. Every change carries a reason the preview shows,
//! because a plan that silently differs from the routine would not be trusted.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::catalog::{Catalog, Equipment, Exercise, Routine, RoutineItem, SpineLoad};
use crate::domain::History;
use crate::domain::dates::short_date;
use crate::plan::{Plan, PlannedExercise};
use crate::profile::{Condition, Experience, Profile};
use crate::rules::progression::{self, Change, Ladder, Past, Rung};
use crate::rules::recovery;

/// How far the coach follows "alternative of the alternative" when looking for
/// a swap: far enough for barbell row → dumbbell row → band row, short enough
/// that a loop in a user's catalog cannot hang it.
const MAX_ALTERNATIVE_DEPTH: usize = 4;

/// A plan ready for the preview, with what the home screen needs around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// What the preview shows and the session runs, reasons included.
    pub plan: Plan,
    /// For intense or spaced routines done too recently: the earliest time the
    /// next one should start. `None` when it may start now.
    pub not_before: Option<Timestamp>,
    /// Suggestions the user may act on (a harder variation); never applied by
    /// the coach itself.
    pub suggestions: Vec<String>,
}

/// The spine loading a condition should avoid, as guide 000 advises: deep
/// forward bending with a herniated disc, strong backward bending with
/// spinal stenosis. (A natural method on `Condition`; kept here as a free
/// function while the profile module belongs to someone else.)
pub fn avoided_load(condition: Condition) -> SpineLoad {
    match condition {
        Condition::HerniatedDisc => SpineLoad::DeepFlexion,
        Condition::SpinalStenosis => SpineLoad::Extension,
    }
}

/// Why an exercise does not suit this profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsuitable {
    /// The profile's condition says to avoid this exercise's spine loading.
    Condition(Condition),
    /// Equipment the profile does not list.
    Equipment(Vec<Equipment>),
}

impl Unsuitable {
    /// In a few plain words: "spinal stenosis", "no resistance band".
    pub fn describe(&self) -> String {
        match self {
            Unsuitable::Condition(c) => c.label().to_string(),
            Unsuitable::Equipment(items) => {
                let names: Vec<&str> = items.iter().map(|e| e.label()).collect();
                format!("no {}", names.join(" or "))
            }
        }
    }
}

fn describe_all(why: &[Unsuitable]) -> String {
    why.iter()
        .map(Unsuitable::describe)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Everything that keeps this exercise out of this profile's plan; empty when
/// it fits. Conditions come first: they are about safety, equipment is not.
pub fn unsuitable(exercise: &Exercise, profile: &Profile) -> Vec<Unsuitable> {
    let mut why: Vec<Unsuitable> = profile
        .conditions
        .iter()
        .filter(|c| exercise.loading.contains(&avoided_load(**c)))
        .map(|c| Unsuitable::Condition(*c))
        .collect();
    let missing: Vec<Equipment> = exercise
        .equipment
        .iter()
        .copied()
        .filter(|e| !profile.has(*e))
        .collect();
    if !missing.is_empty() {
        why.push(Unsuitable::Equipment(missing));
    }
    why
}

/// The first exercise down the alternative chain that fits the profile and is
/// not already in the plan.
fn find_alternative<'c>(
    catalog: &'c Catalog,
    exercise: &Exercise,
    profile: &Profile,
    taken: &[String],
) -> Option<&'c Exercise> {
    let mut seen = vec![exercise.id.clone()];
    let mut next = exercise.alternative.as_deref();
    for _ in 0..MAX_ALTERNATIVE_DEPTH {
        let alt = catalog.exercise(next?)?;
        if seen.contains(&alt.id) {
            return None;
        }
        if unsuitable(alt, profile).is_empty() && !taken.contains(&alt.id) {
            return Some(alt);
        }
        seen.push(alt.id.clone());
        next = alt.alternative.as_deref();
    }
    None
}

/// The routine with every unsuitable item swapped or left out, each change
/// explained. The swapped exercise keeps the routine's numbers only when it is
/// the same kind of exercise; otherwise it takes its own usual dose.
fn fit_items(
    catalog: &Catalog,
    routine: &Routine,
    profile: &Profile,
    past: &Past<'_>,
    notes: &mut Vec<String>,
) -> Vec<(RoutineItem, Option<String>)> {
    let mut taken: Vec<String> = routine
        .items
        .iter()
        .filter(|i| {
            catalog
                .exercise(&i.exercise)
                .is_some_and(|e| unsuitable(e, profile).is_empty())
        })
        .map(|i| i.exercise.clone())
        .collect();
    let mut items = Vec::new();
    for item in &routine.items {
        let Some(exercise) = catalog.exercise(&item.exercise) else {
            notes.push(format!("{} left out: not in the catalog", item.exercise));
            continue;
        };
        if let Some(switched) = switch_if_worse(catalog, exercise, profile, past, &taken, notes) {
            let (alt, reason) = switched;
            taken.push(alt.id.clone());
            items.push((swapped_item(item, exercise, alt), Some(reason)));
            continue;
        }
        let why = unsuitable(exercise, profile);
        if why.is_empty() {
            items.push((item.clone(), None));
            continue;
        }
        let why = describe_all(&why);
        match find_alternative(catalog, exercise, profile, &taken) {
            Some(alt) => {
                let reason = format!("{} instead of {}: {why}", alt.name, exercise.name);
                notes.push(reason.clone());
                taken.push(alt.id.clone());
                items.push((swapped_item(item, exercise, alt), Some(reason)));
            }
            None => notes.push(format!("{} left out: {why}", exercise.name)),
        }
    }
    items
}

/// `item` with `alt` in place of `exercise`: the routine's numbers are kept
/// only when both are the same kind of exercise; otherwise `alt` takes its
/// own usual dose.
fn swapped_item(item: &RoutineItem, exercise: &Exercise, alt: &Exercise) -> RoutineItem {
    let mut swapped = item.clone();
    swapped.exercise = alt.id.clone();
    swapped.note = None;
    if alt.dose.kind != exercise.dose.kind {
        swapped.sets = None;
        swapped.reps = None;
        swapped.hold_s = None;
        swapped.duration_s = None;
    }
    swapped
}

/// Guide 004: an exercise that made pain worse is not persisted with. When
/// the catalog names what to switch to (`switch_if_worse`) and the history
/// shows it aggravated pain, the switch is made for good: the replacement and
/// the reason for the preview. The guide's full advice is added to the notes
/// until a session has done the replacement.
fn switch_if_worse<'c>(
    catalog: &'c Catalog,
    exercise: &Exercise,
    profile: &Profile,
    past: &Past<'_>,
    taken: &[String],
    notes: &mut Vec<String>,
) -> Option<(&'c Exercise, String)> {
    let alt = catalog.exercise(exercise.switch_if_worse.as_deref()?)?;
    let (date, trouble) = past.aggravation(exercise, profile.effective_limit())?;
    if !unsuitable(alt, profile).is_empty() || taken.contains(&alt.id) {
        return None;
    }
    let reason = format!(
        "{} instead of {}: it made your pain worse ({})",
        alt.name,
        exercise.name,
        trouble.describe(date)
    );
    if !past.done_after(date, &alt.id) {
        notes.push(format!(
            "The {} made your pain worse on {}. The guides advise not to keep on with it when it does: \
             from now on the {}, which puts much less load on the spine, takes its place. \
             Please talk to a healthcare professional about that pain.",
            exercise.name.to_lowercase(),
            short_date(date),
            alt.name.to_lowercase()
        ));
    }
    Some((alt, reason))
}

/// The planned exercise's dose with a ladder rung's numbers.
fn with_step(planned: &PlannedExercise, step: Rung) -> PlannedExercise {
    PlannedExercise {
        sets: step.sets,
        reps: step.reps,
        hold_s: step.hold_s,
        duration_s: step.duration_s,
        reasons: Vec::new(),
        ..planned.clone()
    }
}

/// The numbers of a planned exercise as a ladder rung.
fn step_of(planned: &PlannedExercise) -> Rung {
    Rung {
        sets: planned.sets,
        reps: planned.reps,
        hold_s: planned.hold_s,
        duration_s: planned.duration_s,
    }
}

/// A harder variation to suggest: the first one down the `harder` chain the
/// profile's conditions allow, preferring one the user has the equipment for.
fn harder_suggestion(
    catalog: &Catalog,
    exercise: &Exercise,
    harder_id: &str,
    profile: &Profile,
) -> Option<String> {
    let mut chain = Vec::new();
    let mut next = Some(harder_id);
    while let Some(id) = next {
        let Some(h) = catalog.exercise(id) else { break };
        if chain.len() >= MAX_ALTERNATIVE_DEPTH || h.id == exercise.id || chain.contains(&h) {
            break;
        }
        chain.push(h);
        next = h.harder.as_deref();
    }
    let safe: Vec<&Exercise> = chain
        .into_iter()
        .filter(|h| {
            !unsuitable(h, profile)
                .iter()
                .any(|u| matches!(u, Unsuitable::Condition(_)))
        })
        .collect();
    let first = safe.first()?;
    let lead = format!(
        "{}: two weeks at the full dose without trouble. When you feel ready,",
        exercise.name
    );
    let tail = "(the coach will not switch by itself)";
    let missing = unsuitable(first, profile);
    if missing.is_empty() {
        return Some(format!("{lead} try the {} {tail}.", first.name));
    }
    let needs = describe_all(&missing);
    match safe.iter().find(|h| unsuitable(h, profile).is_empty()) {
        Some(doable) => Some(format!(
            "{lead} try the {} ({}: {needs}) {tail}.",
            doable.name, first.name
        )),
        None => Some(format!("{lead} try the {} ({needs}) {tail}.", first.name)),
    }
}

/// Today's plan for `routine`, fitted to `profile` and the `history`.
///
/// `now` and `tz` fix "today" for the every-few-days rule and the 48-hour gate;
/// nothing here reads a clock, so the same inputs always give the same plan.
pub fn build(
    catalog: &Catalog,
    routine: &Routine,
    profile: &Profile,
    history: &History,
    now: Timestamp,
    tz: &TimeZone,
) -> Planned {
    let today = now.to_zoned(tz.clone()).date();
    let past = Past::new(&history.sessions, &history.checkins, now);
    let limit = profile.effective_limit();
    let mut notes = Vec::new();
    let items = fit_items(catalog, routine, profile, &past, &mut notes);
    let fitted = Routine {
        items: items.iter().map(|(item, _)| item.clone()).collect(),
        ..routine.clone()
    };
    let mut plan = Plan::base(catalog, &fitted);
    if let Some(hold) = past.hold_reason(limit) {
        notes.push(capitalise(&hold));
    }
    plan.notes = notes;
    let mut suggestions = Vec::new();
    for (planned, (item, swap)) in plan.exercises.iter_mut().zip(&items) {
        let Some(exercise) = catalog.exercise(&item.exercise) else {
            continue;
        };
        let dose = fitted.item_dose(item, exercise);
        let ladder = Ladder::for_item(&dose, exercise.start.as_ref(), profile.experience);
        let decision = progression::decide(&ladder, exercise, &past, limit, today);
        let full = with_step(planned, ladder.cap());
        let mut reasons: Vec<String> = swap.iter().cloned().collect();
        match &decision.change {
            Change::Start
                if profile.experience != Experience::Regular
                    && ladder.floor() != step_of(planned) =>
            {
                reasons.push(format!(
                    "starting dose: builds up toward {} while it feels fine",
                    full.dose_label()
                ));
            }
            change => reasons.extend(change.reason().map(str::to_string)),
        }
        *planned = PlannedExercise {
            reasons,
            ..with_step(planned, decision.step)
        };
        if let Some(harder) = &decision.suggest_harder
            && let Some(text) = harder_suggestion(catalog, exercise, harder, profile)
        {
            suggestions.push(text);
        }
    }
    let not_before = recovery::next_allowed(routine, &history.sessions, now).filter(|at| *at > now);
    Planned {
        plan,
        not_before,
        suggestions,
    }
}

/// A gate time as the home screen shows it: "Wed 18 Nov, 18:30".
pub fn when_label(at: Timestamp, tz: &TimeZone) -> String {
    at.to_zoned(tz.clone())
        .strftime("%a %-d %b, %H:%M")
        .to_string()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
