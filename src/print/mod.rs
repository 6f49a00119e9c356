//! All output goes through a `Printer`, so colour, `-o` and error format behave the same in
//! every command. Results go to stdout, diagnostics to stderr.

pub mod describe;
pub mod gotemplate;
pub mod json;
pub mod jsonpath;
pub mod output;
pub mod policy;
pub mod quote;
pub mod sort_by;
pub mod table;
pub mod yaml;
pub mod yaml_scalar;

use crate::error::CliError;
use owo_colors::{OwoColorize, Style};
use std::io::{self, IsTerminal, Write};

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// How errors are printed (`--error-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ErrorFormat {
    Human,
    Json,
}

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

    /// Redraws the progress bar on stderr's last line (the caller decides that stderr is a
    /// terminal): the one place a progress display is drawn.
    pub fn progress(&self, done: usize, total: usize) {
        self.err(&format!("\r\x1b[2K{}", progress_bar(done, total)));
    }

    /// Clears the progress bar's line, before a result is printed or at the end.
    pub fn clear_progress(&self) {
        self.err("\r\x1b[2K");
    }

    /// A `Warning: …` line on stderr, as kubectl prints the server's warnings.
    /// Under `--error-format json`, one `{"warning":{"message":…}}` line, so that every line
    /// of stderr parses.
    pub fn warn(&self, message: &str) {
        if self.error_format == ErrorFormat::Json {
            let line = serde_json::json!({"warning": {"message": message}});
            return self.err(&format!("{line}\n"));
        }
        self.err(&format!(
            "{}: {message}\n",
            self.paint_err("Warning", YELLOW)
        ));
    }

    /// Wraps `text` in an ANSI colour when stdout is coloured.
    pub fn paint(&self, text: &str, color: Style) -> String {
        paint(self.color, text, color)
    }

    /// Wraps `text` in an ANSI colour when stderr is coloured.
    pub fn paint_err(&self, text: &str, color: Style) -> String {
        paint(self.color_err, text, color)
    }

    /// A line of information on stderr (kubectl's `No resources found …`); under
    /// `--error-format json`, one `{"info":{"message":…}}` line.
    pub fn info(&self, message: &str) {
        if self.error_format == ErrorFormat::Json {
            let line = serde_json::json!({"info": {"message": message}});
            return self.err(&format!("{line}\n"));
        }
        self.err(&format!("{message}\n"));
    }

    /// Whether errors are printed as JSON lines (`--error-format json`).
    pub fn json_errors(&self) -> bool {
        self.error_format == ErrorFormat::Json
    }

    /// Prints a command's error on stderr, in the chosen error format.
    pub fn error(&self, error: &CliError) {
        match self.error_format {
            ErrorFormat::Json => self.err(&format!(
                "{}
",
                error.to_json()
            )),
            ErrorFormat::Human => self.err(&error_text(error, self.color_err)),
        }
    }
}

/// An error as people read it: `error: …` (or the verbatim message) and a `hint: …` line per
/// hint. The CLI prints it on stderr; `datumctl mcp` returns it as a tool error.
pub fn error_text(error: &CliError, color: bool) -> String {
    // kubectl's verbatim lines keep their one-line form; ours list the causes as jj does.
    let mut text = if error.verbatim {
        format!("{}\n", error.message())
    } else {
        let mut text = format!("{}: {}\n", paint(color, "error", RED), error.error);
        let causes = error.causes();
        if !causes.is_empty() {
            text.push_str("Caused by:\n");
            for (n, cause) in causes.iter().enumerate() {
                text.push_str(&format!("{}: {cause}\n", n + 1));
            }
        }
        text
    };
    for hint in &error.hints {
        text.push_str(&format!("{}: {hint}\n", paint(color, "hint", CYAN)));
    }
    text
}

/// The columns output may fill: the terminal's width when stdout is one, else `COLUMNS`, else 80.
pub fn output_width() -> usize {
    terminal_size::terminal_size_of(io::stdout())
        .map(|(terminal_size::Width(w), _)| usize::from(w))
        .filter(|w| *w > 0)
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
                .filter(|w| *w > 0)
        })
        .unwrap_or(80)
}

pub const RED: Style = Style::new().red();
pub const GREEN: Style = Style::new().green();
pub const YELLOW: Style = Style::new().yellow();
pub const CYAN: Style = Style::new().cyan();
pub const BOLD: Style = Style::new().bold();

/// `text` in `style` (through owo-colors) when `on`, else as it is.
pub(crate) fn paint(on: bool, text: &str, style: Style) -> String {
    if on {
        text.style(style).to_string()
    } else {
        text.to_string()
    }
}

/// `[########            ] 120/500`
fn progress_bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    format!(
        "[{}{}] {done}/{total}",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bar_fills_in_proportion() {
        assert_eq!(progress_bar(0, 4), format!("[{}] 0/4", " ".repeat(30)));
        assert_eq!(
            progress_bar(2, 4),
            format!("[{}{}] 2/4", "#".repeat(15), " ".repeat(15))
        );
        assert_eq!(progress_bar(4, 4), format!("[{}] 4/4", "#".repeat(30)));
    }

    #[test]
    fn colours_are_the_ansi_codes_they_always_were() {
        assert_eq!(paint(true, "x", RED), "\x1b[31mx\x1b[0m");
        assert_eq!(paint(true, "x", GREEN), "\x1b[32mx\x1b[0m");
        assert_eq!(paint(true, "x", YELLOW), "\x1b[33mx\x1b[0m");
        assert_eq!(paint(true, "x", CYAN), "\x1b[36mx\x1b[0m");
        assert_eq!(paint(true, "x", BOLD), "\x1b[1mx\x1b[0m");
        assert_eq!(paint(false, "x", RED), "x");
    }

    #[test]
    fn a_cause_chain_is_listed_under_caused_by() {
        let error = anyhow::anyhow!("disk full")
            .context("cannot write /tmp/x")
            .context("cannot save the config");
        assert_eq!(
            error_text(&CliError::failure(error), false),
            "error: cannot save the config\nCaused by:\n1: cannot write /tmp/x\n2: disk full\n"
        );
        // A cause the message already quotes is not repeated; without a chain, one line.
        let quoted = anyhow::anyhow!("disk full").context("cannot write /tmp/x: disk full");
        assert_eq!(
            error_text(&CliError::failure(quoted).hint("free some space"), false),
            "error: cannot write /tmp/x: disk full\nhint: free some space\n"
        );
    }

    #[test]
    fn an_internal_error_exits_1_and_asks_for_a_report() {
        let error = CliError::internal("the table has no columns");
        assert_eq!(error.exit_code(), 1);
        assert_eq!(error.to_json()["error"]["kind"], "internal");
        assert!(error_text(&error, false).contains("hint: this is a bug in datumctl"));
    }
}
