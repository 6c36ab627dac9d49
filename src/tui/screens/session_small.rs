//! The session on a small terminal (below 80×24, down to 40×12): the
//! essentials in plain lines — the exercise, side and set, the seconds left
//! or the rep count, PAUSED when paused, and `s = sharp pain` — and the
//! prompts, the end and the safety screen, each as a few lines. Smaller than
//! 40×12, the session pauses itself and this screen says so.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::session::Status;
use crate::domain::DiscomfortKind;
use crate::session::{EndView, ModalView, Readout, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::{key_hints, panel};
use crate::tui::words;

/// The smallest terminal the compact session is drawn on.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 12;

/// Whether `area` is too small even for the compact session.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws the compact session for `view`.
pub fn render(frame: &mut Frame, area: Rect, view: &View<'_>, status: &Status, theme: &Theme) {
    let title = Line::from(Span::styled(
        format!(" {} ", view.routine_name),
        theme.title(),
    ));
    let block = panel(theme).title_top(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let (lines, hints): (Vec<Line>, Vec<(&str, &str)>) = match (&view.end, &view.modal) {
        (Some(EndView::Stopped { reason, kind }), _) => {
            let mut lines = vec![
                Line::from(Span::styled(
                    words::STOPPED_FOR_SAFETY,
                    theme.danger().add_modifier(Modifier::REVERSED),
                )),
                Line::from(Span::styled(
                    format!("{reason}."),
                    theme.text().add_modifier(Modifier::BOLD),
                )),
            ];
            lines.extend(
                words::SAFETY_ADVICE_SHORT
                    .into_iter()
                    .map(|l| Line::raw(format!("{} {l}", theme.dot()))),
            );
            if matches!(
                kind,
                Some(DiscomfortKind::ShootingDownLeg | DiscomfortKind::NumbnessTingling)
            ) {
                lines.push(Line::from(Span::styled(
                    "Leg pain, numbness or tingling: get checked soon.",
                    theme.danger(),
                )));
            }
            (lines, vec![("h", "home"), ("w", "week"), ("q", "quit")])
        }
        (
            Some(EndView::Completed {
                status: outcome,
                counts,
                closing_typed,
                closing,
                ..
            }),
            _,
        ) => {
            let (title, meaning) = words::ending(outcome);
            let mut lines = vec![
                Line::from(Span::styled(title, theme.ok())),
                Line::raw(format!("{}.", counts.summary(view.exercise_count))),
                Line::raw(meaning),
            ];
            match closing {
                None => lines.push(Line::from(vec![
                    Span::raw("How does your back feel now, 0–10? "),
                    Span::styled(format!("[{:>2}]", shown(closing_typed)), theme.accent()),
                ])),
                Some(v) => lines.push(Line::raw(format!("Thank you: {v}/10 noted."))),
            }
            (lines, vec![("h", "home"), ("w", "week"), ("q", "quit")])
        }
        (_, Some(modal)) => (
            modal_lines(modal, theme),
            vec![("s", "sharp pain"), ("q", "quit")],
        ),
        _ => (running_lines(view, status, theme), running_hints(view)),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(Paragraph::new(key_hints(theme, &hints)), footer);
}

fn shown(typed: &str) -> &str {
    if typed.is_empty() { "_" } else { typed }
}

/// The essentials of the step under way.
fn running_lines<'a>(view: &View<'_>, status: &Status, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if view.paused {
        lines.push(Line::from(Span::styled(
            "PAUSED — p resumes",
            theme.banner().patch(theme.warn()),
        )));
    } else if let Some(banner) = view.flash {
        lines.push(Line::from(Span::styled(banner.text(), theme.banner())));
    }
    let Some(ex) = view.exercise else {
        return lines;
    };
    lines.push(Line::from(Span::styled(ex.name.clone(), theme.title())));
    let mut set = format!("Set {} of {}", view.set, view.sets);
    if let Some(side) = view.side {
        set.push_str(&format!(" · {} side", side.label()));
    }
    lines.push(Line::raw(set));
    lines.push(Line::from(Span::styled(
        readout_words(&view.readout),
        theme.accent(),
    )));
    lines.push(Line::from(vec![
        Span::styled("Key cue: ", theme.dim()),
        Span::raw(ex.cue.clone()),
    ]));
    if let Some(problem) = &status.save_problem {
        lines.push(Line::from(Span::styled(
            format!("Not saved yet: {problem}"),
            theme.warn(),
        )));
    }
    lines.push(Line::from(Span::styled("s = sharp pain", theme.danger())));
    lines
}

/// The number that matters now, in words: "Hold · 12 s left", "Rep 3 of 8".
fn readout_words(readout: &Readout) -> String {
    match *readout {
        Readout::GetReady { remaining_s } => format!("Get ready · {remaining_s} s · Space starts"),
        Readout::Hold { remaining_s, .. } => format!("Hold · {remaining_s} s left"),
        Readout::Move { remaining_s, .. } => format!("Move · {remaining_s} s left"),
        Readout::Reps { done, target } => format!("Rep {done} of {target} · Space counts"),
        Readout::RepReady { done, target } => {
            format!("Rep {done} of {target} · Space starts rep {}", done + 1)
        }
        Readout::RepHold {
            rep,
            target,
            remaining_s,
            ..
        } => format!("Rep {rep} of {target} · hold {remaining_s} s"),
        Readout::RepRelax {
            done,
            target,
            remaining_s,
            ..
        } => format!("Rep {done} of {target} · relax · next in {remaining_s} s"),
        Readout::Beat { done, target } => format!("Rep {done} of {target} · counted for you"),
        Readout::Cycles { rep, target, .. } => format!("Cycle {rep} of {target}"),
        Readout::Rest { remaining_s, .. } => format!("Rest · {remaining_s} s left"),
        Readout::Between { outcome } => format!("Exercise {}", outcome.label()),
        Readout::Finished => "Routine complete".into(),
    }
}

fn running_hints(view: &View<'_>) -> Vec<(&'static str, &'static str)> {
    vec![
        ("p", if view.paused { "resume" } else { "pause" }),
        ("n", "next"),
        ("r", "rate"),
        ("q", "quit"),
    ]
}

/// A prompt over the session, as a few lines.
fn modal_lines<'a>(modal: &ModalView, theme: &Theme) -> Vec<Line<'a>> {
    let number = |typed: &str| Span::styled(format!("[{:>2}]", shown(typed)), theme.accent());
    match modal {
        ModalView::Help => vec![
            Line::raw("Space rep/start · p pause · n next"),
            Line::raw("b back · + more rest · r rate"),
            Line::raw("s sharp pain: stop at once"),
            Line::raw("m mute · q quit"),
            Line::from(Span::styled("Any key closes this help.", theme.dim())),
        ],
        ModalView::ConfirmQuit { .. } => vec![
            Line::raw("Quit this session?"),
            Line::raw("What you did is kept."),
            Line::from(Span::styled("y quit · n keep going", theme.key())),
        ],
        ModalView::RateNumber { typed } => vec![
            Line::raw("Discomfort now, 0–10?"),
            Line::from(vec![number(typed), Span::raw(" Enter confirms")]),
        ],
        ModalView::RateKind { value } => {
            let mut lines = vec![Line::raw(format!("{value}/10. What does it feel like?"))];
            lines.extend(
                words::kind_keys().map(|(k, kind)| Line::raw(format!("{k:<6}{}", kind.label()))),
            );
            lines
        }
        ModalView::AfterExercise {
            exercise,
            last,
            typed,
        } => vec![
            Line::raw(format!("{exercise} done.")),
            Line::raw("How does your back feel, 0–10?"),
            Line::from(vec![
                number(typed),
                Span::styled(format!(" Enter alone keeps {last}"), theme.dim()),
            ]),
            Line::raw("s sharp · l leg · i numb · u unusual"),
        ],
        ModalView::Worse { value, baseline } => vec![
            Line::raw(format!("{value}/10; at check-in {baseline}/10.")),
            Line::raw("Is your pain getting worse?"),
            Line::from(Span::styled("y yes, stop · n no, carry on", theme.key())),
        ],
    }
}

/// Smaller than 40×12: the session has paused itself; say so and how to go on.
pub fn render_paused(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = vec![
        Line::from(Span::styled("PAUSED", theme.banner().patch(theme.warn()))),
        Line::raw(format!(
            "Too small ({}×{}; needs {MIN_WIDTH}×{MIN_HEIGHT}).",
            area.width, area.height
        )),
        Line::raw("Make it larger, then p resumes."),
        Line::raw("s = sharp pain · q quit"),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}
