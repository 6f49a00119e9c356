//! `datumctl delete backendtrafficpolicy NAME…|-f FILE|-l SEL|--all`, with kubectl's
//! `… deleted` lines and `--ignore-not-found`.

use crate::cli::{DeleteArgs, DryRun};
use crate::client::api::{DeleteOptions, ListOptions};
use crate::client::http::ApiClient;
use crate::client::status::ApiStatus;
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::common::dry_run_suffix;
use crate::cmd::objects::{self, PlacedObject, Selection};
use crate::error::{CliError, CmdResult, Outcome};
use crate::resource::{GROUP, PLURAL, SINGULAR, qualified_name};
use std::time::{Duration, Instant};

pub async fn run(args: &DeleteArgs, ctx: &Context) -> CmdResult {
    let names_only = match ctx.global.output.as_deref() {
        None => false,
        Some("name") => true,
        Some(other) => {
            return Err(CliError::usage(format!(
                "unexpected -o output mode: {other}. We only support '-o name'"
            )));
        }
    };
    let removal = &args.removal;
    if removal.now && removal.grace_period != -1 {
        return Err(CliError::usage(
            "--now and --grace-period cannot be specified together",
        ));
    }
    // kubectl: --now is a one-second grace period, and 0 becomes 1 unless forced; --force
    // deletes with none (and cannot be given one).
    let grace_period = match (removal.now, removal.grace_period, removal.force) {
        (false, n, true) if n <= 0 => Some(0),
        (_, _, true) => {
            return Err(CliError::usage(
                "--force and --grace-period greater than 0 cannot be specified together",
            ));
        }
        (true, _, _) | (false, 0, _) => Some(1),
        (false, n, _) if n > 0 => Some(n),
        _ => None,
    };
    if removal.force {
        ctx.printer.warn("Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.");
    }
    let deleted_word = if removal.force {
        "force deleted"
    } else {
        "deleted"
    };
    let wait_limit = match crate::client::http::parse_timeout(&removal.timeout) {
        Ok(Some(d)) => d,
        Ok(None) => Duration::from_secs(168 * 3600),
        Err(e) => {
            return Err(CliError::usage(format!(
                "invalid --timeout {:?}: {e}",
                removal.timeout
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
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let ns = client.target.namespace.clone();
    let mut targets = selection
        .placed(&ns, ctx.global.namespace.is_some())?
        .unwrap_or_default();
    let p = &ctx.printer;
    let suffix = dry_run_suffix(args.dry_run);
    let result: Result<Outcome, ClientError> = async {
        if args.selector.is_some() || args.all {
            let options = ListOptions {
                label_selector: args.selector.clone(),
                limit: Some(crate::client::api::PAGE_SIZE),
                ..Default::default()
            };
            let (items, _) = client.list_all(Some(&ns), &options).await?;
            if items.is_empty() {
                // kubectl's delete says this on stdout, without the namespace.
                p.out(&format!("{}\n", crate::resource::no_resources_found(None)));
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
        let mut deleted: Vec<(String, String, Option<String>)> = Vec::new();
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
                    .delete_policy(
                        namespace,
                        name,
                        &DeleteOptions {
                            server_dry_run: args.dry_run == Some(DryRun::Server),
                            grace_period,
                        },
                    )
                    .await
                    .map(|answer| {
                        let uid = answer["metadata"]["uid"]
                            .as_str()
                            .or(answer["details"]["uid"].as_str())
                            .map(String::from);
                        deleted.push((namespace.clone(), name.clone(), uid));
                    })
            };
            match outcome {
                Ok(()) if names_only => p.out(&format!("{}\n", qualified_name(name))),
                // kubectl 1.37 names the namespace the object was deleted from.
                Ok(()) => p.out(&format!(
                    "{SINGULAR}.{GROUP} {name:?} {deleted_word} from {namespace} namespace{suffix}\n"
                )),
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
        if removal.wait && args.dry_run.is_none() {
            let deadline = Instant::now() + wait_limit;
            for (namespace, name, uid) in &deleted {
                if !gone(&client, namespace, name, uid.as_deref(), deadline).await? {
                    p.err(&format!(
                        "error: timed out waiting for the condition on {PLURAL}/{name}\n"
                    ));
                    failed = true;
                }
            }
        }
        Ok(Outcome::failed_if(failed))
    }
    .await;
    result.map_err(|e| e.into_cli(&client.target))
}

/// `--wait`: whether the object (this uid) is gone before `deadline`. A server that keeps it
/// while finalizers run shows it with a deletionTimestamp until then; it is asked again with a
/// backoff up to one second.
async fn gone(
    client: &ApiClient,
    namespace: &str,
    name: &str,
    uid: Option<&str>,
    deadline: Instant,
) -> Result<bool, ClientError> {
    let mut pause = Duration::from_millis(50);
    loop {
        match client.get_policy(namespace, name).await {
            Err(e) if e.is_not_found() => return Ok(true),
            Err(e) => return Err(e),
            Ok(o) if uid.is_some_and(|u| o["metadata"]["uid"].as_str() != Some(u)) => {
                return Ok(true);
            }
            Ok(_) => {}
        }
        if Instant::now() + pause > deadline {
            return Ok(false);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(1));
    }
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
