//! `datumctl describe backendtrafficpolicy NAME…` (or `-l`, or all): the human view with the
//! ancestors' status table and events.

use crate::cli::DescribeArgs;
use crate::client::api::ListOptions;
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::common::print_not_found;
use crate::cmd::objects::{self, Selection};
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::describe::{DescribeStyle, describe};
use chrono::Utc;
use serde_json::Value;

pub async fn run(args: &DescribeArgs, ctx: &Context) -> CmdResult {
    let selection = objects::select(
        "describe",
        &objects::words(args.resource.as_ref(), &args.names),
        &args.files,
    )?;
    if args.all_namespaces && selection != Selection::Collection {
        return Err(CliError::usage(
            "a resource cannot be retrieved by name across all namespaces",
        ));
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let named = selection.placed(&client.target.namespace, ctx.global.namespace.is_some())?;
    let p = &ctx.printer;
    // kubectl's quirks, kept because scripts see them: `describe TYPE/NAME…` shows nothing when
    // any object is missing; `describe TYPE NAME` with no such object shows every object whose
    // name starts with NAME (each followed by a blank line).
    let slash_form = objects::words(args.resource.as_ref(), &args.names)
        .iter()
        .any(|w| w.contains('/'));
    let prefix = (args.files.filenames.is_empty() && !slash_form && args.names.len() == 1)
        .then(|| args.names[0].as_str());
    let result: Result<Outcome, ClientError> = async {
        let ns = client.target.namespace.clone();
        let mut objects: Vec<Value> = Vec::new();
        let mut missing = Vec::new();
        let mut separator = "\n\n";
        if let Some(named) = &named {
            for object in named {
                match client.get_policy(&object.namespace, &object.name).await {
                    Ok(o) => objects.push(o),
                    Err(ClientError::Status(s)) if s.is_not_found() => missing.push(s),
                    Err(e) => return Err(e),
                }
            }
            if let (Some(prefix), false) = (prefix, missing.is_empty()) {
                let options = ListOptions {
                    limit: Some(crate::client::api::PAGE_SIZE),
                    ..Default::default()
                };
                let scope = named.first().map_or(ns.as_str(), |o| o.namespace.as_str());
                let (items, _) = client.list_all(Some(scope), &options).await?;
                objects = items
                    .into_iter()
                    .filter(|o| {
                        o["metadata"]["name"]
                            .as_str()
                            .is_some_and(|n| n.starts_with(prefix))
                    })
                    .collect();
                if !objects.is_empty() {
                    missing.clear();
                    separator = "";
                }
            } else if slash_form && !missing.is_empty() {
                objects.clear();
            }
        } else {
            let options = ListOptions {
                label_selector: args.selector.clone(),
                limit: Some(crate::client::api::PAGE_SIZE),
                ..Default::default()
            };
            let scope = (!args.all_namespaces).then_some(ns.as_str());
            let (items, _) = client.list_all(scope, &options).await?;
            if items.is_empty() {
                p.info(&crate::resource::no_resources_found(scope));
            }
            objects = items;
        }
        let style = DescribeStyle {
            color: p.color,
            now: Utc::now(),
            width: crate::print::output_width(),
        };
        for (i, object) in objects.iter().enumerate() {
            let meta = &object["metadata"];
            let events = client
                .events_for(
                    meta["namespace"].as_str().unwrap_or(&ns),
                    meta["name"].as_str().unwrap_or(""),
                    meta["uid"].as_str(),
                )
                .await?;
            let text = describe(object, events.as_deref(), &style);
            p.out(&match (i, separator) {
                (_, "") => format!("{text}\n"),
                (0, _) => text,
                (_, between) => format!("{between}{text}"),
            });
        }
        print_not_found(p, &missing);
        Ok(Outcome::failed_if(!missing.is_empty()))
    }
    .await;
    result.map_err(|e| e.into_cli(&client.target))
}
