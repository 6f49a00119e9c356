//! Whether `metadata` decodes into ObjectMeta as kube-apiserver decodes it (apiextensions-apiserver
//! `pkg/apiserver/schema/objectmeta/coerce.go`: the metadata re-marshalled, keys sorted, then
//! decoded by sigs.k8s.io/json), and if not, the decoder's error in Go's words. The request
//! fails with 400 before any validation, so this check comes first and alone.

use super::{ErrorType, FieldError};
use serde_json::{Map, Value};

/// The Go type of each ObjectMeta field the decoder checks (`managedFields` is the server's).
enum GoType {
    String,
    Int64,
    Time,
    StringMap,
    StringList,
    OwnerReferences,
}

fn field_type(key: &str) -> Option<GoType> {
    Some(match key {
        "name" | "generateName" | "namespace" | "selfLink" | "uid" | "resourceVersion" => {
            GoType::String
        }
        "generation" | "deletionGracePeriodSeconds" => GoType::Int64,
        "creationTimestamp" | "deletionTimestamp" => GoType::Time,
        "labels" | "annotations" => GoType::StringMap,
        "finalizers" => GoType::StringList,
        "ownerReferences" => GoType::OwnerReferences,
        _ => return None,
    })
}

/// The JSON kind Go's decoder names in `cannot unmarshal KIND into …`.
fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "bool".into(),
        Value::Number(_) => "number".into(),
        Value::String(_) => "string".into(),
        Value::Array(_) => "array".into(),
        Value::Object(_) => "object".into(),
    }
}

/// `json: cannot unmarshal KIND into Go struct field STRUCT.FIELD of type TYPE`.
fn type_error(value: &str, strukt: &str, field: &str, go_type: &str) -> String {
    format!(
        "json: cannot unmarshal {value} into Go struct field {strukt}.{field} of type {go_type}"
    )
}

/// The metadata decoding error of `object`, if its metadata does not decode.
pub fn decoding_error(object: &Value) -> Option<FieldError> {
    let meta = object.get("metadata")?.as_object()?;
    let (key, detail) = first_error(meta)?;
    Some(FieldError {
        path: format!("metadata.{key}"),
        pointer: format!("/metadata/{}", crate::manifest::pointer_token(&key)),
        error_type: ErrorType::Undecodable,
        bad_value: None,
        detail,
    })
}

/// Go's decoder returns a custom unmarshaler's error (a timestamp) at once, else the first type
/// error it saved, walking keys in sorted order.
fn first_error(meta: &Map<String, Value>) -> Option<(String, String)> {
    let mut keys: Vec<&String> = meta.keys().collect();
    keys.sort();
    let mut saved: Option<(String, String)> = None;
    for key in keys {
        let value = &meta[key];
        if value.is_null() {
            continue;
        }
        let Some(go_type) = field_type(key) else {
            continue;
        };
        let found = match go_type {
            GoType::Time => {
                if let Some(e) = time_error(value) {
                    return Some((key.clone(), e));
                }
                None
            }
            GoType::String => {
                (!value.is_string()).then(|| type_error(&kind(value), "ObjectMeta", key, "string"))
            }
            GoType::Int64 => int64_error(value).map(|v| type_error(&v, "ObjectMeta", key, "int64")),
            GoType::StringMap => match value {
                Value::Object(map) => {
                    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                    entries.sort_by(|a, b| a.0.cmp(b.0));
                    entries
                        .into_iter()
                        .find(|(_, v)| !v.is_null() && !v.is_string())
                        .map(|(_, v)| type_error(&kind(v), "ObjectMeta", key, "string"))
                }
                other => Some(type_error(
                    &kind(other),
                    "ObjectMeta",
                    key,
                    "map[string]string",
                )),
            },
            GoType::StringList => match value {
                Value::Array(items) => items
                    .iter()
                    .find(|v| !v.is_null() && !v.is_string())
                    .map(|v| type_error(&kind(v), "ObjectMeta", key, "string")),
                other => Some(type_error(&kind(other), "ObjectMeta", key, "[]string")),
            },
            GoType::OwnerReferences => owner_references_error(value),
        };
        if saved.is_none()
            && let Some(e) = found
        {
            saved = Some((key.clone(), e));
        }
    }
    saved
}

/// The value Go names when a JSON value does not fit an int64 (`string`, `number 1.5`).
fn int64_error(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) if n.is_i64() => None,
        Value::Number(n) => Some(format!("number {n}")),
        other => Some(kind(other)),
    }
}

fn owner_references_error(value: &Value) -> Option<String> {
    let Value::Array(items) = value else {
        return Some(type_error(
            &kind(value),
            "ObjectMeta",
            "ownerReferences",
            "[]v1.OwnerReference",
        ));
    };
    for item in items.iter().filter(|v| !v.is_null()) {
        let Value::Object(fields) = item else {
            return Some(type_error(
                &kind(item),
                "ObjectMeta",
                "ownerReferences",
                "v1.OwnerReference",
            ));
        };
        let mut names: Vec<&String> = fields.keys().collect();
        names.sort();
        for name in names {
            let v = &fields[name];
            let go_type = match name.as_str() {
                "apiVersion" | "kind" | "name" => "string",
                "uid" => "types.UID",
                "controller" | "blockOwnerDeletion" => "bool",
                _ => continue,
            };
            let fits = v.is_null()
                || if go_type == "bool" {
                    v.is_boolean()
                } else {
                    v.is_string()
                };
            if !fits {
                let field = format!("ownerReferences.{name}");
                return Some(type_error(&kind(v), "OwnerReference", &field, go_type));
            }
        }
    }
    None
}

/// metav1.Time's UnmarshalJSON: a JSON string parsed with `time.RFC3339`.
fn time_error(value: &Value) -> Option<String> {
    let Value::String(text) = value else {
        return Some(format!(
            "json: cannot unmarshal {} into Go value of type string",
            kind(value)
        ));
    };
    rfc3339_error(text)
}

const RFC3339: &str = "2006-01-02T15:04:05Z07:00";

/// Go's `time.Parse(time.RFC3339, text)` error, element by element as its layout parser fails.
fn rfc3339_error(text: &str) -> Option<String> {
    let quote = crate::print::quote::go_quote;
    let cannot = |rest: &str, elem: &str| {
        Some(format!(
            "parsing time {} as {}: cannot parse {} as {}",
            quote(text),
            quote(RFC3339),
            quote(rest),
            quote(elem)
        ))
    };
    let out_of_range =
        |what: &str| Some(format!("parsing time {}: {what} out of range", quote(text)));
    let digits =
        |s: &str, n: usize| s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit);
    let mut rest = text;
    if !digits(rest, 4) {
        return cannot(rest, "2006");
    }
    let year: u32 = rest[..4].parse().unwrap_or(0);
    rest = &rest[4..];
    let mut fields = [0u32; 5];
    for (i, (sep, elem)) in [
        ("-", "01"),
        ("-", "02"),
        ("T", "15"),
        (":", "04"),
        (":", "05"),
    ]
    .into_iter()
    .enumerate()
    {
        let Some(after) = rest.strip_prefix(sep) else {
            return cannot(rest, sep);
        };
        rest = after;
        // The hour takes one or two digits; the others exactly two.
        let width = if elem == "15" && !digits(rest, 2) {
            1
        } else {
            2
        };
        if !digits(rest, width) {
            return cannot(rest, elem);
        }
        fields[i] = rest[..width].parse().unwrap_or(0);
        rest = &rest[width..];
        let limit = match elem {
            "01" => (1..=12, "month"),
            "15" => (0..=23, "hour"),
            "04" => (0..=59, "minute"),
            "05" => (0..=59, "second"),
            _ => (1..=31, "day"),
        };
        if !limit.0.contains(&fields[i]) {
            return out_of_range(limit.1);
        }
    }
    // Fractional seconds after the seconds.
    if let Some(after) = rest.strip_prefix(['.', ',']).filter(|a| digits(a, 1)) {
        rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    if let Some(after) = rest.strip_prefix('Z') {
        rest = after;
    } else {
        let zone_ok = rest.len() >= 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && digits(&rest[1..], 2)
            && rest.as_bytes()[3] == b':'
            && digits(&rest[4..], 2);
        if !zone_ok {
            return cannot(rest, "Z07:00");
        }
        rest = &rest[6..];
    }
    if !rest.is_empty() {
        return Some(format!(
            "parsing time {}: extra text: {}",
            quote(text),
            quote(rest)
        ));
    }
    let (month, day) = (fields[0], fields[1]);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (day > days).then(|| format!("parsing time {}: day out of range", quote(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn error(meta: Value) -> Option<String> {
        decoding_error(&json!({"metadata": meta})).map(|e| e.message())
    }

    #[test]
    fn type_errors_in_go_words() {
        assert_eq!(
            error(json!({"name": "a", "labels": {"b": "x", "a": 5}})).as_deref(),
            Some(
                "BackendTrafficPolicy in version \"v1alpha1\" cannot be handled as a BackendTrafficPolicy: json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string"
            )
        );
        assert!(
            error(json!({"finalizers": "x"}))
                .is_some_and(|m| m.ends_with("ObjectMeta.finalizers of type []string"))
        );
        assert!(
            error(json!({"generation": 1.5}))
                .is_some_and(|m| m.ends_with("cannot unmarshal number 1.5 into Go struct field ObjectMeta.generation of type int64"))
        );
        assert!(
            error(json!({"ownerReferences": [{"uid": 7}]})).is_some_and(|m| m
                .ends_with("Go struct field OwnerReference.ownerReferences.uid of type types.UID"))
        );
        assert_eq!(
            error(json!({"name": "a", "labels": {"a": "b"}, "creationTimestamp": null})),
            None
        );
    }

    #[test]
    fn timestamps_as_go_parses_them() {
        let at = |t: &str| rfc3339_error(t);
        assert_eq!(at("2024-01-02T03:04:05Z"), None);
        assert_eq!(at("2024-01-02T03:04:05.123+02:00"), None);
        assert_eq!(
            at("bad").as_deref(),
            Some(
                "parsing time \"bad\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"bad\" as \"2006\""
            )
        );
        assert_eq!(
            at("2024-13-01T00:00:00Z").as_deref(),
            Some("parsing time \"2024-13-01T00:00:00Z\": month out of range")
        );
        assert_eq!(
            at("2024-01-02").as_deref(),
            Some(
                "parsing time \"2024-01-02\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\""
            )
        );
        assert_eq!(
            at("2023-02-29T00:00:00Z").as_deref(),
            Some("parsing time \"2023-02-29T00:00:00Z\": day out of range")
        );
        assert_eq!(
            at("2024-01-02T03:04:05Zjunk").as_deref(),
            Some("parsing time \"2024-01-02T03:04:05Zjunk\": extra text: \"junk\"")
        );
        assert!(error(json!({"creationTimestamp": 5})).is_some_and(|m| {
            m.ends_with("json: cannot unmarshal number into Go value of type string")
        }));
    }
}
