//! The Datum Cloud admission profile: what Datum's admission webhook
//! (`vbackendtrafficpolicy-v1alpha1.kb.io`, network-services-operator) refuses on top of the CRD.
//! Checked after the CRD rules, in the webhook's own order, every violation reported.

use super::{ErrorType, FieldError};
use serde_json::Value;

/// The webhook's name, as the API server quotes it when it denies a request.
pub const WEBHOOK_NAME: &str = "vbackendtrafficpolicy-v1alpha1.kb.io";

/// What Datum allows for one field.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    /// Any value is refused.
    Forbidden(&'static str),
    /// Refused in any item of the list at the path (`responseOverride[i].redirect`).
    ForbiddenInItems(&'static str, &'static str),
    /// `false` is refused; `true` or absent is fine.
    NotFalse(&'static str),
    MinInt(i64),
    MaxInt(i64),
    MinDuration(u64),
    MaxDuration(u64),
    MaxQuantity(Quantity),
}

const SECOND: u64 = 1000;
const MINUTE: u64 = 60 * SECOND;
const HOUR: u64 = 60 * MINUTE;
const KI: i128 = 1024;

const fn binary(value: i128) -> Quantity {
    Quantity {
        value,
        binary: true,
    }
}

/// Datum's rules in the order the webhook checks them, paths under `spec`. Source:
/// network-services-operator `ValidateBackendTrafficPolicy` and the defaults of its
/// `ClusterSettingsValidationOptions` (internal/config/config.go); a change on Datum's side is
/// a change of one line here.
pub const DATUM_RULES: [(&str, Limit); 20] = [
    (
        "targetRef",
        Limit::Forbidden("deprecated field, use spec.targetRefs or spec.targetSelectors instead"),
    ),
    (
        "loadBalancer.endpointOverride",
        Limit::Forbidden("loadbalancer endpoint overrides are not permitted"),
    ),
    (
        "retry",
        Limit::Forbidden("retry settings are not permitted"),
    ),
    ("tcpKeepalive.probes", Limit::MinInt(9)),
    ("tcpKeepalive.idleTime", Limit::MinDuration(5 * MINUTE)),
    ("tcpKeepalive.interval", Limit::MinDuration(30 * SECOND)),
    (
        "healthCheck.active",
        Limit::Forbidden("active health checks are not permitted"),
    ),
    (
        "timeout.tcp.connectTimeout",
        Limit::MaxDuration(10 * SECOND),
    ),
    (
        "timeout.http.connectionIdleTimeout",
        Limit::MaxDuration(HOUR),
    ),
    (
        "timeout.http.maxConnectionDuration",
        Limit::MaxDuration(HOUR),
    ),
    ("timeout.http.requestTimeout", Limit::MaxDuration(HOUR)),
    (
        "connection.bufferLimit",
        Limit::MaxQuantity(binary(512 * KI)),
    ),
    ("dns.dnsRefreshRate", Limit::MinDuration(30 * SECOND)),
    ("dns.respectDnsTtl", Limit::NotFalse("must respect DNS TTL")),
    (
        "http2.initialStreamWindowSize",
        Limit::MaxQuantity(binary(64 * KI)),
    ),
    (
        "http2.initialConnectionWindowSize",
        Limit::MaxQuantity(binary(KI * KI)),
    ),
    ("http2.maxConcurrentStreams", Limit::MaxInt(1024)),
    (
        "rateLimit.global",
        Limit::Forbidden("global rate limits are not permitted"),
    ),
    (
        "faultInjection",
        Limit::Forbidden("fault injection is not permitted"),
    ),
    (
        "responseOverride",
        Limit::ForbiddenInItems("redirect", "response redirects are not permitted"),
    ),
];

/// Every rule of the profile on `object` (a whole BackendTrafficPolicy), in the webhook's order.
pub fn check(object: &Value) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let Some(spec) = object.get("spec").filter(|s| s.is_object()) else {
        return errors;
    };
    let mut rules = Rules {
        spec,
        errors: &mut errors,
    };
    for (path, limit) in DATUM_RULES {
        rules.apply(path, limit);
    }
    errors
}

/// How `explain --profile datum` marks a field (`spec.retry`, `spec.tcpKeepalive.probes`):
/// `Datum Cloud: not permitted`, or the bound Datum enforces.
pub fn restriction(field_path: &str) -> Option<String> {
    let under_spec = field_path.strip_prefix("spec.")?;
    DATUM_RULES.iter().find_map(|(path, limit)| {
        let text = match *limit {
            Limit::ForbiddenInItems(field, _) => {
                (under_spec == format!("{path}.{field}")).then(|| "not permitted".to_string())
            }
            _ if under_spec != *path => None,
            Limit::Forbidden(_) => Some("not permitted".to_string()),
            Limit::NotFalse(_) => Some("must not be false".to_string()),
            Limit::MinInt(n) => Some(format!("minimum {n}")),
            Limit::MaxInt(n) => Some(format!("maximum {n}")),
            Limit::MinDuration(ms) => Some(format!("at least {}", format_duration(ms))),
            Limit::MaxDuration(ms) => Some(format!("at most {}", format_duration(ms))),
            Limit::MaxQuantity(q) => Some(format!("at most {}", q.canonical())),
        }?;
        Some(format!("Datum Cloud: {text}"))
    })
}

enum Bound {
    AtLeast(u64),
    AtMost(u64),
}

struct Rules<'a> {
    spec: &'a Value,
    errors: &'a mut Vec<FieldError>,
}

impl<'a> Rules<'a> {
    /// The value at a dotted path under `spec`; absent and null count as not set.
    fn get(&self, path: &str) -> Option<&'a Value> {
        let mut node = self.spec;
        for step in path.split('.') {
            node = node.get(step)?;
        }
        (!node.is_null()).then_some(node)
    }

    fn push(
        &mut self,
        path: &str,
        error_type: ErrorType,
        bad_value: Option<Value>,
        detail: String,
    ) {
        self.errors.push(FieldError {
            path: format!("spec.{path}"),
            pointer: format!("/spec/{}", path.replace('.', "/")),
            error_type,
            bad_value,
            detail,
        });
    }

    fn apply(&mut self, path: &str, limit: Limit) {
        match limit {
            Limit::Forbidden(message) => {
                if self.get(path).is_some() {
                    self.push(path, ErrorType::Forbidden, None, message.into());
                }
            }
            Limit::NotFalse(message) => {
                if self.get(path) == Some(&Value::Bool(false)) {
                    self.push(path, ErrorType::Forbidden, None, message.into());
                }
            }
            Limit::ForbiddenInItems(field, message) => {
                let items = self
                    .get(path)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                for (i, item) in items.iter().enumerate() {
                    if item.get(field).is_some_and(|v| !v.is_null()) {
                        self.errors.push(FieldError {
                            path: format!("spec.{path}[{i}].{field}"),
                            pointer: format!("/spec/{path}/{i}/{field}"),
                            error_type: ErrorType::Forbidden,
                            bad_value: None,
                            detail: message.into(),
                        });
                    }
                }
            }
            Limit::MinInt(min) => self.min_int(path, min),
            Limit::MaxInt(max) => self.max_int(path, max),
            Limit::MinDuration(ms) => self.duration(path, Bound::AtLeast(ms)),
            Limit::MaxDuration(ms) => self.duration(path, Bound::AtMost(ms)),
            Limit::MaxQuantity(q) => self.max_quantity(path, q),
        }
    }

    fn min_int(&mut self, path: &str, min: i64) {
        if let Some(n) = self.get(path).and_then(Value::as_i64)
            && n < min
        {
            let detail = format!("must be greater than or equal to {min}");
            self.push(
                path,
                ErrorType::Invalid,
                Some(Value::String(n.to_string())),
                detail,
            );
        }
    }

    fn max_int(&mut self, path: &str, max: i64) {
        if let Some(n) = self.get(path).and_then(Value::as_i64)
            && n > max
        {
            self.push(
                path,
                ErrorType::Invalid,
                Some(Value::from(n)),
                format!("must be less than or equal to {max}"),
            );
        }
    }

    fn duration(&mut self, path: &str, bound: Bound) {
        let Some(Value::String(text)) = self.get(path) else {
            return;
        };
        let bad = Some(Value::String(text.clone()));
        let Some(ms) = parse_duration_ms(text) else {
            self.push(path, ErrorType::Invalid, bad, "invalid duration".into());
            return;
        };
        match bound {
            Bound::AtLeast(min) if ms < min => {
                let detail = format!(
                    "duration must be greater than or equal to {}",
                    format_duration(min)
                );
                self.push(path, ErrorType::Invalid, bad, detail);
            }
            Bound::AtMost(max) if ms > max => {
                let detail = format!(
                    "duration must be less than or equal to {}",
                    format_duration(max)
                );
                self.push(path, ErrorType::Invalid, bad, detail);
            }
            _ => {}
        }
    }

    fn max_quantity(&mut self, path: &str, max: Quantity) {
        let Some(value) = self.get(path) else { return };
        let parsed = match value {
            Value::String(s) => Quantity::parse(s),
            Value::Number(n) => n.as_i64().map(|v| Quantity {
                value: i128::from(v),
                binary: false,
            }),
            _ => None,
        };
        if let Some(q) = parsed
            && q.value > max.value
        {
            let detail = format!("must be less than or equal to {}", max.canonical());
            self.push(
                path,
                ErrorType::Invalid,
                Some(Value::String(q.canonical())),
                detail,
            );
        }
    }
}

/// A Kubernetes quantity, in whole units, with the suffix family it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub value: i128,
    /// Written with a binary suffix (Ki, Mi, …).
    pub binary: bool,
}

const BINARY_SUFFIXES: [&str; 7] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
const DECIMAL_SUFFIXES: [&str; 7] = ["", "k", "M", "G", "T", "P", "E"];

impl Quantity {
    /// Parses whole-number quantities (`512Ki`, `1M`, `65536`, `1e3`); fractions are not
    /// meaningful for the byte sizes this profile bounds and read as unparseable.
    pub fn parse(text: &str) -> Option<Quantity> {
        let t = text.trim();
        let digits_end = t
            .find(|c: char| !c.is_ascii_digit() && c != '+' && c != '-')
            .unwrap_or(t.len());
        let (number, suffix) = t.split_at(digits_end);
        let n: i128 = number.parse().ok()?;
        if let Some(i) = BINARY_SUFFIXES.iter().skip(1).position(|s| *s == suffix) {
            return Some(Quantity {
                value: n * KI.pow(i as u32 + 1),
                binary: true,
            });
        }
        if let Some(i) = DECIMAL_SUFFIXES.iter().position(|s| *s == suffix) {
            return Some(Quantity {
                value: n * 1000i128.pow(i as u32),
                binary: false,
            });
        }
        let exp = suffix.strip_prefix(['e', 'E'])?.parse::<u32>().ok()?;
        Some(Quantity {
            value: n * 10i128.checked_pow(exp)?,
            binary: false,
        })
    }

    /// The canonical form Kubernetes prints: the largest suffix that keeps the number whole,
    /// binary for binary-written values of 1024 and more, decimal otherwise.
    pub fn canonical(&self) -> String {
        let binary = self.binary && self.value.abs() >= KI;
        let (base, suffixes) = if binary {
            (KI, BINARY_SUFFIXES)
        } else {
            (1000, DECIMAL_SUFFIXES)
        };
        let mut n = self.value;
        let mut i = 0;
        while n != 0 && n % base == 0 && i + 1 < suffixes.len() {
            n /= base;
            i += 1;
        }
        format!("{n}{}", suffixes[i])
    }
}

/// Go's duration syntax as the CRD's pattern allows it (`1h30m`, `300ms`, `10s`), in ms.
pub fn parse_duration_ms(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    let mut total: u64 = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        let n: u64 = rest[..end].parse().ok()?;
        rest = &rest[end..];
        let (unit, len) = if rest.starts_with("ms") {
            (1, 2)
        } else if rest.starts_with('h') {
            (HOUR, 1)
        } else if rest.starts_with('m') {
            (MINUTE, 1)
        } else if rest.starts_with('s') {
            (SECOND, 1)
        } else {
            return None;
        };
        total = total.checked_add(n.checked_mul(unit)?)?;
        rest = &rest[len..];
    }
    Some(total)
}

/// A duration as Go's `time.Duration.String` prints it: `5m0s`, `1h0m0s`, `300ms`, `1.5s`.
pub fn format_duration(ms: u64) -> String {
    if ms == 0 {
        return "0s".into();
    }
    if ms < SECOND {
        return format!("{ms}ms");
    }
    let (h, rem) = (ms / HOUR, ms % HOUR);
    let (m, rem) = (rem / MINUTE, rem % MINUTE);
    let (s, frac) = (rem / SECOND, rem % SECOND);
    let seconds = if frac == 0 {
        format!("{s}s")
    } else {
        format!("{s}.{}s", format!("{frac:03}").trim_end_matches('0'))
    };
    match (h, m) {
        (0, 0) => seconds,
        (0, m) => format!("{m}m{seconds}"),
        (h, m) => format!("{h}h{m}m{seconds}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(spec: Value) -> Vec<String> {
        check(&json!({ "spec": spec }))
            .iter()
            .map(FieldError::message)
            .collect()
    }

    #[test]
    fn formats_go_durations() {
        assert_eq!(format_duration(5 * MINUTE), "5m0s");
        assert_eq!(format_duration(HOUR), "1h0m0s");
        assert_eq!(format_duration(30 * SECOND), "30s");
        assert_eq!(format_duration(1500), "1.5s");
        assert_eq!(format_duration(250), "250ms");
        assert_eq!(parse_duration_ms("1h30m"), Some(90 * MINUTE));
        assert_eq!(parse_duration_ms("300ms"), Some(300));
        assert_eq!(parse_duration_ms("10x"), None);
    }

    #[test]
    fn canonicalises_quantities() {
        assert_eq!(
            Quantity::parse("1024Ki").map(|q| q.canonical()).as_deref(),
            Some("1Mi")
        );
        assert_eq!(
            Quantity::parse("600Ki").map(|q| q.canonical()).as_deref(),
            Some("600Ki")
        );
        assert_eq!(
            Quantity::parse("600000").map(|q| q.canonical()).as_deref(),
            Some("600k")
        );
        assert_eq!(
            Quantity::parse("1048577").map(|q| q.canonical()).as_deref(),
            Some("1048577")
        );
        assert_eq!(Quantity::parse("2M").map(|q| q.value), Some(2_000_000));
        assert_eq!(Quantity::parse("lots"), None);
    }

    #[test]
    fn forbids_retry_and_friends_in_webhook_order() {
        let got = messages(json!({
            "targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "r"}],
            "faultInjection": {"abort": {"httpStatus": 503}},
            "retry": {"numRetries": 2},
            "rateLimit": {"type": "Global", "global": {"rules": []}},
            "healthCheck": {"active": {"type": "HTTP"}},
        }));
        assert_eq!(
            got,
            [
                "spec.retry: Forbidden: retry settings are not permitted",
                "spec.healthCheck.active: Forbidden: active health checks are not permitted",
                "spec.rateLimit.global: Forbidden: global rate limits are not permitted",
                "spec.faultInjection: Forbidden: fault injection is not permitted",
            ]
        );
    }

    #[test]
    fn bounds_are_inclusive_and_worded_like_the_webhook() {
        assert!(
            messages(json!({"tcpKeepalive": {"probes": 9, "idleTime": "5m", "interval": "30s"}}))
                .is_empty()
        );
        assert_eq!(
            messages(json!({"tcpKeepalive": {"probes": 3, "idleTime": "60s", "interval": "10s"}})),
            [
                "spec.tcpKeepalive.probes: Invalid value: \"3\": must be greater than or equal to 9",
                "spec.tcpKeepalive.idleTime: Invalid value: \"60s\": duration must be greater than or equal to 5m0s",
                "spec.tcpKeepalive.interval: Invalid value: \"10s\": duration must be greater than or equal to 30s",
            ]
        );
        assert_eq!(
            messages(
                json!({"timeout": {"tcp": {"connectTimeout": "11s"}, "http": {"requestTimeout": "2h"}}})
            ),
            [
                "spec.timeout.tcp.connectTimeout: Invalid value: \"11s\": duration must be less than or equal to 10s",
                "spec.timeout.http.requestTimeout: Invalid value: \"2h\": duration must be less than or equal to 1h0m0s",
            ]
        );
        assert_eq!(
            messages(
                json!({"connection": {"bufferLimit": "1024Ki"}, "http2": {"maxConcurrentStreams": 2048}})
            ),
            [
                "spec.connection.bufferLimit: Invalid value: \"1Mi\": must be less than or equal to 512Ki",
                "spec.http2.maxConcurrentStreams: Invalid value: 2048: must be less than or equal to 1024",
            ]
        );
        assert!(messages(json!({"connection": {"bufferLimit": "512Ki"}, "http2": {"maxConcurrentStreams": 1024}})).is_empty());
    }

    #[test]
    fn dns_ttl_and_redirects() {
        assert_eq!(
            messages(json!({"dns": {"respectDnsTtl": false, "dnsRefreshRate": "5s"}})),
            [
                "spec.dns.dnsRefreshRate: Invalid value: \"5s\": duration must be greater than or equal to 30s",
                "spec.dns.respectDnsTtl: Forbidden: must respect DNS TTL",
            ]
        );
        assert!(messages(json!({"dns": {"respectDnsTtl": true}})).is_empty());
        assert_eq!(
            messages(json!({"responseOverride": [
                {"match": {"statusCodes": [{"value": 500}]}, "response": {"contentType": "text/plain"}},
                {"match": {"statusCodes": [{"value": 404}]}, "redirect": {"scheme": "https"}}
            ]})),
            ["spec.responseOverride[1].redirect: Forbidden: response redirects are not permitted"]
        );
    }

    #[test]
    fn remaining_rules() {
        assert_eq!(
            messages(json!({
                "targetRef": {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "g"},
                "loadBalancer": {"type": "RoundRobin", "endpointOverride": {"extractFrom": []}},
                "timeout": {"http": {"connectionIdleTimeout": "61m", "maxConnectionDuration": "90m"}},
                "http2": {"initialStreamWindowSize": "128Ki", "initialConnectionWindowSize": "2Mi"},
            })),
            [
                "spec.targetRef: Forbidden: deprecated field, use spec.targetRefs or spec.targetSelectors instead",
                "spec.loadBalancer.endpointOverride: Forbidden: loadbalancer endpoint overrides are not permitted",
                "spec.timeout.http.connectionIdleTimeout: Invalid value: \"61m\": duration must be less than or equal to 1h0m0s",
                "spec.timeout.http.maxConnectionDuration: Invalid value: \"90m\": duration must be less than or equal to 1h0m0s",
                "spec.http2.initialStreamWindowSize: Invalid value: \"128Ki\": must be less than or equal to 64Ki",
                "spec.http2.initialConnectionWindowSize: Invalid value: \"2Mi\": must be less than or equal to 1Mi",
            ]
        );
    }

    #[test]
    fn explains_restrictions_from_the_same_table() {
        assert_eq!(
            restriction("spec.retry").as_deref(),
            Some("Datum Cloud: not permitted")
        );
        assert_eq!(
            restriction("spec.tcpKeepalive.probes").as_deref(),
            Some("Datum Cloud: minimum 9")
        );
        assert_eq!(
            restriction("spec.timeout.http.requestTimeout").as_deref(),
            Some("Datum Cloud: at most 1h0m0s")
        );
        assert_eq!(
            restriction("spec.connection.bufferLimit").as_deref(),
            Some("Datum Cloud: at most 512Ki")
        );
        assert_eq!(
            restriction("spec.responseOverride.redirect").as_deref(),
            Some("Datum Cloud: not permitted")
        );
        assert_eq!(
            restriction("spec.dns.respectDnsTtl").as_deref(),
            Some("Datum Cloud: must not be false")
        );
        assert_eq!(restriction("spec.responseOverride"), None);
        assert_eq!(restriction("spec.loadBalancer"), None);
    }
}
