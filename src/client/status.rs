//! Errors from the server and the network, and how kubectl words them:
//! `Error from server (NotFound): …`, `The BackendTrafficPolicy "x" is invalid: …` with one
//! `* ` line per cause, and exit 3 with hints when the server cannot be reached or refuses us.

use super::proxy::ProxyError;
use super::target::Target;
use super::tls::{TlsFailure, TlsSetupError};
use crate::error::{CliError, ErrorKind};
use serde_json::Value;
use thiserror::Error;

/// A non-2xx answer, with the `Status` body when the server sent one.
#[derive(Debug, Clone)]
pub struct ApiStatus {
    pub code: u16,
    pub reason: String,
    pub message: String,
    pub details: Value,
}

impl ApiStatus {
    pub fn from_body(code: u16, body: &[u8]) -> ApiStatus {
        let parsed: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        if parsed["kind"] == "Status" {
            return ApiStatus {
                code,
                reason: parsed["reason"].as_str().unwrap_or("").to_string(),
                message: parsed["message"].as_str().unwrap_or("").to_string(),
                details: parsed["details"].clone(),
            };
        }
        // Not a Status: kubectl names the reason after the HTTP code.
        let text = String::from_utf8_lossy(body).trim().to_string();
        let (reason, default) = match code {
            400 => (
                "BadRequest",
                "the server rejected our request for an unknown reason",
            ),
            401 => (
                "Unauthorized",
                "the server has asked for the client to provide credentials",
            ),
            403 => (
                "Forbidden",
                "the server does not allow access to the requested resource",
            ),
            404 => (
                "NotFound",
                "the server could not find the requested resource",
            ),
            405 => (
                "MethodNotAllowed",
                "the server does not allow this method on the requested resource",
            ),
            409 => ("Conflict", "the server reported a conflict"),
            410 => ("Expired", "the resource version is too old"),
            422 => (
                "Invalid",
                "the server rejected our request due to an error in our request",
            ),
            429 => (
                "TooManyRequests",
                "the server has received too many requests and has asked us to try again later",
            ),
            500 => (
                "InternalError",
                "an error on the server has prevented the request from succeeding",
            ),
            503 => (
                "ServiceUnavailable",
                "the server is currently unable to handle the request",
            ),
            504 => (
                "Timeout",
                "the server was unable to return a response in the time allotted",
            ),
            _ => (
                "Unknown",
                "an error on the server has prevented the request from succeeding",
            ),
        };
        ApiStatus {
            code,
            reason: reason.into(),
            message: if text.is_empty() || text.starts_with('<') {
                default.into()
            } else {
                text
            },
            details: Value::Null,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.code == 404
    }

    pub fn is_conflict(&self) -> bool {
        self.code == 409
    }

    /// The error kind of this answer (and so the exit code and the JSON `kind`).
    pub fn kind(&self) -> ErrorKind {
        match (self.code, self.reason.as_str()) {
            (401, _) | (_, "Unauthorized") => ErrorKind::Unauthorized,
            (403, _) | (_, "Forbidden") => ErrorKind::Forbidden,
            (404, _) | (_, "NotFound") => ErrorKind::NotFound,
            (409, _) | (_, "Conflict" | "AlreadyExists") => ErrorKind::Conflict,
            (400 | 422, _) | (_, "Invalid" | "BadRequest") => ErrorKind::Invalid,
            _ => ErrorKind::Server,
        }
    }

    /// Whether the same request may succeed later: the server was busy or failed, or the
    /// object changed under us (a field-manager conflict is not: it needs a decision).
    pub fn retryable(&self) -> bool {
        let manager_conflict = self.details["causes"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|c| c["reason"] == "FieldManagerConflict");
        match self.code {
            429 | 500 | 502 | 503 | 504 => true,
            409 => self.reason == "Conflict" && !manager_conflict,
            _ => false,
        }
    }

    /// The command-level error for this answer, in kubectl's words, with the Status's code,
    /// reason and details for `--error-format json`.
    pub fn to_cli(&self, kind: ErrorKind) -> CliError {
        let mut e = CliError::new(kind, anyhow::anyhow!(self.kubectl_message())).verbatim();
        e.code = Some(self.code);
        e.reason = Some(self.reason.clone()).filter(|r| !r.is_empty());
        e.retryable = self.retryable();
        if self.details.is_object() {
            e.details = Box::new(self.details.clone());
        }
        e
    }

    /// The causes as kubectl lists them: `field: message`, duplicates dropped.
    fn causes(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for cause in self.details["causes"].as_array().into_iter().flatten() {
            let line = format!(
                "{}: {}",
                cause["field"].as_str().unwrap_or(""),
                cause["message"].as_str().unwrap_or("")
            );
            if !seen.contains(&line) {
                seen.push(line);
            }
        }
        seen
    }

    /// kubectl's wording for this error (without a trailing newline).
    pub fn kubectl_message(&self) -> String {
        if self.code == 422 || self.reason == "Invalid" {
            let kind = self.details["kind"].as_str().unwrap_or("");
            let name = self.details["name"].as_str().unwrap_or("");
            let head = if kind.is_empty() && name.is_empty() {
                "The request is invalid".to_string()
            } else {
                format!("The {kind} {name:?} is invalid")
            };
            let causes = self.causes();
            return match causes.len() {
                0 => format!("{head}: {}", self.message),
                1 => format!("{head}: {}", causes[0]),
                _ => {
                    let mut s = format!("{head}: ");
                    for c in causes {
                        s.push_str(&format!("\n* {c}"));
                    }
                    s
                }
            };
        }
        if self.reason == "Unauthorized" || self.code == 401 {
            return format!(
                "error: You must be logged in to the server ({})",
                if self.message.is_empty() {
                    "Unauthorized"
                } else {
                    &self.message
                }
            );
        }
        if self.reason.is_empty() {
            format!("Error from server: {}", self.message)
        } else {
            format!("Error from server ({}): {}", self.reason, self.message)
        }
    }
}

#[derive(Debug, Error)]
pub enum ClientError {
    #[error("{}", .0.kubectl_message())]
    Status(Box<ApiStatus>),
    #[error("cannot connect to {url}: {detail}")]
    Connect { url: String, detail: String },
    #[error("TLS handshake with {url} failed: {failure}")]
    Tls { url: String, failure: TlsFailure },
    #[error(transparent)]
    TlsSetup(#[from] TlsSetupError),
    #[error(transparent)]
    Proxy(#[from] ProxyError),
    #[error("request to {url} timed out")]
    Timeout { url: String },
    #[error("request to {url} failed: {detail}")]
    Transport { url: String, detail: String },
    #[error("cannot decode {0}")]
    Decode(String),
    #[error("cannot set up the HTTP client: {0}")]
    Setup(String),
    /// A name that cannot be one path segment (`..`, `a/b`, `%2e`): refused before sending,
    /// in client-go's words, so it can never address another path on the server.
    #[error("invalid resource name {name:?}: [{reason}]")]
    InvalidName { name: String, reason: String },
    /// The credential could not be produced (an exec plugin failed, a login cannot be renewed).
    #[error("getting credentials: {0}")]
    Credential(#[from] super::credential::CredentialError),
}

impl ClientError {
    /// client-go's `IsValidPathSegmentName` check, applied to every name put in a URL.
    pub fn check_name(name: &str) -> Result<(), ClientError> {
        let reason = if name == "." || name == ".." {
            format!("may not be '{name}'")
        } else if let Some(c) = ['/', '%'].into_iter().find(|c| name.contains(*c)) {
            format!("may not contain '{c}'")
        } else {
            return Ok(());
        };
        Err(ClientError::InvalidName {
            name: name.to_string(),
            reason,
        })
    }
}

/// `scheme://host:port` of a URL, which is what people recognise in an error.
fn origin(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split(['/', '?']).next().unwrap_or(rest);
            format!("{scheme}://{host}")
        }
        None => url.to_string(),
    }
}

/// The innermost cause's text, which says what really happened (refused, unknown CA, …).
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut current = e;
    let mut texts = vec![e.to_string()];
    while let Some(next) = current.source() {
        texts.push(next.to_string());
        current = next;
    }
    texts.pop().unwrap_or_default()
}

impl ClientError {
    pub fn from_transport(e: reqwest::Error, url: &str) -> ClientError {
        let url = origin(url);
        let detail = root_cause(&e);
        let mut chain = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            chain.push(' ');
            chain.push_str(&s.to_string());
            source = s.source();
        }
        let chain = chain.to_lowercase();
        if let Some(found) = super::tls::find_rustls_error(&e) {
            return ClientError::Tls {
                url,
                failure: super::tls::classify(found),
            };
        }
        let tls = [
            "certificate",
            "handshake",
            "corrupt message",
            "tls",
            "unknownissuer",
        ]
        .iter()
        .any(|w| chain.contains(w));
        if e.is_timeout() {
            ClientError::Timeout { url }
        } else if tls {
            ClientError::Tls {
                url,
                failure: TlsFailure::Other(detail),
            }
        } else if e.is_connect() {
            ClientError::Connect { url, detail }
        } else {
            ClientError::Transport { url, detail }
        }
    }

    pub fn status(&self) -> Option<&ApiStatus> {
        match self {
            ClientError::Status(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status().is_some_and(ApiStatus::is_not_found)
    }

    /// The command-level error: kind (exit code), kubectl's words, and hints.
    pub fn into_cli(self, target: &Target) -> CliError {
        self.to_cli(target)
    }

    /// [`ClientError::into_cli`] of a borrowed error (the mapping is in `error.rs`).
    pub fn to_cli(&self, target: &Target) -> CliError {
        crate::error::client_error(self, target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn status(v: Value) -> ApiStatus {
        ApiStatus::from_body(
            v["code"].as_u64().unwrap_or(0) as u16,
            v.to_string().as_bytes(),
        )
    }

    #[test]
    fn not_found_in_kubectl_words() {
        let s = status(
            json!({"kind": "Status", "status": "Failure", "reason": "NotFound", "code": 404,
            "message": "backendtrafficpolicies.gateway.envoyproxy.io \"x\" not found"}),
        );
        assert_eq!(
            s.kubectl_message(),
            "Error from server (NotFound): backendtrafficpolicies.gateway.envoyproxy.io \"x\" not found"
        );
    }

    #[test]
    fn invalid_lists_causes() {
        let one = status(
            json!({"kind": "Status", "reason": "Invalid", "code": 422, "message": "m",
            "details": {"kind": "BackendTrafficPolicy", "name": "x",
                        "causes": [{"field": "spec.a", "message": "Invalid value: 1"}]}}),
        );
        assert_eq!(
            one.kubectl_message(),
            "The BackendTrafficPolicy \"x\" is invalid: spec.a: Invalid value: 1"
        );
        let two = status(
            json!({"kind": "Status", "reason": "Invalid", "code": 422, "message": "m",
            "details": {"kind": "BackendTrafficPolicy", "name": "x",
                        "causes": [{"field": "spec.a", "message": "bad"}, {"field": "spec.b", "message": "worse"}]}}),
        );
        assert_eq!(
            two.kubectl_message(),
            "The BackendTrafficPolicy \"x\" is invalid: \n* spec.a: bad\n* spec.b: worse"
        );
    }

    #[test]
    fn names_that_are_not_one_path_segment_are_refused() {
        for (name, reason) in [
            ("..", "may not be '..'"),
            (".", "may not be '.'"),
            ("../x", "may not contain '/'"),
            ("%2e%2e", "may not contain '%'"),
        ] {
            let e = ClientError::check_name(name).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("invalid resource name {name:?}: [{reason}]")
            );
        }
        assert!(ClientError::check_name("a.b-c").is_ok());
    }

    fn tls_target(ca_from: Option<&str>, server_name: Option<&str>) -> Target {
        Target {
            server: "https://127.0.0.1:6443".into(),
            kubeconfig: true,
            context: Some("kind".into()),
            tls: super::super::target::Tls {
                ca_from: ca_from.map(String::from),
                server_name: server_name.map(String::from),
                ..Default::default()
            },
            ..Target::default()
        }
    }

    fn tls_error(failure: TlsFailure, target: &Target) -> CliError {
        ClientError::Tls {
            url: "https://127.0.0.1:6443".into(),
            failure,
        }
        .into_cli(target)
    }

    #[test]
    fn tls_failures_exit_3_with_the_hint_for_their_cause() {
        let pinned = tls_target(Some("/etc/kind/ca.crt"), None);
        let e = tls_error(TlsFailure::UnknownIssuer, &pinned);
        assert_eq!(e.kind.exit_code(), 3);
        assert!(
            e.hints[0].contains("only the configured CA (/etc/kind/ca.crt)"),
            "{:?}",
            e.hints
        );
        let system = tls_target(None, None);
        let e = tls_error(TlsFailure::UnknownIssuer, &system);
        assert!(e.hints[0].contains("system's trust store"), "{:?}", e.hints);
        assert!(
            e.hints[0].contains("certificate-authority"),
            "{:?}",
            e.hints
        );

        let mismatch = TlsFailure::NameMismatch {
            expected: "127.0.0.1".into(),
            presented: vec!["kubernetes".into()],
        };
        let e = tls_error(mismatch.clone(), &system);
        assert_eq!(
            e.message(),
            "TLS handshake with https://127.0.0.1:6443 failed: the certificate is valid for kubernetes, not 127.0.0.1"
        );
        assert!(e.hints[0].contains("set tls-server-name"), "{:?}", e.hints);
        assert!(
            !e.hints
                .iter()
                .any(|h| h.contains("--certificate-authority"))
        );
        let named = tls_target(None, Some("api.test"));
        let e = tls_error(mismatch, &named);
        assert!(
            e.hints[0].contains("tls-server-name \"api.test\""),
            "{:?}",
            e.hints
        );

        let e = tls_error(
            TlsFailure::Expired {
                not_yet_valid: false,
            },
            &system,
        );
        assert!(e.hints[0].contains("renew"), "{:?}", e.hints);
        let e = tls_error(
            TlsFailure::ServerRefused("CertificateRequired".into()),
            &system,
        );
        assert!(
            e.hints[0].contains("client-certificate and client-key"),
            "{:?}",
            e.hints
        );
        let e = tls_error(TlsFailure::NotTls, &system);
        assert!(e.hints[0].contains("http://"), "{:?}", e.hints);
    }

    #[test]
    fn tls_setup_errors_exit_3_and_name_the_pair_to_fix() {
        let target = tls_target(None, None);
        let e = ClientError::from(TlsSetupError::KeyMismatch {
            from: "of user \"me\" in kubeconfig /k".into(),
        })
        .into_cli(&target);
        assert_eq!(e.kind.exit_code(), 3);
        assert_eq!(
            e.message(),
            "the client key does not match the client certificate (of user \"me\" in kubeconfig /k)"
        );
        let e = ClientError::from(TlsSetupError::InsecureWithCa).into_cli(&target);
        assert!(
            e.hints[0].contains("insecure-skip-tls-verify"),
            "{:?}",
            e.hints
        );
    }

    #[test]
    fn kinds_and_retries_follow_the_status() {
        let cases = [
            (401, "Unauthorized", ErrorKind::Unauthorized, false),
            (403, "Forbidden", ErrorKind::Forbidden, false),
            (404, "NotFound", ErrorKind::NotFound, false),
            (409, "AlreadyExists", ErrorKind::Conflict, false),
            (409, "Conflict", ErrorKind::Conflict, true),
            (422, "Invalid", ErrorKind::Invalid, false),
            (400, "BadRequest", ErrorKind::Invalid, false),
            (429, "TooManyRequests", ErrorKind::Server, true),
            (503, "ServiceUnavailable", ErrorKind::Server, true),
            (500, "InternalError", ErrorKind::Server, true),
        ];
        for (code, reason, kind, retryable) in cases {
            let s =
                status(json!({"kind": "Status", "code": code, "reason": reason, "message": "m"}));
            assert_eq!(
                (s.kind(), s.retryable()),
                (kind, retryable),
                "{code} {reason}"
            );
        }
        // A field-manager conflict needs a decision, not a retry.
        let ssa = status(
            json!({"kind": "Status", "code": 409, "reason": "Conflict", "message": "m",
            "details": {"causes": [{"reason": "FieldManagerConflict", "message": "conflict with \"a\"", "field": ".spec"}]}}),
        );
        assert!(!ssa.retryable());
        let e = ssa.to_cli(ssa.kind());
        assert_eq!(
            e.to_json()["error"]["details"]["causes"][0]["field"],
            ".spec"
        );
        assert_eq!(e.to_json()["error"]["code"], 409);
    }

    #[test]
    fn non_status_bodies_get_a_reason_from_the_code() {
        let s = ApiStatus::from_body(503, b"");
        assert_eq!(
            s.kubectl_message(),
            "Error from server (ServiceUnavailable): the server is currently unable to handle the request"
        );
    }
}
