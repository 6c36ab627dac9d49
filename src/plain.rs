//! Text that is safe to print: control characters from a user's catalog
//! or a hand-edited history shown as visible escapes (an ESC in a name
//! could otherwise retitle or clear the terminal), and, for a terminal whose
//! locale is not UTF-8, every character brought down to an ASCII look-alike.

use std::borrow::Cow;

/// `text` with every control character except the line feed (and the tab)
/// written as a visible escape: ESC becomes `\x1b`, DEL `\x7f`, a C1
/// control such as CSI `\u{9b}`.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !needs_escape(c) {
            out.push(c);
        } else if u32::from(c) < 0x80 {
            out.push_str(&format!("\\x{:02x}", u32::from(c)));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` in ASCII: each character that is not ASCII becomes its look-alike
/// (`·` → `.`, `–` → `-`, `é` → `e`, `→` → `>`, anything else `?`).
pub fn to_ascii(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(look_alike(c.encode_utf8(&mut buf)));
        }
    }
    Cow::Owned(out)
}

/// One cell's symbol in ASCII: a single character, so the cell keeps its width.
pub fn look_alike(symbol: &str) -> &'static str {
    let Some(c) = symbol.chars().next() else {
        return " ";
    };
    match c {
        '·' | '•' | '∙' | '…' => ".",
        '–' | '—' | '−' | '‐' | '━' | '─' | '╌' | '┄' | '═' => "-",
        '│' | '┃' | '║' | '╎' | '┆' => "|",
        '→' | '▶' | '►' | '›' | '»' | '≥' => ">",
        '←' | '◀' | '◄' | '‹' | '«' | '≤' => "<",
        '↑' | '▲' => "^",
        '↓' | '▼' => "v",
        '×' | '✗' => "x",
        '✓' | '✔' | '★' | '☆' => "*",
        '‘' | '’' | '′' => "'",
        '“' | '”' | '″' => "\"",
        '█' | '▓' | '▇' | '▆' | '▅' | '■' => "#",
        '▄' | '▃' | '▂' | '▁' | '░' | '▒' => "=",
        '°' => "o",
        '\u{a0}' | '\u{2002}'..='\u{200b}' => " ",
        // Box drawing: corners and junctions.
        '\u{2500}'..='\u{257f}' => box_look_alike(c),
        // Braille dots (chart lines).
        '\u{2800}'..='\u{28ff}' => ".",
        _ => latin_base(c),
    }
}

/// The rest of the box-drawing block: mostly-horizontal strokes read as `-`,
/// mostly-vertical ones as `|`, every corner and junction as `+`.
fn box_look_alike(c: char) -> &'static str {
    match c {
        '╴' | '╶' | '╸' | '╺' | '╼' | '╾' | '┈' | '┉' | '╍' | '┅' => "-",
        '╵' | '╷' | '╹' | '╻' | '╽' | '╿' | '┊' | '┋' | '╏' | '┇' => "|",
        _ => "+",
    }
}

/// A Latin letter with an accent as its base letter (`é` → `e`), so a
/// name stays readable; anything else as `?`.
fn latin_base(c: char) -> &'static str {
    const LETTERS: [(&str, &str); 12] = [
        ("àáâãäåā", "a"),
        ("ÀÁÂÃÄÅĀ", "A"),
        ("èéêëē", "e"),
        ("ÈÉÊËĒ", "E"),
        ("ìíîïī", "i"),
        ("òóôõöøō", "o"),
        ("ÒÓÔÕÖØŌ", "O"),
        ("ùúûüū", "u"),
        ("ÙÚÛÜŪ", "U"),
        ("çć", "c"),
        ("ñń", "n"),
        ("ß", "s"),
    ];
    LETTERS
        .iter()
        .find(|(from, _)| from.contains(c))
        .map_or("?", |(_, to)| to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_text_is_kept() {
        assert_eq!(escape_controls("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            escape_controls("Bad\x1b]0;owned\x07 name\x1b[2J"),
            "Bad\\x1b]0;owned\\x07 name\\x1b[2J"
        );
        assert_eq!(escape_controls("del\x7f csi\u{9b}"), "del\\x7f csi\\u{9b}");
        assert_eq!(escape_controls("Café — ok"), "Café — ok");
    }

    #[test]
    fn ascii_look_alikes() {
        assert_eq!(
            to_ascii("10–15 min · Café → “go”"),
            "10-15 min . Cafe > \"go\""
        );
        assert!(to_ascii("漢字 ✓ ⠤").is_ascii());
    }
}
