//! Whatever text a routine name, a stop reason or a rating decision holds
//! (quotes, brackets, line breaks, any Unicode), it comes back from the
//! files unchanged.

use crate::support::records::*;
use backcoach::domain::*;
use backcoach::store::Store;
use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"()\\[\\]{},:\\\\\n\r\t a-z]{0,20}",
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn sessions_with_any_text_round_trip(
        name in text(),
        reason in text(),
        decision in text(),
        value in 0u8..=10,
        secs in 0i64..86_400,
        reps in proptest::collection::vec(0u32..1000, 0..6),
        stopped in any::<bool>(),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let d = date(2026, 3, 18);
        let mut s = session(d, SessionStatus::Completed, 12);
        s.routine_name = name;
        s.started = Timestamp::from_second(at(d, 0, 0).as_second() + secs).unwrap();
        s.exercises[0].reps_done = reps;
        if stopped {
            s.status = SessionStatus::StoppedForSafety { reason };
        }
        s.ratings.push(Rating {
            at: s.started,
            value,
            kind: DiscomfortKind::Stretch,
            moment: RatingMoment::During,
            exercise_id: None,
            set: Some(1),
            side: Some(Side::Left),
            decision: Some(decision.into()),
        });
        let mut store = Store::open(tmp.path()).unwrap();
        store.save_session(&s).unwrap();
        let back = Store::open(tmp.path()).unwrap().load(d, d);
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(back.sessions, vec![s]);
    }
}
