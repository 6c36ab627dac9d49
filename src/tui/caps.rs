//! What the terminal can show, read once from the environment: colour
//! (`NO_COLOR`, `TERM`, `COLORTERM`), the character set (the locale's
//! `LC_ALL` / `LC_CTYPE` / `LANG`, or `--ascii`) and whether it is a dumb
//! terminal. Everything drawn degrades from here: no colour on a dumb or
//! `NO_COLOR` terminal, the 16 basic colours where 256 are not known to
//! work, ASCII drawing where the locale is not UTF-8. Meaning never rides on
//! colour alone (every screen also says it in words or symbols), so nothing
//! is lost on the way down.

use std::ffi::OsString;

use super::theme::Theme;

/// How many colours the terminal is known to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Colors {
    /// None at all: `NO_COLOR`, `TERM=dumb`, no `TERM`, or a terminal type
    /// with no colour (`vt100`, `vt220`). Bold and reverse still show emphasis.
    None,
    /// The 16 basic ANSI colours: every colour terminal.
    Basic,
    /// The 256-colour palette (`TERM=…-256color`).
    Indexed,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    True,
}

/// What the terminal can do, as far as the environment says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// The colours that may be sent.
    pub colors: Colors,
    /// Draw with ASCII only: the locale is not UTF-8, or `--ascii`.
    pub ascii: bool,
    /// `TERM=dumb`: no cursor addressing to count on; a session runs as lines.
    pub dumb: bool,
}

/// Terminal types that show no colour at all, though they do show bold and reverse.
const MONOCHROME_TERMS: [&str; 6] = ["vt52", "vt100", "vt102", "vt220", "vt320", "vt420"];

impl Caps {
    /// Reads the process environment; `ascii` is the `--ascii` option.
    pub fn detect(ascii: bool) -> Caps {
        Caps::from_vars(|name| std::env::var_os(name), ascii)
    }

    /// From environment variables looked up with `var` (tests pass their own).
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>, ascii: bool) -> Caps {
        let text = |name: &str| {
            var(name)
                .map(|v| v.to_string_lossy().into_owned())
                .filter(|v| !v.is_empty())
        };
        let term = text("TERM").unwrap_or_default().to_ascii_lowercase();
        let dumb = term == "dumb";
        let monochrome = MONOCHROME_TERMS
            .iter()
            .any(|t| term == *t || term.starts_with(&format!("{t}-")));
        let colors = if text("NO_COLOR").is_some() || term.is_empty() || dumb || monochrome {
            Colors::None
        } else if text("COLORTERM")
            .is_some_and(|c| matches!(c.to_ascii_lowercase().as_str(), "truecolor" | "24bit"))
        {
            Colors::True
        } else if term.contains("256color") {
            Colors::Indexed
        } else {
            Colors::Basic
        };
        // POSIX: the first of LC_ALL, LC_CTYPE and LANG that is set decides
        // the character set; none set is the "C" locale, which is ASCII.
        let locale = text("LC_ALL")
            .or_else(|| text("LC_CTYPE"))
            .or_else(|| text("LANG"))
            .unwrap_or_else(|| "C".to_string());
        Caps {
            colors,
            ascii: ascii || !locale_is_utf8(&locale),
            dumb,
        }
    }

    /// The styles and drawing characters screens use on this terminal.
    pub fn theme(&self) -> Theme {
        Theme {
            color: self.colors != Colors::None,
            ascii: self.ascii,
        }
    }
}

/// Whether a locale name (`en_GB.UTF-8`, `C.utf8`, `UTF-8` on macOS) has
/// the UTF-8 character set.
pub fn locale_is_utf8(locale: &str) -> bool {
    let codeset = match locale.split_once('.') {
        Some((_, rest)) => rest.split('@').next().unwrap_or(rest),
        None => locale,
    };
    matches!(
        codeset.to_ascii_lowercase().replace('-', "").as_str(),
        "utf8"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(vars: &[(&str, &str)], ascii: bool) -> Caps {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        Caps::from_vars(
            |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
            ascii,
        )
    }

    const UTF8: (&str, &str) = ("LANG", "en_GB.UTF-8");

    #[test]
    fn colour_depth_follows_term_colorterm_and_no_color() {
        let depth = |vars: &[(&str, &str)]| caps(vars, false).colors;
        assert_eq!(depth(&[("TERM", "xterm-256color"), UTF8]), Colors::Indexed);
        assert_eq!(depth(&[("TERM", "xterm"), UTF8]), Colors::Basic);
        assert_eq!(depth(&[("TERM", "linux"), UTF8]), Colors::Basic);
        assert_eq!(
            depth(&[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")]),
            Colors::True
        );
        assert_eq!(depth(&[("TERM", "dumb")]), Colors::None);
        assert_eq!(depth(&[("TERM", "vt100")]), Colors::None);
        assert_eq!(depth(&[("TERM", "vt220-am")]), Colors::None);
        assert_eq!(depth(&[]), Colors::None);
        assert_eq!(
            depth(&[("TERM", "xterm-256color"), ("NO_COLOR", "1")]),
            Colors::None
        );
        // An empty NO_COLOR does not count (the convention says non-empty).
        assert_eq!(
            depth(&[("TERM", "xterm-256color"), ("NO_COLOR", "")]),
            Colors::Indexed
        );
    }

    #[test]
    fn ascii_unless_the_locale_is_utf8_or_when_asked() {
        let ascii = |vars: &[(&str, &str)], flag| caps(vars, flag).ascii;
        assert!(!ascii(&[("LANG", "en_GB.UTF-8")], false));
        assert!(!ascii(&[("LANG", "C.utf8")], false));
        assert!(!ascii(&[("LC_CTYPE", "UTF-8")], false));
        assert!(!ascii(&[("LANG", "de_DE.UTF-8@euro")], false));
        assert!(ascii(&[("LANG", "C")], false));
        assert!(ascii(&[("LANG", "POSIX")], false));
        assert!(ascii(&[("LANG", "en_US.ISO-8859-1")], false));
        assert!(ascii(&[], false), "no locale at all is the C locale");
        // LC_ALL wins over LC_CTYPE, which wins over LANG.
        assert!(ascii(&[("LC_ALL", "C"), ("LANG", "en_GB.UTF-8")], false));
        assert!(!ascii(
            &[("LC_ALL", "en_GB.UTF-8"), ("LC_CTYPE", "C")],
            false
        ));
        assert!(ascii(&[("LC_CTYPE", "C"), ("LANG", "en_GB.UTF-8")], false));
        // An empty variable is as good as unset.
        assert!(!ascii(&[("LC_ALL", ""), ("LANG", "en_GB.UTF-8")], false));
        assert!(ascii(&[("LANG", "en_GB.UTF-8")], true), "--ascii");
    }

    #[test]
    fn dumb_is_term_dumb_only() {
        assert!(caps(&[("TERM", "dumb")], false).dumb);
        assert!(!caps(&[("TERM", "xterm")], false).dumb);
        assert!(!caps(&[], false).dumb);
    }

    #[test]
    fn the_theme_follows() {
        let theme = caps(&[("TERM", "xterm"), ("LANG", "C")], false).theme();
        assert!(theme.color && theme.ascii);
        let theme = caps(&[("TERM", "dumb"), UTF8], false).theme();
        assert!(!theme.color && !theme.ascii);
    }
}
