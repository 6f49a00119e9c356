//! Every bound `serve` enforces, in one place: connections, timeouts, sizes, watches. The
//! defaults follow kube-apiserver where it has one; tests shorten them through
//! `DATUMCTL_SERVE_LIMITS` (parsed by `Limits::with_overrides`).

use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Open connections at once; beyond it new connections are closed at accept.
    pub max_connections: usize,
    /// A TLS handshake must finish within this, else the connection is closed.
    pub handshake_timeout: Duration,
    /// A request's headers must arrive within this (kube-apiserver: 32 s). The same clock
    /// bounds an idle keep-alive connection: it runs from the end of the previous response.
    pub header_timeout: Duration,
    /// A request body must arrive within this.
    pub body_timeout: Duration,
    /// After SIGTERM, in-flight requests get this long before their connections are closed.
    pub grace_period: Duration,
    /// A response write that makes no progress for this long closes the connection: a client
    /// that stops reading (a stalled watcher) is dropped, its buffers freed.
    pub write_timeout: Duration,
    /// Open watches in all, and per project; beyond them a watch gets 429 with Retry-After.
    pub max_watches: usize,
    pub max_watches_per_project: usize,
    /// Bytes of stored JSON the watch history keeps (it also keeps at most 20,000 events).
    pub history_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1000,
            handshake_timeout: Duration::from_secs(10),
            header_timeout: Duration::from_secs(32),
            body_timeout: Duration::from_secs(60),
            grace_period: Duration::from_secs(10),
            write_timeout: Duration::from_secs(60),
            max_watches: 800,
            max_watches_per_project: 200,
            history_bytes: super::store::HISTORY_BYTES,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error(
    "invalid DATUMCTL_SERVE_LIMITS entry {entry:?}: {why} (expected NAME=VALUE pairs separated by commas; names: {})",
    NAMES.join(", ")
)]
pub struct LimitsError {
    pub entry: String,
    pub why: String,
}

const NAMES: &[&str] = &[
    "max_connections",
    "handshake_timeout_ms",
    "header_timeout_ms",
    "body_timeout_ms",
    "grace_period_ms",
    "write_timeout_ms",
    "max_watches",
    "max_watches_per_project",
    "history_kib",
];

impl Limits {
    /// The defaults with `NAME=VALUE,...` overrides applied; an unknown name or a bad value is
    /// an error, never ignored.
    pub fn with_overrides(spec: &str) -> Result<Limits, LimitsError> {
        let mut limits = Limits::default();
        for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let bad = |why: &str| LimitsError {
                entry: entry.to_string(),
                why: why.to_string(),
            };
            let (name, value) = entry.split_once('=').ok_or_else(|| bad("missing '='"))?;
            let number: u64 = value
                .trim()
                .parse()
                .map_err(|_| bad("the value is not a whole number"))?;
            if number == 0 {
                return Err(bad("the value must be greater than 0"));
            }
            let millis = Duration::from_millis(number);
            match name.trim() {
                "max_connections" => {
                    limits.max_connections = usize::try_from(number).unwrap_or(usize::MAX)
                }
                "handshake_timeout_ms" => limits.handshake_timeout = millis,
                "header_timeout_ms" => limits.header_timeout = millis,
                "body_timeout_ms" => limits.body_timeout = millis,
                "grace_period_ms" => limits.grace_period = millis,
                "write_timeout_ms" => limits.write_timeout = millis,
                "max_watches" => limits.max_watches = usize::try_from(number).unwrap_or(usize::MAX),
                "history_kib" => {
                    limits.history_bytes =
                        usize::try_from(number.saturating_mul(1024)).unwrap_or(usize::MAX)
                }
                "max_watches_per_project" => {
                    limits.max_watches_per_project = usize::try_from(number).unwrap_or(usize::MAX)
                }
                _ => return Err(bad("unknown name")),
            }
        }
        Ok(limits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_apply_and_unknown_names_are_refused() {
        let l = Limits::with_overrides("header_timeout_ms=500, max_connections=3").expect("ok");
        assert_eq!(l.header_timeout, Duration::from_millis(500));
        assert_eq!(l.max_connections, 3);
        assert_eq!(l.grace_period, Limits::default().grace_period);
        assert!(Limits::with_overrides("nope=1").is_err());
        assert!(Limits::with_overrides("grace_period_ms=abc").is_err());
        assert!(Limits::with_overrides("grace_period_ms=0").is_err());
        assert!(Limits::with_overrides("grace_period_ms").is_err());
    }
}
