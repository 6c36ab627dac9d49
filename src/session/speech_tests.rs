//! The phrase schedule on tokio's paused clock: which phrase at which
//! instant for a hold, a paced held-rep set, per side, rests and the end;
//! the next exercise prepared and announced before its get-ready; pause,
//! skip, mute and voice off.

use std::time::Duration;

use tokio::time::Instant;

use super::tests_support::{plan_of, planned, spoken};
use super::*;
use crate::catalog::DoseKind;
use crate::domain::Side;
use crate::plan::PlannedExercise;
use crate::profile::Pacing;

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn hold(id: &str, secs: u32) -> PlannedExercise {
    PlannedExercise {
        hold_s: secs,
        cue: "Long spine".into(),
        ..planned(id, DoseKind::Hold)
    }
}

fn held_reps(id: &str, reps: u32, hold: u32) -> PlannedExercise {
    PlannedExercise {
        reps,
        hold_s: hold,
        cue: "Heels down".into(),
        ..planned(id, DoseKind::RepsWithHold)
    }
}

/// Every effect of a run on the paused clock, with its offset from `t0`, as
/// the event loop drives it: sleep until the next wake, tick; press each key
/// at its offset; `Enter` answers the quick check after each exercise.
async fn run(
    session: &mut Session,
    t0: Instant,
    first: Vec<Effect>,
    until: Duration,
    keys: &[(Duration, Key)],
) -> Vec<(Duration, Effect)> {
    let mut out: Vec<(Duration, Effect)> = first.into_iter().map(|e| (Duration::ZERO, e)).collect();
    let mut keys = keys.to_vec();
    keys.sort_by_key(|(t, _)| *t);
    let mut keys = keys.into_iter().peekable();
    loop {
        let now = Instant::now();
        if now - t0 >= until || session.ending().is_some() {
            break;
        }
        // The quick check after an exercise is answered at once (`n`: on
        // with a dull ache, without its kind step).
        if matches!(
            session.view(now).modal,
            Some(ModalView::AfterExercise { .. })
        ) {
            let fx = session.key(Key::Char('n'), now);
            out.extend(fx.into_iter().map(|e| (now - t0, e)));
            continue;
        }
        let key_at = keys.peek().map(|(t, _)| t0 + *t);
        let next = match (session.next_wake(now), key_at) {
            (Some(w), Some(k)) => w.min(k),
            (Some(w), None) => w,
            (None, Some(k)) => k,
            // Waiting for a key this run does not press.
            (None, None) => break,
        };
        tokio::time::sleep_until(next.min(t0 + until)).await;
        let now = Instant::now();
        let mut fx = session.tick(now);
        while keys.peek().is_some_and(|(t, _)| t0 + *t <= now) {
            if let Some((_, key)) = keys.next() {
                fx.extend(session.key(key, now));
            }
        }
        out.extend(fx.into_iter().map(|e| (now - t0, e)));
    }
    out
}

/// The phrases said, at the instant each was due (checked to be the instant
/// the loop said it: on time, not late).
fn said(effects: &[(Duration, Effect)], t0: Instant) -> Vec<(Duration, Phrase)> {
    effects
        .iter()
        .filter_map(|(at, e)| match e {
            Effect::Say { phrase, due } => {
                assert_eq!(*due - t0, *at, "{phrase:?} said late");
                Some((*at, *phrase))
            }
            _ => None,
        })
        .collect()
}

fn intro(exercise: usize, side: Option<Side>, cue: bool, get_ready: bool) -> Phrase {
    Phrase::Intro {
        exercise,
        side,
        cue,
        get_ready,
    }
}

#[tokio::test(start_paused = true)]
async fn a_hold_is_introduced_counted_in_halved_and_counted_out() {
    let t0 = Instant::now();
    let (mut session, fx) = Session::new(plan_of(vec![hold("plank", 30)]), spoken(), t0);
    let effects = run(&mut session, t0, fx, s(60), &[]).await;
    assert_eq!(
        said(&effects, t0),
        vec![
            // The first exercise: 10 s to get down, its name and key cue once
            // the sound output runs.
            (FIRST_WORDS, intro(0, None, true, true)),
            (s(7), Phrase::Count(3)),
            (s(8), Phrase::Count(2)),
            (s(9), Phrase::Count(1)),
            (s(10), Phrase::Hold),
            (s(25), Phrase::Halfway),
            (s(37), Phrase::Count(3)),
            (s(38), Phrase::Count(2)),
            (s(39), Phrase::Count(1)),
            (s(40), Phrase::SessionComplete),
        ]
    );
    assert_eq!(
        speech::text(intro(0, None, true, true), session.plan()),
        "PLANK. Long spine. Get ready."
    );
}

#[tokio::test(start_paused = true)]
async fn a_paced_held_rep_set_is_said_rep_by_rep_with_no_key() {
    let t0 = Instant::now();
    let (mut session, fx) = Session::new(plan_of(vec![held_reps("bridge", 3, 12)]), spoken(), t0);
    let effects = run(&mut session, t0, fx, s(120), &[]).await;
    let rep = |rep| Phrase::RepStart { rep, target: 3 };
    assert_eq!(
        said(&effects, t0),
        vec![
            (FIRST_WORDS, intro(0, None, true, true)),
            (s(7), Phrase::Count(3)),
            (s(8), Phrase::Count(2)),
            (s(9), Phrase::Count(1)),
            // Each hold: its number, the count to its end, relax 3 s.
            (s(10), rep(1)),
            (s(19), Phrase::Count(3)),
            (s(20), Phrase::Count(2)),
            (s(21), Phrase::Count(1)),
            (s(22), Phrase::Relax),
            (s(25), rep(2)),
            (s(34), Phrase::Count(3)),
            (s(35), Phrase::Count(2)),
            (s(36), Phrase::Count(1)),
            (s(37), Phrase::Relax),
            (s(40), rep(3)),
            (s(49), Phrase::Count(3)),
            (s(50), Phrase::Count(2)),
            (s(51), Phrase::Count(1)),
            (s(52), Phrase::SessionComplete),
        ]
    );
    assert_eq!(speech::text(rep(1), session.plan()), "Hold. 1 of 3.");
    assert_eq!(speech::text(rep(3), session.plan()), "Hold. Last one.");
}

#[tokio::test(start_paused = true)]
async fn per_side_the_switch_is_said_and_the_count_kept_clear_of_it() {
    let t0 = Instant::now();
    let plank = PlannedExercise {
        per_side: true,
        ..hold("side-plank", 10)
    };
    let settings = Settings {
        get_ready: s(10),
        ..spoken()
    };
    let (mut session, fx) = Session::new(plan_of(vec![plank]), settings, t0);
    let effects = run(&mut session, t0, fx, s(60), &[]).await;
    assert_eq!(
        said(&effects, t0),
        vec![
            (FIRST_WORDS, intro(0, Some(Side::Left), true, true)),
            (s(7), Phrase::Count(3)),
            (s(8), Phrase::Count(2)),
            (s(9), Phrase::Count(1)),
            (s(10), Phrase::Hold),
            (s(17), Phrase::Count(3)),
            (s(18), Phrase::Count(2)),
            (s(19), Phrase::Count(1)),
            (s(20), Phrase::Relax),
            (
                s(20),
                Phrase::SwitchSides {
                    side: Side::Right,
                    get_ready: true
                }
            ),
            (s(27), Phrase::Count(3)),
            (s(28), Phrase::Count(2)),
            (s(29), Phrase::Count(1)),
            (s(30), Phrase::Hold),
            (s(37), Phrase::Count(3)),
            (s(38), Phrase::Count(2)),
            (s(39), Phrase::Count(1)),
            (s(40), Phrase::SessionComplete),
        ]
    );
    let plan = session.plan();
    assert_eq!(
        speech::text(intro(0, Some(Side::Left), true, true), plan),
        "SIDE-PLANK, left side. Long spine. Get ready."
    );
    assert_eq!(
        speech::text(
            Phrase::SwitchSides {
                side: Side::Right,
                get_ready: true
            },
            plan
        ),
        "Switch sides. Right side. Get ready."
    );
}

#[tokio::test(start_paused = true)]
async fn a_count_that_would_talk_over_the_switch_is_left_out() {
    // A 3 s get-ready after "Relax. Switch sides. Right side. Get ready."
    // (about 3.5 s together) leaves no room for "3, 2, 1".
    let t0 = Instant::now();
    let plank = PlannedExercise {
        per_side: true,
        ..hold("side-plank", 10)
    };
    let settings = Settings {
        get_ready: s(3),
        first_get_ready: Duration::ZERO,
        ..spoken()
    };
    let (mut session, fx) = Session::new(plan_of(vec![plank]), settings, t0);
    let effects = run(&mut session, t0, fx, s(60), &[]).await;
    let around_switch: Vec<_> = said(&effects, t0)
        .into_iter()
        .filter(|(t, _)| (s(13)..s(16)).contains(t))
        .collect();
    assert_eq!(
        around_switch,
        vec![
            (s(13), Phrase::Relax),
            (
                s(13),
                Phrase::SwitchSides {
                    side: Side::Right,
                    get_ready: true
                }
            ),
        ]
    );
    // The first introduction, with a 3 s countdown, leaves the key cue out
    // so the count is heard.
    let first = said(&effects, t0);
    assert_eq!(first[0], (s(0), intro(0, Some(Side::Left), false, true)));
}

#[tokio::test(start_paused = true)]
async fn a_rest_says_its_length_then_the_last_set_then_the_count() {
    let t0 = Instant::now();
    let plank = PlannedExercise {
        sets: 2,
        rest_s: 30,
        ..hold("plank", 10)
    };
    let (mut session, fx) = Session::new(plan_of(vec![plank]), spoken(), t0);
    let effects = run(&mut session, t0, fx, s(80), &[]).await;
    let rest: Vec<_> = said(&effects, t0)
        .into_iter()
        .filter(|(t, _)| (s(20)..=s(50)).contains(t))
        .collect();
    assert_eq!(
        rest,
        vec![
            (s(20), Phrase::Relax),
            (s(20), Phrase::Rest { secs: 30 }),
            (
                s(44),
                Phrase::Set {
                    set: 2,
                    sets: 2,
                    side: None,
                    get_ready: false
                }
            ),
            (s(47), Phrase::Count(3)),
            (s(48), Phrase::Count(2)),
            (s(49), Phrase::Count(1)),
            // Straight into the hold: the rest was the time to get ready.
            (s(50), Phrase::Hold),
        ]
    );
    let plan = session.plan();
    assert_eq!(
        speech::text(Phrase::Rest { secs: 30 }, plan),
        "Rest, 30 seconds."
    );
    assert_eq!(
        speech::text(
            Phrase::Set {
                set: 2,
                sets: 2,
                side: None,
                get_ready: false
            },
            plan
        ),
        "Last set."
    );
}

#[tokio::test(start_paused = true)]
async fn the_next_exercise_is_prepared_and_announced_before_its_get_ready() {
    let t0 = Instant::now();
    let plan = plan_of(vec![hold("plank", 10), hold("bird-dog", 10)]);
    let (mut session, fx) = Session::new(plan, spoken(), t0);
    // The next exercise's words are asked for as the session starts.
    assert!(fx.contains(&Effect::PrepareVoice { exercise: 0 }), "{fx:?}");
    assert!(fx.contains(&Effect::PrepareVoice { exercise: 1 }), "{fx:?}");
    let effects = run(&mut session, t0, fx, s(60), &[]).await;
    let position = |wanted: &dyn Fn(&Effect) -> bool| {
        effects
            .iter()
            .position(|(_, e)| wanted(e))
            .expect("the effect is there")
    };
    let announced = position(&|e| {
        matches!(
            e,
            Effect::Say {
                phrase: Phrase::Next { exercise: 1, .. },
                ..
            }
        )
    });
    let second_get_ready = effects
        .iter()
        .enumerate()
        .filter(|(_, (_, e))| *e == Effect::Flash(Banner::GetReady))
        .map(|(i, _)| i)
        .nth(1)
        .expect("the second exercise's get-ready");
    let introduced = position(&|e| {
        matches!(
            e,
            Effect::Say {
                phrase: Phrase::Intro { exercise: 1, .. },
                ..
            }
        )
    });
    assert!(announced < second_get_ready && second_get_ready < introduced);
    // Announced as the plank ends (20 s), before the quick check is answered.
    assert_eq!(effects[announced].0, s(20));
    assert_eq!(
        speech::text(
            Phrase::Next {
                exercise: 1,
                side: None
            },
            session.plan()
        ),
        "Next: BIRD-DOG. Long spine."
    );
    // The second exercise gets the 5 s get-ready, not the first one's 10.
    let said = said(&effects, t0);
    let hold_at = |n: usize| {
        said.iter()
            .filter(|(_, p)| *p == Phrase::Hold)
            .nth(n)
            .map(|(t, _)| *t)
    };
    assert_eq!(hold_at(1), Some(s(25)));
}

/// Two phrases due at one instant make the second wait for the first (the
/// voice never talks over itself): at the end of a session only "Session
/// complete" is said, not "Relax." before it.
#[tokio::test(start_paused = true)]
async fn the_session_s_end_is_one_phrase_not_two_at_once() {
    for plan in [
        plan_of(vec![hold("plank", 30)]),
        plan_of(vec![held_reps("bridge", 3, 12)]),
    ] {
        let t0 = Instant::now();
        let (mut session, fx) = Session::new(plan, spoken(), t0);
        let effects = run(&mut session, t0, fx, s(200), &[]).await;
        let said = said(&effects, t0);
        let mut at_once = said.windows(2).filter(|w| w[0].0 == w[1].0);
        assert!(at_once.next().is_none(), "{said:?}");
        assert_eq!(said.last().map(|(_, p)| *p), Some(Phrase::SessionComplete));
    }
}

#[tokio::test(start_paused = true)]
async fn a_pause_moves_every_phrase_by_its_length() {
    let t0 = Instant::now();
    let (mut session, fx) = Session::new(plan_of(vec![hold("plank", 30)]), spoken(), t0);
    let keys = [(s(3), Key::Char('p')), (s(10), Key::Char('p'))];
    let effects = run(&mut session, t0, fx, s(80), &keys).await;
    let times: Vec<_> = said(&effects, t0).into_iter().map(|(t, _)| t).collect();
    // The same script as without the pause, 7 s later from the pause on.
    assert_eq!(
        times,
        [2, 14, 15, 16, 17, 32, 44, 45, 46, 47].map(s).to_vec()
    );
}

#[tokio::test(start_paused = true)]
async fn a_skip_cancels_what_was_left_to_say() {
    let t0 = Instant::now();
    let plan = plan_of(vec![hold("plank", 30), hold("bird-dog", 10)]);
    let (mut session, fx) = Session::new(plan, spoken(), t0);
    // `n` 2 s into the 30 s hold (too soon to count: no quick check).
    let keys = [(s(12), Key::Char('n'))];
    let effects = run(&mut session, t0, fx, s(60), &keys).await;
    let after: Vec<_> = said(&effects, t0)
        .into_iter()
        .filter(|(t, _)| *t >= s(10))
        .collect();
    // Nothing more of the plank ("Halfway." at 25 s, its count at 37 s): the
    // bird dog's own script from 12 s.
    assert_eq!(
        after,
        vec![
            (s(10), Phrase::Hold),
            (s(12), intro(1, None, false, true)),
            (s(14), Phrase::Count(3)),
            (s(15), Phrase::Count(2)),
            (s(16), Phrase::Count(1)),
            (s(17), Phrase::Hold),
            (s(24), Phrase::Count(3)),
            (s(25), Phrase::Count(2)),
            (s(26), Phrase::Count(1)),
            (s(27), Phrase::SessionComplete),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn muted_or_with_the_voice_off_nothing_is_said() {
    let plan = plan_of(vec![
        hold("plank", 30),
        held_reps("bridge", 3, 12),
        PlannedExercise {
            reps: 3,
            ..planned("squat", DoseKind::Reps)
        },
    ]);
    for settings in [
        Settings {
            muted: true,
            ..spoken()
        },
        Settings {
            voice: false,
            ..spoken()
        },
        Settings {
            voice_locked: true,
            ..spoken()
        },
    ] {
        let t0 = Instant::now();
        let (mut session, fx) = Session::new(plan.clone(), settings.clone(), t0);
        let keys: Vec<(Duration, Key)> = (0..6).map(|i| (s(120 + i), Key::Space)).collect();
        let effects = run(&mut session, t0, fx, s(400), &keys).await;
        assert_eq!(
            session.ending(),
            Some(&Ending::Completed),
            "{:?} at {:?}",
            session.view(Instant::now()).readout,
            Instant::now() - t0
        );
        assert_eq!(said(&effects, t0), vec![], "{settings:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn v_and_m_silence_the_voice_from_that_moment() {
    let t0 = Instant::now();
    let (mut session, fx) = Session::new(plan_of(vec![hold("plank", 30)]), spoken(), t0);
    let keys = [
        (s(12), Key::Char('v')),
        (s(20), Key::Char('v')),
        (s(30), Key::Char('m')),
    ];
    let effects = run(&mut session, t0, fx, s(60), &keys).await;
    let times: Vec<_> = said(&effects, t0).into_iter().map(|(t, _)| t).collect();
    // Up to "Hold." at 10 s; back on for "Halfway." at 25 s; muted from 30 s.
    assert_eq!(times, [2, 7, 8, 9, 10, 25].map(s).to_vec());
    assert!(!session.voice() || session.muted());
}

#[test]
fn v_in_a_run_without_voice_says_so_and_stays_off() {
    let t0 = Instant::now();
    let settings = Settings {
        voice_locked: true,
        ..spoken()
    };
    let (mut session, _) = Session::new(plan_of(vec![hold("plank", 30)]), settings, t0);
    let fx = session.key(Key::Char('v'), t0 + s(1));
    assert!(fx.contains(&Effect::Flash(Banner::VoiceOffForRun)));
    assert!(!session.voice());
    assert!(!session.view(t0 + s(1)).voice);
}

#[test]
fn the_safety_stop_speaks_its_first_sentence_after_the_alert_unless_muted() {
    for muted in [false, true] {
        let t0 = Instant::now();
        let settings = Settings { muted, ..spoken() };
        let (mut session, _) = Session::new(plan_of(vec![hold("plank", 30)]), settings, t0);
        let fx = session.key(Key::Char('s'), t0 + s(12));
        let alert = fx
            .iter()
            .position(|e| *e == Effect::Sound(Cue::SafetyAlert))
            .expect("the alert sounds, muted or not");
        let sentence = fx.iter().position(|e| {
            matches!(
                e,
                Effect::Say {
                    phrase: Phrase::SafetyStop,
                    ..
                }
            )
        });
        if muted {
            assert_eq!(sentence, None);
        } else {
            assert!(sentence.is_some_and(|i| i > alert), "{fx:?}");
        }
    }
    let plan = plan_of(vec![]);
    assert_eq!(
        speech::text(Phrase::SafetyStop, &plan),
        "Stopped for safety. Stop exercising for today."
    );
}

#[tokio::test(start_paused = true)]
async fn slow_cycles_are_breathed_in_and_out_aloud() {
    let t0 = Instant::now();
    let cycles = PlannedExercise {
        reps: 2,
        pace_s: 8,
        ..planned("cat-cow", DoseKind::Cycles)
    };
    let (mut session, fx) = Session::new(plan_of(vec![cycles]), spoken(), t0);
    let effects = run(&mut session, t0, fx, s(60), &[]).await;
    let breath: Vec<_> = said(&effects, t0)
        .into_iter()
        .filter(|(t, _)| *t >= s(10))
        .collect();
    assert_eq!(
        breath,
        vec![
            (
                s(10),
                Phrase::BreatheIn {
                    cycle: 1,
                    cycles: 2
                }
            ),
            (s(14), Phrase::BreatheOut),
            (
                s(18),
                Phrase::BreatheIn {
                    cycle: 2,
                    cycles: 2
                }
            ),
            (s(22), Phrase::BreatheOut),
            (s(26), Phrase::SessionComplete),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn counted_reps_are_said_as_they_are_counted() {
    let t0 = Instant::now();
    let squats = PlannedExercise {
        reps: 3,
        ..planned("squat", DoseKind::Reps)
    };
    // Counted with Space (no metronome): no get-ready, the count is said on each press.
    let (mut session, fx) = Session::new(plan_of(vec![squats]), spoken(), t0);
    let keys = [(s(2), Key::Space), (s(5), Key::Space), (s(9), Key::Space)];
    let effects = run(&mut session, t0, fx, s(20), &keys).await;
    let count = |done| Phrase::RepCount { done, target: 3 };
    assert_eq!(
        said(&effects, t0),
        vec![
            (s(0), intro(0, None, true, false)),
            (s(2), count(1)),
            (s(5), count(2)),
            (s(9), count(3)),
            (s(9), Phrase::SessionComplete),
        ]
    );
    assert_eq!(speech::text(count(2), session.plan()), "2. Last one.");
    let _ = ms(0);
}

#[test]
fn estimates_err_long_of_what_espeak_ng_takes() {
    // Measured with espeak-ng -s 160 (audible part): 0.46 s, 1.55 s, 4.46 s.
    for (text, measured) in [
        ("Hold.", ms(460)),
        ("Hold. 4 of 8.", ms(1550)),
        (
            "Bird dog, left side. Long and level, no tipping. Get ready.",
            ms(4460),
        ),
    ] {
        let e = speech::estimated(text);
        assert!(
            e >= measured.mul_f32(0.85) && e <= measured.mul_f32(1.5),
            "{text}: {e:?}"
        );
    }
}

mod property {
    use super::*;
    use proptest::prelude::*;

    fn arb_exercise() -> impl Strategy<Value = PlannedExercise> {
        (
            0usize..5,
            any::<bool>(),
            1u32..=3,
            1u32..=4,
            1u32..=25,
            0u32..=20,
        )
            .prop_map(|(kind, per_side, sets, reps, secs, rest)| {
                let kind = [
                    DoseKind::Hold,
                    DoseKind::Reps,
                    DoseKind::RepsWithHold,
                    DoseKind::Cycles,
                    DoseKind::Duration,
                ][kind];
                PlannedExercise {
                    per_side,
                    sets,
                    reps,
                    hold_s: secs,
                    duration_s: secs,
                    pace_s: 4,
                    rest_s: rest,
                    ..planned("x", kind)
                }
            })
    }

    fn arb_key() -> impl Strategy<Value = Key> {
        prop_oneof![
            Just(Key::Space),
            Just(Key::Char('n')),
            Just(Key::Char('b')),
            Just(Key::Char('p')),
            Just(Key::Char('v')),
            Just(Key::Char('+')),
            Just(Key::Enter),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the keys, every phrase said is in the book the audio
        /// edge was handed at the start, so it was rendered ahead.
        #[test]
        fn every_phrase_said_is_in_the_session_book(
            exercises in proptest::collection::vec(arb_exercise(), 1..4),
            keys in proptest::collection::vec((arb_key(), 0u64..20_000), 0..40),
            paced in any::<bool>(),
            metronome in any::<bool>(),
        ) {
            let settings = Settings {
                pace: Pace {
                    pacing: if paced { Pacing::Paced } else { Pacing::Manual },
                    metronome,
                },
                ..spoken()
            };
            let t0 = Instant::now();
            let (mut session, mut fx) = Session::new(plan_of(exercises), settings, t0);
            let book: Vec<Phrase> = session.phrase_book().into_iter().map(|e| e.phrase).collect();
            let mut now = t0;
            for (key, gap) in keys {
                now += Duration::from_millis(gap);
                fx.extend(session.tick(now));
                fx.extend(session.key(key, now));
            }
            for _ in 0..2_000 {
                match session.next_deadline() {
                    Some(t) => fx.extend(session.tick(t)),
                    None if session.ending().is_none() => {
                        // Waiting for a key: answer a prompt, start a rep, or resume.
                        now = session.last_now + Duration::from_secs(1);
                        let key = if session.view(now).paused { Key::Char('p') } else { Key::Space };
                        fx.extend(session.key(key, now));
                    }
                    None => break,
                }
            }
            for e in &fx {
                if let Effect::Say { phrase, .. } = e {
                    prop_assert!(book.contains(phrase), "{:?} is not in the book", phrase);
                }
            }
        }
    }
}

#[test]
fn the_next_sound_is_known_ahead_so_the_output_can_be_open_by_then() {
    let t0 = Instant::now();
    let (mut session, _) = Session::new(plan_of(vec![hold("plank", 30)]), spoken(), t0);
    // The introduction, 2 s in.
    assert_eq!(session.next_sound(), Some(t0 + FIRST_WORDS));
    session.tick(t0 + FIRST_WORDS);
    // Then "3" of the count (and its tick) at 7 s.
    assert_eq!(session.next_sound(), Some(t0 + s(7)));
    session.key(Key::Char('p'), t0 + s(4));
    assert_eq!(session.next_sound(), None, "paused: nothing will sound");
    session.key(Key::Char('p'), t0 + s(5));
    assert_eq!(session.next_sound(), Some(t0 + s(8)));
    session.key(Key::Char('m'), t0 + s(5));
    assert_eq!(session.next_sound(), None, "muted: nothing will sound");
}
