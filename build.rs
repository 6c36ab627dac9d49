//! Turns the built-in `catalog.ron` into a compact binary form (postcard) at
//! build time: reading that at start-up takes a few dozen microseconds where
//! parsing the text takes a millisecond, a fifth of the first frame's budget.
//! The text stays compiled in as well; `check` and every message's
//! `line:column` come from it, and a test holds the two forms equal.

#[allow(dead_code)]
#[path = "src/catalog/model.rs"]
mod model;

/// The figures' data types, which the model's `figure` field uses.
#[allow(dead_code)]
#[path = "src/figure/pose.rs"]
mod figure_pose;

mod figure {
    pub use super::figure_pose::Figure;
}

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=catalog.ron");
    println!("cargo::rerun-if-changed=src/catalog/model.rs");
    println!("cargo::rerun-if-changed=src/figure/pose.rs");
    let source = match std::fs::read_to_string("catalog.ron") {
        Ok(source) => source,
        Err(e) => fail(&format!("catalog.ron: {e}")),
    };
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let catalog: model::Catalog = match options.from_str(&source) {
        Ok(catalog) => catalog,
        Err(e) => fail(&format!("catalog.ron:{e}")),
    };
    let bytes = match postcard::to_allocvec(&catalog) {
        Ok(bytes) => bytes,
        Err(e) => fail(&format!("catalog.ron: cannot encode: {e}")),
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        fail("OUT_DIR is not set")
    };
    let out = PathBuf::from(out_dir).join("catalog.postcard");
    if let Err(e) = std::fs::write(&out, bytes) {
        fail(&format!("{}: {e}", out.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
