//! `datumctl replace -f …` (`--force`): each policy a manifest holds replaces the stored one,
//! checked locally first; with `--force` the stored one is deleted, awaited, and created anew,
//! as `kubectl replace --force` does.

use crate::cli::{DryRun, ReplaceArgs};
use crate::client::api::DeleteOptions;
use crate::client::http::ApiClient;
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::common::{Action, Failures, error_text, object_namespace, read_documents};
use crate::cmd::create::{ResultPrinter, check_kinds, manifest_write, write_format};
use crate::error::{CliError, CmdResult, Outcome};
use crate::resource::{GROUP, SINGULAR};
use serde_json::Value;
use std::time::Duration;

pub async fn run(args: &ReplaceArgs, ctx: &Context) -> CmdResult {
    if args.files.filenames.is_empty() {
        return Err(CliError::usage("must specify one of -f and -k"));
    }
    if args.force && args.write.dry_run.is_some() {
        return Err(CliError::usage(
            "--dry-run can not be used when --force is set",
        ));
    }
    let mut out = ResultPrinter::new(write_format(ctx)?);
    let docs = read_documents(&args.files)?;
    check_kinds(&docs)?;
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let (check, options, verb) = manifest_write(&args.write, &args.validate, &client, "replace");
    let explicit = ctx.global.namespace.is_some();
    let p = &ctx.printer;
    let mut failed = false;
    for doc in &docs {
        let ns = object_namespace(doc, &client.target.namespace, explicit)?;
        let name = doc.name().unwrap_or("").to_string();
        let mut object = doc.value.clone();
        if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert("namespace".into(), Value::String(ns.clone()));
        }
        let result = async {
            if let Some(status) = check.refusal(&object) {
                return Err((Action::Replacing, ClientError::Status(Box::new(status))));
            }
            if args.force {
                return force_replace(&client, &ns, &name, &object, &options, ctx).await;
            }
            if args.write.dry_run == Some(DryRun::Client) {
                return Ok(object.clone());
            }
            // As kubectl's replace: a manifest without a resourceVersion replaces whatever is
            // stored, so the stored version is read and sent with it.
            let mut object = object.clone();
            if object["metadata"]["resourceVersion"]
                .as_str()
                .is_none_or(str::is_empty)
            {
                let live = client
                    .get_policy(&ns, &name)
                    .await
                    .map_err(|e| (Action::Replacing, e))?;
                object["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"].clone();
            }
            client
                .replace_policy(&ns, &name, &object, &options)
                .await
                .map_err(|e| (Action::Replacing, e))
        }
        .await;
        match result {
            Ok(replaced) => p.out(&out.line(&replaced, &verb)),
            Err((what, e @ ClientError::Status(_))) => {
                p.err(&format!(
                    "{}\n",
                    error_text(&e, what, &doc.source, Failures::Alone)
                ));
                failed = true;
            }
            Err((_, e)) => return Err(e.into_cli(&client.target)),
        }
    }
    Ok(Outcome::failed_if(failed))
}

/// How long `--force` waits for the deleted object to be gone.
const GONE_WITHIN: Duration = Duration::from_secs(60);

async fn force_replace(
    client: &ApiClient,
    ns: &str,
    name: &str,
    object: &Value,
    options: &crate::client::api::WriteOptions,
    ctx: &Context,
) -> Result<Value, (Action, ClientError)> {
    match client
        .delete_policy(ns, name, &DeleteOptions::default())
        .await
    {
        Ok(_) => {
            ctx.printer.out(&format!(
                "{SINGULAR}.{GROUP} {name:?} deleted from {ns} namespace\n"
            ));
            let gone = crate::cmd::wait::until_deleted(client, ns, name, GONE_WITHIN)
                .await
                .map_err(|e| (Action::Deleting, e))?;
            if !gone {
                return Err((
                    Action::Deleting,
                    ClientError::Transport {
                        url: format!("{}/{name}", crate::resource::PLURAL),
                        detail: format!(
                            "still present {}s after its deletion; it was not created anew",
                            GONE_WITHIN.as_secs()
                        ),
                    },
                ));
            }
        }
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err((Action::Deleting, e)),
    }
    let mut fresh = object.clone();
    if let Some(meta) = fresh.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.remove("resourceVersion");
        meta.remove("uid");
    }
    client
        .create_policy(ns, &fresh, options)
        .await
        .map_err(|e| (Action::Replacing, e))
}
