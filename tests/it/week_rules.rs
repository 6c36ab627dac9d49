//! The week's rules with fixed dates: statuses, targets, streaks (across
//! years and ISO week 53), a clock change inside the week, the 48-hour
//! notice and the six-week rule.

use crate::support::records::*;
use backcoach::domain::History;
use backcoach::domain::dates;
use backcoach::domain::*;
use backcoach::profile::Profile;
use backcoach::rules::week::{self, DayStatus, Notice, WeekSummary};
use backcoach::store::Store;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

fn history(sessions: Vec<SessionRecord>, marks: Vec<DayMark>, checkins: Vec<CheckIn>) -> History {
    History {
        sessions,
        marks,
        checkins,
        ..History::default()
    }
}

fn mark(d: Date, kind: DayMarkKind) -> DayMark {
    DayMark { date: d, kind }
}

fn days(from: Date, n: i64) -> Vec<Date> {
    (0..n).map(|i| dates::add_days(from, i)).collect()
}

fn statuses(s: &WeekSummary) -> Vec<&'static str> {
    s.days.iter().map(|d| d.status.label()).collect()
}

/// Sessions on the first `n` days of the week of `monday`.
fn active_week(monday: Date, n: i64) -> Vec<SessionRecord> {
    days(monday, n).into_iter().map(done).collect()
}

fn summary_through_store(store: &Store, week_of: Date, today: Date) -> WeekSummary {
    let (from, to) = week::needed_range(week_of);
    week::summarize(&store.load(from, to), &Profile::default(), week_of, today)
}

#[test]
fn every_day_gets_its_status_in_words() {
    let mon = monday();
    let d = |i| dates::add_days(mon, i);
    let mut cut_off = session(d(1), SessionStatus::InProgress, 6);
    cut_off.exercises.truncate(1);
    let mut stopped = session(
        d(2),
        SessionStatus::StoppedForSafety {
            reason: "sharp pain".into(),
        },
        2,
    );
    stopped.exercises.clear();
    stopped.id = "stop".into();
    let mut morning = session(d(2), SessionStatus::Completed, 10);
    morning.id = "morning".into();
    morning.routine_name = "Mini workout".into();
    let h = history(
        vec![done(d(0)), cut_off, morning, stopped],
        vec![mark(d(5), DayMarkKind::Rest), mark(d(6), DayMarkKind::Sick)],
        vec![],
    );
    let today = d(4);
    let s = week::summarize(&h, &Profile::default(), d(3), today);
    assert_eq!(s.week_start, mon);
    assert_eq!(
        statuses(&s),
        [
            "done", "partial", "stopped", "missed", "today", "rest", "sick"
        ]
    );
    assert_eq!(s.days[0].minutes, 15);
    assert_eq!(s.days[0].routines, ["Daily routine"]);
    assert_eq!(s.days[2].routines, ["Mini workout", "Daily routine"]);
    assert_eq!(s.days[2].minutes, 12);
    assert_eq!(s.days[1].sets, 2);
    assert_eq!(s.days[1].reps, 20);
    // Two marked days lower the target of 4 to 2; three days were active.
    assert_eq!(
        (s.target.profile, s.target.marked_days, s.target.effective),
        (4, 2, 2)
    );
    assert_eq!(s.this_week.active_days, 3);
    assert!(s.met);
    assert_eq!(s.this_week.minutes, 15 + 6 + 10 + 2);
    assert_eq!(s.this_week.sets, 4 + 2 + 4);
    // The same week seen the next Monday: nothing is "today" or "future".
    let later = week::summarize(&h, &Profile::default(), mon, dates::add_days(mon, 7));
    assert_eq!(
        statuses(&later),
        [
            "done", "partial", "stopped", "missed", "missed", "rest", "sick"
        ]
    );
    let text = week::render_text(&s);
    for word in [
        "done", "partial", "stopped", "missed", "today", "rest", "sick",
    ] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }
    assert!(
        text.contains("Target: 3 of 2 days (4 less 2 marked rest/sick days) — met"),
        "{text}"
    );
}

#[test]
fn the_running_session_is_in_progress_and_a_quit_before_any_exercise_is_skipped() {
    let mon = monday();
    let mut quit = session(mon, SessionStatus::Partial, 1);
    quit.exercises.clear();
    let mut running = session(dates::add_days(mon, 1), SessionStatus::InProgress, 1);
    running.exercises.clear();
    let mut h = history(vec![quit, running.clone()], vec![], vec![]);
    h.running = Some(running.id.clone());
    let s = week::summarize(&h, &Profile::default(), mon, dates::add_days(mon, 1));
    // Quit before any work: skipped, whatever the file says. The running
    // session (nothing done yet) shows as under way.
    assert_eq!(statuses(&s)[..2], ["skipped", "partial"]);
    assert_eq!(s.this_week.active_days, 0);
    assert_eq!(h.interrupted().count(), 0);
}

#[test]
fn targets_come_from_the_profile_and_marked_days_never_break_a_streak() {
    let w1 = date(2026, 2, 2);
    let w2 = dates::add_days(w1, 7);
    let w3 = dates::add_days(w1, 14);
    let w4 = dates::add_days(w1, 21);
    let mut sessions = active_week(w1, 4);
    sessions.extend(active_week(w2, 2));
    sessions.extend(active_week(w3, 4));
    // Week 4: sick all week.
    let mut marks = vec![
        mark(dates::add_days(w2, 5), DayMarkKind::Sick),
        mark(dates::add_days(w2, 6), DayMarkKind::Rest),
    ];
    marks.extend(days(w4, 7).into_iter().map(|d| mark(d, DayMarkKind::Sick)));
    let today = date(2026, 4, 1);
    let h = history(sessions.clone(), marks, vec![]);
    let s = week::summarize(&h, &Profile::default(), w4, today);
    assert_eq!(s.target.effective, 0);
    assert!(s.met);
    assert_eq!(s.streak.weeks, 4);
    let s2 = week::summarize(&h, &Profile::default(), w2, today);
    assert_eq!(s2.target.effective, 2);
    assert_eq!(s2.streak.weeks, 2);
    // Without the marks week 2 falls short and breaks the streak.
    let unmarked = history(sessions, vec![], vec![]);
    let s3 = week::summarize(&unmarked, &Profile::default(), w3, today);
    assert_eq!(s3.streak.weeks, 1);
    // A higher target in the profile: week 1's four days are not enough.
    let five = Profile {
        weekly_target: 5,
        ..Profile::default()
    };
    let s4 = week::summarize(&h, &five, w1, today);
    assert_eq!(
        (s4.target.effective, s4.met, s4.streak.weeks),
        (5, false, 0)
    );
}

#[test]
fn streaks_run_across_the_year_end_and_iso_week_53() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    // 2026 has 53 ISO weeks: week 53 runs from Mon 28 Dec 2026 to Sun 3 Jan 2027.
    let w51 = date(2026, 12, 14);
    let w53 = date(2026, 12, 28);
    let w01 = date(2027, 1, 4);
    for monday in [w51, date(2026, 12, 21), w53, w01] {
        for s in active_week(monday, 4) {
            store.save_session(&s).unwrap();
        }
    }
    // Week 53: done Monday to Thursday (28–31 December), Sunday 3 January marked rest.
    store
        .set_mark(date(2027, 1, 3), Some(DayMarkKind::Rest))
        .unwrap();
    let today = date(2027, 1, 20);

    let s53 = summary_through_store(&store, date(2027, 1, 1), today);
    assert_eq!((s53.iso_year, s53.iso_week), (2026, 53));
    assert_eq!(s53.week_start, w53);
    assert_eq!(s53.days[6].date, date(2027, 1, 3));
    assert_eq!(
        statuses(&s53),
        ["done", "done", "done", "done", "missed", "missed", "rest"]
    );
    assert_eq!(s53.target.effective, 3);
    assert_eq!(s53.streak.weeks, 3);

    let s01 = summary_through_store(&store, w01, today);
    assert_eq!((s01.iso_year, s01.iso_week), (2027, 1));
    assert_eq!(s01.streak.weeks, 4);
    assert_eq!(s01.last_week.active_days, 4);
    let bars: Vec<i8> = s01.recent_weeks.iter().map(|b| b.iso_week).collect();
    assert_eq!(bars, [46, 47, 48, 49, 50, 51, 52, 53].map(|w| w % 53 + 1));

    // Today is in week 3 of 2027; week 2 was missed, so the streak is over.
    let now = summary_through_store(&store, today, today);
    assert_eq!(now.streak.weeks, 0);
    assert!(now.streak.current_week_open);
    for d in days(date(2027, 1, 11), 4) {
        store.save_session(&done(d)).unwrap();
    }
    let now = summary_through_store(&store, today, today);
    assert_eq!(now.streak.weeks, 5);
    assert!(now.streak.current_week_open);
    assert!(now.streak_line().contains("5 weeks"));
}

#[test]
fn a_long_streak_is_counted_from_the_index_without_reading_old_months() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let first = date(2025, 6, 2);
    for w in 0..30 {
        for s in active_week(dates::add_days(first, 7 * w), 4) {
            store.save_session(&s).unwrap();
        }
    }
    let last = dates::add_days(first, 7 * 29);
    let today = dates::add_days(last, 10);
    let (from, to) = week::needed_range(last);
    let loaded = store.load(from, to);
    // Only the eight weeks needed were read from the month files…
    assert!(loaded.sessions.iter().all(|s| s.date >= from));
    assert_eq!(loaded.sessions.len(), 8 * 4);
    // …yet the streak counts all thirty, through the day index.
    let s = week::summarize(&loaded, &Profile::default(), last, today);
    assert_eq!(s.streak.weeks, 30);
    let without_index = History {
        index: Default::default(),
        ..loaded.clone()
    };
    assert_eq!(
        week::summarize(&without_index, &Profile::default(), last, today)
            .streak
            .weeks,
        8
    );
    // Deleting the derived index changes nothing: it is rebuilt.
    std::fs::remove_file(tmp.path().join("index.ron")).unwrap();
    let fresh = Store::open(tmp.path()).unwrap();
    assert_eq!(summary_through_store(&fresh, last, today).streak.weeks, 30);
    assert!(tmp.path().join("index.ron").exists());
}

#[test]
fn loading_only_the_needed_range_gives_the_same_week_as_loading_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let start = date(2025, 1, 1);
    // An irregular year: a pattern of days, marks and check-ins.
    for i in 0..400 {
        let d = dates::add_days(start, i);
        match (i * 7 + i / 5) % 11 {
            0 | 3 | 5 | 8 | 9 => store.save_session(&done(d)).unwrap(),
            1 => store.set_mark(d, Some(DayMarkKind::Rest)).unwrap(),
            2 => store.save_checkin(&checkin(d, (i % 7) as u8)).unwrap(),
            4 if i % 3 == 0 => store.set_mark(d, Some(DayMarkKind::Sick)).unwrap(),
            _ => {}
        }
    }
    let today = date(2026, 2, 4);
    let everything = store.load(date(2024, 1, 1), date(2026, 12, 31));
    for week_of in [
        date(2025, 3, 5),
        date(2025, 9, 30),
        date(2026, 1, 28),
        today,
    ] {
        let narrow = summary_through_store(&store, week_of, today);
        let wide = week::summarize(&everything, &Profile::default(), week_of, today);
        assert_eq!(narrow, wide, "week of {week_of}");
    }
}

#[test]
fn a_clock_change_inside_the_week_keeps_days_and_counts_real_hours() {
    let berlin = TimeZone::get("Europe/Berlin").unwrap();
    let local = |y, mo, d, h, mi| -> Timestamp {
        date(y, mo, d)
            .at(h, mi, 0, 0)
            .to_zoned(berlin.clone())
            .unwrap()
            .timestamp()
    };
    let intense = |start: Timestamp, end: Timestamp, id: &str| {
        let d = local_date(start, &berlin);
        let mut s = session(d, SessionStatus::Completed, 30);
        s.id = id.into();
        s.started = start;
        s.ended = Some(end);
        s.intense = true;
        s
    };
    // Clocks go forward at 02:00 on Sunday 29 March 2026 in Berlin.
    let sat = intense(local(2026, 3, 28, 17, 0), local(2026, 3, 28, 18, 0), "sat");
    // 00:30 on Monday in Berlin is still Sunday in UTC: filed under Monday.
    let early = local(2026, 3, 30, 0, 30);
    assert_eq!(early.to_zoned(TimeZone::UTC).date(), date(2026, 3, 29));
    let mut night = session(local_date(early, &berlin), SessionStatus::Completed, 10);
    night.started = early;
    night.id = "night".into();
    assert_eq!(night.date, date(2026, 3, 30));
    // The wall clock says 48 h 30 min after Saturday's end; only 47 h 30 min passed.
    let mon = intense(local(2026, 3, 30, 18, 30), local(2026, 3, 30, 19, 0), "mon");
    assert_eq!(
        mon.started.duration_since(sat.ended.unwrap()),
        SignedDuration::from_mins(47 * 60 + 30)
    );
    let sun = {
        let start = local(2026, 3, 29, 3, 30);
        let mut s = session(local_date(start, &berlin), SessionStatus::Completed, 10);
        s.started = start;
        s.id = "sun".into();
        s
    };
    assert_eq!(sun.date, date(2026, 3, 29));
    let h = history(vec![sat.clone(), sun, night, mon.clone()], vec![], vec![]);
    let today = date(2026, 4, 6);

    let dst_week = week::summarize(&h, &Profile::default(), date(2026, 3, 25), today);
    assert_eq!(dst_week.days.len(), 7);
    assert_eq!(dst_week.days[6].date, date(2026, 3, 29));
    assert_eq!(
        statuses(&dst_week),
        // Before the first session there was nothing to miss.
        [
            "not started",
            "not started",
            "not started",
            "not started",
            "not started",
            "done",
            "done"
        ]
    );

    let next = week::summarize(&h, &Profile::default(), date(2026, 3, 30), today);
    assert_eq!(next.days[0].status, DayStatus::Done);
    assert_eq!(next.days[0].routines.len(), 1);
    assert_eq!(
        next.notices,
        vec![Notice::IntenseTooClose {
            first: date(2026, 3, 28),
            second: date(2026, 3, 30),
            hours: 47
        }]
    );
    // Two hours earlier on Saturday and the real gap is 49 h 30 min: fine.
    let earlier = intense(local(2026, 3, 28, 15, 0), local(2026, 3, 28, 16, 0), "sat");
    let h2 = history(vec![earlier, mon], vec![], vec![]);
    let ok = week::summarize(&h2, &Profile::default(), date(2026, 3, 30), today);
    assert!(ok.notices.is_empty(), "{:?}", ok.notices);
}

#[test]
fn intense_sessions_less_than_48_hours_apart_are_noticed() {
    let mon = monday();
    let make = |day: i64, h: i8, m: i8, intense: bool, id: &str| {
        let d = dates::add_days(mon, day);
        let mut s = session(d, SessionStatus::Completed, 30);
        s.started = at(d, h, m);
        s.ended = Some(s.started + SignedDuration::from_mins(30));
        s.intense = intense;
        s.id = id.into();
        s
    };
    let today = dates::add_days(mon, 10);
    let notices = |sessions: Vec<SessionRecord>| {
        week::summarize(
            &history(sessions, vec![], vec![]),
            &Profile::default(),
            mon,
            today,
        )
        .notices
    };
    // Monday 18:00–18:30, then Tuesday 18:00: 23 h 30 min of recovery.
    let close = notices(vec![make(0, 18, 0, true, "a"), make(1, 18, 0, true, "b")]);
    assert_eq!(
        close,
        vec![Notice::IntenseTooClose {
            first: mon,
            second: dates::add_days(mon, 1),
            hours: 23
        }]
    );
    assert!(close[0].text().contains("48 hours"));
    // Wednesday 18:31: just over 48 hours after Monday's end.
    assert!(notices(vec![make(0, 18, 0, true, "a"), make(2, 18, 31, true, "b")]).is_empty());
    // Wednesday 18:29: just under.
    assert_eq!(
        notices(vec![make(0, 18, 0, true, "a"), make(2, 18, 29, true, "b")]).len(),
        1
    );
    // Gentle sessions in between do not count, nor does an intense one quit before any work.
    let mut quit = make(1, 9, 0, true, "quit");
    quit.status = SessionStatus::Partial;
    quit.exercises.clear();
    assert!(
        notices(vec![
            make(0, 18, 0, true, "a"),
            make(1, 8, 0, false, "g"),
            quit,
            make(3, 18, 0, true, "b")
        ])
        .is_empty()
    );
    // A pair in the week before is that week's notice, not this one's.
    let prev = |day| make(day, 18, 0, true, &format!("p{day}"));
    assert!(notices(vec![prev(-3), prev(-2)]).is_empty());
}

/// Six complete weeks before `today`'s week, `per_week` active days each,
/// with one check-in a week given by `baseline(week)`.
fn six_weeks(per_week: impl Fn(i64) -> i64, baseline: impl Fn(i64) -> u8) -> (History, Date) {
    let today = date(2026, 5, 13); // a Wednesday
    let this_monday = dates::monday_of(today);
    let mut sessions = Vec::new();
    let mut checkins = Vec::new();
    for w in 0..6 {
        let monday = dates::add_days(this_monday, -7 * (6 - w));
        sessions.extend(active_week(monday, per_week(w)));
        checkins.push(checkin(monday, baseline(w)));
    }
    (history(sessions, vec![], checkins), today)
}

fn advises(h: &History, week_of: Date, today: Date) -> bool {
    week::summarize(h, &Profile::default(), week_of, today)
        .notices
        .iter()
        .any(|n| matches!(n, Notice::SeeProfessional { .. }))
}

#[test]
fn six_weeks_of_regular_exercise_without_less_discomfort_advise_a_professional() {
    let (flat, today) = six_weeks(|_| 3, |_| 4);
    assert!(advises(&flat, today, today));
    let s = week::summarize(&flat, &Profile::default(), today, today);
    let notice = s
        .notices
        .iter()
        .find(|n| matches!(n, Notice::SeeProfessional { .. }))
        .unwrap();
    assert_eq!(
        *notice,
        Notice::SeeProfessional {
            early_tenths: 40,
            late_tenths: 40,
            exercised: true,
        }
    );
    assert!(notice.text().contains("healthcare professional"));
    // Worse is not better either.
    let (worse, today) = six_weeks(|_| 3, |w| 3 + (w / 2) as u8);
    assert!(advises(&worse, today, today));
    // Half a point better is still "not lowered".
    let (slight, today) = six_weeks(|_| 4, |w| if w == 4 { 4 } else { 5 });
    assert!(
        advises(&slight, today, today),
        "half a point down is not an improvement"
    );
    let (by_one, _) = six_weeks(|_| 4, |w| if w < 2 { 5 } else { 4 });
    assert!(
        !advises(&by_one, today, today),
        "a full point down is an improvement"
    );
}

fn see_professional(h: &History, today: Date) -> Option<Notice> {
    week::summarize(h, &Profile::default(), today, today)
        .notices
        .into_iter()
        .find(|n| matches!(n, Notice::SeeProfessional { .. }))
}

#[test]
fn six_weeks_of_pain_that_kept_someone_from_exercising_also_advise_a_professional() {
    // No exercise at all, the same discomfort at every weekly check-in.
    let (resting, today) = six_weeks(|_| 0, |_| 5);
    let notice = see_professional(&resting, today).expect("advice");
    assert_eq!(
        notice,
        Notice::SeeProfessional {
            early_tenths: 50,
            late_tenths: 50,
            exercised: false,
        }
    );
    assert!(
        notice.text().contains("kept you from exercising"),
        "{}",
        notice.text()
    );
    assert!(notice.text().contains("healthcare professional"));
    // The same reading is offered to the coach for home and the check-in.
    assert_eq!(week::six_week_notice(&resting, today), Some(notice));
    // One irregular week: still advised, in the words for pain that kept them from it.
    let (irregular, today) = six_weeks(|w| if w == 2 { 1 } else { 4 }, |_| 5);
    assert!(matches!(
        see_professional(&irregular, today),
        Some(Notice::SeeProfessional {
            exercised: false,
            ..
        })
    ));
}

#[test]
fn the_six_week_rule_needs_remaining_discomfort_and_check_ins_six_weeks_apart() {
    let (improving, today) = six_weeks(|_| 3, |w| 6 - w as u8);
    assert!(!advises(&improving, today, today));
    let (pain_free, today) = six_weeks(|_| 3, |_| 0);
    assert!(!advises(&pain_free, today, today));
    // Too short a history: no check-in in the window's first two weeks.
    let (mut short, today) = six_weeks(|_| 3, |_| 5);
    let first = dates::add_days(dates::monday_of(today), -7 * 6);
    short
        .checkins
        .retain(|c| c.date >= dates::add_days(first, 14));
    assert!(!advises(&short, today, today));
    // Seen from the week before, the window is a week earlier (and incomplete).
    let (full, today) = six_weeks(|_| 3, |_| 5);
    assert!(advises(&full, dates::add_days(today, -7), today));
    // Three weeks earlier, its first two weeks hold no check-in at all.
    assert!(!advises(&full, dates::add_days(today, -21), today));
}

#[test]
fn the_last_safety_stop_is_a_notice_and_unreadable_files_are_listed() {
    let mon = monday();
    let stop = session(
        dates::add_days(mon, -10),
        SessionStatus::StoppedForSafety {
            reason: "pain shooting down a leg".into(),
        },
        3,
    );
    let mut h = history(vec![stop, done(mon)], vec![], vec![]);
    h.problems.push(backcoach::domain::FileProblem {
        path: "/data/history/2026-02.ron".into(),
        line: 3,
        col: 7,
        message: "Expected integer".into(),
    });
    let s = week::summarize(&h, &Profile::default(), mon, dates::add_days(mon, 2));
    assert!(matches!(&s.notices[0], Notice::SafetyStop { reason, .. } if reason.contains("leg")));
    let text = week::render_text(&s);
    assert!(text.contains("Last safety stop: Fri 6 Mar 2026"), "{text}");
    assert!(
        text.contains("/data/history/2026-02.ron:3:7: Expected integer"),
        "{text}"
    );
    // A week before the stop does not mention it, nor one more than eight weeks later.
    let stop_notice = |week_of| {
        week::summarize(&h, &Profile::default(), week_of, dates::add_days(mon, 80))
            .notices
            .iter()
            .any(|n| matches!(n, Notice::SafetyStop { .. }))
    };
    assert!(!stop_notice(dates::add_days(mon, -21)));
    assert!(stop_notice(dates::add_days(mon, 7 * 5)));
    assert!(!stop_notice(dates::add_days(mon, 7 * 6)));
}

#[test]
fn the_needed_range_is_eight_weeks_ending_on_sunday() {
    let (from, to) = week::needed_range(date(2026, 3, 19));
    assert_eq!(from, date(2026, 1, 26));
    assert_eq!(to, date(2026, 3, 22));
    assert_eq!(dates::monday_of(date(2027, 1, 3)), date(2026, 12, 28));
    assert_eq!(dates::monday_of(date(2026, 3, 16)), date(2026, 3, 16));
}

#[test]
fn a_month_that_becomes_unreadable_keeps_its_days_in_the_streak() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let first = date(2026, 1, 5);
    for w in 0..16 {
        for s in active_week(dates::add_days(first, 7 * w), 4) {
            store.save_session(&s).unwrap();
        }
    }
    // February's file is damaged; a late check-in for February is still saved (beside it).
    let feb = tmp.path().join("history/2026-02.ron");
    std::fs::write(&feb, "(sessions: [").unwrap();
    store.save_checkin(&checkin(date(2026, 2, 27), 2)).unwrap();
    let last = dates::add_days(first, 7 * 15);
    let today = dates::add_days(last, 7);
    let s = summary_through_store(&Store::open(tmp.path()).unwrap(), last, today);
    assert_eq!(s.streak.weeks, 16, "February's weeks still count");
    assert!(s.notices.is_empty(), "February is outside the weeks shown");
}

#[test]
fn an_unreadable_month_inside_the_shown_weeks_is_filled_in_from_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let first = date(2026, 1, 5);
    for w in 0..10 {
        for s in active_week(dates::add_days(first, 7 * w), 4) {
            store.save_session(&s).unwrap();
        }
    }
    std::fs::write(tmp.path().join("history/2026-02.ron"), "(sessions: [").unwrap();
    let last = dates::add_days(first, 7 * 9); // Monday 9 March
    let s = summary_through_store(&store, last, dates::add_days(last, 7));
    assert_eq!(s.streak.weeks, 10);
    let bars: Vec<u8> = s.recent_weeks.iter().map(|b| b.active_days).collect();
    assert_eq!(bars, [4; 8]);
    assert!(
        matches!(s.notices[..], [Notice::UnreadableFile(_)]),
        "{:?}",
        s.notices
    );
}
