//! JSON as kubectl writes it: Go's `json.MarshalIndent(obj, "", "    ")` of an unstructured
//! object, so keys sorted bytewise, `<`, `>`, `&` escaped, and a final newline.

use serde_json::Value;

/// `-o json`: four-space indentation, sorted keys, newline at the end.
pub fn to_json_pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(0));
    out.push('\n');
    out
}

/// One line of compact JSON, as Go's `json.Marshal` writes it (sorted keys).
pub fn to_json_compact(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None);
    out
}

/// Writes `value`; `indent` is the current depth for pretty output, `None` for compact.
pub(crate) fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&go_json_number(n)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent.map(|d| d + 1));
                write_value(out, item, indent.map(|d| d + 1));
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent.map(|d| d + 1));
                write_string(out, key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, &map[key], indent.map(|d| d + 1));
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("    ");
        }
    }
}

/// Go's string encoding with HTML escaping on (the default of `json.Marshal`).
pub(crate) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's float formatting in JSON: plain decimals between 1e-6 and 1e21, exponents outside.
pub fn go_json_number(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let sci = format!("{f:e}");
        let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    if f.fract() == 0.0 {
        return format!("{}", f as i128);
    }
    format!("{f}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pretty_matches_go_marshal_indent() {
        let v = json!({"b": [1, {"y": "<a&b>", "x": []}], "a": {}, "c": 1.5});
        assert_eq!(
            to_json_pretty(&v),
            "{\n    \"a\": {},\n    \"b\": [\n        1,\n        {\n            \"x\": [],\n            \"y\": \"\\u003ca\\u0026b\\u003e\"\n        }\n    ],\n    \"c\": 1.5\n}\n"
        );
    }

    #[test]
    fn compact_sorts_keys() {
        assert_eq!(
            to_json_compact(&json!({"b": 1, "a": [true, null]})),
            "{\"a\":[true,null],\"b\":1}"
        );
    }

    #[test]
    fn floats_as_go() {
        let n = |f: f64| go_json_number(&serde_json::Number::from_f64(f).expect("finite"));
        assert_eq!(n(2.0), "2");
        assert_eq!(n(0.5), "0.5");
        assert_eq!(n(1e21), "1e+21");
        assert_eq!(n(1e-7), "1e-07");
    }
}
