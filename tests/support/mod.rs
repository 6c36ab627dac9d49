//! What the two test binaries share, in one place: the tiny catalog and
//! profile (`fixtures`), the pseudo-terminal driver (`pty`), history records
//! on fixed days (`records`), the twelve sample weeks of the trends tests
//! (`trends`), a disk that can be filled (`tmpfs`), and plans built by hand
//! for the engine (`plans`). Each binary includes it with
//! `#[path = "../support/mod.rs"] mod support;`; not every binary uses every
//! helper.
#![allow(dead_code)]

pub mod fixtures;
pub mod plans;
pub mod pty;
pub mod records;
pub mod tmpfs;
pub mod trends;
