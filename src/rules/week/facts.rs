//! Day flags from the loaded records where the history covers a date, else
//! from the day index: what streaks and tallies read.

use super::*;

pub(super) struct Facts<'a> {
    pub(super) history: &'a History,
    pub(super) records: BTreeMap<Date, DayFlags>,
    pub(super) earliest: Option<Date>,
}

/// Active and marked (not active) days of one week.
pub(super) struct Tally {
    pub(super) active: u8,
    pub(super) marked: u8,
}

impl<'a> Facts<'a> {
    pub(super) fn new(history: &'a History) -> Facts<'a> {
        let records = history.record_flags();
        let earliest = match (records.keys().next(), history.index.earliest()) {
            (Some(a), Some(b)) => Some((*a).min(b)),
            (a, b) => a.copied().or(b),
        };
        Facts {
            history,
            records,
            earliest,
        }
    }

    pub(super) fn get(&self, date: Date) -> DayFlags {
        let recorded = self.records.get(&date).copied().unwrap_or_default();
        if self.history.covers(date) {
            recorded
        } else {
            DayFlags(recorded.0 | self.history.index.get(date).0)
        }
    }

    pub(super) fn tally(&self, monday: Date) -> Tally {
        let mut tally = Tally {
            active: 0,
            marked: 0,
        };
        for i in 0..7 {
            let flags = self.get(add_days(monday, i));
            if flags.has(DayFlags::ACTIVE) {
                tally.active += 1;
            } else if flags.mark().is_some() {
                tally.marked += 1;
            }
        }
        tally
    }

    pub(super) fn met(&self, monday: Date, target: u8) -> bool {
        let t = self.tally(monday);
        t.active >= target.saturating_sub(t.marked)
    }
}
