//! ObjectMeta rules the apiserver applies to every custom resource (apimachinery 1.37's
//! `pkg/api/validation/objectmeta.go` ValidateObjectMeta), with its messages: the name and
//! generateName are DNS-1123 subdomains, the namespace a DNS-1123 label, label and annotation
//! keys and finalizers are label keys (`pkg/api/validate/content/kube.go`), label values short
//! tokens reported at `metadata.labels`.

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

/// `IsDNS1123Subdomain`; `unit` is how the length limit is worded: `characters` in
/// util/validation (names), `bytes` in validate/content (label key prefixes).
fn subdomain_errors(value: &str, unit: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    if value.len() > 253 {
        out.push(format!("must be no more than 253 {unit}"));
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
    static SUBDOMAIN: OnceLock<Regex> = OnceLock::new();
    if full(DNS1123_LABEL, &RE).is_match(value) {
        return out;
    }
    if full(DNS1123_SUBDOMAIN, &SUBDOMAIN).is_match(value) {
        // A valid subdomain that is no label: the length was checked, so it is the dots.
        out.push("must not contain dots".to_string());
    } else {
        out.push(format!("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '{DNS1123_LABEL}')"));
    }
    out
}

/// `IsLabelKey` (validate/content/kube.go), used for label and annotation keys and finalizers.
fn label_key_errors(value: &str) -> Vec<String> {
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
                    subdomain_errors(prefix, "bytes")
                        .into_iter()
                        .map(|m| format!("prefix part {m}")),
                );
            }
            *name
        }
        _ => {
            out.push(format!("a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '{QUALIFIED_NAME}') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"));
            return out;
        }
    };
    if name.is_empty() {
        out.push("name part must be non-empty".to_string());
    } else if name.len() > 63 {
        out.push("name part must be no more than 63 bytes".to_string());
    }
    if !full(QUALIFIED_NAME, &RE).is_match(name) {
        out.push(format!("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '{QUALIFIED_NAME}')"));
    }
    out
}

fn label_value_errors(value: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    if value.len() > 63 {
        out.push("must be no more than 63 bytes".to_string());
    }
    if !full(LABEL_VALUE, &RE).is_match(value) {
        out.push(format!("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '{LABEL_VALUE}')"));
    }
    out
}

/// `maskTrailingDash` (generic.go): a generateName may end in `-`, the random suffix follows it.
fn mask_trailing_dash(name: &str) -> String {
    match name.strip_suffix('-') {
        // Go slices bytes; a name cut inside a character fails the pattern either way.
        Some(_) if name.len() > 1 => format!(
            "{}a",
            String::from_utf8_lossy(&name.as_bytes()[..name.len() - 2])
        ),
        _ => name.to_string(),
    }
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
    if let Some(g) = generate.filter(|g| !g.is_empty()) {
        for msg in subdomain_errors(&mask_trailing_dash(g), "characters") {
            errors.push(field_error(
                &meta_path.key("generateName"),
                ErrorType::Invalid,
                Some(Value::String(g.into())),
                msg,
            ));
        }
    }
    match name {
        Some(name) if !name.is_empty() => {
            for msg in subdomain_errors(name, "characters") {
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
            for msg in label_key_errors(key) {
                errors.push(field_error(
                    &path,
                    ErrorType::Invalid,
                    Some(Value::String(key.clone())),
                    msg,
                ));
            }
            if let Some(v) = value.as_str() {
                for msg in label_value_errors(v) {
                    // ValidateLabels reports values at the labels field, not at the key.
                    errors.push(field_error(
                        &path,
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
            for msg in label_key_errors(&key.to_lowercase()) {
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
    if let Some(finalizers) = meta.get("finalizers").and_then(Value::as_array) {
        finalizer_errors(finalizers, &meta_path.key("finalizers"), errors);
    }
}

/// `ValidateFinalizers`: each is a label key; orphan and foreground deletion exclude each other.
fn finalizer_errors(finalizers: &[Value], path: &FieldPath, errors: &mut Vec<FieldError>) {
    const ORPHAN: &str = "orphan";
    const FOREGROUND: &str = "foregroundDeletion";
    let names: Vec<&str> = finalizers.iter().filter_map(Value::as_str).collect();
    for name in &names {
        for msg in label_key_errors(name) {
            errors.push(field_error(
                path,
                ErrorType::Invalid,
                Some(Value::String((*name).into())),
                msg,
            ));
        }
    }
    if names.contains(&ORPHAN) && names.contains(&FOREGROUND) {
        errors.push(field_error(
            path,
            ErrorType::Invalid,
            Some(Value::Array(finalizers.to_vec())),
            format!("finalizer {ORPHAN} and {FOREGROUND} cannot be both set"),
        ));
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
    fn generate_name_and_finalizers() {
        let m = messages(
            json!({"metadata": {"generateName": "Web-", "finalizers": ["a/b/c", "orphan", "foregroundDeletion"]}}),
        );
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m[0].starts_with(
            "metadata.generateName: Invalid value: \"Web-\": a lowercase RFC 1123 subdomain"
        ));
        assert!(
            m[1].starts_with(
                "metadata.finalizers: Invalid value: \"a/b/c\": a valid label key must consist of"
            ),
            "{}",
            m[1]
        );
        assert_eq!(
            m[2],
            "metadata.finalizers: Invalid value: [\"a/b/c\",\"orphan\",\"foregroundDeletion\"]: finalizer orphan and foregroundDeletion cannot be both set"
        );
        assert!(messages(json!({"metadata": {"generateName": "web-"}})).is_empty());
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
        assert!(m[1].starts_with("metadata.labels: Invalid value: \"bad value\": a valid label"));
        let m = messages(json!({"metadata": {"name": "a", "labels": {"example.com/": "v"}}}));
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(
            m[0],
            "metadata.labels: Invalid value: \"example.com/\": name part must be non-empty"
        );
        assert!(m[1].starts_with(
            "metadata.labels: Invalid value: \"example.com/\": name part must consist of"
        ));
        let m = messages(json!({"metadata": {"name": "a", "annotations": {"/x": "y"}}}));
        assert_eq!(
            m,
            ["metadata.annotations: Invalid value: \"/x\": prefix part must be non-empty"]
        );
    }
}
