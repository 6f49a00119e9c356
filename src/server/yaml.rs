//! YAML bodies (server-side apply) decoded into JSON values by the manifest reader, which bounds
//! nesting depth, size and alias expansion, so a hostile body is refused instead of exhausting
//! the stack or memory.

use serde_json::Value;

/// Parses exactly one YAML (or JSON) document.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut docs = crate::manifest::parse_source("body", text)
        .map_err(|e| format!("error converting YAML to JSON: {e}"))?;
    match docs.len() {
        0 => Ok(Value::Null),
        1 => Ok(docs.remove(0).value),
        _ => Err("error converting YAML to JSON: the body holds more than one object".into()),
    }
}

/// Parses exactly one YAML document as kube-apiserver's non-strict YAML decoder does (a
/// repeated key keeps its last value); also returns each repeated key as go-yaml's strict
/// decoder words it (`line 3: key "a" already set in map`).
pub fn parse_allowing_duplicates(text: &str) -> Result<(Value, Vec<String>), String> {
    let (mut docs, duplicates) = crate::manifest::parse_allowing_duplicates("body", text)
        .map_err(|e| format!("error converting YAML to JSON: {e}"))?;
    let value = match docs.len() {
        0 => Value::Null,
        1 => docs.remove(0),
        _ => {
            return Err(
                "error converting YAML to JSON: the body holds more than one object".into(),
            );
        }
    };
    let worded = duplicates
        .into_iter()
        .map(|(line, key)| {
            format!(
                "line {line}: key {} already set in map",
                crate::print::quote::go_quote(&key)
            )
        })
        .collect();
    Ok((value, worded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_yaml_and_json_and_refuses_hostile_nesting() {
        let v = parse("a: 1\nb: [x, true]\nc: {d: null}\n").expect("yaml");
        assert_eq!(
            v,
            serde_json::json!({"a": 1, "b": ["x", true], "c": {"d": null}})
        );
        assert_eq!(parse("{\"a\": \"1\"}").expect("json")["a"], "1");
        assert!(parse("a: [").is_err());
        assert!(parse(&"[".repeat(100_000)).is_err());
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
    }

    #[test]
    fn repeated_keys_keep_the_last_value_and_are_listed() {
        assert!(parse("a: 1\na: 2\n").is_err());
        let (v, found) =
            parse_allowing_duplicates("a: 1\nb:\n  c: p\n  c: q\na: 2\n").expect("yaml");
        assert_eq!(v, serde_json::json!({"a": 2, "b": {"c": "q"}}));
        assert_eq!(
            found,
            [
                "line 4: key \"c\" already set in map",
                "line 5: key \"a\" already set in map"
            ]
        );
    }
}
