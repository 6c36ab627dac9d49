//! The screens around a session, each opened from the store and the
//! profile in force: home (its notices and last-session line), the week,
//! the trends, and the set-up (with the advice it may give once saved).

use jiff::civil::Date;

use super::message::{Choice, Message, Tone};
use super::{AfterSetup, App, OpenedFrom, ProfileSource, Reading, Screen};
use crate::coach;
use crate::domain::{History, dates};
use crate::profile::Profile;
use crate::rules::trends::{self, Trends};
use crate::rules::week::{self, WeekSummary};
use crate::tui::screens::home::{HomeNotice, HomeScreen};
use crate::tui::screens::setup::SetupScreen;
use crate::tui::screens::trends::TrendsScreen;
use crate::tui::screens::week::WeekScreen;

/// How far back the home screen looks for a session that was cut off.
const INTERRUPTED_LOOKBACK_DAYS: i64 = 14;

impl App {
    pub(super) fn setup(&self, then: AfterSetup) -> Screen {
        let first_run = self.profile_source == ProfileSource::FirstRun;
        Screen::Setup {
            form: SetupScreen::new(self.profile.clone(), first_run),
            then,
        }
    }

    pub(super) fn home(&mut self) -> Screen {
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
    pub(super) fn trends_screen(&self, back: Option<Screen>) -> Screen {
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

    pub(super) fn week_summary(&self, week_of: Date) -> WeekSummary {
        let (from, to) = week::needed_range(week_of);
        let history: History = self.store.load(from, to);
        week::summarize(&history, &self.profile, week_of, self.today())
    }

    pub(super) fn week_screen(&self, week_of: Date, from: OpenedFrom) -> Screen {
        Screen::Week {
            screen: Box::new(WeekScreen::new(self.week_summary(week_of))),
            from,
        }
    }

    /// The set-up was saved: say once to check with a professional when a
    /// condition, a return after a back issue or a history of injury was
    /// newly given (guides 000, 002, 003 and 004), then go on.
    pub(super) fn setup_saved(&mut self, profile: Profile, then: AfterSetup) -> Screen {
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
}
