//! End-to-end tests: the real binary in a pseudo-terminal (portable-pty,
//! its screen read with vt100) or over pipes, and the real audio output
//! (rodio → cpal → ALSA's file plugin). One binary for all of them; each
//! module was a test binary of its own. What runs in-process is in
//! `tests/it`.
//!
//! Run one module with `cargo test --test e2e MODULE::` (e.g. `session::`).

#[path = "../support/mod.rs"]
mod support;

mod audio_output;
mod coach;
mod figures;
mod find;
mod panic;
mod plain;
mod session;
mod store_faults_cli;
mod today;
mod trends;
mod warm_up;
