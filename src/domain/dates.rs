//! Calendar days and how they are written: one meaning for "days between",
//! one way to write a day ("Tue 17 Nov"), shared by every screen, rule and
//! report.

use jiff::Span;
use jiff::civil::{Date, Weekday};

/// `date` moved by `days` (saturating at jiff's limits, which no history reaches).
pub fn add_days(date: Date, days: i64) -> Date {
    match Span::new().try_days(days) {
        Ok(span) => date.saturating_add(span),
        Err(_) if days < 0 => Date::MIN,
        Err(_) => Date::MAX,
    }
}

/// The Monday of `date`'s ISO week.
pub fn monday_of(date: Date) -> Date {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// Whole calendar days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Mon".
pub fn weekday_name(date: Date) -> &'static str {
    match date.weekday() {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

/// "16 Nov".
pub fn day_month(date: Date) -> String {
    let month = MONTHS
        .get(usize::try_from(date.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("");
    format!("{} {month}", date.day())
}

/// "Mon 16 Nov".
pub fn short_date(date: Date) -> String {
    format!("{} {}", weekday_name(date), day_month(date))
}

/// "Mon 16 Nov 2026".
pub fn long_date(date: Date) -> String {
    format!("{} {}", short_date(date), date.year())
}
