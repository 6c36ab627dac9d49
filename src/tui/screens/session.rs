//! The guided session screen: header, the exercise with its big number and
//! gauge, the steps and the key cue, what comes next, the keys; and on top of
//! it the prompts, the help overlay, the end screen and the safety screen.
//! The big number grows with the terminal (the 80×24 layout keeps its three
//! rows); `g` switches to the glance layout ([`glance`]): only what someone
//! on the mat needs to read from there.

mod ending;
mod glance;
mod prompts;

pub use ending::render_safety;
use ending::{quit_words, render_end};
use prompts::render_modal;

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, LineGauge, Paragraph, Wrap};

use crate::audio::{SoundState, VoiceState};
use crate::domain::{DiscomfortKind, SessionStatus};
use crate::session::{Counts, EndView, ModalView, Readout, View, estimate};
use crate::tui::theme::Theme;
use crate::tui::widgets::ascii_digits::AsciiDigits;
use crate::tui::widgets::bigdigits::{self, BigDigits, Size};
use crate::tui::widgets::figure;
use crate::tui::widgets::{centered, hanging, key_hints, panel};
use crate::tui::words;

/// Status the edges add to the engine's view: sound and saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// Sound on, muted, or no audio device.
    pub sound: SoundState,
    /// The spoken coach, shown after the sound while sound is on; `None`
    /// shows the sound alone.
    pub voice: Option<VoiceState>,
    /// A save that failed and is being retried, in words.
    pub save_problem: Option<String>,
}

/// Draws the whole session screen for `view`.
pub fn render(frame: &mut Frame, area: Rect, view: &View<'_>, status: &Status, theme: &Theme) {
    match &view.end {
        Some(EndView::Stopped { reason, kind }) => {
            render_safety(frame, area, reason, *kind, status, theme);
            return;
        }
        Some(EndView::Completed { .. }) => {
            render_end(frame, area, view, status, theme);
            return;
        }
        Some(EndView::Quit) | None => {}
    }

    let sound_style = if view.muted || status.sound == SoundState::NoDevice {
        theme.warn()
    } else {
        theme.dim()
    };
    let outer = panel(theme)
        .border_style(if view.flash.is_some() {
            theme.accent()
        } else {
            theme.dim()
        })
        .title_top(Line::from(Span::styled(
            format!(" {} ", view.routine_name),
            theme.title(),
        )))
        .title_top(
            Line::from(Span::styled(
                format!(" {} ", status.sound.header(status.voice.as_ref())),
                sound_style,
            ))
            .alignment(Alignment::Right),
        );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);

    let [header, banner_area, body, next_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);

    frame.render_widget(Paragraph::new(header_line(view, theme)), header);
    render_banner(frame, banner_area, view, status, theme);
    render_body(frame, body, view, theme);
    if let Some(next) = &view.next {
        let line = Line::from(vec![
            Span::styled(" Next: ", theme.dim()),
            Span::raw(next.as_str()),
        ]);
        frame.render_widget(Paragraph::new(line), next_area);
    }
    frame.render_widget(
        Paragraph::new(footer_hints(view, theme, footer.width >= 90)),
        footer,
    );

    if let Some(modal) = &view.modal {
        render_modal(frame, area, modal, status, theme);
    }
}

fn header_line<'a>(view: &View<'_>, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!(" Step {} of {}", view.exercise_number, view.exercise_count),
            theme.text(),
        ),
        Span::styled("  ·  ", theme.dim()),
        Span::raw(format!("{} elapsed", minutes(view.elapsed))),
        Span::styled("  ·  ", theme.dim()),
        // Never "0 min left" while anything is left.
        Span::raw(format!("about {} min left", estimate::minutes(view.left))),
    ])
}

/// Whole minutes, so the header need not be redrawn every second.
fn minutes(d: Duration) -> String {
    let m = (d.as_secs() + 30) / 60;
    format!("{m} min")
}

fn render_banner(frame: &mut Frame, area: Rect, view: &View<'_>, status: &Status, theme: &Theme) {
    let (text, style) = if view.paused {
        (
            "PAUSED — press p to resume".to_string(),
            theme.banner().patch(theme.warn()),
        )
    } else if let Some(problem) = &status.save_problem {
        (format!("Not saved yet: {problem} — retrying"), theme.warn())
    } else if let Some(banner) = view.flash {
        (banner.text(), theme.banner())
    } else {
        return;
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(format!(" {text} "), style)))
            .alignment(Alignment::Center),
        area,
    );
}

/// Rows of the standard layout's left column besides the big number: name,
/// set, a blank, caption, gauge, a blank, key cue.
const BESIDE_DIGITS: u16 = 7;
/// The body's height at 80×24, where the big number keeps its three rows.
const BODY_AT_80X24: u16 = 18;
/// Blank rows kept under the key cue when the big number grows.
const BREATHING_ROOM: u16 = 2;

fn render_body(frame: &mut Frame, area: Rect, view: &View<'_>, theme: &Theme) {
    let Some(ex) = view.exercise else { return };
    if view.glance {
        glance::render(frame, area, view, ex, theme);
        return;
    }
    let wide = area.width >= 100;
    let (left, right) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(area);
        (l, Some(r))
    } else {
        (area, None)
    };
    let lines = step_lines(ex, right.map_or(left.width, |r| r.width), wide, theme);

    // The big number takes the rows the column can spare: beside the steps
    // (wide), all of them; above the steps (narrow), only rows beyond the
    // 80×24 layout, never squeezing the steps.
    let spare = if wide {
        left.height.saturating_sub(BESIDE_DIGITS + BREATHING_ROOM)
    } else {
        let steps = lines.len() as u16 + 1;
        let beyond_80x24 = area.height.saturating_sub(BODY_AT_80X24);
        (bigdigits::HEIGHT + beyond_80x24).min(
            left.height
                .saturating_sub(BESIDE_DIGITS + steps + BREATHING_ROOM),
        )
    };
    let size = Size::fitting(widest(&view.readout), left.width.saturating_sub(3), spare);

    let [title, setline, _, digits, label, gauge, _, cue, steps] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(size.rows()),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(left);
    // The exercise's figure (issue 17): beside the timer, or in the free
    // column under it when the steps have a column of their own.
    let figure_at = figure::spot(view, left, setline.bottom()..cue.y, steps, right.is_some());
    let [title, setline, digits, label, gauge, cue] =
        [title, setline, digits, label, gauge, cue].map(|r| figure::beside(r, figure_at));
    figure::render_view(frame, figure_at, view, theme);

    let mut name = vec![Span::styled(format!(" {}", ex.name), theme.title())];
    if let Some(part) = &ex.part {
        name.push(Span::styled(format!("  ({part})"), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(name)), title);

    let mut set = vec![Span::styled(
        format!(" Set {} of {}", view.set, view.sets),
        theme.text(),
    )];
    if let Some(side) = view.side {
        set.push(Span::styled("  ·  ", theme.dim()));
        set.push(Span::styled(format!("{} side", side.label()), theme.warn()));
    }
    set.push(Span::styled(
        format!("  ·  {}", ex.dose_label()),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(Line::from(set)), setline);

    let (big, caption) = readout_text(&view.readout);
    if let Some(big) = &big {
        let digits = Rect {
            x: digits.x + 2,
            width: digits.width.saturating_sub(2),
            ..digits
        };
        render_number(frame, digits, big, size, view, theme);
    }
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {caption}"),
            theme.text().add_modifier(Modifier::BOLD),
        ))),
        label,
    );
    if let Some(bar) = progress_bar(view, theme) {
        let gauge_area = Rect {
            x: gauge.x + 1,
            width: gauge.width.saturating_sub(2),
            ..gauge
        };
        frame.render_widget(bar, gauge_area);
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Key cue: ", theme.dim()),
            Span::styled(ex.cue.as_str(), theme.warn()),
        ])),
        cue,
    );

    let steps_area = right.unwrap_or(steps);
    let block = if right.is_some() {
        Block::default()
            .borders(Borders::LEFT)
            .border_style(theme.dim())
    } else {
        Block::default()
            .borders(Borders::TOP)
            .border_style(theme.dim())
    };
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        steps_area,
    );
}

/// The big number at `size`, from the left of `area`.
fn render_number(
    frame: &mut Frame,
    area: Rect,
    big: &str,
    size: Size,
    view: &View<'_>,
    theme: &Theme,
) {
    let style = if view.paused {
        theme.dim()
    } else {
        theme.accent()
    };
    let width = BigDigits::width_at(big, size).min(area.width);
    let area = Rect { width, ..area };
    // ASCII terminals (issue 18): the strokes drawn with `_` and `|`, the
    // larger sizes with `#` pixels.
    match (theme.ascii, size) {
        (true, Size::Strokes) => frame.render_widget(AsciiDigits::new(big).style(style), area),
        (true, _) => {
            frame.render_widget(BigDigits::new(big).style(style).size(size).pixel("#"), area)
        }
        (false, _) => frame.render_widget(BigDigits::new(big).style(style).size(size), area),
    }
}

/// The gauge of the hold or set under way; none between exercises or at the end.
fn progress_bar<'a>(view: &View<'_>, theme: &Theme) -> Option<LineGauge<'a>> {
    (!matches!(view.readout, Readout::Between { .. } | Readout::Finished)).then(|| {
        LineGauge::default()
            .ratio(view.gauge.clamp(0.0, 1.0))
            .filled_symbol(theme.gauge_symbols().0)
            .unfilled_symbol(theme.gauge_symbols().1)
            .filled_style(theme.gauge())
            .unfilled_style(theme.dim())
            .label("")
    })
}

/// The widest the big number gets in this phase, so its size holds still
/// while the seconds count down.
fn widest(readout: &Readout) -> &'static str {
    let total = match *readout {
        Readout::Hold { total_s, .. }
        | Readout::Move { total_s, .. }
        | Readout::Rest { total_s, .. }
        | Readout::RepHold { total_s, .. } => total_s,
        Readout::GetReady { remaining_s } => remaining_s,
        _ => 0,
    };
    if total >= 100 { "8:88" } else { "88" }
}

/// The steps of the exercise, numbered, for a column `width` wide (with
/// the position under a heading when `heading`).
fn step_lines<'a>(
    ex: &'a crate::plan::PlannedExercise,
    width: u16,
    heading: bool,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = Vec::new();
    if heading {
        lines.push(Line::from(Span::styled("How to do it", theme.title())));
        lines.push(Line::from(Span::styled(ex.position.as_str(), theme.dim())));
    }
    // Wrapped by hand so a step's second line keeps the indent of its first.
    let text_width = usize::from(width.saturating_sub(2)).max(20);
    for (i, step) in ex.steps.iter().enumerate() {
        let number = format!(" {}. ", i + 1);
        let mut wrapped = hanging(step, text_width, &number, "    ");
        if let Some(first) = wrapped.first_mut() {
            let text = first.to_string();
            let (lead, rest) = text.split_at(number.len().min(text.len()));
            *first = Line::from(vec![
                Span::styled(lead.to_string(), theme.dim()),
                Span::raw(rest.to_string()),
            ]);
        }
        lines.extend(wrapped);
    }
    lines
}

/// The big number and the words under it.
fn readout_text(readout: &Readout) -> (Option<String>, String) {
    match *readout {
        Readout::GetReady { remaining_s } => (
            Some(remaining_s.to_string()),
            format!("Get ready · starts in {remaining_s} s · Space to start now"),
        ),
        Readout::Hold { remaining_s, .. } => (
            Some(bigdigits::seconds_text(remaining_s)),
            format!("Hold · {remaining_s} s left"),
        ),
        Readout::Move { remaining_s, .. } => (
            Some(bigdigits::seconds_text(remaining_s)),
            format!("Move · {remaining_s} s left"),
        ),
        Readout::Reps { done, target } => (
            Some(done.to_string()),
            format!("Rep {done} of {target} · Space after each rep"),
        ),
        Readout::RepReady { done, target } => (
            Some(done.to_string()),
            format!("Rep {done} of {target} · Space to start rep {}", done + 1),
        ),
        Readout::RepRelax {
            done,
            target,
            remaining_s,
            ..
        } => (
            Some(done.to_string()),
            format!(
                "Rep {done} of {target} · relax · rep {} in {remaining_s} s · Space starts it now",
                done + 1
            ),
        ),
        Readout::Beat { done, target } => (
            Some(done.to_string()),
            format!("Rep {done} of {target} · counted for you · Space counts one now"),
        ),
        Readout::RepHold {
            rep,
            target,
            remaining_s,
            ..
        } => (
            Some(remaining_s.to_string()),
            format!("Rep {rep} of {target} · hold {remaining_s} s"),
        ),
        Readout::Cycles {
            rep,
            target,
            breath_in,
            ..
        } => (
            Some(rep.to_string()),
            format!(
                "Rep {rep} of {target} · slow cycle · {}",
                if breath_in {
                    "breathe in…"
                } else {
                    "breathe out…"
                }
            ),
        ),
        Readout::Rest { remaining_s, .. } => (
            Some(bigdigits::seconds_text(remaining_s)),
            format!("Rest · {remaining_s} s left · + adds 15 s · n skips"),
        ),
        Readout::Between { outcome } => (None, format!("Exercise {}", outcome.label())),
        Readout::Finished => (None, "Routine complete".into()),
    }
}

fn footer_hints<'a>(view: &View<'_>, theme: &Theme, wide: bool) -> Line<'a> {
    let space = match view.readout {
        Readout::Reps { .. } | Readout::Beat { .. } => "rep",
        Readout::RepReady { .. } => "start",
        Readout::RepRelax { .. } => "next rep",
        Readout::GetReady { .. } => "start",
        _ => "",
    };
    let mut hints: Vec<(&str, &str)> = Vec::new();
    if !space.is_empty() {
        hints.push(("Space", space));
    }
    hints.extend([
        ("p", if view.paused { "resume" } else { "pause" }),
        ("n", "next"),
    ]);
    if wide {
        hints.push(("b", "back"));
    }
    hints.extend([("r", "rate"), ("s", "sharp pain")]);
    // With --mute, sound stays off for the run: no key offers to turn it on.
    if !view.mute_locked {
        hints.push(("m", if view.muted { "unmute" } else { "mute" }));
    }
    // The rest is in the help (`?`); 80 columns have no room for it.
    if wide {
        if !view.voice_locked {
            hints.push(("v", if view.voice { "voice off" } else { "voice on" }));
        }
        hints.push(("g", if view.glance { "steps" } else { "glance" }));
    }
    hints.extend([("?", "help"), ("q", "quit")]);
    key_hints(theme, &hints)
}
