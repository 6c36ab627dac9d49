//! The coach: the one place that owns *today*. From the profile, the facts of
//! the history and the time now, it decides whether a session may start (and
//! if not, why and until when), which check-in questions are due, the plan
//! built from the check-in's answers, and the notices to show. Pure: no
//! files, no terminal, no clock of its own. Every path into a session goes
//! through it.

pub mod checkin;
