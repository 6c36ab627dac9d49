//! Pure rules from the guides: no terminal, no sound, no files.
//! Each takes the facts it needs and the current time, and returns a decision
//! that carries the reason it was made.

pub mod build_up;
pub mod fitting;
pub mod progression;
pub mod recovery;
pub mod safety;
pub mod trends;
pub mod warm_up;
pub mod week;
