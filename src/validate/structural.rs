//! The OpenAPI checks kube-apiserver runs on a custom resource (kube-openapi's validator and
//! the list-type invariants), with its wording: unknown fields, types, formats, enums, required
//! fields, bounds, lengths, patterns, `allOf`/`anyOf`, and `set`/`map` list uniqueness.

use super::nodes::{NodeSet, address, subtrees_with};
use super::path::FieldPath;
use super::{ErrorType, FieldError};
use crate::print::quote::go_quote;
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

/// Checks `value` against `node`, appending every error to `errors`, in the order kube-openapi's
/// `SchemaValidator` runs its validators (`pkg/validation/validate/schema.go`): type, anyOf and
/// allOf, string, format, number, array, enum, object. A type error does not stop the others:
/// each applies to the kind of value actually given.
pub fn check(value: &Value, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if value.is_null() {
        // Only the type and the enum validators see a null.
        if let Some(want) = declared_type(node)
            && !node.nullable
        {
            errors.push(type_error(path, &want, "null"));
        }
        enum_check(value, node, path, errors);
        return;
    }
    type_check(value, node, path, errors);
    composition_checks(value, node, path, errors);
    match value {
        Value::String(s) => {
            string_checks(s, node, path, errors);
            format_check(s, node, path, errors);
        }
        Value::Number(n) => number_checks(n, node, path, errors),
        Value::Array(items) => array_checks(items, node, path, errors),
        _ => {}
    }
    enum_check(value, node, path, errors);
    if let Value::Object(map) = value {
        object_checks(map, node, path, errors);
    }
}

/// The schema's type as kube-openapi sees it: apiextensions turns `x-kubernetes-int-or-string`
/// into the type list `integer,string` (`pkg/apiserver/validation/validation.go`).
fn declared_type(node: &Node) -> Option<String> {
    if node.int_or_string {
        Some("integer,string".into())
    } else {
        node.type_.clone()
    }
}

/// A number as Go's unstructured JSON holds it (sigs.k8s.io/json): an int64 when the literal is
/// an integer that fits, a float64 otherwise (so 2^63 and above are floats).
fn go_int(n: &Number) -> Option<i64> {
    n.as_i64()
}

/// swag.IsFloat64AJSONInteger: a float64 that is a whole number within ±2^53.
fn is_json_integer(f: f64) -> bool {
    const LIMIT: f64 = 9_007_199_254_740_991.0;
    f.is_finite() && f.fract() == 0.0 && f.abs() <= LIMIT
}

/// The JSON type and the format kube-openapi infers from a decoded value (`schemaInfoForType`).
fn data_type(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::Null => ("null", ""),
        Value::Bool(_) => ("boolean", ""),
        Value::Number(n) if go_int(n).is_some() => ("integer", "int64"),
        Value::Number(_) => ("number", "float64"),
        Value::String(_) => ("string", ""),
        Value::Array(_) => ("array", ""),
        Value::Object(_) => ("object", ""),
    }
}

/// kube-openapi's type validator (`type.go`): the format branch for numbers, booleans and
/// objects given to a formatted field, then the type itself.
fn type_check(value: &Value, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let Some(want) = declared_type(node) else {
        return;
    };
    let contains = |t: &str| want.split(',').any(|w| w == t);
    let (schema_type, data_format) = data_type(value);
    let is_float_int = schema_type == "number"
        && value.as_f64().is_some_and(is_json_integer)
        && contains("integer");
    let is_int_float = schema_type == "integer" && contains("number");
    let textual = matches!(value, Value::String(_) | Value::Array(_));
    let format = node.format.as_deref().unwrap_or_default();
    let compatible = contains(schema_type) || is_float_int || is_int_float;
    // The format branch: a number, boolean or object given to a field with a format.
    if !(textual || format.is_empty() || compatible || data_format == format) {
        errors.push(type_error(path, format, data_format));
        return;
    }
    // A string or list given to a formatted non-numeric field is left to the format check.
    if textual && !(format.is_empty() || contains("number") || contains("integer")) {
        return;
    }
    if !compatible {
        errors.push(type_error(path, &want, schema_type));
    }
}

/// `PATH in body must be of type WANT: "GOT"`, with `GOT` as the value (kube-openapi's
/// `InvalidType` as apiextensions turns it into a `TypeInvalid` field error).
fn type_error(path: &FieldPath, want: &str, got: &str) -> FieldError {
    field_error(
        path,
        ErrorType::TypeInvalid,
        Some(Value::String(got.into())),
        format!(
            "{} in body must be of type {want}: {}",
            path.render(),
            go_quote(got)
        ),
    )
}

/// `anyOf` then `allOf`, as `schema_props.go` runs them: a failed anyOf adds its message and the
/// errors of its first failing branch; allOf adds every branch's errors, then its message.
fn composition_checks(value: &Value, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if !node.any_of.is_empty() {
        let mut first_failures = None;
        let mut matched = false;
        for branch in &node.any_of {
            let mut scratch = Vec::new();
            check(value, branch, path, &mut scratch);
            if scratch.is_empty() {
                matched = true;
                break;
            }
            first_failures.get_or_insert(scratch);
        }
        if !matched {
            let name = path.render();
            errors.push(pathless(
                path,
                format!(
                    "{} must validate at least one schema (anyOf)",
                    go_quote(&name)
                ),
            ));
            errors.extend(first_failures.unwrap_or_default());
        }
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
            let none = if validated == 0 {
                ". None validated"
            } else {
                ""
            };
            errors.push(pathless(
                path,
                format!(
                    "{} must validate all the schemas (allOf){none}",
                    go_quote(&path.render())
                ),
            ));
        }
    }
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
            other => go_quote(&super::go_json(other)),
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

/// kube-openapi's string validator (`validator.go`): maxLength, minLength, pattern, stopping at
/// the first that fails.
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
        return;
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
        return;
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
}

/// kube-openapi's format validator, for the string formats the schema uses.
fn format_check(s: &str, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
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

/// A schema bound as kube-openapi prints it (`MinimumNativeType`/`MaximumNativeType` in
/// values.go): as an int64 when the value checked is an integer, else a float64 through `%v`
/// (`2.147483647e+09`).
fn show(bound: &Number, value: &Number) -> String {
    let f = bound.as_f64().unwrap_or(f64::NAN);
    if go_int(value).is_some() {
        return (f as i64).to_string();
    }
    let as_float = Number::from_f64(f).unwrap_or_else(|| bound.clone());
    super::render_bad_value(&Value::Number(as_float))
}

/// kube-openapi's number validator (`validator.go`): the range of the integer format (only for
/// a single `integer` type), then minimum, then maximum.
fn number_checks(n: &Number, node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if node.type_.as_deref() == Some("integer") && !node.int_or_string {
        let format = match node.format.as_deref() {
            Some(f @ ("int32" | "int64")) => Some(f),
            _ => None,
        };
        // IsValueValidAgainstRange: the value written as Go writes it, parsed as the format.
        let whole = match go_int(n) {
            Some(i) => Some(i),
            None => n
                .as_f64()
                .filter(|f| {
                    f.fract() == 0.0
                        && *f >= -9.223_372_036_854_776e18
                        && *f < 9.223_372_036_854_776e18
                })
                .map(|f| f as i64),
        };
        let fits = match format {
            Some("int32") => whole.is_some_and(|i| i32::try_from(i).is_ok()),
            _ => whole.is_some(),
        };
        if !fits {
            let detail = match format {
                Some(f) => format!(
                    "Checked value must be of type integer with format {f} in {}",
                    path.render()
                ),
                None => format!(
                    "Checked value must be of type integer (default format) in {}",
                    path.render()
                ),
            };
            errors.push(pathless(path, detail));
        }
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
                format!(
                    "{} in body should be {words} {}",
                    path.render(),
                    show(min, n)
                ),
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
                format!(
                    "{} in body should be {words} {}",
                    path.render(),
                    show(max, n)
                ),
            ));
        }
    }
}

/// kube-openapi's slice validator (`slice_validator.go`): the items first, then minItems (the
/// count as the value), then maxItems.
fn array_checks(items: &[Value], node: &Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if let Some(item) = &node.items {
        for (i, v) in items.iter().enumerate() {
            check(v, item, &path.index(i), errors);
        }
    }
    let len = items.len() as u64;
    if let Some(min) = node.min_items
        && len < min
    {
        errors.push(field_error(
            path,
            ErrorType::Invalid,
            Some(Value::from(len)),
            format!("{} in body should have at least {min} items", path.render()),
        ));
    }
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
}

/// kube-openapi's object validator (`object_validator.go`): property counts, map values,
/// declared properties, then required properties.
fn object_checks(
    map: &serde_json::Map<String, Value>,
    node: &Node,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let count = map.len() as u64;
    if let Some(min) = node.min_properties
        && count < min
    {
        errors.push(field_error(
            path,
            ErrorType::Invalid,
            Some(Value::from(count)),
            format!(
                "{} in body should have at least {min} properties",
                path.render()
            ),
        ));
    }
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
    if let Some(values) = &node.additional_properties {
        for (key, v) in map {
            if !node.properties.contains_key(key) {
                check(v, values, &path.key(key), errors);
            }
        }
    }
    for (key, v) in map {
        if let Some(prop) = node.properties.get(key) {
            check(v, prop, &path.key(key), errors);
        }
    }
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
                        // The detail of an unknown field is the known one it is closest to.
                        let names: Vec<String> = node.properties.keys().cloned().collect();
                        errors.push(field_error(
                            &path.key(key),
                            ErrorType::UnknownField,
                            None,
                            crate::schema::explain::nearest(key, &names).unwrap_or_default(),
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
                    for i in second_occurrences(items) {
                        errors.push(field_error(
                            &path.index(i),
                            ErrorType::Duplicate,
                            Some(items[i].clone()),
                            "",
                        ));
                    }
                }
                Some("map") => list_map_duplicates(items, node, path, errors),
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

/// The indices where a value appears for the second time (`validateListSet` in
/// apiextensions-apiserver `pkg/apiserver/schema/listtype/validation.go`): a value written three
/// times is reported once.
fn second_occurrences(values: &[Value]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if values[..i].iter().filter(|earlier| *earlier == v).count() == 1 {
            out.push(i);
        }
    }
    out
}

/// `validateListMap`: every item must be an object (or null); items are keyed by the
/// `x-kubernetes-list-map-keys` they set (an absent key or a null item is "unspecified", `{}`),
/// and the second occurrence of each key is a `Duplicate value` showing it.
fn list_map_duplicates(
    items: &[Value],
    node: &Node,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    if let Some(i) = items.iter().position(|x| !x.is_null() && !x.is_object()) {
        errors.push(field_error(
            &path.index(i),
            ErrorType::Invalid,
            Some(items[i].clone()),
            "must be an object for an array of list-type map",
        ));
        return;
    }
    let keys: Vec<Value> = items
        .iter()
        .map(|x| {
            let key: serde_json::Map<String, Value> = node
                .list_map_keys
                .iter()
                .filter_map(|k| x.get(k).map(|v| (k.clone(), v.clone())))
                .collect();
            Value::Object(key)
        })
        .collect();
    for i in second_occurrences(&keys) {
        errors.push(field_error(
            &path.index(i),
            ErrorType::Duplicate,
            Some(keys[i].clone()),
            "",
        ));
    }
}
