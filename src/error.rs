//! The one error type commands return, and how it maps to exit codes (DESIGN.md: 1 failed,
//! 2 usage, 3 unreachable or unauthenticated, 130 interrupted) and to the `kind` of
//! `--error-format json`. The mapping of the domains' errors (config, target, manifest, client,
//! auth) to a `CliError` with its hints lives here, in one place; an `Internal` error (a bug)
//! exits 1.

use crate::auth::AuthError;
use crate::client::config::ConfigError;
use crate::client::status::ClientError;
use crate::client::target::{Target, TargetError};
use crate::client::tls::{TlsFailure, TlsSetupError};
use crate::manifest::ManifestError;
use serde_json::Value;
use std::fmt;

/// Why a command failed; decides the exit code and the JSON `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The operation failed for a reason none of the others names (a local file could not be
    /// written, a batch had failures).
    Failure,
    /// A manifest (or a request) is invalid: YAML syntax, schema, rejected by the server as Invalid.
    Invalid,
    /// The object (or resource) does not exist.
    NotFound,
    /// A conflict: the object changed meanwhile, already exists, or fields have other managers.
    Conflict,
    /// The server answered with another error (5xx, 429, an unexpected status).
    Server,
    /// Bad flags or arguments, unreadable input.
    Usage,
    /// The server could not be reached (connection, TLS, timeout).
    Unreachable,
    /// The server refused our credentials (401), or we have none it takes.
    Unauthorized,
    /// The server refused access (403).
    Forbidden,
    /// The user interrupted the command.
    Interrupted,
    /// A bug in datumctl: a state the code should never reach. Exits 1 like any failure (a
    /// script cannot act on it differently) with a hint asking for a report; never used for
    /// anything the user, the input or the network caused.
    Internal,
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failure
            | ErrorKind::Invalid
            | ErrorKind::NotFound
            | ErrorKind::Conflict
            | ErrorKind::Server
            | ErrorKind::Internal => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Unreachable | ErrorKind::Unauthorized | ErrorKind::Forbidden => 3,
            ErrorKind::Interrupted => 130,
        }
    }

    /// The `kind` of `--error-format json`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Failure => "failed",
            ErrorKind::Invalid => "invalid",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Server => "server",
            ErrorKind::Usage => "usage",
            ErrorKind::Unreachable => "unreachable",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::Internal => "internal",
        }
    }
}

/// A command's error: what went wrong, its kind, and hints on what to do next.
#[derive(Debug)]
pub struct CliError {
    pub kind: ErrorKind,
    pub error: anyhow::Error,
    pub hints: Vec<String>,
    /// Print the message as it is, without the `error: ` prefix (kubectl's
    /// `Error from server (NotFound): …` lines carry their own).
    pub verbatim: bool,
    /// The HTTP status code of the server's answer, when there was one.
    pub code: Option<u16>,
    /// The server's `Status` reason (`NotFound`, `Invalid`, …), or datumctl's own for local errors.
    pub reason: Option<String>,
    /// Whether trying again unchanged may succeed (the server was unreachable or busy, the
    /// object changed meanwhile).
    pub retryable: bool,
    /// Structured facts: the Status details (causes), the file and object, validation errors.
    pub details: Box<Value>,
    /// An exit code other than the kind's (`diff`, where 1 means "differences found").
    pub exit: Option<u8>,
}

impl CliError {
    pub fn new(kind: ErrorKind, error: impl Into<anyhow::Error>) -> Self {
        CliError {
            kind,
            error: error.into(),
            hints: Vec::new(),
            verbatim: false,
            code: None,
            reason: None,
            retryable: false,
            details: Box::new(Value::Null),
            exit: None,
        }
    }

    pub fn failure(error: impl Into<anyhow::Error>) -> Self {
        Self::new(ErrorKind::Failure, error)
    }

    pub fn usage(message: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Usage, anyhow::anyhow!("{message}"))
    }

    pub fn unreachable(error: impl Into<anyhow::Error>) -> Self {
        Self::new(ErrorKind::Unreachable, error)
    }

    /// A bug in datumctl (see [`ErrorKind::Internal`]).
    pub fn internal(message: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Internal, anyhow::anyhow!("{message}")).hint(format!(
            "this is a bug in datumctl {}: please report it with the command that failed",
            env!("CARGO_PKG_VERSION")
        ))
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn invalid(error: impl Into<anyhow::Error>) -> Self {
        Self::new(ErrorKind::Invalid, error)
    }

    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    pub fn retryable(mut self) -> Self {
        self.retryable = true;
        self
    }

    /// Adds `key: value` to the details object.
    pub fn detail(mut self, key: &str, value: impl Into<Value>) -> Self {
        if !self.details.is_object() {
            *self.details = Value::Object(serde_json::Map::new());
        }
        if let Some(map) = self.details.as_object_mut() {
            map.insert(key.to_string(), value.into());
        }
        self
    }

    /// The one JSON shape every error is printed in under `--error-format json`.
    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "error": {
                "kind": self.kind.name(),
                "exitCode": self.exit_code(),
                "code": self.code,
                "reason": self.reason,
                "message": self.message(),
                "hints": self.hints,
                "retryable": self.retryable,
                "details": if self.details.is_null() { Value::Object(Default::default()) } else { (*self.details).clone() },
            }
        })
    }

    /// The process exit code this error ends with.
    pub fn exit_code(&self) -> u8 {
        self.exit.unwrap_or(self.kind.exit_code())
    }

    pub fn verbatim(mut self) -> Self {
        self.verbatim = true;
        self
    }

    /// The causes below the message, outermost first, leaving out each one whose text is
    /// already part of what comes before it (thiserror messages often quote their source).
    pub fn causes(&self) -> Vec<String> {
        let mut seen = self.error.to_string();
        let mut causes = Vec::new();
        for cause in self.error.chain().skip(1) {
            let cause = cause.to_string();
            if !seen.contains(&cause) {
                seen.push_str(": ");
                seen.push_str(&cause);
                causes.push(cause);
            }
        }
        causes
    }

    /// The message with its cause chain, as one human-readable text.
    pub fn message(&self) -> String {
        let mut text = self.error.to_string();
        for cause in self.error.chain().skip(1) {
            let cause = cause.to_string();
            if !text.contains(&cause) {
                text.push_str(": ");
                text.push_str(&cause);
            }
        }
        text
    }
}

impl From<anyhow::Error> for CliError {
    fn from(error: anyhow::Error) -> Self {
        CliError::failure(error)
    }
}

/// A login or token renewal that failed: run `datumctl login` again when the stored
/// credential is dead, a usage error for a wrong issuer or key, unreachable for the network.
impl From<AuthError> for CliError {
    fn from(e: AuthError) -> CliError {
        match &e {
            _ if e.needs_login() => CliError::unreachable(anyhow::anyhow!(
                "{e}: run `datumctl login` again"
            ))
            .hint(
                "in CI, log in with a service-account key: `datumctl login --credentials key.json`",
            ),
            AuthError::Issuer(..) | AuthError::InsecureEndpoint(_) | AuthError::Key { .. } => {
                CliError::usage(e.to_string())
            }
            AuthError::Http { .. }
            | AuthError::Protocol { .. }
            | AuthError::OAuth { .. }
            | AuthError::IdToken(_) => CliError::unreachable(e),
            AuthError::DeviceExpired => CliError::unreachable(e).hint(
                "run `datumctl login --no-browser` again and enter the code before it expires",
            ),
            AuthError::AccessDenied => CliError::unreachable(e)
                .hint("run `datumctl login` again and approve the request with the right account"),
            _ => CliError::failure(e),
        }
    }
}

/// A target that cannot be resolved: which setting is missing or wrong, and where to set it.
impl From<TargetError> for CliError {
    fn from(e: TargetError) -> CliError {
        match e {
        TargetError::NoServer => CliError::usage("no server configured")
            .hint("pass --server URL or set DATUMCTL_SERVER")
            .hint("or save one: `datumctl config set-context NAME --server URL --project ID` then `datumctl config use-context NAME`"),
        TargetError::NoProject => CliError::usage("no project given")
            .hint("pass --project ID, set DATUM_PROJECT, or save one in a context with `datumctl config set-context`"),
        TargetError::UnknownContext(name, path) => CliError::usage(format!(
            "context {name:?} does not exist in {}",
            path.display()
        ))
        .hint("list contexts with `datumctl config get-contexts`"),
        TargetError::PlainHttpCredential(url) => CliError::usage(format!(
            "refusing to send a credential over plain http to {url}: only loopback addresses (127.0.0.0/8, ::1, localhost) may be reached over http with one"
        ))
        .hint(format!("use the https:// address of the server instead of {url}")),
        TargetError::ServerUrl { url, from } => {
            let error = CliError::usage(format!(
                "server URL {url:?} ({from}) has no http:// or https:// scheme"
            ));
            if url.contains("://") {
                error.hint("use an https:// URL (or http:// for a local `datumctl serve` without TLS)")
            } else {
                error.hint(format!(
                    "use https://{url} (or http://{url} for a local `datumctl serve` without TLS)"
                ))
            }
        }
        other => CliError::new(ErrorKind::Usage, anyhow::Error::new(other)),
    }
    }
}

/// A config file that cannot be read or parsed: a usage error (the user's file to fix).
impl From<ConfigError> for CliError {
    fn from(e: ConfigError) -> CliError {
        CliError::usage(e.to_string())
    }
}

/// A manifest that could not be read: an invalid manifest (syntax, empty, binary) exits 1,
/// missing or unreadable input exits 2; the file and position go in the details.
impl From<&ManifestError> for CliError {
    fn from(e: &ManifestError) -> CliError {
        let kind = if e.is_content() {
            ErrorKind::Invalid
        } else {
            ErrorKind::Usage
        };
        let mut error = CliError::new(kind, anyhow::anyhow!(e.to_string())).reason(e.reason());
        if let Some(file) = e.path() {
            error = error.detail("file", file);
        }
        if let Some(at) = e.position() {
            error = error.detail("line", at.line).detail("column", at.column);
        }
        error
    }
}

impl From<ManifestError> for CliError {
    fn from(e: ManifestError) -> CliError {
        CliError::from(&e)
    }
}

/// A failed request as the command reports it: the kind (exit code), kubectl's words, and
/// hints that name the target's settings (`ClientError::into_cli` calls this).
pub fn client_error(e: &ClientError, target: &Target) -> CliError {
    let login_hint = if target.kubeconfig {
        "check the user credentials in the kubeconfig, or pass --token".to_string()
    } else {
        "store a token with `datumctl auth login --token-stdin` (or set DATUMCTL_TOKEN)".to_string()
    };
    match e {
        ClientError::Status(s) if s.code == 401 => s
            .to_cli(ErrorKind::Unauthorized)
            .hint(format!("{} rejected the credential", target.describe()))
            .hint(login_hint),
        ClientError::Status(s) if s.code == 403 => {
            let mut e = s
                .to_cli(ErrorKind::Forbidden)
                .hint(format!("{} refused access", target.describe()));
            if let Some(p) = &target.project {
                e = e.hint(format!("check that the credential may use project {p:?}"));
            }
            e.hint(login_hint)
        }
        ClientError::Status(s) => s.to_cli(s.kind()),
        ClientError::Connect { .. } | ClientError::Timeout { .. } => {
            CliError::unreachable(anyhow::anyhow!(e.to_string()))
                .retryable()
                .hint(format!(
                    "is the server at {} running and reachable?",
                    target.describe()
                ))
                .hint(where_from(target))
        }
        ClientError::Tls { failure, .. } => {
            let mut e = CliError::unreachable(anyhow::anyhow!(e.to_string()));
            for hint in tls_hints(failure, target) {
                e = e.hint(hint);
            }
            e.hint(where_from(target))
        }
        ClientError::TlsSetup(setup) => {
            let mut e = CliError::unreachable(anyhow::anyhow!(e.to_string()));
            if let Some(hint) = setup_hint(setup, target) {
                e = e.hint(hint);
            }
            e
        }
        ClientError::Proxy(_) => CliError::usage(e.to_string()),
        ClientError::Transport { .. } => CliError::unreachable(anyhow::anyhow!(e.to_string()))
            .retryable()
            .hint(where_from(target)),
        ClientError::Credential(_) => {
            CliError::new(ErrorKind::Unauthorized, anyhow::anyhow!(e.to_string()))
                .hint(where_from(target))
        }
        ClientError::Decode(_) | ClientError::Setup(_) | ClientError::InvalidName { .. } => {
            CliError::failure(anyhow::anyhow!(e.to_string()))
        }
    }
}

/// Where the trust settings of this target live, to name in a hint.
fn ca_setting(target: &Target) -> &'static str {
    if target.kubeconfig {
        "certificate-authority or certificate-authority-data of the kubeconfig cluster (or --certificate-authority FILE)"
    } else {
        "--certificate-authority FILE (or the context's, with `datumctl config set-context`)"
    }
}

/// What to do about a failed handshake, by its cause.
fn tls_hints(failure: &TlsFailure, target: &Target) -> Vec<String> {
    let tls = &target.tls;
    match failure {
        TlsFailure::UnknownIssuer => match &tls.ca_from {
            Some(from) => vec![
                format!("only the configured CA ({from}) is trusted for {}, and it did not sign the server's certificate", target.server),
                format!("if the server is the right one, configure the CA that signed its certificate: {}", ca_setting(target)),
            ],
            None => vec![format!(
                "the system's trust store does not know the CA that signed it; give that CA: {}",
                ca_setting(target)
            )],
        },
        TlsFailure::NameMismatch { .. } => {
            let mut hints = Vec::new();
            if let Some(name) = &tls.server_name {
                hints.push(format!("the name checked was tls-server-name {name:?}"));
            }
            hints.push(if target.kubeconfig {
                "set tls-server-name of the kubeconfig cluster (or --tls-server-name) to a name the certificate has, or use that name in the server URL".into()
            } else {
                "pass --tls-server-name with a name the certificate has, or use that name in the server URL".into()
            });
            hints
        }
        TlsFailure::Expired { .. } => vec![
            "renew the server's certificate, or check this machine's clock".into(),
        ],
        TlsFailure::CaAsServerCertificate => vec![format!(
            "if this self-signed certificate is the server's own, trust it as the CA: {}",
            ca_setting(target)
        )],
        TlsFailure::ServerRefused(_) => vec![match &tls.identity_from {
            Some(from) => format!(
                "the server did not accept the client certificate {from}; check that its CA is the one the server trusts"
            ),
            None if target.kubeconfig => "the server may require a client certificate: set client-certificate and client-key of the kubeconfig user".into(),
            None => "the server may require a client certificate (use a kubeconfig user with client-certificate and client-key)".into(),
        }],
        TlsFailure::NotTls => vec![format!(
            "is {} a plain-HTTP server? then use http:// in its URL",
            target.server
        )],
        TlsFailure::Other(_) => vec![format!(
            "check the server's certificate and the CA: {}",
            ca_setting(target)
        )],
    }
}

fn setup_hint(setup: &TlsSetupError, target: &Target) -> Option<String> {
    match setup {
        TlsSetupError::InsecureWithCa => Some(if target.kubeconfig {
            "remove insecure-skip-tls-verify or the certificate authority from the kubeconfig cluster (a CA is the safer choice)".into()
        } else {
            "drop --insecure-skip-tls-verify or the certificate authority (a CA is the safer choice)".into()
        }),
        TlsSetupError::KeyMismatch { .. } => Some(
            "client-certificate and client-key must be a pair: the key that the certificate was issued for".into(),
        ),
        TlsSetupError::BadCa { .. } => Some(format!("give a PEM file of CA certificates: {}", ca_setting(target))),
        TlsSetupError::ServerName(_) => Some("tls-server-name must be a DNS name or an IP address".into()),
        _ => None,
    }
}

fn where_from(target: &Target) -> String {
    match (&target.context, &target.config_path, target.kubeconfig) {
        (Some(c), Some(p), true) => format!(
            "the server comes from context {c:?} of kubeconfig {}",
            p.display()
        ),
        (Some(c), Some(p), false) => format!(
            "the server comes from --server, DATUMCTL_SERVER, or context {c:?} in {}",
            p.display()
        ),
        _ => "the server comes from --server or DATUMCTL_SERVER".to_string(),
    }
}

/// What a command that did not error reports: success, or a failure it has already printed
/// (invalid documents, a batch with failures, `diff` finding differences).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failed,
}

impl Outcome {
    /// `Failed` when any part of the work failed (and was reported), else `Success`.
    pub fn failed_if(failed: bool) -> Outcome {
        if failed {
            Outcome::Failed
        } else {
            Outcome::Success
        }
    }
}

pub type CmdResult = Result<Outcome, CliError>;
