//! `datumctl validate -f FILE|DIR|- [-R] [--profile P] [-o json]`: offline validation of every
//! document, every error reported. Exit 0 all valid, 1 any invalid, 2 unreadable input or bad
//! flags. Errors (human form) and the summary go to stderr; `-o json` results go to stdout.

use crate::cli::ValidateArgs;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::manifest::{self, Document, Input, ManifestError};
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
    use crate::validate::parallel::{in_parts, part_len};
    let len = part_len(docs.len());
    in_parts(docs.chunks_mut(len), |part| {
        part.iter_mut()
            .map(|doc| validate_object(&mut doc.value, options))
            .collect()
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
    let inputs = manifest::read_inputs_each(&args.files.filenames, args.files.recursive)?;
    // Documents are validated together (in place, across the cores); files that are not
    // manifests keep their place among them in the report.
    let mut docs = Vec::with_capacity(inputs.len());
    let mut broken: Vec<(usize, ManifestError)> = Vec::new();
    for input in inputs {
        match input {
            Input::Document(d) => docs.push(d),
            Input::Broken(e) => broken.push((docs.len(), e)),
        }
    }
    let options = Options {
        profile: args.profile,
    };
    let results = validate_in_place(&mut docs, &options);
    let printer = &ctx.printer;
    let mut invalid = broken.len();
    let mut out = String::new();
    let mut err = String::new();
    let style = HumanStyle {
        color: printer.color_err,
        snippet: printer.stderr_tty,
    };
    let mut broken = broken.into_iter().peekable();
    let report_broken = |e: &ManifestError, out: &mut String, err: &mut String| {
        if let Format::Json = format {
            out.push_str(&report::render_broken_json(e).to_string());
            out.push('\n');
        }
        if printer.json_errors() {
            err.push_str(&format!("{}\n", CliError::from(e).to_json()));
        } else if let Format::Human = format {
            err.push_str(&format!("{e}\n"));
        }
    };
    for (i, (doc, errors)) in docs.iter().zip(&results).enumerate() {
        while let Some((_, e)) = broken.next_if(|(at, _)| *at == i) {
            report_broken(&e, &mut out, &mut err);
        }
        if !errors.is_empty() {
            invalid += 1;
        }
        if let Format::Json = format {
            out.push_str(&report::render_json(doc, errors).to_string());
            out.push('\n');
        }
        if printer.json_errors() {
            if !errors.is_empty() {
                err.push_str(&format!("{}\n", invalid_document(doc, errors).to_json()));
            }
        } else if let Format::Human = format {
            err.push_str(&report::render_human_with(doc, errors, style));
        }
        // Written in batches: a large stream's reports never pile up in memory.
        if out.len() >= OUTPUT_BATCH {
            printer.out(&std::mem::take(&mut out));
        }
        if err.len() >= OUTPUT_BATCH {
            printer.err(&std::mem::take(&mut err));
        }
    }
    for (_, e) in broken {
        report_broken(&e, &mut out, &mut err);
    }
    printer.out(&out);
    let total = docs.len() + invalid - results.iter().filter(|e| !e.is_empty()).count();
    let noun = if total == 1 { "document" } else { "documents" };
    if !printer.json_errors() {
        err.push_str(&format!("{total} {noun}, {invalid} invalid\n"));
    }
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

/// The error `--error-format json` prints for an invalid document: kind `invalid`, its file,
/// index and name, and every field error with its position.
pub fn invalid_document(doc: &Document, errors: &[FieldError]) -> CliError {
    let name = doc.name().unwrap_or("");
    let first = errors.first().map(FieldError::message).unwrap_or_default();
    let message = if errors.len() == 1 {
        format!("{} is invalid: {first}", object_label(doc))
    } else {
        format!("{} is invalid: {} errors", object_label(doc), errors.len())
    };
    let field_errors: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| report::field_error_json(doc, report::error_position(doc, e), e))
        .collect();
    let mut e = CliError::invalid(anyhow::anyhow!(message))
        .reason("Invalid")
        .detail("file", doc.source.as_str())
        .detail("index", doc.index)
        .detail("name", name)
        .detail("errors", field_errors);
    for s in errors.iter().filter_map(FieldError::suggestion) {
        e = e.hint(format!("did you mean {s:?}?"));
    }
    e
}

/// `FILE: object 2 "name"`, how a document is named in a one-line message.
fn object_label(doc: &Document) -> String {
    match doc.name() {
        Some(n) => format!("{}: object {} {n:?}", doc.source, doc.index + 1),
        None => format!("{}: object {}", doc.source, doc.index + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata: {name: a}\nspec:\n  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]\n  retry: {numRetrys: 1}\n";

    #[test]
    fn copies_are_validated_and_in_place_matches() {
        let docs = manifest::parse_source("a.yaml", TEXT).expect("parses");
        let before = docs[0].value.clone();
        let copied = validate_documents(&docs, &Options::default());
        assert_eq!(docs[0].value, before, "the caller's object is left as read");
        let mut owned = docs.clone();
        let in_place = validate_in_place(&mut owned, &Options::default());
        assert_eq!(copied, in_place);
        assert_eq!(
            copied[0][0].message(),
            "unknown field \"spec.retry.numRetrys\""
        );
        // In place, unknown fields are pruned and defaults applied; positions still resolve.
        assert_eq!(owned[0].value["spec"]["retry"]["numRetries"], 2);
        assert_eq!(
            report::error_position(&owned[0], &in_place[0][0]),
            manifest::Position {
                line: 6,
                column: 11
            }
        );
    }

    #[test]
    fn many_documents_keep_their_order_across_threads() {
        let stream: String = (0..300)
            .map(|i| {
                TEXT.replace("name: a", &format!("name: a{i}"))
                    .replace("numRetrys: 1", &format!("numRetries: {}", i % 3 - 1))
            })
            .map(|d| format!("---\n{d}"))
            .collect();
        let mut docs = manifest::parse_source("s.yaml", &stream).expect("parses");
        let results = validate_in_place(&mut docs, &Options::default());
        for (i, errors) in results.iter().enumerate() {
            assert_eq!(errors.is_empty(), i % 3 != 0, "document {i}");
        }
    }
}
