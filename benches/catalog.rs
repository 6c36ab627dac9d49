//! Start-up cost of the built-in catalog. Every full-screen start pays it
//! before its first frame: the compact form `build.rs` makes, decoded and
//! validated; beside it, what parsing the RON text costs (`check` and user
//! catalogs).

use backcoach::catalog::{self, BUILTIN_SOURCE, Catalog};

fn main() {
    divan::main();
}

/// What a start does: decode the compact built-in catalog and validate it.
#[divan::bench]
fn builtin_compact_and_validate() -> Catalog {
    catalog::builtin().expect("valid")
}

/// Deserializing the text of `catalog.ron` alone.
#[divan::bench]
fn parse_text_only() -> Catalog {
    catalog::ron_options()
        .from_str(divan::black_box(BUILTIN_SOURCE))
        .expect("the built-in catalog parses")
}

/// A catalog given as text (`--catalog`, `check`): parse and validate.
#[divan::bench]
fn parse_text_and_validate() -> Catalog {
    catalog::parse(divan::black_box(BUILTIN_SOURCE), "catalog.ron").expect("valid")
}
