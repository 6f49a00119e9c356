//! `datumctl validate -f FILE|DIR|- [-R] [--profile P] [-o json]`: offline validation of every
//! document, every error reported. Exit 0 all valid, 1 any invalid, 2 unreadable input or bad
//! flags. Errors (human form) and the summary go to stderr; `-o json` results go to stdout.

use crate::cli::ValidateArgs;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::manifest::{self, Document};
use crate::validate::report::{self, HumanStyle};
use crate::validate::{FieldError, Options, validate_object};

enum Format {
    Human,
    Json,
}

/// Validates each document on a copy of its value, so positions keep referring to what was read.
pub fn validate_documents(docs: &[Document], options: &Options) -> Vec<Vec<FieldError>> {
    docs.iter()
        .map(|doc| {
            let mut value = doc.value.clone();
            validate_object(&mut value, options)
        })
        .collect()
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
    let docs = manifest::read_inputs(&args.files.filenames, args.files.recursive)
        .map_err(CliError::usage)?;
    if docs.is_empty() {
        return Err(CliError::usage("no objects found in the input"));
    }
    let options = Options {
        profile: args.profile,
    };
    let results = validate_documents(&docs, &options);
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
    }
    printer.out(&out);
    let noun = if docs.len() == 1 {
        "document"
    } else {
        "documents"
    };
    err.push_str(&format!("{} {noun}, {invalid} invalid\n", docs.len()));
    printer.err(&err);
    Ok(if invalid == 0 {
        Outcome::Success
    } else {
        Outcome::Failed
    })
}
