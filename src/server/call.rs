//! One API request as the handlers see it (project, namespace, name, query, negotiated media
//! types, body), and the JSON responses they send.

use super::status::ApiError;
use super::store::Key;
use crate::validate::{ErrorType, FieldError};
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use std::collections::HashMap;

pub const JSON: &str = "application/json";
pub const TABLE_CONTENT_TYPE: &str = "application/json;as=Table;v=v1;g=meta.k8s.io";

#[derive(Debug, Clone)]
pub struct Call {
    pub project: String,
    pub namespace: Option<String>,
    pub name: Option<String>,
    /// The request names the `status` subresource.
    pub status: bool,
    pub query: HashMap<String, String>,
    pub accept: String,
    pub content_type: String,
    pub user_agent: String,
    pub body: Bytes,
}

impl Call {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query.get(name).map(String::as_str)
    }

    /// A whole-number query parameter; absent or empty is None, anything else that is not a
    /// whole number is a 400 naming the parameter, as kube-apiserver refuses it.
    pub fn number(&self, name: &str) -> Result<Option<u64>, ApiError> {
        match self.param(name) {
            None | Some("") => Ok(None),
            Some(text) => text.parse::<u64>().map(Some).map_err(|_| {
                ApiError::bad_request(format!(
                    "{name}: Invalid value: {}: must be a non-negative whole number",
                    serde_json::Value::String(text.to_string())
                ))
            }),
        }
    }

    pub fn flag(&self, name: &str) -> bool {
        matches!(self.param(name), Some("true" | "1"))
    }

    pub fn dry_run(&self) -> bool {
        self.param("dryRun") == Some("All")
    }

    pub fn wants_table(&self) -> bool {
        self.accept
            .split(',')
            .next()
            .is_some_and(|first| first.contains("as=Table") && first.contains("g=meta.k8s.io"))
    }

    /// The field manager: the query's, else the user agent's program name, as kube-apiserver does.
    pub fn field_manager(&self) -> String {
        match self.param("fieldManager") {
            Some(m) if !m.is_empty() => m.to_string(),
            _ => {
                let agent = self.user_agent.split('/').next().unwrap_or("").trim();
                if agent.is_empty() {
                    "unknown".into()
                } else {
                    agent.to_string()
                }
            }
        }
    }

    pub fn key(&self) -> Key {
        Key {
            project: self.project.clone(),
            namespace: self.namespace.clone().unwrap_or_default(),
            name: self.name.clone().unwrap_or_default(),
        }
    }

    /// The request options kube-apiserver validates before it reads the body (apimachinery
    /// 1.37 `pkg/apis/meta/v1/validation/validation.go`: ValidateCreateOptions and its
    /// Update/Patch siblings), as a 422 on the options' kind (`CreateOptions.meta.k8s.io "" is
    /// invalid: …`). `kind` is `CreateOptions`, `UpdateOptions`, `PatchOptions` or
    /// `DeleteOptions` (which has no fieldManager or fieldValidation).
    pub fn check_options(&self, kind: &str) -> Result<(), ApiError> {
        let mut errors = Vec::new();
        let with_body = kind != "DeleteOptions";
        if with_body && let Some(manager) = self.param("fieldManager") {
            errors.extend(field_manager_errors(manager));
        }
        if let Some(dry_run) = self.param("dryRun")
            && !dry_run.is_empty()
            && dry_run != "All"
        {
            errors.push(option_error(
                "dryRun",
                ErrorType::NotSupported,
                Some(serde_json::json!([dry_run])),
                "supported values: \"All\"",
            ));
        }
        if with_body
            && let Some(validation) = self.param("fieldValidation")
            && crate::validate::FieldValidation::from_param(validation).is_none()
        {
            errors.push(option_error(
                "fieldValidation",
                ErrorType::NotSupported,
                Some(serde_json::Value::String(validation.into())),
                "supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::invalid_options(kind, &errors))
        }
    }
}

/// kube-apiserver's limit on a field manager's length.
const FIELD_MANAGER_MAX_BYTES: usize = 128;

/// ValidateFieldManager: at most 128 bytes, every character printable.
fn field_manager_errors(manager: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if manager.len() > FIELD_MANAGER_MAX_BYTES {
        errors.push(option_error(
            "fieldManager",
            ErrorType::TooLong,
            None,
            &format!("may not be more than {FIELD_MANAGER_MAX_BYTES} bytes"),
        ));
    }
    for (at, c) in manager.char_indices() {
        if c.is_control() || (c.is_whitespace() && c != ' ') {
            errors.push(option_error(
                "fieldManager",
                ErrorType::Invalid,
                Some(serde_json::Value::String(manager.into())),
                &format!("invalid character U+{:04X} (at position {at})", c as u32),
            ));
        }
    }
    errors
}

fn option_error(
    path: &str,
    error_type: ErrorType,
    bad_value: Option<serde_json::Value>,
    detail: &str,
) -> FieldError {
    FieldError {
        path: path.into(),
        pointer: String::new(),
        error_type,
        bad_value,
        detail: detail.into(),
    }
}

/// A JSON response with kube's `Warning` headers.
pub fn json_response(code: u16, body: impl Into<Body>, warnings: &[String]) -> Response {
    typed_response(code, JSON, body, warnings)
}

pub fn typed_response(
    code: u16,
    content_type: &str,
    body: impl Into<Body>,
    warnings: &[String],
) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = StatusCode::from_u16(code).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    for w in capped_warnings(warnings) {
        let text = format!("299 - {}", serde_json::Value::String(w));
        if let Ok(v) = HeaderValue::from_str(&text) {
            headers.append(header::WARNING, v);
        }
    }
    response
}

/// kube-apiserver's bounds on `Warning` headers: this many characters of warning text in all…
const WARNINGS_TOTAL_CHARS: usize = 4 * 1024;
/// …and, once that is exceeded, each warning cut to this many characters.
const WARNING_ITEM_CHARS: usize = 256;

/// The warnings to send, as kube-apiserver's warning recorder sends them: duplicates dropped;
/// while the texts fit in the total they go out whole; the first one that does not fit
/// switches to truncation — every warning so far is re-sent cut to the item length, and more
/// are added (cut) only until the total is reached again.
pub fn capped_warnings(warnings: &[String]) -> Vec<String> {
    let cut = |text: &str| -> (String, usize) {
        let length = text.chars().count();
        if length > WARNING_ITEM_CHARS {
            (
                text.chars().take(WARNING_ITEM_CHARS).collect(),
                WARNING_ITEM_CHARS,
            )
        } else {
            (text.to_string(), length)
        }
    };
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<&str> = Vec::new();
    let mut sent: Vec<String> = Vec::new();
    let mut written = 0usize;
    let mut truncating = false;
    for text in warnings {
        if text.is_empty() {
            continue;
        }
        if truncating && written >= WARNINGS_TOTAL_CHARS {
            break;
        }
        if !seen.insert(text.as_str()) {
            continue;
        }
        kept.push(text);
        if truncating {
            let (text, length) = cut(text);
            written += length;
            sent.push(text);
            continue;
        }
        let length = text.chars().count();
        if written + length <= WARNINGS_TOTAL_CHARS {
            written += length;
            sent.push(text.clone());
            continue;
        }
        truncating = true;
        sent.clear();
        written = 0;
        for earlier in &kept {
            let (text, length) = cut(earlier);
            written += length;
            sent.push(text);
        }
    }
    sent
}

pub fn error_response(error: &ApiError) -> Response {
    let body = serde_json::to_vec(&error.to_status()).unwrap_or_default();
    let mut response = json_response(error.code, body, &[]);
    if let Some(seconds) = error
        .details
        .as_ref()
        .and_then(|d| d["retryAfterSeconds"].as_u64())
    {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

pub fn value_response(code: u16, value: &serde_json::Value, warnings: &[String]) -> Response {
    json_response(
        code,
        serde_json::to_vec(value).unwrap_or_default(),
        warnings,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_deduplicated_then_cut_once_the_total_is_exceeded() {
        let few: Vec<String> = ["a", "b", "a", ""].iter().map(|s| s.to_string()).collect();
        assert_eq!(capped_warnings(&few), ["a", "b"]);
        // 100,000 distinct long warnings: bounded by the total, each cut to the item length.
        let many: Vec<String> = (0..100_000)
            .map(|i| format!("duplicate field \"k{i}\" {}", "x".repeat(300)))
            .collect();
        let sent = capped_warnings(&many);
        let total: usize = sent.iter().map(|w| w.chars().count()).sum();
        assert!(sent.iter().all(|w| w.chars().count() <= WARNING_ITEM_CHARS));
        assert!(total < WARNINGS_TOTAL_CHARS + WARNING_ITEM_CHARS, "{total}");
        assert_eq!((sent.len(), total), (16, WARNINGS_TOTAL_CHARS));
        assert!(sent[0].starts_with("duplicate field \"k0\""));
        // Under the total, texts go out whole.
        let long = vec!["y".repeat(1000); 1];
        assert_eq!(capped_warnings(&long), long);
    }
}
