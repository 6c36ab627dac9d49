//! The week's adherence: statuses, targets, streaks and notices.
