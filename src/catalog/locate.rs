//! Finds where a value sits in a RON source, so a validation message can
//! name its `line:column`.
//!
//! serde hands us plain values with no positions; rather than wrapping every
//! field, we re-scan the source: a tiny tokenizer that knows RON's comments and
//! strings, and a few queries ("the struct whose `id` is X", "its field F").
//! The `id: "X"` pairs are indexed once, so finding a struct by its id does
//! not rescan the source: thousands of problems cost linear time in all.

use std::collections::HashMap;

/// A position in the source, 1-based like ron's own errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// Line number, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub col: usize,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Ident(String),
    Str(String),
    Open,
    Close,
    Colon,
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    pos: Pos,
}

/// A scanned source, ready for position queries.
pub struct Locator {
    tokens: Vec<Token>,
    /// Each id's `id: "<value>"` pairs, as the indexes of their value tokens.
    ids: HashMap<String, Vec<usize>>,
}

impl Locator {
    /// Scans the source once; never fails (odd input just yields fewer tokens).
    pub fn new(source: &str) -> Locator {
        let mut locator = Locator {
            tokens: tokenize(source),
            ids: HashMap::new(),
        };
        let mut ids: HashMap<String, Vec<usize>> = HashMap::new();
        for at in locator.pairs_of("id", 0, locator.tokens.len()) {
            if let Kind::Str(value) = &locator.tokens[at].kind {
                ids.entry(value.clone()).or_default().push(at);
            }
        }
        locator.ids = ids;
        locator
    }

    /// Position of the string value of the `n`-th (0-based) `key: "value"` pair
    /// anywhere in the source.
    pub fn nth_pair(&self, key: &str, value: &str, n: usize) -> Option<Pos> {
        let at = if key == "id" {
            self.nth_id(value, n)
        } else {
            self.pairs(key, value, 0, self.tokens.len()).nth(n)
        };
        at.map(|i| self.tokens[i].pos)
    }

    fn nth_id(&self, value: &str, n: usize) -> Option<usize> {
        self.ids.get(value).and_then(|found| found.get(n)).copied()
    }

    /// Position of `key: "value"` inside the struct that holds the `n`-th
    /// `id: "<owner>"` pair (the first one after it).
    pub fn pair_in_owner(&self, owner: &str, n: usize, key: &str, value: &str) -> Option<Pos> {
        let (open, close) = self.owner_span(owner, n)?;
        self.pairs(key, value, open, close)
            .next()
            .map(|i| self.tokens[i].pos)
    }

    /// Position of the value of field `path[0]` (then `path[1]` inside it, …)
    /// in the struct that holds the `n`-th `id: "<owner>"` pair.
    pub fn field_in_owner(&self, owner: &str, n: usize, path: &[&str]) -> Option<Pos> {
        let (mut open, mut close) = self.owner_span(owner, n)?;
        let mut found = None;
        for key in path {
            let value = self.direct_field(open, close, key)?;
            found = Some(self.tokens[value].pos);
            if self.tokens[value].kind == Kind::Open {
                close = self.matching_close(value)?;
                open = value;
            }
        }
        found
    }

    /// Position of field `path` inside the `item`-th element of the list field
    /// `list` of the owner struct (e.g. a routine's `items`).
    pub fn field_in_list_item(
        &self,
        owner: &str,
        n: usize,
        list: &str,
        item: usize,
        path: &[&str],
    ) -> Option<Pos> {
        let (open, close) = self.owner_span(owner, n)?;
        let list_open = self.direct_field(open, close, list)?;
        let list_close = self.matching_close(list_open)?;
        // Walk the list's direct children.
        let mut index = 0;
        let mut i = list_open + 1;
        while i < list_close {
            if self.tokens[i].kind == Kind::Open {
                let end = self.matching_close(i)?;
                if index == item {
                    let mut found = Some(self.tokens[i].pos);
                    let (mut o, mut c) = (i, end);
                    for key in path {
                        let v = self.direct_field(o, c, key)?;
                        found = Some(self.tokens[v].pos);
                        if self.tokens[v].kind == Kind::Open {
                            c = self.matching_close(v)?;
                            o = v;
                        }
                    }
                    return found;
                }
                index += 1;
                i = end + 1;
            } else {
                i += 1;
            }
        }
        None
    }

    /// Start of the struct holding the `n`-th `id: "<owner>"` pair.
    pub fn owner(&self, owner: &str, n: usize) -> Option<Pos> {
        self.owner_span(owner, n)
            .map(|(open, _)| self.tokens[open].pos)
    }

    fn pairs<'a>(
        &'a self,
        key: &'a str,
        value: &'a str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        self.pairs_of(key, from, to)
            .filter(move |at| matches!(&self.tokens[*at].kind, Kind::Str(v) if v == value))
    }

    /// The string value tokens of every `key: "…"` pair in `from..to`.
    fn pairs_of<'a>(
        &'a self,
        key: &'a str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let to = to.min(self.tokens.len());
        (from..to).filter_map(move |i| {
            let is_key = matches!(&self.tokens[i].kind, Kind::Ident(k) if k == key);
            let colon = self.tokens.get(i + 1).map(|t| &t.kind) == Some(&Kind::Colon);
            // The value may be written `"x"` or `Some("x")`.
            let at = self.skip_some(i + 2);
            match self.tokens.get(at) {
                Some(Token {
                    kind: Kind::Str(_), ..
                }) if is_key && colon => Some(at),
                _ => None,
            }
        })
    }

    /// The token after `Some(` when the value at `at` is wrapped in it.
    fn skip_some(&self, at: usize) -> usize {
        match (self.tokens.get(at), self.tokens.get(at + 1)) {
            (
                Some(Token {
                    kind: Kind::Ident(name),
                    ..
                }),
                Some(Token {
                    kind: Kind::Open, ..
                }),
            ) if name == "Some" => at + 2,
            _ => at,
        }
    }

    fn owner_span(&self, owner: &str, n: usize) -> Option<(usize, usize)> {
        let at = self.nth_id(owner, n)?;
        let open = self.enclosing_open(at)?;
        let close = self.matching_close(open)?;
        Some((open, close))
    }

    /// The value token of `key:` directly inside the struct opened at `open`.
    fn direct_field(&self, open: usize, close: usize, key: &str) -> Option<usize> {
        let mut depth = 0usize;
        let mut i = open + 1;
        while i < close {
            match &self.tokens[i].kind {
                Kind::Open => depth += 1,
                Kind::Close => depth = depth.saturating_sub(1),
                Kind::Ident(k)
                    if depth == 0
                        && k == key
                        && self.tokens.get(i + 1).map(|t| &t.kind) == Some(&Kind::Colon) =>
                {
                    // Point at the value itself: past `Some(`, or past a
                    // struct name to its parenthesis.
                    let mut v = self.skip_some(i + 2);
                    if let (
                        Some(Token {
                            kind: Kind::Ident(_),
                            ..
                        }),
                        Some(Token {
                            kind: Kind::Open, ..
                        }),
                    ) = (self.tokens.get(v), self.tokens.get(v + 1))
                    {
                        v += 1;
                    }
                    return (v < self.tokens.len()).then_some(v);
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    fn enclosing_open(&self, at: usize) -> Option<usize> {
        let mut depth = 0usize;
        for i in (0..at).rev() {
            match self.tokens[i].kind {
                Kind::Close => depth += 1,
                Kind::Open if depth == 0 => return Some(i),
                Kind::Open => depth -= 1,
                _ => {}
            }
        }
        None
    }

    fn matching_close(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for i in open..self.tokens.len() {
            match self.tokens[i].kind {
                Kind::Open => depth += 1,
                Kind::Close => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

fn tokenize(source: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = source.chars().peekable();
    let (mut line, mut col) = (1usize, 1usize);
    // Advances one char, keeping line/col in step.
    macro_rules! bump {
        () => {{
            let c = chars.next();
            if c == Some('\n') {
                line += 1;
                col = 1;
            } else if c.is_some() {
                col += 1;
            }
            c
        }};
    }
    while let Some(&c) = chars.peek() {
        let pos = Pos { line, col };
        match c {
            '/' => {
                bump!();
                match chars.peek() {
                    Some('/') => {
                        while let Some(&c) = chars.peek() {
                            if c == '\n' {
                                break;
                            }
                            bump!();
                        }
                    }
                    Some('*') => {
                        bump!();
                        let mut prev = ' ';
                        while let Some(c) = bump!() {
                            if prev == '*' && c == '/' {
                                break;
                            }
                            prev = c;
                        }
                    }
                    _ => tokens.push(Token {
                        kind: Kind::Other,
                        pos,
                    }),
                }
            }
            '"' => {
                bump!();
                let mut text = String::new();
                while let Some(c) = bump!() {
                    match c {
                        '\\' => {
                            if let Some(e) = bump!() {
                                text.push(match e {
                                    'n' => '\n',
                                    't' => '\t',
                                    other => other,
                                });
                            }
                        }
                        '"' => break,
                        other => text.push(other),
                    }
                }
                tokens.push(Token {
                    kind: Kind::Str(text),
                    pos,
                });
            }
            '(' | '[' | '{' => {
                bump!();
                tokens.push(Token {
                    kind: Kind::Open,
                    pos,
                });
            }
            ')' | ']' | '}' => {
                bump!();
                tokens.push(Token {
                    kind: Kind::Close,
                    pos,
                });
            }
            ':' => {
                bump!();
                tokens.push(Token {
                    kind: Kind::Colon,
                    pos,
                });
            }
            c if c.is_alphanumeric() || c == '_' => {
                let mut text = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_alphanumeric() || c == '_' {
                        text.push(c);
                        bump!();
                    } else {
                        break;
                    }
                }
                tokens.push(Token {
                    kind: Kind::Ident(text),
                    pos,
                });
            }
            c if c.is_whitespace() => {
                bump!();
            }
            _ => {
                bump!();
                tokens.push(Token {
                    kind: Kind::Other,
                    pos,
                });
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"// a comment with id: "x"
(
    exercises: [
        (id: "a", name: "A", steps: [], dose: (kind: Hold, hold_s: (0, 5))),
        /* id: "b" */ (id: "b", name: "B (\"q\")", steps: ["x"]),
        (id: "a", name: "again"),
    ],
    routines: [
        (id: "r", items: [(exercise: "a"), (exercise: "zz", sets: (3, 2))]),
    ],
)"#;

    #[test]
    fn finds_pairs_outside_comments() {
        assert_eq!(
            Locator::new(SRC).nth_pair("id", "b", 0),
            Some(Pos { line: 5, col: 28 })
        );
        assert_eq!(Locator::new(SRC).nth_pair("id", "x", 0), None);
    }

    #[test]
    fn finds_the_second_duplicate() {
        let l = Locator::new(SRC);
        assert_eq!(l.nth_pair("id", "a", 1), Some(Pos { line: 6, col: 14 }));
    }

    #[test]
    fn finds_nested_fields_of_an_owner() {
        let l = Locator::new(SRC);
        assert_eq!(
            l.field_in_owner("a", 0, &["steps"]),
            Some(Pos { line: 4, col: 37 })
        );
        assert_eq!(
            l.field_in_owner("a", 0, &["dose", "hold_s"]),
            Some(Pos { line: 4, col: 68 })
        );
        assert_eq!(
            l.pair_in_owner("r", 0, "exercise", "zz"),
            Some(Pos { line: 9, col: 55 })
        );
        assert_eq!(
            l.field_in_list_item("r", 0, "items", 1, &["sets"]),
            Some(Pos { line: 9, col: 67 })
        );
    }
}
