//! `datumctl delete backendtrafficpolicy NAME…|-f FILE|-l SEL|--all`, with kubectl's
//! `… deleted` lines and `--ignore-not-found`.

use crate::cli::{DeleteArgs, DryRun};
use crate::client::api::{ListOptions, runtime};
use crate::client::status::ApiStatus;
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::apply::dry_run_suffix;
use crate::cmd::objects::{self, PlacedObject, Selection};
use crate::error::{CliError, CmdResult, Outcome};
use crate::resource::{GROUP, SINGULAR, qualified_name};

pub fn run(args: &DeleteArgs, ctx: &Context) -> CmdResult {
    let names_only = match ctx.global.output.as_deref() {
        None => false,
        Some("name") => true,
        Some(other) => {
            return Err(CliError::usage(format!(
                "unexpected -o output mode: {other}. We only support '-o name'"
            )));
        }
    };
    let selection = objects::select(
        "delete",
        &objects::words(args.resource.as_ref(), &args.names),
        &args.files,
    )?;
    let by_selector = args.selector.is_some();
    match (&selection, by_selector, args.all) {
        (Selection::Objects(_), true, _) | (Selection::Objects(_), _, true) => {
            return Err(CliError::usage(
                "name cannot be provided when a selector is specified",
            ));
        }
        (Selection::Collection, true, true) => {
            return Err(CliError::usage(
                "setting 'all' parameter but found a non empty selector.",
            ));
        }
        (Selection::Collection, false, false) => {
            return Err(CliError::usage(
                "resource(s) were provided, but no name was specified",
            ));
        }
        _ => {}
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer)?;
    let ns = client.target.namespace.clone();
    let mut targets = selection
        .placed(&ns, ctx.global.namespace.is_some())?
        .unwrap_or_default();
    let rt = runtime().map_err(|e| CliError::failure(anyhow::Error::new(e)))?;
    let p = &ctx.printer;
    let suffix = dry_run_suffix(args.dry_run);
    let result: Result<Outcome, ClientError> = rt.block_on(async {
        if args.selector.is_some() || args.all {
            let options = ListOptions {
                label_selector: args.selector.clone(),
                limit: Some(500),
                ..Default::default()
            };
            let (items, _) = client.list_all(Some(&ns), &options).await?;
            if items.is_empty() {
                p.info(&format!("No resources found in {ns} namespace."));
            }
            for item in items {
                if let Some(name) = item["metadata"]["name"].as_str() {
                    targets.push(PlacedObject {
                        namespace: ns.clone(),
                        name: name.to_string(),
                        source: None,
                    });
                }
            }
        }
        let mut failed = false;
        for PlacedObject {
            namespace,
            name,
            source,
        } in &targets
        {
            let outcome = if args.dry_run == Some(DryRun::Client) {
                client.get_policy(namespace, name).await.map(|_| ())
            } else {
                client
                    .delete_policy(namespace, name, args.dry_run == Some(DryRun::Server))
                    .await
                    .map(|_| ())
            };
            match outcome {
                Ok(()) if names_only => p.out(&format!("{}\n", qualified_name(name))),
                Ok(()) => p.out(&format!("{SINGULAR}.{GROUP} {name:?} deleted{suffix}\n")),
                Err(e) if e.is_not_found() && args.ignore_not_found => {}
                Err(ClientError::Status(s)) if s.is_not_found() => {
                    let mut e = s.to_cli(s.kind());
                    e.error = anyhow::anyhow!(not_found_line(&s, source.as_deref()));
                    if let Some(file) = &source {
                        e = e.detail("file", file.as_str());
                    }
                    p.error(&e);
                    failed = true;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(if failed {
            Outcome::Failed
        } else {
            Outcome::Success
        })
    });
    result.map_err(|e| e.into_cli(&client.target))
}

/// kubectl names the manifest an object came from when deleting it fails.
fn not_found_line(status: &ApiStatus, source: Option<&str>) -> String {
    let line = status.kubectl_message();
    match (source, line.split_once("): ")) {
        (Some(file), Some((head, rest))) => {
            format!("{head}): error when deleting {file:?}: {rest}")
        }
        _ => line,
    }
}
