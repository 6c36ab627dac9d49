//! What the session made of a discomfort rating, as the history keeps it.
//!
//! On disk a decision is a short sentence ("continued", "stopped: sharp
//! pain"), readable by a person and by a clinician in an export, and that is
//! kept exactly: each variant writes the words earlier versions wrote, and a
//! sentence this version does not know (written by an older or a newer one)
//! loads as [`RatingDecision::Other`] and is written back word for word, so
//! reading and saving a history file never changes it. Nothing decides on a
//! decision read back: it is a record of why, not an input.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What the session made of one rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum RatingDecision {
    /// No stop rule applied: the session went on. `continued`
    Continued,
    /// "Getting worse?" was answered no: the session went on.
    /// `continued: not getting worse`
    NotGettingWorse,
    /// "Getting worse?" was answered with `r`: the rating is kept as given
    /// and a new one follows. `kept: rated again with r`
    RatedAgain,
    /// Sharp pain reported with `s` (during the session, in a prompt or at
    /// the closing rating): the session stopped.
    /// `stopped: sharp pain reported with s`
    SharpReported,
    /// A stop rule stopped the session. `stopped: ` and the rule in words.
    Stopped {
        /// The rule that stopped it, in words ("discomfort rose from 3 to 5").
        rule: String,
    },
    /// The rating at the end of a completed session. `closing rating`
    Closing,
    /// A sentence this version does not know (from an older or a newer
    /// version), kept word for word.
    Other(String),
}

const CONTINUED: &str = "continued";
const NOT_GETTING_WORSE: &str = "continued: not getting worse";
const RATED_AGAIN: &str = "kept: rated again with r";
const SHARP_REPORTED: &str = "stopped: sharp pain reported with s";
const STOPPED: &str = "stopped: ";
const CLOSING: &str = "closing rating";

impl RatingDecision {
    /// A stop by the rule described in `rule`.
    pub fn stopped(rule: impl Into<String>) -> RatingDecision {
        RatingDecision::Stopped { rule: rule.into() }
    }
}

impl From<String> for RatingDecision {
    fn from(text: String) -> RatingDecision {
        match text.as_str() {
            CONTINUED => RatingDecision::Continued,
            NOT_GETTING_WORSE => RatingDecision::NotGettingWorse,
            RATED_AGAIN => RatingDecision::RatedAgain,
            SHARP_REPORTED => RatingDecision::SharpReported,
            CLOSING => RatingDecision::Closing,
            _ => match text.strip_prefix(STOPPED) {
                Some(rule) => RatingDecision::stopped(rule),
                None => RatingDecision::Other(text),
            },
        }
    }
}

impl From<RatingDecision> for String {
    fn from(decision: RatingDecision) -> String {
        match decision {
            RatingDecision::Other(text) => text,
            other => other.to_string(),
        }
    }
}

impl fmt::Display for RatingDecision {
    /// The words the history file and the export hold.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RatingDecision::Continued => f.write_str(CONTINUED),
            RatingDecision::NotGettingWorse => f.write_str(NOT_GETTING_WORSE),
            RatingDecision::RatedAgain => f.write_str(RATED_AGAIN),
            RatingDecision::SharpReported => f.write_str(SHARP_REPORTED),
            RatingDecision::Stopped { rule } => write!(f, "{STOPPED}{rule}"),
            RatingDecision::Closing => f.write_str(CLOSING),
            RatingDecision::Other(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_sentence_of_earlier_versions_is_its_variant() {
        let cases = [
            ("continued", RatingDecision::Continued),
            (
                "continued: not getting worse",
                RatingDecision::NotGettingWorse,
            ),
            ("kept: rated again with r", RatingDecision::RatedAgain),
            (
                "stopped: sharp pain reported with s",
                RatingDecision::SharpReported,
            ),
            ("stopped: sharp pain", RatingDecision::stopped("sharp pain")),
            (
                "stopped: discomfort rose from 3 to 5",
                RatingDecision::stopped("discomfort rose from 3 to 5"),
            ),
            ("closing rating", RatingDecision::Closing),
            (
                "rechecked: within your limit",
                RatingDecision::Other("rechecked: within your limit".into()),
            ),
        ];
        for (text, decision) in cases {
            assert_eq!(RatingDecision::from(text.to_string()), decision, "{text}");
            assert_eq!(String::from(decision), text);
        }
    }

    proptest! {
        /// Whatever a file holds is written back the same.
        #[test]
        fn any_sentence_reads_and_writes_back_unchanged(text in ".*") {
            prop_assert_eq!(String::from(RatingDecision::from(text.clone())), text);
        }

        #[test]
        fn any_stop_sentence_reads_and_writes_back_unchanged(rule in ".*") {
            let text = format!("stopped: {rule}");
            prop_assert_eq!(String::from(RatingDecision::from(text.clone())), text);
        }
    }
}
