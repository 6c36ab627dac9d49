//! The exercise's figure on screen: the pure drawing of [`crate::figure`]
//! copied into the buffer, the body in one colour and props and floor
//! quieter (the shapes carry the meaning, so it reads with `NO_COLOR`).
//! Also where the session screen puts it, so that screen's hook stays a
//! few lines.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::catalog::Exercise;
use crate::domain::Side;
use crate::figure::{self, Figure, Ink, Lead, Mode};
use crate::session::View;
use crate::tui::theme::Theme;

/// The smallest figure drawn: below this it stops being legible.
pub const MIN_COLS: u16 = 22;
/// See [`MIN_COLS`].
pub const MIN_ROWS: u16 = 8;
/// Rows a figure beside the session's timer needs at the least (the band
/// between the set line and the key cue is 7 rows at 80 × 24).
pub const MIN_ROWS_BESIDE: u16 = 6;
/// Columns the session's text keeps beside a figure.
const MIN_TEXT_COLS: u16 = 50;
/// The widest figure beside the timer.
const MAX_COLS_BESIDE: u16 = 36;
/// The largest figure under the timer, when the steps have their own column.
const MAX_COLS_BELOW: u16 = 48;
/// See [`MAX_COLS_BELOW`].
const MAX_ROWS_BELOW: u16 = 16;

/// Braille, or ASCII where the terminal or the locale has no Unicode (the
/// theme knows: `--ascii`, a non-UTF-8 locale).
pub fn mode(theme: &Theme) -> Mode {
    if theme.ascii {
        Mode::Ascii
    } else {
        Mode::Braille
    }
}

/// Whether the side being worked is the mirror of the side the poses show.
pub fn mirrored(figure: &Figure, side: Option<Side>) -> bool {
    matches!(
        (figure.lead, side),
        (Lead::Left, Some(Side::Right)) | (Lead::Right, Some(Side::Left))
    )
}

/// A figure at one moment of its movement.
pub struct FigureWidget<'a> {
    figure: &'a Figure,
    at: f32,
    mirror: bool,
    mode: Mode,
    theme: &'a Theme,
}

impl<'a> FigureWidget<'a> {
    /// `figure` at `at` (0 start pose, 1 end pose), in Braille.
    pub fn new(figure: &'a Figure, at: f32, theme: &'a Theme) -> FigureWidget<'a> {
        FigureWidget {
            figure,
            at,
            mirror: false,
            mode: Mode::Braille,
            theme,
        }
    }

    /// Drawn as its mirror image (the other side of a per-side exercise).
    pub fn mirror(mut self, mirror: bool) -> Self {
        self.mirror = mirror;
        self
    }

    /// Braille or ASCII.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }
}

impl Widget for FigureWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width == 0 || area.height == 0 {
            return;
        }
        let picture = figure::picture(
            self.figure,
            self.at,
            self.mirror,
            area.width,
            area.height,
            self.mode,
        );
        let width = usize::from(area.width);
        for (i, (ch, ink)) in picture.cells.iter().enumerate() {
            let Some(ink) = ink else { continue };
            let (x, y) = ((i % width) as u16, (i / width) as u16);
            let style = ink_style(Some(*ink), self.theme);
            if let Some(cell) = buf.cell_mut((area.x + x, area.y + y)) {
                cell.set_char(*ch).set_style(style);
            }
        }
    }
}

// ---- the session screen's hook -------------------------------------------------

/// Where the session screen puts the figure: in the free column under the
/// timer when the steps have a column of their own (`steps_beside`; `steps`
/// is then that free area), else at the right of the `rows` between the set
/// line and the key cue, beside the timer (`left` is the exercise's area);
/// `None` when there is no room or no figure to draw.
pub fn spot(
    view: &View<'_>,
    left: Rect,
    rows: Range<u16>,
    steps: Rect,
    steps_beside: bool,
) -> Option<Rect> {
    let drawn = view.motion.is_some() && view.exercise.is_some_and(|e| e.figure.is_some());
    if !drawn {
        return None;
    }
    if steps_beside {
        // Under the key cue, one blank row between, centred; no larger than
        // it needs to be to read well from the floor.
        let width = steps.width.saturating_sub(2).min(MAX_COLS_BELOW);
        let height = steps.height.saturating_sub(1).min(MAX_ROWS_BELOW);
        return (width >= MIN_COLS && height >= MIN_ROWS).then(|| Rect {
            x: steps.x + (steps.width - width) / 2,
            y: steps.y + 1,
            width,
            height,
        });
    }
    let band = rows.end.saturating_sub(rows.start);
    let cols = left
        .width
        .saturating_sub(MIN_TEXT_COLS + 1)
        .min(MAX_COLS_BESIDE);
    (cols >= MIN_COLS && band >= MIN_ROWS_BESIDE).then(|| Rect {
        x: left.right() - cols,
        y: rows.start,
        width: cols,
        height: band,
    })
}

/// `r` narrowed so it stops one column short of the figure at `spot`, when
/// they share rows.
pub fn beside(r: Rect, spot: Option<Rect>) -> Rect {
    match spot {
        Some(s) if r.y < s.bottom() && s.y < r.bottom() && r.right() > s.x => Rect {
            width: s.x.saturating_sub(r.x + 1),
            ..r
        },
        _ => r,
    }
}

/// Draws the session's exercise at `spot` where the view says it is.
pub fn render_view(frame: &mut Frame, spot: Option<Rect>, view: &View<'_>, theme: &Theme) {
    let (Some(area), Some(at)) = (spot, view.motion) else {
        return;
    };
    let Some(figure) = view.exercise.and_then(|e| e.figure.as_ref()) else {
        return;
    };
    frame.render_widget(
        FigureWidget::new(figure, at, theme)
            .mirror(mirrored(figure, view.side))
            .mode(mode(theme)),
        area,
    );
}

// ---- the exercise browser's detail pane ------------------------------------------

/// Columns between the start and end drawings in a text pane.
const PANE_GAP: u16 = 2;
/// The narrowest drawing a text pane shows.
const PANE_MIN_COLS: u16 = 18;

/// The start and end poses side by side, as styled lines for a text pane
/// `width` columns wide (the exercise browser's detail), so the figure
/// scrolls with the words: captions, the drawings, which side is shown.
/// Only the end pose when two do not fit; nothing without a figure.
pub fn pose_lines(e: &Exercise, width: u16, mode: Mode, theme: &Theme) -> Vec<Line<'static>> {
    let Some(fig) = &e.figure else {
        return Vec::new();
    };
    let pair = (width.saturating_sub(PANE_GAP) / 2).min(30);
    let (cols, both) = if pair >= PANE_MIN_COLS {
        (pair, true)
    } else if width >= PANE_MIN_COLS {
        (width.min(30), false)
    } else {
        return Vec::new();
    };
    let rows = (cols / 2).clamp(8, 13);
    let (first, second) = e.dose.kind.pose_captions();
    let mut pictures = Vec::new();
    let mut captions = String::new();
    if both {
        pictures.push(figure::picture(fig, 0.0, false, cols, rows, mode));
        captions.push_str(&format!("{first:<w$}", w = usize::from(cols + PANE_GAP)));
    }
    pictures.push(figure::picture(fig, 1.0, false, cols, rows, mode));
    captions.push_str(second);
    let mut lines = vec![Line::from(Span::styled(captions, theme.dim()))];
    // No empty sky above a figure lying on the floor.
    let top = pictures
        .iter()
        .map(|p| p.first_inked_row())
        .min()
        .unwrap_or(0);
    for row in usize::from(top)..usize::from(rows) {
        let mut spans: Vec<Span<'static>> = Vec::new();
        for (i, picture) in pictures.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" ".repeat(usize::from(PANE_GAP))));
            }
            let start = row * usize::from(cols);
            let cells = &picture.cells[start..start + usize::from(cols)];
            // One span per run of cells drawn in the same style.
            let mut run = String::new();
            let mut run_ink: Option<Ink> = None;
            for (ch, ink) in cells {
                let ink = ink.map(|k| if k == Ink::Body { Ink::Body } else { Ink::Prop });
                if ink != run_ink && !run.is_empty() {
                    spans.push(Span::styled(
                        std::mem::take(&mut run),
                        ink_style(run_ink, theme),
                    ));
                }
                run_ink = ink;
                run.push(*ch);
            }
            spans.push(Span::styled(run, ink_style(run_ink, theme)));
        }
        lines.push(Line::from(spans));
    }
    if e.dose.per_side {
        let shown = match fig.lead {
            Lead::Left => "Left side shown; the right side is its mirror image.",
            Lead::Right => "Right side shown; the left side is its mirror image.",
        };
        lines.push(Line::from(Span::styled(shown, theme.dim())));
    }
    lines.push(Line::raw(""));
    lines
}

/// How a cell of a drawing is styled: the body in the accent colour, props
/// and the floor dim, blanks plain.
fn ink_style(ink: Option<Ink>, theme: &Theme) -> Style {
    match ink {
        Some(Ink::Body) => theme.accent(),
        Some(Ink::Prop | Ink::Floor) => theme.dim(),
        None => Style::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Base, Pose};

    fn figure(lead: Lead) -> Figure {
        Figure {
            base: Base::AllFours,
            view: None,
            anchor: None,
            lead,
            props: vec![],
            start: Pose::default(),
            end: Pose {
                arm_l: Some(0),
                ..Pose::default()
            },
        }
    }

    #[test]
    fn the_side_the_poses_do_not_show_is_drawn_mirrored() {
        let left = figure(Lead::Left);
        assert!(!mirrored(&left, Some(Side::Left)));
        assert!(mirrored(&left, Some(Side::Right)));
        assert!(!mirrored(&left, None));
        let right = figure(Lead::Right);
        assert!(mirrored(&right, Some(Side::Left)));
        assert!(!mirrored(&right, Some(Side::Right)));
    }

    #[test]
    fn the_figure_goes_beside_the_timer_only_when_the_text_keeps_its_room() {
        let fig = figure(Lead::Left);
        let rows = 6..13;
        let steps = Rect::new(1, 13, 78, 8);
        // 80 × 24: the body is 78 wide; the figure takes the right 27 columns.
        let at = spot_for(
            Some(&fig),
            Rect::new(1, 4, 78, 17),
            rows.clone(),
            steps,
            false,
        );
        assert_eq!(at, Some(Rect::new(52, 6, 27, 7)));
        // Too narrow for 50 columns of text beside it: none.
        assert_eq!(
            spot_for(
                Some(&fig),
                Rect::new(1, 4, 70, 17),
                rows.clone(),
                steps,
                false
            ),
            None
        );
        // No figure: no room taken.
        assert_eq!(
            spot_for(None, Rect::new(1, 4, 78, 17), rows, steps, false),
            None
        );
        // The steps in a column of their own: the free area under the timer.
        let below = spot_for(
            Some(&fig),
            Rect::new(1, 4, 64, 34),
            6..13,
            Rect::new(1, 14, 64, 24),
            true,
        );
        assert_eq!(below, Some(Rect::new(9, 15, 48, 16)));
    }

    /// `spot` for a view whose exercise has `figure` (or none).
    fn spot_for(
        figure: Option<&Figure>,
        left: Rect,
        rows: Range<u16>,
        steps: Rect,
        steps_beside: bool,
    ) -> Option<Rect> {
        let mut plan = crate::session::tests_support::plan_of_reps(&[("x", 1, 5)]);
        plan.exercises[0].figure = figure.cloned();
        let (session, _) = crate::session::Session::new(
            plan,
            crate::session::Settings::default(),
            tokio::time::Instant::now(),
        );
        let view = session.view(tokio::time::Instant::now());
        spot(&view, left, rows, steps, steps_beside)
    }
}
