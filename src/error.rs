//! The one error type commands return, and how it maps to exit codes (DESIGN.md: 1 failed,
//! 2 usage, 3 unreachable or unauthenticated, 130 interrupted).

use std::fmt;

/// Why a command failed; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The operation failed: invalid manifest, rejected by the server, not found.
    Failure,
    /// Bad flags or arguments, unreadable input.
    Usage,
    /// The server could not be reached or refused our credentials.
    Unreachable,
    /// The user interrupted the command.
    Interrupted,
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failure => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Unreachable => 3,
            ErrorKind::Interrupted => 130,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Failure => "failure",
            ErrorKind::Usage => "usage",
            ErrorKind::Unreachable => "unreachable",
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
}

impl CliError {
    pub fn new(kind: ErrorKind, error: impl Into<anyhow::Error>) -> Self {
        CliError {
            kind,
            error: error.into(),
            hints: Vec::new(),
            verbatim: false,
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

pub type CmdResult = Result<Outcome, CliError>;
