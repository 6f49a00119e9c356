//! Validation of BackendTrafficPolicy objects with Kubernetes semantics: null pruning,
//! defaulting, structural checks and CEL rules, returning field errors (no printing here).
//! `datumctl validate`, `apply` and the local control plane all call `validate_object`.

mod cel;
pub mod datum;
mod defaults;
mod meta;
mod meta_decode;
mod nodes;
pub mod parallel;
pub mod path;
pub mod report;
mod structural;

pub use cel::rule_counts;

use crate::print::quote::go_quote;
use crate::resource;
use path::FieldPath;
use serde_json::Value;

/// Which admission rules a policy is checked against.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The upstream Envoy Gateway CRD: schema and CEL rules
    Upstream,
    /// The CRD plus the rules Datum Cloud's admission webhook adds
    Datum,
}

impl Profile {
    /// The profile by the name users type (`--profile datum`, a context's `profile:`).
    pub fn from_name(name: &str) -> Option<Profile> {
        match name {
            "upstream" => Some(Profile::Upstream),
            "datum" => Some(Profile::Datum),
            _ => None,
        }
    }
}

/// What to do with an object's unknown or duplicate fields and invalid documents: apply's
/// `--validate` (true/strict, warn, false/ignore), the client's write options and the server's
/// `fieldValidation` query parameter are this one setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FieldValidation {
    /// Refuse the object
    #[value(alias = "true")]
    Strict,
    /// Accept it with a warning
    Warn,
    /// Accept it silently
    #[value(alias = "false")]
    Ignore,
}

impl FieldValidation {
    /// The value of the `fieldValidation` query parameter (`Strict`, `Warn`, `Ignore`).
    pub fn as_param(self) -> &'static str {
        match self {
            FieldValidation::Strict => "Strict",
            FieldValidation::Warn => "Warn",
            FieldValidation::Ignore => "Ignore",
        }
    }

    /// The setting a `fieldValidation` query parameter names; the server's default (empty) is Warn.
    pub fn from_param(value: &str) -> Option<Self> {
        match value {
            "Strict" => Some(FieldValidation::Strict),
            "Warn" | "" => Some(FieldValidation::Warn),
            "Ignore" => Some(FieldValidation::Ignore),
            _ => None,
        }
    }
}

/// The profile's name as users type it (`--profile datum`).
pub fn profile_name(profile: Profile) -> &'static str {
    match profile {
        Profile::Upstream => "upstream",
        Profile::Datum => "datum",
    }
}

/// What to check an object against.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub profile: Profile,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            profile: Profile::Upstream,
        }
    }
}

/// The kind of a field error, as Kubernetes names them (`field.ErrorType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorType {
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
    TypeInvalid,
    /// A field the schema does not declare, as strict field validation reports it.
    UnknownField,
    /// Metadata that does not decode into ObjectMeta: kube-apiserver refuses the request body
    /// (400) before it validates anything.
    Undecodable,
}

impl ErrorType {
    /// The phrase in messages: `Required value`, `Unsupported value`, …
    pub fn phrase(self) -> &'static str {
        match self {
            ErrorType::NotFound => "Not found",
            ErrorType::Required => "Required value",
            ErrorType::Duplicate => "Duplicate value",
            ErrorType::Invalid => "Invalid value",
            ErrorType::NotSupported => "Unsupported value",
            ErrorType::Forbidden => "Forbidden",
            ErrorType::TooLong => "Too long",
            ErrorType::TooMany => "Too many",
            ErrorType::Internal => "Internal error",
            ErrorType::TypeInvalid => "Invalid value",
            ErrorType::UnknownField => "unknown field",
            ErrorType::Undecodable => "cannot be handled",
        }
    }

    /// The `reason` of a `Status` cause: `FieldValueRequired`, …
    pub fn cause_reason(self) -> &'static str {
        match self {
            ErrorType::NotFound => "FieldValueNotFound",
            ErrorType::Required => "FieldValueRequired",
            ErrorType::Duplicate => "FieldValueDuplicate",
            ErrorType::Invalid => "FieldValueInvalid",
            ErrorType::NotSupported => "FieldValueNotSupported",
            ErrorType::Forbidden => "FieldValueForbidden",
            ErrorType::TooLong => "FieldValueTooLong",
            ErrorType::TooMany => "FieldValueTooMany",
            ErrorType::Internal => "InternalError",
            ErrorType::TypeInvalid => "FieldValueTypeInvalid",
            // Kubernetes has no cause type for it: strict decoding fails the whole request.
            ErrorType::UnknownField => "FieldValueUnknown",
            ErrorType::Undecodable => "BadRequest",
        }
    }
}

/// One problem with one field, in Kubernetes' words.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// Kubernetes field path: `spec.targetRefs[0].name`.
    pub path: String,
    /// JSON pointer of the value the error is about (`/spec/targetRefs/0/name`), for source positions.
    pub pointer: String,
    pub error_type: ErrorType,
    /// The offending value, when the message shows one.
    pub bad_value: Option<Value>,
    pub detail: String,
}

impl FieldError {
    /// For an unknown field, the known field of the same object its name is closest to.
    pub fn suggestion(&self) -> Option<&str> {
        (self.error_type == ErrorType::UnknownField && !self.detail.is_empty())
            .then_some(self.detail.as_str())
    }

    /// `spec.retry.numRetries: Invalid value: -1: … should be greater than or equal to 0`
    pub fn message(&self) -> String {
        if self.error_type == ErrorType::UnknownField {
            return format!("unknown field {}", go_quote(&self.path));
        }
        if self.error_type == ErrorType::Undecodable {
            return format!(
                "{} in version \"{}\" cannot be handled as a {}: {}",
                resource::KIND,
                resource::VERSION,
                resource::KIND,
                self.detail
            );
        }
        let mut s = format!("{}: {}", self.path, self.error_type.phrase());
        // Kubernetes shows no value for these types (field.Error.ErrorBody).
        let shows_value = !matches!(
            self.error_type,
            ErrorType::Required | ErrorType::Forbidden | ErrorType::TooLong | ErrorType::Internal
        );
        if let Some(v) = self.bad_value.as_ref().filter(|_| shows_value) {
            s.push_str(": ");
            s.push_str(&render_bad_value(v));
        }
        if !self.detail.is_empty() {
            s.push_str(": ");
            s.push_str(&self.detail);
        }
        s
    }
}

/// Values in messages as `field.Error.ErrorBody` renders them (apimachinery
/// `util/validation/field/errors.go`, 1.34 and later): strings quoted as `%q`, numbers and
/// booleans bare (`%v`), anything else (null, lists, maps) as `json.Marshal` writes it.
pub fn render_bad_value(v: &Value) -> String {
    match v {
        Value::String(s) => go_quote(s),
        Value::Number(n) => go_number(n, false),
        Value::Bool(b) => b.to_string(),
        other => go_json(other),
    }
}

/// A number as Go prints it: integers as they are; a float64 with `%v` (shortest digits,
/// exponent form below 1e-4 or from 1e6) or, inside JSON, as `encoding/json` writes it.
fn go_number(n: &serde_json::Number, in_json: bool) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(f64::NAN);
    let abs = f.abs();
    let exponent_form = if in_json {
        abs != 0.0 && !(1e-6..1e21).contains(&abs)
    } else {
        // %v is %g with the shortest digits: strconv switches to an exponent when it is below
        // -4 or at least 6 (`1e+06`, `1.234567e+06`).
        abs != 0.0 && !(1e-4..1e6).contains(&abs)
    };
    if !exponent_form {
        return format!("{f}");
    }
    // Rust writes `1e21` / `1.5e-7`; Go writes `1e+21` / `1.5e-07`.
    let text = format!("{f:e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    let width = if in_json { 1 } else { 2 };
    format!("{mantissa}e{sign}{:0width$}", exp.abs())
}

/// JSON as Go's `json.Marshal` writes it: map keys sorted, `<`, `>`, `&`, U+2028 and U+2029
/// escaped, no spaces.
pub fn go_json(v: &Value) -> String {
    let mut out = String::new();
    write_go_json(v, &mut out);
    out
}

fn write_go_json(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&go_number(n, true)),
        Value::String(s) => crate::print::json::write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_go_json(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                crate::print::json::write_string(out, key);
                out.push(':');
                write_go_json(&map[key], out);
            }
            out.push('}');
        }
    }
}

/// Prunes nulls, applies defaults (in place), then checks `object`; returns every error found,
/// in the apiserver's order: unknown fields, metadata, schema, list invariants, CEL rules.
/// CEL rules are skipped (with the apiserver's note saying so) when an error of a kind that
/// makes them meaningless was found, exactly as kube-apiserver does.
pub fn validate_object(object: &mut Value, options: &Options) -> Vec<FieldError> {
    if let Some(wrong) = kind_errors(object) {
        return wrong;
    }
    if let Some(undecodable) = meta_decode::decoding_error(object) {
        return vec![undecodable];
    }
    let schema = crate::schema::embedded();
    let root = FieldPath::root();
    let mut errors = Vec::new();
    structural::unknown_fields(object, &schema.root, &root, &mut errors);
    // Pruning reports the paths it removed sorted as strings (pruning/algorithm.go).
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    defaults::apply(object, &schema.root);
    meta::check(object, &mut errors);
    structural::check(object, &schema.root, &root, &mut errors);
    structural::list_types(object, &schema.root, &root, &mut errors);
    if errors.iter().any(|e| e.error_type.blocks_rules()) {
        errors.push(FieldError {
            path: "<nil>".into(),
            pointer: String::new(),
            error_type: ErrorType::Invalid,
            // strategy.go's field.Invalid(nil, nil, …): a nil value, which ErrorBody writes as JSON.
            bad_value: Some(Value::Null),
            detail: "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation".into(),
        });
    } else {
        cel::check(object, &schema.root, &root, &mut errors);
    }
    // Datum's webhook is a validating admission step: the API server calls it only for objects
    // that passed the CRD's own checks, so its verdict follows theirs.
    if options.profile == Profile::Datum && errors.is_empty() {
        errors = datum::check(object);
    }
    errors
}

/// The error kube-apiserver's request decoder gives when `object.metadata` does not decode into
/// ObjectMeta (`json: cannot unmarshal …`, a timestamp's parse error), if it does not.
pub fn metadata_decoding_error(object: &Value) -> Option<String> {
    meta_decode::decoding_error(object).map(|e| e.detail)
}

impl ErrorType {
    /// Errors after which kube-apiserver does not run CEL rules (their inputs may be unusable).
    pub fn blocks_rules(self) -> bool {
        matches!(
            self,
            ErrorType::NotSupported
                | ErrorType::Required
                | ErrorType::TooLong
                | ErrorType::TooMany
                | ErrorType::TypeInvalid
        )
    }
}

/// Anything that is not a `gateway.envoyproxy.io/v1alpha1` BackendTrafficPolicy gets one clear
/// error and no further checks.
fn kind_errors(object: &Value) -> Option<Vec<FieldError>> {
    let only = format!(
        "datumctl manages {} only (apiVersion {})",
        resource::KIND,
        resource::API_VERSION
    );
    let error = |path: &str, error_type, bad_value: Option<Value>, detail: &str| FieldError {
        path: path.into(),
        pointer: format!("/{path}"),
        error_type,
        bad_value,
        detail: detail.into(),
    };
    let Value::Object(map) = object else {
        return Some(vec![FieldError {
            path: "<nil>".into(),
            pointer: String::new(),
            error_type: ErrorType::TypeInvalid,
            bad_value: Some(Value::String(structural_type(object).into())),
            detail: "a manifest must be a mapping with apiVersion, kind, metadata and spec".into(),
        }]);
    };
    let mut out = Vec::new();
    match map.get("kind") {
        None => out.push(error("kind", ErrorType::Required, None, &only)),
        Some(Value::String(k)) if k == resource::KIND => {}
        Some(other) => out.push(error(
            "kind",
            ErrorType::Invalid,
            Some(other.clone()),
            &only,
        )),
    }
    match map.get("apiVersion") {
        None => out.push(error("apiVersion", ErrorType::Required, None, &only)),
        Some(Value::String(v)) if v == resource::API_VERSION => {}
        Some(other) if out.is_empty() => out.push(error(
            "apiVersion",
            ErrorType::Invalid,
            Some(other.clone()),
            &only,
        )),
        Some(_) => {}
    }
    (!out.is_empty()).then_some(out)
}

fn structural_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests;
