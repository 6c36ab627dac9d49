//! Sentences the compact session screen (small terminals) and the line mode
//! both say, so a person hears and reads the same advice whichever way the
//! session is shown.

use crate::domain::{DiscomfortKind, SessionStatus};

/// The words the safety screen leads with; the user contract promises them.
pub const STOPPED_FOR_SAFETY: &str = "STOPPED FOR SAFETY";

/// What to do after a safety stop, one sentence a line, after the reason.
pub fn safety_advice(kind: Option<DiscomfortKind>) -> Vec<&'static str> {
    let mut lines = vec![
        "Stop exercising for today. This session is over and has been saved.",
        "Rest in a position that eases your back; gentle walking is fine if it does not hurt.",
        "See a healthcare professional if the pain is sharp, spreads down a leg, comes with numbness or tingling, or does not ease.",
    ];
    if matches!(
        kind,
        Some(
            DiscomfortKind::ShootingDownLeg
                | DiscomfortKind::NumbnessTingling
                | DiscomfortKind::NewOrUnusual
        )
    ) {
        lines.push(
            "Pain down a leg, numbness, tingling or new symptoms are signs to get checked soon.",
        );
    }
    lines.push(NOT_A_DIAGNOSIS);
    lines
}

/// The safety advice in two short lines, for a small terminal.
pub const SAFETY_ADVICE_SHORT: [&str; 2] = [
    "Stop for today; this session is saved.",
    "See a professional if the pain is sharp, spreads, numbs or lasts.",
];

/// Closes every screen about safety.
pub const NOT_A_DIAGNOSIS: &str = "backcoach gives general guidance, not a diagnosis.";

/// The end of a routine: its title and what it means, by the record's status.
pub fn ending(status: &SessionStatus) -> (&'static str, &'static str) {
    match status {
        SessionStatus::Completed => (
            "ROUTINE COMPLETE",
            "Well done. A little movement, done regularly, helps your back most.",
        ),
        SessionStatus::Skipped => (
            "NOTHING DONE TODAY",
            "Every exercise was skipped, so today does not count. Come back when you are ready.",
        ),
        _ => (
            "END OF ROUTINE, PARTLY DONE",
            "Less than half was done, so today counts as partial. What you did is saved.",
        ),
    }
}

/// After a closing rating above the comfortable range.
pub const ABOVE_RANGE: &str = "That is above the comfortable range. Rest today; if it does not ease, see a healthcare professional.";

/// The kinds of discomfort every rating prompt asks about, with the key
/// for each as shown: `Enter` for the dull ache, the kind's own key for
/// the others.
pub fn kind_keys() -> impl Iterator<Item = (String, DiscomfortKind)> {
    DiscomfortKind::ALL.into_iter().map(|kind| {
        let key = if kind == DiscomfortKind::DullAche {
            "Enter".to_string()
        } else {
            kind.key().to_string()
        };
        (key, kind)
    })
}
