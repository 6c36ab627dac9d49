//! ASCII look-alikes for what is left of Unicode in a drawn frame.
//!
//! In ASCII mode (a locale that is not UTF-8, or `--ascii`) the screens pick
//! ASCII borders, gauges and digits themselves; this pass, run over the
//! whole frame last, catches the rest (separators in sentences, arrows in key
//! hints, box drawing a library draws on its own, accents in a user's
//! catalog), so not one byte above 0x7F reaches such a terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use crate::plain::look_alike;

/// Replaces every non-ASCII symbol in `area` of `buf` with an ASCII look-alike.
pub fn transliterate(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y))
                && !cell.symbol().is_ascii()
            {
                let plain = look_alike(cell.symbol());
                cell.set_symbol(plain);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::{Block, BorderType, Borders, Widget};

    #[test]
    fn every_cell_becomes_ascii_and_keeps_its_place() {
        let area = Rect::new(0, 0, 12, 3);
        let mut buf = Buffer::empty(area);
        Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .render(area, &mut buf);
        buf.set_string(1, 1, "Café · 5→6", ratatui::style::Style::new());
        transliterate(&mut buf, area);
        assert_eq!(
            buf,
            Buffer::with_lines(["+----------+", "|Cafe . 5>6|", "+----------+"])
        );
    }

    #[test]
    fn look_alikes_are_one_ascii_character() {
        // One cell each, so a transliterated frame keeps its layout.
        for c in ['━', '┏', '╺', '╹', '▶', '…', '✓', '⠤', '€', '漢'] {
            let s = c.to_string();
            let plain = look_alike(&s);
            assert!(plain.is_ascii() && plain.len() == 1, "{c} -> {plain}");
        }
    }
}
