//! The app's side of the way into a session ([`super::journey`]): opening
//! it for a routine (the profile readable, the coach's today and gate),
//! its keys stage by stage (check-in, resume offer, preview), and starting
//! or resuming the session.

use crossterm::event::KeyEvent;
use tokio::time::Instant;

use super::journey::{self, Journey, Opened, Read, Stage};
use super::message::{Choice, Message, Tone};
use super::running::{SessionRun, Start};
use super::{App, ProfileSource, Reading, SAVE_RETRY, Screen};
use crate::coach;
use crate::domain::{FileProblem, History, SessionRecord};
use crate::tui::screens::checkin::{self as checkin_screen, CheckInAction};
use crate::tui::screens::preview::{PreviewAction, PreviewScreen};
use crate::tui::screens::resume::{self as resume_screen, ResumeAction};

impl App {
    /// What the coach reads to decide about today: the last weeks of history
    /// and the last session however old.
    pub(super) fn read_today(&self) -> Read {
        journey::read_today(
            &self.store,
            &self.profile,
            self.clock.now_or_last(),
            self.today(),
        )
    }

    /// The way into `routine_id`'s session: the profile must be readable (or
    /// a safe one chosen), then the coach's today and gate, then the check-in.
    pub(super) fn way_into_session(&mut self, routine_id: &str, reading: Reading) -> Screen {
        if let ProfileSource::Unreadable(problem) = &self.profile_source {
            return Screen::Message(unreadable_profile(problem, routine_id));
        }
        // A catalog routine, or one exercise on its own (issue 18).
        let Some(routine) = coach::one_exercise::resolve(&self.catalog, routine_id) else {
            return Screen::Message(Message {
                title: "Unknown routine".into(),
                lines: vec![format!("No routine has the id \"{routine_id}\".")],
                tone: Tone::Plain,
                choice: Choice::HomeOrQuit,
            });
        };
        if reading == Reading::AfterFirstFrame {
            self.deferred = true;
            return Screen::Journey(Journey {
                routine_id: routine.id.clone(),
                stage: Stage::Reading,
            });
        }
        let read = self.read_today();
        let now = self.clock.now_or_last();
        let gate = coach::may_start(&read.today, &routine, &read.history, now);
        match journey::open(&routine.id, gate, read, now) {
            Opened::CheckIn(journey) => Screen::Journey(journey),
            Opened::Refused(refusal) => Screen::Message(Message {
                title: refusal.title(),
                lines: refusal.lines(self.tz()),
                tone: if refusal.is_safety() {
                    Tone::Safety
                } else {
                    Tone::Plain
                },
                choice: Choice::HomeOrQuit,
            }),
        }
    }

    pub(super) fn journey_key(
        &mut self,
        mut journey: Journey,
        key: KeyEvent,
        now: Instant,
    ) -> Screen {
        let routine_id = journey.routine_id.clone();
        match journey.stage {
            Stage::Reading => Screen::Journey(journey),
            Stage::CheckIn { mut flow, read } => {
                match checkin_screen::on_key(&mut flow, key) {
                    CheckInAction::None => {
                        journey.stage = Stage::CheckIn { flow, read };
                        Screen::Journey(journey)
                    }
                    CheckInAction::Home => self.home(),
                    CheckInAction::Quit => {
                        self.quit = true;
                        Screen::placeholder()
                    }
                    CheckInAction::Finished => {
                        // Saved before anything is built on it: the next
                        // `start`, by any path, reads the same answers.
                        if let Err(e) = self.store.save_checkin(flow.record()) {
                            self.notice = Some(format!("The check-in was not saved yet: {e}"));
                            self.retry_at = Some(now + SAVE_RETRY);
                        }
                        let checkin = match flow.state() {
                            crate::coach::checkin::State::Done(c) => c.clone(),
                            _ => {
                                journey.stage = Stage::CheckIn { flow, read };
                                return Screen::Journey(journey);
                            }
                        };
                        let Some(routine) =
                            coach::one_exercise::resolve(&self.catalog, &routine_id)
                        else {
                            return self.home();
                        };
                        let routine = routine.as_ref();
                        let planned = coach::plan_after_checkin(
                            &self.catalog,
                            routine,
                            &self.profile,
                            &read.history,
                            &checkin,
                            self.clock.now_or_last(),
                            self.tz(),
                        );
                        let mut screen = self.preview_screen(planned.plan, &read.history, &checkin);
                        screen.note = Some(format!(
                            "Check-in: discomfort {}/10 now. Press Enter to begin.",
                            checkin.baseline
                        ));
                        journey.stage = match self.resume_offer(routine, &read, &checkin) {
                            Some((record, plan, at)) => Stage::ResumeOffer {
                                record: Box::new(record),
                                plan: Box::new(plan),
                                at,
                                fresh: Box::new(screen),
                                checkin,
                            },
                            None => Stage::Preview {
                                screen: Box::new(screen),
                                checkin,
                            },
                        };
                        Screen::Journey(journey)
                    }
                }
            }
            Stage::ResumeOffer {
                record,
                plan,
                at,
                fresh,
                checkin,
            } => match resume_screen::on_key(key) {
                ResumeAction::None => {
                    journey.stage = Stage::ResumeOffer {
                        record,
                        plan,
                        at,
                        fresh,
                        checkin,
                    };
                    Screen::Journey(journey)
                }
                ResumeAction::Home => self.home(),
                ResumeAction::Fresh => {
                    journey.stage = Stage::Preview {
                        screen: fresh,
                        checkin,
                    };
                    Screen::Journey(journey)
                }
                ResumeAction::Resume => {
                    let start = self.session_start(*plan, &checkin);
                    let wall = start.started;
                    match SessionRun::resume(start, &record, &self.background, now, wall) {
                        Some(run) => Screen::Session(Box::new(run)),
                        None => self.start_session(fresh.plan, &checkin, now),
                    }
                }
            },
            Stage::Preview {
                mut screen,
                checkin,
            } => match screen.on_key(key) {
                PreviewAction::None => {
                    journey.stage = Stage::Preview { screen, checkin };
                    Screen::Journey(journey)
                }
                PreviewAction::WarmUp(included) => {
                    self.remember_warm_up(included);
                    journey.stage = Stage::Preview { screen, checkin };
                    Screen::Journey(journey)
                }
                PreviewAction::Back => self.home(),
                PreviewAction::Start => self.start_session(screen.plan, &checkin, now),
            },
        }
    }

    /// The preview of `plan`, with the routine's warm-up offered (in front
    /// when the profile says so, planned from the same check-in) and
    /// backcoach's own numbers marked.
    fn preview_screen(
        &self,
        plan: crate::plan::Plan,
        history: &History,
        checkin: &crate::domain::CheckIn,
    ) -> PreviewScreen {
        let now = self.clock.now_or_last();
        let ctx = journey::Context::new(&self.catalog, &self.profile, now, self.tz());
        let warm_up = journey::warm_up_plan(&ctx, &plan.routine_id, history, checkin);
        let routine =
            coach::one_exercise::resolve(&self.catalog, &plan.routine_id).map(|r| r.into_owned());
        let mut screen = PreviewScreen::new(plan);
        if let Some(warm_up) = warm_up {
            screen.offer_warm_up(warm_up.plan, self.profile.warm_up);
        }
        if let Some(routine) = routine {
            screen.compare_with_full(crate::plan::Plan::full(&self.catalog, &routine), routine);
        }
        screen.mark_own_numbers(&self.catalog);
        screen
    }

    /// Keeps the warm-up choice made on the preview for next time (never
    /// over a profile that could not be read).
    fn remember_warm_up(&mut self, included: bool) {
        self.profile.warm_up = included;
        if self.profile_source != ProfileSource::Saved {
            return;
        }
        if let Err(e) = self.store.save_profile(&self.profile) {
            self.notice = Some(format!("Your warm-up choice was not saved: {e}"));
        }
    }

    /// A session of `routine` cut off earlier today that can be picked up:
    /// the record, today's plan as it started (that session left out of the
    /// history) and the exercise it resumes at.
    fn resume_offer(
        &self,
        routine: &crate::catalog::Routine,
        read: &Read,
        checkin: &crate::domain::CheckIn,
    ) -> Option<(SessionRecord, crate::plan::Plan, usize)> {
        let now = self.clock.now_or_last();
        let ctx = journey::Context::new(&self.catalog, &self.profile, now, self.tz());
        journey::resume_offer(&ctx, routine, read, checkin)
    }

    fn session_start(&self, plan: crate::plan::Plan, checkin: &crate::domain::CheckIn) -> Start {
        let started = self.clock.now_or_last();
        Start::after_checkin(plan, checkin, &self.profile, self.sound, started, self.tz())
    }

    fn start_session(
        &mut self,
        plan: crate::plan::Plan,
        checkin: &crate::domain::CheckIn,
        now: Instant,
    ) -> Screen {
        let start = self.session_start(plan, checkin);
        let wall = start.started;
        Screen::Session(Box::new(SessionRun::start(
            start,
            &self.background,
            now,
            wall,
        )))
    }
}

/// The message for a profile that could not be read: named with its
/// position, left untouched, and a choice instead of silent defaults.
fn unreadable_profile(problem: &FileProblem, routine_id: &str) -> Message {
    Message {
        title: "Your profile could not be read".into(),
        lines: vec![
            format!("{problem}"),
            "The file is left untouched. Fix it (or delete it to run the set-up again), or go on for this run with a safe profile:".into(),
            format!(
                "  • the lowest discomfort limit ({}/10): a rating above it stops the session;",
                crate::profile::MIN_DISCOMFORT_LIMIT
            ),
            "  • every condition filter on: no deep forward bending, no strong backward bending;".into(),
            "  • starting doses, and no equipment.".into(),
        ],
        tone: Tone::Safety,
        choice: Choice::SafeProfile {
            routine_id: routine_id.to_string(),
        },
    }
}
