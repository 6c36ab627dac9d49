//! The application: which screen is up, and how keys, time and background
//! results move between screens. It turns engine effects into the world
//! (sound, saving) and draws; the decisions live in the engine and the rules.

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
use crate::checkin::{CheckInContext, CheckInFlow, State as CheckInState};
use crate::plan::Plan;
use crate::profile::Profile;
use crate::session::record::SessionLog;
use crate::session::{self, Effect, Ending, Key, Session, Settings};
use crate::store::records::CheckIn;
use crate::tui::screens::browser::{BrowserAction, BrowserScreen};
use crate::tui::screens::checkin::{self as checkin_screen, CheckInAction};
use crate::tui::screens::home::{HomeAction, HomeScreen};
use crate::tui::screens::preview::{PreviewAction, PreviewScreen};
use crate::tui::screens::session::{self as session_screen, Status};
use crate::tui::screens::setup::{SetupAction, SetupScreen};
use crate::tui::theme::Theme;
use crate::tui::widgets::{MIN_HEIGHT, MIN_WIDTH, centered};

/// Where a run starts, from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartAt {
    Home,
    /// `backcoach start ROUTINE`.
    Session(String),
    /// `backcoach week [--date D]`.
    Week(Option<Date>),
}

/// Work finished elsewhere, reported to the event loop.
#[derive(Debug)]
pub enum Background {
    Audio(AudioStatus),
}

/// Where to go once the first-run set-up is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AfterSetup {
    Home,
    Start(String),
    Week(Option<Date>),
}

/// A running guided session and its edges.
struct SessionRun {
    engine: Session,
    log: SessionLog,
    audio: Option<Audio>,
    sound: SoundState,
    save_problem: Option<String>,
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
        plan: Box<Plan>,
        then_preview: bool,
    },
    Session(Box<SessionRun>),
    /// A short message with a way home (a routine that cannot start today).
    Message {
        title: String,
        lines: Vec<String>,
    },
}

/// The whole application state.
pub struct App {
    catalog: Catalog,
    profile: Profile,
    theme: Theme,
    /// `--mute` / `BACKCOACH_MUTE`: no sound device is opened at all.
    cli_muted: bool,
    tz: TimeZone,
    screen: Screen,
    background: UnboundedSender<Background>,
    quit: bool,
    bell: bool,
}

impl App {
    /// Builds the app at its first screen. Cheap: no history is read here.
    pub fn new(
        catalog: Catalog,
        profile: Option<Profile>,
        start: StartAt,
        cli_muted: bool,
        theme: Theme,
        background: UnboundedSender<Background>,
    ) -> App {
        let first_run = profile.is_none();
        let mut app = App {
            catalog,
            profile: profile.unwrap_or_default(),
            theme,
            cli_muted,
            tz: TimeZone::try_system().unwrap_or(TimeZone::UTC),
            screen: Screen::Message {
                title: String::new(),
                lines: Vec::new(),
            },
            background,
            quit: false,
            bell: false,
        };
        let then = match start {
            StartAt::Home => AfterSetup::Home,
            StartAt::Session(routine) => AfterSetup::Start(routine),
            StartAt::Week(date) => AfterSetup::Week(date),
        };
        if first_run && then != AfterSetup::Week(None) && !matches!(then, AfterSetup::Week(_)) {
            app.screen = Screen::Setup {
                form: SetupScreen::new(app.profile.clone(), true),
                then,
            };
        } else {
            app.go(then);
        }
        app
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
        Timestamp::now().to_zoned(self.tz.clone()).date()
    }

    fn go(&mut self, to: AfterSetup) {
        match to {
            AfterSetup::Home => self.go_home(),
            AfterSetup::Start(routine) => self.begin(&routine, true),
            AfterSetup::Week(_) => self.go_home(),
        }
    }

    fn go_home(&mut self) {
        self.screen = Screen::Home(HomeScreen::new(&self.catalog, |_| None));
    }

    /// Today's plan for a routine: the coach's rules applied to the routine.
    fn plan_for(&self, routine_id: &str) -> Option<Plan> {
        let routine = self.catalog.routine(routine_id)?;
        Some(Plan::base(&self.catalog, routine))
    }

    /// Starts the check-in for a routine; `then_preview` shows the plan after it.
    fn begin(&mut self, routine_id: &str, then_preview: bool) {
        let Some(plan) = self.plan_for(routine_id) else {
            self.screen = Screen::Message {
                title: "Unknown routine".into(),
                lines: vec![format!("No routine has the id \"{routine_id}\".")],
            };
            return;
        };
        let ctx = CheckInContext {
            today: self.today(),
            now: Timestamp::now(),
            last_session: None,
            warning_signs_asked_today: false,
            limit: self.profile.effective_limit(),
        };
        self.screen = Screen::CheckIn {
            flow: Box::new(CheckInFlow::new(ctx)),
            plan: Box::new(plan),
            then_preview,
        };
    }

    fn start_session(&mut self, plan: Plan, checkin: Option<CheckIn>, now: Instant) {
        let started = Timestamp::now();
        let date = started.to_zoned(self.tz.clone()).date();
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
        };
        self.apply_effects(&mut run, fx, now);
        self.screen = Screen::Session(Box::new(run));
    }

    fn apply_effects(&mut self, run: &mut SessionRun, fx: Vec<Effect>, now: Instant) {
        let active = run.engine.active(now).as_secs() as u32;
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
                _ => {
                    run.log.apply(effect, Timestamp::now(), active);
                }
            }
        }
    }

    /// The next moment the app must wake; `None` when only a key can change anything.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        match &self.screen {
            Screen::Session(run) => run.engine.next_wake(now),
            _ => None,
        }
    }

    /// Time reached a wake-up.
    pub fn tick(&mut self, now: Instant) {
        let mut screen = std::mem::replace(
            &mut self.screen,
            Screen::Message {
                title: String::new(),
                lines: Vec::new(),
            },
        );
        if let Screen::Session(run) = &mut screen {
            let fx = run.engine.tick(now);
            self.apply_effects(run, fx, now);
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

    /// The session was cut short (a signal, the terminal closing): save it as partial.
    pub fn interrupt(&mut self, now: Instant) {
        if let Screen::Session(run) = &mut self.screen
            && run.engine.ending().is_none()
        {
            let active = run.engine.active(now).as_secs() as u32;
            run.log.interrupt(Timestamp::now(), active);
        }
        self.quit = true;
    }

    /// The record of the running session, if any (for tests and saving).
    pub fn session_record(&self) -> Option<&crate::store::records::SessionRecord> {
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
        let screen = std::mem::replace(
            &mut self.screen,
            Screen::Message {
                title: String::new(),
                lines: Vec::new(),
            },
        );
        self.screen = self.screen_key(screen, key, now);
    }

    fn screen_key(&mut self, screen: Screen, key: KeyEvent, now: Instant) -> Screen {
        match screen {
            Screen::Setup { mut form, then } => match form.on_key(key) {
                SetupAction::None => Screen::Setup { form, then },
                SetupAction::Save(profile) => {
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
                HomeAction::Preview(id) => match self.plan_for(&id) {
                    Some(plan) => Screen::Preview {
                        screen: PreviewScreen::new(plan),
                        checkin: None,
                    },
                    None => Screen::Home(home),
                },
                HomeAction::Week => Screen::Home(home),
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
                        let id = screen.plan.routine_id.clone();
                        self.begin(&id, false);
                        self.take_screen()
                    }
                },
            },
            Screen::CheckIn {
                mut flow,
                plan,
                then_preview,
            } => match checkin_screen::on_key(&mut flow, key) {
                CheckInAction::None => Screen::CheckIn {
                    flow,
                    plan,
                    then_preview,
                },
                CheckInAction::Finished => match flow.state().clone() {
                    CheckInState::Done(checkin) => {
                        if then_preview {
                            let mut screen = PreviewScreen::new(*plan);
                            screen.note = Some(format!(
                                "Check-in: discomfort {}/10 now. Press Enter to begin.",
                                checkin.baseline
                            ));
                            Screen::Preview {
                                screen,
                                checkin: Some(checkin),
                            }
                        } else {
                            self.start_session(*plan, Some(checkin), now);
                            self.take_screen()
                        }
                    }
                    _ => Screen::CheckIn {
                        flow,
                        plan,
                        then_preview,
                    },
                },
                CheckInAction::Home => {
                    self.go_home();
                    self.take_screen()
                }
                CheckInAction::Quit => {
                    self.quit = true;
                    Screen::CheckIn {
                        flow,
                        plan,
                        then_preview,
                    }
                }
            },
            Screen::Session(mut run) => {
                if let Some(ending) = run.engine.ending().cloned() {
                    match (key.code, &ending) {
                        (KeyCode::Char('h'), _) => {
                            self.go_home();
                            return self.take_screen();
                        }
                        (KeyCode::Char('w'), _) => {
                            self.go_home();
                            return self.take_screen();
                        }
                        (KeyCode::Char('q') | KeyCode::Esc, _) => {
                            self.quit = true;
                            return Screen::Session(run);
                        }
                        (_, Ending::Completed) => {}
                        _ => return Screen::Session(run),
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

    fn take_screen(&mut self) -> Screen {
        std::mem::replace(
            &mut self.screen,
            Screen::Message {
                title: String::new(),
                lines: Vec::new(),
            },
        )
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
            Screen::CheckIn { flow, plan, .. } => {
                checkin_screen::render(frame, area, flow, &plan.routine_name, theme)
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
            Screen::Message { title, lines } => {
                let mut text = vec![
                    Line::from(Span::styled(title.clone(), theme.title())),
                    Line::raw(""),
                ];
                text.extend(lines.iter().map(|l| Line::raw(l.clone())));
                text.push(Line::raw(""));
                text.push(crate::tui::widgets::key_hints(
                    theme,
                    &[("h", "home"), ("q", "quit")],
                ));
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
