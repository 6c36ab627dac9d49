//! The domain at the bottom: records, ratings, check-ins, day flags and what
//! was read from the history. Plain data with the methods that read it;
//! nothing here imports any other module of ours, so every floor above
//! (rules, coach, session engine, store, screens) can speak it.

pub mod dates;
pub mod days;
pub mod history;
pub mod rating_decision;
pub mod records;
pub mod typed_rating;

pub use days::{DayFlags, DayIndex, MonthKey};
pub use history::{FileProblem, History};
pub use rating_decision::RatingDecision;
pub use records::{
    CheckIn, Compared, DayMark, DayMarkKind, DiscomfortKind, ExerciseOutcome, ExerciseRecord,
    Rating, RatingMoment, SessionRecord, SessionStatus, Side, WarningSign, local_date,
};
pub use typed_rating::TypedRating;
