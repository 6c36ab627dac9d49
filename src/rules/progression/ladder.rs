//! The dose ladder: every dose an exercise may be planned at in one
//! routine, from the starting dose to the routine's full dose, one increment
//! apart. Keeping the whole ladder (rather than computing "+2" on the fly)
//! makes "one increment", "step back one" and "never below the start" exact.

use crate::catalog::{Amount, Dose, DoseKind};
use crate::domain::ExerciseRecord;
use crate::profile::Experience;

use super::{HOLD_STEP_S, NEW_START_REPS, NEW_START_SETS, REP_STEP};

/// One rung of a dose ladder: the numbers a session runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rung {
    /// Rounds of the exercise; for held stretches and planks, the holds.
    pub sets: u32,
    /// Repetitions (or cycles) per set, per side; 0 when not counted.
    pub reps: u32,
    /// Seconds of the hold, or of each repetition's hold; 0 when none.
    pub hold_s: u32,
    /// Seconds of a timed-duration exercise; 0 when none.
    pub duration_s: u32,
}

impl Rung {
    /// Orders rungs the way the ladder climbs: total repetitions (sets when
    /// nothing is counted) first, then the hold or duration.
    pub(super) fn key(self) -> (u32, u32) {
        (
            self.sets.max(1).saturating_mul(self.reps.max(1)),
            self.hold_s.max(self.duration_s),
        )
    }

    /// The dose of a history record in the ladder's terms.
    pub fn of_record(record: &ExerciseRecord) -> (u32, u32) {
        (
            record
                .sets_planned
                .max(1)
                .saturating_mul(record.target_reps.max(1)),
            record.target_hold_s,
        )
    }
}

pub(super) fn counts_reps(kind: DoseKind) -> bool {
    matches!(kind, DoseKind::Reps | DoseKind::RepsWithHold)
}

pub(super) fn counts_hold(kind: DoseKind) -> bool {
    matches!(kind, DoseKind::Hold | DoseKind::RepsWithHold)
}

/// Every dose an exercise may be planned at in one routine, from the starting
/// dose to the routine's full dose, one increment apart.
///
/// Keeping the whole ladder (rather than computing "+2" on the fly) makes
/// "one increment", "step back one" and "never below the start" exact, and
/// lets tests check that no plan ever jumps two rungs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ladder {
    kind: DoseKind,
    steps: Vec<Rung>,
}

impl Ladder {
    /// The ladder for one routine item: `dose` is the item's resolved dose
    /// ([`crate::catalog::Routine::item_dose`]), `start` the exercise's starting
    /// amount from the guides.
    pub fn for_item(dose: &Dose, start: Option<&Amount>, experience: Experience) -> Ladder {
        let kind = dose.kind;
        let base = Rung {
            sets: dose.sets.min().max(1),
            reps: dose.reps.map(|r| r.min()).unwrap_or(0),
            hold_s: dose.hold_s.map(|r| r.min()).unwrap_or(0),
            duration_s: dose.duration_s.map(|r| r.min()).unwrap_or(0),
        };
        if matches!(kind, DoseKind::Cycles | DoseKind::Duration) {
            return Ladder::new(kind, base, base);
        }
        let cap = Rung {
            sets: dose.sets.max(),
            reps: dose.reps.map(|r| r.max()).unwrap_or(0),
            hold_s: dose.hold_s.map(|r| r.max()).unwrap_or(0),
            duration_s: base.duration_s,
        };
        let floor = match experience {
            Experience::Regular => base,
            Experience::New | Experience::Returning => {
                let start = start.cloned().unwrap_or_default();
                Rung {
                    sets: start.sets.unwrap_or(NEW_START_SETS).min(base.sets).max(1),
                    reps: if counts_reps(kind) {
                        start.reps.unwrap_or(NEW_START_REPS).min(base.reps)
                    } else {
                        base.reps
                    },
                    hold_s: if counts_hold(kind) {
                        start.hold_s.unwrap_or(base.hold_s).min(base.hold_s)
                    } else {
                        base.hold_s
                    },
                    duration_s: base.duration_s,
                }
            }
        };
        Ladder::new(kind, floor, cap)
    }

    /// A ladder between two doses, for kinds and numbers of one's own choosing.
    ///
    /// A cap below the floor in any number is raised to the floor, so the
    /// ladder always has at least one rung.
    pub fn new(kind: DoseKind, floor: Rung, cap: Rung) -> Ladder {
        let cap = Rung {
            sets: cap.sets.max(floor.sets),
            reps: cap.reps.max(floor.reps),
            hold_s: cap.hold_s.max(floor.hold_s),
            duration_s: cap.duration_s.max(floor.duration_s),
        };
        let reps_grow = counts_reps(kind);
        let hold_grows = counts_hold(kind);
        let mut steps = vec![floor];
        let mut cur = floor;
        loop {
            let next = if reps_grow && cur.reps < cap.reps {
                Rung {
                    reps: cur.reps.saturating_add(REP_STEP).min(cap.reps),
                    ..cur
                }
            } else if !matches!(kind, DoseKind::Cycles | DoseKind::Duration) && cur.sets < cap.sets
            {
                let sets = cur.sets + 1;
                let reps = if reps_grow {
                    let total = cur.sets.saturating_mul(cur.reps).saturating_add(REP_STEP);
                    total.div_ceil(sets).max(floor.reps).min(cap.reps)
                } else {
                    cur.reps
                };
                Rung { sets, reps, ..cur }
            } else if hold_grows && cur.hold_s < cap.hold_s {
                Rung {
                    hold_s: cur.hold_s.saturating_add(HOLD_STEP_S).min(cap.hold_s),
                    ..cur
                }
            } else {
                break;
            };
            steps.push(next);
            cur = next;
        }
        Ladder { kind, steps }
    }

    /// The dose kind the ladder was built for.
    pub fn kind(&self) -> DoseKind {
        self.kind
    }

    /// Every rung, floor first.
    pub fn steps(&self) -> &[Rung] {
        &self.steps
    }

    /// The starting dose: a step back never goes below it.
    pub fn floor(&self) -> Rung {
        self.steps[0]
    }

    /// The routine's full dose: no increase goes past it.
    pub fn cap(&self) -> Rung {
        self.steps[self.top()]
    }

    /// Index of the cap.
    pub fn top(&self) -> usize {
        self.steps.len() - 1
    }

    /// The highest rung at or below a history record's dose, so a dose done in
    /// another routine (or before the catalog changed) still places the user.
    pub fn position(&self, record: &ExerciseRecord) -> usize {
        let key = Rung::of_record(record);
        self.steps.iter().rposition(|s| s.key() <= key).unwrap_or(0)
    }

    /// The one number that differs between two rungs, in a few words: used for
    /// "back to …" reasons.
    pub(super) fn dose_words(&self, from: Rung, to: Rung) -> String {
        if to.sets != from.sets {
            let sets = plural(to.sets, "set", "sets");
            if counts_reps(self.kind) {
                format!("{sets} of {}", to.reps)
            } else {
                sets
            }
        } else if to.reps != from.reps {
            plural(to.reps, "rep", "reps")
        } else {
            format!("{} s holds", to.hold_s)
        }
    }

    /// What an increase adds, in a few words: "+2 reps", "+1 set (2 × 6)".
    pub(super) fn increase_words(&self, from: Rung, to: Rung) -> String {
        if to.sets > from.sets {
            if counts_reps(self.kind) {
                format!("+1 set ({} × {})", to.sets, to.reps)
            } else {
                format!("+1 set ({} sets)", to.sets)
            }
        } else if to.reps > from.reps {
            format!("+{}", plural(to.reps - from.reps, "rep", "reps"))
        } else {
            format!("+{} s hold", to.hold_s.saturating_sub(from.hold_s))
        }
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
