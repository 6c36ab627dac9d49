//! How a session ends on screen: the end screen with its closing rating,
//! what a quit keeps, and the safety screen.

use super::*;

/// What quitting will keep, in plain words, one sentence a line.
pub(super) fn quit_words(counts: &Counts, in_progress: Option<&str>) -> Vec<String> {
    if counts.worked() == 0 {
        return vec![
            "Nothing is done yet: it is saved as skipped and counts for nothing today.".into(),
        ];
    }
    let exercises = |n: usize| if n == 1 { "exercise" } else { "exercises" };
    let kept = match (counts.done, counts.partly) {
        (d, 0) => format!("{d} {} done", exercises(d)),
        (0, p) => format!("{p} {} partly done", exercises(p)),
        (d, p) => format!("{d} {} done, {p} partly done", exercises(d)),
    };
    let mut lines = vec![format!("What you did is saved as partial: {kept}.")];
    if let Some(now) = in_progress {
        lines.push(format!("The set in progress is kept too ({now})."));
    }
    lines
}

/// The end screen: what was done, the time, and the closing rating.
pub(super) fn render_end(
    frame: &mut Frame,
    area: Rect,
    view: &View<'_>,
    status: &Status,
    theme: &Theme,
) {
    let Some(EndView::Completed {
        status: outcome,
        counts,
        exercises,
        active,
        closing_typed,
        closing,
    }) = &view.end
    else {
        return;
    };
    let (active, closing) = (*active, *closing);
    let (title, words, style) = match outcome {
        SessionStatus::Completed => (
            "ROUTINE COMPLETE",
            "Well done. A little movement, done regularly, helps your back most.",
            theme.ok(),
        ),
        SessionStatus::Skipped => (
            "NOTHING DONE TODAY",
            "Every exercise was skipped, so today does not count. Come back when you are ready.",
            theme.warn(),
        ),
        _ => (
            "END OF ROUTINE · PARTLY DONE",
            "Less than half was done, so today counts as partial. What you did is saved.",
            theme.warn(),
        ),
    };
    let block = panel(theme)
        .border_style(style)
        .title_top(Line::from(Span::styled(
            format!(" {} ", view.routine_name),
            theme.title(),
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(format!("  {title}"), style)),
        Line::raw(""),
        Line::raw(format!(
            "  {} in {}.",
            counts.summary(view.exercise_count),
            clock(active)
        )),
    ];
    lines.extend(hanging(
        words,
        usize::from(inner.width.saturating_sub(2)),
        "  ",
        "  ",
    ));
    lines.push(Line::raw(""));
    for (name, amount) in exercises {
        lines.push(Line::from(vec![
            Span::raw(format!("   • {name}")),
            Span::styled(format!("  {amount}"), theme.dim()),
        ]));
    }
    if !exercises.is_empty() {
        lines.push(Line::raw(""));
    }
    match closing {
        None => {
            let shown = if closing_typed.is_empty() {
                "_"
            } else {
                closing_typed
            };
            lines.push(Line::raw("  How does your back feel now, 0 to 10?"));
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("[{shown:>2}]"), theme.accent()),
                Span::styled("  type a number and press Enter", theme.dim()),
            ]));
        }
        Some(v) => {
            lines.push(Line::raw(format!(
                "  Thank you: {v}/10 noted for next time."
            )));
            if v > crate::rules::safety::ACCEPTABLE_LIMIT {
                lines.push(Line::from(Span::styled(
                    "  That is above the comfortable range. Rest today; if it does not ease, see a healthcare professional.",
                    theme.warn(),
                )));
            }
        }
    }
    render_closing(frame, inner, lines, status, theme);
}

/// `m:ss` for the end screen.
fn clock(d: Duration) -> String {
    format!("{}:{:02}", d.as_secs() / 60, d.as_secs() % 60)
}

/// The safety screen: full-screen, unmistakable, no way back into the session.
pub fn render_safety(
    frame: &mut Frame,
    area: Rect,
    reason: &str,
    kind: Option<DiscomfortKind>,
    status: &Status,
    theme: &Theme,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.danger());
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(
            "STOPPED FOR SAFETY",
            theme.danger().add_modifier(Modifier::REVERSED),
        ))
        .alignment(Alignment::Center),
        Line::raw(""),
        Line::from(Span::styled(
            format!("{reason}."),
            theme.text().add_modifier(Modifier::BOLD),
        ))
        .alignment(Alignment::Center),
        Line::raw(""),
        Line::raw("  What to do now:"),
    ];
    let advice = words::safety_advice(kind);
    let (last, points) = advice
        .split_last()
        .unwrap_or((&words::NOT_A_DIAGNOSIS, &[]));
    let width = usize::from(inner.width.saturating_sub(2)).max(20);
    for point in points {
        lines.extend(hanging(point, width, "   • ", "     "));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(format!("  {last}"), theme.dim())));
    render_closing(frame, inner, lines, status, theme);
}

/// The body and footer shared by the end and safety screens: after a session
/// the only ways on are home, the week or quit.
fn render_closing(
    frame: &mut Frame,
    inner: Rect,
    mut lines: Vec<Line<'_>>,
    status: &Status,
    theme: &Theme,
) {
    if let Some(problem) = &status.save_problem {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!("  Not saved yet: {problem} — retrying"),
            theme.warn(),
        )));
    }
    let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(
        Paragraph::new(key_hints(
            theme,
            &[("h", "home"), ("w", "week"), ("q", "quit")],
        )),
        footer,
    );
}
