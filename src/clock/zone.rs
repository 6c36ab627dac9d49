//! The local time zone, read the short way.
//!
//! `jiff::tz::TimeZone::try_system()` lists every name in the zoneinfo
//! directory (900 files on Debian: 0.6 ms of a cold start, before the first
//! frame can show today) to look up the one name `/etc/localtime` points at.
//! With no `TZ` set, the zone is that file: it is read and parsed on its own
//! (5 µs), named after the link's target when it is one. Everything else
//! (`TZ` set, no readable `/etc/localtime`, a file jiff cannot parse) goes to
//! jiff as before, and UTC stands in when even that fails.

use std::ffi::OsString;
use std::path::Path;

use jiff::tz::TimeZone;

/// Where the system keeps its local zone (a TZif file, usually a link into
/// the zoneinfo directory).
const LOCALTIME: &str = "/etc/localtime";

/// The zone used for local dates.
pub fn local_zone() -> TimeZone {
    zone_from(std::env::var_os("TZ"), Path::new(LOCALTIME))
}

/// The zone for this `TZ` value and this localtime file.
fn zone_from(tz_variable: Option<OsString>, localtime: &Path) -> TimeZone {
    if tz_variable.is_none()
        && let Some(zone) = read_localtime(localtime)
    {
        return zone;
    }
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// The localtime file as a zone, or `None` when it cannot be read or parsed.
fn read_localtime(localtime: &Path) -> Option<TimeZone> {
    let data = std::fs::read(localtime).ok()?;
    let name = std::fs::read_link(localtime)
        .ok()
        .and_then(|target| name_in_link(&target.to_string_lossy()));
    TimeZone::tzif(name.as_deref().unwrap_or("Local"), &data).ok()
}

/// The zone's name from where the localtime link points
/// (`/usr/share/zoneinfo/Europe/Paris` → `Europe/Paris`), as jiff reads it.
fn name_in_link(target: &str) -> Option<String> {
    let needle = "zoneinfo/";
    let at = target.rfind(needle)?;
    let name = &target[at + needle.len()..];
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
#[path = "zone_tests.rs"]
mod tests;
