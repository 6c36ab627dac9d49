//! Drives the real binary in a pseudo-terminal and reads its screen with vt100.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_backcoach"))
}

/// The data dir's history as `backcoach export` prints it (RON).
pub fn export(dir: &Path) -> String {
    let out = std::process::Command::new(binary())
        .args(["--data-dir", &dir.display().to_string(), "export"])
        .output()
        .expect("export");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A running program in an 80×24 (or other) pseudo-terminal.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// Starts `program args` with `env` in a `cols`×`rows` terminal.
    pub fn spawn_program(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // A UTF-8 terminal unless a test says otherwise (no locale is ASCII).
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("BACKCOACH_MUTE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a non-zero terminal size");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let (p, r) = (parser.clone(), raw.clone());
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        p.lock().expect("parser").process(&buf[..n]);
                        r.lock().expect("raw").extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        let writer = pty.master.take_writer().expect("writer");
        Tui {
            parser,
            raw,
            writer,
            child,
            master: pty.master,
        }
    }

    /// Starts backcoach with `args` (and a data dir) at 80×24.
    pub fn spawn(args: &[&str], env: &[(&str, &str)]) -> Tui {
        Tui::spawn_program(&binary(), args, env, 80, 24)
    }

    /// Resizes the terminal, as a user dragging the window would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a non-zero terminal size");
        self.parser
            .lock()
            .expect("parser")
            .set_size(size(rows), size(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Types keys.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
        // Let the app read one burst at a time, as a person would type.
        thread::sleep(Duration::from_millis(60));
    }

    /// The screen's text now.
    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Everything the program wrote, raw.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }

    /// Whether the terminal is in raw mode (no line editing): what a
    /// full-screen program sets and must undo. `None` where the pty cannot say.
    pub fn raw_mode(&self) -> Option<bool> {
        let termios = self.master.get_termios()?;
        // Canonical mode (ICANON) is what raw mode turns off.
        Some(!format!("{:?}", termios.local_flags).contains("ICANON"))
    }

    /// Whether the program left the alternate screen and showed the cursor.
    pub fn terminal_normal(&self) -> bool {
        let p = self.parser.lock().expect("parser");
        !p.screen().alternate_screen() && !p.screen().hide_cursor()
    }

    /// Waits until the screen contains `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {text:?}; screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the program to exit; returns its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader drain the last bytes.
                thread::sleep(Duration::from_millis(100));
                return Some(status.exit_code());
            }
            thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// The child's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Kills the child if still running (for test clean-up).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Sends a signal to a process with the `kill` utility (no unsafe needed).
pub fn signal(pid: u32, sig: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(status.success());
}

/// How long an end-to-end step may take before the test gives up.
pub const STEP: Duration = Duration::from_secs(10);

/// Goes through the check-in (discomfort `baseline`, no warning signs) and the plan preview.
pub fn check_in(tui: &mut Tui, baseline: &str) {
    tui.wait_for("How much discomfort", STEP);
    tui.send(baseline);
    tui.send("\r");
    tui.wait_for("What does it feel like?", STEP);
    tui.send("\r");
    tui.wait_for("Today, do you have any of these?", STEP);
    tui.send("\r");
    tui.wait_for("Today's plan", STEP);
    tui.send("\r");
}

/// Starts `backcoach start` on the tiny catalog, muted, with `dir` as data dir and HOME.
pub fn start_tiny(dir: &Path, catalog: &Path) -> Tui {
    let data = dir.display().to_string();
    Tui::spawn(
        &[
            "--data-dir",
            &data,
            "--catalog",
            &catalog.display().to_string(),
            "--mute",
            "start",
        ],
        &[("HOME", &data)],
    )
}
