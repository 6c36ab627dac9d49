//! `?` on every screen outside a session (a session has its own help): the
//! keys of the screen you are on. Any key closes it.

use super::Screen;
use super::journey::Stage;
use crate::tui::widgets::help::Help;

/// The help for the screen on show; `None` where `?` means something else
/// (typing a search) or the screen has its own help (a session).
pub(super) fn for_screen(screen: &Screen) -> Option<Help> {
    let (name, keys): (&'static str, &[(&'static str, &'static str)]) = match screen {
        Screen::Home(_) => (
            "home",
            &[
                ("↑ ↓  j k", "choose a routine"),
                ("Enter Space", "start it: the check-in comes first"),
                ("w", "the week: each day's status, the target, marks"),
                ("t", "trends over 6, 12 or 26 weeks"),
                ("e", "the exercises: browse, search with /, do one now"),
                ("p", "your profile (the set-up questions)"),
                ("?", "this help"),
                ("q  Esc", "quit"),
            ],
        ),
        Screen::Browser(browser) if browser.typing() => return None,
        Screen::Browser(_) => (
            "exercises",
            &[
                ("↑ ↓  j k", "choose an exercise"),
                ("/", "search names, targets and categories as you type"),
                ("Enter", "do it now: one exercise, with the check-in first"),
                ("a–z", "jump to the next name with that letter"),
                ("PgUp PgDn", "scroll the details"),
                ("Home End", "first or last exercise"),
                ("?", "this help"),
                ("Esc  q", "clear the search, or back home"),
            ],
        ),
        Screen::Setup { .. } => (
            "set-up",
            &[
                ("↓  Tab  j", "next question"),
                ("↑  Shift-Tab  k", "previous question"),
                ("← →  Space", "change the answer"),
                ("Enter", "save"),
                ("Esc", "cancel (on the first run: keep the defaults)"),
                ("?", "this help"),
            ],
        ),
        Screen::Journey(journey) => match &journey.stage {
            Stage::Reading => return None,
            Stage::CheckIn { .. } => (
                "check-in",
                &[
                    ("0–10", "type your discomfort (1 then 0 is ten)"),
                    ("Backspace", "delete a digit"),
                    ("1–9  0", "mark a warning sign (again: unmark)"),
                    ("y  n", "answer yes or no"),
                    ("b  s  w", "better, same or worse than last time"),
                    ("Enter", "confirm and go on"),
                    ("?", "this help"),
                    ("Esc", "back home, no session"),
                ],
            ),
            Stage::Preview { .. } => (
                "today's plan",
                &[
                    ("Enter Space", "start the session"),
                    ("↑ ↓  j k", "scroll the plan"),
                    ("w", "put the warm-up in or leave it out"),
                    ("?", "this help; in the session, ? lists its keys"),
                    ("Esc  q  h", "back home"),
                ],
            ),
            Stage::ResumeOffer { .. } => (
                "resume",
                &[
                    ("y  r  Enter", "resume where the session stopped"),
                    ("n  f", "start fresh"),
                    ("?", "this help"),
                    ("Esc  h  q", "back home"),
                ],
            ),
        },
        Screen::Week { .. } => (
            "week",
            &[
                ("← →  h l", "previous or next week"),
                ("c", "this week"),
                ("↑ ↓  j k", "choose a day"),
                ("m", "mark the day as rest, sick, or clear the mark"),
                ("t", "trends over 6, 12 or 26 weeks"),
                ("?", "this help"),
                ("q  Esc", "back"),
            ],
        ),
        Screen::Trends { .. } => (
            "trends",
            &[
                ("← →  h l", "6, 12 or 26 weeks"),
                ("Tab  Shift-Tab", "the next or previous span"),
                ("?", "this help"),
                ("q  Esc", "back"),
            ],
        ),
        Screen::Message(_) => (
            "message",
            &[
                ("h  Esc", "home"),
                ("c", "continue with a safe profile, when offered"),
                ("Enter", "continue, when offered"),
                ("?", "this help"),
                ("q", "quit"),
            ],
        ),
        Screen::Session(_) => return None,
    };
    Some(Help {
        screen: name,
        keys: keys.to_vec(),
    })
}
