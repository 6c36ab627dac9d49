//! The application: which screen is up, and how keys, time and background
//! results move between screens. It turns engine effects into the world
//! (sound, saving) and draws; the decisions live in the engine and the rules.

use std::cell::OnceCell;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::Instant;

use crate::audio::{Audio, AudioStatus, SoundState};
use crate::catalog::Catalog;
use crate::coach::checkin::{CheckInContext, CheckInFlow, State as CheckInState};
use crate::domain::History;
use crate::domain::{CheckIn, SessionRecord};
use crate::plan::Plan;
use crate::profile::Profile;
use crate::rules::plan::{self as plan_rules, Planned};
use crate::rules::week::{self, WeekSummary};
use crate::session::record::SessionLog;
use crate::session::{self, Effect, Ending, Key, Session, Settings};
use crate::store::Store;
use crate::tui::screens::browser::{BrowserAction, BrowserScreen};
use crate::tui::screens::checkin::{self as checkin_screen, CheckInAction};
use crate::tui::screens::home::{HomeAction, HomeScreen};
use crate::tui::screens::preview::{PreviewAction, PreviewScreen};
use crate::tui::screens::session::{self as session_screen, Status};
use crate::tui::screens::setup::{SetupAction, SetupScreen};
use crate::tui::screens::week::{WeekAction, WeekScreen};
// Trends (issue 19).
use crate::rules::trends::{self, Trends};
use crate::tui::screens::trends::{TrendsAction, TrendsScreen};
use crate::tui::theme::Theme;
use crate::tui::widgets::{MIN_HEIGHT, MIN_WIDTH, centered, key_hints};

/// How long after a failed save the store tries again.
pub const SAVE_RETRY: Duration = Duration::from_secs(5);
/// How long the audio device stays open after a session ends, so its last cue plays out.
pub const AUDIO_LINGER: Duration = Duration::from_secs(2);
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
    /// `backcoach trends` (issue 19).
    Trends,
}

/// Work finished elsewhere, reported to the event loop.
#[derive(Debug)]
pub enum Background {
    /// What the audio thread found out about the output device.
    Audio(AudioStatus),
}

/// Where to go once the first-run set-up is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AfterSetup {
    Home,
    Start(String),
}

/// A running guided session and its edges.
struct SessionRun {
    engine: Session,
    log: SessionLog,
    audio: Option<Audio>,
    sound: SoundState,
    save_problem: Option<String>,
    /// When to close the audio device once the session is over.
    audio_close_at: Option<Instant>,
}

enum Screen {
    Setup {
        form: SetupScreen,
        then: AfterSetup,
    },
    Home(HomeScreen),
    Browser(BrowserScreen),
    Preview {
        screen: PreviewScreen,
        checkin: Option<CheckIn>,
    },
    CheckIn {
        flow: Box<CheckInFlow>,
        /// The routine it is for (its name comes from the catalog).
        routine_id: String,
        /// Today's plan, once the history behind it has been read.
        plan: Option<Box<Plan>>,
        then_preview: bool,
    },
    Session(Box<SessionRun>),
    Week {
        screen: Box<WeekScreen>,
        /// Opened from the home or end screen: `q` goes home, not out.
        from_home: bool,
    },
    /// Trends (issue 19); `q` goes back to `back`, or quits when opened from the command line.
    Trends {
        screen: Box<TrendsScreen>,
        back: Option<Box<Screen>>,
    },
    /// A short message with a way home (a routine that cannot start today).
    Message {
        title: String,
        lines: Vec<String>,
    },
}

impl Screen {
    fn placeholder() -> Screen {
        Screen::Message {
            title: String::new(),
            lines: Vec::new(),
        }
    }
}

/// The whole application state.
pub struct App {
    catalog: Catalog,
    profile: Profile,
    store: Store,
    theme: Theme,
    /// `--mute` / `BACKCOACH_MUTE`: no sound device is opened at all.
    cli_muted: bool,
    /// The system time zone, looked up on first use (finding its name can
    /// walk the zoneinfo folder): never on the way to the first frame.
    tz: OnceCell<TimeZone>,
    screen: Screen,
    /// Problems reading files, shown on the home screen.
    notice: Option<String>,
    background: UnboundedSender<Background>,
    quit: bool,
    bell: bool,
    /// When to retry saves that failed.
    retry_at: Option<Instant>,
    /// The running session changed and is to be saved once the frame is out.
    save_due: bool,
    /// History the first screen still has to read (after its first frame).
    deferred: bool,
}

impl App {
    /// Builds the app at its first screen. Cheap: the history is read only as
    /// far as the first screen needs.
    pub fn new(
        catalog: Catalog,
        store: Store,
        start: StartAt,
        cli_muted: bool,
        theme: Theme,
        background: UnboundedSender<Background>,
    ) -> App {
        let (profile, first_run, notice) = match store.load_profile() {
            Ok(Some(p)) => (p, false, None),
            Ok(None) => (Profile::default(), true, None),
            Err(problem) => (
                Profile::default(),
                false,
                Some(format!(
                    "{problem} — using the default profile; the file is left untouched"
                )),
            ),
        };
        let mut app = App {
            catalog,
            profile,
            store,
            theme,
            cli_muted,
            tz: OnceCell::new(),
            screen: Screen::placeholder(),
            notice,
            background,
            quit: false,
            bell: false,
            retry_at: None,
            save_due: false,
            deferred: false,
        };
        match start {
            StartAt::Week(date) => {
                let week_of = date.unwrap_or_else(|| app.today());
                app.screen = app.week_screen(week_of, false);
            }
            StartAt::Trends => app.screen = app.trends_screen(None), // issue 19
            StartAt::Home if first_run => {
                app.screen = Screen::Setup {
                    form: SetupScreen::new(app.profile.clone(), true),
                    then: AfterSetup::Home,
                }
            }
            StartAt::Session(routine) if first_run => {
                app.screen = Screen::Setup {
                    form: SetupScreen::new(app.profile.clone(), true),
                    then: AfterSetup::Start(routine),
                }
            }
            StartAt::Home => {
                app.screen = Screen::Home(HomeScreen::new(&app.catalog, |_| None));
                app.deferred = true;
            }
            StartAt::Session(routine) => {
                app.begin(&routine, true, false);
                app.deferred = true;
            }
        }
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
        match self.screen {
            Screen::Home(_) => self.go_home(),
            Screen::CheckIn { .. } => self.read_for_checkin(),
            _ => {}
        }
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

    /// Whether a terminal bell is due (the profile asks for one on phase changes).
    pub fn take_bell(&mut self) -> bool {
        std::mem::take(&mut self.bell)
    }

    fn today(&self) -> Date {
        Timestamp::now().to_zoned(self.tz().clone()).date()
    }

    fn go(&mut self, to: AfterSetup) {
        match to {
            AfterSetup::Home => self.go_home(),
            AfterSetup::Start(routine) => self.begin(&routine, true, true),
        }
    }

    fn go_home(&mut self) {
        let today = self.today();
        let recent = self
            .store
            .load(week::add_days(today, -INTERRUPTED_LOOKBACK_DAYS), today);
        let now = Timestamp::now();
        let mut home = HomeScreen::new(&self.catalog, |id| {
            let routine = self.catalog.routine(id)?;
            let at = plan_rules::next_allowed(routine, &recent.sessions).filter(|at| *at > now)?;
            Some(format!(
                "next due {}",
                plan_rules::when_label(at, self.tz())
            ))
        });
        if let Some(cut) = recent.interrupted().last() {
            home.notice = Some(format!(
                "Your session of {} was cut off; what you did is saved as partial.",
                week::long_date(cut.date)
            ));
        }
        if let Some(problem) = recent.problems.first() {
            home.notice = Some(format!("Could not read {problem}; it is left untouched."));
        }
        if let Some(notice) = &self.notice {
            home.notice = Some(notice.clone());
        }
        if let Some(last) = self.store.last_session(today) {
            home.status = Some(format!(
                "Last session: {}, {} ({})",
                week::short_date(last.date),
                last.routine_name,
                last.effective_status(None).label()
            ));
        }
        self.screen = Screen::Home(home);
    }

    fn week_summary(&self, week_of: Date) -> WeekSummary {
        let (from, to) = week::needed_range(week_of);
        let history = self.store.load(from, to);
        week::summarize(&history, &self.profile, week_of, self.today())
    }

    fn week_screen(&self, week_of: Date, from_home: bool) -> Screen {
        Screen::Week {
            screen: Box::new(WeekScreen::new(self.week_summary(week_of))),
            from_home,
        }
    }

    /// The trends screen over the weeks it can show (issue 19); `back` is
    /// where `q` returns to.
    fn trends_screen(&self, back: Option<Screen>) -> Screen {
        let today = self.today();
        let (from, to) = trends::spans_needed_range(today);
        let history = self.store.load(from, to);
        let spans = Trends::for_spans(&history, &self.profile, today);
        Screen::Trends {
            screen: Box::new(TrendsScreen::new(spans)),
            back: back.map(Box::new),
        }
    }

    /// The recent history the coach's rules read.
    fn recent_history(&self) -> History {
        let today = self.today();
        self.store.load(week::add_days(today, -56), today)
    }

    /// Today's plan for a routine: the coach's rules (profile, conditions,
    /// equipment, progression, the 48-hour gate) applied to the routine.
    fn planned(&self, routine_id: &str) -> Option<Planned> {
        let routine = self.catalog.routine(routine_id)?;
        let recent = self.recent_history();
        let mut planned = plan_rules::build(
            &self.catalog,
            routine,
            &self.profile,
            &recent,
            Timestamp::now(),
            self.tz(),
        );
        let suggestions = std::mem::take(&mut planned.suggestions);
        planned.plan.notes.extend(suggestions);
        Some(planned)
    }

    /// The check-in's plan: the one already made (previewed, or read after
    /// the first frame), else today's plan made now.
    fn plan_made_or_make(
        &self,
        made: Option<Box<Plan>>,
        routine_id: &str,
    ) -> Result<Plan, Box<Screen>> {
        match made {
            Some(plan) => Ok(*plan),
            None => self.plan_or_message(routine_id),
        }
    }

    /// The plan, or a message saying why the routine cannot start now.
    fn plan_or_message(&self, routine_id: &str) -> Result<Plan, Box<Screen>> {
        let Some(planned) = self.planned(routine_id) else {
            return Err(Box::new(Screen::Message {
                title: "Unknown routine".into(),
                lines: vec![format!("No routine has the id \"{routine_id}\".")],
            }));
        };
        if let Some(at) = planned.not_before.filter(|at| *at > Timestamp::now()) {
            return Err(Box::new(Screen::Message {
                title: format!("{}: not today yet", planned.plan.routine_name),
                lines: vec![
                    "Heavy strength work needs about 48 hours between sessions so your muscles can recover.".into(),
                    format!("It is next due {}.", plan_rules::when_label(at, self.tz())),
                    "A gentle routine, such as the stretches or the desk break, is fine in between.".into(),
                ],
            }));
        }
        Ok(planned.plan)
    }

    /// Starts the check-in for a routine; `then_preview` shows the plan after
    /// it. With `read_now` false the history is read after the first frame.
    fn begin(&mut self, routine_id: &str, then_preview: bool, read_now: bool) {
        let Some(routine) = self.catalog.routine(routine_id) else {
            self.screen = Screen::Message {
                title: "Unknown routine".into(),
                lines: vec![format!("No routine has the id \"{routine_id}\".")],
            };
            return;
        };
        // The date is set when the history is read (no time-zone look-up
        // before the first frame); until then, the UTC date stands in.
        let now = Timestamp::now();
        let ctx = CheckInContext {
            today: now.to_zoned(TimeZone::UTC).date(),
            now,
            last_session: None,
            warning_signs_asked_today: false,
            stop_cleared: false,
            limit: self.profile.effective_limit(),
        };
        self.screen = Screen::CheckIn {
            flow: Box::new(CheckInFlow::new(ctx)),
            routine_id: routine.id.clone(),
            plan: None,
            then_preview,
        };
        if read_now {
            self.read_for_checkin();
        }
    }

    /// The check-in before a plan already previewed (from the home screen).
    fn begin_checkin(&mut self, plan: Plan) {
        let id = plan.routine_id.clone();
        self.begin(&id, false, false);
        if let Screen::CheckIn { plan: slot, .. } = &mut self.screen {
            *slot = Some(Box::new(plan));
        }
        self.read_for_checkin();
    }

    /// Reads the history the check-in and today's plan need: the last session,
    /// today's check-ins, the weeks the coach's rules look at. A routine that
    /// cannot start today (the 48-hour rule) turns into a message instead.
    fn read_for_checkin(&mut self) {
        if !matches!(self.screen, Screen::CheckIn { .. }) {
            return;
        }
        let Screen::CheckIn {
            mut flow,
            routine_id,
            plan,
            then_preview,
        } = self.take_screen()
        else {
            return;
        };
        let plan = match self.plan_made_or_make(plan, &routine_id) {
            Ok(plan) => plan,
            Err(message) => {
                self.screen = *message;
                return;
            }
        };
        let today = self.today();
        let last_session = self.store.last_session(today).map(|mut s| {
            s.status = s.effective_status(None);
            s
        });
        let recent = self.recent_history();
        let stop_cleared = last_session.as_ref().is_some_and(|last| {
            recent
                .checkins
                .iter()
                .any(|c| c.at > last.started && c.stop_pain_eased == Some(true))
        });
        let asked_today = recent
            .checkins
            .iter()
            .any(|c| c.date == today && c.asked_warning_signs);
        flow.set_history(today, last_session, asked_today, stop_cleared);
        self.screen = Screen::CheckIn {
            flow,
            routine_id,
            plan: Some(Box::new(plan)),
            then_preview,
        };
    }

    fn start_session(&mut self, plan: Plan, checkin: Option<CheckIn>, now: Instant) {
        let started = Timestamp::now();
        let date = started.to_zoned(self.tz().clone()).date();
        let baseline = checkin.as_ref().map(|c| c.baseline);
        let settings = Settings {
            limit: self.profile.effective_limit(),
            baseline,
            muted: self.cli_muted,
            started_wall: started,
            get_ready: session::GET_READY,
        };
        let log = SessionLog::new(&plan, started, date, baseline);
        let (engine, fx) = Session::new(plan, settings, now);
        let audio = if self.cli_muted {
            None
        } else {
            let tx = self.background.clone();
            Some(Audio::spawn(self.profile.volume, move |status| {
                let _ = tx.send(Background::Audio(status));
            }))
        };
        let sound = if self.cli_muted {
            SoundState::Muted
        } else {
            SoundState::On
        };
        let mut run = SessionRun {
            engine,
            log,
            audio,
            sound,
            save_problem: None,
            audio_close_at: None,
        };
        // On disk from the first moment (right after its first frame): a
        // cut-off session shows up as partial.
        self.save_due = true;
        self.apply_effects(&mut run, fx, now);
        self.screen = Screen::Session(Box::new(run));
    }

    fn save(&mut self, run: &mut SessionRun, now: Instant) {
        match self.store.save_session(run.log.record()) {
            Ok(()) => run.save_problem = None,
            Err(e) => {
                tracing::warn!("saving the session failed: {e}");
                run.save_problem = Some(e.to_string());
                self.retry_at = Some(now + SAVE_RETRY);
            }
        }
    }

    fn apply_effects(&mut self, run: &mut SessionRun, fx: Vec<Effect>, now: Instant) {
        let active = run.engine.active(now).as_secs() as u32;
        let mut changed = false;
        for effect in &fx {
            match effect {
                Effect::Sound(cue) => {
                    if let Some(audio) = &run.audio {
                        audio.play(*cue);
                    }
                }
                Effect::Flash(_) => {
                    if self.profile.bell {
                        self.bell = true;
                    }
                }
                Effect::Ended(_) => {
                    // No cue can follow: close the device once the last one has played.
                    run.audio_close_at = Some(now + AUDIO_LINGER);
                    changed |= run.log.apply(effect, Timestamp::now(), active);
                }
                _ => changed |= run.log.apply(effect, Timestamp::now(), active),
            }
        }
        if changed {
            self.save_due = true;
        }
    }

    /// Saves the running session if it changed; the loop calls it once the
    /// frame showing the change is out, so an fsync never delays a frame.
    /// Returns whether what the screen says about saving changed.
    pub fn flush_saves(&mut self, now: Instant) -> bool {
        if !std::mem::take(&mut self.save_due) {
            return false;
        }
        let mut screen = std::mem::replace(&mut self.screen, Screen::placeholder());
        let changed = match &mut screen {
            Screen::Session(run) => {
                let before = run.save_problem.clone();
                self.save(run, now);
                before != run.save_problem
            }
            _ => false,
        };
        self.screen = screen;
        changed
    }

    /// The next moment the app must wake; `None` when only a key can change anything.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let engine = match &self.screen {
            Screen::Session(run) => {
                let close = run.audio_close_at.filter(|_| run.audio.is_some());
                match (run.engine.next_wake(now), close) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            }
            _ => None,
        };
        let retry = self.retry_at.filter(|_| self.store.pending() > 0);
        match (engine, retry) {
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
        let mut screen = std::mem::replace(&mut self.screen, Screen::placeholder());
        if let Screen::Session(run) = &mut screen {
            let fx = run.engine.tick(now);
            self.apply_effects(run, fx, now);
            if run.audio_close_at.is_some_and(|at| at <= now) {
                run.audio = None;
                run.audio_close_at = None;
            }
        }
        self.screen = screen;
    }

    /// A background result arrived.
    pub fn background(&mut self, msg: Background) {
        match msg {
            Background::Audio(status) => {
                if let Screen::Session(run) = &mut self.screen {
                    run.sound = run.sound.with_status(&status);
                }
            }
        }
    }

    /// The app must stop now (a signal, the terminal closing, Ctrl-C): a
    /// running session is saved as partial.
    pub fn interrupt(&mut self, now: Instant) {
        let mut screen = std::mem::replace(&mut self.screen, Screen::placeholder());
        if let Screen::Session(run) = &mut screen
            && run.engine.ending().is_none()
        {
            let active = run.engine.active(now).as_secs() as u32;
            run.log.interrupt(Timestamp::now(), active);
        }
        if let Screen::Session(run) = &mut screen {
            self.save(run, now);
        }
        self.save_due = false;
        self.screen = screen;
        self.quit = true;
    }

    /// The record of the running session, if any.
    pub fn session_record(&self) -> Option<&SessionRecord> {
        match &self.screen {
            Screen::Session(run) => Some(run.log.record()),
            _ => None,
        }
    }

    /// A key press.
    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.interrupt(now);
            return;
        }
        let screen = std::mem::replace(&mut self.screen, Screen::placeholder());
        self.screen = self.screen_key(screen, key, now);
    }

    fn screen_key(&mut self, screen: Screen, key: KeyEvent, now: Instant) -> Screen {
        match screen {
            Screen::Setup { mut form, then } => match form.on_key(key) {
                SetupAction::None => Screen::Setup { form, then },
                SetupAction::Save(profile) => {
                    if let Err(e) = self.store.save_profile(&profile) {
                        self.notice = Some(format!("Your profile was not saved: {e}"));
                    }
                    self.profile = profile;
                    self.go(then);
                    self.take_screen()
                }
                SetupAction::Cancel => {
                    self.go_home();
                    self.take_screen()
                }
            },
            Screen::Home(mut home) => match home.on_key(key) {
                HomeAction::None => Screen::Home(home),
                HomeAction::Preview(id) => match self.plan_or_message(&id) {
                    Ok(plan) => Screen::Preview {
                        screen: PreviewScreen::new(plan),
                        checkin: None,
                    },
                    Err(message) => *message,
                },
                HomeAction::Week => self.week_screen(self.today(), true),
                HomeAction::Trends => self.trends_screen(Some(Screen::Home(home))), // issue 19
                HomeAction::Browse => Screen::Browser(BrowserScreen::default()),
                HomeAction::Profile => Screen::Setup {
                    form: SetupScreen::new(self.profile.clone(), false),
                    then: AfterSetup::Home,
                },
                HomeAction::Quit => {
                    self.quit = true;
                    Screen::Home(home)
                }
            },
            Screen::Browser(mut browser) => match browser.on_key(key, &self.catalog) {
                BrowserAction::None => Screen::Browser(browser),
                BrowserAction::Back => {
                    self.go_home();
                    self.take_screen()
                }
            },
            Screen::Preview {
                mut screen,
                checkin,
            } => match screen.on_key(key) {
                PreviewAction::None => Screen::Preview { screen, checkin },
                PreviewAction::Back => {
                    self.go_home();
                    self.take_screen()
                }
                PreviewAction::Start => match checkin {
                    Some(checkin) => {
                        self.start_session(screen.plan, Some(checkin), now);
                        self.take_screen()
                    }
                    None => {
                        self.begin_checkin(screen.plan);
                        self.take_screen()
                    }
                },
            },
            Screen::CheckIn {
                mut flow,
                routine_id,
                plan,
                then_preview,
            } => {
                let action = checkin_screen::on_key(&mut flow, key);
                let done = match (&action, flow.state()) {
                    (CheckInAction::Finished, CheckInState::Done(checkin)) => Some(checkin.clone()),
                    _ => None,
                };
                if action == CheckInAction::Finished
                    && let Err(e) = self.store.save_checkin(flow.record())
                {
                    self.notice = Some(format!("The check-in was not saved yet: {e}"));
                    self.retry_at = Some(now + SAVE_RETRY);
                }
                match (action, done) {
                    (CheckInAction::Home, _) => {
                        self.go_home();
                        self.take_screen()
                    }
                    (CheckInAction::Quit, _) => {
                        self.quit = true;
                        Screen::placeholder()
                    }
                    (CheckInAction::Finished, Some(checkin)) => {
                        let plan = match self.plan_made_or_make(plan, &routine_id) {
                            Ok(plan) => plan,
                            Err(message) => return *message,
                        };
                        if then_preview {
                            let mut screen = PreviewScreen::new(plan);
                            screen.note = Some(format!(
                                "Check-in: discomfort {}/10 now. Press Enter to begin.",
                                checkin.baseline
                            ));
                            Screen::Preview {
                                screen,
                                checkin: Some(checkin),
                            }
                        } else {
                            self.start_session(plan, Some(checkin), now);
                            self.take_screen()
                        }
                    }
                    _ => Screen::CheckIn {
                        flow,
                        routine_id,
                        plan,
                        then_preview,
                    },
                }
            }
            Screen::Session(run) => self.session_key(run, key, now),
            Screen::Week {
                mut screen,
                from_home,
            } => match screen.on_key(key) {
                WeekAction::None | WeekAction::Redraw => Screen::Week { screen, from_home },
                WeekAction::Trends => self.trends_screen(Some(Screen::Week { screen, from_home })), // issue 19
                WeekAction::ShowWeek(date) => {
                    screen.set_summary(self.week_summary(date));
                    Screen::Week { screen, from_home }
                }
                WeekAction::MarkDay(date, mark) => {
                    if let Err(e) = self.store.set_mark(date, mark) {
                        tracing::warn!("saving a day mark failed: {e}");
                        self.retry_at = Some(now + SAVE_RETRY);
                    }
                    screen.set_summary(self.week_summary(screen.summary.week_start));
                    Screen::Week { screen, from_home }
                }
                WeekAction::Back if from_home => {
                    self.go_home();
                    self.take_screen()
                }
                WeekAction::Back | WeekAction::Quit => {
                    self.quit = true;
                    Screen::Week { screen, from_home }
                }
            },
            // Trends (issue 19).
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
            Screen::Message { title, lines } => match key.code {
                KeyCode::Char('q') => {
                    self.quit = true;
                    Screen::Message { title, lines }
                }
                KeyCode::Char('h') | KeyCode::Enter | KeyCode::Esc => {
                    self.go_home();
                    self.take_screen()
                }
                _ => Screen::Message { title, lines },
            },
        }
    }

    fn session_key(&mut self, mut run: Box<SessionRun>, key: KeyEvent, now: Instant) -> Screen {
        if let Some(ending) = run.engine.ending().cloned() {
            // After the end (or a safety stop) the only ways on are home, week or quit.
            match key.code {
                KeyCode::Char('h') => {
                    self.go_home();
                    return self.take_screen();
                }
                KeyCode::Char('w') => return self.week_screen(self.today(), true),
                KeyCode::Char('q') | KeyCode::Esc => {
                    self.quit = true;
                    return Screen::Session(run);
                }
                _ if ending != Ending::Completed => return Screen::Session(run),
                _ => {}
            }
        }
        let Some(engine_key) = engine_key(key) else {
            return Screen::Session(run);
        };
        let fx = run.engine.key(engine_key, now);
        if let Some(audio) = &run.audio {
            audio.set_muted(run.engine.muted());
        }
        run.sound = match (run.engine.muted(), run.sound) {
            (_, SoundState::NoDevice) => SoundState::NoDevice,
            (true, _) => SoundState::Muted,
            (false, _) if self.cli_muted => SoundState::Muted,
            (false, _) => SoundState::On,
        };
        let quit = fx.iter().any(|e| matches!(e, Effect::Ended(Ending::Quit)));
        self.apply_effects(&mut run, fx, now);
        if quit {
            self.quit = true;
        }
        Screen::Session(run)
    }

    fn take_screen(&mut self) -> Screen {
        std::mem::replace(&mut self.screen, Screen::placeholder())
    }

    /// Draws the current screen (or asks for a larger terminal).
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(frame, area, &self.theme);
            return;
        }
        let now = Instant::now();
        let theme = &self.theme;
        match &self.screen {
            Screen::Setup { form, .. } => form.render(frame, area, theme),
            Screen::Home(home) => home.render(frame, area, theme),
            Screen::Browser(browser) => browser.render(frame, area, &self.catalog, theme),
            Screen::Preview { screen, .. } => screen.render(frame, area, theme),
            Screen::CheckIn {
                flow, routine_id, ..
            } => {
                let name = self
                    .catalog
                    .routine(routine_id)
                    .map_or(routine_id.as_str(), |r| r.name.as_str());
                checkin_screen::render(frame, area, flow, name, theme)
            }
            Screen::Session(run) => {
                let view = run.engine.view(now);
                let status = Status {
                    sound: if self.cli_muted {
                        "muted".to_string()
                    } else {
                        run.sound.label().to_string()
                    },
                    save_problem: run.save_problem.clone(),
                };
                session_screen::render(frame, area, &view, &status, theme);
            }
            Screen::Week { screen, .. } => screen.render(frame, area, theme),
            Screen::Trends { screen, .. } => screen.render(frame, area, theme), // issue 19
            Screen::Message { title, lines } => {
                let mut text = vec![
                    Line::from(Span::styled(title.clone(), theme.title())),
                    Line::raw(""),
                ];
                text.extend(lines.iter().map(|l| Line::raw(l.clone())));
                text.push(Line::raw(""));
                text.push(key_hints(theme, &[("h", "home"), ("q", "quit")]));
                frame.render_widget(
                    Paragraph::new(text).wrap(Wrap { trim: false }),
                    centered(area, 72, 12),
                );
            }
        }
    }
}

/// A terminal key as the engine understands it.
pub fn engine_key(key: KeyEvent) -> Option<Key> {
    Some(match key.code {
        KeyCode::Char(' ') => Key::Space,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        _ => return None,
    })
}

fn render_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = vec![
        Line::from(Span::styled("Make the terminal larger", theme.warn())),
        Line::raw(format!(
            "backcoach needs at least {MIN_WIDTH} × {MIN_HEIGHT};"
        )),
        Line::raw(format!("this one is {} × {}.", area.width, area.height)),
        Line::raw("Timers keep running. q quits."),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        centered(area, area.width.min(40), 4),
    );
}
