//! The application as screen routing: which screen is up, and how keys, time
//! and background results move between screens. It shows what the coach
//! decides (today, the gate, the check-in, the plan) and turns engine effects
//! into the world through the running session; it decides nothing itself.
//!
//! * [`journey`]: the way into a session, the same for every path;
//! * [`running`]: a running session and its edges (sound, saves);
//! * [`message`]: short message screens (a refusal, an unreadable profile);
//! * this file: the screens, the routing between them, and what the event
//!   loop calls.

mod compact;
mod help;
pub mod journey;
pub mod message;
pub mod running;

use crate::domain::dates;
use std::cell::OnceCell;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::Instant;

use crate::audio::AudioStatus;
use crate::catalog::Catalog;
use crate::clock::{Clock, ClockError};
use crate::coach;
use crate::domain::{FileProblem, History, SessionRecord};
use crate::profile::Profile;
use crate::rules::trends::{self, Trends};
use crate::rules::week::{self, WeekSummary};
use crate::store::Store;
use crate::tui::screens::browser::{BrowserAction, BrowserScreen};
use crate::tui::screens::checkin::{self as checkin_screen, CheckInAction};
use crate::tui::screens::home::{HomeAction, HomeNotice, HomeScreen};
use crate::tui::screens::preview::{PreviewAction, PreviewScreen};
use crate::tui::screens::resume::{self as resume_screen, ResumeAction};
use crate::tui::screens::session::{self as session_screen, Status};
use crate::tui::screens::setup::{SetupAction, SetupScreen};
use crate::tui::screens::trends::{TrendsAction, TrendsScreen};
use crate::tui::screens::unsaved::{UnsavedAction, UnsavedPrompt};
use crate::tui::screens::week::{WeekAction, WeekScreen};
use crate::tui::theme::Theme;
use crate::tui::widgets::{MIN_HEIGHT, MIN_WIDTH, centered};
use journey::{Journey, Opened, Read, Stage};
use message::{Choice, Message, MessageAction, Tone};
use running::{After, SessionRun, Start};

pub use running::{AUDIO_LINGER, engine_key};

/// How long after a failed save the store tries again.
pub const SAVE_RETRY: Duration = Duration::from_secs(5);
/// How far back the home screen looks for a session that was cut off.
const INTERRUPTED_LOOKBACK_DAYS: i64 = 14;

/// Where a run starts, from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartAt {
    /// `backcoach` with no command: the home screen (after the set-up on a first run).
    Home,
    /// `backcoach start ROUTINE`.
    Session(String),
    /// `backcoach week [--date D]`.
    Week(Option<Date>),
    /// `backcoach trends`.
    Trends,
}

/// Sound for this run, from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoundForRun {
    /// Cues play, and the coach speaks if the profile says so (`m` mutes
    /// them during a session, `v` turns the voice off).
    On,
    /// `--no-voice` / `BACKCOACH_VOICE=0`: cues only, whatever the profile.
    ChimesOnly,
    /// `--mute` / `BACKCOACH_MUTE`: no sound device is opened at all.
    Muted,
}

/// Work finished elsewhere, reported to the event loop.
#[derive(Debug)]
pub enum Background {
    /// What the audio thread found out about the output device.
    Audio(AudioStatus),
}

/// Where the profile in force came from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ProfileSource {
    /// Read from `profile.ron`.
    Saved,
    /// No profile yet: the set-up runs first.
    FirstRun,
    /// `profile.ron` could not be read: no session starts until the user
    /// chooses a safe profile for this run (never silent defaults).
    Unreadable(FileProblem),
    /// Unreadable, and the user chose the safe profile for this run.
    SafeForThisRun(FileProblem),
}

/// Where to go once the set-up is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AfterSetup {
    Home,
    Start(String),
}

/// Where the week screen was opened from: `q` goes back there, or out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenedFrom {
    /// `backcoach week`: `q` leaves.
    CommandLine,
    /// The home or end screen: `q` goes home.
    Home,
}

/// When the history behind a screen is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Now: a key asked for the screen.
    Now,
    /// Right after the first frame, so start-up never waits for the disk.
    AfterFirstFrame,
}

enum Screen {
    Setup {
        form: SetupScreen,
        then: AfterSetup,
    },
    Home(HomeScreen),
    Browser(BrowserScreen),
    Journey(Journey),
    Session(Box<SessionRun>),
    Week {
        screen: Box<WeekScreen>,
        from: OpenedFrom,
    },
    /// `q` goes back to `back`, or quits when opened from the command line.
    Trends {
        screen: Box<TrendsScreen>,
        back: Option<Box<Screen>>,
    },
    Message(Message),
}

impl Screen {
    fn placeholder() -> Screen {
        Screen::Message(Message {
            title: String::new(),
            lines: Vec::new(),
            tone: Tone::Plain,
            choice: Choice::HomeOrQuit,
        })
    }
}

/// The whole application state.
pub struct App {
    catalog: Catalog,
    profile: Profile,
    profile_source: ProfileSource,
    store: Store,
    theme: Theme,
    sound: SoundForRun,
    /// The system time zone, looked up on first use (finding its name can
    /// walk the zoneinfo folder): never on the way to the first frame.
    tz: OnceCell<TimeZone>,
    screen: Screen,
    /// Problems saving outside a session, shown on the home screen.
    notice: Option<String>,
    background: UnboundedSender<Background>,
    quit: bool,
    bell: bool,
    /// When to retry saves that failed.
    retry_at: Option<Instant>,
    /// History the first screen still has to read (after its first frame).
    deferred: bool,
    /// The wall clock: fallible (a clock past the year 9999), and tests
    /// hand in their own.
    clock: Clock,
    /// Quitting waits here while changes could not be saved.
    unsaved: Option<UnsavedPrompt>,
    /// How the run ends (the Ctrl-C key: as SIGINT).
    exit: super::Exit,
    /// What to tell the user once the terminal is back (a copy's path).
    exit_note: Option<String>,
    /// The `?` overlay, while open (issue 18).
    help: Option<crate::tui::widgets::help::Help>,
}

impl App {
    /// Builds the app at its first screen. Cheap: the history is read only
    /// after the first frame ([`App::after_first_frame`]).
    pub fn new(
        catalog: Catalog,
        store: Store,
        start: StartAt,
        sound: SoundForRun,
        theme: Theme,
        background: UnboundedSender<Background>,
    ) -> App {
        let (profile, profile_source) = match store.load_profile() {
            Ok(Some(p)) => (p, ProfileSource::Saved),
            Ok(None) => (Profile::default(), ProfileSource::FirstRun),
            Err(problem) => (Profile::safe(), ProfileSource::Unreadable(problem)),
        };
        let mut app = App {
            catalog,
            profile,
            profile_source,
            store,
            theme,
            sound,
            tz: OnceCell::new(),
            screen: Screen::placeholder(),
            notice: None,
            background,
            quit: false,
            bell: false,
            retry_at: None,
            deferred: false,
            clock: Clock::system(),
            unsaved: None,
            exit: super::Exit::Normal,
            exit_note: None,
            help: None,
        };
        let first_run = app.profile_source == ProfileSource::FirstRun;
        app.screen = match start {
            StartAt::Week(date) => {
                let week_of = date.unwrap_or_else(|| app.today());
                app.week_screen(week_of, OpenedFrom::CommandLine)
            }
            StartAt::Trends => app.trends_screen(None),
            StartAt::Home if first_run => app.setup(AfterSetup::Home),
            StartAt::Session(routine) if first_run => app.setup(AfterSetup::Start(routine)),
            StartAt::Home => {
                app.deferred = true;
                Screen::Home(HomeScreen::new(&app.catalog, |_| None))
            }
            StartAt::Session(routine) => app.way_into_session(&routine, Reading::AfterFirstFrame),
        };
        app
    }

    /// Reads what the first screen needs from the history; the loop calls it
    /// right after the first frame is out, so start-up never waits for the
    /// disk, however many years of history there are. Returns whether the
    /// screen changed.
    pub fn after_first_frame(&mut self) -> bool {
        if !std::mem::take(&mut self.deferred) {
            return false;
        }
        self.screen = match self.take_screen() {
            Screen::Home(_) => self.home(),
            Screen::Journey(Journey {
                routine_id,
                stage: Stage::Reading,
            }) => self.way_into_session(&routine_id, Reading::Now),
            other => other,
        };
        true
    }

    /// Uses this time zone for local dates (tests pin it).
    pub fn with_time_zone(self, tz: TimeZone) -> App {
        let _ = self.tz.set(tz);
        self
    }

    fn tz(&self) -> &TimeZone {
        self.tz
            .get_or_init(|| TimeZone::try_system().unwrap_or(TimeZone::UTC))
    }

    /// Whether the app has finished.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Uses this clock (tests: a far-future one).
    pub fn with_clock(mut self, clock: Clock) -> App {
        self.clock = clock;
        self
    }

    /// The clock left the range of recordable dates: the loop saves and ends.
    pub fn clock_failure(&self) -> Option<ClockError> {
        self.clock.failure()
    }

    /// How the run ended, for the exit code.
    pub fn exit_status(&self) -> super::Exit {
        self.exit
    }

    /// What to print once the terminal is restored, if anything.
    pub fn take_exit_note(&mut self) -> Option<String> {
        self.exit_note.take()
    }

    /// Quitting with changes the store could not write opens the prompt
    /// instead (unless a signal or Ctrl-C ends the run: nobody to ask).
    fn hold_quit_for_unsaved(&mut self) -> bool {
        if !self.quit || self.unsaved.is_some() || self.exit != super::Exit::Normal {
            return false;
        }
        let Err(problem) = self.store.retry_pending() else {
            return false;
        };
        self.quit = false;
        let copy_to = crate::store::default_copy_path(self.clock.now_or_last());
        let prompt = UnsavedPrompt::new(self.store.pending(), problem.reason(), copy_to);
        self.unsaved = Some(prompt);
        true
    }

    fn on_unsaved_key(&mut self, key: KeyEvent) {
        let Some(UnsavedAction::Choose(choice)) = self.unsaved.as_mut().map(|p| p.on_key(key))
        else {
            return;
        };
        match self.store.resolve_pending(choice, self.clock.now_or_last()) {
            Ok(note) => (self.exit_note, self.unsaved, self.quit) = (note, None, true),
            Err(e) => {
                let pending = self.store.pending();
                if let Some(prompt) = self.unsaved.as_mut() {
                    prompt.failed(pending, format!("Still not saved: {}", e.reason()));
                }
            }
        }
    }

    /// Whether a terminal bell is due (the profile asks for one on phase changes).
    pub fn take_bell(&mut self) -> bool {
        let from_session = match &mut self.screen {
            Screen::Session(run) => std::mem::take(&mut run.bell_due),
            _ => false,
        };
        std::mem::take(&mut self.bell) | from_session
    }

    fn today(&self) -> Date {
        self.clock.now_or_last().to_zoned(self.tz().clone()).date()
    }

    fn setup(&self, then: AfterSetup) -> Screen {
        let first_run = self.profile_source == ProfileSource::FirstRun;
        Screen::Setup {
            form: SetupScreen::new(self.profile.clone(), first_run),
            then,
        }
    }

    // ---- what the coach reads ------------------------------------------------

    /// What the coach reads to decide about today: the last weeks of history
    /// and the last session however old.
    fn read_today(&self) -> Read {
        journey::read_today(
            &self.store,
            &self.profile,
            self.clock.now_or_last(),
            self.today(),
        )
    }

    // ---- the way into a session ---------------------------------------------

    /// The way into `routine_id`'s session: the profile must be readable (or
    /// a safe one chosen), then the coach's today and gate, then the check-in.
    fn way_into_session(&mut self, routine_id: &str, reading: Reading) -> Screen {
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

    fn journey_key(&mut self, mut journey: Journey, key: KeyEvent, now: Instant) -> Screen {
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
        Start {
            plan,
            baseline: Some(checkin.baseline),
            limit: self.profile.effective_limit(),
            profile: self.profile.clone(),
            sound: self.sound,
            started,
            date: started.to_zoned(self.tz().clone()).date(),
        }
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

    // ---- the home and week screens ---------------------------------------------

    fn home(&mut self) -> Screen {
        let read = self.read_today();
        let now = self.clock.now_or_last();
        let today = read.today.date;
        let mut home = HomeScreen::new(&self.catalog, |id| {
            let routine = self.catalog.routine(id)?;
            let at = coach::gate::next_due(routine, &read.history, now)?;
            Some(format!(
                "next due {}",
                crate::rules::fitting::when_label(at, self.tz())
            ))
        });
        let mut notices = Vec::new();
        match &self.profile_source {
            ProfileSource::Unreadable(problem) => notices.push(HomeNotice::safety(format!(
                "Could not read {problem}; it is left untouched. Starting a routine asks what to do."
            ))),
            ProfileSource::SafeForThisRun(problem) => notices.push(HomeNotice::safety(format!(
                "Could not read {problem}: using a safe profile for this run (lowest limit, every condition filter on)."
            ))),
            _ => {}
        }
        if let Some(closed) = &read.today.closed {
            notices.push(HomeNotice::safety(closed.summary()));
        }
        for notice in &read.today.notices {
            notices.push(HomeNotice {
                text: notice.text(today),
                safety: notice.is_safety(),
            });
        }
        let lookback = dates::add_days(today, -INTERRUPTED_LOOKBACK_DAYS);
        // Only a routine on the home list can be chosen to resume (a
        // one-exercise session is resumed from the browser or the command line).
        if let Some(resumable) = read
            .today
            .resumable
            .as_ref()
            .filter(|r| self.catalog.routine(&r.routine_id).is_some())
        {
            notices.push(HomeNotice::plain(format!(
                "Your {} was cut off earlier today: choose it to resume where you stopped (what you did is kept).",
                resumable.routine_name
            )));
        } else if let Some(cut) = read
            .history
            .interrupted()
            .filter(|s| s.date >= lookback && s.did_work())
            .last()
        {
            notices.push(HomeNotice::plain(format!(
                "Your session of {} was cut off; what you did is saved as partial.",
                dates::long_date(cut.date)
            )));
        }
        if let Some(notice) = &self.notice {
            notices.push(HomeNotice::plain(notice.clone()));
        }
        home.notices = notices;
        if let Some(last) = self.store.last_session(today) {
            home.status = Some(format!(
                "Last session: {}, {} ({})",
                dates::short_date(last.date),
                last.routine_name,
                last.effective_status(None).label()
            ));
        }
        Screen::Home(home)
    }

    /// The trends screen over the weeks it can show; `back` is where `q`
    /// returns to.
    fn trends_screen(&self, back: Option<Screen>) -> Screen {
        let today = self.today();
        let (from, to) = trends::spans_needed_range(today);
        let history = self.store.load(from, to);
        let spans = Trends::for_spans(&history, &self.profile, today);
        let mut screen = TrendsScreen::new(spans);
        screen.ascii = self.theme.ascii;
        Screen::Trends {
            screen: Box::new(screen),
            back: back.map(Box::new),
        }
    }

    fn week_summary(&self, week_of: Date) -> WeekSummary {
        let (from, to) = week::needed_range(week_of);
        let history: History = self.store.load(from, to);
        week::summarize(&history, &self.profile, week_of, self.today())
    }

    fn week_screen(&self, week_of: Date, from: OpenedFrom) -> Screen {
        Screen::Week {
            screen: Box::new(WeekScreen::new(self.week_summary(week_of))),
            from,
        }
    }

    // ---- saving ------------------------------------------------------------

    /// Saves the running session first when the frame about to be drawn
    /// announces work done (an exercise done, the session over): what the
    /// screen calls done is on disk (an fsync, ~2 ms). The loop calls it
    /// before drawing; every other save waits until the frame is out.
    pub fn save_before_showing(&mut self, now: Instant) {
        if let Screen::Session(run) = &mut self.screen
            && std::mem::take(&mut run.save_before_showing)
        {
            self.flush_saves(now);
        }
    }

    /// Saves the running session if it changed; the loop calls it once the
    /// frame showing the change is out, so an fsync never delays a frame.
    /// Returns whether what the screen says about saving changed.
    pub fn flush_saves(&mut self, now: Instant) -> bool {
        let Screen::Session(run) = &mut self.screen else {
            return self.hold_quit_for_unsaved();
        };
        if !std::mem::take(&mut run.save_due) {
            return self.hold_quit_for_unsaved();
        }
        let before = run.save_problem.clone();
        match self.store.save_session(run.log.record()) {
            Ok(()) => run.save_problem = None,
            Err(e) => {
                tracing::warn!("saving the session failed: {e}");
                run.save_problem = Some(e.reason());
                self.retry_at = Some(now + SAVE_RETRY);
            }
        }
        let changed = before != run.save_problem;
        changed | self.hold_quit_for_unsaved()
    }

    // ---- time and the background -------------------------------------------

    /// The next moment the app must wake; `None` when only a key can change anything.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let session = match &self.screen {
            Screen::Session(run) => run.next_wake(now),
            _ => None,
        };
        let retry = self.retry_at.filter(|_| self.store.pending() > 0);
        match (session, retry) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Time reached a wake-up.
    pub fn tick(&mut self, now: Instant) {
        if self.retry_at.is_some_and(|at| at <= now) {
            self.retry_at = None;
            let result = self.store.retry_pending();
            if let Screen::Session(run) = &mut self.screen {
                run.save_problem = result.as_ref().err().map(|e| e.to_string());
            }
            if result.is_err() {
                self.retry_at = Some(now + SAVE_RETRY);
            }
        }
        let bell = self.profile.bell;
        let wall = self.clock.now_or_last();
        if let Screen::Session(run) = &mut self.screen {
            run.tick(now, wall, bell);
        }
    }

    /// A background result arrived.
    pub fn background(&mut self, msg: Background) {
        match msg {
            Background::Audio(status) => {
                if let Screen::Session(run) = &mut self.screen {
                    run.audio_status(&status);
                }
            }
        }
    }

    /// The app must stop now (a signal, the terminal closing, Ctrl-C): a
    /// running session is saved as partial.
    pub fn interrupt(&mut self, now: Instant) {
        let wall = self.clock.now_or_last();
        if let Screen::Session(run) = &mut self.screen {
            run.interrupt(now, wall);
            run.save_due = true;
        }
        self.flush_saves(now);
        self.quit = true;
        // Nobody to ask: what cannot be written goes to a copy in the home folder.
        self.exit_note = self.store.rescue_pending(wall);
    }

    /// The record of the running session, if any.
    pub fn session_record(&self) -> Option<&SessionRecord> {
        match &self.screen {
            Screen::Session(run) => Some(run.record()),
            _ => None,
        }
    }

    // ---- keys ---------------------------------------------------------------

    /// A key press.
    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            // The Ctrl-C key ends the run as SIGINT does (exit 130).
            self.exit = super::Exit::Signal(2);
            self.interrupt(now);
            return;
        }
        if self.unsaved.is_some() {
            return self.on_unsaved_key(key);
        }
        // `?` shows the screen's keys; any key closes them (issue 18).
        if self.help.take().is_some() {
            return;
        }
        if key.code == KeyCode::Char('?') {
            self.help = help::for_screen(&self.screen);
            if self.help.is_some() {
                return;
            }
        }
        let screen = self.take_screen();
        self.screen = self.screen_key(screen, key, now);
    }

    fn screen_key(&mut self, screen: Screen, key: KeyEvent, now: Instant) -> Screen {
        match screen {
            Screen::Setup { mut form, then } => match form.on_key(key) {
                SetupAction::None => Screen::Setup { form, then },
                SetupAction::Save(profile) => self.setup_saved(profile, then),
                SetupAction::Cancel => self.home(),
            },
            Screen::Home(mut home) => match home.on_key(key) {
                HomeAction::None => Screen::Home(home),
                HomeAction::Start(id) => self.way_into_session(&id, Reading::Now),
                HomeAction::Week => self.week_screen(self.today(), OpenedFrom::Home),
                HomeAction::Trends => self.trends_screen(Some(Screen::Home(home))),
                HomeAction::Browse => Screen::Browser(BrowserScreen::default()),
                HomeAction::Profile => self.setup(AfterSetup::Home),
                HomeAction::Quit => {
                    self.quit = true;
                    Screen::Home(home)
                }
            },
            Screen::Browser(mut browser) => match browser.on_key(key, &self.catalog) {
                BrowserAction::None => Screen::Browser(browser),
                BrowserAction::Back => self.home(),
                // One exercise on its own, the same way in as a routine (issue 18).
                BrowserAction::DoNow(id) => {
                    self.way_into_session(&coach::one_exercise::routine_id(&id), Reading::Now)
                }
            },
            Screen::Journey(journey) => self.journey_key(journey, key, now),
            Screen::Session(mut run) => {
                let after = run.key(key, now, self.clock.now_or_last(), self.profile.bell);
                // `g` keeps the glance layout in the profile (issue 16).
                if let Some(glance) = run.take_glance_change() {
                    self.keep_glance(glance);
                }
                match after {
                    After::Stay => Screen::Session(run),
                    After::Quit => {
                        self.quit = true;
                        Screen::Session(run)
                    }
                    After::Home => self.home(),
                    After::Week => self.week_screen(self.today(), OpenedFrom::Home),
                }
            }
            Screen::Week { mut screen, from } => match screen.on_key(key) {
                WeekAction::None | WeekAction::Redraw => Screen::Week { screen, from },
                WeekAction::Trends => self.trends_screen(Some(Screen::Week { screen, from })),
                WeekAction::ShowWeek(date) => {
                    screen.set_summary(self.week_summary(date));
                    Screen::Week { screen, from }
                }
                WeekAction::MarkDay(date, mark) => {
                    if let Err(e) = self.store.set_mark(date, mark) {
                        tracing::warn!("saving a day mark failed: {e}");
                        self.retry_at = Some(now + SAVE_RETRY);
                    }
                    screen.set_summary(self.week_summary(screen.summary.week_start));
                    Screen::Week { screen, from }
                }
                WeekAction::Back if from == OpenedFrom::Home => self.home(),
                WeekAction::Back | WeekAction::Quit => {
                    self.quit = true;
                    Screen::Week { screen, from }
                }
            },
            Screen::Trends { mut screen, back } => match (screen.on_key(key), back) {
                (TrendsAction::Back, Some(previous)) => *previous,
                (TrendsAction::Back | TrendsAction::Quit, back) => {
                    self.quit = true;
                    Screen::Trends { screen, back }
                }
                (TrendsAction::None | TrendsAction::Redraw, back) => {
                    Screen::Trends { screen, back }
                }
            },
            Screen::Message(message) => match message.on_key(key) {
                MessageAction::None => Screen::Message(message),
                MessageAction::Home => self.home(),
                MessageAction::Quit => {
                    self.quit = true;
                    Screen::Message(message)
                }
                MessageAction::ContinueSafely(routine_id) => {
                    if let ProfileSource::Unreadable(problem) = &self.profile_source {
                        self.profile_source = ProfileSource::SafeForThisRun(problem.clone());
                        self.profile = Profile::safe();
                    }
                    self.way_into_session(&routine_id, Reading::Now)
                }
                MessageAction::Start(routine_id) => {
                    self.way_into_session(&routine_id, Reading::Now)
                }
            },
        }
    }

    /// The set-up was saved: say once to check with a professional when a
    /// condition, a return after a back issue or a history of injury was
    /// newly given (guides 000, 002, 003 and 004), then go on.
    fn setup_saved(&mut self, profile: Profile, then: AfterSetup) -> Screen {
        if let Err(e) = self.store.save_profile(&profile) {
            self.notice = Some(format!("Your profile was not saved: {e}"));
        }
        let newly_advised = profile.needs_professional_check()
            && (self.profile_source == ProfileSource::FirstRun
                || !self.profile.needs_professional_check()
                || self.profile.conditions != profile.conditions);
        self.profile = profile;
        self.profile_source = ProfileSource::Saved;
        if newly_advised {
            let routine_id = match &then {
                AfterSetup::Home => None,
                AfterSetup::Start(id) => Some(id.clone()),
            };
            return Screen::Message(Message {
                title: "Before you start".into(),
                lines: self.profile.professional_check_advice(),
                tone: Tone::Plain,
                choice: Choice::Continue { routine_id },
            });
        }
        match then {
            AfterSetup::Home => self.home(),
            AfterSetup::Start(routine) => self.way_into_session(&routine, Reading::Now),
        }
    }

    /// Keeps the glance layout chosen with `g` in the profile, unless the
    /// profile in force is not the saved one (an unreadable file is never
    /// overwritten).
    fn keep_glance(&mut self, glance: bool) {
        self.profile.glance = glance;
        if self.profile_source == ProfileSource::Saved
            && let Err(e) = self.store.save_profile(&self.profile)
        {
            tracing::warn!("saving the glance layout in the profile failed: {e}");
        }
    }

    fn take_screen(&mut self) -> Screen {
        std::mem::replace(&mut self.screen, Screen::placeholder())
    }

    // ---- drawing ------------------------------------------------------------

    /// Draws the current screen (or asks for a larger terminal).
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        // Small terminals: a compact session, or a request for more room.
        let drawn_small =
            (area.width < MIN_WIDTH || area.height < MIN_HEIGHT) && self.render_small(frame, area);
        let theme = &self.theme;
        match &self.screen {
            _ if drawn_small => {}
            Screen::Setup { form, .. } => form.render(frame, area, theme),
            Screen::Home(home) => home.render(frame, area, theme),
            Screen::Browser(browser) => browser.render(frame, area, &self.catalog, theme),
            Screen::Journey(journey) => {
                let routine = coach::one_exercise::resolve(&self.catalog, &journey.routine_id);
                let name = routine
                    .as_ref()
                    .map_or(journey.routine_id.as_str(), |r| r.name.as_str());
                match &journey.stage {
                    Stage::Reading => checkin_screen::render_reading(frame, area, name, theme),
                    Stage::CheckIn { flow, read } => {
                        let notices: Vec<String> = read
                            .today
                            .notices
                            .iter()
                            .map(|n| n.text(read.today.date))
                            .collect();
                        checkin_screen::render(frame, area, flow, name, &notices, theme)
                    }
                    Stage::Preview { screen, .. } => screen.render(frame, area, theme),
                    Stage::ResumeOffer { plan, at, .. } => resume_screen::render(
                        frame,
                        area,
                        name,
                        at + 1,
                        plan.exercises.len(),
                        plan.exercises.get(*at).map_or("", |e| e.name.as_str()),
                        theme,
                    ),
                }
            }
            Screen::Session(run) => {
                let view = run.engine.view(Instant::now());
                let status = Status {
                    sound: run.sound_label(),
                    save_problem: run.save_problem.clone(),
                };
                session_screen::render(frame, area, &view, &status, theme);
            }
            Screen::Week { screen, .. } => screen.render(frame, area, theme),
            Screen::Trends { screen, .. } => screen.render(frame, area, theme),
            Screen::Message(message) => message.render(
                frame,
                centered(area, area.width.min(84), area.height),
                theme,
            ),
        }
        if let Some(help) = self.help.as_ref().filter(|_| !drawn_small) {
            help.render(frame, area, theme);
        }
        if let Some(prompt) = &self.unsaved {
            prompt.render(frame, area, theme);
        }
        // ASCII terminals (issue 18): whatever is left of Unicode, in look-alikes.
        if theme.ascii {
            crate::tui::widgets::ascii::transliterate(frame.buffer_mut(), area);
        }
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

fn render_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = vec![
        Line::from(Span::styled("Make the terminal larger", theme.warn())),
        Line::raw(format!(
            "backcoach needs at least {MIN_WIDTH} × {MIN_HEIGHT};"
        )),
        Line::raw(format!("this one is {} × {}.", area.width, area.height)),
        Line::raw("q quits."),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        centered(area, area.width.min(40), 4),
    );
}
