//! `datumctl explain RESOURCE[.field.path]`: field documentation from the embedded schema.
//! Rendering lives in `schema::explain` so a schema fetched from a server can use it too.

use crate::cli::{ExplainArgs, Profile};
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::resource;
use crate::schema::{
    self,
    explain::{self, Options, ResourceHeader, UnknownField},
};
use anyhow::anyhow;

enum Format {
    Plaintext,
    Json,
}

pub fn run(args: &ExplainArgs, ctx: &Context) -> CmdResult {
    let format = match ctx.global.output.as_deref() {
        None | Some("plaintext") => Format::Plaintext,
        Some("json") => Format::Json,
        Some(other) => {
            return Err(
                CliError::usage(format!("unknown output format \"{other}\" for explain"))
                    .hint("use -o plaintext (the default) or -o json"),
            );
        }
    };
    if args.max_depth.is_some() && !args.recursive {
        return Err(CliError::usage("--max-depth only applies with --recursive")
            .hint("add --recursive, or drop --max-depth"));
    }
    let Some(path) = resource::split_explain_path(&args.path) else {
        let typed = args.path.split('.').next().unwrap_or(&args.path);
        return Err(
            CliError::failure(anyhow!("unknown resource type \"{typed}\""))
                .hint(accepted_names_hint()),
        );
    };
    if args.profile == Some(Profile::Datum) {
        ctx.printer.err(
            "note: Datum Cloud restriction markers (--profile datum) are not available yet; \
             showing the upstream schema\n",
        );
    }
    // The embedded schema is the only source for now, so --offline changes nothing yet.
    let schema = schema::embedded();
    let target = explain::lookup(&schema.root, &schema.plural, &path).map_err(unknown_field)?;
    let text = match format {
        Format::Plaintext => {
            let header = ResourceHeader {
                group: &schema.group,
                kind: &schema.kind,
                version: &schema.version,
                plural: &schema.plural,
            };
            let options = Options {
                recursive: args.recursive,
                max_depth: args.max_depth,
            };
            explain::render_plaintext(&header, &target, &options)
        }
        Format::Json => explain::render_json(&target),
    };
    ctx.printer.out(&text);
    Ok(Outcome::Success)
}

fn accepted_names_hint() -> String {
    format!(
        "explain knows {}, each optionally followed by .{}",
        resource::ACCEPTED_NAMES.join(", "),
        resource::GROUP
    )
}

fn unknown_field(err: UnknownField) -> CliError {
    let hint = match (&err.suggestion, err.available.is_empty()) {
        (Some(name), _) => format!("did you mean \"{name}\"?"),
        (None, false) => format!("fields of {}: {}", err.parent, err.available.join(", ")),
        (None, true) => format!("{} is <{}> and has no fields", err.parent, err.parent_type),
    };
    CliError::failure(err).hint(hint)
}
