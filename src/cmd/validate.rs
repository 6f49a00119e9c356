//! `datumctl validate -f FILE|DIR|- [-R] [--profile P] [-o json]`: offline validation of every
//! document, every error reported. Exit 0 all valid, 1 any invalid, 2 unreadable input or bad
//! flags. Errors (human form) and the summary go to stderr; `-o json` results go to stdout.

use crate::cli::ValidateArgs;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::manifest::{self, Document};
use crate::validate::report::{self, HumanStyle};
use crate::validate::{FieldError, Options, validate_object};

/// How much output to gather before writing it.
const OUTPUT_BATCH: usize = 256 * 1024;

enum Format {
    Human,
    Json,
}

/// Validates each document on a copy of its value (for callers that send the original on).
pub fn validate_documents(docs: &[Document], options: &Options) -> Vec<Vec<FieldError>> {
    docs.iter()
        .map(|doc| {
            let mut value = doc.value.clone();
            validate_object(&mut value, options)
        })
        .collect()
}

/// Validates each document in place (defaults applied, unknown fields pruned), spread over the
/// machine's cores. Positions stay right: they are kept apart from the values.
fn validate_in_place(docs: &mut [Document], options: &Options) -> Vec<Vec<FieldError>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = docs.len().div_ceil(threads).max(64);
    let check = |part: &mut [Document]| -> Vec<Vec<FieldError>> {
        part.iter_mut()
            .map(|doc| validate_object(&mut doc.value, options))
            .collect()
    };
    let mut parts = docs.chunks_mut(chunk);
    let Some(first) = parts.next() else {
        return Vec::new();
    };
    // The first part is checked on this thread, the others on their own.
    std::thread::scope(|scope| {
        let workers: Vec<_> = parts.map(|part| scope.spawn(move || check(part))).collect();
        let mut results = check(first);
        for w in workers {
            results.extend(w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        results
    })
}

pub fn run(args: &ValidateArgs, ctx: &Context) -> CmdResult {
    let format = match ctx.global.output.as_deref() {
        None | Some("human") => Format::Human,
        Some("json") => Format::Json,
        Some(other) => {
            return Err(CliError::usage(format!(
                "unsupported output format {other:?} for validate: use -o json or leave it out"
            )));
        }
    };
    let mut docs = manifest::read_inputs(&args.files.filenames, args.files.recursive)
        .map_err(CliError::usage)?;
    if docs.is_empty() {
        return Err(CliError::usage("no objects found in the input"));
    }
    let options = Options {
        profile: args.profile,
    };
    let results = validate_in_place(&mut docs, &options);
    let printer = &ctx.printer;
    let mut invalid = 0;
    let mut out = String::new();
    let mut err = String::new();
    let style = HumanStyle {
        color: printer.color_err,
        snippet: printer.stderr_tty,
    };
    for (doc, errors) in docs.iter().zip(&results) {
        if !errors.is_empty() {
            invalid += 1;
        }
        match format {
            Format::Json => {
                out.push_str(&report::render_json(doc, errors).to_string());
                out.push('\n');
            }
            Format::Human => err.push_str(&report::render_human_with(doc, errors, style)),
        }
        // Written in batches: a large stream's reports never pile up in memory.
        if out.len() >= OUTPUT_BATCH {
            printer.out(&std::mem::take(&mut out));
        }
        if err.len() >= OUTPUT_BATCH {
            printer.err(&std::mem::take(&mut err));
        }
    }
    printer.out(&out);
    let noun = if docs.len() == 1 {
        "document"
    } else {
        "documents"
    };
    err.push_str(&format!("{} {noun}, {invalid} invalid\n", docs.len()));
    printer.err(&err);
    // The process ends here: freeing thousands of documents one by one would cost more than
    // validating them did.
    std::mem::forget(docs);
    std::mem::forget(results);
    Ok(if invalid == 0 {
        Outcome::Success
    } else {
        Outcome::Failed
    })
}
