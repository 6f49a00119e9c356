//! The scalar rules go-yaml v2 applies on the way out: which plain strings a YAML 1.1 reader
//! would take for something else (so they must be quoted), and how Go prints numbers. What a
//! plain scalar resolves to is asked of `manifest::scalar`, the rule's one owner, so the reader
//! and the printer cannot drift apart.

use crate::manifest::scalar::{Plain, classify};
use serde_json::Number;

/// Whether `s`, written plain, would be read back as the same string: go-yaml v2 resolves it to a
/// string, it is not a YAML 1.1 sexagesimal number (go-yaml's encoder quotes those), and it is no
/// other-case spelling of `.inf`/`.nan` that a more lenient reader might take for a float.
pub(crate) fn resolves_to_string(s: &str) -> bool {
    classify(s) == Plain::Str && !is_base60_float(s) && !looks_non_finite(s)
}

/// `.iNf`, `+_.InF`, `.nAn`: spellings outside go-yaml's table, quoted to be safe.
fn looks_non_finite(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    if lower.starts_with('.') {
        return lower == ".inf" || lower == ".nan";
    }
    lower.starts_with(['+', '-']) && lower.replace('_', "").trim_start_matches(['+', '-']) == ".inf"
}

/// YAML 1.1 sexagesimal numbers (`1:20`), which go-yaml v2 quotes.
fn is_base60_float(s: &str) -> bool {
    let body = s.trim_start_matches(['+', '-']);
    let (main, frac) = match body.split_once('.') {
        Some((m, f)) => (m, Some(f)),
        None => (body, None),
    };
    if frac.is_some_and(|f| !f.chars().all(|c| c.is_ascii_digit() || c == '_')) {
        return false;
    }
    let mut parts = main.split(':');
    let Some(head) = parts.next() else {
        return false;
    };
    if head.is_empty()
        || !head.starts_with(|c: char| c.is_ascii_digit())
        || !head.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return false;
    }
    let mut any = false;
    for p in parts {
        any = true;
        let ok = match p.as_bytes() {
            [d] => d.is_ascii_digit(),
            [a, b] => (b'0'..=b'5').contains(a) && b.is_ascii_digit(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    any
}

/// Numbers as Go prints them after a JSON round trip: integers plainly, other floats with
/// `strconv.FormatFloat(f, 'g', -1, 64)`.
pub fn go_number(n: &Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    go_format_g(f)
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)` (also `%v`): exponent form below 1e-4 or from 1e6 on.
pub fn go_format_g(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            ".inf".into()
        } else {
            "-.inf".into()
        };
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::resolves_to_string;

    #[test]
    fn quoted_exactly_when_go_yaml_would_not_read_a_string() {
        for s in [
            "2026-01-01",
            "1:20",
            ".inf",
            ".iNf",
            "+_.InF",
            "0x1F",
            "-0b11",
            "1e400",
            "on",
        ] {
            assert!(!resolves_to_string(s), "{s} must be quoted");
        }
        // strconv.ParseInt refuses a second sign, so go-yaml reads these back as strings.
        for s in ["0+5", "++5", "0x+2", "1.2.3", "10s", ".0_"] {
            assert!(resolves_to_string(s), "{s} may stay plain");
        }
    }
}
