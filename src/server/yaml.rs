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
}
