//! ObjectMeta rules the apiserver applies to every custom resource (apimachinery's
//! ValidateObjectMeta), with its messages: the name is a DNS-1123 subdomain, the namespace a
//! DNS-1123 label, label and annotation keys are qualified names, label values are short tokens.

use super::path::FieldPath;
use super::structural::field_error;
use super::{ErrorType, FieldError};
use regex::Regex;
use serde_json::Value;
use std::sync::OnceLock;

const DNS1123_LABEL: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN: &str = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const QUALIFIED_NAME: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
/// kube-apiserver's limit on the total size of an object's annotations.
const ANNOTATIONS_LIMIT: usize = 256 * 1024;

fn full(pattern: &'static str, cell: &'static OnceLock<Regex>) -> &'static Regex {
    cell.get_or_init(|| Regex::new(&format!("^(?:{pattern})$")).expect("constant pattern"))
}

fn subdomain_errors(value: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    if value.len() > 253 {
        out.push("must be no more than 253 characters".to_string());
    }
    if !full(DNS1123_SUBDOMAIN, &RE).is_match(value) {
        out.push(format!("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '{DNS1123_SUBDOMAIN}')"));
    }
    out
}

fn label_errors(value: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    if value.len() > 63 {
        out.push("must be no more than 63 characters".to_string());
    }
    if !full(DNS1123_LABEL, &RE).is_match(value) {
        out.push(format!("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '{DNS1123_LABEL}')"));
    }
    out
}

fn qualified_name_errors(value: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    let parts: Vec<&str> = value.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                out.push("prefix part must be non-empty".to_string());
            } else {
                out.extend(
                    subdomain_errors(prefix)
                        .into_iter()
                        .map(|m| format!("prefix part {m}")),
                );
            }
            *name
        }
        _ => {
            out.push(format!("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '{QUALIFIED_NAME}') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"));
            return out;
        }
    };
    if name.is_empty() {
        out.push("name part must be non-empty".to_string());
    } else if name.len() > 63 {
        out.push("name part must be no more than 63 characters".to_string());
    }
    if !name.is_empty() && !full(QUALIFIED_NAME, &RE).is_match(name) {
        out.push(format!("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '{QUALIFIED_NAME}')"));
    }
    out
}

fn label_value_errors(value: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    if value.len() > 63 {
        out.push("must be no more than 63 characters".to_string());
    }
    if !full(LABEL_VALUE, &RE).is_match(value) {
        out.push(format!("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '{LABEL_VALUE}')"));
    }
    out
}

/// Checks `metadata` of `object` (types were checked against the schema already).
pub fn check(object: &Value, errors: &mut Vec<FieldError>) {
    let root = FieldPath::root();
    let meta_path = root.key("metadata");
    let meta = object.get("metadata");
    let name = meta.and_then(|m| m.get("name")).and_then(Value::as_str);
    let generate = meta
        .and_then(|m| m.get("generateName"))
        .and_then(Value::as_str);
    match name {
        Some(name) if !name.is_empty() => {
            for msg in subdomain_errors(name) {
                errors.push(field_error(
                    &meta_path.key("name"),
                    ErrorType::Invalid,
                    Some(Value::String(name.into())),
                    msg,
                ));
            }
        }
        _ if generate.is_some_and(|g| !g.is_empty()) => {}
        _ => errors.push(field_error(
            &meta_path.key("name"),
            ErrorType::Required,
            None,
            "name or generateName is required",
        )),
    }
    let Some(meta) = meta else { return };
    if let Some(ns) = meta.get("namespace").and_then(Value::as_str)
        && !ns.is_empty()
    {
        for msg in label_errors(ns) {
            errors.push(field_error(
                &meta_path.key("namespace"),
                ErrorType::Invalid,
                Some(Value::String(ns.into())),
                msg,
            ));
        }
    }
    if let Some(labels) = meta.get("labels").and_then(Value::as_object) {
        let path = meta_path.key("labels");
        for (key, value) in labels {
            for msg in qualified_name_errors(key) {
                errors.push(field_error(
                    &path,
                    ErrorType::Invalid,
                    Some(Value::String(key.clone())),
                    msg,
                ));
            }
            if let Some(v) = value.as_str() {
                for msg in label_value_errors(v) {
                    errors.push(field_error(
                        &path.key(key),
                        ErrorType::Invalid,
                        Some(Value::String(v.into())),
                        msg,
                    ));
                }
            }
        }
    }
    if let Some(annotations) = meta.get("annotations").and_then(Value::as_object) {
        let path = meta_path.key("annotations");
        let mut total = 0;
        for (key, value) in annotations {
            total += key.len() + value.as_str().map_or(0, str::len);
            for msg in qualified_name_errors(&key.to_lowercase()) {
                errors.push(field_error(
                    &path,
                    ErrorType::Invalid,
                    Some(Value::String(key.clone())),
                    msg,
                ));
            }
        }
        if total > ANNOTATIONS_LIMIT {
            errors.push(field_error(
                &path,
                ErrorType::TooLong,
                None,
                format!("may not be more than {ANNOTATIONS_LIMIT} bytes"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(obj: Value) -> Vec<String> {
        let mut errors = Vec::new();
        check(&obj, &mut errors);
        errors.iter().map(FieldError::message).collect()
    }

    #[test]
    fn name_rules() {
        assert_eq!(
            messages(json!({"metadata": {}})),
            ["metadata.name: Required value: name or generateName is required"]
        );
        let m = messages(json!({"metadata": {"name": "Bad_Name"}}));
        assert_eq!(m.len(), 1);
        assert!(m[0].starts_with(
            "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"
        ));
        assert!(messages(json!({"metadata": {"name": "ok.name-1"}})).is_empty());
    }

    #[test]
    fn label_and_annotation_rules() {
        let m = messages(
            json!({"metadata": {"name": "a", "labels": {"bad key": "x", "app": "bad value"}}}),
        );
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[0].starts_with("metadata.labels: Invalid value: \"bad key\": name part must consist")
        );
        assert!(
            m[1].starts_with("metadata.labels.app: Invalid value: \"bad value\": a valid label")
        );
        let m = messages(json!({"metadata": {"name": "a", "annotations": {"/x": "y"}}}));
        assert_eq!(
            m,
            ["metadata.annotations: Invalid value: \"/x\": prefix part must be non-empty"]
        );
    }
}
