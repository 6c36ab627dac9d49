//! The check-in screen: draws the check-in flow's question, or why there is
//! no session now, with the coach's notices (the six-week rule, a file that
//! could not be read) above it.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::coach::checkin::{Answer, CheckInFlow, Question, State};
use crate::domain::WarningSign;
use crate::domain::dates::short_date;
use crate::tui::theme::Theme;
use crate::tui::widgets::{hanging, key_hints, panel};
use crate::tui::words;

/// What the check-in asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInAction {
    /// Nothing for the app to do: still asking, or the key meant nothing here.
    None,
    /// The flow reached a result (done or blocked): save it.
    Finished,
    /// Leave without a session.
    Home,
    /// Leave backcoach (`q` on the screen that says why there is no session).
    Quit,
}

/// Turns a key into an answer for the flow, or an app action.
pub fn on_key(flow: &mut CheckInFlow, key: KeyEvent) -> CheckInAction {
    if let State::Blocked(_) = flow.state() {
        return match key.code {
            KeyCode::Char('q') => CheckInAction::Quit,
            KeyCode::Char('h') | KeyCode::Enter | KeyCode::Esc => CheckInAction::Home,
            _ => CheckInAction::None,
        };
    }
    let answer = match key.code {
        KeyCode::Enter => Answer::Enter,
        KeyCode::Backspace => Answer::Backspace,
        KeyCode::Esc => return CheckInAction::Home,
        KeyCode::Char(c) => Answer::Char(c),
        _ => return CheckInAction::None,
    };
    flow.answer(answer);
    match flow.state() {
        State::Asking(_) => CheckInAction::None,
        State::Done(_) | State::Blocked(_) => CheckInAction::Finished,
    }
}

fn title<'a>(routine_name: &str, theme: &Theme) -> Line<'a> {
    Line::from(Span::styled(
        format!(" Check-in · {routine_name} "),
        theme.title(),
    ))
}

/// The first frame of `start`, drawn before the history is read (a few
/// milliseconds): the check-in's frame, with its questions still to come.
pub fn render_reading(frame: &mut Frame, area: Rect, routine_name: &str, theme: &Theme) {
    let [body, foot] = Layout::vertical([Constraint::Min(5), Constraint::Length(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::from(Span::styled("  Reading your history…", theme.dim())),
        ])
        .block(panel(theme).title_top(title(routine_name, theme))),
        body,
    );
    frame.render_widget(Paragraph::new(key_hints(theme, &[("Esc", "home")])), foot);
}

/// Draws the check-in, with the coach's `notices` above the question.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    flow: &CheckInFlow,
    routine_name: &str,
    notices: &[String],
    theme: &Theme,
) {
    let [body, foot] = Layout::vertical([Constraint::Min(5), Constraint::Length(1)]).areas(area);
    let mut lines: Vec<Line> = vec![Line::raw("")];
    // Wrapped lines keep their indent (inside the border).
    let width = usize::from(body.width.saturating_sub(2));
    let indented = |text: &str| {
        let indent = "  ".to_string() + &" ".repeat(text.len() - text.trim_start().len());
        hanging(text.trim_start(), width, &indent, &indent)
    };
    if !matches!(flow.state(), State::Blocked(_)) {
        for notice in notices {
            lines.extend(indented(notice).into_iter().map(|l| l.style(theme.warn())));
        }
        if !notices.is_empty() {
            lines.push(Line::raw(""));
        }
    }
    let hints: Vec<(&str, &str)>;
    let mut border = theme.dim();
    match flow.state() {
        State::Asking(Question::StopEased { date, reason }) => {
            lines.push(Line::from(Span::styled(
                format!(
                    "  Your last session ({}) was stopped for safety:",
                    short_date(*date)
                ),
                theme.warn(),
            )));
            lines.push(Line::raw(format!("  {reason}.")));
            lines.push(Line::raw(""));
            lines.push(Line::raw("  Has that pain eased?"));
            hints = vec![("y", "yes, it has eased"), ("n", "no"), ("Esc", "home")];
        }
        State::Asking(Question::SinceLast { date, ended_at }) => {
            let end = ended_at
                .map(|v| format!(" (it ended at {v}/10)"))
                .unwrap_or_default();
            lines.push(Line::raw(format!(
                "  Compared to the end of your last session on {}{end},",
                short_date(*date)
            )));
            lines.push(Line::raw("  how does your back feel now?"));
            hints = vec![
                ("b", "better"),
                ("s", "same"),
                ("w", "worse"),
                ("Esc", "home"),
            ];
        }
        State::Asking(Question::Baseline { typed }) => {
            let shown = if typed.is_empty() { "_" } else { typed.text() };
            lines.push(Line::raw(
                "  How much discomfort do you feel in your back right now?",
            ));
            lines.push(Line::from(vec![
                Span::raw("  0 = none, 10 = worst imaginable:  "),
                Span::styled(format!("[{shown:>2}]"), theme.accent()),
            ]));
            lines.push(Line::raw(""));
            lines.extend(
                indented("This is your starting point: during the session, a rating 2 or more above it asks whether it is getting worse.")
                    .into_iter()
                    .map(|l| l.style(theme.dim())),
            );
            hints = vec![("0–10", "type"), ("Enter", "confirm"), ("Esc", "home")];
        }
        State::Asking(Question::BaselineKind { value }) => {
            lines.push(Line::raw(format!(
                "  Discomfort {value}/10. What does it feel like?"
            )));
            lines.push(Line::raw(""));
            for (key, kind) in words::kind_keys() {
                lines.push(Line::from(vec![
                    Span::styled(format!("   {key:<6}"), theme.key()),
                    Span::raw(kind.label()),
                ]));
            }
            lines.push(Line::raw(""));
            lines.extend(
                indented("Sharp pain, pain down a leg, numbness or tingling, or a new symptom means no exercise today.")
                    .into_iter()
                    .map(|l| l.style(theme.dim())),
            );
            hints = vec![
                ("Enter", "dull ache"),
                ("Backspace", "change the number"),
                ("Esc", "home"),
            ];
        }
        State::Asking(Question::WarningSigns { marked }) => {
            lines.push(Line::raw("  Today, do you have any of these?"));
            let sign_line = |sign: &WarningSign| {
                let mark = if marked.contains(sign) { "[x]" } else { "[ ]" };
                Line::from(vec![
                    Span::styled(format!("   {} ", sign.key()), theme.key()),
                    Span::styled(format!("{mark} "), theme.accent()),
                    Span::raw(sign.question()),
                ])
            };
            lines.extend(
                WarningSign::ALL
                    .iter()
                    .filter(|s| !s.is_urgent())
                    .map(sign_line),
            );
            lines.push(Line::from(Span::styled(
                "  Beyond the guides, signs that need urgent care:",
                theme.dim(),
            )));
            lines.extend(
                WarningSign::ALL
                    .iter()
                    .filter(|s| s.is_urgent())
                    .map(sign_line),
            );
            lines.push(Line::from(Span::styled(
                "  Press a number to mark a sign, then Enter. Nothing marked means none of these.",
                theme.dim(),
            )));
            hints = vec![("1–9, 0", "mark"), ("Enter", "continue"), ("Esc", "home")];
        }
        State::Blocked(blocked) => {
            border = theme.danger();
            lines.push(Line::from(Span::styled(
                format!("  {}", blocked.title()),
                theme.danger(),
            )));
            lines.push(Line::raw(""));
            for line in blocked.advice() {
                lines.extend(indented(&line));
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(
                "  backcoach gives general guidance, not a diagnosis.",
                theme.dim(),
            )));
            hints = vec![("h", "home"), ("q", "quit")];
        }
        State::Done(_) => {
            lines.push(Line::raw("  Thank you."));
            hints = vec![("Enter", "continue")];
        }
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            panel(theme)
                .border_style(border)
                .title_top(title(routine_name, theme)),
        ),
        body,
    );
    frame.render_widget(Paragraph::new(key_hints(theme, &hints)), foot);
}
