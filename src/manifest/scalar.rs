//! YAML 1.1 plain-scalar resolution, the one owner of the rule: what go-yaml v2 (and so
//! sigs.k8s.io/yaml and kubectl) makes of an unquoted scalar. The manifest reader asks
//! [`resolve_plain`] for the JSON value; the YAML printer asks [`classify`] whether a string would
//! read back as a string if written plain. Under YAML 1.1 `yes`/`no`/`on`/`off` (and `y`/`n`) are
//! booleans, `010` is octal and `1_000` is a thousand. We follow it on purpose: `datumctl` must
//! send what `kubectl` would send for the same file, and give the same verdict.
//! Quoted scalars are always strings. The reader keeps timestamps (`2026-01-01`) and `.inf`/`.nan`
//! as strings (JSON has no such values, and they reach the API server as strings either way);
//! the printer quotes them, since go-yaml would not read them back as strings.

use serde_json::{Number, Value};
use std::borrow::Cow;

const TRUE: [&str; 11] = [
    "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
];
const FALSE: [&str; 11] = [
    "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
];
const NULL: [&str; 5] = ["", "~", "null", "Null", "NULL"];
const INF_NAN: [&str; 12] = [
    ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN",
    ".NAN",
];

/// What go-yaml v2 resolves a plain scalar to.
#[derive(Debug, Clone, PartialEq)]
pub enum Plain {
    Null,
    Bool(bool),
    /// A finite integer or float (an integral float as an integer, as JSON sees it).
    Number(Number),
    /// `.inf`, `.nan`, or a float too large for f64.
    NonFinite,
    /// `2006-1-2`, `2006-1-2T15:4:5Z` and the other forms go-yaml v2 reads as a timestamp.
    Timestamp,
    Str,
}

/// go-yaml v2's verdict on the plain scalar `text`.
pub fn classify(text: &str) -> Plain {
    if NULL.contains(&text) {
        return Plain::Null;
    }
    if TRUE.contains(&text) {
        return Plain::Bool(true);
    }
    if FALSE.contains(&text) {
        return Plain::Bool(false);
    }
    if INF_NAN.contains(&text) {
        return Plain::NonFinite;
    }
    let first = text.as_bytes()[0];
    // go-yaml tries text that starts with '.' as a float only, underscores kept (so `.0_` is a
    // string).
    if first == b'.' {
        return float(text);
    }
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-')) {
        return Plain::Str;
    }
    if first.is_ascii_digit() && is_timestamp(text) {
        return Plain::Timestamp;
    }
    let plain: String = text.chars().filter(|c| *c != '_').collect();
    if let Some(i) = go_parse_int(&plain) {
        return Plain::Number(Number::from(i));
    }
    if let Some(u) = go_parse_uint(&plain) {
        return Plain::Number(Number::from(u));
    }
    float(&plain)
}

/// The JSON value of a plain scalar, as go-yaml v2 resolves it (the text moves into a string).
pub fn resolve_plain(text: Cow<'_, str>) -> Value {
    match classify(&text) {
        Plain::Null => Value::Null,
        Plain::Bool(b) => Value::Bool(b),
        Plain::Number(n) => Value::Number(n),
        Plain::NonFinite | Plain::Timestamp | Plain::Str => Value::String(text.into_owned()),
    }
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

/// `text` as a go-yaml float; JSON (and the API server) see an integral float as an integer, so
/// `1e3` is 1000.
fn float(text: &str) -> Plain {
    if !is_yaml_float(text) {
        return Plain::Str;
    }
    let Ok(f) = text.parse::<f64>() else {
        return Plain::Str;
    };
    if f.fract() == 0.0 && f.abs() < 1e21 && f.abs() <= i64::MAX as f64 {
        return Plain::Number(Number::from(f as i64));
    }
    Number::from_f64(f).map_or(Plain::NonFinite, Plain::Number)
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

/// The timestamp forms go-yaml v2 recognises: `2006-1-2`, `2006-1-2T15:4:5[.frac](Z|±hh:mm)`
/// (also with `t` or a space, the space form without a zone).
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$",
        )
        .expect("static regex")
    })
    .is_match(s)
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
    fn what_the_printer_must_quote() {
        for (text, want) in [
            ("2026-01-01", Plain::Timestamp),
            ("2026-1-2T3:4:5Z", Plain::Timestamp),
            ("-.Inf", Plain::NonFinite),
            (".NAN", Plain::NonFinite),
            ("1e400", Plain::NonFinite),
            ("1:20", Plain::Str),
            ("hello", Plain::Str),
        ] {
            assert_eq!(classify(text), want, "{text}");
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
