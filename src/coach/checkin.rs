//! The check-in before every session, as a pure question flow built from
//! [`Today`].
//!
//! After a safety stop on an earlier day, it first asks whether that pain has
//! eased; then the discomfort now (the session's baseline); after any other
//! session, how the back feels compared with its end; and once a day the
//! warning signs. Some answers mean no exercise today, with the reason: the
//! record saved from them closes the day for every path into a session.

use jiff::Timestamp;
use jiff::civil::Date;

use super::today::{DayClosed, StopFollowUp, Today};
use crate::domain::{CheckIn, Compared, DiscomfortKind, TypedRating, WarningSign};
use crate::rules::safety::ACCEPTABLE_LIMIT;

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
        /// The digits typed so far.
        typed: TypedRating,
    },
    /// What that discomfort feels like (every discomfort prompt asks it
    /// after the number): `Enter` keeps a dull ache; a sharp pain, pain down
    /// a leg, numbness or tingling or a new symptom is a warning sign.
    BaselineKind {
        /// The discomfort given, 0–10.
        value: u8,
    },
    /// The warning signs, each marked or not.
    WarningSigns {
        /// The signs marked so far, in the order they are listed.
        marked: Vec<WarningSign>,
    },
}

/// Why there is no session now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    /// No session today at all (warning signs, a stop that has not eased).
    Day(DayClosed),
    /// Discomfort already above the acceptable range before starting.
    TooMuchPainNow {
        /// The discomfort given now, 0–10.
        value: u8,
        /// The limit applied: the profile's, at most the guides' 5.
        limit: u8,
    },
}

impl Blocked {
    /// The screen's title.
    pub fn title(&self) -> &'static str {
        match self {
            Blocked::Day(closed) => closed.title(),
            Blocked::TooMuchPainNow { .. } => "NOT NOW",
        }
    }

    /// The advice, in plain words.
    pub fn advice(&self) -> Vec<String> {
        match self {
            Blocked::Day(closed) => closed.lines(),
            Blocked::TooMuchPainNow { value, limit } => vec![
                format!("Your discomfort is {value}/10 before starting, above the comfortable range of 0–{limit}."),
                "Please do not exercise now. Rest, and move gently only as far as it is comfortable; check in again later if it eases.".into(),
                "If it does not ease, see a healthcare professional.".into(),
            ],
        }
    }
}

/// Where the flow is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Waiting for the answer to this question.
    Asking(Question),
    /// No session now, and why.
    Blocked(Blocked),
    /// Done: the check-in to save and the baseline to start from.
    Done(CheckIn),
}

/// The check-in as it goes.
#[derive(Debug, Clone)]
pub struct CheckInFlow {
    follow_up: Option<StopFollowUp>,
    since_last: Option<super::today::SinceLast>,
    warning_signs_due: bool,
    limit: u8,
    record: CheckIn,
    state: State,
}

/// A key as the check-in understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A typed character: a digit of the rating, a letter answer or a warning sign's key.
    Char(char),
    /// Confirms the rating or the marked warning signs; answers "same" about the last session.
    Enter,
    /// Deletes the last digit of the rating being typed.
    Backspace,
}

impl CheckInFlow {
    /// The questions `today` asks, answered at `now`. A stop on an earlier
    /// day comes before anything else.
    pub fn new(today: &Today, now: Timestamp) -> CheckInFlow {
        let record = CheckIn {
            at: now,
            date: today.date,
            baseline: 0,
            asked_warning_signs: false,
            warning_signs: Vec::new(),
            since_last: None,
            stop_pain_eased: None,
            lingering: false,
        };
        let state = match &today.follow_up {
            Some(f) => State::Asking(Question::StopEased {
                date: f.date,
                reason: f.reason.clone(),
            }),
            None => baseline_question(),
        };
        CheckInFlow {
            follow_up: today.follow_up.clone(),
            since_last: today.since_last.clone(),
            warning_signs_due: today.warning_signs_due,
            limit: today.limit.min(ACCEPTABLE_LIMIT),
            record,
            state,
        }
    }

    /// The current state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The check-in record so far (saved even when blocked).
    pub fn record(&self) -> &CheckIn {
        &self.record
    }

    /// The question after the baseline: how it compares with the last session
    /// (unless a stop was just asked about), then the warning signs.
    fn after_baseline(&self) -> State {
        if self.follow_up.is_none()
            && self.record.since_last.is_none()
            && let Some(last) = &self.since_last
        {
            return State::Asking(Question::SinceLast {
                date: last.date,
                ended_at: last.ended_at,
            });
        }
        self.warning_signs_or_done()
    }

    fn warning_signs_or_done(&self) -> State {
        if self.warning_signs_due {
            State::Asking(Question::WarningSigns { marked: Vec::new() })
        } else {
            State::Done(self.record.clone())
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
                    self.state = baseline_question();
                }
                Answer::Char('n' | 'N') => {
                    self.record.stop_pain_eased = Some(false);
                    self.state = State::Blocked(Blocked::Day(DayClosed::StopNotEased { reason }));
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
                Answer::Char(c) => {
                    typed.push(c);
                    self.state = State::Asking(Question::Baseline { typed });
                }
                Answer::Backspace => {
                    typed.backspace();
                    self.state = State::Asking(Question::Baseline { typed });
                }
                Answer::Enter => {
                    let Some(value) = typed.value() else {
                        return;
                    };
                    self.record.baseline = value;
                    self.state = State::Asking(Question::BaselineKind { value });
                }
            },
            Question::BaselineKind { value } => {
                let kind = match key {
                    Answer::Enter => DiscomfortKind::DullAche,
                    Answer::Backspace => {
                        self.state = State::Asking(Question::Baseline {
                            typed: TypedRating::with(value),
                        });
                        return;
                    }
                    Answer::Char(c) => match DiscomfortKind::from_key(c) {
                        Some(kind) => kind,
                        None => return,
                    },
                };
                self.state = if let Some(sign) = kind.warning_sign() {
                    // Saved with the check-in: the day is closed by any path.
                    if !self.record.warning_signs.contains(&sign) {
                        self.record.warning_signs.push(sign);
                    }
                    State::Blocked(Blocked::Day(DayClosed::WarningSigns(vec![sign])))
                } else if value > self.limit {
                    State::Blocked(Blocked::TooMuchPainNow {
                        value,
                        limit: self.limit,
                    })
                } else {
                    self.after_baseline()
                };
            }
            Question::WarningSigns { mut marked } => match key {
                Answer::Char(c) => {
                    if let Some(sign) = WarningSign::from_key(c) {
                        if let Some(i) = marked.iter().position(|s| *s == sign) {
                            marked.remove(i);
                        } else {
                            marked.push(sign);
                        }
                        marked.sort_by_key(|s| WarningSign::ALL.iter().position(|a| a == s));
                    }
                    self.state = State::Asking(Question::WarningSigns { marked });
                }
                Answer::Enter => {
                    self.record.asked_warning_signs = true;
                    self.record.warning_signs = marked.clone();
                    self.state = if marked.is_empty() {
                        State::Done(self.record.clone())
                    } else {
                        State::Blocked(Blocked::Day(DayClosed::WarningSigns(marked)))
                    };
                }
                Answer::Backspace => {}
            },
        }
    }

    /// Whether the last session ended at or one below the limit: a "worse"
    /// after it counts as lingering pain.
    fn last_ended_near_limit(&self) -> bool {
        self.since_last
            .as_ref()
            .and_then(|l| l.highest)
            .is_some_and(|v| v + 1 >= self.limit)
    }
}

fn baseline_question() -> State {
    State::Asking(Question::Baseline {
        typed: TypedRating::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::today::SinceLast;

    fn today(follow_up: bool, since_last: Option<u8>, signs_due: bool) -> Today {
        Today {
            date: Date::constant(2026, 11, 22),
            closed: None,
            follow_up: follow_up.then(|| StopFollowUp {
                date: Date::constant(2026, 11, 21),
                reason: "Sharp pain during Bridge, set 1 of 2".into(),
            }),
            since_last: since_last.map(|v| SinceLast {
                date: Date::constant(2026, 11, 20),
                ended_at: Some(v),
                highest: Some(v),
            }),
            warning_signs_due: signs_due,
            limit: 5,
            notices: Vec::new(),
            resumable: None,
        }
    }

    fn type_all(flow: &mut CheckInFlow, keys: &str) {
        for c in keys.chars() {
            flow.answer(match c {
                '\n' => Answer::Enter,
                '<' => Answer::Backspace,
                c => Answer::Char(c),
            });
        }
    }

    fn flow(t: &Today, keys: &str) -> CheckInFlow {
        let mut flow = CheckInFlow::new(t, Timestamp::UNIX_EPOCH);
        type_all(&mut flow, keys);
        flow
    }

    #[test]
    fn the_questions_and_their_order() {
        // (today: follow-up, last session ended at, signs due; keys; expected state)
        let asking =
            |q: fn(&Question) -> bool| move |s: &State| matches!(s, State::Asking(x) if q(x));
        type Check = Box<dyn Fn(&State) -> bool>;
        let rows: Vec<(&str, Today, &str, Check)> = vec![
            (
                "a first check-in starts with the baseline",
                today(false, None, true),
                "",
                Box::new(asking(|q| matches!(q, Question::Baseline { .. }))),
            ),
            (
                "then the warning signs",
                today(false, None, true),
                "2\n\n",
                Box::new(asking(|q| matches!(q, Question::WarningSigns { .. }))),
            ),
            (
                "nothing marked: done",
                today(false, None, true),
                "2\n\n\n",
                Box::new(
                    |s: &State| matches!(s, State::Done(c) if c.baseline == 2 && c.asked_warning_signs),
                ),
            ),
            (
                "signs asked today already: done after the baseline",
                today(false, None, false),
                "3\n\n",
                Box::new(
                    |s: &State| matches!(s, State::Done(c) if c.baseline == 3 && !c.asked_warning_signs),
                ),
            ),
            (
                "after a session: compared with its end",
                today(false, Some(3), false),
                "2\n\n",
                Box::new(asking(|q| {
                    matches!(
                        q,
                        Question::SinceLast {
                            ended_at: Some(3),
                            ..
                        }
                    )
                })),
            ),
            (
                "the number is followed by its kind",
                today(false, None, true),
                "2\n",
                Box::new(asking(|q| matches!(q, Question::BaselineKind { value: 2 }))),
            ),
            (
                "the kind's Backspace goes back to the number, kept",
                today(false, None, true),
                "2\n<",
                Box::new(asking(
                    |q| matches!(q, Question::Baseline { typed } if typed.value() == Some(2)),
                )),
            ),
            (
                "a stretch goes on",
                today(false, None, false),
                "2\nt",
                Box::new(|s: &State| matches!(s, State::Done(c) if c.baseline == 2)),
            ),
            (
                "a sharp pain now is a warning sign: no exercise today",
                today(false, None, true),
                "2\ns",
                Box::new(
                    |s: &State| matches!(s, State::Blocked(Blocked::Day(DayClosed::WarningSigns(v))) if v == &[WarningSign::SuddenSharpPain]),
                ),
            ),
            (
                "numbness now, even at 0, is a warning sign",
                today(false, None, false),
                "0\ni",
                Box::new(
                    |s: &State| matches!(s, State::Blocked(Blocked::Day(DayClosed::WarningSigns(v))) if v == &[WarningSign::NumbnessTingling]),
                ),
            ),
            (
                "a kind outranks a number above the limit",
                today(false, None, false),
                "8\nl",
                Box::new(
                    |s: &State| matches!(s, State::Blocked(Blocked::Day(DayClosed::WarningSigns(v))) if v == &[WarningSign::PainDownLeg]),
                ),
            ),
            (
                "a stop on an earlier day is asked about before anything else",
                today(true, Some(3), true),
                "",
                Box::new(asking(|q| matches!(q, Question::StopEased { .. }))),
            ),
            (
                "eased: then the baseline, and no comparison with the stopped session",
                today(true, Some(3), false),
                "y2\n\n",
                Box::new(
                    |s: &State| matches!(s, State::Done(c) if c.stop_pain_eased == Some(true) && c.since_last.is_none()),
                ),
            ),
            (
                "not eased: no exercise today",
                today(true, Some(3), true),
                "n",
                Box::new(|s: &State| {
                    matches!(
                        s,
                        State::Blocked(Blocked::Day(DayClosed::StopNotEased { .. }))
                    )
                }),
            ),
            (
                "1 then 0 is ten: above the limit",
                today(false, None, true),
                "10\n\n",
                Box::new(|s: &State| {
                    matches!(
                        s,
                        State::Blocked(Blocked::TooMuchPainNow {
                            value: 10,
                            limit: 5
                        })
                    )
                }),
            ),
            (
                "5 is within the limit",
                today(false, None, false),
                "5\n\n",
                Box::new(|s: &State| matches!(s, State::Done(c) if c.baseline == 5)),
            ),
            (
                "backspace corrects a digit",
                today(false, None, false),
                "8<3\n\n",
                Box::new(|s: &State| matches!(s, State::Done(c) if c.baseline == 3)),
            ),
            (
                "a warning sign: no exercise today",
                today(false, None, true),
                "1\n\n2\n",
                Box::new(
                    |s: &State| matches!(s, State::Blocked(Blocked::Day(DayClosed::WarningSigns(v))) if v == &[WarningSign::NumbnessTingling]),
                ),
            ),
            (
                "new or unusual symptoms is the fifth sign",
                today(false, None, true),
                "1\n\n5\n",
                Box::new(
                    |s: &State| matches!(s, State::Blocked(Blocked::Day(DayClosed::WarningSigns(v))) if v == &[WarningSign::NewOrUnusual]),
                ),
            ),
            (
                "0 marks the tenth sign",
                today(false, None, true),
                "1\n\n0\n",
                Box::new(
                    |s: &State| matches!(s, State::Blocked(Blocked::Day(DayClosed::WarningSigns(v))) if v == &[WarningSign::AfterFallOrAccident]),
                ),
            ),
            (
                "marking twice unmarks",
                today(false, None, true),
                "1\n\n22\n",
                Box::new(|s: &State| matches!(s, State::Done(_))),
            ),
            (
                "worse after a session near the limit is lingering",
                today(false, Some(4), false),
                "2\n\nw",
                Box::new(
                    |s: &State| matches!(s, State::Done(c) if c.lingering && c.since_last == Some(Compared::Worse)),
                ),
            ),
            (
                "worse after a calm session is not",
                today(false, Some(2), false),
                "2\n\nw",
                Box::new(
                    |s: &State| matches!(s, State::Done(c) if !c.lingering && c.since_last == Some(Compared::Worse)),
                ),
            ),
        ];
        for (name, t, keys, check) in rows {
            let f = flow(&t, keys);
            assert!(check(f.state()), "{name}: {:?}", f.state());
        }
    }

    #[test]
    fn a_blocked_check_in_is_still_recorded_with_what_was_answered() {
        let f = flow(&today(false, None, true), "1\n\n14\n");
        assert_eq!(
            f.record().warning_signs,
            vec![WarningSign::PainDownLeg, WarningSign::WorseAtRestOrNight]
        );
        assert!(f.record().asked_warning_signs);
        let f = flow(&today(true, None, true), "n");
        assert_eq!(f.record().stop_pain_eased, Some(false));
        // A kind that is a warning sign is saved as that sign: the next
        // start reads the day as closed.
        let f = flow(&today(false, None, true), "3\nu");
        assert_eq!(f.record().warning_signs, vec![WarningSign::NewOrUnusual]);
        assert_eq!(f.record().baseline, 3);
    }

    #[test]
    fn urgent_signs_send_the_user_to_urgent_care() {
        let f = flow(&today(false, None, true), "1\n\n6\n");
        let State::Blocked(blocked) = f.state() else {
            panic!("{:?}", f.state())
        };
        assert_eq!(blocked.title(), "GET URGENT MEDICAL CARE");
        let text = blocked.advice().join(" ");
        assert!(text.contains("urgent medical care now"), "{text}");
        assert!(text.contains("beyond the exercise guides"), "{text}");
        let f = flow(&today(false, None, true), "1\n\n3\n");
        let State::Blocked(blocked) = f.state() else {
            panic!("{:?}", f.state())
        };
        assert_eq!(blocked.title(), "NO EXERCISE TODAY");
        assert!(
            blocked
                .advice()
                .join(" ")
                .contains("healthcare professional")
        );
        assert!(blocked.advice().join(" ").contains("come back tomorrow"));
    }
}
