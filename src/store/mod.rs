//! The history on disk: plain RON files under the data dir.

pub mod records;
