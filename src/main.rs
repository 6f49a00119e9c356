//! Parse, build the one async runtime of the process, run, print the error, exit with its code.

#![deny(clippy::print_stdout, clippy::print_stderr)]

use clap::{CommandFactory, FromArgMatches, parser::ValueSource};
use datumctl::cli::{Cli, Command, GlobalFlag};
use datumctl::error::{CliError, ErrorKind, Outcome};
use datumctl::print::Printer;
use datumctl::print::{ColorChoice, ErrorFormat};
use std::process::ExitCode;

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
        // A tab press that cannot start a runtime completes nothing, as on any other failure.
        if let Ok(runtime) = runtime(Workers::One) {
            runtime.block_on(datumctl::cmd::complete_names::run(&words));
        }
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
            return usage_error(datumctl::usage::with_close_suggestions(e, &command, &args));
        }
    };
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    // Global flags are read from the innermost subcommand that saw them.
    let mut sub = &matches;
    loop {
        for flag in GlobalFlag::ALL {
            if sub.value_source(flag.id()) == Some(ValueSource::CommandLine)
                && !cli.global.given(flag)
            {
                cli.global.from_command_line.push(flag);
            }
        }
        match sub.subcommand() {
            Some((_, inner)) => sub = inner,
            None => break,
        }
    }
    let printer = Printer::new(cli.global.color, cli.global.error_format);
    let workers = match cli.command {
        Command::Serve(_) => Workers::Default,
        Command::Mcp(_) => Workers::Two,
        _ => Workers::One,
    };
    let outcome = match runtime(workers) {
        Ok(runtime) => {
            // `serve` drains on SIGINT itself; every other command ends with 130 at once.
            let serve = matches!(cli.command, Command::Serve(_));
            if !serve {
                exit_on_interrupt(&runtime, printer.clone());
            }
            let outcome = runtime.block_on(datumctl::cmd::dispatch(cli));
            // What a command leaves on the runtime (the interrupt listener, idle connections)
            // ends with the process: waiting for the worker to stop would only delay the exit.
            // `serve` waits, as its store closes on a blocking thread.
            if !serve {
                runtime.shutdown_background();
            }
            outcome
        }
        // Out of threads or file descriptors: the machine's state, not a bug in datumctl.
        Err(e) => Err(CliError::failure(anyhow::anyhow!(
            "cannot start the async runtime: {e}"
        ))),
    };
    match outcome {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(ErrorKind::Failure.exit_code()),
        Err(error) => {
            printer.error(&error);
            ExitCode::from(error.exit_code())
        }
    }
}

/// Prints clap's error (or its help and version, which are not errors) and exits; under
/// `--error-format json` the error is the one JSON shape every other error has.
fn usage_error(e: clap::Error) -> ExitCode {
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if wants_json_errors() {
        let rendered = e.render().to_string();
        let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
        let message = lines
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_string();
        let mut error = CliError::usage(message).reason(format!("{:?}", e.kind()));
        for line in lines {
            if let Some(tip) = line.strip_prefix("tip: ") {
                error = error.hint(tip);
            } else if line.starts_with("Usage: ") {
                error = error.detail("usage", line.trim_start_matches("Usage: "));
            }
        }
        Printer::new(ColorChoice::Never, ErrorFormat::Json).error(&error);
    } else {
        let _ = e.print();
    }
    ExitCode::from(ErrorKind::Usage.exit_code())
}

/// `--error-format json` (or `=json`) among the arguments, read before clap has parsed them
/// (it is their parsing that failed).
fn wants_json_errors() -> bool {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .take_while(|a| a != "--")
        .collect();
    args.iter().enumerate().any(|(i, a)| {
        a == "--error-format=json"
            || (a == "--error-format" && args.get(i + 1).is_some_and(|v| v == "json"))
    })
}

/// How many worker threads the runtime gets.
#[derive(Clone, Copy)]
enum Workers {
    /// A command: it runs on the main thread (in `block_on`), the worker hosts the interrupt
    /// listener and the connections' tasks, so Ctrl-C is heard even while the command blocks
    /// the main thread (reading `-f -`, an editor, CPU-bound validation).
    One,
    /// `mcp`: tool calls run as tasks, and one may wait on the network while another is served.
    Two,
    /// `serve`: one per core.
    Default,
}

/// The one async runtime of the process (multi-thread even for one worker: see [`Workers`]).
fn runtime(workers: Workers) -> std::io::Result<tokio::runtime::Runtime> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    match workers {
        Workers::One => builder.worker_threads(1),
        Workers::Two => builder.worker_threads(2),
        Workers::Default => &mut builder,
    };
    builder.enable_all().build()
}

/// Ends the process with 130 on Ctrl-C (SIGINT), as a shell reports a command it interrupted;
/// under `--error-format json` it first prints the `interrupted` error, so a script reading
/// stderr sees why the output stopped. The listener is a task on a runtime worker, never on
/// the main thread, which the command may block.
#[cfg(unix)]
fn exit_on_interrupt(runtime: &tokio::runtime::Runtime, printer: Printer) {
    // The handler is registered here, before the command starts, so an interrupt that comes
    // as soon as the command prints is never missed (the default action would kill us silently).
    let Ok(mut interrupt) = ({
        let _context = runtime.enter();
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
    }) else {
        return;
    };
    runtime.spawn(async move {
        if interrupt.recv().await.is_some() {
            interrupted(&printer);
        }
    });
}

/// Elsewhere tokio registers the console handler when the listener first waits.
#[cfg(not(unix))]
fn exit_on_interrupt(runtime: &tokio::runtime::Runtime, printer: Printer) {
    runtime.spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            interrupted(&printer);
        }
    });
}

/// Ends the process as interrupted (exit 130), saying so first under `--error-format json`.
fn interrupted(printer: &Printer) -> ! {
    if printer.json_errors() {
        printer.error(&CliError::new(
            ErrorKind::Interrupted,
            anyhow::anyhow!("interrupted"),
        ));
    }
    std::process::exit(i32::from(ErrorKind::Interrupted.exit_code()))
}
