//! `backcoach export`: every session, exercise, rating, check-in and day mark,
//! as RON (the same shapes as the files) or as one CSV table.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::{History, StoreError, fsio};
use crate::domain::{CheckIn, DayMark, SessionRecord, SessionStatus};

/// The RON export: the whole history in one document.
#[derive(Debug, Serialize)]
struct Export<'a> {
    sessions: &'a [SessionRecord],
    checkins: &'a [CheckIn],
    marks: &'a [DayMark],
}

/// The history as one pretty RON document, readable back with the record types.
pub fn to_ron(history: &History) -> Result<String, StoreError> {
    let export = Export {
        sessions: &history.sessions,
        checkins: &history.checkins,
        marks: &history.marks,
    };
    fsio::to_ron(&export, Path::new("<export>"), "")
}

/// The CSV columns, in order. `record` says what a row is: `session`,
/// `exercise`, `rating`, `checkin` or `mark`; columns that do not apply to a
/// row are empty. Per-set lists are joined with `;`.
pub const CSV_COLUMNS: [&str; 27] = [
    "record",
    "session_id",
    "date",
    "time",
    "routine_id",
    "routine_name",
    "status",
    "reason",
    "ended",
    "active_s",
    "intense",
    "baseline",
    "exercise_id",
    "exercise_name",
    "sets_planned",
    "sets_done",
    "target_reps",
    "target_hold_s",
    "reps_done",
    "hold_s_done",
    "completed",
    "value",
    "kind",
    "moment",
    "set",
    "side",
    "decision",
];

fn col(name: &str) -> usize {
    CSV_COLUMNS.iter().position(|c| *c == name).unwrap_or(0)
}

/// One CSV row being filled by column name.
struct Row([String; CSV_COLUMNS.len()]);

impl Row {
    fn new(record: &str) -> Row {
        let mut row = Row(std::array::from_fn(|_| String::new()));
        row.set("record", record);
        row
    }

    fn set(&mut self, name: &str, value: impl ToString) -> &mut Row {
        self.0[col(name)] = value.to_string();
        self
    }

    fn write(&self, out: &mut String) {
        let cells: Vec<String> = self.0.iter().map(|c| quote(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
}

/// RFC 4180 quoting: fields with a comma, quote, line break or surrounding
/// space are quoted, and quotes doubled. A text that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return; names come from user catalogs) gets a leading `'`, the usual
/// guard: the export is opened in spreadsheets, and it holds health data.
pub fn quote(field: &str) -> String {
    let guarded;
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    let needs =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn join(values: &[u32]) -> String {
    values
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(";")
}

/// The history as one CSV table with a header row (RFC 4180, CRLF line ends).
pub fn to_csv(history: &History) -> String {
    let mut out = String::new();
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for s in &history.sessions {
        let mut row = Row::new("session");
        row.set("session_id", &s.id)
            .set("date", s.date)
            .set("time", s.started)
            .set("routine_id", &s.routine_id)
            .set("routine_name", &s.routine_name)
            .set("status", history.status_of(s).label())
            .set("active_s", s.active_s)
            .set("intense", s.intense);
        if let SessionStatus::StoppedForSafety { reason } = &s.status {
            row.set("reason", reason);
        }
        if let Some(ended) = s.ended {
            row.set("ended", ended);
        }
        if let Some(b) = s.baseline {
            row.set("baseline", b);
        }
        row.write(&mut out);
        for e in &s.exercises {
            let mut row = Row::new("exercise");
            row.set("session_id", &s.id)
                .set("date", s.date)
                .set("time", e.finished_at)
                .set("routine_id", &s.routine_id)
                .set("exercise_id", &e.exercise_id)
                .set("exercise_name", &e.name)
                .set("sets_planned", e.sets_planned)
                .set("sets_done", e.sets_done)
                .set("target_reps", e.target_reps)
                .set("target_hold_s", e.target_hold_s)
                .set("reps_done", join(&e.reps_done))
                .set("hold_s_done", join(&e.hold_s_done))
                .set("completed", e.completed);
            row.write(&mut out);
        }
        for r in &s.ratings {
            let mut row = Row::new("rating");
            row.set("session_id", &s.id)
                .set("date", s.date)
                .set("time", r.at)
                .set("routine_id", &s.routine_id)
                .set("value", r.value)
                .set("kind", r.kind.label())
                .set("moment", r.moment.label());
            if let Some(id) = &r.exercise_id {
                row.set("exercise_id", id);
            }
            if let Some(set) = r.set {
                row.set("set", set);
            }
            if let Some(side) = r.side {
                row.set("side", side.label());
            }
            if let Some(decision) = &r.decision {
                row.set("decision", decision);
            }
            row.write(&mut out);
        }
    }
    for c in &history.checkins {
        let mut row = Row::new("checkin");
        row.set("date", c.date)
            .set("time", c.at)
            .set("baseline", c.baseline)
            .set("value", c.baseline);
        let signs: Vec<String> = c.warning_signs.iter().map(|w| format!("{w:?}")).collect();
        if !signs.is_empty() {
            row.set("kind", signs.join(";"));
        }
        row.write(&mut out);
    }
    for m in &history.marks {
        let mut row = Row::new("mark");
        row.set("date", m.date).set("kind", m.kind.label());
        row.write(&mut out);
    }
    let _ = out.write_str("");
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoting_follows_rfc_4180_and_guards_formulas() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (" padded", "\" padded\""),
            ("2026-03-17", "2026-03-17"),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-bridge", "'-bridge"),
            ("@sum", "'@sum"),
            ("\tcmd", "'\tcmd"),
            ("", ""),
        ];
        for (field, expected) in cases {
            assert_eq!(quote(field), expected, "{field:?}");
        }
    }
}
