//! Large digits, three rows high, for the number a user reads from the floor.
//!
//! Drawn with box-drawing characters: thin enough that a changing second
//! rewrites only a few cells (the terminal-output budget is 100 bytes a second).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

const GLYPHS: [[&str; 3]; 10] = [
    ["┏━┓", "┃ ┃", "┗━┛"],
    ["╺┓ ", " ┃ ", "╺┻╸"],
    ["┏━┓", "┏━┛", "┗━╸"],
    ["┏━┓", " ━┫", "┗━┛"],
    ["╻ ╻", "┗━┫", "  ╹"],
    ["┏━╸", "┗━┓", "┗━┛"],
    ["┏━╸", "┣━┓", "┗━┛"],
    ["┏━┓", "  ┃", "  ╹"],
    ["┏━┓", "┣━┫", "┗━┛"],
    ["┏━┓", "┗━┫", "┗━┛"],
];
const COLON: [&str; 3] = ["╻", " ", "╹"];

/// Height of the digits in rows.
pub const HEIGHT: u16 = 3;

/// A number (or `m:ss`) drawn large.
pub struct BigDigits<'a> {
    text: &'a str,
    style: Style,
}

impl<'a> BigDigits<'a> {
    /// Digits and colons; anything else is skipped.
    pub fn new(text: &'a str) -> Self {
        BigDigits {
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
        for c in text.chars() {
            let g = match c {
                '0'..='9' => 3,
                ':' => 1,
                _ => continue,
            };
            if w > 0 {
                w += 1;
            }
            w += g;
        }
        w
    }
}

impl Widget for BigDigits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut x = area.x;
        let right = area.x.saturating_add(area.width);
        for c in self.text.chars() {
            let rows: [&str; 3] = match c {
                '0'..='9' => GLYPHS[(c as u8 - b'0') as usize],
                ':' => COLON,
                _ => continue,
            };
            let width = rows[0].chars().count() as u16;
            if x.saturating_add(width) > right {
                break;
            }
            for (dy, row) in rows.iter().enumerate() {
                let y = area.y + dy as u16;
                if dy as u16 >= area.height {
                    break;
                }
                buf.set_string(x, y, row, self.style);
            }
            x += width + 1;
        }
    }
}

/// Seconds as the big display shows them: `45`, or `4:05` from 100 s up.
pub fn seconds_text(secs: u64) -> String {
    if secs >= 100 {
        format!("{}:{:02}", secs / 60, secs % 60)
    } else {
        secs.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_three_rows() {
        let area = Rect::new(0, 0, 12, 3);
        let mut buf = Buffer::empty(area);
        BigDigits::new("10").render(area, &mut buf);
        assert_eq!(
            buf,
            Buffer::with_lines(["╺┓  ┏━┓     ", " ┃  ┃ ┃     ", "╺┻╸ ┗━┛     "])
        );
        assert_eq!(BigDigits::width("10"), 7);
        assert_eq!(BigDigits::width("4:05"), 13);
    }

    #[test]
    fn long_durations_read_as_minutes() {
        assert_eq!(seconds_text(99), "99");
        assert_eq!(seconds_text(300), "5:00");
        assert_eq!(seconds_text(245), "4:05");
    }
}
