//! The integration tests that run in this process: snapshots of every
//! screen (ratatui `TestBackend` + insta), the rules and the engine on fixed
//! dates and tokio's paused clock, the store on real files, the catalog
//! against the guides, property tests, and the plain commands run as
//! processes. One binary, so the crate and its audio stack are linked once;
//! each module was a test binary of its own. The pseudo-terminal and audio
//! output tests are in `tests/e2e`.
//!
//! Run one module with `cargo test --test it MODULE::` (e.g. `ui_snapshots::`).
//! Snapshots live in `tests/it/snapshots/it__MODULE__NAME.snap`.

#[path = "../support/mod.rs"]
mod support;

mod app_saving;
mod browser_search;
mod catalog_facts;
mod catalog_figures;
mod catalog_guides;
mod catalog_screens;
mod catalog_validation;
mod journey_screens;
mod parsers_never_panic;
mod progression_plan;
mod progression_sim;
mod session_resume;
mod session_screens;
mod sound_ahead;
mod store_faults;
mod store_files;
mod store_roundtrip_prop;
mod terminal_screens;
mod trends_rules;
mod trends_ui;
mod ui_snapshots;
mod week_print_cli;
mod week_rules;
mod week_screen;
mod week_skipped;
