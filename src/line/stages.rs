//! The line mode's way through: the profile, today and the gate, the
//! check-in, the plan, the resume offer, the session. Each stage says its
//! question once and waits for an answer (a key, or a line).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::tz::TimeZone;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::input::{self, CommandStep, Input};
use super::narrate::{self, Keys, Narrator};
use super::{Events, Happened, Options, Out};
use crate::audio::SoundState;
use crate::clock::Clock;
use crate::coach::checkin::{CheckInFlow, Question, State};
use crate::coach::{self, one_exercise};
use crate::domain::{CheckIn, WarningSign};
use crate::plan::Plan;
use crate::profile::Profile;
use crate::session::{EndView, Ending, ModalView};
use crate::store::Store;
use crate::tui::Exit;
use crate::tui::app::journey::{self, Context};
use crate::tui::app::running::{SessionRun, Start};
use crate::tui::app::{AUDIO_FINISH, Background, SAVE_RETRY, SoundForRun};
use crate::tui::screens::checkin::{self as checkin_keys, CheckInAction};
use crate::tui::words;

/// How a stage ended when it did not go on.
enum Stop {
    /// Done here: leave with this exit.
    Leave(Exit),
    /// Standard input ended before an answer came.
    NoMoreInput,
    /// Standard input ended while the session waited for it (what was done is saved).
    InputEndedInSession,
}

/// One line-mode run.
pub(super) struct LineRun {
    options: Options,
    store: Store,
    out: Out,
    events: Events,
    keys: Keys,
    clock: Clock,
    tz: TimeZone,
    profile: Profile,
}

impl LineRun {
    pub(super) fn new(
        options: Options,
        store: Store,
        out: Out,
        events: Events,
        keys: Keys,
        clock: Clock,
    ) -> LineRun {
        LineRun {
            options,
            store,
            out,
            events,
            keys,
            clock,
            tz: crate::clock::local_zone(),
            profile: Profile::default(),
        }
    }

    fn say(&mut self, line: &str) {
        self.out.say(line);
    }

    /// The next answer: a key, or a line; `Err` to leave (a signal, no more input).
    async fn answer(&mut self) -> Result<Input, Stop> {
        loop {
            match self.events.next(None).await {
                Happened::Input(Input::End) => return Err(Stop::NoMoreInput),
                Happened::Input(Input::Key(k))
                    if k.modifiers.contains(KeyModifiers::CONTROL)
                        && k.code == KeyCode::Char('c') =>
                {
                    return Err(Stop::Leave(Exit::Signal(2)));
                }
                Happened::Input(input) => return Ok(input),
                Happened::Signal(n) => return Err(Stop::Leave(Exit::Signal(n))),
                Happened::Wake => {}
            }
        }
    }

    /// A one-letter answer, lower case (Enter as `'\n'`, Esc as `'q'`).
    async fn letter(&mut self) -> Result<char, Stop> {
        let key = match self.answer().await? {
            Input::Key(k) => k,
            Input::Line(l) => input::answer_key(&l),
            Input::End => return Err(Stop::NoMoreInput),
        };
        Ok(match key.code {
            KeyCode::Char(c) => c.to_ascii_lowercase(),
            KeyCode::Enter => '\n',
            KeyCode::Esc => 'q',
            _ => ' ',
        })
    }

    pub(super) async fn run(&mut self) -> Result<Exit, String> {
        match self.way_in().await {
            Ok(exit) => Ok(exit),
            Err(Stop::Leave(exit)) => Ok(exit),
            Err(Stop::NoMoreInput) => {
                Err("standard input ended before the session started; nothing was started".into())
            }
            Err(Stop::InputEndedInSession) => Err(
                "standard input ended while the session waited for it; what was done is saved"
                    .into(),
            ),
        }
    }

    async fn way_in(&mut self) -> Result<Exit, Stop> {
        self.profile = self.profile_in_force().await?;
        let catalog = self.options.catalog.clone();
        let Some(routine) = one_exercise::resolve(&catalog, &self.options.routine_id) else {
            self.say(&format!(
                "No routine has the id \"{}\".",
                self.options.routine_id
            ));
            return Ok(Exit::Normal);
        };
        let routine = routine.into_owned();
        let now = self.clock.now_or_last();
        let today = now.to_zoned(self.tz.clone()).date();
        let read = journey::read_today(&self.store, &self.profile, now, today);
        if let Err(refusal) = coach::may_start(&read.today, &routine, &read.history, now) {
            self.say(&refusal.title());
            for line in refusal.lines(&self.tz) {
                self.say(&line);
            }
            return Ok(Exit::Normal);
        }
        self.say(&format!("Check-in for {}.", routine.name));
        for notice in &read.today.notices {
            self.say(&notice.text(read.today.date));
        }
        let Some(checkin) = self.check_in(&read.today).await? else {
            return Ok(Exit::Normal);
        };
        let now = self.clock.now_or_last();
        let ctx = Context::new(&catalog, &self.profile, now, &self.tz);
        let mut plan = ctx.plan(&routine, &read.history, &checkin).plan;
        let warm_up = journey::warm_up_plan(&ctx, &routine.id, &read.history, &checkin);
        let resume = journey::resume_offer(&ctx, &routine, &read, &checkin);
        let base = plan.clone();
        let mut with_warm_up = self.profile.warm_up;
        if let Some((record, resumed, at)) = resume {
            let name = resumed
                .exercises
                .get(at)
                .map_or("", |e| e.name.as_str())
                .to_string();
            self.say(&format!(
                "Your {} was cut off earlier today. What you did is kept. Resuming starts at exercise {} of {}: {name}. y: resume; n: start fresh; q: leave.",
                routine.name,
                at + 1,
                resumed.exercises.len()
            ));
            loop {
                match self.letter().await? {
                    'y' | 'r' | '\n' => {
                        let start = self.start(resumed.clone(), &checkin);
                        let wall = start.started;
                        let (tx, rx) = mpsc::unbounded_channel();
                        if let Some(run) =
                            SessionRun::resume(start, &record, &tx, Instant::now(), wall)
                        {
                            return self.session(run, rx).await;
                        }
                        break;
                    }
                    'n' | 'f' => break,
                    'q' | 'h' => return Ok(Exit::Normal),
                    _ => {}
                }
            }
        }
        loop {
            if let Some(w) = &warm_up {
                plan = if with_warm_up {
                    crate::rules::warm_up::with_warm_up(&base, &w.plan)
                } else {
                    base.clone()
                };
            }
            self.preview(
                &plan,
                &routine,
                warm_up
                    .as_ref()
                    .map(|w| (w.plan.routine_name.as_str(), with_warm_up)),
            );
            loop {
                match self.letter().await? {
                    '\n' | ' ' => {
                        let start = self.start(plan, &checkin);
                        let wall = start.started;
                        let (tx, rx) = mpsc::unbounded_channel();
                        let run = SessionRun::start(start, &tx, Instant::now(), wall);
                        return self.session(run, rx).await;
                    }
                    'w' if warm_up.is_some() => {
                        with_warm_up = !with_warm_up;
                        self.remember_warm_up(with_warm_up);
                        break;
                    }
                    'q' | 'h' => return Ok(Exit::Normal),
                    _ => {}
                }
            }
        }
    }

    /// The profile to run with: the saved one, the defaults on a first run
    /// (said so), or — when it cannot be read — a safe one if the person says so.
    async fn profile_in_force(&mut self) -> Result<Profile, Stop> {
        match self.store.load_profile() {
            Ok(Some(p)) => Ok(p),
            Ok(None) => {
                self.say("No profile yet: this run uses the defaults for someone new to back exercises. Run backcoach without --plain once to set up yours.");
                Ok(Profile::default())
            }
            Err(problem) => {
                self.say(&format!("Your profile could not be read: {problem}"));
                self.say(&format!(
                    "The file is left untouched. c: go on with a safe profile for this run (the lowest discomfort limit, {}/10; every condition filter on; starting doses; no equipment). q: quit.",
                    crate::profile::MIN_DISCOMFORT_LIMIT
                ));
                loop {
                    match self.letter().await? {
                        'c' => return Ok(Profile::safe()),
                        'q' | 'h' => return Err(Stop::Leave(Exit::Normal)),
                        _ => {}
                    }
                }
            }
        }
    }

    /// The check-in: each question once, answers until done (saved) or blocked
    /// (saved, and why there is no session said). `None` when blocked.
    async fn check_in(&mut self, today: &coach::Today) -> Result<Option<CheckIn>, Stop> {
        let mut flow = CheckInFlow::new(today, self.clock.now_or_last());
        let mut asked: Option<Question> = None;
        loop {
            match flow.state().clone() {
                State::Asking(question) => {
                    let same = asked.as_ref().is_some_and(|a| {
                        std::mem::discriminant(a) == std::mem::discriminant(&question)
                    });
                    if same {
                        // Only the marks or the digits changed (keys are not echoed).
                        if let Some(echo) = echo(&question) {
                            self.say(&echo);
                        }
                    } else {
                        for line in question_lines(&question, self.keys) {
                            self.say(&line);
                        }
                    }
                    asked = Some(question.clone());
                    let keys: Vec<KeyEvent> = match self.answer().await? {
                        Input::Key(k) => vec![k],
                        Input::Line(l) => match question {
                            Question::Baseline { .. } | Question::WarningSigns { .. } => {
                                input::typed_keys(&l)
                            }
                            _ => vec![input::answer_key(&l)],
                        },
                        Input::End => return Err(Stop::NoMoreInput),
                    };
                    for key in keys {
                        match checkin_keys::on_key(&mut flow, key) {
                            CheckInAction::Home | CheckInAction::Quit => {
                                return Err(Stop::Leave(Exit::Normal));
                            }
                            CheckInAction::None | CheckInAction::Finished => {}
                        }
                    }
                }
                State::Blocked(blocked) => {
                    self.save_checkin(flow.record());
                    self.say(blocked.title());
                    for line in blocked.advice() {
                        self.say(&line);
                    }
                    self.say(crate::tui::words::NOT_A_DIAGNOSIS);
                    return Ok(None);
                }
                State::Done(checkin) => {
                    self.save_checkin(flow.record());
                    return Ok(Some(checkin));
                }
            }
        }
    }

    fn save_checkin(&mut self, checkin: &CheckIn) {
        if let Err(e) = self.store.save_checkin(checkin) {
            self.say(&format!("The check-in was not saved yet: {e}"));
        }
    }

    fn remember_warm_up(&mut self, included: bool) {
        self.profile.warm_up = included;
        if matches!(self.store.load_profile(), Ok(Some(_)))
            && let Err(e) = self.store.save_profile(&self.profile)
        {
            self.say(&format!("Your warm-up choice was not saved: {e}"));
        }
    }

    /// Today's plan, one exercise a line, and how to begin.
    fn preview(
        &mut self,
        plan: &Plan,
        routine: &crate::catalog::Routine,
        warm_up: Option<(&str, bool)>,
    ) {
        let full = Plan::full(&self.options.catalog, routine);
        self.say(&format!("Today's plan: {}.", plan.routine_name));
        self.say(&format!(
            "{}.",
            crate::session::estimate::length_line(
                plan,
                Some((&full, routine)),
                crate::session::GET_READY
            )
            .trim_end_matches('.')
        ));
        if let Some((name, included)) = warm_up {
            self.say(&if included {
                format!("The {name} comes first, as the guides advise (w leaves it out).")
            } else {
                format!("Warm up before strength work, the guides advise: w adds the {name}.")
            });
        }
        for (i, ex) in plan.exercises.iter().enumerate() {
            self.say(&format!("{}. {}: {}.", i + 1, ex.name, ex.dose_label()));
            for reason in &ex.reasons {
                self.say(&format!("   {reason}"));
            }
        }
        for note in plan
            .notes
            .iter()
            .filter(|n| !plan.exercises.iter().any(|e| e.reasons.contains(n)))
        {
            self.say(note);
        }
        self.say("Mild discomfort (up to 5 of 10) is normal. Sharp, shooting or worsening pain: press s and stop.");
        self.say(match self.keys {
            Keys::Terminal => "Press Enter to begin, ? for the keys during the session, q to leave.",
            Keys::Lines => "Send an empty line to begin, q to leave. During the session: an empty line counts a rep or starts a hold; p pauses; n next; r 4 rates 4; s sharp pain stops; q quits.",
        });
    }

    fn start(&self, plan: Plan, checkin: &CheckIn) -> Start {
        let started = self.clock.now_or_last();
        Start::after_checkin(
            plan,
            checkin,
            &self.profile,
            self.options.sound,
            started,
            &self.tz,
        )
    }

    /// The session, told as lines, until it ends (and, after a complete
    /// routine, its closing rating is given).
    async fn session(
        &mut self,
        mut run: SessionRun,
        mut background: mpsc::UnboundedReceiver<Background>,
    ) -> Result<Exit, Stop> {
        let mut narrator = Narrator::new(self.keys);
        let mut retry_at: Option<Instant> = None;
        let mut told_no_sound = false;
        let exit = loop {
            let now = Instant::now();
            // Saved, then said: a line that announces work done follows its record.
            if std::mem::take(&mut run.save_before_showing) {
                self.save(&mut run, now, &mut retry_at);
            }
            for line in narrator.lines(&run.engine.view(now)) {
                self.say(&line);
            }
            if run.save_due {
                self.save(&mut run, now, &mut retry_at);
            }
            if over(&run) {
                break Exit::Normal;
            }
            if self.events.ended() && run.engine.next_deadline().is_none() {
                // Nothing will ever answer: keep what was done.
                run.interrupt(now, self.clock.now_or_last());
                run.save_due = true;
                self.save(&mut run, now, &mut retry_at);
                self.say("No more input: the session stops here; what you did is saved.");
                return Err(Stop::InputEndedInSession);
            }
            let wake = [narrate::wake(&run.engine, now), retry_at]
                .into_iter()
                .flatten()
                .min();
            let happened = tokio::select! {
                h = self.events.next(wake) => h,
                Some(Background::Audio(status)) = background.recv() => {
                    run.audio_status(&status);
                    if run.sound == SoundState::NoDevice && !told_no_sound {
                        told_no_sound = true;
                        let label = run.status().sound.label();
                        self.say(&format!("{}{}.", label[..1].to_uppercase(), &label[1..]));
                    }
                    continue;
                }
            };
            let now = Instant::now();
            let wall = self.clock.now_or_last();
            match happened {
                Happened::Wake => {
                    if retry_at.is_some_and(|at| at <= now) {
                        retry_at = None;
                        if self.store.retry_pending().is_err() {
                            retry_at = Some(now + SAVE_RETRY);
                        }
                    }
                    run.tick(now, wall, false);
                }
                Happened::Signal(n) => {
                    run.interrupt(now, wall);
                    run.save_due = true;
                    self.save(&mut run, now, &mut retry_at);
                    break Exit::Signal(n);
                }
                Happened::Input(Input::End) => {}
                Happened::Input(Input::Key(key)) => {
                    if key.modifiers.contains(KeyModifiers::CONTROL)
                        && key.code == KeyCode::Char('c')
                    {
                        run.interrupt(now, wall);
                        run.save_due = true;
                        self.save(&mut run, now, &mut retry_at);
                        break Exit::Signal(2);
                    }
                    if leave_after_end(&run, key) {
                        break Exit::Normal;
                    }
                    run.key(key, now, wall, false);
                }
                Happened::Input(Input::Line(line)) => {
                    for step in input::session_steps(&line, &run.engine.view(now)) {
                        let key = match step {
                            CommandStep::Key(key) => key,
                            CommandStep::Kind(key) => {
                                if !matches!(
                                    run.engine.view(now).modal,
                                    Some(ModalView::RateKind { .. })
                                ) {
                                    continue;
                                }
                                key
                            }
                        };
                        if leave_after_end(&run, key) {
                            break;
                        }
                        run.key(key, now, wall, false);
                    }
                    if run.engine.ending().is_some()
                        && leave_after_end(&run, input::answer_key(&line))
                    {
                        break Exit::Normal;
                    }
                }
            }
        };
        self.finish(&mut run);
        Ok(exit)
    }

    fn save(&mut self, run: &mut SessionRun, now: Instant, retry_at: &mut Option<Instant>) {
        run.save_due = false;
        match self.store.save_session(run.log.record()) {
            Ok(()) => {
                if run.save_problem.take().is_some() {
                    self.say("Saved.");
                }
            }
            Err(e) => {
                let reason = e.reason();
                if run.save_problem.as_deref() != Some(reason.as_str()) {
                    self.say(&format!("Not saved yet: {reason}. Retrying."));
                }
                run.save_problem = Some(reason);
                *retry_at = Some(now + SAVE_RETRY);
            }
        }
    }

    /// After the end: anything still unsaved is tried once more, then copied
    /// home; the last cue plays out.
    fn finish(&mut self, run: &mut SessionRun) {
        if self.store.pending() > 0
            && self.store.retry_pending().is_err()
            && let Some(note) = self.store.rescue_pending(self.clock.now_or_last())
        {
            self.say(&note);
        }
        if self.options.sound != SoundForRun::Muted && run.sound != SoundState::NoDevice {
            run.finish_audio(AUDIO_FINISH);
        }
    }
}

/// Whether the session is over and nothing more is asked (a complete
/// routine asks for its closing rating first).
fn over(run: &SessionRun) -> bool {
    match run.engine.ending() {
        None => false,
        Some(Ending::Completed) => !matches!(
            run.engine.view(Instant::now()).end,
            Some(EndView::Completed { closing: None, .. })
        ),
        Some(_) => true,
    }
}

/// `q` or Esc once the session has ended leaves (the closing rating unsaid).
fn leave_after_end(run: &SessionRun, key: KeyEvent) -> bool {
    run.engine.ending().is_some() && matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
}

/// A question of the check-in, in lines.
fn question_lines(question: &Question, keys: Keys) -> Vec<String> {
    let enter = match keys {
        Keys::Terminal => "press Enter",
        Keys::Lines => "end the line",
    };
    match question {
        Question::StopEased { date, reason } => vec![format!(
            "Your last session ({date}) was stopped for safety: {reason}. Has that pain eased? y: yes, it has eased; n: no."
        )],
        Question::SinceLast { date, ended_at } => {
            let end = ended_at
                .map(|v| format!(" (it ended at {v}/10)"))
                .unwrap_or_default();
            vec![format!(
                "Compared to the end of your last session on {date}{end}, how does your back feel now? b: better; s: same; w: worse."
            )]
        }
        Question::Baseline { .. } => vec![format!(
            "How much discomfort do you feel in your back right now? Type 0 (none) to 10 (worst imaginable), then {enter}."
        )],
        Question::BaselineKind { value } => {
            let kinds: Vec<String> = words::kind_keys()
                .skip(1)
                .map(|(key, kind)| format!("{key}: {}", kind.label()))
                .collect();
            vec![format!(
                "Discomfort {value}/10. What does it feel like? {enter} for a dull ache or muscles working; {}. Sharp pain, pain down a leg, numbness or tingling, or a new symptom means no exercise today.",
                kinds.join("; ")
            )]
        }
        Question::WarningSigns { .. } => {
            let mut lines = vec![format!(
                "Today, do you have any of these? Type the numbers of those you have, then {enter}; nothing marked means none of these."
            )];
            let sign = |s: &WarningSign| format!("  {}: {}", s.key(), s.question());
            lines.extend(WarningSign::ALL.iter().filter(|s| !s.is_urgent()).map(sign));
            lines.push("Beyond the guides, signs that need urgent care:".into());
            lines.extend(WarningSign::ALL.iter().filter(|s| s.is_urgent()).map(sign));
            lines
        }
    }
}

/// What a key changed in the question being answered, said back.
fn echo(question: &Question) -> Option<String> {
    match question {
        Question::Baseline { typed } if !typed.is_empty() => Some(typed.text().to_string()),
        Question::WarningSigns { marked } => Some(if marked.is_empty() {
            "None marked.".into()
        } else {
            let names: Vec<&str> = marked.iter().map(|s| s.label()).collect();
            format!("Marked: {}.", names.join(", "))
        }),
        _ => None,
    }
}
