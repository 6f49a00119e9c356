//! YAML bodies (server-side apply) decoded into JSON values with saphyr.

use saphyr::{LoadableYamlNode, Scalar, Yaml};
use serde_json::{Map, Value};

fn scalar_key(y: &Yaml) -> Result<String, String> {
    match y {
        Yaml::Value(Scalar::String(s)) => Ok(s.to_string()),
        Yaml::Value(Scalar::Integer(i)) => Ok(i.to_string()),
        Yaml::Value(Scalar::Boolean(b)) => Ok(b.to_string()),
        Yaml::Value(Scalar::FloatingPoint(f)) => Ok(f.to_string()),
        Yaml::Value(Scalar::Null) => Ok("null".into()),
        Yaml::Representation(s, _, _) => Ok(s.to_string()),
        Yaml::Tagged(_, inner) => scalar_key(inner),
        _ => Err("error converting YAML to JSON: mapping keys must be scalars".into()),
    }
}

fn to_json(y: &Yaml) -> Result<Value, String> {
    Ok(match y {
        Yaml::Value(Scalar::Null) => Value::Null,
        Yaml::Value(Scalar::Boolean(b)) => Value::Bool(*b),
        Yaml::Value(Scalar::Integer(i)) => Value::from(*i),
        Yaml::Value(Scalar::FloatingPoint(f)) => serde_json::Number::from_f64(f.into_inner())
            .map(Value::Number)
            .ok_or("error converting YAML to JSON: non-finite number")?,
        Yaml::Value(Scalar::String(s)) => Value::String(s.to_string()),
        Yaml::Representation(s, _, _) => Value::String(s.to_string()),
        Yaml::Tagged(_, inner) => to_json(inner)?,
        Yaml::Sequence(items) => Value::Array(items.iter().map(to_json).collect::<Result<_, _>>()?),
        Yaml::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(scalar_key(k)?, to_json(v)?);
            }
            Value::Object(out)
        }
        Yaml::Alias(_) => {
            return Err("error converting YAML to JSON: aliases are not supported".into());
        }
        Yaml::BadValue => return Err("error converting YAML to JSON: bad value".into()),
    })
}

/// Parses exactly one YAML (or JSON) document.
pub fn parse(text: &str) -> Result<Value, String> {
    let docs =
        Yaml::load_from_str(text).map_err(|e| format!("error converting YAML to JSON: {e}"))?;
    match docs.as_slice() {
        [] => Ok(Value::Null),
        [one] => to_json(one),
        _ => Err("error converting YAML to JSON: the body holds more than one document".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_yaml_and_json() {
        let v = parse("a: 1\nb: [x, true]\nc: {d: null}\n").expect("yaml");
        assert_eq!(
            v,
            serde_json::json!({"a": 1, "b": ["x", true], "c": {"d": null}})
        );
        assert_eq!(parse("{\"a\": \"1\"}").expect("json")["a"], "1");
        assert!(parse("a: [").is_err());
    }
}
