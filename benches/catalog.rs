//! Start-up cost of the built-in catalog: parsing its RON and validating it.
//! Every full-screen start pays this before its first frame.

use backcoach::catalog::{self, BUILTIN_SOURCE, Catalog};

fn main() {
    divan::main();
}

/// Deserializing `catalog.ron` alone.
#[divan::bench]
fn parse_only() -> Catalog {
    catalog::ron_options()
        .from_str(divan::black_box(BUILTIN_SOURCE))
        .expect("the built-in catalog parses")
}

/// What a start does: parse and validate.
#[divan::bench]
fn parse_and_validate() -> Catalog {
    catalog::parse(divan::black_box(BUILTIN_SOURCE), "catalog.ron").expect("valid")
}
