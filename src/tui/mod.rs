//! The full-screen terminal UI: screens drawn from state, keys turned into actions.

pub mod screens;
pub mod widgets;
pub mod theme;
