//! Go's `fmt` as templates print values: `%v` of unstructured data and the `Sprintf` verbs
//! templates use (`%q` quotes through `print::quote`).

use super::exec::Val;
use crate::print::quote::go_quote;
use crate::print::yaml::go_format_g;
use serde_json::Value;
use std::fmt::Write as _;

pub(super) fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<nil>",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_i64() || n.is_u64() => "int64",
        Value::Number(_) => "float64",
        Value::String(_) => "string",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}

/// Go's `%v` of a value from an unstructured object.
pub fn go_v(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
        Value::Number(n) => go_format_g(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{}]", a.iter().map(go_v).collect::<Vec<_>>().join(" ")),
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| format!("{k}:{}", go_v(&m[*k])))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
    }
}

pub(super) fn fmt_v(v: &Val) -> String {
    match v {
        None => "<nil>".into(),
        Some(v) => go_v(v),
    }
}

/// Go's `fmt.Sprintf` for the verbs templates use: `%v %s %d %f %g %e %q %t %x %X %c %%`, with
/// flags `-`, `0`, `+`, width and precision. A verb that does not fit its value prints Go's
/// `%!d(string=x)`.
pub(super) fn sprintf(format: &str, args: &[Val]) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    let mut next = 0usize;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let (mut minus, mut zero, mut plus) = (false, false, false);
        while let Some(&f) = chars.peek() {
            match f {
                '-' => minus = true,
                '0' => zero = true,
                '+' => plus = true,
                ' ' | '#' => {}
                _ => break,
            }
            chars.next();
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        let mut precision: Option<usize> = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            precision = Some(p.parse().unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(next) else {
            let _ = write!(out, "%!{verb}(MISSING)");
            continue;
        };
        next += 1;
        let bad = |v: &Val| match v {
            Some(v) => format!("%!{verb}({}={})", go_type(v), go_v(v)),
            None => format!("%!{verb}(<nil>)"),
        };
        let text = match (verb, arg) {
            ('v', v) => fmt_v(v),
            ('s', Some(Value::String(s))) => match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.clone(),
            },
            ('s', Some(v @ (Value::Array(_) | Value::Object(_)))) => go_v(v),
            ('q', Some(Value::String(s))) => go_quote(s),
            ('t', Some(Value::Bool(b))) => b.to_string(),
            ('d', Some(Value::Number(n))) if n.is_i64() => {
                let i = n.as_i64().unwrap_or(0);
                if plus && i >= 0 {
                    format!("+{i}")
                } else {
                    i.to_string()
                }
            }
            ('x' | 'X', Some(Value::Number(n))) if n.is_i64() => {
                let i = n.as_i64().unwrap_or(0);
                if verb == 'x' {
                    format!("{i:x}")
                } else {
                    format!("{i:X}")
                }
            }
            ('x' | 'X', Some(Value::String(s))) => {
                let h: String = s.bytes().map(|b| format!("{b:02x}")).collect();
                if verb == 'X' { h.to_uppercase() } else { h }
            }
            ('c', Some(Value::Number(n))) if n.is_i64() => u32::try_from(n.as_i64().unwrap_or(0))
                .ok()
                .and_then(char::from_u32)
                .map(String::from)
                .unwrap_or_default(),
            ('f' | 'F', Some(Value::Number(n))) if !n.is_i64() || n.is_f64() => {
                format!("{:.*}", precision.unwrap_or(6), n.as_f64().unwrap_or(0.0))
            }
            ('e', Some(Value::Number(n))) if n.is_f64() => {
                let s = format!("{:.*e}", precision.unwrap_or(6), n.as_f64().unwrap_or(0.0));
                let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                let e: i32 = e.parse().unwrap_or(0);
                format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
            }
            ('g', Some(Value::Number(n))) if n.is_f64() => go_format_g(n.as_f64().unwrap_or(0.0)),
            (_, v) => bad(v),
        };
        let width: usize = width.parse().unwrap_or(0);
        let len = text.chars().count();
        if len >= width {
            out.push_str(&text);
        } else if minus {
            out.push_str(&text);
            out.push_str(&" ".repeat(width - len));
        } else if zero && !matches!(verb, 's' | 'q' | 'v') {
            let (sign, digits) = match text.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", text.as_str()),
            };
            out.push_str(sign);
            out.push_str(&"0".repeat(width - len));
            out.push_str(digits);
        } else {
            out.push_str(&" ".repeat(width - len));
            out.push_str(&text);
        }
    }
    if next < args.len() {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[next..]
            .iter()
            .map(|a| match a {
                Some(v) => format!("{}={}", go_type(v), go_v(v)),
                None => "<nil>".into(),
            })
            .collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}
