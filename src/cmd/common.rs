//! What the commands that take manifests share: reading them, validating them before anything
//! is sent, the namespace each object goes to, and kubectl's words for dry runs and failures.

use crate::cli::DryRun;
use crate::client::status::{ApiStatus, ClientError};
use crate::cmd::Context;
use crate::error::CliError;
use crate::manifest::{self, Document};
use crate::validate::{FieldError, Options, report};

/// How an invalid document is reported: as an error (it is not sent) or a warning (it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidAs {
    Error,
    Warning,
}

/// What a write was doing when the server refused it, in kubectl's `error when …` words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Applying,
    Creating,
    Deleting,
    Diffing,
    Patching,
    Replacing,
    Retrieving,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Applying => "applying",
            Action::Creating => "creating",
            Action::Deleting => "deleting",
            Action::Diffing => "diffing",
            Action::Patching => "patching",
            Action::Replacing => "replacing",
            Action::Retrieving => "retrieving current configuration of",
        }
    }
}

/// The suffix kubectl adds to result lines in a dry run.
pub fn dry_run_suffix(dry_run: Option<DryRun>) -> &'static str {
    match dry_run {
        Some(DryRun::Client) => " (dry run)",
        Some(DryRun::Server) => " (server dry run)",
        _ => "",
    }
}

/// Reads the inputs; unreadable input is a usage error (exit 2), a file that is not a
/// manifest (YAML syntax) an invalid one (exit 1).
pub fn read_documents(files: &crate::cli::FileArgs) -> Result<Vec<Document>, CliError> {
    let docs = manifest::read_inputs(&files.filenames, files.recursive)?;
    if docs.is_empty() {
        return Err(CliError::usage("no objects passed to apply"));
    }
    Ok(docs)
}

/// Validates every document, printing errors as `validate` does. Returns how many are invalid.
pub fn validate_all(
    docs: &[Document],
    options: &Options,
    ctx: &Context,
    shown_as: InvalidAs,
) -> usize {
    let results = validate_in_parallel(docs, options);
    let mut invalid = 0;
    for (doc, errors) in docs.iter().zip(&results) {
        if !errors.is_empty() {
            invalid += 1;
            print_invalid(doc, errors, ctx, shown_as);
        }
    }
    invalid
}

/// One invalid document's errors on stderr: `FILE:LINE:COLUMN: message` lines (each behind
/// `Warning: ` under `--validate=warn`), or one JSON line.
pub fn print_invalid(doc: &Document, errors: &[FieldError], ctx: &Context, shown_as: InvalidAs) {
    let warn = shown_as == InvalidAs::Warning;
    let p = &ctx.printer;
    if p.json_errors() {
        let e = crate::cmd::validate::invalid_document(doc, errors);
        if warn {
            p.warn(&e.message());
        } else {
            p.error(&e);
        }
        return;
    }
    let mut text = String::new();
    if warn {
        text.push_str("Warning: ");
    }
    text.push_str(&report::render_human(doc, errors, p.color_err));
    p.err(&text);
}

/// Each document's errors, in input order, checked on copies (apply sends the originals),
/// large batches across the cores.
pub fn validate_in_parallel(docs: &[Document], options: &Options) -> Vec<Vec<FieldError>> {
    use crate::validate::parallel::{in_parts, part_len};
    in_parts(docs.chunks(part_len(docs.len())), |part| {
        part.iter()
            .map(|doc| crate::validate::validate_object(&mut doc.value.clone(), options))
            .collect()
    })
}

/// The NotFound errors of named objects, printed after what was found, as kubectl prints them
/// (it matters when a script reads stdout and stderr as one stream).
pub fn print_not_found(printer: &crate::print::Printer, missing: &[Box<ApiStatus>]) {
    for s in missing {
        printer.error(&s.to_cli(s.kind()));
    }
}

/// The namespace an object goes to; a namespace in the file that contradicts `-n` is an error.
pub fn object_namespace(
    doc: &Document,
    target_ns: &str,
    explicit: bool,
) -> Result<String, CliError> {
    crate::cmd::objects::namespace_for(
        doc.value["metadata"]["namespace"].as_str(),
        target_ns,
        explicit,
    )
}

/// Whether a failed object is its command's only failure: kubectl words a lone invalid object
/// by its causes, and each of several with the file it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failures {
    Alone,
    Several,
}

/// kubectl's words for a failed object: invalid objects by their causes, other errors with the
/// file they came from.
pub fn error_text(e: &ClientError, action: Action, source: &str, failures: Failures) -> String {
    let verb = action.as_str();
    match e {
        ClientError::Status(s)
            if failures == Failures::Alone && (s.code == 422 || s.reason == "Invalid") =>
        {
            s.kubectl_message()
        }
        ClientError::Status(s) if !s.reason.is_empty() => format!(
            "Error from server ({}): error when {verb} {source:?}: {}",
            s.reason, s.message
        ),
        ClientError::Status(s) => {
            format!(
                "Error from server: error when {verb} {source:?}: {}",
                s.message
            )
        }
        other => format!("error: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dry_run_suffixes() {
        assert_eq!(dry_run_suffix(Some(DryRun::Client)), " (dry run)");
        assert_eq!(dry_run_suffix(Some(DryRun::Server)), " (server dry run)");
        assert_eq!(dry_run_suffix(None), "");
    }
}
