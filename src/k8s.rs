//! Kubernetes reference data and value parsers shared by rules: the dated table of minor
//! releases and their end of life, Go durations, and version strings.

/// The date the release table below was last checked. Support status is judged as of this date
/// (not the clock), so results do not change between two runs of the same binary.
pub const TABLE_DATE: Date = Date(2026, 11, 27);

/// (minor, release date, end of life) for Kubernetes 1.x, from kubernetes.io/releases.
pub const RELEASES: &[(u32, Date, Date)] = &[
    (28, Date(2023, 8, 15), Date(2024, 10, 28)),
    (29, Date(2023, 12, 13), Date(2025, 2, 28)),
    (30, Date(2024, 4, 17), Date(2025, 6, 28)),
    (31, Date(2024, 8, 13), Date(2025, 10, 28)),
    (32, Date(2024, 12, 11), Date(2026, 2, 28)),
    (33, Date(2025, 4, 23), Date(2026, 6, 28)),
    (34, Date(2025, 8, 27), Date(2026, 10, 27)),
    (35, Date(2025, 12, 17), Date(2027, 2, 28)),
    (36, Date(2026, 4, 22), Date(2027, 6, 28)),
    (37, Date(2026, 8, 26), Date(2027, 10, 28)),
];

/// A calendar date (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub i32, pub u32, pub u32);

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    pub fn days(self) -> i64 {
        let Date(y, m, d) = self;
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

/// The minor of a `1.x` version as written (`v1.35.2`, `1.34`, `v1.37.0-rc.1`, `stable-1.35`).
/// `None` for anything else (`latest`, `stable`, a variable).
pub fn minor_of(version: &str) -> Option<u32> {
    let v = version.trim().trim_matches('"');
    let v = v.strip_prefix("stable-").unwrap_or(v);
    let v = v.strip_prefix('v').unwrap_or(v);
    let mut parts = v.split(['.', '-', '+']);
    if parts.next()? != "1" {
        return None;
    }
    let minor = parts.next()?;
    if minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    minor.parse().ok()
}

/// Support status of a minor as of `TABLE_DATE`.
#[derive(Debug, PartialEq, Eq)]
pub enum Support {
    /// Past end of life on this date.
    Ended(Date),
    /// Older than the table: its end of life came before this date (the oldest in the table).
    EndedBefore(Date),
    /// Supported, with its end of life.
    Until(Date),
    /// Newer than the table (or not in it): nothing to say.
    Unknown,
}

pub fn support(minor: u32) -> Support {
    if let Some((_, _, eol)) = RELEASES.iter().find(|r| r.0 == minor) {
        if *eol < TABLE_DATE {
            Support::Ended(*eol)
        } else {
            Support::Until(*eol)
        }
    } else if RELEASES.first().is_some_and(|r| minor < r.0) {
        // Older than the table: long past end of life.
        Support::EndedBefore(RELEASES[0].2)
    } else {
        Support::Unknown
    }
}

/// The oldest minor supported on `TABLE_DATE`.
pub fn oldest_supported() -> Option<u32> {
    RELEASES.iter().find(|r| r.2 >= TABLE_DATE).map(|r| r.0)
}

/// A Go `time.Duration` string (`24h`, `8760h0m0s`, `1h30m`, `90s`, `0`) in seconds.
/// Fractions are truncated. `None` when it is not a duration.
pub fn go_duration_secs(text: &str) -> Option<u64> {
    let t = text.trim();
    if t == "0" {
        return Some(0);
    }
    let mut total: f64 = 0.0;
    let mut rest = t;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_len == 0 {
            return None;
        }
        let n: f64 = rest[..num_len].parse().ok()?;
        rest = &rest[num_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let factor = match &rest[..unit_len] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 0.001,
            "us" | "µs" => 0.000_001,
            "ns" => 0.000_000_001,
            _ => return None,
        };
        rest = &rest[unit_len..];
        total += n * factor;
    }
    Some(total as u64)
}

/// Seconds as a short human duration ("24h", "365 days").
pub fn human_secs(secs: u64) -> String {
    if secs >= 86_400 && secs % 86_400 == 0 {
        format!("{} days", secs / 86_400)
    } else if secs % 3600 == 0 {
        format!("{}h", secs / 3600)
    } else {
        format!("{secs}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_support() {
        assert_eq!(minor_of("v1.35.2"), Some(35));
        assert_eq!(minor_of("1.34"), Some(34));
        assert_eq!(minor_of("v1.37.0-rc.1"), Some(37));
        assert_eq!(minor_of("stable-1.30"), Some(30));
        assert_eq!(minor_of("latest"), None);
        assert_eq!(minor_of("v2.0.0"), None);
        assert_eq!(support(34), Support::Ended(Date(2026, 10, 27)));
        assert_eq!(support(35), Support::Until(Date(2027, 2, 28)));
        assert_eq!(support(20), Support::EndedBefore(Date(2024, 10, 28)));
        assert_eq!(support(40), Support::Unknown);
        assert_eq!(oldest_supported(), Some(35));
        assert_eq!(Date(2027, 2, 28).days() - TABLE_DATE.days(), 93);
        assert_eq!(Date(1970, 1, 1).days(), 0);
    }

    #[test]
    fn durations() {
        assert_eq!(go_duration_secs("24h"), Some(86_400));
        assert_eq!(go_duration_secs("8760h0m0s"), Some(31_536_000));
        assert_eq!(go_duration_secs("1h30m"), Some(5400));
        assert_eq!(go_duration_secs("0"), Some(0));
        assert_eq!(go_duration_secs("0s"), Some(0));
        assert_eq!(go_duration_secs("forever"), None);
        assert_eq!(go_duration_secs(""), None);
    }
}
