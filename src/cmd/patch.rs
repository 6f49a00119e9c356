//! `datumctl patch btp NAME --type merge|json -p …|--patch-file …`: the patch is applied to the
//! live object here first and the result checked with the server's validator before it is
//! sent; kubectl's `patched` / `patched (no change)` lines. Strategic merge patches do not
//! exist for custom resources, and are refused with kubectl's words.

use crate::cli::{DryRun, PatchArgs};
use crate::client::api::{JSON_PATCH, MERGE_PATCH};
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::create::{ResultPrinter, local_refusal, profile_for, write_format, write_options};
use crate::cmd::objects::{self, Selection};
use crate::error::{CliError, CmdResult, Outcome};
use crate::resource::{API_VERSION, KIND};
use serde_json::Value;

/// The media type of each `--type`, or `None` for strategic (which custom resources lack).
fn content_type(kind: &str) -> Result<Option<&'static str>, CliError> {
    match kind {
        "merge" => Ok(Some(MERGE_PATCH)),
        "json" => Ok(Some(JSON_PATCH)),
        "strategic" => Ok(None),
        other => Err(CliError::usage(format!(
            "--type must be one of [json merge strategic], not {other:?}"
        ))),
    }
}

/// The patch text from `-p` or `--patch-file`.
fn patch_text(args: &PatchArgs) -> Result<String, CliError> {
    match (&args.patch, &args.patch_file) {
        (Some(_), Some(_)) => Err(CliError::usage(
            "cannot specify --patch and --patch-file together",
        )),
        (Some(p), None) => Ok(p.clone()),
        (None, Some(file)) => std::fs::read_to_string(file)
            .map_err(|e| CliError::usage(format!("unable to read patch file: open {file}: {e}"))),
        (None, None) => Err(CliError::usage(
            "must specify --patch or --patch-file containing the contents of the patch",
        )),
    }
}

/// The patch as JSON bytes: JSON as given, YAML converted (as kubectl converts it); text that
/// is neither is sent as it is, for the server to refuse in its own words.
fn patch_body(text: &str) -> (Vec<u8>, Option<Value>) {
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        return (text.as_bytes().to_vec(), Some(v));
    }
    let yaml = crate::manifest::parse_source("patch", text)
        .ok()
        .and_then(|docs| docs.into_iter().next())
        .map(|d| d.value)
        .filter(|v| v.is_object() || v.is_array());
    match yaml {
        Some(v) => (serde_json::to_vec(&v).unwrap_or_default(), Some(v)),
        None => (text.as_bytes().to_vec(), None),
    }
}

pub async fn run(args: &PatchArgs, ctx: &Context) -> CmdResult {
    let format = write_format(ctx)?;
    let selection = objects::select(
        "patch",
        &objects::words(args.resource.as_ref(), &args.names),
        &args.files,
    )?;
    if selection == Selection::Collection {
        return Err(CliError::usage(
            "resource(s) were provided, but no name was specified",
        ));
    }
    let text = patch_text(args)?;
    let media = content_type(&args.patch_type)?;
    let (body, parsed) = patch_body(&text);
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let profile = profile_for(args.write.profile, &client);
    let options = write_options(args.write.dry_run, &args.write.field_manager, "patch");
    let targets = selection
        .placed(&client.target.namespace, ctx.global.namespace.is_some())?
        .unwrap_or_default();
    let p = &ctx.printer;
    let mut out = ResultPrinter::new(format);
    let mut failed = false;
    for target in &targets {
        let result: Result<(Value, &str), ClientError> = async {
            let live = client.get_policy(&target.namespace, &target.name).await?;
            let Some(media) = media else {
                return Err(strategic_refusal());
            };
            let local = parsed.as_ref().and_then(|patch| {
                let mut result = live.clone();
                let applied = if media == MERGE_PATCH {
                    crate::patch::merge_patch(&mut result, patch);
                    true
                } else {
                    crate::patch::json_patch(&mut result, patch).is_ok()
                };
                applied.then_some(result)
            });
            if let Some(result) = &local {
                if let Some(status) = local_refusal(result, Some(&live), profile) {
                    return Err(ClientError::Status(Box::new(status)));
                }
                if args.write.dry_run == Some(DryRun::Client) {
                    return Ok((result.clone(), "patched"));
                }
            }
            let patched = client
                .patch_policy_bytes(
                    &target.namespace,
                    &target.name,
                    media,
                    body.clone(),
                    &options,
                )
                .await?;
            let verb = if patched == live && args.write.dry_run.is_none() {
                "patched (no change)"
            } else {
                "patched"
            };
            Ok((patched, verb))
        }
        .await;
        match result {
            Ok((object, verb)) => p.out(&out.line(&object, verb)),
            Err(ClientError::Status(s)) if s.code == 415 => {
                p.err(&format!("error: {}\n", s.message));
                failed = true;
            }
            Err(ClientError::Status(s)) => {
                p.err(&format!("{}\n", s.kubectl_message()));
                failed = true;
            }
            Err(e) => return Err(e.into_cli(&client.target)),
        }
    }
    Ok(Outcome::failed_if(failed))
}

/// kubectl's refusal of a strategic merge patch on a custom resource.
fn strategic_refusal() -> ClientError {
    let group_version = API_VERSION;
    ClientError::Status(Box::new(crate::client::status::ApiStatus {
        code: 415,
        reason: "UnsupportedMediaType".into(),
        message: format!(
            "application/strategic-merge-patch+json is not supported by {group_version}, Kind={KIND}: the body of the request was in an unknown format - accepted media types include: {JSON_PATCH}, {MERGE_PATCH}, {}",
            crate::client::api::APPLY_PATCH
        ),
        details: Value::Null,
    }))
}
