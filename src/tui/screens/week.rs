//! The week screen.
