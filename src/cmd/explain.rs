//! `datumctl explain RESOURCE[.field.path]`: field documentation from the server's OpenAPI v3
//! when a server is configured and reachable, else (or with `--offline`) the embedded schema.
//! Rendering lives in `schema::explain`, the same for both sources.

use crate::cli::{ExplainArgs, Profile};
use crate::client::openapi::{self, LiveSchema};
use crate::cmd::Context;
use crate::cmd::objects;
use crate::error::{CliError, CmdResult, Outcome};
use crate::resource;
use crate::schema::Node;
use crate::schema::{
    self,
    explain::{self, Options, ResourceHeader, UnknownField},
};
use crate::validate::datum;
use anyhow::anyhow;

enum Format {
    Plaintext,
    Json,
}

pub async fn run(args: &ExplainArgs, ctx: &Context) -> CmdResult {
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
    let Some(arg) = &args.path else {
        return Err(objects::type_required(
            "explain",
            &format!("{}.spec.retry", resource::SHORT_NAME),
        ));
    };
    let Some(path) = resource::split_explain_path(arg) else {
        let typed = arg.split('.').next().unwrap_or(arg);
        return Err(
            CliError::failure(anyhow!(objects::unknown_type(typed))).hint(accepted_names_hint())
        );
    };
    if let Some(gv) = &args.api_version {
        check_api_version(gv)?;
    }
    let live = if args.offline {
        None
    } else {
        live_schema(ctx).await
    };
    // The embedded schema is only parsed when the live one is not used.
    let root = live.as_ref().unwrap_or_else(|| &schema::embedded().root);
    let target = explain::lookup(root, resource::PLURAL, &path).map_err(unknown_field)?;
    let text = match format {
        Format::Plaintext => {
            let header = ResourceHeader {
                group: resource::GROUP,
                kind: resource::KIND,
                version: resource::VERSION,
                plural: resource::PLURAL,
            };
            let field_path = path.join(".");
            let options = Options {
                recursive: args.recursive,
                max_depth: args.max_depth,
                path: &field_path,
                marker: (args.profile == Some(Profile::Datum)).then_some(datum::restriction as _),
            };
            explain::render_plaintext(&header, &target, &options)
        }
        Format::Json => explain::render_json(&target),
    };
    ctx.printer.out(&text);
    Ok(Outcome::Success)
}

/// The resource's schema as the configured server publishes it, or `None` (with a one-line
/// note on stderr when a server was configured but could not be used).
async fn live_schema(ctx: &Context) -> Option<Node> {
    match openapi::for_explain(
        crate::cmd::connect::target(&ctx.global),
        ctx.global.verbosity,
        ctx.global.request_timeout,
        &ctx.printer,
    )
    .await
    {
        LiveSchema::Live(node) => Some(*node),
        LiveSchema::NotConfigured => None,
        LiveSchema::Unavailable(why) => {
            ctx.printer.info(&format!("note: {why}"));
            None
        }
    }
}

/// `--api-version`: the one group/version this resource is served in, or kubectl's error.
fn check_api_version(gv: &str) -> Result<(), CliError> {
    if gv == resource::API_VERSION {
        return Ok(());
    }
    let (group, version) = match gv.split('/').collect::<Vec<_>>().as_slice() {
        [v] => ("", *v),
        [g, v] => (*g, *v),
        _ => {
            return Err(CliError::usage(format!(
                "unexpected GroupVersion string: {gv}"
            )));
        }
    };
    Err(CliError::failure(anyhow!(
        "couldn't find resource for \"{group}/{version}, Resource={}\"",
        resource::PLURAL
    ))
    .hint(format!(
        "{} is served as {}",
        resource::PLURAL,
        resource::API_VERSION
    )))
}

fn accepted_names_hint() -> String {
    format!(
        "explain knows {}, each optionally followed by .{}",
        resource::ACCEPTED_NAMES.join(", "),
        resource::GROUP
    )
}

/// An unknown field path as an error, with the closest name or the fields there are.
pub fn unknown_field(err: UnknownField) -> CliError {
    let hint = match (&err.suggestion, err.available.is_empty()) {
        (Some(name), _) => format!("did you mean \"{name}\"?"),
        (None, false) => format!("fields of {}: {}", err.parent, err.available.join(", ")),
        (None, true) => format!("{} is <{}> and has no fields", err.parent, err.parent_type),
    };
    CliError::failure(err).hint(hint)
}
