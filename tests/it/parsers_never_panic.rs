//! No input a user or the disk can give makes a parser panic: mutated
//! catalogs, arbitrary text, and damaged history files.

use backcoach::catalog::{self, BUILTIN_SOURCE, CatalogError};
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

/// Whatever `parse` returns keeps its promises: a catalog it accepts passed
/// validation (every routine item names an exercise it holds, every
/// alternative exists); an error names the file, and a syntax error a
/// position inside the text.
fn check_outcome(source: &str, origin: &str) -> Result<(), TestCaseError> {
    match catalog::parse(source, origin) {
        Ok(c) => {
            for r in &c.routines {
                for item in &r.items {
                    prop_assert!(c.exercise(&item.exercise).is_some(), "{}", item.exercise);
                }
            }
            for e in &c.exercises {
                if let Some(alt) = &e.alternative {
                    prop_assert!(c.exercise(alt).is_some(), "{alt}");
                }
            }
        }
        Err(CatalogError::Syntax { line, col, .. }) => {
            prop_assert!(line >= 1 && col >= 1);
            prop_assert!(line <= source.lines().count() + 1, "line {line}");
        }
        Err(e) => prop_assert!(e.to_string().starts_with(origin), "{e}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_mutated_catalog_never_panics(source in mutated(BUILTIN_SOURCE)) {
        check_outcome(&source, "catalog.ron")?;
    }

    #[test]
    fn arbitrary_text_never_panics(source in ".{0,400}") {
        check_outcome(&source, "x.ron")?;
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
