//! The exercise catalog: the built-in one compiled from `catalog.ron`, or a
//! user's own file in the same format.

pub mod locate;
pub mod model;
pub mod validate;

use std::path::{Path, PathBuf};

pub use model::*;
pub use validate::Problem;

/// The built-in catalog, compiled in so the binary needs no files to run.
pub const BUILTIN_SOURCE: &str = include_str!("../../catalog.ron");

/// The built-in catalog in the compact form `build.rs` makes of `catalog.ron`,
/// read at start-up instead of parsing the text.
const BUILTIN_COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));

/// How the built-in catalog is named in messages.
pub const BUILTIN_NAME: &str = "catalog.ron";

/// Why a catalog could not be used. Every variant names the file; syntax and
/// rule errors name the `line:column` too.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The file could not be read.
    #[error("{}: cannot read the catalog: {source}", path.display())]
    Io {
        /// The catalog file as given.
        path: PathBuf,
        /// What the operating system reported.
        #[source]
        source: std::io::Error,
    },
    /// The path is not a catalog backcoach will read: not a regular file
    /// (a FIFO, a device, a directory) or too large; refused before reading.
    #[error("{}: not read as a catalog: {reason}", path.display())]
    Refused {
        /// The catalog file as given.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
    /// The text is not valid RON, or does not fit the catalog's shape.
    #[error("{origin}:{line}:{col}: {message}")]
    Syntax {
        /// How the catalog is named in messages: its path, or `catalog.ron` for the built-in one.
        origin: String,
        /// Line of the error, from 1, as ron reports it.
        line: usize,
        /// Column of the error, from 1, as ron reports it.
        col: usize,
        /// ron's description of what is wrong.
        message: String,
    },
    /// The catalog parsed but breaks one or more validation rules.
    #[error("{}", render_problems(origin, problems))]
    Invalid {
        /// How the catalog is named in messages: its path, or `catalog.ron` for the built-in one.
        origin: String,
        /// Every broken rule found, in file order.
        problems: Vec<Problem>,
    },
}

fn render_problems(origin: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match p.pos {
            Some(pos) => format!("{origin}:{pos}: {}: {}", p.subject, p.message),
            None => format!("{origin}: {}: {}", p.subject, p.message),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The RON options every catalog is read with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The largest catalog file read. The built-in catalog, 54 exercises and
/// their routines, is 83 KB; 4 MB holds some fifty times that, far beyond
/// any personal catalog, while a `--catalog` pointing at a huge file is
/// refused at once instead of parsed for seconds into gigabytes.
pub const MAX_CATALOG_BYTES: u64 = 4 * 1024 * 1024;

/// Parses and validates a catalog held in memory; `origin` names it in messages.
pub fn parse(source: &str, origin: &str) -> Result<Catalog, CatalogError> {
    let catalog: Catalog = ron_options()
        .from_str(source)
        .map_err(|e| CatalogError::Syntax {
            origin: origin.to_string(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: crate::textfile::ron_message(&e.code),
        })?;
    checked(catalog, source, origin)
}

/// The catalog if it passes validation; `source` is its text, for positions.
fn checked(catalog: Catalog, source: &str, origin: &str) -> Result<Catalog, CatalogError> {
    let problems = validate::validate(&catalog, source);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(CatalogError::Invalid {
            origin: origin.to_string(),
            problems,
        })
    }
}

/// The built-in catalog, validated: read from its compact form, or parsed
/// from the text should that ever fail to decode.
pub fn builtin() -> Result<Catalog, CatalogError> {
    match postcard::from_bytes::<Catalog>(BUILTIN_COMPACT) {
        Ok(catalog) => checked(catalog, BUILTIN_SOURCE, BUILTIN_NAME),
        Err(_) => parse(BUILTIN_SOURCE, BUILTIN_NAME),
    }
}

/// The built-in catalog parsed from its text, as `check` and the tests see it.
pub fn builtin_from_text() -> Result<Catalog, CatalogError> {
    parse(BUILTIN_SOURCE, BUILTIN_NAME)
}

/// A catalog file from disk, parsed and validated. Only a regular file of
/// at most [`MAX_CATALOG_BYTES`] is read (a FIFO or `/dev/zero` is refused
/// without waiting or filling memory); text that is not UTF-8 is named with
/// the `line:column` of its first bad byte.
pub fn load_file(path: &Path) -> Result<Catalog, CatalogError> {
    use crate::textfile::{self, TextFileError};
    let origin = path.display().to_string();
    let source = textfile::read(path, MAX_CATALOG_BYTES).map_err(|e| match e {
        TextFileError::Io(source) => CatalogError::Io {
            path: path.to_path_buf(),
            source,
        },
        TextFileError::NotUtf8 { line, col } => CatalogError::Syntax {
            origin: origin.clone(),
            line,
            col,
            message: e.to_string(),
        },
        refused => CatalogError::Refused {
            path: path.to_path_buf(),
            reason: refused.to_string(),
        },
    })?;
    parse(&source, &origin)
}

/// What a source reads as on screen: the title of the guide it names (by
/// short id or file name) in `catalog`, else in the built-in catalog (a user
/// catalog may cite the built-in guides without listing them), else the
/// source's own words ("my physio").
pub fn source_title(catalog: &Catalog, source: &str) -> String {
    static BUILTIN: std::sync::OnceLock<Option<Catalog>> = std::sync::OnceLock::new();
    catalog
        .guide(source)
        .or_else(|| {
            BUILTIN
                .get_or_init(|| builtin().ok())
                .as_ref()
                .and_then(|b| b.guide(source))
        })
        .map(|g| g.title.clone())
        .unwrap_or_else(|| source.to_string())
}

/// The catalog a run uses: the `--catalog` file when given, else the built-in one.
pub fn load(path: Option<&Path>) -> Result<Catalog, CatalogError> {
    match path {
        Some(path) => load_file(path),
        None => builtin(),
    }
}
