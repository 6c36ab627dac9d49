//! Resuming through the real store: a session quit (or cut off) at step 3 is
//! read back from disk by a fresh store, found resumable today, picked up at
//! step 3 with what was done kept, and finished as the same session.

use std::time::Duration;

use crate::support::plans::{plan_of, reps};
use crate::support::records::*;
use backcoach::domain::*;
use backcoach::plan::Plan;
use backcoach::session::record::{SessionLog, resume_point};
use backcoach::session::{Effect, Ending, Key, Session, Settings};
use backcoach::store::Store;
use jiff::Timestamp;
use jiff::civil::Date;
use tokio::time::Instant;

fn plan() -> Plan {
    plan_of(
        "four",
        "Four moves",
        vec![
            reps("a", 1, 2),
            reps("b", 1, 2),
            reps("c", 2, 2),
            reps("d", 1, 2),
        ],
    )
}

fn settings(started: Timestamp) -> Settings {
    Settings {
        started_wall: started,
        get_ready: Duration::ZERO,
        ..Settings::default()
    }
}

/// The engine and its record as the app runs them: every change saved.
struct Running<'a> {
    session: Session,
    log: SessionLog,
    store: &'a mut Store,
    now: Instant,
    wall: Timestamp,
}

impl Running<'_> {
    fn press(&mut self, key: Key) {
        self.now += Duration::from_secs(4);
        self.wall += jiff::SignedDuration::from_secs(4);
        let fx = self.session.key(key, self.now);
        self.apply(fx);
    }

    fn apply(&mut self, fx: Vec<Effect>) {
        let active = self.session.active(self.now).as_secs() as u32;
        let mut changed = false;
        for e in &fx {
            changed |= self.log.apply(e, self.wall, active);
        }
        if changed {
            self.store.save_session(self.log.record()).expect("save");
        }
    }
}

/// Exercises a and b done, one rep of c; then quit (`q` `y`) or, with
/// `quit` false, the process is killed (nothing more written).
fn stop_at_step_three(dir: &std::path::Path, today: Date, quit: bool) -> String {
    let mut store = Store::open(dir).expect("store");
    let started = at(today, 18, 0);
    let log = SessionLog::new(&plan(), started, today, Some(1));
    store.save_session(log.record()).expect("save");
    let t0 = Instant::now();
    let (session, fx) = Session::new(plan(), settings(started), t0);
    let mut run = Running {
        session,
        log,
        store: &mut store,
        now: t0,
        wall: started,
    };
    run.apply(fx);
    for _ in 0..2 {
        run.press(Key::Space);
        run.press(Key::Space);
        run.press(Key::Char('1'));
        // The quick check: the number, then its kind (a dull ache).
        while run.session.view(run.now).modal.is_some() {
            run.press(Key::Enter);
        }
    }
    assert_eq!(run.session.view(run.now).exercise_number, 3);
    run.press(Key::Space);
    if quit {
        run.press(Key::Char('q'));
        run.press(Key::Char('y'));
        assert_eq!(run.session.ending(), Some(&Ending::Quit));
    }
    run.log.record().id.clone()
}

/// `set_kept`: whether the set in progress was saved (a quit keeps it; a
/// kill loses at most that set).
fn resume_and_finish(dir: &std::path::Path, today: Date, id: &str, set_kept: bool) {
    // A new run of the app: a fresh store reads the day back.
    let mut store = Store::open(dir).expect("store");
    let history = store.load(today, today);
    let interrupted = history
        .sessions
        .iter()
        .rev()
        .find(|s| s.resumable_on(today, history.running.as_deref()))
        .cloned()
        .expect("today's interrupted session is offered");
    assert_eq!(interrupted.id, id);
    assert_eq!(resume_point(&plan(), &interrupted), Some(2));
    let kept_c = interrupted.exercises.iter().find(|e| e.exercise_id == "c");
    assert_eq!(
        kept_c.map(|c| c.reps_done.clone()),
        set_kept.then(|| vec![1])
    );

    let wall = at(today, 19, 0);
    let t0 = Instant::now();
    let (session, fx) =
        Session::resume(plan(), settings(wall), t0, &interrupted).expect("resumable");
    assert_eq!(session.view(t0).exercise_number, 3, "resumes at step 3");
    let log = SessionLog::resume(&plan(), interrupted.clone());
    let mut run = Running {
        session,
        log,
        store: &mut store,
        now: t0,
        wall,
    };
    run.apply(fx);
    // c: two sets of two, then d.
    for key in [Key::Space, Key::Space, Key::Space, Key::Space] {
        run.press(key);
    }
    run.press(Key::Char('1'));
    while run.session.view(run.now).modal.is_some() {
        run.press(Key::Enter);
    }
    run.press(Key::Space);
    run.press(Key::Space);
    assert_eq!(run.session.ending(), Some(&Ending::Completed));

    let all = Store::open(dir).expect("store").load(today, today);
    assert_eq!(all.sessions.len(), 1, "the same session went on");
    let done = &all.sessions[0];
    assert_eq!(done.id, id);
    assert_eq!(done.status, SessionStatus::Completed);
    let ids: Vec<_> = done
        .exercises
        .iter()
        .map(|e| (e.exercise_id.as_str(), e.completed))
        .collect();
    assert_eq!(ids, [("a", true), ("b", true), ("c", true), ("d", true)]);
    assert!(done.active_s >= interrupted.active_s);
    assert_eq!(done.started, interrupted.started);
}

#[test]
fn a_session_quit_at_step_three_resumes_there_from_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = monday();
    let id = stop_at_step_three(dir.path(), today, true);
    resume_and_finish(dir.path(), today, &id, true);
}

#[test]
fn a_session_cut_off_at_step_three_resumes_there_from_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = monday();
    let id = stop_at_step_three(dir.path(), today, false);
    resume_and_finish(dir.path(), today, &id, false);
}

#[test]
fn a_safety_stop_is_never_offered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = monday();
    let mut store = Store::open(dir.path()).expect("store");
    let mut stopped = session(
        today,
        SessionStatus::StoppedForSafety {
            reason: "Sharp pain during Bridge, set 1 of 2".into(),
        },
        4,
    );
    stopped.exercises.truncate(1);
    store.save_session(&stopped).expect("save");
    let history = Store::open(dir.path()).expect("store").load(today, today);
    assert!(
        !history
            .sessions
            .iter()
            .any(|s| s.resumable_on(today, history.running.as_deref()))
    );
}
