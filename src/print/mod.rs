//! All output goes through a `Printer`, so colour, `-o` and error format behave the same in
//! every command. Results go to stdout, diagnostics to stderr.

pub mod describe;
pub mod gotemplate;
pub mod json;
pub mod jsonpath;
pub mod output;
pub mod policy;
pub mod sort_by;
pub mod table;
pub mod yaml;
pub mod yaml_scalar;

use crate::cli::{ColorChoice, ErrorFormat};
use crate::error::CliError;
use std::io::{self, IsTerminal, Write};

/// Where and how a command's output is written.
#[derive(Debug, Clone)]
pub struct Printer {
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    pub color_err: bool,
    /// Whether stdout is a terminal (progress bars, snippets, wrapping).
    pub stdout_tty: bool,
    /// Whether stderr is a terminal.
    pub stderr_tty: bool,
    pub error_format: ErrorFormat,
}

fn wants_color(choice: ColorChoice, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

impl Printer {
    pub fn new(color: ColorChoice, error_format: ErrorFormat) -> Self {
        let stdout_tty = io::stdout().is_terminal();
        let stderr_tty = io::stderr().is_terminal();
        Printer {
            color: wants_color(color, stdout_tty),
            color_err: wants_color(color, stderr_tty),
            stdout_tty,
            stderr_tty,
            error_format,
        }
    }

    /// Writes a result to stdout. A closed pipe (`datumctl get … | head`) ends the process quietly.
    pub fn out(&self, text: &str) {
        let mut stdout = io::stdout().lock();
        let written = stdout
            .write_all(text.as_bytes())
            .and_then(|_| stdout.flush());
        if written.is_err_and(|e| e.kind() == io::ErrorKind::BrokenPipe) {
            std::process::exit(0);
        }
    }

    /// Writes a diagnostic to stderr.
    pub fn err(&self, text: &str) {
        let mut stderr = io::stderr().lock();
        let _ = stderr.write_all(text.as_bytes());
        let _ = stderr.flush();
    }

    /// A `Warning: …` line on stderr, as kubectl prints the server's warnings.
    pub fn warn(&self, message: &str) {
        self.err(&format!(
            "{}: {message}\n",
            self.paint_err("Warning", YELLOW)
        ));
    }

    /// Wraps `text` in an ANSI colour when stdout is coloured.
    pub fn paint(&self, text: &str, color: &str) -> String {
        paint(self.color, text, color)
    }

    /// Wraps `text` in an ANSI colour when stderr is coloured.
    pub fn paint_err(&self, text: &str, color: &str) -> String {
        paint(self.color_err, text, color)
    }

    /// Prints a command's error on stderr, in the chosen error format.
    pub fn error(&self, error: &CliError) {
        match self.error_format {
            ErrorFormat::Json => {
                let body = serde_json::json!({
                    "error": {
                        "kind": error.kind.name(),
                        "exitCode": error.kind.exit_code(),
                        "message": error.message(),
                        "hints": error.hints,
                    }
                });
                self.err(&format!("{body}\n"));
            }
            ErrorFormat::Human => {
                let mut text = if error.verbatim {
                    error.message()
                } else {
                    format!("{}: {}", self.paint_err("error", RED), error.message())
                };
                text.push('\n');
                for hint in &error.hints {
                    text.push_str(&format!("{}: {hint}\n", self.paint_err("hint", CYAN)));
                }
                self.err(&text);
            }
        }
    }
}

pub const RED: &str = "31";
pub const GREEN: &str = "32";
pub const YELLOW: &str = "33";
pub const CYAN: &str = "36";
pub const BOLD: &str = "1";

pub(crate) fn paint(on: bool, text: &str, color: &str) -> String {
    if on {
        format!("\x1b[{color}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
