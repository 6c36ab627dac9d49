//! What the person types in the line mode: keys from a terminal (read one
//! at a time, as the full screen reads them), or line commands from a pipe
//! or a script (`p`, `n`, `r 4`, `s`, an empty line for `Space`), turned
//! into the same keys the full screen would send.

use std::io::BufRead;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tokio::sync::mpsc;

use crate::session::{EndView, ModalView, View};

/// One thing the person did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A key pressed in the terminal.
    Key(KeyEvent),
    /// A line of a line command (without its line end).
    Line(String),
    /// Standard input ended: no more commands will come.
    End,
}

/// Keys read from the terminal by a thread of their own (the terminal is in
/// raw mode: a key arrives as it is pressed, with no Enter after it).
pub fn terminal_keys() -> std::io::Result<mpsc::UnboundedReceiver<Input>> {
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::Builder::new()
        .name("backcoach-keys".into())
        .spawn(move || {
            loop {
                match crossterm::event::read() {
                    Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                        if tx.send(Input::Key(key)).is_err() {
                            break;
                        }
                    }
                    Ok(_) => {}
                    Err(_) => {
                        let _ = tx.send(Input::End);
                        break;
                    }
                }
            }
        })?;
    Ok(rx)
}

/// Line commands read from standard input by a thread of their own; `End`
/// once it closes.
pub fn stdin_lines() -> std::io::Result<mpsc::UnboundedReceiver<Input>> {
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::Builder::new()
        .name("backcoach-lines".into())
        .spawn(move || {
            let stdin = std::io::stdin();
            for line in stdin.lock().lines() {
                let Ok(line) = line else { break };
                if tx.send(Input::Line(line)).is_err() {
                    return;
                }
            }
            let _ = tx.send(Input::End);
        })?;
    Ok(rx)
}

/// A key as a terminal would send it.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A one-letter answer (`y`, `c`, `w`): its first character, or Enter for
/// an empty line.
pub fn answer_key(line: &str) -> KeyEvent {
    match line.trim().chars().next() {
        Some(c) => key(KeyCode::Char(c.to_ascii_lowercase())),
        None => key(KeyCode::Enter),
    }
}

/// A typed number (a rating, warning signs to mark): its digits, then Enter.
pub fn typed_keys(line: &str) -> Vec<KeyEvent> {
    let mut keys: Vec<KeyEvent> = line
        .chars()
        .filter(char::is_ascii_digit)
        .map(|c| key(KeyCode::Char(c)))
        .collect();
    keys.push(key(KeyCode::Enter));
    keys
}

/// A step of a line command in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandStep {
    /// Send this key.
    Key(KeyEvent),
    /// If the kind of discomfort is asked now, answer with this key (Enter:
    /// a dull ache); otherwise nothing (the rating already stopped or asked
    /// something else).
    Kind(KeyEvent),
}

/// The keys a line command stands for, given what the session shows: in a
/// prompt that takes a number, the number and Enter; in one that takes a
/// letter, the letter; otherwise a command — an empty line (or `space`) for
/// Space, `r 4` (or `r 4 s`) to rate at once, else its first letter.
pub fn session_steps(line: &str, view: &View<'_>) -> Vec<CommandStep> {
    let text = line.trim();
    let first = text.chars().next();
    let takes_number = matches!(
        view.modal,
        Some(ModalView::RateNumber { .. } | ModalView::AfterExercise { .. })
    ) || matches!(view.end, Some(EndView::Completed { closing: None, .. }));
    if takes_number && first.is_none_or(|c| c.is_ascii_digit()) {
        return typed_keys(text).into_iter().map(CommandStep::Key).collect();
    }
    if view.modal.is_some() || view.end.is_some() {
        return vec![CommandStep::Key(answer_key(text))];
    }
    let mut words = text.split_whitespace();
    let command = words.next().unwrap_or("");
    if command.is_empty() || command.eq_ignore_ascii_case("space") {
        return vec![CommandStep::Key(key(KeyCode::Char(' ')))];
    }
    let letter = answer_key(command);
    let number = words
        .next()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()));
    match (letter.code, number) {
        (KeyCode::Char('r'), Some(number)) => {
            let mut steps = vec![CommandStep::Key(letter)];
            steps.extend(typed_keys(number).into_iter().map(CommandStep::Key));
            let kind = words.next().map_or(key(KeyCode::Enter), answer_key);
            steps.push(CommandStep::Kind(kind));
            steps
        }
        _ => vec![CommandStep::Key(letter)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Readout;

    fn view(modal: Option<ModalView>) -> View<'static> {
        View {
            routine_name: "Test",
            exercise_number: 1,
            exercise_count: 1,
            elapsed: std::time::Duration::ZERO,
            left: std::time::Duration::ZERO,
            muted: false,
            mute_locked: false,
            exercise: None,
            set: 1,
            sets: 1,
            side: None,
            readout: Readout::Reps { done: 0, target: 5 },
            gauge: 0.0,
            paused: false,
            modal,
            flash: None,
            next: None,
            end: None,
            motion: None,
            glance: false,
            voice: false,
            voice_locked: true,
        }
    }

    fn char_key(c: char) -> CommandStep {
        CommandStep::Key(key(KeyCode::Char(c)))
    }

    #[test]
    fn commands_in_a_running_session() {
        let v = view(None);
        assert_eq!(session_steps("", &v), vec![char_key(' ')]);
        assert_eq!(session_steps("space", &v), vec![char_key(' ')]);
        assert_eq!(session_steps("p", &v), vec![char_key('p')]);
        assert_eq!(session_steps(" N ", &v), vec![char_key('n')]);
        assert_eq!(session_steps("s", &v), vec![char_key('s')]);
        assert_eq!(session_steps("r", &v), vec![char_key('r')]);
        assert_eq!(
            session_steps("r 4", &v),
            vec![
                char_key('r'),
                char_key('4'),
                CommandStep::Key(key(KeyCode::Enter)),
                CommandStep::Kind(key(KeyCode::Enter))
            ]
        );
        assert_eq!(
            session_steps("r 10 s", &v),
            vec![
                char_key('r'),
                char_key('1'),
                char_key('0'),
                CommandStep::Key(key(KeyCode::Enter)),
                CommandStep::Kind(key(KeyCode::Char('s')))
            ]
        );
    }

    #[test]
    fn answers_in_prompts() {
        let quick = view(Some(ModalView::AfterExercise {
            exercise: "Bridge".into(),
            last: 2,
            typed: String::new(),
        }));
        assert_eq!(
            session_steps("3", &quick),
            vec![char_key('3'), CommandStep::Key(key(KeyCode::Enter))]
        );
        assert_eq!(
            session_steps("", &quick),
            vec![CommandStep::Key(key(KeyCode::Enter))]
        );
        assert_eq!(session_steps("s", &quick), vec![char_key('s')]);
        let quit = view(Some(ModalView::ConfirmQuit {
            counts: Default::default(),
            in_progress: None,
        }));
        assert_eq!(session_steps("y", &quit), vec![char_key('y')]);
    }
}
