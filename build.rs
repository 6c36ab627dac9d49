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
    order_hot_code();
    link_unwinder_statically();
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

/// Lays out the release binary's code with the functions a session runs side
/// by side at its start (`hot-functions.txt`, made by `scripts/hot-functions`
/// from a real session under callgrind). The kernel maps a binary's pages in
/// 64 KB runs around each one touched, so scattered hot code keeps nearly all
/// of `.text` resident; packed together it keeps about half
/// (docs/performance-history.md). Only the ordering changes, never the
/// code, and a name the list no longer matches is skipped. Only where the
/// linker is LLD, the default for x86_64 Linux since Rust 1.90.
fn order_hot_code() {
    println!("cargo::rerun-if-changed=hot-functions.txt");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let lld_by_default = std::env::var("TARGET").is_ok_and(|t| t == "x86_64-unknown-linux-gnu");
    let list = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("hot-functions.txt");
    if release && lld_by_default && list.is_file() {
        println!(
            "cargo::rustc-link-arg-bin=backcoach=-Wl,--symbol-ordering-file={},--no-warn-symbol-ordering",
            list.display()
        );
    }
}

/// Links GCC's unwinder into the binary (`libgcc_eh.a`, as Rust's own
/// `crt-static` builds do) instead of loading `libgcc_s.so.1` at every start:
/// that library's loading, relocation and start-up code (it asks the CPU for
/// its features, which traps on a virtual machine) cost 0.08 ms of each
/// start's CPU before `main` (README, "Performance"). The static unwinder
/// does all the shared one does (a test's caught panic, the panic hook's
/// backtrace); every profile uses it, so the test that a panic restores the
/// terminal runs the release build's link. `rustc` asks the linker for
/// `-lgcc_s`; a linker script of that name, found first, hands it the
/// archive. Skipped, and the shared library used, when the C compiler has no
/// `libgcc_eh.a`.
fn link_unwinder_statically() {
    if !std::env::var("TARGET").is_ok_and(|t| t.ends_with("-linux-gnu")) {
        return;
    }
    let cc = std::env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".to_owned());
    let Ok(output) = std::process::Command::new(&cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
    else {
        return;
    };
    // The compiler prints the bare name back when it has no such archive.
    let archive = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    if !output.status.success() || !archive.is_absolute() || !archive.is_file() {
        return;
    }
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        return;
    };
    let dir = PathBuf::from(out_dir).join("static-unwinder");
    // Quoted: a path may hold spaces or parentheses.
    let script = format!("INPUT(\"{}\")\n", archive.display());
    if std::fs::create_dir_all(&dir).is_err()
        || std::fs::write(dir.join("libgcc_s.so"), script).is_err()
    {
        return;
    }
    println!("cargo::rustc-link-search=native={}", dir.display());
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
