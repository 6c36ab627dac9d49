//! One module per screen; each draws from its own state and never changes it while drawing.
pub mod browser;
pub mod checkin;
pub mod home;
pub mod preview;
pub mod resume;
pub mod session;
pub mod session_small;
pub mod setup;
pub mod trends;
pub mod unsaved;
pub mod week;
