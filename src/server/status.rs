//! Errors the API answers with, as Kubernetes `Status` objects worded the way kube-apiserver
//! words them, so kubectl and client-go print and classify them as they would for a real cluster.

use crate::resource::{GROUP, KIND, PLURAL};
use crate::validate::FieldError;
use serde_json::{Value, json};

/// One failed request: HTTP code, `Status.reason`, message and details.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub code: u16,
    pub reason: &'static str,
    pub message: String,
    pub details: Option<Value>,
}

fn resource_details(name: &str) -> Value {
    json!({ "name": name, "group": GROUP, "kind": PLURAL })
}

impl ApiError {
    fn new(code: u16, reason: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            code,
            reason,
            message: message.into(),
            details: None,
        }
    }

    fn with_details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    pub fn not_found(name: &str) -> Self {
        Self::new(
            404,
            "NotFound",
            format!("{PLURAL}.{GROUP} \"{name}\" not found"),
        )
        .with_details(resource_details(name))
    }

    /// A path this server does not serve.
    pub fn no_route() -> Self {
        Self::new(
            404,
            "NotFound",
            "the server could not find the requested resource",
        )
        .with_details(json!({}))
    }

    pub fn already_exists(name: &str) -> Self {
        Self::new(
            409,
            "AlreadyExists",
            format!("{PLURAL}.{GROUP} \"{name}\" already exists"),
        )
        .with_details(resource_details(name))
    }

    /// Optimistic concurrency failure: the client's resourceVersion is stale.
    pub fn conflict(name: &str) -> Self {
        Self::conflict_because(
            name,
            "the object has been modified; please apply your changes to the latest version and try again",
        )
    }

    pub fn conflict_because(name: &str, why: &str) -> Self {
        Self::new(
            409,
            "Conflict",
            format!("Operation cannot be fulfilled on {PLURAL}.{GROUP} \"{name}\": {why}"),
        )
        .with_details(resource_details(name))
    }

    /// Server-side apply conflicts: message and causes already worded by the caller.
    pub fn apply_conflict(message: String, causes: Vec<Value>) -> Self {
        Self::new(409, "Conflict", message).with_details(json!({ "causes": causes }))
    }

    /// 422 with one cause per field error: `Kind.group "name" is invalid: [a, b]`.
    pub fn invalid(name: &str, errors: &[FieldError]) -> Self {
        Self::invalid_of(GROUP, KIND, name, errors)
    }

    /// 422 for request options (`PatchOptions.meta.k8s.io "" is invalid: …`).
    pub fn invalid_options(kind: &str, errors: &[FieldError]) -> Self {
        Self::invalid_of("meta.k8s.io", kind, "", errors)
    }

    fn invalid_of(group: &str, kind: &str, name: &str, errors: &[FieldError]) -> Self {
        let mut messages: Vec<String> = Vec::new();
        let mut causes = Vec::new();
        for e in errors {
            let full = e.message();
            let body = full
                .strip_prefix(&format!("{}: ", e.path))
                .unwrap_or(&full)
                .to_string();
            causes.push(json!({
                "reason": e.error_type.cause_reason(),
                "message": body,
                "field": e.path,
            }));
            // kube-apiserver's aggregate drops repeated messages.
            if !messages.contains(&full) {
                messages.push(full);
            }
        }
        let listed = match messages.len() {
            0 => String::new(),
            1 => format!(": {}", messages[0]),
            _ => format!(": [{}]", messages.join(", ")),
        };
        Self::new(
            422,
            "Invalid",
            format!("{kind}.{group} \"{name}\" is invalid{listed}"),
        )
        .with_details(json!({
            "name": name,
            "group": group,
            "kind": kind,
            "causes": causes,
        }))
    }

    /// The error as the API server relays a validating webhook's refusal.
    pub fn denied_by_webhook(mut self, webhook: &str) -> Self {
        self.message = format!(
            "admission webhook \"{webhook}\" denied the request: {}",
            self.message
        );
        self
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, "BadRequest", message)
    }

    /// A body that does not decode as an object of this kind.
    pub fn undecodable(why: impl std::fmt::Display) -> Self {
        Self::bad_request(format!(
            "{KIND} in version \"v1alpha1\" cannot be handled as a {KIND}: {why}"
        ))
    }

    pub fn unauthorized() -> Self {
        Self::new(401, "Unauthorized", "Unauthorized")
    }

    pub fn forbidden(project: &str) -> Self {
        Self::new(
            403,
            "Forbidden",
            format!(
                "projects.resourcemanager.miloapis.com \"{project}\" is forbidden: this token is not allowed to access the project"
            ),
        )
        .with_details(json!({
            "name": project,
            "group": "resourcemanager.miloapis.com",
            "kind": "projects",
        }))
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            413,
            "RequestEntityTooLarge",
            format!("Request entity too large: limit is {limit}"),
        )
    }

    /// An object that would be stored over the store's limit (etcd's words, which
    /// kube-apiserver passes on).
    pub fn object_too_large() -> Self {
        Self::new(
            413,
            "RequestEntityTooLarge",
            "etcdserver: request is too large",
        )
    }

    /// Over a concurrency limit: try again after a second (sent as `Retry-After` too).
    pub fn too_many_requests(why: &str) -> Self {
        Self::new(
            429,
            "TooManyRequests",
            format!("Too many requests, please try again later. ({why})"),
        )
        .with_details(json!({ "retryAfterSeconds": 1 }))
    }

    /// A watch or continue token older than the history kept.
    pub fn expired(message: impl Into<String>) -> Self {
        Self::new(410, "Expired", message)
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            405,
            "MethodNotAllowed",
            "the server does not allow this method on the requested resource",
        )
        .with_details(json!({}))
    }

    pub fn unsupported_media_type() -> Self {
        Self::new(
            415,
            "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
        )
    }

    /// A create or update body in a media type this server does not read.
    pub fn unsupported_body(accepted: &str) -> Self {
        Self::new(
            415,
            "UnsupportedMediaType",
            format!(
                "the body of the request was in an unknown format - accepted media types include: {accepted}"
            ),
        )
    }

    /// A patch that cannot be applied to the object (failed `test`, missing path).
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(422, "Invalid", message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(500, "InternalError", message)
    }

    pub fn timeout(message: impl Into<String>) -> Self {
        Self::new(504, "Timeout", message)
    }

    /// The `Status` object, with fields in kube-apiserver's order.
    pub fn to_status(&self) -> Value {
        let mut status = json!({
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": self.message,
            "reason": self.reason,
        });
        if let Some(details) = &self.details {
            status["details"] = details.clone();
        }
        status["code"] = json!(self.code);
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ErrorType;

    fn field_error(path: &str, detail: &str) -> FieldError {
        FieldError {
            path: path.into(),
            pointer: String::new(),
            error_type: ErrorType::Invalid,
            bad_value: Some(json!(-1)),
            detail: detail.into(),
        }
    }

    #[test]
    fn not_found_is_worded_like_kube() {
        let s = ApiError::not_found("nope").to_status();
        assert_eq!(
            s["message"],
            "backendtrafficpolicies.gateway.envoyproxy.io \"nope\" not found"
        );
        assert_eq!(s["details"]["kind"], "backendtrafficpolicies");
        assert_eq!(s["code"], 404);
    }

    #[test]
    fn invalid_lists_causes_in_brackets_only_when_several() {
        let one = ApiError::invalid("x", &[field_error("spec.a", "bad")]);
        assert_eq!(
            one.message,
            "BackendTrafficPolicy.gateway.envoyproxy.io \"x\" is invalid: spec.a: Invalid value: -1: bad"
        );
        let two = ApiError::invalid(
            "x",
            &[field_error("spec.a", "bad"), field_error("spec.b", "worse")],
        );
        assert!(two.message.ends_with(
            "is invalid: [spec.a: Invalid value: -1: bad, spec.b: Invalid value: -1: worse]"
        ));
        let causes = two.details.expect("details")["causes"].clone();
        assert_eq!(causes[1]["message"], "Invalid value: -1: worse");
        assert_eq!(causes[1]["field"], "spec.b");
        assert_eq!(causes[1]["reason"], "FieldValueInvalid");
    }
}
