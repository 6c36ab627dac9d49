//! Large digits in plain ASCII, three rows high, for terminals that cannot
//! show box drawing (a locale that is not UTF-8, or `--ascii`): the classic
//! seven-segment shapes of `_` and `|`, the same size as the box-drawing
//! digits so a screen lays out the same either way.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Rows of each digit, `0` to `9`.
pub const GLYPHS: [[&str; 3]; 10] = [
    [" _ ", "| |", "|_|"],
    ["   ", "  |", "  |"],
    [" _ ", " _|", "|_ "],
    [" _ ", " _|", " _|"],
    ["   ", "|_|", "  |"],
    [" _ ", "|_ ", " _|"],
    [" _ ", "|_ ", "|_|"],
    [" _ ", "  |", "  |"],
    [" _ ", "|_|", "|_|"],
    [" _ ", "|_|", " _|"],
];
/// The colon of `m:ss`.
pub const COLON: [&str; 3] = [" ", ".", "."];

/// Height of the digits in rows.
pub const HEIGHT: u16 = 3;

/// A number (or `m:ss`) drawn large in ASCII.
pub struct AsciiDigits<'a> {
    text: &'a str,
    style: Style,
}

impl<'a> AsciiDigits<'a> {
    /// Digits and colons; anything else is skipped.
    pub fn new(text: &'a str) -> Self {
        AsciiDigits {
            text,
            style: Style::new(),
        }
    }

    /// The style of the strokes.
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Columns the text needs: 3 per digit and 1 per colon, with 1 between.
    pub fn width(text: &str) -> u16 {
        let mut w = 0u16;
        for glyph in text.chars().filter_map(glyph) {
            if w > 0 {
                w += 1;
            }
            w += glyph[0].len() as u16;
        }
        w
    }
}

fn glyph(c: char) -> Option<[&'static str; 3]> {
    match c {
        '0'..='9' => Some(GLYPHS[usize::from(c as u8 - b'0')]),
        ':' => Some(COLON),
        _ => None,
    }
}

impl Widget for AsciiDigits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut x = area.x;
        let right = area.x.saturating_add(area.width);
        for rows in self.text.chars().filter_map(glyph) {
            let width = rows[0].len() as u16;
            if x.saturating_add(width) > right {
                break;
            }
            for (dy, row) in rows.iter().enumerate().take(usize::from(area.height)) {
                buf.set_string(x, area.y + dy as u16, row, self.style);
            }
            x += width + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_three_ascii_rows() {
        let area = Rect::new(0, 0, 13, 3);
        let mut buf = Buffer::empty(area);
        AsciiDigits::new("4:05").render(area, &mut buf);
        assert_eq!(
            buf,
            Buffer::with_lines(["       _   _ ", "|_| . | | |_ ", "  | . |_|  _|"])
        );
        assert_eq!(AsciiDigits::width("4:05"), 13);
        assert_eq!(AsciiDigits::width("10"), 7);
    }

    #[test]
    fn every_digit_is_distinct() {
        for (a, first) in GLYPHS.iter().enumerate() {
            for (b, second) in GLYPHS.iter().enumerate().skip(a + 1) {
                assert_ne!(first, second, "{a} and {b}");
            }
        }
    }
}
