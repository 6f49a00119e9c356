//! Parse, run, print the error, exit with its code.

use clap::{CommandFactory, FromArgMatches, parser::ValueSource};
use datumctl::cli::Cli;
use datumctl::error::{ErrorKind, Outcome};
use datumctl::print::Printer;
use std::process::ExitCode;

const GLOBAL_IDS: [&str; 6] = [
    "server",
    "project",
    "token",
    "namespace",
    "certificate_authority",
    "insecure_skip_tls_verify",
];

fn main() -> ExitCode {
    // The completion scripts' helper is handled before clap, which must not know of it.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == datumctl::cmd::complete_names::ARG)
    {
        let words: Vec<String> = std::env::args_os()
            .skip(2)
            .map(|w| w.to_string_lossy().into_owned())
            .collect();
        datumctl::cmd::complete_names::run(&words);
        return ExitCode::SUCCESS;
    }
    let args = datumctl::usage::normalize(std::env::args_os());
    let mut command = Cli::command();
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|m| datumctl::usage::refuse_unused_globals(&command, &m).map(|()| m));
    let matches = match parsed {
        Ok(m) => m,
        Err(e) => {
            let e = datumctl::usage::with_close_suggestions(e, &command, &args);
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                ErrorKind::Usage.exit_code()
            } else {
                0
            });
        }
    };
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(ErrorKind::Usage.exit_code());
        }
    };
    // Global flags are read from the innermost subcommand that saw them.
    let mut sub = &matches;
    loop {
        for id in GLOBAL_IDS {
            if sub.value_source(id) == Some(ValueSource::CommandLine) && !cli.global.given(id) {
                cli.global.from_command_line.push(id.to_string());
            }
        }
        match sub.subcommand() {
            Some((_, inner)) => sub = inner,
            None => break,
        }
    }
    let printer = Printer::new(cli.global.color, cli.global.error_format);
    match datumctl::cmd::dispatch(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(ErrorKind::Failure.exit_code()),
        Err(error) => {
            printer.error(&error);
            ExitCode::from(error.kind.exit_code())
        }
    }
}
