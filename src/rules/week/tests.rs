//! The week rules' own unit tests.

use super::*;
use jiff::civil::date;

#[test]
fn weeks_start_on_monday_and_are_named_relative_to_today() {
    assert_eq!(monday_of(date(2026, 11, 22)), date(2026, 11, 16));
    assert_eq!(add_days(date(2026, 12, 28), 7), date(2027, 1, 4));
    let summary = summarize(
        &History::default(),
        &Profile::default(),
        date(2026, 11, 4),
        date(2026, 11, 22),
    );
    assert_eq!(summary.relative_label(), "2 weeks ago");
    assert_eq!(summary.totals_labels().0, "Week 45");
    assert_eq!(short_date(date(2026, 11, 4)), "Wed 4 Nov");
}

#[test]
fn the_target_bar_ratio_stays_within_bounds() {
    let t = WeekTarget::new(4, 5);
    assert_eq!(t.effective, 0);
    assert_eq!(t.ratio(0), 1.0);
    assert_eq!(WeekTarget::new(4, 0).ratio(9), 1.0);
    assert_eq!(WeekTarget::new(4, 0).ratio(1), 0.25);
}
