//! What the history holds: sessions, the exercises done in them, every
//! discomfort rating, check-ins and day marks.
//!
//! These are the on-disk shapes (RON, readable by a person) and also the
//! vocabulary the engine, the rules and the coach speak, so nothing is
//! translated twice. This floor imports nothing of ours.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::RatingDecision;

/// Left or right, for exercises done one side at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The left side, done first.
    Left,
    /// The right side, done after the left.
    Right,
}

impl Side {
    /// Label for the screen and plain text.
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// What the discomfort feels like; some kinds stop a session whatever the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiscomfortKind {
    /// A dull ache or the feeling of muscles working: normal within the limit.
    DullAche,
    /// The pull of a stretch.
    Stretch,
    /// Sharp pain: stops the session whatever the number.
    Sharp,
    /// Pain shooting down a leg: stops the session whatever the number.
    ShootingDownLeg,
    /// Numbness or tingling: stops the session whatever the number.
    NumbnessTingling,
    /// A new or unusual symptom (guide 000: stop any exercise that triggers
    /// one): stops the session whatever the number.
    NewOrUnusual,
}

impl DiscomfortKind {
    /// Every kind, in the order the rating prompt offers them.
    pub const ALL: [DiscomfortKind; 6] = [
        DiscomfortKind::DullAche,
        DiscomfortKind::Stretch,
        DiscomfortKind::Sharp,
        DiscomfortKind::ShootingDownLeg,
        DiscomfortKind::NumbnessTingling,
        DiscomfortKind::NewOrUnusual,
    ];

    /// The key that picks this kind on every discomfort prompt (`r`, the
    /// quick check after an exercise, the check-in); `Enter` keeps the dull
    /// ache. `n` is not one of them: a key pressed to skip ahead never
    /// reports a symptom.
    pub fn key(self) -> char {
        match self {
            DiscomfortKind::DullAche => 'a',
            DiscomfortKind::Stretch => 't',
            DiscomfortKind::Sharp => 's',
            DiscomfortKind::ShootingDownLeg => 'l',
            DiscomfortKind::NumbnessTingling => 'i',
            DiscomfortKind::NewOrUnusual => 'u',
        }
    }

    /// The kind a key picks on a discomfort prompt, if any.
    pub fn from_key(c: char) -> Option<DiscomfortKind> {
        let c = c.to_ascii_lowercase();
        DiscomfortKind::ALL.into_iter().find(|k| k.key() == c)
    }

    /// The warning sign a kind of discomfort felt before exercising amounts
    /// to (the check-in): sharp pain, pain down a leg, numbness or
    /// tingling, or a new symptom mean no exercise today.
    pub fn warning_sign(self) -> Option<WarningSign> {
        match self {
            DiscomfortKind::DullAche | DiscomfortKind::Stretch => None,
            DiscomfortKind::Sharp => Some(WarningSign::SuddenSharpPain),
            DiscomfortKind::ShootingDownLeg => Some(WarningSign::PainDownLeg),
            DiscomfortKind::NumbnessTingling => Some(WarningSign::NumbnessTingling),
            DiscomfortKind::NewOrUnusual => Some(WarningSign::NewOrUnusual),
        }
    }

    /// Plain words for the prompt, the safety screen and exports.
    pub fn label(self) -> &'static str {
        match self {
            DiscomfortKind::DullAche => "dull ache / muscle working",
            DiscomfortKind::Stretch => "stretch",
            DiscomfortKind::Sharp => "sharp",
            DiscomfortKind::ShootingDownLeg => "shooting down a leg",
            DiscomfortKind::NumbnessTingling => "numbness or tingling",
            DiscomfortKind::NewOrUnusual => "new or unusual symptoms",
        }
    }

    /// The kind as the start of a sentence on the safety screen: "Sharp
    /// pain", "Numbness or tingling" (numbness is not a pain).
    pub fn reason(self) -> &'static str {
        match self {
            DiscomfortKind::DullAche => "Discomfort",
            DiscomfortKind::Stretch => "Stretching discomfort",
            DiscomfortKind::Sharp => "Sharp pain",
            DiscomfortKind::ShootingDownLeg => "Pain shooting down a leg",
            DiscomfortKind::NumbnessTingling => "Numbness or tingling",
            DiscomfortKind::NewOrUnusual => "New or unusual symptoms",
        }
    }
}

/// When a rating was given; the stop rules and the week screen treat them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RatingMoment {
    /// `r` or `s` pressed during the session.
    During,
    /// The quick prompt after each exercise.
    AfterExercise,
    /// How the back feels at the end of the session.
    Closing,
}

/// One discomfort rating, with where in the session it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// When it was given.
    pub at: Timestamp,
    /// 0 (none) to 10 (worst imaginable).
    pub value: u8,
    /// What it felt like; some kinds stop the session whatever the value.
    pub kind: DiscomfortKind,
    /// During the session, after an exercise, or at its close.
    pub moment: RatingMoment,
    /// Catalog id of the exercise it concerns; absent for the closing rating.
    #[serde(default)]
    pub exercise_id: Option<String>,
    /// Set number, from 1, for a rating given during a set.
    #[serde(default)]
    pub set: Option<u32>,
    /// Side being worked, for a one-sided exercise rated during a set.
    #[serde(default)]
    pub side: Option<Side>,
    /// What the session made of it (the stop rules' decision, or the
    /// answer to "getting worse?"), kept in words on disk.
    #[serde(default)]
    pub decision: Option<RatingDecision>,
}

/// One exercise as it was done, written before the next one starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseRecord {
    /// Catalog id of the exercise.
    pub exercise_id: String,
    /// Its name at the time, so the file reads without the catalog.
    pub name: String,
    /// When the session moved past it, or was stopped or quit during it.
    pub finished_at: Timestamp,
    /// Sets the day's plan asked for.
    pub sets_planned: u32,
    /// Sets finished on every side, at the full target or not.
    pub sets_done: u32,
    /// The day's target per set (per side): repetitions or cycles; 0 if not counted.
    pub target_reps: u32,
    /// The day's target hold, per hold or per repetition, or the duration; 0 if none.
    pub target_hold_s: u32,
    /// Repetitions (or cycles) done in each set, both sides together.
    #[serde(default)]
    pub reps_done: Vec<u32>,
    /// Seconds actually held (or moved) in each set, both sides together.
    #[serde(default)]
    pub hold_s_done: Vec<u32>,
    /// Every set done at the full target.
    pub completed: bool,
}

/// What came of one planned exercise, as the person would put it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExerciseOutcome {
    /// Nothing done: not one repetition or second.
    Skipped,
    /// Some repetitions or seconds, short of the planned work.
    PartlyDone,
    /// Every set (and side) at the full target.
    Done,
}

impl ExerciseOutcome {
    /// Words for screens and exports.
    pub fn label(self) -> &'static str {
        match self {
            ExerciseOutcome::Done => "done",
            ExerciseOutcome::PartlyDone => "partly done",
            ExerciseOutcome::Skipped => "skipped",
        }
    }
}

impl ExerciseRecord {
    /// Done, partly done or skipped, read from the numbers themselves (one
    /// truth, so files written before outcomes existed read the same way):
    /// done when `completed`, partly done when any repetition or second was
    /// recorded, skipped otherwise.
    pub fn outcome(&self) -> ExerciseOutcome {
        if self.completed {
            ExerciseOutcome::Done
        } else if self
            .reps_done
            .iter()
            .chain(&self.hold_s_done)
            .any(|&n| n > 0)
        {
            ExerciseOutcome::PartlyDone
        } else {
            ExerciseOutcome::Skipped
        }
    }

    /// Whether any of the exercise was done.
    pub fn did_work(&self) -> bool {
        self.outcome() != ExerciseOutcome::Skipped
    }

    /// How much was done, to compare two attempts at the same exercise:
    /// the outcome first, then repetitions, then seconds.
    fn amount(&self) -> (ExerciseOutcome, u32, u32) {
        (
            self.outcome(),
            self.reps_done.iter().sum(),
            self.hold_s_done.iter().sum(),
        )
    }

    /// The better of two records of the same exercise (redone after going
    /// back, or resumed): done work is never replaced with less. On a tie
    /// the later one (`newer`) wins, so its time stamp is kept.
    pub fn better_of(older: ExerciseRecord, newer: ExerciseRecord) -> ExerciseRecord {
        if newer.amount() >= older.amount() {
            newer
        } else {
            older
        }
    }
}

/// How a session ended.
///
/// The rule a user would agree with (see the README, "What counts"): a
/// session that reached the end of its plan is `Completed` when at least half
/// of its exercises were done or partly done; with nothing done at all it is
/// `Skipped`, whatever ended it (a safety stop excepted); otherwise `Partial`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionStatus {
    /// Still running, or cut off (`kill -9`, power cut): read back as partial
    /// (or skipped when nothing was done).
    InProgress,
    /// Reached the end of the plan with at least half its exercises done or partly done.
    Completed,
    /// Quit early or interrupted with some work done, or reached the end with
    /// less than half of it.
    Partial,
    /// Nothing done: every exercise skipped, or quit before any work. Counts
    /// for nothing: no active day, no target, streak, 48-hour rule or progression.
    Skipped,
    /// Ended by the stop rules; the reason is in plain words.
    StoppedForSafety {
        /// Which rule fired and where ("Sharp pain during Bridge, set 1 of 2").
        reason: String,
    },
}

/// A guided session and everything done in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Unique within the history: the start time.
    pub id: String,
    /// Catalog id of the routine that was run.
    pub routine_id: String,
    /// The routine's name at the time, so the file reads without the catalog.
    pub routine_name: String,
    /// The local calendar date of the session's start.
    pub date: Date,
    /// When the session started.
    pub started: Timestamp,
    /// When it ended; absent while it runs, or if it was cut off before that was written.
    #[serde(default)]
    pub ended: Option<Timestamp>,
    /// Seconds of exercise, pauses left out.
    #[serde(default)]
    pub active_s: u32,
    /// How it ended, or `InProgress` while it runs.
    pub status: SessionStatus,
    /// Heavy strength work (the 48-hour rule applies).
    #[serde(default)]
    pub intense: bool,
    /// The check-in discomfort before the session.
    #[serde(default)]
    pub baseline: Option<u8>,
    /// The exercises done so far, in plan order; one record each.
    #[serde(default)]
    pub exercises: Vec<ExerciseRecord>,
    /// Every discomfort rating given, in the order given.
    #[serde(default)]
    pub ratings: Vec<Rating>,
}

/// Signs that mean no session today. The first five come from the guides
/// (000 and 003: see a healthcare professional); the rest are beyond the
/// guides: the "red flags" a clinician treats as urgent, which mean getting
/// medical care now, not just an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WarningSign {
    /// Pain spreading down a leg (guide 003).
    PainDownLeg,
    /// Numbness or tingling (guide 003).
    NumbnessTingling,
    /// Sudden sharp back pain (guide 003).
    SuddenSharpPain,
    /// Pain that gets worse at rest or wakes one at night (guide 003).
    WorseAtRestOrNight,
    /// New or unusual symptoms (guide 000: stop any exercise that triggers them).
    NewOrUnusual,
    /// Beyond the guides: trouble controlling the bladder or bowels.
    BladderOrBowel,
    /// Beyond the guides: numbness around the groin, genitals or buttocks.
    SaddleNumbness,
    /// Beyond the guides: weakness in a leg that is getting worse.
    LegWeakening,
    /// Beyond the guides: back pain with a fever or feeling generally unwell.
    Fever,
    /// Beyond the guides: back pain after a fall, accident or blow.
    AfterFallOrAccident,
}

impl WarningSign {
    /// Every sign, in the order the check-in lists them (keys 1–9, then 0).
    pub const ALL: [WarningSign; 10] = [
        WarningSign::PainDownLeg,
        WarningSign::NumbnessTingling,
        WarningSign::SuddenSharpPain,
        WarningSign::WorseAtRestOrNight,
        WarningSign::NewOrUnusual,
        WarningSign::BladderOrBowel,
        WarningSign::SaddleNumbness,
        WarningSign::LegWeakening,
        WarningSign::Fever,
        WarningSign::AfterFallOrAccident,
    ];

    /// The question as the check-in asks it.
    pub fn question(self) -> &'static str {
        match self {
            WarningSign::PainDownLeg => "Pain spreading down a leg?",
            WarningSign::NumbnessTingling => "Numbness or tingling?",
            WarningSign::SuddenSharpPain => "Sudden sharp back pain?",
            WarningSign::WorseAtRestOrNight => {
                "Pain that gets worse at rest or wakes you at night?"
            }
            WarningSign::NewOrUnusual => "New or unusual symptoms?",
            WarningSign::BladderOrBowel => "Trouble controlling your bladder or bowels?",
            WarningSign::SaddleNumbness => "Numbness around your groin or buttocks?",
            WarningSign::LegWeakening => "A leg getting weaker?",
            WarningSign::Fever => "Back pain with a fever, or feeling generally unwell?",
            WarningSign::AfterFallOrAccident => "Back pain after a fall, accident or blow?",
        }
    }

    /// The sign in a few words, for lists and reports.
    pub fn label(self) -> &'static str {
        match self {
            WarningSign::PainDownLeg => "pain spreading down a leg",
            WarningSign::NumbnessTingling => "numbness or tingling",
            WarningSign::SuddenSharpPain => "sudden sharp back pain",
            WarningSign::WorseAtRestOrNight => "pain worse at rest or at night",
            WarningSign::NewOrUnusual => "new or unusual symptoms",
            WarningSign::BladderOrBowel => "trouble controlling bladder or bowels",
            WarningSign::SaddleNumbness => "numbness around the groin or buttocks",
            WarningSign::LegWeakening => "a leg getting weaker",
            WarningSign::Fever => "back pain with a fever",
            WarningSign::AfterFallOrAccident => "back pain after a fall or accident",
        }
    }

    /// Whether the sign calls for urgent medical care (beyond the guides),
    /// rather than an appointment with a healthcare professional.
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            WarningSign::BladderOrBowel
                | WarningSign::SaddleNumbness
                | WarningSign::LegWeakening
                | WarningSign::Fever
                | WarningSign::AfterFallOrAccident
        )
    }

    /// The key that marks it on the check-in: `1`–`9`, then `0` for the tenth.
    pub fn key(self) -> char {
        let i = WarningSign::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0);
        if i == 9 {
            '0'
        } else {
            char::from(b'1' + i as u8)
        }
    }

    /// The sign a check-in key marks, if any.
    pub fn from_key(key: char) -> Option<WarningSign> {
        WarningSign::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Better, same or worse than at the end of the last session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Compared {
    /// Better than at the end of the last session.
    Better,
    /// About the same as at the end of the last session; the default answer.
    Same,
    /// Worse than at the end of the last session; that session then earns no increase.
    Worse,
}

/// The check-in before a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// When the check-in was answered.
    pub at: Timestamp,
    /// Local calendar date.
    pub date: Date,
    /// Discomfort right now, 0–10: the session's baseline.
    pub baseline: u8,
    /// Whether the once-a-day warning-sign questions were asked this time.
    #[serde(default)]
    pub asked_warning_signs: bool,
    /// The warning signs answered yes.
    #[serde(default)]
    pub warning_signs: Vec<WarningSign>,
    /// Compared to the end of the last session.
    #[serde(default)]
    pub since_last: Option<Compared>,
    /// After a safety stop: has that pain eased?
    #[serde(default)]
    pub stop_pain_eased: Option<bool>,
    /// Worse after a session that ended near the limit: lingering pain.
    #[serde(default)]
    pub lingering: bool,
}

/// A day the user marked as planned rest or sick: never breaks a streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayMarkKind {
    /// A planned rest day.
    Rest,
    /// A day off sick.
    Sick,
}

/// A marked day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayMark {
    /// The local calendar date marked.
    pub date: Date,
    /// Rest or sick.
    pub kind: DayMarkKind,
}

/// The local calendar date of an instant: the date a session or check-in is filed under.
///
/// Computed through the time zone's rules (not a fixed offset), so a session
/// that starts at 01:30 on the night the clocks change is filed under the
/// right day.
pub fn local_date(at: Timestamp, tz: &jiff::tz::TimeZone) -> Date {
    at.to_zoned(tz.clone()).date()
}

impl SessionRecord {
    /// Whether any exercise was actually done (a repetition or a second):
    /// only such sessions count as an active day, towards the target, the
    /// streak and the 48-hour rule, so skipping through a routine or quitting
    /// at once counts for nothing.
    pub fn did_work(&self) -> bool {
        self.exercises.iter().any(ExerciseRecord::did_work)
    }

    /// Whether the stop rules ended this session.
    pub fn is_safety_stop(&self) -> bool {
        matches!(self.status, SessionStatus::StoppedForSafety { .. })
    }

    /// The status to show: a session still marked `InProgress` on disk was cut
    /// off (kill, power cut) and reads as `Partial`, unless it is the caller's
    /// own running session (`running` is its id).
    ///
    /// A session with nothing done reads as `Skipped` whatever its file says
    /// (files written before `Skipped` existed called an all-skipped routine
    /// `Completed`); a safety stop always stays one.
    pub fn effective_status(&self, running: Option<&str>) -> SessionStatus {
        match &self.status {
            SessionStatus::InProgress if running == Some(self.id.as_str()) => {
                SessionStatus::InProgress
            }
            SessionStatus::StoppedForSafety { .. } => self.status.clone(),
            _ if !self.did_work() => SessionStatus::Skipped,
            SessionStatus::InProgress => SessionStatus::Partial,
            other => other.clone(),
        }
    }

    /// Whether this session may be resumed on `today`: it was started that
    /// day, some work was done, and it ended partial (quit, cut off, or run
    /// through with less than half done). A safety stop is never resumed.
    pub fn resumable_on(&self, today: Date, running: Option<&str>) -> bool {
        self.date == today && self.effective_status(running) == SessionStatus::Partial
    }

    /// Whether this session was cut off (still `InProgress` on disk and not
    /// the caller's running session): the start screen reports these.
    pub fn was_interrupted(&self, running: Option<&str>) -> bool {
        self.status == SessionStatus::InProgress && running != Some(self.id.as_str())
    }

    /// Sets done over all exercises, for the week's totals: only sets with
    /// work in them (older files counted a skipped exercise's set).
    pub fn sets_done(&self) -> u32 {
        self.exercises
            .iter()
            .filter(|e| e.did_work())
            .map(|e| e.sets_done)
            .sum()
    }

    /// Repetitions (or cycles) done over all exercises, for the week's totals.
    pub fn reps_done(&self) -> u32 {
        self.exercises
            .iter()
            .flat_map(|e| e.reps_done.iter())
            .copied()
            .sum()
    }

    /// When recovery from this session starts: its end, or its start when
    /// the end was never written (cut off).
    pub fn end_or_start(&self) -> Timestamp {
        self.ended.unwrap_or(self.started)
    }
}

impl SessionStatus {
    /// One word for screens, plain text and exports.
    pub fn label(&self) -> &'static str {
        match self {
            SessionStatus::InProgress => "in progress",
            SessionStatus::Completed => "completed",
            SessionStatus::Partial => "partial",
            SessionStatus::Skipped => "skipped",
            SessionStatus::StoppedForSafety { .. } => "stopped for safety",
        }
    }
}

impl DayMarkKind {
    /// One word for screens and plain text.
    pub fn label(self) -> &'static str {
        match self {
            DayMarkKind::Rest => "rest",
            DayMarkKind::Sick => "sick",
        }
    }
}

impl RatingMoment {
    /// One word for exports.
    pub fn label(self) -> &'static str {
        match self {
            RatingMoment::During => "during",
            RatingMoment::AfterExercise => "after exercise",
            RatingMoment::Closing => "closing",
        }
    }
}
