//! backcoach: a full-screen terminal coach for back-strengthening routines.
//!
//! The library holds everything the binary wires together, so tests reach
//! each part directly: the catalog, the pure session engine and rules, the
//! store, and the edges (TUI, audio, CLI).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod audio;
pub mod catalog;
pub mod checkin;
pub mod cli;
pub mod cue;
pub mod domain;
pub mod logging;
pub mod plan;
pub mod profile;
pub mod quiet_stderr;
pub mod rules;
pub mod session;
pub mod store;
pub mod tui;
