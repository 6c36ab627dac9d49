//! One module per screen; each draws from its own state and never changes it while drawing.
pub mod week;
pub mod session;
pub mod checkin;
pub mod home;
pub mod preview;
