//! The application as screen routing: which screen is up, and how keys, time
//! and background results move between screens. It shows what the coach
//! decides (today, the gate, the check-in, the plan) and turns engine effects
//! into the world through the running session; it decides nothing itself.
//!
//! * [`journey`]: the way into a session, the same for every path, and
//!   `into_session`: the app's side of it (its keys, starting the session);
//! * [`running`]: a running session and its edges (sound, saves);
//! * [`message`]: short message screens (a refusal, an unreadable profile);
//! * `home`: the screens around a session (home, week, trends, the set-up);
//! * `saving`: saved before shown, retries, the unsaved-changes prompt;
//! * `compact` and `help`: small terminals, and `?` outside a session;
//! * this file: the screens, the routing between them, and what the event
//!   loop calls.

mod compact;
mod help;
mod home;
mod into_session;
pub mod journey;
pub mod message;
pub mod running;
mod saving;

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
use crate::domain::{FileProblem, SessionRecord};
use crate::profile::Profile;
use crate::store::Store;
use crate::tui::screens::browser::{BrowserAction, BrowserScreen};
use crate::tui::screens::checkin as checkin_screen;
use crate::tui::screens::home::{HomeAction, HomeScreen};
use crate::tui::screens::resume as resume_screen;
use crate::tui::screens::session as session_screen;
use crate::tui::screens::setup::{SetupAction, SetupScreen};
use crate::tui::screens::trends::{TrendsAction, TrendsScreen};
use crate::tui::screens::unsaved::UnsavedPrompt;
use crate::tui::screens::week::{WeekAction, WeekScreen};
use crate::tui::theme::Theme;
use crate::tui::widgets::{MIN_HEIGHT, MIN_WIDTH, centered};
use journey::{Journey, Stage};
use message::{Choice, Message, MessageAction, Tone};
use running::{After, SessionRun};

pub use running::{AUDIO_FINISH, engine_key};

/// How long after a failed save the store tries again.
pub const SAVE_RETRY: Duration = Duration::from_secs(5);

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
        self.tz.get_or_init(crate::clock::local_zone)
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
                let status = run.status();
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
