//! A terminal backend that writes as few bytes as a frame needs.
//!
//! ratatui's crossterm backend ends every `draw` with four style resets and
//! `Terminal::draw` hides the cursor again each time, so even a frame with no
//! change costs a write of 25 bytes; colours go out as separate `ESC[..m`
//! sequences per attribute. During a hold the screen changes by a digit or
//! two a second, so that overhead was most of what reached the terminal.
//!
//! [`LeanBackend`] encodes each changed cell's style as one combined SGR
//! sequence with the short codes for the 16 basic colours, resets the style
//! once at the end of a frame (never leaving colours behind for whatever
//! prints next), skips frames with no change entirely (no write, no flush),
//! only hides the cursor when it is shown, and answers `size()` from a cache
//! refreshed on resize events instead of asking the terminal on every draw.
//! Everything else is delegated to crossterm.
//!
//! It also keeps to what the terminal can show ([`Colors`]): no colour at
//! all for `NO_COLOR` or a dumb terminal (bold and reverse stay), and any
//! 256-colour or 24-bit colour brought down to the 16 basic ones, or to the
//! 256-colour palette, where that is all the terminal is known to have.

use std::cell::Cell as StdCell;
use std::io::{self, Write};

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::terminal::{self, Clear};
use crossterm::{execute, queue};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use super::caps::Colors;

/// The backend the full-screen UI draws through; see the module docs.
pub struct LeanBackend<W: Write> {
    writer: W,
    /// The frame being encoded, written in one go.
    out: Vec<u8>,
    /// Whether the terminal's cursor is hidden (`None`: not known yet).
    cursor_hidden: Option<bool>,
    /// The terminal size, known until the next resize.
    size: StdCell<Option<Size>>,
    /// The colours the terminal can show.
    colors: Colors,
}

impl<W: Write> LeanBackend<W> {
    /// Wraps a writer (the terminal, usually `stdout`).
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            writer,
            out: Vec::with_capacity(4096),
            cursor_hidden: None,
            size: StdCell::new(None),
            colors: Colors::True,
        }
    }

    /// Sends only the colours `colors` allows (see the module docs).
    pub fn with_colors(mut self, colors: Colors) -> LeanBackend<W> {
        self.colors = colors;
        self
    }

    /// Forgets the cached size, so the next draw asks the terminal (call on
    /// a resize event).
    pub fn size_changed(&mut self) {
        self.size.set(None);
    }

    /// The underlying writer.
    pub fn writer(&self) -> &W {
        &self.writer
    }
}

/// The style the terminal is in while a frame is written.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    modifier: Modifier::empty(),
};

/// SGR codes of each modifier, in the order crossterm applies them.
const MODIFIER_CODES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// Appends the parameters that select `color` as foreground (`base` 30) or
/// background (`base` 40).
fn color_params(out: &mut Vec<u8>, color: Color, base: u8) {
    let basic = |n: u8| if n < 8 { base + n } else { base + 60 + n - 8 };
    match color {
        Color::Reset => push_num(out, base + 9),
        Color::Black => push_num(out, basic(0)),
        Color::Red => push_num(out, basic(1)),
        Color::Green => push_num(out, basic(2)),
        Color::Yellow => push_num(out, basic(3)),
        Color::Blue => push_num(out, basic(4)),
        Color::Magenta => push_num(out, basic(5)),
        Color::Cyan => push_num(out, basic(6)),
        Color::Gray => push_num(out, basic(7)),
        Color::DarkGray => push_num(out, basic(8)),
        Color::LightRed => push_num(out, basic(9)),
        Color::LightGreen => push_num(out, basic(10)),
        Color::LightYellow => push_num(out, basic(11)),
        Color::LightBlue => push_num(out, basic(12)),
        Color::LightMagenta => push_num(out, basic(13)),
        Color::LightCyan => push_num(out, basic(14)),
        Color::White => push_num(out, basic(15)),
        Color::Indexed(n) if n < 16 => push_num(out, basic(n)),
        Color::Indexed(n) => {
            push_num(out, base + 8);
            out.extend_from_slice(b";5;");
            push_num(out, n);
        }
        Color::Rgb(r, g, b) => {
            push_num(out, base + 8);
            out.extend_from_slice(b";2;");
            push_num(out, r);
            out.push(b';');
            push_num(out, g);
            out.push(b';');
            push_num(out, b);
        }
    }
}

/// `color` as the terminal can show it.
fn fit(color: Color, colors: Colors) -> Color {
    match (colors, color) {
        (Colors::None, _) => Color::Reset,
        (Colors::Basic, Color::Indexed(n)) if n >= 16 => nearest_basic(palette_rgb(n)),
        (Colors::Basic, Color::Rgb(r, g, b)) => nearest_basic((r, g, b)),
        (Colors::Indexed, Color::Rgb(r, g, b)) => Color::Indexed(cube_index((r, g, b))),
        (_, color) => color,
    }
}

/// The usual RGB of the 16 basic colours (xterm's defaults), in ANSI order.
const BASIC_RGB: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// The RGB of a colour of the 256-colour palette (16 and up: the 6×6×6
/// cube, then 24 greys).
fn palette_rgb(n: u8) -> (u8, u8, u8) {
    let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
    match n {
        0..=15 => BASIC_RGB[usize::from(n)],
        16..=231 => {
            let i = n - 16;
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        _ => {
            let grey = 8 + (n - 232) * 10;
            (grey, grey, grey)
        }
    }
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs();
    d(a.0, b.0).pow(2) + d(a.1, b.1).pow(2) + d(a.2, b.2).pow(2)
}

fn nearest_basic(rgb: (u8, u8, u8)) -> Color {
    let n = (0..16u8)
        .min_by_key(|&i| distance(rgb, BASIC_RGB[usize::from(i)]))
        .unwrap_or(7);
    Color::Indexed(n)
}

/// The nearest colour of the 256-colour palette's cube and greys.
fn cube_index(rgb: (u8, u8, u8)) -> u8 {
    (16..=255u8)
        .min_by_key(|&i| distance(rgb, palette_rgb(i)))
        .unwrap_or(16)
}

fn push_num(out: &mut Vec<u8>, n: impl Into<u32>) {
    // Writing into a Vec cannot fail.
    let _ = write!(out, "{}", n.into());
}

/// One `ESC[..m` taking the terminal from `from` to `to`.
fn push_sgr(out: &mut Vec<u8>, from: Pen, to: Pen) {
    out.extend_from_slice(b"\x1b[");
    let mut first = true;
    let mut sep = |out: &mut Vec<u8>| {
        if !first {
            out.push(b';');
        }
        first = false;
    };
    // Removing an attribute has no short general code: start from plain.
    let from = if from.modifier - to.modifier != Modifier::empty() {
        sep(out);
        out.push(b'0');
        PLAIN
    } else {
        from
    };
    for (modifier, code) in MODIFIER_CODES {
        if to.modifier.contains(modifier) && !from.modifier.contains(modifier) {
            sep(out);
            push_num(out, code);
        }
    }
    if to.fg != from.fg {
        sep(out);
        color_params(out, to.fg, 30);
    }
    if to.bg != from.bg {
        sep(out);
        color_params(out, to.bg, 40);
    }
    out.push(b'm');
}

fn push_move(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    push_num(out, u32::from(y) + 1);
    out.push(b';');
    push_num(out, u32::from(x) + 1);
    out.push(b'H');
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.out.clear();
        let mut pen = PLAIN;
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some((lx, ly)) if ly == y && lx.checked_add(1) == Some(x)) {
                push_move(&mut self.out, x, y);
            }
            last = Some((x, y));
            let want = Pen {
                fg: fit(cell.fg, self.colors),
                bg: fit(cell.bg, self.colors),
                modifier: cell.modifier,
            };
            if want != pen {
                push_sgr(&mut self.out, pen, want);
                pen = want;
            }
            self.out.extend_from_slice(cell.symbol().as_bytes());
        }
        if self.out.is_empty() {
            // Nothing changed: nothing to send.
            return Ok(());
        }
        if pen != PLAIN {
            self.out.extend_from_slice(b"\x1b[0m");
        }
        self.writer.write_all(&self.out)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden != Some(true) {
            execute!(self.writer, Hide)?;
            self.cursor_hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden != Some(false) {
            execute!(self.writer, Show)?;
            self.cursor_hidden = Some(false);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.writer, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let kind = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        execute!(self.writer, Clear(kind))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            queue!(self.writer, crossterm::style::Print("\n"))?;
        }
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let (width, height) = terminal::size()?;
        let size = Size { width, height };
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;
    use ratatui::text::Span;

    fn written(b: &LeanBackend<Vec<u8>>) -> String {
        String::from_utf8_lossy(b.writer()).into_owned()
    }

    fn terminal() -> Terminal<LeanBackend<Vec<u8>>> {
        let backend = LeanBackend::new(Vec::new());
        backend.size.set(Some(Size::new(10, 2)));
        Terminal::new(backend).expect("a terminal on a Vec")
    }

    #[test]
    fn styles_go_out_as_one_short_sequence_and_are_reset_at_the_end() {
        let mut t = terminal();
        t.draw(|f| {
            let style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
            f.render_widget(Span::styled("ab", style), f.area());
        })
        .expect("draw");
        assert_eq!(
            written(t.backend()),
            "\x1b[1;1H\x1b[1;36mab\x1b[0m\x1b[?25l"
        );
    }

    #[test]
    fn an_unchanged_frame_writes_nothing() {
        let mut t = terminal();
        let draw = |t: &mut Terminal<LeanBackend<Vec<u8>>>| {
            t.draw(|f| f.render_widget(Span::raw("same"), f.area()))
                .map(|_| ())
                .expect("draw");
        };
        draw(&mut t);
        let first = t.backend().writer().len();
        draw(&mut t);
        assert_eq!(t.backend().writer().len(), first);
    }

    #[test]
    fn only_changed_cells_are_written_with_a_move_before_each_run() {
        let mut t = terminal();
        t.draw(|f| f.render_widget(Span::raw("12:30"), f.area()))
            .expect("draw");
        let before = t.backend().writer().len();
        t.draw(|f| f.render_widget(Span::raw("12:29"), f.area()))
            .expect("draw");
        let added = &written(t.backend())[before..];
        assert_eq!(added, "\x1b[1;4H29");
    }

    #[test]
    fn colours_are_brought_down_to_what_the_terminal_shows() {
        let draw = |colors: Colors, color: Color| {
            let backend = LeanBackend::new(Vec::new()).with_colors(colors);
            backend.size.set(Some(Size::new(4, 1)));
            let mut t = Terminal::new(backend).expect("a terminal on a Vec");
            t.draw(|f| {
                let style = Style::new().fg(color).add_modifier(Modifier::BOLD);
                f.render_widget(Span::styled("ab", style), f.area());
            })
            .expect("draw");
            written(t.backend())
        };
        // No colour at all: emphasis only.
        assert_eq!(
            draw(Colors::None, Color::Cyan),
            "\x1b[1;1H\x1b[1mab\x1b[0m\x1b[?25l"
        );
        // 16 colours: a 256-colour orange and a 24-bit red become basic colours.
        assert!(draw(Colors::Basic, Color::Indexed(196)).contains("\x1b[1;91m"));
        assert!(draw(Colors::Basic, Color::Rgb(10, 10, 200)).contains("\x1b[1;34m"));
        assert!(draw(Colors::Basic, Color::Cyan).contains("\x1b[1;36m"));
        // 256 colours: 24-bit colour goes to the palette.
        assert!(draw(Colors::Indexed, Color::Rgb(255, 0, 0)).contains("\x1b[1;38;5;196m"));
        assert!(draw(Colors::True, Color::Rgb(1, 2, 3)).contains("38;2;1;2;3"));
    }

    #[test]
    fn removing_an_attribute_resets_then_sets_what_stays() {
        let mut out = Vec::new();
        let from = Pen {
            fg: Color::Indexed(200),
            bg: Color::Reset,
            modifier: Modifier::BOLD | Modifier::DIM,
        };
        let to = Pen {
            fg: Color::Rgb(1, 2, 3),
            bg: Color::DarkGray,
            modifier: Modifier::DIM,
        };
        push_sgr(&mut out, from, to);
        assert_eq!(out, b"\x1b[0;2;38;2;1;2;3;100m");
        out.clear();
        push_sgr(&mut out, PLAIN, from);
        assert_eq!(out, b"\x1b[1;2;38;5;200m");
    }
}
