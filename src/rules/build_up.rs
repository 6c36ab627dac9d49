//! Where an exercise starts and what it builds up to, in words.
//!
//! Both ends are read from the progression's [`Ladder`], the same one today's
//! plan climbs, so `show`, the exercise browser and the plan preview can never
//! promise a dose the session will not reach.

use crate::catalog::{Dose, DoseKind, Exercise, Routine, RoutineItem, amount_summary};
use crate::profile::Experience;
use crate::rules::progression::{Ladder, Rung};

/// The ends of one dose's ladder: where someone new or returning starts, where
/// a regular exerciser starts, and the full dose both build up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildUp {
    kind: DoseKind,
    per_side: bool,
    /// The floor for someone new or returning after a back issue.
    pub start_new: Rung,
    /// The floor for someone who already exercises regularly.
    pub start_regular: Rung,
    /// The cap: the full dose, the same for everyone.
    pub build_to: Rung,
}

impl BuildUp {
    /// The ladder's ends for `dose`, a dose of `exercise` (its usual one, or a
    /// routine item's).
    pub fn of_dose(dose: &Dose, exercise: &Exercise) -> BuildUp {
        let start = exercise.start.as_ref();
        let new = Ladder::for_item(dose, start, Experience::New);
        let regular = Ladder::for_item(dose, start, Experience::Regular);
        BuildUp {
            kind: dose.kind,
            per_side: dose.per_side,
            start_new: new.floor(),
            start_regular: regular.floor(),
            build_to: new.cap(),
        }
    }

    /// The exercise on its own, at its usual dose.
    pub fn of_exercise(exercise: &Exercise) -> BuildUp {
        BuildUp::of_dose(&exercise.dose, exercise)
    }

    /// One item of a routine, at the routine's dose.
    pub fn of_item(routine: &Routine, item: &RoutineItem, exercise: &Exercise) -> BuildUp {
        BuildUp::of_dose(&routine.item_dose(item, exercise), exercise)
    }

    /// Whether the dose grows at all for someone new or returning.
    pub fn grows(&self) -> bool {
        self.start_new != self.build_to
    }

    /// One rung in words, as the preview words today's dose.
    pub fn label(&self, step: Rung) -> String {
        amount_summary(
            self.kind,
            self.per_side,
            step.sets,
            step.reps,
            step.hold_s,
            step.duration_s,
        )
    }

    /// The starting dose in words, one line per kind of exerciser when they
    /// differ: `["5 reps (new or returning)", "2 × 8 reps (regular exercise)"]`.
    pub fn start_lines(&self) -> Vec<String> {
        if self.start_new == self.start_regular {
            vec![self.label(self.start_new)]
        } else {
            vec![
                format!("{} (new or returning)", self.label(self.start_new)),
                format!("{} (exercising regularly)", self.label(self.start_regular)),
            ]
        }
    }

    /// The full dose in words, saying so when the dose does not grow.
    pub fn build_to_words(&self) -> String {
        let top = self.label(self.build_to);
        if self.grows() || self.start_regular != self.build_to {
            return top;
        }
        match self.kind {
            DoseKind::Cycles => format!("{top}; slow cycles stay the same"),
            DoseKind::Duration => format!("{top}; timed moves stay the same"),
            _ => format!("{top}; the dose stays the same"),
        }
    }

    /// For someone new or returning: `start → full dose`, or the one dose
    /// `each time` when it does not grow.
    pub fn span_words(&self) -> String {
        if self.grows() {
            format!(
                "{} → {}",
                self.label(self.start_new),
                self.label(self.build_to)
            )
        } else {
            format!("{} each time", self.label(self.start_new))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;

    #[test]
    fn the_build_up_is_the_ladder_s_ends() {
        let c = builtin().expect("catalog");
        for e in &c.exercises {
            let b = BuildUp::of_exercise(e);
            let new = Ladder::for_item(&e.dose, e.start.as_ref(), Experience::New);
            let regular = Ladder::for_item(&e.dose, e.start.as_ref(), Experience::Regular);
            assert_eq!(b.start_new, new.floor(), "{}", e.id);
            assert_eq!(b.start_regular, regular.floor(), "{}", e.id);
            assert_eq!(b.build_to, new.cap(), "{}", e.id);
            assert_eq!(b.build_to, regular.cap(), "{}", e.id);
        }
    }

    #[test]
    fn words() {
        let c = builtin().expect("catalog");
        let daily = c.routine("daily").expect("daily");
        let of = |id: &str| {
            let item = daily.items.iter().find(|i| i.exercise == id).expect("item");
            BuildUp::of_item(daily, item, c.exercise(id).expect("exercise"))
        };
        assert_eq!(
            of("knee-to-chest").span_words(),
            "2 reps per side, 5 s hold each → 2 reps per side, 30 s hold each"
        );
        assert_eq!(of("cat-cow").span_words(), "5 slow cycles each time");
        assert_eq!(
            of("cat-cow").build_to_words(),
            "5 slow cycles; slow cycles stay the same"
        );
        assert_eq!(
            of("superman").start_lines(),
            [
                "5 reps, 2 s hold each (new or returning)",
                "6 reps, 2 s hold each (exercising regularly)"
            ]
        );
    }
}
