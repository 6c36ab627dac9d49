use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::Offset;

use super::*;

/// A TZif file (version 1) for a zone with one fixed offset and no
/// transitions: what a localtime file for such a zone holds.
fn fixed_zone_file(offset_seconds: i32, abbreviation: &str) -> Vec<u8> {
    let mut data = b"TZif".to_vec();
    data.push(0); // version 1
    data.extend([0u8; 15]);
    let chars = abbreviation.len() as u32 + 1;
    // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    for count in [0u32, 0, 0, 0, 1, chars] {
        data.extend(count.to_be_bytes());
    }
    data.extend(offset_seconds.to_be_bytes());
    data.extend([0u8, 0u8]); // not DST, abbreviation at index 0
    data.extend(abbreviation.as_bytes());
    data.push(0);
    data
}

/// A zoneinfo directory holding Asia/Kolkata (+05:30) and a localtime link
/// to it, as on a Debian system.
fn system_like(dir: &Path) -> PathBuf {
    let zone = dir.join("zoneinfo/Asia/Kolkata");
    std::fs::create_dir_all(zone.parent().expect("a parent")).expect("zoneinfo dir");
    std::fs::write(&zone, fixed_zone_file(19_800, "IST")).expect("zone file");
    let link = dir.join("localtime");
    std::os::unix::fs::symlink(&zone, &link).expect("link");
    link
}

fn offset_at(zone: &TimeZone, second: i64) -> Offset {
    zone.to_offset(Timestamp::from_second(second).expect("in range"))
}

/// The two zones give the same offset at each of these instants.
fn assert_same_offsets(
    ours: &TimeZone,
    jiffs: &TimeZone,
    seconds: impl IntoIterator<Item = i64>,
    what: &str,
) {
    for second in seconds {
        assert_eq!(
            offset_at(ours, second),
            offset_at(jiffs, second),
            "{what}, second {second}"
        );
    }
}

const NOON_2026_11_30: i64 = 1_796_040_000;

#[test]
fn a_localtime_link_is_read_directly_and_named_after_its_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    let link = system_like(dir.path());
    let zone = zone_from(None, &link);
    assert_eq!(
        offset_at(&zone, NOON_2026_11_30),
        Offset::from_seconds(19_800).expect("offset")
    );
    assert_eq!(zone.iana_name(), Some("Asia/Kolkata"));
}

#[test]
fn a_localtime_file_that_is_no_link_is_read_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("localtime");
    std::fs::write(&file, fixed_zone_file(-18_000, "EST")).expect("zone file");
    let zone = zone_from(None, &file);
    assert_eq!(
        offset_at(&zone, NOON_2026_11_30),
        Offset::from_seconds(-18_000).expect("offset")
    );
}

#[test]
fn tz_in_the_environment_wins_over_the_localtime_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let link = system_like(dir.path());
    let zone = zone_from(Some("UTC".into()), &link);
    assert_eq!(offset_at(&zone, NOON_2026_11_30), Offset::UTC);
}

#[test]
fn a_missing_or_broken_localtime_file_leaves_it_to_jiff() {
    let dir = tempfile::tempdir().expect("temp dir");
    let jiffs = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    let missing = dir.path().join("no-such-file");
    let broken = dir.path().join("broken");
    std::fs::write(&broken, b"not a TZif file").expect("file");
    for path in [missing, broken] {
        let zone = zone_from(None, &path);
        let seconds = [0, NOON_2026_11_30, NOON_2026_11_30 - 150 * 86_400];
        assert_same_offsets(&zone, &jiffs, seconds, &format!("{path:?}"));
    }
}

#[test]
fn on_this_machine_the_short_way_agrees_with_jiff() {
    // Whatever this machine's zone is, the dates it gives are jiff's.
    let ours = local_zone();
    let jiffs = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    let seconds = (0..400).map(|day| NOON_2026_11_30 - day * 86_400 + (day % 24) * 3_600);
    assert_same_offsets(&ours, &jiffs, seconds, "the last 400 days");
}

#[test]
fn the_name_is_what_follows_zoneinfo_in_the_link() {
    assert_eq!(
        name_in_link("/usr/share/zoneinfo/Europe/Paris").as_deref(),
        Some("Europe/Paris")
    );
    assert_eq!(
        name_in_link("../usr/share/zoneinfo/posix/Etc/UTC").as_deref(),
        Some("posix/Etc/UTC")
    );
    assert_eq!(name_in_link("/etc/zones/paris"), None);
    assert_eq!(name_in_link("/usr/share/zoneinfo/"), None);
}
