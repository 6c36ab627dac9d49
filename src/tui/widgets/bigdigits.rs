//! Large digits for the number a user reads from the floor, as large as the
//! terminal allows: three rows of box-drawing strokes at 80×24 (thin enough
//! that a changing second rewrites only a few cells: the terminal-output
//! budget is 100 bytes a second), then block pixels 5, 7, 14, 21… rows high.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

const STROKES: [[&str; 3]; 10] = [
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
const STROKE_COLON: [&str; 3] = ["╻", " ", "╹"];

/// Digits 3 pixels wide and 5 high, a row of bits each (top first).
const PIXELS_3X5: [[u8; 5]; 10] = [
    [0b111, 0b101, 0b101, 0b101, 0b111],
    [0b010, 0b110, 0b010, 0b010, 0b111],
    [0b111, 0b001, 0b111, 0b100, 0b111],
    [0b111, 0b001, 0b111, 0b001, 0b111],
    [0b101, 0b101, 0b111, 0b001, 0b001],
    [0b111, 0b100, 0b111, 0b001, 0b111],
    [0b111, 0b100, 0b111, 0b101, 0b111],
    [0b111, 0b001, 0b010, 0b010, 0b010],
    [0b111, 0b101, 0b111, 0b101, 0b111],
    [0b111, 0b101, 0b111, 0b001, 0b111],
];
const COLON_5: [u8; 5] = [0, 1, 0, 1, 0];

/// Digits 5 pixels wide and 7 high.
const PIXELS_5X7: [[u8; 7]; 10] = [
    [
        0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110,
    ],
    [
        0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110,
    ],
    [
        0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111,
    ],
    [
        0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110,
    ],
    [
        0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010,
    ],
    [
        0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110,
    ],
    [
        0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110,
    ],
    [
        0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000,
    ],
    [
        0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110,
    ],
    [
        0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100,
    ],
];
const COLON_7: [u8; 7] = [0, 0, 1, 0, 1, 0, 0];

/// Height of the smallest digits in rows (the 80×24 layout's).
pub const HEIGHT: u16 = 3;

/// How large the digits are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Three rows of box-drawing strokes.
    Strokes,
    /// A 3×5 pixel font, each pixel two columns by one row: 5 rows.
    Pixels5,
    /// A 5×7 pixel font, each pixel `2k` columns by `k` rows: `7k` rows.
    Pixels7(u16),
}

impl Size {
    /// Every size up to about 60 rows, smallest first.
    pub const LADDER: [Size; 10] = [
        Size::Strokes,
        Size::Pixels5,
        Size::Pixels7(1),
        Size::Pixels7(2),
        Size::Pixels7(3),
        Size::Pixels7(4),
        Size::Pixels7(5),
        Size::Pixels7(6),
        Size::Pixels7(7),
        Size::Pixels7(8),
    ];

    /// Rows the digits take.
    pub fn rows(self) -> u16 {
        match self {
            Size::Strokes => 3,
            Size::Pixels5 => 5,
            Size::Pixels7(k) => 7 * k.max(1),
        }
    }

    /// Columns of one pixel (a pixel is square on a usual terminal cell of 1:2).
    fn pixel_cols(self) -> u16 {
        match self {
            Size::Strokes => 1,
            Size::Pixels5 => 2,
            Size::Pixels7(k) => 2 * k.max(1),
        }
    }

    fn pixel_rows(self) -> u16 {
        match self {
            Size::Pixels7(k) => k.max(1),
            _ => 1,
        }
    }

    /// Columns of a digit, a colon, and the gap after each.
    fn columns(self) -> (u16, u16, u16) {
        match self {
            Size::Strokes => (3, 1, 1),
            Size::Pixels5 => (6, 2, 2),
            Size::Pixels7(_) => (5 * self.pixel_cols(), self.pixel_cols(), self.pixel_cols()),
        }
    }

    /// The largest size at which `text` fits in `width` × `height`; the
    /// smallest if none does.
    pub fn fitting(text: &str, width: u16, height: u16) -> Size {
        Size::LADDER
            .into_iter()
            .rev()
            .find(|s| s.rows() <= height && BigDigits::width_at(text, *s) <= width)
            .unwrap_or(Size::Strokes)
    }
}

/// A number (or `m:ss`) drawn large.
pub struct BigDigits<'a> {
    text: &'a str,
    style: Style,
    size: Size,
    /// What a lit pixel is drawn with ("█", or "#" where only ASCII will do).
    pixel: &'a str,
}

impl<'a> BigDigits<'a> {
    /// Digits and colons; anything else is skipped. Three rows high until
    /// [`BigDigits::size`] says otherwise.
    pub fn new(text: &'a str) -> Self {
        BigDigits {
            text,
            style: Style::new(),
            size: Size::Strokes,
            pixel: "█",
        }
    }

    /// The style of the strokes.
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// How large to draw.
    pub fn size(mut self, size: Size) -> Self {
        self.size = size;
        self
    }

    /// The character a lit pixel of the larger sizes is drawn with.
    pub fn pixel(mut self, pixel: &'a str) -> Self {
        self.pixel = pixel;
        self
    }

    /// Columns the text needs at three rows: 3 per digit and 1 per colon, with 1 between.
    pub fn width(text: &str) -> u16 {
        Self::width_at(text, Size::Strokes)
    }

    /// Columns the text needs at `size`.
    pub fn width_at(text: &str, size: Size) -> u16 {
        let (digit, colon, gap) = size.columns();
        let mut w = 0u16;
        for c in text.chars() {
            let g = match c {
                '0'..='9' => digit,
                ':' => colon,
                _ => continue,
            };
            if w > 0 {
                w += gap;
            }
            w += g;
        }
        w
    }

    fn render_strokes(&self, area: Rect, buf: &mut Buffer) {
        let mut x = area.x;
        let right = area.x.saturating_add(area.width);
        for c in self.text.chars() {
            let rows: [&str; 3] = match c {
                '0'..='9' => STROKES[(c as u8 - b'0') as usize],
                ':' => STROKE_COLON,
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

    fn render_pixels(&self, area: Rect, buf: &mut Buffer) {
        let size = self.size;
        let (digit_cols, colon_cols, gap) = size.columns();
        let (px_w, px_h) = (size.pixel_cols(), size.pixel_rows());
        let right = area.x.saturating_add(area.width);
        let bottom = area.y.saturating_add(area.height);
        let mut x = area.x;
        for c in self.text.chars() {
            // Each glyph as rows of bits, with its width in pixels.
            let (bits, pixels_wide, cols): (Vec<u8>, u16, u16) = match (c, size) {
                ('0'..='9', Size::Pixels5) => (
                    PIXELS_3X5[(c as u8 - b'0') as usize].to_vec(),
                    3,
                    digit_cols,
                ),
                ('0'..='9', _) => (
                    PIXELS_5X7[(c as u8 - b'0') as usize].to_vec(),
                    5,
                    digit_cols,
                ),
                (':', Size::Pixels5) => (COLON_5.to_vec(), 1, colon_cols),
                (':', _) => (COLON_7.to_vec(), 1, colon_cols),
                _ => continue,
            };
            if x.saturating_add(cols) > right {
                break;
            }
            for (row, bits) in bits.iter().enumerate() {
                for col in 0..pixels_wide {
                    if bits >> (pixels_wide - 1 - col) & 1 == 0 {
                        continue;
                    }
                    for dy in 0..px_h {
                        let y = area.y + row as u16 * px_h + dy;
                        if y >= bottom {
                            continue;
                        }
                        for dx in 0..px_w {
                            let cx = x + col * px_w + dx;
                            if cx < right {
                                buf.set_string(cx, y, self.pixel, self.style);
                            }
                        }
                    }
                }
            }
            x = x.saturating_add(cols + gap);
        }
    }
}

impl Widget for BigDigits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self.size {
            Size::Strokes => self.render_strokes(area, buf),
            Size::Pixels5 | Size::Pixels7(_) => self.render_pixels(area, buf),
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

    fn drawn(text: &str, size: Size) -> Buffer {
        let area = Rect::new(0, 0, BigDigits::width_at(text, size), size.rows());
        let mut buf = Buffer::empty(area);
        BigDigits::new(text).size(size).render(area, &mut buf);
        buf
    }

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
    fn five_rows_draw_a_three_by_five_font_in_square_pixels() {
        assert_eq!(
            drawn("10", Size::Pixels5),
            Buffer::with_lines([
                "  ██    ██████",
                "████    ██  ██",
                "  ██    ██  ██",
                "  ██    ██  ██",
                "██████  ██████",
            ])
        );
        assert_eq!(
            BigDigits::width_at("4:05", Size::Pixels5),
            6 + 2 + 2 + 2 + 6 + 2 + 6
        );
    }

    #[test]
    fn seven_rows_and_their_multiples_draw_a_five_by_seven_font() {
        assert_eq!(
            drawn("7", Size::Pixels7(1)),
            Buffer::with_lines([
                "██████████",
                "        ██",
                "      ██  ",
                "    ██    ",
                "  ██      ",
                "  ██      ",
                "  ██      ",
            ])
        );
        let twice = drawn("1", Size::Pixels7(2));
        assert_eq!(twice.area.height, 14);
        assert_eq!(twice.area.width, 20);
        // The top pixel of the "1" is four columns by two rows.
        let top: String = (0..20)
            .map(|x| twice[(x, 0)].symbol().to_string())
            .collect();
        assert_eq!(top, "        ████        ");
        assert_eq!(twice[(8, 1)].symbol(), "█");
    }

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        // 80×24's body: three rows.
        assert_eq!(Size::fitting("88", 70, 3), Size::Strokes);
        assert_eq!(Size::fitting("88", 70, 6), Size::Pixels5);
        assert_eq!(Size::fitting("88", 70, 13), Size::Pixels7(1));
        assert_eq!(Size::fitting("88", 70, 14), Size::Pixels7(2));
        // Width limits too: "8:88" at 21 rows needs 30 + 6 + 6 + 6 + 30 + 6 + 30 columns.
        assert_eq!(BigDigits::width_at("8:88", Size::Pixels7(3)), 114);
        assert_eq!(Size::fitting("8:88", 113, 40), Size::Pixels7(2));
        assert_eq!(Size::fitting("88", 2, 2), Size::Strokes);
    }

    #[test]
    fn an_ascii_terminal_gets_ascii_pixels() {
        let area = Rect::new(0, 0, 6, 5);
        let mut buf = Buffer::empty(area);
        BigDigits::new("1")
            .size(Size::Pixels5)
            .pixel("#")
            .render(area, &mut buf);
        assert_eq!(buf[(2, 0)].symbol(), "#");
    }

    #[test]
    fn long_durations_read_as_minutes() {
        assert_eq!(seconds_text(99), "99");
        assert_eq!(seconds_text(300), "5:00");
        assert_eq!(seconds_text(245), "4:05");
    }
}
