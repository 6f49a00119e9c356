//! The scalar rules go-yaml v2 applies on the way out: which plain strings a YAML 1.1 reader
//! would take for something else (so they must be quoted), and how Go prints numbers.

use serde_json::Number;

/// Whether go-yaml v2 would read `s` back as a string when written plain (`resolve`).
pub(crate) fn resolves_to_string(s: &str) -> bool {
    const SPECIAL: [&str; 37] = [
        "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N",
        "no", "No", "NO", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
    ];
    if SPECIAL.contains(&s) || s == "-.Inf" || s == "-.INF" {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if first == '.' {
        return !is_yaml_float(s);
    }
    if !(first.is_ascii_digit() || first == '+' || first == '-') {
        return true;
    }
    if first.is_ascii_digit() && is_timestamp(s) {
        return false;
    }
    let plain = s.replace('_', "");
    if parses_as_go_int(&plain) || is_yaml_float(&plain) || is_base60_float(s) {
        return false;
    }
    let bin = plain
        .strip_prefix("0b")
        .or_else(|| plain.strip_prefix("-0b"));
    if let Some(digits) = bin
        && !digits.is_empty()
        && digits.chars().all(|c| c == '0' || c == '1')
    {
        return false;
    }
    true
}

/// Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint`: sign, then 0x / 0o / 0b / leading-0 octal.
fn parses_as_go_int(s: &str) -> bool {
    let body = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .unwrap_or(s);
    if body.is_empty() {
        return false;
    }
    let (digits, radix) = if let Some(h) = body.strip_prefix("0x").or(body.strip_prefix("0X")) {
        (h, 16)
    } else if let Some(o) = body.strip_prefix("0o").or(body.strip_prefix("0O")) {
        (o, 8)
    } else if let Some(b) = body.strip_prefix("0b").or(body.strip_prefix("0B")) {
        (b, 2)
    } else if body.len() > 1 && body.starts_with('0') {
        (&body[1..], 8)
    } else {
        (body, 10)
    };
    !digits.is_empty() && u128::from_str_radix(digits, radix).is_ok_and(|v| v <= u64::MAX as u128)
}

/// go-yaml's float syntax: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (plus .inf/.nan).
fn is_yaml_float(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if unsigned == ".inf" || lower == ".nan" {
        return true;
    }
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if int_digits == 0 && i == frac_start {
            return false;
        }
    } else if int_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
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

/// The timestamp forms go-yaml v2 recognises: `2006-1-2`, `2006-1-2T15:4:5[.frac](Z|±hh:mm)`
/// (also with `t` or a space, the space form without a zone).
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let re = regex_timestamp();
    re.is_match(s)
}

fn regex_timestamp() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$",
        )
        .expect("static regex")
    })
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
