//! The plan preview: today's dose of every exercise and why it changed, which
//! numbers are backcoach's own rather than a guide's, and the warm-up the
//! guides advise before strength work, offered with one key.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::catalog::{Catalog, ExerciseOwn, Routine};
use crate::plan::Plan;
use crate::rules::warm_up::with_warm_up;
use crate::tui::theme::Theme;
use crate::tui::widgets::{key_hints, panel};

/// What the preview asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewAction {
    /// Stay on the preview (the key scrolled, or did nothing).
    None,
    /// Go on: to the check-in, or to the session once the check-in is done.
    Start,
    /// Back to the home screen without starting.
    Back,
    /// The warm-up was put in front of the plan (`true`) or taken out: the
    /// app keeps the choice in the profile.
    WarmUp(bool),
}

/// The warm-up offered in front of the plan.
#[derive(Debug, Clone)]
struct WarmUpOffer {
    /// The plan without the warm-up.
    base: Plan,
    /// The warm-up routine's plan.
    warm_up: Plan,
    /// Whether the plan shown (and started) has it in front.
    included: bool,
}

/// The preview's state.
#[derive(Debug, Clone)]
pub struct PreviewScreen {
    /// The plan shown; starting hands it on to the check-in or the session.
    pub plan: Plan,
    /// A line shown above the plan (e.g. the check-in's baseline).
    pub note: Option<String>,
    scroll: u16,
    warm_up: Option<Box<WarmUpOffer>>,
    /// What is backcoach's own about an exercise's numbers, by exercise id.
    own: HashMap<String, Vec<&'static str>>,
    /// The routine at its full dose, to say how today's length compares.
    full: Option<Box<(Plan, Routine)>>,
}

impl PreviewScreen {
    /// A preview of `plan`.
    pub fn new(plan: Plan) -> PreviewScreen {
        PreviewScreen {
            plan,
            note: None,
            scroll: 0,
            warm_up: None,
            own: HashMap::new(),
            full: None,
        }
    }

    /// The routine's full dose, so the preview can say "about 6 min today;
    /// builds toward the full 15-minute routine".
    pub fn compare_with_full(&mut self, full: Plan, routine: Routine) {
        self.full = Some(Box::new((full, routine)));
    }

    /// Today's estimated length, in words.
    fn length_line(&self) -> String {
        crate::session::estimate::length_line(
            &self.plan,
            self.full.as_deref().map(|(p, r)| (p, r)),
            crate::session::GET_READY,
        )
    }

    /// Offers `warm_up` in front of the plan, with it in front already when
    /// `included` (the profile's choice); `w` then puts it in or takes it out.
    pub fn offer_warm_up(&mut self, warm_up: Plan, included: bool) {
        let base = self
            .warm_up
            .take()
            .map(|offer| offer.base)
            .unwrap_or_else(|| self.plan.clone());
        let offer = WarmUpOffer {
            base,
            warm_up,
            included,
        };
        self.plan = offer.plan();
        self.warm_up = Some(Box::new(offer));
    }

    /// Whether a warm-up is offered, and whether it is in the plan.
    pub fn warm_up_included(&self) -> Option<bool> {
        self.warm_up.as_ref().map(|offer| offer.included)
    }

    /// Marks the numbers that are backcoach's own rather than a guide's, so
    /// the preview says so under each such exercise. Call it after
    /// [`PreviewScreen::offer_warm_up`], so the warm-up's exercises are marked
    /// too.
    pub fn mark_own_numbers(&mut self, catalog: &Catalog) {
        let mut plans = vec![&self.plan];
        if let Some(offer) = &self.warm_up {
            plans.extend([&offer.base, &offer.warm_up]);
        }
        self.own.clear();
        for plan in plans {
            let routine = catalog.routine(&plan.routine_id);
            for planned in &plan.exercises {
                let Some(exercise) = catalog.exercise(&planned.exercise_id) else {
                    continue;
                };
                // The routine's own numbers may replace the exercise's.
                let dose_ours = routine
                    .and_then(|r| {
                        r.items
                            .iter()
                            .find(|i| i.exercise == exercise.id)
                            .map(|i| r.item_dose_is_ours(i, exercise))
                    })
                    .unwrap_or(exercise.ours.contains(&ExerciseOwn::Dose));
                let notes: Vec<&'static str> = exercise
                    .ours
                    .iter()
                    .filter(|o| **o != ExerciseOwn::Dose || dose_ours)
                    .map(|o| o.note())
                    .collect();
                if !notes.is_empty() {
                    self.own.entry(exercise.id.clone()).or_insert(notes);
                }
            }
        }
    }

    /// Handles a key.
    pub fn on_key(&mut self, key: KeyEvent) -> PreviewAction {
        match key.code {
            KeyCode::Enter | KeyCode::Char(' ') => PreviewAction::Start,
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('h') => PreviewAction::Back,
            KeyCode::Char('w') => match &mut self.warm_up {
                Some(offer) => {
                    offer.included = !offer.included;
                    self.plan = offer.plan();
                    PreviewAction::WarmUp(offer.included)
                }
                None => PreviewAction::None,
            },
            KeyCode::Down | KeyCode::Char('j') => {
                self.scroll = self.scroll.saturating_add(1);
                PreviewAction::None
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.scroll = self.scroll.saturating_sub(1);
                PreviewAction::None
            }
            _ => PreviewAction::None,
        }
    }

    /// Draws the screen.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [body, foot] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(1)]).areas(area);
        let mut lines: Vec<Line> = Vec::new();
        if let Some(note) = &self.note {
            lines.push(Line::from(Span::styled(note.clone(), theme.dim())));
        }
        lines.push(Line::from(Span::styled(self.length_line(), theme.text())));
        lines.push(Line::raw(""));
        if let Some(offer) = &self.warm_up {
            let name = &offer.warm_up.routine_name;
            lines.push(if offer.included {
                Line::from(Span::styled(
                    format!("The {name} comes first, as the guides advise (w leaves it out)."),
                    theme.dim(),
                ))
            } else {
                Line::from(Span::styled(
                    format!("Warm up before strength work, the guides advise: w adds the {name}."),
                    theme.warn(),
                ))
            });
            lines.push(Line::raw(""));
        }
        let mut part: Option<&str> = None;
        for (i, ex) in self.plan.exercises.iter().enumerate() {
            if ex.part.as_deref() != part {
                part = ex.part.as_deref();
                // After a warm-up's part, the routine's own exercises get its
                // name as their heading even when they have no part.
                let heading = part.or((i > 0).then_some(self.plan.routine_name.as_str()));
                if let Some(p) = heading {
                    lines.push(Line::from(Span::styled(p.to_string(), theme.warn())));
                }
            }
            lines.push(Line::from(vec![
                Span::styled(format!("{:>2}. ", i + 1), theme.dim()),
                Span::styled(ex.name.clone(), theme.text()),
                Span::styled(format!("  {}", ex.dose_label()), theme.accent()),
            ]));
            for reason in &ex.reasons {
                lines.push(Line::from(Span::styled(
                    format!("      {reason}"),
                    theme.dim(),
                )));
            }
            for note in self.own.get(&ex.exercise_id).into_iter().flatten() {
                lines.push(Line::from(Span::styled(
                    format!("      {note}"),
                    theme.dim(),
                )));
            }
        }
        // Notes already shown under their exercise are not repeated.
        let notes: Vec<&String> = self
            .plan
            .notes
            .iter()
            .filter(|n| !self.plan.exercises.iter().any(|e| e.reasons.contains(n)))
            .collect();
        if !notes.is_empty() {
            lines.push(Line::raw(""));
            for note in notes {
                lines.push(Line::from(Span::styled(format!("• {note}"), theme.warn())));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Mild discomfort (up to 5 of 10) is normal. Sharp, shooting or worsening pain: press s and stop.",
            theme.dim(),
        )));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0))
                .block(panel(theme).title_top(Line::from(Span::styled(
                    format!(" Today's plan: {} ", self.plan.routine_name),
                    theme.title(),
                )))),
            body,
        );
        let mut keys = vec![("Enter", "start"), ("↑↓", "scroll")];
        if self.warm_up.is_some() {
            keys.push(("w", "warm-up"));
        }
        keys.push(("Esc", "back"));
        frame.render_widget(Paragraph::new(key_hints(theme, &keys)), foot);
    }
}

impl WarmUpOffer {
    /// The plan to show and start: with the warm-up in front, or without.
    fn plan(&self) -> Plan {
        if self.included {
            with_warm_up(&self.base, &self.warm_up)
        } else {
            self.base.clone()
        }
    }
}
