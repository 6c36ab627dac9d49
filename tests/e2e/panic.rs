//! A panic in the full-screen app restores the terminal with the release
//! profile's panic setting (`panic = "abort"`: the hook runs, then the
//! process aborts; nothing unwinds). The binary under test is built with the
//! `panic-abort` profile, a debug build with the release profile's panic
//! setting, since only debug builds can be asked to panic.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::support::pty::Tui;

const T: Duration = Duration::from_secs(20);

/// The `panic` setting of `[profile.NAME]` in Cargo.toml.
fn panic_setting(manifest: &str, name: &str) -> Option<String> {
    let header = format!("[profile.{name}]");
    let section = manifest.split(&header).nth(1)?;
    let section = section.split("\n[").next()?;
    section.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("panic")?
            .trim()
            .strip_prefix('=')?;
        Some(value.trim().trim_matches('"').to_string())
    })
}

/// Builds the binary with the `panic-abort` profile (once; cargo skips the
/// work when it is up to date) and returns its path.
fn abort_binary(root: &Path) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    // Niced: the other end-to-end tests of this binary run beside this
    // build, and their programs must answer within their deadlines.
    let mut cargo = if Command::new("nice")
        .arg("true")
        .status()
        .is_ok_and(|s| s.success())
    {
        let mut nice = Command::new("nice");
        nice.args(["-n", "19"]).arg(env!("CARGO"));
        nice
    } else {
        Command::new(env!("CARGO"))
    };
    let status = cargo
        .args([
            "build",
            "--quiet",
            "--profile",
            "panic-abort",
            "--bin",
            "backcoach",
        ])
        .current_dir(root)
        .status()
        .expect("run cargo");
    assert!(status.success(), "building with the panic-abort profile");
    target.join("panic-abort").join("backcoach")
}

/// Runs `binary` on the week screen, made to panic after its first frame,
/// until it ends (not with success); its data dir lives as long as the result.
fn panic_on_the_week_screen(
    binary: &Path,
    backtrace: &str,
    cols: u16,
    rows: u16,
) -> (tempfile::TempDir, Tui) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().display().to_string();
    let mut tui = Tui::spawn_program(
        binary,
        &["--data-dir", &data, "--mute", "week"],
        &[
            ("HOME", &data),
            ("BACKCOACH_TEST_PANIC", "1"),
            ("RUST_BACKTRACE", backtrace),
        ],
        cols,
        rows,
    );
    let code = tui.wait_exit(T).expect("the app ends");
    assert_ne!(code, 0, "a panic is not a success");
    (dir, tui)
}

#[test]
fn a_panic_restores_the_terminal_with_the_release_panic_setting() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let release = panic_setting(&manifest, "release");
    assert_eq!(
        release.as_deref(),
        Some("abort"),
        "the release profile aborts"
    );
    assert_eq!(
        panic_setting(&manifest, "panic-abort"),
        release,
        "the test profile has the release profile's panic setting"
    );

    let binary = abort_binary(root);
    let (_dir, tui) = panic_on_the_week_screen(&binary, "0", 80, 24);
    // The hook ran before the abort: the terminal is as it was.
    assert!(tui.terminal_normal(), "alternate screen left, cursor shown");
    assert_eq!(tui.raw_mode(), Some(false), "raw mode undone");
    // ...and the panic's message reached the user's terminal, not the log.
    let screen = tui.screen();
    assert!(screen.contains("BACKCOACH_TEST_PANIC"), "{screen}");
}

/// Whether the C compiler has GCC's static unwinder, which `build.rs` links
/// in place of `libgcc_s.so.1` when it is there.
fn static_unwinder_available() -> bool {
    Command::new("cc")
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .is_ok_and(|out| {
            let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
            out.status.success() && path.is_absolute() && path.is_file()
        })
}

#[test]
fn the_unwinder_is_linked_in_and_still_walks_the_stack() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let binary = abort_binary(root);
    if static_unwinder_available() {
        // Not loaded at each start (build.rs, `link_unwinder_statically`):
        // the library's name is not among the binary's needed libraries.
        let bytes = std::fs::read(&binary).expect("read the binary");
        let needs_shared = bytes.windows(13).any(|w| w == b"libgcc_s.so.1");
        assert!(!needs_shared, "the binary still loads libgcc_s.so.1");
    } else {
        eprintln!("cc has no libgcc_eh.a: the shared unwinder is used");
    }
    // The unwinder linked in still walks the stack for the hook's backtrace.
    let (_dir, tui) = panic_on_the_week_screen(&binary, "1", 100, 40);
    assert!(tui.terminal_normal(), "alternate screen left, cursor shown");
    let screen = tui.screen();
    assert!(screen.contains("stack backtrace:"), "{screen}");
    assert!(screen.contains("backcoach::main"), "{screen}");
}
