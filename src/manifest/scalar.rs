//! How plain (unquoted) YAML scalars become JSON values. Kubernetes reads manifests with
//! sigs.k8s.io/yaml, which is go-yaml v2 underneath: YAML 1.1 rules, so `yes`/`no`/`on`/`off`
//! (and `y`/`n`) are booleans, `010` is octal and `1_000` is a thousand. We follow it on purpose:
//! `datumctl` must send what `kubectl` would send for the same file, and give the same verdict.
//! Quoted scalars are always strings. Timestamps (`2026-01-01`) stay strings, as they reach the
//! API server as strings either way.

use serde_json::{Number, Value};
use std::borrow::Cow;

const TRUE: [&str; 11] = [
    "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
];
const FALSE: [&str; 11] = [
    "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
];
const NULL: [&str; 5] = ["", "~", "null", "Null", "NULL"];

/// The JSON value of a plain scalar, as go-yaml v2 resolves it (the text moves into a string).
pub fn resolve_plain(text: Cow<'_, str>) -> Value {
    if NULL.contains(&&*text) {
        return Value::Null;
    }
    if TRUE.contains(&&*text) {
        return Value::Bool(true);
    }
    if FALSE.contains(&&*text) {
        return Value::Bool(false);
    }
    let first = text.as_bytes()[0];
    if (first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.'))
        && let Some(n) = number(&text)
    {
        return Value::Number(n);
    }
    Value::String(text.into_owned())
}

/// Mapping keys are strings in JSON; a key that YAML 1.1 reads as a boolean or a number becomes
/// that value's text (`on:` is the key `"true"`), as sigs.k8s.io/yaml does.
pub fn resolve_key(text: Cow<'_, str>) -> String {
    match resolve_plain(text) {
        Value::String(s) => s,
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

fn number(text: &str) -> Option<Number> {
    // go-yaml tries text that starts with '.' as a float only, underscores kept (so `.0_` is a
    // string); the YAML printer quotes by the same rule.
    if text.starts_with('.') {
        return float(text);
    }
    let plain: String = text.chars().filter(|c| *c != '_').collect();
    if let Some(i) = go_parse_int(&plain) {
        return Some(Number::from(i));
    }
    if let Some(u) = go_parse_uint(&plain) {
        return Some(Number::from(u));
    }
    float(&plain)
}

/// `text` as a go-yaml float; JSON (and the API server) see an integral float as an integer, so
/// `1e3` is 1000.
fn float(text: &str) -> Option<Number> {
    if !is_yaml_float(text) {
        return None;
    }
    let f: f64 = text.parse().ok()?;
    if f.fract() == 0.0 && f.abs() < 1e21 && f.abs() <= i64::MAX as f64 {
        return Some(Number::from(f as i64));
    }
    Number::from_f64(f)
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, go-yaml's float syntax.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            digits(&mut i);
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseInt(s, 0, 64)`: optional sign, then 0x/0o/0b prefixes or a leading 0 for octal.
fn go_parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let magnitude = go_parse_uint(body)?;
    if neg {
        if magnitude <= i64::MAX as u64 + 1 {
            Some((magnitude as i128).wrapping_neg() as i64)
        } else {
            None
        }
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// Go's `strconv.ParseUint(s, 0, 64)`.
fn go_parse_uint(s: &str) -> Option<u64> {
    let lower = s.get(..2).map(str::to_ascii_lowercase);
    let (radix, digits) = match lower.as_deref() {
        Some("0x") => (16, &s[2..]),
        Some("0o") => (8, &s[2..]),
        Some("0b") => (2, &s[2..]),
        _ if s.len() > 1 && s.starts_with('0') => (8, &s[1..]),
        _ => (10, s),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_1_1_words() {
        for (text, want) in [
            ("yes", json!(true)),
            ("Off", json!(false)),
            ("y", json!(true)),
            ("NULL", json!(null)),
            ("yesterday", json!("yesterday")),
        ] {
            assert_eq!(resolve_plain(text.into()), want, "{text}");
        }
    }

    #[test]
    fn numbers_as_go_reads_them() {
        for (text, want) in [
            ("42", json!(42)),
            ("-7", json!(-7)),
            ("0o17", json!(15)),
            ("017", json!(15)),
            ("08", json!(8)),
            ("0b101", json!(5)),
            ("1e3", json!(1000)),
            ("2.5", json!(2.5)),
            (".5", json!(0.5)),
            (".0_", json!(".0_")),
            ("1_000", json!(1000)),
            ("18446744073709551615", json!(18446744073709551615u64)),
            ("1.2.3", json!("1.2.3")),
            ("10s", json!("10s")),
            ("-", json!("-")),
        ] {
            assert_eq!(resolve_plain(text.into()), want, "{text}");
        }
    }

    #[test]
    fn keys_are_text() {
        assert_eq!(resolve_key("on".into()), "true");
        assert_eq!(resolve_key("name".into()), "name");
        assert_eq!(resolve_key("010".into()), "8");
        assert_eq!(resolve_key(".0_".into()), ".0_");
    }
}
