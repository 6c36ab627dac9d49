//! The first-run set-up (and the profile editor): where the user starts,
//! what to avoid, what they have at home, and a few preferences.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::catalog::Equipment;
use crate::profile::{
    Condition, DEFAULT_DISCOMFORT_LIMIT, Experience, GET_READY_CHOICES, Pacing, Profile,
    WEEKLY_TARGET_RANGE,
};
use crate::tui::theme::Theme;
use crate::tui::widgets::{hanging, key_hints, panel};

/// What the set-up asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupAction {
    /// Stay on the form.
    None,
    /// Save this profile and go on (Enter, or Esc on the first run).
    Save(Profile),
    /// Leave the profile editor without saving (Esc after the first run).
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Experience,
    InjuryHistory,
    Condition(Condition),
    Equipment(Equipment),
    Target,
    Volume,
    Bell,
    Limit,
    // Hands-free coaching (issue 16).
    Voice,
    Pacing,
    Metronome,
    GetReady,
    Glance,
}

const CONDITIONS: [Condition; 2] = [Condition::HerniatedDisc, Condition::SpinalStenosis];

fn fields() -> Vec<Field> {
    let mut f = vec![Field::Experience, Field::InjuryHistory];
    f.extend(CONDITIONS.map(Field::Condition));
    f.extend([Field::Target, Field::Volume, Field::Bell, Field::Limit]);
    f.extend([
        Field::Voice,
        Field::Pacing,
        Field::Metronome,
        Field::GetReady,
        Field::Glance,
    ]);
    f.extend(Equipment::ALL.map(Field::Equipment));
    f
}

/// The form's state.
#[derive(Debug, Clone)]
pub struct SetupScreen {
    /// The profile as edited so far, not saved yet.
    pub profile: Profile,
    /// First run: there is no profile to go back to.
    pub first_run: bool,
    cursor: usize,
}

impl SetupScreen {
    /// A form prefilled with `profile`.
    pub fn new(profile: Profile, first_run: bool) -> SetupScreen {
        SetupScreen {
            profile,
            first_run,
            cursor: 0,
        }
    }

    /// Handles a key.
    pub fn on_key(&mut self, key: KeyEvent) -> SetupAction {
        let fields = fields();
        let field = fields[self.cursor.min(fields.len() - 1)];
        match key.code {
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                self.cursor = self.cursor.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.cursor = (self.cursor + 1).min(fields.len() - 1)
            }
            KeyCode::Left | KeyCode::Char('-') => self.change(field, -1),
            KeyCode::Right | KeyCode::Char('+') | KeyCode::Char(' ') => self.change(field, 1),
            KeyCode::Enter => return SetupAction::Save(self.profile.clone()),
            KeyCode::Esc => {
                return if self.first_run {
                    SetupAction::Save(self.profile.clone())
                } else {
                    SetupAction::Cancel
                };
            }
            _ => {}
        }
        SetupAction::None
    }

    fn change(&mut self, field: Field, step: i32) {
        let p = &mut self.profile;
        match field {
            Field::Experience => {
                const ORDER: [Experience; 3] =
                    [Experience::New, Experience::Returning, Experience::Regular];
                let i = ORDER.iter().position(|e| *e == p.experience).unwrap_or(0) as i32;
                p.experience = ORDER[(i + step).rem_euclid(3) as usize];
            }
            Field::InjuryHistory => p.back_injury_history = !p.back_injury_history,
            Field::Condition(c) => toggle(&mut p.conditions, c),
            Field::Equipment(q) => toggle(&mut p.equipment, q),
            Field::Target => {
                let v = i32::from(p.weekly_target) + step;
                p.weekly_target = v.clamp(
                    i32::from(*WEEKLY_TARGET_RANGE.start()),
                    i32::from(*WEEKLY_TARGET_RANGE.end()),
                ) as u8;
            }
            Field::Volume => p.volume = (i32::from(p.volume) + step * 10).clamp(0, 100) as u8,
            Field::Bell => p.bell = !p.bell,
            Field::Limit => {
                let v = i32::from(p.discomfort_limit) + step;
                p.discomfort_limit = v.clamp(1, i32::from(DEFAULT_DISCOMFORT_LIMIT)) as u8;
            }
            Field::Voice => p.voice = !p.voice,
            Field::Pacing => {
                p.pacing = match p.pacing {
                    Pacing::Paced => Pacing::Manual,
                    Pacing::Manual => Pacing::Paced,
                }
            }
            Field::Metronome => p.metronome = !p.metronome,
            Field::GetReady => {
                let i = GET_READY_CHOICES
                    .iter()
                    .position(|c| *c == p.effective_get_ready_s())
                    .unwrap_or(0) as i32;
                let n = GET_READY_CHOICES.len() as i32;
                p.get_ready_s = GET_READY_CHOICES[(i + step).rem_euclid(n) as usize];
            }
            Field::Glance => p.glance = !p.glance,
        }
    }

    /// Draws the form: where you start and preferences on the left, equipment on the right.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [intro, body, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(5),
            Constraint::Length(1),
        ])
        .areas(area);
        let p = &self.profile;
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(
                    if self.first_run { " Set-up" } else { " Your profile" },
                    theme.title(),
                )),
                Line::from(Span::styled(
                    if self.first_run {
                        " A few questions so you start at the right dose (change them later with p)."
                    } else {
                        " Changes apply from your next session."
                    },
                    theme.dim(),
                )),
            ]),
            intro,
        );
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(66), Constraint::Percentage(34)])
                .areas(body);
        let mut columns: [Vec<Line>; 2] = [Vec::new(), Vec::new()];
        let mut sections = ["", ""];
        for (i, field) in fields().into_iter().enumerate() {
            let (group, label, value) = match field {
                Field::Experience => (
                    "Where you start",
                    "Experience",
                    match p.experience {
                        Experience::New => "new to back exercises",
                        Experience::Returning => "returning after an issue",
                        Experience::Regular => "exercising regularly",
                    }
                    .to_string(),
                ),
                Field::InjuryHistory => (
                    "Where you start",
                    "Injury/spinal history",
                    check(p.back_injury_history),
                ),
                Field::Condition(c) => (
                    "Conditions you have been told you have",
                    c.label(),
                    check(p.conditions.contains(&c)),
                ),
                Field::Equipment(q) => (
                    "Equipment at hand",
                    q.label(),
                    check(p.equipment.contains(&q)),
                ),
                Field::Target => (
                    "Preferences",
                    "Days a week to aim for",
                    format!("{}", p.weekly_target),
                ),
                Field::Volume => ("Preferences", "Sound volume", format!("{}%", p.volume)),
                Field::Bell => ("Preferences", "Bell on phase changes", check(p.bell)),
                Field::Limit => (
                    "Preferences",
                    "Discomfort limit (≤ 5)",
                    format!("{}/10", p.effective_limit()),
                ),
                Field::Voice => ("Preferences", "Spoken coach", check(p.voice)),
                Field::Pacing => (
                    "Preferences",
                    "Held reps and cycles",
                    p.pacing.label().to_string(),
                ),
                Field::Metronome => ("Preferences", "Count plain reps aloud", check(p.metronome)),
                Field::GetReady => (
                    "Preferences",
                    "Get-ready countdown",
                    format!("{} s", p.effective_get_ready_s()),
                ),
                Field::Glance => ("Preferences", "Glance layout (g)", check(p.glance)),
            };
            let col = usize::from(matches!(field, Field::Equipment(_)));
            if group != sections[col] {
                sections[col] = group;
                if !columns[col].is_empty() {
                    columns[col].push(Line::raw(""));
                }
                columns[col].push(Line::from(Span::styled(group, theme.warn())));
            }
            let selected = i == self.cursor;
            let style = if selected {
                theme.selected()
            } else {
                theme.text()
            };
            let width = if col == 0 { 23 } else { 16 };
            columns[col].push(Line::from(vec![
                Span::styled(format!(" {label:<width$}"), style),
                Span::styled(
                    format!(" {value}"),
                    if selected {
                        theme.selected()
                    } else {
                        theme.accent()
                    },
                ),
            ]));
            // What the selected option means, in a line under it (issue 18).
            if selected {
                let room = if col == 0 { left.width } else { right.width };
                let lines = hanging(
                    explain(field),
                    usize::from(room.saturating_sub(5)),
                    "   ",
                    "   ",
                );
                columns[col].extend(
                    lines
                        .into_iter()
                        .map(|l| Line::from(Span::styled(l.to_string(), theme.dim()))),
                );
            }
        }
        let [left_lines, right_lines] = columns;
        let block = || panel(theme);
        frame.render_widget(
            Paragraph::new(left_lines)
                .wrap(Wrap { trim: false })
                .block(block()),
            left,
        );
        frame.render_widget(
            Paragraph::new(right_lines)
                .wrap(Wrap { trim: false })
                .block(block()),
            right,
        );
        frame.render_widget(
            Paragraph::new(key_hints(
                theme,
                &[
                    ("↑↓ Tab", "move"),
                    ("←→ Space", "change"),
                    ("Enter", "save"),
                    (
                        "Esc",
                        if self.first_run {
                            "keep defaults"
                        } else {
                            "cancel"
                        },
                    ),
                ],
            )),
            foot,
        );
    }
}

/// One line on what an option means and what it changes.
fn explain(field: Field) -> &'static str {
    match field {
        Field::Experience => "New or returning: low doses that build up.",
        Field::InjuryHistory => "Past injury: check with a professional first.",
        Field::Condition(Condition::HerniatedDisc) => "Leaves out deep forward bending.",
        Field::Condition(Condition::SpinalStenosis) => "Leaves out strong backward bending.",
        Field::Equipment(_) => "Exercises that need it are offered.",
        Field::Target => "Active days a week the week screen aims at.",
        Field::Volume => "Chimes and voice: 0 to 100 % in tens.",
        Field::Bell => "Rings the terminal bell at phase changes.",
        Field::Limit => "A rating above it stops the session.",
        Field::Voice => "Speaks names, counts and sides aloud.",
        Field::Pacing => "Paced: held reps run on their own.",
        Field::Metronome => "Counts plain reps aloud at a steady pace.",
        Field::GetReady => "Seconds to get in position before a hold.",
        Field::Glance => "Only the big number, readable from the mat.",
    }
}

fn toggle<T: PartialEq + Ord + Copy>(list: &mut Vec<T>, item: T) {
    if let Some(i) = list.iter().position(|x| *x == item) {
        list.remove(i);
    } else {
        list.push(item);
        list.sort();
    }
}

fn check(on: bool) -> String {
    if on { "[x]".into() } else { "[ ]".into() }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyModifiers;

    use super::*;

    fn press(form: &mut SetupScreen, code: KeyCode) -> SetupAction {
        form.on_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn move_to(form: &mut SetupScreen, field: Field) {
        let at = fields().iter().position(|f| *f == field).expect("a field");
        for _ in 0..fields().len() {
            press(form, KeyCode::Up);
        }
        for _ in 0..at {
            press(form, KeyCode::Down);
        }
    }

    #[test]
    fn the_hands_free_questions_change_the_profile() {
        let mut form = SetupScreen::new(Profile::default(), true);
        assert!(form.profile.voice);
        assert_eq!(form.profile.pacing, Pacing::Paced);
        move_to(&mut form, Field::Voice);
        press(&mut form, KeyCode::Char(' '));
        move_to(&mut form, Field::Pacing);
        press(&mut form, KeyCode::Right);
        move_to(&mut form, Field::Metronome);
        press(&mut form, KeyCode::Char(' '));
        move_to(&mut form, Field::Glance);
        press(&mut form, KeyCode::Char(' '));
        // Get ready: 5 → 10 → 3 → 5, and back with ←.
        move_to(&mut form, Field::GetReady);
        let mut seen = Vec::new();
        for _ in 0..3 {
            press(&mut form, KeyCode::Right);
            seen.push(form.profile.get_ready_s);
        }
        assert_eq!(seen, vec![10, 3, 5]);
        press(&mut form, KeyCode::Left);
        assert_eq!(form.profile.get_ready_s, 3);
        let SetupAction::Save(saved) = press(&mut form, KeyCode::Enter) else {
            panic!("Enter saves");
        };
        assert!(!saved.voice && saved.metronome && saved.glance);
        assert_eq!(saved.pacing, Pacing::Manual);
        assert_eq!(saved.get_ready_s, 3);
    }

    #[test]
    fn shift_tab_moves_back_and_volume_runs_from_0_to_100_in_tens() {
        let mut form = SetupScreen::new(Profile::default(), true);
        let volume = fields()
            .iter()
            .position(|f| *f == Field::Volume)
            .expect("volume");
        for _ in 0..volume + 1 {
            press(&mut form, KeyCode::Tab);
        }
        press(&mut form, KeyCode::BackTab);
        assert_eq!(fields()[form.cursor], Field::Volume);
        for _ in 0..15 {
            press(&mut form, KeyCode::Left);
        }
        assert_eq!(form.profile.volume, 0, "volume goes down to 0 %");
        press(&mut form, KeyCode::Right);
        assert_eq!(form.profile.volume, 10);
        for _ in 0..15 {
            press(&mut form, KeyCode::Right);
        }
        assert_eq!(form.profile.volume, 100);
    }

    #[test]
    fn every_option_is_explained() {
        for field in fields() {
            let words = explain(field);
            assert!(words.len() > 20 && words.len() <= 46, "one line: {field:?}");
        }
    }
}
