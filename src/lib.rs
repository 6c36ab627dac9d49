//! backcoach: a full-screen terminal coach for back-strengthening routines.
//!
//! The library holds everything the binary wires together, so tests reach
//! each part directly. Floors, lowest first (no import runs back up):
//! `domain` (records) → `catalog`, `profile`, `plan` → `rules` → `coach`
//! (owns today) and `session` (the engine) → the edges: `store`, `report`,
//! `audio`, `tui`, `cli`. `clock` and `textfile` (reading files no one
//! vouches for) sit beside `domain` at the bottom.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod audio;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod coach;
pub mod cue;
pub mod domain;
pub mod figure;
pub mod line;
pub mod logging;
pub mod plain;
pub mod plan;
pub mod profile;
pub mod quiet_stderr;
pub mod report;
pub mod rules;
pub mod session;
pub mod store;
pub mod textfile;
pub mod tui;
