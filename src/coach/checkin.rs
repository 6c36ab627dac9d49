//! The check-in before every session, as a pure question flow.
//!
//! Which questions to ask depends on the history: after a safety stop, ask
//! whether that pain has eased; after any session, compare with how it ended;
//! always the discomfort now (the session's baseline); once a day the guides'
//! warning signs. Some answers mean no exercise today, with the reason.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::{CheckIn, Compared, RatingMoment, SessionRecord, SessionStatus, WarningSign};
use crate::rules::safety::ACCEPTABLE_LIMIT;

/// What the check-in knows before it starts.
#[derive(Debug, Clone)]
pub struct CheckInContext {
    /// The day the check-in is saved under (the local date once the history is read).
    pub today: Date,
    /// When the check-in started; saved as the record's time.
    pub now: Timestamp,
    /// The most recent session, if any.
    pub last_session: Option<SessionRecord>,
    /// Whether the warning signs were already asked today.
    pub warning_signs_asked_today: bool,
    /// Whether a check-in since the last safety stop already said the pain eased.
    pub stop_cleared: bool,
    /// The profile's acceptable discomfort.
    pub limit: u8,
}

/// The question on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// After a safety stop: has that pain eased? (`y`/`n`)
    StopEased {
        /// The day of the stopped session.
        date: Date,
        /// Why it was stopped, as saved in the history.
        reason: String,
    },
    /// Compared to the end of the last session: better, same or worse.
    SinceLast {
        /// The day of the last session.
        date: Date,
        /// Its closing rating, else its last one (0–10); none if it had no ratings.
        ended_at: Option<u8>,
    },
    /// Discomfort right now, 0–10.
    Baseline {
        /// The digits typed so far (at most 10).
        typed: String,
    },
    /// The warning signs, each marked or not.
    WarningSigns {
        /// The signs marked so far, in the order they are listed.
        marked: Vec<WarningSign>,
    },
}

/// Why there is no session today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    /// The pain that stopped the last session has not eased.
    StopNotEased {
        /// Why the last session was stopped, as saved in the history.
        reason: String,
    },
    /// One or more of the guides' warning signs.
    WarningSigns(Vec<WarningSign>),
    /// Discomfort already above the acceptable range before starting.
    TooMuchPainNow {
        /// The discomfort given now, 0–10.
        value: u8,
        /// The limit applied: the profile's, at most the guides' 5.
        limit: u8,
    },
}

impl Blocked {
    /// The advice, in plain words.
    pub fn advice(&self) -> Vec<String> {
        match self {
            Blocked::StopNotEased { reason } => vec![
                format!("Your last session was stopped for safety ({reason}), and that pain has not eased."),
                "Please do not exercise today. Rest, and move gently only as far as it is comfortable.".into(),
                "If the pain does not ease, is sharp, or spreads down a leg, see a healthcare professional.".into(),
            ],
            Blocked::WarningSigns(signs) => {
                let mut lines = vec!["You reported:".to_string()];
                lines.extend(signs.iter().map(|s| format!("  • {}", s.question().trim_end_matches('?'))));
                lines.push(
                    "These are signs the guides say to get checked. Please do not exercise today, and see a healthcare professional."
                        .into(),
                );
                lines
            }
            Blocked::TooMuchPainNow { value, limit } => vec![
                format!("Your discomfort is {value}/10 before starting, above the comfortable range of 0–{limit}."),
                "Please do not exercise today. Rest, and see a healthcare professional if it does not ease.".into(),
            ],
        }
    }
}

/// Where the flow is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Waiting for the answer to this question.
    Asking(Question),
    /// No session today.
    Blocked(Blocked),
    /// Done: the check-in to save and the baseline to start from.
    Done(CheckIn),
}

/// The check-in as it goes.
#[derive(Debug, Clone)]
pub struct CheckInFlow {
    ctx: CheckInContext,
    record: CheckIn,
    state: State,
}

/// A key as the check-in understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A typed character: a digit of the rating, a letter answer or a warning sign's number.
    Char(char),
    /// Confirms the rating or the marked warning signs; answers "same" about the last session.
    Enter,
    /// Deletes the last digit of the rating being typed.
    Backspace,
}

impl CheckInFlow {
    /// Starts the flow. The first question is always the discomfort now, so
    /// the screen can be drawn before the history is read ([`Self::set_history`]).
    pub fn new(ctx: CheckInContext) -> CheckInFlow {
        let record = CheckIn {
            at: ctx.now,
            date: ctx.today,
            baseline: 0,
            asked_warning_signs: false,
            warning_signs: Vec::new(),
            since_last: None,
            stop_pain_eased: None,
            lingering: false,
        };
        CheckInFlow {
            state: State::Asking(Question::Baseline {
                typed: String::new(),
            }),
            ctx,
            record,
        }
    }

    /// Fills in what the history says, read after the first frame; the
    /// questions after the baseline depend on it.
    pub fn set_history(
        &mut self,
        today: Date,
        last_session: Option<SessionRecord>,
        warning_signs_asked_today: bool,
        stop_cleared: bool,
    ) {
        self.ctx.today = today;
        self.record.date = today;
        self.ctx.last_session = last_session;
        self.ctx.warning_signs_asked_today = warning_signs_asked_today;
        self.ctx.stop_cleared = stop_cleared;
    }

    /// The current state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The context it was started with.
    pub fn context(&self) -> &CheckInContext {
        &self.ctx
    }

    /// The check-in record so far (saved even when blocked).
    pub fn record(&self) -> &CheckIn {
        &self.record
    }

    /// The question after the baseline: the last session first (a safety
    /// stop, or how it ended), then the warning signs once a day.
    fn after_baseline(&self) -> State {
        if let Some(last) = &self.ctx.last_session {
            if let SessionStatus::StoppedForSafety { reason } = &last.status
                && !self.ctx.stop_cleared
            {
                return State::Asking(Question::StopEased {
                    date: last.date,
                    reason: reason.clone(),
                });
            }
            if self.record.since_last.is_none() {
                return State::Asking(Question::SinceLast {
                    date: last.date,
                    ended_at: ended_at(last),
                });
            }
        }
        self.warning_signs_or_done()
    }

    fn warning_signs_or_done(&self) -> State {
        if self.ctx.warning_signs_asked_today {
            State::Done(self.record.clone())
        } else {
            State::Asking(Question::WarningSigns { marked: Vec::new() })
        }
    }

    /// Handles one key.
    pub fn answer(&mut self, key: Answer) {
        let State::Asking(question) = self.state.clone() else {
            return;
        };
        match question {
            Question::StopEased { reason, .. } => match key {
                Answer::Char('y' | 'Y') => {
                    self.record.stop_pain_eased = Some(true);
                    self.state = self.warning_signs_or_done();
                }
                Answer::Char('n' | 'N') => {
                    self.record.stop_pain_eased = Some(false);
                    self.state = State::Blocked(Blocked::StopNotEased { reason });
                }
                _ => {}
            },
            Question::SinceLast { .. } => {
                let compared = match key {
                    Answer::Char('b' | 'B') => Some(Compared::Better),
                    Answer::Char('s' | 'S') | Answer::Enter => Some(Compared::Same),
                    Answer::Char('w' | 'W') => Some(Compared::Worse),
                    _ => None,
                };
                if let Some(compared) = compared {
                    self.record.since_last = Some(compared);
                    self.record.lingering =
                        compared == Compared::Worse && self.last_ended_near_limit();
                    self.state = self.warning_signs_or_done();
                }
            }
            Question::Baseline { mut typed } => match key {
                Answer::Char(c @ '0'..='9') => {
                    let candidate = if typed == "0" {
                        c.to_string()
                    } else {
                        format!("{typed}{c}")
                    };
                    if candidate.parse::<u8>().is_ok_and(|v| v <= 10) {
                        typed = candidate;
                    }
                    self.state = State::Asking(Question::Baseline { typed });
                }
                Answer::Backspace => {
                    typed.pop();
                    self.state = State::Asking(Question::Baseline { typed });
                }
                Answer::Enter => {
                    let Ok(value) = typed.parse::<u8>() else {
                        return;
                    };
                    self.record.baseline = value;
                    let limit = self.ctx.limit.min(ACCEPTABLE_LIMIT);
                    if value > limit {
                        self.state = State::Blocked(Blocked::TooMuchPainNow { value, limit });
                    } else {
                        self.state = self.after_baseline();
                    }
                }
                _ => {}
            },
            Question::WarningSigns { mut marked } => match key {
                Answer::Char(c @ '1'..='4') => {
                    let sign = WarningSign::ALL[(c as u8 - b'1') as usize];
                    if let Some(i) = marked.iter().position(|s| *s == sign) {
                        marked.remove(i);
                    } else {
                        marked.push(sign);
                    }
                    marked.sort_by_key(|s| WarningSign::ALL.iter().position(|a| a == s));
                    self.state = State::Asking(Question::WarningSigns { marked });
                }
                Answer::Enter => {
                    self.record.asked_warning_signs = true;
                    self.record.warning_signs = marked.clone();
                    self.state = if marked.is_empty() {
                        State::Done(self.record.clone())
                    } else {
                        State::Blocked(Blocked::WarningSigns(marked))
                    };
                }
                _ => {}
            },
        }
    }

    /// Whether the last session ended at or one below the limit: a "worse"
    /// after it counts as lingering pain.
    fn last_ended_near_limit(&self) -> bool {
        let limit = self.ctx.limit.min(ACCEPTABLE_LIMIT);
        self.ctx
            .last_session
            .as_ref()
            .and_then(highest_rating)
            .is_some_and(|v| v + 1 >= limit)
    }
}

/// How the last session ended: its closing rating, or its last rating.
fn ended_at(session: &SessionRecord) -> Option<u8> {
    session
        .ratings
        .iter()
        .rev()
        .find(|r| r.moment == RatingMoment::Closing)
        .or_else(|| session.ratings.last())
        .map(|r| r.value)
}

fn highest_rating(session: &SessionRecord) -> Option<u8> {
    session.ratings.iter().map(|r| r.value).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DiscomfortKind, Rating};

    fn ctx(last: Option<SessionRecord>, asked: bool) -> CheckInContext {
        CheckInContext {
            today: Date::constant(2026, 11, 22),
            now: Timestamp::UNIX_EPOCH,
            last_session: last,
            warning_signs_asked_today: asked,
            stop_cleared: false,
            limit: 5,
        }
    }

    fn session(status: SessionStatus, ratings: &[u8]) -> SessionRecord {
        SessionRecord {
            id: "x".into(),
            routine_id: "daily".into(),
            routine_name: "Daily".into(),
            date: Date::constant(2026, 11, 20),
            started: Timestamp::UNIX_EPOCH,
            ended: None,
            active_s: 600,
            status,
            intense: false,
            baseline: Some(1),
            exercises: vec![],
            ratings: ratings
                .iter()
                .map(|&value| Rating {
                    at: Timestamp::UNIX_EPOCH,
                    value,
                    kind: DiscomfortKind::DullAche,
                    moment: RatingMoment::Closing,
                    exercise_id: None,
                    set: None,
                    side: None,
                    decision: None,
                })
                .collect(),
        }
    }

    fn type_all(flow: &mut CheckInFlow, keys: &str) {
        for c in keys.chars() {
            flow.answer(if c == '\n' {
                Answer::Enter
            } else {
                Answer::Char(c)
            });
        }
    }

    #[test]
    fn a_first_check_in_asks_the_baseline_then_the_warning_signs() {
        let mut flow = CheckInFlow::new(ctx(None, false));
        assert_eq!(
            flow.state(),
            &State::Asking(Question::Baseline {
                typed: String::new()
            })
        );
        type_all(&mut flow, "2\n");
        assert!(matches!(
            flow.state(),
            State::Asking(Question::WarningSigns { .. })
        ));
        type_all(&mut flow, "\n");
        let State::Done(record) = flow.state() else {
            panic!("{:?}", flow.state())
        };
        assert_eq!((record.baseline, record.asked_warning_signs), (2, true));
    }

    #[test]
    fn warning_signs_are_asked_once_a_day() {
        let mut flow = CheckInFlow::new(ctx(None, true));
        type_all(&mut flow, "3\n");
        assert!(
            matches!(flow.state(), State::Done(c) if c.baseline == 3 && !c.asked_warning_signs)
        );
    }

    #[test]
    fn any_warning_sign_blocks_the_session() {
        for key in ['1', '2', '3', '4'] {
            let mut flow = CheckInFlow::new(ctx(None, false));
            type_all(&mut flow, &format!("1\n{key}\n"));
            let State::Blocked(Blocked::WarningSigns(signs)) = flow.state() else {
                panic!("{:?}", flow.state())
            };
            assert_eq!(signs.len(), 1);
            assert!(flow.record().warning_signs.len() == 1);
        }
        // Marking twice unmarks.
        let mut flow = CheckInFlow::new(ctx(None, false));
        type_all(&mut flow, "1\n22\n");
        assert!(matches!(flow.state(), State::Done(_)));
    }

    #[test]
    fn after_a_safety_stop_it_asks_whether_the_pain_eased() {
        let stopped = session(
            SessionStatus::StoppedForSafety {
                reason: "Sharp pain".into(),
            },
            &[],
        );
        let mut flow = CheckInFlow::new(ctx(Some(stopped.clone()), true));
        type_all(&mut flow, "1\n");
        assert!(matches!(
            flow.state(),
            State::Asking(Question::StopEased { .. })
        ));
        type_all(&mut flow, "n");
        assert!(matches!(
            flow.state(),
            State::Blocked(Blocked::StopNotEased { .. })
        ));
        let mut flow = CheckInFlow::new(ctx(Some(stopped), true));
        type_all(&mut flow, "1\ny");
        assert!(matches!(flow.state(), State::Done(c) if c.stop_pain_eased == Some(true)));
    }

    #[test]
    fn worse_after_a_session_near_the_limit_is_lingering_pain() {
        let near = session(SessionStatus::Completed, &[4]);
        let mut flow = CheckInFlow::new(ctx(Some(near), true));
        type_all(&mut flow, "2\n");
        assert!(matches!(
            flow.state(),
            State::Asking(Question::SinceLast {
                ended_at: Some(4),
                ..
            })
        ));
        type_all(&mut flow, "w");
        assert!(
            matches!(flow.state(), State::Done(c) if c.lingering && c.since_last == Some(Compared::Worse))
        );
        let low = session(SessionStatus::Completed, &[2]);
        let mut flow = CheckInFlow::new(ctx(Some(low), true));
        type_all(&mut flow, "2\nw");
        assert!(matches!(flow.state(), State::Done(c) if !c.lingering));
    }

    #[test]
    fn the_baseline_comes_first_and_the_history_may_arrive_after_the_first_frame() {
        let mut flow = CheckInFlow::new(ctx(None, false));
        assert!(matches!(
            flow.state(),
            State::Asking(Question::Baseline { .. })
        ));
        flow.set_history(
            Date::constant(2026, 11, 22),
            Some(session(SessionStatus::Completed, &[3])),
            true,
            false,
        );
        type_all(&mut flow, "2\n");
        assert!(matches!(
            flow.state(),
            State::Asking(Question::SinceLast { .. })
        ));
        type_all(&mut flow, "b");
        assert!(matches!(flow.state(), State::Done(c) if c.since_last == Some(Compared::Better)));
    }

    #[test]
    fn discomfort_above_the_limit_before_starting_blocks() {
        let mut flow = CheckInFlow::new(ctx(None, true));
        type_all(&mut flow, "6\n");
        assert_eq!(
            flow.state(),
            &State::Blocked(Blocked::TooMuchPainNow { value: 6, limit: 5 })
        );
        let mut flow = CheckInFlow::new(ctx(None, true));
        type_all(&mut flow, "5\n");
        assert!(matches!(flow.state(), State::Done(_)));
    }
}
