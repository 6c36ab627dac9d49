//! `backcoach show ID --figure`: the exercise's start and end positions
//! drawn as plain text, side by side, above the usual description (for a
//! routine, each of its exercises in turn).

use crate::catalog::{Catalog, Exercise};
use crate::figure::{self, Mode};

use super::UserError;

/// Cells of each drawing in `show --figure`: roomier than the 24 × 12 the
/// screens need at the least.
pub const COLS: u16 = 30;
/// See [`COLS`].
pub const ROWS: u16 = 13;
/// Blank columns between the start and end drawings.
const GAP: usize = 4;

/// `show ID --figure`: the figures, then what `show ID` prints.
pub fn show(catalog: &Catalog, id: &str, mode: Mode) -> Result<String, UserError> {
    let text = super::show(catalog, id)?;
    let mut out = String::new();
    if let Some(e) = catalog.exercise(id) {
        out.push_str(&exercise_figures(e, mode));
    } else if let Some(r) = catalog.routine(id) {
        for item in &r.items {
            if let Some(e) = catalog.exercise(&item.exercise) {
                out.push_str(&format!("{} ({})\n", e.name, e.id));
                out.push_str(&exercise_figures(e, mode));
            }
        }
    }
    out.push_str(&text);
    Ok(out)
}

/// The start and end drawings of one exercise side by side, with captions;
/// a line saying so when it has no figure.
pub fn exercise_figures(e: &Exercise, mode: Mode) -> String {
    let Some(fig) = &e.figure else {
        return "(no figure for this exercise)\n\n".to_string();
    };
    let start = figure::picture(fig, 0.0, false, COLS, ROWS, mode);
    let end = figure::picture(fig, 1.0, false, COLS, ROWS, mode);
    // No empty sky above a figure lying on the floor.
    let top = usize::from(start.first_inked_row().min(end.first_inked_row()));
    let (start, end) = (start.lines(), end.lines());
    let width = usize::from(COLS) + GAP;
    let (first, second) = e.dose.kind.pose_captions();
    let mut out = format!("{first:<width$}{second}\n");
    for (a, b) in start.iter().zip(&end).skip(top) {
        let line = format!("{}{b}", pad_chars(a, width));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if e.dose.per_side {
        let shown = match fig.lead {
            figure::Lead::Left => "left",
            figure::Lead::Right => "right",
        };
        out.push_str(&format!(
            "The {shown} side is shown; the other side is its mirror image.\n"
        ));
    }
    out.push('\n');
    out
}

/// `s` padded with spaces to `width` characters (each Braille pattern is one
/// character and one column).
fn pad_chars(s: &str, width: usize) -> String {
    let n = s.chars().count();
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(n)));
    out
}
