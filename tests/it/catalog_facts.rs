//! Every number of the built-in catalog against the facts table
//! (`facts.rs` beside this file): each row's numbers, the guide's words they come
//! from, or why they are backcoach's own, which the catalog must then mark
//! (`ours`) so that the screens say so.
//!
//! The proof that the table pins every number: change each number of
//! `catalog.ron` in turn, in memory, and the table check must fail each time.

mod facts;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use backcoach::catalog::{
    self, Amount, BUILTIN_SOURCE, Catalog, Dose, DoseKind, Exercise, ExerciseOwn, Frequency, Range,
    Routine, RoutineItem, RoutineOwn,
};
use facts::{FACTS, Fact, Key, Said};

fn range(r: Range) -> String {
    if r.0 == r.1 {
        r.0.to_string()
    } else {
        format!("{}–{}", r.0, r.1)
    }
}

/// The dose numbers of an item or exercise: `sets 2, reps 8–10, hold 12–20 s`.
fn dose_numbers(
    parts: &mut Vec<String>,
    sets: Range,
    reps: Option<Range>,
    hold_s: Option<Range>,
    duration_s: Option<Range>,
) {
    parts.push(format!("sets {}", range(sets)));
    parts.extend(reps.map(|r| format!("reps {}", range(r))));
    parts.extend(hold_s.map(|r| format!("hold {} s", range(r))));
    parts.extend(duration_s.map(|r| format!("duration {} s", range(r))));
}

/// Every number of an exercise, as the table writes it. The destructuring
/// names every field, so a new field fails to compile here until it is
/// written out too.
fn exercise_numbers(e: &Exercise) -> String {
    let Exercise {
        id: _,
        name: _,
        aliases: _,
        category: _,
        targets: _,
        equipment: _,
        position: _,
        dose,
        start,
        steps: _,
        cue: _,
        cautions: _,
        loading: _,
        level: _,
        alternative: _,
        harder: _,
        switch_if_worse: _,
        ours: _,
        sources: _,
        // A drawing's angles, not a dose: no guide gives them.
        figure: _,
    } = e;
    let Dose {
        kind,
        per_side,
        sets,
        reps,
        hold_s,
        duration_s,
        pace_s,
        rest_s,
    } = dose;
    let kind = match kind {
        DoseKind::Reps => "reps",
        DoseKind::Hold => "hold",
        DoseKind::RepsWithHold => "reps+hold",
        DoseKind::Cycles => "cycles",
        DoseKind::Duration => "duration",
    };
    let side = if *per_side { " a side" } else { "" };
    let mut parts = vec![format!("{kind}{side}")];
    dose_numbers(&mut parts, *sets, *reps, *hold_s, *duration_s);
    parts.extend(pace_s.map(|p| format!("pace {p} s")));
    parts.extend(rest_s.map(|r| format!("rest {} s", range(r))));
    let mut text = parts.join(", ");
    if let Some(Amount {
        sets,
        reps,
        hold_s,
        duration_s,
    }) = start
    {
        let mut start = Vec::new();
        start.extend(sets.map(|n| format!("sets {n}")));
        start.extend(reps.map(|n| format!("reps {n}")));
        start.extend(hold_s.map(|n| format!("hold {n} s")));
        start.extend(duration_s.map(|n| format!("duration {n} s")));
        text.push_str(&format!("; start {}", start.join(", ")));
    }
    text
}

/// Every number of a routine itself (its items have their own rows).
fn routine_numbers(r: &Routine) -> String {
    let Routine {
        id: _,
        name: _,
        summary: _,
        minutes,
        frequency,
        intense,
        rest_s,
        warm_up: _,
        items: _,
        ours: _,
        sources: _,
    } = r;
    let Frequency {
        days_per_week,
        times_per_day,
        min_hours_between,
    } = frequency;
    let mut parts = vec![
        format!("{} min", range(*minutes)),
        format!("{} days a week", range(*days_per_week)),
    ];
    parts.extend(times_per_day.map(|t| format!("{} a day", range(t))));
    parts.extend(min_hours_between.map(|h| format!("{h} h apart")));
    parts.push(match rest_s {
        Some(rest) => format!("rest {} s", range(*rest)),
        None => format!("rest {} s (default)", range(r.rest())),
    });
    if *intense {
        parts.push("intense".into());
    }
    parts.join(", ")
}

/// The numbers a session runs for one item: the routine's where it gives
/// them, its exercise's usual ones otherwise.
fn item_numbers(r: &Routine, item: &RoutineItem, e: &Exercise) -> String {
    let RoutineItem {
        exercise: _,
        part: _,
        sets: _,
        reps: _,
        hold_s: _,
        duration_s: _,
        rest_s,
        note: _,
    } = item;
    let dose = r.item_dose(item, e);
    let mut parts = Vec::new();
    dose_numbers(
        &mut parts,
        dose.sets,
        dose.reps,
        dose.hold_s,
        dose.duration_s,
    );
    parts.extend(rest_s.map(|r| format!("rest {} s", range(r))));
    parts.join(", ")
}

fn ours_tags(said: &[Said]) -> BTreeSet<&'static str> {
    said.iter()
        .filter_map(|s| match s {
            Said::Ours(what, _) => Some(*what),
            Said::G(..) => None,
        })
        .collect()
}

fn exercise_own_tag(own: ExerciseOwn) -> &'static str {
    match own {
        ExerciseOwn::Dose => "dose",
        ExerciseOwn::Pace => "pace",
        ExerciseOwn::Hold => "hold",
    }
}

fn routine_own_tag(own: RoutineOwn) -> &'static str {
    match own {
        RoutineOwn::Minutes => "minutes",
        RoutineOwn::Days => "days",
    }
}

/// A key in words, for messages: `exercise bridge`, `item daily / bridge`.
fn named(key: Key<'_>) -> String {
    match key {
        ("item", routine, exercise) => format!("item {routine} / {exercise}"),
        (what, id, _) => format!("{what} {id}"),
    }
}

/// Every way `catalog` differs from the facts table, in words; empty when the
/// two agree on every number and on what is backcoach's own.
fn check<'c>(catalog: &'c Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    let mut rows: HashMap<Key<'c>, &Fact> = HashMap::new();
    for fact in FACTS {
        let key = fact.subject.key();
        if rows.insert(key, fact).is_some() {
            problems.push(format!("{}: two rows", named(key)));
        }
        if fact.said.is_empty() {
            problems.push(format!(
                "{}: the row does not say where its numbers come from",
                named(key)
            ));
        }
    }
    let mut seen: Vec<Key<'c>> = Vec::new();
    let mut compare = |key: Key<'c>, numbers: String, problems: &mut Vec<String>| {
        seen.push(key);
        let fact = rows.get(&key).copied();
        match fact {
            None => problems.push(format!(
                "{}: no row in the facts table (numbers: {numbers})",
                named(key)
            )),
            Some(fact) if fact.numbers != numbers => problems.push(format!(
                "{}: the catalog says {numbers:?}, the facts table {:?}",
                named(key),
                fact.numbers
            )),
            Some(_) => {}
        }
        fact
    };
    for e in &catalog.exercises {
        let key = ("exercise", e.id.as_str(), "");
        if let Some(fact) = compare(key, exercise_numbers(e), &mut problems) {
            let marked: BTreeSet<_> = e.ours.iter().map(|o| exercise_own_tag(*o)).collect();
            if marked != ours_tags(fact.said) {
                problems.push(format!(
                    "{}: the catalog marks {marked:?} as backcoach's own, the table {:?}",
                    named(key),
                    ours_tags(fact.said)
                ));
            }
            let from_a_guide = fact.said.iter().any(|s| matches!(s, Said::G(..)));
            if !from_a_guide && !e.ours.contains(&ExerciseOwn::Dose) {
                problems.push(format!(
                    "{}: no guide's words, yet not marked `ours: [Dose]`",
                    named(key)
                ));
            }
        }
    }
    for r in &catalog.routines {
        let key = ("routine", r.id.as_str(), "");
        if let Some(fact) = compare(key, routine_numbers(r), &mut problems) {
            let mut marked: BTreeSet<_> = r.ours.iter().map(|o| routine_own_tag(*o)).collect();
            if r.rest_s.is_none() {
                marked.insert("rest");
            }
            if marked != ours_tags(fact.said) {
                problems.push(format!(
                    "{}: backcoach's own numbers are {marked:?} in the catalog, {:?} in the table",
                    named(key),
                    ours_tags(fact.said)
                ));
            }
        }
        for item in &r.items {
            let Some(e) = catalog.exercise(&item.exercise) else {
                problems.push(format!(
                    "routine {}: unknown exercise {}",
                    r.id, item.exercise
                ));
                continue;
            };
            let key = ("item", r.id.as_str(), item.exercise.as_str());
            if let Some(fact) = compare(key, item_numbers(r, item, e), &mut problems) {
                let ours = ours_tags(fact.said).contains("dose");
                if ours != r.item_dose_is_ours(item, e) {
                    problems.push(format!(
                        "{}: the table says the dose is {}backcoach's own, the catalog the opposite",
                        named(key),
                        if ours { "" } else { "not " }
                    ));
                }
            }
        }
    }
    for fact in FACTS {
        if !seen.contains(&fact.subject.key()) {
            problems.push(format!(
                "{}: a row for something the catalog does not hold",
                named(fact.subject.key())
            ));
        }
    }
    problems
}

#[test]
fn every_number_of_the_catalog_is_in_the_facts_table() {
    let catalog = catalog::builtin_from_text().expect("the built-in catalog");
    let problems = check(&catalog);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Where each integer literal of a RON text sits (not in a string, not in a
/// comment, not in an exercise's `figure`: a drawing's angles are no dose),
/// with its value.
fn numbers_in(source: &str) -> Vec<(usize, usize, u64)> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(end) = figure_end(bytes, i) {
            i = end;
            continue;
        }
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'0'..=b'9' => {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                let glued = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
                let alone = (start == 0 || !glued(bytes[start - 1]))
                    && (i == bytes.len() || !glued(bytes[i]));
                if alone {
                    let value = source[start..i].parse().expect("digits");
                    found.push((start, i, value));
                }
            }
            _ => i += 1,
        }
    }
    found
}

/// Past the closing parenthesis when a `figure: ( … )` field starts at `i`.
fn figure_end(bytes: &[u8], i: usize) -> Option<usize> {
    const KEY: &[u8] = b"figure:";
    let glued = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    if glued || !bytes[i..].starts_with(KEY) {
        return None;
    }
    let open = i + KEY.len() + bytes[i + KEY.len()..].iter().position(|&b| b == b'(')?;
    let mut depth = 0usize;
    for (k, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn parse_unchecked(source: &str) -> Catalog {
    catalog::ron_options()
        .from_str(source)
        .unwrap_or_else(|e| panic!("the mutated catalog does not parse: {e}"))
}

#[test]
fn changing_any_single_number_of_catalog_ron_fails_the_facts_check() {
    let numbers = numbers_in(BUILTIN_SOURCE);
    // Every dose, start, routine item, length and frequency: hundreds of them.
    assert!(numbers.len() > 400, "only {} numbers found", numbers.len());
    assert!(check(&parse_unchecked(BUILTIN_SOURCE)).is_empty());
    let mut missed = Vec::new();
    for (start, end, value) in numbers {
        let mutated = format!(
            "{}{}{}",
            &BUILTIN_SOURCE[..start],
            value + 1,
            &BUILTIN_SOURCE[end..]
        );
        if check(&parse_unchecked(&mutated)).is_empty() {
            let line = BUILTIN_SOURCE[..start].lines().count();
            missed.push(format!("catalog.ron:{line}: {value} → {}", value + 1));
        }
    }
    assert!(
        missed.is_empty(),
        "numbers the facts table does not pin:\n{}",
        missed.join("\n")
    );
}

/// The two changes the issue named, which used to fail no test.
#[test]
fn the_issue_s_examples_are_caught() {
    let mut catalog = catalog::builtin_from_text().expect("catalog");
    let mini = catalog
        .routines
        .iter_mut()
        .find(|r| r.id == "mini-workout")
        .expect("mini workout");
    let squat = mini
        .items
        .iter_mut()
        .find(|i| i.exercise == "bodyweight-squat")
        .expect("squat");
    squat.sets = Some(Range(4, 4));
    squat.reps = Some(Range(20, 30));
    let problems = check(&catalog);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("item mini-workout / bodyweight-squat:")),
        "{problems:?}"
    );

    let mut catalog = catalog::builtin_from_text().expect("catalog");
    let hamstring = catalog
        .exercises
        .iter_mut()
        .find(|e| e.id == "hamstring-stretch")
        .expect("hamstring stretch");
    hamstring.dose.hold_s = Some(Range(5, 10));
    let problems = check(&catalog);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("exercise hamstring-stretch:")),
        "{problems:?}"
    );
}

/// Unmarking an own dose, or marking a guide's dose as ours, fails too.
#[test]
fn what_is_ours_must_be_marked_and_only_that() {
    let mut catalog = catalog::builtin_from_text().expect("catalog");
    let hinge = catalog
        .exercises
        .iter_mut()
        .find(|e| e.id == "hip-hinge")
        .expect("hip hinge");
    hinge.ours.clear();
    assert!(!check(&catalog).is_empty());
    let mut catalog = catalog::builtin_from_text().expect("catalog");
    let bridge = catalog
        .exercises
        .iter_mut()
        .find(|e| e.id == "bird-dog")
        .expect("bird dog");
    bridge.ours.push(ExerciseOwn::Dose);
    assert!(!check(&catalog).is_empty());
    let mut catalog = catalog::builtin_from_text().expect("catalog");
    let gym = catalog
        .routines
        .iter_mut()
        .find(|r| r.id == "gym-back-day")
        .expect("gym day");
    gym.rest_s = None;
    assert!(
        !check(&catalog).is_empty(),
        "a default rest must be marked as ours"
    );
}

// ------------------------------------------------------------------ the guides' words

/// Where the guides are: `BACKCOACH_GUIDES`, else `../shared/guides` beside
/// the repository; `None` when neither exists (the words cannot be checked).
fn guides_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("BACKCOACH_GUIDES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/guides"));
    dir.is_dir().then_some(dir)
}

/// Quotes and guide texts compared alike: straight quotes, single spaces.
fn normalize(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each guide's text by short id, read through the catalog's own list.
fn guide_texts() -> Option<HashMap<String, String>> {
    let dir = guides_dir()?;
    let catalog = catalog::builtin().expect("catalog");
    let texts = catalog
        .guides
        .iter()
        .map(|g| {
            let file = g
                .file
                .as_deref()
                .expect("every built-in guide names its file");
            let text =
                std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            (g.id.clone(), normalize(&text))
        })
        .collect();
    Some(texts)
}

#[test]
fn every_quote_of_the_facts_table_is_in_its_guide() {
    let Some(texts) = guide_texts() else {
        eprintln!(
            "the guides are not at ../shared/guides (set BACKCOACH_GUIDES): quotes not checked"
        );
        return;
    };
    let mut wrong = Vec::new();
    for fact in FACTS {
        for said in fact.said {
            if let Said::G(id, words) = said {
                match texts.get(*id) {
                    None => wrong.push(format!("{:?}: no guide {id}", fact.subject)),
                    Some(text) if !text.contains(&normalize(words)) => wrong.push(format!(
                        "{:?}: guide {id} does not say {words:?}",
                        fact.subject
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_quote_in_catalog_ron_s_comments_is_in_a_guide() {
    let Some(texts) = guide_texts() else {
        eprintln!(
            "the guides are not at ../shared/guides (set BACKCOACH_GUIDES): quotes not checked"
        );
        return;
    };
    // Consecutive comment lines form one comment; quotes may wrap lines.
    let mut comments = Vec::new();
    let mut current = String::new();
    for line in BUILTIN_SOURCE.lines() {
        match line.trim_start().strip_prefix("//") {
            Some(text) => {
                current.push(' ');
                current.push_str(text);
            }
            None if !current.is_empty() => comments.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    let mut quotes = 0;
    let mut wrong = Vec::new();
    for comment in &comments {
        for (k, quote) in comment.split('"').enumerate() {
            if k % 2 == 1 {
                quotes += 1;
                let words = normalize(quote);
                if !texts.values().any(|t| t.contains(&words)) {
                    wrong.push(words);
                }
            }
        }
    }
    assert!(
        quotes > 100,
        "only {quotes} quotes found in catalog.ron's comments"
    );
    assert!(
        wrong.is_empty(),
        "quoted in catalog.ron but in no guide:\n{}",
        wrong.join("\n")
    );
}

/// `start` with no routine opens the built-in catalog's default routine
/// without looking it up first (the screen changes before the built-in
/// catalog is decoded, so the terminal answers sooner): it must be there.
#[test]
fn the_default_routine_of_start_is_in_the_built_in_catalog() {
    let catalog = backcoach::catalog::builtin().expect("the built-in catalog");
    assert!(
        catalog.routine(backcoach::cli::DEFAULT_ROUTINE).is_some(),
        "no routine {:?} in the built-in catalog",
        backcoach::cli::DEFAULT_ROUTINE
    );
}
