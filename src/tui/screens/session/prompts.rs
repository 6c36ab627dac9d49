//! The prompts over a running session: help, quit, the discomfort
//! prompts (`r`, the quick check, their kind), "getting worse?".

use super::*;
use crate::tui::widgets::popup_frame;

/// A prompt of `lines` in the middle of `area`, `width` wide.
pub(super) fn popup(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'_>>,
    style: Style,
    width: u16,
    theme: &Theme,
) {
    let height = lines.len() as u16 + 2;
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(popup_frame(theme, title, style)),
        rect,
    );
}

pub(super) fn render_modal(
    frame: &mut Frame,
    area: Rect,
    modal: &ModalView,
    status: &Status,
    theme: &Theme,
) {
    match modal {
        ModalView::Help => {
            let keys: [(&str, &str); 14] = [
                (
                    "Space",
                    "count a rep; start a hold or a rep; end a paced hold",
                ),
                ("p", "pause / resume (every timer stops)"),
                ("n  →", "next: finish this step early"),
                ("b  ←", "restart this rep or set; twice: previous exercise"),
                ("+", "add 15 s to a rest"),
                ("r", "rate your discomfort now (timers pause)"),
                ("s", "sharp pain: stop at once"),
                ("m", "mute / unmute"),
                ("v", "the spoken coach on / off"),
                ("g", "glance: the big number alone / with the steps"),
                ("?", "this help (timers wait while it is open)"),
                ("q  Esc", "quit (asks first; what you did is kept)"),
                ("", ""),
                ("", "Any key closes this help."),
            ];
            let lines = keys
                .iter()
                .map(|(k, what)| {
                    Line::from(vec![
                        Span::styled(format!(" {k:<8}"), theme.key()),
                        Span::raw(*what),
                    ])
                })
                .collect();
            popup(frame, area, "Keys", lines, theme.title(), 66, theme);
        }
        ModalView::ConfirmQuit {
            counts,
            in_progress,
        } => {
            let width = 68;
            let mut lines = vec![Line::raw(" Quit this session?")];
            if status.save_problem.is_some() {
                // Never "saved" while it is not: the quit then asks what to do.
                lines.push(Line::raw(
                    " What you did is NOT saved yet; you will choose:",
                ));
                lines.push(Line::raw(" try again, save a copy or discard."));
            } else {
                for sentence in quit_words(counts, in_progress.as_deref()) {
                    lines.extend(hanging(&sentence, usize::from(width) - 3, " ", "   "));
                }
            }
            lines.push(Line::raw(""));
            lines.push(key_hints(theme, &[("y", "quit"), ("n", "keep going")]));
            popup(frame, area, "Quit?", lines, theme.warn(), width, theme);
        }
        ModalView::RateNumber { typed } => {
            let shown = if typed.is_empty() {
                "_".to_string()
            } else {
                typed.clone()
            };
            let lines = vec![
                Line::raw(" How much discomfort do you feel right now?"),
                Line::from(vec![
                    Span::raw(" 0 = none, 10 = worst:  "),
                    Span::styled(format!("[{shown:>2}]"), theme.accent()),
                ]),
                Line::raw(""),
                key_hints(
                    theme,
                    &[
                        ("0–10", "type"),
                        ("Enter", "confirm"),
                        ("s", "sharp pain"),
                        ("Esc", "cancel"),
                    ],
                ),
            ];
            popup(
                frame,
                area,
                "Rate your discomfort",
                lines,
                theme.title(),
                64,
                theme,
            );
        }
        ModalView::RateKind { value } => {
            let mut lines = vec![
                Line::raw(format!(" Discomfort {value}/10. What does it feel like?")),
                Line::raw(""),
            ];
            for (key, kind) in words::kind_keys() {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {key:<6}"), theme.key()),
                    Span::raw(kind.label()),
                ]));
            }
            popup(
                frame,
                area,
                "Kind of discomfort",
                lines,
                theme.title(),
                64,
                theme,
            );
        }
        ModalView::AfterExercise {
            exercise,
            last,
            typed,
        } => {
            let shown = if typed.is_empty() {
                "_".to_string()
            } else {
                typed.clone()
            };
            let lines = vec![
                Line::raw(format!(" {exercise} done. How does your back feel now?")),
                Line::from(vec![
                    Span::raw(" 0 = none, 10 = worst:  "),
                    Span::styled(format!("[{shown:>2}]"), theme.accent()),
                    Span::styled(format!("   Enter alone keeps {last}/10"), theme.dim()),
                ]),
                Line::raw(""),
                key_hints(
                    theme,
                    &[("0–10", "type"), ("Enter", "confirm"), ("q", "quit")],
                ),
                key_hints(
                    theme,
                    &[
                        ("s", "sharp"),
                        ("l", "down a leg"),
                        ("i", "numbness or tingling"),
                        ("u", "new or unusual"),
                    ],
                ),
            ];
            popup(frame, area, "Quick check", lines, theme.title(), 70, theme);
        }
        ModalView::Worse { value, baseline } => {
            let lines = vec![
                Line::raw(format!(
                    " You rated {value}/10; at check-in it was {baseline}/10."
                )),
                Line::raw(" Is your pain getting worse?"),
                Line::raw(""),
                key_hints(
                    theme,
                    &[("y", "yes: stop for today"), ("n", "no: carry on")],
                ),
            ];
            popup(
                frame,
                area,
                "Getting worse?",
                lines,
                theme.warn(),
                62,
                theme,
            );
        }
    }
}
