//! The OpenAPI checks kube-apiserver runs on a custom resource (kube-openapi's validator and
//! the list-type invariants), with its wording: unknown fields, types, formats, enums, required
//! fields, bounds, lengths, patterns, `allOf`/`anyOf`, and `set`/`map` list uniqueness.

use super::nodes::{NodeSet, address, subtrees_with};
use super::path::FieldPath;
use super::{ErrorType, FieldError, go_quote};
use crate::schema::Node;
use base64::Engine;
use regex::Regex;
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// An error about the value at `path`.
pub fn field_error(
    path: &FieldPath,
    error_type: ErrorType,
    bad_value: Option<Value>,
    detail: impl Into<String>,
) -> FieldError {
    FieldError {
        path: path.render(),
        pointer: path.pointer(),
        error_type,
        bad_value,
        detail: detail.into(),
    }
}

/// An error kube-openapi reports without a field (`<nil>: Invalid value: "": …`), still pointing
/// at the value it is about so that it gets a position.
fn pathless(path: &FieldPath, detail: String) -> FieldError {
    FieldError {
        path: "<nil>".into(),
        pointer: path.pointer(),
        error_type: ErrorType::Invalid,
        bad_value: Some(Value::String(String::new())),
        detail,
    }
}

/// Checks `value` against `node`, appending every error to `errors`.
pub fn check(value: &Value, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if value.is_null() {
        if !node.nullable && node.type_.is_some() {
            errors.push(type_error(path, node, value));
        }
        return;
    }
    if let Some(want) = node.type_.as_deref()
        && !has_type(value, want)
    {
        errors.push(type_error(path, node, value));
        enum_check(value, node, path, errors);
        return;
    }
    if !node.all_of.is_empty() {
        let mut validated = 0;
        for branch in &node.all_of {
            let before = errors.len();
            check(value, branch, path, errors);
            if errors.len() == before {
                validated += 1;
            }
        }
        if validated != node.all_of.len() {
            let name = path.render();
            let none = if validated == 0 {
                "Found none valid"
            } else {
                ""
            };
            errors.push(pathless(
                path,
                format!(
                    "{} must validate all the schemas (allOf){none}",
                    go_quote(&name)
                ),
            ));
        }
    }
    if !node.any_of.is_empty()
        && !node.any_of.iter().any(|b| {
            let mut scratch = Vec::new();
            check(value, b, path, &mut scratch);
            scratch.is_empty()
        })
    {
        let name = path.render();
        errors.push(pathless(
            path,
            format!(
                "{} must validate at least one schema (anyOf)",
                go_quote(&name)
            ),
        ));
    }
    match value {
        Value::String(s) => string_checks(s, node, path, errors),
        Value::Number(n) => number_checks(n, node, path, errors),
        Value::Array(items) => array_checks(items, node, path, errors),
        Value::Object(map) => object_checks(map, node, path, errors),
        _ => {}
    }
    enum_check(value, node, path, errors);
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn has_type(value: &Value, want: &str) -> bool {
    match want {
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        other => json_type(value) == other,
    }
}

fn type_error(path: &FieldPath, node: &Node, value: &Value) -> FieldError {
    let want = node.type_.as_deref().unwrap_or("object");
    let got = json_type(value);
    field_error(
        path,
        ErrorType::TypeInvalid,
        Some(Value::String(got.into())),
        format!("{} in body must be of type {want}: {got:?}", path.render()),
    )
}

fn enum_check(value: &Value, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if node.enum_values.is_empty() || node.enum_values.contains(value) {
        return;
    }
    let supported: Vec<String> = node
        .enum_values
        .iter()
        .map(|v| match v {
            Value::String(s) => go_quote(s),
            other => go_quote(&other.to_string()),
        })
        .collect();
    errors.push(field_error(
        path,
        ErrorType::NotSupported,
        Some(value.clone()),
        format!("supported values: {}", supported.join(", ")),
    ));
}

/// Every pattern of the embedded schema, compiled once, by the address of its text (the schema
/// is static); `None` when a pattern does not compile (reported as an internal error).
fn pattern(source: &String) -> Option<Cow<'static, Regex>> {
    static PATTERNS: OnceLock<HashMap<usize, Option<Regex>>> = OnceLock::new();
    fn collect(node: &'static Node, out: &mut HashMap<usize, Option<Regex>>) {
        if let Some(p) = &node.pattern {
            out.insert(p as *const String as usize, Regex::new(p).ok());
        }
        let children = node
            .properties
            .values()
            .chain(node.all_of.iter())
            .chain(node.any_of.iter());
        for child in children
            .chain(node.items.as_deref())
            .chain(node.additional_properties.as_deref())
        {
            collect(child, out);
        }
    }
    let patterns = PATTERNS.get_or_init(|| {
        let mut out = HashMap::new();
        collect(&crate::schema::embedded().root, &mut out);
        out
    });
    match patterns.get(&(source as *const String as usize)) {
        Some(compiled) => compiled.as_ref().map(Cow::Borrowed),
        // A schema node that is not the embedded one: compile it for this use only.
        None => Regex::new(source).ok().map(Cow::Owned),
    }
}

fn string_checks(s: &str, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let chars = s.chars().count() as u64;
    if let Some(max) = node.max_length
        && chars > max
    {
        errors.push(field_error(
            path,
            ErrorType::TooLong,
            Some(Value::String(s.into())),
            format!("may not be more than {max} {}", plural(max, "byte")),
        ));
    }
    if let Some(min) = node.min_length
        && chars < min
    {
        errors.push(field_error(
            path,
            ErrorType::Invalid,
            Some(Value::String(s.into())),
            format!(
                "{} in body should be at least {min} chars long",
                path.render()
            ),
        ));
    }
    if let Some(p) = &node.pattern {
        match pattern(p) {
            Some(re) if re.is_match(s) => {}
            Some(_) => errors.push(field_error(
                path,
                ErrorType::Invalid,
                Some(Value::String(s.into())),
                format!("{} in body should match '{p}'", path.render()),
            )),
            None => errors.push(field_error(
                path,
                ErrorType::Internal,
                None,
                format!("the schema's pattern '{p}' does not compile"),
            )),
        }
    }
    let format_ok = match node.format.as_deref() {
        Some("byte") => base64::engine::general_purpose::STANDARD.decode(s).is_ok(),
        Some("date-time") => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        _ => true,
    };
    if !format_ok {
        let format = node.format.as_deref().unwrap_or_default();
        errors.push(field_error(
            path,
            ErrorType::TypeInvalid,
            Some(Value::String(s.into())),
            format!(
                "{} in body must be of type {format}: {}",
                path.render(),
                go_quote(s)
            ),
        ));
    }
}

/// `bytes`/`items`, or the singular for one, as apimachinery words its limits.
fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// Numbers in messages as Go prints them: integral bounds without a fraction.
fn show(n: &Number) -> String {
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 1e18 => format!("{}", f as i64),
        _ => n.to_string(),
    }
}

fn number_checks(n: &Number, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let in_range = match (node.type_.as_deref(), node.format.as_deref()) {
        (Some("integer"), Some("int32")) => n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()),
        (Some("integer"), _) => n.as_i64().is_some(),
        _ => true,
    };
    if !in_range {
        let kind = node.type_.as_deref().unwrap_or("integer");
        let format = node.format.as_deref().unwrap_or("int64");
        errors.push(pathless(
            path,
            format!(
                "Checked value must be of type {kind} with format {format} in {}",
                path.render()
            ),
        ));
    }
    let v = n.as_f64().unwrap_or(f64::NAN);
    let bad = Some(Value::Number(n.clone()));
    if let Some(min) = &node.minimum {
        let m = min.as_f64().unwrap_or(f64::MIN);
        let (fails, words) = if node.exclusive_minimum {
            (v <= m, "greater than")
        } else {
            (v < m, "greater than or equal to")
        };
        if fails {
            errors.push(field_error(
                path,
                ErrorType::Invalid,
                bad.clone(),
                format!("{} in body should be {words} {}", path.render(), show(min)),
            ));
        }
    }
    if let Some(max) = &node.maximum {
        let m = max.as_f64().unwrap_or(f64::MAX);
        let (fails, words) = if node.exclusive_maximum {
            (v >= m, "less than")
        } else {
            (v > m, "less than or equal to")
        };
        if fails {
            errors.push(field_error(
                path,
                ErrorType::Invalid,
                bad,
                format!("{} in body should be {words} {}", path.render(), show(max)),
            ));
        }
    }
}

fn array_checks(items: &[Value], node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let len = items.len() as u64;
    if let Some(max) = node.max_items
        && len > max
    {
        errors.push(field_error(
            path,
            ErrorType::TooMany,
            Some(Value::from(len)),
            format!("must have at most {max} {}", plural(max, "item")),
        ));
    }
    if let Some(min) = node.min_items
        && len < min
    {
        errors.push(field_error(
            path,
            ErrorType::Invalid,
            Some(Value::Array(items.to_vec())),
            format!("{} in body should have at least {min} items", path.render()),
        ));
    }
    if let Some(item) = &node.items {
        for (i, v) in items.iter().enumerate() {
            check(v, item, &path.index(i), errors);
        }
    }
}

fn object_checks(
    map: &serde_json::Map<String, Value>,
    node: &Node,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    for required in &node.required {
        if !map.contains_key(required) {
            errors.push(field_error(
                &path.key(required),
                ErrorType::Required,
                None,
                "",
            ));
        }
    }
    let count = map.len() as u64;
    if let Some(max) = node.max_properties
        && count > max
    {
        errors.push(field_error(
            path,
            ErrorType::TooMany,
            Some(Value::from(count)),
            format!("must have at most {max} {}", plural(max, "item")),
        ));
    }
    if let Some(min) = node.min_properties
        && count < min
    {
        errors.push(field_error(
            path,
            ErrorType::Invalid,
            Some(Value::String(String::new())),
            format!(
                "{} in body should have at least {min} properties",
                path.render()
            ),
        ));
    }
    for (key, v) in map {
        if let Some(prop) = node.properties.get(key) {
            check(v, prop, &path.key(key), errors);
        } else if let Some(values) = &node.additional_properties {
            check(v, values, &path.key(key), errors);
        }
    }
}

/// Fields the schema does not declare, as strict field validation reports them
/// (`unknown field "spec.retry.numRetrys"`), removed from `value` as pruning would.
pub fn unknown_fields(
    value: &mut Value,
    node: &Node,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    if node.preserve_unknown_fields || node.embedded_resource {
        return;
    }
    match value {
        Value::Object(map) => {
            let free_form = node.properties.is_empty()
                && node.additional_properties.is_none()
                && node.reference.as_deref() == Some("FieldsV1");
            if free_form {
                return;
            }
            // Rebuilding the map is costly: only do it when something is to be removed.
            if node.additional_properties.is_none()
                && map.keys().any(|k| !node.properties.contains_key(k))
            {
                map.retain(|key, _| {
                    let known = node.properties.contains_key(key);
                    if !known {
                        errors.push(field_error(
                            &path.key(key),
                            ErrorType::UnknownField,
                            None,
                            "",
                        ));
                    }
                    known
                });
            }
            for (key, v) in map.iter_mut() {
                let child = node
                    .properties
                    .get(key)
                    .or(node.additional_properties.as_deref());
                if let Some(child) = child {
                    unknown_fields(v, child, &path.key(key), errors);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = &node.items {
                for (i, v) in items.iter_mut().enumerate() {
                    unknown_fields(v, item, &path.index(i), errors);
                }
            }
        }
        _ => {}
    }
}

/// Nodes with a `set` or `map` list at or below them: the uniqueness walk skips the rest.
fn with_unique_lists() -> &'static NodeSet {
    static SET: OnceLock<NodeSet> = OnceLock::new();
    SET.get_or_init(|| {
        subtrees_with(&crate::schema::embedded().root, &|n| {
            matches!(n.list_type.as_deref(), Some("set" | "map"))
        })
    })
}

/// `x-kubernetes-list-type: set` and `map` lists hold no duplicates (`Duplicate value`).
/// `node` is one of the embedded schema's nodes.
pub fn list_types(value: &Value, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if !with_unique_lists().contains(&address(node)) {
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let child = node
                    .properties
                    .get(key)
                    .or(node.additional_properties.as_deref());
                if let Some(child) = child {
                    list_types(v, child, &path.key(key), errors);
                }
            }
        }
        Value::Array(items) => {
            match node.list_type.as_deref() {
                Some("set") => {
                    for (i, v) in items.iter().enumerate() {
                        if items[..i].contains(v) {
                            errors.push(field_error(
                                &path.index(i),
                                ErrorType::Duplicate,
                                Some(v.clone()),
                                "",
                            ));
                        }
                    }
                }
                Some("map") => {
                    let key_of = |v: &Value| -> serde_json::Map<String, Value> {
                        node.list_map_keys
                            .iter()
                            .filter_map(|k| v.get(k).map(|x| (k.clone(), x.clone())))
                            .collect()
                    };
                    let keys: Vec<_> = items.iter().map(key_of).collect();
                    for (i, k) in keys.iter().enumerate() {
                        if keys[..i].contains(k) {
                            errors.push(field_error(
                                &path.index(i),
                                ErrorType::Duplicate,
                                Some(Value::Object(k.clone())),
                                "",
                            ));
                        }
                    }
                }
                _ => {}
            }
            if let Some(item) = &node.items {
                for (i, v) in items.iter().enumerate() {
                    list_types(v, item, &path.index(i), errors);
                }
            }
        }
        _ => {}
    }
}
