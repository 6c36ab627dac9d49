//! Quitting with changes the history could not take (a full disk, a
//! read-only folder, another window holding the lock): the app does not
//! quit silently, and never says "saved" when nothing was. It asks:
//! try again, save a copy to a file (the home folder by default), or
//! discard them, which takes typing the word "discard". No other key gets
//! past it (Ctrl-C still ends the run: the changes are then copied to the
//! home folder without asking).

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Padding, Paragraph, Wrap};

use crate::store::UnsavedChoice;
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, key_hints, popup_frame};

/// The word to type to throw the changes away.
pub const DISCARD_WORD: &str = "discard";

/// What the prompt asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsavedAction {
    /// Nothing yet.
    None,
    /// The user chose (a discard only once the word was typed).
    Choose(UnsavedChoice),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    Choose,
    CopyTo { path: String },
    Discard { typed: String },
}

/// The prompt's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsavedPrompt {
    pending: usize,
    problem: String,
    default_path: PathBuf,
    mode: Mode,
    /// What the last attempt gave ("Still not saved: …").
    note: Option<String>,
}

impl UnsavedPrompt {
    /// A prompt for `pending` changes that failed to save because of
    /// `problem`; a copy goes to `default_path` unless the user types another.
    pub fn new(pending: usize, problem: String, default_path: PathBuf) -> UnsavedPrompt {
        UnsavedPrompt {
            pending,
            problem,
            default_path,
            mode: Mode::Choose,
            note: None,
        }
    }

    /// An attempt failed: say why, and stay where the user can try again.
    pub fn failed(&mut self, pending: usize, message: String) {
        self.pending = pending;
        self.note = Some(message);
    }

    /// A key press.
    pub fn on_key(&mut self, key: KeyEvent) -> UnsavedAction {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match &mut self.mode {
            Mode::Choose => match key.code {
                KeyCode::Char('r') => {
                    self.note = None;
                    UnsavedAction::Choose(UnsavedChoice::Retry)
                }
                KeyCode::Char('c') => {
                    self.note = None;
                    self.mode = Mode::CopyTo {
                        path: self.default_path.display().to_string(),
                    };
                    UnsavedAction::None
                }
                KeyCode::Char('d') => {
                    self.note = None;
                    self.mode = Mode::Discard {
                        typed: String::new(),
                    };
                    UnsavedAction::None
                }
                // No way past but the three choices: nothing is lost by a stray key.
                _ => UnsavedAction::None,
            },
            Mode::CopyTo { path } | Mode::Discard { typed: path } => match key.code {
                KeyCode::Esc => {
                    self.mode = Mode::Choose;
                    UnsavedAction::None
                }
                KeyCode::Backspace => {
                    path.pop();
                    UnsavedAction::None
                }
                KeyCode::Char('u') if ctrl => {
                    path.clear();
                    UnsavedAction::None
                }
                KeyCode::Char(c) if !ctrl => {
                    path.push(c);
                    UnsavedAction::None
                }
                KeyCode::Enter => self.enter(),
                _ => UnsavedAction::None,
            },
        }
    }

    fn enter(&mut self) -> UnsavedAction {
        match &self.mode {
            Mode::CopyTo { path } if !path.trim().is_empty() => {
                UnsavedAction::Choose(UnsavedChoice::CopyTo(expand_home(path.trim())))
            }
            Mode::CopyTo { .. } => {
                self.note = Some("Type where to save the copy.".into());
                UnsavedAction::None
            }
            Mode::Discard { typed } if typed.trim() == DISCARD_WORD => {
                UnsavedAction::Choose(UnsavedChoice::Discard)
            }
            Mode::Discard { .. } => {
                self.note = Some(format!(
                    "Type the word {DISCARD_WORD} to throw the changes away, or Esc to go back."
                ));
                UnsavedAction::None
            }
            Mode::Choose => UnsavedAction::None,
        }
    }

    /// Draws the prompt over whatever screen is behind it.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let mut lines = vec![
            Line::raw(format!(
                "{} change(s) of this run are not saved to the history:",
                self.pending
            )),
            Line::from(Span::styled(self.problem.clone(), theme.warn())),
            Line::raw(""),
        ];
        match &self.mode {
            Mode::Choose => {
                lines.push(key_hints(theme, &[("r", "try saving again")]));
                lines.push(key_hints(theme, &[("c", "save a copy to a file")]));
                lines.push(key_hints(
                    theme,
                    &[("d", "discard them (you will type \"discard\")")],
                ));
            }
            Mode::CopyTo { path } => {
                lines.push(Line::raw("Save a copy to this new file:"));
                lines.push(Line::from(Span::styled(format!("> {path}_"), theme.key())));
                lines.push(key_hints(theme, &[("Enter", "save"), ("Esc", "back")]));
            }
            Mode::Discard { typed } => {
                lines.push(Line::raw(format!(
                    "Type {DISCARD_WORD} and press Enter to throw them away:"
                )));
                lines.push(Line::from(Span::styled(format!("> {typed}_"), theme.key())));
                lines.push(key_hints(theme, &[("Enter", "discard"), ("Esc", "back")]));
            }
        }
        if let Some(note) = &self.note {
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(note.clone(), theme.warn())));
        }
        let width = area.width.min(76);
        // Wrapped lines need room: count them at the popup's inner width.
        let inner = usize::from(width.saturating_sub(4)).max(1);
        let height = lines
            .iter()
            .map(|l| l.width().max(1).div_ceil(inner))
            .sum::<usize>() as u16
            + 2;
        let rect = centered(area, width, height.min(area.height));
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                popup_frame(theme, "Not saved", theme.warn()).padding(Padding::horizontal(1)),
            ),
            rect,
        );
    }
}

/// `~/x` → the home folder's `x`, as a shell would.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(base)) => base.home_dir().join(rest),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(prompt: &mut UnsavedPrompt, code: KeyCode) -> UnsavedAction {
        prompt.on_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn type_text(prompt: &mut UnsavedPrompt, text: &str) {
        for c in text.chars() {
            press(prompt, KeyCode::Char(c));
        }
    }

    fn prompt() -> UnsavedPrompt {
        UnsavedPrompt::new(2, "disk full".into(), PathBuf::from("/home/u/copy.ron"))
    }

    fn drawn(prompt: &UnsavedPrompt) -> String {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|f| prompt.render(f, f.area(), &Theme::monochrome()))
            .expect("draw");
        terminal.backend().to_string()
    }

    #[test]
    fn the_prompt_as_drawn() {
        let mut p = UnsavedPrompt::new(
            3,
            "No space left on device (cannot write /home/u/.local/share/backcoach/history/2026-11.ron)"
                .into(),
            PathBuf::from("/home/u/backcoach-unsaved-2026-11-30-120000.ron"),
        );
        insta::assert_snapshot!("unsaved_choose_80x24", drawn(&p));
        press(&mut p, KeyCode::Char('d'));
        type_text(&mut p, "dis");
        press(&mut p, KeyCode::Enter);
        insta::assert_snapshot!("unsaved_discard_80x24", drawn(&p));
        press(&mut p, KeyCode::Esc);
        press(&mut p, KeyCode::Char('c'));
        insta::assert_snapshot!("unsaved_copy_80x24", drawn(&p));
    }

    #[test]
    fn discarding_takes_the_whole_word() {
        let mut p = prompt();
        assert_eq!(press(&mut p, KeyCode::Char('d')), UnsavedAction::None);
        type_text(&mut p, "disc");
        assert_eq!(press(&mut p, KeyCode::Enter), UnsavedAction::None);
        assert!(p.note.is_some(), "a half word is refused and explained");
        type_text(&mut p, "ard");
        assert_eq!(
            press(&mut p, KeyCode::Enter),
            UnsavedAction::Choose(UnsavedChoice::Discard)
        );
    }

    #[test]
    fn a_copy_goes_to_the_default_file_or_to_one_typed() {
        let mut p = prompt();
        press(&mut p, KeyCode::Char('c'));
        assert_eq!(
            press(&mut p, KeyCode::Enter),
            UnsavedAction::Choose(UnsavedChoice::CopyTo(PathBuf::from("/home/u/copy.ron")))
        );
        p.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        type_text(&mut p, "/tmp/mine.ron");
        assert_eq!(
            press(&mut p, KeyCode::Enter),
            UnsavedAction::Choose(UnsavedChoice::CopyTo(PathBuf::from("/tmp/mine.ron")))
        );
    }

    #[test]
    fn retry_and_nothing_else_gets_past() {
        let mut p = prompt();
        assert_eq!(
            press(&mut p, KeyCode::Char('r')),
            UnsavedAction::Choose(UnsavedChoice::Retry)
        );
        press(&mut p, KeyCode::Char('d'));
        assert_eq!(press(&mut p, KeyCode::Esc), UnsavedAction::None);
        assert_eq!(p.mode, Mode::Choose, "Esc leaves the typing");
        // Other keys do nothing: neither q nor Esc quits past unsaved changes.
        for code in [KeyCode::Char('q'), KeyCode::Esc, KeyCode::Char('y')] {
            assert_eq!(press(&mut p, code), UnsavedAction::None);
        }
    }
}
