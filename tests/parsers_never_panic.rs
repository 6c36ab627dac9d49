//! No input a user or the disk can give makes a parser panic: mutated
//! catalogs, arbitrary text, and damaged history files.

use backcoach::catalog::{self, BUILTIN_SOURCE};
use backcoach::store::Store;
use jiff::civil::Date;
use proptest::prelude::*;

/// A mutation of a valid source: cut it short, or splice arbitrary text into it.
fn mutated(source: &'static str) -> impl Strategy<Value = String> {
    let len = source.len();
    prop_oneof![
        (0..len).prop_map(move |cut| source[..floor_char(source, cut)].to_string()),
        (0..len, 0usize..40, ".{0,12}").prop_map(move |(at, drop, insert)| {
            let start = floor_char(source, at);
            let end = floor_char(source, (at + drop).min(len));
            format!("{}{}{}", &source[..start], insert, &source[end..])
        }),
        (
            0..len,
            prop::sample::select(vec![
                "0",
                "-1",
                "(",
                ")",
                "\"",
                "[]",
                "99999999999",
                "Some(",
                "//",
                "/*",
                "\\"
            ])
        )
            .prop_map(move |(at, insert)| {
                let at = floor_char(source, at);
                format!("{}{}{}", &source[..at], insert, &source[at..])
            }),
    ]
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_mutated_catalog_never_panics(source in mutated(BUILTIN_SOURCE)) {
        match catalog::parse(&source, "catalog.ron") {
            Ok(c) => prop_assert!(!c.exercises.is_empty() || !c.routines.is_empty() || source.contains("exercises")),
            Err(e) => prop_assert!(e.to_string().starts_with("catalog.ron")),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(source in ".{0,400}") {
        let _ = catalog::parse(&source, "x.ron");
    }

    #[test]
    fn a_damaged_month_file_never_panics_and_is_left_untouched(text in ".{0,300}") {
        let dir = tempfile::tempdir().expect("dir");
        let history = dir.path().join("history");
        std::fs::create_dir_all(&history).expect("mkdir");
        let month = history.join("2026-11.ron");
        std::fs::write(&month, &text).expect("write");
        let store = Store::open(dir.path()).expect("store");
        let loaded = store.load(Date::constant(2026, 11, 1), Date::constant(2026, 11, 30));
        for p in &loaded.problems {
            prop_assert!(p.to_string().contains("2026-11.ron"));
        }
        prop_assert_eq!(std::fs::read_to_string(&month).expect("read"), text);
    }
}
