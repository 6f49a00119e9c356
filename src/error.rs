//! The one error type commands return, and how it maps to exit codes (DESIGN.md: 1 failed,
//! 2 usage, 3 unreachable or unauthenticated, 130 interrupted) and to the `kind` of
//! `--error-format json`.

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
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failure
            | ErrorKind::Invalid
            | ErrorKind::NotFound
            | ErrorKind::Conflict
            | ErrorKind::Server => 1,
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
