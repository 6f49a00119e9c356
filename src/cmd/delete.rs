//! `datumctl delete backendtrafficpolicy NAME…|-f FILE|-l SEL|--all`, with kubectl's
//! `… deleted` lines and `--ignore-not-found`.

use crate::cli::{DeleteArgs, DryRun};
use crate::client::api::{ListOptions, runtime};
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::apply::{dry_run_suffix, object_namespace, read_documents};
use crate::cmd::get::check_resource;
use crate::error::{CliError, CmdResult, Outcome};
use crate::resource::{GROUP, SINGULAR};

pub fn run(args: &DeleteArgs, ctx: &Context) -> CmdResult {
    let from_files = !args.files.filenames.is_empty();
    match &args.resource {
        Some(r) if !from_files => check_resource(r)?,
        Some(_) => {
            return Err(CliError::usage(
                "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
            ));
        }
        None if !from_files => {
            return Err(CliError::usage(
                "You must provide one or more resources by argument or filename.",
            ));
        }
        None => {}
    }
    let selectors = [
        !args.names.is_empty(),
        args.selector.is_some(),
        args.all,
        from_files,
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if selectors == 0 {
        return Err(CliError::usage(
            "resource(s) were provided, but no name was specified",
        ));
    }
    if selectors > 1 {
        return Err(CliError::usage(
            "names, -f, -l and --all cannot be combined; choose one",
        ));
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer)?;
    let ns = client.target.namespace.clone();
    let mut targets: Vec<(String, String)> = Vec::new();
    if from_files {
        let explicit = ctx.global.namespace.is_some();
        for doc in read_documents(&args.files)? {
            let name = doc
                .name()
                .ok_or_else(|| {
                    CliError::usage(format!("{}: an object has no metadata.name", doc.source))
                })?
                .to_string();
            targets.push((object_namespace(&doc, &ns, explicit)?, name));
        }
    } else {
        targets.extend(args.names.iter().map(|n| (ns.clone(), n.clone())));
    }
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
                p.err(&format!("No resources found in {ns} namespace.\n"));
            }
            for item in items {
                if let Some(name) = item["metadata"]["name"].as_str() {
                    targets.push((ns.clone(), name.to_string()));
                }
            }
        }
        let mut failed = false;
        for (namespace, name) in &targets {
            let outcome = if args.dry_run == Some(DryRun::Client) {
                client.get_policy(namespace, name).await.map(|_| ())
            } else {
                client
                    .delete_policy(namespace, name, args.dry_run == Some(DryRun::Server))
                    .await
                    .map(|_| ())
            };
            match outcome {
                Ok(()) => p.out(&format!("{SINGULAR}.{GROUP} {name:?} deleted{suffix}\n")),
                Err(e) if e.is_not_found() && args.ignore_not_found => {}
                Err(ClientError::Status(s)) if s.is_not_found() => {
                    p.err(&format!("{}\n", s.kubectl_message()));
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
