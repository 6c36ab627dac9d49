//! The guides' stop rules, as one pure function.
//!
//! Mild discomfort is normal and should stay within 0–5 out of 10; sharp pain,
//! pain that shoots down a leg, numbness or tingling, or pain that increases
//! during an exercise means stop. Every decision names the rule that made it,
//! so the safety screen and the history can say why.

use crate::domain::DiscomfortKind;

/// The guides' acceptable discomfort: up to 5 out of 10. A profile may lower it.
pub const ACCEPTABLE_LIMIT: u8 = 5;
/// A rating this far above the check-in baseline asks "getting worse?".
pub const WORSE_THAN_BASELINE_BY: u8 = 2;

/// What to do after a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Keep going: no stop rule applies.
    Continue,
    /// Ask whether the pain is getting worse: yes stops, no continues.
    AskWorse,
    /// Stop the session for safety now.
    Stop,
}

/// The rule behind a decision, with the numbers that triggered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Nothing triggered: within the limit, no worrying kind, not rising.
    WithinLimit,
    /// Sharp, shooting down a leg, or numbness/tingling: stop whatever the number.
    StopKind(DiscomfortKind),
    /// Above the acceptable limit.
    AboveLimit {
        /// The rating, 0–10.
        value: u8,
        /// The limit applied: the profile's, at most the guides' 5.
        limit: u8,
    },
    /// Higher than the previous rating for the same exercise in this session.
    Increasing {
        /// The earlier rating for the same exercise.
        previous: u8,
        /// The new, higher rating.
        value: u8,
    },
    /// Two or more above the check-in baseline.
    AboveBaseline {
        /// The discomfort given at the check-in.
        baseline: u8,
        /// The rating now, two or more above it.
        value: u8,
    },
}

/// A decision and the rule that made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// What the session does next.
    pub action: Action,
    /// Why, for the safety screen and the history.
    pub rule: Rule,
}

/// What the rules need to know about a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingFacts {
    /// The discomfort just rated, 0–10.
    pub value: u8,
    /// What the discomfort feels like; some kinds stop the session at any number.
    pub kind: DiscomfortKind,
    /// The profile's limit; values above the guides' limit are ignored.
    pub limit: u8,
    /// The check-in discomfort before the session.
    pub baseline: Option<u8>,
    /// The previous rating given for the same exercise in this session.
    pub previous_same_exercise: Option<u8>,
}

/// Whether this kind of discomfort stops a session whatever its number.
pub fn kind_stops(kind: DiscomfortKind) -> bool {
    matches!(
        kind,
        DiscomfortKind::Sharp
            | DiscomfortKind::ShootingDownLeg
            | DiscomfortKind::NumbnessTingling
            | DiscomfortKind::NewOrUnusual
    )
}

/// The stop rules, in order of severity: the verdict on one rating.
pub fn judge(facts: RatingFacts) -> Verdict {
    let limit = facts.limit.min(ACCEPTABLE_LIMIT);
    let stop = |rule| Verdict {
        action: Action::Stop,
        rule,
    };
    if kind_stops(facts.kind) {
        return stop(Rule::StopKind(facts.kind));
    }
    if facts.value > limit {
        return stop(Rule::AboveLimit {
            value: facts.value,
            limit,
        });
    }
    if let Some(previous) = facts.previous_same_exercise
        && facts.value > previous
    {
        return stop(Rule::Increasing {
            previous,
            value: facts.value,
        });
    }
    if let Some(baseline) = facts.baseline
        && facts.value >= baseline.saturating_add(WORSE_THAN_BASELINE_BY)
    {
        return Verdict {
            action: Action::AskWorse,
            rule: Rule::AboveBaseline {
                baseline,
                value: facts.value,
            },
        };
    }
    Verdict {
        action: Action::Continue,
        rule: Rule::WithinLimit,
    }
}

impl Rule {
    /// The reason in plain words, for the safety screen and the history.
    pub fn describe(self) -> String {
        match self {
            Rule::WithinLimit => "within your limit".into(),
            Rule::StopKind(kind) => kind.reason().to_lowercase(),
            Rule::AboveLimit { value, limit } => {
                format!("discomfort {value}/10, above your limit of {limit}")
            }
            Rule::Increasing { previous, value } => {
                // The session adds where ("during Knee to chest, set 1 of 2").
                format!("discomfort rose from {previous} to {value}")
            }
            Rule::AboveBaseline { baseline, value } => {
                format!("discomfort {value}/10, up from {baseline} at check-in, and getting worse")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiscomfortKind::*;

    fn facts(value: u8, kind: DiscomfortKind) -> RatingFacts {
        RatingFacts {
            value,
            kind,
            limit: ACCEPTABLE_LIMIT,
            baseline: None,
            previous_same_exercise: None,
        }
    }

    /// (value, kind, limit, baseline, previous) -> (action, rule)
    type Row = (
        (u8, DiscomfortKind, u8, Option<u8>, Option<u8>),
        (Action, Rule),
    );

    #[test]
    fn table_of_rules() {
        use Action::*;
        let rows: &[Row] = &[
            ((0, DullAche, 5, None, None), (Continue, Rule::WithinLimit)),
            ((5, DullAche, 5, None, None), (Continue, Rule::WithinLimit)),
            (
                (6, DullAche, 5, None, None),
                (Stop, Rule::AboveLimit { value: 6, limit: 5 }),
            ),
            (
                (10, Stretch, 5, None, None),
                (
                    Stop,
                    Rule::AboveLimit {
                        value: 10,
                        limit: 5,
                    },
                ),
            ),
            // A profile may lower the limit...
            (
                (4, DullAche, 3, None, None),
                (Stop, Rule::AboveLimit { value: 4, limit: 3 }),
            ),
            ((3, DullAche, 3, None, None), (Continue, Rule::WithinLimit)),
            // ...but never raise it above the guides' 5.
            (
                (6, DullAche, 8, None, None),
                (Stop, Rule::AboveLimit { value: 6, limit: 5 }),
            ),
            // Kinds that stop whatever the number.
            ((0, Sharp, 5, None, None), (Stop, Rule::StopKind(Sharp))),
            (
                (1, ShootingDownLeg, 5, None, None),
                (Stop, Rule::StopKind(ShootingDownLeg)),
            ),
            (
                (2, NumbnessTingling, 5, None, None),
                (Stop, Rule::StopKind(NumbnessTingling)),
            ),
            ((2, Stretch, 5, None, None), (Continue, Rule::WithinLimit)),
            // Increasing during the same exercise.
            (
                (3, DullAche, 5, None, Some(2)),
                (
                    Stop,
                    Rule::Increasing {
                        previous: 2,
                        value: 3,
                    },
                ),
            ),
            (
                (2, DullAche, 5, None, Some(2)),
                (Continue, Rule::WithinLimit),
            ),
            (
                (1, DullAche, 5, None, Some(2)),
                (Continue, Rule::WithinLimit),
            ),
            // Two above baseline asks; one above does not.
            (
                (4, DullAche, 5, Some(2), None),
                (
                    AskWorse,
                    Rule::AboveBaseline {
                        baseline: 2,
                        value: 4,
                    },
                ),
            ),
            (
                (3, DullAche, 5, Some(2), None),
                (Continue, Rule::WithinLimit),
            ),
            (
                (5, DullAche, 5, Some(0), None),
                (
                    AskWorse,
                    Rule::AboveBaseline {
                        baseline: 0,
                        value: 5,
                    },
                ),
            ),
            // Above the limit wins over the baseline question.
            (
                (6, DullAche, 5, Some(1), None),
                (Stop, Rule::AboveLimit { value: 6, limit: 5 }),
            ),
            // Increasing wins over the baseline question.
            (
                (4, DullAche, 5, Some(1), Some(3)),
                (
                    Stop,
                    Rule::Increasing {
                        previous: 3,
                        value: 4,
                    },
                ),
            ),
        ];
        for &((value, kind, limit, baseline, previous), (action, rule)) in rows {
            let got = judge(RatingFacts {
                value,
                kind,
                limit,
                baseline,
                previous_same_exercise: previous,
            });
            assert_eq!(
                got,
                Verdict { action, rule },
                "value {value}, {kind:?}, limit {limit}, baseline {baseline:?}, previous {previous:?}"
            );
        }
    }

    #[test]
    fn reasons_read_as_plain_words() {
        assert_eq!(
            judge(facts(6, DullAche)).rule.describe(),
            "discomfort 6/10, above your limit of 5"
        );
        assert_eq!(judge(facts(1, Sharp)).rule.describe(), "sharp pain");
    }

    proptest::proptest! {
        #[test]
        fn a_stop_kind_never_continues(
            value in 0u8..=10,
            kind in proptest::sample::select(vec![Sharp, ShootingDownLeg, NumbnessTingling]),
            limit in 0u8..=10,
            baseline in proptest::option::of(0u8..=10),
            previous in proptest::option::of(0u8..=10),
        ) {
            let d = judge(RatingFacts { value, kind, limit, baseline, previous_same_exercise: previous });
            proptest::prop_assert_eq!(d.action, Action::Stop);
        }

        #[test]
        fn above_five_always_stops(
            value in 6u8..=10,
            kind in proptest::sample::select(DiscomfortKind::ALL.to_vec()),
            limit in 0u8..=10,
            baseline in proptest::option::of(0u8..=10),
            previous in proptest::option::of(0u8..=10),
        ) {
            let d = judge(RatingFacts { value, kind, limit, baseline, previous_same_exercise: previous });
            proptest::prop_assert_eq!(d.action, Action::Stop);
        }
    }
}
